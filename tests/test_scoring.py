"""The scoring engine on literal inputs and on the real catalogue, without a database."""

import json
import random
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careers.catalogue import FIXTURE_PATH
from careers.scoring import (
    CEFR_LEVELS,
    EDUCATION_LEVELS,
    SKILL_LEVELS,
    Option,
    Preferences,
    Profile,
    Requirement,
    Role,
    Verdict,
    apply_step,
    profile_from_data,
    recommend,
    score_role,
)
from tests.helpers import scoring_roles

PROFILES = Path(__file__).resolve().parent.parent / "fixtures" / "profiles"


@pytest.fixture(scope="module")
def catalogue():
    return scoring_roles(json.loads(FIXTURE_PATH.read_text(encoding="utf-8")))


def persona(name: str) -> Profile:
    return profile_from_data(json.loads((PROFILES / f"{name}.json").read_text()))


def fits_by_slug(recommendation):
    return {fit.slug: fit for fit in recommendation.fits}


BASE = Profile(
    spoken_english="B1", written_english="B1", typing_wpm=20, education="12th"
)

VOICE = Role(
    slug="voice",
    title="Voice agent",
    category="call-centre",
    category_name="Call centre",
    sector="BPO",
    channel="voice",
    requirements=(
        Requirement("spoken", "spoken_english", must=True, level="B2"),
        Requirement("night", "shift", must=True, level="us_hours"),
        Requirement("typing", "typing_speed", must=False, weight=2, amount=25),
        Requirement(
            "crm",
            "skill",
            must=False,
            weight=2,
            level="basic",
            accepts=(Option("crm", "CRM tools"),),
        ),
    ),
)


# --- The rules, on literal roles -------------------------------------------------------


def test_all_must_haves_met_is_eligible_and_the_reasons_quote_the_answers():
    profile = replace(BASE, spoken_english="C1", shifts=frozenset({"us_hours"}))
    fit = score_role(VOICE, profile)
    assert fit.verdict == Verdict.ELIGIBLE
    assert "Your spoken English (C1) meets the B2 this role needs." in fit.met
    assert "you type 20" in " ".join(fit.missing)


def test_two_small_gaps_are_close_with_a_path_for_each():
    fit = score_role(VOICE, BASE)  # B1 spoken (one level short), no night shifts
    assert fit.verdict == Verdict.CLOSE
    assert fit.closest_path == (
        "Be available for US business hours (the night shift in India)",
        "Reach B2 spoken English",
    )


def test_one_small_gap_names_the_step_that_makes_the_role_eligible():
    fit = score_role(VOICE, replace(BASE, shifts=frozenset({"us_hours"})))
    assert fit.verdict == Verdict.CLOSE
    assert fit.closest_path == (
        "Reach B2 spoken English: makes Voice agent eligible now.",
    )


def test_a_big_gap_is_not_yet():
    fit = score_role(
        VOICE, replace(BASE, spoken_english="A2", shifts=frozenset({"us_hours"}))
    )
    assert fit.verdict == Verdict.NOT_YET  # two CEFR levels is not a small step


def test_fit_score_weighs_nice_to_haves_and_preferences():
    profile = replace(BASE, spoken_english="C1", shifts=frozenset({"us_hours"}))
    # typing 20 < 25 is a small gap (half credit), no CRM: basic is a small step (half).
    assert score_role(VOICE, profile).score == round(100 * (0.8 * 0.5 + 0.2 * 1.0))
    skilled = replace(profile, typing_wpm=40, skills=(("crm", "basic"),))
    assert score_role(VOICE, skilled).score == 100
    dislikes = replace(
        skilled, preferences=Preferences("judgement", "back_office", "deep")
    )
    assert score_role(VOICE, dislikes).score == 80


def test_certificate_gap_is_small_but_a_degree_gap_is_not():
    coder = Role(
        "coder",
        "Medical coder",
        "healthcare",
        "Healthcare",
        "BPO",
        "non_voice",
        (
            Requirement(
                "cert",
                "qualification",
                must=True,
                accepts=(Option("cpc", "CPC", quick=True),),
            ),
        ),
    )
    lawyer = Role(
        "lpo",
        "LPO associate",
        "legal",
        "Legal",
        "KPO",
        "non_voice",
        (
            Requirement(
                "llb", "qualification", must=True, accepts=(Option("llb", "LLB"),)
            ),
        ),
    )
    assert score_role(coder, BASE).verdict == Verdict.CLOSE
    assert score_role(coder, BASE).closest_path == (
        "Get CPC: makes Medical coder eligible now.",
    )
    assert score_role(lawyer, BASE).verdict == Verdict.NOT_YET


