"""Scoring every role for a profile: verdicts, fit, closest paths, sectors, a summary."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from careers.scoring.checks import SMALL, apply_step, check_requirement
from careers.scoring.profile import (
    VERDICT_ORDER,
    Check,
    NextStep,
    Path,
    Preferences,
    Profile,
    Recommendation,
    Requirement,
    Role,
    RoleFit,
    Verdict,
    list_titles,
)

_VERDICT_RANK = {verdict: rank for rank, verdict in enumerate(VERDICT_ORDER)}

# --- Weights and thresholds, each with its reason ---------------------------------------

# What the role asks of you decides most of the fit; what you enjoy breaks ties.
NICE_TO_HAVE_SHARE = 0.8
PREFERENCE_SHARE = 0.2
# A nice-to-have you are one small step short of still counts for half.
NEAR_CREDIT = 0.5
# "Close" means at most this many must-haves missing, each a small step.
CLOSE_MAX_MISSING = 2
# Sector fit blends how far each of its best roles is open to you with how well you fit.
VERDICT_STANDING = {"eligible": 1.0, "close": 0.6, "not_yet": 0.2}
STANDING_SHARE = 0.7
SECTOR_TOP_ROLES = 3


SECTOR_NEEDS = {
    "BPO": "strong spoken or written English, typing speed and shift availability",
    "KPO": "a degree or professional qualification in the field",
}


def _roles(count: int, sector: str) -> str:
    return f"{count} {sector} role{'' if count == 1 else 's'}"


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
    recheck: Callable[[NextStep], tuple[Check, ...]],
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
    recheck: Callable[[NextStep], tuple[Check, ...]],
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


def _applier(profile: Profile) -> Callable[[NextStep], Profile]:
    """apply_step() for one profile, each step applied once: many roles share a step."""
    applied: dict[tuple[str, ...], Profile] = {}

    def after(step: NextStep) -> Profile:
        changed = applied.get(step.key)
        if changed is None:
            changed = applied[step.key] = apply_step(profile, step)
        return changed

    return after


def _best_paths(
    roles: dict[str, Role],
    after: Callable[[NextStep], Profile],
    fits: Iterable[RoleFit],
    limit: int,
) -> tuple[Path, ...]:
    """Single steps that move the most roles up a verdict, smallest effort first on ties."""
    steps: dict[tuple[str, ...], NextStep] = {}
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
            for req in roles[fit.slug].requirements:
                if req.must and req.kind == kind:
                    check = check_requirement(req, changed)
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
            f"{_roles(len(eligible), best)} now, such as {list_titles(tuple(eligible), 2)}."
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


def recommend(roles: Iterable[Role], profile: Profile) -> Recommendation:
    """Score every role for the profile and summarise; deterministic, order-independent."""
    by_slug = {role.slug: role for role in roles}
    after = _applier(profile)
    fits = [
        _role_fit(
            role,
            _role_checks(role, profile),
            preference_match(profile.preferences, role.sector, role.channel),
            lambda step, role=role: _role_checks(role, after(step)),
        )
        for role in by_slug.values()
    ]
    ranked = rank_fits(fits)
    sectors = sector_scores(ranked)
    paths = _best_paths(by_slug, after, ranked, limit=3)
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
