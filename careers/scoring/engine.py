"""Scoring every role for a profile: verdicts, distances, ranking, next steps, a summary."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from careers.scoring.checks import (
    ON_YOUR_WAY,
    check_requirement,
    need_checks,
    setting_check,
)
from careers.scoring.clashes import Clash, beside_clash, clash_change
from careers.scoring.credentials import with_credentials
from careers.scoring.profile import (
    CEFR_LEVELS,
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
from careers.scoring.relevance import over_stages, uses
from careers.scoring.text import Items, Text, _, ngettext
from careers.scoring.vocabulary import CEFRLevel, Channel, EducationLevel, Sector

# Close: every missing must-have together takes about three months or less at the quick
# end of each estimate (one CEFR level, "about 3–6 months", is close; two are not). The
# result page says "at the quickest" wherever it names this, as the range it shows
# begins there (a verdict on the slow end would put most single steps of English out).
CLOSE_WEEKS = 13
# Each CEFR level of English above B1 a role asks for (and you have) counts a little:
# among roles otherwise alike, work that uses strong English (better paid) comes first.
ENGLISH_USE = 0.25
PATHS_SHOWN = 3
# How far off a not-yet role is, in bands (weeks): within a year, three years, more.
REACH = (52, 156)
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


def _fold_education(checks: list[Check], efforts: Efforts) -> list[Check]:
    """One line for education: the floor and the usual level when both are met; a
    missing level and a missing degree (a field, an LLB) as one step, the degree's, whose
    time already runs from the person's level (the 12th first, if that is missing)."""
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
    degree = next((c for c in missing if _is_degree(c, efforts)), None)
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
    merged = replace(degree, reason=reason)
    return [merged if c is degree else c for c in checks if c is not edu]


def _is_degree(check: Check, efforts: Efforts) -> bool:
    """A step that gains a degree (a field of study, or a qualification that is an
    education level): it reaches the level a role's education floor asks for."""
    if check.kind == "field_of_study":
        return True
    gains = check.step.gains if check.step else ()
    return bool(gains) and bool(
        getattr(efforts.qualifications.get(gains[-1]), "level", "")
    )


def _assess(
    checks: list[Check], efforts: Efforts
) -> tuple[Verdict, Effort | None, tuple[Step, ...], list[Check]]:
    checks = _fold_education(checks, efforts)
    verdict, distance, plan = _verdict([c for c in checks if c.must and not c.met])
    return verdict, distance, plan, checks


def _way_key(assessed: tuple) -> tuple:
    verdict, distance, *_rest = assessed
    far = distance or UNKNOWN
    return (_KIND_RANK[verdict], far.low, far.high)


def _choose_way(
    common: list[Check], checks: list[Check], efforts: Efforts
) -> tuple[tuple, list[Check]]:
    """The nearest way in for this person (a role without ways has one), and a line
    naming it, and the others."""
    ways = sorted({c.way for c in checks} - {""})
    if not ways:
        return _assess(common + checks, efforts), []
    options = {
        way: _assess(common + [c for c in checks if c.way in ("", way)], efforts)
        for way in ways
    }
    best = min(ways, key=lambda w: (_way_key(options[w]), w))
    return options[best], [_way_line(best, ways, checks)]


def _way_line(best: str, ways: list[str], checks: list[Check]) -> Check:
    """ "One way in is enough …": what the nearest way asks (each line below says what
    you have of it), and what the others ask."""

    def asks(way: str) -> Items:
        return Items(
            tuple(c.what for c in checks if c.way == way and c.must and c.what), "and"
        )

    others = [w for w in ways if w != best]
    values = {"what": asks(best), "others": Items(tuple(asks(w) for w in others), "or")}
    if all(c.met for c in checks if c.way == best and c.must):
        reason = ngettext(
            "One way in is enough, and you meet this one: %(what)s. The other way in: "
            "%(others)s.",
            "One way in is enough, and you meet this one: %(what)s. The other ways in: "
            "%(others)s.",
            len(others),
            **values,
        )
        return Check("way", "way", False, 0, True, reason, way=best)
    reason = ngettext(
        "Your nearest way in asks for %(what)s. The other way in: %(others)s.",
        "Your nearest way in asks for %(what)s. The other ways in: %(others)s.",
        len(others),
        **values,
    )
    return Check("way", "way", False, 0, False, reason, way=best)


