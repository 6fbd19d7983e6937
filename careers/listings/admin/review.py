"""The moderators' review queue: a listing read-only, as candidates would see it, with
the no-fee guard's flags and candidates' reports beside it; a decision the only thing
a moderator changes, never on their own listing."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.html import format_html, format_html_join

from careers.choices import DecisionKind, RejectionReason
from careers.listings.admin.listings import DecisionInline, flags_html
from careers.listings.rules import (
    DESCRIPTIONS,
    LISTING_LIFETIME,
    WALK_IN_OVER,
    StaleReview,
)
from careers.models import JobListing, ListingForReview


def version_field(listing: JobListing) -> str:
    """The name of the queue's hidden input carrying the version a row showed."""
    return f"version-{listing.pk}"


class ReviewForm(forms.ModelForm):
    decision = forms.ChoiceField(
        choices=[("", "Choose"), (DecisionKind.APPROVED, "Approve and publish"),
                 (DecisionKind.REJECTED, "Reject")],
    )  # fmt: skip
    reason = forms.ChoiceField(
        choices=[("", "—"), *RejectionReason.choices],
        required=False,
        help_text="Needed to reject; the recruiter sees it.",
    )
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    # The version of the text this page showed: a decision is for what was read.
    reviewed_version = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = ListingForReview
        fields: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewed_version"].initial = self.instance.review_version()

    def clean(self) -> dict:
        data = super().clean()
        if data.get("decision") == DecisionKind.REJECTED and not data.get("reason"):
            self.add_error("reason", "Choose the reason the recruiter will see.")
        # The admin saves inside one transaction: the row stays locked from this check
        # to the decision, so no edit can slip in between.
        try:
            self.instance.locked_for_decision(
                self.reviewer, data.get("reviewed_version", "")
            )
        except StaleReview:
            # Shown again with the new text (instance was read again) and its version,
            # so that the next decision is on what is now on the page.
            self.data = self.data.copy()
            self.data["reviewed_version"] = self.instance.review_version()
            raise
        if (
            data.get("decision") == DecisionKind.APPROVED
            and self.instance.walk_in_passed
        ):
            self.add_error("decision", WALK_IN_OVER)
        return data


@admin.register(ListingForReview)
class ListingReviewAdmin(admin.ModelAdmin):
    """The moderators' queue: oldest first, the guard's flags and the reports beside
    each, a decision as the only thing to change."""

    form = ReviewForm
    list_display = [
        "title",
        "company",
        "owner",
        "waiting",
        "flags",
        "report_count",
        "live",
    ]
    list_display_links = ["title"]
    search_fields = ["title", "company", "owner__username"]
    inlines = [DecisionInline]
    shown = [
        "title",
        "company",
        "role",
        *DESCRIPTIONS.values(),
        "openings",
        "min_education",
        "spoken_english",
        "written_english",
        "typing_wpm",
        "experience_min_years",
        "experience_max_years",
        "apply_email",
        "apply_phone",
        "apply_whatsapp",
        "apply_url",
        "how_to_apply",
        "walk_in_date",
        "walk_in_from",
        "walk_in_until",
        "walk_in_venue",
        "walk_in_bring",
        "asked_languages",
        "applications_close",
        "location",
        "work_mode",
        "shore",
        "shift",
        "salary_min",
        "salary_max",
        "salary_currency",
        "salary_period",
        "show_salary",
        "owner",
        "employer",
        "no_fee_pledged_at",
        "no_fee_pledged_by",
        "submitted_at",
        "guard_flags",
        "candidate_reports",
    ]
    readonly_fields = shown
    fieldsets = [
        ("The listing, as candidates would see it", {"fields": shown}),
        (
            "Decision",
            {"fields": ["decision", "reason", "note", "reviewed_version"]},
        ),
    ]

    actions = ["approve_clean"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("careers.moderate_joblisting")

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.has_perm("careers.moderate_joblisting")

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.has_perm("careers.moderate_joblisting")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def get_ordering(self, request: HttpRequest) -> list:
        # Oldest first: a reported listing waits from its first open report (an
        # annotation of the queue's queryset, which `ordering` cannot name).
        return [F("waiting_since").asc(), "pk"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ListingForReview]:
        return (
            ListingForReview.objects.awaiting_review()
            .select_related("owner", "employer")
            .prefetch_related("languages")
            .annotate(open_reports=Count("reports", filter=Q(reports__reviewed=False)))
        )

    def get_form(self, request: HttpRequest, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.reviewer = request.user
        return form

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        data = form.cleaned_data
        version = data["reviewed_version"]
        if data["decision"] == DecisionKind.APPROVED:
            obj.approve(request.user, note=data["note"], version=version)
            self.message_user(
                request, f"Approved and published for {LISTING_LIFETIME.days} days."
            )
        else:
            obj.reject(request.user, data["reason"], note=data["note"], version=version)
            self.message_user(request, "Rejected; the recruiter sees your reason.")

    def response_change(self, request: HttpRequest, obj) -> HttpResponse:
        # A decided listing leaves the queue: back to the queue, whichever save button
        # was pressed ("continue editing" led to a page of a listing no longer there).
        return redirect("admin:careers_listingforreview_changelist")

    @admin.action(
        description="Approve selected that nothing was flagged or reported in"
    )
    def approve_clean(self, request: HttpRequest, queryset: QuerySet) -> None:
        # A flag or a report needs a person to read that listing; a listing changed
        # since this page showed it needs reading again; one's own, someone else.
        approved = 0
        for listing in queryset:
            if listing.lint_flags or listing.open_reports:
                continue
            version = request.POST.get(version_field(listing), "")
            try:
                listing.approve(
                    request.user, note="Approved from the queue.", version=version
                )
            except ValidationError:
                continue
            approved += 1
        skipped = len(queryset) - approved
        note = (
            f" Skipped {skipped} flagged, reported, not on this page, changed since "
            "you opened the queue, or for an employer you recruit for: open each to "
            "decide."
            if skipped
            else ""
        )
        self.message_user(
            request, f"Approved and published {approved}.{note}", messages.SUCCESS
        )

    @admin.display(description="waiting since", ordering="waiting_since")
    def waiting(self, obj: JobListing):
        return obj.waiting_since

    @admin.display(boolean=True, description="on the site")
    def live(self, obj: JobListing) -> bool:
        return obj.is_visible

    @admin.display(description="guard flags")
    def flags(self, obj: JobListing):
        # The version this row shows travels with a bulk action (the table is inside
        # the action's form): approving from the queue approves what it listed.
        return format_html(
            '{}<input type="hidden" name="{}" value="{}">',
            len(obj.lint_flags),
            version_field(obj),
            obj.review_version(),
        )

    @admin.display(description="reports")
    def report_count(self, obj: JobListing) -> int:
        return obj.open_reports

    @admin.display(description="no-fee guard")
    def guard_flags(self, obj: JobListing):
        return flags_html(obj)

    @admin.display(description="languages besides English")
    def asked_languages(self, obj: JobListing) -> str:
        return ", ".join(str(row) for row in obj.languages.all()) or "None"

    @admin.display(description="candidates' reports")
    def candidate_reports(self, obj: JobListing):
        reports = obj.reports.all()
        if not reports:
            return "None"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}: {} <em>{}</em></li>",
                (
                    (f"{r.created_at:%d %b %Y}", r.get_reason_display(), r.note)
                    for r in reports
                ),
            ),
        )
