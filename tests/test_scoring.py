"""The scoring engine's advice: named personas read as a counsellor would, the rules on
literal roles (properties over generated profiles: test_scoring_properties.py)."""

import json
from dataclasses import replace
from pathlib import Path

from careers.scoring import (
    Catalogue,
    Effort,
    Option,
    Preferences,
    Profile,
    Requirement,
    Role,
    Verdict,
    profile_from_data,
    recommend,
    score_role,
)
from careers.scoring.text import english
from tests.helpers import by_slug

PROFILES = Path(__file__).resolve().parent.parent / "fixtures" / "profiles"


def advise(catalogue: Catalogue, name: str):
    data = json.loads((PROFILES / f"{name}.json").read_text(encoding="utf-8"))
    return recommend(catalogue, profile_from_data(data))


def slugs(result, verdict=None, top=None) -> list[str]:
    fits = [f for f in result.fits if verdict is None or f.verdict == verdict]
    return [f.role.slug for f in fits[:top]]


def every_step_text(result) -> list[str]:
    texts = [english(step.text) for fit in result.fits for step in fit.plan]
    return (
        texts
        + [english(s.text) for p in result.paths for s in p.steps]
        + [english(result.summary)]
    )


def next_steps(result) -> list[str]:
    return [english(p.sentence) for p in result.paths] + [english(result.summary)]


# --- Personas: what a counsellor would tell them -----------------------------------------


def test_tenth_pass_hindi_speaker_can_start_telecalling_and_is_told_how_far_the_rest_is(
    catalogue,
):
    result = advise(catalogue, "tenth-pass-hindi-speaker")
    # Indian employers hire domestic telecallers at the 10th (issue 32): open today.
    assert slugs(result, Verdict.ELIGIBLE) == ["domestic-telecaller"]
    assert english(result.summary).startswith("BPO fits you best today")
    later = result.fits[1]
    assert later.role.sector == "BPO"
    assert later.verdict == Verdict.NOT_YET
    assert english(later.distance.text) == "about 1–2 years"
    assert any("12th" in english(step.text) for step in later.plan)
    assert all(f.role.sector == "BPO" for f in result.fits[:3])
    assert "statistical-analyst" not in slugs(result, top=10)
    # Day shifts only: night and rotational work is apart, never a step.
    fits = by_slug(result)
    assert fits["voice-customer-support-associate"].verdict == Verdict.DOES_NOT_FIT
    assert not any("US business hours" in text for text in every_step_text(result))


def test_tenth_pass_with_a2_english_sees_distances_not_fit_scores(catalogue):
    result = advise(catalogue, "tenth-pass-a2-english")
    assert slugs(result, Verdict.ELIGIBLE) == ["domestic-telecaller"]
    # Nothing in her background is used by any role: nearest first, and the first
    # next step opens the nearest role.
    assert not any(f.relevance for f in result.fits)
    later = [f for f in result.fits if f.verdict == Verdict.NOT_YET]
    distances = [f.distance.low for f in later]
    assert distances == sorted(distances)
    assert result.paths
    assert result.paths[0].effort == later[0].distance


def test_fluent_twelfth_pass_who_works_nights_can_apply_for_voice_support(catalogue):
    result = advise(catalogue, "twelfth-arts-fluent-night-speaker")
    assert "voice-customer-support-associate" in slugs(result, Verdict.ELIGIBLE, 3)
    assert english(result.summary).startswith("BPO fits you best today")


def test_twelfth_commerce_student_gets_accounts_work_first_and_no_night_steps(
    catalogue,
):
    result = advise(catalogue, "twelfth-commerce-day-only")
    first = result.fits[0]
    assert (first.role.slug, first.verdict) == (
        "accounts-payable-associate",
        Verdict.ELIGIBLE,
    )
    assert any("12th commerce stream" in english(c.reason) for c in first.checks)
    # Her stream is the background: no next step sends her back for a commerce degree.
    assert not any("commerce" in t.lower() for t in next_steps(result))
    fits = by_slug(result)
    assert fits["voice-customer-support-associate"].verdict == Verdict.DOES_NOT_FIT
    assert not any("US business hours" in text for text in every_step_text(result))


def test_twelfth_science_student_with_b1_writing_is_close_to_chat_support(catalogue):
    fit = by_slug(advise(catalogue, "twelfth-science-chat-writer"))[
        "chat-email-support-associate"
    ]
    assert fit.verdict == Verdict.CLOSE
    assert [english(s.text) for s in fit.plan] == [
        "Reach B2 (can write clear replies to customers' emails and chats) in "
        "written English"
    ]
    assert english(fit.distance.text) == "about 3–6 months"


