"""One vocabulary: the scoring engine's codes are the models' and the forms' choices."""

import json

from careers import choices, scoring
from careers.assessments.profiles import SCHEMA_PATH
from careers.choices import (
    CEFRLevel,
    EducationLevel,
    ExperienceDomain,
    FieldOfStudy,
    Shift,
    SkillLevel,
    Verdict,
)
from careers.scoring import SKILL_LEVELS
from careers.scoring.phrases import DOMAIN_PHRASES, FIELD_PHRASES


def test_the_engines_level_orders_are_the_choices_in_order():
    assert tuple(CEFRLevel.values) == scoring.CEFR_LEVELS
    assert tuple(EducationLevel.values) == scoring.EDUCATION_LEVELS
    assert ("none", *SkillLevel.values) == scoring.SKILL_LEVELS


def test_the_engine_has_words_for_every_shift_and_level():
    assert set(scoring.SHIFT_PHRASES) == set(Shift.values)
    assert set(scoring.EDUCATION_PHRASES) == set(EducationLevel.values)
    assert set(FIELD_PHRASES) == set(FieldOfStudy.values)
    assert set(DOMAIN_PHRASES) == set(ExperienceDomain.values)


def test_verdicts_are_the_same_codes_best_first():
    assert [str(v) for v in scoring.VERDICT_ORDER] == Verdict.values


def test_the_cli_profile_schema_offers_exactly_the_vocabularies_codes():
    schema = json.loads(SCHEMA_PATH.read_text())
    fields = schema["properties"]
    work = fields["experience"]["properties"]
    assert schema["$defs"]["cefr"]["enum"] == choices.CEFRLevel.values
    assert fields["country"]["enum"] == choices.Country.values
    assert fields["education"]["enum"] == choices.EducationLevel.values
    assert fields["stream"]["enum"] == [None, *choices.Stream.values]
    assert fields["field_of_study"]["enum"] == [
        None,
        *(v for v in choices.FieldOfStudy.values if v != choices.FieldOfStudy.ANY),
    ]
    language = fields["other_languages"]["items"]["properties"]["language"]
    assert language["enum"] == choices.Language.values
    assert fields["portfolios"]["items"]["enum"] == choices.PortfolioKind.values
    assert fields["skills"]["additionalProperties"]["enum"] == list(SKILL_LEVELS)
    assert work["domains"]["items"]["enum"] == choices.ExperienceDomain.values
    assert fields["shifts"]["items"]["enum"] == choices.Shift.values
    assert fields["commute"]["enum"] == choices.Commute.values
