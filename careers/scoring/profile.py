"""The engine's inputs (a profile, the roles and their requirements) and outputs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

# Ordered vocabularies, lowest first (careers/choices.py has the same codes).
CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
EDUCATION_LEVELS = ("10th", "12th", "diploma", "bachelor", "master", "doctorate")
SKILL_LEVELS = ("none", "basic", "working", "advanced")

EDUCATION_PHRASES = {
    "10th": "10th standard",
    "12th": "12th standard",
    "diploma": "a diploma",
    "bachelor": "a bachelor's degree",
    "master": "a master's degree",
    "doctorate": "a doctorate",
}
SHIFT_PHRASES = {
    "day": "day shifts",
    "uk_hours": "UK business hours (afternoon to late evening in India)",
    "us_hours": "US business hours (the night shift in India)",
    "rotational": "rotational shifts",
}


class Verdict(StrEnum):
    ELIGIBLE = "eligible"
    CLOSE = "close"
    NOT_YET = "not_yet"


VERDICT_ORDER = (Verdict.ELIGIBLE, Verdict.CLOSE, Verdict.NOT_YET)
_VERDICT_RANK = {verdict: rank for rank, verdict in enumerate(VERDICT_ORDER)}


# --- Inputs -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    """One accepted answer: a field, a qualification, a skill, a language, a domain."""

    code: str
    name: str
    quick: bool = False  # can be gained in weeks or months (e.g. a certificate)


@dataclass(frozen=True)
class Requirement:
    code: str
    kind: str
    must: bool
    weight: int = 3
    level: str = ""
    amount: int | None = None
    accepts: tuple[Option, ...] = ()
    label: str = (
        ""  # a short name for the accepted options, when listing them is too long
    )

    @property
    def accepts_text(self) -> str:
        return self.label or join_names(self.accepts)


@dataclass(frozen=True)
class Role:
    slug: str
    title: str
    category: str
    category_name: str
    sector: str  # "BPO" or "KPO"
    channel: str  # "voice" or "non_voice"
    requirements: tuple[Requirement, ...]


@dataclass(frozen=True)
class Preferences:
    work_style: str = "either"  # rules | judgement | either
    contact: str = "either"  # customers | back_office | either
    pace: str = "either"  # volume | deep | either


@dataclass(frozen=True)
class Profile:
    spoken_english: str
    written_english: str
    typing_wpm: int
    education: str
    field_of_study: str = ""
    other_languages: tuple[tuple[str, str], ...] = ()  # (language code, CEFR level)
    qualifications: frozenset[str] = frozenset()
    skills: tuple[tuple[str, str], ...] = ()  # (skill slug, level)
    experience_years: int = 0
    experience_domains: frozenset[str] = frozenset()
    shifts: frozenset[str] = frozenset()
    work_from_home: bool = False  # connection, power backup and a quiet place
    has_portfolio: bool = False
    preferences: Preferences = Preferences()

    def language_level(self, code: str) -> str | None:
        return dict(self.other_languages).get(code)


def profile_from_data(data: dict) -> Profile:
    """A Profile from profile data (the JSON format of careers/profile.schema.json)."""
    home = data.get("work_from_home") or {}
    experience = data.get("experience") or {}
    preferences = data.get("preferences") or {}
    return Profile(
        spoken_english=data["spoken_english"],
        written_english=data["written_english"],
        typing_wpm=int(data["typing_wpm"]),
        education=data["education"],
        field_of_study=data.get("field_of_study") or "",
        other_languages=tuple(
            sorted(
                (item["language"], item["level"])
                for item in data.get("other_languages", [])
            )
        ),
        qualifications=frozenset(data.get("qualifications", [])),
        skills=tuple(
            sorted(
                (slug, level)
                for slug, level in data.get("skills", {}).items()
                if level != "none"
            )
        ),
        experience_years=int(experience.get("years", 0)),
        experience_domains=frozenset(experience.get("domains", [])),
        shifts=frozenset(data.get("shifts", [])),
        work_from_home=all(
            home.get(k, False) for k in ("internet", "power_backup", "quiet_place")
        ),
        has_portfolio=bool(data.get("has_portfolio", False)),
        preferences=Preferences(
            work_style=preferences.get("work_style", "either"),
            contact=preferences.get("contact", "either"),
            pace=preferences.get("pace", "either"),
        ),
    )


# --- Outputs ----------------------------------------------------------------------------


@dataclass(frozen=True)
class NextStep:
    """A change to the profile that would meet a requirement; `key` identifies it."""

    key: tuple[str, ...]
    text: str
    effort: int


@dataclass(frozen=True)
class Check:
    code: str
    kind: str
    must: bool
    weight: int
    met: bool
    reason: str
    step: NextStep | None  # None when met


@dataclass(frozen=True)
class RoleFit:
    slug: str
    title: str
    category: str
    category_name: str
    sector: str
    channel: str
    verdict: Verdict
    score: int
    checks: tuple[Check, ...]
    closest_path: tuple[str, ...]

    @property
    def met(self) -> tuple[str, ...]:
        return tuple(c.reason for c in self.checks if c.met)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(c.reason for c in self.checks if not c.met)


@dataclass(frozen=True)
class Path:
    """A single step and the roles it would open (or bring within reach)."""

    text: str
    effort: int
    opens: tuple[str, ...]  # role titles that become eligible
    nears: tuple[str, ...]  # role titles that become close

    @property
    def sentence(self) -> str:
        if self.opens:
            if len(self.opens) == 1:
                return f"{self.text}: makes {self.opens[0]} eligible now."
            return f"{self.text}: opens {len(self.opens)} roles ({list_titles(self.opens)})."
        if len(self.nears) == 1:
            return f"{self.text}: brings {self.nears[0]} within reach."
        count, titles = len(self.nears), list_titles(self.nears)
        return f"{self.text}: brings {count} roles within reach ({titles})."


@dataclass(frozen=True)
class Recommendation:
    fits: tuple[RoleFit, ...]  # best first
    sectors: dict[str, int]  # "BPO"/"KPO" -> 0..100
    summary: str
    paths: tuple[Path, ...]  # the most useful next steps overall


def join_names(options: Iterable[Option]) -> str:
    return " or ".join(o.name for o in options)


def list_titles(titles: tuple[str, ...], limit: int = 3) -> str:
    shown = ", ".join(titles[:limit])
    return shown + (f" and {len(titles) - limit} more" if len(titles) > limit else "")
