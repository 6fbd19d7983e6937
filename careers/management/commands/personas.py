"""Score the engine against the counsellor's personas (issue 32, "How it is tested").

`manage.py personas` runs the engine, as `recommend` does, on every profile in
fixtures/profiles/counsellor/ and compares its first three roles, their verdicts and the
summary's sector with what the counsellor wrote down before the engine was run
(expected.toml); `--holdout` adds the hold-out set in holdout/, reported apart, and each
set's score is also given for each country (issue 33), so that one market's personas are
read apart from the other's. It is a
report for developers, in English like `recommend`'s own errors and help, and exits 0
whatever the score; an unusable profile or expectation file is an error (exit status 2).
"""

from __future__ import annotations

import tomllib
from argparse import ArgumentParser
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from careers.management.commands.recommend import (
    catalogue_or_error,
    read_profile_file,
)
from careers.scoring import Catalogue, Recommendation, profile_from_data, recommend
from careers.scoring.text import Text

PERSONAS = Path(settings.BASE_DIR) / "fixtures" / "profiles" / "counsellor"
EXPECTED = "expected.toml"
PLANNED = "planned-roles.toml"
HOLDOUT = "holdout"
VERDICTS = ("eligible", "close", "not_yet", "does_not_fit")
SECTORS = ("BPO", "KPO", "nothing_open")
TOP, AVOID = 3, 5


def load_expectations(folder: Path) -> dict[str, dict[str, Any]]:
    """The counsellor's expectations of a set, by persona name; CommandError if the
    file is missing or a table lacks what the scorer reads."""
    path = folder / EXPECTED
    try:
        tables = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise CommandError(f"{path}: {error}", returncode=2) from error
    for name, table in tables.items():
        problem = expectation_problem(table)
        if problem:
            raise CommandError(f"{path}: [{name}] {problem}", returncode=2)
    return tables


def expectation_problem(table: Any) -> str:
    """What is wrong with one persona's expectation, or "" if nothing."""
    if not isinstance(table, dict):
        return "is not a table"
    top, verdicts = table.get("top"), table.get("verdicts")
    if not isinstance(top, list) or len(top) != TOP or len(set(top)) != TOP:
        return f"top must name {TOP} different roles"
    if not isinstance(verdicts, list) or len(verdicts) != TOP:
        return f"verdicts must give {TOP} verdicts, one for each role in top"
    if any(v not in VERDICTS for v in verdicts):
        return f"verdicts must be among {', '.join(VERDICTS)}"
    if table.get("sector") not in SECTORS:
        return f"sector must be one of {', '.join(SECTORS)}"
    if set(top) & set(table.get("not_in_top5", [])):
        return "a role is both expected and in not_in_top5"
    return ""


def persona_files(folder: Path) -> dict[str, Path]:
    """The set's profile files by name (not recursive: the hold-out set is apart)."""
    return {path.stem: path for path in sorted(folder.glob("*.json"))}


def planned_roles(folder: Path = PERSONAS) -> dict[str, str]:
    """The roles issue 32 plans to add, slug -> title (planned-roles.toml)."""
    path = folder / PLANNED
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {role["slug"]: role["title"] for role in data.get("role", [])}


def summary_sector(text: Any) -> str:
    """The sector the summary names as fitting best, or "nothing_open"."""
    if not isinstance(text, Text):
        return ""
    if "fits you best" in text.msgid:
        return str(dict(text.values).get("sector", ""))
    if text.msgid.startswith(("Nothing is open", "Every role clashes")):
        return "nothing_open"
    for _name, value in text.values:
        found = summary_sector(value)
        if found:
            return found
    return ""


@dataclass
class Score:
    """One persona's agreement, and the running totals of a set."""

    personas: int = 0
    agreed: int = 0  # expected top-three roles in the actual top three, same verdict
    in_top: int = 0  # expected top-three roles in the actual top three, any verdict
    sectors: int = 0  # summaries naming the expected sector
    avoided: int = 0  # not_in_top5 roles found in the actual top five
    planned: list[str] = field(default_factory=list)  # expected roles not in catalogue

    def add(self, other: Score) -> None:
        self.personas += other.personas
        self.agreed += other.agreed
        self.in_top += other.in_top
        self.sectors += other.sectors
        self.avoided += other.avoided
        self.planned += other.planned


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "n/a"


