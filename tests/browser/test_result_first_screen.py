"""The result page's first screen at 360×740 answers "what can I do now, and what
first?" (issue 34): the summary and the first role, its heading, verdict and first
step, with JavaScript and without, in English, Hindi and Filipino; the rest one tap
away. Screenshots of the example profiles' results go to test-artifacts/."""

import json
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from careers.models import Assessment

PROFILES = Path(__file__).resolve().parents[2] / "fixtures" / "profiles"
# A 10th pass, a 12th, a graduate, a Filipino and a nurse, and a lawyer at home.
EXAMPLES = (
    "tenth-pass-a2-english",
    "twelfth-commerce-day-only",
    "bsc-statistics-graduate",
    "filipino-college-level-b1-english",
    "counsellor/bsc-nursing-graduate-manila",
    "counsellor/llb-graduate-home-only-lucknow",
)
PHONE = {"width": 360, "height": 740}


def finished(name: str) -> str:
    data = json.loads((PROFILES / f"{name}.json").read_text("utf-8"))
    assessment = Assessment.objects.create(answers={"all": {"profile": data}})
    assessment.finish()
    return assessment.token


def above_the_fold(page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] + box["height"] <= PHONE["height"]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_first_screen_holds_the_summary_and_the_first_role(
    browser, site, screenshots, javascript
):
    phone = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = phone.new_page()
    tokens = {name: finished(name) for name in EXAMPLES}
    problems = []
    for language in ("en", "hi", "fil"):
        for name, token in tokens.items():
            with translation.override(language):
                page.goto(site + reverse("careers:result_detail", args=[token]))
            first = ".first-role"
            shown = {
                "summary": ".lead",
                "heading": f"{first} h3",
                "verdict": f"{first} .verdict-line",
            }
            if page.locator(f"{first} .first-step").count():
                shown["first step"] = f"{first} .first-step"
            for what, selector in shown.items():
                if not above_the_fold(page, selector):
                    problems.append(f"{name} ({language}): {what} below the fold")
            if javascript:
                stem = Path(name).name
                page.screenshot(path=screenshots / f"result-{stem}-{language}-360.png")
                if language == "en":
                    page.screenshot(
                        path=screenshots / f"result-{stem}-en-360-full.png",
                        full_page=True,
                    )
    assert problems == []
    # The rest is one tap away: a folded section opens where it is.
    later = page.locator("section.fold details").first
    later.locator("summary").click()
    expect(later).to_have_attribute("open", "")
    phone.close()
