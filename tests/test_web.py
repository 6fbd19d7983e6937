"""Every refusal is a friendly page in the site's design that gives nothing away."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import careers.views.pages
from careers.models import Share
from tests.factories import UserFactory
from tests.helpers import ANSWERS, answer_all, create_share, finish, start, step_url

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


FORM = "application/x-www-form-urlencoded"


@pytest.mark.parametrize("charset", ["utf-16", "latin-1", "utf8"])
@pytest.mark.parametrize("url", ["/en/quiz/", "/admin/login/", "/en/quiz/forget/"])
def test_a_form_in_another_charset_is_a_400_that_says_so(charset, url):
    client = Client(enforce_csrf_checks=True)
    client.get("/en/quiz/")  # a CSRF cookie, sent back in the header, as htmx does
    token = client.cookies["csrftoken"].value
    response = client.post(
        url,
        "a=b",
        content_type=f"{FORM}; charset={charset}",
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 400
    assert f"sent with the text encoding “{charset}”" in response.text
    assert "Nothing you saved before has been lost" in response.text


@pytest.mark.parametrize(
    "url",
    [
        "/admin/careers/joblisting/?status__exact=%00",
        "/admin/careers/joblisting/?q=a%00b",
        "/admin/careers/occupation/%00/change/",
        "/en/careers/?x%00=1",
    ],
)
def test_a_nul_character_in_the_address_is_a_400(recruiter_client, url):
    response = recruiter_client.get(url)
    assert response.status_code == 400
    assert "The address had a hidden character" in response.text


@pytest.mark.parametrize("url", ["/en/", "/en/careers/", "/en/quiz/", "/healthz"])
def test_head_answers_as_get_without_a_body(client, url):
    response = client.head(url)
    assert response.status_code == 200
    assert response.content == b""


def test_head_on_a_quiz_step_and_a_shared_link(client):
    token = finish(client)
    assert client.head(step_url(token, 2)).status_code == 200
    assert (
        client.head(reverse("careers:result_detail", args=[token])).status_code == 200
    )
