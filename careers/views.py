"""Public pages: what BPO and KPO are, the catalogue of categories and roles, listings."""

import json
from datetime import timedelta

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connection
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect
from django_ratelimit.core import is_ratelimited
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited

from careers.cards import card_alt_text, draw_card
from careers.charts import chart_height, profile_chart
from careers.forms import (
    STEP_COUNT,
    STEPS,
    ShareForm,
    Step,
    StepForm,
    build_form,
    first_unanswered,
    get_step,
    profile_data,
)
from careers.models import (
    SECTOR_DEFINITIONS,
    SECTOR_LONG_NAMES,
    Assessment,
    JobCategory,
    JobListing,
    Result,
    Role,
    Sector,
    Share,
    ShareExpiry,
    Shore,
    WorkMode,
    scoring_catalogue,
)
from careers.pagecache import (
    PRIVATE_SECONDS,
    PUBLIC_SECONDS,
    cached_page,
    content_version,
    page_key,
    private_token,
    public_page,
)
from careers.scoring import (
    VERDICT_ORDER,
    Verdict,
    profile_from_data,
    recommend,
    recommendation_data,
)
from careers.security import too_many_requests

# The key differences between BPO and KPO, as our source articles draw them.
SECTOR_DIFFERENCES = [
    (
        "What is outsourced",
        "Non-core, supporting activities",
        "Core, information-related work",
    ),
    (
        "How the work is done",
        "Follows set rules and scripts",
        "Needs judgement and analysis",
    ),
    ("What drives it", "Volume: many similar tasks", "Insight: fewer, deeper tasks"),
    (
        "Why companies do it",
        "Cost arbitrage: cheaper labour",
        "Knowledge arbitrage: expertise",
    ),
    ("Complexity", "Less complex", "More complex"),
    ("Coordination with the client", "Low", "High"),
    ("What the provider brings", "Process expertise", "Domain knowledge"),
    ("What it needs from you", "Communication skills", "Professional qualifications"),
]

SHORE_EXAMPLES = {
    Shore.ONSHORE: "A US bank uses a call centre in Texas.",
    Shore.NEARSHORE: "A US bank uses a call centre in Mexico.",
    Shore.OFFSHORE: "A US bank uses a call centre in India or the Philippines.",
}


def _sectors() -> list[dict[str, str]]:
    return [
        {
            "code": sector.value,
            "name": SECTOR_LONG_NAMES[sector],
            "definition": SECTOR_DEFINITIONS[sector],
        }
        for sector in Sector
    ]


def _visible_listings():
    return JobListing.objects.visible().select_related("role")


@require_GET
@public_page
def home(request: HttpRequest) -> HttpResponse:
    categories = JobCategory.objects.annotate(role_count=Count("roles"))
    return render(
        request,
        "careers/home.html",
        {
            "sectors": _sectors(),
            "differences": SECTOR_DIFFERENCES,
            "shores": [(shore.label, SHORE_EXAMPLES[shore]) for shore in Shore],
            "bpo_categories": [c for c in categories if c.sector == Sector.BPO],
            "kpo_categories": [c for c in categories if c.sector == Sector.KPO],
        },
    )


@require_GET
@public_page
def category_list(request: HttpRequest) -> HttpResponse:
    categories = JobCategory.objects.prefetch_related(
        Prefetch("roles", queryset=Role.objects.order_by("position", "title"))
    )
    sectors = [
        {**sector, "categories": [c for c in categories if c.sector == sector["code"]]}
        for sector in _sectors()
    ]
    return render(request, "careers/category_list.html", {"sectors": sectors})


@require_GET
@public_page
def category_detail(request: HttpRequest, slug: str) -> HttpResponse:
    category = get_object_or_404(JobCategory, slug=slug)
    roles = list(
        Role.objects.filter(category=category)
        .with_catalogue()
        .order_by("position", "title")
    )
    listings = _visible_listings().filter(role__category=category)
    return render(
        request,
        "careers/category_detail.html",
        {
            "category": category,
            "sector_name": SECTOR_LONG_NAMES[Sector(category.sector)],
            "roles": roles,
            "listings": listings,
        },
    )


