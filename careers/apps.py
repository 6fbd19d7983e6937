"""The careers app: the BPO/KPO catalogue, job listings, assessments, results and shares."""

from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "careers"
    verbose_name = "Careers"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_login_failed

        from careers.security import login_failed

        # Django's own event: failed logins go to the security log.
        user_login_failed.connect(login_failed, dispatch_uid="careers.login_failed")
