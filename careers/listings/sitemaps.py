"""The jobs sitemap: every listing candidates may see, in each language; a closed or
expired one leaves it (its page answers 410)."""

from django.contrib.sitemaps import Sitemap

from careers.models import JobListing


class JobSitemap(Sitemap):
    changefreq = "daily"
    i18n = True
    alternates = True

    def items(self):
        return JobListing.objects.visible().order_by("pk")

    def lastmod(self, listing: JobListing):
        return listing.updated_at
