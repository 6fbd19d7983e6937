"""Public, revocable links to part of a result, and the card a chat app previews."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from careers.assessments.models import (
    Assessment,
    DeletedAssessment,
    Result,
    token_hash,
)
from careers.assessments.wording import say, shared_summary, shared_verdict
from careers.choices import Country, ShareExpiry
from careers.sharing.cards import draw_card

SHARED_FIELDS = ("role", "title", "sector", "category_name", "verdict", "distance")
# The plain-text summary to paste into a chat stays under 1 KB (WhatsApp shows it whole).
PLAIN_TEXT_LIMIT = 1000


def plain_text(snapshot: dict[str, Any], url: str) -> str:
    """The shared result as a short message to paste into a chat."""
    lines = [gettext("My CareerFit result:")]
    lines += [
        f"- {say(r['title'])} ({r['sector']}): {shared_verdict(r)}"
        for r in snapshot["roles"]
    ]
    lines.append(gettext("See it here: %(url)s") % {"url": url})
    text = "\n".join(lines)
    return (
        text
        if len(text) <= PLAIN_TEXT_LIMIT
        else "\n".join([lines[0], lines[1], lines[-1]])
    )


def share_token_hash(token: str) -> str:
    return token_hash(token)


class ShareQuerySet(models.QuerySet):
    def by_token(self, token: str, *, with_card: bool = False) -> Share | None:
        """The share a link's token opens (active or not), without its snapshot."""
        fields = ["result_id", "expires_at", "revoked_at"] + ["card"] * with_card
        return self.filter(token_hash=share_token_hash(token)).only(*fields).first()

    def of_assessment(self, token: str) -> ShareQuerySet:
        """The links made from the result whose private token this is."""
        return self.filter(result__assessment__in=Assessment.objects.by_token(token))

    def stale(self, before: datetime) -> ShareQuerySet:
        """Links that stopped working (expired or switched off) before `before`."""
        return self.filter(Q(expires_at__lt=before) | Q(revoked_at__lt=before))


class Share(models.Model):
    """A public, revocable link to a chosen part of a result.

    The link's token is derived from a random salt with the site's secret key and only its
    SHA-256 is stored, so a copy of the database alone opens no shared page, while the
    candidate's private page can still show their links.
    """

    # None once its result is deleted (`erase`): the row then keeps only what answers
    # 410 Gone, until purge_stale removes it with the other dead links. PROTECT: no
    # other way of deleting a result may leave its links' snapshots behind.
    result = models.ForeignKey(
        Result,
        on_delete=models.PROTECT,
        null=True,
        related_name="shares",
    )
    salt = models.CharField(max_length=64, unique=True, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # What the page and the card show, fixed when the link is made: top roles and summary.
    snapshot = models.JSONField()
    card = models.BinaryField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ShareQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        of = self.result or "a deleted result"
        return f"Share of {of} made {self.created_at:%Y-%m-%d}"

    def save(self, *args, **kwargs) -> None:
        if not self.salt:
            self.salt = secrets.token_urlsafe(32)
            self.token_hash = share_token_hash(self.token)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        # It opens in the language it was made in (links from before: English).
        language = self.snapshot.get("language", "en") if self.snapshot else "en"
        with translation.override(language):
            return reverse("careers:share_detail", args=[self.token])

    @classmethod
    def create_for(cls, result: Result, *, roles: list[str], expiry: str) -> Share:
        """A new link to the chosen roles of `result`: its snapshot and card, made now."""
        snapshot = cls.snapshot_of(result, roles)
        expires_at = (
            None
            if expiry == ShareExpiry.NEVER
            else timezone.now() + timedelta(days=int(expiry))
        )
        return cls.objects.create(
            result=result,
            snapshot=snapshot,
            card=draw_card(snapshot),
            expires_at=expires_at,
        )

    @staticmethod
    def snapshot_of(result: Result, roles: list[str]) -> dict[str, Any]:
        """What a shared page shows: the chosen roles with their verdicts, in a voice for
        the reader; never the answers."""
        chosen = [
            {key: item[key] for key in SHARED_FIELDS}
            for item in result.recommendation["recommendations"]
            if item["role"] in roles
        ]
        return {
            "summary": shared_summary(chosen),
            # The market the result was scored for: the page, the card and the role
            # pages they link to follow it, not the reader's.
            "country": result.profile.get("country") or Country.INDIA,
            "made_at": result.updated_at.isoformat(),
            "language": translation.get_language(),
            "roles": chosen,
        }

    @property
    def token(self) -> str:
        """256 bits: HMAC-SHA256 of the salt under the secret key, URL-safe."""
        # Not salted_hmac(): it keys the HMAC with sha256(key_salt + secret), the same
        # as this only for a secret key over 64 bytes. With a shorter one every link
        # made before would show on its candidate's page under a token that opens
        # nothing, and only the token's hash is stored: no migration can carry it over.
        digest = hmac.new(
            settings.SECRET_KEY.encode(), self.salt.encode(), hashlib.sha256
        ).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()

    @property
    def is_active(self) -> bool:
        return (
            self.result_id is not None
            and self.revoked_at is None
            and (self.expires_at is None or self.expires_at > timezone.now())
        )

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])


