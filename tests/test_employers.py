"""Employers: a moderator verifies one, its listings carry the badge and skip the queue
when clean; nobody verifies or approves for an employer they recruit for."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from careers.choices import Status
from careers.models import Employer, JobListing, Recruiter
from tests.factories import JobListingFactory, UserFactory
from tests.helpers import GENUINE, decision, queue_versions, review_url

pytestmark = pytest.mark.django_db


@pytest.mark.django_db
def test_a_burst_of_reports_cannot_hide_a_verified_employers_listing(
    client, frozen_clock, moderator
):
    employer = Employer.objects.create(name="Harbour Contact Centre")
    employer.verify(moderator, "GSTIN active on the GST portal.")
    listing = JobListingFactory(published=True, description=GENUINE, employer=employer)
    url = reverse("careers:listing_report", args=[listing.pk])
    # Twenty phones on twenty networks, over a whole day.
    for number in range(20):
        phone = Client(REMOTE_ADDR=f"198.51.{number}.7")
        assert phone.post(url, {"reason": "fake"}).status_code == 200
        frozen_clock.shift(3600)
    assert listing in JobListing.objects.visible()
    assert client.get(listing.get_absolute_url(), follow=True).status_code == 200
    assert listing.reports.count() == 20
    assert listing in JobListing.objects.awaiting_review()


def test_nobody_verifies_or_approves_for_an_employer_they_recruit_for(
    client, moderator
):
    employer = Employer.objects.create(name="Ravi's Own BPO")
    ravi = UserFactory(username="ravi", recruiter=True, moderator=True)
    colleague = UserFactory(username="sita", recruiter=True)
    for user in (ravi, colleague):
        Recruiter.objects.create(user=user, employer=employer)
    # The model refuses it...
    with pytest.raises(ValidationError, match="someone else must verify it"):
        employer.verify(ravi, "It is my own company, trust me.")
    # ...and so does the form, with the reason beside the tick.
    client.force_login(ravi)
    url = reverse("admin:careers_employer_change", args=[employer.pk])
    refused = client.post(url, employer_form(employer, mark_verified="on"))
    assert refused.status_code == 200
    assert "someone else must verify it" in refused.text
    employer.refresh_from_db()
    assert employer.verified_at is None
    # A colleague's listing: not in the form, the bulk action or the model method.
    listing = JobListingFactory(owner=colleague, description=GENUINE)
    listing.submit(colleague, pledged=True)
    assert listing.employer == employer
    refused = client.post(review_url(listing), decision(listing, decision="approved"))
    assert "someone else must review its listings" in refused.text
    client.post(
        reverse("admin:careers_listingforreview_changelist"),
        {
            "action": "approve_clean",
            "_selected_action": [listing.pk],
            **queue_versions(client),
        },
    )
    with pytest.raises(ValidationError, match="someone else must review"):
        listing.approve(ravi)
    assert listing not in JobListing.objects.visible()
    # Someone else verifies it; their clean listings are then published at once.
    employer.verify(moderator, "GSTIN active on the GST portal.")
    listing.approve(moderator)
    assert listing in JobListing.objects.visible()


def test_nobody_adds_themselves_as_a_recruiter_and_verifies_in_one_go(
    client, moderator, harbour
):
    client.force_login(moderator)
    url = reverse("admin:careers_employer_change", args=[harbour.pk])
    form = employer_form(harbour, mark_verified="on")
    form |= {
        "recruiters-TOTAL_FORMS": "2",
        "recruiters-1-id": "",
        "recruiters-1-employer": str(harbour.pk),
        "recruiters-1-user": str(moderator.pk),
    }
    refused = client.post(url, form)
    assert refused.status_code == 200
    assert "someone else must verify it" in refused.text
    harbour.refresh_from_db()
    assert harbour.verified_at is None
    assert not harbour.recruits_for(moderator)


def test_a_recruiter_reads_their_employer_page(client, recruiter, harbour):
    client.force_login(recruiter)
    url = reverse("admin:careers_employer_change", args=[harbour.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Harbour Contact Centre" in page.text
    assert "Ban this employer" not in page.text


def test_a_verified_employers_clean_listing_is_published_at_once(
    recruiter, moderator, harbour
):
    harbour.verify(moderator, "GSTIN active on the GST portal; domain matches.")
    clean = JobListingFactory(
        owner=recruiter,
        description=GENUINE,
        how_to_apply="Write to jobs@harbour.example",
    )
    clean.submit(recruiter, pledged=True)
    assert clean.employer == harbour
    assert clean in JobListing.objects.visible()
    assert clean.decisions.get().note.startswith("Verified employer")
    flagged = JobListingFactory(
        owner=recruiter,
        description=f"{GENUINE} Refundable deposit Rs 1000.",
        how_to_apply="Write to jobs@harbour.example",
    )
    flagged.submit(recruiter, pledged=True)
    assert flagged.status == Status.SUBMITTED  # a flag always waits for a person


def test_an_address_off_the_employers_domain_is_flagged(recruiter, harbour):
    listing = JobListingFactory(
        owner=recruiter, description=GENUINE, how_to_apply="Write to hr@harb0ur.example"
    )
    listing.submit(recruiter, pledged=True)
    assert [f["code"] for f in listing.lint_flags] == ["other-domain"]


def test_banning_an_employer_closes_every_listing_it_has(recruiter, moderator, harbour):
    live = JobListingFactory(owner=recruiter, employer=harbour, published=True)
    waiting = JobListingFactory(owner=recruiter, description=GENUINE)
    waiting.submit(recruiter, pledged=True)
    assert harbour.ban(moderator, "Asked candidates for a training fee.") == 2
    assert not JobListing.objects.visible().filter(employer=harbour).exists()
    live.refresh_from_db()
    assert live.status == Status.CLOSED
    with pytest.raises(ValidationError):
        JobListingFactory(owner=recruiter, description=GENUINE).submit(
            recruiter, pledged=True
        )


@pytest.mark.django_db
def test_a_verified_employers_listings_carry_the_badge(
    client, moderator, harbour, django_capture_on_commit_callbacks
):
    listing = JobListingFactory(employer=harbour, published=True, description=GENUINE)
    page = reverse("careers:role_detail", args=[listing.role.slug])
    assert "Verified employer" not in client.get(page).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        harbour.verify(moderator, "CIN on the MCA portal.")  # the cached page goes
    text = client.get(page).content.decode()
    assert "Verified employer: we checked its registration" in text


def employer_form(employer, **data):
    """The employer's admin form as sent, its recruiters unchanged."""
    form = {
        "name": employer.name,
        "country": employer.country,
        "website_domain": employer.website_domain,
        "registration_number": employer.registration_number,
        "contact_email": "",
        "verification_note": "Checked.",
        "recruiters-TOTAL_FORMS": str(employer.recruiters.count()),
        "recruiters-INITIAL_FORMS": str(employer.recruiters.count()),
        "recruiters-MIN_NUM_FORMS": "0",
        "recruiters-MAX_NUM_FORMS": "1000",
    }
    for number, row in enumerate(employer.recruiters.all()):
        form[f"recruiters-{number}-id"] = str(row.pk)
        form[f"recruiters-{number}-employer"] = str(employer.pk)
        form[f"recruiters-{number}-user"] = str(row.user_id)
    return {**form, **data}


