"""ASGI entry point for the CareerFit project."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "outsourcing.settings")

application = get_asgi_application()
