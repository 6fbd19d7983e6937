"""Rate limits (django-ratelimit) and the 429 page that says how long to wait."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import (
    HttpRequest,
    HttpResponse,
)
from django.shortcuts import render
from django.utils.translation import ngettext
from django_ratelimit.core import get_usage
from django_ratelimit.exceptions import Ratelimited

from careers.web.logs import security_event
from careers.web.responses import whole_page


def check_rate(
    request: HttpRequest, group: str, key: Any, rate: str, *, count: bool = True
) -> None:
    """Count this request against django-ratelimit's limit (unless `count` is False); over
    it, refuse with a 429 that says how long to wait, however the limit is keyed."""
    usage = get_usage(request, group=group, key=key, rate=rate, increment=count)
    if usage and usage["should_limit"]:
        request.retry_after = max(int(usage["time_left"]), 1)
        raise Ratelimited()


def rate_limit(group: str, key: Any, rate: str) -> Callable:
    """Decorator: a view's POSTs count against a limit (several may be stacked)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method == "POST":
                check_rate(request, group, key, rate)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def wait_in_words(seconds: int) -> str:
    if seconds < 90:
        return ngettext("%(n)d second", "%(n)d seconds", seconds) % {"n": seconds}
    minutes = -(-seconds // 60)
    return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}


def too_many_requests(request: HttpRequest, exception: Exception | None = None):
    """429 for a rate limit (django-ratelimit's RATELIMIT_VIEW), with the real wait."""
    security_event("rate_limited", request)
    wait = getattr(request, "retry_after", 60)
    context = {"wait": wait_in_words(wait)}
    response = render(request, "429.html", context, status=429)
    response["Retry-After"] = str(wait)
    return whole_page(request, response)
