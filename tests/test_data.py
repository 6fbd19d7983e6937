"""Data: stale drafts and dead links purged, results outlive a restart, SQLite never locks."""

import json
import os
import sqlite3
import subprocess
import sys
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from careers.choices import ReportReason
from careers.models import Assessment, ListingReport, Result, Share
from tests.factories import JobListingFactory, UserFactory
from tests.helpers import (
    ANSWERS,
    CommandOutput,
    create_share,
    finish,
    migrated_sqlite,
)
from tests.servers import collected_static


def aged(queryset, **fields) -> None:
    # auto_now fields ignore assignment on save(); update() sets them as given.
    queryset.update(**fields)


@pytest.fixture
def moderator(db):
    return UserFactory(moderator=True)


@pytest.fixture
def finished(client):
    return Assessment.objects.get(token=finish(client))


@pytest.mark.django_db
def test_purge_stale_deletes_abandoned_drafts_and_dead_links_only(client, finished):
    old = timezone.now() - timedelta(days=31)
    recent = timezone.now() - timedelta(days=29)
    abandoned = Assessment.objects.create(answers={"languages": {}})
    in_progress = Assessment.objects.create()
    aged(Assessment.objects.filter(pk=abandoned.pk), updated_at=old)
    aged(Assessment.objects.filter(pk=in_progress.pk), updated_at=recent)
    # A finished quiz is kept however old: the candidate may come back to it.
    aged(Assessment.objects.filter(pk=finished.pk), updated_at=old)
    for expiry in ("7", "7", "7", "never"):
        create_share(client, finished.token, expiry=expiry)
    dead, revoked, fresh_dead, alive = Share.objects.order_by("pk")
    aged(Share.objects.filter(pk=dead.pk), expires_at=old)
    aged(Share.objects.filter(pk=revoked.pk), revoked_at=old)
    aged(Share.objects.filter(pk=fresh_dead.pk), expires_at=recent)

    call_command("purge_stale", "--dry-run", stdout=(out := CommandOutput()))
    assert "would delete 1 quiz drafts" in out.text
    assert "would delete 2 share links" in out.text
    assert Assessment.objects.count() == 3

    call_command("purge_stale", stdout=(out := CommandOutput()))
    assert "deleted 1 quiz drafts" in out.text
    assert "deleted 2 share links" in out.text
    assert set(Assessment.objects.all()) == {in_progress, finished}
    assert set(Share.objects.all()) == {fresh_dead, alive}
    assert Result.objects.filter(assessment=finished).exists()


@pytest.mark.django_db
def test_listing_reports_are_kept_six_months_after_a_decision_read_them(
    frozen_clock, moderator
):
    decided = JobListingFactory(published=True)
    for _ in range(2):
        decided.report(ReportReason.MONEY, "He asked Rs 2000 from Ravi, 98450 12345.")
    unread = JobListingFactory(published=True)
    unread.report(ReportReason.FAKE, "Nobody answers at this number.")
    withdrawn = JobListingFactory(published=True)
    withdrawn.report(ReportReason.WRONG)
    withdrawn.close()  # by its recruiter, before a moderator decided
    frozen_clock.shift(timedelta(days=10))
    decided.approve(moderator)
    frozen_clock.shift(timedelta(days=182))
    call_command("purge_stale", stdout=(out := CommandOutput()))
    assert "deleted 1 listing reports" in out.text  # the closed listing's, 192 days old
    frozen_clock.shift(timedelta(days=2))  # 184 days after the decision
    call_command("purge_stale", stdout=(out := CommandOutput()))
    assert "deleted 2 listing reports" in out.text
    # A live listing's unread report waits for its moderator, however old.
    assert list(ListingReport.objects.all()) == list(unread.reports.all())


