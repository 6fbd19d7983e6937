"""The questionnaire: start, then one step per page, each saved as soon as it is valid."""

import hashlib
import json
import re

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)
from django.views.decorators.vary import vary_on_cookie, vary_on_headers
from django_htmx.http import HttpResponseClientRedirect, push_url

from careers.assessments.forms import (
    STEP_COUNT,
    STEPS,
    QuizStep,
    StepForm,
    build_form,
    changed_steps,
    dropped_answers,
    first_unanswered,
    get_step,
    refit,
)
from careers.assessments.models import EARLIER_COOKIE, QUIZ_COOKIE, step_url
from careers.assessments.views.gone import gone_once_deleted
from careers.markets import remember_country, visitor_country
from careers.models import Assessment
from careers.web.caching import generation
from careers.web.logs import TOKEN_PATTERN
from careers.web.ratelimits import rate_limit
from careers.web.responses import private_page, unindexed, whole_page

# The quiz cookie (QUIZ_COOKIE) lives as long as an untouched draft is kept.
QUIZ_COOKIE_SECONDS = 30 * 24 * 3600

# Answers count per quiz; a whole college lab or NGO class can sit behind one address, so
# the per-address ceilings are far above what one person needs (a step takes seconds).
# Starts have no quiz yet to count by: only the address ceiling holds them.
QUIZ_START_RATE = "600/h"
QUIZ_ANSWER_RATE = "60/m"
ADDRESS_ANSWER_RATE = "600/m"
# The button a step shows once the quiz has a result: save, and see the result again
# without walking through the steps after it.
FINISH_NOW = "finish"


def quiz_in_url(group: str, request: HttpRequest) -> str:
    return request.resolver_match.kwargs["token"]


def remembered_token(request: HttpRequest, cookie: str = QUIZ_COOKIE) -> str | None:
    """This device's quiz (or, from EARLIER_COOKIE, the one before), if the cookie
    holds something that can be a token at all."""
    token = request.COOKIES.get(cookie, "")
    return token if re.fullmatch(TOKEN_PATTERN, token) else None


def remember(request: HttpRequest, response: HttpResponse, token: str) -> HttpResponse:
    """Remember the quiz this device is answering, for "continue where you left off".

    Only when answering: opening someone else's link (a shared phone, a cyber café) must
    neither replace this device's own quiz nor offer theirs to the next person.
    """
    if request.method == "POST" and request.COOKIES.get(QUIZ_COOKIE) != token:
        remember_on_device(response, QUIZ_COOKIE, token)
    return response


