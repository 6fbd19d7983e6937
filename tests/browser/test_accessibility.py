"""axe-core in a real browser: zero WCAG 2.1 A/AA violations on every public page and step."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from careers.models import JobCategory, Requirement, Role
from tests.browser.helpers import answer_step, assert_accessible, wait_for_step
from tests.factories import JobListingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_catalogue_pages_have_no_violations(page, site, scheme):
    page.emulate_media(color_scheme=scheme)
    urls = [
        reverse("careers:home"),
        reverse("careers:category_list"),
        reverse("careers:quiz_start"),
        "/no-such-page/",
    ]
    # Category and role pages are each one template over the data: a category of each
    # sector, and roles enough to show every requirement kind, cover every kind of
    # content in a quarter of the time of all 16 and 45.
    categories = [
        JobCategory.objects.filter(sector=sector).first() for sector in ("BPO", "KPO")
    ]
    roles: list[Role] = []
    for role in Role.objects.order_by("-position").prefetch_related("requirements"):
        covered = {r.kind for one in roles for r in one.requirements.all()}
        if {r.kind for r in role.requirements.all()} - covered:
            roles.append(role)
    assert {r.kind for one in roles for r in one.requirements.all()} == set(
        Requirement.objects.values_list("kind", flat=True)
    )
    # A job's own page and its report page, beside the others.
    listing = JobListingFactory(published=True)
    urls += [
        listing.get_absolute_url(),
        reverse("careers:listing_report", args=[listing.pk]),
    ]
    if scheme == "dark":
        # Dark mode changes colours only, which come from the template, not the data:
        # one page of each kind is enough.
        categories, roles = categories[:1], roles[:1]
    urls += [c.get_absolute_url() for c in categories]
    urls += [r.get_absolute_url() for r in roles]
    for url in urls:
        page.goto(site + url)
        assert_accessible(page, url)


# English in the light scheme, Hindi in the dark one: each page kind in each scheme
# and each script, in two runs rather than four.
@pytest.mark.parametrize(("scheme", "language"), [("light", "en"), ("dark", "hi")])
def test_every_quiz_step_result_and_shared_page_have_no_violations(
    page, site, scheme, language
):
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site}/{language}/quiz/")
    page.click("form.actions button[type=submit]")  # "Start the quiz"
    for number in range(1, 8):
        wait_for_step(page, number)
        assert_accessible(page, f"step {number}")
        page.click(".quiz-nav .submit")  # nothing answered yet
        if number in (1, 2, 3, 5, 6, 7):  # step 4 (skills) has no required answer
            expect(page.locator(".error-summary")).to_be_visible()
            assert_accessible(page, f"step {number} with errors")
            answer_step(page, number)
        else:
            wait_for_step(page, number + 1)
    assert_accessible(page, "result")

    page.click("#share button[type=submit]")  # "Create a share link"
    link = page.locator("input[id^=share-link-]").first.input_value()
    assert_accessible(page, "result with a share link")
    page.goto(link)
    assert_accessible(page, "shared page")
    page.goto(f"{site}/{language}/s/{'z' * 43}/")
    assert_accessible(page, "unknown share link")


def test_errors_are_announced_and_tied_to_their_fields(page, site):
    page.goto(f"{site}/quiz/")
    page.get_by_role("button", name="Start the quiz").click()
    page.fill("#id_typing_wpm", "")
    page.click(".quiz-nav .submit")
    summary = page.locator(".error-summary")
    expect(summary).to_have_attribute("role", "alert")
    typing = page.locator("#id_typing_wpm")
    expect(typing).to_have_attribute("aria-invalid", "true")
    expect(typing).to_have_attribute(
        "aria-describedby", "id_typing_wpm_helptext id_typing_wpm_error"
    )
    fieldset = page.locator("fieldset:has(#id_spoken_english_0)")
    expect(fieldset).to_have_attribute("aria-describedby", "id_spoken_english_error")
    # The focus moves to the first field with an error.
    assert page.evaluate("document.activeElement.name") == "spoken_english"


def test_progress_skip_link_language_and_badges(page, site):
    page.goto(f"{site}/quiz/")
    assert page.get_attribute("html", "lang") == "en"
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.get_by_role("progressbar", name="Step 1 of 7")).to_have_attribute(
        "value", "1"
    )
    for number in range(1, 8):
        answer_step(page, number)
    # Verdicts are words with a symbol, not colour alone.
    expect(page.locator(".verdict").first).to_have_text("✓ Eligible now")
