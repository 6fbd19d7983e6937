"""Changing an earlier answer takes out the later answers that no longer fit it, says
so on their step, and nothing that does not fit is ever scored."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from hypothesis import strategies as st
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from careers.assessments.forms import STEPS, build_form, refit
from careers.assessments.forms.quiz import get_step_by_slug
from careers.choices import EducationLevel
from careers.models import Assessment, Qualification, Result
from tests.helpers import (
    ANSWERS,
    HTMX,
    LAW_GRADUATE,
    NOTICE,
    TENTH,
    english_left,
    finished_law_graduate,
    start,
    step_url,
)

pytestmark = pytest.mark.django_db

LLB_NAME = "LLB (Bachelor of Laws, 3- or 5-year)"
WHY = (
    "You changed your answer on step 2, “Education”. These do not go with your new "
    "answer there, so we took them out:"
)
WHAT_NEXT = "Check this page, then tap “Save and continue”."


def result_url(token: str) -> str:
    return reverse("careers:result_detail", args=[token])


def test_lowering_education_takes_out_a_degree_and_the_quiz_walks_back_there(client):
    token = finished_law_graduate(
        client, {"qualifications": ["llb"], "portfolios": ["writing"]}
    )
    response = client.post(step_url(token, 2), TENTH)
    assertRedirects(response, step_url(token, 3), fetch_redirect_response=False)
    assessment = Assessment.objects.get(token=token)
    assert "qualifications" not in assessment.answers  # nothing valid left
    assert assessment.dropped["qualifications"]["fields"] == {"qualifications": ["llb"]}

    page = client.get(step_url(token, 3))
    assertContains(page, NOTICE)
    assertContains(page, WHY)
    # The answer alone, not the question it answered.
    assertContains(page, f"<li><strong>{LLB_NAME}</strong></li>")
    assertContains(page, WHAT_NEXT)
    # What still fits is still ticked; LLB is not even offered to a 10th pass.
    assertContains(page, 'value="writing" id="id_portfolios_0" checked')
    assertNotContains(page, 'value="llb"')

    # Finishing skips nothing: step 3 must be answered again first.
    refused = client.post(step_url(token, 7), ANSWERS[7])
    assertContains(refused, "Please answer step 3", status_code=400)
    assert Result.objects.get(assessment__token=token).profile["education"] == (
        "bachelor"
    )
    assertContains(client.get(result_url(token)), "You changed answers since")
    # "Continue where you left off" leads there too.
    assertContains(client.get(reverse("careers:quiz_start")), step_url(token, 3))

    client.post(step_url(token, 3), {"none": "on", "portfolios": ["writing"]})
    assertNotContains(client.get(step_url(token, 3)), NOTICE)
    client.post(step_url(token, 7), ANSWERS[7])
    profile = Result.objects.get(assessment__token=token).profile
    assert (profile["education"], profile["qualifications"]) == ("10th", [])
    assert profile["portfolios"] == ["writing"]


def test_what_still_fits_is_kept_and_scored_without_what_did_not(client):
    # CCNA needs no degree: it survives the change, and the step stays answered.
    token = finished_law_graduate(client, {"qualifications": ["ccna", "llb"]})
    client.post(step_url(token, 2), TENTH)
    assessment = Assessment.objects.get(token=token)
    assert assessment.answers["qualifications"]["profile"]["qualifications"] == ["ccna"]
    page = client.get(step_url(token, 3))
    assertContains(page, NOTICE)
    assertContains(page, f"<strong>{LLB_NAME}</strong>")
    assertContains(page, 'value="ccna" id="id_qualifications_')
    # Straight to the end without looking at step 3: what is scored fits.
    client.post(step_url(token, 7), ANSWERS[7])
    profile = Result.objects.get(assessment__token=token).profile
    assert (profile["education"], profile["qualifications"]) == ("10th", ["ccna"])


def test_with_htmx_the_next_step_swapped_in_says_what_was_taken_out(client):
    token = finished_law_graduate(client, {"qualifications": ["llb"]})
    response = client.post(step_url(token, 2), TENTH, **HTMX)
    assert response.status_code == 200
    assert response["HX-Push-Url"] == step_url(token, 3)
    assertContains(response, "Step 3 of 7")
    assertContains(response, NOTICE)
    assertContains(response, f"<strong>{LLB_NAME}</strong>")
    assertNotContains(response, "<html")


def test_an_unchanged_or_compatible_answer_takes_nothing_out(client):
    token = finished_law_graduate(client, {"qualifications": ["llb"]})
    # A master's still allows a bachelor's degree.
    client.post(step_url(token, 2), {"education": "master", "field_of_study": "law"})
    assessment = Assessment.objects.get(token=token)
    assert assessment.answers["qualifications"]["profile"]["qualifications"] == ["llb"]
    assert assessment.dropped == {}
    assertNotContains(client.get(step_url(token, 3)), NOTICE)


def ticked(page, value: str) -> bool:
    return bool(
        re.search(rf'value="{value}" id="id_qualifications_[0-9_]+" checked', page.text)
    )


@pytest.mark.parametrize("htmx", [{}, HTMX], ids=["no-js", "htmx"])
def test_a_change_taken_back_puts_the_answers_back_ticked(client, htmx):
    # One wrong tap on step 2 and its correction lose nothing.
    token = finished_law_graduate(client, {"qualifications": ["llb", "ccna"]})
    client.post(step_url(token, 2), TENTH, **htmx)
    assertContains(client.get(step_url(token, 3), **htmx), NOTICE)
    # Back, the law degree again, save.
    assertContains(client.get(step_url(token, 2), **htmx), "Step 2 of 7")
    response = client.post(step_url(token, 2), LAW_GRADUATE, **htmx)
    if htmx:
        assert response["HX-Push-Url"] == step_url(token, 3)
        page = response
    else:
        assertRedirects(response, step_url(token, 3), fetch_redirect_response=False)
        page = client.get(step_url(token, 3))
    assertContains(page, "Step 3 of 7")
    assertNotContains(page, NOTICE)
    assert ticked(page, "llb")
    assert ticked(page, "ccna")
    assessment = Assessment.objects.get(token=token)
    assert assessment.dropped == {}
    assert sorted(assessment.answers["qualifications"]["form"]["qualifications"]) == [
        "ccna",
        "llb",
    ]


def test_a_step_emptied_by_a_change_is_answered_again_when_the_change_is_undone(client):
    token = finished_law_graduate(client, {"qualifications": ["llb"]})
    client.post(step_url(token, 2), TENTH)
    assert "qualifications" not in Assessment.objects.get(token=token).answers
    client.post(step_url(token, 2), LAW_GRADUATE)
    page = client.get(step_url(token, 3))
    assertNotContains(page, NOTICE)
    assert ticked(page, "llb")
    # Nothing is left to answer again: straight to the result, scored with the LLB.
    assertRedirects(
        client.post(step_url(token, 7), ANSWERS[7]),
        result_url(token),
        fetch_redirect_response=False,
    )
    profile = Result.objects.get(assessment__token=token).profile
    assert (profile["education"], profile["qualifications"]) == ("bachelor", ["llb"])


def test_only_what_fits_again_is_put_back_and_the_rest_still_said(client):
    master = {"education": "master", "field_of_study": "law"}
    token = finished_law_graduate(client, {"qualifications": ["llb", "llm"]}, master)
    client.post(step_url(token, 2), TENTH)
    client.post(step_url(token, 2), {"education": "12th", "stream": "arts"})
    # Still too low for either: both still out, said once each.
    page = client.get(step_url(token, 3))
    assertContains(page, f"<li><strong>{LLB_NAME}</strong></li>", count=1)
    assertContains(page, "<li><strong>LLM (Master of Laws)</strong></li>", count=1)
    client.post(step_url(token, 2), LAW_GRADUATE)
    page = client.get(step_url(token, 3))
    assert ticked(page, "llb")
    assertContains(page, WHY)
    assertNotContains(page, f"<li><strong>{LLB_NAME}</strong></li>")
    assertContains(page, "<li><strong>LLM (Master of Laws)</strong></li>")
    assessment = Assessment.objects.get(token=token)
    assert assessment.answers["qualifications"]["form"]["qualifications"] == ["llb"]
    assert assessment.dropped["qualifications"]["fields"] == {"qualifications": ["llm"]}
    # Saving the step is the candidate's answer: nothing is put back after that.
    client.post(step_url(token, 3), {"qualifications": ["llb"]})
    client.post(step_url(token, 2), master)
    assessment = Assessment.objects.get(token=token)
    assert assessment.answers["qualifications"]["form"]["qualifications"] == ["llb"]
    assert assessment.dropped == {}


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "hi",
            [
                "हमने इस पेज से कुछ जवाब हटा दिए हैं।",
                "आपने चरण 2, “पढ़ाई” में अपना जवाब बदला है।",
                "इसलिए हमने इन्हें हटा दिया:",
                "<li><strong>LLB (बैचलर ऑफ़ लॉज़, 3 या 5 साल)</strong></li>",
                "यह पेज एक बार देख लीजिए, फिर “सेव करके आगे बढ़िए” दबाइए।",
            ],
        ),
        (
            "fil",
            [
                "May ilang sagot kaming tinanggal sa page na ito.",
                "Binago mo ang sagot mo sa hakbang 2, “Pinag-aralan”.",
                "kaya tinanggal namin:",
                "<li><strong>LLB",
                "Tingnan ulit ang page na ito, tapos pindutin ang “I-save at ituloy”.",
            ],
        ),
    ],
)
def test_the_step_says_it_in_the_readers_language(client, language, words):
    token = finished_law_graduate(client, {"qualifications": ["llb"]})
    client.post(step_url(token, 2), TENTH)
    with translation.override(language):
        page = client.get(step_url(token, 3))
    for text in words:
        assertContains(page, text)
    assert english_left(page.text, language) == []


def test_a_tab_saving_on_answers_changed_since_it_read_them_keeps_only_what_fits(
    client,
):
    # The other tab lowered the education after this one read the answers (and built
    # its form offering LLB); the check under the row lock sees the answers as stored.
    token = finished_law_graduate(client, {"none": "on"})
    stale_tab = Assessment.objects.get(token=token)
    Client().post(step_url(token, 2), TENTH)
    offered = build_form(
        STEPS[2], data={"qualifications": ["llb"]}, profile=LAW_GRADUATE
    )
    assert offered.is_valid()
    answers = {"form": offered.cleaned_data, "profile": offered.to_profile()}
    earlier = [step.slug for step in STEPS[:2]]
    assert stale_tab.answer("qualifications", answers, earlier, refit)
    stored = Assessment.objects.get(token=token)
    assert "qualifications" not in stored.answers
    assert stored.dropped["qualifications"]["fields"] == {"qualifications": ["llb"]}


# --- Any order of answers ----------------------------------------------------------------

EDUCATION = st.sampled_from(
    [
        TENTH,
        {"education": "12th", "stream": "commerce"},
        {"education": "some_college"},
        {"education": "diploma", "field_of_study": "engineering"},
        LAW_GRADUATE,
        {"education": "bachelor", "field_of_study": "commerce"},
        {"education": "master", "field_of_study": "commerce"},
        {"education": "doctorate", "field_of_study": "law"},
    ]
)


def qualification_answers(slugs: list[str]) -> st.SearchStrategy:
    held = st.lists(st.sampled_from(slugs), max_size=3, unique=True)
    return st.one_of(
        st.just({"none": "on"}),
        held.map(lambda chosen: {"qualifications": chosen}),
    )


def fits(profile: dict, levels: dict[str, str]) -> bool:
    rank = EducationLevel.values.index
    return all(
        not levels[slug] or rank(levels[slug]) <= rank(profile["education"])
        for slug in profile["qualifications"]
    )


@pytest.fixture
def no_rate_limits(settings):
    # Hundreds of answers from one address: rate limits are tested on their own.
    settings.RATELIMIT_ENABLE = False


@examples(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_order_of_answers_leaves_or_scores_answers_that_do_not_fit(
    no_rate_limits, data
):
    levels = dict(Qualification.objects.values_list("slug", "level"))
    degrees = ["llb", "llm", "bcom", "mcom", "diploma-engineering", "ccna", "ca"]
    client = Client()
    token = start(client)
    # The whole quiz as a law graduate with an LLB, then any steps again, any answers.
    moves = [(number, None) for number in range(1, 8)]
    moves += [(n, n) for n in data.draw(st.lists(st.integers(1, 7), max_size=14))]
    for number, again in moves:
        if again == 2:
            answers = data.draw(EDUCATION)
        elif again == 3:
            answers = data.draw(qualification_answers(degrees))
        else:
            answers = {2: LAW_GRADUATE, 3: {"qualifications": ["llb"]}}.get(
                number, ANSWERS[number]
            )
        htmx = HTMX if data.draw(st.booleans()) else {}
        client.post(step_url(token, number), answers, **htmx)
        assessment = Assessment.objects.get(token=token)
        profile = assessment.profile_data()
        for step in STEPS:
            saved = assessment.answers.get(step.slug)
            if saved is not None:
                form = build_form(step, data=saved["form"], profile=profile)
                assert form.is_valid(), (step.slug, form.errors, profile)
        # What a step says was taken out does not fit now (else it was put back).
        for slug, note in assessment.dropped.items():
            form = build_form(get_step_by_slug(slug), profile=profile)
            for name, values in note["fields"].items():
                assert values, (slug, note)
                assert not any(form.fields[name].valid_value(v) for v in values), note
        result = Result.objects.filter(assessment=assessment).first()
        if result is not None:
            assert fits(result.profile, levels), result.profile


def test_change_my_answers_lists_the_steps_and_the_review_links_each_answer(client):
    token = start(client)
    for number in range(1, 8):
        client.post(step_url(token, number), ANSWERS[number])
    page = client.get(result_url(token))
    steps = reverse("careers:quiz_steps", args=[token])
    assertContains(page, f'href="{steps}">Change my answers</a>')
    # "What you told us about work": each answer links to the step that asked it.
    conditions = get_step_by_slug("conditions").number
    review = page.text[page.text.index('id="told-title"') :]
    assert (
        f'href="{step_url(token, conditions)}">Change'
        '<span class="visually-hidden">: Shifts you can work</span>'
    ) in review
    assert f'href="{step_url(token, 1)}">Change' in review
    listing = client.get(steps)
    assert "noindex" in listing["X-Robots-Tag"]
    for step in STEPS:
        assertContains(listing, f'<a href="{step_url(token, step.number)}">')
    assertContains(listing, result_url(token))
    assert Client().get(reverse("careers:quiz_steps", args=["x" * 32])).status_code in (
        404,
        410,
    )


@pytest.mark.parametrize("headers", [{}, HTMX])
def test_after_changing_one_step_the_result_is_one_tap_away(client, headers):
    token = start(client)
    for number in range(1, 8):
        client.post(step_url(token, number), ANSWERS[number])
    conditions = get_step_by_slug("conditions").number
    step = client.get(step_url(token, conditions))
    assertContains(step, 'name="finish" value="1">Save and update my result</button>')
    changed = dict(ANSWERS[conditions], shifts=["day"], finish="1")
    response = client.post(step_url(token, conditions), changed, **headers)
    if headers:
        assert response["HX-Redirect"] == result_url(token)
    else:
        assertRedirects(response, result_url(token), fetch_redirect_response=False)
    assert Result.objects.get(assessment__token=token).profile["shifts"] == ["day"]
    assertNotContains(client.get(result_url(token)), "You changed answers since")


def test_save_and_update_goes_to_a_step_a_change_left_to_answer_again(client):
    token = finished_law_graduate(client, {"qualifications": ["llb"]})
    response = client.post(step_url(token, 2), dict(TENTH, finish="1"))
    assertRedirects(response, step_url(token, 3), fetch_redirect_response=False)
    assert Result.objects.get(assessment__token=token).profile["education"] == (
        "bachelor"
    )
    # A quiz answered for the first time has no result to update: no such button.
    fresh = start(client)
    assertNotContains(client.get(step_url(fresh, 1)), "Save and update my result")
