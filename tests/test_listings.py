"""Listings: their life cycle and the visible() rule, what a recruiter must say, each
listing's own page and its report link."""

import json
import re
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from careers.choices import Status
from careers.listings.rules import LISTING_LIFETIME
from careers.models import Employer, JobListing, Recruiter
from tests.factories import JobListingFactory, UserFactory
from tests.helpers import GENUINE, finish, listing_form

pytestmark = pytest.mark.django_db


def test_visible_returns_only_published_unexpired_listings():
    live = JobListingFactory(published=True)
    JobListingFactory()  # draft
    JobListingFactory(closed=True)
    JobListingFactory(expired=True)
    assert list(JobListing.objects.visible()) == [live]


def test_approving_publishes_for_thirty_days():
    listing = JobListingFactory()
    listing.submit(listing.owner, pledged=True)
    listing.approve(by=UserFactory(moderator=True))
    assert listing.status == Status.PUBLISHED
    assert listing.expires_at - listing.published_at == timedelta(days=30)
    assert listing.is_visible


def test_saving_as_published_without_dates_fills_them():
    listing = JobListingFactory(published=True)
    assert listing.published_at is not None
    assert listing.expires_at == listing.published_at + timedelta(days=30)


def test_republishing_an_expired_listing_gives_it_a_fresh_thirty_days():
    listing = JobListingFactory(expired=True)
    assert not listing.is_visible
    listing.submit(listing.owner, pledged=True)
    listing.approve(by=UserFactory(moderator=True))
    assert listing.expires_at > timezone.now() + timedelta(days=29)
    assert listing in JobListing.objects.visible()


def test_closing_hides_a_listing():
    listing = JobListingFactory(published=True)
    listing.close()
    assert listing not in JobListing.objects.visible()


def test_renew_extends_from_today():
    listing = JobListingFactory(
        published=True, expires_at=timezone.now() + timedelta(days=2)
    )
    listing.renew()
    assert listing.expires_at > timezone.now() + timedelta(days=29)


def test_expiring_within_finds_listings_about_to_expire():
    soon = JobListingFactory(
        published=True, expires_at=timezone.now() + timedelta(days=3)
    )
    JobListingFactory(published=True)  # 30 days left
    assert list(JobListing.objects.expiring_within(7)) == [soon]


def test_database_refuses_salary_minimum_above_maximum():
    with pytest.raises(IntegrityError):
        JobListingFactory(salary_min=50000, salary_max=10000)


def test_clean_names_the_salary_and_currency_problems():
    listing = JobListingFactory.build(salary_min=50000, salary_max=10000)
    with pytest.raises(ValidationError) as error:
        listing.clean()
    assert "salary_max" in error.value.message_dict
    listing = JobListingFactory.build(salary_currency="rupees")
    with pytest.raises(ValidationError) as error:
        listing.clean()
    assert "salary_currency" in error.value.message_dict


def test_salary_is_hidden_when_the_recruiter_says_so():
    shown = JobListingFactory.build(
        salary_min=20000, salary_max=28000, salary_currency="INR"
    )
    assert shown.salary_display == "₹20,000–₹28,000 per month"
    hidden = JobListingFactory.build(show_salary=False)
    assert hidden.salary_display == ""


def test_a_listing_currency_is_checked_after_upper_casing(recruiter):
    listing = JobListingFactory.build(owner=recruiter, salary_currency="ﬀﬀﬀ")
    with pytest.raises(Exception, match="3-letter code") as error:
        listing.full_clean()
    assert "salary_currency" in error.value.message_dict
    listing.country, listing.salary_currency = "PH", "php"
    listing.full_clean()
    assert listing.salary_currency == "PHP"


