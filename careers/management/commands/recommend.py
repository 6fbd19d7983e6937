"""Run the scoring engine on a profile file and print the recommendations."""

import json
from argparse import ArgumentParser, ArgumentTypeError
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext

from careers.assessments.profiles import ProfileError, read_profile
from careers.assessments.wording import in_words
from careers.catalogue.models import scoring_catalogue
from careers.choices import Country, Verdict
from careers.markets import country_of
from careers.models import Qualification, Skill
from careers.scoring import (
    Catalogue,
    profile_from_data,
    recommend,
    recommendation_data,
)


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise ArgumentTypeError(f"--top: {value!r} is not a whole number") from None
    if number < 1:
        raise ArgumentTypeError("--top: must be 1 or more")
    return number


def country_or_error(code: str | None) -> str | None:
    """The --country given, in capitals; CommandError (exit status 2) if we serve no
    such market."""
    if code is None or code.upper() in Country.values:
        return code and code.upper()
    choices = " or ".join(Country.values)
    raise CommandError(f"--country: choose {choices}", returncode=2)


def read_profile_file(profile: Path) -> dict:
    """The profile in a file, checked against the schema and the catalogue's slugs;
    CommandError (exit status 2) naming the field if it is unusable."""
    try:
        return read_profile(
            profile,
            # Read only once the file passes the schema (it may name no table).
            qualifications=SimpleLazyObject(
                lambda: {
                    q.slug: [stage["code"] for stage in q.stages]
                    for q in Qualification.objects.only("slug", "stages")
                }
            ),
            skills=Skill.objects.values_list("slug", flat=True),
        )
    except ProfileError as error:
        raise CommandError(f"{profile}: {error}", returncode=2) from error


def catalogue_or_error() -> Catalogue:
    """The scoring catalogue; CommandError if it has not been loaded."""
    catalogue = scoring_catalogue()
    if not catalogue.roles:
        raise CommandError("The catalogue is empty: run `manage.py sync_catalogue`.")
    return catalogue


class Command(BaseCommand):
    help = (
        "Recommend BPO and KPO roles for the candidate profile in PROFILE.json "
        "(format: careers/profile.schema.json; examples: fixtures/profiles/), in the "
        "market of its country (IN when it names none) or of --country. "
        "Exit status 2 if the file or --country is unusable; nothing is written "
        "anywhere."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("profile", type=Path, metavar="PROFILE.json")
        parser.add_argument(
            "--top", type=positive_int, help="Show only the best N roles."
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--lang",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="The language of the advice (default: %(default)s).",
        )
        parser.add_argument(
            "--country",
            metavar="|".join(Country.values),
            help="The market to advise for, instead of the profile's country: its "
            "roles, qualifications, languages and shift hours.",
        )

    def handle(self, *args: Any, lang: str, **options: Any) -> None:
        with translation.override(lang):
            self.recommend(**options)

    def recommend(
        self,
        *,
        profile: Path,
        top: int | None,
        format: str,
        country: str | None = None,
        **options: Any,
    ) -> None:
        country = country_or_error(country)
        data = read_profile_file(profile)
        if country:
            data["country"] = country
        catalogue = catalogue_or_error()
        result = in_words(
            recommendation_data(recommend(catalogue, profile_from_data(data)), top=top)
        )
        if format == "json":
            # The market the roles were chosen for, first.
            result = {"country": country_of(data), **result}
            self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))
            return
        self.write_text(result, country_of(data))

    def write_text(self, result: dict[str, Any], country: str) -> None:
        self.stdout.write(
            gettext("For work in %(country)s") % {"country": Country(country).label}
        )
        self.stdout.write(result["summary"])
        if result["paths"]:
            self.stdout.write(gettext("Your next steps"))
            for number, path in enumerate(result["paths"], start=1):
                self.stdout.write(f"  {number}. {path}")
        self.stdout.write(
            gettext(
                "In each group, the roles that use your studies, your qualifications, "
                "your work (paid or unpaid) or your portfolio come first."
            )
        )
        for rank, item in enumerate(result["recommendations"], start=1):
            verdict = Verdict(item["verdict"]).label.upper()
            far = f", {item['distance']}" if item["distance"] else ""
            done, total = item["required"]
            tally = gettext("required %(met)d of %(of)d") % {"met": done, "of": total}
            if item["fit"] is not None:
                tally += ", " + gettext("helps %(fit)d%%") % {"fit": item["fit"]}
            over = (
                " [" + gettext("over-qualified") + "]" if item["overqualified"] else ""
            )
            if item["background_used"]:
                over += " [" + gettext("Uses your background") + "]"
            self.stdout.write(
                f"\n{rank}. {item['title']} ({item['sector']}, {item['category_name']}): "
                f"{verdict}{far}; {tally}{over}"
            )
            for line in item["lines"]:
                kind = (
                    gettext("Way in")
                    if line.get("way")
                    else gettext("Note")
                    if line.get("note")
                    else gettext("Required")
                    if line["must"]
                    else gettext("Helps")
                )
                mark = " " if line.get("note") else "+" if line["met"] else "-"
                self.stdout.write(f"   {mark} {kind}: {line['text']}")
            if item["advice"]:
                self.stdout.write(f"   > {item['advice']}")
