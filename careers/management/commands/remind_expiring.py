"""Email each recruiter once about their listings that expire soon, with a renew link."""

from argparse import ArgumentParser, ArgumentTypeError
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from careers.listings.rules import LISTING_LIFETIME
from careers.models import JobListing

# Days before expiry: time to renew a listing that is still hiring before it drops off.
REMIND_DAYS = 5


def days(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 29:
        raise ArgumentTypeError(f"{value!r} is not a whole number of days from 1 to 29")
    return int(value)


class Command(BaseCommand):
    help = (
        "Email the owner of every live listing that expires within --days (5) days, "
        "once per listing, with a link to renew it. Run it daily, like purge_stale."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--days", type=days, default=REMIND_DAYS, metavar="N")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say who would be told; send nothing.",
        )

    def handle(self, *args: Any, days: int, dry_run: bool, **options: Any) -> None:
        if not settings.SITE_URL:
            raise CommandError(
                "DJANGO_SITE_URL is not set: the renew links need the site's address, "
                "e.g. https://careerfit.example."
            )
        by_owner: dict[Any, list[JobListing]] = defaultdict(list)
        for listing in JobListing.objects.to_remind(days).select_related("owner"):
            by_owner[listing.owner].append(listing)
        sent = skipped = 0
        for owner, listings in by_owner.items():
            if not owner.email:
                self.stderr.write(
                    f"{owner.username} has no email address: "
                    f"{len(listings)} listing(s) not reminded."
                )
                skipped += len(listings)
                continue
            if dry_run:
                self.stdout.write(f"Would tell {owner.email} about {len(listings)}.")
                sent += len(listings)
                continue
            self._send(owner, listings)
            JobListing.objects.filter(pk__in=[x.pk for x in listings]).update(
                expiry_reminded_at=timezone.now()
            )
            sent += len(listings)
        verb = "Would remind" if dry_run else "Reminded"
        self.stdout.write(
            f"{verb} owners of {sent} listing(s) expiring within {days} days"
            + (f"; {skipped} without an owner's email." if skipped else ".")
        )

    def _send(self, owner: Any, listings: list[JobListing]) -> None:
        items = [
            {
                "listing": listing,
                "renew_url": settings.SITE_URL
                + reverse("admin:careers_joblisting_renew", args=[listing.pk]),
            }
            for listing in listings
        ]
        context = {"owner": owner, "items": items, "days": LISTING_LIFETIME.days}
        send_mail(
            subject=(
                f"{len(listings)} of your CareerFit listings expire soon"
                if len(listings) > 1
                else f"Your listing “{listings[0].title}” expires soon"
            ),
            message=render_to_string("emails/expiring.txt", context),
            from_email=None,
            recipient_list=[owner.email],
        )
