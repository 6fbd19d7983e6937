"""Scoring every role for a profile: verdicts, distances, ranking, next steps, a summary."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from careers.scoring.checks import (
    ON_YOUR_WAY,
    check_requirement,
    education_effort,
    setting_check,
)
from careers.scoring.profile import (
    CEFR_LEVELS,
    EDUCATION_LEVELS,
    NO_TIME,
    Catalogue,
    Check,
    Effort,
    Efforts,
    Path,
    Preferences,
    Profile,
    Recommendation,
    Role,
    RoleFit,
    Step,
    Verdict,
    list_titles,
)
from careers.scoring.text import Items, Text, Weeks, _, as_data, english, ngettext
from careers.scoring.vocabulary import CEFRLevel, Channel, EducationLevel, Sector

# Close: every missing must-have together takes about three months or less (at the quick
# end of each estimate: one CEFR level is close, two are not).
CLOSE_WEEKS = 13
# Ranking within a verdict: what of your background a role uses (a qualification you hold
# is the strongest sign of the work you prepared for; a field of study or relevant
# experience next), minus one for each education level you are above what it is pitched
# at; your wishes break near-ties.
BACKGROUND_USE = {"qualification": 3, "field_of_study": 2, "experience_years": 2}
PREFERENCE_WEIGHT = 2
# Each CEFR level of English above B1 a role requires (and you have) counts a little:
# among roles otherwise alike, work that uses strong English (better paid) comes first.
ENGLISH_USE = 0.25
IN_PROGRESS_SHARE = 0.5
PATHS_SHOWN = 3
# A must-have with no known step: far, and last among the roles not open yet.
UNKNOWN = Effort(9999, 9999)
# "Would help" suggests only what takes half a year or less: a degree is not a tip.
HELP_WEEKS = 26
# Over-qualified: a postgraduate for a role pitched at school-leavers or a diploma.
POSTGRADUATE = (EducationLevel.MASTER, EducationLevel.DOCTORATE)
ENTRY_LEVELS = (
    EducationLevel.SECONDARY,
    EducationLevel.HIGHER_SECONDARY,
    EducationLevel.DIPLOMA,
)
_KIND_RANK = {verdict: rank for rank, verdict in enumerate(Verdict)}


def preference_match(preferences: Preferences, sector: str, channel: str) -> float:
    """Share (0–1) of the three preference axes the role agrees with; "either" always does."""
    wanted = {
        "work_style": "rules" if sector == Sector.BPO else "judgement",
        "contact": "customers" if channel == Channel.VOICE else "back_office",
        "pace": "volume" if sector == Sector.BPO else "deep",
    }
    agree = [getattr(preferences, axis) in ("either", v) for axis, v in wanted.items()]
    return sum(agree) / len(agree)


def _fold_education(
    checks: list[Check], degrees: set[str], to_12th: Effort
) -> list[Check]:
    """One line for education: the floor and the usual level when both are met; a
    missing level and a missing degree (a field, an LLB) as one step: the degree, after
    the 12th if that is missing too."""
    floor = next((c for c in checks if c.kind == "education_level" and c.must), None)
    usual = next(
        (c for c in checks if c.kind == "education_level" and not c.must), None
    )
    if floor and usual and floor.met and usual.met:
        reason = _(
            "You have %(have)s; %(need)s or higher is asked for, and %(usual)s is usual.",
            **dict(floor.reason.values),
            usual=dict(usual.reason.values)["need"],
        )
        checks = [
            replace(c, reason=reason) if c is floor else c
            for c in checks
            if c is not usual
        ]
    missing = [c for c in checks if c.must and not c.met and c.step]
    edu = next((c for c in missing if c.kind == "education_level"), None)
    degree = next((c for c in missing if c.code in degrees), None)
    if edu is None or degree is None:
        return checks
    have = dict(edu.reason.values)["have"]
    # "A degree in law; you have 12th standard." or "LLB or LLM; you have 10th
    # standard." On the way to one, the time left is what counts, not the level.
    if degree.kind == "field_of_study":
        reason = _("%(what)s; you have %(have)s.", what=degree.step.text, have=have)
    elif degree.reason.msgid == ON_YOUR_WAY.msgid:
        reason = degree.reason
    else:
        what = dict(degree.reason.values)["names"]
        reason = _("%(what)s; you have %(have)s.", what=what, have=have)
    merged = replace(
        degree,
        reason=reason,
        step=replace(degree.step, effort=degree.step.effort + to_12th),
    )
    return [merged if c is degree else c for c in checks if c is not edu]


def score_role(role: Role, profile: Profile, efforts: Efforts) -> RoleFit:
    """Verdict, distance, plan and reasons for one role."""
    # A degree you hold is an education level you have (the quiz refuses the contrary).
    held = [
        o.level
        for r in role.requirements
        for o in r.accepts
        if o.level and o.code in profile.qualifications
    ]
    education = max([profile.education, *held], key=EDUCATION_LEVELS.index)
    profile = replace(profile, education=education)
    ordered = sorted(role.requirements, key=lambda r: (not r.must, -r.weight, r.code))
    checks = checks_by_requirement = [
        check_requirement(r, profile, role, efforts) for r in ordered
    ]
    setting = setting_check(role, profile)
    degrees = {
        r.code
        for r in role.requirements
        if r.kind == "field_of_study"
        or (r.kind == "qualification" and all(o.level for o in r.accepts))
    }
    to_12th = education_effort(
        profile.education, EducationLevel.HIGHER_SECONDARY, efforts
    )
    checks = _fold_education(([setting] if setting else []) + checks, degrees, to_12th)
    verdict, distance, plan = _verdict([c for c in checks if c.must and not c.met])
    uses = _background_use(role, profile, checks)
    uses += ENGLISH_USE * sum(
        max(0, CEFR_LEVELS.index(r.level) - CEFR_LEVELS.index(CEFRLevel.B1))
        for r, c in zip(ordered, checks_by_requirement, strict=True)
        if r.must and c.met and r.kind in ("spoken_english", "written_english")
    )
    pitch = role.education(must=False)
    over = EDUCATION_LEVELS.index(profile.education) - EDUCATION_LEVELS.index(pitch)
    preference = preference_match(profile.preferences, role.sector, role.channel)
    return RoleFit(
        role=role,
        verdict=verdict,
        checks=tuple(checks),
        distance=distance,
        plan=plan,
        relevance=uses - max(0, over) + PREFERENCE_WEIGHT * preference,
        overqualified=profile.education in POSTGRADUATE and pitch in ENTRY_LEVELS,
    )


def _verdict(missing: list[Check]) -> tuple[Verdict, Effort | None, tuple[Step, ...]]:
    """The verdict, distance and plan from the must-haves a role misses."""
    plan = tuple(sorted((c.step for c in missing if c.step), key=_step_order))
    if any(c.refused for c in missing):
        return Verdict.DOES_NOT_FIT, None, ()
    if any(c.step is None for c in missing):
        return Verdict.NOT_YET, UNKNOWN, ()
    distance = sum((s.effort for s in plan), NO_TIME)
    if not missing:
        return Verdict.ELIGIBLE, distance, plan
    close = distance.low <= CLOSE_WEEKS
    return (Verdict.CLOSE if close else Verdict.NOT_YET), distance, plan


def _background_use(role: Role, profile: Profile, checks: list[Check]) -> float:
    """How much of the candidate's background the role uses (BACKGROUND_USE)."""
    uses = sum(BACKGROUND_USE.get(c.kind, 0) for c in checks if c.met)
    # A qualification on the way counts for half: the work it prepares for comes sooner.
    doing = {code for code, _ in profile.in_progress}
    return uses + IN_PROGRESS_SHARE * sum(
        BACKGROUND_USE["qualification"]
        for r in role.requirements
        if r.kind == "qualification" and doing & {o.code for o in r.accepts}
    )


