"""Every refusal is a friendly page in the site's design that gives nothing away."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import careers.views.pages
from careers.models import Share
from tests.factories import UserFactory
from tests.helpers import ANSWERS, answer_all, create_share, start, step_url

pytestmark = pytest.mark.django_db

LEAKS = ["Traceback", "SECRET_KEY", "settings.py", "/work/", "site-packages", "SQL"]


def assert_friendly(response, status: int, heading: str) -> None:
    assert response.status_code == status
    text = response.content.decode()
    assert heading in text
    assert "css/site.css" in text  # the site's own design
    assert 'href="/en/"' in text or 'href="/en/quiz/"' in text  # a way back
    for leak in LEAKS:
        assert leak not in text, leak


def test_400_for_a_malformed_request(client):
    token = start(client)
    data = {**ANSWERS[1], **{f"f{n}": "x" for n in range(300)}}
    assert_friendly(
        client.post(step_url(token, 1), data), 400, "That request did not make sense"
    )


def test_403_for_a_missing_csrf_token_and_for_staff_without_rights():
    strict = Client(enforce_csrf_checks=True)
    assert_friendly(
        strict.post(reverse("careers:quiz_start")), 403, "Please reload the page"
    )
    staff = Client()
    staff.force_login(UserFactory(is_staff=True, username="nogroup"))
    assert_friendly(
        staff.get(reverse("admin:careers_joblisting_changelist")),
        403,
        "You cannot open this page",
    )


def test_404_and_410(client):
    assert_friendly(client.get("/no-such-page/"), 404, "not")
    token = start(client)
    answer_all(client, token)
    share = create_share(client, token, expiry="7")
    Share.objects.filter(pk=share.pk).update(revoked_at=timezone.now())
    gone = client.get(share.get_absolute_url())
    assert gone.status_code == 410
    assert "css/site.css" in gone.text


def test_429_after_too_many_misses(client):
    for _ in range(25):
        client.get(reverse("careers:share_detail", args=["z" * 43]))
    assert_friendly(
        client.get(reverse("careers:share_detail", args=["z" * 43])),
        429,
        "Please slow down",
    )


def test_500_says_sorry_and_nothing_else(monkeypatch):
    class Broken:
        def __getattr__(self, name):
            raise RuntimeError("SECRET-DETAIL-4711 from the database layer")

    monkeypatch.setattr(careers.views.pages, "JobCategory", Broken())
    client = Client(raise_request_exception=False)
    response = client.get("/en/careers/")
    assert_friendly(response, 500, "Something went wrong on our side")
    assert "SECRET-DETAIL-4711" not in response.content.decode()
