"""WSGI entry point for the CareerFit project."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "outsourcing.settings")

application = get_wsgi_application()
