"""The recommendation as plain data: what a stored result, a shared link and
`recommend --format json` keep (messages, not words, read in the reader's language)."""

from __future__ import annotations

from careers.scoring.clashes import clash_data
from careers.scoring.engine import HELP_WEEKS, summarise
from careers.scoring.profile import Recommendation, RoleFit, Verdict
from careers.scoring.text import Items, Text, Weeks, _, as_data


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


def recommendation_data(
    recommendation: Recommendation,
    top: int | None = None,
    later_lines: int | None = None,
) -> dict:
    """The recommendation as plain data: what the result page, a shared link and
    `recommend --format json` show, best first. With `later_lines`, the reasons line
    by line are kept for the open and close roles and that many not-yet ones only."""
    fits = recommendation.fits[:top] if top else recommendation.fits
    items = []
    later = 0
    for fit in fits:
        role = fit.role
        line = advice(fit)
        later += fit.verdict not in (Verdict.ELIGIBLE, Verdict.CLOSE)
        lined = later_lines is None or (
            later <= later_lines and fit.verdict != Verdict.DOES_NOT_FIT
        )
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
                "advice": as_data(line) if line else "",
                "fit": fit.fit,
                "required": list(fit.count(must=True)),
                "helps": list(fit.count(must=False)),
                "lines": [
                    {
                        "text": as_data(c.reason),
                        "met": c.met,
                        "must": c.must,
                        # The way in a person meets or is nearest to; a note that
                        # counts for nothing (a need's, a tool's).
                        "way": c.kind == "way",
                        "note": c.refused and not c.must,
                    }
                    for c in (fit.checks if lined else ())
                ],
                "overqualified": fit.overqualified,
                # How many kinds of the person's background it uses (relevance.py).
                "background_used": fit.relevance,
                # Does not fit: what would end the clash, and the role without it.
                "clash": clash_data(recommendation.clashes.get(role.slug)),
            }
        )
    return {
        "format": FORMAT,
        "summary": as_data(recommendation.summary),
        # The summary without its first step: the result page shows that step on the
        # first role's card, not twice on one screen.
        "headline": as_data(summarise(recommendation.fits, ())),
        "paths": [as_data(path.sentence) for path in recommendation.paths],
        "recommendations": items,
    }


# Stored results of another format are scored again when read. Format 3: every
# sentence is a message (careers.scoring.text), read in the page's language. Format 4:
# lines say which is the way in and which is only a note (issue 32). Format 5: lists of
# choices nest, and lines say what was not chosen rather than what cannot be done
# (issue 34): older results' messages are no longer in the catalogues. Format 6: a role
# that does not fit says what would end its clash and what it would be then (issue 34).
FORMAT = 6
