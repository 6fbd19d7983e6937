"""Who may log in: Django's own accounts, less the public demo login outside DEBUG."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend

# The recruiter `make run` seeds (seed_demo), with a password printed in the README.
DEMO_USERNAME = "demo-recruiter"


class AccountBackend(ModelBackend):
    """Django's own logins, except the demo recruiter's without DEBUG: a database seeded by
    `make run` may later be served in production, and its password is public."""

    def user_can_authenticate(self, user) -> bool:
        if user.get_username() == DEMO_USERNAME and not settings.DEBUG:
            return False
        return super().user_can_authenticate(user)
