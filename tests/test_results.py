"""The result page: only once the quiz is finished, the listings beside it, what changed
since; how long it is kept, and "Delete my answers and result": asked first, then the
answers, the result and its links gone (the links answering 410 until purged)."""

from datetime import timedelta
from unittest.mock import patch

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import ProtectedError
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from careers.assessments import charts
from careers.assessments import models as assessments
from careers.assessments.models import RESULT_KEPT_DAYS
from careers.management.commands.purge_stale import RESULT_DAYS
from careers.models import Assessment, DeletedAssessment, Result, Role, Share
from careers.sharing.forms import ShareForm
from careers.sharing.models import erase, erase_locked, lock_for_erasing
from tests.factories import JobListingFactory
from tests.helpers import (
    ANSWERS,
    HTMX,
    CommandOutput,
    answer_all,
    create_share,
    english_left,
    finish,
    load_catalogue,
    start,
    step_url,
)

pytestmark = pytest.mark.django_db

KEPT_SENTENCE = "We keep them for 12 months after your last visit to this page."


def result_url(token: str) -> str:
    return reverse("careers:result_detail", args=[token])


def delete_url(token: str) -> str:
    return reverse("careers:result_delete", args=[token])


def purge(*args: str) -> str:
    call_command("purge_stale", *args, stdout=(out := CommandOutput()))
    return out.text


# --- Kept 12 months after the last visit --------------------------------------------------


def test_the_result_page_says_how_long_it_is_kept_and_how_to_delete_it(client):
    token = finish(client)
    page = client.get(result_url(token))
    assertContains(page, KEPT_SENTENCE)
    assertContains(page, "Then we delete them, and your share links stop working.")
    assertContains(page, f'href="{delete_url(token)}">Delete my answers and result</a>')
    # What purge_stale keeps by default is what the page says.
    assert RESULT_DAYS == RESULT_KEPT_DAYS == 365


@pytest.mark.parametrize(
    ("days", "said"),
    [(183, "We keep them for 6 months after"), (30, "We keep them for 1 month after")],
)
def test_the_page_says_the_months_kept_whatever_they_are(
    client, monkeypatch, days, said
):
    token = finish(client)
    monkeypatch.setattr(assessments, "RESULT_KEPT_DAYS", days)
    page = client.get(result_url(token))
    assertContains(page, said)
    assertNotContains(page, "12 months")


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
    # The candidate's own link says what happened, and why it may have.
    own = Client().get(result_url(forgotten))
    assertContains(own, "<h1>These answers were deleted</h1>", status_code=410)
    assertContains(
        own, "or 12 months after they last opened their result.", status_code=410
    )
    # A dead link is kept as long as any other, then is unknown; so is the quiz's own.
    frozen_clock.shift(timedelta(days=31))
    output = purge()
    assert "deleted 1 share links" in output
    assert "deleted 1 deleted quizzes' marks" in output
    assert Client().get(link).status_code == 404
    assert Client().get(result_url(forgotten)).status_code == 404


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
    assertContains(ask, "Your share links will stop working.")
    # "No" goes back to where "Delete" was, not to the top of the long page.
    assertContains(ask, f'href="{result_url(token)}#keeping">No, keep them</a>')
    assertContains(client.get(result_url(token)), '<section id="keeping"')
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
        assertContains(gone, "deleted their result", status_code=410)
    # The candidate's own links (the back button, a bookmark, another phone) say so.
    for own in [
        result_url(token),
        step_url(token, 3),
        delete_url(token),
        reverse("careers:share_links", args=[token]),
    ]:
        page = Client().get(own)
        assertContains(page, "<h1>These answers were deleted</h1>", status_code=410)
        assert "no-store" in page["Cache-Control"]
    assert DeletedAssessment.objects.get().token_hash != token  # only its hash

    landing = client.get(gone_url)
    assertContains(landing, "<h1>Your answers and result are deleted</h1>")
    assertContains(landing, "Anyone who opens one of your share links will see")
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


@pytest.mark.parametrize(
    ("path", "data"),
    [
        (lambda token: step_url(token, 7), ANSWERS[7]),
        (lambda token: reverse("careers:share_create", args=[token]), {}),
    ],
    ids=["a step", "a new link"],
)
def test_a_tab_still_open_after_the_delete_shows_the_answers_were_deleted(
    client, path, data
):
    # Deleted in one tab; the other, still open, sends a step or makes a link (htmx).
    token = finish(client)
    client.post(delete_url(token))
    response = client.post(path(token), data, **HTMX)
    assertContains(response, "These answers were deleted", status_code=410)
    # In place of the page's main content (the includes' htmx config swaps a 410).
    assert (response["HX-Retarget"], response["HX-Reselect"]) == ("#main", "#main")


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


