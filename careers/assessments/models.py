"""A candidate's questionnaire answers (an assessment) and its one result."""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any, Protocol

from django.db import IntegrityError, models, transaction
from django.db.models import Count, F, Max
from django.urls import reverse
from django.utils import timezone

from careers.assessments.shared_steps import said_once
from careers.catalogue.models import scoring_catalogue
from careers.choices import Verdict
from careers.scoring import (
    FORMAT,
    profile_from_data,
    recommend,
    recommendation_data,
)

# The result page and a shared link show the best roles that are open or close, or, when
# none is, the nearest few, so that nobody is shown an empty list.
TOP_ROLES = 5
NEAREST_ROLES = 3
# A role that would still need a step nobody can name sorts after every known one.
UNKNOWN_WEEKS = 10**6
# What a share link can show, to choose from.
SHAREABLE_ROLES = 12
# A finished quiz is kept 12 months after the candidate last opened its result: the
# pages say it in months (kept_months), and purge_stale deletes it then by default.
# A visit is noted to the day.
RESULT_KEPT_DAYS = 365
VISIT_PRECISION = timedelta(days=1)
# This device's quiz, for "continue where you left off". The token is itself the secret
# that opens the answers, so the cookie holds it as it is: no session store is read or
# written on a candidate's pages. The quiz sets it; deleting the answers forgets it.
QUIZ_COOKIE = "careerfit_quiz"
# The finished quiz this device answered before "start again", so that starting again
# loses no result: the start page links to it beside the new quiz.
EARLIER_COOKIE = "careerfit_earlier"


def kept_months() -> int:
    """RESULT_KEPT_DAYS in whole months (at least one), as the pages say it."""
    return max(1, round(RESULT_KEPT_DAYS * 12 / 365))


def visit_is_due(visited_at: datetime) -> bool:
    """Whether a visit now should be noted: the last one noted is over a day old."""
    return visited_at < timezone.now() - VISIT_PRECISION


def step_url(token: str, number: int) -> str:
    """The address of step `number` of the quiz with this token."""
    return reverse("careers:quiz_step", args=[token, number])


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def scored(profile: dict[str, Any]) -> dict[str, Any]:
    # The page shows each reason only on the cards of the open, close and nearest roles
    # (top_roles); the rest show their title and advice. Keeping every role's reasons
    # made a stored result 166 KB, read again by each page of the journey.
    return recommendation_data(
        recommend(scoring_catalogue(), profile_from_data(profile)),
        later_lines=TOP_ROLES,
    )


def merged_profile(answers: dict[str, Any]) -> dict[str, Any]:
    """Every answered step's profile data, merged (the steps set different keys)."""
    data: dict[str, Any] = {}
    for step in answers.values():
        data.update(step.get("profile", {}))
    return data


def new_token() -> str:
    """192 random bits, URL-safe: unguessable, so it can stand in for an account."""
    return secrets.token_urlsafe(24)


class Refit(Protocol):
    def __call__(
        self,
        answers: dict[str, Any],
        dropped: dict[str, dict[str, Any]],
        changed: str,
        *,
        itself: bool,
    ) -> None: ...


class AssessmentQuerySet(models.QuerySet):
    def by_token(self, token: str) -> AssessmentQuerySet:
        """The one assessment with this token (none if mistyped or deleted)."""
        return self.filter(token=token)

    def unfinished(self) -> AssessmentQuerySet:
        return self.filter(result__isnull=True)

    def stale_drafts(self, before: datetime) -> AssessmentQuerySet:
        """Unfinished, and not touched since `before`: abandoned quizzes."""
        return self.unfinished().filter(updated_at__lt=before)

    def unvisited(self, before: datetime) -> AssessmentQuerySet:
        """Finished, its result not opened and its answers not changed since `before`."""
        return self.filter(result__visited_at__lt=before, updated_at__lt=before)

    def with_finished(self) -> AssessmentQuerySet:
        """Each with `result_pk`, its result's id or None, without reading the result."""
        # A join for the id: an EXISTS subquery took twice as long to build as the rest
        # of the lookup (0.35 ms more on every quiz step's request, in process).
        return self.annotate(result_pk=F("result__id"))

    def with_result_state(self) -> AssessmentQuerySet:
        """Each with what its result page depends on: when it was scored, its shares,
        and when its last visit was noted."""
        return self.annotate(
            scored_at=Max("result__updated_at"),
            share_count=Count("result__shares"),
            last_revoked=Max("result__shares__revoked_at"),
            visited_at=Max("result__visited_at"),
        )


