"""How the site uses Django's cache framework, in one place.

Rendered pages, fragments and the catalogue live in the "pages" cache, in each process
(settings.CACHES); every key carries the release, so a deploy never serves HTML that
names old static files. What shows the catalogue or listings is also keyed by the
*generation*, kept in the "default" cache and changed once an edit is committed: public
pages (`public_page`), the quiz's answer fields and the scoring catalogue. With Redis
every process reads the same generation, so an edit shows everywhere at once; without,
other processes catch up within the 60 s a browser or CDN may keep a public page anyway.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import wraps

from django.core.cache import caches
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import cache_control, cache_page

# Listings expire by the clock and editors expect their change to show: a minute at most.
PUBLIC_SECONDS = 60
GENERATION_KEY = "generation"


def generation() -> str:
    """The current generation of the catalogue and listings."""
    shared = caches["default"]
    value = shared.get(GENERATION_KEY)
    if value is None:
        # add(): two workers starting at once agree on one value.
        shared.add(GENERATION_KEY, uuid.uuid4().hex, None)
        # With Redis down there is nothing to agree on: render without the cache.
        value = shared.get(GENERATION_KEY) or "no-cache"
    return value


def content_changed() -> None:
    """Forget what shows the catalogue or listings, once the current transaction commits.

    Before the commit, another request could render the old rows again and cache them
    under the new generation.
    """
    transaction.on_commit(
        lambda: caches["default"].set(GENERATION_KEY, uuid.uuid4().hex, None)
    )


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Django's cache_page under the current generation, and public for a CDN's minute."""

    @wraps(view)
    @cache_control(public=True)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        cached = cache_page(
            PUBLIC_SECONDS, cache="pages", key_prefix=f"public-{generation()}"
        )(view)
        return cached(request, *args, **kwargs)

    return wrapped


def cached_value(key: str, load: Callable[[], object], timeout: int) -> object:
    """`load()`'s value, kept in the pages cache for this generation."""
    pages = caches["pages"]
    full_key = f"{key}-{generation()}"
    value = pages.get(full_key)
    if value is None:
        value = load()
        pages.set(full_key, value, timeout)
    return value
