"""Settings read from the environment, and SQLite tuned for a web server."""

import select
from pathlib import Path
from unittest.mock import patch

import psycopg
import pytest
from django.core.exceptions import ImproperlyConfigured

from outsourcing.settings import BASE_DIR, database_config


def test_sqlite_url_is_relative_to_the_project():
    config = database_config("sqlite:///db.sqlite3")
    assert config["NAME"] == BASE_DIR / "db.sqlite3"
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_absolute_sqlite_path():
    assert database_config("sqlite:////tmp/x.db")["NAME"] == Path("/tmp/x.db")


def test_postgres_url():
    config = database_config("postgres://postgres:s%40cret@127.0.0.1:5432/careers")
    assert config["ENGINE"] == "outsourcing.postgresql"
    assert config["CONN_HEALTH_CHECKS"]
    assert (config["USER"], config["PASSWORD"], config["HOST"], config["PORT"]) == (
        "postgres",
        "s@cret",
        "127.0.0.1",
        "5432",
    )
    assert config["NAME"] == "careers"


def test_postgres_prepares_statements_unless_the_url_says_otherwise():
    options = database_config("postgres://db/careers")["OPTIONS"]
    assert options == {"server_side_binding": True, "prepare_threshold": 5}
    options = database_config(
        "postgres://db/careers?prepare_threshold=none&sslmode=require"
    )["OPTIONS"]
    assert options["prepare_threshold"] is None
    assert options["sslmode"] == "require"


def test_unknown_database_scheme_is_named():
    with pytest.raises(ImproperlyConfigured, match="mysql"):
        database_config("mysql://root@localhost/db")


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


def test_kept_postgres_connection_is_checked_without_a_query(postgres_connection):
    pid = _backend_pid(postgres_connection)
    raw = postgres_connection.connection
    # The next request: Django checks the kept connection before its first query.
    with patch.object(raw, "cursor", side_effect=AssertionError("a query was sent")):
        postgres_connection.close_if_unusable_or_obsolete()
        postgres_connection.close_if_health_check_failed()
    assert postgres_connection.connection is raw
    assert _backend_pid(postgres_connection) == pid


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
