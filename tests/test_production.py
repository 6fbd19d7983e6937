"""The production path: start-up refuses unsafe settings; health checks; static files."""

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from functools import partial
from pathlib import Path

import pytest
from django.db import DatabaseError
from django.urls import reverse

from tests.helpers import create_share, finish, migrated_sqlite, step_url
from tests.servers import NGINX, ROOT, collected_static, free_port, need, wait_for

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

    monkeypatch.setattr("careers.web.health.connection.cursor", broken)
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
    for url in (
        "/en/",
        "/en/careers/",
        "/en/roles/medical-coder/",
        "/en/quiz/",
        "/healthz",
    ):
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


# --- nginx in front of gunicorn ----------------------------------------------------------

SITE_URL = "https://careerfit.example"


def need_nginx() -> None:
    if not NGINX.exists():
        need("nginx", FileNotFoundError(f"{NGINX} (apt-get install -y nginx-light)"))


@pytest.fixture(scope="module")
def behind_nginx(tmp_path_factory):
    """gunicorn as in production (2 workers x 2 threads, collected static files) on a
    migrated SQLite file, behind nginx with outsourcing/nginx.conf (only its ports
    changed); the nginx address. One for the module: starting them takes seconds."""
    tmp_path = tmp_path_factory.mktemp("nginx")
    need_nginx()
    app, front = free_port(), free_port()
    conf = (ROOT / "outsourcing/nginx.conf").read_text()
    conf = conf.replace("127.0.0.1:8000", f"127.0.0.1:{app}")
    conf = conf.replace("listen 8080 default_server", f"listen 127.0.0.1:{front}")
    (tmp_path / "nginx.conf").write_text(conf)
    env = {
        **os.environ,
        "DATABASE_URL": migrated_sqlite(tmp_path),
        "GUNICORN_BIND": f"127.0.0.1:{app}",
        "DJANGO_TRUSTED_PROXIES": "127.0.0.1",
        "DJANGO_STATIC_ROOT": collected_static(),
        "DJANGO_SITE_URL": SITE_URL,
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    servers = [
        subprocess.Popen(
            [gunicorn, "-c", "outsourcing/gunicorn.conf.py"], cwd=ROOT, env=env
        ),
        subprocess.Popen(
            [NGINX, "-p", f"{tmp_path}/", "-c", "nginx.conf", "-g", "daemon off;"]
        ),
    ]
    try:
        wait_for(f"http://127.0.0.1:{front}/healthz")
        yield f"127.0.0.1:{front}"
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


def slow_client(address: str) -> socket.socket:
    """A phone on a bad line: a POST whose body comes a byte at a time, never finished."""
    host, port = address.split(":")
    sock = socket.create_connection((host, int(port)))
    sock.sendall(
        b"POST /quiz/ HTTP/1.1\r\nHost: localhost\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\na"
    )
    return sock


def test_slow_clients_do_not_hold_gunicorn_behind_nginx(behind_nginx):
    slow = [slow_client(behind_nginx) for _ in range(8)]  # twice gunicorn's 4 threads
    try:
        time.sleep(1)  # they are all connected and waiting
        started = time.monotonic()
        with urllib.request.urlopen(f"http://{behind_nginx}/healthz", timeout=10) as r:
            assert r.status == 200
        # Without nginx the answer waited for a slow client's thread (seen: 10 s).
        assert time.monotonic() - started < 1
    finally:
        for sock in slow:
            sock.close()


def test_nginx_refuses_a_body_over_its_cap_multipart_included(behind_nginx):
    body = b"--x\r\nContent-Disposition: form-data; name=f; filename=a\r\n\r\n"
    body += b"0" * (2 * 1024 * 1024) + b"\r\n--x--\r\n"
    request = urllib.request.Request(
        f"http://{behind_nginx}/quiz/",
        data=body,
        headers={"Content-Type": "multipart/form-data; boundary=x"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 413


def test_a_host_we_do_not_serve_is_a_400_behind_nginx(behind_nginx):
    request = urllib.request.Request(
        f"http://{behind_nginx}/en/quiz/", headers={"Host": "scanner.example"}
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 400
    page = refused.value.read().decode()
    assert "This is not CareerFit's address" in page
    assert f'href="{SITE_URL}/en/"' in page  # not back to this host
    assert "scanner.example" not in page


@pytest.mark.browser
def test_nginx_413_page_puts_the_address_language_first_with_buttons_to_tap(
    behind_nginx, page
):
    """At 360 px: a form too large for nginx sent from a Hindi page gets nginx's own 413
    page, in Hindi first under the page's heading, the site's header and stylesheet,
    and a home button in each language tall enough to tap (they were 21 px links in one
    English-first paragraph per language)."""
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"http://{behind_nginx}/hi/quiz/")
    # What a paste of a huge text into a form sends (nginx's cap is a few hundred KB).
    with page.expect_navigation():
        page.evaluate(
            """() => {
                const form = document.createElement("form");
                form.method = "post";
                form.action = location.pathname;
                const text = document.createElement("textarea");
                text.name = "note";
                text.value = "x".repeat(3 * 1024 * 1024);
                form.append(text);
                document.body.append(form);
                form.submit();
            }"""
        )
    assert page.locator("html").get_attribute("lang") == "hi"
    assert page.locator("h1").all_inner_texts() == ["आपका फ़ॉर्म बहुत बड़ा था"]
    assert page.locator("h2").all_inner_texts() == [
        "Your form was too large",
        "Masyadong malaki ang form mo",
    ]
    assert page.locator(".site-header .brand").get_attribute("href") == "/hi/"
    buttons = page.locator("main a")
    assert buttons.count() == 3
    for n in range(3):
        box = buttons.nth(n).bounding_box()
        assert box["height"] >= 44, buttons.nth(n).inner_text()
        assert box["width"] >= 44, buttons.nth(n).inner_text()


def status_and_page(base: str, path: str, data: bytes | None = None) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"{base}{path}", data, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_nginx_logs_no_private_token_when_a_request_fails(tmp_path):
    """A body over the cap (413), an app server that never answers (504) and one that is
    down (502): nginx's error log wrote each request line, token and all; now neither of
    its logs has a path, and the access log still shows each failure."""
    need_nginx()
    hung = socket.socket()  # accepts connections (the kernel's backlog), never answers
    hung.bind(("127.0.0.1", 0))
    hung.listen(16)
    front = free_port()
    conf = (ROOT / "outsourcing/nginx.conf").read_text()
    conf = conf.replace("127.0.0.1:8000", f"127.0.0.1:{hung.getsockname()[1]}")
    conf = conf.replace("listen 8080 default_server", f"listen 127.0.0.1:{front}")
    conf = conf.replace("proxy_read_timeout 30s", "proxy_read_timeout 1s")
    (tmp_path / "nginx.conf").write_text(conf)
    access, errors = tmp_path / "access.log", tmp_path / "error.log"
    with access.open("w") as stdout, errors.open("w") as stderr:
        nginx = subprocess.Popen(
            [NGINX, "-p", f"{tmp_path}/", "-c", "nginx.conf", "-g", "daemon off;"],
            stdout=stdout,
            stderr=stderr,
        )
    token = secrets.token_urlsafe(32)
    status = partial(status_and_page, f"http://127.0.0.1:{front}")
    try:
        deadline = time.monotonic() + 10
        while True:  # nginx is up once it answers at all
            try:
                socket.create_connection(("127.0.0.1", front), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, errors.read_text()
                time.sleep(0.1)
        # Our own page, each language under its own heading, the address's first.
        for language, first in TOO_LARGE_HEADINGS.items():
            body = b"a=" + b"x" * 300_000
            too_large, page = status(f"/{language}/quiz/{token}/step/1/", body)
            assert too_large == 413
            assert f'<html lang="{language}">' in page
            headings = re.findall(r"<(h[12])>([^<]*)</h[12]>", page)
            others = [h for code, h in TOO_LARGE_HEADINGS.items() if code != language]
            assert headings == [("h1", first)] + [("h2", h) for h in others]
            assert "nginx" not in page
        assert status(f"/en/results/{token}/")[0] == 504
        hung.close()
        assert status(f"/en/quiz/{token}/step/2/", b"a=b")[0] == 502
    finally:
        hung.close()
        nginx.terminate()
        nginx.wait(timeout=30)
    logged = access.read_text() + errors.read_text()
    assert token not in logged
    assert "/en/" not in logged
    statuses = [line.split()[4] for line in access.read_text().splitlines()]
    assert statuses == ["413", "413", "413", "504", "502"]


TOO_LARGE_HEADINGS = {
    "en": "Your form was too large",
    "hi": "आपका फ़ॉर्म बहुत बड़ा था",
    "fil": "Masyadong malaki ang form mo",
}
