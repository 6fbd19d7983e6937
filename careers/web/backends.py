"""Who may log in: Django's own accounts, less the public demo login outside DEBUG."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend

# The recruiter and moderator `make run` seeds (seed_demo), with a password printed in
# the README.
DEMO_USERNAME = "demo-recruiter"
DEMO_MODERATOR = "demo-moderator"
DEMO_USERNAMES = {DEMO_USERNAME, DEMO_MODERATOR}


class AccountBackend(ModelBackend):
    """Django's own logins, except the demo accounts' without DEBUG: a database seeded by
    `make run` may later be served in production, and its password is public."""

    def user_can_authenticate(self, user) -> bool:
        if user.get_username() in DEMO_USERNAMES and not settings.DEBUG:
            return False
        return super().user_can_authenticate(user)