def test_results_do_not_depend_on_input_order(catalogue):
    profile = persona("fast-typist-weak-speaker")
    expected = recommend(catalogue, profile)
    shuffled = list(catalogue)
    random.Random(7).shuffle(shuffled)
    shuffled = [
        replace(role, requirements=tuple(reversed(role.requirements)))
        for role in shuffled
    ]
    assert recommend(shuffled, profile) == expected


def test_profile_data_defaults_and_home_setup():
    profile = profile_from_data(
        {
            "spoken_english": "B1",
            "written_english": "B1",
            "typing_wpm": 20,
            "education": "12th",
            "work_from_home": {"internet": True, "power_backup": True},
        }
    )
    assert not profile.work_from_home  # all three are needed
    assert profile.preferences == Preferences()
    assert profile.shifts == frozenset()


# --- Personas on the real catalogue ---------------------------------------------------


def test_fluent_speaker_with_12th_and_night_shifts_can_do_voice_support(catalogue):
    result = recommend(catalogue, persona("fluent-speaker-12th-nights"))
    fits = fits_by_slug(result)
    assert fits["voice-customer-support-associate"].verdict == Verdict.ELIGIBLE
    assert fits["outbound-sales-associate"].verdict == Verdict.ELIGIBLE
    assert result.sectors["BPO"] > result.sectors["KPO"]
    assert result.summary.startswith("BPO fits you better today")


def test_weak_speaker_fast_typist_gets_data_entry_or_chat_not_voice(catalogue):
    fits = fits_by_slug(recommend(catalogue, persona("fast-typist-weak-speaker")))
    assert fits["data-entry-operator"].verdict == Verdict.ELIGIBLE
    assert fits["chat-email-support-associate"].verdict == Verdict.ELIGIBLE
    assert fits["voice-customer-support-associate"].verdict == Verdict.NOT_YET
    assert any(
        "B2 spoken English; you said A2" in m
        for m in fits["voice-customer-support-associate"].missing
    )


def test_law_graduate_with_strong_writing_fits_legal_process_outsourcing(catalogue):
    result = recommend(catalogue, persona("law-graduate"))
    fits = fits_by_slug(result)
    assert fits["lpo-legal-research-associate"].verdict == Verdict.ELIGIBLE
    assert fits["contract-review-associate"].verdict == Verdict.ELIGIBLE
    assert result.fits[0].category == "legal-process"
    assert result.sectors["KPO"] > result.sectors["BPO"]


def test_ca_or_cfa_candidate_fits_investment_research(catalogue):
    result = recommend(catalogue, persona("ca-cfa-candidate"))
    fits = fits_by_slug(result)
    assert fits["equity-research-associate"].verdict == Verdict.ELIGIBLE
    assert fits["credit-research-analyst"].verdict == Verdict.ELIGIBLE
    assert "You hold CFA Level I cleared." in fits["equity-research-associate"].met


def test_statistics_graduate_with_python_and_sql_fits_data_analysis(catalogue):
    result = recommend(catalogue, persona("statistics-graduate"))
    fits = fits_by_slug(result)
    assert fits["data-analyst"].verdict == Verdict.ELIGIBLE
    assert result.fits[0].slug == "data-analyst"


def test_no_qualifications_and_a2_english_gets_nothing_yet_but_a_concrete_path(
    catalogue,
):
    result = recommend(catalogue, persona("beginner-a2-english"))
    assert not [f for f in result.fits if f.verdict == Verdict.ELIGIBLE]
    assert result.paths, "there must be a closest path"
    assert result.paths[0].text.startswith(
        ("Reach", "Type", "Complete", "Be available")
    )
    assert "Start with this:" in result.summary
    for fit in result.fits:
        assert fit.closest_path, fit.slug