class Command(BaseCommand):
    help = (
        "Compare the engine's advice with the counsellor's expectations for the "
        "personas in fixtures/profiles/counsellor/ (--holdout: the hold-out set too, "
        "reported apart). A report: exits 0 whatever the score."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--holdout",
            action="store_true",
            help="Also score the hold-out set (holdout/), reported separately.",
        )
        parser.add_argument(
            "--dir",
            dest="folder",
            type=Path,
            default=PERSONAS,
            help="The tuned set's folder (default: %(default)s).",
        )

    def handle(self, *args: Any, holdout: bool, folder: Path, **options: Any) -> None:
        catalogue = catalogue_or_error()
        known = {role.slug for role in catalogue.roles}
        planned = planned_roles(folder)
        sets = [("Tuned set", folder)]
        if holdout:
            sets.append(("Hold-out set", folder / HOLDOUT))
        totals = [
            (title, self.score_set(title, where, catalogue, known, planned))
            for title, where in sets
        ]
        self.stdout.write("")
        for title, by_country in totals:
            total = Score()
            for score in by_country.values():
                total.add(score)
            self.write_total(title, total)
            for country, score in sorted(by_country.items()):
                self.write_total(f"{title}, {country}", score)

    def score_set(
        self,
        title: str,
        folder: Path,
        catalogue: Catalogue,
        known: set[str],
        planned: dict[str, str],
    ) -> dict[str, Score]:
        """The set's score for each country its expectations name."""
        expectations = load_expectations(folder)
        files = persona_files(folder)
        unmatched = sorted(set(files) ^ set(expectations))
        if unmatched:
            raise CommandError(
                f"{folder}: a profile without an expectation, or an expectation "
                f"without a profile: {', '.join(unmatched)}",
                returncode=2,
            )
        self.stdout.write(f"== {title}: {folder} ({len(files)} personas)")
        by_country: dict[str, Score] = {}
        for name, path in files.items():
            advice = recommend(catalogue, profile_from_data(read_profile_file(path)))
            score = self.score_persona(name, expectations[name], advice, known)
            country = expectations[name].get("country", "?")
            by_country.setdefault(country, Score()).add(score)
        named = [s for score in by_country.values() for s in score.planned]
        unknown = sorted({s for s in named if s not in planned})
        if unknown:
            raise CommandError(
                f"{folder}: roles neither in the catalogue nor planned: "
                f"{', '.join(unknown)}",
                returncode=2,
            )
        return by_country

    def score_persona(
        self, name: str, expected: dict, advice: Recommendation, known: set[str]
    ) -> Score:
        actual = {fit.role.slug: str(fit.verdict) for fit in advice.fits}
        first = [fit.role.slug for fit in advice.fits[:TOP]]
        wanted = dict(zip(expected["top"], expected["verdicts"], strict=True))
        sector = summary_sector(advice.summary)
        score = Score(
            personas=1,
            agreed=sum(s in first and actual[s] == v for s, v in wanted.items()),
            in_top=sum(s in first for s in wanted),
            sectors=int(sector == expected["sector"]),
            planned=[s for s in wanted if s not in known],
        )
        avoid = set(expected.get("not_in_top5", []))
        found = [fit.role.slug for fit in advice.fits[:AVOID] if fit.role.slug in avoid]
        score.avoided = len(found)
        self.write_persona(name, expected, advice, sector, score, found)
        return score

    def write_persona(
        self,
        name: str,
        expected: dict,
        advice: Recommendation,
        sector: str,
        score: Score,
        found: list[str],
    ) -> None:
        actual = {fit.role.slug: str(fit.verdict) for fit in advice.fits}
        wanted = dict(zip(expected["top"], expected["verdicts"], strict=True))
        mark = "ok" if sector == expected["sector"] else "MISS"
        self.stdout.write(
            f"\n{name} ({expected.get('country', '?')}): {score.agreed} of {TOP} agreed; "
            f"sector {sector or '?'} (expected {expected['sector']}, {mark})"
        )
        self.stdout.write(
            "  expected: "
            + "; ".join(
                f"{slug} {verdict} (engine: {actual.get(slug, 'not in catalogue')})"
                for slug, verdict in wanted.items()
            )
        )
        self.stdout.write(
            "  actual:   "
            + "; ".join(f"{f.role.slug} {f.verdict}" for f in advice.fits[:TOP])
        )
        if score.planned:
            self.stdout.write(
                f"  planned, not in the catalogue: {', '.join(score.planned)}"
            )
        if found:
            self.stdout.write(f"  in the top five, should not be: {', '.join(found)}")

    def write_total(self, title: str, score: Score) -> None:
        roles = score.personas * TOP
        catalogued = roles - len(score.planned)
        self.stdout.write(
            f"{title}: {percent(score.agreed, roles)} agreement "
            f"({score.agreed} of {roles} expected top-three roles in the top three "
            f"with the expected verdict, {percent(score.agreed, catalogued)} of the "
            f"{catalogued} in the catalogue; {score.in_top} in the top three at all); "
            f"sector {score.sectors} of {score.personas}; "
            f"{score.avoided} roles in the top five that should not be; "
            f"{len(score.planned)} expected roles not in the catalogue yet"
            + (f" ({', '.join(sorted(set(score.planned)))})" if score.planned else "")
        )
