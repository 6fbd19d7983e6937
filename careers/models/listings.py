"""Job listings that recruiters post in the admin, shown beside matching roles."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from careers.caching import content_changed
from careers.choices import (
    CEFRLevel,
    DecisionKind,
    EducationLevel,
    Language,
    SalaryPeriod,
    Shift,
    Shore,
    Status,
    WalkInItem,
    WorkMode,
)
from careers.listing_lint import lint
from careers.models.catalogue import Role
from careers.models.employers import Employer, Recruiter

if TYPE_CHECKING:
    from careers.models.moderation import ListingReport

LISTING_LIFETIME = timedelta(days=30)
# A phone or WhatsApp number with its country code: "+91 80 4000 1234".
PHONE = re.compile(r"\+\d[\d -]{7,18}\d")
# A city's older or other names, as recruiters write them: two names for one city would
# list it twice in a result's city filter and hide half its jobs from whoever chose one.
CITY_NAMES = {
    "bangalore": "Bengaluru",
    "bombay": "Mumbai",
    "madras": "Chennai",
    "calcutta": "Kolkata",
    "gurgaon": "Gurugram",
    "poona": "Pune",
    "new delhi": "Delhi",
    "mysore": "Mysuru",
    "baroda": "Vadodara",
    "trivandrum": "Thiruvananthapuram",
    "cochin": "Kochi",
    "vizag": "Visakhapatnam",
    "pondicherry": "Puducherry",
    "cebu city": "Cebu",
    "davao city": "Davao",
}


def city_of(location: str) -> str:
    """The city a place names, by its usual name ("Bangalore, Karnataka": "Bengaluru")."""
    name = " ".join(location.split(",")[0].split())
    return CITY_NAMES.get(name.casefold(), name)


# Reports queue a listing for a moderator at once; they take it off the site before a
# moderator has looked only on a stronger signal (README, "Recruiters and the admin"):
# unreviewed reports from this many different networks, the first and the last this far
# apart, and never a verified employer's listing. Three phones on mobile data reporting
# within minutes (a rival, or a scammer clearing the way) hide nothing.
REPORTS_TO_HIDE = 3
REPORTS_SPREAD = timedelta(hours=1)

# What candidates read of a listing, and so what a moderator approves: a change to any of
# these (or to the languages it asks for) sends a waiting or live listing back to review,
# and a decision made on an earlier version of them is refused.
REVIEWED_FIELDS = (
    "title", "company", "role", "openings", "description", "min_education",
    "spoken_english", "written_english", "typing_wpm", "experience_min_years",
    "experience_max_years", "location", "work_mode", "shore", "shift", "salary_min",
    "salary_max", "salary_currency", "salary_period", "show_salary", "apply_email",
    "apply_phone", "apply_whatsapp", "apply_url", "how_to_apply", "walk_in_date",
    "walk_in_from", "walk_in_until", "walk_in_venue", "walk_in_bring",
    "applications_close",
)  # fmt: skip


class StaleReview(ValidationError):
    """A decision made on a version of the listing that is no longer its text."""

    def __init__(self) -> None:
        super().__init__(
            "This listing changed after you opened it. Read it again below before you "
            "decide.",
            code="stale",
        )


class JobListingQuerySet(models.QuerySet):
    def visible(self) -> JobListingQuerySet:
        """Approved, not expired and not hidden by reports: what job seekers may see."""
        return self.filter(
            status=Status.PUBLISHED,
            expires_at__gt=timezone.now(),
            hidden_at__isnull=True,
        )

    def for_cards(self) -> JobListingQuerySet:
        """With what a listing's card shows: its role, employer and languages."""
        return self.select_related("role", "employer").prefetch_related("languages")

    def awaiting_review(self) -> JobListingQuerySet:
        """The moderators' queue, oldest first: listings sent for review, and live ones
        candidates reported (hidden or not), waiting since their first open report."""
        from careers.models.moderation import ListingReport

        open_reports = ListingReport.objects.filter(
            listing=OuterRef("pk"), reviewed=False
        )
        first_report = open_reports.order_by("created_at").values("created_at")[:1]
        return (
            self.annotate(
                reported=Exists(open_reports),
                waiting_since=models.functions.Coalesce(
                    models.Subquery(first_report), "submitted_at"
                ),
            )
            .filter(
                Q(status=Status.SUBMITTED)
                | Q(status=Status.PUBLISHED, reported=True)
                | Q(status=Status.PUBLISHED, hidden_at__isnull=False)
            )
            .order_by("waiting_since", "pk")
        )

    def owned_by(self, user: AbstractBaseUser) -> JobListingQuerySet:
        return self.filter(owner=user)

    def to_remind(self, days: int) -> JobListingQuerySet:
        """Live listings that expire within `days` whose owner has not been told."""
        return self.expiring_within(days).filter(
            hidden_at__isnull=True, expiry_reminded_at__isnull=True
        )

    def expiring_within(self, days: int) -> JobListingQuerySet:
        now = timezone.now()
        return self.filter(
            status=Status.PUBLISHED,
            expires_at__gt=now,
            expires_at__lte=now + timedelta(days=days),
        )


