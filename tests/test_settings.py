"""Settings read from the environment, and SQLite tuned for a web server."""

from pathlib import Path

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
    assert config["ENGINE"] == "django.db.backends.postgresql"
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
