"""Nothing lost by one tap, on a phone: starting again, changing one answer, a new
share link, a report's way back; and links big enough to tap."""

import re

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from careers.assessments.forms import get_step_by_slug
from careers.assessments.wording import shift_label
from careers.models import Share
from tests.browser.helpers import assert_accessible
from tests.factories import JobListingFactory
from tests.helpers import finish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
# The person's language and whether JavaScript runs: each language once, both ways.
WAYS = [("en", True), ("hi", False), ("fil", True)]
WAY_IDS = ["en-js", "hi-no-js", "fil-js"]


def say(language: str, message: str) -> str:
    with translation.override(language):
        return gettext(message)


def phone_with_result(browser, site, javascript: bool) -> tuple:
    """A phone that finished the quiz (its cookie remembers it), and the token."""
    token = finish(Client())
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    context.add_cookies([{"name": "careerfit_quiz", "value": token, "url": site}])
    return context, token


def wait_in_view(page, selector: str) -> None:
    """Until the element is wholly on the screen (a fragment's scroll may come after the
    address changed)."""
    page.wait_for_function(
        """(selector) => {
            const box = document.querySelector(selector).getBoundingClientRect();
            // A pixel's fraction above the top is still on the screen.
            return box.top > -1 && box.bottom <= window.innerHeight;
        }""",
        arg=selector,
        polling=100,
        timeout=5000,
    )


@pytest.mark.parametrize(("language", "javascript"), WAYS, ids=WAY_IDS)
def test_start_again_asks_first_and_the_start_page_keeps_the_result(
    browser, site, language, javascript
):
    context, token = phone_with_result(browser, site, javascript)
    page = context.new_page()
    result = f"{site}/{language}/results/{token}/"
    page.goto(result)
    page.get_by_role("link", name=say(language, "Start again"), exact=True).click()
    expect(
        page.get_by_role("heading", name=say(language, "Start again with new answers?"))
    ).to_be_visible()
    if javascript:  # axe runs in the page
        assert_accessible(page, f"the question before starting again ({language})")
    page.get_by_role("link", name=say(language, "No, back to my result")).click()
    expect(page).to_have_url(f"{result}#result-actions")
    page.get_by_role("link", name=say(language, "Start again"), exact=True).click()
    page.get_by_role("button", name=say(language, "Yes, start again")).click()
    page.locator("#quiz[data-step='1']").wait_for()
    assert token not in page.url
    page.goto(f"{site}/{language}/quiz/")
    expect(
        page.get_by_role("link", name=say(language, "Continue where you left off"))
    ).to_be_visible()
    page.get_by_role("link", name=say(language, "See your earlier result")).click()
    expect(page).to_have_url(result)
    context.close()


@pytest.mark.parametrize(("language", "javascript"), WAYS, ids=WAY_IDS)
def test_change_one_answer_from_the_result_and_come_straight_back(
    browser, site, language, javascript
):
    context, token = phone_with_result(browser, site, javascript)
    page = context.new_page()
    result = f"{site}/{language}/results/{token}/"
    page.goto(result)
    conditions = get_step_by_slug("conditions")
    # The review links each answer to the step that asked it.
    shifts = say(language, "Shifts you can work")
    change = page.locator(".told").get_by_role(
        "link", name=re.compile(f"^{say(language, 'Change')} ?: {shifts}$")
    )
    expect(change).to_have_attribute("href", re.compile(f"/step/{conditions.number}/$"))
    page.get_by_role("link", name=say(language, "Change my answers")).click()
    if javascript:
        assert_accessible(page, f"the list of steps ({language})")
    with translation.override(language):
        title = str(conditions.title)
    page.get_by_role("link", name=title).click()
    page.locator(f"#quiz[data-step='{conditions.number}']").wait_for()
    page.uncheck("[name=shifts][value=us_hours]")
    page.get_by_role("button", name=say(language, "Save and update my result")).click()
    expect(page).to_have_url(result)
    with translation.override(language):
        us_hours = str(shift_label("us_hours", "IN"))
    expect(page.locator(".told")).not_to_contain_text(us_hours)
    expect(
        page.get_by_text(say(language, "You changed answers since this result."))
    ).to_have_count(0)
    context.close()


@pytest.mark.parametrize(("language", "javascript"), WAYS, ids=WAY_IDS)
def test_a_new_share_link_is_shown_and_named_where_the_person_is(
    browser, site, language, javascript
):
    context, token = phone_with_result(browser, site, javascript)
    page = context.new_page()
    page.goto(f"{site}/{language}/results/{token}/")
    create = say(language, "Create a share link")
    new = say(language, "Your new link")
    for made in (1, 2):
        if not javascript and made == 2:
            page.get_by_role("link", name=say(language, "Make another link")).click()
        page.get_by_role("button", name=create).click()
        expect(page.locator(".share-item")).to_have_count(made)
        heading = page.get_by_role("heading", name=new)
        expect(heading).to_have_count(1)
        share = Share.objects.order_by("-pk").first()
        if javascript:
            # Announced by its name, as the focus moves there.
            expect(heading).to_be_focused()
        else:
            expect(page).to_have_url(re.compile(f"#link-{share.pk}$"))
        wait_in_view(page, f"#link-{share.pk}")
        expect(page.locator(".share-item").first).to_contain_text(new)
    context.close()


@pytest.mark.parametrize(("language", "javascript"), WAYS, ids=WAY_IDS)
def test_a_report_leads_back_to_the_listing_and_the_result(
    browser, site, language, javascript
):
    listing = JobListingFactory(published=True, title="Night voice in Pune")
    context, token = phone_with_result(browser, site, javascript)
    page = context.new_page()
    url = f"{site}/{language}{listing.get_absolute_url()[3:]}"
    page.goto(url)
    report = say(language, "Report this listing")
    page.get_by_role("link", name=report).click()
    page.get_by_role("link", name=say(language, "Cancel")).click()
    expect(page).to_have_url(url)
    page.get_by_role("link", name=report).click()
    page.locator("[name=reason]").first.check()
    page.get_by_role("button", name=say(language, "Send the report")).click()
    expect(
        page.get_by_role("link", name=say(language, "Back to the job listing"))
    ).to_have_attribute(
        "href", listing.get_absolute_url().replace("/en/", f"/{language}/")
    )
    page.get_by_role("link", name=say(language, "Back to your result")).click()
    expect(page).to_have_url(f"{site}/{language}/results/{token}/")
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_links_standing_alone_are_at_least_24_px_tall(browser, site, javascript):
    listing = JobListingFactory(published=True, title="Night voice in Pune")
    context, token = phone_with_result(browser, site, javascript)
    page = context.new_page()
    alone = {
        listing.get_absolute_url(): [".report a", ".facts dd a", ".breadcrumbs a"],
        f"/en/results/{token}/": [
            ".role-fit-head h3 a",
            ".role-line > a",
            ".listing h3 a",
            ".report a",
            ".told .change a",
        ],
        f"/en/quiz/{token}/steps/": [".step-links a"],
    }
    for path, selectors in alone.items():
        page.goto(site + path)
        page.evaluate(
            "document.querySelectorAll('details').forEach(d => d.open = true)"
        )
        for selector in selectors:
            links = page.locator(selector)
            assert links.count(), (path, selector)
            for number in range(links.count()):
                box = links.nth(number).bounding_box()
                assert box["height"] >= 24, (path, selector, number, box)
    context.close()