class Assessment(models.Model):
    """A candidate's questionnaire answers, saved at every step under an unguessable token."""

    token = models.CharField(max_length=64, default=new_token, editable=False)
    # {step slug: {"form": answers as given, "profile": the step's profile data}}
    answers = models.JSONField(default=dict, blank=True)
    # What changing an earlier step took out of later ones, for those steps to say:
    # {step slug: {"after": [changed step slugs], "fields": {field: [values]},
    # "kept": the step's remaining values, when it is unanswered again}}.
    dropped = models.JSONField(default=dict, blank=True)
    # One more at every saved step: a result records the version it scored, so scoring
    # that finishes late never replaces the result of answers given after it.
    version = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["updated_at"])]
        constraints = [
            models.UniqueConstraint(fields=["token"], name="careers_assessment_token")
        ]

    def __str__(self) -> str:
        return f"Assessment started {self.created_at:%Y-%m-%d %H:%M}"

    def has_answered(self, slug: str) -> bool:
        return slug in self.answers

    def answer(
        self,
        slug: str,
        answers: dict[str, Any],
        earlier: Iterable[str],
        refit: Refit | None = None,
    ) -> bool:
        """Store one step's answers if every step in `earlier` is answered.

        The row is locked for the read and the write only, so two tabs saving different
        steps at once both keep theirs. Under the lock, `refit(answers, dropped, slug,
        itself)` takes out of the later steps what no longer fits (of this step too,
        `itself`, when another tab saved since this object was read: its form was built
        from other answers), notes it in `dropped` for those steps to say, and puts back
        what an earlier change took out that fits again. Gives
        False, changing nothing, when an earlier step is unanswered; either way this
        object then holds the answers as stored.
        """
        with transaction.atomic():
            row = (
                Assessment.objects.select_for_update()
                .only("answers", "dropped", "version")
                .get(pk=self.pk)
            )
            answered = all(step in row.answers for step in earlier)
            if answered:
                row.answers[slug] = answers
                row.dropped.pop(slug, None)
                if refit is not None:
                    itself = row.version != self.version
                    refit(row.answers, row.dropped, slug, itself=itself)
                row.version += 1
                row.save(update_fields=["answers", "dropped", "version", "updated_at"])
        self.answers, self.dropped, self.version = row.answers, row.dropped, row.version
        return answered

    def profile_data(self) -> dict[str, Any]:
        """Every step's profile data, merged (the steps set different keys)."""
        return merged_profile(self.answers)

    def finish(self) -> Result:
        """Score the answers and store this assessment's one result (again if re-answered).

        Scoring holds no lock. The one-to-one column lets only one result be inserted;
        a later finish updates it, unless it scored older answers than the result holds
        (two tabs, or a slow finish), so the result of the newest answers is kept.
        """
        profile = self.profile_data()
        fields = {
            "profile": profile,
            "recommendation": scored(profile),
            "answers_version": self.version,
        }
        try:
            with transaction.atomic():
                return Result.objects.create(assessment=self, **fields)
        except IntegrityError:
            pass  # finished before: update it
        now = timezone.now()
        Result.objects.filter(
            assessment=self, answers_version__lte=self.version
        ).update(**fields, updated_at=now, visited_at=now)
        return Result.objects.get(assessment=self)