def test_fast_typist_with_weak_spoken_english_gets_back_office_not_voice(catalogue):
    result = advise(catalogue, "twelfth-vocational-fast-typist")
    eligible = slugs(result, Verdict.ELIGIBLE)
    assert {"chat-email-support-associate", "data-entry-operator"} & set(eligible[:3])
    assert "voice-customer-support-associate" not in eligible


def test_law_graduate_sees_legal_work_first_and_no_night_shift_advice(catalogue):
    result = advise(catalogue, "law-graduate-day-and-uk")
    assert {f.role.category for f in result.fits[:3]} == {"legal-process"}
    assert english(result.summary).startswith("KPO fits you best today")
    assert not any("US business hours" in text for text in every_step_text(result))
    assert not any("LLB" in text for text in next_steps(result))


def test_final_year_llb_student_is_months_from_legal_work_not_years(catalogue):
    fit = by_slug(advise(catalogue, "final-year-llb-student"))[
        "contract-review-associate"
    ]
    assert fit.verdict == Verdict.NOT_YET
    assert english(fit.distance.text) == "about 6 months"
    assert "on your way" in " ".join(english(c.reason) for c in fit.checks)


def test_bcom_with_ca_inter_group_1_fits_credit_research(catalogue):
    result = advise(catalogue, "bcom-ca-inter-group-1")
    # CA Inter on the way counts for the credit work it prepares for.
    assert result.fits[0].role.slug == "credit-research-analyst"


def test_cfa_level_1_candidate_leads_with_investment_research(catalogue):
    result = advise(catalogue, "bcom-cfa-level-1")
    assert {f.role.category for f in result.fits[:2]} == {"investment-research"}


def test_statistician_who_works_only_from_home_sees_home_roles_only(catalogue):
    result = advise(catalogue, "msc-statistician-home-only")
    assert result.fits[0].role.slug == "statistical-analyst"
    open_now = [f for f in result.fits if f.verdict == Verdict.ELIGIBLE]
    assert open_now
    assert all(f.role.setting == "home" for f in open_now)
    fits = by_slug(result)
    assert fits["market-research-analyst"].verdict == Verdict.DOES_NOT_FIT
    assert fits["online-tutor"].overqualified
    assert not any("LLB" in text for text in next_steps(result))


def test_statistics_graduate_leads_with_data_analysis(catalogue):
    result = advise(catalogue, "bsc-statistics-graduate")
    assert result.fits[0].role.slug == "data-analyst"


def test_english_graduate_with_writing_samples_leads_with_content_work(catalogue):
    result = advise(catalogue, "ba-english-writer")
    assert {f.role.category for f in result.fits[:3]} == {"content-development"}
    # Design work needs a design portfolio: writing samples do not count.
    designer = by_slug(result)["graphic-designer"]
    assert designer.verdict != Verdict.ELIGIBLE


def test_life_sciences_graduate_comes_into_medical_coding_as_a_trainee(catalogue):
    fit = by_slug(advise(catalogue, "bsc-life-sciences-graduate"))["medical-coder"]
    # Coding desks take life-science graduates as trainees; CPC is the other way in.
    assert fit.verdict == Verdict.ELIGIBLE
    way = next(c for c in fit.checks if c.kind == "way")
    assert "you meet this one" in english(way.reason)
    assert fit.relevance == 2  # her field, and her degree


def test_engineering_diploma_holder_can_apply_for_cad_drafting(catalogue):
    result = advise(catalogue, "engineering-diploma-drafter")
    assert slugs(result, top=1) == ["cad-drafter"]


def test_mba_sees_analyst_work_first_and_entry_roles_marked_over_qualified(catalogue):
    result = advise(catalogue, "mba-postgraduate-day-only")
    assert result.fits[0].role.slug == "business-research-analyst"
    fits = by_slug(result)
    assert fits["accounts-payable-associate"].overqualified
    assert not fits["business-research-analyst"].overqualified


def test_twelfth_pass_fluent_in_hindi_with_a2_english_can_apply_for_domestic_work(
    catalogue,
):
    result = advise(catalogue, "twelfth-fluent-hindi-a2-english")
    assert result.fits[0].role.slug.startswith("domestic-")
    assert result.fits[0].verdict == Verdict.ELIGIBLE
    assert english(result.summary).startswith("BPO fits you best today")


