"""The person's country in the quiz: asked first and pre-filled, and every later step,
the review, the result's links and a shared link follow it; changing it takes out what
the other market's answers were, and says so."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from careers.models import Assessment, Qualification
from tests.helpers import ANSWERS, HTMX, NOTICE, create_share, english_left, start
from tests.helpers import step_url as url

pytestmark = pytest.mark.django_db

PH_STEP_1 = {
    **ANSWERS[1],
    "country": "PH",
    "languages_for": "PH",
    "lang_hindi": "",
    "lang_tagalog": "C2",
}
PH_STEP_2 = {"education": "12th", "stream": "abm", "field_of_study": ""}
NC2 = "TESDA Contact Center Services NC II (test)"


@pytest.fixture
def markets():
    """One Philippine qualification, and the CA as India's (the catalogue helper tags
    the real rows; here they stand in)."""
    Qualification.objects.filter(slug="ca").update(markets="IN")
    ph = Qualification.objects.get(slug="bcom")
    ph.pk, ph.slug, ph.markets, ph.stages = None, "tesda-ccs-test", "PH", []
    ph.name_en, ph.name_hi, ph.name_fil = NC2, NC2, NC2
    ph.level, ph.kind, ph.requires = "", "certification", []
    ph.save()
    return ph


def checked(page, value: str) -> bool:
    return bool(re.search(rf'name="country" value="{value}"[^>]*checked', page.text))


@pytest.mark.parametrize(
    ("language", "accept", "country"),
    [
        ("en", "", "IN"),
        ("hi", "", "IN"),
        ("fil", "", "PH"),
        ("en", "en-PH,en;q=0.9", "PH"),
        ("en", "en-IN,en;q=0.9", "IN"),
    ],
)
def test_the_country_comes_first_pre_filled_from_the_language_or_the_browser(
    client, language, accept, country
):
    with translation.override(language):
        token = start(client)
        page = client.get(url(token, 1), HTTP_ACCEPT_LANGUAGE=accept)
    assert checked(page, country)
    assert page.text.index('name="country"') < page.text.index('name="spoken_english"')
    # The languages listed are that country's, never the other's.
    own, other = ("tagalog", "hindi") if country == "PH" else ("hindi", "tagalog")
    assertContains(page, f'name="lang_{own}"')
    assertNotContains(page, f'name="lang_{other}"')
    assertContains(page, 'name="lang_spanish"')  # foreign: in every market


@pytest.mark.parametrize("extra", [{}, HTMX])
def test_a_country_we_do_not_cover_is_refused_saying_so(client, extra):
    token = start(client)
    page = client.post(url(token, 1), {**ANSWERS[1], "country": "XX"}, **extra)
    assert page.status_code == 400
    assertContains(
        page,
        "We cover India or the Philippines for now: choose one of them.",
        status_code=400,
    )
    assert not Assessment.objects.get(token=token).answers


def test_a_hidden_hint_naming_no_country_is_no_error(client):
    token = start(client)
    sent = {**ANSWERS[1], "languages_for": "<script>"}
    response = client.post(url(token, 1), sent)
    assertRedirects(response, url(token, 2), fetch_redirect_response=False)
    saved = Assessment.objects.get(token=token).answers["languages"]["form"]
    assert saved["languages_for"] == ""


def walk(client, token, answers, extra):
    for number, data in answers.items():
        response = client.post(url(token, number), data, **extra)
        assert response.status_code in (200, 302), (number, response.text[:2000])
        if extra and number < 7:
            assert response.status_code == 200
            assertNotContains(response, "error-summary")


@pytest.mark.parametrize("extra", [{}, HTMX])
def test_a_filipino_candidate_meets_the_philippines_at_every_step(
    client, markets, extra
):
    token = start(client)
    walk(client, token, {1: PH_STEP_1, 2: PH_STEP_2}, extra)
    education = client.get(url(token, 2)).text
    for words in (
        "Grade 10 (Junior High School), or ALS A&amp;E passed at JHS level",
        "Senior High School (Grade 12), or ALS A&amp;E passed at SHS level",
        "Diploma or a 2-year vocational course (TESDA)",
        "Your Senior High School strand",
        'value="abm"',
        'value="tvl"',
    ):
        assert words in education, words
    for words in ("12th (higher secondary)", 'value="arts"', 'value="science"'):
        assert words not in education, words
    qualifications = client.get(url(token, 3))
    assertContains(qualifications, NC2)
    assertNotContains(qualifications, 'value="ca"')
    assertContains(qualifications, "For example the third year of a BS Accountancy")
    assertNotContains(qualifications, "the final year of an LLB")
    refused = client.post(url(token, 3), {"qualifications": ["ca"]}, **extra)
    assert refused.status_code == 400
    walk(client, token, {3: {"qualifications": [markets.slug]}}, extra)
    # India's accounting package is not offered in the Philippines.
    assertNotContains(client.get(url(token, 4)), 'name="skill_tally"')
    walk(client, token, {n: ANSWERS[n] for n in (4, 5)}, extra)
    shifts = client.get(url(token, 6))
    assert re.search(r"US business hours \(about \d+ pm–\d+ am in the Philippines\)",
                     shifts.text)  # fmt: skip
    assertContains(shifts, "Australian business hours (about")
    assertContains(shifts, "Metro Manila, Cebu")
    assertNotContains(shifts, "in India")
    walk(client, token, {n: ANSWERS[n] for n in (6, 7)}, extra)

    result = Assessment.objects.get(token=token).result
    assert result.profile["country"] == "PH"
    assert result.profile["other_languages"] == [{"language": "tagalog", "level": "C2"}]
    page = client.get(result.get_absolute_url())
    assertContains(page, "Where you live and look for work")
    assertContains(page, "The Philippines")
    assertContains(page, "in the Philippines)")  # the shifts answered, in its time
    # The chart names the school level as a Filipino does.
    assertContains(page, "Grade 12")
    assertNotContains(page, "12th standard")
    # How few are hired, as the Philippines' industry bodies report it.
    assertContains(page, "IBPAP, 2014")
    assertNotContains(page, "NASSCOM")
    assert re.search(r'href="/en/roles/[\w-]+/\?country=PH"', page.text)


def test_an_indian_candidate_meets_india_as_before(client, markets):
    token = start(client)
    walk(client, token, {1: ANSWERS[1], 2: ANSWERS[2]}, {})
    education = client.get(url(token, 2))
    assertContains(education, "Your stream in the 12th")
    assertContains(education, "12th (higher secondary)")
    assertNotContains(education, 'value="abm"')
    qualifications = client.get(url(token, 3))
    assertContains(qualifications, 'value="ca"')
    assertNotContains(qualifications, NC2)
    walk(client, token, {3: ANSWERS[3]}, {})
    assertContains(client.get(url(token, 4)), 'name="skill_tally"')
    walk(client, token, {n: ANSWERS[n] for n in (4, 5)}, {})
    shifts = client.get(url(token, 6))
    assert re.search(r"US business hours \(about [\d:]+ pm–[\d:]+ am in India\)",
                     shifts.text)  # fmt: skip
    assertNotContains(shifts, "Philippines")
    walk(client, token, {n: ANSWERS[n] for n in (6, 7)}, {})
    page = client.get(Assessment.objects.get(token=token).result.get_absolute_url())
    assertContains(page, "NASSCOM has said")
    assertNotContains(page, "IBPAP")


def test_a_page_sent_with_another_country_lists_that_countrys_languages(client):
    token = start(client)
    sent = {**ANSWERS[1], "languages_for": "IN", "country": "PH"}
    page = client.post(url(token, 1), sent, **HTMX)
    assert page.status_code == 400
    assertContains(
        page,
        "You chose the Philippines: the languages below are now those spoken there.",
        status_code=400,
    )
    assertContains(page, 'name="lang_tagalog"', status_code=400)
    assertNotContains(page, 'name="lang_hindi"', status_code=400)
    assertContains(page, 'name="languages_for" value="PH"', status_code=400)
    assert checked(page, "PH")
    resent = client.post(url(token, 1), {**sent, "languages_for": "PH"})
    assertRedirects(resent, url(token, 2), fetch_redirect_response=False)


def test_changing_the_country_takes_out_the_other_markets_answers_and_says_so(
    client, markets
):
    token = start(client)
    walk(client, token, {1: PH_STEP_1, 2: PH_STEP_2}, {})
    walk(client, token, {3: {"qualifications": [markets.slug]}}, {})
    walk(client, token, {n: ANSWERS[n] for n in (4, 5, 6, 7)}, {})
    back = client.post(url(token, 1), {**ANSWERS[1], "languages_for": "IN"})
    # The strand is India's no more: the education step is unanswered again.
    assertRedirects(back, url(token, 2), fetch_redirect_response=False)
    assessment = Assessment.objects.get(token=token)
    assert assessment.profile_data()["country"] == "IN"
    assert assessment.dropped["education"]["fields"] == {"stream": ["abm"]}
    assert assessment.dropped["qualifications"]["fields"] == {
        "qualifications": [markets.slug]
    }
    education = client.get(url(token, 2))
    assertContains(education, NOTICE)
    assertContains(education, "<strong>ABM (Accountancy, Business and Management)")
    client.post(url(token, 2), ANSWERS[2])
    qualifications = client.get(url(token, 3))
    assertContains(qualifications, NOTICE)
    assertContains(qualifications, f"<li><strong>{NC2}</strong></li>")


def test_a_shared_link_follows_the_results_country(client, markets):
    token = start(client)
    walk(client, token, {1: PH_STEP_1, 2: PH_STEP_2}, {})
    walk(client, token, {3: {"none": "on"}}, {})
    walk(client, token, {n: ANSWERS[n] for n in (4, 5, 6, 7)}, {})
    share = create_share(client, token)
    assert share.snapshot["country"] == "PH"
    # Whoever reads it, from wherever.
    page = client.get(share.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en-IN")
    assertContains(page, "For work in the Philippines")
    assert re.search(r'href="/en/roles/[\w-]+/\?country=PH"', page.text)
    assertContains(page, "For work in the Philippines.")  # the card's alt text


@pytest.mark.parametrize("language", ["hi", "fil"])
def test_a_filipino_candidates_quiz_holds_no_english_sentence(
    client, markets, language
):
    with translation.override(language):
        token = start(client)
        walk(client, token, {1: PH_STEP_1, 2: PH_STEP_2}, {})
        walk(client, token, {3: {"none": "on"}}, {})
        walk(client, token, {n: ANSWERS[n] for n in (4, 5, 6, 7)}, {})
        pages = [url(token, n) for n in range(1, 8)]
        pages.append(reverse("careers:result_detail", args=[token]))
        pages.append(create_share(client, token).get_absolute_url())
    for address in pages:
        page = client.get(address)
        assert page.status_code == 200, address
        assert english_left(page.text, language) == [], (
            address,
            english_left(page.text, language),
        )