@pytest.mark.django_db
def test_purge_stale_names_a_bad_option():
    with pytest.raises(CommandError, match="--draft-days.*'0' is not a whole number"):
        call_command("purge_stale", "--draft-days", "0")
    result = subprocess.run(
        [sys.executable, "manage.py", "purge_stale", "--share-days", "soon"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "--share-days: 'soon' is not a whole number of days" in result.stderr


# --- Restarts -----------------------------------------------------------------------------

FINISH_A_QUIZ = """
import json, sys, django
django.setup()
from django.test import Client
answers = json.loads(sys.argv[1])
client = Client()
token = client.post("/en/quiz/")["Location"].split("/")[3]
for number in range(1, 8):
    client.post(f"/en/quiz/{token}/step/{number}/", answers[str(number)])
print(token)
"""

OPEN_THE_RESULT = """
import sys, django
django.setup()
from django.test import Client
page = Client().get(f"/en/results/{sys.argv[1]}/")
print(page.status_code, "You can apply now" in page.content.decode())
"""


def run_django(script: str, *args: str, database: str, static: str) -> str:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "outsourcing.settings",
        "DATABASE_URL": database,
        "DJANGO_STATIC_ROOT": static,
        "DJANGO_RATE_LIMITS": "0",
    }
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_results_survive_a_restart(tmp_path):
    database = migrated_sqlite(tmp_path)
    static = collected_static()  # once a run, shared with the production-path tests
    answers = json.dumps({str(n): data for n, data in ANSWERS.items()})
    token = run_django(FINISH_A_QUIZ, answers, database=database, static=static)
    # A new process, as after a restart: nothing is kept in memory between the two.
    result = run_django(OPEN_THE_RESULT, token, database=database, static=static)
    assert result == "200 True"


# --- SQLite under concurrent writers ------------------------------------------------------


def test_sqlite_writers_take_the_lock_at_begin(sqlite_connection, tmp_path):
    """BEGIN IMMEDIATE: a writer waits for the lock up front, never fails half-way."""
    connection = sqlite_connection
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE t (x INTEGER)")
    other = sqlite3.connect(tmp_path / "t.db", timeout=0)
    # What transaction.atomic() does on SQLite: begin, here without writing anything.
    connection.set_autocommit(
        False, force_begin_transaction_with_broken_autocommit=True
    )
    try:
        # Our transaction has not written yet, but already holds the write lock.
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    finally:
        connection.rollback()
        connection.set_autocommit(True)
    other.execute("BEGIN IMMEDIATE")  # free again
    other.rollback()
    other.close()


WRITER = """
import json, sys, time, django
django.setup()
from django.test import Client
answers, seconds = json.loads(sys.argv[1]), float(sys.argv[2])
stats = {"completed": 0, "statuses": {}, "errors": [], "locked": 0}
deadline = time.monotonic() + seconds
client = Client()
while time.monotonic() < deadline:
    try:
        token = client.post("/en/quiz/")["Location"].split("/")[3]
        for number in range(1, 8):
            step = f"/en/quiz/{token}/step/{number}/"
            status = client.post(step, answers[str(number)]).status_code
            stats["statuses"][status] = stats["statuses"].get(status, 0) + 1
        stats["completed"] += 1
    except Exception as error:
        stats["errors"].append(repr(error)[:200])
        stats["locked"] += "database is locked" in str(error)
print(json.dumps(stats))
"""

WRITERS = 8
# Long enough for every writer to finish several quizzes while the others write.
SECONDS = 5


def test_eight_concurrent_writers_for_five_seconds_never_lock_sqlite(tmp_path):
    database = migrated_sqlite(tmp_path)
    answers = json.dumps({str(n): data for n, data in ANSWERS.items()})
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "outsourcing.settings",
        "DATABASE_URL": database,
        "DJANGO_RATE_LIMITS": "0",
    }
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, answers, str(SECONDS)],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(WRITERS)
    ]
    stats = []
    for writer in writers:
        out, err = writer.communicate(timeout=SECONDS + 120)
        assert writer.returncode == 0, err
        stats.append(json.loads(out))
    errors = [error for s in stats for error in s["errors"]]
    completed = sum(s["completed"] for s in stats)
    print(
        f"{WRITERS} writers, {SECONDS} s: {completed} quizzes completed, errors {errors}"
    )
    assert errors == []
    assert sum(s["locked"] for s in stats) == 0
    assert all(set(s["statuses"]) == {"302"} for s in stats)
    assert completed >= WRITERS  # every writer finished quizzes, not just one
    db = sqlite3.connect(f"{tmp_path}/careerfit.sqlite3")
    results_per_assessment = db.execute(
        "SELECT COUNT(r.id) FROM careers_assessment a "
        "LEFT JOIN careers_result r ON r.assessment_id = a.id GROUP BY a.id"
    ).fetchall()
    db.close()
    # Every completed quiz has exactly one stored result; none lost, none doubled.
    assert sorted({count for (count,) in results_per_assessment}) == [1]
    assert len(results_per_assessment) == completed


@pytest.mark.django_db
def test_answers_come_back_as_given_and_json_lookups_still_work():
    # The answers column is Django's JSONField: what the quiz stores, in any script,
    # must come back unchanged, and the database's own JSON functions must still read it.
    answers = {
        "languages": {"form": {"spoken_english": "B2", "typing_wpm": 35}},
        "notes": {"form": {"text": "हिंदी, தமிழ் and ₹ 25,000 – “quoted”", "ratio": 0.1}},
        "empty": {},
    }
    stored = Assessment.objects.create(answers=answers)
    assert Assessment.objects.get(pk=stored.pk).answers == answers
    assert Assessment.objects.filter(answers__has_key="notes").get() == stored
    assert (
        Assessment.objects.filter(answers__languages__form__spoken_english="B2").get()
        == stored
    )
