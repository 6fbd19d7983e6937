"""One form per questionnaire step; each turns its answers into profile data."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from careers.cards import shared_verdict
from careers.choices import (
    OUTSOURCING_CITIES,
    SPOKEN_CAN_DO,
    WRITTEN_CAN_DO,
    CEFRLevel,
    Commute,
    EducationLevel,
    ExperienceDomain,
    FieldOfStudy,
    Language,
    PortfolioKind,
    ShareExpiry,
    Shift,
    SkillLevel,
    Stream,
)
from careers.models import Qualification, Skill, questionnaire_catalogue
from careers.models.assessments import SHAREABLE_ROLES
from careers.wording import say

NOT_APPLICABLE = ""
OTHER_FIELD = "other"


class StepForm(forms.Form):
    """A questionnaire step: errors are announced and the first one gets the focus."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Our words, not Django's "Select a valid choice. x is not one of the available
        # choices." (only a changed or stale form sends such a value).
        for field in self.fields.values():
            if isinstance(field, forms.ChoiceField):
                field.error_messages["invalid_choice"] = _(
                    "Choose one of the options shown."
                )

    def full_clean(self) -> None:
        super().full_clean()
        if self.is_bound and self.errors:
            first = next((name for name in self.fields if name in self.errors), None)
            if first:
                self.fields[first].widget.attrs["autofocus"] = True

    # (legend, field names) for fields shown together; None: one group, no legend.
    fieldsets: list[tuple[str, list[str]]] | None = None

    def groups(self) -> list[tuple[str | None, list[forms.BoundField], bool]]:
        """(legend, fields, collapsed) for each group of fields."""
        if self.fieldsets is None:
            return [(None, list(self), False)]
        return [
            (legend, [self[name] for name in names], False)
            for legend, names in self.fieldsets
        ]

    def to_profile(self) -> dict[str, Any]:
        raise NotImplementedError


def _can_do_choices(statements: dict) -> list[tuple[str, str]]:
    return [
        (level.value, format_lazy("{} ({})", statements[level], level.value))
        for level in CEFRLevel
    ]


LEVEL_CHOICES = [(NOT_APPLICABLE, _("I do not speak it")), *CEFRLevel.choices]
# The languages most of our candidates speak come first; the rest wait behind "More".
COMMON_LANGUAGES = [
    Language.HINDI, Language.BENGALI, Language.MARATHI, Language.TELUGU,
    Language.TAMIL, Language.TAGALOG, Language.CEBUANO,
]  # fmt: skip


def _language_field(language: Language) -> forms.ChoiceField:
    field = forms.ChoiceField(
        label=language.label, choices=LEVEL_CHOICES, required=False
    )
    field.group = (
        _("Other languages you speak, and how well")
        if language in COMMON_LANGUAGES
        else _("More languages")
    )
    return field


class LanguagesForm(StepForm):
    spoken_english = forms.ChoiceField(
        label=_("Which sentence describes your spoken English best?"),
        choices=_can_do_choices(SPOKEN_CAN_DO),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the sentence closest to how you speak English.")
        },
    )
    written_english = forms.ChoiceField(
        label=_("Which sentence describes your written English best?"),
        choices=_can_do_choices(WRITTEN_CAN_DO),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the sentence closest to how you write English.")
        },
    )
    typing_wpm = forms.IntegerField(
        label=_("About how many words a minute do you type?"),
        min_value=0,
        max_value=200,
        help_text=_("20 is typing with two fingers; 40 is comfortable touch typing."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _(
                "Enter your typing speed in words per minute (0 if you do not type)."
            ),
            "invalid": _("Enter a whole number of words per minute, such as 30."),
            "min_value": _("Enter 0 or more words a minute."),
            "max_value": _(
                "Enter a speed of at most 200 words a minute: few people type "
                "faster than 120."
            ),
        },
    )

    def groups(self) -> list[tuple[str | None, list[forms.BoundField], bool]]:
        english = [self[name] for name in ("spoken_english", "written_english")]
        grouped: dict[str, list[forms.BoundField]] = {}
        for bound in self:
            group = getattr(self.fields[bound.name], "group", None)
            if group:
                grouped.setdefault(group, []).append(bound)
        # The rarer languages stay folded away unless one of them is answered.
        others = [
            (legend, fields, index > 0 and not any(f.value() for f in fields))
            for index, (legend, fields) in enumerate(grouped.items())
        ]
        return [(None, english, False), *others, (None, [self["typing_wpm"]], False)]

    def to_profile(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "spoken_english": data["spoken_english"],
            "written_english": data["written_english"],
            "other_languages": [
                {"language": language.value, "level": data[f"lang_{language.value}"]}
                for language in Language
                if data.get(f"lang_{language.value}")
            ],
            "typing_wpm": data["typing_wpm"],
        }


