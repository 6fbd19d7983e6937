"""Candidates' side of listings: each one's own page (with its schema.org data for
search engines) and reporting one that looks wrong (no account needed)."""

import json

from django import forms
from django.conf import settings
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from careers.assessments.views.quiz import remembered_token
from careers.choices import (
    EducationLevel,
    ReportReason,
    SalaryPeriod,
    Shift,
    WorkMode,
)
from careers.markets import REPORT_CHANNELS
from careers.models import Assessment, JobListing, ListingReport
from careers.web.clients import client_ip
from careers.web.ratelimits import check_rate
from careers.web.responses import private_page

# Reports from one address: enough for someone who met several fakes, too few for one
# person to flood the moderators' queue (reports never hide a listing from one network).
REPORT_RATE = "5/h"
# Taps on "apply" counted from one address: a person applying to every job they see, not
# a script inflating one listing's count.
APPLIED_RATE = "60/h"


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what is wrong with this listing.")},
    )
    note = forms.CharField(
        label=_("Anything else we should know (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example who asked for money, how much, and where."),
        error_messages={"max_length": _("Write at most 500 characters.")},
    )

    def __init__(self, *args, country: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Where else to report, in the listing's country only.
        note = self.fields["note"]
        note.help_text = format_lazy(
            "{} {}", note.help_text, _(REPORT_CHANNELS[country])
        )


def own_result_url(request: HttpRequest) -> str | None:
    """The result this browser's quiz has (its cookie), for the way back to it."""
    token = remembered_token(request)
    if (
        not token
        or not Assessment.objects.by_token(token).exclude(result=None).exists()
    ):
        return None
    return reverse("careers:result_detail", args=[token])


@require_http_methods(["GET", "POST"])
@private_page
def listing_report(request: HttpRequest, pk: int) -> HttpResponse:
    listing = get_object_or_404(JobListing.objects.visible(), pk=pk)
    form = ReportForm(request.POST or None, country=listing.country)
    # Private (never stored), so it may offer this browser's own result.
    context = {"listing": listing, "result_url": own_result_url(request)}
    if request.method == "POST":
        check_rate(request, "listing-report", "ip", REPORT_RATE)
        if form.is_valid():
            listing.report(
                form.cleaned_data["reason"],
                form.cleaned_data["note"],
                network=ListingReport.network_of(client_ip(request)),
            )
            context["done"] = True
            return render(request, "careers/listing_report.html", context)
    status = 400 if form.is_bound else 200
    context["form"] = form
    return render(request, "careers/listing_report.html", context, status=status)


def job_posting(listing: JobListing, url: str, description: str) -> dict:
    """The listing as schema.org JobPosting data, with Google's required fields and
    the recommended ones we have; `description` the one its page shows."""
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": listing.title,
        "description": "".join(
            f"<p>{escape(part)}</p>" for part in description.split("\n\n")
        ),
        "datePosted": listing.published_at.date().isoformat(),
        "validThrough": listing.expires_at.isoformat(),
        "employmentType": "FULL_TIME",
        "directApply": False,
        "url": url,
        "hiringOrganization": {"@type": "Organization", "name": listing.company},
    }
    if listing.employer and listing.employer.website_domain:
        site = f"https://{listing.employer.website_domain}"
        data["hiringOrganization"]["sameAs"] = site
    data |= _place(listing)
    # Not shows_salary: an amount of 0 tells a search engine nothing.
    if listing.show_salary and (listing.salary_min or listing.salary_max):
        data["baseSalary"] = _salary(listing)
    if listing.openings > 1:
        data["totalJobOpenings"] = listing.openings
    if listing.min_education:
        data["educationRequirements"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": CREDENTIALS[listing.min_education],
        }
    if listing.experience_min_years:
        data["experienceRequirements"] = {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": 12 * listing.experience_min_years,
        }
    elif listing.experience_min_years == 0:
        data["experienceRequirements"] = "no requirements"
    main = listing.role.occupation_links.order_by("position").first()
    if main:
        data["occupationalCategory"] = main.occupation_id  # the O*NET-SOC code
    if listing.shift in (Shift.US_HOURS, Shift.UK_HOURS, Shift.ROTATIONAL):
        data["workHours"] = str(Shift(listing.shift).label)
    return data


