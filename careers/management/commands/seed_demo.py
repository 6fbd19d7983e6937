"""Load the demo job listings and their employers, in India and the Philippines
(idempotent), and, with DEBUG on, a demo recruiter login."""

import json
from argparse import ArgumentParser
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from careers.choices import Status
from careers.models import Employer, JobListing, Role
from careers.web.backends import DEMO_MODERATOR, DEMO_USERNAME

# Documented in README.md; only ever set while DEBUG is on.
DEMO_PASSWORD = "careerfit-demo"
LISTINGS_PATH = Path(settings.BASE_DIR) / "fixtures" / "demo_listings.json"


class Command(BaseCommand):
    help = (
        "Load fixtures/demo_listings.json (Indian and Philippine listings and their "
        "employers), owned by the demo recruiter. Running it again adds nothing. "
        "The demo recruiter can log in only when DEBUG is on."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--path", type=Path, default=LISTINGS_PATH)

    @transaction.atomic
    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        if not Role.objects.exists():
            raise CommandError(
                "The catalogue is empty: run `manage.py sync_catalogue`.first."
            )
        owner = self._demo_owner()
        created = 0
        for item in json.loads(path.read_text(encoding="utf-8")):
            try:
                role = Role.objects.get(slug=item.pop("role"))
            except Role.DoesNotExist as error:
                raise CommandError(
                    f"{path.name}: unknown role in {item['title']!r}"
                ) from error
            status = item.pop("status", Status.PUBLISHED)
            languages = item.pop("languages", [])
            # Its employer, in its country; the listing is in that country (and pays in
            # its currency) unless it says otherwise.
            employer = item.pop("employer", None)
            if employer:
                item["employer"], _ = Employer.objects.get_or_create(
                    name=employer.pop("name"), defaults=employer
                )
            # A walk-in drive is always a few days ahead of whenever the demo loads.
            days = item.pop("walk_in_in_days", None)
            if days is not None:
                item["walk_in_date"] = timezone.localdate() + timedelta(days=days)
            listing, is_new = JobListing.objects.get_or_create(
                owner=owner,
                company=item["company"],
                title=item["title"],
                defaults={**item, "role": role},
            )
            if is_new:
                created += 1
                for row in languages:
                    listing.languages.create(**row)
                if status == Status.PUBLISHED:
                    # Our own demo data: published as reviewed by the site itself.
                    listing.approve(by=None, note="Demo listing loaded by seed_demo.")
        self.stdout.write(
            f"Demo listings: {created} added, {JobListing.objects.count()} in all."
        )

    def _demo_owner(self) -> Any:
        User = get_user_model()
        if settings.DEBUG:
            # Someone to review what the demo recruiter sends (nobody reviews their own).
            moderator, _ = User.objects.get_or_create(username=DEMO_MODERATOR)
            moderator.groups.add(Group.objects.get(name="Moderators"))
            moderator.is_staff = moderator.is_active = True
            moderator.set_password(DEMO_PASSWORD)
            moderator.save()
            self.stdout.write(
                f"Demo moderator (DEBUG only): log in at /admin/ as {DEMO_MODERATOR} "
                f"with password {DEMO_PASSWORD}"
            )
        user, _ = User.objects.get_or_create(username=DEMO_USERNAME)
        user.groups.add(Group.objects.get(name="Recruiters"))
        # remind_expiring's emails go to the console in `make run`: something to read.
        user.email = user.email or "demo-recruiter@careerfit.example"
        if settings.DEBUG:
            user.is_staff = True
            user.is_active = True
            user.set_password(DEMO_PASSWORD)
            user.save()
            self.stdout.write(
                f"Demo recruiter (DEBUG only): log in at /admin/ as {DEMO_USERNAME} "
                f"with password {DEMO_PASSWORD}"
            )
        else:
            # Without DEBUG the listings still need an owner, but nobody can log in as it.
            user.is_staff = False
            user.set_unusable_password()
            user.save()
        return user
