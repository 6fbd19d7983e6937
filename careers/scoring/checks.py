"""Checking one requirement against a profile: met or not, why, and the step to meet it.

A step's time grows with the gap (levels, words a minute, years), so a better answer
never makes a step longer; a requirement that asks for what the candidate said they
cannot do (a shift they did not tick) is refused, and has no step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from careers.scoring.credentials import education_effort, time_to
from careers.scoring.markets import Market
from careers.scoring.phrases import (
    AT_LEVEL,
    DEGREE_IN,
    DOMAIN_PHRASES,
    FIELD_PHRASES,
    HOME_PHRASES,
    PORTFOLIO_PHRASES,
    SKILL_LEVEL_NAMES,
    STREAM_NAMES,
    TO_LEVEL,
    degree_after_school,
    education_phrases,
    finish_school,
    home_reason,
    hours_phrase,
    level_phrase,
    school_stream,
)
from careers.scoring.profile import (
    CEFR_LEVELS,
    EDUCATION_LEVELS,
    NO_TIME,
    SKILL_LEVELS,
    STREAM_FIELDS,
    Check,
    Effort,
    Efforts,
    Option,
    Profile,
    Requirement,
    Role,
    Step,
    join_names,
)
from careers.scoring.text import Items, Text, Value, _, ngettext
from careers.scoring.vocabulary import (
    Channel,
    Commute,
    EducationLevel,
    Need,
    WorkSetting,
)

# (met, reason, step text, effort); a step text of None: refused, no step.
Outcome = tuple[bool, Text, Text | None, Effort]
NO_STEP = Text("")  # met, or nothing to do: no step
SCHOOL_LEVELS = (EducationLevel.SECONDARY, EducationLevel.HIGHER_SECONDARY)
ON_YOUR_WAY = _("%(names)s; you are on your way to %(name)s.")


def _rank(levels: tuple[str, ...], value: str | None) -> int:
    return levels.index(value) if value in levels else -1


def _english(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    spoken = req.kind == "spoken_english"
    have = p.spoken_english if spoken else p.written_english
    gap = _rank(CEFR_LEVELS, req.level) - _rank(CEFR_LEVELS, have)
    need = level_phrase(req.level, written=not spoken)
    if gap <= 0:
        met = (
            _("Your spoken English (%(have)s) is at %(need)s or above.")
            if spoken
            else _("Your written English (%(have)s) is at %(need)s or above.")
        )
        return True, _fill(met, have=have, need=need), NO_STEP, NO_TIME
    if spoken:
        reason = _("Spoken English at %(need)s; you said %(have)s.")
        step = _("Reach %(need)s in spoken English", need=need)
    else:
        reason = _("Written English at %(need)s; you said %(have)s.")
        step = _("Reach %(need)s in written English", need=need)
    reason = _fill(reason, have=have, need=need)
    return False, reason, step, e.cefr_level.times(gap)


def _fill(text: Text, **values: Value) -> Text:
    return Text(text.msgid, tuple(values.items()))


def _other_language(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    best = max(
        (_rank(CEFR_LEVELS, p.language_level(o.code)) for o in req.accepts), default=-1
    )
    gap, names = _rank(CEFR_LEVELS, req.level) - best, req.accepts_text
    level = level_phrase(req.level)
    if gap <= 0:
        met = _("You speak %(names)s at %(level)s or better.", names=names, level=level)
        return True, met, NO_STEP, NO_TIME
    said = (
        _("you did not list it")
        if best < 0
        else _("you said %(level)s", level=CEFR_LEVELS[best])
    )
    step = _("Reach %(level)s in %(names)s", level=level, names=names)
    reason = _("%(names)s at %(level)s; %(said)s.", names=names, level=level, said=said)
    return False, reason, step, e.cefr_level.times(gap)


def _typing(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    need, have = req.amount or 0, p.typing_wpm
    if have >= need:
        met = (
            _("You type %(have)d words a minute; %(need)d are needed.")
            if req.must
            else _("You type %(have)d words a minute; %(need)d or more is a plus.")
        )
        return True, _fill(met, have=have, need=need), NO_STEP, NO_TIME
    tens = -(-(need - have) // 10)  # each 10 words a minute more, rounded up
    reason = _("%(need)d words a minute; you type %(have)d.", need=need, have=have)
    step = _("Type %(need)d words a minute", need=need)
    return False, reason, step, e.typing.times(tens)


def _education(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    levels = education_phrases(e.market)
    need = levels[req.level]
    have = levels.get(p.education, _("no level given"))
    if _rank(EDUCATION_LEVELS, p.education) >= _rank(EDUCATION_LEVELS, req.level):
        met = (
            _("You have %(have)s; %(need)s or higher is asked for.")
            if req.must
            else _("You have %(have)s; %(need)s or higher is a plus.")
        )
        return True, _fill(met, have=have, need=need), NO_STEP, NO_TIME
    step = (
        finish_school(e.market)
        if req.level == EducationLevel.HIGHER_SECONDARY
        else _("Complete %(need)s", need=need)
    )
    effort = education_effort(p.education, req.level, e)
    reason = _(
        "Education: %(need)s or higher; you have %(have)s.", need=need, have=have
    )
    return False, reason, step, effort


def _phrases(phrases: dict[str, Text], options: tuple[Option, ...]) -> Items:
    return Items(tuple(phrases.get(o.code, o.name) for o in options))


def _field(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    names = _phrases(FIELD_PHRASES, req.accepts)
    codes = {o.code for o in req.accepts}
    if p.field_of_study in codes:
        met = _(
            "You studied %(names)s, the background this role looks for.", names=names
        )
        return True, met, NO_STEP, NO_TIME
    # For work pitched at school leavers, the 12th stream is the background.
    at_school = role.education(must=True) in SCHOOL_LEVELS
    if at_school and codes & set(STREAM_FIELDS.get(p.stream, ())):
        met = _fill(
            school_stream(e.market), stream=STREAM_NAMES.get(p.stream, p.stream)
        )
        return True, met, NO_STEP, NO_TIME
    bachelor = EducationLevel.BACHELOR
    level = max(role.education(must=True), bachelor, key=EDUCATION_LEVELS.index)
    if _rank(EDUCATION_LEVELS, p.education) >= _rank(EDUCATION_LEVELS, level):
        # A degree at that level in another field: this one takes as long again.
        effort = e.education[level]
    else:
        effort = education_effort(p.education, level, e)
    # Below the 12th, it comes first, and the step says so.
    below = _rank(EDUCATION_LEVELS, p.education) < _rank(
        EDUCATION_LEVELS, SCHOOL_LEVELS[1]
    )
    step = (degree_after_school(e.market) if below else DEGREE_IN)[level]
    step = _fill(step, names=names)
    reason = _("A background in %(names)s.", names=names)
    return False, reason, step, effort


def _qualification(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    if not req.accepts:
        return _names_nothing()
    held = [o for o in req.accepts if o.code in p.qualifications]
    if held:
        return True, _("You hold %(name)s.", name=held[0].name), NO_STEP, NO_TIME
    options = []
    for o in req.accepts:
        # The catalogue's own record of a qualification knows its prerequisites.
        o = e.qualifications.get(o.code, o)
        effort, names, gains = time_to(o, p, e)
        options.append(((effort.low, effort.high, o.name), o, effort, names, gains))
    _key, best, effort, names, gains = min(options, key=lambda item: item[0])
    reached = dict(p.in_progress)
    accepted = join_names(req.accepts)
    if best.code in reached:
        reason = _fill(ON_YOUR_WAY, names=accepted, name=best.name)
    else:
        reason = _("%(names)s; you have none of these yet.", names=accepted)
    if len(names) > 1:
        step = _(
            "Complete %(first)s, then get %(name)s",
            first=Items(names[:-1], "then"),
            name=best.name,
        )
    else:
        step = _("Get %(name)s", name=best.name)
    return False, reason, step, effort, gains


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
        met = _("Your %(skill)s is %(level)s.", skill=best.name, level=AT_LEVEL[have])
        return True, met, NO_STEP, NO_TIME
    effort = NO_TIME
    for level in SKILL_LEVELS[_rank(SKILL_LEVELS, have) + 1 : need + 1]:
        effort = effort + e.skill[level]
    effort = Effort(effort.low, effort.high, e.skill[req.level].reason)
    said = (
        _("you did not choose it")
        if have == "none"
        else _("you said %(level)s", level=SKILL_LEVEL_NAMES[have])
    )
    names = join_names(req.accepts)
    reason = _(
        "%(names)s %(level)s; %(said)s.",
        names=names,
        level=AT_LEVEL[req.level],
        said=said,
    )
    step = _("Learn %(names)s %(level)s", names=names, level=TO_LEVEL[req.level])
    return False, reason, step, effort


def _experience(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    years = req.amount or 0
    # Unpaid work is real experience for entry work (a shop counter for a telecaller,
    # its books for an accounts assistant) and always helps; where work pitched at
    # graduates requires years, employers count paid work.
    unpaid = not req.must or role.education(must=True) in SCHOOL_LEVELS
    have = p.years_in((o.code for o in req.accepts), unpaid_counts=unpaid)
    if req.accepts:
        where = _phrases(DOMAIN_PHRASES, req.accepts)
        met = ngettext(
            "You have %(n)d year of work experience in %(where)s.",
            "You have %(n)d years of work experience in %(where)s.",
            have,
            where=where,
        )
        step = ngettext(
            "Gain %(n)d year of work experience in %(where)s",
            "Gain %(n)d years of work experience in %(where)s",
            years,
            where=where,
        )
        reason = ngettext(
            "%(n)d year of work experience in %(where)s; you have %(have)d.",
            "%(n)d years of work experience in %(where)s; you have %(have)d.",
            years,
            where=where,
            have=have,
        )
    else:
        met = ngettext(
            "You have %(n)d year of work experience.",
            "You have %(n)d years of work experience.",
            have,
        )
        step = ngettext(
            "Gain %(n)d year of work experience",
            "Gain %(n)d years of work experience",
            years,
        )
        reason = ngettext(
            "%(n)d year of work experience; you have %(have)d.",
            "%(n)d years of work experience; you have %(have)d.",
            years,
            have=have,
        )
    if have >= years:
        return True, met, NO_STEP, NO_TIME
    return False, reason, step, e.experience_year.times(years - have)


def _shift(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    # Offshore hours in the person's own time ("about 9 pm–6 am in the Philippines").
    def said_as(shift: str) -> Text:
        return hours_phrase(e.market, shift)

    runs = Items(tuple(said_as(o.code) for o in req.accepts))
    yours = [o for o in req.accepts if o.code in p.shifts]
    if yours:
        can = Items(tuple(said_as(o.code) for o in yours))
        return True, _("You can work %(shift)s.", shift=can), NO_STEP, NO_TIME
    said = Items(tuple(said_as(s) for s in sorted(p.shifts)), "and")
    # They did not tick it, which is not saying they cannot: say what they ticked.
    reason = (
        _(
            "It runs in %(runs)s, which you did not choose; you said you can work "
            "%(said)s.",
            runs=runs,
            said=said,
        )
        if p.shifts
        else _(
            "It runs in %(runs)s; you did not say which shifts you can work.", runs=runs
        )
    )
    return False, reason, None, NO_TIME


def _work_from_home(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    needed = [o.code for o in req.accepts]
    missing = [code for code in needed if code not in p.home_setup]
    if not missing:
        items = Items(tuple(HOME_PHRASES[c] for c in needed), "and")
        return True, home_reason(items, req.must), NO_STEP, NO_TIME
    items = Items(tuple(HOME_PHRASES[c] for c in missing), "and")
    step = _("Set up to work from home: %(items)s", items=items)
    reason = home_reason(items, req.must, missing=len(missing))
    return False, reason, step, e.home_setup


def _portfolio(req: Requirement, p: Profile, role: Role, e: Efforts) -> Outcome:
    kinds = [o.code for o in req.accepts]
    phrase = Items(tuple(PORTFOLIO_PHRASES[k] for k in kinds))
    if p.portfolios & set(kinds):
        return True, _("You have %(what)s to show.", what=phrase), NO_STEP, NO_TIME
    reason = _("To show: %(what)s.", what=phrase)
    return False, reason, _("Make %(what)s", what=phrase), e.portfolio


def _names_nothing() -> Outcome:
    # Saved in the admin without options (the catalogue refuses one): nothing meets it
    # and no step is known, so the role is "not yet" and far.
    return False, _("Something the catalogue does not name yet."), NO_STEP, NO_TIME


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
    if req.kind == "spoken_english" and profile.no_voice:
        return _no_voice(req, role.channel == Channel.VOICE)
    if req.kind == "work_from_home" and profile.home_only and not req.must:
        # A role done from home some days (the set-up only helps) is, for someone
        # who can only work from home, done from home every day.
        req = replace(req, must=True)
    met, reason, text, effort, *gained = CHECKERS[req.kind](req, profile, role, efforts)
    known = text is not None and text != NO_STEP
    gains = gained[0] if gained else ()
    key = ("qualification", *gains) if gains else (req.kind, req.code)
    step = Step(key, text, effort, gains) if not met and known else None
    return Check(
        req.code,
        req.kind,
        req.must,
        req.weight,
        met,
        reason,
        step,
        text is None,
        req.way,
        requirement_phrase(req, efforts.market) if req.way else None,
    )


def requirement_phrase(req: Requirement, market: Market | None = None) -> Text | Items:
    """What a requirement asks, as a phrase a way in is named by: "a design portfolio",
    "2 years of work experience in design", "B.Des or a diploma in design"."""
    if req.kind == "portfolio":
        return _phrases(PORTFOLIO_PHRASES, req.accepts)
    if req.kind == "experience_years":
        if not req.accepts:
            return ngettext(
                "%(n)d year of work experience",
                "%(n)d years of work experience",
                req.amount or 0,
            )
        return ngettext(
            "%(n)d year of work experience in %(where)s",
            "%(n)d years of work experience in %(where)s",
            req.amount or 0,
            where=_phrases(DOMAIN_PHRASES, req.accepts),
        )
    if req.kind == "field_of_study":
        return _(
            "a background in %(names)s", names=_phrases(FIELD_PHRASES, req.accepts)
        )
    if req.kind == "education_level":
        return _("%(need)s or higher", need=education_phrases(market)[req.level])
    if req.kind == "skill":
        return _(
            "%(names)s %(level)s",
            names=join_names(req.accepts),
            level=AT_LEVEL[req.level],
        )
    return req.accepts_text or join_names(req.accepts)


def _no_voice(req: Requirement, voice: bool) -> Check:
    """Spoken English, for someone who said they can't do phone or voice work: where
    the work needs it, the role does not fit; where it only helps, it is not advised."""
    if req.must:
        reason = _(
            "It needs spoken English at %(level)s, for calls or meetings; you said "
            "you can't do phone or voice work.",
            level=level_phrase(req.level),
        )
    elif voice:
        reason = _("Not counted: you said you can't do phone or voice work.")
    else:
        reason = _(
            "Spoken English is not needed for the work itself, and we do not count it: "
            "you said you can't do phone or voice work."
        )
    return Check(
        req.code, req.kind, req.must, req.weight, False, reason, None, True, req.way
    )


def need_checks(role: Role, profile: Profile) -> list[Check]:
    """What the person's needs say about a role: phone work does not fit someone who
    can't do voice work; tools known to be hard with a screen reader are named."""
    checks = []
    if profile.no_voice and role.channel == Channel.VOICE:
        reason = _("This is phone work; you said you can't do phone or voice work.")
        checks.append(Check("voice", "need", True, 0, False, reason, None, True))
    if Need.SCREEN_READER in profile.needs:
        hard = tuple(
            dict.fromkeys(
                o.name
                for r in role.requirements
                if r.kind == "skill"
                for o in r.accepts
                if o.note
            )
        )
        if hard:
            reason = _(
                "%(tools)s can be hard to use with a screen reader; ask the employer "
                "which tools the team uses and what support they give.",
                tools=Items(hard, "and"),
            )
            checks.append(Check("access", "need", False, 0, False, reason, None, True))
    return checks


def setting_check(role: Role, profile: Profile) -> Check | None:
    """Where the work is done against where the candidate said they can work."""
    if profile.home_only and role.setting != WorkSetting.HOME:
        reason = _(
            "This work is done in an office; you said you can only work from home."
        )
    elif (
        profile.commute == Commute.OFFICE
        and role.setting == WorkSetting.CITY
        and not profile.near_city
    ):
        reason = _(
            "This work is mostly in the big outsourcing cities; you chose an office in "
            "your own city and did not tick that you live near one of them."
        )
    else:
        return None
    return Check("where", "setting", True, 0, False, reason, None, True)