def test_chart_puts_candidate_and_role_levels_on_one_scale():
    from careers.charts import MARK_RADIUS, profile_chart

    profile = replace(BASE, spoken_english="B2", typing_wpm=30)
    rows = profile_chart(profile, [VOICE, replace(VOICE, slug="v2", title="Other")])
    spoken = rows[0]
    assert (spoken.label, spoken.you_text, spoken.you_share) == (
        "Spoken English",
        "B2",
        4 / 6,
    )
    first, second = spoken.marks
    assert (first.text, first.share) == ("B2", 4 / 6)
    assert first.x == second.x
    assert first.label_x != second.label_x  # the numbers never overlap
    assert rows[2].marks[0].text == "25 wpm"
    # Three roles asking the same: three numbers in circles that do not touch ("123"
    # was what people read when they sat 10 units apart).
    three = profile_chart(
        profile, [VOICE, replace(VOICE, slug="v2"), replace(VOICE, slug="v3")]
    )
    xs = sorted(mark.label_x for mark in three[0].marks)
    assert min(b - a for a, b in zip(xs, xs[1:], strict=False)) >= 2 * MARK_RADIUS
    assert rows[3].marks == (None, None)  # the role does not ask for an education level


# --- Checks kept between candidates --------------------------------------------------------

ROLES = tuple(scoring_roles(json.loads(FIXTURE_PATH.read_text(encoding="utf-8"))))
REQUIREMENTS = sorted(
    {req for role in ROLES for req in role.requirements}, key=lambda r: (r.kind, r.code)
)


def accepted(kind: str, extra: str) -> list[str]:
    codes = {o.code for r in REQUIREMENTS if r.kind == kind for o in r.accepts}
    return sorted(codes | {extra})


def some(values: list[str], size: int = 4) -> st.SearchStrategy:
    return st.lists(st.sampled_from(values), max_size=size, unique=True)


LEVEL = st.sampled_from(CEFR_LEVELS)
PROFILES_ANY = st.builds(
    Profile,
    spoken_english=LEVEL,
    written_english=LEVEL,
    typing_wpm=st.integers(0, 120),
    education=st.sampled_from(EDUCATION_LEVELS),
    field_of_study=st.sampled_from(["", "other", *accepted("field_of_study", "law")]),
    other_languages=some(accepted("other_language", "hindi"), 2).flatmap(
        lambda codes: st.tuples(*(st.tuples(st.just(c), LEVEL) for c in sorted(codes)))
    ),
    qualifications=some(accepted("qualification", "unknown")).map(frozenset),
    skills=some(accepted("skill", "typing")).flatmap(
        lambda codes: st.tuples(
            *(
                st.tuples(st.just(c), st.sampled_from(SKILL_LEVELS[1:]))
                for c in sorted(codes)
            )
        )
    ),
    experience_years=st.integers(0, 6),
    experience_domains=some(accepted("experience_years", "retail"), 2).map(frozenset),
    shifts=some(["day", "uk_hours", "us_hours", "rotational"]).map(frozenset),
    work_from_home=st.booleans(),
    has_portfolio=st.booleans(),
    preferences=st.builds(
        Preferences,
        st.sampled_from(["rules", "judgement", "either"]),
        st.sampled_from(["customers", "back_office", "either"]),
        st.sampled_from(["volume", "deep", "either"]),
    ),
)


@settings(max_examples=150, deadline=None)
@given(profile=PROFILES_ANY)
def test_results_do_not_depend_on_the_order_of_roles(profile):
    assert recommend(ROLES, profile) == recommend(ROLES[::-1], profile)


VERDICT_RANK = {Verdict.ELIGIBLE: 0, Verdict.CLOSE: 1, Verdict.NOT_YET: 2}


@settings(max_examples=150, deadline=None)
@given(profile=PROFILES_ANY)
def test_taking_a_suggested_step_never_makes_a_verdict_worse(profile):
    for role in ROLES:
        before = score_role(role, profile)
        for check in before.checks:
            if check.met:
                continue
            after = score_role(role, apply_step(profile, check.step))
            assert VERDICT_RANK[after.verdict] <= VERDICT_RANK[before.verdict], (
                role.slug,
                check.step.text,
            )
            assert check.code in {c.code for c in after.checks if c.met}, check.step
