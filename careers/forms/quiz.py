"""The questionnaire's seven steps, in order, and the form of each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from careers.caching import cached_value
from careers.forms.base import StepForm
from careers.forms.education import EducationForm, QualificationsForm
from careers.forms.languages import LanguagesForm
from careers.forms.skills import SkillsForm
from careers.forms.work import ConditionsForm, ExperienceForm, PreferencesForm
from careers.models import questionnaire_catalogue
from careers.models.catalogue import CATALOGUE_SECONDS


@dataclass(frozen=True)
class QuizStep:
    number: int
    slug: str
    title: str
    intro: str
    form_class: type[StepForm]


STEPS = [
    QuizStep(
        1, "languages", _("Languages and communication"),
        _("Choose the sentences that sound most like you. There are no wrong answers."),
        LanguagesForm,
    ),
    QuizStep(
        2, "education", _("Education"),
        _("Your highest completed level, and its field."),
        EducationForm,
    ),
    QuizStep(
        3, "qualifications", _("Professional qualifications"),
        _("Degrees, certificates and licences that employers look for."),
        QualificationsForm,
    ),
    QuizStep(
        4, "skills", _("Skills and tools"),
        _("Basic: you have used it a little. Working: you use it on your own for "
          "everyday tasks. Advanced: you could teach it or handle hard cases. Leave "
          "“Not used” for the rest."),
        SkillsForm,
    ),
    QuizStep(
        5, "experience", _("Work experience"),
        _("Paid work of any kind counts."),
        ExperienceForm,
    ),
    QuizStep(
        6, "conditions", _("Shifts and where you work"),
        _("What you can manage. Many outsourcing jobs run at night."),
        ConditionsForm,
    ),
    QuizStep(
        7, "preferences", _("What work you enjoy"),
        _("This does not change what you are eligible for; it helps rank roles for "
          "you."),
        PreferencesForm,
    ),
]  # fmt: skip
STEP_COUNT = len(STEPS)


def get_step(number: int) -> QuizStep | None:
    return STEPS[number - 1] if 1 <= number <= STEP_COUNT else None


def build_form(
    step: QuizStep,
    data: Any = None,
    initial: dict | None = None,
    profile: dict[str, Any] | None = None,
) -> StepForm:
    """The step's form, bound to `data` or showing `initial`; the catalogue steps' forms
    offer the catalogue's current qualifications and skills that fit the `profile`
    given so far."""
    form_class = step.form_class
    if hasattr(form_class, "for_catalogue"):
        form_class = catalogue_form(step, profile or {})
    return form_class(data=data, initial=initial)


def catalogue_form(step: QuizStep, profile: dict[str, Any]) -> type[StepForm]:
    """The step's form class for the current catalogue, built once per language and
    the answers it depends on: building the skills form's 31 fields was a millisecond
    of each of its requests (in process, measured)."""
    form_class: Any = step.form_class
    depends = [str(profile.get(key)) for key in form_class.profile_keys]
    key = "-".join(["form", step.slug, get_language() or "", *depends])

    def build() -> type[StepForm]:
        return form_class.for_catalogue(*questionnaire_catalogue(), profile)

    return cached_value(key, build, CATALOGUE_SECONDS)  # type: ignore[return-value]


def first_unanswered(answers: dict[str, Any]) -> int | None:
    """Number of the first step without saved answers, or None when all are answered."""
    return next((step.number for step in STEPS if step.slug not in answers), None)