# erase() works through this many assessments a statement: a day's purge can hold
# thousands, and a statement's parameters are bounded (SQLite: 32,766).
ERASE_BATCH = 500


def batched(keys: list, size: int) -> Iterator[list]:
    return (keys[start : start + size] for start in range(0, len(keys), size))


@dataclass(frozen=True)
class Erasing:
    """What erase() deletes, locked and collected before anything is changed."""

    assessments: list[int]
    tokens: list[str]
    results: list[int]


def erase(assessments: models.QuerySet[Assessment]) -> int:
    """Delete these assessments, their results and their share links; how many.

    A link keeps only what answers 410 Gone (its token's hash, and since when it is
    dead), not what it showed, and an assessment only its token's hash (the same), until
    purge_stale removes them with the other dead links.
    """
    with transaction.atomic():
        return erase_locked(lock_for_erasing(assessments))


def lock_for_erasing(assessments: models.QuerySet[Assessment]) -> Erasing:
    """Lock these assessments and their results and collect their keys (inside a
    transaction): from here on, what is deleted is what was chosen now. A visit meanwhile
    neither keeps a result whose links are then wiped (the assessments are not chosen
    again) nor runs before the deletion; a link made meanwhile either is wiped with the
    others or, on PostgreSQL, cannot be stored until the deletion (its reference to the
    locked result waits) and then fails, rather than stop it with ProtectedError."""
    rows = list(assessments.select_for_update().values_list("pk", "token"))
    pks = [pk for pk, _token in rows]
    results = []
    for batch in batched(pks, ERASE_BATCH):
        results += (
            Result.objects.select_for_update()
            .filter(assessment__in=batch)
            .values_list("pk", flat=True)
        )
    return Erasing(pks, [token for _pk, token in rows], results)


def erase_locked(erasing: Erasing) -> int:
    """Delete what `lock_for_erasing` collected, by its keys, in the same transaction."""
    now = timezone.now()
    for batch in batched(erasing.results, ERASE_BATCH):
        Share.objects.filter(result__in=batch).update(
            result=None,
            snapshot={},
            card=b"",
            revoked_at=Coalesce("revoked_at", Value(now)),
        )
    DeletedAssessment.objects.bulk_create(
        [
            DeletedAssessment(token_hash=token_hash(token), deleted_at=now)
            for token in erasing.tokens
        ],
        batch_size=ERASE_BATCH,
        ignore_conflicts=True,
    )
    deleted = 0
    for batch in batched(erasing.assessments, ERASE_BATCH):
        counts = Assessment.objects.filter(pk__in=batch).delete()[1]
        deleted += counts.get("careers.Assessment", 0)
    return deleted
