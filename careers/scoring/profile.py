"""The engine's inputs (a profile, the roles, how long each step takes) and its outputs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from careers.scoring.markets import DEFAULT_COUNTRY, MARKETS, Market, in_market
from careers.scoring.text import Items, Text, Weeks, _, ngettext
from careers.scoring.vocabulary import (
    CEFRLevel,
    Commute,
    EducationLevel,
    ExperienceDomain,
    FieldOfStudy,
    HomeItem,
    InformalWork,
    Need,
    PortfolioKind,
    SkillLevel,
    Stream,
    Verdict,
    WorkSetting,
)

if TYPE_CHECKING:
    from careers.scoring.clashes import Clash

# Ordered vocabularies, lowest first, as the engine compares them.
CEFR_LEVELS = tuple(CEFRLevel)
EDUCATION_LEVELS = tuple(EducationLevel)
SKILL_LEVELS = ("none", *SkillLevel)
# The 12th-standard streams, and the fields of study each is the start of.
STREAM_FIELDS = {
    Stream.SCIENCE: (
        FieldOfStudy.STATISTICS,
        FieldOfStudy.COMPUTING,
        FieldOfStudy.ENGINEERING,
        FieldOfStudy.LIFE_SCIENCES,
    ),
    Stream.COMMERCE: (
        FieldOfStudy.COMMERCE,
        FieldOfStudy.ECONOMICS,
        FieldOfStudy.BUSINESS,
    ),
    Stream.ARTS: (
        FieldOfStudy.HUMANITIES,
        FieldOfStudy.SOCIAL_SCIENCES,
        FieldOfStudy.LAW,
        FieldOfStudy.EDUCATION,
        FieldOfStudy.DESIGN,
    ),
    Stream.VOCATIONAL: (),
    # The Senior High School strands (DepEd): each leads to these college fields.
    Stream.STEM: (
        FieldOfStudy.STATISTICS,
        FieldOfStudy.COMPUTING,
        FieldOfStudy.ENGINEERING,
        FieldOfStudy.LIFE_SCIENCES,
    ),
    Stream.ABM: (
        FieldOfStudy.COMMERCE,
        FieldOfStudy.ECONOMICS,
        FieldOfStudy.BUSINESS,
    ),
    Stream.HUMSS: (
        FieldOfStudy.HUMANITIES,
        FieldOfStudy.SOCIAL_SCIENCES,
        FieldOfStudy.LAW,
        FieldOfStudy.EDUCATION,
    ),
    Stream.GAS: (
        FieldOfStudy.HUMANITIES,
        FieldOfStudy.SOCIAL_SCIENCES,
        FieldOfStudy.BUSINESS,
    ),
    Stream.TVL: (),
}
PORTFOLIO_KINDS = tuple(PortfolioKind)
HOME_ITEMS = tuple(HomeItem)
# Unpaid or informal work, as the experience it is (Tabiya's "unseen economy"): serving
# at a family counter is customer service and selling; its books are accounts and back
# office; tuition is teaching; caring is the start of healthcare work.
INFORMAL_DOMAINS = {
    InformalWork.SHOP_COUNTER: (
        ExperienceDomain.CUSTOMER_SERVICE,
        ExperienceDomain.SALES,
    ),
    InformalWork.SHOP_ACCOUNTS: (
        ExperienceDomain.FINANCE,
        ExperienceDomain.BACK_OFFICE,
    ),
    InformalWork.HOME_TUITION: (ExperienceDomain.TEACHING,),
    InformalWork.VOLUNTEERING: (ExperienceDomain.OTHER,),
    InformalWork.CARING: (ExperienceDomain.HEALTHCARE,),
}

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
    # Every qualification by slug: a prerequisite need not be a role's requirement.
    qualifications: Mapping[str, Option] = field(default_factory=dict)
    # The person's market: its clock for the offshore shifts (see Catalogue.in_market).
    market: Market | None = None


# What each education level is reached from (a diploma or a degree both follow the 12th).
EDUCATION_PATH = {
    EducationLevel.HIGHER_SECONDARY: EducationLevel.SECONDARY,
    EducationLevel.SOME_COLLEGE: EducationLevel.HIGHER_SECONDARY,
    EducationLevel.DIPLOMA: EducationLevel.HIGHER_SECONDARY,
    EducationLevel.BACHELOR: EducationLevel.HIGHER_SECONDARY,
    EducationLevel.MASTER: EducationLevel.BACHELOR,
    EducationLevel.DOCTORATE: EducationLevel.MASTER,
}


# --- Inputs -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    """One way to start a qualification: an education level reached, or another
    qualification held; and how long the qualification takes by it."""

    kind: str  # "education" or "qualification"
    code: str  # an EducationLevel, or a qualification's slug
    effort: Effort


@dataclass(frozen=True)
class Option:
    """One accepted answer: a field, a qualification, a skill, a language, a domain."""

    code: str
    name: str
    # A qualification's time to gain from scratch, and (stage code, name, weeks left).
    effort: Effort | None = None
    stages: tuple[tuple[str, str, int], ...] = ()
    level: str = ""  # the education level a degree is (an LLB: "bachelor")
    field_of_study: str = ""  # a qualification's field: a background in it
    requires: tuple[Route, ...] = ()  # a qualification's routes in, any one
    # (stage code, what it counts as): holding another qualification ("ca-inter") or
    # having reached one of its stages ("ca-inter:foundation").
    counts_as: tuple[tuple[str, tuple[str, ...]], ...] = ()
    note: str = ""  # a tool known to be hard with a screen reader: why
    markets: frozenset[str] = frozenset()  # a qualification's; none: every market


@dataclass(frozen=True)
class Background:
    """Who a role is for, beyond what its requirements name (relevance)."""

    fields: frozenset[str] = frozenset()
    domains: frozenset[str] = frozenset()
    qualifications: frozenset[str] = frozenset()
    portfolios: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()

    @classmethod
    def of(cls, data: Mapping[str, Iterable[str]]) -> Background:
        return cls(**{key: frozenset(data.get(key, ())) for key in BACKGROUND_KEYS})


BACKGROUND_KEYS = ("fields", "domains", "qualifications", "portfolios", "languages")


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
    way: str = ""  # blank: asked in every case; else only by this way in
    markets: frozenset[str] = frozenset()  # where it is asked; none: every market
    # The short name in a market, where it differs there ("Filipino or another
    # Philippine language" for the domestic languages).
    market_labels: tuple[tuple[str, Text | str], ...] = ()

    @property
    def accepts_text(self) -> Text | str | Items:
        return self.label or join_names(self.accepts)


@dataclass(frozen=True)
class Role:
    slug: str
    title: str
    category: str
    category_name: str
    sector: str  # a Sector
    channel: str  # a Channel
    requirements: tuple[Requirement, ...]
    setting: str = WorkSetting.OFFICE
    background: Background = field(default_factory=Background)
    markets: frozenset[str] = frozenset()  # where the work is hired; none: every market

    def education(self, must: bool) -> str:
        """The education floor (must) or the level the role is pitched at (any)."""
        levels = [
            r.level
            for r in self.requirements
            if r.kind == "education_level" and (r.must or not must)
        ]
        return max(levels, key=EDUCATION_LEVELS.index, default=EducationLevel.SECONDARY)


@dataclass(frozen=True)
class Catalogue:
    roles: tuple[Role, ...]
    efforts: Efforts
    # What differs by market: its estimates, where they differ from `efforts` (the
    # 12th's stand-in and a degree's years), and its data (careers.scoring.markets).
    market_efforts: Mapping[str, Efforts] = field(default_factory=dict)
    markets: Mapping[str, Market] = field(default_factory=lambda: dict(MARKETS))

    def in_market(self, country: str) -> Catalogue:
        """What a person in `country` is advised from: the roles hired there, each with
        the requirements asked there, languages that count as domestic there, and the
        market's estimates. Kept for the last catalogue, as each result reads it."""
        if country not in self.markets:
            raise ValueError(f"no market {country!r}: {', '.join(self.markets)}")
        source, value = _IN_MARKET.get(country, (None, None))
        if source is not self:
            # Kept by identity: relevance.py keeps what it works out per role object.
            value = in_market(self, country)
            _IN_MARKET[country] = (self, value)
        return value


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
    home_setup: frozenset[str] = frozenset()  # the HomeItems the person has
    commute: str = Commute.OFFICE
    near_city: bool = False  # lives in or near a big outsourcing city
    portfolios: frozenset[str] = frozenset()
    preferences: Preferences = field(default_factory=Preferences)
    needs: frozenset[str] = frozenset()  # Needs
    country: str = DEFAULT_COUNTRY  # where the person lives and looks for work
    informal_work: frozenset[str] = frozenset()  # InformalWork kinds
    informal_years: int = 0

    def language_level(self, code: str) -> str | None:
        return dict(self.other_languages).get(code)

    @property
    def work_from_home(self) -> bool:
        return self.home_setup >= set(HOME_ITEMS)

    @property
    def home_only(self) -> bool:
        """Said they can only work from home, or need to."""
        return self.commute == Commute.REMOTE_ONLY or Need.HOME_ONLY in self.needs

    @property
    def no_voice(self) -> bool:
        return Need.NO_VOICE in self.needs

    @property
    def informal_domains(self) -> frozenset[str]:
        return frozenset(d for k in self.informal_work for d in INFORMAL_DOMAINS[k])

    def years_in(self, domains: Iterable[str], unpaid_counts: bool = True) -> int:
        """Years of work in any of these domains (any work if none are named): paid
        work, or unpaid and informal work where it counts, whichever is longer."""
        domains = set(domains)
        paid = self.experience_years
        if domains and not domains & self.experience_domains:
            paid = 0
        unpaid = self.informal_years if self.informal_work and unpaid_counts else 0
        if domains and not domains & self.informal_domains:
            unpaid = 0
        return max(paid, unpaid)


