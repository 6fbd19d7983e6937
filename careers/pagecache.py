"""Rendered pages kept in the cache, rendered again only when what they show changes.

Social-media bursts send many people to the same few pages, and a candidate reloads the
same step or result; rendering them once per version of their content keeps a small
server fast. Each cache key names everything the page depends on, so a stale page is
impossible, not merely unlikely: catalogue and listing edits bump the content version,
candidate pages carry their own row's timestamp in the key. Time-dependent parts (a
listing's or a share's expiry) are bounded by the short timeouts below.

A cached page holds placeholders where the CSRF token and the CSP nonce go; each response
gets the visitor's own token and a fresh nonce, so a page rendered for one person never
carries another's token, and no nonce is ever sent twice. A quiz step holds one more, for
the candidate's private quiz token in its links: a step looks the same for everyone who
gave the same answers to it, so one rendering serves them all.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CSRF_ALLOWED_CHARS, get_token

VERSION_KEY = "content-version"
# Public pages show listings, which expire by the clock: a minute of lag at most.
PUBLIC_SECONDS = 60
# A candidate's own pages: they reload them within minutes, rarely later.
PRIVATE_SECONDS = 300

# Unguessable, so that no text a person typed can ever be mistaken for it.
CSRF_PLACEHOLDER = (
    "csrf-"
    + hashlib.sha256(f"csrf-placeholder:{settings.SECRET_KEY}".encode()).hexdigest()
)

NONCE_PLACEHOLDER = (
    "nonce-"
    + hashlib.sha256(f"nonce-placeholder:{settings.SECRET_KEY}".encode()).hexdigest()
)

QUIZ_TOKEN_PLACEHOLDER = (
    "quiz"
    + hashlib.sha256(f"quiz-placeholder:{settings.SECRET_KEY}".encode()).hexdigest()
)[:48]  # shaped like a real token, so that URLs with it still reverse


# Every cached page asks for the version; a process re-reads it from the shared cache
# at most this often, so an edit made through another process shows within a second.
VERSION_SECONDS = 1.0
_local_version: tuple[float, str] = (0.0, "")


def content_version() -> str:
    """The version of the catalogue and listings that public pages show."""
    global _local_version
    read_at, version = _local_version
    now = time.monotonic()
    if now - read_at < VERSION_SECONDS:
        return version
    version = cache.get(VERSION_KEY)
    if version is None:
        # add(): two workers starting at once agree on one version.
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    _local_version = (now, version)
    return version


def content_changed() -> None:
    """Forget every rendered page that shows the catalogue or listings."""
    global _local_version
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    _local_version = (time.monotonic(), version)


def page_key(request: HttpRequest, *parts: object) -> str:
    """A cache key for a page: its parts, the host it answers for, and htmx or not."""
    # Absolute links in a page depend on the host; htmx requests get a fragment.
    htmx = getattr(request, "htmx", False)
    variant = "full"
    if htmx:
        variant = "history" if htmx.history_restore_request else "htmx"
    raw = ":".join(str(part) for part in (request.get_host(), variant, *parts))
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def csrf_placeholder(request: HttpRequest) -> dict:
    """Context processor: a page rendered for the cache gets the placeholder as its token."""
    if getattr(request, "renders_for_cache", False):
        return {"csrf_token": CSRF_PLACEHOLDER}
    return {}


def private_token(request: HttpRequest, token: str) -> str:
    """The quiz token for a page's links, or its placeholder in a page rendered for the cache."""
    if getattr(request, "renders_for_cache", False):
        return QUIZ_TOKEN_PLACEHOLDER
    return token


def csp_nonce(request: HttpRequest) -> dict:
    """Context processor: the response's CSP nonce, or its placeholder in a cached page."""
    if getattr(request, "renders_for_cache", False):
        return {"csp_nonce": NONCE_PLACEHOLDER}
    return {"csp_nonce": getattr(request, "csp_nonce", "")}


