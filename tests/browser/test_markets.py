"""A candidate in the Philippines in a real browser: the quiz, its words and its result
follow the country, with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import answer_step, fill_step, wait_for_step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_candidate_in_the_philippines_meets_its_schools_and_clock(
    browser, site, javascript
):
    # A browser set to English (Philippines): the country is pre-filled from it.
    context = browser.new_context(java_script_enabled=javascript, locale="en-PH")
    page = context.new_page()
    page.goto(f"{site}/en/quiz/")
    page.click("form.actions button[type=submit]")  # "Start the quiz"
    wait_for_step(page, 1)
    expect(page.get_by_label("The Philippines")).to_be_checked()
    expect(page.locator("[name=lang_hindi]")).to_have_count(0)
    fill_step(page, 1)
    page.locator("details.more-fields").first.evaluate("d => d.open = true")
    page.select_option("#id_lang_tagalog", "C2")
    page.click(".quiz-nav .submit")
    wait_for_step(page, 2)
    expect(page.get_by_text("Your Senior High School strand")).to_be_visible()
    page.get_by_label("Senior High School (Grade 12), or ALS A&E passed at SHS").check()
    strands = page.locator("#id_stream label").all_inner_texts()
    assert any(s.strip().startswith("ABM") for s in strands)
    assert not any(s.strip().startswith("Commerce") for s in strands)
    page.check("[name=stream][value=abm]")
    page.click(".quiz-nav .submit")
    wait_for_step(page, 3)
    for number in range(3, 6):
        answer_step(page, number)
    expect(
        page.get_by_text(re.compile(r"US business hours \(about .* in the Philippines"))
    ).to_be_visible()
    expect(page.get_by_text("in India")).to_have_count(0)
    answer_step(page, 6)
    answer_step(page, 7)
    expect(page).to_have_url(re.compile(r"/en/results/[\w-]+/$"))
    told = page.locator("section.told")
    expect(told.get_by_text("The Philippines", exact=True)).to_be_visible()
    # Nothing of India's reaches the result: its money, numbers, languages or clock.
    text = page.locator("main").inner_text()
    for indian in ("₹", "+91", "Hindi", "in India", "NIOS", "12th standard"):
        assert indian not in text, indian
    context.close()