def profile_from_data(data: dict) -> Profile:
    """A Profile from profile data (the JSON format of careers/profile.schema.json)."""
    home = data.get("work_from_home") or {}
    experience = data.get("experience") or {}
    informal = data.get("informal_work") or {}
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
        home_setup=frozenset(k for k in HOME_ITEMS if home.get(k, False)),
        commute=data.get("commute") or Commute.OFFICE,
        near_city=bool(data.get("near_city", False)),
        portfolios=frozenset(data.get("portfolios", [])),
        preferences=Preferences(**(data.get("preferences") or {})),
        needs=frozenset(data.get("needs", [])),
        informal_work=frozenset(informal.get("kinds", [])),
        informal_years=int(informal.get("years", 0)),
        # Profiles from before markets (issue 33) were all written for India.
        country=data.get("country") or DEFAULT_COUNTRY,
    )


# Each market's roles, for the last catalogue read (a catalogue lives 300 s).
_IN_MARKET: dict[str, tuple[Catalogue, Catalogue]] = {}


# --- Outputs ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """What would meet a requirement, and how long it takes; `key` identifies it."""

    key: tuple[str, ...]
    text: Text
    effort: Effort
    gains: tuple[str, ...] = ()  # the qualifications it gains, in order

    @property
    def sentence(self) -> Text:
        if self.effort.cost:
            return _(
                "%(step)s: %(time)s, %(cost)s",
                step=self.text,
                time=self.effort.text,
                cost=self.effort.cost,
            )
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
    way: str = ""  # the way in it belongs to (blank: every way)
    what: Text | Items | None = None  # what it asks, as a phrase ("a design portfolio")