def test_filipino_with_some_college_and_b1_english_starts_in_local_accounts(catalogue):
    result = advise(catalogue, "filipino-college-level-b1-english")
    first = result.fits[0]
    assert (first.role.slug, first.verdict) == (
        "philippine-local-accounts-agent",
        Verdict.ELIGIBLE,
    )
    fits = by_slug(result)
    # College begun counts as the 12th (senior high) that most voice work asks for...
    voice = fits["voice-customer-support-associate"]
    assert voice.verdict == Verdict.CLOSE
    assert [english(s.text) for s in voice.plan] == [
        "Reach B2 (can handle a customer's complaint on the phone) in spoken English"
    ]
    # ...and never as a degree.
    assert fits["business-research-analyst"].verdict == Verdict.NOT_YET


def test_french_graduate_sees_the_foreign_language_roles_first(catalogue):
    result = advise(catalogue, "ba-french-literature-c1")
    first = result.fits[0]
    assert (first.role.slug, first.verdict) == (
        "foreign-language-support-associate",
        Verdict.ELIGIBLE,
    )


def test_the_language_roles_change_nothing_for_someone_who_gave_no_other_language(
    catalogue,
):
    language_roles = {
        one.slug
        for one in catalogue.roles
        if any(r.kind == "other_language" and r.must for r in one.requirements)
    }
    assert len(language_roles) >= 7
    without = replace(
        catalogue,
        roles=tuple(r for r in catalogue.roles if r.slug not in language_roles),
    )
    for path in PROFILES.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("other_languages"):
            continue
        profile = profile_from_data(data)
        within_reach = (Verdict.ELIGIBLE, Verdict.CLOSE)
        full = [
            f.role.slug
            for f in recommend(catalogue, profile).fits
            if f.verdict in within_reach
        ]
        less = [
            f.role.slug
            for f in recommend(without, profile).fits
            if f.verdict in within_reach
        ]
        assert full == less, path.stem


def test_every_persona_file_is_advised_here():
    tested = {
        "tenth-pass-hindi-speaker", "tenth-pass-a2-english",
        "twelfth-arts-fluent-night-speaker", "twelfth-commerce-day-only",
        "twelfth-science-chat-writer", "twelfth-vocational-fast-typist",
        "law-graduate-day-and-uk", "final-year-llb-student", "bcom-ca-inter-group-1",
        "bcom-cfa-level-1", "msc-statistician-home-only", "bsc-statistics-graduate",
        "ba-english-writer", "bsc-life-sciences-graduate",
        "engineering-diploma-drafter", "mba-postgraduate-day-only",
        "twelfth-fluent-hindi-a2-english", "ba-french-literature-c1",
        "filipino-college-level-b1-english",
    }  # fmt: skip
    assert {p.stem for p in PROFILES.glob("*.json")} == tested


# --- The rules, on literal roles ----------------------------------------------------------

BASE = Profile(
    spoken_english="B1", written_english="B1", typing_wpm=20, education="12th"
)


def role(*requirements: Requirement, **fields) -> Role:
    return Role(
        slug=fields.get("slug", "r"),
        title=fields.get("title", "Role"),
        category="c",
        category_name="C",
        sector=fields.get("sector", "BPO"),
        channel="voice",
        requirements=requirements,
        setting=fields.get("setting", "office"),
    )


def score(catalogue: Catalogue, one: Role, profile: Profile):
    return score_role(one, profile, catalogue.efforts)


def test_one_cefr_level_is_close_and_two_are_not(catalogue):
    spoken = role(Requirement("s", "spoken_english", must=True, level="B2"))
    assert score(catalogue, spoken, BASE).verdict == Verdict.CLOSE
    far = score(catalogue, spoken, replace(BASE, spoken_english="A2"))
    assert far.verdict == Verdict.NOT_YET
    assert english(far.distance.text) == "about 6–12 months"


def test_the_fit_share_counts_only_what_helps_and_is_absent_with_nothing_to_measure(
    catalogue,
):
    must_only = role(Requirement("s", "spoken_english", must=True, level="B1"))
    assert score(catalogue, must_only, BASE).fit is None
    helps = role(
        Requirement("s", "spoken_english", must=True, level="B1"),
        Requirement("t", "typing_speed", must=False, weight=1, amount=10),
        Requirement("w", "written_english", must=False, weight=3, level="C1"),
    )
    assert score(catalogue, helps, BASE).fit == 25
    assert score(catalogue, helps, BASE).count(must=True) == (1, 1)


