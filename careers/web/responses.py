"""How candidates' pages and refusals are answered: never stored, shown whole."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import (
    HttpRequest,
    HttpResponse,
)
from django.views.decorators.cache import never_cache
from django_htmx.http import reselect, reswap, retarget


def private_page(view: Callable) -> Callable:
    """A candidate's own page: never stored by a browser or proxy (shared phones, cyber
    cafés), never indexed."""

    @wraps(view)
    @never_cache
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return unindexed(view(request, *args, **kwargs))

    return wrapped


def unindexed(response: HttpResponse) -> HttpResponse:
    """Keep search engines from indexing a page that shows someone's quiz."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def whole_page(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Let htmx show a refusal in place of the page's main content, not swallow it."""
    if getattr(request, "htmx", False):
        reselect(reswap(retarget(response, "#main"), "outerHTML"), "#main")
    return response
