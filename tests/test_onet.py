"""The rules that turn O*NET figures into requirements, on literal inputs (no database)."""

import pytest

from careers.catalogue.build import ONET_DIR
from careers.catalogue.onet import (
    OnetOccupation,
    Rating,
    cefr_from_onet_level,
    derive_education,
    derive_english,
    derive_requirements,
    level_reached_by,
    load_onet,
    weight_from_importance,
    weighted_links,
)
from careers.scoring.text import english

LABELS = {
    2: "High School Diploma",
    4: "Some College Courses",
    6: "Bachelor's Degree",
    8: "Master's Degree",
    11: "Doctoral Degree",
}


def occupation(
    code="00-0000.00", speaking=None, writing=None, education=None, job_zone=2
):
    skills = {}
    if speaking:
        skills["Speaking"] = Rating(level=speaking[0], importance=speaking[1])
    if writing:
        skills["Writing"] = Rating(level=writing[0], importance=writing[1])
    return OnetOccupation(
        code=code,
        title=f"Occupation {code}",
        description="",
        job_zone=job_zone,
        job_zone_name=f"Job Zone {job_zone}",
        skills=skills,
        education=education or {},
    )


@pytest.mark.parametrize(
    ("level", "cefr"),
    [
        (0.4, "A1"),
        (2.0, "A2"),
        (2.9, "B1"),
        (3.5, "B2"),
        (3.75, "B2"),
        (4.49, "B2"),
        (4.5, "C1"),
        (5.1, "C1"),
        (6.0, "C2"),
        (7.0, "C2"),
    ],
)
def test_onet_level_anchors_map_onto_cefr(level, cefr):
    assert cefr_from_onet_level(level) == cefr


def test_nice_to_have_weight_follows_importance():
    assert [weight_from_importance(i) for i in (1.0, 2.6, 3.4, 4.5, 5.0)] == [
        1,
        3,
        3,
        5,
        5,
    ]


def test_important_speaking_becomes_a_must_have_at_the_onet_level():
    links = weighted_links([occupation(speaking=(3.75, 3.88))])
    spoken = derive_english("spoken_english", links)
    assert (spoken.level, spoken.importance) == ("B2", "must")
    assert "3.75/7" in english(spoken.source_note)
    assert "3.88/5" in english(spoken.source_note)


def test_less_important_writing_is_only_a_nice_to_have():
    written = derive_english(
        "written_english", weighted_links([occupation(writing=(3.0, 3.0))])
    )
    assert (written.level, written.importance, written.weight) == ("B1", "nice", 3)


def test_main_occupation_counts_double():
    main = occupation("11-1111.00", speaking=(5.0, 4.0))
    other = occupation("22-2222.00", speaking=(2.0, 2.0))
    spoken = derive_english("spoken_english", weighted_links([main, other]))
    # (5.0 * 2 + 2.0) / 3 = 4.0 → B2; importance (4*2 + 2) / 3 = 3.33 → nice-to-have
    assert (spoken.level, spoken.importance) == ("B2", "nice")


def test_occupations_without_ratings_give_no_english_requirement():
    assert derive_english("spoken_english", weighted_links([occupation()])) is None


def test_education_floor_is_what_three_in_four_say_is_needed():
    # 10% say high school, 20% some college, 50% bachelor's, 20% master's.
    distribution = {2: 10.0, 4: 20.0, 6: 50.0, 8: 20.0}
    assert level_reached_by(distribution, 75.0) == 4
    assert level_reached_by(distribution, 50.0) == 6
    floor, typical = derive_education(
        weighted_links([occupation(education=distribution)]), LABELS
    )
    assert (floor.level, floor.importance) == ("diploma", "must")
    assert (typical.level, typical.importance) == ("bachelor", "nice")
    assert "90%" in english(floor.source_note)


def test_education_falls_back_to_job_zone_without_a_survey():
    (floor,) = derive_education(weighted_links([occupation(job_zone=4)]), LABELS)
    assert (floor.level, floor.importance) == ("bachelor", "must")
    assert "Job Zone 4" in english(floor.source_note)


def test_no_typical_level_when_it_equals_the_floor():
    derived = derive_education(
        weighted_links([occupation(education={2: 100.0})]), LABELS
    )
    assert [d.level for d in derived] == ["12th"]


def test_derive_requirements_covers_english_and_education():
    derived = derive_requirements(
        [occupation(speaking=(4.0, 4.0), writing=(4.0, 4.0), education={6: 100.0})],
        LABELS,
    )
    assert [d.kind for d in derived] == [
        "spoken_english",
        "written_english",
        "education_level",
    ]


def test_loads_the_copied_onet_subset_exactly():
    data = load_onet(ONET_DIR)
    assert len(data.occupations) == 48
    csr = data.occupations["43-4051.00"]
    # Values checked against the release in fixtures/onet/README.md.
    assert csr.skills["Speaking"] == Rating(level=3.75, importance=3.88)
    assert csr.skills["Active Listening"] == Rating(level=4.0, importance=4.0)
    assert csr.education[2] == 54.76
    assert csr.job_zone == 2
    assert not data.occupations["29-2072.00"].has_ratings
    assert data.mapping[("bpo_data_entry", "43-9021.00")].fit == "primary"
