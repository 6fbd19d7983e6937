"""The site's URLs plus the benchmark's ceiling, a bare "hello" (`make bench` only)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from outsourcing.urls import handler400, handler403
from outsourcing.urls import urlpatterns as site_urls

__all__ = ["handler400", "handler403", "urlpatterns"]


def hello(request: HttpRequest) -> HttpResponse:
    """The least a page can do, through the same middleware as every page."""
    return HttpResponse("hello\n", content_type="text/plain")


urlpatterns = [path("bench/hello/", hello), *site_urls]