@dataclass(frozen=True)
class RoleFit:
    role: Role
    verdict: Verdict
    checks: tuple[Check, ...]
    distance: Effort | None  # all the missing must-haves together; None if refused
    plan: tuple[Step, ...]  # the missing must-haves, quickest first
    relevance: int  # how many kinds of your background the role uses (relevance.py)
    overqualified: bool
    below: int = 0  # education stages you are above it, if it uses none of them
    preference: float = 0.0  # share of your wishes it agrees with
    english_use: float = 0.0  # levels of strong English it uses

    @property
    def fit(self) -> int | None:
        """% of what helps in this role (its nice-to-haves, by weight) that you have."""
        nice = [c for c in self.checks if not c.must]
        total = sum(c.weight for c in nice)
        return (
            round(100 * sum(c.weight for c in nice if c.met) / total) if total else None
        )

    def count(self, must: bool) -> tuple[int, int]:
        checks = [c for c in self.checks if c.must == must and c.kind != "way"]
        return sum(c.met for c in checks), len(checks)


@dataclass(frozen=True)
class Path:
    """The steps that open some roles, and how long they take together."""

    steps: tuple[Step, ...]
    effort: Effort
    opens: tuple[str, ...]  # role titles

    @property
    def sentence(self) -> Text:
        values = {
            "time": Weeks(self.effort.low, self.effort.high, capital=True),
            "steps": Items(tuple(s.text for s in self.steps), "steps"),
            "roles": list_titles(self.opens),
        }
        costs = tuple(s.effort.cost for s in self.steps if s.effort.cost)
        # By how many roles it opens: Hindi's verb agrees ("खुलता है", "खुलते हैं").
        if costs:
            return ngettext(
                "%(time)s: %(steps)s. Costs: %(costs)s. Opens %(roles)s.",
                "%(time)s: %(steps)s. Costs: %(costs)s. Opens %(roles)s.",
                len(self.opens),
                **values,
                costs=Items(costs, "steps"),
            )
        return ngettext(
            "%(time)s: %(steps)s. Opens %(roles)s.",
            "%(time)s: %(steps)s. Opens %(roles)s.",
            len(self.opens),
            **values,
        )


@dataclass(frozen=True)
class Recommendation:
    fits: tuple[RoleFit, ...]  # best first
    summary: Text
    paths: tuple[Path, ...]  # the nearest plans, for roles not open yet
    # Roles that do not fit, by slug: what would end the clash (clashes.py).
    clashes: Mapping[str, Clash] = field(default_factory=dict)


def join_names(options: Iterable[Option]) -> Items:
    return Items(tuple(o.name for o in options))


def list_titles(titles: tuple[str, ...], limit: int = 3) -> Items:
    return Items(tuple(titles), "and", limit)
