"""Root URLs: the public site from the careers app, and the recruiters' admin."""

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "CareerFit admin"
admin.site.site_title = "CareerFit admin"
admin.site.index_title = "Listings and catalogue"

# Refusals in the site's design, each logged as a security event (careers/security.py).
handler400 = "careers.security.bad_request"
handler403 = "careers.security.permission_denied"
handler500 = "careers.security.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("careers.urls")),
]
