"""Rebuild fixtures/catalogue.json from fixtures/catalogue.toml and the O*NET subset."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from careers.catalogue.build import FIXTURE_PATH
from careers.catalogue.fixture import build_fixture_text
from careers.catalogue.spec_rules import CatalogueError


class Command(BaseCommand):
    help = (
        "Rebuild the catalogue fixture from fixtures/catalogue.toml and fixtures/onet/. "
        "With --check, only report whether the committed fixture is up to date."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--check",
            action="store_true",
            help="Exit with status 1 if fixtures/catalogue.json differs from a fresh build.",
        )

    def handle(self, *args: Any, check: bool, **options: Any) -> None:
        try:
            text = build_fixture_text()
        except (CatalogueError, KeyError) as error:
            raise CommandError(f"fixtures/catalogue.toml: {error}") from error
        current = (
            FIXTURE_PATH.read_text(encoding="utf-8") if FIXTURE_PATH.exists() else ""
        )
        if check:
            if text != current:
                raise CommandError(
                    "fixtures/catalogue.json is out of date: run "
                    "`python manage.py build_catalogue`."
                )
            self.stdout.write("fixtures/catalogue.json is up to date.")
            return
        FIXTURE_PATH.write_text(text, encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"Wrote {FIXTURE_PATH.name}."))
