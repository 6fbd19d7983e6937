"""One form per questionnaire step; each turns its answers into profile data."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from django import forms

from careers.choices import (
    SPOKEN_CAN_DO,
    WRITTEN_CAN_DO,
    CEFRLevel,
    Commute,
    EducationLevel,
    ExperienceDomain,
    FieldOfStudy,
    Language,
    ShareExpiry,
    Shift,
    SkillLevel,
)
from careers.models import Qualification, Skill, questionnaire_catalogue

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
                field.error_messages["invalid_choice"] = (
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

    def groups(self) -> list[tuple[str | None, list[forms.BoundField]]]:
        if self.fieldsets is None:
            return [(None, list(self))]
        return [
            (legend, [self[name] for name in names]) for legend, names in self.fieldsets
        ]

    def to_profile(self) -> dict[str, Any]:
        raise NotImplementedError


def _can_do_choices(statements: dict) -> list[tuple[str, str]]:
    return [
        (level.value, f"{statements[level]} ({level.value})") for level in CEFRLevel
    ]


LANGUAGE_CHOICES = [(NOT_APPLICABLE, "No other language"), *Language.choices]
LEVEL_CHOICES = [(NOT_APPLICABLE, "Choose a level"), *CEFRLevel.choices]


class LanguagesForm(StepForm):
    spoken_english = forms.ChoiceField(
        label="Which sentence describes your spoken English best?",
        choices=_can_do_choices(SPOKEN_CAN_DO),
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the sentence closest to how you speak English."
        },
    )
    written_english = forms.ChoiceField(
        label="Which sentence describes your written English best?",
        choices=_can_do_choices(WRITTEN_CAN_DO),
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the sentence closest to how you write English."
        },
    )
    language_1 = forms.ChoiceField(
        label="Another language you speak", choices=LANGUAGE_CHOICES, required=False
    )
    level_1 = forms.ChoiceField(
        label="Your level in it", choices=LEVEL_CHOICES, required=False
    )
    language_2 = forms.ChoiceField(
        label="One more language (optional)", choices=LANGUAGE_CHOICES, required=False
    )
    level_2 = forms.ChoiceField(
        label="Your level in it", choices=LEVEL_CHOICES, required=False
    )
    typing_wpm = forms.IntegerField(
        label="About how many words a minute do you type?",
        min_value=0,
        max_value=200,
        help_text="20 is typing with two fingers; 40 is comfortable touch typing.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Enter your typing speed in words per minute (0 if you do not type).",
            "invalid": "Enter a whole number of words per minute, such as 30.",
            "min_value": "Enter 0 or more words a minute.",
            "max_value": "Enter a speed of at most 200 words a minute: few people type "
            "faster than 120.",
        },
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        chosen = []
        for n in (1, 2):
            language, level = data.get(f"language_{n}"), data.get(f"level_{n}")
            if language and not level:
                self.add_error(
                    f"level_{n}", f"Choose your level in {Language(language).label}."
                )
            if level and not language:
                self.add_error(
                    f"language_{n}", "Choose the language, or clear its level."
                )
            if language and language in chosen:
                self.add_error(f"language_{n}", "You chose this language already.")
            chosen.append(language)
        return data

    def to_profile(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "spoken_english": data["spoken_english"],
            "written_english": data["written_english"],
            "other_languages": [
                {"language": data[f"language_{n}"], "level": data[f"level_{n}"]}
                for n in (1, 2)
                if data.get(f"language_{n}")
            ],
            "typing_wpm": data["typing_wpm"],
        }


FIELD_CHOICES = [
    (NOT_APPLICABLE, "Not applicable: I finished school only"),
    *[
        (value, label)
        for value, label in FieldOfStudy.choices
        if value != FieldOfStudy.ANY
    ],
    (OTHER_FIELD, "Another field"),
]
SCHOOL_LEVELS = {EducationLevel.SECONDARY, EducationLevel.HIGHER_SECONDARY}


class EducationForm(StepForm):
    education = forms.ChoiceField(
        label="What is the highest level you have completed?",
        choices=EducationLevel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the highest level you have completed."},
    )
    field_of_study = forms.ChoiceField(
        label="In which field?",
        choices=FIELD_CHOICES,
        required=False,
        help_text="For a diploma or a degree. If you are still studying, choose your field.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        level = data.get("education")
        if level and level not in SCHOOL_LEVELS and not data.get("field_of_study"):
            self.add_error(
                "field_of_study", "Choose the field of your diploma or degree."
            )
        return data

    def to_profile(self) -> dict[str, Any]:
        field = self.cleaned_data["field_of_study"]
        return {
            "education": self.cleaned_data["education"],
            "field_of_study": field
            if field not in (NOT_APPLICABLE, OTHER_FIELD)
            else None,
        }


class QualificationsForm(StepForm):
    qualifications = forms.MultipleChoiceField(
        label="Which of these do you hold?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick every degree, certificate or licence you have completed.",
    )
    none = forms.BooleanField(label="I have none of these yet", required=False)
    has_portfolio = forms.BooleanField(
        label="I have samples of my own work to show (writing, designs, code, "
        "training material or similar)",
        required=False,
    )

    @classmethod
    def for_catalogue(
        cls, qualifications: list[Qualification], skills: list[Skill]
    ) -> type[QualificationsForm]:
        """The form offering these qualifications, grouped by kind."""
        groups: dict[str, list[tuple[str, str]]] = {}
        for qualification in qualifications:
            groups.setdefault(qualification.get_kind_display(), []).append(
                (qualification.slug, qualification.name)
            )
        field = copy.deepcopy(cls.base_fields["qualifications"])
        field.choices = list(groups.items())
        return type(cls.__name__, (cls,), {"qualifications": field})

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("qualifications") and not data.get("none"):
            self.add_error(
                "qualifications", "Tick what you hold, or “I have none of these yet”."
            )
        if data.get("qualifications") and data.get("none"):
            self.add_error(
                "none", "You ticked qualifications and “none”: untick one of them."
            )
        return data

    def to_profile(self) -> dict[str, Any]:
        return {
            "qualifications": sorted(self.cleaned_data["qualifications"]),
            "has_portfolio": self.cleaned_data["has_portfolio"],
        }


SKILL_LEVEL_CHOICES = [
    ("none", "Not used"),
    *((v, v.title()) for v in SkillLevel.values),
]


class SkillsForm(StepForm):
    """One level question per skill in the catalogue, grouped by kind."""

    # Field name -> skill slug, for the catalogue the class was built for.
    skill_slugs: dict[str, str] = {}

    @classmethod
    def for_catalogue(
        cls, qualifications: list[Qualification], skills: list[Skill]
    ) -> type[SkillsForm]:
        """The form asking about these skills."""
        fields: dict[str, Any] = {"skill_slugs": {}}
        for skill in skills:
            name = f"skill_{skill.slug.replace('-', '_')}"
            fields["skill_slugs"][name] = skill.slug
            # Not required: a skill left out means "not used".
            fields[name] = forms.ChoiceField(
                label=skill.name,
                choices=SKILL_LEVEL_CHOICES,
                initial="none",
                required=False,
            )
            fields[name].group = skill.get_kind_display()
        return type(cls.__name__, (cls,), fields)

    def groups(self) -> list[tuple[str | None, list[forms.BoundField]]]:
        grouped: dict[str, list[forms.BoundField]] = {}
        for bound in self:
            grouped.setdefault(self.fields[bound.name].group, []).append(bound)
        return list(grouped.items())

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
        label="How many years of paid work have you done?",
        min_value=0,
        max_value=50,
        help_text="Enter 0 if this would be your first job. Internships count as part of a year.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Enter your years of work (0 if this would be your first job).",
            "invalid": "Enter a whole number of years, such as 0, 1 or 2.",
            "min_value": "Enter 0 or more years.",
            "max_value": "Enter at most 50 years.",
        },
    )
    domains = forms.MultipleChoiceField(
        label="In which kinds of work?",
        choices=ExperienceDomain.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("years") and not data.get("domains"):
            self.add_error("domains", "Tick the kinds of work you have done.")
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
        label="Which shifts could you work?",
        choices=Shift.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Many BPO jobs serve US or UK clients, so they run in the Indian evening "
        "or night.",
        error_messages={"required": "Tick at least one shift you could work."},
    )
    internet = forms.BooleanField(label="A steady internet connection", required=False)
    power_backup = forms.BooleanField(
        label="Power backup (inverter or UPS)", required=False
    )
    quiet_place = forms.BooleanField(
        label="A quiet place to work or take calls", required=False
    )
    fieldsets = [
        (None, ["shifts"]),
        ("To work from home, I have…", ["internet", "power_backup", "quiet_place"]),
        (None, ["commute"]),
    ]
    commute = forms.ChoiceField(
        label="Where can you work?",
        choices=Commute.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose where you can work."},
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
        }


class PreferencesForm(StepForm):
    work_style = forms.ChoiceField(
        label="Which kind of work do you enjoy more?",
        choices=[
            ("rules", "Following clear rules and routines"),
            ("judgement", "Using my judgement to analyse and decide"),
            ("either", "Either suits me"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose one, or “Either suits me”."},
    )
    contact = forms.ChoiceField(
        label="Would you rather…",
        choices=[
            ("customers", "Talk to customers all day"),
            ("back_office", "Work behind the scenes with documents and data"),
            ("either", "Either suits me"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose one, or “Either suits me”."},
    )
    pace = forms.ChoiceField(
        label="Which pace suits you?",
        choices=[
            ("volume", "Many quick tasks, with clear daily targets"),
            ("deep", "Fewer, longer tasks that need deep thought"),
            ("either", "Either suits me"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose one, or “Either suits me”."},
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
    QuizStep(1, "languages", "Languages and communication",
         "Choose the sentences that sound most like you. There are no wrong answers.",
         LanguagesForm),
    QuizStep(2, "education", "Education", "Your highest completed level, and its field.",
         EducationForm),
    QuizStep(3, "qualifications", "Professional qualifications",
         "Degrees, certificates and licences that employers look for.", QualificationsForm),
    QuizStep(4, "skills", "Skills and tools",
         "Leave “Not used” for anything you have not used.", SkillsForm),
    QuizStep(5, "experience", "Work experience", "Paid work of any kind counts.", ExperienceForm),
    QuizStep(6, "conditions", "Shifts and where you work",
         "What you can manage. Many outsourcing jobs run at night.", ConditionsForm),
    QuizStep(7, "preferences", "What work you enjoy",
         "This does not change what you are eligible for; it helps rank roles for you.",
         PreferencesForm),
]  # fmt: skip
STEP_COUNT = len(STEPS)


def get_step(number: int) -> QuizStep | None:
    return STEPS[number - 1] if 1 <= number <= STEP_COUNT else None


def build_form(
    step: QuizStep, data: Any = None, initial: dict | None = None
) -> StepForm:
    """The step's form, bound to `data` or showing `initial`; the catalogue steps' forms
    offer the catalogue's current qualifications and skills."""
    form_class = step.form_class
    if hasattr(form_class, "for_catalogue"):
        form_class = form_class.for_catalogue(*questionnaire_catalogue())
    return form_class(data=data, initial=initial)


def first_unanswered(answers: dict[str, Any]) -> int | None:
    """Number of the first step without saved answers, or None when all are answered."""
    return next((step.number for step in STEPS if step.slug not in answers), None)


class ShareForm(forms.Form):
    show_scores = forms.BooleanField(
        label="Also show my fit scores", required=False, help_text="Off by default."
    )
    expiry = forms.ChoiceField(
        label="The link stops working after",
        choices=ShareExpiry.choices,
        initial=ShareExpiry.MONTH,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose when the link stops working."},
    )
