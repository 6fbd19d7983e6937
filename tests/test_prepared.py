"""Queries compiled once give exactly what the ORM gives, on every database."""

import pytest
from django.db import transaction

from careers.models import Assessment, Share
from careers.prepared import PreparedQuery
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


def test_a_locked_lookup_can_be_saved(client):
    token = start(client)
    with transaction.atomic():
        assessment = Assessment.objects.by_token(token, lock=True)
        assessment.answers["note"] = {"form": {}, "profile": {}}
        assessment.save(update_fields=["answers", "updated_at"])
    assert "note" in Assessment.objects.get(token=token).answers


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


def test_saving_answers_stores_them_and_the_time(client):
    token = start(client)
    assessment = Assessment.objects.by_token(token)
    before = assessment.updated_at
    assessment.answers = {"languages": {"form": {"x": "<b>é</b>"}, "profile": {}}}
    assessment.save_answers()
    stored = Assessment.objects.get(token=token)
    assert stored.answers == assessment.answers
    assert stored.updated_at == assessment.updated_at > before
