"""Bulk import of listings, its limits: rows, empty rows and unpacked size counted before a
row is read, and behind nginx too; Excel files read as CSV files are; errors in our words."""

import os
import re
import subprocess
import urllib.parse
import urllib.request
import zipfile
from io import BytesIO
from unittest.mock import patch

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from careers.listings.admin.files import MAX_FILE_KB, MAX_ROWS, ListingImportForm
from careers.listings.admin.importing import (
    SHOWN_ERROR_ROWS,
    ListingImportMixin,
    ListingResource,
)
from careers.models import JobListing
from tests import servers
from tests.factories import UserFactory
from tests.helpers import (
    CONFIRM,
    CSV,
    FILLED,
    IMPORT,
    XLSX,
    confirm_data,
    row,
    upload,
    workbook,
)
from tests.servers import AdminBrowser

pytestmark = pytest.mark.django_db


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


@pytest.fixture
def rows_read(monkeypatch) -> list[int]:
    """How many rows the import pulled from each Excel sheet it opened: counted, not
    timed, so a busy machine cannot fail the test (a timed one did)."""
    counts: list[int] = []
    load = openpyxl.load_workbook

    def counting_load(*args, **kwargs):
        book = load(*args, **kwargs)
        sheet, count = book.active, len(counts)
        counts.append(0)
        every_row = sheet.iter_rows

        def iter_rows(*a, **k):
            for cells in every_row(*a, **k):
                counts[count] += 1
                yield cells

        sheet.iter_rows = iter_rows
        return book

    monkeypatch.setattr(openpyxl, "load_workbook", counting_load)
    return counts


@pytest.mark.parametrize("kind", [CSV, XLSX])
def test_a_file_over_500_rows_is_refused_at_once_saying_the_limit(
    recruiter_client, preview_store, rows_read, kind
):
    content = one_column_file(kind, 14_000)
    response = upload(recruiter_client, content=content, file_format=kind)
    page = response.content.decode()
    assert response.status_code == 200
    assert "This file has more than 500 rows; the limit is 500 rows a file." in page
    assert "Some rows failed to validate" not in page  # no row was checked
    # An Excel sheet is read no further than the 501st row, not to its 14,000th.
    assert max(rows_read, default=0) <= 1 + 501
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
    recruiter_client, preview_store, rows_read, kind
):
    content = empty_rows_file(kind)
    response = upload(
        recruiter_client, content=content, name="jobs.xlsx", file_format=XLSX
    )
    page = response.content.decode()
    assert "This file has more than 1,000 empty rows (no text, or only spaces); the " \
        "limit is 1,000 empty rows a file." in page  # fmt: skip
    # Refused at the 1,001st empty row, not after reading the sheet's 5,000 (or, in
    # the audit's file, its 1.7 million).
    assert rows_read
    assert max(rows_read) <= 1 + 1001
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
    recruiter_client, preview_store, rows_read
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
    response = upload(
        recruiter_client, content=packed.getvalue(), name="j.xlsx", file_format=XLSX
    )
    page = response.content.decode()
    assert "This Excel file unpacks to 7.3 MB; the limit is 4 MB" in page
    assert rows_read == []  # refused before the workbook is opened
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
