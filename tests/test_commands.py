"""Command-line entry points: createrecruiter and seed_demo (its demo logins)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.http import HttpRequest
from django.test import Client

from careers.management.commands.seed_demo import DEMO_PASSWORD, DEMO_USERNAME
from careers.models import JobListing
from careers.web.backends import DEMO_MODERATOR

pytestmark = pytest.mark.django_db


def test_createrecruiter_generates_a_password_once(capsys):
    call_command(
        "createrecruiter",
        "priya",
        "--email",
        "priya@agency.example",
        "--generate-password",
    )
    out = capsys.readouterr().out
    password = out.split("store it now): ")[1].strip()
    user = get_user_model().objects.get(username="priya")
    assert user.is_staff
    assert not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Recruiters"]
    assert user.check_password(password)
    assert len(password) >= 20


def test_createrecruiter_names_a_bad_email():
    with pytest.raises(CommandError, match="--email"):
        call_command(
            "createrecruiter", "priya", "--email", "not-an-email", "--generate-password"
        )
    assert not get_user_model().objects.filter(username="priya").exists()


def test_createrecruiter_refuses_a_taken_username(recruiter):
    with pytest.raises(CommandError, match="already taken"):
        call_command(
            "createrecruiter",
            recruiter.username,
            "--email",
            "x@example.com",
            "--generate-password",
        )


def test_seed_demo_is_idempotent(settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    first = JobListing.objects.count()
    call_command("seed_demo", verbosity=0)
    assert JobListing.objects.count() == first >= 7
    assert JobListing.objects.visible().count() == first - 1  # one demo draft


def test_demo_recruiter_can_log_in_only_with_debug(settings, client):
    settings.DEBUG = False
    call_command("seed_demo", verbosity=0)
    # django-axes counts logins per request, so the test client's login passes one.
    credentials = {"username": DEMO_USERNAME, "password": DEMO_PASSWORD}
    assert not client.login(request=HttpRequest(), **credentials)
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    assert client.login(request=HttpRequest(), **credentials)


def test_the_demo_moderator_reviews_only_with_debug(settings, client):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    credentials = {"username": DEMO_MODERATOR, "password": DEMO_PASSWORD}
    assert client.login(request=HttpRequest(), **credentials)
    user = get_user_model().objects.get(username=DEMO_MODERATOR)
    assert user.has_perm("careers.moderate_joblisting")
    settings.DEBUG = False
    client.logout()
    assert not client.login(request=HttpRequest(), **credentials)


def test_the_demo_recruiter_cannot_log_in_without_debug_on_a_seeded_database(
    settings, client
):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)  # as `make run` does
    credentials = {"username": DEMO_USERNAME, "password": DEMO_PASSWORD}
    assert client.login(request=HttpRequest(), **credentials)
    settings.DEBUG = False  # the same database, served in production
    assert client.get("/admin/").status_code == 302  # the old session no longer counts
    assert not Client().login(request=HttpRequest(), **credentials)
    user = get_user_model().objects.get(username=DEMO_USERNAME)
    assert user.check_password(DEMO_PASSWORD)  # refused although the password is right
