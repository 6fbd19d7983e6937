"""Rate limits, counted by the client's address as our proxies saw it: a class behind one
address can all take the quiz, a robot cannot."""

import ipaddress
import os
import subprocess
import sys

import pytest
from django.http import HttpRequest
from django.test import Client
from django.urls import reverse

from careers.models import Assessment
from careers.web.clients import client_ip
from careers.web.ratelimits import wait_in_words
from tests.helpers import ANSWERS, HTMX, security_events, start, step_url


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


@pytest.mark.django_db
def test_a_class_behind_one_address_can_all_take_the_quiz(frozen_clock):
    lab = [Client(REMOTE_ADDR="203.0.113.40") for _ in range(80)]
    assert all(c.post("/en/quiz/").status_code == 302 for c in lab)


@pytest.mark.django_db
def test_answering_is_limited_per_quiz_and_the_429_says_how_long(client, frozen_clock):
    token = start(client)
    for _ in range(60):
        client.post(step_url(token, 1), ANSWERS[1], **HTMX)
    refused = client.post(step_url(token, 2), ANSWERS[2], **HTMX)
    assert refused.status_code == 429
    wait = int(refused["Retry-After"])
    assert 1 <= wait <= 60
    assert f"Please wait {wait} second" in refused.text
    # Another quiz from the same address goes on.
    other = Client()
    first_step = other.post("/en/quiz/").url
    assert other.post(first_step, ANSWERS[1]).status_code == 302
