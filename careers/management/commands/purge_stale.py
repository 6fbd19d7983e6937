"""Delete what nobody can use any more or we said we keep no longer: abandoned quiz
drafts, results not visited for a year, dead share links, listing reports a decision
read six months ago, old logs, bulk-import files past their hour."""

from argparse import ArgumentParser, ArgumentTypeError
from datetime import timedelta
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from careers.assessments.models import RESULT_KEPT_DAYS
from careers.listings.admin.importing import PreviewStorage
from careers.models import Assessment, DeletedAssessment, ListingReport, Share
from careers.sharing.models import erase

# Defaults, documented in the README ("Keeping data"). A draft untouched for a month is
# abandoned; a dead share link answers 410 for a month, then 404 like any unknown link.
DRAFT_DAYS = 30
SHARE_DAYS = 30
LOGIN_LOG_DAYS = 90
# Candidates' reports of listings (their notes may name people): six months after a
# moderator's decision read them, long enough to see a pattern when a listing returns.
REPORT_DAYS = 183
# Finished results: 12 months after the candidate's last visit, as the result page says.
RESULT_DAYS = RESULT_KEPT_DAYS


def days(value: str) -> int:
    """argparse type: a whole number of days, at least 1 (0 would delete today's work)."""
    if not value.isdigit() or int(value) < 1:
        raise ArgumentTypeError(f"{value!r} is not a whole number of days of 1 or more")
    return int(value)


class Command(BaseCommand):
    help = (
        "Delete unfinished quiz drafts not touched for --draft-days, share links that "
        "expired or were switched off over --share-days ago, finished results (with "
        "their answers) neither visited nor changed for --result-days (their own "
        "links and share links then answer 410 for --share-days), login records older "
        "than --login-log-days, listing reports a decision read over --report-days ago "
        "(or unread that old on a listing no longer live), expired sessions and bulk "
        "import files kept past their hour."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--draft-days", type=days, default=DRAFT_DAYS, metavar="N")
        parser.add_argument("--share-days", type=days, default=SHARE_DAYS, metavar="N")
        parser.add_argument(
            "--result-days", type=days, default=RESULT_DAYS, metavar="N"
        )
        parser.add_argument(
            "--report-days", type=days, default=REPORT_DAYS, metavar="N"
        )
        parser.add_argument(
            "--login-log-days", type=days, default=LOGIN_LOG_DAYS, metavar="N"
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would go; delete nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        old_logins = {
            "attempt_time__lt": now - timedelta(days=options["login_log_days"])
        }
        stale = {
            "quiz drafts": Assessment.objects.stale_drafts(
                now - timedelta(days=options["draft_days"])
            ),
            "share links": Share.objects.stale(
                now - timedelta(days=options["share_days"])
            ),
            # A deleted quiz's own links answer 410 as long as its share links do.
            "deleted quizzes' marks": DeletedAssessment.objects.filter(
                deleted_at__lt=now - timedelta(days=options["share_days"])
            ),
            "listing reports": ListingReport.objects.stale(
                now - timedelta(days=options["report_days"])
            ),
            "login records": AccessLog.objects.filter(**old_logins),
            "failed-login records": AccessFailureLog.objects.filter(**old_logins),
            "login attempt counters": AccessAttempt.objects.filter(**old_logins),
            "expired sessions": Session.objects.filter(expire_date__lt=now),
        }
        verb = "would delete" if options["dry_run"] else "deleted"
        with transaction.atomic():
            # First: the links of the results deleted here become dead links, which the
            # share-links line keeps answering 410 for --share-days.
            unvisited = Assessment.objects.unvisited(
                now - timedelta(days=options["result_days"])
            )
            count = unvisited.count() if options["dry_run"] else erase(unvisited)
            self.stdout.write(f"{verb} {count} results not visited")
            for name, queryset in stale.items():
                if options["dry_run"]:
                    count = queryset.count()
                else:
                    # Count the rows of this model only, not the cascade's.
                    count = queryset.delete()[1].get(queryset.model._meta.label, 0)
                self.stdout.write(f"{verb} {count} {name}")
            # Else an expired file stays until read, or until the table passes its
            # MAX_ENTRIES, when the cache culls files still in their hour too.
            count = PreviewStorage.expired(now, delete=not options["dry_run"])
            self.stdout.write(f"{verb} {count} expired import files")