def test_a_refused_shift_makes_the_role_apart_and_is_never_a_step(catalogue):
    night = role(
        Requirement("s", "spoken_english", must=True, level="B2"),
        Requirement("n", "shift", must=True, accepts=(Option("us_hours", "US"),)),
    )
    fit = score(catalogue, night, replace(BASE, shifts=frozenset({"day"})))
    assert fit.verdict == Verdict.DOES_NOT_FIT
    assert fit.plan == ()
    assert fit.distance is None
    nice = role(
        Requirement("n", "shift", must=False, accepts=(Option("us_hours", "US"),))
    )
    fit = score(catalogue, nice, replace(BASE, shifts=frozenset({"day"})))
    assert fit.verdict == Verdict.ELIGIBLE
    assert all(c.step is None for c in fit.checks)


def test_where_you_can_work_is_a_constraint(catalogue):
    office, city = role(), role(setting="city")
    home_only = replace(BASE, commute="remote_only")
    assert score(catalogue, office, home_only).verdict == Verdict.DOES_NOT_FIT
    assert score(catalogue, role(setting="home"), home_only).verdict == Verdict.ELIGIBLE
    stays = replace(BASE, commute="office")
    assert score(catalogue, city, stays).verdict == Verdict.DOES_NOT_FIT
    assert score(catalogue, city, replace(stays, near_city=True)).verdict == (
        Verdict.ELIGIBLE
    )
    assert score(catalogue, city, replace(BASE, commute="relocate")).verdict == (
        Verdict.ELIGIBLE
    )


def test_a_missing_level_and_a_missing_degree_are_one_line_and_one_step(catalogue):
    law = role(
        Requirement("edu", "education_level", must=True, level="bachelor"),
        Requirement(
            "llb",
            "qualification",
            must=True,
            accepts=(Option("llb", "LLB", effort=Effort(156, 260), level="bachelor"),),
        ),
    )
    fit = score(catalogue, law, replace(BASE, education="10th"))
    assert [c.code for c in fit.checks] == ["llb"]
    assert "you have 10th standard" in english(fit.checks[0].reason)
    assert len(fit.plan) == 1
    assert fit.distance.low >= 156


def test_a_qualification_in_progress_counts_for_the_time_left(catalogue):
    cpc = Option("cpc", "CPC", effort=Effort(17, 26), stages=(("course", "Course", 9),))
    coder = role(Requirement("q", "qualification", must=True, accepts=(cpc,)))
    assert score(catalogue, coder, BASE).verdict == Verdict.NOT_YET
    started = replace(BASE, in_progress=(("cpc", "course"),))
    assert score(catalogue, coder, started).verdict == Verdict.CLOSE
    assert english(score(catalogue, coder, started).distance.text) == "about 2 months"


def test_the_twelfth_stream_is_a_background_for_school_level_work_only(catalogue):
    field = Requirement(
        "f", "field_of_study", must=True, accepts=(Option("commerce", "Commerce"),)
    )
    school = role(field, Requirement("e", "education_level", must=True, level="12th"))
    degree = role(
        field, Requirement("e", "education_level", must=True, level="bachelor")
    )
    commerce = replace(BASE, stream="commerce")
    assert score(catalogue, school, commerce).verdict == Verdict.ELIGIBLE
    assert score(catalogue, degree, commerce).verdict == Verdict.NOT_YET


def test_portfolios_count_by_kind(catalogue):
    design = role(
        Requirement("p", "portfolio", must=True, accepts=(Option("design", "Design"),))
    )
    writer = replace(BASE, portfolios=frozenset({"writing"}))
    assert score(catalogue, design, writer).verdict != Verdict.ELIGIBLE
    assert (
        score(
            catalogue, design, replace(writer, portfolios=frozenset({"design"}))
        ).verdict
        == Verdict.ELIGIBLE
    )


def test_durations_read_in_the_unit_a_person_would_use():
    assert english(Effort(2, 4).text) == "about 2–4 weeks"
    assert english(Effort(13, 26).text) == "about 3–6 months"
    assert english(Effort(156, 156).text) == "about 3 years"
    assert english(Effort(1, 1).text) == "about 1 week"


def test_profile_data_defaults():
    profile = profile_from_data(
        {
            "spoken_english": "B1",
            "written_english": "B1",
            "typing_wpm": 20,
            "education": "12th",
            "work_from_home": {"internet": True, "power_backup": True},
        }
    )
    assert profile.work_from_home is False  # a quiet place is missing
    assert profile.home_setup == {"internet", "power_backup"}
    assert (profile.commute, profile.preferences) == ("office", Preferences())
