"""Settings read from the environment, and SQLite tuned for a web server."""

import os
import select
import subprocess
import sys

import psycopg
import pytest
from django.core.exceptions import ImproperlyConfigured

from outsourcing.settings import BASE_DIR, database_config


def test_sqlite_url_is_relative_to_the_project():
    config = database_config("sqlite:///db.sqlite3")
    assert config["NAME"] == str(BASE_DIR / "db.sqlite3")
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_absolute_sqlite_path():
    assert database_config("sqlite:////tmp/x.db")["NAME"] == "/tmp/x.db"


def test_postgres_url():
    config = database_config("postgres://postgres:s%40cret@127.0.0.1:5432/careers")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["CONN_HEALTH_CHECKS"]
    assert (config["USER"], config["PASSWORD"], config["HOST"], config["PORT"]) == (
        "postgres",
        "s@cret",
        "127.0.0.1",
        5432,
    )
    assert config["NAME"] == "careers"


def test_postgres_prepares_no_statements_on_the_server_unless_asked(monkeypatch):
    # A statement prepared on the server breaks when a migration changes its columns.
    options = database_config("postgres://db/careers?sslmode=require")["OPTIONS"]
    assert options["prepare_threshold"] is None
    assert options["sslmode"] == "require"
    monkeypatch.setenv("DJANGO_DB_PREPARE_THRESHOLD", "5")
    assert database_config("postgres://db/careers")["OPTIONS"]["prepare_threshold"] == 5


def test_unknown_database_scheme_is_named():
    with pytest.raises(ImproperlyConfigured, match="mysql"):
        database_config("mysql://root@localhost/db")


def cache_settings(**env: str) -> list[str]:
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='outsourcing.settings';"
        "from django.conf import settings; c = settings.CACHES;"
        "print(c['default']['BACKEND'], c['pages']['KEY_PREFIX'], settings.SESSION_ENGINE)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
        check=True,
    )
    return done.stdout.split()


def test_redis_url_shares_the_cache_and_a_deploy_gets_new_keys():
    redis = {"REDIS_URL": "redis://127.0.0.1:6379/3"}
    backend, before, sessions = cache_settings(**redis, DJANGO_RELEASE="r1")
    assert backend == "django_redis.cache.RedisCache"
    # Sessions stay in the database: a logout while Redis is away must hold.
    assert sessions == "django.contrib.sessions.backends.db"
    _, after, _ = cache_settings(**redis, DJANGO_RELEASE="r2")
    assert before != after
    # Without DJANGO_RELEASE the git revision names the release.
    revision = subprocess.run(
        ["git", "rev-parse", "--short=12", "HEAD"],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert revision in cache_settings(**redis, DJANGO_RELEASE="")[1]


def test_sqlite_connections_use_wal_and_a_busy_timeout(sqlite_connection):
    with sqlite_connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 20000
        cursor.execute("PRAGMA foreign_keys")
        assert cursor.fetchone()[0] == 1


def _backend_pid(connection) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def test_postgres_connection_ended_by_the_server_is_replaced(postgres_connection):
    """A database restart or an idle timeout must not turn the next request into a 500."""
    pid = _backend_pid(postgres_connection)
    settings = postgres_connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"],
        port=settings["PORT"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        dbname=settings["NAME"],
        autocommit=True,
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    # The server's goodbye reaches the socket a moment later.
    poller = select.poll()
    poller.register(postgres_connection.connection.fileno(), select.POLLIN)
    assert poller.poll(5000)
    postgres_connection.close_if_unusable_or_obsolete()
    postgres_connection.close_if_health_check_failed()
    assert _backend_pid(postgres_connection) != pid