def _step_order(step: Step) -> tuple:
    return (step.effort.low, step.effort.high, english(step.text))


def _rank_key(fit: RoleFit) -> tuple:
    far = fit.distance or Effort(0, 0)
    order = {
        Verdict.ELIGIBLE: (-fit.relevance, -(fit.fit or 0), 0, 0),
        Verdict.CLOSE: (-fit.relevance, far.low, far.high, 0),
        Verdict.NOT_YET: (far.low, far.high, -fit.relevance, 0),
        Verdict.DOES_NOT_FIT: (0, 0, 0, 0),
    }[fit.verdict]
    return (_KIND_RANK[fit.verdict], *order, fit.role.title, fit.role.slug)


def rank_fits(fits: Iterable[RoleFit]) -> tuple[RoleFit, ...]:
    """Best verdict first; within it by background and wishes, or by distance."""
    return tuple(sorted(fits, key=_rank_key))


def nearest_paths(
    fits: Iterable[RoleFit], limit: int = PATHS_SHOWN
) -> tuple[Path, ...]:
    """The quickest plans that open a role not open yet (roles with one plan together)."""
    opens: dict[tuple, list[RoleFit]] = {}
    for fit in fits:
        if fit.verdict in (Verdict.CLOSE, Verdict.NOT_YET) and fit.plan:
            opens.setdefault(tuple(s.key for s in fit.plan), []).append(fit)
    paths = [
        Path(group[0].plan, group[0].distance, tuple(f.role.title for f in group))
        for group in opens.values()
    ]
    paths.sort(
        key=lambda p: (p.effort.low, p.effort.high, -len(p.opens), english(p.sentence))
    )
    return tuple(paths[:limit])


def _roles(count: int, sector: str) -> Text:
    return ngettext(
        "%(n)d %(sector)s role", "%(n)d %(sector)s roles", count, sector=sector
    )


