"""The browser tests' fixtures: the quiz taken in a browser, and where screenshots go
(Debian's Chromium and the CSP watch are in tests/conftest.py: test_production.py
uses them too)."""

from pathlib import Path

import pytest

from tests.browser.helpers import answer_step, wait_for_step

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def screenshots() -> Path:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def take_quiz(site):
    """Start the quiz at the live site and answer steps 1..upto; returns the page."""

    def take(page, upto: int = 7, language: str = "en"):
        page.goto(f"{site}/{language}/quiz/")
        page.click("form.actions button[type=submit]")  # "Start the quiz"
        wait_for_step(page, 1)
        for number in range(1, upto + 1):
            answer_step(page, number)
        return page

    return take