def test_the_expiry_is_set_by_approval_only(client, recruiter, moderator, frozen_clock):
    client.force_login(recruiter)
    response = client.post(
        reverse("admin:careers_joblisting_add"),
        listing_form(
            description=GENUINE,
            expires_at_0="9999-12-31",
            expires_at_1="00:00:00",
            send_for_review="on",
            no_fee_pledge="on",
        ),
    )
    assert response.status_code == 302
    listing = JobListing.objects.get()
    assert listing.expires_at is None
    listing.approve(moderator)
    assert listing.expires_at == timezone.now() + timedelta(days=30)
    # A live listing's expiry cannot be moved by its owner either.
    url = reverse("admin:careers_joblisting_change", args=[listing.pk])
    expiry = listing.expires_at
    client.post(
        url,
        listing_form(
            title=listing.title,
            description=GENUINE,
            expires_at_0="9999-12-31",
            expires_at_1="00:00:00",
        ),
    )
    listing.refresh_from_db()
    assert (listing.expires_at, listing.status) == (expiry, Status.PUBLISHED)


def test_walk_in_dates_past_or_before_the_listing_are_refused(
    client, recruiter, frozen_clock
):
    client.force_login(recruiter)
    walk_in = {
        "walk_in_venue": "Tower B, MG Road, Pune",
        "walk_in_date": "2026-11-30",
    }
    refused = client.post(
        reverse("admin:careers_joblisting_add"), listing_form(**walk_in)
    )
    assert refused.status_code == 200
    assert "The walk-in date has passed" in refused.text
    listing = JobListingFactory(owner=recruiter, description=GENUINE)
    url = reverse("admin:careers_joblisting_change", args=[listing.pk])
    refused = client.post(url, listing_form(title=listing.title, **walk_in))
    assert "The walk-in date has passed" in refused.text
    # A drive to come is fine; once it has passed the listing cannot be sent again.
    ok = client.post(
        url,
        listing_form(title=listing.title, **{**walk_in, "walk_in_date": "2026-12-05"}),
    )
    assert ok.status_code == 302
    frozen_clock.shift(timedelta(days=7))
    listing.refresh_from_db()
    with pytest.raises(ValidationError, match="walk-in date has passed"):
        listing.submit(recruiter, pledged=True)
    # And a date before the listing was written never validates.
    listing.walk_in_date = date(2026, 11, 1)
    with pytest.raises(ValidationError, match="before this listing was written"):
        listing.full_clean()


def test_recruiters_say_which_languages_a_listing_asks_for(client, recruiter):
    listing = JobListingFactory(owner=recruiter, description=GENUINE, published=True)
    client.force_login(recruiter)
    url = reverse("admin:careers_joblisting_change", args=[listing.pk])
    assert 'name="languages-0-language"' in client.get(url).text
    response = client.post(
        url,
        listing_form(
            title=listing.title,
            description=listing.description,
            **{
                "languages-TOTAL_FORMS": "1",
                "languages-0-language": "tamil",
                "languages-0-level": "B2",
            },
        ),
    )
    assert response.status_code == 302
    assert [str(x) for x in listing.languages.all()] == ["Tamil B2"]
    # Asking more of candidates is an edit like any other: reviewed again.
    listing.refresh_from_db()
    assert listing.status == Status.DRAFT


@pytest.mark.django_db
def test_every_listing_carries_the_guard_and_a_report_link(client):
    listing = JobListingFactory(published=True, description=GENUINE)
    page = client.get(reverse("careers:role_detail", args=[listing.role.slug]))
    text = page.content.decode()
    assert "CareerFit and genuine employers never ask you for money." in text
    assert reverse("careers:listing_report", args=[listing.pk]) in text


@pytest.mark.django_db
def test_a_report_needs_no_account_and_says_what_to_do(client):
    listing = JobListingFactory(published=True, description=GENUINE)
    url = reverse("careers:listing_report", args=[listing.pk])
    form = client.get(url)
    assert form.status_code == 200
    assert form["X-Robots-Tag"].startswith("noindex")
    refused = client.post(url, {"note": "x" * 501})
    assert refused.status_code == 400
    text = refused.content.decode()
    assert "Choose what is wrong with this listing." in text
    assert "Write at most 500 characters." in text
    done = client.post(url, {"reason": "money", "note": "Asked Rs 2000 on WhatsApp"})
    assert done.status_code == 200
    assert "never ask you for money" in done.content.decode()
    # Reports alone do not take it down: the reporter is not told it is gone.
    assert "Until then it may stay on the site" in done.content.decode()
    report = listing.reports.get()
    assert (report.reason, report.note) == ("money", "Asked Rs 2000 on WhatsApp")


