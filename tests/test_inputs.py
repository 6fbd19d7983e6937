"""The quiz asks what people are: the 12th stream, qualifications on the way, kinds of
work samples, unpaid work, where they can work and anything that affects it; answers
that contradict each other are refused; the result repeats the answers about work."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from careers.assessments.wording import in_words
from careers.catalogue.models import scoring_catalogue
from careers.models import Assessment
from careers.scoring import (
    FORMAT,
    profile_from_data,
    recommend,
    recommendation_data,
)
from tests.helpers import (
    ANSWERS,
    HTMX,
    answer_all,
    english_left,
    page_form,
    start,
    step_url,
)

pytestmark = pytest.mark.django_db


def post(client, token, number, **changes):
    return client.post(step_url(token, number), {**ANSWERS[number], **changes})


def result_of(token):
    """The stored result in English words, as the result page reads it."""
    return in_words(Assessment.objects.get(token=token).result.recommendation)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"education": "10th", "field_of_study": "law"}, "A field is for a diploma"),
        ({"education": "12th", "field_of_study": "law"}, "choose your stream"),
        ({"education": "12th", "stream": ""}, "Choose the stream you studied"),
        ({"education": "10th", "stream": "science"}, "clear the stream"),
        ({"education": "bachelor", "field_of_study": ""}, "Choose the field"),
    ],
)
def test_contradicting_education_answers_are_refused(client, answers, message):
    token = start(client)
    answer_all(client, token, upto=1)
    response = post(client, token, 2, **answers)
    assertContains(response, message, status_code=400)
    assert "education" not in Assessment.objects.get(token=token).answers


def test_qualifications_offered_fit_the_education_given_none_first(client):
    token = start(client)
    answer_all(client, token, upto=1)
    post(client, token, 2, education="12th", stream="commerce")
    page = client.get(step_url(token, 3))
    text = page.content.decode()
    assert text.index('name="none"') < text.index('name="qualifications"')
    assertNotContains(page, 'value="llb"')  # a degree above the 12th
    assertContains(page, 'value="cpc"')  # a certificate anyone can hold
    assertContains(page, "CA Intermediate group 1 cleared")  # a stage on the way
    refused = post(client, token, 3, qualifications=["llb"], none="")
    assertContains(refused, "Choose one of the options shown.", status_code=400)


def test_a_qualification_on_the_way_counts_for_the_time_left(client):
    token = start(client)
    answer_all(client, token, upto=2)
    post(client, token, 3, none="on", in_progress="llb:year-3")
    answer_all_from(client, token, 4, last=5)
    post(client, token, 6, commute="relocate")
    answer_all_from(client, token, 7)
    fits = {r["role"]: r for r in result_of(token)["recommendations"]}
    assert fits["contract-review-associate"]["distance"] == "about 6 months"
    done = post(
        client, token, 3, none="", qualifications=["cpc"], in_progress="cpc:course"
    )
    assertContains(done, "choose what you are still doing", status_code=400)


def test_writing_samples_open_writing_work_but_not_design(client):
    token = start(client)
    answer_all(client, token, upto=2)
    post(client, token, 3, portfolios=["writing"])
    answer_all_from(client, token, 4)
    # Every role's reasons, as `recommend` gives them (a stored result keeps only
    # those its page shows).
    profile = Assessment.objects.get(token=token).result.profile
    every = recommendation_data(
        recommend(scoring_catalogue(), profile_from_data(profile))
    )
    lines = {
        r["role"]: " ".join(line["text"] for line in r["lines"])
        for r in in_words(every)["recommendations"]
    }
    assert "You have writing samples to show" in lines["content-writer"]
    # No design role counts them as a design portfolio, by any of its ways in.
    assert not any("You have a design portfolio" in text for text in lines.values())


def test_skill_levels_say_what_they_mean_and_common_skills_come_first(client):
    token = start(client)
    answer_all(client, token, upto=3)
    page = client.get(step_url(token, 4)).content.decode()
    assert "Working: you use it on your own for everyday tasks" in page
    assert page.index("Most asked for") < page.index("More skills and tools")
    assert page.index('name="skill_excel"') < page.index("More skills and tools")


def test_a_refused_shift_is_never_a_step_and_its_roles_stand_apart(client):
    token = start(client)
    answer_all(client, token, upto=5)
    post(client, token, 6, shifts=["day"])
    answer_all_from(client, token, 7)
    data = result_of(token)
    voice = next(
        r
        for r in data["recommendations"]
        if r["role"] == "voice-customer-support-associate"
    )
    assert voice["verdict"] == "does_not_fit"
    everything = data["summary"] + " ".join(data["paths"])
    everything += " ".join(s for r in data["recommendations"] for s in r["plan"])
    assert "US business hours" not in everything
    page = client.get(f"/en/results/{token}/")
    assertContains(page, "Does not fit what you told us")
    assertContains(page, step_url(token, 6))  # where to change it


def test_living_near_a_big_city_opens_the_city_roles(client):
    token = start(client)
    answer_all(client, token, upto=5)
    post(client, token, 6, commute="office")
    answer_all_from(client, token, 7)
    far = {r["role"]: r["verdict"] for r in result_of(token)["recommendations"]}
    post(client, token, 6, commute="office", near_city="on")
    answer_all_from(client, token, 7)
    near = {r["role"]: r["verdict"] for r in result_of(token)["recommendations"]}
    assert far["market-research-analyst"] == "does_not_fit"
    assert near["market-research-analyst"] != "does_not_fit"


def answer_all_from(client, token, first, last=7):
    for number in range(first, last + 1):
        client.post(step_url(token, number), ANSWERS[number])


def test_a_result_stored_by_the_earlier_engine_is_scored_again_when_opened(client):
    token = start(client)
    answer_all(client, token)
    result = Assessment.objects.get(token=token).result
    old = {"summary": "BPO fits you better today", "sectors": {"BPO": 90, "KPO": 40}}
    old["recommendations"] = [{"role": "data-entry-operator", "score": 100}]
    type(result).objects.filter(pk=result.pk).update(recommendation=old)
    page = client.get(f"/en/results/{token}/")
    assertContains(page, "BPO fits you best today")
    result.refresh_from_db()
    assert result.recommendation["format"] == FORMAT


# --- Unpaid work and what affects the work you can do -------------------------------------

UNPAID = {"informal_kinds": ["shop_counter", "caring"], "informal_years": "3"}
NEEDS = {"needs": ["no_voice", "home_only"]}


def saved_profile(token: str, slug: str) -> dict:
    return Assessment.objects.get(token=token).answers[slug]["profile"]


@pytest.mark.parametrize("extra", [{}, HTMX], ids=["no-js", "htmx"])
def test_unpaid_work_is_saved_as_experience(client, extra):
    token = start(client)
    answer_all(client, token, upto=4)
    page = client.get(step_url(token, 5))
    assertContains(page, "<legend>Unpaid or informal work (optional)</legend>")
    assertContains(page, "<legend>Which of these have you done?</legend>")
    assertContains(
        page, "serving at a family shop counts as customer service experience"
    )
    response = client.post(step_url(token, 5), {**ANSWERS[5], **UNPAID}, **extra)
    assert response.status_code in (200, 302)
    assert saved_profile(token, "experience")["informal_work"] == {
        "kinds": ["caring", "shop_counter"],
        "years": 3,
    }
    # Back on the step, the answers are there to change.
    again = client.get(step_url(token, 5))
    assertContains(again, 'value="shop_counter" id="id_informal_kinds_0" checked')
    assertContains(again, 'value="3"')


def test_no_unpaid_work_leaves_the_profile_as_before(client):
    token = start(client)
    answer_all(client, token, upto=6)
    assert "informal_work" not in saved_profile(token, "experience")
    assert "needs" not in saved_profile(token, "conditions")


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (
            {"informal_years": "2"},
            "You gave years of unpaid work: tick the kinds of work they were, or "
            "clear the years.",
        ),
        (
            {"informal_kinds": ["home_tuition"]},
            "Enter about how many years you did the unpaid work you ticked (0 if it "
            "was less than a year).",
        ),
        (
            {"informal_kinds": ["home_tuition"], "informal_years": "51"},
            "Enter at most 50 years.",
        ),
    ],
    ids=["years-without-kind", "kind-without-years", "too-many-years"],
)
@pytest.mark.parametrize("extra", [{}, HTMX], ids=["no-js", "htmx"])
def test_unpaid_work_half_answered_is_refused_saying_what_is_missing(
    client, answers, message, extra
):
    token = start(client)
    answer_all(client, token, upto=4)
    response = client.post(step_url(token, 5), {**ANSWERS[5], **answers}, **extra)
    assertContains(response, message, status_code=400)
    assertContains(response, "autofocus", status_code=400)
    assert "experience" not in Assessment.objects.get(token=token).answers


def test_less_than_a_year_of_unpaid_work_is_zero_years(client):
    token = start(client)
    answer_all(client, token, upto=4)
    client.post(step_url(token, 5), {**ANSWERS[5], "informal_kinds": ["volunteering"],
                                     "informal_years": "0"})  # fmt: skip
    informal = saved_profile(token, "experience")["informal_work"]
    assert informal == {"kinds": ["volunteering"], "years": 0}


@pytest.mark.parametrize("extra", [{}, HTMX], ids=["no-js", "htmx"])
def test_the_conditions_step_asks_kindly_and_saves_needs(client, extra):
    token = start(client)
    answer_all(client, token, upto=5)
    page = client.get(step_url(token, 6))
    assertContains(
        page, "<legend>Anything that affects the work you can do? (optional)</legend>"
    )
    assertContains(
        page, "We do not share it with anyone. Leave it blank if you prefer."
    )
    assertContains(page, "I use a screen reader")
    # Needing to work from home beside "I can travel to an office" is no error: the
    # need counts (only work from home).
    response = client.post(step_url(token, 6), {**ANSWERS[6], **NEEDS}, **extra)
    assert response.status_code in (200, 302)
    saved = saved_profile(token, "conditions")
    assert saved["needs"] == ["home_only", "no_voice"]
    assert saved["commute"] == "office"
    again = client.get(step_url(token, 6))
    assertContains(again, 'value="no_voice" id="id_needs_0" checked')


def test_answers_saved_before_these_questions_still_show_and_finish(client):
    token = start(client)
    answer_all(client, token, upto=6)
    # Answers saved before the questions existed hold none of their fields.
    assessment = Assessment.objects.get(token=token)
    for slug, name in (
        ("experience", "informal_kinds"),
        ("experience", "informal_years"),
        ("conditions", "needs"),
    ):
        del assessment.answers[slug]["form"][name]
    assessment.save()
    for number, first in ((5, "id_informal_kinds_0"), (6, "id_needs_0")):
        page = client.get(step_url(token, number))
        assert page.status_code == 200
        assert f'id="{first}">' in page.text  # there, unticked
        # Sent again as the page shows them, they are saved as they were.
        assert client.post(step_url(token, number), page_form(client, step_url(
            token, number))).status_code == 302  # fmt: skip
    response = client.post(step_url(token, 7), ANSWERS[7])
    assertRedirects(
        response,
        reverse("careers:result_detail", args=[token]),
        fetch_redirect_response=False,
    )
    assertContains(client.get(response["Location"]), "You can apply now")


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "en",
            [
                "What you told us about work",
                "<dt>Unpaid or informal work</dt>",
                "about 3 years",
                "Serving at the counter of a family shop",
                "Caring for a sick, disabled or older person",
                "We count it as work experience.",
                "<dt>What affects your work</dt>",
                "phone or voice work (for example, I am deaf",
                "I can only work from home",
                "You told us you need to work from home, so we count only work from "
                "home.",
            ],
        ),
        (
            "hi",
            [
                "काम के बारे में आपने हमें क्या बताया",
                "लगभग 3 साल",
                "परिवार की दुकान के काउंटर पर ग्राहकों को संभालना",
                "हम इसे काम का अनुभव गिनते हैं।",
                "मैं फ़ोन या आवाज़ वाला काम नहीं कर सकता/सकती",
                "मैं सिर्फ़ घर से काम कर सकता/सकती हूँ",
                "आपने बताया कि आपको घर से ही काम करना है",
            ],
        ),
    ],
)
def test_the_result_repeats_unpaid_work_and_needs_in_the_readers_language(
    client, language, words
):
    token = start(client)
    answer_all(client, token, upto=4)
    post(client, token, 5, **UNPAID)
    post(client, token, 6, **NEEDS)
    answer_all_from(client, token, 7)
    with translation.override(language):
        page = client.get(reverse("careers:result_detail", args=[token]))
        change = reverse("careers:quiz_step", args=[token, 5])
    for said in words:
        assertContains(page, said)
    assertContains(page, f'<a href="{change}">')
    # An office the person could reach is not what the review says they chose.
    assertNotContains(page, "I can travel to an office in my city")
    if language != "en":
        assert english_left(page.text, language) == []


def test_a_result_without_unpaid_work_or_needs_leaves_their_lines_out(client):
    token = start(client)
    answer_all(client, token)
    page = client.get(reverse("careers:result_detail", args=[token]))
    assertContains(page, "<dt>Paid work</dt>")
    assertContains(page, "None yet")
    assertContains(page, "I can travel to an office in my city")
    # In the person's own time (the US clock moves by an hour in its summer).
    assert re.search(
        r"US business hours \(about [\d:]+ pm–[\d:]+ am in India\)", page.text
    )
    assertNotContains(page, "Unpaid or informal work")
    assertNotContains(page, "What affects your work")