class JobListing(models.Model):
    """A real vacancy posted by a recruiter, shown beside matching roles."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="job_listings"
    )
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="listings")
    # The owner's employer, set when it is sent for review.
    employer = models.ForeignKey(
        Employer,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="listings",
    )
    title = models.CharField(max_length=150)
    company = models.CharField(max_length=150)
    location = models.CharField(
        max_length=150,
        help_text="The city first, then the state or province: “Pune, Maharashtra”.",
    )
    work_mode = models.CharField(max_length=10, choices=WorkMode.choices)
    shore = models.CharField(max_length=10, choices=Shore.choices)
    shift = models.CharField(max_length=12, choices=Shift.choices)
    salary_min = models.PositiveIntegerField(null=True, blank=True)
    salary_max = models.PositiveIntegerField(null=True, blank=True)
    salary_currency = models.CharField(
        max_length=3, default="INR", help_text="ISO code."
    )
    salary_period = models.CharField(
        max_length=5, choices=SalaryPeriod.choices, default=SalaryPeriod.MONTH
    )
    show_salary = models.BooleanField(default=True)
    description = models.TextField()
    openings = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1)]
    )
    # What the job asks of candidates. Empty: not asked, and the role's own requirement
    # of that kind counts instead (matching uses the scoring engine, see matching.py).
    min_education = models.CharField(
        "minimum education", max_length=12, choices=EducationLevel.choices, blank=True
    )
    spoken_english = models.CharField(
        max_length=2, choices=CEFRLevel.choices, blank=True, help_text="Lowest level."
    )
    written_english = models.CharField(
        max_length=2, choices=CEFRLevel.choices, blank=True, help_text="Lowest level."
    )
    typing_wpm = models.PositiveSmallIntegerField(
        "typing speed (words a minute)", null=True, blank=True
    )
    experience_min_years = models.PositiveSmallIntegerField(
        "experience from (years)",
        null=True,
        blank=True,
        help_text="0 welcomes freshers.",
        validators=[MaxValueValidator(40)],
    )
    experience_max_years = models.PositiveSmallIntegerField(
        "experience up to (years)",
        null=True,
        blank=True,
        validators=[MaxValueValidator(40)],
    )
    # A walk-in drive: come on the day, no appointment.
    walk_in_date = models.DateField(null=True, blank=True)
    walk_in_from = models.TimeField(null=True, blank=True)
    walk_in_until = models.TimeField(null=True, blank=True)
    walk_in_venue = models.TextField(
        blank=True, help_text="The full address, with a landmark."
    )
    walk_in_bring = models.JSONField(
        "what to bring", default=list, blank=True, help_text="Tick what to bring."
    )
    # How to apply: each becomes a tap on a phone (mailto:, tel:, WhatsApp, the link).
    apply_email = models.EmailField(blank=True)
    apply_phone = models.CharField(
        max_length=20,
        blank=True,
        help_text="With the country code, e.g. +91 80 4000 1234.",
    )
    apply_whatsapp = models.CharField(
        "WhatsApp number", max_length=20, blank=True, help_text="With the country code."
    )
    apply_url = models.URLField("application link", blank=True)
    how_to_apply = models.TextField(
        "anything else about applying",
        blank=True,
        help_text="Phone numbers, emails and links become tap-able.",
    )
    # When its owner was told it expires soon (remind_expiring); a renewal clears it.
    expiry_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    # For the owner: how often candidates opened it and tapped a way to apply.
    view_count = models.PositiveIntegerField("views", default=0, editable=False)
    apply_clicks = models.PositiveIntegerField("apply taps", default=0, editable=False)
    applications_close = models.DateField(
        null=True,
        blank=True,
        help_text="Only if you have a closing date; candidates see it beside the listing.",
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    # "We never ask candidates for money", ticked by the recruiter who submitted it.
    no_fee_pledged_at = models.DateTimeField(null=True, blank=True)
    no_fee_pledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # What the no-fee guard found when it was submitted (careers/listing_lint.py).
    lint_flags = models.JSONField(default=list, blank=True)
    # Taken down by candidates' reports until a moderator looks again.
    hidden_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Set to 30 days after approval or renewal.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = JobListingQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        permissions = [("moderate_joblisting", "Can approve or reject listings")]
        constraints = [
            models.CheckConstraint(
                condition=Q(salary_min__isnull=True)
                | Q(salary_max__isnull=True)
                | Q(salary_min__lte=models.F("salary_max")),
                name="listing_salary_min_not_above_max",
            )
        ]
        indexes = [models.Index(fields=["status", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.title} at {self.company}"

    def save(self, *args, **kwargs) -> None:
        # A published listing always has a publication date and an expiry.
        if self.status == Status.PUBLISHED:
            self.published_at = self.published_at or timezone.now()
            self.expires_at = self.expires_at or self.published_at + LISTING_LIFETIME
        super().save(*args, **kwargs)
        # Listings appear on cached pages: show the change once it is committed.
        content_changed()

    def get_absolute_url(self) -> str:
        return reverse(
            "careers:listing_detail", args=[self.pk, slugify(self.title) or "job"]
        )

    @property
    def city(self) -> str:
        return city_of(self.location)

    @property
    def region(self) -> str:
        """What its location says after the city: a state or province, or ""."""
        return ", ".join(p.strip() for p in self.location.split(",")[1:] if p.strip())

    def clean(self) -> None:
        if (
            self.salary_min is not None
            and self.salary_max is not None
            and self.salary_min > self.salary_max
        ):
            raise ValidationError({"salary_max": "The maximum is below the minimum."})
        # Checked after upper-casing: "ﬀﬀﬀ" is three letters that become six.
        currency = self.salary_currency.strip().upper()
        if not re.fullmatch("[A-Z]{3}", currency):
            raise ValidationError(
                {"salary_currency": "Use a 3-letter code such as INR or PHP."}
            )
        self.salary_currency = currency
        errors = {}
        low, high = self.experience_min_years, self.experience_max_years
        if low is not None and high is not None and low > high:
            errors["experience_max_years"] = "This is below the “from” years."
        if self.walk_in_date and not self.walk_in_venue.strip():
            errors["walk_in_venue"] = "Say where the walk-in drive is."
        if self.walk_in_venue.strip() and not self.walk_in_date:
            errors["walk_in_date"] = "Give the date of the walk-in drive."
        if (
            self.walk_in_from
            and self.walk_in_until
            and self.walk_in_from >= self.walk_in_until
        ):
            errors["walk_in_until"] = "The drive must end after it starts."
        # Against the day it was written, not today: a listing reviewed after its drive
        # must still validate (the moderator's form checks it too). A drive that has passed
        # is refused when the listing is saved or sent (walk_in_passed).
        written = timezone.localdate(self.created_at) if self.created_at else None
        if self.walk_in_date and self.walk_in_date < (written or timezone.localdate()):
            errors["walk_in_date"] = (
                "The walk-in date is before this listing was written."
                if written
                else "The walk-in date has passed: give the date of a drive to come."
            )
        unknown = set(self.walk_in_bring or []) - set(WalkInItem.values)
        if unknown:
            errors["walk_in_bring"] = f"Unknown items: {', '.join(sorted(unknown))}."
        ways = (
            self.apply_email,
            self.apply_phone,
            self.apply_whatsapp,
            self.apply_url,
            self.walk_in_date,
            self.how_to_apply.strip(),
        )
        if not any(ways):
            errors["apply_email"] = (
                "Give at least one way to apply: an email, a phone number, a link "
                "or a walk-in drive."
            )
        for name in ("apply_phone", "apply_whatsapp"):
            number = getattr(self, name)
            if number and not PHONE.fullmatch(number):
                errors[name] = (
                    "Write the number with its country code, e.g. +91 80 4000 1234."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def contact_text(self) -> str:
        """Every way to apply, as text the no-fee guard reads."""
        parts = [self.how_to_apply]
        if self.apply_email:
            parts.append(f"Email {self.apply_email}")
        if self.apply_phone:
            parts.append(f"Call {self.apply_phone}")
        if self.apply_whatsapp:
            parts.append(f"WhatsApp {self.apply_whatsapp}")
        if self.apply_url:
            parts.append(f"Apply at {self.apply_url}")
        if self.walk_in_date:
            parts.append(f"Walk-in drive at {self.walk_in_venue}")
        return "\n".join(p for p in parts if p)

    @property
    def whatsapp_link(self) -> str:
        return "https://wa.me/" + re.sub(r"\D", "", self.apply_whatsapp)

    @property
    def phone_link(self) -> str:
        return "tel:+" + re.sub(r"\D", "", self.apply_phone)

    @property
    def walk_in_items(self) -> list[str]:
        return [WalkInItem(code).label for code in self.walk_in_bring or []]

    @property
    def walk_in_passed(self) -> bool:
        return bool(self.walk_in_date and self.walk_in_date < timezone.localdate())

    # --- The review workflow ---------------------------------------------------------

    def review_version(self) -> str:
        """A fingerprint of what candidates would read (REVIEWED_FIELDS and the
        languages asked for): a moderator's decision carries the one they read."""
        fields = {
            name: self._meta.get_field(name).value_to_string(self)
            for name in REVIEWED_FIELDS
        }
        languages = sorted((row.language, row.level) for row in self.languages.all())
        text = json.dumps([fields, languages], sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    @property
    def awaits_decision(self) -> bool:
        """Sent for review, or live with candidates' reports no moderator has read."""
        return self.status == Status.SUBMITTED or (
            self.status == Status.PUBLISHED
            and (
                self.hidden_at is not None
                or self.reports.filter(reviewed=False).exists()
            )
        )

    def check_reviewer(self, by: AbstractBaseUser | None) -> None:
        """Nobody decides on a listing they wrote, or one of an employer they recruit
        for: someone else must read it."""
        if by is None:
            return
        if by.pk == self.owner_id:
            raise ValidationError("Someone else must review your own listing.")
        theirs = Recruiter.objects.filter(user_id=by.pk).values_list(
            "employer_id", flat=True
        )
        owners = Recruiter.objects.filter(user_id=self.owner_id).values_list(
            "employer_id", flat=True
        )
        if {self.employer_id, *owners} & set(theirs):
            raise ValidationError(
                "You recruit for this employer: someone else must review its listings."
            )

    def locked_for_decision(
        self, by: AbstractBaseUser | None, version: str | None
    ) -> None:
        """Inside a transaction: lock this listing's row, read it again, and refuse a
        decision by the wrong person, on a listing not waiting for one, or on a version
        of its text other than `version` (None: the site's own decision)."""
        JobListing.objects.select_for_update().filter(pk=self.pk).first()
        self.refresh_from_db()
        self.check_reviewer(by)
        if by is not None and not self.awaits_decision:
            raise ValidationError("This listing is not waiting for a decision.")
        if version is not None and version != self.review_version():
            raise StaleReview()

    def check_text(self) -> list[dict[str, str]]:
        """The no-fee guard's flags for this listing, as stored."""
        usual = (
            JobListing.objects.filter(role_id=self.role_id, status=Status.PUBLISHED)
            .exclude(pk=self.pk)
            .aggregate(best=models.Max("salary_max"))["best"]
        )
        texts = {
            "title": self.title,
            "company": self.company,
            "description": self.description,
            "how to apply": self.contact_text,
            "walk-in venue": self.walk_in_venue,
        }
        domain = self.employer.website_domain if self.employer else ""
        flags = lint(
            texts, self.contact_text, self.description, self.salary_max, usual, domain
        )
        return [
            {"code": f.code, "reason": f.reason, "excerpt": f.excerpt} for f in flags
        ]

    def submit(self, by: AbstractBaseUser, *, pledged: bool) -> None:
        """Send for review, with the recruiter's word that no money is asked."""
        if not pledged:
            raise ValidationError(
                "Tick “We never ask candidates for money” to send it for review."
            )
        membership = Recruiter.objects.filter(user_id=self.owner_id).first()
        self.employer = membership.employer if membership else self.employer
        if self.employer and self.employer.banned_at:
            raise ValidationError("This employer may no longer post listings.")
        if self.walk_in_passed:
            raise ValidationError(
                "The walk-in date has passed: give the date of a drive to come, or "
                "clear the walk-in drive, then send it again."
            )
        now = timezone.now()
        self.status, self.submitted_at = Status.SUBMITTED, now
        self.no_fee_pledged_at, self.no_fee_pledged_by = now, by
        self.lint_flags = self.check_text()
        self.save()
        if (
            self.employer
            and self.employer.is_verified
            and self.employer.verified_by_id != by.pk
            and not self.lint_flags
        ):
            self.approve(
                by=None, note="Verified employer; the no-fee guard found nothing."
            )

    def approve(
        self, by: AbstractBaseUser | None, note: str = "", *, version: str | None = None
    ) -> None:
        """Publish for 30 days from now: only approval and renewal set the expiry.

        `version`: the review_version() the moderator read; a decision on another one is
        refused (StaleReview). `by` None: the site itself (the demo listings, a verified
        employer's listing the guard found nothing in)."""
        with transaction.atomic():
            self.locked_for_decision(by, version)
            if by is not None and self.walk_in_passed:
                raise ValidationError(
                    "Its walk-in drive is over: reject it, or ask the recruiter to "
                    "change the date and send it again."
                )
            now = timezone.now()
            self.status, self.published_at, self.hidden_at = Status.PUBLISHED, now, None
            self.expires_at, self.expiry_reminded_at = now + LISTING_LIFETIME, None
            self.save()
            self.reports.filter(reviewed=False).update(reviewed=True, reviewed_at=now)
            self.decisions.create(moderator=by, kind=DecisionKind.APPROVED, note=note)

    def reject(
        self,
        by: AbstractBaseUser,
        reason: str,
        note: str = "",
        *,
        version: str | None = None,
    ) -> None:
        """Turn it down with a reason its owner sees; they may edit and resubmit."""
        with transaction.atomic():
            self.locked_for_decision(by, version)
            self.status, self.hidden_at = Status.REJECTED, None
            self.save()
            self.reports.filter(reviewed=False).update(
                reviewed=True, reviewed_at=timezone.now()
            )
            self.decisions.create(
                moderator=by, kind=DecisionKind.REJECTED, reason=reason, note=note
            )

    def report(self, reason: str, note: str = "", network: str = "") -> ListingReport:
        """A candidate's report, from a network (a hash, see ListingReport). It puts the
        listing in the moderators' queue; it hides the listing only when reports agree
        from enough networks over time, and never a verified employer's."""
        with transaction.atomic():
            JobListing.objects.select_for_update().filter(pk=self.pk).first()
            # Another report may have hidden it while this one waited for the lock.
            self.refresh_from_db(fields=["hidden_at"])
            made = self.reports.create(reason=reason, note=note[:500], network=network)
            if self.hidden_at is None and self.reports_warrant_hiding():
                self.hidden_at = timezone.now()
                self.save(update_fields=["hidden_at", "updated_at"])
                self.decisions.create(moderator=None, kind=DecisionKind.HIDDEN)
        return made

    def reports_warrant_hiding(self) -> bool:
        if self.employer_id and self.employer.is_verified:
            return False
        open_reports = self.reports.filter(reviewed=False).exclude(network="")
        spread = open_reports.aggregate(
            networks=models.Count("network", distinct=True),
            first=models.Min("created_at"),
            last=models.Max("created_at"),
        )
        return (
            spread["networks"] >= REPORTS_TO_HIDE
            and spread["last"] - spread["first"] >= REPORTS_SPREAD
        )

    def close(self) -> None:
        # Off the site for good: nothing left for a moderator to decide.
        self.status, self.hidden_at = Status.CLOSED, None
        self.save()

    def renew(self) -> None:
        """Keep a published listing up for another 30 days from today."""
        self.expires_at = timezone.now() + LISTING_LIFETIME
        self.expiry_reminded_at = None
        self.save()

    def withdraw_if_edited(self, version_before: str) -> bool:
        """After its owner's edit: a waiting or live listing whose text is no longer the
        version a moderator read goes back to draft (off the site). True if it did."""
        if self.status not in (Status.SUBMITTED, Status.PUBLISHED):
            return False
        if self.review_version() == version_before:
            return False
        # Reviewed again as a whole when it is sent again.
        self.status, self.hidden_at = Status.DRAFT, None
        self.save()
        return True

    @property
    def is_visible(self) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.hidden_at is None
            and self.expires_at is not None
            and self.expires_at > timezone.now()
        )

    @property
    def salary_display(self) -> str:
        if not self.show_salary or (
            self.salary_min is None and self.salary_max is None
        ):
            return ""
        amounts = [
            f"{a:,}" for a in (self.salary_min, self.salary_max) if a is not None
        ]
        return f"{self.salary_currency} {'–'.join(amounts)} {self.get_salary_period_display()}"


