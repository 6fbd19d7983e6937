"""The result page's review of the answers about work: experience, paid or not, when and
where the person can work, and anything that affects it. A result that leaves out office
or voice work then says why, in the person's own answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext

from careers.assessments.forms import get_step_by_slug
from careers.assessments.wording import shift_label
from careers.choices import (
    Commute,
    Country,
    ExperienceDomain,
    InformalWork,
    Need,
    Shift,
)
from careers.markets import country_of


@dataclass(frozen=True)
class Answer:
    label: str
    text: str = ""
    items: list[str] = field(default_factory=list)
    note: str = ""
    # The quiz step that asked it, for the page's "Change" link.
    step: int = 0


def step_number(slug: str) -> int:
    return get_step_by_slug(slug).number


def labels(choices: Any, codes: list[str]) -> list[str]:
    """The labels of `codes`, in the order the question offers them; a code no longer
    offered (an answer older than a change to the question) is left out."""
    named = dict(choices.choices)
    return [str(named[code]) for code in named if code in codes]


def paid_work(experience: dict[str, Any]) -> Answer:
    years = int(experience.get("years", 0))
    text = (
        ngettext("%(n)d year", "%(n)d years", years) % {"n": years}
        if years
        else gettext("None yet")
    )
    domains = labels(ExperienceDomain, experience.get("domains", [])) if years else []
    return Answer(gettext("Paid work"), text, domains, step=step_number("experience"))


def unpaid_work(informal: dict[str, Any]) -> Answer | None:
    kinds = labels(InformalWork, informal.get("kinds", []))
    if not kinds:
        return None
    years = int(informal.get("years") or 0)
    text = (
        ngettext("about %(n)d year", "about %(n)d years", years) % {"n": years}
        if years
        else gettext("less than a year")
    )
    note = gettext("We count it as work experience.")
    return Answer(
        gettext("Unpaid or informal work"),
        text,
        kinds,
        note,
        step=step_number("experience"),
    )


def place(profile: dict[str, Any]) -> Answer | None:
    commute = profile.get("commute")
    if not commute:
        return None
    label = gettext("Where you can work")
    if Need.HOME_ONLY in profile.get("needs", []) and commute != Commute.REMOTE_ONLY:
        # The need wins over an office answered above it: only home work is counted.
        return Answer(
            label,
            str(Commute.REMOTE_ONLY.label),
            note=gettext(
                "You told us you need to work from home, so we count only work "
                "from home."
            ),
            step=step_number("conditions"),
        )
    return Answer(
        label,
        str(dict(Commute.choices).get(commute, "")),
        step=step_number("conditions"),
    )


def country(profile: dict[str, Any]) -> Answer:
    # Answers given before the question was asked were scored as India's.
    code = country_of(profile)
    return Answer(
        gettext("Where you live and look for work"),
        capfirst(Country(code).label),
        step=step_number("languages"),
    )


def work_answers(profile: dict[str, Any]) -> list[Answer]:
    """What `profile` (a result's profile data) says about work, as the page lists it;
    answers given before a question existed simply leave its line out."""
    answers = [country(profile), paid_work(profile.get("experience") or {})]
    answers.append(unpaid_work(profile.get("informal_work") or {}))
    # Offshore shifts in the person's own time, as the question named them.
    shifts = [
        shift_label(code, country_of(profile))
        for code in Shift.values
        if code in profile.get("shifts", [])
    ]
    if shifts:
        answers.append(
            Answer(
                gettext("Shifts you can work"),
                items=shifts,
                step=step_number("conditions"),
            )
        )
    answers.append(place(profile))
    needs = labels(Need, profile.get("needs", []))
    if needs:
        note = gettext("We do not share this with anyone.")
        answers.append(
            Answer(
                gettext("What affects your work"),
                "",
                needs,
                note,
                step=step_number("conditions"),
            )
        )
    return [answer for answer in answers if answer is not None]
