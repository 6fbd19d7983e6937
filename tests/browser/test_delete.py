"""“Delete my answers and result” in a real browser (Chromium via Playwright) on a phone."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible
from tests.helpers import NOTICE, TENTH, finish, finished_law_graduate, step_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


# Each line of a button's label: its gaps to the button's left, right, top and bottom.
LABEL_LINES = """(button) => {
  const range = document.createRange();
  range.selectNodeContents(button);
  const box = button.getBoundingClientRect();
  return [...range.getClientRects()].map(
    (line) => [line.left - box.left, box.right - line.right,
               line.top - box.top, box.bottom - line.bottom]);
}"""


def assert_wraps_cleanly(button) -> None:
    """A label on several lines: each line centred, with room above and below."""
    lines = button.evaluate(LABEL_LINES)
    assert len(lines) >= 2, lines  # it does wrap on this phone
    for left, right, _top, _bottom in lines:
        assert abs(left - right) <= 2, lines
    assert lines[0][2] >= 8, lines
    assert lines[-1][3] >= 8, lines


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
    # Back where "Delete" was, not at the top of the long page.
    expect(page).to_have_url(result_url + "#keeping")
    expect(
        page.get_by_role("link", name="Delete my answers and result")
    ).to_be_in_viewport()
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
    # The candidate's own link, on this phone or another, says what happened.
    assert page.goto(result_url).status == 410
    expect(
        page.get_by_role("heading", name="These answers were deleted")
    ).to_be_visible()
    assert fits_the_phone(page)

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
                "नहीं, मत मिटाइए",
                "हाँ, मिटा दीजिए",
                "आपके जवाब और रिज़ल्ट मिटा दिए गए हैं",
                "फिर से क्विज़ दीजिए",
                "ये जवाब मिटा दिए गए हैं",
            ],
        ),
        (
            "fil",
            [
                "Burahin ang mga sagot at resulta ko",
                "Burahin ang mga sagot at resulta mo?",
                "Hindi, huwag burahin",
                "Oo, burahin",
                "Nabura na ang mga sagot at resulta mo",
                "Sagutan ulit ang quiz",
                "Nabura na ang mga sagot na ito",
            ],
        ),
    ],
)
def test_the_delete_speaks_the_readers_language(browser, site, language, words):
    token = finish(Client())
    delete, question, no, yes, gone, again, deleted = words
    page = browser.new_context(viewport=PHONE).new_page()
    result_url = f"{site}/{language}/results/{token}/"
    page.goto(result_url)
    button = page.get_by_role("link", name=delete)
    if language == "fil":  # the longest label: two lines on this phone
        assert_wraps_cleanly(button)
    button.click()
    expect(page.get_by_role("heading", name=question)).to_be_visible()
    expect(page.get_by_role("link", name=no)).to_be_visible()
    page.get_by_role("button", name=yes).click()
    expect(page.get_by_role("heading", name=gone)).to_be_visible()
    expect(page.get_by_role("link", name=again)).to_be_visible()
    assert fits_the_phone(page)
    assert page.goto(result_url).status == 410
    expect(page.get_by_role("heading", name=deleted)).to_be_visible()
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
    page.goto(site + step_url(token, 3))
    expect(
        page.get_by_role("heading", name="These answers were deleted")
    ).to_be_visible()
    assert_accessible(page, "a deleted quiz's own link")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_wrong_tap_on_step_2_and_its_correction_lose_no_tick(
    browser, site, javascript
):
    client = Client()
    token = finished_law_graduate(client, {"qualifications": ["llb", "ccna"]})
    page = browser.new_context(
        viewport=PHONE, java_script_enabled=javascript
    ).new_page()
    page.goto(site + step_url(token, 2))
    page.check("input[name=education][value='10th']")
    page.select_option("#id_field_of_study", "")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text(NOTICE)).to_be_visible()
    expect(page.get_by_text("LLB (Bachelor of Laws, 3- or 5-year)")).to_be_visible()
    expect(
        page.get_by_text("Check this page, then tap “Save and continue”.")
    ).to_be_visible()

    page.get_by_role("link", name="Back", exact=True).click()
    page.check("input[name=education][value='bachelor']")
    page.select_option("#id_field_of_study", "law")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator("#quiz[data-step='3']")).to_be_visible()
    expect(page.get_by_text(NOTICE)).to_have_count(0)
    expect(page.locator("input[name=qualifications][value=llb]")).to_be_checked()
    expect(page.locator("input[name=qualifications][value=ccna]")).to_be_checked()
    page.context.close()