class ListingLanguage(models.Model):
    """A language besides English that the job asks for, at a level."""

    listing = models.ForeignKey(
        JobListing, on_delete=models.CASCADE, related_name="languages"
    )
    language = models.CharField(max_length=12, choices=Language.choices)
    level = models.CharField(max_length=2, choices=CEFRLevel.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["listing", "language"], name="listing_language_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_language_display()} {self.level}"


@receiver(post_delete, sender=JobListing, dispatch_uid="careers.listing_deleted")
def listing_deleted(sender: type[JobListing], **kwargs) -> None:
    # A signal, not JobListing.delete(): bulk deletes in the admin and the cascade from a
    # recruiter's removed account never call the model's delete().
    content_changed()


def pay_range(listings: Iterable[JobListing]) -> str:
    """What these listings pay, e.g. "INR 18,000–30,000 per month", in their most common
    currency and period; "" when none shows its salary."""
    rows = [
        (x.salary_currency, x.salary_period, x.salary_min, x.salary_max)
        for x in listings
        if x.show_salary and (x.salary_min is not None or x.salary_max is not None)
    ]
    if not rows:
        return ""
    (currency, period), _ = Counter(row[:2] for row in rows).most_common(1)[0]
    amounts = [
        amount
        for row in rows
        if row[:2] == (currency, period)
        for amount in row[2:]
        if amount is not None
    ]
    low, high = min(amounts), max(amounts)
    span = f"{low:,}" if low == high else f"{low:,}–{high:,}"
    return f"{currency} {span} {SalaryPeriod(period).label}"
