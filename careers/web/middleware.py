"""Input no view can use, refused with a 400 that says why, before any view runs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from django.core.exceptions import (
    BadRequest,
)
from django.http import (
    HttpRequest,
    HttpResponse,
    QueryDict,
    UnreadablePostError,
)
from django.utils.translation import gettext


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
