"""The engine's inputs (a profile, the roles, how long each step takes) and its outputs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from careers.scoring.text import Items, Text, Weeks, _

# Ordered vocabularies, lowest first (careers/choices.py has the same codes).
CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
EDUCATION_LEVELS = (
    "10th", "12th", "some_college", "diploma", "bachelor", "master", "doctorate"
)  # fmt: skip
SKILL_LEVELS = ("none", "basic", "working", "advanced")
# The 12th-standard streams, and the fields of study each is the start of.
STREAM_FIELDS = {
    "science": ("statistics", "computing", "engineering", "life_sciences"),
    "commerce": ("commerce", "economics", "business"),
    "arts": ("humanities", "social_sciences", "law", "education", "design"),
    "vocational": (),
}
PORTFOLIO_KINDS = ("writing", "design", "code", "teaching")

EDUCATION_PHRASES = {
    "10th": _("10th standard"),
    "12th": _("12th standard"),
    "some_college": _("some college (no degree yet)"),
    "diploma": _("a diploma"),
    "bachelor": _("a bachelor's degree"),
    "master": _("a master's degree"),
    "doctorate": _("a doctorate"),
}
# The step to a degree in a field, by the level the role asks for.
DEGREE_IN = {
    "bachelor": _("A degree in %(names)s"),
    "master": _("A master's degree in %(names)s"),
    "doctorate": _("A doctorate in %(names)s"),
}
STREAM_NAMES = {
    "science": _("science"),
    "commerce": _("commerce"),
    "arts": _("arts"),
    "vocational": _("vocational"),
}
SHIFT_PHRASES = {
    "day": _("day shifts"),
    "uk_hours": _("UK business hours (afternoon to late evening in India)"),
    "us_hours": _("US business hours (the night shift in India)"),
    "rotational": _("rotational shifts"),
}
PORTFOLIO_PHRASES = {
    "writing": _("writing samples"),
    "design": _("a design portfolio"),
    "code": _("code you wrote (a GitHub page or projects)"),
    "teaching": _("teaching or training material you made"),
}
# Fields of study and kinds of work experience as a sentence names them.
FIELD_PHRASES = {
    "any": _("any field"),
    "commerce": _("commerce, accounting or finance"),
    "economics": _("economics"),
    "business": _("business or management"),
    "law": _("law"),
    "statistics": _("statistics or mathematics"),
    "computing": _("computer science or IT"),
    "engineering": _("engineering"),
    "life_sciences": _("life sciences, nursing, pharmacy or medicine"),
    "humanities": _("English, journalism, languages or humanities"),
    "social_sciences": _("psychology or social sciences"),
    "design": _("design or fine arts"),
    "education": _("education (teaching)"),
}
DOMAIN_PHRASES = {
    "customer_service": _("customer service or a call centre"),
    "sales": _("sales or telecalling"),
    "back_office": _("data entry or back office"),
    "finance": _("accounting, finance or banking"),
    "healthcare": _("healthcare or medical records"),
    "it_support": _("IT or technical support"),
    "engineering": _("engineering or drafting"),
    "hr": _("HR or recruitment"),
    "legal": _("legal work"),
    "research": _("research or data analysis"),
    "writing": _("writing, editing or content"),
    "design": _("design"),
    "teaching": _("teaching or training"),
    "other": _("other work"),
}
SKILL_LEVEL_NAMES = {
    "basic": _("basic"),
    "working": _("working"),
    "advanced": _("advanced"),
}
# "Your Excel is at a working level"; "Learn Excel to a working level".
AT_LEVEL = {
    "none": _("not used"),
    "basic": _("at a basic level"),
    "working": _("at a working level"),
    "advanced": _("at an advanced level"),
}
TO_LEVEL = {
    "basic": _("to a basic level"),
    "working": _("to a working level"),
    "advanced": _("to an advanced level"),
}


class Verdict(StrEnum):
    ELIGIBLE = "eligible"
    CLOSE = "close"
    NOT_YET = "not_yet"
    # Clashes with something the candidate said they cannot do (a shift, where they work).
    DOES_NOT_FIT = "does_not_fit"


VERDICT_ORDER = tuple(Verdict)


# --- How long steps take ----------------------------------------------------------------


@dataclass(frozen=True)
class Effort:
    """How long a step takes, in weeks (a range), why we say so, and what it costs."""

    low: int
    high: int
    reason: str = ""
    cost: str = ""

    def __add__(self, other: Effort) -> Effort:
        return Effort(self.low + other.low, self.high + other.high)

    def times(self, count: int) -> Effort:
        return Effort(self.low * count, self.high * count, self.reason, self.cost)

    @property
    def text(self) -> Weeks:
        """ "about 2–4 weeks", "about 3–6 months", "about 3 years"."""
        return Weeks(self.low, self.high)


NO_TIME = Effort(0, 0)


@dataclass(frozen=True)
class Efforts:
    """The catalogue's estimates for steps of each kind (qualifications carry their own)."""

    cefr_level: Effort  # one CEFR level up
    typing: Effort  # ten more words a minute
    skill: Mapping[str, Effort]  # to this level from the level below
    # To this level from the one before it in EDUCATION_PATH.
    education: Mapping[str, Effort]
    experience_year: Effort
    home_setup: Effort
    portfolio: Effort


# What each education level is reached from (a diploma or a degree both follow the 12th).
EDUCATION_PATH = {
    "12th": "10th",
    "some_college": "12th",
    "diploma": "12th",
    "bachelor": "12th",
    "master": "bachelor",
    "doctorate": "master",
}


