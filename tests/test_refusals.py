"""Input no page can use gets a 400 that says why, or the admin's form with a message:
never a 500 (what an outside audit found answering 500, each reproduced here)."""

import logging
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from careers.models import Employer, Qualification, Role, StepEstimate
from careers.web.errors import site_url as site_url_for_refusals
from tests.factories import JobListingFactory, UserFactory

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"


class FormFields(HTMLParser):
    """The fields of a page's forms with the values a browser would send unchanged."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, str | list[str]] = {}
        self.select: tuple[str, bool] | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        name = attributes.get("name")
        kind = attributes.get("type")
        if tag == "input" and name and kind not in ("submit", "button", "file"):
            if kind not in ("checkbox", "radio") or "checked" in attributes:
                self.data[name] = attributes.get("value") or (
                    "on" if kind == "checkbox" else ""
                )
        elif tag == "select" and name:
            self.select = (name, "multiple" in attributes)
            self.data[name] = [] if self.select[1] else ""
        elif tag == "option" and self.select and "selected" in attributes:
            name, multiple = self.select
            value = attributes.get("value", "")
            if multiple:
                self.data[name].append(value)
            else:
                self.data[name] = value
        elif tag == "textarea" and name:
            self.textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.data[self.textarea] += data


def page_form(client: Client, url: str) -> dict:
    """The admin's form at `url` as the page shows it (textareas lose the one newline
    after their tag, as browsers drop it)."""
    page = client.get(url)
    assert page.status_code == 200
    parser = FormFields()
    parser.feed(page.text)
    data = {
        name: value.removeprefix("\n") if isinstance(value, str) else value
        for name, value in parser.data.items()
        if "__prefix__" not in name and name != "csrfmiddlewaretoken"
    }
    return data


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def moderator_client():
    client = Client()
    client.force_login(UserFactory(moderator=True, username="meera"))
    return client


# --- The admin ----------------------------------------------------------------------------


@pytest.mark.parametrize("view", ["change", "history"])
def test_step_estimates_open_for_editors_and_recruiters(
    editor_client, recruiter_client, view
):
    estimate = StepEstimate.objects.get(code="typing")
    url = reverse(f"admin:careers_stepestimate_{view}", args=[estimate.pk])
    for client in (editor_client, recruiter_client):
        page = client.get(url)
        assert page.status_code == 200
        assert str(estimate) in page.text


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("admin:careers_joblisting_changelist", "published_at__year=9999"),
        (
            "admin:careers_joblisting_changelist",
            "published_at__year=9999&published_at__month=12",
        ),
        (
            "admin:careers_joblisting_changelist",
            "published_at__year=9999&published_at__month=12&published_at__day=31",
        ),
        (
            "admin:careers_joblisting_changelist",
            "published_at__year=2026&published_at__month=2&published_at__day=30",
        ),
        ("admin:careers_joblisting_changelist", "published_at__year=0"),
        # django-axes' own change lists, with a date hierarchy of their own.
        ("admin:axes_accessattempt_changelist", "attempt_time__year=9999"),
        ("admin:axes_accesslog_changelist", "attempt_time__year=9999&e=1"),
    ],
)
def test_date_filters_no_list_can_show_are_a_400_on_every_change_list(url, query):
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True, username="root"))
    JobListingFactory(published=True)
    response = client.get(reverse(url) + "?" + query)
    assert response.status_code == 400
    assert "is not a date this list can be filtered by" in response.text


def test_the_last_year_a_date_filter_can_show_still_works(recruiter_client):
    url = reverse("admin:careers_joblisting_changelist")
    query = "published_at__year=9998&published_at__month=12&published_at__day=31"
    assert recruiter_client.get(f"{url}?{query}").status_code == 200


def test_a_recruiter_that_is_no_user_id_is_the_form_with_a_message(moderator_client):
    employer = Employer.objects.create(name="Harbour Contact Centre")
    url = reverse("admin:careers_employer_change", args=[employer.pk])
    data = page_form(moderator_client, url)
    data.update(
        {
            "recruiters-TOTAL_FORMS": "1",
            "recruiters-0-employer": str(employer.pk),
            "recruiters-0-user": "abc",
        }
    )
    response = moderator_client.post(url, data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not employer.recruiters.exists()


def test_a_nul_in_a_roles_occupation_is_a_400(editor_client):
    role = Role.objects.get(slug="voice-customer-support-associate")
    url = reverse("admin:careers_role_change", args=[role.pk])
    data = page_form(editor_client, url)
    before = data["occupation_links-0-occupation"]
    response = editor_client.post(
        url, {**data, "occupation_links-0-occupation": before[:3] + "\x00"}
    )
    assert response.status_code == 400
    assert "The form had a hidden character" in response.text
    assert role.occupation_links.first().occupation_id == before


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


@pytest.mark.parametrize(
    ("stages", "message"),
    [
        ("1e400", "Write a list of stages"),
        ('[{"code": "x", "name": "X", "weeks_left": 1e400}]', "whole number of weeks"),
        ('{"code": "x"}', "Write a list of stages"),
        ("[1]", "Stage 1 needs a code, a name and weeks_left"),
        ('[{"code": "a b", "name": "X", "weeks_left": 4}]', "letters, digits"),
        ('[{"code": "x", "name": "X", "weeks_left": 4, "price": 1}]', "price"),
        ('[{"code": "x", "name": "X", "weeks_left": 9999}]', "than the whole usually"),
    ],
)
def test_a_qualifications_stages_the_quiz_cannot_read_are_refused(
    editor_client, stages, message
):
    qualification = Qualification.objects.get(slug="acca")
    url = reverse("admin:careers_qualification_change", args=[qualification.pk])
    response = editor_client.post(
        url, {**page_form(editor_client, url), "stages": stages}
    )
    assert response.status_code == 200
    assert message in response.text
    assert Qualification.objects.get(pk=qualification.pk).stages == qualification.stages


def test_empty_stages_are_none(editor_client):
    qualification = Qualification.objects.get(slug="acca")
    url = reverse("admin:careers_qualification_change", args=[qualification.pk])
    data = page_form(editor_client, url)
    assert editor_client.post(url, {**data, "stages": ""}).status_code == 302
    assert Qualification.objects.get(pk=qualification.pk).stages == []
    assert Client().get("/en/quiz/").status_code == 200


# --- At the door ----------------------------------------------------------------------------


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