# One level question per language (none asked, none answered: "I do not speak it").
for _language in sorted(Language, key=lambda x: x not in COMMON_LANGUAGES):
    LanguagesForm.base_fields[f"lang_{_language.value}"] = _language_field(_language)


FIELD_CHOICES = [
    (NOT_APPLICABLE, _("Not applicable: I finished school only")),
    *[
        (value, label)
        for value, label in FieldOfStudy.choices
        if value != FieldOfStudy.ANY
    ],
    (OTHER_FIELD, _("Another field")),
]
SCHOOL_LEVELS = {EducationLevel.SECONDARY, EducationLevel.HIGHER_SECONDARY}
# College begun, no degree yet: the field studied is asked, not required.
SOME_COLLEGE = EducationLevel.SOME_COLLEGE


class EducationForm(StepForm):
    education = forms.ChoiceField(
        label=_("What is the highest level you have completed?"),
        choices=EducationLevel.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Completed only: a course you are still doing comes in the next step."
        ),
        error_messages={"required": _("Choose the highest level you have completed.")},
    )
    stream = forms.ChoiceField(
        label=_("Your stream in the 12th"),
        choices=[(NOT_APPLICABLE, _("I did not do the 12th")), *Stream.choices],
        required=False,
        help_text=_(
            "Many school-level jobs look at it, for example commerce for accounts work."
        ),
    )
    field_of_study = forms.ChoiceField(
        label=_("The field of your diploma or degree"),
        choices=FIELD_CHOICES,
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        level, field = data.get("education"), data.get("field_of_study")
        if level in SCHOOL_LEVELS and field:
            self.add_error(
                "field_of_study",
                _(
                    "A field is for a diploma or a degree you have completed. For the "
                    "12th, choose your stream; a degree you are doing comes in the next "
                    "step."
                ),
            )
        elif level and level not in SCHOOL_LEVELS | {SOME_COLLEGE} and not field:
            self.add_error(
                "field_of_study", _("Choose the field of your diploma or degree.")
            )
        if level == EducationLevel.HIGHER_SECONDARY and not data.get("stream"):
            self.add_error("stream", _("Choose the stream you studied in the 12th."))
        if level == EducationLevel.SECONDARY and data.get("stream"):
            self.add_error(
                "stream",
                _("You said the 10th is your highest level: clear the stream."),
            )
        return data

    def to_profile(self) -> dict[str, Any]:
        field = self.cleaned_data["field_of_study"]
        return {
            "education": self.cleaned_data["education"],
            "stream": self.cleaned_data["stream"] or None,
            "field_of_study": field
            if field not in (NOT_APPLICABLE, OTHER_FIELD)
            else None,
        }


def stage_name(stage: dict[str, Any]) -> str:
    """A qualification's stage in the page's language (its translations are kept
    beside it: fixtures/translations/), else as written."""
    return stage.get(f"name_{get_language()}") or stage["name"]


class QualificationsForm(StepForm):
    none = forms.BooleanField(label=_("I have none of these yet"), required=False)
    qualifications = forms.MultipleChoiceField(
        label=_("Which of these have you completed?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Tick every degree, certificate or licence you hold. Only those that "
            "fit your education are shown."
        ),
    )
    in_progress = forms.ChoiceField(
        label=_("A qualification you are working towards, and how far you are"),
        required=False,
        help_text=_(
            "For example CA Intermediate group 1 cleared, or the final year of an "
            "LLB: we count the time you have left."
        ),
    )
    portfolios = forms.MultipleChoiceField(
        label=_("Samples of your own work you can show"),
        choices=PortfolioKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Writing, design and teaching jobs hire on samples. Tick only kinds "
            "you have."
        ),
    )

    # Slug -> (name, education level) of what the form offers.
    offered: dict[str, tuple[str, str]] = {}

    @classmethod
    def for_catalogue(
        cls,
        qualifications: list[Qualification],
        skills: list[Skill],
        profile: dict[str, Any],
    ) -> type[QualificationsForm]:
        """The form offering the qualifications that fit the education given (degrees
        up to that level; the field's first), grouped by kind."""
        rank = EducationLevel.values.index
        level = profile.get("education") or EducationLevel.DOCTORATE
        field = profile.get("field_of_study")
        fitting = [
            q for q in qualifications if not q.level or rank(q.level) <= rank(level)
        ]
        fitting.sort(key=lambda q: q.field != field)  # stable: kind order kept
        groups: dict[str, list[tuple[str, str]]] = {}
        for qualification in fitting:
            groups.setdefault(qualification.get_kind_display(), []).append(
                (qualification.slug, qualification.name)
            )
        held = copy.deepcopy(cls.base_fields["qualifications"])
        held.choices = list(groups.items())
        doing = copy.deepcopy(cls.base_fields["in_progress"])
        doing.choices = [(NOT_APPLICABLE, _("Nothing at the moment"))] + [
            (
                q.name,
                [(f"{q.slug}:{st['code']}", stage_name(st)) for st in q.stages],
            )
            for q in qualifications
            if q.stages
        ]
        offered = {q.slug: (q.name, q.level) for q in qualifications}
        attrs = {"qualifications": held, "in_progress": doing, "offered": offered}
        return type(cls.__name__, (cls,), attrs)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        held = data.get("qualifications") or []
        if not held and not data.get("none"):
            self.add_error(
                "qualifications",
                _("Tick what you hold, or “I have none of these yet”."),
            )
        if held and data.get("none"):
            self.add_error(
                "none", _("You ticked qualifications and “none”: untick one of them.")
            )
        doing = (data.get("in_progress") or "").partition(":")[0]
        if doing and doing in held:
            name = self.offered[doing][0]
            self.add_error(
                "in_progress",
                _("You ticked %(name)s as completed: choose what you are still doing.")
                % {"name": name},
            )
        return data

    def to_profile(self) -> dict[str, Any]:
        doing, _colon, stage = self.cleaned_data["in_progress"].partition(":")
        return {
            "qualifications": sorted(self.cleaned_data["qualifications"]),
            "in_progress": [{"qualification": doing, "stage": stage}] if doing else [],
            "portfolios": sorted(self.cleaned_data["portfolios"]),
        }