# The most recent pages also stay in this process, each until its own timeout: a key names
# everything its page shows, so a copy here is never stale, and a hit costs no round trip
# to the shared cache. (256 pages of 10–40 KB: a few MB per process.)
LOCAL_PAGES = 256
_local_pages: OrderedDict[str, tuple[float, tuple[bytes, str]]] = OrderedDict()
_local_lock = threading.Lock()


def _local_get(key: str) -> tuple[bytes, str] | None:
    with _local_lock:
        kept = _local_pages.get(key)
        if kept is None:
            return None
        if kept[0] < time.monotonic():
            del _local_pages[key]
            return None
        _local_pages.move_to_end(key)
        return kept[1]


def _local_set(key: str, stored: tuple[bytes, str], timeout: int) -> None:
    with _local_lock:
        _local_pages[key] = (time.monotonic() + timeout, stored)
        _local_pages.move_to_end(key)
        while len(_local_pages) > LOCAL_PAGES:
            _local_pages.popitem(last=False)


def forget_local_pages() -> None:
    """Empty this process's copies (tests start each from nothing)."""
    with _local_lock:
        _local_pages.clear()


def cached_page(
    request: HttpRequest,
    key: str,
    render: Callable[[], HttpResponse],
    timeout: int,
    token: str | None = None,
) -> HttpResponse:
    """The page under `key`, rendered by `render()` when not yet cached.

    `token`: the visitor's quiz token, put where the page says `private_token()`.
    """
    stored = _local_get(key)
    if stored is None:
        stored = cache.get(key)
        if stored is not None:
            # Its time in the shared cache is unknown here: keep the copy no longer than
            # the shortest page timeout, so clock-bound content (expiries) stays in bounds.
            _local_set(key, stored, min(timeout, PUBLIC_SECONDS))
    if stored is None:
        request.renders_for_cache = True
        try:
            response = render()
        finally:
            request.renders_for_cache = False
        if response.status_code == 200 and not response.streaming:
            stored = (response.content, response["Content-Type"])
            cache.set(key, stored, timeout)
            _local_set(key, stored, timeout)
    else:
        content, content_type = stored
        response = HttpResponse(content, content_type=content_type)
    content = response.content
    if CSRF_PLACEHOLDER.encode() in content:
        content = content.replace(
            CSRF_PLACEHOLDER.encode(), csrf_token(request).encode()
        )
    if NONCE_PLACEHOLDER.encode() in content:
        # Asking for the nonce is what puts it in this response's CSP header.
        content = content.replace(
            NONCE_PLACEHOLDER.encode(), str(request.csp_nonce).encode()
        )
    if token is not None and QUIZ_TOKEN_PLACEHOLDER.encode() in content:
        content = content.replace(QUIZ_TOKEN_PLACEHOLDER.encode(), token.encode())
    response.content = content
    return response


def csrf_token(request: HttpRequest) -> str:
    """What Django's get_token() gives: the visitor's secret under a fresh random mask.

    Django draws the mask's 32 characters one system call each, which costs more than
    the rest of a cached page; here one read of the OS's random source is enough.
    """
    secret = request.META.get("CSRF_COOKIE")
    if secret is None:
        return get_token(request)  # a new visitor: Django makes the secret and cookie
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    chars, size = CSRF_ALLOWED_CHARS, len(CSRF_ALLOWED_CHARS)
    # Bytes at or past the last whole multiple of 62 are dropped: every character is
    # equally likely, as with Django's own mask.
    limit = 256 - 256 % size
    mask = ""
    while len(mask) < len(secret):
        mask += "".join(chars[b % size] for b in os.urandom(48) if b < limit)
    mask = mask[: len(secret)]
    cipher = "".join(
        chars[(chars.index(s) + chars.index(m)) % size]
        for s, m in zip(secret, mask, strict=True)
    )
    return mask + cipher


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Cache a page that is the same for every visitor until the content changes."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        key = page_key(request, request.path, content_version())
        return cached_page(
            request, key, lambda: view(request, *args, **kwargs), PUBLIC_SECONDS
        )

    return wrapper
