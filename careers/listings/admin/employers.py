"""Employers in the admin: moderators verify them (recording what they checked), say
who recruits for each, and ban them; a recruiter sees only their own."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest

from careers.listings.employers import SELF_VERIFY
from careers.models import Employer, Recruiter
from careers.web.admin import CheckedChoicesMixin

# What only a moderator's form has; a recruiter sees their employer read-only.
DECISION_FIELDS = {"mark_verified", "ban", "ban_reason"}


class EmployerForm(forms.ModelForm):
    mark_verified = forms.BooleanField(
        required=False,
        label="Mark as verified",
        help_text="Its listings then carry the badge; those the no-fee guard finds "
        "nothing in are published at once.",
    )
    ban = forms.BooleanField(
        required=False,
        label="Ban this employer",
        help_text="Closes every listing it has, at once.",
    )
    ban_reason = forms.CharField(required=False, label="Why it is banned")

    class Meta:
        model = Employer
        fields = [
            "name",
            "website_domain",
            "registration_number",
            "contact_email",
            "verification_note",
        ]

    def clean(self) -> dict:
        data = super().clean()
        if (
            data.get("mark_verified")
            and not (data.get("verification_note") or "").strip()
        ):
            self.add_error("verification_note", "Say what you checked.")
        if data.get("mark_verified") and self.instance.recruits_for(self.reviewer):
            self.add_error("mark_verified", SELF_VERIFY)
        if data.get("ban") and not (data.get("ban_reason") or "").strip():
            self.add_error("ban_reason", "Say why, for the record.")
        return data


class RecruiterFormSet(BaseInlineFormSet):
    """The employer's recruiters as posted with the employer's form: a moderator who
    adds themselves here and ticks "Mark as verified" in the same form is refused, as
    one already listed is (EmployerForm)."""

    reviewer = None

    def clean(self) -> None:
        super().clean()
        if not self.data.get("mark_verified") or self.instance.verified_at:
            return
        users = {
            form.cleaned_data["user"].pk
            for form in self.forms
            if form.cleaned_data.get("user") and not form.cleaned_data.get("DELETE")
        }
        if self.reviewer.pk in users:
            raise ValidationError(SELF_VERIFY)


class RecruiterInline(CheckedChoicesMixin, admin.TabularInline):
    model = Recruiter
    formset = RecruiterFormSet
    extra = 0
    autocomplete_fields = ["user"]
    verbose_name_plural = "recruiters who post for it"

    def get_formset(self, request: HttpRequest, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.reviewer = request.user
        return formset


@admin.register(Employer)
class EmployerAdmin(admin.ModelAdmin):
    """Moderators verify employers (recording what they checked) and ban them."""

    form = EmployerForm
    inlines = [RecruiterInline]
    list_display = [
        "name",
        "website_domain",
        "registration_number",
        "country",
        "verified",
        "banned",
    ]
    list_filter = ["country"]
    search_fields = ["name", "website_domain", "registration_number"]
    readonly_fields = ["verified_at", "verified_by", "banned_at"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "country",
                    "website_domain",
                    "registration_number",
                    "contact_email",
                ]
            },
        ),
        (
            "Verification",
            {
                "fields": [
                    "verification_note",
                    "mark_verified",
                    "verified_at",
                    "verified_by",
                ]
            },
        ),
        ("Ban", {"fields": ["ban", "ban_reason", "banned_at"]}),
    ]

    def get_form(self, request: HttpRequest, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.reviewer = request.user
        return form

    def get_fieldsets(self, request: HttpRequest, obj=None) -> list:
        if self.has_change_permission(request, obj):
            return self.fieldsets
        # Read-only, the admin shows model fields only: the form's own fields (ticks
        # and the ban's reason) are left out, not looked up on the model.
        return [
            (name, {**options, "fields": [
                f for f in options["fields"] if f not in DECISION_FIELDS
            ]})
            for name, options in self.fieldsets
        ]  # fmt: skip

    def get_queryset(self, request: HttpRequest) -> QuerySet[Employer]:
        queryset = super().get_queryset(request)
        if request.user.has_perm("careers.change_employer"):
            return queryset
        return queryset.filter(recruiters__user=request.user)  # a recruiter: theirs

    @admin.display(boolean=True)
    def verified(self, obj: Employer) -> bool:
        return obj.is_verified

    @admin.display(boolean=True)
    def banned(self, obj: Employer) -> bool:
        return obj.banned_at is not None

    def save_model(
        self, request: HttpRequest, obj: Employer, form, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        data = form.cleaned_data
        if data.get("mark_verified") and not obj.verified_at:
            obj.verify(request.user, data["verification_note"])
        if data.get("ban") and not obj.banned_at:
            closed = obj.ban(request.user, data["ban_reason"])
            self.message_user(
                request, f"Banned; {closed} listing(s) closed.", messages.WARNING
            )
