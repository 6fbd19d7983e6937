"""The catalogue spec's rules beyond a single field: qualifications' routes and what
their stages count as, whom a role is for, its ways in, shifts and home set-up, and
what each market accepts. The builder (build.py) calls them; each failure names the
place."""

from __future__ import annotations

from typing import Any

from careers.choices import (
    Country,
    EducationLevel,
    ExperienceDomain,
    FieldOfStudy,
    Importance,
    Language,
    PortfolioKind,
    RequirementKind,
    WorkSetting,
)
from careers.scoring.markets import DOMESTIC, MARKETS


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


def markets(item: dict[str, Any], where: str) -> str:
    """The markets a row names (`markets = ["IN"]`), as the model stores them: country
    codes, comma-separated; none: every market."""
    codes = item.get("markets", [])
    require(isinstance(codes, list), where, 'markets is a list, e.g. ["IN", "PH"]')
    unknown = [code for code in codes if code not in Country.values]
    require(not unknown, where, f"unknown market {unknown}: use {Country.values}")
    require(len(codes) == len(set(codes)), where, "a market is named twice")
    return ",".join(sorted(codes))


def _in(codes: str) -> set[str]:
    """The markets of a stored value (blank: every market)."""
    return set(codes.split(",")) if codes else set(Country.values)


def check_route_markets(objects: list[dict[str, Any]]) -> None:
    """A qualification's routes name qualifications held where it is taken: one of the
    Philippines is never reached through one of India's."""
    by_slug = {o["fields"]["slug"]: o["fields"] for o in objects}
    for slug, fields in by_slug.items():
        for route in fields["requires"]:
            other = route.get("qualification")
            if other is None:
                continue
            outside = _in(fields["markets"]) - _in(by_slug[other]["markets"])
            require(
                not outside,
                f"qualification {slug!r}",
                f"requires {other!r}, which is not a qualification of "
                f"{sorted(outside)}",
            )


def check_role_markets(
    fields: list[dict[str, Any]],
    role_markets: str,
    qualification_markets: dict[str, str],
    where: str,
) -> None:
    """In each market of the role, every must-have asked there accepts something of
    that market (a qualification held there, a language spoken there): else the role
    could never be met there (the engine drops it, careers/scoring/profile.py)."""
    for req in fields:
        # A requirement naming no market is asked wherever the role is.
        outside = _in(req.get("markets") or role_markets) - _in(role_markets)
        here = f"{where} requirement {req['code']!r}"
        require(not outside, here, f"asked in {sorted(outside)}, where the role is not")
    for market in sorted(_in(role_markets)):
        for req in fields:
            if req["importance"] != Importance.MUST or market not in _in(
                req.get("markets", "")
            ):
                continue
            here = f"{where} requirement {req['code']!r}"
            if req.get("qualifications"):
                held = [
                    q
                    for q in req["qualifications"]
                    if market in _in(qualification_markets[q])
                ]
                require(bool(held), here, f"accepts no qualification of {market}")
            if req["kind"] == RequirementKind.OTHER_LANGUAGE:
                codes = req.get("subject", "").split(",")
                spoken = [c for c in codes if _spoken_in(c, market)]
                require(bool(spoken), here, f"accepts no language spoken in {market}")


def _spoken_in(language: str, market: str) -> bool:
    """A language counts in a market unless it is another market's domestic one."""
    if language == DOMESTIC:
        return True
    return all(
        language not in other.domestic_languages or code == market
        for code, other in MARKETS.items()
    )
