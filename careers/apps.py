"""The careers app: the BPO/KPO catalogue, job listings and (later) assessments."""

from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "careers"
    verbose_name = "Careers"