def _place(listing: JobListing) -> dict:
    """Where the job is done: remote from its country, or at an address in it."""
    if listing.work_mode == WorkMode.REMOTE:
        return {
            "jobLocationType": "TELECOMMUTE",
            "applicantLocationRequirements": {
                "@type": "Country",
                "name": listing.country,
            },
        }
    address = {"@type": "PostalAddress", "addressLocality": listing.city}
    if listing.region:
        address["addressRegion"] = listing.region
    address["addressCountry"] = listing.country
    return {"jobLocation": {"@type": "Place", "address": address}}


def _salary(listing: JobListing) -> dict:
    value = {"@type": "QuantitativeValue", "unitText": UNITS[listing.salary_period]}
    if listing.salary_min:
        value["minValue"] = listing.salary_min
    if listing.salary_max:
        value["maxValue"] = listing.salary_max
    return {
        "@type": "MonetaryAmount",
        "currency": listing.salary_currency,
        "value": value,
    }


UNITS = {SalaryPeriod.MONTH: "MONTH", SalaryPeriod.YEAR: "YEAR"}
# Google's credential categories for our education levels.
CREDENTIALS = {
    EducationLevel.SECONDARY: "high school",
    EducationLevel.HIGHER_SECONDARY: "high school",
    EducationLevel.SOME_COLLEGE: "high school",
    EducationLevel.DIPLOMA: "associate degree",
    EducationLevel.BACHELOR: "bachelor degree",
    EducationLevel.MASTER: "postgraduate degree",
    EducationLevel.DOCTORATE: "postgraduate degree",
}


@require_safe
def listing_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    listing = get_object_or_404(
        JobListing.objects.select_related("role", "employer"), pk=pk
    )
    if not listing.is_visible:
        # Closed, expired, rejected or hidden: gone, so search engines drop it.
        return render(request, "careers/listing_gone.html", status=410)
    if slug != listing.get_absolute_url().rstrip("/").rsplit("/", 1)[1]:
        return redirect(listing, permanent=True)
    # The one write a listing's page makes, and on purpose: the recruiter's count of
    # views (one UPDATE, nothing read back). A HEAD (a link checker) is not a view.
    if request.method == "GET":
        JobListing.objects.filter(pk=pk).update(view_count=F("view_count") + 1)
    url = request.build_absolute_uri(listing.get_absolute_url())
    # The page's own description (structured data says what the page says); the rest
    # in the schema's English.
    shown = listing.page_description.text
    with translation.override(settings.LANGUAGE_CODE):
        structured = job_posting(listing, url, shown)
    context = {
        "listing": listing,
        # Data, not script: "<" escaped so that no text can end the element.
        "json_ld": mark_safe(
            json.dumps(structured, ensure_ascii=False).replace("<", "\\u003c")
        ),
    }
    return render(request, "careers/listing_detail.html", context)


# A beacon from static/js/apply.js, sent as the candidate leaves for the employer's
# link, mail or phone: it carries no token (listing pages are the same for everyone) and
# changes nothing but the owner's count, so CSRF protection has nothing to protect.
@csrf_exempt
@require_POST
def listing_applied(request: HttpRequest, pk: int) -> HttpResponse:
    check_rate(request, "listing-applied", "ip", APPLIED_RATE)
    counted = (
        JobListing.objects.visible()
        .filter(pk=pk)
        .update(apply_clicks=F("apply_clicks") + 1)
    )
    if not counted:
        raise Http404("No such listing.")
    return HttpResponse(status=204)
