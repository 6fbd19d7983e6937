"""What a person reads on a 360 px phone, with JavaScript and without, in English,
Hindi and Filipino (issue 34): the result's words say what the person said and what a
level means, the close section's heading matches its contents, the quiz offers the
qualifications and skills that fit the person, and a listing written in English says
so on a Hindi or Filipino page. The test client checks each rule in detail (tests/
test_engine_words.py, test_quiz.py, test_listings.py); this checks a person sees it."""

import json
import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from careers.models import Assessment
from tests.factories import JobListingFactory
from tests.helpers import ANSWERS, start, step_url

PROFILES = Path(__file__).resolve().parents[2] / "fixtures" / "profiles"
PHONE = {"width": 360, "height": 740}
LANGUAGES = ("en", "hi", "fil")


def finished(name: str, **changes) -> str:
    data = json.loads((PROFILES / f"{name}.json").read_text("utf-8"))
    assessment = Assessment.objects.create(answers={"all": {"profile": data | changes}})
    assessment.finish()
    return assessment.token


def quiz_at(step_2: dict, number: int) -> str:
    """A quiz answered up to `number` - 1 (step 3 as "none"), for the browser to open."""
    client = Client()
    token = start(client)
    client.post(step_url(token, 1), ANSWERS[1])
    client.post(step_url(token, 2), step_2)
    if number > 3:
        client.post(step_url(token, 3), {"none": "on"})
    return token


def opened(page, url: str, language: str) -> str:
    """The page's text as the person reads it, every folded part opened."""
    with translation.override(language):
        page.goto(url)
    for summary in page.locator("details:not([open]) > summary").all():
        if summary.is_visible():
            summary.click()
    return page.locator("main").inner_text()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_person_reads_the_results_words_and_lists_that_fit_them(
    browser, site, javascript
):
    phone = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = phone.new_page()
    day_only = finished("twelfth-commerce-day-only")
    tenth = finished("tenth-pass-a2-english")
    listing = JobListingFactory(
        published=True, description="Handle customer calls for a bank. " * 8
    )
    tenth_quiz = quiz_at({"education": "10th", "stream": ""}, 3)
    commerce_quiz = quiz_at({"education": "12th", "stream": "commerce"}, 4)
    problems = []
    for language in LANGUAGES:
        with translation.override(language):
            result = reverse("careers:result_detail", args=[day_only])
            tenth_result = reverse("careers:result_detail", args=[tenth])
            listing_url = listing.get_absolute_url()
        text = opened(page, site + result, language)
        # What was not ticked is said as not chosen, never as "cannot".
        if language == "en":
            if "which you did not choose; you said you can work day shifts" not in text:
                problems.append("the shift line does not say what was chosen")
            if "you said you cannot" in text:
                problems.append("a line says 'cannot' for a box not ticked")
            if " or economics or " in text or "make teaching" in text:
                problems.append("a list reads 'or … or'")
        heading = page.locator("#close-title")
        if (
            heading.count() == 1
            and language == "en"
            and "at the quickest" not in heading.inner_text()
        ):
            problems.append("the close heading does not say 'at the quickest'")
        # A level of English says what it means where it is named.
        if not re.search(r"\b[ABC][12] \(", text):
            problems.append(f"{language}: no CEFR level is explained")
        tenth_text = opened(page, site + tenth_result, language)
        if language == "hi":
            if "लिखी जाने वाली" in tenth_text:
                problems.append("hi: 'लिखी जाने वाली अंग्रेज़ी' instead of 'लिखित'")
            if "लिखित अंग्रेज़ी" not in tenth_text:
                problems.append("hi: no 'लिखित अंग्रेज़ी'")
        # The quiz's lists: what a 10th pass could hold, Tally first for commerce.
        with translation.override(language):
            page.goto(site + step_url(tenth_quiz, 3).replace("/en/", f"/{language}/"))
        offered = page.locator("input[name=qualifications]")
        values = {offered.nth(i).get_attribute("value") for i in range(offered.count())}
        for slug in ("cfa-charter", "frm", "cpa", "ca"):
            if slug in values:
                problems.append(f"{language}: a 10th pass is offered {slug}")
        page.goto(site + step_url(commerce_quiz, 4).replace("/en/", f"/{language}/"))
        if not page.locator("[name=skill_tally]").first.is_visible():
            problems.append(f"{language}: Tally is not among the first skills shown")
        # A description in English on another language's page says so, marked.
        page.goto(site + listing_url)
        marked = page.locator('.prose[lang="en"]')
        if language == "en":
            if marked.count():
                problems.append("en: an English page marks its English")
        elif not (marked.count() and marked.first.is_visible()):
            problems.append(f"{language}: the English description is not marked")
    assert problems == []
    phone.close()
