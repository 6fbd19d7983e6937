"""Bulk import of listings from CSV or Excel (django-import-export).

Every row is a new listing owned by the importer and sent for review with the no-fee
guard run on it, exactly as if typed in the form; the preview shows each row's errors
before anything is saved, and nothing is saved while any row has one.

The uploaded file waits between preview and confirm in a store every worker and box
shares (PreviewStorage), so the confirm may reach another one. The file is read within
limits first (listing_files.py); the preview lists the first SHOWN_ERROR_ROWS rows with
errors: a file cannot hold a worker or its memory.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from uuid import uuid4

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from import_export import fields, resources, widgets
from import_export.admin import ImportMixin
from import_export.forms import ConfirmImportForm
from import_export.results import RowResult
from import_export.tmp_storages import BaseStorage

from careers.choices import CEFRLevel, Language, Status, WalkInItem
from careers.listings.admin.files import (
    COLUMNS,
    ENCODING,
    ListingCSV,
    ListingImportForm,
    ListingXLSX,
    shown,
)
from careers.listings.rules import NO_FEE_PLEDGE
from careers.models import JobListing, Role

log = logging.getLogger(__name__)

# Rows with errors the preview lists; it counts the rest.
SHOWN_ERROR_ROWS = 50
# The cache (settings.CACHES) that keeps files between preview and confirm.
PREVIEW_CACHE = "imports"
PREVIEW_NAME = re.compile(r"[0-9a-f]{32}")

LANGUAGE_ITEM = re.compile(r"\s*([a-z]+)\s*[:=]\s*([ABC][12])\s*", re.IGNORECASE)


def parse_languages(text: object) -> list[tuple[str, str]]:
    """ "hindi:B2; tamil:B1" as (language, level) pairs; a clear error otherwise."""
    pairs: dict[str, str] = {}
    for item in filter(str.strip, re.split(r"[;,]", str(text or ""))):
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
        if language in pairs:
            # Else the database refuses the second one, in words meant for developers.
            raise ValidationError(
                f"“{language}” is given twice ({pairs[language]} and {level}): "
                "give each language once, at the lowest level the job needs."
            )
        pairs[language] = level
    return list(pairs.items())


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


class YesNoWidget(widgets.BooleanWidget):
    """show_salary: yes or no (also true/false, 1/0, a ticked Excel cell); empty is
    yes, the form's default. The stock widget read anything else, "yes" included, as
    no, and hid the pay."""

    def clean(self, value, row=None, **kwargs) -> bool:
        if isinstance(value, (bool, int, float)):
            return bool(value)
        text = str(value or "").strip().casefold()
        if text in ("", "1", "yes", "y", "true"):
            return True
        if text in ("0", "no", "n", "false"):
            return False
        raise ValueError(f"“{shown(value)}” is not yes or no.")


# What a value a stock widget cannot read should be, in the importer's terms.
UNREADABLE = (
    (widgets.IntegerWidget, "“{}” is not a whole number."),
    (
        widgets.DateWidget,
        "“{}” is not a date: write it as 2026-03-15 (year-month-day).",
    ),
    (widgets.TimeWidget, "“{}” is not a time: write it as 09:30 (24-hour clock)."),
)


def reworded(name: str, error: ValidationError) -> ValidationError:
    """Django's message for a column, in words that say what to write in it."""
    field = next((f for f in JobListing._meta.concrete_fields if f.name == name), None)
    if field is None:  # our own check of the row (languages) or of the whole listing
        return error
    code, params = error.code, error.params or {}
    choices = ", ".join(str(value) for value, _label in field.choices or ())
    if code in ("blank", "null"):
        if choices:
            return ValidationError(f"Fill in this column: one of {choices}.")
        if name == "role":
            return ValidationError(
                "Fill in this column: the last part of the role page's address, "
                "e.g. data-entry-operator."
            )
        return ValidationError("Fill in this column.")
    if code == "invalid_choice":
        return ValidationError(f"“{shown(params['value'])}” is not one of {choices}.")
    if code == "max_length":
        return ValidationError(
            f"At most {params['limit_value']} characters; this has "
            f"{params['show_value']}."
        )
    if code == "min_value":
        return ValidationError(f"At least {params['limit_value']}.")
    if code == "max_value":
        return ValidationError(f"At most {params['limit_value']}.")
    if code == "invalid" and "value" in params and name == "apply_email":
        return ValidationError(
            f"“{shown(params['value'])}” is not an email address, e.g. "
            "jobs@company.example."
        )
    if code == "invalid" and "value" in params and name == "apply_url":
        return ValidationError(
            f"“{shown(params['value'])}” is not a web address: start it with https://."
        )
    return error


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
    show_salary = fields.Field(
        attribute="show_salary", column_name="show_salary", widget=YesNoWidget()
    )

    class Meta:
        model = JobListing
        fields = COLUMNS
        # Year-month-day only: Django's default input formats read 05/03/2026 as 3 May
        # (US order), where an Indian recruiter means 5 March.
        widgets = {
            "walk_in_date": {"format": "%Y-%m-%d"},
            "applications_close": {"format": "%Y-%m-%d"},
        }
        clean_model_instances = True
        skip_unchanged = False

    def get_instance(self, instance_loader, row):
        # A row is always a new listing: an import never changes one already there.
        return None

    def after_init_instance(self, instance, new, row, **kwargs) -> None:
        instance.owner = kwargs["user"]
        instance.status = Status.DRAFT

    def import_field(self, field, instance, row, is_m2m=False, **kwargs) -> None:
        # The stock widgets' own errors ("Value could not be parsed using defined
        # formats.", a bare decimal.InvalidOperation) do not say what to write.
        try:
            super().import_field(field, instance, row, is_m2m, **kwargs)
        except (ValueError, TypeError, ArithmeticError) as error:
            value = shown(row.get(field.column_name))
            for kind, words in UNREADABLE:
                if isinstance(field.widget, kind):
                    raise ValueError(words.format(value)) from error
            if isinstance(error, ValueError):
                raise  # our own widgets' words
            raise ValueError(f"“{value}” could not be read here.") from error

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

    def validate_instance(
        self, instance, import_validation_errors=None, validate_unique=True
    ) -> None:
        try:
            super().validate_instance(
                instance, import_validation_errors, validate_unique
            )
        except ValidationError as error:
            raise ValidationError(
                {
                    name: [reworded(name, each) for each in errors]
                    for name, errors in error.error_dict.items()
                }
            ) from None

    def after_save_instance(self, instance, row, **kwargs) -> None:
        for language, level in self.pending_languages:
            instance.languages.create(language=language, level=level)
        # The preview (a dry run, rolled back) shows what the guard will find too.
        instance.submit(kwargs["user"], pledged=kwargs.get("pledged", True))

    def import_row(self, row, instance_loader, **kwargs) -> RowResult:
        result = super().import_row(row, instance_loader, **kwargs)
        if result.errors:
            # A fault of ours, not of the file: logged in full for us, and the row
            # shown as refused without an exception's text.
            log.error(
                "Import row %s failed",
                kwargs.get("row_number"),
                exc_info=result.errors[0].error,
            )
            result.errors = []
            result.import_type = RowResult.IMPORT_TYPE_INVALID
            result.validation_error = ValidationError(
                "This row could not be imported because of a fault on our side; the "
                "error is logged. Try again later, or send the row to us."
            )
        return result

    def after_import(self, dataset, result, **kwargs) -> None:
        super().after_import(dataset, result, **kwargs)
        # The page lists the first rows with errors and counts the rest: 14,000
        # invalid rows made a 61 MB page.
        result.hidden_error_rows = max(0, len(result.invalid_rows) - SHOWN_ERROR_ROWS)
        del result.invalid_rows[SHOWN_ERROR_ROWS:]


