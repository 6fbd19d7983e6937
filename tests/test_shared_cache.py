"""The shared cache (Redis) on the production path: a Redis that hangs costs a request
at most one short timeout, and every release of a rolling deploy shares its counters
and its generation (only rendered pages are kept per release)."""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
import redis
from django.test import Client, RequestFactory
from django.urls import reverse
from django_ratelimit.core import get_usage

from careers.models import Assessment
from careers.sharing.views import SHARE_MISS_RATE
from careers.web import caching
from careers.web.caching import FailFastRedis, forget_values
from outsourcing.settings import redis_cache
from tests.helpers import ANSWERS, create_share, finish, step_url
from tests.servers import ROOT, cluster, drop_database, postgres_database

ROLE_PAGE = "/en/roles/voice-customer-support-associate/"

# --- A Redis that hangs ------------------------------------------------------------------


@pytest.fixture
def hung_redis() -> Iterator[str]:
    """The URL of a server that accepts connections and never answers, as a Redis
    stopped with `kill -STOP` does: the kernel completes the connections, and nobody
    reads them."""
    listener = socket.create_server(("127.0.0.1", 0), backlog=128)
    yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
    listener.close()


def use_hung_cache(settings, url: str) -> None:
    """The default cache configured as in production, on the hung server at `url`;
    the generation not yet read, as in a new process."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {**redis_cache(url), "KEY_PREFIX": "careerfit-default"},
    }
    forget_values()


@pytest.fixture
def hung_cache(settings, hung_redis):
    use_hung_cache(settings, hung_redis)


@pytest.fixture
def asked(monkeypatch) -> list[tuple]:
    """The commands that reached a Redis (each one, hung, waits out the 0.25 s socket
    timeout): counted rather than timed, so a busy machine cannot fail or pass the tests.
    The pause after a failure outlasts any test, however slow the machine."""
    commands: list[tuple] = []
    reach = redis.Redis.execute_command

    def counted(self, *args, **options):
        commands.append(args)
        return reach(self, *args, **options)

    monkeypatch.setattr(redis.Redis, "execute_command", counted)
    monkeypatch.setattr(caching, "CACHE_DOWN_SECONDS", 3600.0)
    return commands


def test_a_hung_redis_costs_a_request_at_most_a_quarter_second():
    options = redis_cache("redis://127.0.0.1:6379/0")["OPTIONS"]
    assert options["SOCKET_CONNECT_TIMEOUT"] <= 0.25
    assert options["SOCKET_TIMEOUT"] <= 0.25


def journey() -> None:
    """A visitor's whole journey, public pages to a shared result."""
    browser = Client()
    for url in ("/en/", "/en/careers/", ROLE_PAGE):
        assert browser.get(url).status_code == 200, url
    assert browser.post(reverse("careers:quiz_start")).status_code == 302
    token = Assessment.objects.latest("created_at").token
    for number in range(1, 8):
        url = step_url(token, number)
        response = browser.post(url, ANSWERS[number])
        assert response.status_code == 302, (number, response.content[:500])
        assert browser.get(url).status_code == 200, number
    result = reverse("careers:result_detail", args=[token])
    assert browser.get(result).status_code == 200
    share = create_share(browser, token)
    assert Client().get(share.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_a_whole_journey_waits_for_a_hung_redis_once(settings, hung_redis, asked):
    # Before: each command waited its own timeout (each step 2.0–3.5 s, the result page
    # over 180 s, the generation asked again for each of ~500 messages).
    use_hung_cache(settings, hung_redis)
    journey()
    assert len(asked) == 1, asked[:5]


@pytest.mark.django_db
def test_a_result_page_waits_for_a_hung_redis_once_in_a_new_process(
    settings, hung_redis, asked
):
    # Before: 26 s in process (over 180 s as a new process's first request); under
    # gunicorn, no answer after 70 s.
    token = finish(Client())
    url = reverse("careers:result_detail", args=[token])
    use_hung_cache(settings, hung_redis)  # the generation not yet read
    assert Client().get(url).status_code == 200
    assert len(asked) == 1, asked[:5]


@pytest.mark.django_db
def test_rate_limits_let_requests_through_while_redis_hangs(hung_cache, asked):
    browser = Client()
    statuses = {browser.get(f"/en/s/{'z' * 40}{n:03d}/").status_code for n in range(25)}
    assert statuses == {404}  # 25 misses, over the 20 a minute: the limits fail open
    assert len(asked) == 1, asked[:5]


def test_a_failed_redis_is_left_alone_for_a_while_then_asked_again(
    hung_redis, asked, monkeypatch
):
    client = FailFastRedis.from_url(hung_redis, socket_timeout=0.25)
    for _ in range(3):
        with pytest.raises(redis.RedisError):
            client.get("key")
    assert len(asked) == 1  # asked once, then not while it is down
    client.close()
    # Once the pause is over (here at once), it is asked again, each time.
    monkeypatch.setattr(caching, "CACHE_DOWN_SECONDS", 0.0)
    client = FailFastRedis.from_url(hung_redis, socket_timeout=0.25)
    for _ in range(2):
        with pytest.raises(redis.RedisError):
            client.get("key")
    assert len(asked) == 3
    client.close()


# --- Two releases at once (a rolling deploy) -------------------------------------------


def fetch(url: str, headers: dict | None = None, opener=None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=30) as got:
            return got.status, got.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def manage_shell(database: str, code: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def two_releases():
    """Release "a" and release "b" of the site side by side, as during a rolling deploy,
    on one database (with an editor and a published listing) and one Redis."""
    database = postgres_database()
    try:
        listing = manage_shell(
            database,
            "from tests.factories import JobListingFactory, UserFactory;"
            "UserFactory(username='editor', is_staff=True, is_superuser=True);"
            "print(JobListingFactory(published=True, title='Night shift voice agent').pk)",
        )
        with cluster(
            [{"DJANGO_RELEASE": "a"}, {"DJANGO_RELEASE": "b"}], database=database
        ) as urls:
            yield urls, int(listing)
    finally:
        drop_database(database)


def address_with_time_left(seconds: int) -> str:
    """A client address whose minute of counting has `seconds` left (django-ratelimit
    staggers each key's minute), so that a burst is counted in one minute."""
    for last in range(1, 255):
        address = f"198.51.100.{last}"
        request = RequestFactory().get("/", REMOTE_ADDR=address)
        usage = get_usage(
            request, group="share-miss", key="ip", rate=SHARE_MISS_RATE, increment=False
        )
        if usage["time_left"] >= seconds:
            return address
    raise AssertionError("no address with time left")


def test_a_rate_limit_counted_by_one_release_holds_on_the_other(two_releases):
    (release_a, release_b), _ = two_releases
    address = {"X-Forwarded-For": address_with_time_left(30)}
    misses = [
        fetch(f"{release_a}/en/s/{'m' * 40}{n:03d}/", address)[0] for n in range(20)
    ]
    assert misses == [404] * 20  # the 20 a minute this address may miss
    status, _ = fetch(f"{release_b}/en/s/{'m' * 40}999/", address)
    assert status == 429, "release b counted release a's misses apart"


def test_an_edit_through_one_release_shows_on_the_other_in_seconds(two_releases):
    (release_a, release_b), listing = two_releases
    assert "Night shift voice agent" in fetch(release_b + ROLE_PAGE)[1]  # now cached

    editor = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )

    def csrf_of(page: str) -> str:
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]

    _, login = fetch(f"{release_a}/admin/login/", opener=editor)
    form = {
        "username": "editor",
        "password": "correct-horse-battery",
        "csrfmiddlewaretoken": csrf_of(login),
        "next": "/admin/",
    }
    request = urllib.request.Request(
        f"{release_a}/admin/login/", urllib.parse.urlencode(form).encode()
    )
    with editor.open(request, timeout=30) as page:
        assert page.url.endswith("/admin/"), "the editor could not log in"
    changelist_url = f"{release_a}/admin/careers/joblisting/"
    _, changelist = fetch(changelist_url, opener=editor)
    close = {
        "action": "close",
        "_selected_action": str(listing),
        "csrfmiddlewaretoken": csrf_of(changelist),
    }
    request = urllib.request.Request(
        changelist_url, urllib.parse.urlencode(close).encode()
    )
    with editor.open(request, timeout=30) as page:
        assert "Closed 1 listing" in page.read().decode()
    closed_at = time.monotonic()

    # Release b reads the generation once a second (5 s allows for a slow machine);
    # before, it read a generation of its own and served its cached page for the rest
    # of the minute.
    while "Night shift voice agent" in fetch(release_b + ROLE_PAGE)[1]:
        assert time.monotonic() - closed_at < 5, "release b still shows the listing"
        time.sleep(0.2)


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


@pytest.mark.django_db
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
