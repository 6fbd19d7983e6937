"""The result page's chart: the candidate's profile against the top roles' requirements."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from careers.choices import Country, EducationLevel, RequirementKind
from careers.scoring import CEFR_LEVELS, EDUCATION_LEVELS, Profile, Role
from careers.scoring.phrases import level_phrase
from careers.scoring.text import as_data

TYPING_SCALE = 60  # words a minute at the right-hand end of the chart
CHART_WIDTH = 320
LABEL_HEIGHT = 22
ROW_HEIGHT = 64
BAR_HEIGHT = 14
BAR_RADIUS = 3  # the bars' rounded corners
BAR_LEFT = 8
BAR_WIDTH = CHART_WIDTH - 2 * BAR_LEFT


@dataclass(frozen=True)
class Mark:
    number: int  # the role's number in the legend
    share: float  # 0–1 along the bar
    text: str
    x: float
    label_x: float = 0.0  # spread apart when several roles ask for the same level


# Numbers of marks at one place sit this far apart, each in its own circle: at 10 apart
# three of them read as one number ("123").
LABEL_SPACING = 20
MARK_RADIUS = 9


def _spread(marks: list[Mark | None]) -> tuple[Mark | None, ...]:
    """Move the numbers of marks at the same place side by side so none hides another."""
    at: dict[float, list[int]] = {}
    for index, mark in enumerate(marks):
        if mark is not None:
            at.setdefault(mark.x, []).append(index)
    spread = list(marks)
    for x, indexes in at.items():
        for position, index in enumerate(indexes):
            offset = (position - (len(indexes) - 1) / 2) * LABEL_SPACING
            edge = BAR_LEFT + MARK_RADIUS
            label_x = min(max(x + offset, edge), CHART_WIDTH - edge)
            spread[index] = replace(spread[index], label_x=round(label_x, 1))
    return tuple(spread)


@dataclass(frozen=True)
class ChartRow:
    label: str
    you_share: float
    you_text: str
    marks: tuple[Mark | None, ...]  # one per role; None when the role does not ask
    y: float
    # What each level of English on the row means ("B1 (can take a simple phone
    # call)"), said under the chart: the bars have room for "B1" alone.
    meanings: tuple = ()

    @property
    def bar_width(self) -> float:
        return round(BAR_WIDTH * self.you_share, 1)

    @property
    def label_y(self) -> float:
        return self.y + 14

    @property
    def bar_y(self) -> float:
        return self.y + LABEL_HEIGHT

    @property
    def tick_top(self) -> float:
        return self.bar_y - 3

    @property
    def tick_bottom(self) -> float:
        return self.bar_y + BAR_HEIGHT + 3

    @property
    def mark_circle_y(self) -> float:
        return self.y + LABEL_HEIGHT + BAR_HEIGHT + 13

    @property
    def mark_label_y(self) -> float:
        return self.mark_circle_y + 4


def _cefr(level: str) -> float:
    return (CEFR_LEVELS.index(level) + 1) / len(CEFR_LEVELS)


def _education(level: str) -> float:
    return (EDUCATION_LEVELS.index(level) + 1) / len(EDUCATION_LEVELS)


def _typing(wpm: int) -> float:
    return min(wpm, TYPING_SCALE) / TYPING_SCALE


def _wpm(value: int, country: str) -> str:
    return gettext("%(n)d wpm") % {"n": value}


def _as_is(value: str, country: str) -> str:
    return str(value)


EDUCATION_WORDS = {
    EducationLevel.SECONDARY: _("10th standard"),
    EducationLevel.HIGHER_SECONDARY: _("12th standard"),
    EducationLevel.SOME_COLLEGE: _("some college"),
    EducationLevel.DIPLOMA: _("diploma"),
    EducationLevel.BACHELOR: _("bachelor's degree"),
    EducationLevel.MASTER: _("master's degree"),
    EducationLevel.DOCTORATE: _("doctorate"),
}


# Where a market names a school level otherwise (the Philippines' K to 12 grades).
MARKET_EDUCATION_WORDS = {
    Country.PHILIPPINES: {
        EducationLevel.SECONDARY: _("Grade 10"),
        EducationLevel.HIGHER_SECONDARY: _("Grade 12"),
        EducationLevel.SOME_COLLEGE: _("college level"),
    },
}


def _level(value: str, country: str) -> str:
    return str(
        MARKET_EDUCATION_WORDS.get(country, {}).get(value, EDUCATION_WORDS[value])
    )


DIMENSIONS = [
    # (label, requirement kind, the candidate's value, scale, words)
    (
        _("Spoken English"),
        RequirementKind.SPOKEN_ENGLISH,
        lambda p: p.spoken_english,
        _cefr,
        _as_is,
    ),
    (
        _("Written English"),
        RequirementKind.WRITTEN_ENGLISH,
        lambda p: p.written_english,
        _cefr,
        _as_is,
    ),
    (
        _("Typing speed"),
        RequirementKind.TYPING_SPEED,
        lambda p: p.typing_wpm,
        _typing,
        _wpm,
    ),
    (
        _("Education"),
        RequirementKind.EDUCATION_LEVEL,
        lambda p: p.education,
        _education,
        _level,
    ),
]


def _highest(role: Role, kind: str, scale) -> str | int | None:
    values = [
        req.amount if kind == RequirementKind.TYPING_SPEED else req.level
        for req in role.requirements
        if req.kind == kind
    ]
    return max(values, key=scale) if values else None


@dataclass(frozen=True)
class Chart:
    """What the result page's chart draws, in the SVG's own units: the template places
    nothing of its own."""

    rows: list[ChartRow]
    roles: list[Role]  # numbered from 1, as the marks are

    width: ClassVar[int] = CHART_WIDTH
    bar_left: ClassVar[int] = BAR_LEFT
    bar_width: ClassVar[int] = BAR_WIDTH
    bar_height: ClassVar[int] = BAR_HEIGHT
    bar_radius: ClassVar[int] = BAR_RADIUS
    mark_radius: ClassVar[int] = MARK_RADIUS

    @property
    def height(self) -> int:
        return len(self.rows) * ROW_HEIGHT


def _meanings(kind: str, levels: list) -> tuple:
    if kind not in (RequirementKind.SPOKEN_ENGLISH, RequirementKind.WRITTEN_ENGLISH):
        return ()
    written = kind == RequirementKind.WRITTEN_ENGLISH
    shown = sorted(set(levels) & set(CEFR_LEVELS), key=CEFR_LEVELS.index)
    return tuple(as_data(level_phrase(level, written)) for level in shown)


def profile_chart(profile: Profile, roles: list[Role]) -> Chart:
    """The chart: a row per dimension, with the candidate's bar and each role's mark."""
    rows = []
    dimensions = [
        d
        for d in DIMENSIONS
        # Spoken English counts for nothing for someone who can't do voice work.
        if not (profile.no_voice and d[1] == RequirementKind.SPOKEN_ENGLISH)
    ]
    for index, (label, kind, value_of, scale, words) in enumerate(dimensions):
        you = value_of(profile)
        marks = []
        for number, role in enumerate(roles, start=1):
            need = _highest(role, kind, scale)
            if need is None:
                marks.append(None)
                continue
            share = scale(need)
            marks.append(
                Mark(
                    number,
                    share,
                    words(need, profile.country),
                    round(BAR_LEFT + BAR_WIDTH * share, 1),
                )
            )
        rows.append(
            ChartRow(
                label=label,
                you_share=scale(you),
                you_text=words(you, profile.country),
                marks=_spread(marks),
                y=index * ROW_HEIGHT,
                meanings=_meanings(kind, [you, *(m.text for m in marks if m)]),
            )
        )
    return Chart(rows=rows, roles=roles)
