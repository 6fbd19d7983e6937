"""Moderation of listings: moderators' decisions, candidates' reports, the queue."""

from __future__ import annotations

import ipaddress
from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.crypto import salted_hmac

from careers.choices import DecisionKind, RejectionReason, ReportReason, Status
from careers.listings.models import JobListing


class ListingDecision(models.Model):
    """A moderator's decision on a listing (who, when, why), shown to its owner."""

    listing = models.ForeignKey(
        JobListing, on_delete=models.CASCADE, related_name="decisions"
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    kind = models.CharField(max_length=10, choices=DecisionKind.choices)
    reason = models.CharField(
        max_length=10, choices=RejectionReason.choices, blank=True
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d}"


class ListingReportQuerySet(models.QuerySet):
    def stale(self, before: datetime) -> ListingReportQuerySet:
        """Reports a decision read before `before`, and unread ones that old on a
        listing no longer live (closed or withdrawn before anyone decided)."""
        return self.filter(
            Q(reviewed_at__lt=before)
            | Q(reviewed=False, created_at__lt=before)
            & ~Q(listing__status=Status.PUBLISHED)
        )


class ListingReport(models.Model):
    """A candidate's report of a listing: no account, a reason and a note."""

    listing = models.ForeignKey(
        JobListing, on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.CharField(max_length=10, choices=ReportReason.choices)
    note = models.TextField(blank=True)
    # Which network it came from, as a keyed hash (network_of): enough to tell three
    # reports from one network from three from three, never the address itself.
    network = models.CharField(max_length=32, blank=True, editable=False)
    reviewed = models.BooleanField(default=False)
    # When a moderator's decision on the listing read it: kept for a while after that
    # (purge_stale, README "Keeping data").
    reviewed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ListingReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.created_at:%Y-%m-%d})"

    @staticmethod
    def network_of(address: str) -> str:
        """A keyed hash of the network an address is in (IPv4 /24, IPv6 /48): phones
        of one household or one office count once."""
        ip = ipaddress.ip_address(address)
        prefix = 24 if ip.version == 4 else 48
        network = ipaddress.ip_network(f"{ip}/{prefix}", strict=False)
        return salted_hmac("careers.report-network", str(network)).hexdigest()[:32]


class ListingForReview(JobListing):
    """The moderators' view of listings: the queue, read-only but for the decision."""

    class Meta:
        proxy = True
        verbose_name = "listing to review"
        verbose_name_plural = "listings to review"

    def clean(self) -> None:
        # A moderator decides on the text as stored, and changes none of it: the
        # recruiter's checks (JobListing.clean) ran when it was saved. Run on the review
        # form, a rule added since then failed on a field that form does not have (a
        # 500 on every decision about that listing).
        pass
