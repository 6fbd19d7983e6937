"""What a person's education could lead to, as a counsellor would offer it: the
qualifications one could hold or be studying, and the roles within reach. The quiz's
lists read them; the rules are the catalogue's routes and the education ladder."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from careers.scoring.checks import SCHOOL_LEVELS
from careers.scoring.credentials import routes
from careers.scoring.markets import belongs
from careers.scoring.profile import (
    EDUCATION_LEVELS,
    EDUCATION_PATH,
    STREAM_FIELDS,
    Option,
    Requirement,
    Role,
)
from careers.scoring.vocabulary import FieldOfStudy


def _rank(level: str) -> int:
    return EDUCATION_LEVELS.index(level) if level in EDUCATION_LEVELS else -1


def could_hold(
    option: Option,
    level: str,
    options: Mapping[str, Option],
    seen: frozenset[str] = frozenset(),
) -> bool:
    """Whether someone whose highest completed level is `level` could hold this
    qualification: a degree no higher than that level, reached by a route that starts
    at or below it (or from a qualification they could hold). No route: open to all."""
    if option.level and _rank(option.level) > _rank(level):
        return False
    return could_start(option, level, options, seen)


def could_start(
    option: Option,
    level: str,
    options: Mapping[str, Option],
    seen: frozenset[str] = frozenset(),
) -> bool:
    """Whether one of the qualification's routes is open from `level` now."""
    ways = routes(option)
    if not ways:
        return True
    for route in ways:
        if route.kind == "education":
            if _rank(route.code) <= _rank(level):
                return True
            continue
        first = options.get(route.code)
        if (
            first
            and route.code not in seen
            and could_hold(first, level, options, seen | {option.code})
        ):
            return True
    return False


def open_stages(
    option: Option, level: str, options: Mapping[str, Option]
) -> tuple[str, ...]:
    """The codes of the stages someone at `level` could have reached: all of them when
    a route is open; of a certificate or licence, only the first while studying for the
    college level a route needs (CFA Level I in a degree's final year); none while
    still at school."""
    codes = tuple(code for code, _name, _weeks in option.stages)
    if not codes or could_start(option, level, options):
        return codes
    if option.level:
        return ()  # a degree's first year follows the level before it, completed
    for route in routes(option):
        before = EDUCATION_PATH.get(route.code)
        if (
            route.kind == "education"
            and route.code not in SCHOOL_LEVELS
            and before is not None
            and _rank(before) <= _rank(level)
        ):
            return codes[:1]
    return ()


def likely_fields(field: str | None, stream: str | None) -> frozenset[str] | None:
    """The fields a person has or is headed for: their degree's, else those their
    school stream leads to; None when nothing says yet (a 10th-pass)."""
    if field:
        return frozenset({field})
    if stream:
        return frozenset(STREAM_FIELDS.get(stream, ()))
    return None


def within_reach(
    role: Role,
    *,
    country: str,
    level: str,
    fields: frozenset[str] | None,
    step_up: bool = True,
) -> bool:
    """Whether the role's must-have education and field are ones the person has or
    could reach next: a level one step up the ladder at most, a field they studied or
    their stream leads to. A role with ways in needs one way within reach."""
    if not belongs(role.markets, country):
        return False
    asked = [r for r in role.requirements if r.must and belongs(r.markets, country)]
    ways = {r.way for r in asked} - {""} or {""}
    return any(
        all(_reachable(r, level, fields, step_up) for r in asked if r.way in ("", way))
        for way in ways
    )


def _reachable(
    req: Requirement, level: str, fields: frozenset[str] | None, step_up: bool
) -> bool:
    if req.kind == "education_level":
        before = EDUCATION_PATH.get(req.level)
        return _rank(req.level) <= _rank(level) or (
            step_up and before is not None and _rank(before) <= _rank(level)
        )
    if req.kind == "field_of_study":
        codes = {o.code for o in req.accepts}
        return fields is None or FieldOfStudy.ANY in codes or bool(codes & fields)
    return True


def skill_demand(
    roles: Iterable[Role], *, country: str, level: str, fields: frozenset[str] | None
) -> dict[str, tuple[int, int]]:
    """For each skill, how many roles ask for it among those the person's education
    and field open now, and among those one step further up (the order: now first)."""
    counts: dict[str, tuple[int, int]] = {}
    reach: dict[str, Any] = {"country": country, "level": level, "fields": fields}
    for role in roles:
        if within_reach(role, **reach, step_up=False):
            add = (1, 1)
        elif within_reach(role, **reach):
            add = (0, 1)
        else:
            continue
        asked = {
            option.code
            for req in role.requirements
            if req.kind == "skill" and belongs(req.markets, country)
            for option in req.accepts
        }
        for code in asked:
            now, later = counts.get(code, (0, 0))
            counts[code] = (now + add[0], later + add[1])
    return counts
