"""The careers app: the BPO/KPO catalogue, job listings, assessments, results and shares."""

from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "careers"
    verbose_name = "Careers"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_login_failed

        from careers import models
        from careers.web.caching import forget_on_change
        from careers.web.logins import login_failed

        # What public pages, the quiz and the scoring catalogue show: an edit to any
        # of these rows shows everywhere once it is committed.
        forget_on_change(
            # The catalogue
            models.JobCategory,
            models.Role,
            models.RoleOccupation,
            models.Occupation,
            models.Requirement,
            models.Qualification,
            models.Skill,
            models.StepEstimate,
            # Listings, the languages they ask for, and their employers' badge
            models.JobListing,
            models.ListingLanguage,
            models.Employer,
        )

        # Django's own event: failed logins go to the security log.
        user_login_failed.connect(login_failed, dispatch_uid="careers.login_failed")

        # Django ships no Filipino, so its table of languages (what
        # get_language_info() reads, and the admin's per-language fields with it)
        # gets ours; the words themselves are in locale/fil/. Django has no setting
        # for this: without it every catalogue edit page in the admin fails
        # (django-modeltranslation asks get_language_info("fil") whether it is bidi).
        from django.conf.locale import LANG_INFO

        LANG_INFO.setdefault(
            "fil",
            {
                "bidi": False,
                "code": "fil",
                "name": "Filipino",
                "name_local": "Filipino",
            },
        )