@pytest.mark.django_db
def test_only_listings_on_the_site_can_be_reported(client):
    live = JobListingFactory(published=True, description=GENUINE)
    draft = JobListingFactory(description=GENUINE)
    assert (
        client.get(reverse("careers:listing_report", args=[draft.pk])).status_code
        == 404
    )
    url = reverse("careers:listing_report", args=[live.pk])
    statuses = [client.post(url, {"reason": "fake"}).status_code for _ in range(5)]
    # Five reports from one phone leave it up, waiting for a moderator.
    assert statuses == [200] * 5
    assert live in JobListing.objects.visible()
    assert live in JobListing.objects.awaiting_review()
    live.close()
    assert client.post(url, {"reason": "fake"}).status_code == 404


@pytest.mark.django_db
def test_one_address_cannot_report_more_than_five_an_hour(client, frozen_clock):
    listings = [
        JobListingFactory(published=True, description=GENUINE) for _ in range(6)
    ]
    statuses = [
        client.post(
            reverse("careers:listing_report", args=[listing.pk]), {"reason": "wrong"}
        ).status_code
        for listing in listings
    ]
    assert statuses == [200] * 5 + [429]
    frozen_clock.shift(3600)
    later = reverse("careers:listing_report", args=[listings[5].pk])
    assert client.post(later, {"reason": "wrong"}).status_code == 200


@pytest.mark.django_db
def test_a_listing_page_names_its_city_and_state_apart_for_search_engines(client):
    listing = JobListingFactory(
        published=True, description=GENUINE, location="Bangalore, Karnataka"
    )
    text = client.get(listing.get_absolute_url()).content.decode()
    data = json.loads(
        re.search(
            r'<script type="application/ld\+json"[^>]*>(.*?)</script>', text, re.S
        )[1]
    )
    address = data["jobLocation"]["address"]
    assert (address["addressLocality"], address["addressRegion"]) == (
        "Bengaluru",
        "Karnataka",
    )


@pytest.mark.django_db
def test_a_listing_page_carries_googles_jobposting_fields(client, moderator, harbour):
    listing = JobListingFactory(
        employer=harbour,
        published=True,
        description=GENUINE,
        shift="us_hours",
        openings=12,
        min_education="12th",
        experience_min_years=1,
    )
    page = client.get(listing.get_absolute_url())
    assert page.status_code == 200
    text = page.content.decode()
    data = json.loads(
        re.search(
            r'<script type="application/ld\+json"[^>]*>(.*?)</script>', text, re.S
        )[1]
    )
    assert data["@type"] == "JobPosting"
    for field in ("title", "description", "datePosted", "hiringOrganization"):
        assert data[field], field
    assert data["jobLocation"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Pune",
        "addressCountry": "IN",
    }
    assert data["validThrough"] == listing.expires_at.isoformat()
    assert data["baseSalary"]["value"]["maxValue"] == 28000
    assert data["directApply"] is False
    assert data["occupationalCategory"] == "43-4051.00"  # the role's main O*NET code
    assert data["workHours"].startswith("US business hours")
    assert data["hiringOrganization"]["sameAs"] == "https://harbour.example"
    assert data["totalJobOpenings"] == 12
    assert data["educationRequirements"]["credentialCategory"] == "high school"
    assert data["experienceRequirements"]["monthsOfExperience"] == 12
    assert "never ask you for money" in text


