"""How the site uses Django's cache framework, in one place.

Rendered pages and fragments live in the "pages" cache, in each process
(settings.CACHES), and the catalogue as Python objects here (`cached_value`); the pages
cache's keys carry the release, so a deploy never serves HTML that names old static
files. What shows the catalogue or listings is also keyed by the *generation*, kept in
the "default" cache and changed once an edit is committed: public pages
(`public_page`), the quiz's answer fields and the scoring catalogue. The default cache's
keys do not carry the release: with Redis every process of every release reads the same
generation (and counts the same rate limits), so an edit shows everywhere within a
second, during a rolling deploy too; without, other processes catch up within the 60 s
a browser or CDN may keep a public page anyway.

A Redis that stops answering is asked again only after a pause (`FailFastRedis`), and
the generation last read is kept meanwhile: pages render without the cache at their
usual speed.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from functools import wraps

import redis
from django.apps import apps
from django.core.cache import caches
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import cache_control, cache_page

# Listings expire by the clock and editors expect their change to show: a minute at most.
PUBLIC_SECONDS = 60
GENERATION_KEY = "generation"
# Kept a week, not for ever, in a Redis others may share; a lost one only means a new one.
GENERATION_KEPT = 7 * 24 * 3600


# Read from Redis at most once a second per process: that round trip cost about 0.5 ms
# of the 1.2 ms of worker CPU a cached public page took (in process, measured), and kept
# public pages under half the hello ceiling's rate; a journey in Hindi or Filipino asks
# about 230 times (once per message it reads), 0.1 ms each from Redis, a fifth of it. An
# edit made through another process shows here within a second; one made here at once.
GENERATION_SECONDS = 1.0
_known: tuple[float, str] = (0.0, "")


def generation() -> str:
    """The current generation of the catalogue and listings."""
    global _known
    read_at, known = _known
    now = time.monotonic()
    if known and now - read_at < GENERATION_SECONDS:
        return known
    shared = caches["default"]
    value = shared.get(GENERATION_KEY)
    if value is None:
        # add(): processes starting at once, or after Redis lost the key, agree on one
        # value; this process's own if it has one, so that a lost key empties no cache.
        shared.add(GENERATION_KEY, known or uuid.uuid4().hex, GENERATION_KEPT)
        value = shared.get(GENERATION_KEY)
        if value is None:
            # Redis is down: keep what this process knew (or a value of its own) for
            # another interval rather than ask on every call; a result page asks for
            # the generation about 500 times, and asking a hung Redis each time kept a
            # result page from answering at all (over 180 s, in process).
            value = known or uuid.uuid4().hex
    _known = (now, value)
    return value


def content_changed() -> None:
    """Forget what shows the catalogue or listings, once the current transaction commits.

    On commit, not now: until then other requests (in this process, or on another box
    reading the new generation from Redis) still read the old rows from the database,
    and would cache them again under the new generation for a minute.
    """
    asked = _asked.count = getattr(_asked, "count", 0) + 1

    def new_generation() -> None:
        global _known
        # One new generation per commit: an edit of a hundred rows asks a hundred
        # times, and the first to run covers every one asked in this thread so far.
        if asked <= getattr(_asked, "covered", 0):
            return
        _asked.covered = _asked.count
        value = uuid.uuid4().hex
        caches["default"].set(GENERATION_KEY, value, GENERATION_KEPT)
        _known = (time.monotonic(), value)

    transaction.on_commit(new_generation)


# Each thread's count of content_changed() calls, and the count its last new
# generation covered (a thread runs one transaction at a time).
_asked = threading.local()


def forget_on_change(*models: type[Model]) -> None:
    """Call content_changed() whenever a row of one of `models` (or of a proxy of one)
    is saved or deleted, or its many-to-many links change: the one place that
    invalidates, whatever wrote (the admin and its bulk actions, the listing workflow's
    methods, the import, a shell, a cascade from a removed account). Writes that send
    no signals (bulk_create, QuerySet.update) call content_changed() themselves."""
    watched = set(models)
    for model in apps.get_models():
        if model._meta.concrete_model not in watched:
            continue
        uid = f"careers.web.caching.{model._meta.label_lower}"
        post_save.connect(_row_changed, sender=model, dispatch_uid=uid)
        # A signal, not Model.delete(): bulk deletes in the admin and cascades never
        # call the model's delete().
        post_delete.connect(_row_changed, sender=model, dispatch_uid=uid)
        for field in model._meta.local_many_to_many:
            through = getattr(model, field.name).through
            m2m_changed.connect(_links_changed, sender=through, dispatch_uid=uid)


def _row_changed(sender: type[Model], raw: bool = False, **kwargs: object) -> None:
    # A fixture being loaded (loaddata) is not an edit: whoever loads one says so.
    if not raw:
        content_changed()


def _links_changed(sender: type[Model], action: str, **kwargs: object) -> None:
    if action.startswith("post_"):
        content_changed()


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Django's cache_page under the current generation, and public for a CDN's minute."""

    @wraps(view)
    @cache_control(public=True)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        prefix = f"public-{generation()}"
        cached = cache_page(PUBLIC_SECONDS, cache="pages", key_prefix=prefix)(view)
        return cached(request, *args, **kwargs)

    return wrapped


