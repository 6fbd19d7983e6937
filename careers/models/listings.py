"""Job listings that recruiters post in the admin, shown beside matching roles."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone

from careers.caching import content_changed
from careers.choices import SalaryPeriod, Shift, Shore, Status, WorkMode
from careers.models.catalogue import Role

LISTING_LIFETIME = timedelta(days=30)


class JobListingQuerySet(models.QuerySet):
    def visible(self) -> JobListingQuerySet:
        """Published and not yet expired: what job seekers may see."""
        return self.filter(status=Status.PUBLISHED, expires_at__gt=timezone.now())

    def owned_by(self, user: AbstractBaseUser) -> JobListingQuerySet:
        return self.filter(owner=user)

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
    title = models.CharField(max_length=150)
    company = models.CharField(max_length=150)
    location = models.CharField(max_length=150)
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
    how_to_apply = models.TextField(
        help_text="Phone numbers, emails and links become tap-able; write “WhatsApp” "
        "before a WhatsApp number."
    )
    applications_close = models.DateField(
        null=True,
        blank=True,
        help_text="Only if you have a closing date; candidates see it beside the listing.",
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Left empty, it is set to 30 days after publishing.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = JobListingQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
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

    def publish(self) -> None:
        """Publish now for 30 days (an expired listing gets a fresh 30 days)."""
        now = timezone.now()
        self.status = Status.PUBLISHED
        self.published_at = now
        if self.expires_at is None or self.expires_at <= now:
            self.expires_at = now + LISTING_LIFETIME
        self.save()

    def close(self) -> None:
        self.status = Status.CLOSED
        self.save()

    def renew(self) -> None:
        """Keep a published listing up for another 30 days from today."""
        self.expires_at = timezone.now() + LISTING_LIFETIME
        self.save()

    @property
    def is_visible(self) -> bool:
        return (
            self.status == Status.PUBLISHED
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
