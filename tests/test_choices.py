"""One vocabulary: the scoring engine's codes are the models' and the forms' choices."""

from careers import scoring
from careers.choices import (
    CEFRLevel,
    EducationLevel,
    ExperienceDomain,
    FieldOfStudy,
    Shift,
    SkillLevel,
    Verdict,
)
from careers.scoring.profile import DOMAIN_PHRASES, FIELD_PHRASES


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
