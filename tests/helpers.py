"""What many tests share: the test persona, and walking the quiz with Django's client."""

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.urls import reverse
from pytest_django.asserts import assertRedirects

from careers import scoring
from careers.choices import Importance, RequirementKind
from careers.models import Assessment, Share
from careers.models.requirements import accepted_options, languages_label

HTMX = {"HTTP_HX_REQUEST": "true"}

# The one test persona: a fluent speaker with 12th standard who can work nights (voice
# support material). ANSWERS are her form posts; BROWSER_ACTIONS the same answers given
# in a browser.
ANSWERS = {
    1: {
        "spoken_english": "C1",
        "written_english": "B2",
        "language_1": "hindi",
        "level_1": "C2",
        "language_2": "",
        "level_2": "",
        "typing_wpm": "32",
    },
    2: {"education": "12th", "field_of_study": ""},
    3: {"none": "on"},
    4: {"skill_excel": "basic", "skill_crm_tools": "basic"},
    5: {"years": "0"},
    6: {
        "shifts": ["day", "us_hours", "rotational"],
        "internet": "on",
        "commute": "office",
    },
    7: {"work_style": "rules", "contact": "customers", "pace": "volume"},
}
BROWSER_ACTIONS = {
    1: [
        ("check", "#id_spoken_english_4"),
        ("check", "#id_written_english_3"),
        ("fill", "#id_typing_wpm", "32"),
    ],
    2: [("check", "#id_education_1")],
    3: [("check", "#id_none")],
    4: [("select", "#id_skill_excel", "basic")],
    5: [("fill", "#id_years", "0")],
    6: [
        ("check", "#id_shifts_0"),
        ("check", "#id_shifts_2"),
        ("check", "#id_shifts_3"),
        ("check", "#id_commute_0"),
    ],
    7: [
        ("check", "#id_work_style_0"),
        ("check", "#id_contact_0"),
        ("check", "#id_pace_0"),
    ],
}


def step_url(token: str, number: int) -> str:
    return reverse("careers:quiz_step", args=[token, number])


def start(client) -> str:
    """Start a quiz as a visitor; its token."""
    response = client.post(reverse("careers:quiz_start"))
    token = Assessment.objects.latest("created_at").token
    assertRedirects(response, step_url(token, 1), fetch_redirect_response=False)
    return token


def answer_all(client, token: str, upto: int = 7, **extra):
    """Answer steps 1..upto as the persona; the last response."""
    response = None
    for number in range(1, upto + 1):
        response = client.post(step_url(token, number), ANSWERS[number], **extra)
    return response


def finish(client) -> str:
    """A quiz the persona finished; its token."""
    token = start(client)
    answer_all(client, token)
    return token


def create_share(client, token: str, **data) -> Share:
    """Make a share link from the result page's form; the new share."""
    before = set(Share.objects.values_list("pk", flat=True))
    response = client.post(
        reverse("careers:share_create", args=[token]), {"expiry": "30", **data}
    )
    assert response.status_code in (200, 302), response.content
    return Share.objects.exclude(pk__in=before).get()


def scoring_roles(objects: list[dict[str, Any]]) -> tuple[scoring.Role, ...]:
    """The roles of a built catalogue, ready for the scoring engine, without a database."""
    by_model: dict[str, list[dict[str, Any]]] = {}
    for obj in objects:
        by_model.setdefault(obj["model"], []).append(obj["fields"])
    qualifications = {q["slug"]: q for q in by_model["careers.qualification"]}
    skills = {k["slug"]: k for k in by_model["careers.skill"]}
    categories = {c["slug"]: c for c in by_model["careers.jobcategory"]}
    requirements: dict[str, list[scoring.Requirement]] = {}
    for req in by_model["careers.requirement"]:
        options = accepted_options(
            req["kind"],
            fields=[f for f in req["fields"].split(",") if f],
            qualifications=[
                (
                    qualifications[slug]["slug"],
                    qualifications[slug]["name"],
                    qualifications[slug]["kind"],
                )
                for (slug,) in req["qualifications"]
            ],
            skills=[
                (skills[slug]["slug"], skills[slug]["name"])
                for (slug,) in req["skills"]
            ],
            subject_codes=[c for c in req["subject"].split(",") if c],
        )
        requirements.setdefault(req["role"][0], []).append(
            scoring.Requirement(
                code=req["code"],
                kind=req["kind"],
                must=req["importance"] == Importance.MUST,
                weight=req["weight"],
                level=req["level"],
                amount=req["amount"],
                accepts=options,
                label=languages_label([c for c in req["subject"].split(",") if c])
                if req["kind"] == RequirementKind.OTHER_LANGUAGE
                else "",
            )
        )
    return tuple(
        scoring.Role(
            slug=role["slug"],
            title=role["title"],
            category=role["category"][0],
            category_name=categories[role["category"][0]]["name"],
            sector=categories[role["category"][0]]["sector"],
            channel=role["channel"],
            requirements=tuple(requirements[role["slug"]]),
        )
        for role in by_model["careers.role"]
    )


_MIGRATED: list[Path] = []  # the first file made this run, copied for the others


def migrated_sqlite(tmp_path: Path) -> str:
    """A SQLite file migrated and loaded as `make run` does, by the real commands (once
    a run: later calls get a copy of that file, several seconds sooner)."""
    path = tmp_path / "careerfit.sqlite3"
    if _MIGRATED:
        shutil.copyfile(_MIGRATED[0], path)
        return f"sqlite:///{path}"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{path}"}
    for command in (["migrate", "--no-input"], ["sync_catalogue"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "-v", "0"],
            cwd=settings.BASE_DIR,
            env=env,
            check=True,
            timeout=300,
        )
    template = tmp_path / "migrated-template.sqlite3"  # never opened, only copied
    shutil.copyfile(path, template)
    _MIGRATED.append(template)
    return f"sqlite:///{path}"