def test_a_visit_or_a_link_made_while_results_are_erased_cannot_stop_or_split_it(
    client, frozen_clock
):
    # erase() in its two steps, with what the candidate may do between them: the purge
    # has chosen a result unvisited for a year; its owner opens it and makes a link.
    token = finish(client)
    create_share(client, token)
    frozen_clock.shift(timedelta(days=RESULT_KEPT_DAYS + 1))
    unvisited = Assessment.objects.unvisited(
        timezone.now() - timedelta(days=RESULT_KEPT_DAYS)
    )
    erasing = lock_for_erasing(unvisited)
    result = Result.objects.get(assessment__token=token)
    result.record_visit()
    roles = [item["role"] for item in result.top_roles()[:1]]
    Share.create_for(result, roles=roles, expiry="30")
    # Neither a ProtectedError (a 500, or the purge stopped) nor a result kept with
    # its links wiped: the result chosen is deleted with every link it had.
    assert erase_locked(erasing) == 1
    assert not Result.objects.exists()
    assert Share.objects.filter(result=None, snapshot={}).count() == 2
    assert Client().get(result_url(token)).status_code == 410


@pytest.mark.django_db(transaction=True)
def test_a_link_made_as_its_result_is_deleted_says_the_answers_were_deleted(client):
    if not Role.objects.exists():  # an earlier test of this kind emptied the database
        load_catalogue()
    token = finish(client)
    result = Result.objects.get(assessment__token=token)
    roles = [item["role"] for item in result.top_roles()[:1]]
    checked = ShareForm.is_valid

    def deleted_meanwhile(form):
        # The deletion ends after the view read the result, before the link is stored
        # (on PostgreSQL, a link stored meanwhile waits for erase()'s lock on the
        # result instead, and then fails the same way).
        erase(Assessment.objects.filter(token=token))
        return checked(form)

    with patch.object(ShareForm, "is_valid", deleted_meanwhile):
        response = client.post(
            reverse("careers:share_create", args=[token]),
            {"expiry": "30", "roles": roles},
        )
    assertContains(response, "These answers were deleted", status_code=410)
    assert not Share.objects.exists()


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "hi",
            [
                "हम इन्हें 12 महीने तक रखते हैं। फिर हम इन्हें मिटा देते हैं, और आपके शेयर लिंक",
                "मेरे जवाब और रिज़ल्ट मिटाइए",
                "नहीं, मत मिटाइए",
                "आपके शेयर लिंक काम करना बंद कर देंगे।",
                "आपका शेयर लिंक जो भी खोलेगा",
                "ये जवाब मिटा दिए गए हैं",
                "रिज़ल्ट खोलने के 12 महीने बाद।",
            ],
        ),
        (
            "fil",
            [
                "Nasa amin ang mga ito hanggang 12 buwan mula nang huli mong buksan ang "
                "page na ito. Pagkatapos noon, buburahin namin ang mga ito at hindi na "
                "gagana ang mga share link mo.",
                "Burahin ang mga sagot at resulta ko",
                "Hindi, huwag burahin",
                "Hindi na gagana ang mga share link mo.",
                "Kapag may nagbukas ng share link mo, makikita niyang hindi na ito "
                "gumagana.",
                "Nabura na ang mga sagot na ito",
                "o 12 buwan matapos niyang huling buksan ang resulta niya.",
            ],
        ),
    ],
)
def test_the_words_are_in_the_readers_language(client, language, words):
    token = finish(client)
    link = create_share(client, token).get_absolute_url()
    with translation.override(language):
        pages = [
            client.get(result_url(token)),
            client.get(delete_url(token)),
            client.get(reverse("careers:result_deleted")),
        ]
        client.post(delete_url(token))
        pages.append(client.get(result_url(token)))
        pages.append(client.get(link.replace("/en/", f"/{language}/")))
    text = "".join(page.text for page in pages)
    for words_said in words:
        assert words_said in text
    for page in pages:
        assert english_left(page.text, language) == []


def test_a_result_says_when_answers_changed_since_it(client):
    token = finish(client)
    result_url = reverse("careers:result_detail", args=[token])
    assert "You changed answers since this result" not in client.get(result_url).text
    client.post(step_url(token, 1), {**ANSWERS[1], "typing_wpm": "75"})
    page = client.get(result_url)
    assert "You changed answers since this result" in page.text
    assert step_url(token, 7) in page.text
    answer_all(client, token)  # finished again: up to date
    assert "You changed answers since this result" not in client.get(result_url).text


def test_result_before_finishing_goes_back_to_the_quiz(client):
    token = start(client)
    answer_all(client, token, upto=2)
    assertRedirects(
        client.get(reverse("careers:result_detail", args=[token])), step_url(token, 3)
    )


