"""Listings in the admin: recruiters write and submit their own; moderators decide.

Nothing reaches candidates without a moderator's approval. Recruiters never see the
status field as a choice (only "send for review", with their no-fee pledge); moderators
see a listing read-only and record a decision, never change its text; nobody reviews
their own listing.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from careers.choices import Status, WalkInItem
from careers.listings.admin.importing import (
    ConfirmListingImportForm,
    ListingImportMixin,
)
from careers.listings.rules import (
    DESCRIPTIONS,
    LISTING_LIFETIME,
    NO_FEE_PLEDGE,
    WALK_IN_PASSED,
    require_pledge,
)
from careers.markets import currency_of
from careers.models import Employer, JobListing, ListingDecision, ListingLanguage
from careers.web.admin import CheckedChoicesMixin
from careers.web.logs import security_event


class ExpiryFilter(admin.SimpleListFilter):
    title = "expiry"
    parameter_name = "expiry"

    def lookups(
        self, request: HttpRequest, model_admin: admin.ModelAdmin
    ) -> list[tuple]:
        return [("7days", "Expiring within 7 days"), ("expired", "Expired")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet | None:
        if self.value() == "7days":
            return queryset.expiring_within(7)
        if self.value() == "expired":
            return queryset.filter(expires_at__lte=timezone.now())
        return None


class ListingForm(forms.ModelForm):
    send_for_review = forms.BooleanField(
        required=False,
        label="Send for review when saved",
        help_text="A moderator checks every listing before candidates see it.",
    )
    no_fee_pledge = forms.BooleanField(
        required=False,
        label=NO_FEE_PLEDGE,
        help_text="No registration, training, deposit or any other fee, ever. "
        "Charging job seekers is how scams work, and illegal recruitment in the "
        "Philippines.",
    )

    apply_url = forms.URLField(
        label="Application link", required=False, assume_scheme="https"
    )
    walk_in_bring = forms.MultipleChoiceField(
        label="What to bring to the walk-in drive",
        choices=WalkInItem.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = JobListing
        exclude: list[str] = []

    def clean(self) -> dict:
        data = super().clean()
        if data.get("send_for_review"):
            try:
                require_pledge(bool(data.get("no_fee_pledge")))
            except ValidationError as refused:
                self.add_error("no_fee_pledge", refused)
        walk_in = data.get("walk_in_date")
        if (
            "walk_in_date" in self.changed_data
            and walk_in
            and walk_in < timezone.localdate()
        ):
            self.add_error("walk_in_date", WALK_IN_PASSED)
        return data


class LanguageInline(admin.TabularInline):
    model = ListingLanguage
    extra = 1
    verbose_name = "language besides English"
    verbose_name_plural = "languages besides English the job asks for"


class DecisionInline(admin.TabularInline):
    """Every decision on the listing (who, when, why), for its owner to read."""

    model = ListingDecision
    extra = 0
    can_delete = False
    fields = ["created_at", "kind", "reason", "note", "moderator"]
    readonly_fields = fields
    verbose_name_plural = "review decisions"

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


def flags_html(listing: JobListing):
    if not listing.lint_flags:
        return "None"
    return format_html(
        "<ul>{}</ul>",
        format_html_join(
            "",
            "<li><strong>{}</strong>: {} <em>{}</em></li>",
            (
                (flag["code"], flag["reason"], flag.get("excerpt", ""))
                for flag in listing.lint_flags
            ),
        ),
    )


@admin.register(JobListing)
class JobListingAdmin(ListingImportMixin, CheckedChoicesMixin, admin.ModelAdmin):
    """Recruiters see and touch only their own listings; superusers see all."""

    form = ListingForm
    inlines = [LanguageInline, DecisionInline]
    list_display = [
        "title",
        "company",
        "role",
        "status",
        "work_mode",
        "location",
        "country",
        "expires_at",
        "is_live",
        "view_count",
        "apply_clicks",
        "report_total",
    ]
    list_filter = [
        "status",
        "country",
        "role__category__sector",
        "role__category",
        "work_mode",
        "shore",
        ExpiryFilter,
    ]
    list_select_related = ["role"]
    search_fields = ["title", "company", "location", "role__title"]
    autocomplete_fields = ["role"]
    date_hierarchy = "published_at"
    actions = ["close", "renew"]
    # The expiry is set by approval and renewal only (LISTING_LIFETIME), never typed: a listing
    # sent with an expiry of 9999 stayed up for ever after one approval.
    readonly_fields = [
        "status",
        "expires_at",
        "owner",
        "submitted_at",
        "guard_flags",
        "no_fee_pledged_at",
        "published_at",
        "created_at",
        "updated_at",
        "view_count",
        "apply_clicks",
        "report_total",
    ]
    fieldsets = [
        (None, {"fields": ["title", "company", "role", "openings"]}),
        (
            "Description",
            {
                "description": "Write it in one language or more. Candidates read "
                "it in their page's language when you wrote that one; else the first "
                "you wrote, marked as written in its language.",
                "fields": list(DESCRIPTIONS.values()),
            },
        ),
        (
            "What it asks of candidates",
            {
                "description": "Leave a field empty if you do not ask for it; "
                "candidates see “You match 5 of 6” against these.",
                "fields": [
                    "min_education",
                    ("spoken_english", "written_english"),
                    "typing_wpm",
                    ("experience_min_years", "experience_max_years"),
                ],
            },
        ),
        (
            "Where and when",
            {"fields": ["location", "country", "work_mode", "shore", "shift"]},
        ),
        (
            "How to apply",
            {
                "description": "Give at least one. Each becomes a tap on a phone.",
                "fields": [
                    "apply_email",
                    "apply_phone",
                    "apply_whatsapp",
                    "apply_url",
                    "how_to_apply",
                ],
            },
        ),
        (
            "Walk-in drive",
            {
                "classes": ["collapse"],
                "fields": [
                    "walk_in_date",
                    ("walk_in_from", "walk_in_until"),
                    "walk_in_venue",
                    "walk_in_bring",
                ],
            },
        ),
        (
            "Salary",
            {
                "fields": [
                    ("salary_min", "salary_max"),
                    ("salary_currency", "salary_period"),
                    "show_salary",
                ]
            },
        ),
        (
            "Review and publication",
            {
                "fields": [
                    "status",
                    "send_for_review",
                    "no_fee_pledge",
                    "guard_flags",
                    "applications_close",
                    "expires_at",
                    "submitted_at",
                    "no_fee_pledged_at",
                    "published_at",
                ]
            },
        ),
        (
            "Record",
            {
                "fields": [
                    "owner",
                    ("view_count", "apply_clicks", "report_total"),
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        """A new listing starts in its recruiter's employer's country, in its
        currency: what it will be unless the recruiter chooses otherwise."""
        initial = super().get_changeform_initial_data(request)
        employer = Employer.objects.filter(recruiters__user_id=request.user.pk).first()
        if employer:
            initial.setdefault("country", employer.country)
            initial.setdefault("salary_currency", currency_of(employer.country).code)
        return initial

    def get_queryset(self, request: HttpRequest) -> QuerySet[JobListing]:
        queryset = super().get_queryset(request).annotate(reports_made=Count("reports"))
        if request.user.is_superuser:
            return queryset
        return queryset.owned_by(request.user)

    def get_urls(self) -> list:
        renew = path(
            "<path:object_id>/renew/",
            self.admin_site.admin_view(self.renew_view),
            name="careers_joblisting_renew",
        )
        return [renew, *super().get_urls()]

    def renew_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """The link in remind_expiring's email: renew one live listing for another
        LISTING_LIFETIME."""
        listing = self.get_object(request, object_id)  # the owner's own, or 404
        if not self.has_change_permission(request, listing):
            raise PermissionDenied
        if request.method == "POST" and listing.is_visible:
            listing.renew()
            self.message_user(
                request,
                f"Renewed until {listing.expires_at:%d %b %Y}.",
                messages.SUCCESS,
            )
            return redirect("admin:careers_joblisting_change", listing.pk)
        context = {
            **self.admin_site.each_context(request),
            "listing": listing,
            "opts": self.opts,
            "title": "Renew listing",
            "days": LISTING_LIFETIME.days,
        }
        status = 400 if request.method == "POST" else 200
        return TemplateResponse(
            request, "admin/careers/joblisting/renew.html", context, status=status
        )

    def add_success_message(self, result, request: HttpRequest) -> None:
        imported = [row.instance for row in result.rows if row.instance is not None]
        flagged = sum(1 for listing in imported if listing.lint_flags)
        live = sum(1 for listing in imported if listing.status == Status.PUBLISHED)
        note = (
            f" The no-fee guard flagged {flagged} for the moderator." if flagged else ""
        )
        if live:
            note += f" {live} published at once (verified employer, nothing flagged)."
        self.message_user(
            request,
            f"Imported {len(imported)} listing(s), each sent for review.{note}",
            messages.SUCCESS,
        )

    def get_import_data_kwargs(self, **kwargs) -> dict:
        form = kwargs.get("form")
        kwargs = super().get_import_data_kwargs(**kwargs)
        if isinstance(form, ConfirmListingImportForm):
            kwargs["pledged"] = form.cleaned_data["no_fee_pledge"]
        return kwargs

    def get_object(
        self, request: HttpRequest, object_id: str, from_field: str | None = None
    ) -> JobListing | None:
        # Another recruiter's listing is simply not found (404 on change, delete and
        # history) rather than Django's redirect to the index, which hides nothing.
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            security_event("admin_listing_not_found", request, listing=object_id[:20])
            raise Http404("No such listing.")
        return obj

    def save_model(
        self, request: HttpRequest, obj: JobListing, form, change: bool
    ) -> None:
        if not change:
            obj.owner = request.user
        # What a moderator read, compared once the languages inline is saved too.
        form.version_before = obj.version_in_database()
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        listing = form.instance
        was_live = listing.status == Status.PUBLISHED
        sending = form.cleaned_data.get("send_for_review")
        if change and listing.withdraw_if_edited(form.version_before) and not sending:
            self.message_user(
                request,
                "Your edit took the listing off the site until it is reviewed again: "
                "send it for review."
                if was_live
                else "Your edit took the listing out of the review queue: send it for "
                "review again.",
                messages.WARNING,
            )
        if sending:
            try:
                listing.submit(request.user, pledged=form.cleaned_data["no_fee_pledge"])
            except ValidationError as refused:  # a banned employer: saved, not sent
                self.message_user(request, " ".join(refused.messages), messages.ERROR)
                return
            found = len(listing.lint_flags)
            note = (
                f" The no-fee guard flagged {found} thing(s) for the moderator."
                if found
                else ""
            )
            self.message_user(request, f"Sent for review.{note}", messages.SUCCESS)

    @admin.display(description="reports", ordering="reports_made")
    def report_total(self, obj: JobListing) -> int:
        return obj.reports_made

    @admin.display(boolean=True, description="live")
    def is_live(self, obj: JobListing) -> bool:
        return obj.is_visible

    @admin.display(description="no-fee guard")
    def guard_flags(self, obj: JobListing):
        return flags_html(obj)

    @admin.action(description="Close selected listings")
    def close(self, request: HttpRequest, queryset: QuerySet[JobListing]) -> None:
        for listing in queryset:
            listing.close()
        self.message_user(
            request, f"Closed {len(queryset)} listing(s).", messages.SUCCESS
        )

    @admin.action(
        description=f"Renew selected published listings for {LISTING_LIFETIME.days} "
        "days"
    )
    def renew(self, request: HttpRequest, queryset: QuerySet[JobListing]) -> None:
        published = [
            listing for listing in queryset if listing.status == Status.PUBLISHED
        ]
        for listing in published:
            listing.renew()
        skipped = len(queryset) - len(published)
        note = f" Skipped {skipped} that are not published." if skipped else ""
        self.message_user(
            request,
            f"Renewed {len(published)} listing(s) until "
            f"{(timezone.now() + LISTING_LIFETIME):%d %b %Y}.{note}",
            messages.SUCCESS,
        )
