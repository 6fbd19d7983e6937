"""The questionnaire: start, then one step per page, each saved as soon as it is valid."""

import hashlib
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect, push_url
from django_ratelimit.decorators import ratelimit

from careers.caching import generation
from careers.forms import (
    STEP_COUNT,
    STEPS,
    QuizStep,
    StepForm,
    build_form,
    first_unanswered,
    get_step,
)
from careers.models import Assessment
from careers.security import whole_page

# This device's quiz, for "continue where you left off". The token is itself the secret
# that opens the answers, so the cookie holds it as it is: no session store is read or
# written on a candidate's pages. (It lives as long as an untouched draft is kept.)
QUIZ_COOKIE = "careerfit_quiz"
QUIZ_COOKIE_SECONDS = 30 * 24 * 3600

# Writes are limited per client address; people behind one mobile carrier's address share
# it, so the limits are far above what one person needs (a step takes several seconds).
QUIZ_START_RATE = "60/h"
QUIZ_ANSWER_RATE = "60/m"


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


def step_url(token: str, number: int) -> str:
    return reverse("careers:quiz_step", args=[token, number])


def problem(
    request: HttpRequest, message: str, link: str, link_text: str
) -> HttpResponse:
    """A 400 page saying what to do; under htmx it replaces the page's main content."""
    context = {"message": message, "link": link, "link_text": link_text}
    response = render(request, "careers/quiz_problem.html", context, status=400)
    return whole_page(request, response)


def assessment_or_404(token: str) -> Assessment:
    assessment = Assessment.objects.with_finished().filter(token=token).first()
    if assessment is None:
        raise Http404("No such quiz.")
    return assessment


def first_missing(assessment: Assessment, step: QuizStep) -> QuizStep | None:
    """The first step before `step` that is not answered yet."""
    return next(
        (s for s in STEPS[: step.number - 1] if not assessment.has_answered(s.slug)),
        None,
    )


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=QUIZ_START_RATE, method="POST", group="quiz-start")
def quiz_start(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        assessment = Assessment.objects.create()
        response = redirect("careers:quiz_step", assessment.token, 1)
        return remember(request, response, assessment.token)
    token = remembered_token(request)
    current = Assessment.objects.filter(token=token).first() if token else None
    resume_url, number = None, None
    if current is not None:
        number = first_unanswered(current.answers)
        resume_url = (
            step_url(current.token, number)
            if number
            else reverse("careers:result_detail", args=[current.token])
        )
    context = {
        "resume_url": resume_url,
        "finished": current is not None and number is None,
        "steps": STEPS,
    }
    return render(request, "careers/quiz_start.html", context)


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
@ratelimit(key="ip", rate=QUIZ_ANSWER_RATE, method="POST", group="quiz-answer")
def quiz_step(request: HttpRequest, token: str, number: int) -> HttpResponse:
    step = get_step(number)
    if step is None:
        raise Http404("No such step.")
    assessment = assessment_or_404(token)
    missing = first_missing(assessment, step)
    if request.method == "GET":
        if missing is not None:
            return redirect("careers:quiz_step", token, missing.number)
        return remember(request, render_step(request, assessment, step), token)
    if missing is not None:
        return skipped(request, token, missing)
    form = build_form(step, data=request.POST)
    if not form.is_valid():
        return render_step(request, assessment, step, form, status=400)
    answers = {"form": form.cleaned_data, "profile": form.to_profile()}
    earlier = [s.slug for s in STEPS[: step.number - 1]]
    if not assessment.answer(step.slug, answers, earlier):
        # An earlier step's answers were taken back in another tab ("start again").
        return skipped(request, token, first_missing(assessment, step) or STEPS[0])
    if step.number == STEP_COUNT:
        result = assessment.finish()
        if request.htmx:
            return HttpResponseClientRedirect(result.get_absolute_url())
        return redirect(result)
    next_step = STEPS[step.number]
    if request.htmx:
        response = render_step(request, assessment, next_step)
        return push_url(response, step_url(token, next_step.number))
    return redirect("careers:quiz_step", token, next_step.number)


def skipped(request: HttpRequest, token: str, missing: QuizStep) -> HttpResponse:
    return problem(
        request,
        f"Please answer step {missing.number}, “{missing.title}”, first.",
        step_url(token, missing.number),
        f"Go to step {missing.number}",
    )


def render_step(
    request: HttpRequest,
    assessment: Assessment,
    step: QuizStep,
    form: StepForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The step with a bound `form` (errors shown), or showing the saved answers."""
    template_name = "careers/quiz_step.html"
    # A history restore (browser back with htmx) needs the whole page, not the fragment.
    if request.htmx and not request.htmx.history_restore_request:
        template_name += "#quiz"
    saved = assessment.answers.get(step.slug, {}).get("form")
    answers_key = json.dumps(saved or {}, sort_keys=True, cls=DjangoJSONEncoder)
    url = step_url(assessment.token, step.number)
    context = {
        "step": step,
        "steps": STEPS,
        "step_count": STEP_COUNT,
        # The unbound fields usually come from the fragment cache: the form is built only
        # when the template asks for it.
        "form": form or SimpleLazyObject(lambda: build_form(step, initial=saved)),
        "bound": form is not None,
        # Everyone with the same answers to this step sees the same fields, until the
        # catalogue changes.
        "fields_key": hashlib.sha256(answers_key.encode()).hexdigest(),
        "generation": generation(),
        "step_url": url,
        "back_url": step_url(assessment.token, step.number - 1)
        if step.number > 1
        else None,
        "continue_url": request.build_absolute_uri(url),
        "result_url": reverse("careers:result_detail", args=[assessment.token])
        if assessment.finished
        else None,
    }
    return render(request, template_name, context, status=status)
