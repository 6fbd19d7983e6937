"""Read the O*NET 29.3 subset and turn its figures into role requirements, by rule."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from careers.choices import (
    SPOKEN_CAN_DO,
    WRITTEN_CAN_DO,
    CEFRLevel,
    EducationLevel,
    Importance,
    RequirementKind,
)
from careers.scoring.phrases import EDUCATION_PHRASES
from careers.scoring.text import Text, _

# How much each linked occupation counts when a role has several: the role's main
# occupation (listed first) describes it best, so it counts double; the others once.
MAIN_WEIGHT = 2.0
OTHER_WEIGHT = 1.0

# O*NET Importance (1 "not important" … 5 "extremely important"): from 3.5, halfway
# between "important" and "very important", a skill is a hard gate rather than a plus.
MUST_HAVE_IMPORTANCE = 3.5

# O*NET's Level anchors for Speaking and Writing sit at 2 ("greet tourists", "take a
# telephone message"), 4 ("interview applicants", "write a memo to staff") and 6 ("argue
# a case before the Supreme Court", "write a novel for publication"); we read them as
# A2, B2 and C2, so the CEFR step is the O*NET level rounded to the nearest whole number.
CEFR_BY_STEP = list(CEFRLevel.values)  # A1 … C2 are steps 1 … 6

# A requirement is a floor most people in the work clear (three in four), and the
# median is what helps to stand out.
FLOOR_SHARE = 75.0
TYPICAL_SHARE = 50.0

# O*NET Required Level of Education categories (1–12) on our Indian education ladder.
# A US "first professional degree" (JD, MD) is a first degree in India (LLB, MBBS).
EDUCATION_BY_RL_CATEGORY = {
    1: EducationLevel.SECONDARY,
    2: EducationLevel.HIGHER_SECONDARY,
    3: EducationLevel.DIPLOMA,
    4: EducationLevel.DIPLOMA,
    5: EducationLevel.DIPLOMA,
    6: EducationLevel.BACHELOR,
    7: EducationLevel.BACHELOR,
    8: EducationLevel.MASTER,
    9: EducationLevel.MASTER,
    10: EducationLevel.BACHELOR,
    11: EducationLevel.DOCTORATE,
    12: EducationLevel.DOCTORATE,
}

# Where O*NET has no education survey for any of a role's occupations, the Job Zone
# Reference's own education line decides (e.g. Zone 4: "a four-year bachelor's degree").
EDUCATION_BY_JOB_ZONE = {
    1: EducationLevel.SECONDARY,
    2: EducationLevel.HIGHER_SECONDARY,
    3: EducationLevel.DIPLOMA,
    4: EducationLevel.BACHELOR,
    5: EducationLevel.MASTER,
}

EDUCATION_ORDER = list(EducationLevel.values)

# The elements copied onto each occupation for the role pages.
SHOWN_SKILLS = ("Speaking", "Writing", "Reading Comprehension", "Active Listening")


@dataclass(frozen=True)
class Rating:
    level: float
    importance: float


@dataclass(frozen=True)
class OnetOccupation:
    code: str
    title: str
    description: str
    job_zone: int
    job_zone_name: str
    skills: dict[str, Rating] = field(default_factory=dict)
    knowledge: dict[str, Rating] = field(default_factory=dict)
    # RL category number -> share of respondents, in percent
    education: dict[int, float] = field(default_factory=dict)
    alternate_titles: tuple[str, ...] = ()

    @property
    def has_ratings(self) -> bool:
        return bool(self.skills)


@dataclass(frozen=True)
class MappedOccupation:
    """One row of role_mapping.csv: an occupation linked to one of our role groups."""

    group: str
    code: str
    fit: str
    reason: str


@dataclass(frozen=True)
class OnetData:
    occupations: dict[str, OnetOccupation]
    mapping: dict[tuple[str, str], MappedOccupation]
    education_labels: dict[int, str]


@dataclass(frozen=True)
class DerivedRequirement:
    code: str
    kind: str
    level: str
    importance: str
    weight: int
    # Messages (careers.scoring.text): the builder writes them in every language.
    explanation: Text
    source_note: Text


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _ratings(rows: list[dict[str, str]]) -> dict[str, dict[str, Rating]]:
    values: dict[str, dict[str, dict[str, float]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    for row in rows:
        values[row["onet_soc_code"]][row["element_name"]][row["scale"]] = float(
            row["value"]
        )
    return {
        code: {
            name: Rating(level=scales["LV"], importance=scales["IM"])
            for name, scales in elements.items()
        }
        for code, elements in values.items()
    }


def load_onet(directory: Path) -> OnetData:
    """Read the CSV subset (see fixtures/onet/README.md) into plain dataclasses."""
    skills = _ratings(_read(directory / "skills.csv"))
    knowledge = _ratings(_read(directory / "knowledge.csv"))
    education: dict[str, dict[int, float]] = defaultdict(dict)
    for row in _read(directory / "education_required_level.csv"):
        education[row["onet_soc_code"]][int(row["category"])] = float(row["value"])
    titles: dict[str, list[str]] = defaultdict(list)
    for row in _read(directory / "alternate_titles.csv"):
        titles[row["onet_soc_code"]].append(row["alternate_title"])
    occupations = {
        row["onet_soc_code"]: OnetOccupation(
            code=row["onet_soc_code"],
            title=row["title"],
            description=row["description"],
            job_zone=int(row["job_zone"]),
            job_zone_name=row["job_zone_name"],
            skills=skills.get(row["onet_soc_code"], {}),
            knowledge=knowledge.get(row["onet_soc_code"], {}),
            education=education.get(row["onet_soc_code"], {}),
            alternate_titles=tuple(titles.get(row["onet_soc_code"], ())),
        )
        for row in _read(directory / "occupations.csv")
    }
    mapping = {
        (row["role_id"], row["onet_soc_code"]): MappedOccupation(
            group=row["role_id"],
            code=row["onet_soc_code"],
            fit=row["fit"],
            reason=row["reason"],
        )
        for row in _read(directory / "role_mapping.csv")
    }
    labels = {
        int(row["category"]): row["category_label"]
        for row in _read(directory / "education_categories.csv")
    }
    return OnetData(occupations=occupations, mapping=mapping, education_labels=labels)


def cefr_from_onet_level(level: float) -> str:
    """CEFR level for an O*NET Speaking/Writing level (0–7): 2 → A2, 4 → B2, 6 → C2."""
    step = min(max(int(level + 0.5), 1), len(CEFR_BY_STEP))
    return CEFR_BY_STEP[step - 1]


def weight_from_importance(importance: float) -> int:
    """Nice-to-have weight 1–5 straight from O*NET Importance (1–5), rounded."""
    return min(max(int(importance + 0.5), 1), 5)


def _weighted(pairs: list[tuple[float, float]]) -> float:
    total = sum(weight for _, weight in pairs)
    return sum(value * weight for value, weight in pairs) / total


def weighted_links(
    occupations: list[OnetOccupation],
) -> list[tuple[OnetOccupation, float]]:
    """Pair a role's occupations (main one first) with how much each counts."""
    return [
        (occ, MAIN_WEIGHT if index == 0 else OTHER_WEIGHT)
        for index, occ in enumerate(occupations)
    ]


