"""Django's admin autodiscovery imports this: each subject's admin registers its models."""

from careers.catalogue import admin as catalogue_admin
from careers.listings import admin as listings_admin
from careers.web import admin as site_admin

__all__ = ["catalogue_admin", "listings_admin", "site_admin"]
