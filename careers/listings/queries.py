"""What the site asks of job listings as a whole: the live ones, the moderators' queue,
a recruiter's own, those about to expire (JobListing.objects)."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from careers.choices import Status


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
        from careers.listings.moderation import ListingReport

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
