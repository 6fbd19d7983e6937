"""The admin: recruiters work only on their own listings, catalogue editors own the
catalogue, the groups are what the migrations grant, and bad input is the form with a
message or a 400, never a 500."""

import json

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains

from careers.choices import Status
from careers.models import (
    Employer,
    JobListing,
    Qualification,
    Recruiter,
    Role,
    StepEstimate,
)
from tests.factories import JobListingFactory, UserFactory
from tests.helpers import finish, listing_form, page_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def theirs(other_recruiter):
    return JobListingFactory(
        owner=other_recruiter, title="Bilal's listing", published=True
    )


@pytest.fixture
def mine(recruiter):
    return JobListingFactory(owner=recruiter, title="Asha's listing")


def test_recruiter_lists_only_their_own_listings(recruiter_client, mine, theirs):
    response = recruiter_client.get(reverse("admin:careers_joblisting_changelist"))
    assert response.status_code == 200
    assert "Asha&#x27;s listing" in response.text
    assert "Bilal" not in response.text


@pytest.mark.parametrize("view", ["change", "delete", "history"])
def test_another_recruiters_listing_is_not_found(
    recruiter_client, theirs, view, caplog
):
    url = reverse(f"admin:careers_joblisting_{view}", args=[theirs.pk])
    assert recruiter_client.get(url).status_code == 404
    assert '"event": "admin_listing_not_found"' in caplog.text
    assert '"user": "asha"' in caplog.text
    assert recruiter_client.post(url, listing_form(title="Hijacked")).status_code == 404
    theirs.refresh_from_db()
    assert theirs.title == "Bilal's listing"


def test_recruiter_can_open_their_own_listing(recruiter_client, mine):
    for view in ("change", "history", "delete"):
        url = reverse(f"admin:careers_joblisting_{view}", args=[mine.pk])
        assert recruiter_client.get(url).status_code == 200


