"""Root URLs: the public site in each language (/en/, /hi/, /fil/), and the admin."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from careers.listings.sitemaps import JobSitemap
from careers.web import health

admin.site.site_header = "CareerFit admin"
admin.site.site_title = "CareerFit admin"
admin.site.index_title = "Listings and catalogue"

# Refusals in the site's design, each logged as a security event (careers/web/errors.py).
handler400 = "careers.web.errors.bad_request"
handler403 = "careers.web.errors.permission_denied"
handler500 = "careers.web.errors.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
    path(
        "sitemap-jobs.xml",
        sitemap,
        {"sitemaps": {"jobs": JobSitemap}},
        name="sitemap-jobs",
    ),
]
# A bare address (an old shared link, "/") is redirected to the visitor's language.
urlpatterns += i18n_patterns(path("", include("careers.urls")))
