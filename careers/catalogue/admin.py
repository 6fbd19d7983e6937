"""The catalogue editors' admin: categories, roles and their requirements, occupations,
qualifications, step estimates and skills."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from careers.catalogue.requirements import requirement_option_errors
from careers.models import (
    JobCategory,
    Occupation,
    Qualification,
    Requirement,
    Role,
    RoleOccupation,
    Skill,
    StepEstimate,
)
from careers.web.admin import CheckedChoicesMixin


class CatalogueAdmin(CheckedChoicesMixin, TranslationAdmin):
    """Catalogue edits change what the scoring engine reads: they show once committed
    (careers.web.caching.forget_on_change). Its words are edited per language (English,
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


class QualificationForm(forms.ModelForm):
    def clean_stages(self) -> object:
        # An empty box is no stages (the model checks the rest: Qualification.clean()).
        stages = self.cleaned_data.get("stages")
        return [] if stages is None else stages


@admin.register(Qualification)
class QualificationAdmin(CatalogueAdmin):
    form = QualificationForm
    list_display = [
        "name",
        "kind",
        "field",
        "level",
        "markets",
        "weeks_low",
        "weeks_high",
    ]
    list_filter = ["kind", "field", "level", "markets"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(StepEstimate)
class StepEstimateAdmin(CatalogueAdmin):
    """How long each kind of step takes: the verdicts and distances rest on these."""

    list_display = [
        "__str__",
        "market",
        "weeks_low",
        "weeks_high",
        "cost",
        "effort_reason",
    ]
    list_filter = ["market"]
    # Which step and market a row is for is its identity (the catalogue's natural key).
    readonly_fields = ["code", "market"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # one per kind and market, loaded with the catalogue

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
