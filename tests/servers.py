"""Several app servers sharing PostgreSQL and Redis, as a site that has outgrown one box
runs: for tests of anything that keeps state between requests.

`cluster(tmp_path, envs)` starts one gunicorn per entry of `envs` (each entry the
environment that server differs by, e.g. its own DJANGO_RELEASE), all on one fresh
PostgreSQL database (migrated and loaded as a deploy does) and one Redis database, and
yields their base URLs. Without PostgreSQL or Redis it fails when CI=true and skips
elsewhere.
"""

from __future__ import annotations

import http.cookiejar
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = "postgres://postgres@127.0.0.1:5432"
REDIS = ("127.0.0.1", 6379)
NGINX = Path("/usr/sbin/nginx")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def need(what: str, error: Exception) -> None:
    message = f"{what} is needed for the production-path tests: {error}"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def redis_command(*words: str, db: int = 0) -> bytes:
    """One Redis command over a plain socket (RESP), its raw answer."""
    parts = [f"*{len(words)}\r\n".encode()]
    for word in words:
        parts.append(f"${len(word.encode())}\r\n{word}\r\n".encode())
    with socket.create_connection(REDIS, timeout=5) as sock:
        if db:
            sock.sendall(f"*2\r\n$6\r\nSELECT\r\n${len(str(db))}\r\n{db}\r\n".encode())
            sock.recv(64)
        sock.sendall(b"".join(parts))
        return sock.recv(65536)


_TEMPLATE: list[str] = []  # a database migrated once a run, copied for each cluster


def postgres_database() -> str:
    """A new PostgreSQL database, migrated and loaded by the real commands; its URL."""
    import psycopg

    try:
        admin = psycopg.connect(f"{POSTGRES}/postgres", autocommit=True)
    except psycopg.OperationalError as error:
        need("PostgreSQL at 127.0.0.1:5432", error)
    name = f"careerfit_cluster_{uuid.uuid4().hex[:10]}"
    with admin:
        if _TEMPLATE:
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{_TEMPLATE[0]}"')
            return f"{POSTGRES}/{name}"
        admin.execute(f'CREATE DATABASE "{name}"')
    env = {**os.environ, "DATABASE_URL": f"{POSTGRES}/{name}"}
    for command in (["migrate", "--no-input"], ["sync_catalogue"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=300,
        )
    template = f"{name}_template"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{template}" TEMPLATE "{name}"')
    _TEMPLATE.append(template)
    return f"{POSTGRES}/{name}"


_STATIC: list[str] = []  # collected once a run


def collected_static() -> str:
    """A folder of collected static files (hashed names, as production serves them)."""
    if not _STATIC:
        folder = Path(tempfile.mkdtemp(prefix="careerfit-static-"))
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
            cwd=ROOT,
            env={**os.environ, "DJANGO_STATIC_ROOT": str(folder)},
            check=True,
            timeout=300,
        )
        _STATIC.append(str(folder))
    return _STATIC[0]


def drop_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def cluster(
    envs: list[dict[str, str]], database: str = "", **shared: str
) -> Iterator[list[str]]:
    """One gunicorn per entry of `envs` on one PostgreSQL database and one Redis
    database; their base URLs ("http://127.0.0.1:port"). `database`: one the caller
    made with postgres_database() (to put rows in first) and drops itself; without
    it, a new one for the cluster alone. `shared` is environment every server gets
    (after the defaults below)."""
    try:
        redis_command("PING")
    except OSError as error:
        need("Redis at 127.0.0.1:6379", error)
    owned = not database
    database = database or postgres_database()
    redis_db = random.randint(1, 15)
    base = {
        **os.environ,
        "DATABASE_URL": database,
        "REDIS_URL": f"redis://127.0.0.1:6379/{redis_db}",
        "DJANGO_TRUSTED_PROXIES": "127.0.0.1",
        "GUNICORN_WORKERS": "1",
        "DJANGO_STATIC_ROOT": collected_static(),
        **shared,
    }
    servers, urls = [], []
    try:
        for env in envs:
            port = free_port()
            servers.append(
                subprocess.Popen(
                    [
                        Path(sys.executable).with_name("gunicorn"),
                        "-c",
                        "outsourcing/gunicorn.conf.py",
                    ],
                    cwd=ROOT,
                    env={**base, "GUNICORN_BIND": f"127.0.0.1:{port}", **env},
                )
            )
            urls.append(f"http://127.0.0.1:{port}")
        for url in urls:
            wait_for(f"{url}/healthz")
        yield urls
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
        redis_command("FLUSHDB", db=redis_db)
        if owned:
            drop_database(database)


class AdminBrowser:
    """A recruiter's browser on one server: its own cookies, forms posted with their
    CSRF token, as a person behind a load balancer might reach any box."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def open(self, path: str, body: bytes | None = None, content_type: str = ""):
        request = urllib.request.Request(self.base + path, data=body)
        if content_type:
            request.add_header("Content-Type", content_type)
        with self.opener.open(request, timeout=30) as response:
            return response.status, response.read().decode()

    def token(self, path: str) -> str:
        page = self.open(path)[1]
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]

    def post(self, path: str, fields: dict, token_from: str) -> str:
        fields = {**fields, "csrfmiddlewaretoken": self.token(token_from)}
        body = urllib.parse.urlencode(fields).encode()
        return self.open(path, body, "application/x-www-form-urlencoded")[1]

    def log_in(self, username: str, password: str) -> None:
        login = "/admin/login/?next=/admin/"
        page = self.post(login, {"username": username, "password": password}, login)
        assert "Log out" in page

    def upload(self, path: str, fields: dict, name: str, content: bytes) -> str:
        boundary = uuid.uuid4().hex
        fields = {**fields, "csrfmiddlewaretoken": self.token(path)}
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'
            f"{value}\r\n".encode()
            for key, value in fields.items()
        ]
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="import_file"; '
            f'filename="{name}"\r\nContent-Type: text/csv\r\n\r\n'.encode()
            + content
            + f"\r\n--{boundary}--\r\n".encode()
        )
        return self.open(
            path, b"".join(parts), f"multipart/form-data; boundary={boundary}"
        )[1]
