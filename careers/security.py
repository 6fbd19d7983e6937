"""Who the client is, which security events we log, and the pages that answer a refusal."""

from __future__ import annotations

import ipaddress
import json
import logging
import re
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import defaults
from django_htmx.http import reselect, reswap, retarget

log = logging.getLogger("careers.security")


def client_ip(request: HttpRequest) -> str:
    """The address that rate limits and login lock-outs count.

    The peer's own address, unless DJANGO_TRUSTED_PROXY_COUNT names proxies in front of
    us: then the address the outermost trusted proxy saw, which it appended to
    X-Forwarded-For. Entries to its left are whatever the client sent, so never trusted.
    """
    address = request.META.get("REMOTE_ADDR") or ""
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        hops = [
            hop.strip()
            for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if hop.strip()
        ]
        if len(hops) >= count:
            address = hops[-count]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return "unknown"


# A token in a URL: an assessment's (quiz, results) or a share's. Anyone who reads it in a
# log could open that person's answers, so no log line keeps one.
TOKEN_IN_PATH = re.compile(r"/(quiz|results|s)/[A-Za-z0-9_-]{16,64}")


def redact(text: str) -> str:
    return TOKEN_IN_PATH.sub(r"/\1/<token>", text)


class RedactTokens(logging.Filter):
    """Logging filter: Django's request log ("Not Found: /s/<token>/") loses the token."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(
                redact(arg) if isinstance(arg, str) else arg for arg in record.args
            )
        return True


def login_ip(request: HttpRequest) -> str | None:
    """client_ip() for django-axes, which stores it in an IP-address column (None if unknown)."""
    address = client_ip(request)
    return None if address == "unknown" else address


def security_event(event: str, request: HttpRequest, **details: Any) -> None:
    """Log one security event as a JSON line: what happened, from where, on which route.

    The route is the URL pattern ("s/<token:share_token>/"), never the path, and no request
    data is logged, so no token, answer or password reaches the log.
    """
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    record = {
        "event": event,
        "ip": client_ip(request),
        "method": request.method,
        "route": match.route if match else None,
        "user": user.get_username() if user and user.is_authenticated else None,
        **details,
    }
    log.warning(json.dumps(record, sort_keys=True, default=str))


def whole_page(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Let htmx show a refusal in place of the page's main content, not swallow it."""
    if getattr(request, "htmx", False):
        reselect(reswap(retarget(response, "#main"), "outerHTML"), "#main")
    return response


def too_many_requests(request: HttpRequest, exception: Exception | None = None):
    """429 for a rate limit (django-ratelimit's RATELIMIT_VIEW)."""
    security_event("rate_limited", request)
    return whole_page(request, render(request, "429.html", status=429))


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """429 for an address locked out of logging in (django-axes' AXES_LOCKOUT_CALLABLE)."""
    username = str((credentials or {}).get("username", ""))[:150]
    security_event("login_locked_out", request, username=username)
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "429.html", {"locked_out_minutes": minutes}, status=429)


def login_failed(
    sender: object, credentials: dict, request: HttpRequest | None = None, **kwargs
) -> None:
    """Receiver of Django's user_login_failed (the password is already scrubbed)."""
    if request is not None:
        username = str(credentials.get("username", ""))[:150]
        security_event("login_failed", request, username=username)


# --- Error handlers (root URLconf) -------------------------------------------------------


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    security_event("bad_request", request, reason=type(exception).__name__)
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    security_event("permission_denied", request)
    return whole_page(request, defaults.permission_denied(request, exception))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """403 for a form sent without a valid CSRF token (CSRF_FAILURE_VIEW)."""
    security_event("csrf_failed", request, reason=reason)
    return whole_page(request, render(request, "403_csrf.html", status=403))
