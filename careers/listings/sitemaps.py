"""The jobs sitemap: every listing candidates may see, in the languages of its country;
a closed or expired one leaves it (its page answers 410)."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from careers.markets import LANGUAGE_COUNTRIES
from careers.models import JobListing


class JobSitemap(Sitemap):
    changefreq = "daily"
    i18n = True
    alternates = True

    def items(self):
        return JobListing.objects.visible().order_by("pk")

    def lastmod(self, listing: JobListing):
        return listing.updated_at

    def get_languages_for_item(self, listing: JobListing) -> list[str]:
        """Those its market reads: a Philippine job in English and Filipino, an Indian
        one in English and Hindi (a language no one market speaks goes with all)."""
        return [
            code
            for code, _name in settings.LANGUAGES
            if LANGUAGE_COUNTRIES.get(code, listing.country) == listing.country
        ]
