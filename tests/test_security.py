"""Security headers, HTTPS, the deploy checks, login lock-out and the security log (rate
limits: test_rate_limits.py)."""

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
from django.test import Client
from django.urls import reverse

from careers.web.logins import login_username
from tests.factories import UserFactory
from tests.helpers import HTMX, finish, security_events, start, step_url

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


# --- Rate limits --------------------------------------------------------------------------


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
