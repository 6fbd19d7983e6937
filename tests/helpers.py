"""What many tests share: the test persona, walking the quiz with Django's client or a browser,
and the forms, texts and checks that several subjects use."""

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from typing import Any

import openpyxl
from django.conf import settings
from django.core import serializers
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertRedirects

from careers.catalogue.build import FIXTURE_PATH
from careers.listings.admin.importing import (
    COLUMNS,
)
from careers.models import Assessment, Role, Share

HTMX = {"HTTP_HX_REQUEST": "true"}

# The one test persona: a fluent speaker with 12th standard who can work nights (voice
# support material). ANSWERS are her form posts; BROWSER_ACTIONS the same answers given
# in a browser.
ANSWERS = {
    1: {
        "country": "IN",
        "spoken_english": "C1",
        "written_english": "B2",
        "lang_hindi": "C2",
        "typing_wpm": "32",
    },
    2: {"education": "12th", "stream": "arts", "field_of_study": ""},
    3: {"none": "on"},
    4: {"skill_excel": "basic", "skill_crm_tools": "basic"},
    5: {"years": "0"},
    6: {
        "shifts": ["day", "us_hours", "rotational"],
        "internet": "on",
        "commute": "office",
    },
    7: {"work_style": "rules", "contact": "customers", "pace": "volume"},
}


def step_url(token: str, number: int) -> str:
    return reverse("careers:quiz_step", args=[token, number])


def start(client) -> str:
    """Start a quiz as a visitor; its token."""
    response = client.post(reverse("careers:quiz_start"))
    token = Assessment.objects.latest("created_at").token
    assertRedirects(response, step_url(token, 1), fetch_redirect_response=False)
    return token


def answer_all(client, token: str, upto: int = 7, **extra):
    """Answer steps 1..upto as the persona; the last response."""
    response = None
    for number in range(1, upto + 1):
        response = client.post(step_url(token, number), ANSWERS[number], **extra)
    return response


def finish(client) -> str:
    """A quiz the persona finished; its token."""
    token = start(client)
    answer_all(client, token)
    return token


def create_share(client, token: str, **data) -> Share:
    """Make a share link from the result page's form; the new share."""
    before = set(Share.objects.values_list("pk", flat=True))
    # By default the roles the form ticks first: the top three.
    result = Assessment.objects.get(token=token).result
    roles = [item["role"] for item in result.top_roles()[:3]]
    response = client.post(
        reverse("careers:share_create", args=[token]),
        {"expiry": "30", "roles": roles, **data},
    )
    assert response.status_code in (200, 302), response.content
    return Share.objects.exclude(pk__in=before).get()


_MIGRATED: list[Path] = []  # the first file made this run, copied for the others


def migrated_sqlite(tmp_path: Path) -> str:
    """A SQLite file migrated and loaded as `make run` does, by the real commands (once
    a run: later calls get a copy of that file, several seconds sooner)."""
    path = tmp_path / "careerfit.sqlite3"
    if _MIGRATED:
        shutil.copyfile(_MIGRATED[0], path)
        return f"sqlite:///{path}"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{path}"}
    for command in (["migrate", "--no-input"], ["sync_catalogue"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "-v", "0"],
            cwd=settings.BASE_DIR,
            env=env,
            check=True,
            timeout=300,
        )
    template = tmp_path / "migrated-template.sqlite3"  # never opened, only copied
    shutil.copyfile(path, template)
    _MIGRATED.append(template)
    return f"sqlite:///{path}"


# The catalogue's rows as first loaded, saved again after each live-server test's flush:
# deserialising the fixture (its natural keys looked up row by row) took 2.2 s each time,
# saving the same rows again 0.6 s, for some 25 browser tests a run.
_CATALOGUE_ROWS: list[tuple[Any, dict]] = []


def load_catalogue() -> None:
    with transaction.atomic():
        if _CATALOGUE_ROWS:
            for row, many in _CATALOGUE_ROWS:
                row.save_base(raw=True)
                for name, ids in many.items():
                    getattr(row, name).set(ids)
            return
        text = FIXTURE_PATH.read_text(encoding="utf-8")
        for loaded in serializers.deserialize("json", text):
            many = dict(loaded.m2m_data or {})  # save() forgets it
            loaded.save()
            _CATALOGUE_ROWS.append((loaded.object, many))


