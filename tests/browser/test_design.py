"""Mobile-first design checks in a real browser, with screenshots for people to review."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.helpers import answer_step
from tests.factories import JobListingFactory
from tests.helpers import GENUINE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
WEIGHT_BUDGET = 60 * 1024  # bytes on the wire for the quiz's first load

# Elements a finger taps, and how big they really are (a radio's label is its target).
TAP_TARGETS_SCRIPT = """() => {
  const small = [];
  for (const el of document.querySelectorAll('a, button, input, select, textarea, summary')) {
    if (el.type === 'hidden' || el.closest('[hidden]') || el.closest('.skip-link')) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    // Links inside running text are exempt, as in WCAG's target-size rule.
    if (el.tagName === 'A' && style.display === 'inline' && el.closest('p, li, td, dd')) continue;
    let target = el;
    if (el.matches('input[type=radio], input[type=checkbox]')) {
      target = el.closest('label') || document.querySelector(`label[for="${el.id}"]`);
    }
    const box = target.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.height < 43.5 || box.width < 43.5) {
      small.push(`${el.tagName} ${el.id || el.name || el.textContent.trim().slice(0, 30)}: ` +
                 `${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return small;
}"""

SMALL_TEXT_SCRIPT = """() => [...document.querySelectorAll(
    'main p, main li, main label, main dt, main dd, main td, main th, main legend, main summary')]
  .filter(el => el.offsetParent !== null && parseFloat(getComputedStyle(el).fontSize) < 16)
  .map(el => `${el.tagName}.${el.className}: ${getComputedStyle(el).fontSize}`)"""


def public_pages(page, site) -> dict[str, str]:
    """Every kind of public page, including a finished result and a shared link."""
    pages = {
        "home": "/en/",
        "careers": reverse("careers:category_list"),
        "category": reverse("careers:category_detail", args=["legal-process"]),
        "role": reverse("careers:role_detail", args=["medical-coder"]),
        "quiz-start": reverse("careers:quiz_start"),
        "not-found": "/no-such-page/",
    }
    # A listing with all it can hold, for the persona's own role: beside her result too.
    listing = JobListingFactory(
        published=True,
        complete=True,
        title="Customer support associate, US telecom (night shift)",
        description=GENUINE,
        openings=40,
    )
    listing.languages.create(language="hindi", level="B1")
    pages["listing"] = listing.get_absolute_url()
    page.goto(site + pages["quiz-start"])
    page.get_by_role("button", name="Start the quiz").click()
    for number in range(1, 8):
        pages[f"quiz-step-{number}"] = page.url.removeprefix(site)
        answer_step(page, number)
    pages["result"] = page.url.removeprefix(site)
    page.get_by_role("button", name="Create a share link").click()
    pages["shared"] = (
        page.locator("input[id^=share-link-]").first.input_value().removeprefix(site)
    )
    return pages


def test_every_page_fits_a_phone_and_is_screenshotted(browser, site, screenshots):
    phone = browser.new_context(viewport=PHONE, device_scale_factor=1).new_page()
    desktop = browser.new_context(viewport=DESKTOP).new_page()
    problems = []
    for name, url in public_pages(phone, site).items():
        phone.goto(site + url)
        if (width := phone.evaluate("document.documentElement.scrollWidth")) > PHONE[
            "width"
        ]:
            problems.append(f"{name}: scrolls sideways ({width}px)")
        if small := phone.evaluate(TAP_TARGETS_SCRIPT):
            problems.append(f"{name}: small tap targets {small}")
        if tiny := phone.evaluate(SMALL_TEXT_SCRIPT):
            problems.append(f"{name}: text under 16px {tiny[:5]}")
        desktop.goto(site + url)
        # Light and dark, at both widths, for a person to look at.
        for scheme in ("light", "dark"):
            for view, width in ((phone, 360), (desktop, 1280)):
                view.emulate_media(color_scheme=scheme)
                view.screenshot(
                    path=screenshots / f"{name}-{width}-{scheme}.png", full_page=True
                )
            phone.emulate_media(color_scheme="light")
            desktop.emulate_media(color_scheme="light")
    assert problems == []


def test_wide_screens_use_the_space(browser, site):
    page = browser.new_context(viewport=DESKTOP).new_page()
    page.goto(f"{site}/careers/")
    columns = page.evaluate(
        "getComputedStyle(document.querySelector('.grid-cards')).gridTemplateColumns"
    )
    assert len(columns.split()) >= 3
    page.goto(f"{site}/")
    assert (
        len(
            page.evaluate(
                "getComputedStyle(document.querySelector('.grid-2')).gridTemplateColumns"
            ).split()
        )
        == 2
    )


def test_dark_mode_follows_the_system(browser, site):
    page = browser.new_context(color_scheme="dark").new_page()
    page.goto(f"{site}/")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    red, green, blue = (int(v) for v in re.findall(r"\d+", background)[:3])
    assert red + green + blue < 150


def test_reduced_motion_is_respected(browser, site):
    page = browser.new_context(reduced_motion="reduce").new_page()
    page.goto(f"{site}/")
    assert (
        page.evaluate(
            "getComputedStyle(document.querySelector('.button')).transitionDuration"
        )
        == "0s"
    )


def test_one_primary_action_per_screen(page, site):
    page.goto(f"{site}/quiz/")
    expect(page.locator(".button-primary")).to_have_count(1)
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.locator(".button-primary")).to_have_count(1)


def test_first_load_of_the_quiz_is_within_the_weight_budget(browser, site):
    received = []

    def count(response):
        sizes = response.request.sizes()
        received.append(
            (response.url, sizes["responseBodySize"] + sizes["responseHeadersSize"])
        )

    for url in ("/en/quiz/", None):
        received.clear()
        context = browser.new_context()  # an empty cache, as on a first visit
        page = context.new_page()
        page.on("response", count)
        if url:
            page.goto(site + url, wait_until="networkidle")
        else:
            # The first step, opened from a "continue later" link on a new device.
            helper = browser.new_context().new_page()
            helper.goto(f"{site}/quiz/")
            helper.get_by_role("button", name="Start the quiz").click()
            page.goto(helper.url, wait_until="networkidle")
        total = sum(size for _, size in received)
        print(f"first load of {url or 'step 1'}: {total} bytes: {received}")
        assert total <= WEIGHT_BUDGET, f"{total} bytes: {received}"
        # The start page is a plain form; the steps swap in with htmx.
        assert any("htmx" in u for u, _ in received) == (url is None)
        assert any(u.endswith(".css") for u, _ in received)
        received.clear()
        context.close()


def test_phone_layout_details_people_noticed(browser, site, take_quiz):
    phone = browser.new_context(viewport=PHONE).new_page()
    # The differences table stacks on a phone: no word is broken across lines.
    phone.goto(site + "/en/")
    cells = phone.locator(".compare td")
    assert cells.count() >= 20
    assert (
        min(
            box["width"]
            for box in cells.evaluate_all(
                "cells => cells.map(c => c.getBoundingClientRect())"
            )
        )
        > 300
    )
    expect(phone.get_by_text("KPO grew out of BPO")).to_be_visible()
    # On a desktop it is a table of three columns.
    desktop = browser.new_context(viewport=DESKTOP).new_page()
    desktop.goto(site + "/en/")
    assert (
        desktop.locator(".compare td").first.evaluate(
            "c => getComputedStyle(c).display"
        )
        == "table-cell"
    )
    # A result card has its padding above its heading, not a margin besides.
    take_quiz(phone)
    gap = phone.locator(".role-fit").first.evaluate(
        "card => card.querySelector('h3').getBoundingClientRect().top"
        " - card.getBoundingClientRect().top"
    )
    assert gap <= 18
    # The chart's words read like body text on a phone, and are not oversized on a desktop.
    label = """() => {
      const svg = document.querySelector('.chart svg');
      const text = svg.querySelector('.chart-label');
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return parseFloat(getComputedStyle(text).fontSize) * scale;
    }"""
    assert phone.evaluate(label) >= 15
    desktop.goto(phone.url)
    assert desktop.evaluate(label) <= 20
    # "Back to your result" on a step of a finished quiz is big enough for a thumb.
    phone.get_by_role("link", name="Change my answers").click()
    back = phone.get_by_role("link", name="Back to your result").bounding_box()
    assert back["height"] >= 44
