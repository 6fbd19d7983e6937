"""Bulk import of listings (careers/admin/listing_import.py): each row's errors before
anything is saved, in words that name the column and say what to write; the file kept
between preview and confirm where every box finds it; and no file that can hold a
worker."""

import html
import http.cookiejar
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
import zipfile
from io import BytesIO, StringIO
from unittest.mock import patch

import openpyxl
import pytest
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from careers.admin.listing_import import (
    COLUMNS,
    MAX_FILE_KB,
    MAX_ROWS,
    SHOWN_ERROR_ROWS,
    ListingImportForm,
    ListingImportMixin,
    ListingResource,
    PreviewStorage,
)
from careers.choices import Status
from careers.models import JobListing
from tests import servers
from tests.factories import UserFactory
from tests.helpers import GENUINE

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:careers_joblisting_import")
CONFIRM = reverse("admin:careers_joblisting_process_import")
HEADER = ",".join(COLUMNS)
CSV, XLSX = "0", "1"  # the format's place in the admin's import_formats


def row(title, role="domestic-voice-support-associate", languages="hindi:B2",
        description=GENUINE, email="jobs@sahyog.example"):  # fmt: skip
    return (
        f'"{title}",Sahyog BPO,{role},30,"{description}",Lucknow,on_site,onshore,day,'
        f"13000,17000,INR,month,1,12th,A2,,{languages},,0,,{email},,,,,,,,,,"
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


@pytest.fixture
def preview_store(settings):
    """The "imports" cache as production has it, a table in the database (conftest
    makes every cache the process's own); yields a count of the files kept in it."""
    settings.CACHES = {
        **settings.CACHES,
        "imports": {
            **settings.CACHES["imports"],
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        },
    }

    def stored() -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM careers_import_preview")
            return cursor.fetchone()[0]

    return stored


# --- Preview, confirm and who may --------------------------------------------------


def test_an_import_shows_each_rows_errors_before_anything_is_saved(recruiter_client):
    response = upload(
        recruiter_client,
        row("Hindi voice executive"),
        row("Bad role", role="no-such-role"),
        row("Bad language", languages="klingon:B2"),
        row("No way to apply", email=""),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Confirm import" not in page
    assert "Unknown language “klingon”" in page
    assert "Give at least one way to apply" in page
    assert "Unknown role “no-such-role”" in page
    assert not JobListing.objects.exists()


def test_imported_listings_belong_to_the_importer_and_go_to_review(
    recruiter_client, recruiter
):
    fee = f"{GENUINE} Pay a registration fee of Rs 500 to book your slot."
    preview = upload(
        recruiter_client,
        row("Hindi voice executive"),
        row("Hindi voice, Kanpur", description=fee),
    )
    assert "Confirm import" in preview.content.decode()
    assert not JobListing.objects.exists()  # the preview saved nothing
    data = confirm_data(preview)
    refused = recruiter_client.post(CONFIRM, {**data, "no_fee_pledge": ""})
    assert "Tick “We never ask candidates for money”" in refused.content.decode()
    assert not JobListing.objects.exists()
    done = recruiter_client.post(CONFIRM, data, follow=True)
    assert (
        "Imported 2 listing(s), each sent for review. The no-fee guard flagged 1"
        in done.content.decode()
    )
    imported = JobListing.objects.order_by("title")
    assert [x.title for x in imported] == [
        "Hindi voice executive",
        "Hindi voice, Kanpur",
    ]
    assert {x.owner for x in imported} == {recruiter}
    assert {x.status for x in imported} == {Status.SUBMITTED}
    assert imported[0].languages.get().level == "B2"
    assert imported[0].lint_flags == []
    assert "money" in {f["code"] for f in imported[1].lint_flags}
    assert all(x.no_fee_pledged_by == recruiter for x in imported)


@pytest.mark.parametrize("group", ["moderator", "catalogue_editor"])
def test_only_those_who_may_add_listings_import_them(client, group):
    client.force_login(UserFactory(**{group: True}))
    assert client.get(IMPORT).status_code == 403


# --- The file between preview and confirm ------------------------------------------


def test_the_preview_page_names_the_kept_file_by_a_random_name_never_a_path(
    recruiter_client, preview_store
):
    preview = upload(recruiter_client, row("Hindi voice executive"))
    page = preview.content.decode()
    kept = re.search(r'name="import_file_name" value="([^"]*)"', page)[1]
    assert re.fullmatch(r"[0-9a-f]{32}", kept)
    assert tempfile.gettempdir() not in page
    assert caches["imports"].has_key(kept)
    assert preview_store() == 1


def test_the_kept_file_is_deleted_on_confirm_and_a_second_confirm_imports_nothing(
    recruiter_client, preview_store
):
    data = confirm_data(upload(recruiter_client, row("Hindi voice executive")))
    recruiter_client.post(CONFIRM, data)
    assert JobListing.objects.count() == 1
    assert preview_store() == 0
    again = recruiter_client.post(CONFIRM, data, follow=True)
    assert again.redirect_chain == [(IMPORT, 302)]
    assert "This preview is no longer kept" in again.content.decode()
    assert JobListing.objects.count() == 1


def test_of_two_confirms_at_once_only_one_imports(recruiter_client, preview_store):
    data = confirm_data(upload(recruiter_client, row("Hindi voice executive")))
    # A double tap: both requests find and read the file; the other claims it first.
    kept = PreviewStorage(name=data["import_file_name"])
    content = kept.read()
    kept.claim()
    with (
        patch.object(PreviewStorage, "exists", return_value=True),
        patch.object(PreviewStorage, "read", return_value=content),
    ):
        late = recruiter_client.post(CONFIRM, data, follow=True)
    assert "This preview is no longer kept" in late.content.decode()
    assert not JobListing.objects.exists()


@pytest.mark.parametrize(("cell", "shown"), [("yes", True), ("No", False), ("", True)])
def test_show_salary_reads_yes_and_no(recruiter_client, preview_store, cell, shown):
    data = confirm_data(
        upload(
            recruiter_client,
            content=workbook({**FILLED, "show_salary": cell}),
            name="jobs.xlsx",
            file_format=XLSX,
        )
    )
    recruiter_client.post(CONFIRM, data)
    assert JobListing.objects.get().show_salary is shown


def test_a_kept_file_expires_after_an_hour(
    frozen_clock, recruiter_client, preview_store
):
    data = confirm_data(upload(recruiter_client, row("Hindi voice executive")))
    frozen_clock.shift(59 * 60)
    assert caches["imports"].has_key(data["import_file_name"])
    frozen_clock.shift(2 * 60)
    late = recruiter_client.post(CONFIRM, data, follow=True)
    assert "This preview is no longer kept" in late.content.decode()
    assert not JobListing.objects.exists()
    assert preview_store() == 0  # read once expired, its row went too


def test_purge_stale_deletes_the_files_kept_past_their_hour(
    frozen_clock, recruiter_client, preview_store
):
    upload(recruiter_client, row("Hindi voice executive"))
    frozen_clock.shift(40 * 60)
    data = confirm_data(upload(recruiter_client, row("Hindi voice, Kanpur")))
    frozen_clock.shift(21 * 60)  # the first file is past its hour, nobody has read it
    assert preview_store() == 2
    call_command("purge_stale", "--dry-run", stdout=(out := StringIO()))
    assert "would delete 1 expired import files" in out.getvalue()
    assert preview_store() == 2
    call_command("purge_stale", stdout=(out := StringIO()))
    assert "deleted 1 expired import files" in out.getvalue()
    assert preview_store() == 1
    done = recruiter_client.post(CONFIRM, data, follow=True)
    assert "Imported 1 listing(s)" in done.content.decode()


def test_a_preview_outlives_hundreds_of_others_in_its_hour(
    frozen_clock, recruiter_client, preview_store
):
    # The first name in the table's order: the cache's culling past MAX_ENTRIES (it
    # was 100) deleted a third of the files from the first, this one among them.
    with patch("careers.admin.listing_import.uuid4", return_value=uuid.UUID(int=0)):
        data = confirm_data(upload(recruiter_client, row("Hindi voice executive")))
    for _ in range(300):  # other recruiters' previews, all still in their hour
        PreviewStorage().save(b"title\nSome listing\n")
    frozen_clock.shift(30 * 60)
    done = recruiter_client.post(CONFIRM, data, follow=True)
    assert "Imported 1 listing(s)" in done.content.decode()
    assert preview_store() == 300


def test_a_preview_with_errors_keeps_no_file(recruiter_client, preview_store):
    upload(recruiter_client, row("No way to apply", email=""))
    assert preview_store() == 0


@pytest.mark.parametrize("name", ["../../../etc/passwd", "/tmp/tmpabc123", "f" * 300])
def test_a_confirm_naming_no_preview_is_refused_without_reading_it(
    recruiter_client, preview_store, name
):
    data = confirm_data(upload(recruiter_client, row("Hindi voice executive")))
    refused = recruiter_client.post(
        CONFIRM, {**data, "import_file_name": name}, follow=True
    )
    assert refused.status_code == 200
    assert "This preview is no longer kept" in refused.content.decode()
    assert not JobListing.objects.exists()


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


@pytest.fixture
def shared_database():
    """A PostgreSQL database for a cluster of servers, dropped afterwards."""
    database = servers.postgres_database()
    yield database
    servers.drop_database(database)


def test_a_preview_on_one_server_is_confirmed_on_another(shared_database):
    """Two boxes without Redis (only the database is shared), on two releases as in a
    rolling deploy: the file previewed on the first is imported on the second."""
    envs = [{"DJANGO_RELEASE": "old-release"}, {"DJANGO_RELEASE": "new-release"}]
    with servers.cluster(envs, shared_database, REDIS_URL="") as (first, second):
        made = subprocess.run(
            [sys.executable, "manage.py", "createrecruiter", "asha"]
            + ["--email", "asha@sahyog.example", "--generate-password"],
            cwd=servers.ROOT,
            env={**os.environ, "DATABASE_URL": shared_database},
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        password = re.search(r"store it now\): (\S+)", made.stdout)[1]
        here, there = AdminBrowser(first), AdminBrowser(second)
        here.log_in("asha", password)
        there.log_in("asha", password)
        content = f"{HEADER}\n{row('Hindi voice executive')}\n".encode()
        preview = here.upload(
            IMPORT, {"resource": "0", "format": CSV}, "j.csv", content
        )
        fields = dict(
            re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', preview)
        )
        assert re.fullmatch(r"[0-9a-f]{32}", fields["import_file_name"])
        fields = {key: html.unescape(value) for key, value in fields.items()}
        done = there.post(CONFIRM, {**fields, "no_fee_pledge": "on"}, IMPORT)
        assert "Imported 1 listing(s), each sent for review." in done
        assert "Hindi voice executive" in done  # the list of listings it lands on
        again = here.post(CONFIRM, {**fields, "no_fee_pledge": "on"}, IMPORT)
        assert "This preview is no longer kept" in again


# --- Limits -------------------------------------------------------------------------


def one_column_file(kind: str, rows: int) -> bytes:
    """The audit's file: one column, one letter a row (28 KB as CSV)."""
    if kind == CSV:
        return ("title\n" + "x\n" * rows).encode()
    book = openpyxl.Workbook()
    book.active.append(["title"])
    for _ in range(rows):
        book.active.append(["x"])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("kind", [CSV, XLSX])
def test_a_file_over_500_rows_is_refused_at_once_saying_the_limit(
    recruiter_client, preview_store, kind
):
    content = one_column_file(kind, 14_000)
    started = time.monotonic()
    response = upload(recruiter_client, content=content, file_format=kind)
    took = time.monotonic() - started
    page = response.content.decode()
    assert response.status_code == 200
    assert "This file has more than 500 rows; the limit is 500 rows a file." in page
    assert "Some rows failed to validate" not in page
    assert took < 1, f"{took:.1f} s"
    assert len(response.content) < 30_000
    assert preview_store() == 0
    assert not JobListing.objects.exists()


@pytest.mark.parametrize(("kind", "rows"), [(CSV, 500), (CSV, 501), (XLSX, 501)])
def test_the_limit_is_500_rows_counted_before_any_row_is_checked(kind, rows):
    content = one_column_file(kind, rows)
    form = ListingImportForm(
        ListingImportMixin.import_formats,
        [ListingResource],
        data={"resource": "0", "format": kind},
        files={"import_file": SimpleUploadedFile("jobs", content)},
    )
    assert form.is_valid() is (rows <= MAX_ROWS)


def empty_rows_file(kind: str, rows: int = 5000) -> bytes:
    """The audit's Excel file, smaller: below the columns' names, rows with no text."""
    if kind == "spaces":  # a space in each row (the audit's: 1.7 million in 238 KB)
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(["title"])
        for _ in range(rows):
            sheet.append([" "])
    else:  # one cell in the sheet's last row: a reader yields every row above it
        book = openpyxl.Workbook()
        book.active.append(["title"])
        book.active["A1048576"] = " "
    out = BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["spaces", "last row"])
def test_an_excel_file_of_empty_rows_is_refused_at_once_saying_the_limit(
    recruiter_client, preview_store, kind
):
    content = empty_rows_file(kind)
    started = time.monotonic()
    response = upload(
        recruiter_client, content=content, name="jobs.xlsx", file_format=XLSX
    )
    took = time.monotonic() - started
    page = response.content.decode()
    assert "This file has more than 1,000 empty rows (no text, or only spaces); the " \
        "limit is 1,000 empty rows a file." in page  # fmt: skip
    assert took < 0.5, f"{took:.2f} s"
    assert preview_store() == 0


@pytest.mark.parametrize(("empty", "valid"), [(1000, True), (1001, False)])
def test_empty_rows_are_counted_too(empty, valid):
    book = openpyxl.Workbook()
    for values in (["title"], ["Hindi voice executive"], *[[" "]] * empty, ["x"]):
        book.active.append(values)
    out = BytesIO()
    book.save(out)
    form = ListingImportForm(
        ListingImportMixin.import_formats,
        [ListingResource],
        data={"resource": "0", "format": XLSX},
        files={"import_file": SimpleUploadedFile("jobs.xlsx", out.getvalue())},
    )
    assert form.is_valid() is valid


def test_an_excel_file_that_unpacks_to_megabytes_is_refused_before_it_is_read(
    recruiter_client, preview_store
):
    # Zip packs repetition: a header row of 200,000 cells (openpyxl writes no cell past
    # Excel's last column, but reads on) is 7.3 MB in a 30 KB file.
    book = openpyxl.Workbook()
    book.active.append(["title"])
    out = BytesIO()
    book.save(out)
    packed = BytesIO()
    with (
        zipfile.ZipFile(out) as made,
        zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as wide,
    ):
        for part in made.infolist():
            text = made.read(part)
            if part.filename == "xl/worksheets/sheet1.xml":
                text = re.sub(
                    rb"<sheetData>.*</sheetData>",
                    b"<sheetData><row>"
                    + b'<c t="inlineStr"><is><t>x</t></is></c>' * 200_000
                    + b"</row></sheetData>",
                    text,
                )
            wide.writestr(part, text)
    assert len(packed.getvalue()) < 50_000
    started = time.monotonic()
    response = upload(
        recruiter_client, content=packed.getvalue(), name="j.xlsx", file_format=XLSX
    )
    took = time.monotonic() - started
    page = response.content.decode()
    assert "This Excel file unpacks to 7.3 MB; the limit is 4 MB" in page
    assert took < 0.5, f"{took:.2f} s"
    assert preview_store() == 0


def test_a_preview_reads_the_file_once(recruiter_client):
    with patch("openpyxl.load_workbook", wraps=openpyxl.load_workbook) as reads:
        preview = upload(
            recruiter_client, content=workbook(FILLED), name="j.xlsx", file_format=XLSX
        )
    assert "Confirm import" in preview.content.decode()
    assert reads.call_count == 1


def test_behind_nginx_a_file_over_the_limit_is_refused_saying_the_limit(site, tmp_path):
    """nginx's body cap is above the file limit: a file at the limit (with the form
    around it) reaches the import, and one just over is refused naming the limit (it
    was nginx's 413 page for any body too large, which names none)."""
    if not servers.NGINX.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("nginx is needed in CI: apt-get install -y nginx-light")
        pytest.skip("nginx is not installed (apt-get install -y nginx-light)")
    UserFactory(recruiter=True, username="asha")
    front = servers.free_port()
    conf = (servers.ROOT / "outsourcing/nginx.conf").read_text()
    conf = conf.replace(
        "127.0.0.1:8000", f"127.0.0.1:{urllib.parse.urlsplit(site).port}"
    )
    conf = conf.replace("listen 8080 default_server", f"listen 127.0.0.1:{front}")
    (tmp_path / "nginx.conf").write_text(conf)
    nginx = subprocess.Popen(
        [servers.NGINX, "-p", f"{tmp_path}/", "-c", "nginx.conf", "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
    )
    try:
        servers.wait_for(f"http://127.0.0.1:{front}/healthz", 10)
        recruiter = AdminBrowser(f"http://127.0.0.1:{front}")
        recruiter.log_in("asha", "correct-horse-battery")
        fields = {"resource": "0", "format": CSV}
        limit = MAX_FILE_KB * 1024
        rows = b"title\n" + (b"x" * 999 + b"\n") * 261  # titles over 150 characters
        at_limit = rows + b"x" * (limit - len(rows) - 1) + b"\n"
        assert len(at_limit) == limit
        page = recruiter.upload(IMPORT, fields, "j.csv", at_limit)
        assert "the limit is 256 KB a file" not in page
        assert "At most 150 characters; this has 999." in page  # checked row by row
        over = recruiter.upload(IMPORT, fields, "j.csv", at_limit + b"x\n")
        assert "This file is 257 KB; the limit is 256 KB a file." in over
    finally:
        nginx.terminate()
        nginx.wait(timeout=30)


def test_the_preview_lists_the_first_50_rows_with_errors_and_counts_the_rest(
    recruiter_client,
):
    rows = [row(f"Voice job {n}", email="") for n in range(120)]
    response = upload(recruiter_client, *rows)
    page = response.content.decode()
    assert page.count('<td class="errors">') == SHOWN_ERROR_ROWS == 50
    assert "70 more rows with errors are not listed here." in page
    assert "Voice job 49" in page
    assert "Voice job 50" not in page


# --- Excel, and errors in our own words ---------------------------------------------

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


def test_an_excel_file_with_empty_cells_imports_as_a_csv_file_would(
    recruiter_client, preview_store
):
    # Every column the listing may leave out is an empty cell (walk-in, phone, how
    # to apply, typing, experience...), and an empty row lies between the two.
    content = workbook(FILLED, {}, {**FILLED, "title": "Hindi voice, Kanpur"})
    preview = upload(
        recruiter_client, content=content, name="jobs.xlsx", file_format=XLSX
    )
    page = preview.content.decode()
    assert "NoneType" not in page
    assert "Confirm import" in page, page
    done = recruiter_client.post(CONFIRM, confirm_data(preview), follow=True)
    assert "Imported 2 listing(s)" in done.content.decode()
    listing = JobListing.objects.get(title="Hindi voice executive")
    assert (listing.walk_in_venue, listing.how_to_apply, listing.apply_phone) == (
        "",
        "",
        "",
    )
    assert listing.walk_in_date is None
    assert listing.typing_wpm is None
    assert listing.openings == 30
    assert listing.languages.get().level == "B2"
    assert preview_store() == 0


@pytest.mark.parametrize(
    ("cells", "column", "words"),
    [
        (
            {"languages": "hindi:B2; hindi:C1"},
            "languages",
            "“hindi” is given twice (B2 and C1): give each language once",
        ),
        ({"openings": "thirty"}, "openings", "“thirty” is not a whole number."),
        (
            {"walk_in_date": "31/31/2026", "walk_in_venue": "Hazratganj"},
            "walk_in_date",
            "“31/31/2026” is not a date: write it as 2026-03-15",
        ),
        (
            {"walk_in_date": "05/03/2099", "walk_in_venue": "Hazratganj"},
            "walk_in_date",
            "“05/03/2099” is not a date: write it as 2026-03-15",
        ),
        ({"show_salary": "maybe"}, "show_salary", "“maybe” is not yes or no."),
        (
            {"walk_in_from": "ten o'clock"},
            "walk_in_from",
            "“ten o&#x27;clock” is not a time: write it as 09:30",
        ),
        (
            {"work_mode": "office"},
            "work_mode",
            "“office” is not one of on_site, remote, hybrid.",
        ),
        ({"shift": None}, "shift", "Fill in this column: one of day, uk_hours"),
        ({"title": None}, "title", "Fill in this column."),
        ({"role": None}, "role", "Fill in this column: the last part of the role"),
        ({"title": "x" * 160}, "title", "At most 150 characters; this has 160."),
        (
            {"apply_email": "jobs at sahyog"},
            "apply_email",
            "“jobs at sahyog” is not an email address",
        ),
        ({"openings": -3}, "openings", "At least "),
    ],
)
def test_each_row_error_names_its_column_in_our_own_words(
    recruiter_client, cells, column, words
):
    content = workbook(FILLED, {**FILLED, **cells})
    response = upload(
        recruiter_client, content=content, name="jobs.xlsx", file_format=XLSX
    )
    page = response.content.decode()
    assert "Confirm import" not in page
    # The row's error, under the column's name.
    errors = re.search(
        rf'<span class="validation-error-field-label">{column}</span>\s*<ul>(.*?)</ul>',
        page,
        re.DOTALL,
    )
    assert errors, page
    assert words in errors[1]
    for raw in ("NoneType", "constraint", "UNIQUE", "duplicate key", "Traceback",
                "could not be parsed", "This field", "Line number"):  # fmt: skip
        assert raw not in page
    assert not JobListing.objects.exists()


def test_a_fault_of_ours_in_a_row_is_logged_and_shown_without_its_text(
    recruiter_client, monkeypatch, caplog
):
    def fault(*args, **kwargs):
        raise RuntimeError("internal detail /srv/careerfit/careers/models.py")

    monkeypatch.setattr(ListingResource, "after_save_instance", fault)
    page = upload(recruiter_client, row("Hindi voice executive")).content.decode()
    assert "a fault on our side" in page
    assert "internal detail" not in page
    assert "Confirm import" not in page
    assert "internal detail" in caplog.text