@pytest.mark.django_db
def test_a_remote_listing_says_telecommute_and_a_closed_one_is_gone(client):
    remote = JobListingFactory(published=True, work_mode="remote", description=GENUINE)
    data = client.get(remote.get_absolute_url()).content.decode()
    assert '"jobLocationType": "TELECOMMUTE"' in data
    assert '"applicantLocationRequirements": {"@type": "Country", "name": "IN"}' in data
    url = remote.get_absolute_url()
    assert client.get(url.replace("/customer-", "/old-slug-")).status_code == 301
    remote.close()
    assert client.get(url).status_code == 410


@pytest.mark.django_db
def test_the_jobs_sitemap_lists_only_what_candidates_can_see(client):
    live = JobListingFactory(published=True, description=GENUINE)
    closed = JobListingFactory(closed=True)
    xml = client.get("/sitemap-jobs.xml").content.decode()
    assert live.get_absolute_url() in xml
    assert f"/jobs/{closed.pk}/" not in xml
    assert 'hreflang="hi"' in xml


def test_the_admin_says_the_listing_lifetime_in_days(admin_client):
    listing = JobListingFactory(published=True)
    page = admin_client.get(f"/admin/careers/joblisting/{listing.pk}/renew/")
    assertContains(page, f"Renew for {LISTING_LIFETIME.days} days")
    assert LISTING_LIFETIME.days == 30


def test_a_report_form_error_reads_as_the_quizs_do(client):
    listing = JobListingFactory(published=True)
    url = reverse("careers:listing_report", args=[listing.pk])
    text = client.post(url, {"note": "x" * 501}).content.decode()
    assert "Please check your report" in text
    assert (
        '<a href="#id_reason"><span class="summary-label">What is wrong?</span> '
        "Choose what is wrong with this listing.</a>"
    ) in text
    assert '<fieldset aria-describedby="id_reason_error">' in text
    note = re.search(r"<textarea[^>]*>", text).group(0)
    assert 'aria-invalid="true"' in note
    assert 'aria-describedby="id_note_helptext id_note_error"' in note
    assert '<span class="visually-hidden">Error: </span>Write at most 500' in text


# --- Markets: a listing's country, its pay, its numbers ------------------------------


def manila_listing(**extra):
    """A Philippine listing as its recruiter writes one: numbers as dialled at home."""
    fields = {
        "published": True,
        "description": GENUINE,
        "country": "PH",
        "location": "Makati, Metro Manila",
        "salary_min": 20000,
        "salary_max": 26000,
        "apply_phone": "0917 123 4567",
        "apply_whatsapp": "0918 555 0177",
        "how_to_apply": "Questions? Call 02 8555 0123.",
    }
    return JobListingFactory(**(fields | extra))


@pytest.mark.django_db
def test_a_listing_is_in_its_employers_country_unless_the_recruiter_chose(recruiter):
    employer = Employer.objects.create(name="Bayanihan Contact", country="PH")
    Recruiter.objects.create(user=recruiter, employer=employer)
    listing = JobListingFactory(owner=recruiter, salary_currency="")
    assert (listing.country, listing.salary_currency) == ("PH", "PHP")
    chosen = JobListingFactory(owner=recruiter, country="IN")
    assert (chosen.country, chosen.salary_currency) == ("IN", "INR")
    alone = JobListingFactory(salary_currency="")
    assert (alone.country, alone.salary_currency) == ("IN", "INR")


def test_pay_in_another_countrys_currency_is_refused_in_plain_words():
    listing = JobListingFactory.build(country="IN", salary_currency="PHP")
    with pytest.raises(ValidationError) as refused:
        listing.full_clean()
    assert refused.value.message_dict["salary_currency"] == [
        "This job is in India: give its pay in INR, or change the country."
    ]


def test_pay_reads_in_the_listings_currency_as_its_country_writes_it():
    assert (
        JobListingFactory.build(country="PH", salary_currency="PHP").salary_display
        == "₱20,000–₱28,000 per month"
    )
    yearly = JobListingFactory.build(
        salary_min=240000, salary_max=360000, salary_period="year"
    )
    assert yearly.salary_display == "₹2,40,000–₹3,60,000 per year"