class PreviewGone(LookupError):
    """The preview's file expired, or another request imported it first."""


class PreviewStorage(BaseStorage):
    """django-import-export's temporary storage (IMPORT_EXPORT_TMP_STORAGE_CLASS):
    the uploaded file in the "imports" cache, which every worker and box shares (see
    settings), under a random name. The page carries that name, never a path; the
    file goes on confirm, or expires on its own (the cache's TIMEOUT)."""

    def save(self, data: bytes) -> None:
        self.name = self.name or uuid4().hex
        caches[PREVIEW_CACHE].set(self.name, data)

    def read(self) -> bytes | None:
        return caches[PREVIEW_CACHE].get(self.name)

    def claim(self) -> None:
        """Before importing: delete the file, and go on only if this request's delete
        removed it. Two confirms at once (a double tap) both read it; one imports."""
        if not caches[PREVIEW_CACHE].delete(self.name):
            raise PreviewGone(self.name)

    def remove(self) -> None:
        caches[PREVIEW_CACHE].delete(self.name)

    @staticmethod
    def expired(now: datetime, *, delete: bool) -> int:
        """The files past their hour, counted or deleted (purge_stale): the cache
        deletes one only when it is read, or when its table passes MAX_ENTRIES."""
        if not isinstance(caches[PREVIEW_CACHE], DatabaseCache):
            return 0  # another cache (Redis, a test's memory) forgets on its own
        quote = connection.ops.quote_name
        table = quote(settings.CACHES[PREVIEW_CACHE]["LOCATION"])
        # As DatabaseCache's own culling does, in its table's documented columns.
        what = "DELETE" if delete else "SELECT COUNT(*)"
        with connection.cursor() as cursor:
            cursor.execute(
                f"{what} FROM {table} WHERE {quote('expires')} < %s",
                [connection.ops.adapt_datetimefield_value(now)],
            )
            return cursor.rowcount if delete else cursor.fetchone()[0]

    @classmethod
    def exists(cls, name: str) -> bool:
        # Only a name this class made is looked up: a form's field is anyone's text.
        return bool(PREVIEW_NAME.fullmatch(name)) and caches[PREVIEW_CACHE].has_key(
            name
        )