def remember_on_device(response: HttpResponse, name: str, token: str) -> None:
    """A quiz's token in a cookie of this device only (not sent cross-site, not read by
    scripts), for as long as answers are kept."""
    response.set_cookie(
        name,
        token,
        max_age=QUIZ_COOKIE_SECONDS,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def problem(
    request: HttpRequest, message: str, link: str, link_text: str
) -> HttpResponse:
    """A 400 page saying what to do; under htmx it replaces the page's main content."""
    context = {"message": message, "link": link, "link_text": link_text}
    response = render(request, "careers/quiz_problem.html", context, status=400)
    return whole_page(request, response)


def first_missing(assessment: Assessment, step: QuizStep) -> QuizStep | None:
    """The first step before `step` that is not answered yet."""
    return next(
        (s for s in STEPS[: step.number - 1] if not assessment.has_answered(s.slug)),
        None,
    )


def keep_earlier(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Starting again: this device keeps the way back to the result it had (unless the
    quiz it remembered has none, so an unfinished quiz never hides a result)."""
    token = remembered_token(request)
    if token and Assessment.objects.by_token(token).exclude(result=None).exists():
        remember_on_device(response, EARLIER_COOKIE, token)
    return response


def remembered_quizzes(
    request: HttpRequest,
) -> tuple[Assessment | None, Assessment | None]:
    """This device's quiz, and the finished one it answered before starting again (in
    one query); each None where there is none, or it was deleted."""
    token = remembered_token(request)
    earlier = remembered_token(request, EARLIER_COOKIE)
    tokens = [t for t in (token, earlier) if t]
    found = {
        a.token: a
        for a in Assessment.objects.filter(token__in=tokens)
        .with_finished()
        .only("token", "answers")
    }
    before = found.get(earlier) if earlier != token else None
    return found.get(token), before if before and before.result_pk else None


# The start page is the same for everyone without a quiz, so search engines may index
# it; with a quiz (a link to its steps or result) it is private. Never stored either
# way: its form's CSRF token is this browser's own.
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
@vary_on_cookie
@rate_limit("quiz-start", "ip", QUIZ_START_RATE)
def quiz_start(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        assessment = Assessment.objects.create()
        response = redirect("careers:quiz_step", assessment.token, 1)
        keep_earlier(request, response)
        return unindexed(remember(request, response, assessment.token))
    current, earlier = remembered_quizzes(request)
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
        "earlier_url": earlier
        and reverse("careers:result_detail", args=[earlier.token]),
        "steps": STEPS,
    }
    response = render(request, "careers/quiz_start.html", context)
    return unindexed(response) if current or earlier else response


@require_POST
def quiz_forget(request: HttpRequest) -> HttpResponse:
    """“This is not my quiz”: this device forgets the quiz it remembered, and any
    earlier one (nothing is deleted; whoever has the link can still open it)."""
    response = redirect("careers:quiz_start")
    response.delete_cookie(QUIZ_COOKIE, samesite="Lax")
    response.delete_cookie(EARLIER_COOKIE, samesite="Lax")
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@private_page
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
@rate_limit("quiz-answer-address", "ip", ADDRESS_ANSWER_RATE)
@rate_limit("quiz-answer", quiz_in_url, QUIZ_ANSWER_RATE)
@gone_once_deleted
def quiz_step(request: HttpRequest, token: str, number: int) -> HttpResponse:
    step = get_step(number)
    if step is None:
        raise Http404("No such step.")
    assessment = get_object_or_404(Assessment.objects.by_token(token).with_finished())
    missing = first_missing(assessment, step)
    if request.method != "POST":
        if missing is not None:
            return redirect("careers:quiz_step", token, missing.number)
        return render_step(request, assessment, step)
    if missing is not None:
        return skipped(request, token, missing)
    form = build_form(step, data=request.POST, profile=assessment.profile_data())
    if not form.is_valid():
        return render_step(request, assessment, step, form, status=400)
    answers = {"form": form.cleaned_data, "profile": form.to_profile()}
    earlier = [s.slug for s in STEPS[: step.number - 1]]
    if not assessment.answer(step.slug, answers, earlier, refit):
        # An earlier step's answers were taken back in another tab ("start again").
        return skipped(request, token, first_missing(assessment, step) or STEPS[0])
    # Answering makes it this device's quiz (opening a link does not), and its
    # country the one the site's pages follow.
    response = remember(request, after_saving(request, assessment, step), token)
    return remember_country(request, response, form.cleaned_data.get("country", ""))


@require_safe
@private_page
@gone_once_deleted
def quiz_steps(request: HttpRequest, token: str) -> HttpResponse:
    """“Change my answers”: every step, to go straight to the one to change."""
    assessment = get_object_or_404(Assessment.objects.by_token(token).with_finished())
    context = {
        "steps": [
            (step, step_url(token, step.number), assessment.has_answered(step.slug))
            for step in STEPS
        ],
        "result_url": reverse("careers:result_detail", args=[token])
        if assessment.result_pk is not None
        else None,
    }
    return render(request, "careers/quiz_steps.html", context)


def after_saving(
    request: HttpRequest, assessment: Assessment, step: QuizStep
) -> HttpResponse:
    """The next step, or the result once the last step is saved; with “Save and update
    my result” (FINISH_NOW), the result once every step is answered (a change to one
    step can leave a later one to answer again: that step then)."""
    number = step.number + 1
    if request.POST.get(FINISH_NOW):
        number = first_unanswered(assessment.answers) or STEP_COUNT + 1
    if number > STEP_COUNT:
        result = assessment.finish()
        if request.htmx:
            return HttpResponseClientRedirect(result.get_absolute_url())
        return redirect(result)
    next_step = STEPS[number - 1]
    if request.htmx:
        response = render_step(request, assessment, next_step)
        return push_url(response, step_url(assessment.token, next_step.number))
    return redirect("careers:quiz_step", assessment.token, next_step.number)


def skipped(request: HttpRequest, token: str, missing: QuizStep) -> HttpResponse:
    return problem(
        request,
        gettext("Please answer step %(number)d, “%(title)s”, first.")
        % {"number": missing.number, "title": missing.title},
        step_url(token, missing.number),
        gettext("Go to step %(number)d") % {"number": missing.number},
    )


def prefilled_country(request: HttpRequest) -> str:
    """The country chosen on this browser before, or what its language says."""
    return visitor_country(request)


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
    note = assessment.dropped.get(step.slug) or {}
    # A step left incomplete by a change before it shows what it still holds.
    saved = assessment.answers.get(step.slug, {}).get("form") or note.get("kept")
    profile = assessment.profile_data()
    initial = saved or {}
    if "country" in step.form_class.base_fields:
        # Unanswered (or answered before it was asked), the country is the one the
        # page's language or the browser says.
        initial = {"country": prefilled_country(request), **initial}
    # The qualifications offered and the skills' order depend on the education given
    # before, and the choices and their words on the country.
    earlier = {
        k: profile.get(k) for k in ("country", "education", "stream", "field_of_study")
    }
    answers_key = json.dumps([initial, earlier], sort_keys=True, cls=DjangoJSONEncoder)
    url = step_url(assessment.token, step.number)
    context = {
        "step": step,
        "steps": STEPS,
        "step_count": STEP_COUNT,
        # The unbound fields usually come from the fragment cache: the form is built only
        # when the template asks for it.
        "form": form
        or SimpleLazyObject(lambda: build_form(step, initial=initial, profile=profile)),
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
        if assessment.result_pk is not None
        else None,
        # The button's label, which the notice after a change names too.
        "submit_label": gettext("See my result")
        if step.number == STEP_COUNT
        else gettext("Save and continue"),
        # What a change to an earlier step took out of this one, and why.
        "dropped": note.get("fields")
        and {
            "steps": changed_steps(note["after"]),
            "step_count": len(note["after"]),
            "answers": dropped_answers(step, note["fields"]),
        },
    }
    return render(request, template_name, context, status=status)