LAW_GRADUATE = {"education": "bachelor", "field_of_study": "law"}


TENTH = {"education": "10th", "stream": "", "field_of_study": ""}


NOTICE = "We took some answers off this page."


def finished_law_graduate(
    client, qualifications: dict, education: dict = LAW_GRADUATE
) -> str:
    """A finished quiz of the persona as a law graduate holding `qualifications`."""
    token = start(client)
    answers = {**ANSWERS, 2: education, 3: qualifications}
    for number, data in answers.items():
        response = client.post(step_url(token, number), data)
        assert response.status_code == 302, response.text
    return token


class VisibleText(HTMLParser):
    """The words a reader sees, with what is marked as another language left out."""

    SKIPPED = {"script", "style", "title"}

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language, self.stack, self.parts = language, [], []

    def handle_starttag(self, tag, attrs):
        if tag in {"br", "img", "input", "meta", "link", "hr", "source"}:
            return
        lang = dict(attrs).get("lang")
        skipped = tag in self.SKIPPED or (lang is not None and lang != self.language)
        self.stack.append(skipped or bool(self.stack and self.stack[-1]))

    def handle_endtag(self, tag):
        if (
            tag not in {"br", "img", "input", "meta", "link", "hr", "source"}
            and self.stack
        ):
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


# English words that Hindi and Filipino sentences never use: three Latin-script words in
# a row with one of these among them is an English phrase left untranslated. Names and
# terms kept as they are (BPO, Microsoft Excel, CFA Level I) have none of them.
ENGLISH = {
    "the",
    "an",
    "and",
    "or",
    "of",
    "to",
    "for",
    "with",
    "in",
    "on",
    "is",
    "are",
    "be",
    "you",
    "your",
    "we",
    "our",
    "this",
    "that",
    "what",
    "how",
    "can",
    "not",
    "have",
    "has",
    "from",
    "by",
    "it",
    "at",
    "as",
    "will",
    "do",
    "does",
}


LATIN_RUN = re.compile(r"[A-Za-z’'*.-]+(?:[ ,]+[A-Za-z’'*.-]+){2,}")


# Names that are English in every language: degrees as their holders write them, and
# the bodies our sources are.
NAMES = (
    "Bar Council of India",
    "Dental Council of India",
    "National Commission for Homoeopathy",
    "Pharmacy Council of India",
    "Bachelor of Ayurvedic Medicine and Surgery",
    "Bachelor of Business Administration",
    "Bachelor of Commerce",
    "Bachelor of Dental Surgery",
    "Bachelor of Education",
    "Bachelor of Homoeopathic Medicine and Surgery",
    "Bachelor of Laws",
    "Bachelor of Pharmacy",
    "Master of Commerce",
    "Master of Laws",
    "U.S. Department of Labor, Employment and Training Administration",
    # Philippine names, kept in Filipino too (DepEd, PRC).
    "K to 12",
    "Board of Accountancy",
    "Board of Nursing",
)


def english_left(html: str, language: str, names: tuple[str, ...] = NAMES) -> list[str]:
    parser = VisibleText(language)
    parser.feed(html)
    # Runs never cross from one element's text to the next ("|").
    text = " | ".join(" ".join(part.split()) for part in parser.parts if part.strip())
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "|")
    found = []
    for run in LATIN_RUN.findall(text):
        # Acronyms (IT, BPO) are names, whatever they spell.
        words = [w.strip(",.").lower() for w in run.split() if not w.isupper()]
        # Filipino uses "at" (and) and "may" (has) itself.
        common = ENGLISH - ({"at"} if language == "fil" else set())
        if common & set(words):
            found.append(run)
    return found


