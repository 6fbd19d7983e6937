"""How long a result is kept, and "Delete my answers and result": asked first, then the
answers, the result and its links gone (the links answering 410 until purged)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import ProtectedError
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from careers.models import Assessment, Result, Share
from careers.models.assessments import RESULT_KEPT_DAYS
from tests.helpers import HTMX, create_share, finish
from tests.test_data import _Out
from tests.test_translations import english_left

pytestmark = pytest.mark.django_db

KEPT_SENTENCE = "We keep them for 12 months after your last visit to this page."


def result_url(token: str) -> str:
    return reverse("careers:result_detail", args=[token])


def delete_url(token: str) -> str:
    return reverse("careers:result_delete", args=[token])


def purge(*args: str) -> str:
    call_command("purge_stale", *args, stdout=(out := _Out()))
    return out.text


# --- Kept 12 months after the last visit --------------------------------------------------


def test_the_result_page_says_how_long_it_is_kept_and_how_to_delete_it(client):
    token = finish(client)
    page = client.get(result_url(token))
    assertContains(page, KEPT_SENTENCE)
    assertContains(page, f'href="{delete_url(token)}">Delete my answers and result</a>')
    assert RESULT_KEPT_DAYS == 365  # the sentence's 12 months


def test_a_visit_is_noted_at_most_once_a_day(client, frozen_clock):
    token = finish(client)
    finished_at = Result.objects.get(assessment__token=token).visited_at
    assert finished_at == timezone.now()
    frozen_clock.shift(timedelta(hours=20))
    with CaptureQueriesContext(connection) as queries:
        client.get(result_url(token))
    assert not [q for q in queries if q["sql"].startswith("UPDATE")]
    assert Result.objects.get(assessment__token=token).visited_at == finished_at
    frozen_clock.shift(timedelta(hours=5))
    with CaptureQueriesContext(connection) as queries:
        client.get(result_url(token))
    assert len([q for q in queries if q["sql"].startswith("UPDATE")]) == 1
    assert Result.objects.get(assessment__token=token).visited_at == timezone.now()


def test_purge_deletes_a_result_a_year_after_the_last_visit_and_its_links_die_410(
    client, frozen_clock
):
    tokens = []
    for _ in range(3):
        tokens.append(finish(Client()))
        frozen_clock.shift(1)  # start() finds its quiz as the latest made
    forgotten, visited, changed = tokens
    link = create_share(client, forgotten, expiry="never").get_absolute_url()
    frozen_clock.shift(timedelta(days=300))
    client.get(result_url(visited))  # a visit keeps it another year
    frozen_clock.shift(timedelta(days=66))
    # Answers changed (not yet finished again) count as a visit too.
    Assessment.objects.filter(token=changed).update(updated_at=timezone.now())

    assert "would delete 1 results not visited" in purge("--dry-run")
    assert Assessment.objects.count() == 3
    assert "deleted 1 results not visited" in purge()
    assert set(Assessment.objects.values_list("token", flat=True)) == {visited, changed}
    assert Client().get(link).status_code == 410
    assert Client().get(link + "card.png").status_code == 410
    dead = Share.objects.get()
    assert (dead.result, dead.snapshot, bytes(dead.card)) == (None, {}, b"")
    # A dead link is kept as long as any other, then is unknown.
    frozen_clock.shift(timedelta(days=31))
    assert "deleted 1 share links" in purge()
    assert Client().get(link).status_code == 404


def test_purge_takes_the_number_of_days_to_keep_results(client, frozen_clock):
    token = finish(client)
    frozen_clock.shift(timedelta(days=40))
    assert "deleted 0 results not visited" in purge()
    assert "deleted 1 results not visited" in purge("--result-days", "30")
    assert not Assessment.objects.filter(token=token).exists()


# --- Delete my answers and result ---------------------------------------------------------


def test_delete_asks_first_then_everything_is_gone_and_the_links_answer_410(client):
    token = finish(client)
    links = [create_share(client, token).get_absolute_url() for _ in range(2)]
    client.get(result_url(token))

    ask = client.get(delete_url(token))
    assertContains(ask, "<h1>Delete your answers and result?</h1>")
    assertContains(ask, "Links you shared will stop working.")
    assertContains(ask, f'href="{result_url(token)}">No, keep them</a>')
    assert Assessment.objects.filter(token=token).exists()  # asking deletes nothing

    response = client.post(delete_url(token))
    gone_url = reverse("careers:result_deleted")
    assertRedirects(response, gone_url, fetch_redirect_response=False)
    assert response.cookies["careerfit_quiz"].value == ""
    assert not Assessment.objects.filter(token=token).exists()
    assert not Result.objects.exists()
    assert Share.objects.filter(result=None, snapshot={}).count() == 2
    for link in links:
        gone = Client().get(link)
        assertContains(gone, "This link no longer works", status_code=410)
    assert client.get(result_url(token)).status_code == 404

    landing = client.get(gone_url)
    assertContains(landing, "<h1>Your answers and result are deleted</h1>")
    assertContains(
        landing, f'href="{reverse("careers:quiz_start")}">Take the quiz again</a>'
    )
    assertContains(client.get(reverse("careers:quiz_start")), "Start the quiz")
    assertNotContains(client.get(reverse("careers:quiz_start")), "See your result")
    # Sent again (a double tap, the back button): the same page, nothing else happens.
    assertRedirects(
        client.post(delete_url(token)), gone_url, fetch_redirect_response=False
    )


def test_with_htmx_the_delete_sends_the_browser_to_the_page_saying_it_is_gone(client):
    token = finish(client)
    link = create_share(client, token).get_absolute_url()
    assertContains(client.get(delete_url(token), **HTMX), "Yes, delete them")
    response = client.post(delete_url(token), **HTMX)
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("careers:result_deleted")
    assert response.cookies["careerfit_quiz"].value == ""
    assert not Assessment.objects.filter(token=token).exists()
    assert Client().get(link).status_code == 410


def test_deleting_someone_elses_link_on_this_device_keeps_this_devices_quiz(client):
    mine, theirs = finish(client), finish(Client())
    response = client.post(delete_url(theirs))
    assert "careerfit_quiz" not in response.cookies
    assert client.cookies["careerfit_quiz"].value == mine
    assert Assessment.objects.filter(token=mine).exists()


def test_delete_needs_the_csrf_token_and_a_real_quiz(client):
    token = finish(client)
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(delete_url(token)).status_code == 403
    assert Assessment.objects.filter(token=token).exists()
    assert client.get(delete_url("n0-such-quiz-token-at-all")).status_code == 404


def test_deletes_from_one_address_are_limited(client, frozen_clock):
    for _ in range(100):
        client.post(delete_url("n0-such-quiz-token-at-all"))
    refused = client.post(delete_url("n0-such-quiz-token-at-all"))
    assert refused.status_code == 429
    assert "Retry-After" in refused


def test_a_result_with_links_cannot_be_deleted_leaving_what_they_showed(client):
    token = finish(client)
    create_share(client, token)
    with pytest.raises(ProtectedError):
        Assessment.objects.filter(token=token).delete()


@pytest.mark.parametrize(
    ("language", "kept", "delete"),
    [
        ("hi", "हम इन्हें 12 महीने तक रखते हैं", "मेरे जवाब और रिज़ल्ट मिटाइए"),
        ("fil", "nang 12 buwan", "Burahin ang mga sagot at resulta ko"),
    ],
)
def test_the_words_are_in_the_readers_language(client, language, kept, delete):
    token = finish(client)
    with translation.override(language):
        pages = [
            client.get(result_url(token)),
            client.get(delete_url(token)),
            client.get(reverse("careers:result_deleted")),
        ]
    assertContains(pages[0], kept)
    assertContains(pages[0], delete)
    for page in pages:
        assert english_left(page.text, language) == []
