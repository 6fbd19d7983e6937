"""A role that does not fit: what it clashes with (a place, a shift, phone work: the
refused checks), what would change that, and what the role would be without it.

The result page says a clash once for all the roles it rules out, and tells a person
who meets everything else (a lawyer at home, for the legal roles in an office) so.
"""

from __future__ import annotations

from dataclasses import dataclass

from careers.scoring.profile import Check, Effort, Profile, RoleFit, Step, Verdict
from careers.scoring.text import Items, Text, Weeks, _, as_data

# What would end a clash, by the kind of check that refused the role, as a phrase read
# after "if you could": where the work is done, its hours, or phone work.
SETTING_CHANGE = {
    True: _("work in an office"),  # said they can only work from home
    False: _("work in or move to a big outsourcing city"),
}
CHANGES = {
    "shift": _("work the hours it runs in"),
    "need": _("do phone or voice work"),
    "spoken_english": _("do phone or voice work"),
}
ANY_CHANGE = _("do what it asks")


@dataclass(frozen=True)
class Clash:
    """What rules a role out, and what it would be without that."""

    change: Items  # what would end the clash: "work in an office"
    verdict: Verdict  # the role's verdict without the clash
    distance: Effort | None
    plan: tuple[Step, ...]


def refused(fit: RoleFit) -> list[Check]:
    return [c for c in fit.checks if c.refused and c.must]


def beside_clash(fit: RoleFit) -> list[Check]:
    """The must-haves a role misses other than what it clashes with."""
    return [
        c
        for c in fit.checks
        if c.must and not c.met and not c.refused and c.kind != "way"
    ]


def clash_change(fit: RoleFit, profile: Profile) -> Items:
    """What would end the clash, each kind once: "work in an office"."""
    phrases: dict[str, Text] = {}
    for check in refused(fit):
        if check.kind == "setting":
            phrase = SETTING_CHANGE[profile.home_only]
        else:
            phrase = CHANGES.get(check.kind, ANY_CHANGE)
        phrases.setdefault(phrase.msgid, phrase)
    return Items(tuple(phrases.values()), "and")


def clash_data(clash: Clash | None) -> dict | None:
    """A clash as the result page reads it: what would end it, and the role's verdict
    then, with how far it would be (and its steps, when that is close)."""
    if clash is None:
        return None
    steps = (
        _(
            "%(time)s: %(steps)s.",
            time=Weeks(clash.distance.low, clash.distance.high, capital=True),
            steps=Items(tuple(s.text for s in clash.plan), "steps"),
        )
        if clash.plan and clash.verdict == Verdict.CLOSE
        else None
    )
    return {
        "change": as_data(clash.change),
        "verdict": str(clash.verdict),
        "distance": as_data(clash.distance.text) if clash.plan else "",
        "weeks": [clash.distance.low, clash.distance.high] if clash.plan else None,
        "advice": as_data(steps) if steps else "",
    }
