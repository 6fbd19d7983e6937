"""Bulk import of listings from CSV or Excel (django-import-export).

Every row is a new listing owned by the importer and sent for review with the no-fee
guard run on it, exactly as if typed in the form; the preview shows each row's errors
before anything is saved, and nothing is saved while any row has one.
"""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets
from import_export.forms import ConfirmImportForm

from careers.choices import CEFRLevel, Language, Status, WalkInItem
from careers.models import JobListing, Role

# The columns, in the order of the template a recruiter fills in (README, recruiters).
COLUMNS = (
    "title", "company", "role", "openings", "description", "location", "work_mode",
    "shore", "shift", "salary_min", "salary_max", "salary_currency", "salary_period",
    "show_salary", "min_education", "spoken_english", "written_english", "languages",
    "typing_wpm", "experience_min_years", "experience_max_years", "apply_email",
    "apply_phone", "apply_whatsapp", "apply_url", "how_to_apply", "walk_in_date",
    "walk_in_from", "walk_in_until", "walk_in_venue", "walk_in_bring",
    "applications_close",
)  # fmt: skip
LANGUAGE_ITEM = re.compile(r"\s*([a-z]+)\s*[:=]\s*([ABC][12])\s*", re.IGNORECASE)


def parse_languages(text: str) -> list[tuple[str, str]]:
    """ "hindi:B2; tamil:B1" as (language, level) pairs; a clear error otherwise."""
    pairs = []
    for item in filter(str.strip, re.split(r"[;,]", text or "")):
        found = LANGUAGE_ITEM.fullmatch(item)
        if not found:
            raise ValidationError(
                f"“{item.strip()}” is not language:level, e.g. hindi:B2."
            )
        language, level = found.group(1).lower(), found.group(2).upper()
        if language not in Language.values:
            raise ValidationError(
                f"Unknown language “{language}”; use one of "
                f"{', '.join(Language.values)}."
            )
        if level not in CEFRLevel.values:
            raise ValidationError(f"Unknown level “{level}”; use A1 to C2.")
        pairs.append((language, level))
    return pairs


class RoleWidget(widgets.ForeignKeyWidget):
    """A role by its slug (the last part of its page's address)."""

    def __init__(self) -> None:
        super().__init__(Role, field="slug")

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except Role.DoesNotExist:
            raise ValueError(
                f"Unknown role “{value}”: use the last part of the role page's "
                "address, e.g. data-entry-operator."
            ) from None


class BringWidget(widgets.Widget):
    """ "cv, photo, id" to the list of things to bring, refusing unknown ones."""

    def clean(self, value, row=None, **kwargs) -> list[str]:
        items = [i.strip().lower() for i in str(value or "").split(",") if i.strip()]
        unknown = [i for i in items if i not in WalkInItem.values]
        if unknown:
            raise ValueError(
                f"Unknown items {', '.join(unknown)}; use {', '.join(WalkInItem.values)}."
            )
        return items

    def render(self, value, obj=None, **kwargs) -> str:
        return ", ".join(value or [])


class ListingResource(resources.ModelResource):
    role = fields.Field(
        attribute="role",
        column_name="role",
        widget=RoleWidget(),
    )
    walk_in_bring = fields.Field(
        attribute="walk_in_bring", column_name="walk_in_bring", widget=BringWidget()
    )
    languages = fields.Field(column_name="languages", attribute=None, readonly=True)

    class Meta:
        model = JobListing
        fields = COLUMNS
        clean_model_instances = True
        skip_unchanged = False

    def get_instance(self, instance_loader, row):
        # A row is always a new listing: an import never changes one already there.
        return None

    def after_init_instance(self, instance, new, row, **kwargs) -> None:
        instance.owner = kwargs["user"]
        instance.status = Status.DRAFT

    def import_instance(self, instance, row, **kwargs) -> None:
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        try:
            self.pending_languages = parse_languages(row.get("languages", ""))
        except ValidationError as error:
            errors["languages"] = error.messages
        if errors:
            raise ValidationError(errors)

    def after_save_instance(self, instance, row, **kwargs) -> None:
        for language, level in self.pending_languages:
            instance.languages.create(language=language, level=level)
        # The preview (a dry run, rolled back) shows what the guard will find too.
        instance.submit(kwargs["user"], pledged=kwargs.get("pledged", True))


class ConfirmListingImportForm(ConfirmImportForm):
    no_fee_pledge = forms.BooleanField(
        label="We never ask candidates for money",
        help_text="For every listing in this file: no registration, training, deposit "
        "or any other fee, ever. Each listing goes to review.",
        error_messages={
            "required": "Tick “We never ask candidates for money” to send these "
            "listings for review."
        },
    )