def score_role(role: Role, profile: Profile, efforts: Efforts) -> RoleFit:
    """Verdict, distance, plan and reasons for one role (the profile as
    `with_credentials` completes it)."""
    ordered = sorted(role.requirements, key=lambda r: (not r.must, -r.weight, r.code))
    by_requirement = [check_requirement(r, profile, role, efforts) for r in ordered]
    setting = setting_check(role, profile)
    common = ([setting] if setting else []) + need_checks(role, profile)
    (verdict, distance, plan, checks), way = _choose_way(
        common, by_requirement, efforts
    )
    english_use = ENGLISH_USE * sum(
        max(0, CEFR_LEVELS.index(r.level) - CEFR_LEVELS.index(CEFRLevel.B1))
        for r, c in zip(ordered, by_requirement, strict=True)
        if c.met and r.kind in ("spoken_english", "written_english")
    )
    pitch = role.education(must=False)
    used = uses(role, profile, efforts.qualifications)
    return RoleFit(
        role=role,
        verdict=verdict,
        checks=tuple(way + checks),
        distance=distance,
        plan=plan,
        relevance=used,
        overqualified=profile.education in POSTGRADUATE and pitch in ENTRY_LEVELS,
        below=0 if used else over_stages(role, profile),
        preference=preference_match(profile.preferences, role.sector, role.channel),
        english_use=english_use,
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


def _step_order(step: Step) -> tuple:
    return (step.effort.low, step.effort.high, step.key)


def _rank_key(fit: RoleFit) -> tuple:
    """The order within a verdict (relevance.py's rule): background used; time for
    roles not open yet; over-qualification for roles that use none of it; wishes; then
    the English it uses, and how much of what helps you have."""
    far = fit.distance or Effort(0, 0)
    time = (far.low, far.high) if fit.verdict != Verdict.ELIGIBLE else (0, 0)
    # Not yet: roles within the same reach (a year, three years, longer) by background;
    # a related role six years away does not come before one a year away.
    reach = next((n for n, weeks in enumerate(REACH) if far.low <= weeks), len(REACH))
    band = reach if fit.verdict == Verdict.NOT_YET else 0
    return (
        _KIND_RANK[fit.verdict],
        band,
        -fit.relevance,
        *time,
        fit.below,
        -fit.preference,
        -fit.english_use,
        -(fit.fit or 0),
        fit.role.title,
        fit.role.slug,
    )


def rank_fits(fits: Iterable[RoleFit]) -> tuple[RoleFit, ...]:
    """Best verdict first; within it by background, then wishes or distance."""
    return tuple(sorted(fits, key=_rank_key))


def nearest_paths(
    fits: Iterable[RoleFit], limit: int = PATHS_SHOWN
) -> tuple[Path, ...]:
    """The plans that open roles not open yet (roles with one plan together): those
    that open roles using the person's background first, then the quickest."""
    opens: dict[tuple, list[RoleFit]] = {}
    for fit in fits:
        if fit.verdict in (Verdict.CLOSE, Verdict.NOT_YET) and fit.plan:
            opens.setdefault(tuple(s.key for s in fit.plan), []).append(fit)
    paths = [
        (
            max(f.relevance for f in group),
            Path(group[0].plan, group[0].distance, tuple(f.role.title for f in group)),
        )
        for group in opens.values()
    ]
    paths.sort(
        key=lambda item: (
            -item[0],
            item[1].effort.low,
            item[1].effort.high,
            -len(item[1].opens),
            # Ties broken by what the steps are, not their words: rendering every
            # path's sentence in English to compare them was a fifth of the scoring.
            tuple(s.key for s in item[1].steps),
            item[1].opens,
        )
    )
    return tuple(path for _used, path in paths[:limit])


def _roles(count: int, sector: str) -> Text:
    return ngettext(
        "%(n)d %(sector)s role", "%(n)d %(sector)s roles", count, sector=sector
    )


def _best_sector(fits: list[RoleFit]) -> str:
    """The sector with the most roles that use the most of the person's background,
    then the most that use any of it, then the most roles: never one role against ten
    unless that one is theirs and the ten are not."""
    first = {}
    for position, fit in enumerate(fits):
        first.setdefault(fit.role.sector, position)
    most = max(f.relevance for f in fits)

    def weight(sector: str) -> tuple:
        group = [f for f in fits if f.role.sector == sector]
        return (
            -sum(f.relevance == most > 0 for f in group),
            -sum(f.relevance > 0 for f in group),
            -len(group),
            first[sector],
        )

    return min(first, key=weight)


def _summary_open(eligible: list[RoleFit], reachable: list[RoleFit]) -> Text:
    """The summary when some roles are open: the sector with the best of them, and
    what the other sector offers (open roles, or its nearest)."""
    best = _best_sector(eligible)
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
    close = [f for f in reachable if f.verdict == Verdict.CLOSE]
    sector = _best_sector(close) if close else reachable[0].role.sector
    first = next(f for f in reachable if f.role.sector == sector)
    near = tuple(
        f.role.title
        for f in reachable
        if f.role.sector == sector and f.distance.low == first.distance.low
    )[:2]
    text = ngettext(
        "Nothing is open to you yet; %(sector)s is nearest for you: %(titles)s is "
        "%(time)s away.",
        "Nothing is open to you yet; %(sector)s is nearest for you: %(titles)s are "
        "%(time)s away.",
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
    """Score every role hired in the person's market for the profile and summarise;
    deterministic, order-independent."""
    catalogue = catalogue.in_market(profile.country)
    by_slug = {role.slug: role for role in catalogue.roles}
    profile = with_credentials(profile, catalogue.efforts.qualifications)
    ranked = rank_fits(
        score_role(by_slug[slug], profile, catalogue.efforts)
        for slug in sorted(by_slug)
    )
    paths = nearest_paths(ranked)
    return Recommendation(
        fits=ranked,
        summary=summarise(ranked, paths),
        paths=paths,
        clashes={
            fit.role.slug: clash_of(fit, profile)
            for fit in ranked
            if fit.verdict == Verdict.DOES_NOT_FIT
        },
    )


def clash_of(fit: RoleFit, profile: Profile) -> Clash:
    """What a role that does not fit would be without its clash (issue 34)."""
    verdict, distance, plan = _verdict(beside_clash(fit))
    return Clash(clash_change(fit, profile), verdict, distance, plan)