@require_GET
@public_page
def role_detail(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(Role.objects.with_catalogue(), slug=slug)
    requirements = list(role.requirements.all())
    return render(
        request,
        "careers/role_detail.html",
        {
            "role": role,
            "sector_name": SECTOR_LONG_NAMES[Sector(role.category.sector)],
            "must_haves": [r for r in requirements if r.is_must_have],
            "nice_to_haves": [r for r in requirements if not r.is_must_have],
            "occupation_links": role.occupation_links.all(),
            "listings": _visible_listings().filter(role=role),
        },
    )


# --- The questionnaire ------------------------------------------------------------------

# This device's quiz, for "continue where you left off". The token is itself the secret
# that opens the answers, so the cookie holds it as it is: no session store is read or
# written on a candidate's pages. (It lives as long as an untouched draft is kept.)
QUIZ_COOKIE = "careerfit_quiz"
QUIZ_COOKIE_SECONDS = 30 * 24 * 3600


def remembered_token(request: HttpRequest) -> str | None:
    token = request.COOKIES.get(QUIZ_COOKIE, "")
    return token if 16 <= len(token) <= 64 else None


def remember(request: HttpRequest, response: HttpResponse, token: str) -> HttpResponse:
    """Whoever holds the link holds the answers: remember it for "continue" on this device."""
    if request.COOKIES.get(QUIZ_COOKIE) != token:
        response.set_cookie(
            QUIZ_COOKIE,
            token,
            max_age=QUIZ_COOKIE_SECONDS,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    return response


def _assessment_or_404(token: str) -> Assessment:
    assessment = Assessment.objects.by_token(token)
    if assessment is None:
        raise Http404("No such quiz.")
    return assessment


def _step_context(
    request: HttpRequest,
    assessment: Assessment,
    step: Step,
    form: StepForm | None,
    saved: dict | None,
) -> dict:
    token = private_token(request, assessment.token)
    step_url = reverse("careers:quiz_step", args=[token, step.number])
    return {
        "step": step,
        "steps": STEPS,
        "step_count": STEP_COUNT,
        # An unanswered or saved step's fields usually come from the fragment cache:
        # its form is built only if the template asks for it.
        "form": (
            form
            if form is not None
            else SimpleLazyObject(lambda: build_form(step, initial=saved))
        ),
        "bound": form is not None,
        "step_url": step_url,
        "back_url": (
            reverse("careers:quiz_step", args=[token, step.number - 1])
            if step.number > 1
            else None
        ),
        "continue_url": request.build_absolute_uri(step_url),
        "result_url": (
            reverse("careers:result_detail", args=[token])
            if assessment.finished
            else None
        ),
        # The choices come from the catalogue; the checked ones from the saved answers.
        "fields_version": content_version() + _answers_version(saved),
    }


def _answers_version(saved: dict | None) -> str:
    return json.dumps(saved or {}, sort_keys=True, cls=DjangoJSONEncoder)


def _render_step(
    request: HttpRequest,
    assessment: Assessment,
    step: Step,
    form: StepForm | None = None,
    saved: dict | None = None,
    status: int = 200,
) -> HttpResponse:
    """The step with a bound `form` (errors shown), or unbound with the `saved` answers."""
    template_name = "careers/quiz_step.html"
    # A history restore (browser back with htmx) needs the whole page, not the fragment.
    if request.htmx and not request.htmx.history_restore_request:
        template_name += "#quiz"
    context = _step_context(request, assessment, step, form, saved)
    return render(request, template_name, context, status=status)


def _problem(
    request: HttpRequest, message: str, link: str, link_text: str
) -> HttpResponse:
    response = render(
        request,
        "careers/quiz_problem.html",
        {"message": message, "link": link, "link_text": link_text},
        status=400,
    )
    if request.htmx:
        # Replace the page's main content, not just the form, with the message.
        response["HX-Retarget"] = "#main"
        response["HX-Reswap"] = "outerHTML"
        response["HX-Reselect"] = "#main"
    return response


# Writes are limited per client address; people behind one mobile carrier's address share
# it, so the limits are far above what one person needs (a step takes several seconds).
QUIZ_START_RATE = "60/h"
QUIZ_ANSWER_RATE = "60/m"


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=QUIZ_START_RATE, method="POST", group="quiz-start")
def quiz_start(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        assessment = Assessment.objects.create()
        response = redirect("careers:quiz_step", assessment.token, 1)
        return remember(request, response, assessment.token)
    token = remembered_token(request)
    current = Assessment.objects.filter(token=token).first() if token else None
    resume_url = None
    if current is not None:
        number = first_unanswered(current.answers)
        resume_url = (
            reverse("careers:quiz_step", args=[current.token, number])
            if number
            else reverse("careers:result_detail", args=[current.token])
        )
    return render(
        request,
        "careers/quiz_start.html",
        {
            "resume_url": resume_url,
            "finished": current is not None and number is None,
            "steps": STEPS,
        },
    )


def _first_missing(assessment: Assessment, step: Step) -> Step | None:
    return next(
        (s for s in STEPS[: step.number - 1] if not assessment.has_answered(s.slug)),
        None,
    )


def _skipped(request: HttpRequest, token: str, missing: Step) -> HttpResponse:
    return _problem(
        request,
        f"Please answer step {missing.number}, “{missing.title}”, first.",
        reverse("careers:quiz_step", args=[token, missing.number]),
        f"Go to step {missing.number}",
    )


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
@ratelimit(key="ip", rate=QUIZ_ANSWER_RATE, method="POST", group="quiz-answer")
def quiz_step(request: HttpRequest, token: str, number: int) -> HttpResponse:
    step = get_step(number)
    if step is None:
        raise Http404("No such step.")
    if request.method == "POST":
        return _answer_step(request, token, step)
    assessment = _assessment_or_404(token)
    missing = _first_missing(assessment, step)
    if missing is not None:
        return redirect("careers:quiz_step", token, missing.number)
    return remember(request, _step_page(request, assessment, step), token)


def _step_page(
    request: HttpRequest, assessment: Assessment, step: Step
) -> HttpResponse:
    """The step with its saved answers, from the page cache when anyone has seen it so."""
    saved = assessment.answers.get(step.slug, {}).get("form")
    # Nothing else of the candidate's shows on a step: everyone with the same answers to
    # it shares one rendering, with their own token put into its links.
    key = page_key(
        request,
        "quiz",
        step.number,
        _answers_version(saved),
        assessment.finished,
        content_version(),
    )
    return cached_page(
        request,
        key,
        lambda: _render_step(request, assessment, step, saved=saved),
        PRIVATE_SECONDS,
        token=assessment.token,
    )


def _answer_step(request: HttpRequest, token: str, step: Step) -> HttpResponse:
    """Save one step's answers at once, so a closed tab loses nothing."""
    form = build_form(step, data=request.POST)
    if not form.is_valid():
        assessment = _assessment_or_404(token)
        missing = _first_missing(assessment, step)
        if missing is not None:
            return _skipped(request, token, missing)
        return _render_step(request, assessment, step, form, status=400)
    answers = {"form": form.cleaned_data, "profile": form.to_profile()}
    saved = _save_step(request, token, step, answers)
    if isinstance(saved, HttpResponse):
        return saved
    if step.number == STEP_COUNT:
        result = finish_assessment(saved)
        if request.htmx:
            return HttpResponseClientRedirect(result.get_absolute_url())
        return redirect(result)
    next_step = get_step(step.number + 1)
    if request.htmx:
        response = _step_page(request, saved, next_step)
        response["HX-Push-Url"] = reverse(
            "careers:quiz_step", args=[token, next_step.number]
        )
        return response
    return redirect("careers:quiz_step", token, next_step.number)


def _save_step(
    request: HttpRequest, token: str, step: Step, answers: dict
) -> Assessment | HttpResponse:
    """The assessment with this step's answers stored, or why they could not be."""
    earlier = [s.slug for s in STEPS[: step.number - 1]]
    saved = Assessment.objects.save_step(token, step.slug, answers, earlier)
    if saved is not None:
        return saved
    missing = _first_missing(_assessment_or_404(token), step)
    if missing is not None:
        return _skipped(request, token, missing)
    # The missing step was answered in another tab just now: store this one after it.
    saved = Assessment.objects.save_step(token, step.slug, answers, earlier)
    if saved is None:
        raise Http404("No such quiz.")
    return saved


def finish_assessment(assessment: Assessment) -> Result:
    """Score the answers and store the one result of this assessment (again if re-answered).

    No lock is held while scoring: the result stored last is the one of the latest
    answers scored, whichever finish ends first (Result.store).
    """
    data = profile_data(assessment.answers)
    recommendation = recommend(scoring_catalogue(), profile_from_data(data))
    result = Result(
        assessment=assessment,
        profile=data,
        recommendation=recommendation_data(recommendation, detailed=True),
        answers_version=assessment.version,
    )
    if result.store():
        return result
    return Result.objects.select_related("assessment").get(assessment=assessment)


@require_GET
def result_detail(request: HttpRequest, token: str) -> HttpResponse:
    # What the page shows changes with a new result, a new or revoked share, or an edit
    # to the catalogue or listings: one light query tells which version to serve.
    state = Assessment.objects.result_state(token)
    if state is None:
        raise Http404("No such result.")
    answers, updated_at, shares, last_revoked = state
    if updated_at is None:
        number = first_unanswered(answers) or STEP_COUNT
        return redirect("careers:quiz_step", token, number)
    key = page_key(
        request,
        "result",
        token,
        updated_at.isoformat(),
        shares,
        last_revoked,
        content_version(),
    )
    response = cached_page(
        request, key, lambda: _render_result(request, token), PUBLIC_SECONDS
    )
    return remember(request, response, token)


def _render_result(request: HttpRequest, token: str) -> HttpResponse:
    assessment = Assessment.objects.select_related("result").get(token=token)
    result = assessment.result
    data = result.recommendation
    groups = {verdict: [] for verdict in VERDICT_ORDER}
    for item in data["recommendations"]:
        groups[item["verdict"]].append(item)
    top = [
        item for item in data["recommendations"] if item["verdict"] != Verdict.NOT_YET
    ][:5]
    top = top or data["recommendations"][:3]
    top_slugs = [item["role"] for item in top]
    profile = profile_from_data(result.profile)
    by_slug = {role.slug: role for role in scoring_catalogue()}
    chart_roles = [by_slug[slug] for slug in top_slugs[:3] if slug in by_slug]
    rows = profile_chart(profile, chart_roles)
    listings = _visible_listings().filter(role__slug__in=top_slugs)
    if result.profile.get("commute") == "remote_only":
        listings = listings.filter(work_mode=WorkMode.REMOTE)
    return render(
        request,
        "careers/result_detail.html",
        {
            "assessment": assessment,
            "result": result,
            "summary": data["summary"],
            "sectors": data["sectors"],
            "paths": data["paths"],
            "eligible": groups[Verdict.ELIGIBLE],
            "close": groups[Verdict.CLOSE],
            "not_yet": groups[Verdict.NOT_YET],
            "chart_rows": rows,
            "chart_roles": chart_roles,
            "chart_height": chart_height(rows),
            "listings": listings[:10],
            "change_url": reverse("careers:quiz_step", args=[token, 1]),
            **_share_context(request, assessment),
        },
    )


# --- Sharing a result -------------------------------------------------------------------

SHARED_ROLES = 5
SHARE_CREATE_RATE = "10/h"
SHARE_MISS_RATE = "20/m"
SHARE_PAGE_HEADERS = {
    "X-Robots-Tag": "noindex, nofollow",
    "Referrer-Policy": "no-referrer",
    # Private, and asked again each time: a revoked link must stop working at once.
    "Cache-Control": "private, no-cache",
}


def share_snapshot(result: Result, show_scores: bool) -> dict:
    """What a shared page shows: the top roles with verdicts and the summary, never answers."""
    data = result.recommendation
    ranked = data["recommendations"]
    top = [item for item in ranked if item["verdict"] != Verdict.NOT_YET][:SHARED_ROLES]
    roles = []
    for item in top or ranked[:3]:
        role = {
            key: item[key]
            for key in ("role", "title", "sector", "category_name", "verdict")
        }
        if show_scores:
            role["score"] = item["score"]
        roles.append(role)
    snapshot = {
        "summary": data["summary"],
        "made_at": result.updated_at.isoformat(),
        "roles": roles,
    }
    if show_scores:
        snapshot["sectors"] = data["sectors"]
    return snapshot


def _share_context(request: HttpRequest, assessment: Assessment, form=None) -> dict:
    shares = list(assessment.result.shares.all())
    return {
        "share_form": form or ShareForm(),
        "shares": [
            {
                "share": share,
                "url": request.build_absolute_uri(share.get_absolute_url()),
            }
            for share in shares
        ],
        "share_create_url": reverse("careers:share_create", args=[assessment.token]),
    }


def _render_share_section(
    request: HttpRequest, assessment: Assessment, form=None, status: int = 200
) -> HttpResponse:
    context = {"assessment": assessment, **_share_context(request, assessment, form)}
    return render(request, "careers/result_detail.html#share", context, status=status)


@require_POST
@vary_on_headers("HX-Request")
@ratelimit(key="ip", rate=SHARE_CREATE_RATE, block=False)
def share_create(request: HttpRequest, token: str) -> HttpResponse:
    assessment = get_object_or_404(
        Assessment.objects.select_related("result"), token=token
    )
    if not hasattr(assessment, "result"):
        raise Http404("Finish the quiz before sharing.")
    if getattr(request, "limited", False):
        raise Ratelimited()
    form = ShareForm(request.POST)
    if not form.is_valid():
        if request.htmx:
            return _render_share_section(request, assessment, form, status=400)
        return render(
            request,
            "careers/quiz_problem.html",
            {
                "message": "Choose when the link should stop working, then try again.",
                "link": reverse("careers:result_detail", args=[token]) + "#share",
                "link_text": "Back to your result",
            },
            status=400,
        )
    show_scores = form.cleaned_data["show_scores"]
    expiry = form.cleaned_data["expiry"]
    snapshot = share_snapshot(assessment.result, show_scores)
    Share.objects.create(
        result=assessment.result,
        show_scores=show_scores,
        snapshot=snapshot,
        card=draw_card(snapshot),
        expires_at=None
        if expiry == ShareExpiry.NEVER
        else timezone.now() + timedelta(days=int(expiry)),
    )
    if request.htmx:
        return _render_share_section(request, assessment)
    return redirect(reverse("careers:result_detail", args=[token]) + "#share")


@require_POST
@vary_on_headers("HX-Request")
def share_revoke(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    # Only the holder of this result's private token can reach its shares.
    share = get_object_or_404(Share, pk=pk, result__assessment__token=token)
    share.revoke()
    if request.htmx:
        assessment = Assessment.objects.select_related("result").get(token=token)
        return _render_share_section(request, assessment)
    return redirect(reverse("careers:result_detail", args=[token]) + "#share")


def _find_share(
    request: HttpRequest, share_token: str, with_card: bool = False
) -> tuple[Share | None, HttpResponse | None]:
    """The active share for a token, or the response to send instead (404, 410 or 429).

    Unknown, revoked and expired links do the same work and render the same page, so
    neither the body nor the timing tells them apart; only the status differs.
    """
    if is_ratelimited(
        request, group="share-miss", key="ip", rate=SHARE_MISS_RATE, increment=False
    ):
        return None, too_many_requests(request)
    share = Share.objects.by_token(share_token, with_card=with_card)
    if share is not None and share.is_active:
        return share, None
    is_ratelimited(
        request, group="share-miss", key="ip", rate=SHARE_MISS_RATE, increment=True
    )
    response = render(
        request, "careers/share_gone.html", status=404 if share is None else 410
    )
    for header, value in SHARE_PAGE_HEADERS.items():
        response[header] = value
    return None, response


@require_GET
def share_detail(request: HttpRequest, share_token: str) -> HttpResponse:
    share, problem = _find_share(request, share_token)
    if problem:
        return problem
    # A share's snapshot never changes; revoking or expiry is checked above every time.
    key = page_key(request, "share", share.pk, share_token)
    response = cached_page(
        request,
        key,
        lambda: _render_share(request, share, share_token),
        PUBLIC_SECONDS,
    )
    for header, value in SHARE_PAGE_HEADERS.items():
        response[header] = value
    return response


def _render_share(request: HttpRequest, share: Share, share_token: str) -> HttpResponse:
    snapshot = Share.objects.values_list("snapshot", flat=True).get(pk=share.pk)
    card_url = request.build_absolute_uri(
        reverse("careers:share_card", args=[share_token])
    )
    return render(
        request,
        "careers/share_detail.html",
        {
            "snapshot": snapshot,
            "made_at": parse_datetime(snapshot["made_at"]),
            "page_url": request.build_absolute_uri(request.path),
            "card_url": card_url,
            "card_alt": card_alt_text(snapshot),
            "quiz_url": request.build_absolute_uri(reverse("careers:quiz_start")),
        },
    )


@require_GET
def share_card(request: HttpRequest, share_token: str) -> HttpResponse:
    share, problem = _find_share(request, share_token, with_card=True)
    if problem:
        return problem
    response = HttpResponse(bytes(share.card), content_type="image/png")
    response["Cache-Control"] = "public, max-age=3600"
    response["X-Robots-Tag"] = "noindex"
    return response


# --- Operations -------------------------------------------------------------------------


@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """200 while the database answers, 503 otherwise: for load balancers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse(
            "database unavailable\n", status=503, content_type="text/plain"
        )
    response = HttpResponse("ok\n", content_type="text/plain")
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def bench_hello(request: HttpRequest) -> HttpResponse:
    """The benchmark's ceiling: the least a page can do, through the same middleware."""
    return HttpResponse("hello\n", content_type="text/plain")
