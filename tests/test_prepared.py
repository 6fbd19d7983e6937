"""Queries compiled once give exactly what the ORM gives, on every database."""

import threading

import pytest
from django.db import connection

from careers.forms import STEPS
from careers.models import Assessment, Result, Share
from careers.prepared import PreparedQuery
from careers.views import finish_assessment
from tests.test_quiz import answer_all, start

pytestmark = pytest.mark.django_db

COLUMNS = ["id", "token", "answers", "created_at", "updated_at"]


def test_lookup_by_token_matches_the_orm(client):
    token = start(client)
    answer_all(client, token, upto=3)
    finished_token = start(client)
    answer_all(client, finished_token)
    for t, finished in [(token, False), (finished_token, True)]:
        found = Assessment.objects.by_token(t)
        expected = Assessment.objects.values_list(*COLUMNS).get(token=t)
        assert tuple(getattr(found, c) for c in COLUMNS) == expected
        assert found.finished is finished
    assert Assessment.objects.by_token("nobody-has-this-token") is None


def test_a_share_by_token_loads_the_rest_on_use(client):
    token = start(client)
    answer_all(client, token)
    client.post(f"/results/{token}/share/", {"expiry": "7"})
    share = Share.objects.get()
    found = Share.objects.by_token(share.token)
    assert (found.pk, found.expires_at, found.revoked_at) == (
        share.pk,
        share.expires_at,
        share.revoked_at,
    )
    assert found.snapshot == share.snapshot  # deferred, fetched when asked for
    assert bytes(Share.objects.by_token(share.token, with_card=True).card) == bytes(
        share.card
    )


def test_parameters_must_reach_the_sql_as_they_are():
    query = PreparedQuery(
        lambda token: Assessment.objects.filter(token__contains=token).values_list(
            "id"
        ),
        "token",
    )
    with pytest.raises(ValueError, match="parameters not in the SQL"):
        query.first(token="x")


def test_saving_a_step_keeps_the_other_steps_and_stores_the_time(client):
    token = start(client)
    answer_all(client, token, upto=2)
    before = Assessment.objects.get(token=token)
    answers = {"form": {"x": '<b>é</b> "quoted"'}, "profile": {"n": [1, 2]}}
    saved = Assessment.objects.save_step(
        token, "qualifications", answers, ["languages", "education"]
    )
    stored = Assessment.objects.get(token=token)
    assert stored.answers == {**before.answers, "qualifications": answers}
    assert (saved.pk, saved.answers, saved.updated_at) == (
        stored.pk,
        stored.answers,
        stored.updated_at,
    )
    assert stored.updated_at > before.updated_at
    assert saved.finished is False


def test_saving_a_step_again_replaces_only_that_step(client):
    token = start(client)
    answer_all(client, token)
    before = Assessment.objects.get(token=token).answers
    new = {"form": {"years": 3}, "profile": {}}
    saved = Assessment.objects.save_step(
        token, "experience", new, list(before)[: list(before).index("experience")]
    )
    assert saved.answers == {**before, "experience": new}
    assert saved.finished is True


def test_a_step_is_not_saved_before_the_earlier_ones(client):
    token = start(client)
    answer_all(client, token, upto=1)
    before = Assessment.objects.get(token=token)
    assert (
        Assessment.objects.save_step(
            token, "qualifications", {"form": {}}, ["languages", "education"]
        )
        is None
    )
    after = Assessment.objects.get(token=token)
    assert (after.answers, after.updated_at) == (before.answers, before.updated_at)
    assert Assessment.objects.save_step("no-such-token-here", "x", {}, []) is None


def together(rounds: int, act, check, *args) -> list:
    """One thread per argument: each round, all `act(arg, n)` at once, then all
    `check(arg, n)`; gives what the checks found wrong and any error. Each thread has its
    own database connection, as each request in a server does."""
    barrier = threading.Barrier(len(args))
    failures = []

    def run(arg) -> None:
        try:
            for n in range(rounds):
                barrier.wait(timeout=10)
                act(arg, n)
                barrier.wait(timeout=10)
                failure = check(arg, n)
                if failure:
                    failures.append(failure)
        except Exception as error:  # noqa: BLE001 - reported by the caller's assert
            failures.append(error)
            barrier.abort()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(arg,)) for arg in args]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failures


def test_two_tabs_saving_different_steps_at_once_both_keep_theirs(transactional_db):
    assessment = Assessment.objects.create(answers={"languages": {}, "education": {}})
    earlier = ["languages", "education"]

    def save(slug: str, n: int) -> None:
        value = {"form": {"round": n}, "profile": {}}
        Assessment.objects.save_step(assessment.token, slug, value, earlier)

    def kept(slug: str, n: int) -> tuple | None:
        stored = Assessment.objects.get(pk=assessment.pk).answers
        if stored.get(slug, {}).get("form") != {"round": n}:
            return slug, n, stored
        return None

    assert together(20, save, kept, "skills", "experience") == []


def test_two_tabs_finishing_at_once_leave_the_result_of_the_answers_kept(
    transactional_db, client
):
    # Both tabs send the last step with different answers; whichever order the saves,
    # scorings and stores interleave in, the result scores the answers kept.
    token = start(client)
    answer_all(client, token, upto=len(STEPS) - 1)
    assessment = Assessment.objects.get(token=token)
    earlier = [step.slug for step in STEPS[:-1]]

    def finish(work_style: str, n: int) -> None:
        preferences = {"work_style": work_style, "contact": "either", "pace": "either"}
        value = {"form": {}, "profile": {"preferences": preferences}}
        saved = Assessment.objects.save_step(token, "preferences", value, earlier)
        finish_assessment(saved)

    def scored_as_kept(work_style: str, n: int) -> tuple | None:
        kept = Assessment.objects.get(pk=assessment.pk)
        result = Result.objects.get(assessment=kept)
        given = kept.answers["preferences"]["profile"]["preferences"]["work_style"]
        scored = result.profile["preferences"]["work_style"]
        if scored != given or result.answers_version != kept.version:
            return n, given, scored, result.answers_version, kept.version
        return None

    assert together(10, finish, scored_as_kept, "rules", "judgement") == []
    assert Result.objects.filter(assessment=assessment).count() == 1
