"""The catalogue spec's rules beyond a single field: qualifications' routes and what
their stages count as, whom a role is for, its ways in, shifts and home set-up. The
builder (build.py) calls them; each failure names the place."""

from __future__ import annotations

from typing import Any

from careers.choices import (
    EducationLevel,
    ExperienceDomain,
    FieldOfStudy,
    Importance,
    Language,
    PortfolioKind,
    RequirementKind,
    WorkSetting,
)


class CatalogueError(ValueError):
    """The spec is inconsistent; the message names the place."""


def require(condition: bool, where: str, problem: str) -> None:
    if not condition:
        raise CatalogueError(f"{where}: {problem}")


ROUTE_KEYS = {"education", "qualification", "weeks"}


def routes(item: dict[str, Any], where: str) -> list[dict[str, Any]]:
    """A qualification's routes in (any one), each with its own weeks if they differ."""
    routes = item.get("requires", [])
    require(isinstance(routes, list), where, "requires is a list of routes")
    for route in routes:
        require(
            isinstance(route, dict)
            and not set(route) - ROUTE_KEYS
            and len({"education", "qualification"} & set(route)) == 1,
            where,
            "a route names an education level or a qualification, and may give weeks",
        )
        if "education" in route:
            level = route["education"]
            require(level in EducationLevel.values, where, f"unknown level {level!r}")
        if "weeks" in route:
            weeks = route["weeks"]
            require(
                isinstance(weeks, list)
                and len(weeks) == 2
                and 0 < weeks[0] <= weeks[1],
                where,
                "a route's weeks = [quickest, usual]",
            )
    return routes


def check_prerequisites(objects: list[dict[str, Any]], known: set[str]) -> None:
    """Every prerequisite and every stage's counts_as names a known qualification
    (and stage), and no qualification needs itself, however far back."""
    by_slug = {o["fields"]["slug"]: o["fields"] for o in objects}
    for slug, fields in by_slug.items():
        where = f"qualification {slug!r}"
        for route in fields["requires"]:
            other = route.get("qualification")
            require(other in (None, *known), where, f"requires unknown {other!r}")
        for stage in fields["stages"]:
            for target in stage.get("counts_as", []):
                other, _, code = target.partition(":")
                require(other in known, where, f"counts as unknown {other!r}")
                codes = [s["code"] for s in by_slug[other]["stages"]]
                require(not code or code in codes, where, f"no stage {target!r}")
        seen, todo = set(), [slug]
        while todo:
            for route in by_slug[todo.pop()]["requires"]:
                other = route.get("qualification")
                require(other != slug, where, "needs itself to start")
                if other and other not in seen:
                    seen.add(other)
                    todo.append(other)


BACKGROUND_CODES = {
    "fields": set(FieldOfStudy.values) - {FieldOfStudy.ANY},
    "domains": set(ExperienceDomain.values),
    "portfolios": set(PortfolioKind.values),
    "languages": set(Language.values),
}


def background(
    role: dict[str, Any], known: tuple[set[str], set[str]], where: str
) -> dict[str, list[str]]:
    """Who the role is for (relevance), as codes the engine knows."""
    background = role.get("background", {})
    allowed = BACKGROUND_CODES | {"qualifications": known[0]}
    unknown = set(background) - set(allowed)
    require(not unknown, where, f"background has unknown keys {sorted(unknown)}")
    for key, codes in background.items():
        bad = [c for c in codes if c not in allowed[key]]
        require(not bad, where, f"background {key}: unknown {bad}")
    return {key: sorted(codes) for key, codes in sorted(background.items())}


def check_role_rules(fields: list[dict[str, Any]], setting: str, where: str) -> None:
    """Ways in come two or more to a role; every role says when it runs (one must-have
    shift requirement) and a home role what its set-up needs."""
    ways = {f.get("way", "") for f in fields} - {""}
    require(
        len(ways) != 1,
        where,
        f"one way in ({ways.pop() if ways else ''}) needs another",
    )
    shifts = [f for f in fields if f["kind"] == RequirementKind.SHIFT]
    require(
        len(shifts) == 1
        and shifts[0]["importance"] == Importance.MUST
        and not shifts[0].get("way"),
        where,
        "needs exactly one must-have shift requirement (the shifts it runs in)",
    )
    if setting == WorkSetting.HOME:
        # Must: the work is done from home only. Nice: offices too (and it binds
        # only people who can work from home only).
        home = [f for f in fields if f["kind"] == RequirementKind.WORK_FROM_HOME]
        require(
            len(home) == 1 and not home[0].get("way"),
            where,
            "home work needs one work_from_home requirement (what its set-up needs)",
        )
