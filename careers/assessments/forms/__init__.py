"""The questionnaire's forms, one per step, each turning its answers into profile data
(quiz.py lists the steps); import them from here."""

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
    get_step_by_slug,
    refit,
)

__all__ = [
    "STEP_COUNT",
    "STEPS",
    "QuizStep",
    "StepForm",
    "build_form",
    "changed_steps",
    "dropped_answers",
    "first_unanswered",
    "get_step",
    "get_step_by_slug",
    "refit",
]
