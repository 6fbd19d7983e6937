"""Lighthouse on every page type, as a phone on a slow network sees it (`make lighthouse`).

Two to four minutes, so not part of `make test`; CI runs it once (.ci/run). With CI=true a
missing Node.js or Lighthouse fails instead of skipping.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests.helpers import answer_all, create_share, finish, start, step_url

pytestmark = [pytest.mark.lighthouse, pytest.mark.django_db(transaction=True)]

HERE = Path(__file__).resolve().parent / "lighthouse"
ARTIFACTS = HERE.parent.parent / "test-artifacts"
# The bar: 100 for accessibility, best practices and SEO; 98 for performance.
MINIMUM = {"accessibility": 1.0, "best-practices": 1.0, "seo": 1.0, "performance": 0.98}
# Step 4 (skills) has no required answer, so an empty submit is a valid one.
STEPS_THAT_CAN_FAIL = [1, 2, 3, 5, 6, 7]


def lighthouse_ready() -> None:
    node = shutil.which("node")
    if node and (HERE / "node_modules" / "lighthouse").exists():
        return
    message = "Lighthouse needs Node.js and `npm ci --prefix tests/lighthouse`"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def pages_to_audit(site: str) -> list[dict]:
    """Every page type: public pages, each quiz step (then sent empty), a result, a
    shared page, and the error pages."""
    pages = [
        {"name": "home", "url": "/en/"},
        {"name": "catalogue", "url": reverse("careers:category_list")},
        {
            "name": "category",
            "url": reverse("careers:category_detail", args=["legal-process"]),
        },
        {"name": "role", "url": reverse("careers:role_detail", args=["medical-coder"])},
        # The same for everyone without a quiz: indexable, so audited as crawlable.
        {"name": "quiz start", "url": reverse("careers:quiz_start")},
        {"name": "not found", "url": "/no-such-page/", "errorPage": True},
    ]
    for number in range(1, 8):
        client = Client()
        token = start(client)
        answer_all(client, token, upto=number - 1)
        pages.append(
            {
                "name": f"quiz step {number}",
                "url": step_url(token, number),
                "private": True,
                "failSubmit": number in STEPS_THAT_CAN_FAIL,
            }
        )
    client = Client()
    token = finish(client)
    share = create_share(client, token)
    gone = create_share(client, token)
    gone.revoke()
    pages += [
        {
            "name": "result",
            "url": reverse("careers:result_detail", args=[token]),
            "private": True,
        },
        {"name": "shared page", "url": share.get_absolute_url(), "private": True},
        {
            "name": "switched-off link",
            "url": gone.get_absolute_url(),
            "private": True,
            "errorPage": True,
        },
    ]
    return [{**page, "url": site + page["url"]} for page in pages]


def audit(pages: list[dict]) -> list[dict]:
    done = subprocess.run(
        ["node", "audit.mjs"],
        cwd=HERE,
        input=json.dumps(pages),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def load_step(results: list[dict], name: str) -> dict:
    (load,) = [r for r in results if r["name"] == name and r["mode"] == "navigation"]
    return load


def load_score(results: list[dict], name: str) -> float:
    return load_step(results, name)["scores"]["performance"] or 0.0


# A first pass takes about two minutes; a page measured again adds about a minute.
@pytest.mark.timeout(1200)
def test_every_page_type_scores_full_marks_on_a_phone(site):
    lighthouse_ready()
    pages = pages_to_audit(site)
    results = audit(pages)
    # A load's timing varies from run to run on a shared 2-core host (seen: one step's
    # Total Blocking Time 250 ms in one run, under 100 in the next; the result page's
    # 360 ms in two runs of three on CI, 0 to 170 here). A page that loads under the bar
    # is measured four times more and judged by the median of five, which Lighthouse's
    # guide to variability finds halves the spread of one run; the other categories do
    # not vary and count at once.
    slow = [
        page
        for page in pages
        if not page.get("errorPage")
        and load_score(results, page["name"]) < MINIMUM["performance"]
    ]
    if slow:
        again = [audit(slow) for _ in range(4)]
        for page in slow:
            runs = [load_score(run, page["name"]) for run in [results, *again]]
            load = load_step(results, page["name"])
            load["scores"]["performance"] = sorted(runs)[2]
            load["runs"] = runs
            load["hosts"] = [
                load_step(run, page["name"])["benchmarkDuringRun"]
                for run in [results, *again]
            ]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "lighthouse.json").write_text(json.dumps(results, indent=1))
    audited = {result["name"] for result in results}
    assert len(audited) == len(pages) + len(STEPS_THAT_CAN_FAIL)
    short = [
        f"{result['name']}: {category} {score} {result.get('runs', '')} "
        f"{result['failing']} (host {result['benchmark']}, slowdown "
        f"{result['slowdown']}, host during runs {result.get('hosts', '')})"
        for result in results
        for category, score in result["scores"].items()
        # A snapshot (a page after a failed submit, an error page) has no load to time.
        if not (result["mode"] == "snapshot" and category == "performance")
        and (score is None or score < MINIMUM[category])
    ]
    assert short == []
