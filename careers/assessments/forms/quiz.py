"""The questionnaire's seven steps, in order, and the form of each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from careers.assessments.forms.base import StepForm
from careers.assessments.forms.education import EducationForm, QualificationsForm
from careers.assessments.forms.languages import LanguagesForm
from careers.assessments.forms.skills import SkillsForm
from careers.assessments.forms.work import (
    ConditionsForm,
    ExperienceForm,
    PreferencesForm,
)
from careers.assessments.models import merged_profile
from careers.choices import Country


@dataclass(frozen=True)
class QuizStep:
    number: int
    slug: str
    title: str
    intro: str
    form_class: type[StepForm]
    # How the page lays the step out: its fields' grid class, and the typing check.
    fields_class: str = ""
    typing_check: bool = False


STEPS = [
    QuizStep(
        1, "languages", _("Languages and communication"),
        _("Choose the sentences that sound most like you. There are no wrong answers."),
        LanguagesForm,
        typing_check=True,
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
        fields_class="skill-grid",
    ),
    QuizStep(
        5, "experience", _("Work experience"),
        _("Work of any kind counts, paid or unpaid."),
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
    return step.form_class(data=data, initial=initial, profile=profile or {})


def first_unanswered(answers: dict[str, Any]) -> int | None:
    """Number of the first step without saved answers, or None when all are answered."""
    return next((step.number for step in STEPS if step.slug not in answers), None)


def get_step_by_slug(slug: str) -> QuizStep:
    return next(step for step in STEPS if step.slug == slug)


def refit(
    answers: dict[str, Any],
    dropped: dict[str, dict[str, Any]],
    changed: str,
    *,
    itself: bool = False,
) -> None:
    """Re-check each step after `changed` (and `changed` itself if `itself`) whose form
    is built from earlier answers, against that form as built from the answers as they
    now stand, in order, so that what one step loses or gets back counts for the steps
    after it. Changes `answers` and `dropped` (the assessment's fields) in place.

    A value the form no longer accepts is taken out (a qualification above a lowered
    education) and noted in `dropped` under the step: {"after": [the steps whose change
    took something out], "fields": {field: [values]}}. A value taken out before that the
    form accepts again (the education raised back) is put back and leaves the note, so a
    wrong tap and its correction lose nothing; a note with nothing left goes. A step
    whose answers are then incomplete is unanswered again, the quiz walks there, and the
    note keeps what it still holds to show ("kept").
    """
    first = get_step_by_slug(changed).number - (1 if itself else 0)
    for step in STEPS[first:]:
        saved, note = answers.get(step.slug), dropped.get(step.slug)
        # A form that reads no earlier answers (no `profile_keys`) is the same form
        # whatever they are: checking it again could only cost (a form is built in
        # 0.2-2 ms, mostly Django copying its fields).
        if (saved is None and note is None) or not getattr(
            step.form_class, "profile_keys", ()
        ):
            continue
        data = with_values_back(step, saved["form"] if saved else note["kept"], note)
        profile = merged_profile(answers)
        form = build_form(step, data=data, profile=profile)
        if form.is_valid() and note is None:
            continue  # nothing to take out, nothing to put back
        kept, refused = data, {}
        if not form.is_valid():
            kept, refused = without_refused(form, data)
            form = build_form(step, data=kept, profile=profile)
        if form.is_valid():
            answers[step.slug] = {
                "form": form.cleaned_data,
                "profile": form.to_profile(),
            }
        else:
            answers.pop(step.slug, None)
        if not refused and form.is_valid():
            dropped.pop(step.slug, None)
            continue
        after = note["after"] if note else []
        before = note["fields"] if note else {}
        if any(
            v not in before.get(name, []) for name, vs in refused.items() for v in vs
        ):
            after = [slug for slug in after if slug != changed] + [changed]
        dropped[step.slug] = {"after": after, "fields": refused}
        if not form.is_valid():
            dropped[step.slug]["kept"] = kept


def with_values_back(
    step: QuizStep, data: dict[str, Any], note: dict[str, Any] | None
) -> dict[str, Any]:
    """A step's answers with the values a change before it took out (`note`) back in."""
    data = dict(data)
    for name, values in (note or {}).get("fields", {}).items():
        field = step.form_class.base_fields.get(name)
        if isinstance(field, forms.MultipleChoiceField):
            current = list(data.get(name) or [])
            data[name] = current + [v for v in values if v not in current]
        elif data.get(name) in (None, "") and values:
            data[name] = values[0]
    return data


def without_refused(
    form: StepForm, data: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    """`data` without the values its fields refuse on their own, and those values by
    field (a field's error that comes from the step's other answers drops nothing)."""
    kept, dropped = dict(data), {}
    for name in form.errors:
        field, value = form.fields.get(name), data.get(name)
        if field is None or value in field.empty_values:
            continue
        if isinstance(field, forms.MultipleChoiceField):
            refused = [v for v in value if not field.valid_value(str(v))]
            kept[name] = [v for v in value if v not in refused]
        else:
            try:
                field.clean(value)
                refused = []
            except ValidationError:
                refused = [value]
                del kept[name]
        if refused:
            dropped[name] = refused
    return kept, dropped


def dropped_answers(step: QuizStep, fields: dict[str, list[Any]]) -> list[str]:
    """The answers taken out of the step, as it shows them in the page's language. The
    labels come from the step's form as built before any answer in each market, which
    together offer every choice (a strand or a qualification taken out because the
    country changed is the other market's)."""
    forms_by_market = [build_form(step, profile={"country": c}) for c in Country]
    answers = []
    for name, values in fields.items():
        labels: dict[str, str] = {}
        for form in reversed(forms_by_market):  # the first market's words win
            for value, label in getattr(form.fields.get(name), "choices", []):
                group = label if isinstance(label, (list, tuple)) else [(value, label)]
                labels.update((str(v), str(text)) for v, text in group)
        answers += [labels.get(str(v), str(v)) for v in values]
    return answers


def changed_steps(slugs: list[str]) -> str:
    """The steps whose new answers took others out, as the page names them."""
    return get_text_list(
        [
            gettext("step %(number)d, “%(title)s”")
            % {"number": step.number, "title": step.title}
            for step in map(get_step_by_slug, slugs)
        ],
        gettext("and"),
    )