SKILL_LEVEL_CHOICES = [("none", _("Not used")), *SkillLevel.choices]
# The skills most roles ask for are shown first; the rest wait behind "More".
COMMON_SKILLS = 8


class SkillsForm(StepForm):
    """One level question per skill in the catalogue, grouped by kind."""

    # Field name -> skill slug, for the catalogue the class was built for.
    skill_slugs: dict[str, str] = {}

    @classmethod
    def for_catalogue(
        cls,
        qualifications: list[Qualification],
        skills: list[Skill],
        profile: dict[str, Any],
    ) -> type[SkillsForm]:
        """The form asking about these skills, the most asked-for first."""
        fields: dict[str, Any] = {"skill_slugs": {}}
        for position, skill in enumerate(skills):
            name = f"skill_{skill.slug.replace('-', '_')}"
            fields["skill_slugs"][name] = skill.slug
            # Not required: a skill left out means "not used".
            fields[name] = forms.ChoiceField(
                label=skill.name,
                choices=SKILL_LEVEL_CHOICES,
                initial="none",
                required=False,
            )
            fields[name].group = (
                _("Most asked for")
                if position < COMMON_SKILLS
                else _("More skills and tools")
            )
        return type(cls.__name__, (cls,), fields)

    def groups(self) -> list[tuple[str | None, list[forms.BoundField], bool]]:
        grouped: dict[str, list[forms.BoundField]] = {}
        for bound in self:
            grouped.setdefault(self.fields[bound.name].group, []).append(bound)
        # The rarer skills stay folded away unless one of them is answered.
        return [
            (
                legend,
                fields,
                index > 0 and all(f.value() in (None, "", "none") for f in fields),
            )
            for index, (legend, fields) in enumerate(grouped.items())
        ]

    def to_profile(self) -> dict[str, Any]:
        return {
            "skills": {
                slug: self.cleaned_data[name]
                for name, slug in self.skill_slugs.items()
                if self.cleaned_data[name] not in ("", "none")
            }
        }