class Result(models.Model):
    """The recommendation for a finished assessment: exactly one per assessment."""

    assessment = models.OneToOneField(
        Assessment, on_delete=models.CASCADE, related_name="result"
    )
    profile = models.JSONField(
        help_text="The profile data the result was computed from."
    )
    recommendation = models.JSONField(help_text="The scoring engine's output, as data.")
    answers_version = models.PositiveIntegerField(
        default=0, help_text="The assessment's version whose answers were scored."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The candidate's last visit to the result page, to the day: it is kept
    # RESULT_KEPT_DAYS after it (purge_stale).
    visited_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"Result of {self.assessment}"

    def get_absolute_url(self) -> str:
        return reverse("careers:result_detail", args=[self.assessment.token])

    @classmethod
    def from_db(cls, db: str | None, field_names: Any, values: Any) -> Result:
        # A result stored by an older engine reads as scored again from its own
        # answers, in memory: opening it writes nothing (finishing again stores it), and
        # whatever reads it (the page, the share form, a new link) sees one format.
        result = super().from_db(db, field_names, values)
        loaded = not result.get_deferred_fields() & {"recommendation", "profile"}
        if loaded and result.recommendation.get("format") != FORMAT:
            result.recommendation = scored(result.profile)
        return result

    def record_visit(self) -> None:
        """Note a visit to the result page, which the 12 months it is kept count from.

        The one write a result page's GET makes, and only when the last visit noted is
        over a day old: one conditional UPDATE a day, not one a view (the page's ETag
        changes when a visit is due, so a revalidated page is noted too).
        """
        if visit_is_due(self.visited_at):
            now = timezone.now()
            due = now - VISIT_PRECISION
            Result.objects.filter(pk=self.pk, visited_at__lt=due).update(visited_at=now)
            self.visited_at = now

    def top_roles(self, limit: int = TOP_ROLES) -> list[dict[str, Any]]:
        """The roles that lead, on the page ("Start here" when none is open), in the
        chart and in the share form: the best open or close ones; when none is open,
        the close ones, and the nearest not yet open up to NEAREST_ROLES."""
        ranked = self.recommendation["recommendations"]
        if any(item["verdict"] == Verdict.ELIGIBLE for item in ranked):
            reach = [
                i for i in ranked if i["verdict"] in (Verdict.ELIGIBLE, Verdict.CLOSE)
            ]
            return reach[:limit]
        nearest = [
            i for i in ranked if i["verdict"] in (Verdict.CLOSE, Verdict.NOT_YET)
        ]
        close = sum(item["verdict"] == Verdict.CLOSE for item in nearest)
        return nearest[: max(NEAREST_ROLES, min(close, limit))]

    def by_verdict(self) -> dict[str, list[dict[str, Any]]]:
        """The ranked roles grouped by verdict, best verdict first."""
        groups: dict[str, list[dict[str, Any]]] = {v: [] for v in Verdict.values}
        for item in self.recommendation["recommendations"]:
            groups[item["verdict"]].append(item)
        return groups

    def reachable(self) -> list[dict[str, Any]]:
        """The roles open now or close, whatever section the page shows them in: the
        listings beside the result are theirs."""
        groups = self.by_verdict()
        return groups[Verdict.ELIGIBLE] + groups[Verdict.CLOSE]

    def sections(self) -> dict[str, Any]:
        """The result page's order: the first role (the best open one, else the
        nearest), then the rest of the leading roles when none is open ("Also near
        you"), those open now, close, further away, and those that do not fit, grouped
        by what they clash with; each role once."""
        groups = self.by_verdict()
        eligible = groups[Verdict.ELIGIBLE]
        top = self.top_roles()
        first = top[0] if top else None
        nearest = [] if eligible else top[:NEAREST_ROLES]
        shown = [first, *nearest]
        later_step, later = said_once(
            [item for item in groups[Verdict.NOT_YET] if item not in shown]
        )
        return {
            "first": by_reasons(first) if first else None,
            "nearest": [by_reasons(item) for item in nearest[1:]],
            "eligible": [by_reasons(item) for item in eligible if item is not first],
            "eligible_count": len(eligible),
            "close": [
                by_reasons(item) for item in groups[Verdict.CLOSE] if item not in shown
            ],
            "later": later,
            "later_step": later_step,
            "does_not_fit": groups[Verdict.DOES_NOT_FIT],
            "clash_groups": clash_groups(groups[Verdict.DOES_NOT_FIT]),
        }


def by_reasons(item: dict[str, Any]) -> dict[str, Any]:
    """A role card's reasons in three lists, what you have, what you miss, and notes:
    each line then says only whether it is required, not also whether you have it."""
    lines = item.get("lines", [])
    return {
        **item,
        "have": [line for line in lines if line["met"] and not line["note"]],
        "missing": [line for line in lines if not line["met"] and not line["note"]],
        "notes": [line for line in lines if line["note"]],
    }


def clash_groups(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Roles that do not fit, grouped by what they clash with (said once for the
    group), each group's roles split into those the person meets everything else of
    and those that would still need more; the largest group first."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        key = json.dumps(item.get("advice"), sort_keys=True)
        grouped.setdefault(key, []).append(item)
    groups = []
    for roles in grouped.values():
        clash = roles[0].get("clash") or {}
        meet = [i for i in roles if (i.get("clash") or {}).get("verdict") == "eligible"]
        groups.append(
            {
                "reason": roles[0].get("advice", ""),
                "count": len(roles),
                "change": clash.get("change", ""),
                "meet": meet,
                # The nearest first: those a few weeks' steps would open, then later.
                "more": sorted(
                    (i for i in roles if i not in meet),
                    key=lambda i: (
                        (i.get("clash") or {}).get("weeks") or [UNKNOWN_WEEKS]
                    ),
                ),
            }
        )
    return sorted(groups, key=lambda group: -group["count"])


class DeletedAssessment(models.Model):
    """What is left of an assessment `erase()` deleted: its token's hash, so that its own
    links (the result, "continue later", a bookmark, another phone) answer 410 Gone
    with a page saying the answers were deleted, not 404 "mistyped". Nothing else: the
    hash opens nothing. purge_stale removes it with the dead share links."""

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    deleted_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"Assessment deleted {self.deleted_at:%Y-%m-%d}"

    @classmethod
    def holds(cls, token: str) -> bool:
        return cls.objects.filter(token_hash=token_hash(token)).exists()
