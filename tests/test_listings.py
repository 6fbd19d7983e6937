"""Listings' life cycle and the visible() rule; requirement thresholds."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from careers.choices import Status
from careers.models import Assessment, JobListing, Requirement, Role
from tests.factories import JobListingFactory, UserFactory

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
    assert shown.salary_display == "INR 20,000–28,000 per month"
    hidden = JobListingFactory.build(show_salary=False)
    assert hidden.salary_display == ""


def test_requirement_threshold_must_fit_its_kind():
    role = Role.objects.get(slug="data-entry-operator")
    bad = Requirement(
        role=role,
        code="x",
        kind="spoken_english",
        level="fluent",
        importance="must",
        explanation="x",
        source="hand",
        source_note="x",
    )
    with pytest.raises(ValidationError) as error:
        bad.full_clean()
    assert "level" in error.value.message_dict
    bad.kind, bad.level = "typing_speed", ""
    with pytest.raises(ValidationError) as error:
        bad.full_clean()
    assert "amount" in error.value.message_dict


def test_requirement_reads_its_threshold_in_words():
    typing = Requirement.objects.get(role__slug="data-entry-operator", code="typing")
    assert typing.threshold_display == "30 words per minute"
    spoken = Requirement.objects.get(
        role__slug="voice-customer-support-associate", code="spoken-english"
    )
    assert spoken.threshold_display == "B2 – Upper intermediate"
    assert "complaint on the phone" in spoken.can_do
    cert = Requirement.objects.get(
        role__slug="medical-coder", code="coding-certificate"
    )
    assert "CPC" in cert.threshold_display
    assert " or " in cert.threshold_display


def test_answers_come_back_as_given_and_json_lookups_still_work():
    # The answers column is written and read by orjson (FastJSONField): what the quiz
    # stores, in any script, must come back unchanged, and the database's own JSON
    # functions must still read it.
    answers = {
        "languages": {"form": {"spoken_english": "B2", "typing_wpm": 35}},
        "notes": {"form": {"text": "हिंदी, தமிழ் and ₹ 25,000 – “quoted”", "ratio": 0.1}},
        "empty": {},
    }
    stored = Assessment.objects.create(answers=answers)
    assert Assessment.objects.get(pk=stored.pk).answers == answers
    assert Assessment.objects.filter(answers__has_key="notes").get() == stored
    assert (
        Assessment.objects.filter(answers__languages__form__spoken_english="B2").get()
        == stored
    )


def test_a_listing_currency_is_checked_after_upper_casing(recruiter):
    listing = JobListingFactory.build(owner=recruiter, salary_currency="ﬀﬀﬀ")
    with pytest.raises(Exception, match="3-letter code") as error:
        listing.full_clean()
    assert "salary_currency" in error.value.message_dict
    listing.salary_currency = "php"
    listing.full_clean()
    assert listing.salary_currency == "PHP"
