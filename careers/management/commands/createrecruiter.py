"""Create a recruiter account: staff, in the "Recruiters" group, no other rights."""

import getpass
import secrets
import sys
from argparse import ArgumentParser
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

RECRUITERS = "Recruiters"


def create_recruiter(username: str, email: str, password: str) -> Any:
    """Create a staff user in the Recruiters group (no superuser, no other groups)."""
    user = get_user_model().objects.create_user(
        username=username, email=email, password=password, is_staff=True
    )
    user.groups.add(Group.objects.get(name=RECRUITERS))
    return user


class Command(BaseCommand):
    help = (
        "Create a recruiter who can log in to /admin/ and manage their own job listings. "
        "The password is prompted for, or generated and printed once with --generate-password "
        "(or when there is no terminal)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username")
        parser.add_argument(
            "--email", required=True, help="The recruiter's work email."
        )
        parser.add_argument(
            "--generate-password",
            action="store_true",
            help="Generate a strong password and print it once instead of prompting.",
        )

    def handle(
        self,
        *args: Any,
        username: str,
        email: str,
        generate_password: bool,
        **options: Any,
    ) -> None:
        if get_user_model().objects.filter(username=username).exists():
            raise CommandError(f"username: {username!r} is already taken.")
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(
                f"--email: {email!r} is not a valid email address."
            ) from error
        if not Group.objects.filter(name=RECRUITERS).exists():
            raise CommandError(
                "The Recruiters group is missing: run `manage.py migrate` first."
            )

        generated = generate_password or not sys.stdin.isatty()
        password = (
            secrets.token_urlsafe(18) if generated else self._prompt_password(username)
        )
        with transaction.atomic():
            create_recruiter(username, email, password)
        self.stdout.write(self.style.SUCCESS(f"Recruiter {username!r} created."))
        if generated:
            self.stdout.write(f"Password (shown once, store it now): {password}")

    def _prompt_password(self, username: str) -> str:
        for _ in range(3):
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                self.stderr.write("The passwords do not match.")
                continue
            try:
                validate_password(password, get_user_model()(username=username))
            except ValidationError as error:
                self.stderr.write("\n".join(error.messages))
                continue
            return password
        raise CommandError("password: no valid password given.")
