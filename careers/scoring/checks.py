"""Checking one requirement against a profile: met or not, why, and the step to meet it.

A step's time grows with the gap (levels, words a minute, years), so a better answer
never makes a step longer; a requirement that asks for what the candidate said they
cannot do (a shift they did not tick) is refused, and has no step.
"""

from __future__ import annotations

from collections.abc import Callable

from careers.scoring.profile import (
    CEFR_LEVELS,
    EDUCATION_LEVELS,
    EDUCATION_PATH,
    EDUCATION_PHRASES,
    NO_TIME,
    PORTFOLIO_PHRASES,
    SHIFT_PHRASES,
    SKILL_LEVELS,
    STREAM_FIELDS,
    Check,
    Effort,
    Efforts,
    Profile,
    Requirement,
    Role,
    Step,
    join_names,
)

# (met, reason, step text, effort); a step text of None: refused, no step.
Outcome = tuple[bool, str, str | None, Effort]


def _rank(levels: tuple[str, ...], value: str | None) -> int:
    return levels.index(value) if value in levels else -1


def education_effort(have: str, need: str, efforts: Efforts) -> Effort:
    """From the level you have to the one needed, through the levels before it."""
    total = NO_TIME
    while _rank(EDUCATION_LEVELS, have) < _rank(EDUCATION_LEVELS, need):
        total, need = total + efforts.education[need], EDUCATION_PATH[need]
    return total