class ConfirmListingImportForm(ConfirmImportForm):
    no_fee_pledge = forms.BooleanField(
        label=NO_FEE_PLEDGE,
        help_text="For every listing in this file: no registration, training, deposit "
        "or any other fee, ever. Each listing goes to review.",
        error_messages={
            "required": f"Tick “{NO_FEE_PLEDGE}” to send these listings for review."
        },
    )


class ListingImportMixin(ImportMixin):
    """JobListingAdmin's import: the forms, formats and page above."""

    resource_classes = [ListingResource]
    import_formats = [ListingCSV, ListingXLSX]
    import_form_class = ListingImportForm
    confirm_form_class = ConfirmListingImportForm
    import_template_name = "admin/careers/joblisting/import.html"
    from_encoding = ENCODING

    def import_action(self, request: HttpRequest, **kwargs) -> HttpResponse:
        response = super().import_action(request, **kwargs)
        # A preview with errors cannot be confirmed: its stored file goes at once.
        context = getattr(response, "context_data", None) or {}
        form = context.get("form")
        if form is not None and form.is_bound and form.is_valid():
            name = getattr(form.cleaned_data["import_file"], "tmp_storage_name", "")
            if name and "confirm_form" not in context:
                PreviewStorage(name=name).remove()
        return response

    def write_to_tmp_storage(self, import_file, input_format):
        stored = super().write_to_tmp_storage(import_file, input_format)
        # The form read this file to count it; the preview checks that reading (a
        # hostile Excel file within the limits still takes a second or two to read).
        input_format.read_already = getattr(import_file, "dataset", None)
        return stored

    def process_import(self, request: HttpRequest, **kwargs) -> HttpResponse:
        name = request.POST.get("import_file_name", "")
        if (
            request.method == "POST"
            and self.has_import_permission(request)
            and not PreviewStorage.exists(name)
        ):
            # Expired, already imported, or a name no preview gave (the stock view
            # would answer 500). An expired file goes now, not at the cache's next cull.
            if PREVIEW_NAME.fullmatch(name):
                PreviewStorage(name=name).remove()
            return self.preview_gone(request)
        try:
            return super().process_import(request, **kwargs)
        except PreviewGone:  # imported by another request a moment ago
            return self.preview_gone(request)

    def process_dataset(self, dataset, form, request: HttpRequest, **kwargs):
        PreviewStorage(name=form.cleaned_data["import_file_name"]).claim()
        return super().process_dataset(dataset, form, request, **kwargs)

    def preview_gone(self, request: HttpRequest) -> HttpResponse:
        self.message_user(
            request,
            "This preview is no longer kept (a preview is kept for an hour, and "
            "only until it is imported). Choose the file again.",
            messages.ERROR,
        )
        return redirect("admin:careers_joblisting_import")
