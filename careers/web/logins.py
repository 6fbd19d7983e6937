"""Logging in: what is kept of a typed username, lockouts (django-axes), failures."""

from __future__ import annotations

from django.conf import settings
from django.http import (
    HttpRequest,
    HttpResponse,
)
from django.shortcuts import render
from django.utils.crypto import salted_hmac

from careers.web.logs import security_event
from careers.web.ratelimits import wait_in_words


def login_username(request: HttpRequest | None, credentials: dict | None) -> str:
    """What is kept of the username typed at a login: a keyed hash, never the text.

    People type their password into the username box; django-axes records and counts
    this (AXES_USERNAME_CALLABLE) and the security log shows it, so the same name always
    gives the same value (any case) and nobody can read the text back from it.
    """
    if credentials is not None:
        typed = credentials.get("username")
    else:
        typed = request.POST.get("username") if request is not None else None
    digest = salted_hmac(
        # The module's old name, kept: the hashes django-axes stored were made with it.
        "careers.security.login_username",
        str(typed or "").casefold(),
        algorithm="sha256",
    )
    return digest.hexdigest()[:32]


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """429 for a username locked out of logging in from an address (django-axes'
    AXES_LOCKOUT_CALLABLE)."""
    username_hash = login_username(request, credentials)
    security_event("login_locked_out", request, username_hash=username_hash)
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    context = {"locked_out": True, "wait": wait_in_words(seconds)}
    response = render(request, "429.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response


def login_failed(
    sender: object, credentials: dict, request: HttpRequest | None = None, **kwargs
) -> None:
    """Receiver of Django's user_login_failed (the password is already scrubbed)."""
    if request is not None:
        username_hash = login_username(request, credentials)
        security_event("login_failed", request, username_hash=username_hash)
