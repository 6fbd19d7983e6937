"""Structured listings: what they ask, "You match 5 of 6" beside a result, ways to apply
a phone can tap, expiry reminders and the owner's counts (bulk import:
test_listing_import.py)."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation
from pytest_django.asserts import assertContains, assertNotContains

from careers.choices import Shift, WorkMode
from careers.models import Assessment, JobListing, Role
from tests.factories import JobListingFactory, UserFactory
from tests.helpers import GENUINE, HTMX, finish

pytestmark = pytest.mark.django_db


def result_page(client, token, **query):
    return client.get(reverse("careers:result_detail", args=[token]), query)


def test_a_listing_beside_a_result_says_how_well_you_match_and_what_is_missing(client):
    # The persona: C1 spoken and B2 written English, 32 words a minute, the 12th.
    JobListingFactory(
        published=True,
        title="Voice associate, US banking",
        min_education="12th",
        spoken_english="B2",
        written_english="B1",
        typing_wpm=40,
    )
    JobListingFactory(
        published=True, title="Voice associate, US retail", spoken_english="B2"
    )
    token = finish(client)
    page = result_page(client, token).content.decode()
    # Its four, and the role's own night shift, which she can work.
    assert "You match 4 of 5" in page
    assert "Missing: 40 words a minute; you type 32." in page
    # With the role's own requirements kept where the listing is silent.
    retail = page[page.index("Voice associate, US retail") :]
    assert re.search(r"You match (\d) of \1 ✓", retail)
    # Best matches first.
    assert page.index("US retail") < page.index("US banking")


def test_listings_show_for_reachable_roles_in_shifts_and_places_you_can_work(client):
    shown = JobListingFactory(published=True, title="Nights in Pune")
    JobListingFactory(published=True, title="UK hours job", shift=Shift.UK_HOURS)
    JobListingFactory(
        published=True,
        title="Equity research job",
        role=Role.objects.get(slug="equity-research-associate"),
    )
    JobListingFactory(published=True, title="Nights in Manila", location="Manila")
    JobListingFactory(
        published=True,
        title="Nights from home",
        location="Anywhere in India",
        work_mode=WorkMode.REMOTE,
    )
    token = finish(client)
    page = result_page(client, token).content.decode()
    assert shown.title in page
    assert "Nights in Manila" in page
    assert "UK hours job" not in page  # she did not tick UK hours
    assert "Equity research job" not in page  # years away for her
    # Choosing a city keeps work from home, and htmx gets just the list.
    response = result_page(client, token, city="manila", **{})
    assert "Nights in Manila" in response.content.decode()
    assert "Nights in Pune" not in response.content.decode()
    assert "Nights from home" in response.content.decode()
    fragment = client.get(
        reverse("careers:result_detail", args=[token]),
        {"city": "Pune"},
        HTTP_HX_TARGET="listings",
        **HTMX,
    ).content.decode()
    assert fragment.lstrip().startswith('<section class="listings" id="listings"')
    assert "Nights in Pune" in fragment
    assert "Nights in Manila" not in fragment
    JobListing.objects.filter(work_mode=WorkMode.REMOTE).delete()
    empty = result_page(client, token, city="Cebu").content.decode()
    assert "No open jobs in Cebu for your roles right now." in empty


def test_a_city_under_two_names_is_one_city_in_the_filter(client):
    JobListingFactory(
        published=True, title="Nights in old Bangalore", location="Bangalore"
    )
    JobListingFactory(
        published=True, title="Nights in Bengaluru", location="Bengaluru, Karnataka"
    )
    JobListingFactory(published=True, title="Nights in Pune", location="Pune")
    token = finish(client)
    page = result_page(client, token).content.decode()
    assert re.findall(r'<option value="([^"]+)"', page) == ["Bengaluru", "Pune"]
    # Either name, typed or from an old link, finds both.
    for name in ("Bengaluru", "bangalore"):
        chosen = result_page(client, token, city=name).content.decode()
        assert "Nights in old Bangalore" in chosen
        assert "Nights in Bengaluru" in chosen
        assert "Nights in Pune" not in chosen
        assert '<option value="Bengaluru" selected>' in chosen


def walk_in_listing(**extra):
    return JobListingFactory(
        published=True, complete=True, description=GENUINE, **extra
    )


def test_a_listing_page_gives_ways_to_apply_a_phone_can_tap_and_the_walk_in(client):
    listing = walk_in_listing()
    listing.languages.create(language="hindi", level="B2")
    page = client.get(listing.get_absolute_url()).content.decode()
    assert 'href="mailto:jobs@acme.example?subject=' in page
    assert 'href="tel:+918040001234"' in page
    assert 'href="https://wa.me/919876543210"' in page
    assert f"{listing.walk_in_date:%-d %B %Y}" in page
    assert "10:00 AM to 4:00 PM" in page
    assert "Two printed copies of your CV" in page
    assert "Experience: freshers welcome, up to 2 years" in page
    assert "Hindi: B2 or better" in page
    assert "Openings" in page
    assert ">25<" in page
    listing.refresh_from_db()
    assert listing.view_count == 1


def test_walk_in_hours_read_unmistakably_in_every_language(client):
    listing = walk_in_listing()
    hours = {"en": "10:00 AM to 4:00 PM", "hi": "10:00 से 16:00 तक"}
    hours["fil"] = "10:00 AM hanggang 4:00 PM"
    for language, text in hours.items():
        with translation.override(language):
            url = listing.get_absolute_url()
        assertContains(client.get(url), text)
    # Django's own Hindi format gave "बजे" for AM and PM alike: 4 PM read as 4 AM.
    with translation.override("hi"):
        assertNotContains(client.get(listing.get_absolute_url()), "4:00 बजे")


def test_taps_on_apply_are_counted_for_the_owner(client, frozen_clock):
    listing = walk_in_listing()
    client.get(listing.get_absolute_url())
    url = reverse("careers:listing_applied", args=[listing.pk])
    assert client.post(url).status_code == 204
    assert client.get(url).status_code == 405
    listing.refresh_from_db()
    assert listing.apply_clicks == 1
    closed = JobListingFactory(closed=True)
    assert (
        client.post(reverse("careers:listing_applied", args=[closed.pk])).status_code
        == 404
    )
    for _ in range(58):  # 60 in the hour with the two above
        client.post(url)
    assert client.post(url).status_code == 429
    client.force_login(listing.owner)
    listing.report("money")
    changelist = client.get(reverse("admin:careers_joblisting_changelist"))
    row = changelist.content.decode()
    assert '<td class="field-view_count">1</td>' in row
    assert '<td class="field-apply_clicks">59</td>' in row
    assert '<td class="field-report_total">1</td>' in row


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"how_to_apply": ""}, "apply_email"),
        ({"apply_phone": "98765"}, "apply_phone"),
        (
            {"experience_min_years": 3, "experience_max_years": 1},
            "experience_max_years",
        ),
        ({"walk_in_date": date(2099, 12, 12)}, "walk_in_venue"),
        ({"walk_in_bring": ["umbrella"]}, "walk_in_bring"),
    ],
)
def test_a_listing_refuses_what_a_candidate_could_not_use(db, change, field):
    listing = JobListingFactory.build(
        owner=UserFactory(), role=Role.objects.first(), **change
    )
    with pytest.raises(ValidationError) as refused:
        listing.full_clean()
    assert field in refused.value.message_dict


# --- Expiry reminders ----------------------------------------------------------------


def test_owners_are_told_once_five_days_before_expiry_with_a_renew_link(
    client, settings, frozen_clock
):
    settings.SITE_URL = "https://careerfit.example"
    soon = JobListingFactory(
        published=True, expires_at=timezone.now() + timedelta(days=3)
    )
    JobListingFactory(published=True, expires_at=timezone.now() + timedelta(days=10))
    call_command("remind_expiring")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [soon.owner.email]
    renew = f"https://careerfit.example/admin/careers/joblisting/{soon.pk}/renew/"
    assert renew in message.body
    assert soon.title in message.body
    call_command("remind_expiring")
    assert len(mail.outbox) == 1  # once

    path = renew.removeprefix("https://careerfit.example")
    client.force_login(UserFactory(recruiter=True))
    assert client.get(path).status_code == 404  # not theirs
    client.force_login(soon.owner)
    assert "Renew it for 30 days from today?" in client.get(path).content.decode()
    client.post(path)
    soon.refresh_from_db()
    assert soon.expires_at.date() == (timezone.now() + timedelta(days=30)).date()
    assert soon.expiry_reminded_at is None  # told again before the next expiry


def test_reminders_name_what_they_cannot_do(settings, capsys):
    settings.SITE_URL = ""
    with pytest.raises(CommandError, match="DJANGO_SITE_URL"):
        call_command("remind_expiring")
    settings.SITE_URL = "https://careerfit.example"
    with pytest.raises(CommandError, match="--days"):
        call_command("remind_expiring", "--days", "0")


def test_a_link_checkers_head_request_is_not_counted_as_a_view(client):
    listing = walk_in_listing()
    assert client.head(listing.get_absolute_url()).status_code == 200
    listing.refresh_from_db()
    assert listing.view_count == 0
    client.get(listing.get_absolute_url())
    listing.refresh_from_db()
    assert listing.view_count == 1


# --- Markets: each person sees their own country's jobs ------------------------------


def in_country(token, country):
    """The finished result as a person in `country` would have it (the quiz asks the
    country on its first step; the result keeps it in its profile)."""
    result = Assessment.objects.by_token(token).get().result
    result.profile = result.profile | {"country": country}
    result.save()


def market_listings():
    manila = JobListingFactory(
        published=True,
        title="Voice CSR, Makati",
        country="PH",
        location="Makati, Metro Manila",
        salary_min=20000,
        salary_max=26000,
        apply_phone="0917 123 4567",
    )
    cebu = JobListingFactory(
        published=True, title="Voice CSR, Cebu", country="PH", location="Cebu City"
    )
    pune = JobListingFactory(published=True, title="Voice associate, Pune")
    return manila, cebu, pune


def test_a_philippine_result_shows_philippine_jobs_pesos_63_and_dole(client):
    market_listings()
    token = finish(client)
    in_country(token, "PH")
    page = result_page(client, token)
    assertContains(page, "Voice CSR, Makati")
    assertContains(page, "Voice CSR, Cebu")
    assertNotContains(page, "Voice associate, Pune")
    assertContains(page, "₱20,000–₱26,000 per month")
    assertNotContains(page, "₹")
    assertContains(page, 'href="tel:+639171234567"')
    assertContains(page, "DOLE Department Order No. 141")
    # The city filter offers the Philippine cities only.
    filter_form = re.search(
        r'<select name="city".*?</select>', page.content.decode(), re.S
    )
    assert re.findall(r'<option value="([^"]+)"', filter_form[0]) == ["Cebu", "Makati"]
    # Few jobs: where else to look, in the Philippines only.
    assertContains(page, "PhilJobNet")
    assertNotContains(page, "ncs.gov.in")


def test_an_indian_result_shows_indian_jobs_only(client):
    market_listings()
    token = finish(client)
    page = result_page(client, token)
    assertContains(page, "Voice associate, Pune")
    assertNotContains(page, "Voice CSR, Makati")
    assertNotContains(page, "₱")
    assertNotContains(page, "DOLE")
    assertContains(page, "ncs.gov.in")
    assertNotContains(page, "PhilJobNet")


CALL_CENTRE = "/{}/careers/call-centre/"


@pytest.mark.parametrize(
    ("url", "headers"),
    [
        (CALL_CENTRE.format("en") + "?country=PH", {}),
        (CALL_CENTRE.format("fil"), {}),
        (CALL_CENTRE.format("en"), {"HTTP_ACCEPT_LANGUAGE": "en-PH,en;q=0.8"}),
    ],
)
def test_a_category_page_shows_the_visitors_country(client, url, headers):
    market_listings()
    page = client.get(url, **headers)
    assertContains(page, "Voice CSR, Makati")
    assertNotContains(page, "Voice associate, Pune")
    cities = re.search(r'<select name="city".*?</select>', page.content.decode(), re.S)
    assert re.findall(r'<option value="([^"]+)"', cities[0]) == ["Cebu", "Makati"]
    assertContains(page, "philjobnet.gov.ph")
    assertNotContains(page, "naukri.com")
    # A plain link switches the country, without JavaScript.
    assertContains(page, 'href="?country=IN"')
    india = client.get(CALL_CENTRE.format("en") + "?country=IN")
    assertContains(india, "Voice associate, Pune")
    assertNotContains(india, "Voice CSR, Makati")


def test_a_category_page_filters_by_a_city_of_the_country(client):
    market_listings()
    page = client.get(CALL_CENTRE.format("en"), {"country": "PH", "city": "Cebu"})
    assertContains(page, "Voice CSR, Cebu")
    assertNotContains(page, "Voice CSR, Makati")


def test_a_category_page_is_kept_per_country_and_says_so(client):
    market_listings()
    url = CALL_CENTRE.format("en")
    india = client.get(url, HTTP_ACCEPT_LANGUAGE="en-IN")
    philippines = client.get(url, HTTP_ACCEPT_LANGUAGE="en-PH")
    # The same address, cached: each browser's country still gets its own page.
    assertContains(client.get(url, HTTP_ACCEPT_LANGUAGE="en-PH"), "Voice CSR, Makati")
    assertContains(client.get(url, HTTP_ACCEPT_LANGUAGE="en-IN"), "Voice associate")
    assert "Accept-Language" in india["Vary"]
    assert india["ETag"] != philippines["ETag"]
    again = client.get(
        url, HTTP_ACCEPT_LANGUAGE="en-PH", HTTP_IF_NONE_MATCH=philippines["ETag"]
    )
    assert again.status_code == 304
    moved = client.get(
        url, HTTP_ACCEPT_LANGUAGE="en-IN", HTTP_IF_NONE_MATCH=philippines["ETag"]
    )
    assert moved.status_code == 200
    # Where the address says the country, the browser's language changes nothing.
    chosen = client.get(url + "?country=PH", HTTP_ACCEPT_LANGUAGE="en-IN")
    assert "Accept-Language" not in chosen.get("Vary", "")
    assertContains(chosen, "Voice CSR, Makati")