def test_new_listing_belongs_to_its_author_whatever_is_posted(
    recruiter_client, recruiter, other_recruiter
):
    response = recruiter_client.post(
        reverse("admin:careers_joblisting_add"), listing_form(owner=other_recruiter.pk)
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    listing = JobListing.objects.get(title="Chat support executive")
    assert listing.owner == recruiter
    assert listing.status == Status.DRAFT
    assert not listing.is_visible  # nothing reaches candidates without review


def test_changing_a_listing_cannot_hand_it_to_someone_else(
    recruiter_client, recruiter, other_recruiter, mine
):
    url = reverse("admin:careers_joblisting_change", args=[mine.pk])
    response = recruiter_client.post(
        url, listing_form(owner=other_recruiter.pk, title="Mine")
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.owner, mine.title) == (recruiter, "Mine")


@pytest.mark.parametrize("action", ["close", "renew", "delete_selected"])
def test_bulk_actions_touch_only_own_listings(recruiter_client, mine, theirs, action):
    before = JobListing.objects.get(pk=theirs.pk)
    data = {"action": action, "_selected_action": [mine.pk, theirs.pk], "post": "yes"}
    recruiter_client.post(reverse("admin:careers_joblisting_changelist"), data)
    after = JobListing.objects.get(pk=theirs.pk)
    assert (after.status, after.expires_at, after.updated_at) == (
        before.status,
        before.expires_at,
        before.updated_at,
    )


def test_a_recruiter_cannot_publish_only_send_for_review(recruiter_client, mine):
    url = reverse("admin:careers_joblisting_change", args=[mine.pk])
    # The status is not a field they can post; publishing is a moderator's decision.
    recruiter_client.post(url, listing_form(status="published"))
    mine.refresh_from_db()
    assert mine.status == Status.DRAFT
    refused = recruiter_client.post(url, listing_form(send_for_review="on"))
    assert refused.status_code == 200
    assert "We never ask candidates for money" in refused.text
    recruiter_client.post(url, listing_form(send_for_review="on", no_fee_pledge="on"))
    mine.refresh_from_db()
    assert (mine.status, mine.is_visible) == (Status.SUBMITTED, False)
    assert mine.no_fee_pledged_by_id == mine.owner_id


def test_close_and_renew_actions(recruiter_client, recruiter):
    live = JobListingFactory(owner=recruiter, published=True)
    url = reverse("admin:careers_joblisting_changelist")
    recruiter_client.post(url, {"action": "close", "_selected_action": [live.pk]})
    live.refresh_from_db()
    assert live.status == Status.CLOSED
    expiring = JobListingFactory(owner=recruiter, expired=True)
    recruiter_client.post(url, {"action": "renew", "_selected_action": [expiring.pk]})
    expiring.refresh_from_db()
    assert expiring.is_visible


@pytest.mark.parametrize(
    "query",
    [
        "?status__exact=published",
        "?expiry=7days",
        "?expiry=expired",
        "?role__category__sector=KPO",
        "?work_mode__exact=remote",
        "?q=Asha",
    ],
)
def test_listing_filters_and_search_work(recruiter_client, mine, query):
    url = reverse("admin:careers_joblisting_changelist") + query
    assert recruiter_client.get(url).status_code == 200


def test_recruiter_cannot_reach_users_or_groups(recruiter_client):
    assert (
        recruiter_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    )
    assert (
        recruiter_client.get(reverse("admin:auth_group_changelist")).status_code == 403
    )


def test_recruiter_can_view_but_not_change_the_catalogue(recruiter_client):
    role = Role.objects.get(slug="medical-coder")
    url = reverse("admin:careers_role_change", args=[role.pk])
    page = recruiter_client.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.text
    assert recruiter_client.post(url, {"title": "Hacked"}).status_code == 403
    assert recruiter_client.get(reverse("admin:careers_role_add")).status_code == 403
    role.refresh_from_db()
    assert role.title == "Medical coder"


def test_role_autocomplete_works_for_recruiters(recruiter_client):
    response = recruiter_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "careers",
            "model_name": "joblisting",
            "field_name": "role",
            "term": "coder",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Medical coder"]


def test_catalogue_editor_can_change_roles_but_not_listings(client, editor):
    client.force_login(editor)
    role = Role.objects.get(slug="medical-coder")
    page = client.get(reverse("admin:careers_role_change", args=[role.pk]))
    assert page.status_code == 200
    assert 'name="_save"' in page.text
    assert client.get(reverse("admin:careers_joblisting_changelist")).status_code == 403


def test_staff_without_a_group_gets_403(client):
    client.force_login(UserFactory(is_staff=True, username="nogroup"))
    assert client.get(reverse("admin:careers_joblisting_changelist")).status_code == 403


def test_superuser_sees_every_listing(client, mine, theirs):
    client.force_login(UserFactory(is_staff=True, is_superuser=True, username="root"))
    response = client.get(reverse("admin:careers_joblisting_changelist"))
    assert "Asha&#x27;s listing" in response.text
    assert "Bilal&#x27;s listing" in response.text


def test_autocomplete_reveals_nothing_a_recruiter_may_not_see(recruiter_client, theirs):
    autocomplete = reverse("admin:autocomplete")
    # Fields that are not autocomplete fields, and users: refused. (The catalogue's own
    # autocompletes answer: recruiters may view the catalogue.)
    for params in [
        {"app_label": "careers", "model_name": "joblisting", "field_name": "owner"},
        {"app_label": "auth", "model_name": "user", "field_name": "groups"},
    ]:
        response = recruiter_client.get(autocomplete, {**params, "term": "b"})
        assert response.status_code == 403, params
        assert "bilal" not in response.text.lower()


@pytest.mark.parametrize(
    ("kind", "field"), [("skill", "skills"), ("qualification", "qualifications")]
)
def test_a_requirement_that_accepts_nothing_is_refused(kind, field):
    # Nothing could meet it, and scoring every quiz would have to guess.
    from django.forms import modelform_factory

    from careers.catalogue.admin import RequirementForm
    from careers.models import Requirement

    form_class = modelform_factory(Requirement, form=RequirementForm, fields="__all__")
    role = Role.objects.get(slug="data-entry-operator")
    form = form_class(
        {
            "role": role.pk,
            "code": "new-tool",
            "kind": kind,
            "level": "working" if kind == "skill" else "",
            "importance": "must",
            "weight": 3,
            "explanation": "Needed.",
            "source": "hand",
            "source_note": "Employers ask.",
            "position": 9,
        }
    )
    assert not form.is_valid()
    assert "at least one" in form.errors[field][0]


def test_the_quiz_still_scores_a_requirement_saved_without_options(client):
    from careers.models import Requirement

    role = Role.objects.get(slug="data-entry-operator")
    Requirement.objects.create(
        role=role,
        code="broken",
        kind="skill",
        level="working",
        importance="must",
        explanation="x",
        source="hand",
        source_note="x",
    )
    token = finish(client)
    assert client.get(reverse("careers:result_detail", args=[token])).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "published_at__year=" + "9" * 25,
        "published_at__year=2026&published_at__month=1x",
    ],
)
def test_admin_date_filters_beyond_any_date_are_a_400(recruiter_client, query):
    response = recruiter_client.get(
        reverse("admin:careers_joblisting_changelist") + "?" + query
    )
    assert response.status_code == 400
    assert "is not a" in response.text


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def moderator_client():
    client = Client()
    client.force_login(UserFactory(moderator=True, username="meera"))
    return client


