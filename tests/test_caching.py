"""What is cached shows changes once they are committed, and reloads cost little."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from careers.choices import Status
from careers.models import (
    JobListing,
    ListingForReview,
    Qualification,
    Requirement,
    Role,
    Skill,
)
from careers.web.caching import generation
from tests.factories import JobListingFactory, UserFactory
from tests.helpers import ANSWERS, create_share, finish, start, step_url

pytestmark = pytest.mark.django_db

ROLE_PAGE = "/en/roles/voice-customer-support-associate/"


def test_public_pages_may_be_kept_by_a_cdn_for_a_minute(client):
    for url in ("/en/", "/en/careers/", ROLE_PAGE):
        response = client.get(url)
        assert "public" in response["Cache-Control"], url
        assert "max-age=60" in response["Cache-Control"], url


def test_a_closed_listing_leaves_the_cached_page_when_the_change_commits(
    client, django_capture_on_commit_callbacks
):
    listing = JobListingFactory(published=True, title="Night shift voice agent")
    assertContains(client.get(ROLE_PAGE), "Night shift voice agent")
    with django_capture_on_commit_callbacks(execute=True):
        listing.close()
        # Not yet committed: a request now renders and caches what it sees.
        assertContains(client.get(ROLE_PAGE), "Night shift voice agent")
    assertNotContains(client.get(ROLE_PAGE), "Night shift voice agent")


@pytest.mark.parametrize("removal", ["bulk delete", "owner's account removed"])
def test_deleted_listings_leave_the_cached_page(
    client, django_capture_on_commit_callbacks, removal
):
    listing = JobListingFactory(published=True, title="Night shift voice agent")
    assertContains(client.get(ROLE_PAGE), "Night shift voice agent")
    with django_capture_on_commit_callbacks(execute=True):
        if removal == "bulk delete":
            JobListing.objects.filter(pk=listing.pk).delete()
        else:
            get_user_model().objects.filter(pk=listing.owner_id).delete()
    assertNotContains(client.get(ROLE_PAGE), "Night shift voice agent")


def test_a_qualification_renamed_in_the_admin_shows_in_the_quiz(
    client, editor, django_capture_on_commit_callbacks
):
    token = start(client)
    for number in (1, 2):
        client.post(step_url(token, number), ANSWERS[number])
    assertContains(
        client.get(step_url(token, 3)), "LLB (Bachelor of Laws, 3- or 5-year)"
    )
    llb = Qualification.objects.get(slug="llb")
    admin = client.__class__()
    admin.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            reverse("admin:careers_qualification_change", args=[llb.pk]),
            {
                "name_en": "Bachelor of Laws (LLB)",
                "name_hi": llb.name_hi or "",
                "name_fil": llb.name_fil or "",
                "slug": "llb",
                "kind": llb.kind,
                "field": llb.field,
                "level": llb.level,
                "description": llb.description,
                "weeks_low": llb.weeks_low,
                "weeks_high": llb.weeks_high,
                "effort_reason_en": llb.effort_reason,
                "effort_reason_hi": llb.effort_reason_hi or "",
                "effort_reason_fil": llb.effort_reason_fil or "",
                "stages": json.dumps(llb.stages),
            },
        )
    assert response.status_code == 302, response.content
    assertContains(client.get(step_url(token, 3)), "Bachelor of Laws (LLB)")


def test_reloading_an_unchanged_result_is_a_304_until_it_changes(client):
    token = finish(client)
    url = reverse("careers:result_detail", args=[token])
    first = client.get(url)
    assert first.status_code == 200
    assert "no-cache" in first["Cache-Control"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    share = create_share(client, token)
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assertContains(changed, share.token)


def test_the_shared_page_checks_the_link_on_every_request(client):
    token = finish(client)
    share = create_share(client, token)
    assert client.get(share.get_absolute_url()).status_code == 200
    share.revoke()
    assert client.get(share.get_absolute_url()).status_code == 410


def test_private_pages_are_never_stored_or_indexed(client):
    token = finish(client)
    for url in [
        "/en/quiz/",
        step_url(token, 3),
        reverse("careers:result_detail", args=[token]),
    ]:
        response = client.get(url)
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
        assert "noindex" in response["X-Robots-Tag"]


def test_the_share_card_is_asked_again_each_time_like_its_page(client):
    share = create_share(client, finish(client))
    card = Client().get(reverse("careers:share_card", args=[share.token]))
    page = Client().get(share.get_absolute_url())
    assert card["Cache-Control"] == page["Cache-Control"] == "private, no-cache"
    share.revoke()
    assert (
        Client().get(reverse("careers:share_card", args=[share.token])).status_code
        == 410
    )


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
