"""A candidate's own pages once their answers were deleted: 410 Gone, saying so."""

from collections.abc import Callable
from functools import wraps

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from careers.assessments.models import kept_months
from careers.models import DeletedAssessment
from careers.web.responses import whole_page


def gone_once_deleted(view: Callable) -> Callable:
    """Decorator for a view of a candidate's own pages (their token in the address):
    where it answers 404 for a token whose answers were deleted ("Delete my answers and
    result", or purge_stale), answer 410 with a page saying so instead. The back
    button, a bookmark or another phone then tells the truth, not "mistyped"; only a
    miss costs the extra query."""

    @wraps(view)
    def wrapped(request: HttpRequest, token: str, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, token, *args, **kwargs)
        except Http404:
            if not DeletedAssessment.holds(token):
                raise
        context = {"kept_months": kept_months()}
        response = render(request, "careers/answers_deleted.html", context, status=410)
        return whole_page(request, response)

    return wrapped