def test_only_moderators_verify_and_a_recruiter_sees_only_their_employer(
    client, recruiter, moderator, harbour
):
    Employer.objects.create(name="Someone Else BPO")
    client.force_login(recruiter)
    listed = client.get(reverse("admin:careers_employer_changelist")).content.decode()
    assert "Harbour Contact Centre" in listed
    assert "Someone Else BPO" not in listed
    url = reverse("admin:careers_employer_change", args=[harbour.pk])
    client.post(
        url, {"name": "Harbour", "mark_verified": "on", "verification_note": "x"}
    )
    harbour.refresh_from_db()
    assert (harbour.name, harbour.verified_at) == ("Harbour Contact Centre", None)
    client.force_login(moderator)
    form = {
        "name": harbour.name,
        "country": harbour.country,
        "website_domain": harbour.website_domain,
        "registration_number": harbour.registration_number,
        "contact_email": "",
        "verification_note": "",
        "mark_verified": "on",
        "recruiters-TOTAL_FORMS": "1",
        "recruiters-INITIAL_FORMS": "1",
        "recruiters-MIN_NUM_FORMS": "0",
        "recruiters-MAX_NUM_FORMS": "1000",
        "recruiters-0-id": str(harbour.recruiters.get().pk),
        "recruiters-0-employer": str(harbour.pk),
        "recruiters-0-user": str(recruiter.pk),
    }
    refused = client.post(url, form)
    assert "Say what you checked." in refused.content.decode()
    done = client.post(url, {**form, "verification_note": "GSTIN on the GST portal."})
    assert done.status_code == 302
    harbour.refresh_from_db()
    assert (harbour.verified_by, harbour.verification_note) == (
        moderator,
        "GSTIN on the GST portal.",
    )