@pytest.mark.django_db
def test_a_philippine_listing_dials_63_quotes_dole_and_names_its_country(client):
    listing = manila_listing()
    text = client.get(listing.get_absolute_url()).content.decode()
    assert "₱20,000–₱26,000 per month" in text
    assert 'href="tel:+639171234567"' in text
    assert 'href="https://wa.me/639185550177"' in text
    assert 'href="tel:+63285550123"' in text  # in the text of how to apply
    assert "DOLE Department Order No. 141, Series of 2014" in text
    assert "may not charge you any fee" in text
    data = json.loads(
        re.search(
            r'<script type="application/ld\+json"[^>]*>(.*?)</script>', text, re.S
        )[1]
    )
    assert data["jobLocation"]["address"]["addressCountry"] == "PH"
    assert data["baseSalary"]["currency"] == "PHP"
    indian = JobListingFactory(published=True, description=GENUINE, complete=True)
    text = client.get(indian.get_absolute_url()).content.decode()
    assert 'href="tel:+918040001234"' in text
    assert "DOLE" not in text


@pytest.mark.django_db
def test_reporting_names_the_helplines_of_the_listings_country_only(client):
    for listing, own, other in [
        (manila_listing(), "1349", "1930"),
        (JobListingFactory(published=True, description=GENUINE), "1930", "1349"),
    ]:
        url = reverse("careers:listing_report", args=[listing.pk])
        form = client.get(url).content.decode()
        assert own in form
        assert other not in form
        done = client.post(url, {"reason": "money"}).content.decode()
        assert own in done
        assert other not in done


@pytest.mark.django_db
def test_the_sitemap_lists_a_listing_in_the_languages_of_its_country(client):
    manila = manila_listing()
    pune = JobListingFactory(published=True, description=GENUINE)
    xml = client.get("/sitemap-jobs.xml").content.decode()
    assert f"/fil/jobs/{manila.pk}/" in xml
    assert f"/en/jobs/{manila.pk}/" in xml
    assert f"/hi/jobs/{manila.pk}/" not in xml
    assert f"/hi/jobs/{pune.pk}/" in xml
    assert f"/fil/jobs/{pune.pk}/" not in xml


@pytest.mark.django_db
def test_the_demo_has_philippine_employers_and_jobs_in_pesos_with_63_numbers():
    call_command("seed_demo", verbosity=0)
    philippine = JobListing.objects.visible().filter(country="PH")
    assert {x.employer.country for x in philippine} == {"PH"}
    assert {x.salary_currency for x in philippine} == {"PHP"}
    assert {"Makati", "Taguig", "Pasig", "Quezon City", "Cebu", "Davao"} <= {
        x.city for x in philippine
    }
    numbers = [x.phone_link for x in philippine if x.apply_phone]
    assert numbers
    assert all(n.startswith("tel:+63") for n in numbers)
    indian = JobListing.objects.visible().filter(country="IN")
    assert indian.count() >= 8
    assert {x.salary_currency for x in indian} == {"INR"}


@pytest.mark.django_db
def test_the_report_page_leads_back_to_the_listing_and_to_this_browsers_result(
    client,
):
    listing = JobListingFactory(published=True, description=GENUINE)
    url = reverse("careers:listing_report", args=[listing.pk])
    back = f'href="{listing.get_absolute_url()}"'
    form = client.get(url)
    assertContains(form, f"{back}>Cancel</a>")
    assertNotContains(form, "Back to your result")
    token = finish(client)
    result = reverse("careers:result_detail", args=[token])
    assertContains(client.get(url), f'href="{result}">Back to your result</a>')
    done = client.post(url, {"reason": "money"})
    assertContains(done, f"{back}>Back to the job listing</a>")
    assertContains(done, f'href="{result}">Back to your result</a>')
    # Another browser has no result here, and is never offered this one.
    other = Client().post(url, {"reason": "fake"})
    assertContains(other, f"{back}>Back to the job listing</a>")
    assertNotContains(other, result)