class ExperienceForm(StepForm):
    years = forms.IntegerField(
        label=_("How many years of paid work have you done?"),
        min_value=0,
        max_value=50,
        help_text=_(
            "Enter 0 if this would be your first job. Internships count as part of a year."
        ),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _(
                "Enter your years of work (0 if this would be your first job)."
            ),
            "invalid": _("Enter a whole number of years, such as 0, 1 or 2."),
            "min_value": _("Enter 0 or more years."),
            "max_value": _("Enter at most 50 years."),
        },
    )
    domains = forms.MultipleChoiceField(
        label=_("In which kinds of work?"),
        choices=ExperienceDomain.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("years") and not data.get("domains"):
            self.add_error("domains", _("Tick the kinds of work you have done."))
        return data

    def to_profile(self) -> dict[str, Any]:
        years = self.cleaned_data["years"]
        return {
            "experience": {
                "years": years,
                "domains": sorted(self.cleaned_data["domains"]) if years else [],
            }
        }


class ConditionsForm(StepForm):
    shifts = forms.MultipleChoiceField(
        label=_("Which shifts could you work?"),
        choices=Shift.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Tick only what you could really do. Many BPO jobs serve US or UK "
            "clients, so they run in the Indian evening or night; roles that need a shift "
            "you do not tick are shown apart, never as a step for you."
        ),
        error_messages={"required": _("Tick at least one shift you could work.")},
    )
    internet = forms.BooleanField(
        label=_("A steady internet connection"), required=False
    )
    power_backup = forms.BooleanField(
        label=_("Power backup (inverter or UPS)"), required=False
    )
    quiet_place = forms.BooleanField(
        label=_("A quiet place to work or take calls"), required=False
    )
    fieldsets = [
        (None, ["shifts"]),
        (_("To work from home, I have…"), ["internet", "power_backup", "quiet_place"]),
        (None, ["commute", "near_city"]),
    ]
    commute = forms.ChoiceField(
        label=_("Where can you work?"),
        choices=Commute.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose where you can work.")},
    )
    near_city = forms.BooleanField(
        label=format_lazy(_("I live in or near {cities}"), cities=OUTSOURCING_CITIES),
        required=False,
        help_text=_("Most research, legal and finance work is in these cities."),
    )

    def to_profile(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "shifts": sorted(data["shifts"]),
            "work_from_home": {
                "internet": data["internet"],
                "power_backup": data["power_backup"],
                "quiet_place": data["quiet_place"],
            },
            "commute": data["commute"],
            "near_city": data["near_city"],
        }


class PreferencesForm(StepForm):
    work_style = forms.ChoiceField(
        label=_("Which kind of work do you enjoy more?"),
        choices=[
            ("rules", _("Following clear rules and routines")),
            ("judgement", _("Using my judgement to analyse and decide")),
            ("either", _("Either suits me")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose one, or “Either suits me”.")},
    )
    contact = forms.ChoiceField(
        label=_("Would you rather…"),
        choices=[
            ("customers", _("Talk to customers all day")),
            ("back_office", _("Work behind the scenes with documents and data")),
            ("either", _("Either suits me")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose one, or “Either suits me”.")},
    )
    pace = forms.ChoiceField(
        label=_("Which pace suits you?"),
        choices=[
            ("volume", _("Many quick tasks, with clear daily targets")),
            ("deep", _("Fewer, longer tasks that need deep thought")),
            ("either", _("Either suits me")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose one, or “Either suits me”.")},
    )

    def to_profile(self) -> dict[str, Any]:
        return {
            "preferences": {
                k: self.cleaned_data[k] for k in ("work_style", "contact", "pace")
            }
        }


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
        form_class = form_class.for_catalogue(*questionnaire_catalogue(), profile or {})
    return form_class(data=data, initial=initial)


def first_unanswered(answers: dict[str, Any]) -> int | None:
    """Number of the first step without saved answers, or None when all are answered."""
    return next((step.number for step in STEPS if step.slug not in answers), None)


# A shared page shows up to five roles (the card, the first four).
SHARED_ROLES_MAX = 5


class ShareForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("Which roles should the link show?"),
        widget=forms.CheckboxSelectMultiple,
        help_text=format_lazy(
            _("Up to {count}. Your answers are never shown."), count=SHARED_ROLES_MAX
        ),
        error_messages={"required": _("Tick at least one role for the link to show.")},
    )
    expiry = forms.ChoiceField(
        label=_("The link stops working after"),
        choices=ShareExpiry.choices,
        initial=ShareExpiry.MONTH,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose when the link stops working.")},
    )

    def __init__(self, *args, result=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        offered = result.top_roles(SHAREABLE_ROLES) if result else []
        self.fields["roles"].choices = [
            (item["role"], f"{say(item['title'])} ({shared_verdict(item).lower()})")
            for item in offered
        ]
        self.fields["roles"].initial = [item["role"] for item in offered[:3]]
        self.fields["roles"].error_messages["invalid_choice"] = _(
            "Choose roles from the list shown."
        )

    def clean_roles(self) -> list[str]:
        roles = self.cleaned_data["roles"]
        if len(roles) > SHARED_ROLES_MAX:
            raise forms.ValidationError(
                _("Tick at most %(count)d roles: a short list reads best.")
                % {"count": SHARED_ROLES_MAX}
            )
        return roles
