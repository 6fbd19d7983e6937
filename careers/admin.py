"""Django's admin autodiscovery imports this: each subject's admin registers its models."""

from careers.catalogue import admin as catalogue_admin  # noqa: F401
from careers.listings import admin as listings_admin  # noqa: F401
from careers.web import admin as site_admin  # noqa: F401