# Values stay Python objects in this process rather than pickled into the pages cache:
# the qualifications step's choices take about 8 ms to build from the catalogue's rows
# (1.3 ms kept), and with the questionnaire and scoring catalogues (1 ms to unpickle,
# three times a journey) they save over the 5% of a journey a process-level memo must
# (measured in process). They are read, never changed, so requests can share them.
_values: dict[str, tuple[float, object]] = {}


def cached_value(key: str, load: Callable[[], object], timeout: int) -> object:
    """`load()`'s value, kept in this process for this generation (at most `timeout`)."""
    global _values
    full_key = f"{key}-{generation()}"
    now = time.monotonic()
    stored_at, value = _values.get(full_key, (0.0, None))
    if value is None or now - stored_at > timeout:
        value = load()
        # Whatever another generation or an earlier load kept is dropped here.
        kept = {k: v for k, v in _values.items() if now - v[0] <= timeout}
        _values = kept | {full_key: (now, value)}
    return value


def forget_values() -> None:
    """Drop every kept value and the generation last read (tests start each from the
    database and the cache, as a new process does)."""
    global _known
    _values.clear()
    _known = (0.0, "")


# How long a process leaves Redis alone after a command to it failed or timed out.
# Meanwhile rate limits let requests through (RATELIMIT_FAIL_OPEN) and the generation
# last read is kept.
CACHE_DOWN_SECONDS = 10.0
_down_until: dict[redis.ConnectionPool, float] = {}
logger = logging.getLogger(__name__)


class FailFastRedis(redis.Redis):
    """django-redis' REDIS_CLIENT_CLASS: once a command to Redis fails or times out,
    every command to that Redis fails at once in this process for CACHE_DOWN_SECONDS,
    and django-redis (IGNORE_EXCEPTIONS) goes on without the cache.

    A short socket timeout alone does not do: a hung Redis (kill -STOP: it accepts
    connections and never answers) cost each command the whole timeout, and a quiz step
    makes four (2.0–3.5 s a step with 0.5 s timeouts, in process). Neither django-redis
    nor redis-py's Redis has a circuit breaker (redis-py's are in its failover client
    for several databases, and need pybreaker). Skipping costs a dict lookup.
    """

    def execute_command(self, *args, **options):
        # One pool per Redis URL and process, shared by every thread's client.
        pool = self.connection_pool
        if time.monotonic() < _down_until.get(pool, 0.0):
            raise redis.ConnectionError("Redis failed a moment ago: not asked")
        try:
            return super().execute_command(*args, **options)
        except (redis.ConnectionError, redis.TimeoutError) as error:
            _down_until[pool] = time.monotonic() + CACHE_DOWN_SECONDS
            # The error names the server, never a key (keys hold session ids).
            logger.warning(
                "Redis failed (%s); not asked again for %d s",
                error,
                CACHE_DOWN_SECONDS,
            )
            raise
