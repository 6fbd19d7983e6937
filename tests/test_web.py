"""What every request passes through: a refusal (bad host, NUL, unreadable form, another
charset) is a friendly page in the site's design that gives nothing away; HEAD is GET."""

import logging

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import careers.catalogue.views
from careers.models import Share
from careers.web.errors import site_url as site_url_for_refusals
from tests.factories import JobListingFactory, UserFactory
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

    monkeypatch.setattr(careers.catalogue.views, "JobCategory", Broken())
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


@pytest.mark.parametrize(
    ("language", "where", "message"),
    [
        ("hi", "form", "फ़ॉर्म में एक छिपा हुआ अक्षर था"),
        ("fil", "form", "May nakatagong character sa form"),
        ("hi", "address", "पते में एक छिपा हुआ अक्षर था"),
        ("fil", "address", "May nakatagong character sa address"),
    ],
)
def test_a_nul_is_refused_in_the_language_of_the_address(language, where, message):
    """A stray NUL in the report form (pasted text) or the address on /hi/ answered in
    English with home links to /en/: the check ran before the language was set."""
    listing = JobListingFactory(published=True)
    url = f"/{language}/jobs/{listing.pk}/report/"
    if where == "form":
        response = Client().post(url, {"reason": "wrong", "note": "a\x00b"})
    else:
        response = Client().get(f"{url}?note=a%00b")
    assert response.status_code == 400
    assert f'<html lang="{language}">' in response.text
    assert message in response.text
    assert f'href="/{language}/"' in response.text  # the home page, in that language
    assert "hidden character" not in response.text  # no English message


def test_a_nul_in_a_form_to_an_address_without_a_language_is_still_a_400():
    response = Client().post(
        "/quiz/", {"name": "a\x00b"}, headers={"accept-language": "hi"}
    )
    assert response.status_code == 400
    assert "फ़ॉर्म में एक छिपा हुआ अक्षर था" in response.text


@pytest.mark.parametrize("path", ["/en/", "/en/quiz/", "/careers/", "/admin/login/"])
def test_a_host_we_do_not_serve_is_a_400_page_that_names_no_host(path, settings):
    settings.SITE_URL = "https://careerfit.example"
    logged = RecordsReachingTheLog()
    logging.getLogger().addHandler(logged)
    try:
        response = Client().get(path, headers={"host": "scanner.example"})
    finally:
        logging.getLogger().removeHandler(logged)
    assert response.status_code == 400
    assert "This is not CareerFit's address" in response.text
    assert "CareerFit is at careerfit.example." in response.text
    # The way out is our real address: a link relative to this host led back here.
    assert 'href="https://careerfit.example/en/"' in response.text
    assert 'href="/en/"' not in response.text
    assert "scanner.example" not in response.text
    # One line in our security log, not also an ERROR with a traceback per scanner.
    assert [(r.name, r.levelname) for r in logged.records] == [
        ("careers.security", "WARNING")
    ]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("hi", ["यह CareerFit का पता नहीं है", "CareerFit यहाँ मिलेगा: careerfit.example"]),
        ("fil", ["Hindi ito ang address ng CareerFit", "Nasa careerfit.example ang"]),
    ],
)
def test_the_unknown_host_page_is_in_the_language_of_the_address(
    settings, language, words
):
    settings.SITE_URL = "https://careerfit.example"
    response = Client().get(f"/{language}/quiz/", headers={"host": "scanner.example"})
    assert response.status_code == 400
    assert f'<html lang="{language}">' in response.text
    for text in words:
        assert text in response.text
    assert f'href="https://careerfit.example/{language}/"' in response.text
    assert "not belong" not in response.text


@pytest.mark.parametrize(
    ("site_url", "allowed_hosts", "home"),
    [
        (
            "",
            [".careerfit.example", "www.careerfit.example"],
            "https://careerfit.example",
        ),
        ("", ["*", "careerfit.example"], "https://careerfit.example"),
        ("", ["*"], ""),
        ("http://127.0.0.1:8000", ["localhost"], "http://127.0.0.1:8000"),
    ],
)
def test_the_unknown_host_page_links_to_the_site_named_in_the_settings(
    settings, site_url, allowed_hosts, home
):
    """DJANGO_SITE_URL, else the first host we serve, over https; never the request's."""
    settings.SITE_URL, settings.ALLOWED_HOSTS = site_url, allowed_hosts
    assert site_url_for_refusals() == home
    if "*" in allowed_hosts:
        return  # every host is served: there is no such page
    response = Client().get("/en/", headers={"host": "scanner.example"})
    assert response.status_code == 400
    assert f'href="{home}/en/"' in response.text


class RecordsReachingTheLog(logging.Handler):
    """What reaches the root logger's handlers, as the console handler would see it."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.mark.parametrize("url", ["/quiz/", "/careers/", "/no-such-page/"])
@pytest.mark.parametrize(
    ("body", "content_type", "message"),
    [
        ("a=b", f"{FORM}; charset=latin-1", "sent with the text encoding “latin-1”"),
        ("a=" + "b" * 70_000, FORM, "far larger than any of ours"),
        ("--x\r\nbroken", "multipart/form-data", "malformed"),
    ],
)
def test_an_unreadable_form_without_a_language_prefix_is_a_400(
    url, body, content_type, message
):
    client = Client(enforce_csrf_checks=True)
    client.get("/en/quiz/")  # a CSRF cookie, sent back in the header, as htmx does
    response = client.post(
        url,
        body,
        content_type=content_type,
        headers={"X-CSRFToken": client.cookies["csrftoken"].value},
    )
    assert response.status_code == 400
    assert message in response.text
