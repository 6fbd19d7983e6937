"""Shared fixtures: the real catalogue, users, and a real browser against a live server."""

import datetime as dt
import os
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.utils import translation
from pytest_django.live_server_helper import LiveServer

from careers.catalogue.models import scoring_catalogue
from careers.models import Employer, Recruiter, Role
from careers.scoring import Catalogue
from careers.web.caching import forget_values
from tests.factories import UserFactory
from tests.helpers import load_catalogue

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the
# tests (and the live server's thread) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_configure(config):
    from django.conf import settings

    # Tests run without `collectstatic`: WhiteNoise serves from the source folders.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    settings.WHITENOISE_USE_FINDERS = True
    settings.STATIC_ROOT = None
    # Logins in tests need no protection from brute force, only speed.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Every test empties the caches: they are the process's own, never a Redis that
    # REDIS_URL may name (clearing that would flush a database the tests did not make).
    settings.CACHES = {
        name: {**cache, "BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
        for name, cache in settings.CACHES.items()
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # Every database test sees the real catalogue, loaded once; each test's own changes
    # are rolled back around it.
    with django_db_blocker.unblock():
        call_command("loaddata", "catalogue", verbosity=0)


@pytest.fixture(autouse=True)
def empty_cache():
    # Rate-limit counters, cached pages and the cached catalogue start afresh in every test.
    for cache in caches.all():
        cache.clear()
    forget_values()
    yield
    for cache in caches.all():
        cache.clear()
    forget_values()


@pytest.fixture(autouse=True)
def english_to_start():
    # LocaleMiddleware leaves the last request's language active in this thread (each
    # request of a server sets its own): every test starts, and ends, in English.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def frozen_clock():
    """The clock stands still mid-minute, so a rate-limit test cannot straddle a window's
    edge however slow the machine; `frozen_clock.shift(seconds)` moves it on."""
    start = dt.datetime(2026, 12, 1, 10, 0, 30, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False) as traveller:
        yield traveller


@pytest.fixture
def sqlite_connection(tmp_path, django_db_blocker):
    """A connection to a fresh SQLite file, configured as settings.py configures ours."""
    from django.db.utils import ConnectionHandler

    from outsourcing.settings import database_config

    connection = ConnectionHandler(
        {"default": database_config(f"sqlite:///{tmp_path}/t.db")}
    )["default"]
    with django_db_blocker.unblock():
        yield connection
        connection.close()


LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


@pytest.fixture
def postgres_connection(django_db_blocker):
    """A connection to PostgreSQL (the suite's own, or the local server), configured as
    settings.py configures ours. Without a server it fails in CI and skips elsewhere."""
    from django.db.utils import ConnectionHandler

    from outsourcing.settings import database_config

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres:", "postgresql:")):
        url = LOCAL_POSTGRES
    connection = ConnectionHandler({"default": database_config(url)})["default"]
    with django_db_blocker.unblock():
        try:
            connection.ensure_connection()
        except Exception as error:
            if os.environ.get("CI") == "true":
                pytest.fail(f"PostgreSQL is needed in CI: {error}")
            pytest.skip(f"no PostgreSQL reachable: {error}")
        yield connection
        connection.close()


@pytest.fixture
def recruiter(db):
    return UserFactory(recruiter=True, username="asha")


@pytest.fixture
def other_recruiter(db):
    return UserFactory(recruiter=True, username="bilal")


@pytest.fixture
def editor(db):
    return UserFactory(catalogue_editor=True, username="chen")


@pytest.fixture
def recruiter_client(client, recruiter):
    client.force_login(recruiter)
    return client


@pytest.fixture
def moderator(db):
    return UserFactory(username="meera", moderator=True)


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def harbour(db, recruiter):
    employer = Employer.objects.create(
        name="Harbour Contact Centre",
        website_domain="harbour.example",
        registration_number="27AAACH1234F1Z5",
    )
    Recruiter.objects.create(user=recruiter, employer=employer)
    return employer


@pytest.fixture
def preview_store(settings):
    """The "imports" cache as production has it, a table in the database (conftest
    makes every cache the process's own); yields a count of the files kept in it."""
    settings.CACHES = {
        **settings.CACHES,
        "imports": {
            **settings.CACHES["imports"],
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        },
    }

    def stored() -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM careers_import_preview")
            return cursor.fetchone()[0]

    return stored


@pytest.fixture
def catalogue(db) -> Catalogue:
    return scoring_catalogue()


# --- Browser tests ----------------------------------------------------------------------


class ProductionLikeLiveServer(LiveServer):
    """Static files go through WhiteNoise and GZip, as in production.

    (pytest-django's own live server serves them raw, which would hide what users download.)
    """

    def __init__(self, addr: str) -> None:
        super().__init__(addr, start=False)
        self.thread.static_handler = lambda handler: handler
        self.start()

    def stop(self) -> None:
        # The browser's keep-alive connections close their (shared, in-memory SQLite)
        # database connection after the server stops, so leave it shareable.
        self.thread.terminate()


@pytest.fixture(scope="session")
def live_server(request):
    server = ProductionLikeLiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture
def site(live_server, transactional_db):
    """The live server's URL, with the catalogue and groups that live-server tests flush."""
    if not Role.objects.exists():
        load_catalogue()
        # The groups as the migrations leave them (test_admin.py checks the two agree).
        call_command("loaddata", "groups", verbosity=0)
    return live_server.url


CHROMIUM = Path("/usr/bin/chromium")


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        message = "No browser at /usr/bin/chromium: install it with `apt-get install -y chromium`."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
        "headless": True,
    }


@pytest.fixture(autouse=True)
def no_csp_violations(request, monkeypatch):
    """Every browser test fails if the Content Security Policy blocked anything.

    Chromium reports each blocked script, style or frame as a console error; every page of
    every context a test opens is watched, the htmx journeys and the admin included.
    """
    if not {"page", "browser"} & set(request.fixturenames):
        yield []
        return
    from playwright.sync_api import Browser

    violations: list[str] = []
    original = Browser.new_context

    def new_context(self, *args, **kwargs):
        context = original(self, *args, **kwargs)
        context.on(
            "console",
            lambda message: (
                violations.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
        return context

    monkeypatch.setattr(Browser, "new_context", new_context)
    yield violations
    assert violations == []
