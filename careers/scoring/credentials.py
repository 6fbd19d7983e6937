"""Qualifications as chains: what each needs first, how far a person is along, and the
time to one from where they are (walking its prerequisites, nearest route first)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from careers.scoring.phrases import education_phrases
from careers.scoring.profile import (
    EDUCATION_LEVELS,
    EDUCATION_PATH,
    NO_TIME,
    Effort,
    Efforts,
    Option,
    Profile,
    Route,
)
from careers.scoring.text import Text

# No estimate in the catalogue (it refuses one): as long as a degree, never close.
UNKNOWN_QUALIFICATION = Effort(156, 156)


def _rank(value: str) -> int:
    return EDUCATION_LEVELS.index(value) if value in EDUCATION_LEVELS else -1


def education_effort(have: str, need: str, efforts: Efforts) -> Effort:
    """From the level you have to the one needed, through the levels before it."""
    total = NO_TIME
    while _rank(have) < _rank(need):
        total, need = total + efforts.education[need], EDUCATION_PATH[need]
    return total


def routes(option: Option) -> tuple[Route, ...]:
    """The ways to start a qualification. A degree the catalogue gives no route for
    starts from the level before it (a bachelor's after the 12th)."""
    if option.requires:
        return option.requires
    if option.level in EDUCATION_PATH:
        return (Route("education", EDUCATION_PATH[option.level], option.effort),)
    return ()


def with_credentials(profile: Profile, qualifications: Mapping[str, Option]) -> Profile:
    """The profile with what its answers imply: a stage that counts as another
    qualification (CA Final group 1 is CA Intermediate held), the only prerequisite of
    a qualification held (an LLM holder has an LLB), and a degree's education level."""
    held = set(profile.qualifications)
    reached = dict(profile.in_progress)
    for code, stage in profile.in_progress:
        for at, targets in getattr(qualifications.get(code), "counts_as", ()):
            if at != stage:
                continue
            for target in targets:
                slug, _, step = target.partition(":")
                if not step:
                    held.add(slug)
                elif slug not in held and slug not in reached:
                    reached[slug] = step
    # Holding a qualification, or on the way to one, you have what it needs to start:
    # its one prerequisite qualification, or the lowest level any route starts from.
    floors = []
    for code in sorted(set(reached) | held):
        ways = routes(qualifications[code]) if code in qualifications else ()
        if len(ways) == 1 and ways[0].kind == "qualification":
            held.add(ways[0].code)
        elif ways and all(r.kind == "education" for r in ways):
            floors.append(min((r.code for r in ways), key=_rank))
    todo = list(held)
    while todo:
        option = qualifications.get(todo.pop())
        ways = routes(option) if option else ()
        if (
            len(ways) == 1
            and ways[0].kind == "qualification"
            and ways[0].code not in held
        ):
            held.add(ways[0].code)
            todo.append(ways[0].code)
    levels = [qualifications[q].level for q in held if q in qualifications]
    education = max(
        [profile.education, *[lvl for lvl in levels if lvl], *floors],
        key=_rank,
    )
    return replace(
        profile,
        qualifications=frozenset(held),
        in_progress=tuple(sorted((q, s) for q, s in reached.items() if q not in held)),
        education=education,
    )


def stage_reached(option: Option, profile: Profile) -> tuple[str, int] | None:
    """(stage name, weeks left) if the person is on the way to this qualification."""
    stage = dict(profile.in_progress).get(option.code)
    for code, name, weeks in option.stages:
        if code == stage:
            return name, weeks
    return None


def time_to(
    option: Option,
    profile: Profile,
    efforts: Efforts,
    seen: frozenset[str] = frozenset(),
) -> tuple[Effort, tuple[Text | str, ...], tuple[str, ...]]:
    """How long to this qualification from where the person is, by the nearest route:
    (effort, what to gain in order as names, the qualifications gained in order)."""
    if option.code in profile.qualifications:
        return NO_TIME, (), ()
    own = option.effort or UNKNOWN_QUALIFICATION
    reached = stage_reached(option, profile)
    if reached and reached[1] < own.low:
        # On the way: what came before is done; only the time left counts.
        name, weeks = reached
        return (
            Effort(weeks, weeks, f"From “{name}”.", own.cost),
            (option.name,),
            (option.code,),
        )
    candidates = []
    for route in routes(option) or (Route("education", "", own),):
        if route.kind == "education":
            before = education_effort(profile.education, route.code, efforts)
            levels = education_phrases(efforts.market)
            names = (levels[route.code],) if before != NO_TIME else ()
            gains: tuple[str, ...] = ()
        else:
            first = efforts.qualifications.get(route.code)
            if first is None or route.code in seen:
                continue
            before, names, gains = time_to(
                first, profile, efforts, seen | {option.code}
            )
        total = before + route.effort
        candidates.append(((total.low, total.high), total, names, gains))
    if not candidates:
        return own, (option.name,), (option.code,)
    _key, total, names, gains = min(candidates, key=lambda c: c[0])
    effort = Effort(total.low, total.high, own.reason, own.cost)
    return effort, (*names, option.name), (*gains, option.code)
