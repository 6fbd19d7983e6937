"""The moderators' review queue: a listing read-only, as candidates would see it, with
the no-fee guard's flags and candidates' reports beside it; a decision the only thing
a moderator changes, never on their own listing."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join

from careers.admin.listings import DecisionInline, flags_html
from careers.choices import DecisionKind, RejectionReason
from careers.models import JobListing, ListingForReview


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

    class Meta:
        model = ListingForReview
        fields: list[str] = []

    def clean(self) -> dict:
        data = super().clean()
        if data.get("decision") == DecisionKind.REJECTED and not data.get("reason"):
            self.add_error("reason", "Choose the reason the recruiter will see.")
        if self.instance.owner_id == self.reviewer.pk:
            raise ValidationError("Someone else must review your own listing.")
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
        "waiting_since",
        "flags",
        "report_count",
    ]
    list_display_links = ["title"]
    # Oldest first: a listing hidden by reports waits from then.
    ordering = [Coalesce("hidden_at", "submitted_at").asc()]
    search_fields = ["title", "company", "owner__username"]
    inlines = [DecisionInline]
    shown = [
        "title",
        "company",
        "role",
        "description",
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
        "location",
        "work_mode",
        "shift",
        "salary_min",
        "salary_max",
        "salary_currency",
        "salary_period",
        "owner",
        "no_fee_pledged_at",
        "no_fee_pledged_by",
        "submitted_at",
        "guard_flags",
        "candidate_reports",
    ]
    readonly_fields = shown
    fieldsets = [
        ("The listing, as candidates would see it", {"fields": shown}),
        ("Decision", {"fields": ["decision", "reason", "note"]}),
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

    def get_queryset(self, request: HttpRequest) -> QuerySet[ListingForReview]:
        return (
            ListingForReview.objects.awaiting_review()
            .select_related("owner")
            .annotate(open_reports=Count("reports", filter=Q(reports__reviewed=False)))
        )

    def get_form(self, request: HttpRequest, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.reviewer = request.user
        return form

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        data = form.cleaned_data
        if data["decision"] == DecisionKind.APPROVED:
            obj.approve(request.user, note=data["note"])
            self.message_user(request, "Approved and published for 30 days.")
        else:
            obj.reject(request.user, data["reason"], note=data["note"])
            self.message_user(request, "Rejected; the recruiter sees your reason.")

    @admin.action(
        description="Approve selected that nothing was flagged or reported in"
    )
    def approve_clean(self, request: HttpRequest, queryset: QuerySet) -> None:
        # A flag or a report needs a person to read that listing; one's own, someone else.
        clean = [
            listing
            for listing in queryset
            if not listing.lint_flags
            and not listing.open_reports
            and listing.owner_id != request.user.pk
        ]
        for listing in clean:
            listing.approve(request.user, note="Approved from the queue.")
        skipped = len(queryset) - len(clean)
        note = (
            f" Skipped {skipped} flagged, reported or your own: open each to decide."
            if skipped
            else ""
        )
        self.message_user(
            request, f"Approved and published {len(clean)}.{note}", messages.SUCCESS
        )

    @admin.display(description="waiting since")
    def waiting_since(self, obj: JobListing):
        return obj.hidden_at or obj.submitted_at

    @admin.display(description="guard flags")
    def flags(self, obj: JobListing) -> int:
        return len(obj.lint_flags)

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
