"""The root URLconf's error pages (400, 403, 500) and the CSRF failure page."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import (
    DisallowedHost,
    RequestDataTooBig,
    TooManyFieldsSent,
)
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseServerError,
)
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext
from django.views import defaults

from careers.web.logs import security_event
from careers.web.middleware import UnusableInput
from careers.web.responses import whole_page


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
