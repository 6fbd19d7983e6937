"""factory-boy factories for rows the tests create (the catalogue itself is the fixture)."""

from datetime import time, timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from careers.choices import Shift, Shore, Status, WorkMode
from careers.models import JobListing, Role


def _join_group(name: str) -> factory.PostGeneration:
    def join(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get(name=name))

    return factory.PostGeneration(join)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.django.Password("correct-horse-battery")

    class Params:
        recruiter = factory.Trait(is_staff=True, groups=_join_group("Recruiters"))
        catalogue_editor = factory.Trait(
            is_staff=True, groups=_join_group("Catalogue editors")
        )
        moderator = factory.Trait(is_staff=True, groups=_join_group("Moderators"))


class JobListingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobListing

    owner = factory.SubFactory(UserFactory, recruiter=True)
    role = factory.LazyFunction(
        lambda: Role.objects.get(slug="voice-customer-support-associate")
    )
    title = factory.Sequence(lambda n: f"Customer support associate #{n}")
    company = "Acme Outsourcing"
    location = "Pune"
    work_mode = WorkMode.ON_SITE
    shore = Shore.OFFSHORE
    shift = Shift.US_HOURS
    salary_min = 20000
    salary_max = 28000
    description = "Answer calls from US customers."
    how_to_apply = "Email jobs@acme.example"
    status = Status.DRAFT

    class Params:
        published = factory.Trait(status=Status.PUBLISHED)
        closed = factory.Trait(
            status=Status.CLOSED,
            published_at=factory.LazyFunction(
                lambda: timezone.now() - timedelta(days=3)
            ),
        )
        expired = factory.Trait(
            status=Status.PUBLISHED,
            published_at=factory.LazyFunction(
                lambda: timezone.now() - timedelta(days=31)
            ),
            expires_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=1)),
        )
        # Everything a recruiter can say: what it asks, every way to apply, a walk-in.
        complete = factory.Trait(
            openings=25,
            min_education="12th",
            spoken_english="B2",
            typing_wpm=40,
            experience_min_years=0,
            experience_max_years=2,
            apply_email="jobs@acme.example",
            apply_phone="+91 80 4000 1234",
            apply_whatsapp="+91 98765 43210",
            apply_url="https://acme.example/jobs",
            how_to_apply="",
            # A drive to come, whatever day the tests run.
            walk_in_date=factory.LazyFunction(
                lambda: timezone.localdate() + timedelta(days=5)
            ),
            walk_in_from=time(10),
            walk_in_until=time(16),
            walk_in_venue="Acme Outsourcing, 3rd floor, Tower B, MG Road, Pune",
            walk_in_bring=["cv", "photo", "id", "certificates"],
        )
