"""Job listings that recruiters post in the admin, shown beside matching roles."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify

from careers.catalogue.models import Role
from careers.choices import (
    CEFRLevel,
    Country,
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
from careers.listings.employers import Employer, Recruiter
from careers.listings.lint import lint
from careers.listings.queries import JobListingQuerySet
from careers.listings.rules import (
    LISTING_LIFETIME,
    REPORTS_SPREAD,
    REPORTS_TO_HIDE,
    REVIEWED_FIELDS,
    WALK_IN_OVER,
    Description,
    StaleReview,
    check_salary,
    city_of,
    contact_text_of,
    description_in,
    descriptions,
    field_errors,
    pay_text,
    require_pledge,
    settle_market,
)
from careers.markets import international

if TYPE_CHECKING:
    from careers.listings.moderation import ListingReport


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
    # Shown only to people in this country; its currency and dialling code go with it.
    # Blank until saved: the employer's (rules.settle_market).
    country = models.CharField(
        max_length=2,
        choices=Country.choices,
        blank=True,
        help_text="Where the job is; blank: the employer's country.",
    )
    work_mode = models.CharField(max_length=10, choices=WorkMode.choices)
    shore = models.CharField(max_length=10, choices=Shore.choices)
    shift = models.CharField(max_length=12, choices=Shift.choices)
    salary_min = models.PositiveIntegerField(null=True, blank=True)
    salary_max = models.PositiveIntegerField(null=True, blank=True)
    salary_currency = models.CharField(
        max_length=3, blank=True, help_text="ISO code; blank: the country's (INR, PHP)."
    )
    salary_period = models.CharField(
        max_length=5, choices=SalaryPeriod.choices, default=SalaryPeriod.MONTH
    )
    show_salary = models.BooleanField(default=True)
    # In one language or more (rules.DESCRIPTIONS): at least one.
    description = models.TextField(
        "description in English",
        blank=True,
        help_text="Write it in English, Hindi or Filipino, or more than one: each "
        "candidate reads the one in their language, else the first one you wrote, "
        "marked as written in its language.",
    )
    description_hi = models.TextField("description in Hindi", blank=True)
    description_fil = models.TextField("description in Filipino", blank=True)
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
        help_text="e.g. +91 80 4000 1234, or 0917 123 4567 in the listing's country.",
    )
    apply_whatsapp = models.CharField(
        "WhatsApp number", max_length=20, blank=True, help_text="As the phone."
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
    # What the no-fee guard found when it was submitted (careers/listings/lint.py).
    lint_flags = models.JSONField(default=list, blank=True)
    # Taken down by candidates' reports until a moderator looks again.
    hidden_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=f"Set to {LISTING_LIFETIME.days} days after approval or renewal.",
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
        settle_market(self)
        # A published listing always has a publication date and an expiry.
        if self.status == Status.PUBLISHED:
            self.published_at = self.published_at or timezone.now()
            self.expires_at = self.expires_at or self.published_at + LISTING_LIFETIME
        super().save(*args, **kwargs)

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
        settle_market(self)
        check_salary(self)  # said alone, before any other problem
        errors = field_errors(self)
        if errors:
            raise ValidationError(errors)

    @property
    def page_description(self) -> Description:
        """The description for the page's language (rules.description_in)."""
        return description_in(
            self, translation.get_language() or settings.LANGUAGE_CODE
        )

    @property
    def contact_text(self) -> str:
        """Every way to apply, as text the no-fee guard reads."""
        return contact_text_of(self)

    @property
    def whatsapp_link(self) -> str:
        return "https://wa.me/" + international(self.apply_whatsapp, self.country)[1:]

    @property
    def phone_link(self) -> str:
        return "tel:" + international(self.apply_phone, self.country)

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
        written = {f"description ({code})": text for code, text in descriptions(self)}
        texts = {
            "title": self.title,
            "company": self.company,
            **written,
            "how to apply": self.contact_text,
            "walk-in venue": self.walk_in_venue,
        }
        domain = self.employer.website_domain if self.employer else ""
        flags = lint(texts, self.contact_text, written, self.salary_max, usual, domain)
        return [
            {"code": f.code, "reason": f.reason, "excerpt": f.excerpt} for f in flags
        ]

    def submit(self, by: AbstractBaseUser, *, pledged: bool) -> None:
        """Send for review, with the recruiter's word that no money is asked."""
        require_pledge(pledged)
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
                raise ValidationError(WALK_IN_OVER)
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

    def version_in_database(self) -> str:
        """The review_version() of this listing as stored: before an edit is saved,
        what a moderator read ("" for a listing not saved yet)."""
        if self.pk is None:
            return ""
        return JobListing.objects.get(pk=self.pk).review_version()

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
    def shows_salary(self) -> bool:
        """Its owner shows the salary, and gave at least one end of the range."""
        return self.show_salary and (
            self.salary_min is not None or self.salary_max is not None
        )

    @property
    def salary_display(self) -> str:
        return pay_text(self) if self.shows_salary else ""


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
