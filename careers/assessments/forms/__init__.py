"""The questionnaire's forms, one per step, each turning its answers into profile data
(quiz.py lists the steps), and the share form; import them from here."""

from careers.assessments.forms.base import StepForm
from careers.assessments.forms.quiz import (
    STEP_COUNT,
    STEPS,
    QuizStep,
    build_form,
    changed_steps,
    dropped_answers,
    first_unanswered,
    get_step,
    refit,
)
from careers.sharing.forms import SHARED_ROLES_MAX, ShareForm

__all__ = [
    "SHARED_ROLES_MAX",
    "STEP_COUNT",
    "STEPS",
    "QuizStep",
    "ShareForm",
    "StepForm",
    "build_form",
    "changed_steps",
    "dropped_answers",
    "first_unanswered",
    "get_step",
    "refit",
]