@pytest.mark.parametrize("view", ["change", "history"])
def test_step_estimates_open_for_editors_and_recruiters(
    editor_client, recruiter_client, view
):
    estimate = StepEstimate.objects.get(code="typing")
    url = reverse(f"admin:careers_stepestimate_{view}", args=[estimate.pk])
    for client in (editor_client, recruiter_client):
        page = client.get(url)
        assert page.status_code == 200
        assert str(estimate) in page.text


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("admin:careers_joblisting_changelist", "published_at__year=9999"),
        (
            "admin:careers_joblisting_changelist",
            "published_at__year=9999&published_at__month=12",
        ),
        (
            "admin:careers_joblisting_changelist",
            "published_at__year=9999&published_at__month=12&published_at__day=31",
        ),
        (
            "admin:careers_joblisting_changelist",
            "published_at__year=2026&published_at__month=2&published_at__day=30",
        ),
        ("admin:careers_joblisting_changelist", "published_at__year=0"),
        # django-axes' own change lists, with a date hierarchy of their own.
        ("admin:axes_accessattempt_changelist", "attempt_time__year=9999"),
        ("admin:axes_accesslog_changelist", "attempt_time__year=9999&e=1"),
    ],
)
def test_date_filters_no_list_can_show_are_a_400_on_every_change_list(url, query):
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True, username="root"))
    JobListingFactory(published=True)
    response = client.get(reverse(url) + "?" + query)
    assert response.status_code == 400
    assert "is not a date this list can be filtered by" in response.text


def test_the_last_year_a_date_filter_can_show_still_works(recruiter_client):
    url = reverse("admin:careers_joblisting_changelist")
    query = "published_at__year=9998&published_at__month=12&published_at__day=31"
    assert recruiter_client.get(f"{url}?{query}").status_code == 200


def test_a_recruiter_that_is_no_user_id_is_the_form_with_a_message(moderator_client):
    employer = Employer.objects.create(name="Harbour Contact Centre")
    url = reverse("admin:careers_employer_change", args=[employer.pk])
    data = page_form(moderator_client, url)
    data.update(
        {
            "recruiters-TOTAL_FORMS": "1",
            "recruiters-0-employer": str(employer.pk),
            "recruiters-0-user": "abc",
        }
    )
    response = moderator_client.post(url, data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not employer.recruiters.exists()


def test_a_nul_in_a_roles_occupation_is_a_400(editor_client):
    role = Role.objects.get(slug="voice-customer-support-associate")
    url = reverse("admin:careers_role_change", args=[role.pk])
    data = page_form(editor_client, url)
    before = data["occupation_links-0-occupation"]
    response = editor_client.post(
        url, {**data, "occupation_links-0-occupation": before[:3] + "\x00"}
    )
    assert response.status_code == 400
    assert "The form had a hidden character" in response.text
    assert role.occupation_links.first().occupation_id == before


@pytest.mark.parametrize(
    ("stages", "message"),
    [
        ("1e400", "Write a list of stages"),
        ('[{"code": "x", "name": "X", "weeks_left": 1e400}]', "whole number of weeks"),
        ('{"code": "x"}', "Write a list of stages"),
        ("[1]", "Stage 1 needs a code, a name and weeks_left"),
        ('[{"code": "a b", "name": "X", "weeks_left": 4}]', "letters, digits"),
        ('[{"code": "x", "name": "X", "weeks_left": 4, "price": 1}]', "price"),
        ('[{"code": "x", "name": "X", "weeks_left": 9999}]', "than the whole usually"),
    ],
)
def test_a_qualifications_stages_the_quiz_cannot_read_are_refused(
    editor_client, stages, message
):
    qualification = Qualification.objects.get(slug="acca")
    url = reverse("admin:careers_qualification_change", args=[qualification.pk])
    response = editor_client.post(
        url, {**page_form(editor_client, url), "stages": stages}
    )
    assert response.status_code == 200
    assert message in response.text
    assert Qualification.objects.get(pk=qualification.pk).stages == qualification.stages


def test_empty_stages_are_none(editor_client):
    qualification = Qualification.objects.get(slug="acca")
    url = reverse("admin:careers_qualification_change", args=[qualification.pk])
    data = page_form(editor_client, url)
    assert editor_client.post(url, {**data, "stages": ""}).status_code == 302
    assert Qualification.objects.get(pk=qualification.pk).stages == []
    assert Client().get("/en/quiz/").status_code == 200


def test_the_groups_fixture_is_what_the_migrations_grant():
    # Live-server tests flush the database and load fixtures/groups.json again.
    fixture = json.loads((settings.BASE_DIR / "fixtures" / "groups.json").read_text())
    loaded = {g["fields"]["name"]: g["fields"]["permissions"] for g in fixture}
    migrated = {
        group.name: [list(p.natural_key()) for p in group.permissions.all()]
        for group in Group.objects.all()
    }
    assert {name: sorted(p) for name, p in loaded.items()} == {
        name: sorted(p) for name, p in migrated.items()
    }


def test_a_new_listing_starts_in_its_employers_country_and_lists_filter_by_it(
    recruiter_client, recruiter
):
    employer = Employer.objects.create(name="Bayanihan Contact", country="PH")
    Recruiter.objects.create(user=recruiter, employer=employer)
    form = recruiter_client.get(reverse("admin:careers_joblisting_add"))
    assert form.context["adminform"].form.initial["country"] == "PH"
    assert form.context["adminform"].form.initial["salary_currency"] == "PHP"
    assertContains(form, '<option value="PH" selected>')
    changelist = recruiter_client.get(reverse("admin:careers_joblisting_changelist"))
    assertContains(changelist, "?country__exact=PH")