def listing_form(**overrides):
    role = Role.objects.get(slug="chat-email-support-associate")
    data = {
        "title": "Chat support executive",
        "company": "Blue Harbour",
        "role": role.pk,
        "description": "Chats with customers.",
        "how_to_apply": "Apply online.",
        "openings": "1",
        "location": "Pune",
        "work_mode": "hybrid",
        "shore": "offshore",
        "shift": "rotational",
        "salary_min": "18000",
        "salary_max": "24000",
        "salary_currency": "INR",
        "salary_period": "month",
        "show_salary": "on",
        "expires_at_0": "",
        "expires_at_1": "",
        # The review decisions shown below a listing (read-only).
        "decisions-TOTAL_FORMS": "0",
        "decisions-INITIAL_FORMS": "0",
        "decisions-MIN_NUM_FORMS": "0",
        "decisions-MAX_NUM_FORMS": "1000",
        "languages-TOTAL_FORMS": "0",
        "languages-INITIAL_FORMS": "0",
        "languages-MIN_NUM_FORMS": "0",
        "languages-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


GENUINE = (
    "You will answer calls from customers of a US bank about their cards and "
    "accounts, note each call in the CRM and follow the bank's steps to solve it. "
    "Full training is given in the first four weeks. We charge no fee at any stage: "
    "never pay anyone to get this job. Night shift with cab drop and a night allowance."
)


class CommandOutput:
    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass


def security_events(caplog) -> list[dict]:
    return [
        json.loads(record.getMessage())
        for record in caplog.records
        if record.name == "careers.security"
    ]


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


def review_url(listing):
    return reverse("admin:careers_listingforreview_change", args=[listing.pk])


def decision(listing, **data):
    """The review page's form as sent, made on the listing's current text."""
    return {
        "reviewed_version": listing.review_version(),
        "decision": "",
        "reason": "",
        "note": "",
        "decisions-TOTAL_FORMS": "0",
        "decisions-INITIAL_FORMS": "0",
        "decisions-MIN_NUM_FORMS": "0",
        "decisions-MAX_NUM_FORMS": "1000",
        **data,
    }


def queue_versions(client) -> dict[str, str]:
    """The versions the queue's page showed, as its action form sends them."""
    page = client.get(reverse("admin:careers_listingforreview_changelist"))
    return dict(re.findall(r'name="(version-\d+)" value="(\w+)"', page.text))


CSV, XLSX = "0", "1"  # the format's place in the admin's import_formats
IMPORT = reverse("admin:careers_joblisting_import")


CONFIRM = reverse("admin:careers_joblisting_process_import")


HEADER = ",".join(COLUMNS)


def row(title, role="domestic-voice-support-associate", languages="hindi:B2",
        description=GENUINE, email="jobs@sahyog.example"):  # fmt: skip
    return (
        f'"{title}",Sahyog BPO,{role},30,"{description}",Lucknow,on_site,onshore,day,'
        f"13000,17000,INR,month,1,12th,A2,,{languages},,0,,{email},,,,,,,,,,,"
    )


def upload(client, *rows, content=None, name="jobs.csv", file_format=CSV):
    if content is None:
        content = ("\n".join([HEADER, *rows]) + "\n").encode()
    return client.post(
        IMPORT,
        {
            "resource": "0",
            "format": file_format,
            "import_file": SimpleUploadedFile(name, content),
        },
    )


def workbook(*rows) -> bytes:
    """An Excel file as Excel writes it: the columns' names, then `rows` (dicts of the
    cells to fill; every other cell is left empty, not written at all)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    for cells in rows:
        sheet.append([cells.get(name) for name in COLUMNS])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def confirm_data(preview) -> dict:
    form = preview.context["confirm_form"]
    return {name: form[name].value() for name in form.fields} | {"no_fee_pledge": "on"}


FILLED = {
    "title": "Hindi voice executive",
    "company": "Sahyog BPO",
    "role": "domestic-voice-support-associate",
    "openings": 30,
    "description": GENUINE,
    "location": "Lucknow, Uttar Pradesh",
    "work_mode": "on_site",
    "shore": "onshore",
    "shift": "day",
    "salary_min": 13000,
    "salary_max": 17000,
    "salary_currency": "INR",
    "salary_period": "month",
    "show_salary": 1,
    "languages": "hindi:B2",
    "apply_email": "jobs@sahyog.example",
}


SHIFTS = ("day", "uk_hours", "us_hours", "rotational")


def by_slug(result):
    return {fit.role.slug: fit for fit in result.fits}
