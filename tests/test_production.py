"""The production path: start-up refuses unsafe settings; health checks; static files."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import DatabaseError
from django.urls import reverse

from tests.helpers import create_share, finish, step_url

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = "k" * 25 + "production-key-0123456789abcdef"


def start_django(**env: str) -> subprocess.CompletedProcess:
    """Run `manage.py check` with DEBUG off and the given environment."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_a_secret_key():
    done = start_django(DJANGO_ALLOWED_HOSTS="careerfit.example")
    assert done.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in done.stderr


def test_production_refuses_a_weak_secret_key():
    done = start_django(
        DJANGO_SECRET_KEY="secret", DJANGO_ALLOWED_HOSTS="careerfit.example"
    )
    assert done.returncode != 0
    assert "DJANGO_SECRET_KEY is too weak" in done.stderr
    insecure = start_django(
        DJANGO_SECRET_KEY="django-insecure-" + "x1y2z3" * 10,
        DJANGO_ALLOWED_HOSTS="careerfit.example",
    )
    assert "too weak" in insecure.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    done = start_django(DJANGO_SECRET_KEY=STRONG_KEY)
    assert done.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS is empty" in done.stderr


def test_production_starts_with_safe_settings(tmp_path):
    done = start_django(
        DJANGO_SECRET_KEY=STRONG_KEY,
        DJANGO_ALLOWED_HOSTS="careerfit.example",
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
    )
    assert done.returncode == 0, done.stderr


def test_debug_mode_needs_no_secrets(tmp_path):
    done = start_django(
        DJANGO_DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3"
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.django_db
def test_healthz_answers_200_while_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("careers.views.health.connection.cursor", broken)
    assert client.get("/healthz").status_code == 503


@pytest.mark.django_db
def test_every_page_still_works_while_the_cache_is_down(client, settings):
    # Nothing listens on port 9: every cache call fails, and is ignored.
    down = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
    }
    settings.CACHES = {"default": down, "pages": down}
    for url in ("/", "/careers/", "/roles/medical-coder/", "/quiz/", "/healthz"):
        assert client.get(url).status_code == 200, url
    token = finish(client)
    assert client.get(reverse("careers:result_detail", args=[token])).status_code == 200
    share = create_share(client, token)
    assert client.get(share.get_absolute_url()).status_code == 200
    assert client.get(step_url(token, 4)).status_code == 200


@pytest.mark.django_db
def test_static_files_leave_compressed(client):
    response = client.get("/static/css/site.css", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
