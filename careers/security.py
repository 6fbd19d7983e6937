"""Who the client is, which security events we log, and the pages that answer a refusal."""

from __future__ import annotations

import ipaddress
import json
import logging
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import (
    BadRequest,
    DisallowedHost,
    RequestDataTooBig,
    TooManyFieldsSent,
)
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseServerError,
    QueryDict,
    UnreadablePostError,
)
from django.shortcuts import render
from django.template import loader
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext, ngettext
from django.views import defaults
from django.views.decorators.cache import never_cache
from django_htmx.http import reselect, reswap, retarget
from django_ratelimit.core import get_usage
from django_ratelimit.exceptions import Ratelimited

log = logging.getLogger("careers.security")


def bare_ip(text: str) -> str | None:
    """The address in an X-Forwarded-For entry or a peer address, or None if there is none.

    Proxies write "203.0.113.9", "203.0.113.9:4711", "2001:db8::1" or "[2001:db8::1]:443".
    """
    text = text.strip()
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None


def trusted_proxy(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    return any(ip in network for network in settings.TRUSTED_PROXIES)


def client_ip(request: HttpRequest) -> str:
    """The address that rate limits and login lock-outs count: always a valid IP.

    The peer's own address, unless the peer is one of our proxies (DJANGO_TRUSTED_PROXIES):
    then X-Forwarded-For is read from the right, past our own proxies, and the first other
    address is the client's. Entries further left are whatever the client sent. An entry
    that is no address ends the walk at the last proxy, which then counts as the client.
    """
    address = bare_ip(request.META.get("REMOTE_ADDR") or "") or "0.0.0.0"
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    while trusted_proxy(address) and hops:
        hop = bare_ip(hops.pop())
        if hop is None:
            break
        address = hop
    return address


# A token in a URL: an assessment's (quiz, results) or a share's. Anyone who reads it in a
# log could open that person's answers, so no log line keeps one.
# What a quiz or share token looks like (new_token(): URL-safe base64): URLs, the quiz
# cookie and the log filter all use this one pattern.
TOKEN_PATTERN = "[A-Za-z0-9_-]{16,64}"
TOKEN_IN_PATH = re.compile(rf"/(quiz|results|s)/{TOKEN_PATTERN}")


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


def private_page(view: Callable) -> Callable:
    """A candidate's own page: never stored by a browser or proxy (shared phones, cyber
    cafés), never indexed."""

    @wraps(view)
    @never_cache
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped


def whole_page(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Let htmx show a refusal in place of the page's main content, not swallow it."""
    if getattr(request, "htmx", False):
        reselect(reswap(retarget(response, "#main"), "outerHTML"), "#main")
    return response


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


# --- Error handlers (root URLconf) -------------------------------------------------------


class UnusableInput(BadRequest):
    """A request we refuse with a 400 whose message (this exception's) says why."""


def holds_nul(query: QueryDict) -> bool:
    return any(
        "\x00" in text for key, values in query.lists() for text in [key, *values]
    )


# What the admin's date filters send: its date hierarchy asks for
# published_at__year=2026&published_at__month=5 (and __day).
DATE_PARTS = {"year": "2000", "month": "1", "day": "1"}


def date_filter_error(query: QueryDict) -> str | None:
    """Why a date filter in the query names no date a list can be filtered by, or None.

    Django's date hierarchy filters from the date asked for to a day, a month or a year
    after it; where either end was no date (year 9999 ends in 10000), every change list
    answered 500, ours and django-axes' alike.
    """
    fields = {
        key.rpartition("__")[0]
        for key in query
        if "__" in key and key.rpartition("__")[2] in DATE_PARTS
    }
    for field in sorted(fields):
        given = {part: query.get(f"{field}__{part}") for part in DATE_PARTS}
        numbers = [given[part] or default for part, default in DATE_PARTS.items()]
        # The end of the range: the next day, the next month (32 days on from its 1st,
        # as Django counts), or the next year.
        days = 1 if given["day"] else 32 if given["month"] else 366
        try:
            datetime(*(int(number) for number in numbers)) + timedelta(days=days)
        except (ValueError, OverflowError):
            shown = "-".join(
                value[:20] for value in given.values() if value is not None
            )
            return (
                f"“{shown}” is not a date this list can be filtered by "
                "(years 1 to 9998)."
            )
    return None


def refuse_unusable_input(get_response: Callable) -> Callable:
    """Middleware: a 400 with its reason, before any view or query, for input that no page
    of ours can use.

    - A NUL character in the address or in a form: PostgreSQL text cannot hold one, so
      one that reached a query (an admin filter, an object id, an autocomplete's choice
      in a form) failed with a 500.
    - A form body Django cannot read (another charset, too large, broken multipart),
      wherever it is sent: read here, as the 404 page sent to an address without a
      language prefix checked the CSRF token, read it and failed with a 500.
    - Date filters no date can have.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or holds_nul(request.GET):
            raise UnusableInput(
                gettext(
                    "The address had a hidden character that none of our pages use "
                    "(it often comes from copy and paste). Type the address again, or "
                    "go to the home page."
                )
            )
        try:
            form_nul = request.method == "POST" and holds_nul(request.POST)
        except UnreadablePostError as error:  # the client went before its body arrived
            raise BadRequest("The body did not arrive whole.") from error
        if form_nul:
            raise UnusableInput(
                gettext(
                    "The form had a hidden character our forms cannot take (it often "
                    "comes from copy and paste). Go back and type the text again."
                )
            )
        error = date_filter_error(request.GET)
        if error:
            raise UnusableInput(error)  # the admin's filters: English, as the admin
        return get_response(request)

    return middleware


def bad_request_message(request: HttpRequest, exception: Exception) -> str:
    """What was wrong with the request, in words a person can act on."""
    if isinstance(exception, UnusableInput):
        return str(exception)
    charset = request.content_params.get("charset", "utf-8")
    if request.method == "POST" and charset.lower() != "utf-8":
        return gettext(
            "The form was sent with the text encoding “%(charset)s”, and we read "
            "forms only as “utf-8”. Go back, reload the page and send the form again."
        ) % {"charset": charset[:40]}
    if isinstance(exception, (RequestDataTooBig, TooManyFieldsSent)):
        return gettext(
            "The form sent was far larger than any of ours, so we did not read it."
        )
    return gettext("Something in the request was malformed, so we could not use it.")


def site_url() -> str:
    """The site's own address ("https://careerfit.example"), from the settings alone, for
    a page that answers a host we do not serve; "" if the settings name none."""
    if settings.SITE_URL:
        return settings.SITE_URL
    # ".careerfit.example" allows that host and its subdomains; "*" names no host.
    hosts = [host.lstrip(".") for host in settings.ALLOWED_HOSTS if host != "*"]
    return f"https://{hosts[0]}" if hosts else ""


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """400 in the site's design. Not Django's own view: it checks the CSRF token again,
    which reads the unreadable body again and turns the 400 into a 500."""
    security_event("bad_request", request, reason=type(exception).__name__)
    if isinstance(exception, DisallowedHost):
        # Our pages' language links are built from the host: this page names none, and
        # sends the reader to our real address.
        address = site_url()
        context = {"site_url": address, "site_host": urlsplit(address).netloc}
        return HttpResponseBadRequest(loader.render_to_string("400_host.html", context))
    message = bad_request_message(request, exception)
    return render(request, "400.html", {"message": message}, status=400)


def server_error(request: HttpRequest) -> HttpResponse:
    """500: the static page, with nothing of the request read (it may be what failed)."""
    return HttpResponseServerError(loader.render_to_string("500.html"))


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    security_event("permission_denied", request)
    return whole_page(request, defaults.permission_denied(request, exception))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """403 for a form sent without a valid CSRF token (CSRF_FAILURE_VIEW)."""
    security_event("csrf_failed", request, reason=reason)
    return whole_page(request, render(request, "403_csrf.html", status=403))