def _describe(links: list[tuple[OnetOccupation, float]]) -> str:
    return "; ".join(f"{occ.title} ×{weight:g}" for occ, weight in links)


def derive_english(
    kind: str, links: list[tuple[OnetOccupation, float]]
) -> DerivedRequirement | None:
    """Spoken English from O*NET Speaking, written English from Writing, across occupations.

    The role's level and importance are weighted means over its rated occupations;
    the level gives the CEFR threshold, the importance decides must-have or nice-to-have.
    """
    element, code, can_do = {
        RequirementKind.SPOKEN_ENGLISH: ("Speaking", "spoken-english", SPOKEN_CAN_DO),
        RequirementKind.WRITTEN_ENGLISH: ("Writing", "written-english", WRITTEN_CAN_DO),
    }[kind]
    rated = [(occ, weight) for occ, weight in links if element in occ.skills]
    if not rated:
        return None
    level = _weighted([(occ.skills[element].level, weight) for occ, weight in rated])
    importance = _weighted(
        [(occ.skills[element].importance, weight) for occ, weight in rated]
    )
    cefr = cefr_from_onet_level(level)
    must = importance >= MUST_HAVE_IMPORTANCE
    if not must:
        lead = _("%(level)s English helps here, though it is not the main skill")
    elif element == "Speaking":
        lead = _("You speak English all day in this work, so %(level)s is needed")
    else:
        lead = _("You write English all day in this work, so %(level)s is needed")
    # The can-do statement is a message of the quiz's own (careers.choices).
    statement = str(can_do[CEFRLevel(cefr)])
    return DerivedRequirement(
        code=code,
        kind=kind,
        level=cefr,
        importance=Importance.MUST if must else Importance.NICE,
        weight=weight_from_importance(importance),
        explanation=_(
            "%(lead)s: “%(statement)s”",
            lead=Text(lead.msgid, (("level", cefr),)),
            statement=statement,
        ),
        source_note=_(
            "O*NET %(element)s: level %(level)s/7, importance %(importance)s/5 "
            "(%(who)s); level %(level)s → %(cefr)s.",
            element=element,
            level=f"{level:.2f}",
            importance=f"{importance:.2f}",
            who=_describe(rated),
            cefr=cefr,
        ),
    )