def _summary_open(eligible: list[RoleFit], reachable: list[RoleFit]) -> Text:
    """The summary when some roles are open: the sector with the best of them, and
    what the other sector offers (open roles, or its nearest)."""
    best = eligible[0].role.sector
    other = Sector.KPO if best == Sector.BPO else Sector.BPO
    titles = tuple(f.role.title for f in eligible if f.role.sector == best)
    values = {
        "sector": best,
        "roles": _roles(len(titles), best),
        "titles": list_titles(titles[:2]),
    }
    text = (
        _(
            "%(sector)s fits you best today: you can apply for %(roles)s now: %(titles)s.",
            **values,
        )
        if len(titles) == 1
        else _(
            "%(sector)s fits you best today: you can apply for %(roles)s now, "
            "such as %(titles)s.",
            **values,
        )
    )
    also = sum(f.role.sector == other for f in eligible)
    nearest = next((f for f in reachable if f.role.sector == other), None)
    if also:
        more = _("You can also apply for %(roles)s.", roles=_roles(also, other))
    elif nearest:
        more = _(
            "The nearest %(sector)s role, %(title)s, is %(time)s away.",
            sector=other,
            title=nearest.role.title,
            time=nearest.distance.text,
        )
    else:
        return text
    return _("%(first)s %(second)s", first=text, second=more)


def summarise(fits: tuple[RoleFit, ...], paths: tuple[Path, ...]) -> Text:
    """Which sector fits better, from the roles open now or else the nearest ones."""
    eligible = [f for f in fits if f.verdict == Verdict.ELIGIBLE]
    reachable = sorted(
        (f for f in fits if f.verdict in (Verdict.CLOSE, Verdict.NOT_YET) and f.plan),
        key=lambda f: (f.distance.low, f.distance.high, _rank_key(f)),
    )
    if eligible:
        return _summary_open(eligible, reachable)
    if not reachable:
        return _(
            "Every role clashes with what you told us you can do: the shifts or where "
            "you can work. If one of those can change, change your answers."
        )
    first = reachable[0]
    sector = first.role.sector
    near = tuple(
        f.role.title
        for f in reachable
        if f.role.sector == sector and f.distance.low == first.distance.low
    )[:2]
    text = ngettext(
        "Nothing is open to you yet; %(sector)s is nearer: %(titles)s is %(time)s away.",
        "Nothing is open to you yet; %(sector)s is nearer: %(titles)s are %(time)s away.",
        len(near),
        sector=sector,
        titles=list_titles(near),
        time=first.distance.text,
    )
    if not paths:
        return text
    start = _("Start here: %(path)s", path=paths[0].sentence)
    return _("%(first)s %(second)s", first=text, second=start)


def recommend(catalogue: Catalogue, profile: Profile) -> Recommendation:
    """Score every role for the profile and summarise; deterministic, order-independent."""
    by_slug = {role.slug: role for role in catalogue.roles}
    ranked = rank_fits(
        score_role(by_slug[slug], profile, catalogue.efforts)
        for slug in sorted(by_slug)
    )
    paths = nearest_paths(ranked)
    return Recommendation(fits=ranked, summary=summarise(ranked, paths), paths=paths)


def advice(fit: RoleFit) -> Text | None:
    """One line under the verdict: the plan and its time, or what would help most."""
    if fit.verdict == Verdict.DOES_NOT_FIT:
        return Items(
            tuple(c.reason for c in fit.checks if c.refused and c.must), "sentences"
        )
    if fit.plan:
        return _(
            "%(time)s: %(steps)s.",
            time=Weeks(fit.distance.low, fit.distance.high, capital=True),
            steps=Items(tuple(s.text for s in fit.plan), "steps"),
        )
    helps = sorted(
        (
            c
            for c in fit.checks
            if not c.must and c.step and c.step.effort.low <= HELP_WEEKS
        ),
        key=lambda c: (-c.weight, c.step.effort.low, c.code),
    )
    if not helps:
        return None
    tip = helps[0].step
    return _(
        "Would help: %(step)s (%(time)s).",
        step=Items((tip.text,), "steps"),
        time=tip.effort.text,
    )


def recommendation_data(recommendation: Recommendation, top: int | None = None) -> dict:
    """The recommendation as plain data: what the result page, a shared link and
    `recommend --format json` show, best first."""
    fits = recommendation.fits[:top] if top else recommendation.fits
    items = []
    for fit in fits:
        role = fit.role
        items.append(
            {
                "role": role.slug,
                "title": role.title,
                "category": role.category,
                "category_name": role.category_name,
                "sector": role.sector,
                "channel": role.channel,
                "verdict": str(fit.verdict),
                "distance": as_data(fit.distance.text) if fit.plan else "",
                "weeks": [fit.distance.low, fit.distance.high] if fit.plan else None,
                "plan": [as_data(s.sentence) for s in fit.plan],
                "advice": as_data(advice(fit)) if advice(fit) else "",
                "fit": fit.fit,
                "required": list(fit.count(must=True)),
                "helps": list(fit.count(must=False)),
                "lines": [
                    {"text": as_data(c.reason), "met": c.met, "must": c.must}
                    for c in fit.checks
                ],
                "overqualified": fit.overqualified,
            }
        )
    return {
        "format": FORMAT,
        "summary": as_data(recommendation.summary),
        "paths": [as_data(path.sentence) for path in recommendation.paths],
        "recommendations": items,
    }


# Stored results of another format are scored again when read. Format 3: every
# sentence is a message (careers.scoring.text), read in the page's language.
FORMAT = 3
