"""What an outside audit found: bad input gets a clear page, never a 500; nobody's quiz is
taken over; nothing private is kept where others can read it."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.http import HttpRequest
from django.test import Client
from django.urls import reverse
from PIL import Image, ImageDraw

from careers.assessments.views.quiz import QUIZ_COOKIE
from careers.management.commands.seed_demo import DEMO_PASSWORD, DEMO_USERNAME
from careers.models import Assessment
from careers.sharing.cards import _face, _wrap, draw_card
from tests.factories import JobListingFactory
from tests.helpers import (
    ANSWERS,
    HTMX,
    answer_all,
    create_share,
    finish,
    start,
    step_url,
)

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"


# --- Bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize("charset", ["utf-16", "latin-1", "utf8"])
@pytest.mark.parametrize("url", ["/en/quiz/", "/admin/login/", "/en/quiz/forget/"])
def test_a_form_in_another_charset_is_a_400_that_says_so(charset, url):
    client = Client(enforce_csrf_checks=True)
    client.get("/en/quiz/")  # a CSRF cookie, sent back in the header, as htmx does
    token = client.cookies["csrftoken"].value
    response = client.post(
        url,
        "a=b",
        content_type=f"{FORM}; charset={charset}",
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 400
    assert f"sent with the text encoding “{charset}”" in response.text
    assert "Nothing you saved before has been lost" in response.text


@pytest.mark.parametrize(
    "query",
    [
        "published_at__year=" + "9" * 25,
        "published_at__year=2026&published_at__month=1x",
    ],
)
def test_admin_date_filters_beyond_any_date_are_a_400(recruiter_client, query):
    response = recruiter_client.get(
        reverse("admin:careers_joblisting_changelist") + "?" + query
    )
    assert response.status_code == 400
    assert "is not a" in response.text


@pytest.mark.parametrize(
    "url",
    [
        "/admin/careers/joblisting/?status__exact=%00",
        "/admin/careers/joblisting/?q=a%00b",
        "/admin/careers/occupation/%00/change/",
        "/en/careers/?x%00=1",
    ],
)
def test_a_nul_character_in_the_address_is_a_400(recruiter_client, url):
    response = recruiter_client.get(url)
    assert response.status_code == 400
    assert "The address had a hidden character" in response.text


@pytest.mark.parametrize("cookie", ["abc\x00" * 5, "x" * 20 + "'; --", "é" * 20])
def test_junk_in_the_quiz_cookie_is_ignored(cookie):
    client = Client()
    client.cookies[QUIZ_COOKIE] = cookie
    response = client.get("/en/quiz/")
    assert response.status_code == 200
    assert "Start the quiz" in response.text


def test_a_listing_currency_is_checked_after_upper_casing(recruiter):
    listing = JobListingFactory.build(owner=recruiter, salary_currency="ﬀﬀﬀ")
    with pytest.raises(Exception, match="3-letter code") as error:
        listing.full_clean()
    assert "salary_currency" in error.value.message_dict
    listing.salary_currency = "php"
    listing.full_clean()
    assert listing.salary_currency == "PHP"


@pytest.mark.parametrize("url", ["/en/", "/en/careers/", "/en/quiz/", "/healthz"])
def test_head_answers_as_get_without_a_body(client, url):
    response = client.head(url)
    assert response.status_code == 200
    assert response.content == b""


def test_head_on_a_quiz_step_and_a_shared_link(client):
    token = finish(client)
    assert client.head(step_url(token, 2)).status_code == 200
    assert (
        client.head(reverse("careers:result_detail", args=[token])).status_code == 200
    )


# --- The share card ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rechtsschutzversicherungsgesellschaften" * 8,
        "https://example.com/" + "a" * 400,
        "数据录入专员" * 60,
        "डेटाएंट्रीऑपरेटर" * 40,
        "आप अभी आवेदन कर सकते हैं: कस्टमर सपोर्ट एसोसिएट और डेटा एंट्री ऑपरेटर। " * 20,
        "short words then " + "x" * 300,
    ],
)
def test_card_wrapping_ends_and_keeps_every_line_inside_the_card(text):
    draw = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    face = _face(27)
    lines = _wrap(draw, text, face, 600, max_lines=3)
    assert 1 <= len(lines) <= 3
    assert all(face.length(draw, line) <= 600 for line in lines)
    assert lines[-1].endswith("…")


def test_a_card_with_unbroken_titles_is_drawn():
    snapshot = {
        "summary": "Ausbildungsplatzvermittlung" * 30,
        "roles": [
            {"title": "T" * 500, "sector": "BPO", "verdict": "eligible"},
            {"title": "数据" * 200, "sector": "KPO", "verdict": "close", "score": 80},
        ],
    }
    assert draw_card(snapshot).startswith(b"\x89PNG")


# --- Nobody's quiz taken over ---------------------------------------------------------------


def test_opening_someone_elses_link_keeps_this_devices_own_quiz(client):
    mine = start(client)
    client.post(step_url(mine, 1), ANSWERS[1])
    theirs = finish(Client())
    assert client.get(step_url(theirs, 1)).status_code == 200
    assert (
        client.get(reverse("careers:result_detail", args=[theirs])).status_code == 200
    )
    assert client.cookies[QUIZ_COOKIE].value == mine
    page = client.get("/en/quiz/")
    assert step_url(mine, 2) in page.text


def test_this_is_not_my_quiz_forgets_it_on_this_device(client):
    token = start(client)
    page = client.get("/en/quiz/")
    assert "This is not my quiz" in page.text
    response = client.post(reverse("careers:quiz_forget"))
    assert response.status_code == 302
    page = client.get("/en/quiz/")
    assert "Continue where you left off" not in page.text
    assert "Start the quiz" in page.text
    assert Assessment.objects.filter(token=token).exists()  # nothing deleted


def test_private_pages_are_never_stored_or_indexed(client):
    token = finish(client)
    for url in [
        "/en/quiz/",
        step_url(token, 3),
        reverse("careers:result_detail", args=[token]),
    ]:
        response = client.get(url)
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
        assert "noindex" in response["X-Robots-Tag"]


def test_the_share_card_is_asked_again_each_time_like_its_page(client):
    share = create_share(client, finish(client))
    card = Client().get(reverse("careers:share_card", args=[share.token]))
    page = Client().get(share.get_absolute_url())
    assert card["Cache-Control"] == page["Cache-Control"] == "private, no-cache"
    share.revoke()
    assert (
        Client().get(reverse("careers:share_card", args=[share.token])).status_code
        == 410
    )


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


def test_the_demo_recruiter_cannot_log_in_without_debug_on_a_seeded_database(
    settings, client
):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)  # as `make run` does
    credentials = {"username": DEMO_USERNAME, "password": DEMO_PASSWORD}
    assert client.login(request=HttpRequest(), **credentials)
    settings.DEBUG = False  # the same database, served in production
    assert client.get("/admin/").status_code == 302  # the old session no longer counts
    assert not Client().login(request=HttpRequest(), **credentials)
    user = get_user_model().objects.get(username=DEMO_USERNAME)
    assert user.check_password(DEMO_PASSWORD)  # refused although the password is right


# --- Rate limits by device, with the real wait ----------------------------------------------


def test_a_class_behind_one_address_can_all_take_the_quiz(frozen_clock):
    lab = [Client(REMOTE_ADDR="203.0.113.40") for _ in range(80)]
    assert all(c.post("/en/quiz/").status_code == 302 for c in lab)


def test_answering_is_limited_per_quiz_and_the_429_says_how_long(client, frozen_clock):
    token = start(client)
    for _ in range(60):
        client.post(step_url(token, 1), ANSWERS[1], **HTMX)
    refused = client.post(step_url(token, 2), ANSWERS[2], **HTMX)
    assert refused.status_code == 429
    wait = int(refused["Retry-After"])
    assert 1 <= wait <= 60
    assert f"Please wait {wait} second" in refused.text
    # Another quiz from the same address goes on.
    other = Client()
    first_step = other.post("/en/quiz/").url
    assert other.post(first_step, ANSWERS[1]).status_code == 302


# --- Nothing private in the shared cache ----------------------------------------------------


@pytest.fixture
def shared_redis_cache(settings):
    """The default cache in the local Redis, under a prefix of this test's own; only its
    own keys are read and deleted afterwards."""
    import os
    import secrets

    import redis

    client = redis.Redis.from_url(LOCAL_REDIS)
    try:
        client.ping()
    except redis.RedisError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is needed in CI: {error}")
        pytest.skip(f"no Redis reachable: {error}")
    prefix = f"careerfit-test-{secrets.token_hex(6)}"
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": LOCAL_REDIS,
            "KEY_PREFIX": prefix,
        },
    }
    yield client, prefix
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)


LOCAL_REDIS = "redis://127.0.0.1:6379/0"


def test_no_quiz_or_share_token_is_stored_in_the_shared_cache(shared_redis_cache):
    client, prefix = shared_redis_cache
    browser = Client()
    token = finish(browser)
    browser.get(reverse("careers:result_detail", args=[token]))
    share = create_share(browser, token)
    stranger = Client()
    stranger.get(share.get_absolute_url())
    stranger.get(reverse("careers:share_card", args=[share.token]))
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    assert keys  # rate-limit counts and the generation were written there
    stored = b"".join(key + (client.get(key) or b"") for key in keys)
    assert token.encode() not in stored
    assert share.token.encode() not in stored