def share_at_or_above(distribution: dict[int, float]) -> dict[int, float]:
    """For each RL category, the share of respondents who say it or a higher one is needed."""
    total = sum(distribution.values())
    shares: dict[int, float] = {}
    running = 0.0
    for category in sorted(distribution, reverse=True):
        running += distribution[category]
        shares[category] = 100.0 * running / total if total else 0.0
    return shares


def level_reached_by(distribution: dict[int, float], share: float) -> int:
    """Highest RL category that at least `share` percent of respondents say is needed."""
    shares = share_at_or_above(distribution)
    return max(category for category, at_least in shares.items() if at_least >= share)


def derive_education(
    links: list[tuple[OnetOccupation, float]], labels: dict[int, str]
) -> list[DerivedRequirement]:
    """Education from O*NET's Required Level of Education (or the Job Zone where missing).

    Must-have: the level three in four respondents say is needed. Nice-to-have: the level
    half of them say is needed, when it is higher.
    """
    surveyed = [(occ, weight) for occ, weight in links if occ.education]
    if not surveyed:
        return [_education_by_job_zone(links[0][0])]
    combined: dict[int, float] = defaultdict(float)
    for occ, weight in surveyed:
        for category, percent in occ.education.items():
            combined[category] += percent * weight
    shares = share_at_or_above(combined)
    floor = level_reached_by(combined, FLOOR_SHARE)
    typical = level_reached_by(combined, TYPICAL_SHARE)
    floor_level = EDUCATION_BY_RL_CATEGORY[floor]
    typical_level = EDUCATION_BY_RL_CATEGORY[typical]
    who = _describe(surveyed)
    derived = [
        DerivedRequirement(
            code="education",
            kind=RequirementKind.EDUCATION_LEVEL,
            level=floor_level,
            importance=Importance.MUST,
            weight=3,
            explanation=_(
                "Three in four people doing this work say it needs at least %(level)s.",
                level=EDUCATION_PHRASES[floor_level],
            ),
            source_note=_education_note(who, shares[floor], labels[floor], floor_level),
        )
    ]
    if EDUCATION_ORDER.index(typical_level) > EDUCATION_ORDER.index(floor_level):
        derived.append(
            DerivedRequirement(
                code="education-typical",
                kind=RequirementKind.EDUCATION_LEVEL,
                level=typical_level,
                importance=Importance.NICE,
                weight=2,
                explanation=_(
                    "About half of the people in this work hold %(level)s or more, so "
                    "it helps you stand out.",
                    level=EDUCATION_PHRASES[typical_level],
                ),
                source_note=_education_note(
                    who, shares[typical], labels[typical], typical_level
                ),
            )
        )
    return derived


def _education_by_job_zone(main: OnetOccupation) -> DerivedRequirement:
    """Where O*NET has no education survey, the level its Job Zone stands for."""
    level = EDUCATION_BY_JOB_ZONE[main.job_zone]
    return DerivedRequirement(
        code="education",
        kind=RequirementKind.EDUCATION_LEVEL,
        level=level,
        importance=Importance.MUST,
        weight=3,
        explanation=_(
            "Employers usually ask for %(level)s or higher for this work.",
            level=EDUCATION_PHRASES[level],
        ),
        source_note=_(
            "No O*NET education survey for these occupations; %(title)s is "
            "in %(zone)s → %(level)s.",
            title=main.title,
            zone=main.job_zone_name,
            level=level,
        ),
    )


def _education_note(who: str, share: float, label: str, level: str) -> Text:
    return _(
        "O*NET Required Level of Education (%(who)s): %(share)s%% say “%(label)s” or "
        "higher → %(level)s.",
        who=who,
        share=f"{share:.0f}",
        label=label,
        level=level,
    )


def derive_requirements(
    occupations: list[OnetOccupation], labels: dict[int, str]
) -> list[DerivedRequirement]:
    """Every requirement that follows from O*NET for a role linked to these occupations."""
    links = weighted_links(occupations)
    derived = [
        derive_english(RequirementKind.SPOKEN_ENGLISH, links),
        derive_english(RequirementKind.WRITTEN_ENGLISH, links),
    ]
    return [req for req in derived if req is not None] + derive_education(links, labels)


def top_elements(ratings: dict[str, Rating], count: int = 5) -> list[dict[str, object]]:
    """The most important elements, most important first (ties by name, for stable output)."""
    ranked = sorted(ratings.items(), key=lambda item: (-item[1].importance, item[0]))
    return [
        {"name": name, "importance": rating.importance, "level": rating.level}
        for name, rating in ranked[:count]
    ]