def _english(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    medium = "spoken" if req.kind == "spoken_english" else "written"
    have = p.spoken_english if medium == "spoken" else p.written_english
    gap = _rank(CEFR_LEVELS, req.level) - _rank(CEFR_LEVELS, have)
    if gap <= 0:
        return (
            True,
            f"Your {medium} English ({have}) meets the {req.level} needed.",
            "",
            NO_TIME,
        )
    reason = f"{req.level} {medium} English; you said {have}."
    return False, reason, f"Reach {req.level} {medium} English", e.cefr_level.times(gap)


def _other_language(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    best = max(
        (_rank(CEFR_LEVELS, p.language_level(o.code)) for o in req.accepts), default=-1
    )
    gap, names = _rank(CEFR_LEVELS, req.level) - best, req.accepts_text
    if gap <= 0:
        return True, f"You speak {names} at {req.level} or better.", "", NO_TIME
    said = "you did not list it" if best < 0 else f"you said {CEFR_LEVELS[best]}"
    step = f"Reach {req.level} in {names}"
    return False, f"{names} at {req.level}; {said}.", step, e.cefr_level.times(gap)


def _typing(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    need, have = req.amount or 0, p.typing_wpm
    if have >= need:
        return True, f"You type {have} words a minute; {need} are needed.", "", NO_TIME
    tens = -(-(need - have) // 10)  # each 10 words a minute more, rounded up
    reason = f"{need} words a minute; you type {have}."
    return False, reason, f"Type {need} words a minute", e.typing.times(tens)


def _education(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    need = EDUCATION_PHRASES[req.level]
    have = EDUCATION_PHRASES.get(p.education, "no level given")
    if _rank(EDUCATION_LEVELS, p.education) >= _rank(EDUCATION_LEVELS, req.level):
        return True, f"You have {have}; {need} or higher is asked for.", "", NO_TIME
    step = "Pass the 12th, for example through NIOS at your own pace"
    step = step if req.level == "12th" else f"Complete {need}"
    effort = education_effort(p.education, req.level, e)
    return (
        False,
        f"{need[0].upper()}{need[1:]} or higher; you have {have}.",
        step,
        effort,
    )


def _field(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    names = join_names(req.accepts).lower()
    codes = {o.code for o in req.accepts}
    if p.field_of_study in codes:
        return (
            True,
            f"You studied {names}, the background this role looks for.",
            "",
            NO_TIME,
        )
    # For work pitched at school leavers, the 12th stream is the background.
    at_school = role.education(must=True) in ("10th", "12th")
    if at_school and codes & set(STREAM_FIELDS.get(p.stream, ())):
        return (
            True,
            f"Your 12th {p.stream} stream is the background it looks for.",
            "",
            NO_TIME,
        )
    level = max(role.education(must=True), "bachelor", key=EDUCATION_LEVELS.index)
    effort = education_effort("12th", level, e)
    degree = (
        "A degree" if level == "bachelor" else EDUCATION_PHRASES[level].capitalize()
    )
    return False, f"A background in {names}.", f"{degree} in {names}", effort


def _qualification(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    if not req.accepts:
        return _names_nothing()
    held = [o for o in req.accepts if o.code in p.qualifications]
    if held:
        return True, f"You hold {held[0].name}.", "", NO_TIME
    reached = dict(p.in_progress)
    options = []
    for o in req.accepts:
        # No estimate in the catalogue (it refuses one): as long as a degree, never close.
        effort = o.effort or Effort(156, 156)
        for code, name, weeks in o.stages:
            if reached.get(o.code) == code and weeks < effort.low:
                effort = Effort(weeks, weeks, f"From “{name}”.", effort.cost)
        options.append((effort.low, effort.high, o.name, o, effort))
    _, _, _, best, effort = min(options)
    said = f"you are on your way to {best.name}" if best.code in reached else ""
    reason = f"{join_names(req.accepts)}; {said or 'you have none of these yet'}."
    return False, reason, f"Get {best.name}", effort


def _skill(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    if not req.accepts:
        return _names_nothing()
    levels = dict(p.skills)
    need = _rank(SKILL_LEVELS, req.level)
    best = max(
        sorted(req.accepts, key=lambda o: o.code),
        key=lambda o: _rank(SKILL_LEVELS, levels.get(o.code, "none")),
    )
    have = levels.get(best.code, "none")
    if _rank(SKILL_LEVELS, have) >= need:
        return (
            True,
            f"Your {best.name} is at {article(have)} {have} level.",
            "",
            NO_TIME,
        )
    effort = NO_TIME
    for level in SKILL_LEVELS[_rank(SKILL_LEVELS, have) + 1 : need + 1]:
        effort = effort + e.skill[level]
    effort = Effort(effort.low, effort.high, e.skill[req.level].reason)
    said = "you have not used it" if have == "none" else f"you said {have}"
    names = join_names(req.accepts)
    reason = f"{names} at {article(req.level)} {req.level} level; {said}."
    return (
        False,
        reason,
        f"Learn {names} to {article(req.level)} {req.level} level",
        effort,
    )


def _experience(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    years = req.amount or 0
    where = f" in {join_names(req.accepts)}" if req.accepts else ""
    relevant = not req.accepts or any(
        o.code in p.experience_domains for o in req.accepts
    )
    have = p.experience_years if relevant else 0
    unit = "year" if years == 1 else "years"
    if have >= years:
        return True, f"You have {have} years of work experience{where}.", "", NO_TIME
    step = f"Gain {years} {unit} of work experience{where}"
    reason = f"{years} {unit} of work experience{where}; you have {have}."
    return False, reason, step, e.experience_year.times(years - have)


def _shift(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    phrase = SHIFT_PHRASES[req.level]
    if req.level in p.shifts:
        return True, f"You can work {phrase}.", "", NO_TIME
    return (
        False,
        f"{phrase[0].upper()}{phrase[1:]}; you said you cannot.",
        None,
        NO_TIME,
    )


def _work_from_home(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    if p.work_from_home:
        return (
            True,
            "You have a steady connection, power backup and a quiet place.",
            "",
            NO_TIME,
        )
    step = "Set up to work from home: steady internet, power backup and a quiet room"
    return (
        False,
        "A home set-up: internet, power backup, a quiet place.",
        step,
        e.home_setup,
    )


def _portfolio(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    kinds = [o.code for o in req.accepts]
    phrase = " or ".join(PORTFOLIO_PHRASES[k] for k in kinds)
    if p.portfolios & set(kinds):
        return True, f"You have {phrase} to show.", "", NO_TIME
    return False, f"{phrase.capitalize()} to show.", f"Make {phrase}", e.portfolio


def _names_nothing() -> Outcome:
    # Saved in the admin without options (the catalogue refuses one): nothing meets it
    # and no step is known, so the role is "not yet" and far.
    return False, "Something the catalogue does not name yet.", "", NO_TIME


CHECKERS: dict[str, Callable[[Requirement, Profile, Role, Efforts], Outcome]] = {
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


def check_requirement(
    req: Requirement, profile: Profile, role: Role, efforts: Efforts
) -> Check:
    """Whether the profile meets one requirement, why, and the step that would meet it."""
    met, reason, text, effort = CHECKERS[req.kind](req, profile, role, efforts)
    step = Step((req.kind, req.code), text, effort) if not met and text else None
    return Check(
        req.code, req.kind, req.must, req.weight, met, reason, step, text is None
    )


def setting_check(role: Role, profile: Profile) -> Check | None:
    """Where the work is done against where the candidate said they can work."""
    if profile.commute == "remote_only" and role.setting != "home":
        reason = "This work is done in an office; you said you can only work from home."
    elif (
        profile.commute == "office" and role.setting == "city" and not profile.near_city
    ):
        reason = (
            "This work is mostly in the big outsourcing cities; you said you cannot "
            "move and do not live near one."
        )
    else:
        return None
    return Check("where", "setting", True, 0, False, reason, None, True)


def article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"
