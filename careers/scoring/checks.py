"""Checking one requirement against a profile: met or not, why, and the step to meet it."""

from __future__ import annotations

from dataclasses import replace

from careers.scoring.profile import (
    CEFR_LEVELS,
    EDUCATION_LEVELS,
    EDUCATION_PHRASES,
    SHIFT_PHRASES,
    SKILL_LEVELS,
    Check,
    NextStep,
    Profile,
    Requirement,
    join_names,
)

# How big a missing step is. A small step takes weeks to months: one CEFR level, 15 words
# a minute, a skill up to working level, a certificate, a shift you could accept, a home
# set-up, a portfolio. A degree, a field of study or years of experience are large.
SMALL = 1
LARGE = 3
SMALL_TYPING_GAP = 15
SMALL_LANGUAGE_GAP = 1


def _rank(levels: tuple[str, ...], value: str | None) -> int:
    return levels.index(value) if value in levels else -1


def _english(req: Requirement, profile: Profile) -> tuple[bool, str, NextStep]:
    medium = "spoken" if req.kind == "spoken_english" else "written"
    have = profile.spoken_english if medium == "spoken" else profile.written_english
    gap = _rank(CEFR_LEVELS, req.level) - _rank(CEFR_LEVELS, have)
    step = NextStep(
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


def _other_language(req: Requirement, profile: Profile) -> tuple[bool, str, NextStep]:
    needed = _rank(CEFR_LEVELS, req.level)
    best = max(
        (_rank(CEFR_LEVELS, profile.language_level(o.code)) for o in req.accepts),
        default=-1,
    )
    gap = needed - best
    names = req.accepts_text
    step = NextStep(
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


def _typing(req: Requirement, profile: Profile) -> tuple[bool, str, NextStep]:
    need = req.amount or 0
    step = NextStep(
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


def _education(req: Requirement, profile: Profile) -> tuple[bool, str, NextStep]:
    need = EDUCATION_PHRASES.get(req.level, req.level)
    have = EDUCATION_PHRASES.get(profile.education, "no level given")
    step = NextStep(key=(req.kind, req.level), text=f"Complete {need}", effort=LARGE)
    if _rank(EDUCATION_LEVELS, profile.education) >= _rank(EDUCATION_LEVELS, req.level):
        return True, f"You have {have}; this role asks for {need} or higher.", step
    return False, f"This role asks for {need} or higher; you have {have}.", step


def _field(req: Requirement, profile: Profile) -> tuple[bool, str, NextStep]:
    names = join_names(req.accepts)
    step = NextStep(
        key=(req.kind, *sorted(o.code for o in req.accepts)),
        text=f"Study {names}",
        effort=LARGE,
    )
    if any(o.code == profile.field_of_study for o in req.accepts):
        return True, f"You studied {names}, the background this role looks for.", step
    return False, f"This role looks for a background in {names}.", step


def _qualification(req: Requirement, profile: Profile) -> tuple[bool, str, NextStep]:
    held = [o for o in req.accepts if o.code in profile.qualifications]
    quick = [o for o in req.accepts if o.quick]
    target = quick or list(req.accepts)
    step = NextStep(
        key=(req.kind, *sorted(o.code for o in req.accepts)),
        text=f"Get {join_names(target)}",
        effort=SMALL if quick else LARGE,
    )
    if held:
        return True, f"You hold {held[0].name}.", step
    return (
        False,
        f"This role asks for {join_names(req.accepts)}; you have none of these.",
        step,
    )


def _skill(req: Requirement, profile: Profile) -> tuple[bool, str, NextStep]:
    need = _rank(SKILL_LEVELS, req.level)
    levels = dict(profile.skills)
    # A requirement that names no skill (the catalogue refuses one) is never met.
    best = max(
        sorted(req.accepts, key=lambda o: o.code),
        key=lambda o: _rank(SKILL_LEVELS, levels.get(o.code, "none")),
        default=None,
    )
    have = levels.get(best.code, "none") if best else "none"
    # Courses take anyone to a working level in weeks; advanced takes working experience.
    small = (
        need <= _rank(SKILL_LEVELS, "working") or _rank(SKILL_LEVELS, have) + 1 >= need
    )
    step = NextStep(
        key=(req.kind, req.level, *sorted(o.code for o in req.accepts)),
        text=f"Learn {join_names(req.accepts)} to a {req.level} level",
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
        f"This role needs {join_names(req.accepts)} at a {req.level} level; {said}.",
        step,
    )


def _experience(req: Requirement, profile: Profile) -> tuple[bool, str, NextStep]:
    years = req.amount or 0
    domains = list(req.accepts)
    where = f" in {join_names(domains)}" if domains else ""
    relevant = not domains or any(o.code in profile.experience_domains for o in domains)
    have = profile.experience_years if relevant else 0
    unit = "year" if years == 1 else "years"
    step = NextStep(
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


def _shift(req: Requirement, profile: Profile) -> tuple[bool, str, NextStep]:
    phrase = SHIFT_PHRASES.get(req.level, req.level)
    step = NextStep(
        key=(req.kind, req.level), text=f"Be available for {phrase}", effort=SMALL
    )
    if req.level in profile.shifts:
        return True, f"You can work {phrase}.", step
    return False, f"This role works {phrase}; you said you cannot.", step


def _work_from_home(req: Requirement, profile: Profile) -> tuple[bool, str, NextStep]:
    step = NextStep(
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


def _portfolio(req: Requirement, profile: Profile) -> tuple[bool, str, NextStep]:
    step = NextStep(
        key=(req.kind,), text="Put together samples of your work", effort=SMALL
    )
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


# How many parts after the kind a step's key needs (level and option, or the option).
STEP_KEY_PARTS = {
    "other_language": 2,
    "skill": 2,
    "field_of_study": 1,
    "qualification": 1,
}


def apply_step(profile: Profile, step: NextStep) -> Profile:
    """The profile as it would be after taking the step."""
    kind, *rest = step.key
    # A requirement that accepts nothing names no option in its step: nothing meets it.
    if len(rest) < STEP_KEY_PARTS.get(kind, 0):
        return profile
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
