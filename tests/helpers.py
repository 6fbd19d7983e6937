"""What many tests share: the test persona, and walking the quiz with Django's client."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from pytest_django.asserts import assertRedirects

from careers.models import Assessment, Share

HTMX = {"HTTP_HX_REQUEST": "true"}

# The one test persona: a fluent speaker with 12th standard who can work nights (voice
# support material). ANSWERS are her form posts; BROWSER_ACTIONS the same answers given
# in a browser.
ANSWERS = {
    1: {
        "spoken_english": "C1",
        "written_english": "B2",
        "lang_hindi": "C2",
        "typing_wpm": "32",
    },
    2: {"education": "12th", "stream": "arts", "field_of_study": ""},
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
    2: [("check", "#id_education_1"), ("select", "#id_stream", "arts")],
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
    # By default the roles the form ticks first: the top three.
    result = Assessment.objects.get(token=token).result
    roles = [item["role"] for item in result.top_roles()[:3]]
    response = client.post(
        reverse("careers:share_create", args=[token]),
        {"expiry": "30", "roles": roles, **data},
    )
    assert response.status_code in (200, 302), response.content
    return Share.objects.exclude(pk__in=before).get()


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
