"""What the listings helper (issue 31) added: every way of writing a row a public page
shows invalidates once committed, one new generation a commit; the listing rules'
words come from one place."""

import pytest
from django.core.cache import caches
from pytest_django.asserts import assertContains, assertNotContains

from careers.choices import Status
from careers.listings.rules import LISTING_LIFETIME
from careers.models import ListingForReview, Requirement, Role, Skill
from careers.web.caching import generation
from tests.factories import JobListingFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLE_PAGE = "/en/roles/voice-customer-support-associate/"


def test_a_role_renamed_outside_the_admin_shows_once_committed(
    client, django_capture_on_commit_callbacks
):
    assertContains(client.get(ROLE_PAGE), "<h1>Voice customer support associate</h1>")
    role = Role.objects.get(slug="voice-customer-support-associate")
    with django_capture_on_commit_callbacks(execute=True):
        role.title = "Inbound calls associate"
        role.save()
    assertContains(client.get(ROLE_PAGE), "<h1>Inbound calls associate</h1>")


def test_changing_a_requirements_skills_makes_a_new_generation(
    django_capture_on_commit_callbacks,
):
    requirement = Requirement.objects.filter(skills__isnull=False).first()
    skill = Skill.objects.exclude(requirement=requirement).first()
    before = generation()
    with django_capture_on_commit_callbacks(execute=True):
        requirement.skills.add(skill)
        # Not before the commit: another request would cache the old rows again.
        assert generation() == before
    assert generation() != before


def test_a_listing_approved_from_the_queue_shows_on_the_role_page(
    client, django_capture_on_commit_callbacks
):
    listing = JobListingFactory(
        status=Status.SUBMITTED, title="Night shift voice agent"
    )
    assertNotContains(client.get(ROLE_PAGE), "Night shift voice agent")
    moderator = UserFactory(moderator=True)
    with django_capture_on_commit_callbacks(execute=True):
        # The queue's rows are a proxy of JobListing: its saves count too.
        ListingForReview.objects.get(pk=listing.pk).approve(moderator)
    assertContains(client.get(ROLE_PAGE), "Night shift voice agent")


def test_closing_many_listings_makes_one_new_generation(
    monkeypatch, django_capture_on_commit_callbacks
):
    listings = JobListingFactory.create_batch(3, published=True)
    written = []
    shared = caches["default"]
    original = shared.set
    monkeypatch.setattr(
        shared,
        "set",
        lambda key, *args, **kwargs: (
            written.append(key) or original(key, *args, **kwargs)
        ),
    )
    with django_capture_on_commit_callbacks(execute=True):
        for listing in listings:
            listing.close()
    assert written == ["generation"]


def test_the_admin_says_the_listing_lifetime_in_days(admin_client):
    listing = JobListingFactory(published=True)
    page = admin_client.get(f"/admin/careers/joblisting/{listing.pk}/renew/")
    assertContains(page, f"Renew for {LISTING_LIFETIME.days} days")
    assert LISTING_LIFETIME.days == 30
