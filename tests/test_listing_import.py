"""Bulk import of listings (careers/listings/admin/importing.py): each row's errors before
anything is saved, in words that name the column and say what to write; the file kept
between preview and confirm where every box finds it; and no file that can hold a
worker."""

import html
import os
import re
import subprocess
import sys
import tempfile
import uuid
from io import StringIO
from unittest.mock import patch

import pytest
from django.core.cache import caches
from django.core.management import call_command

from careers.choices import Status
from careers.listings.admin.importing import (
    PreviewStorage,
)
from careers.models import Employer, JobListing, Recruiter
from tests import servers
from tests.factories import UserFactory
from tests.helpers import (
    CONFIRM,
    CSV,
    FILLED,
    GENUINE,
    HEADER,
    IMPORT,
    XLSX,
    confirm_data,
    row,
    upload,
    workbook,
)
from tests.servers import AdminBrowser

pytestmark = pytest.mark.django_db


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


def test_an_import_gives_each_listing_its_country_and_the_countrys_currency(
    recruiter_client, recruiter
):
    employer = Employer.objects.create(name="Bayanihan Contact", country="PH")
    Recruiter.objects.create(user=recruiter, employer=employer)
    manila = {**FILLED, "title": "CSR, Makati", "location": "Makati, Metro Manila"}
    rows = [
        # Blank country and currency: the employer's, in pesos.
        manila | {"salary_currency": "", "languages": "", "country": ""},
        # A recruiter in the Philippines hiring for an Indian site says so.
        FILLED | {"title": "Hindi voice, Lucknow", "country": "IN"},
        # Pesos for a job in India: refused, in words that say what to write.
        FILLED | {"title": "Mixed up", "country": "IN", "salary_currency": "PHP"},
    ]
    preview = upload(recruiter_client, content=workbook(*rows), file_format=XLSX)
    assert "give its pay in INR, or change the country" in html.unescape(
        preview.content.decode()
    )
    preview = upload(recruiter_client, content=workbook(*rows[:2]), file_format=XLSX)
    recruiter_client.post(CONFIRM, confirm_data(preview))
    imported = JobListing.objects.order_by("title")
    assert [(x.title, x.country, x.salary_currency) for x in imported] == [
        ("CSR, Makati", "PH", "PHP"),
        ("Hindi voice, Lucknow", "IN", "INR"),
    ]


def test_an_import_takes_a_description_in_hindi_or_filipino(recruiter_client):
    hindi = "अमेरिका के एक बैंक के ग्राहकों के फ़ोन लें। ट्रेनिंग के लिए फीस ₹500 जमा करें।"
    rows = [
        FILLED | {"title": "Hindi only", "description": "", "description_hi": hindi},
        FILLED | {"title": "Two", "description_fil": "Sagutin ang tawag ng customer."},
        FILLED | {"title": "None at all", "description": ""},
    ]
    preview = upload(recruiter_client, content=workbook(*rows), file_format=XLSX)
    assert "Write the description in at least one language." in html.unescape(
        preview.text
    )
    preview = upload(recruiter_client, content=workbook(*rows[:2]), file_format=XLSX)
    recruiter_client.post(CONFIRM, confirm_data(preview))
    hindi_only, two = JobListing.objects.order_by("title")
    assert (hindi_only.description, hindi_only.description_hi) == ("", hindi)
    assert two.description_fil == "Sagutin ang tawag ng customer."
    # The guard read the Hindi: money asked, and too short to say what the job is.
    assert {f["code"] for f in hindi_only.lint_flags} == {"money", "short"}


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
    with patch("careers.listings.admin.importing.uuid4", return_value=uuid.UUID(int=0)):
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
