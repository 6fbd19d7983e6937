"""Load fixtures/catalogue.json without undoing editors' changes (careers/catalogue/sync.py)."""

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError

from careers.catalogue.build import FIXTURE_PATH
from careers.catalogue.sync import sync_catalogue

# What a fixture that is not a catalogue raises; nothing is saved then (one transaction).
UNUSABLE = (
    DatabaseError,
    DeserializationError,
    ObjectDoesNotExist,
    ValidationError,
    KeyError,
    TypeError,
)
SHOWN = 60  # characters of a value in the list of kept changes


def shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


class Command(BaseCommand):
    help = (
        "Add what the catalogue fixture has and the database lacks, update rows nobody "
        "edited since the last sync, and keep (and list) rows editors changed."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--path", type=Path, default=FIXTURE_PATH)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Also replace rows editors changed, and re-add rows they deleted.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only say what would change."
        )

    def handle(self, *args, path: Path, force: bool, dry_run: bool, **options):
        try:
            objects = json.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"--path {path}: {error.strerror}") from error
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(
                f"--path {path}: not a JSON fixture ({error})"
            ) from error
        if not isinstance(objects, list):
            raise CommandError(f"--path {path}: a fixture is a JSON list of objects")
        try:
            report = sync_catalogue(objects, force=force, dry_run=dry_run)
        except UNUSABLE as error:
            raise CommandError(f"--path {path}: {error}") from error
        would = "would be " if dry_run else ""
        if options["verbosity"]:
            self.stdout.write(
                f"Catalogue: {len(report.added)} {would}added, "
                f"{len(report.updated)} {would}updated, "
                f"{len(report.replaced)} {would}replaced, {report.unchanged} up to date."
            )
        if report.kept:
            self.stdout.write(
                f"Kept {len(report.kept)} row(s) that editors changed "
                "(`sync_catalogue --force` replaces them with the fixture's):"
            )
            for edited in report.kept:
                for name, (mine, theirs) in edited.fields.items():
                    self.stdout.write(
                        f"  {edited.label}: {name} is {shown(mine)} here, "
                        f"{shown(theirs)} in the fixture"
                    )
        if report.deleted_kept:
            self.stdout.write(
                f"Left out {len(report.deleted_kept)} row(s) that editors deleted: "
                + ", ".join(report.deleted_kept)
            )
