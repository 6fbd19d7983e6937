"""The admin: catalogue editors (the catalogue, here), recruiters and moderators (the
listings, in listings.py)."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, slug_re
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from careers.choices import Status
from careers.models import (
    JobCategory,
    JobListing,
    Occupation,
    Qualification,
    Requirement,
    Role,
    RoleOccupation,
    Skill,
    StepEstimate,
    catalogue_changed,
)
from careers.models.requirements import requirement_option_errors
from careers.security import check_rate, security_event

# Logins one address may try in an hour, whatever the usernames: django-axes locks a
# username out from an address after 5 failures, so without this one address could try
# 4 passwords on every account. An office of recruiters behind one address logs in far
# less often.
LOGIN_ADDRESS_RATE = "30/h"


class AdminLoginForm(AdminAuthenticationForm):
    """The admin's login form, also refusing usernames longer than any account can have,
    and an address past its hourly ceiling of logins (a 429 that says how long to wait).

    Django sets the field's max_length after building it, so the length went unchecked: a
    400-character name reached django-axes' login-attempt table and overflowed its column
    on PostgreSQL (a 500 instead of "Please enter a correct username and password").
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))

    def clean(self) -> dict:
        if self.request is not None:
            check_rate(self.request, "admin-login-address", "ip", LOGIN_ADDRESS_RATE)
        return super().clean()


admin.site.login_form = AdminLoginForm


def usable_key(model: type[Model], field_name: str | None, value: object) -> bool:
    """Whether `value` can be looked up as `model`'s key: of its type and in its range.

    Django's autocomplete widgets look the posted ids up again to show the form with its
    errors, and an id such as "<script>" gave a 500 instead of "Select a valid choice".
    """
    field = model._meta.pk if field_name is None else model._meta.get_field(field_name)
    try:
        field.run_validators(field.to_python(value))
    except ValidationError:
        return False
    return True


class _PostedIdsChecked:
    """Autocomplete widgets that show a form posted back with unusable ids, without a 500."""

    def optgroups(self, name: str, value: list, attr: dict | None = None) -> list:
        model = self.field.remote_field.model
        to_field = getattr(self.field.remote_field, "field_name", None)
        usable = [item for item in value if usable_key(model, to_field, item)]
        return super().optgroups(name, usable, attr)


class CheckedAutocompleteSelect(_PostedIdsChecked, AutocompleteSelect):
    pass


class CheckedAutocompleteSelectMultiple(_PostedIdsChecked, AutocompleteSelectMultiple):
    pass


class CheckedChoicesMixin:
    """Autocomplete fields whose widgets survive a form posted back with unusable ids.

    (Date filters no date can have are refused for every change list, django-axes'
    included, by careers.security.refuse_unusable_input.)
    """

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            widget = CheckedAutocompleteSelect(db_field, self.admin_site)
            kwargs.setdefault("widget", widget)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            widget = CheckedAutocompleteSelectMultiple(db_field, self.admin_site)
            kwargs.setdefault("widget", widget)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class CatalogueAdmin(CheckedChoicesMixin, TranslationAdmin):
    """Catalogue edits change what the scoring engine reads: they show once committed
    (careers.caching.forget_on_change). Its words are edited per language (English,
    Hindi, Filipino: careers/translation.py)."""


class RequirementForm(forms.ModelForm):
    def clean(self) -> dict:
        data = super().clean()
        errors = requirement_option_errors(
            data.get("kind", ""),
            list(data.get("qualifications") or []),
            list(data.get("skills") or []),
        )
        for field, message in errors.items():
            self.add_error(field, message)
        return data


class RequirementInline(CheckedChoicesMixin, TranslationStackedInline):
    model = Requirement
    form = RequirementForm
    extra = 0
    autocomplete_fields = ["qualifications", "skills"]
    fields = [
        ("code", "kind", "importance", "weight"),
        ("level", "amount", "subject", "fields"),
        "qualifications",
        "skills",
        "explanation",
        ("source", "source_note"),
        "position",
    ]


class RoleOccupationInline(CheckedChoicesMixin, admin.TabularInline):
    model = RoleOccupation
    extra = 0
    autocomplete_fields = ["occupation"]


class RoleInline(CheckedChoicesMixin, TranslationTabularInline):
    model = Role
    extra = 0
    fields = ["title", "slug", "channel", "job_zone", "position"]
    show_change_link = True


@admin.register(JobCategory)
class JobCategoryAdmin(CatalogueAdmin):
    list_display = ["name", "sector", "role_count", "position"]
    list_filter = ["sector"]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RoleInline]

    @admin.display(description="roles")
    def role_count(self, obj: JobCategory) -> int:
        return obj.roles.count()