def test_result_shows_listings_for_top_roles_only_when_visible(client):
    JobListingFactory(published=True, title="Night voice process (US)")
    JobListingFactory(title="Draft voice job")
    token = start(client)
    answer_all(client, token)
    page = client.get(reverse("careers:result_detail", args=[token]))
    assertContains(page, "Night voice process (US)")
    assertNotContains(page, "Draft voice job")


OLD_FORMAT = {
    "summary": "BPO fits you better today",
    "sectors": {"BPO": 90, "KPO": 40},
    "recommendations": [{"role": "data-entry-operator", "score": 100}],
}


def ranked(*verdicts: str) -> Result:
    items = [{"role": f"r{n}", "verdict": v} for n, v in enumerate(verdicts)]
    return Result(recommendation={"recommendations": items})


def roles(items: list[dict]) -> list[str]:
    return [item["role"] for item in items]


def test_opening_a_result_of_an_earlier_engine_shows_it_scored_again_and_writes_nothing(
    client,
):
    token = finish(client)
    Result.objects.filter(assessment__token=token).update(recommendation=OLD_FORMAT)
    stored = Result.objects.values_list("recommendation", "updated_at").get()
    assertContains(client.get(result_url(token)), "BPO fits you best today")
    assert Result.objects.values_list("recommendation", "updated_at").get() == stored


def test_a_result_page_opened_again_the_same_day_writes_nothing(client):
    token = finish(client)
    client.get(result_url(token))
    visited = Result.objects.values_list("visited_at", flat=True).get()
    client.get(result_url(token))
    assert Result.objects.values_list("visited_at", flat=True).get() == visited


def test_a_revalidated_result_page_still_notes_a_visit_that_is_due(client):
    token = finish(client)
    etag = client.get(result_url(token))["ETag"]
    assert client.get(result_url(token), HTTP_IF_NONE_MATCH=etag).status_code == 304
    long_ago = timezone.now() - timedelta(days=200)
    Result.objects.update(visited_at=long_ago)
    page = client.get(result_url(token), HTTP_IF_NONE_MATCH=etag)
    assert page.status_code == 200
    assert Result.objects.values_list("visited_at", flat=True).get() > long_ago


def test_the_best_open_or_close_roles_lead_when_one_is_open():
    result = ranked("eligible", "close", "close", "not_yet", "does_not_fit")
    assert roles(result.top_roles()) == ["r0", "r1", "r2"]
    assert roles(result.top_roles(2)) == ["r0", "r1"]
    assert result.sections()["nearest"] == []


def test_with_none_open_the_nearest_lead_the_page_the_chart_and_the_share_form():
    result = ranked("close", "not_yet", "not_yet", "not_yet", "does_not_fit")
    assert roles(result.top_roles()) == ["r0", "r1", "r2"]
    sections = result.sections()
    # The first leads the page on its own; the others follow, folded (issue 34).
    assert roles([sections["first"], *sections["nearest"]]) == ["r0", "r1", "r2"]
    assert sections["close"] == []
    assert roles(sections["later"]) == ["r3"]
    many_close = ranked(*["close"] * 6, "not_yet")
    assert roles(many_close.top_roles(12)) == [f"r{n}" for n in range(6)]
    assert len(many_close.sections()["nearest"]) == 2


def test_a_result_page_looks_its_assessment_up_by_token_once(client):
    token = finish(client)
    assert Assessment.objects.by_token(token).get().result
    assert client.get(result_url("A" * 32)).status_code == 404


def test_the_chart_draws_what_charts_computed(client):
    token = finish(client)
    text = client.get(reverse("careers:result_detail", args=[token])).content.decode()
    chart = text[text.index("<svg") : text.index("</svg>")]
    rows = len(charts.DIMENSIONS)
    assert f'viewBox="0 0 {charts.CHART_WIDTH} {rows * charts.ROW_HEIGHT}"' in chart
    assert chart.count(f'width="{charts.BAR_WIDTH}"') == rows
    assert (
        chart.count(f'height="{charts.BAR_HEIGHT}" rx="{charts.BAR_RADIUS}"')
        == 2 * rows
    )


def test_with_none_open_the_jobs_of_every_close_role_are_shown(client):
    token = finish(client)
    result = Result.objects.get()
    ranked = result.recommendation["recommendations"]
    for item in ranked:
        if item["verdict"] == "eligible":
            item["verdict"] = "close"  # nothing open now: the close roles lead the page
    Result.objects.filter(pk=result.pk).update(recommendation=result.recommendation)
    leading = [item["role"] for item in result.top_roles()]
    close_roles = Role.objects.filter(slug__in=leading)
    assert close_roles.exists()
    for role in close_roles:
        JobListingFactory(published=True, role=role, title=f"Hiring: {role.slug}")

    page = client.get(reverse("careers:result_detail", args=[token]))

    for role in close_roles:
        assertContains(page, f"Hiring: {role.slug}")
