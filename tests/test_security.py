"""Security headers, HTTPS, the deploy checks, rate limits, login lock-out and the security log."""

import ipaddress
import json
import os
import re
import subprocess
import sys
from importlib import import_module

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.http import HttpRequest
from django.test import Client
from django.urls import reverse

from careers.models import Assessment
from careers.web.clients import client_ip
from careers.web.logins import login_username
from careers.web.ratelimits import wait_in_words
from tests.factories import UserFactory
from tests.helpers import ANSWERS, HTMX, finish, start, step_url

DJANGO = [sys.executable, "-c"]
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "prod-like-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH",
    "DJANGO_ALLOWED_HOSTS": "careerfit.example",
}


def production(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run manage.py with production's environment (HTTPS on, DEBUG off)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CI"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def csp(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part)
    }


# --- Deployment checks and HTTPS ----------------------------------------------------------


def test_deploy_checks_pass_with_production_values():
    result = production("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_deploy_checks_fail_when_https_is_turned_off():
    # The same check, with plain HTTP: proof that the check above can fail.
    result = production(
        "check", "--deploy", "--fail-level", "WARNING", DJANGO_HTTPS="0"
    )
    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS" in result.stderr


PROBE = """
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "outsourcing.settings")
django.setup()
from django.test import Client
c = Client(HTTP_HOST="careerfit.example")
plain = c.get("/en/quiz/")
secure = c.get("/healthz", secure=True)
health = c.get("/healthz")
print(plain.status_code, plain.get("Location"))
print(secure.status_code, secure.get("Strict-Transport-Security"))
print(health.status_code, health.get("Strict-Transport-Security"))
"""


def test_production_redirects_to_https_and_sends_hsts(tmp_path):
    result = subprocess.run(
        [*DJANGO, PROBE],
        cwd=settings.BASE_DIR,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            **PRODUCTION_ENV,
            "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    plain, secure, health = result.stdout.splitlines()
    assert plain == "301 https://careerfit.example/en/quiz/"
    assert secure == "200 max-age=31536000; includeSubDomains; preload"
    # Load balancers check health over plain HTTP inside the network: no redirect.
    assert health == "200 None"


def test_hsts_only_over_https(client, settings, db):
    settings.SECURE_HSTS_SECONDS = 3600
    assert "Strict-Transport-Security" not in client.get("/healthz")
    assert (
        Client()
        .get("/healthz", secure=True)["Strict-Transport-Security"]
        .startswith("max-age=3600")
    )


# --- Headers on every response ------------------------------------------------------------


@pytest.fixture
def finished_token(client):
    return finish(client)


@pytest.mark.django_db
def test_every_kind_of_page_sends_the_security_headers(client, finished_token):
    urls = [
        "/",
        "/en/careers/",
        "/en/roles/medical-coder/",
        "/en/quiz/",
        step_url(finished_token, 2),
        f"/en/results/{finished_token}/",
        "/admin/login/",
        "/no-such-page/",
        "/static/css/site.css",
    ]
    for url in urls:
        response = client.get(url)
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["X-Frame-Options"] == "DENY", url
        assert response["Referrer-Policy"] in {"same-origin", "no-referrer"}, url
        policy = csp(response)
        assert policy["default-src"] == ["'self'"], url
        assert policy["script-src"][0] == "'self'", url
        assert policy["object-src"] == ["'none'"], url
        assert policy["base-uri"] == ["'none'"], url
        assert policy["frame-ancestors"] == ["'none'"], url
        header = response["Content-Security-Policy"]
        assert "unsafe-inline" not in header, url
        assert "unsafe-eval" not in header, url


@pytest.mark.django_db
def test_scripts_carry_this_responses_nonce_even_from_the_page_cache(
    client, finished_token
):
    url = step_url(finished_token, 3)
    nonces = []
    for _ in range(2):  # the second answer comes from the page cache
        response = client.get(url)
        header_nonce = re.search(
            r"'nonce-([^']+)'", response["Content-Security-Policy"]
        )
        page_nonces = set(re.findall(r'<script [^>]*nonce="([^"]+)"', response.text))
        assert page_nonces == {header_nonce.group(1)}
        nonces.append(header_nonce.group(1))
    assert nonces[0] != nonces[1]


@pytest.mark.django_db
@pytest.mark.parametrize("extra", [{}, HTMX])
def test_views_that_answer_htmx_differently_vary_on_it(client, finished_token, extra):
    assert "HX-Request" in client.get(step_url(finished_token, 2), **extra)["Vary"]
    share = client.post(
        reverse("careers:share_create", args=[finished_token]), {"expiry": "7"}, **extra
    )
    assert "HX-Request" in share["Vary"]


def test_htmx_is_configured_for_the_csp(client, db):
    page = client.get(step_url(start(client), 1)).text
    config = json.loads(
        re.search(r"<meta name=\"htmx-config\" content='([^']+)'", page).group(1)
    )
    assert config["allowEval"] is False
    assert config["includeIndicatorStyles"] is False


# --- The client's address -----------------------------------------------------------------


def request_from(remote: str, forwarded: str | None = None) -> HttpRequest:
    request = HttpRequest()
    request.META["REMOTE_ADDR"] = remote
    if forwarded is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return request


def proxies(settings, *networks: str) -> None:
    settings.TRUSTED_PROXIES = [ipaddress.ip_network(n) for n in networks]


def test_forwarded_header_is_ignored_without_a_trusted_proxy(settings):
    proxies(settings)
    assert client_ip(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_forwarded_header_is_ignored_from_a_peer_that_is_not_our_proxy(settings):
    proxies(settings, "10.0.0.0/8")
    # Anyone who reaches the app's port directly is counted by their own address.
    assert client_ip(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_behind_trusted_proxies_the_address_they_saw_counts(settings):
    proxies(settings, "10.0.0.0/8")
    # The client sent "1.2.3.4" itself; the proxy appended the real peer.
    request = request_from("10.0.0.2", "1.2.3.4, 203.0.113.9")
    assert client_ip(request) == "203.0.113.9"
    # Two of our proxies in a row (a load balancer, then nginx).
    request = request_from("10.0.0.3", "1.2.3.4, 203.0.113.9, 10.0.0.2")
    assert client_ip(request) == "203.0.113.9"


@pytest.mark.parametrize(
    ("forwarded", "seen"),
    [
        ("203.0.113.9:4711", "203.0.113.9"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("2001:db8::1", "2001:db8::1"),
        ("<script>", "10.0.0.2"),
        ("", "10.0.0.2"),
        ("1.2.3.4, junk", "10.0.0.2"),
        ("999.1.1.1:80", "10.0.0.2"),
    ],
)
def test_forwarded_entries_with_ports_count_and_junk_never_does(
    settings, forwarded, seen
):
    proxies(settings, "10.0.0.0/8")
    assert client_ip(request_from("10.0.0.2", forwarded)) == seen


@pytest.mark.django_db
@pytest.mark.parametrize(
    "forwarded", ["203.0.113.9:4711", "[2001:db8::1]:443", "junk", "1.2.3.4, :::"]
)
def test_rate_limited_posts_behind_a_proxy_never_fail(settings, forwarded):
    proxies(settings, "127.0.0.0/8")
    client = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client.post("/en/quiz/").status_code == 302


def test_trusted_proxies_are_read_from_the_environment():
    env = os.environ | {"DJANGO_TRUSTED_PROXIES": "10.0.0.0/8, 127.0.0.1"}
    code = "from django.conf import settings; print(settings.TRUSTED_PROXIES)"
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env | {"DJANGO_SETTINGS_MODULE": "outsourcing.settings"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "IPv4Network('10.0.0.0/8')" in out
    assert "127.0.0.1/32" in out
    bad = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env
        | {"DJANGO_TRUSTED_PROXIES": "10.0.0.0/33"}
        | {"DJANGO_SETTINGS_MODULE": "outsourcing.settings"},
        capture_output=True,
        text=True,
    )
    assert bad.returncode != 0
    assert "DJANGO_TRUSTED_PROXIES" in bad.stderr


# --- Rate limits --------------------------------------------------------------------------


def security_events(caplog) -> list[dict]:
    return [
        json.loads(record.getMessage())
        for record in caplog.records
        if record.name == "careers.security"
    ]


@pytest.mark.django_db
def test_starting_quizzes_is_rate_limited_per_address(caplog, frozen_clock):
    # A whole lab may sit behind one address: the ceiling is 600 starts an hour.
    robot = Client(REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.1")
    for _ in range(600):
        assert robot.post(reverse("careers:quiz_start")).status_code == 302
    refused = robot.post(reverse("careers:quiz_start"))
    assert refused.status_code == 429
    assert "Please slow down" in refused.text
    assert f"Please wait {wait_in_words(int(refused['Retry-After']))}" in refused.text
    assert Assessment.objects.count() == 600
    # Another address, or the same one claiming to be forwarded, is counted on its own.
    assert Client(REMOTE_ADDR="203.0.113.8").post("/en/quiz/").status_code == 302
    spoofed = Client(REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert spoofed.post("/en/quiz/").status_code == 429
    [event, *_] = [e for e in security_events(caplog) if e["event"] == "rate_limited"]
    assert event == {
        "event": "rate_limited",
        "ip": "203.0.113.7",
        "method": "POST",
        "route": "en/quiz/",
        "user": None,
    }
    # The limit is per hour: the next hour, the same address may start again.
    frozen_clock.shift(3600)
    assert robot.post(reverse("careers:quiz_start")).status_code == 302


@pytest.mark.django_db
def test_answering_is_rate_limited_and_htmx_shows_the_message(
    client, caplog, frozen_clock
):
    token = start(client)
    for _ in range(60):
        client.post(step_url(token, 1), ANSWERS[1], **HTMX)
    refused = client.post(step_url(token, 2), ANSWERS[2], **HTMX)
    assert refused.status_code == 429
    assert refused["HX-Retarget"] == "#main"
    assert "Please slow down" in refused.text
    assert "education" not in Assessment.objects.get(token=token).answers
    logged = caplog.text
    assert token not in logged
    frozen_clock.shift(60)
    assert client.post(step_url(token, 2), ANSWERS[2]).status_code == 302


@pytest.mark.django_db
def test_rate_limits_can_be_turned_off_for_the_benchmark(settings):
    settings.RATELIMIT_ENABLE = False
    robot = Client()
    assert all(robot.post("/en/quiz/").status_code == 302 for _ in range(70))


# --- Admin logins -------------------------------------------------------------------------


@pytest.mark.django_db
def test_repeated_failed_logins_lock_that_username_out_from_that_address(
    recruiter, other_recruiter, caplog
):
    attacker = Client(REMOTE_ADDR="203.0.113.50")
    login = reverse("admin:login")
    for _ in range(4):
        page = attacker.post(login, {"username": "asha", "password": "guess"})
        assert page.status_code == 200  # the form again, with Django's message
    locked = attacker.post(login, {"username": "ASHA", "password": "guess"})
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.text
    # Even the right password is refused while locked out, from that address only,
    # whatever forwarded address it claims.
    right = {"username": "asha", "password": "correct-horse-battery"}
    spoofed = Client(REMOTE_ADDR="203.0.113.50", HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert spoofed.post(login, right).status_code == 429
    assert Client(REMOTE_ADDR="203.0.113.51").post(login, right).status_code == 302
    # A colleague behind the same address logs in as usual.
    colleague = {"username": "bilal", "password": "correct-horse-battery"}
    assert Client(REMOTE_ADDR="203.0.113.50").post(login, colleague).status_code == 302
    events = security_events(caplog)
    # Every refused attempt is logged, including the one the lock-out refused, with a
    # hash of the username typed (the same in any case), never the name itself.
    assert [e["event"] for e in events].count("login_failed") == 6
    assert [e["event"] for e in events].count("login_locked_out") == 2
    asha = login_username(None, {"username": "asha"})
    assert {e["username_hash"] for e in events if e["event"].startswith("login")} == {
        asha
    }
    assert "asha" not in json.dumps(events)
    assert "guess" not in caplog.text
    assert "correct-horse" not in caplog.text


@pytest.mark.django_db
def test_what_is_typed_as_a_username_is_kept_nowhere(caplog):
    typed = "Monsoon-Password-2026"  # a password, typed into the username box
    page = Client().post(reverse("admin:login"), {"username": typed, "password": "x"})
    assert page.status_code == 200
    assert "Please enter the correct username and password" in page.text
    kept = serializers.serialize(
        "json", [*AccessAttempt.objects.all(), *AccessFailureLog.objects.all()]
    )
    assert AccessAttempt.objects.get().username == login_username(
        None, {"username": typed}
    )
    assert typed not in kept
    assert typed.casefold() not in kept.casefold()
    assert typed not in caplog.text


@pytest.mark.django_db
def test_failed_logins_recorded_before_the_hash_are_forgotten():
    typed = "Monsoon-Password-2026"
    seen = {
        "username": typed,
        "ip_address": "203.0.113.9",
        "user_agent": "",
        "http_accept": "",
        "path_info": "/admin/login/",
    }
    AccessAttempt.objects.create(
        **seen, get_data="", post_data="", failures_since_start=1
    )
    AccessFailureLog.objects.create(**seen, locked_out=False)
    migration = import_module("careers.migrations.0023_forget_typed_usernames")
    migration.forget(apps, None)  # as `migrate` runs it on deploy
    assert not AccessAttempt.objects.exists()
    assert not AccessFailureLog.objects.exists()


@pytest.mark.django_db
def test_an_address_has_a_ceiling_of_logins_an_hour(frozen_clock):
    office = Client(REMOTE_ADDR="203.0.113.70")
    login = reverse("admin:login")
    for number in range(30):  # one try each for 30 names: no lock-out catches this
        page = office.post(login, {"username": f"name{number}", "password": "guess"})
        assert page.status_code == 200
    refused = office.post(login, {"username": "name30", "password": "guess"})
    assert refused.status_code == 429
    assert "Please wait" in refused.text
    assert Client(REMOTE_ADDR="203.0.113.71").post(login, {}).status_code == 200
    frozen_clock.shift(3600)
    assert office.post(login, {"username": "n", "password": "g"}).status_code == 200


# --- Security log -------------------------------------------------------------------------


@pytest.mark.django_db
def test_csrf_failures_and_denied_admin_access_are_logged(caplog):
    strict = Client(enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.60")
    refused = strict.post(reverse("careers:quiz_start"))
    assert refused.status_code == 403
    assert "Please reload the page" in refused.text

    staff = Client()
    staff.force_login(UserFactory(is_staff=True, username="nogroup"))
    assert staff.get(reverse("admin:careers_joblisting_changelist")).status_code == 403
    events = {e["event"]: e for e in security_events(caplog)}
    assert events["csrf_failed"]["ip"] == "203.0.113.60"
    assert events["permission_denied"]["user"] == "nogroup"
    assert events["permission_denied"]["route"].startswith("admin/")


@pytest.mark.django_db
def test_tokens_never_reach_the_log(client, finished_token, caplog):
    share_url = reverse("careers:share_detail", args=["y" * 43])
    client.get(share_url)
    client.get(step_url(finished_token, 9))
    assert "y" * 43 not in caplog.text
    assert finished_token not in caplog.text
    assert "/en/s/<token>/" in caplog.text


@pytest.mark.django_db
def test_an_overlong_username_is_refused_by_the_form_not_the_database():
    response = Client().post(
        reverse("admin:login"), {"username": "a" * 400, "password": "x"}
    )
    assert response.status_code == 200
    assert "Ensure this value has at most 150 characters" in response.text
