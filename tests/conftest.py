"""Shared fixtures: the real catalogue loaded once per test database, users, clients."""

import pytest
from django.core.management import call_command

from tests.factories import UserFactory


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # Every database test sees the real catalogue, loaded once; each test's own changes
    # are rolled back around it.
    with django_db_blocker.unblock():
        call_command("loaddata", "catalogue", verbosity=0)


@pytest.fixture
def recruiter(db):
    return UserFactory(recruiter=True, username="asha")


@pytest.fixture
def other_recruiter(db):
    return UserFactory(recruiter=True, username="bilal")


@pytest.fixture
def editor(db):
    return UserFactory(catalogue_editor=True, username="chen")


@pytest.fixture
def recruiter_client(client, recruiter):
    client.force_login(recruiter)
    return client
