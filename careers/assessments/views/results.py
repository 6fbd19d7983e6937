"""A candidate's private result page."""

import hashlib

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import (
    condition,
    require_http_methods,
    require_safe,
)
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from careers.assessments.charts import Chart, profile_chart
from careers.assessments.forms import STEP_COUNT, STEPS, first_unanswered
from careers.assessments.forms.work import ConditionsForm
from careers.assessments.models import (
    EARLIER_COOKIE,
    QUIZ_COOKIE,
    kept_months,
    step_url,
    visit_is_due,
)
from careers.assessments.review import work_answers
from careers.assessments.views.gone import gone_once_deleted
from careers.catalogue.models import scoring_catalogue
from careers.listings.matching import cities, in_city, listings_for
from careers.listings.models import city_of
from careers.markets import country_of
from careers.models import Assessment, JobListing, Result
from careers.scoring import profile_from_data
from careers.sharing.forms import share_context
from careers.sharing.models import erase
from careers.web.caching import generation
from careers.web.ratelimits import rate_limit
from careers.web.responses import private_page

LISTINGS_SHOWN = 10
# A person deletes their answers once; the ceiling only stops a script trying tokens.
ADDRESS_DELETE_RATE = "100/h"
# Roles that clash with the shifts or places a candidate can manage link to that step.
CONDITIONS_STEP = next(s.number for s in STEPS if s.form_class is ConditionsForm)


def result_etag(request: HttpRequest, token: str) -> str | None:
    """What the page shows changes with a new result, changed answers, a new or
    switched-off link, or an edit to the catalogue or listings (the generation); one light
    query tells. It changes too when a visit is due to be noted, so that a browser
    revalidating an unchanged page still keeps its result (Result.record_visit)."""
    state = (
        Assessment.objects.by_token(token)
        .with_result_state()
        .values_list(
            "scored_at", "version", "share_count", "last_revoked", "visited_at"
        )
        .first()
    )
    if state is None or state[0] is None:
        return None
    *shown, visited_at = state
    parts = [*shown, visit_is_due(visited_at), generation(), settings.RELEASE]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


@require_safe
@vary_on_headers("HX-Request", "HX-Target")
# Never stored (a shared phone must not keep someone's result), so browsers always ask;
# a client that revalidates an unchanged result gets a 304.
@private_page
@condition(etag_func=result_etag)
@gone_once_deleted
def result_detail(request: HttpRequest, token: str) -> HttpResponse:
    assessment = get_object_or_404(
        Assessment.objects.by_token(token).select_related("result")
    )
    if not hasattr(assessment, "result"):
        # Every step answered but no result (a finish that failed): the last step again.
        number = first_unanswered(assessment.answers) or STEP_COUNT
        return redirect(step_url(token, number))
    result = assessment.result
    result.record_visit()

    def chart() -> Chart:
        by_slug = {role.slug: role for role in scoring_catalogue().roles}
        top = [item["role"] for item in result.top_roles()[:3]]
        roles = [by_slug[slug] for slug in top if slug in by_slug]
        return profile_chart(profile_from_data(result.profile), roles)

    sections = result.sections()
    context = {
        "assessment": assessment,
        "result": result,
        # The market the result was scored for: its role pages follow it (?country=).
        "country": country_of(result.profile),
        "summary": result.recommendation["summary"],
        "headline": result.recommendation.get("headline")
        or result.recommendation["summary"],
        "paths": result.recommendation["paths"],
        **sections,
        "conditions_url": step_url(token, CONDITIONS_STEP),
        # What the result was scored from, so the review matches the roles shown.
        "work_answers": work_answers(result.profile),
        # Built only when the template's cached fragment is missing.
        "chart": SimpleLazyObject(chart),
        **jobs_context(request, result, result.reachable()),
        # A list of the steps, to go straight to the one to change.
        "change_url": reverse("careers:quiz_steps", args=[token]),
        # Answers changed since this result was scored ("change my answers", not yet
        # finished again): the page says so, and how to update it.
        "outdated": result.profile != assessment.profile_data(),
        "finish_url": step_url(token, STEP_COUNT),
        "delete_url": reverse("careers:result_delete", args=[token]),
        "kept_months": kept_months(),
        **share_context(request, assessment),
    }
    template = "careers/result_detail.html"
    if request.htmx and request.htmx.target == "listings":
        template += "#listings"
    return render(request, template, context)


def jobs_context(request: HttpRequest, result: Result, reachable: list[dict]) -> dict:
    """Listings for every role the candidate can apply for now or soon, matched to
    their answers, in the city they chose (from the listings' own places)."""
    city = city_of(request.GET.get("city", "")[:150])
    matches = listings_for(
        JobListing.objects.visible().for_cards(),
        [item["role"] for item in reachable],
        scoring_catalogue(),
        profile_from_data(result.profile),
    )
    shown = in_city(matches, city) if city else matches
    return {
        "matches": shown[:LISTINGS_SHOWN],
        "more": max(len(shown) - LISTINGS_SHOWN, 0),
        "job_count": len(matches),
        "city": city,
        "cities": cities(matches),
    }


@require_http_methods(["GET", "HEAD", "POST"])
@private_page
@vary_on_headers("HX-Request")
@rate_limit("result-delete-address", "ip", ADDRESS_DELETE_RATE)
@gone_once_deleted
def result_delete(request: HttpRequest, token: str) -> HttpResponse:
    """“Delete my answers and result”: a page that asks first; sent, it deletes the
    answers, the result and its share links (which then answer 410 Gone)."""
    found = Assessment.objects.by_token(token)
    if request.method != "POST":
        get_object_or_404(found.only("pk"))
        # "No": back to where "Delete" was, not the top of a long page.
        result_url = reverse("careers:result_detail", args=[token])
        context = {"keep_url": f"{result_url}#keeping"}
        return render(request, "careers/result_delete.html", context)
    # Sent twice (a double tap, the back button), it is just as gone: the same page.
    erase(found)
    gone = reverse("careers:result_deleted")
    response = HttpResponseClientRedirect(gone) if request.htmx else redirect(gone)
    for cookie in (QUIZ_COOKIE, EARLIER_COOKIE):
        if request.COOKIES.get(cookie) == token:
            response.delete_cookie(cookie, samesite="Lax")
    return response


@require_safe
@private_page
@gone_once_deleted
def result_restart(request: HttpRequest, token: str) -> HttpResponse:
    """“Start again”: a page that asks first, and says how to come back to this result
    (the start page links to it on the device that answered it: EARLIER_COOKIE)."""
    get_object_or_404(Assessment.objects.by_token(token).exclude(result=None))
    result_url = reverse("careers:result_detail", args=[token])
    context = {
        # "No": back to where "Start again" was, not the top of a long page.
        "keep_url": f"{result_url}#result-actions",
        "result_url": result_url,
        "remembered": request.COOKIES.get(QUIZ_COOKIE) == token,
    }
    return render(request, "careers/result_restart.html", context)


@require_safe
@private_page
def result_deleted(request: HttpRequest) -> HttpResponse:
    return render(request, "careers/result_deleted.html")
