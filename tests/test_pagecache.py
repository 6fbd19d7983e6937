"""Cached pages never show stale content or another visitor's CSRF token."""

import re

import pytest
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from careers.models import Assessment, Qualification, Role, Skill, catalogue_changed
from tests.factories import JobListingFactory
from tests.test_quiz import ANSWERS, answer_all, start, step_url

pytestmark = pytest.mark.django_db

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def role_url() -> str:
    return reverse("careers:role_detail", args=["voice-customer-support-associate"])


def test_a_listing_shows_on_a_cached_page_as_soon_as_it_is_published(client):
    listing = JobListingFactory(title="Night voice process (Pune)")
    assertNotContains(client.get(role_url()), "Night voice process")

    listing.publish()
    assertContains(client.get(role_url()), "Night voice process")

    listing.close()
    assertNotContains(client.get(role_url()), "Night voice process")


def test_a_listing_deleted_in_bulk_leaves_the_cached_pages(admin_client, client):
    listing = JobListingFactory(published=True, title="Night voice process (Pune)")
    assertContains(client.get(role_url()), "Night voice process")

    admin_client.post(
        reverse("admin:careers_joblisting_changelist"),
        {"action": "delete_selected", "_selected_action": [listing.pk], "post": "yes"},
    )
    assertNotContains(client.get(role_url()), "Night voice process")


def test_a_catalogue_edit_in_the_admin_shows_in_the_cached_quiz(admin_client, client):
    token = start(client)
    answer_all(client, token, upto=2)
    assertContains(client.get(step_url(token, 3)), "Chartered Accountant")

    qualification = Qualification.objects.get(name__startswith="Chartered Accountant")
    change_url = reverse("admin:careers_qualification_change", args=[qualification.pk])
    form = admin_client.get(change_url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data["name"] = "Chartered Accountant (ICAI member)"
    response = admin_client.post(change_url, data)
    assert response.status_code == 302

    assertContains(client.get(step_url(token, 3)), "Chartered Accountant (ICAI member)")


def test_a_skill_added_to_the_catalogue_is_asked_and_its_answer_kept(client):
    token = start(client)
    answer_all(client, token, upto=4)
    assertNotContains(client.get(step_url(token, 4)), "Zoho Books")

    Skill.objects.create(slug="zoho-books", name="Zoho Books", kind=Skill.Kind.TOOL)
    catalogue_changed()
    assertContains(client.get(step_url(token, 4)), "Zoho Books")
    client.post(step_url(token, 4), {**ANSWERS[4], "skill_zoho_books": "working"})
    skills = Assessment.objects.get(token=token).answers["skills"]["profile"]
    assert skills["skills"]["zoho-books"] == "working"


def test_a_role_renamed_in_the_admin_shows_on_cached_pages(client):
    assertContains(client.get(reverse("careers:category_list")), "Medical coder")
    role = Role.objects.get(title="Medical coder")
    role.title = "Medical coder (CPC)"
    role.save()
    # Saved outside the admin (a shell, a script): one explicit call shows it at once.
    catalogue_changed()
    assertContains(client.get(reverse("careers:category_list")), "Medical coder (CPC)")


def test_a_cached_quiz_step_carries_each_visitors_own_csrf_token(client):
    token = start(client)
    first = CSRF_INPUT.search(client.get(step_url(token, 1)).text).group(1)

    # The same "continue later" link opened in another browser.
    other = Client(enforce_csrf_checks=True)
    page = other.get(step_url(token, 1))
    second = CSRF_INPUT.search(page.text).group(1)
    assert second != first
    response = other.post(
        step_url(token, 1), {**ANSWERS[1], "csrfmiddlewaretoken": second}
    )
    assert response.status_code == 302

    # Coming back with the cookie: each page masks the same secret afresh.
    again = CSRF_INPUT.search(other.get(step_url(token, 1)).text).group(1)
    assert again not in {first, second}
    assert _unmask_cipher_token(again) == _unmask_cipher_token(second)
    response = other.post(
        step_url(token, 1), {**ANSWERS[1], "csrfmiddlewaretoken": again}
    )
    assert response.status_code == 302


def test_a_cached_step_shows_the_answers_saved_since(client):
    token = start(client)
    answer_all(client, token, upto=2)
    assertContains(
        client.get(step_url(token, 2)),
        'value="12th" required id="id_education_1" checked',
    )

    client.post(step_url(token, 2), {"education": "bachelor", "field_of_study": "law"})
    page = client.get(step_url(token, 2))
    assertContains(page, 'value="bachelor" required id="id_education_3" checked')
    assertNotContains(page, 'id="id_education_1" checked')


def test_a_cached_step_tells_htmx_and_full_page_requests_apart(client):
    token = start(client)
    full = client.get(step_url(token, 1))
    fragment = client.get(step_url(token, 1), HTTP_HX_REQUEST="true")
    assertContains(full, "<html")
    assertNotContains(fragment, "<html")
    assertContains(client.get(step_url(token, 1)), "<html")


def test_the_cached_result_page_lists_a_new_share_and_its_revocation(client):
    token = start(client)
    answer_all(client, token)
    result_url = reverse("careers:result_detail", args=[token])
    assertNotContains(client.get(result_url), "/s/")

    client.post(reverse("careers:share_create", args=[token]), {"expiry": "30"})
    page = client.get(result_url)
    assertContains(page, "/s/")
    assertNotContains(page, "Switched off")

    share = page.context["shares"][0]["share"]
    client.post(reverse("careers:share_revoke", args=[token, share.pk]))
    assertContains(client.get(result_url), "Switched off")
