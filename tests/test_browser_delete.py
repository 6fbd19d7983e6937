"""“Delete my answers and result” in a real browser (Chromium via Playwright) on a phone."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from tests.helpers import finish, step_url
from tests.test_browser_accessibility import assert_accessible
from tests.test_changed_answers import NOTICE, TENTH, finished_law_graduate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_candidate_deletes_their_answers_and_result_on_a_small_phone(
    browser, take_quiz, javascript
):
    phone = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = take_quiz(phone.new_page())
    page.get_by_role("button", name="Create a share link").click()
    link = page.locator("input[id^=share-link-]").first.input_value()
    if not javascript:  # the page of links, then back
        page.get_by_role("link", name="Back to your result").click()
    result_url = page.url
    expect(
        page.get_by_text("We keep them for 12 months after your last visit")
    ).to_be_visible()

    # It asks first; "No" changes nothing.
    page.get_by_role("link", name="Delete my answers and result").click()
    expect(
        page.get_by_role("heading", name="Delete your answers and result?")
    ).to_be_visible()
    assert fits_the_phone(page)
    page.get_by_role("link", name="No, keep them").click()
    expect(page).to_have_url(result_url)
    page.get_by_role("link", name="Delete my answers and result").click()

    with page.expect_request(lambda r: r.method == "POST") as sent:
        page.get_by_role("button", name="Yes, delete them").click()
    assert (sent.value.headers.get("hx-request") == "true") is javascript
    expect(
        page.get_by_role("heading", name="Your answers and result are deleted")
    ).to_be_visible()
    expect(page).to_have_url(re.compile(r"/en/results/deleted/$"))
    assert fits_the_phone(page)
    assert [c for c in phone.cookies() if c["name"] == "careerfit_quiz"] == []

    friend = browser.new_context(java_script_enabled=javascript).new_page()
    assert friend.goto(link).status == 410
    expect(
        friend.get_by_role("heading", name="This link no longer works")
    ).to_be_visible()
    assert page.goto(result_url).status == 404

    page.go_back()
    page.get_by_role("link", name="Take the quiz again").click()
    expect(page.get_by_role("button", name="Start the quiz")).to_be_visible()
    friend.context.close()
    phone.close()


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "hi",
            [
                "मेरे जवाब और रिज़ल्ट मिटाइए",
                "अपने जवाब और रिज़ल्ट मिटाएँ?",
                "हाँ, मिटा दीजिए",
                "आपके जवाब और रिज़ल्ट मिटा दिए गए हैं",
                "फिर से क्विज़ दीजिए",
            ],
        ),
        (
            "fil",
            [
                "Burahin ang mga sagot at resulta ko",
                "Burahin ang mga sagot at resulta mo?",
                "Oo, burahin",
                "Nabura na ang mga sagot at resulta mo",
                "Sagutan ulit ang quiz",
            ],
        ),
    ],
)
def test_the_delete_speaks_the_readers_language(browser, site, language, words):
    token = finish(Client())
    delete, question, yes, gone, again = words
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(f"{site}/{language}/results/{token}/")
    page.get_by_role("link", name=delete).click()
    expect(page.get_by_role("heading", name=question)).to_be_visible()
    page.get_by_role("button", name=yes).click()
    expect(page.get_by_role("heading", name=gone)).to_be_visible()
    expect(page.get_by_role("link", name=again)).to_be_visible()
    assert fits_the_phone(page)
    page.context.close()


def test_the_notice_and_delete_pages_have_no_accessibility_violations(page, site):
    client = Client()
    token = finished_law_graduate(client, {"qualifications": ["llb"]})
    client.post(step_url(token, 2), TENTH)
    page.goto(site + step_url(token, 3))
    expect(page.get_by_text(NOTICE)).to_be_visible()
    assert_accessible(page, "a step saying what was taken out")
    page.goto(site + reverse("careers:result_delete", args=[token]))
    assert_accessible(page, "the question before deleting")
    page.get_by_role("button", name="Yes, delete them").click()
    expect(
        page.get_by_role("heading", name="Your answers and result are deleted")
    ).to_be_visible()
    assert_accessible(page, "the page saying it is deleted")