# --- Inputs -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    """One accepted answer: a field, a qualification, a skill, a language, a domain."""

    code: str
    name: str
    # A qualification's time to gain from scratch, and (stage code, name, weeks left).
    effort: Effort | None = None
    stages: tuple[tuple[str, str, int], ...] = ()
    level: str = ""  # the education level a degree is (an LLB: "bachelor")


@dataclass(frozen=True)
class Requirement:
    code: str
    kind: str
    must: bool
    weight: int = 3
    level: str = ""
    amount: int | None = None
    accepts: tuple[Option, ...] = ()
    # A short name for the accepted options, when listing is too long.
    label: Text | str = ""

    @property
    def accepts_text(self) -> Text | str | Items:
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
    setting: str = "office"  # office | city (mostly in the big cities) | home

    def education(self, must: bool) -> str:
        """The education floor (must) or the level the role is pitched at (any)."""
        levels = [
            r.level
            for r in self.requirements
            if r.kind == "education_level" and (r.must or not must)
        ]
        return max(levels, key=EDUCATION_LEVELS.index, default="10th")


@dataclass(frozen=True)
class Catalogue:
    roles: tuple[Role, ...]
    efforts: Efforts


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
    stream: str = ""  # of the 12th standard
    field_of_study: str = ""
    other_languages: tuple[tuple[str, str], ...] = ()  # (language code, CEFR level)
    qualifications: frozenset[str] = frozenset()
    in_progress: tuple[tuple[str, str], ...] = ()  # (qualification, stage reached)
    skills: tuple[tuple[str, str], ...] = ()  # (skill slug, level)
    experience_years: int = 0
    experience_domains: frozenset[str] = frozenset()
    shifts: frozenset[str] = frozenset()
    work_from_home: bool = False  # connection, power backup and a quiet place
    commute: str = "office"  # office | relocate | remote_only
    near_city: bool = False  # lives in or near a big outsourcing city
    portfolios: frozenset[str] = frozenset()
    preferences: Preferences = field(default_factory=Preferences)

    def language_level(self, code: str) -> str | None:
        return dict(self.other_languages).get(code)


def profile_from_data(data: dict) -> Profile:
    """A Profile from profile data (the JSON format of careers/profile.schema.json)."""
    home = data.get("work_from_home") or {}
    experience = data.get("experience") or {}
    return Profile(
        spoken_english=data["spoken_english"],
        written_english=data["written_english"],
        typing_wpm=int(data["typing_wpm"]),
        education=data["education"],
        stream=data.get("stream") or "",
        field_of_study=data.get("field_of_study") or "",
        other_languages=tuple(
            sorted((i["language"], i["level"]) for i in data.get("other_languages", []))
        ),
        qualifications=frozenset(data.get("qualifications", [])),
        in_progress=tuple(
            sorted(
                (i["qualification"], i["stage"]) for i in data.get("in_progress", [])
            )
        ),
        skills=tuple(
            sorted(
                (s, lvl) for s, lvl in data.get("skills", {}).items() if lvl != "none"
            )
        ),
        experience_years=int(experience.get("years", 0)),
        experience_domains=frozenset(experience.get("domains", [])),
        shifts=frozenset(data.get("shifts", [])),
        work_from_home=all(
            home.get(k, False) for k in ("internet", "power_backup", "quiet_place")
        ),
        commute=data.get("commute") or "office",
        near_city=bool(data.get("near_city", False)),
        portfolios=frozenset(data.get("portfolios", [])),
        preferences=Preferences(**(data.get("preferences") or {})),
    )


# --- Outputs ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """What would meet a requirement, and how long it takes; `key` identifies it."""

    key: tuple[str, ...]
    text: Text
    effort: Effort

    @property
    def sentence(self) -> Text:
        return _("%(step)s (%(time)s)", step=self.text, time=self.effort.text)


@dataclass(frozen=True)
class Check:
    code: str
    kind: str
    must: bool
    weight: int
    met: bool
    reason: Text
    step: Step | None = None  # None when met, or when it asks what you cannot do
    refused: bool = False  # asks for something you said you cannot do


@dataclass(frozen=True)
class RoleFit:
    role: Role
    verdict: Verdict
    checks: tuple[Check, ...]
    distance: Effort | None  # all the missing must-haves together; None if refused
    plan: tuple[Step, ...]  # the missing must-haves, quickest first
    relevance: float  # how much of your background and wishes the role uses
    overqualified: bool

    @property
    def fit(self) -> int | None:
        """% of what helps in this role (its nice-to-haves, by weight) that you have."""
        nice = [c for c in self.checks if not c.must]
        total = sum(c.weight for c in nice)
        return (
            round(100 * sum(c.weight for c in nice if c.met) / total) if total else None
        )

    def count(self, must: bool) -> tuple[int, int]:
        checks = [c for c in self.checks if c.must == must]
        return sum(c.met for c in checks), len(checks)


@dataclass(frozen=True)
class Path:
    """The steps that open some roles, and how long they take together."""

    steps: tuple[Step, ...]
    effort: Effort
    opens: tuple[str, ...]  # role titles

    @property
    def sentence(self) -> Text:
        return _(
            "%(time)s: %(steps)s. Opens %(roles)s.",
            time=Weeks(self.effort.low, self.effort.high, capital=True),
            steps=Items(tuple(s.text for s in self.steps), "steps"),
            roles=list_titles(self.opens),
        )


@dataclass(frozen=True)
class Recommendation:
    fits: tuple[RoleFit, ...]  # best first
    summary: Text
    paths: tuple[Path, ...]  # the nearest plans, for roles not open yet


def join_names(options: Iterable[Option]) -> Items:
    return Items(tuple(o.name for o in options))


def list_titles(titles: tuple[str, ...], limit: int = 3) -> Items:
    return Items(tuple(titles), "and", limit)