@admin.register(Role)
class RoleAdmin(CatalogueAdmin):
    list_display = ["title", "category", "sector", "channel", "job_zone"]
    list_filter = ["category__sector", "category", "channel", "job_zone"]
    list_select_related = ["category"]
    search_fields = ["title", "summary", "category__name"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [RoleOccupationInline, RequirementInline]

    @admin.display(description="sector", ordering="category__sector")
    def sector(self, obj: Role) -> str:
        return obj.category.sector


@admin.register(Occupation)
class OccupationAdmin(CheckedChoicesMixin, admin.ModelAdmin):
    """O*NET source data: rebuilt from fixtures/onet by `build_catalogue`, never edited here."""

    list_display = ["code", "title", "job_zone", "has_ratings"]
    list_filter = ["job_zone", "has_ratings"]
    search_fields = ["code", "title"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: Occupation | None = None
    ) -> bool:
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: Occupation | None = None
    ) -> bool:
        return False


STAGE_KEYS = {"code", "name", "weeks_left"}
# A stage's name in our other languages, beside the English (fixtures/translations/).
STAGE_NAMES = {
    f"name_{code}"
    for code, _name in settings.LANGUAGES
    if code != settings.LANGUAGE_CODE
}
STAGES_EXAMPLE = '[{"code": "year-1", "name": "In year 1", "weeks_left": 130}]'


def stage_error(number: int, stage: object, codes: set[str]) -> str | None:
    """What is wrong with one of a qualification's stages, as the quiz reads them."""
    where = f"Stage {number}"
    if not isinstance(stage, dict) or not stage.keys() >= STAGE_KEYS:
        return f"{where} needs a code, a name and weeks_left, as in {STAGES_EXAMPLE}."
    unknown = stage.keys() - STAGE_KEYS - STAGE_NAMES
    if unknown:
        return f"{where} has keys we do not use: {', '.join(sorted(unknown))}."
    code = stage["code"]
    if not isinstance(code, str) or not slug_re.fullmatch(code) or code in codes:
        return f"{where}: the code must be letters, digits or hyphens, and its own."
    codes.add(code)
    if not isinstance(stage["name"], str) or not stage["name"].strip():
        return f"{where} needs a name."
    if any(not isinstance(stage.get(key, ""), str) for key in STAGE_NAMES):
        return f"{where}: {' and '.join(sorted(STAGE_NAMES))} must be text."
    weeks = stage["weeks_left"]
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not 0 < weeks <= 32767:
        return f"{where}: weeks_left must be a whole number of weeks, 1 or more."
    return None


class QualificationForm(forms.ModelForm):
    """Stages as the quiz reads them: anything else saved broke its education step for
    everyone, and an empty box or a number such as 1e400 (no JSON can hold it) did not
    save at all (a 500)."""

    def clean_stages(self) -> list:
        stages = self.cleaned_data.get("stages")
        if stages is None:  # an empty box: no stages
            return []
        if not isinstance(stages, list):
            raise ValidationError(
                f"Write a list of stages, as in {STAGES_EXAMPLE}, or [] for none."
            )
        codes: set[str] = set()
        for number, stage in enumerate(stages, 1):
            error = stage_error(number, stage, codes)
            if error:
                raise ValidationError(error)
        return stages

    def clean(self) -> dict:
        data = super().clean()
        high = data.get("weeks_high")
        for stage in data.get("stages") or []:
            if high is not None and stage["weeks_left"] > high:
                self.add_error(
                    "stages",
                    f"Stage “{stage['code']}” has more weeks left "
                    f"({stage['weeks_left']}) than the whole usually takes ({high}).",
                )
                break
        return data


@admin.register(Qualification)
class QualificationAdmin(CatalogueAdmin):
    form = QualificationForm
    list_display = ["name", "kind", "field", "level", "weeks_low", "weeks_high"]
    list_filter = ["kind", "field", "level"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(StepEstimate)
class StepEstimateAdmin(CatalogueAdmin):
    """How long each kind of step takes: the verdicts and distances rest on these."""

    list_display = ["__str__", "weeks_low", "weeks_high", "cost", "effort_reason"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # one per kind, loaded with the catalogue

    def has_delete_permission(
        self, request: HttpRequest, obj: StepEstimate | None = None
    ) -> bool:
        return False


@admin.register(Skill)
class SkillAdmin(CatalogueAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


# The listings', employers' and review queue's admin (recruiters and moderators)
# register themselves.
from careers.admin import employers, listings, review  # noqa: E402, F401
