"""The browser tests' fixtures: Debian's Chromium, the quiz taken in it, no CSP violation."""

import os
from pathlib import Path

import pytest

from tests.browser.helpers import answer_step, wait_for_step

CHROMIUM = Path("/usr/bin/chromium")


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        message = "No browser at /usr/bin/chromium: install it with `apt-get install -y chromium`."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
        "headless": True,
    }


@pytest.fixture(autouse=True)
def no_csp_violations(request, monkeypatch):
    """Every browser test fails if the Content Security Policy blocked anything.

    Chromium reports each blocked script, style or frame as a console error; every page of
    every context a test opens is watched, the htmx journeys and the admin included.
    """
    if not {"page", "browser"} & set(request.fixturenames):
        yield []
        return
    from playwright.sync_api import Browser

    violations: list[str] = []
    original = Browser.new_context

    def new_context(self, *args, **kwargs):
        context = original(self, *args, **kwargs)
        context.on(
            "console",
            lambda message: (
                violations.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
        return context

    monkeypatch.setattr(Browser, "new_context", new_context)
    yield violations
    assert violations == []


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
