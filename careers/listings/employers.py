"""Employers and their recruiters: who a listing is from, and whether we checked."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from careers.choices import Country, DecisionKind, RejectionReason, Status

SELF_VERIFY = "You recruit for this employer: someone else must verify it."


class Employer(models.Model):
    """A company that hires through listings; its recruiters belong to it. A moderator
    verifies it (recorded, with what was checked): its listings carry a badge, and
    those the no-fee guard finds nothing in are approved at once. Banning it closes
    every listing it has."""

    name = models.CharField(max_length=150, unique=True)
    website_domain = models.CharField(
        max_length=100, blank=True, help_text="e.g. harbourcontact.in (no www)."
    )
    registration_number = models.CharField(
        max_length=40,
        blank=True,
        help_text="GSTIN or CIN in India; TIN or SEC registration in the Philippines.",
    )
    country = models.CharField(
        max_length=2,
        choices=Country.choices,
        default=Country.INDIA,
        help_text="Where it hires: its listings are in this country unless one says "
        "otherwise.",
    )
    contact_email = models.EmailField(blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    verification_note = models.TextField(
        blank=True, help_text="What was checked, e.g. the GSTIN on the GST portal."
    )
    banned_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None and self.banned_at is None

    def recruits_for(self, user: AbstractBaseUser) -> bool:
        return self.pk is not None and self.recruiters.filter(user_id=user.pk).exists()

    def verify(self, by: AbstractBaseUser, checked: str) -> None:
        """Verified by a moderator who does not recruit for it, saying what they
        checked: its listings the no-fee guard finds nothing in are then published
        without a second look."""
        if not checked.strip():
            raise ValidationError("Say what you checked.")
        if self.recruits_for(by):
            raise ValidationError(SELF_VERIFY)
        self.verified_at, self.verified_by = timezone.now(), by
        self.verification_note = checked
        self.save()  # its badge shows on its live listings (careers.web.caching)

    def ban(self, by: AbstractBaseUser, reason: str) -> int:
        """Close every listing it has; the number closed."""
        self.banned_at = timezone.now()
        self.save()
        closing = list(self.listings.exclude(status=Status.CLOSED))
        for listing in closing:
            listing.status = Status.CLOSED
            listing.save()
            listing.decisions.create(
                moderator=by,
                kind=DecisionKind.REJECTED,
                reason=RejectionReason.EMPLOYER,
                note=f"Employer banned: {reason}",
            )
        return len(closing)


class Recruiter(models.Model):
    """A recruiter's employer: every listing they write is that employer's."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recruiter"
    )
    employer = models.ForeignKey(
        Employer, on_delete=models.CASCADE, related_name="recruiters"
    )

    def __str__(self) -> str:
        return f"{self.user} at {self.employer}"
