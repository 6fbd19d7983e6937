"""The scoring engine: for every role a verdict, a fit score, the reasons and the closest path.

Pure Python over frozen dataclasses: no Django, no database, no I/O. The views, the
`recommend` command and the tests all call `recommend()`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from operator import attrgetter

# Ordered vocabularies (the Django choices in models.py use the same codes).
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

# --- Weights and thresholds, each with its reason ---------------------------------------

# What the role asks of you decides most of the fit; what you enjoy breaks ties.
NICE_TO_HAVE_SHARE = 0.8
PREFERENCE_SHARE = 0.2
# A nice-to-have you are one small step short of still counts for half.
NEAR_CREDIT = 0.5
# "Close" means at most this many must-haves missing, each a small step.
CLOSE_MAX_MISSING = 2
# A small step: one CEFR level, 15 words a minute, a skill up to working level, a
# certificate, a shift you could accept, a home set-up, a portfolio: weeks to months.
SMALL_TYPING_GAP = 15
SMALL_LANGUAGE_GAP = 1
# Sector fit blends how far each of its best roles is open to you with how well you fit.
VERDICT_STANDING = {"eligible": 1.0, "close": 0.6, "not_yet": 0.2}
STANDING_SHARE = 0.7
SECTOR_TOP_ROLES = 3

SMALL = 1
LARGE = 3

SECTOR_NEEDS = {
    "BPO": "strong spoken or written English, typing speed and shift availability",
    "KPO": "a degree or professional qualification in the field",
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
        return self.label or _names(self.accepts)


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
class Step:
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
    step: Step | None  # None when met


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
            return f"{self.text}: opens {len(self.opens)} roles ({_list(self.opens)})."
        if len(self.nears) == 1:
            return f"{self.text}: brings {self.nears[0]} within reach."
        return f"{self.text}: brings {len(self.nears)} roles within reach ({_list(self.nears)})."


@dataclass(frozen=True)
class Recommendation:
    fits: tuple[RoleFit, ...]  # best first
    sectors: dict[str, int]  # "BPO"/"KPO" -> 0..100
    summary: str
    paths: tuple[Path, ...]  # the most useful next steps overall


# --- Checking one requirement -----------------------------------------------------------


def _rank(levels: tuple[str, ...], value: str | None) -> int:
    return levels.index(value) if value in levels else -1


def _names(options: Iterable[Option]) -> str:
    return " or ".join(o.name for o in options)


def _list(titles: tuple[str, ...], limit: int = 3) -> str:
    shown = ", ".join(titles[:limit])
    return shown + (f" and {len(titles) - limit} more" if len(titles) > limit else "")


def _roles(count: int, sector: str) -> str:
    return f"{count} {sector} role{'' if count == 1 else 's'}"


def _english(req: Requirement, profile: Profile) -> tuple[bool, str, Step]:
    medium = "spoken" if req.kind == "spoken_english" else "written"
    have = profile.spoken_english if medium == "spoken" else profile.written_english
    gap = _rank(CEFR_LEVELS, req.level) - _rank(CEFR_LEVELS, have)
    step = Step(
        key=(req.kind, req.level),
        text=f"Reach {req.level} {medium} English",
        effort=SMALL if gap <= SMALL_LANGUAGE_GAP else LARGE,
    )
    if gap <= 0:
        return (
            True,
            f"Your {medium} English ({have}) meets the {req.level} this role needs.",
            step,
        )
    return (
        False,
        f"This role needs {req.level} {medium} English; you said {have}.",
        step,
    )


def _other_language(req: Requirement, profile: Profile) -> tuple[bool, str, Step]:
    needed = _rank(CEFR_LEVELS, req.level)
    best = max(
        (_rank(CEFR_LEVELS, profile.language_level(o.code)) for o in req.accepts),
        default=-1,
    )
    gap = needed - best
    names = req.accepts_text
    step = Step(
        key=(req.kind, req.level, *sorted(o.code for o in req.accepts)),
        text=f"Reach {req.level} in {names}",
        effort=SMALL if best >= 0 and gap <= SMALL_LANGUAGE_GAP else LARGE,
    )
    if gap <= 0:
        return True, f"You speak {names} at {req.level} or better.", step
    if best < 0:
        return (
            False,
            f"This role uses {names} at {req.level}; you did not list it.",
            step,
        )
    return (
        False,
        f"This role uses {names} at {req.level}; you said {CEFR_LEVELS[best]}.",
        step,
    )


def _typing(req: Requirement, profile: Profile) -> tuple[bool, str, Step]:
    need = req.amount or 0
    step = Step(
        key=(req.kind, str(need)),
        text=f"Type {need} words a minute",
        effort=SMALL if need - profile.typing_wpm <= SMALL_TYPING_GAP else LARGE,
    )
    if profile.typing_wpm >= need:
        return (
            True,
            f"You type {profile.typing_wpm} words a minute; {need} are needed.",
            step,
        )
    return (
        False,
        f"This role needs {need} words a minute; you type {profile.typing_wpm}.",
        step,
    )


def _education(req: Requirement, profile: Profile) -> tuple[bool, str, Step]:
    need = EDUCATION_PHRASES.get(req.level, req.level)
    have = EDUCATION_PHRASES.get(profile.education, "no level given")
    step = Step(key=(req.kind, req.level), text=f"Complete {need}", effort=LARGE)
    if _rank(EDUCATION_LEVELS, profile.education) >= _rank(EDUCATION_LEVELS, req.level):
        return True, f"You have {have}; this role asks for {need} or higher.", step
    return False, f"This role asks for {need} or higher; you have {have}.", step


def _field(req: Requirement, profile: Profile) -> tuple[bool, str, Step]:
    names = _names(req.accepts)
    step = Step(
        key=(req.kind, *sorted(o.code for o in req.accepts)),
        text=f"Study {names}",
        effort=LARGE,
    )
    if any(o.code == profile.field_of_study for o in req.accepts):
        return True, f"You studied {names}, the background this role looks for.", step
    return False, f"This role looks for a background in {names}.", step


def _qualification(req: Requirement, profile: Profile) -> tuple[bool, str, Step]:
    held = [o for o in req.accepts if o.code in profile.qualifications]
    quick = [o for o in req.accepts if o.quick]
    target = quick or list(req.accepts)
    step = Step(
        key=(req.kind, *sorted(o.code for o in req.accepts)),
        text=f"Get {_names(target)}",
        effort=SMALL if quick else LARGE,
    )
    if held:
        return True, f"You hold {held[0].name}.", step
    return (
        False,
        f"This role asks for {_names(req.accepts)}; you have none of these.",
        step,
    )


def _skill(req: Requirement, profile: Profile) -> tuple[bool, str, Step]:
    need = _rank(SKILL_LEVELS, req.level)
    levels = dict(profile.skills)
    best = max(
        sorted(req.accepts, key=lambda o: o.code),
        key=lambda o: _rank(SKILL_LEVELS, levels.get(o.code, "none")),
    )
    have = levels.get(best.code, "none")
    # Courses take anyone to a working level in weeks; advanced takes working experience.
    small = (
        need <= _rank(SKILL_LEVELS, "working") or _rank(SKILL_LEVELS, have) + 1 >= need
    )
    step = Step(
        key=(req.kind, req.level, *sorted(o.code for o in req.accepts)),
        text=f"Learn {_names(req.accepts)} to a {req.level} level",
        effort=SMALL if small else LARGE,
    )
    if _rank(SKILL_LEVELS, have) >= need:
        return (
            True,
            f"Your {best.name} is at a {have} level; {req.level} is needed.",
            step,
        )
    said = "you have not used it" if have == "none" else f"you said {have}"
    return (
        False,
        f"This role needs {_names(req.accepts)} at a {req.level} level; {said}.",
        step,
    )


def _experience(req: Requirement, profile: Profile) -> tuple[bool, str, Step]:
    years = req.amount or 0
    domains = list(req.accepts)
    where = f" in {_names(domains)}" if domains else ""
    relevant = not domains or any(o.code in profile.experience_domains for o in domains)
    have = profile.experience_years if relevant else 0
    unit = "year" if years == 1 else "years"
    step = Step(
        key=(req.kind, str(years), *sorted(o.code for o in domains)),
        text=f"Gain {years} {unit} of work experience{where}",
        effort=LARGE,
    )
    if have >= years:
        return (
            True,
            f"You have {profile.experience_years} years of experience{where}.",
            step,
        )
    if not relevant:
        return (
            False,
            f"This role asks for {years} {unit}{where}; you have none there yet.",
            step,
        )
    return False, f"This role asks for {years} {unit}{where}; you have {have}.", step


def _shift(req: Requirement, profile: Profile) -> tuple[bool, str, Step]:
    phrase = SHIFT_PHRASES.get(req.level, req.level)
    step = Step(
        key=(req.kind, req.level), text=f"Be available for {phrase}", effort=SMALL
    )
    if req.level in profile.shifts:
        return True, f"You can work {phrase}.", step
    return False, f"This role works {phrase}; you said you cannot.", step


def _work_from_home(req: Requirement, profile: Profile) -> tuple[bool, str, Step]:
    step = Step(
        key=(req.kind,),
        text="Set up to work from home: steady internet, power backup and a quiet room",
        effort=SMALL,
    )
    if profile.work_from_home:
        return (
            True,
            "You have a steady connection, power backup and a quiet place.",
            step,
        )
    return False, "This role is done from home; your set-up is not complete yet.", step


def _portfolio(req: Requirement, profile: Profile) -> tuple[bool, str, Step]:
    step = Step(key=(req.kind,), text="Put together samples of your work", effort=SMALL)
    if profile.has_portfolio:
        return True, "You have samples of your work to show.", step
    return False, "This role hires on samples of your work; you have none yet.", step


CHECKERS = {
    "spoken_english": _english,
    "written_english": _english,
    "other_language": _other_language,
    "typing_speed": _typing,
    "education_level": _education,
    "field_of_study": _field,
    "qualification": _qualification,
    "skill": _skill,
    "experience_years": _experience,
    "shift": _shift,
    "work_from_home": _work_from_home,
    "portfolio": _portfolio,
}


# The profile fields each kind of check reads, and all that a step of that kind changes:
# a check depends on these alone, so `recommend` reuses checks between candidates (and
# between the "what if" profiles of their next steps) by these values.
READS: dict[str, tuple[str, ...]] = {
    "spoken_english": ("spoken_english",),
    "written_english": ("written_english",),
    "other_language": ("other_languages",),
    "typing_speed": ("typing_wpm",),
    "education_level": ("education",),
    "field_of_study": ("field_of_study",),
    "qualification": ("qualifications",),
    "skill": ("skills",),
    "experience_years": ("experience_years", "experience_domains"),
    "shift": ("shifts",),
    "work_from_home": ("work_from_home",),
    "portfolio": ("has_portfolio",),
}


def read_key(req: Requirement) -> Callable[[Profile], object]:
    """What a check of `req` reads of a profile: equal keys, equal checks.

    Of the fields in READS, a check of skills, languages, qualifications or work domains
    reads only the entries for the options it accepts.
    """
    read = attrgetter(*READS[req.kind])
    codes = frozenset(o.code for o in req.accepts)
    if req.kind in ("skill", "other_language"):
        return lambda profile: tuple(e for e in read(profile) if e[0] in codes)
    if req.kind == "qualification":
        return lambda profile: read(profile) & codes
    if req.kind == "experience_years":
        return lambda profile: (
            profile.experience_years,
            profile.experience_domains & codes,
        )
    return read


def check_requirement(req: Requirement, profile: Profile) -> Check:
    """Whether the profile meets one requirement, why, and the step that would meet it."""
    met, reason, step = CHECKERS[req.kind](req, profile)
    return Check(
        code=req.code,
        kind=req.kind,
        must=req.must,
        weight=req.weight,
        met=met,
        reason=reason,
        step=None if met else step,
    )


def apply_step(profile: Profile, step: Step) -> Profile:
    """The profile as it would be after taking the step."""
    kind, *rest = step.key
    if kind == "spoken_english":
        return replace(profile, spoken_english=rest[0])
    if kind == "written_english":
        return replace(profile, written_english=rest[0])
    if kind == "other_language":
        level, code = rest[0], rest[1]
        languages = dict(profile.other_languages) | {code: level}
        return replace(profile, other_languages=tuple(sorted(languages.items())))
    if kind == "typing_speed":
        return replace(profile, typing_wpm=int(rest[0]))
    if kind == "education_level":
        return replace(profile, education=rest[0])
    if kind == "field_of_study":
        return replace(profile, field_of_study=rest[0])
    if kind == "qualification":
        return replace(profile, qualifications=profile.qualifications | {rest[0]})
    if kind == "skill":
        skills = dict(profile.skills) | {rest[1]: rest[0]}
        return replace(profile, skills=tuple(sorted(skills.items())))
    if kind == "experience_years":
        domains = frozenset(rest[1:2])
        return replace(
            profile,
            experience_years=max(profile.experience_years, int(rest[0])),
            experience_domains=profile.experience_domains | domains,
        )
    if kind == "shift":
        return replace(profile, shifts=profile.shifts | {rest[0]})
    if kind == "work_from_home":
        return replace(profile, work_from_home=True)
    if kind == "portfolio":
        return replace(profile, has_portfolio=True)
    raise ValueError(f"unknown step {step.key!r}")


# --- Scoring one role -------------------------------------------------------------------


def preference_match(preferences: Preferences, sector: str, channel: str) -> float:
    """Share (0–1) of the three preference axes the role agrees with; "either" always does."""
    wanted = {
        "work_style": "rules" if sector == "BPO" else "judgement",
        "contact": "customers" if channel == "voice" else "back_office",
        "pace": "volume" if sector == "BPO" else "deep",
    }
    agree = [
        getattr(preferences, axis) in ("either", value)
        for axis, value in wanted.items()
    ]
    return sum(agree) / len(agree)


def verdict_for(checks: Iterable[Check]) -> Verdict:
    """Eligible: every must-have met. Close: one or two missing, each a small step."""
    return _verdict([c for c in checks if c.must and not c.met])


def _verdict(missing: list[Check]) -> Verdict:
    # Called for every role and every "what if" of the next steps: a plain loop.
    if not missing:
        return Verdict.ELIGIBLE
    if len(missing) > CLOSE_MAX_MISSING:
        return Verdict.NOT_YET
    for check in missing:
        if check.step.effort > SMALL:
            return Verdict.NOT_YET
    return Verdict.CLOSE


def fit_score(checks: Iterable[Check], preference: float) -> int:
    """0–100: weighted nice-to-haves met (80%) and how well the work suits you (20%)."""
    nice = [c for c in checks if not c.must]
    total = sum(c.weight for c in nice)
    if total:
        earned = sum(
            c.weight
            * (1.0 if c.met else NEAR_CREDIT if c.step.effort <= SMALL else 0.0)
            for c in nice
        )
        share = earned / total
    else:
        share = 1.0
    return round(100 * (NICE_TO_HAVE_SHARE * share + PREFERENCE_SHARE * preference))


def _display_order(requirements: Iterable[Requirement]) -> list[Requirement]:
    # Must-haves first, then by weight: the order a candidate should read them in.
    return sorted(requirements, key=lambda r: (not r.must, -r.weight, r.code))


def _role_checks(role: Role, profile: Profile) -> tuple[Check, ...]:
    return tuple(
        check_requirement(req, profile) for req in _display_order(role.requirements)
    )


def _closest_path(
    role: Role,
    checks: tuple[Check, ...],
    preference: float,
    recheck: Callable[[Step], tuple[Check, ...]],
) -> tuple[str, ...]:
    missing = sorted(
        (c.step for c in checks if c.must and not c.met),
        key=lambda s: (s.effort, s.text),
    )
    if len(missing) == 1:
        return (f"{missing[0].text}: makes {role.title} eligible now.",)
    if missing:
        return tuple(s.text for s in missing)
    # Eligible already: the nice-to-have that would raise the fit the most.
    unmet = sorted(
        (c for c in checks if not c.must and not c.met),
        key=lambda c: (-c.weight, c.code),
    )
    if not unmet:
        return ()
    better = fit_score(recheck(unmet[0].step), preference)
    return (f"{unmet[0].step.text}: raises your fit to {better}%.",)


def _role_fit(
    role: Role,
    checks: tuple[Check, ...],
    preference: float,
    recheck: Callable[[Step], tuple[Check, ...]],
) -> RoleFit:
    return RoleFit(
        slug=role.slug,
        title=role.title,
        category=role.category,
        category_name=role.category_name,
        sector=role.sector,
        channel=role.channel,
        verdict=verdict_for(checks),
        score=fit_score(checks, preference),
        checks=checks,
        closest_path=_closest_path(role, checks, preference, recheck),
    )


def score_role(role: Role, profile: Profile) -> RoleFit:
    """Verdict, fit score, reasons and closest path for one role."""
    return _role_fit(
        role,
        _role_checks(role, profile),
        preference_match(profile.preferences, role.sector, role.channel),
        lambda step: _role_checks(role, apply_step(profile, step)),
    )


# --- All roles --------------------------------------------------------------------------


def rank_fits(fits: Iterable[RoleFit]) -> tuple[RoleFit, ...]:
    """Best first: by verdict, then fit score, then title (so the order never depends on input)."""
    return tuple(
        sorted(
            fits,
            key=lambda f: (_VERDICT_RANK[f.verdict], -f.score, f.title, f.slug),
        )
    )


def best_paths(
    roles: Iterable[Role], profile: Profile, fits: Iterable[RoleFit], limit: int = 3
) -> tuple[Path, ...]:
    """Single steps that move the most roles up a verdict, smallest effort first on ties."""
    prepared = _prepare(roles)
    return _best_paths(prepared, _applier(profile), fits, limit)


def _applier(profile: Profile) -> Callable[[Step], Profile]:
    """apply_step() for one profile, each step applied once: many roles share a step."""
    applied: dict[tuple[str, ...], Profile] = {}

    def after(step: Step) -> Profile:
        changed = applied.get(step.key)
        if changed is None:
            changed = applied[step.key] = apply_step(profile, step)
        return changed

    return after


def _best_paths(
    prepared: _Prepared,
    after: Callable[[Step], Profile],
    fits: Iterable[RoleFit],
    limit: int,
) -> tuple[Path, ...]:
    steps: dict[tuple[str, ...], Step] = {}
    # Per step, the roles it might move up, each with its missing must-haves of other
    # kinds: a step changes only the checks of its own kind, so those stay missing.
    affected: dict[tuple[str, ...], list[tuple[RoleFit, list[Check]]]] = defaultdict(
        list
    )
    for fit in fits:
        if fit.verdict == Verdict.ELIGIBLE:
            continue
        missing = [c for c in fit.checks if c.must and not c.met]
        for check in missing:
            others = [c for c in missing if c.kind != check.kind]
            # Left too far even then (or a close role not made eligible): no change.
            if others and (
                fit.verdict == Verdict.CLOSE or _verdict(others) == Verdict.NOT_YET
            ):
                continue
            steps[check.step.key] = check.step
            affected[check.step.key].append((fit, others))
    paths = []
    for key, step in steps.items():
        kind = key[0]
        changed = after(step)
        opens, nears = [], []
        for fit, others in affected[key]:
            missing = list(others)
            for place in prepared.musts[fit.slug].get(kind, ()):
                check = prepared.check(place, changed)
                if not check.met:
                    missing.append(check)
            verdict = _verdict(missing)
            if verdict == Verdict.ELIGIBLE:
                opens.append(fit.title)
            elif verdict == Verdict.CLOSE and fit.verdict == Verdict.NOT_YET:
                nears.append(fit.title)
        if opens or nears:
            paths.append(
                Path(step.text, step.effort, tuple(sorted(opens)), tuple(sorted(nears)))
            )
    paths.sort(key=lambda p: (-len(p.opens), p.effort, -len(p.nears), p.text))
    return tuple(paths[:limit])


def sector_scores(fits: Iterable[RoleFit]) -> dict[str, int]:
    """0–100 per sector: how open its best three roles are to you, and how well they fit."""
    standings: dict[str, list[float]] = {"BPO": [], "KPO": []}
    for fit in fits:
        standings.setdefault(fit.sector, []).append(
            STANDING_SHARE * VERDICT_STANDING[fit.verdict]
            + (1 - STANDING_SHARE) * fit.score / 100
        )
    scores = {}
    for sector, values in sorted(standings.items()):
        top = sorted(values, reverse=True)[:SECTOR_TOP_ROLES]
        scores[sector] = round(100 * sum(top) / len(top)) if top else 0
    return scores


def summarise(
    fits: tuple[RoleFit, ...], sectors: dict[str, int], paths: tuple[Path, ...]
) -> str:
    """One or two sentences: which sector fits better and why, from the roles."""
    count = defaultdict(int)
    for fit in fits:
        count[fit.sector, fit.verdict] += 1
    best = max(
        ("BPO", "KPO"),
        key=lambda s: (sectors.get(s, 0), count[s, Verdict.ELIGIBLE], s == "BPO"),
    )
    other = "KPO" if best == "BPO" else "BPO"
    eligible = [
        f.title for f in fits if f.sector == best and f.verdict == Verdict.ELIGIBLE
    ]
    if eligible:
        first = (
            f"{best} fits you better today: you can apply for "
            f"{_roles(len(eligible), best)} now, such as {_list(tuple(eligible), 2)}."
        )
    elif count[best, Verdict.CLOSE]:
        n = count[best, Verdict.CLOSE]
        first = (
            f"Nothing is open to you yet, but {best} is closest: {_roles(n, best)} "
            f"{'is' if n == 1 else 'are'} one or two small steps away."
        )
    else:
        first = f"No role is within reach yet; {best} is the nearer sector."
    if count[other, Verdict.ELIGIBLE]:
        second = (
            f"You also qualify for {_roles(count[other, Verdict.ELIGIBLE], other)}."
        )
    elif count[other, Verdict.CLOSE]:
        n = count[other, Verdict.CLOSE]
        second = f"{_roles(n, other)} {'is' if n == 1 else 'are'} a step or two away."
    else:
        second = f"{other} roles need {SECTOR_NEEDS[other]}."
    if not eligible and paths:
        second += f" Start with this: {paths[0].sentence}"
    return f"{first} {second}"


# Checks kept per prepared catalogue, at most this many (a few MB); most candidates share
# their English levels, education, shifts and so on, so most checks are found here.
CHECKS_KEPT = 20_000


class _Prepared:
    """A catalogue ready for scoring: each distinct requirement once, each role as the
    places of its requirements in display order, and checks kept by the profile values
    they read (see `read_key`)."""

    def __init__(self, roles: tuple[Role, ...]) -> None:
        self.roles = roles
        places: dict[Requirement, int] = {}
        self.requirements: list[Requirement] = []
        self.places: dict[str, tuple[int, ...]] = {}
        for role in roles:
            for req in _display_order(role.requirements):
                places.setdefault(req, len(places))
            self.places[role.slug] = tuple(
                places[req] for req in _display_order(role.requirements)
            )
        self.requirements = list(places)
        self.kinds = [req.kind for req in self.requirements]
        self.keys = [read_key(req) for req in self.requirements]
        # Each role's must-haves by kind, for trying a step of that kind.
        self.musts: dict[str, dict[str, list[int]]] = {}
        for slug, role_places in self.places.items():
            musts = self.musts[slug] = {}
            for place in role_places:
                if self.requirements[place].must:
                    musts.setdefault(self.kinds[place], []).append(place)
        self.kept: dict[tuple, Check] = {}

    def check(self, place: int, profile: Profile) -> Check:
        key = (place, self.keys[place](profile))
        check = self.kept.get(key)
        return check if check is not None else self._keep(key, place, profile)

    def _keep(self, key: tuple, place: int, profile: Profile) -> Check:
        check = check_requirement(self.requirements[place], profile)
        if len(self.kept) >= CHECKS_KEPT:
            self.kept.clear()
        self.kept[key] = check
        return check

    def checks(self, slug: str, profile: Profile) -> tuple[Check, ...]:
        return tuple(self.check(place, profile) for place in self.places[slug])


_last_prepared: tuple[tuple[Role, ...], _Prepared] | None = None


def _prepare(roles: Iterable[Role]) -> _Prepared:
    # The app passes the same catalogue tuple until the catalogue changes: prepare it once.
    global _last_prepared
    kept = _last_prepared
    if kept is not None and kept[0] is roles:
        return kept[1]
    prepared = _Prepared(tuple(roles))
    if isinstance(roles, tuple):
        _last_prepared = (roles, prepared)
    return prepared


def recommend(roles: Iterable[Role], profile: Profile) -> Recommendation:
    """Score every role for the profile and summarise; deterministic, order-independent."""
    prepared = _prepare(roles)
    after = _applier(profile)
    preferences: dict[tuple[str, str], float] = {}
    fits = []
    for role in prepared.roles:
        kind = (role.sector, role.channel)
        if kind not in preferences:
            preferences[kind] = preference_match(profile.preferences, *kind)
        fits.append(
            _role_fit(
                role,
                prepared.checks(role.slug, profile),
                preferences[kind],
                lambda step, slug=role.slug: prepared.checks(slug, after(step)),
            )
        )
    ranked = rank_fits(fits)
    sectors = sector_scores(ranked)
    paths = _best_paths(prepared, after, ranked, limit=3)
    return Recommendation(
        fits=ranked,
        sectors=sectors,
        summary=summarise(ranked, sectors, paths),
        paths=paths,
    )


def recommendation_data(
    recommendation: Recommendation, top: int | None = None, detailed: bool = False
) -> dict:
    """The recommendation as plain data: the `recommend --format json` shape, best first.

    `detailed` adds what the result page shows besides (category names, channels and the
    overall next steps).
    """
    fits = recommendation.fits[:top] if top else recommendation.fits
    items = []
    for fit in fits:
        item = {
            "role": fit.slug,
            "title": fit.title,
            "category": fit.category,
            "sector": fit.sector,
            "verdict": str(fit.verdict),
            "score": fit.score,
            "met": list(fit.met),
            "missing": list(fit.missing),
            "closest_path": list(fit.closest_path),
        }
        if detailed:
            item |= {"category_name": fit.category_name, "channel": fit.channel}
        items.append(item)
    data = {
        "summary": recommendation.summary,
        "sectors": dict(recommendation.sectors),
        "recommendations": items,
    }
    if detailed:
        data["paths"] = [path.sentence for path in recommendation.paths]
    return data
