"""Steps 2 and 3: education, and the qualifications it makes possible."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from careers.assessments.forms.base import NOT_APPLICABLE, OTHER_FIELD, StepForm
from careers.catalogue.models import CATALOGUE_SECONDS, questionnaire_catalogue
from careers.choices import (
    Country,
    EducationLevel,
    FieldOfStudy,
    PortfolioKind,
    Stream,
)
from careers.markets import country_of, education_choices, market_codes
from careers.scoring.markets import MARKETS
from careers.scoring.reach import could_hold, open_stages
from careers.web.caching import cached_value

# A closed list shows its choice on one line: on a phone, the fields named in full
# were cut off. Here they are short, and the help says what else each includes.
SHORT_FIELDS = {
    FieldOfStudy.LIFE_SCIENCES: _("Life sciences or medicine"),
    FieldOfStudy.HUMANITIES: _("Humanities or languages"),
}
FIELD_CHOICES = [
    (NOT_APPLICABLE, _("None: school only")),
    *[
        (value, SHORT_FIELDS.get(value, label))
        for value, label in FieldOfStudy.choices
        if value != FieldOfStudy.ANY
    ],
    (OTHER_FIELD, _("Another field")),
]
SCHOOL_LEVELS = {EducationLevel.SECONDARY, EducationLevel.HIGHER_SECONDARY}
# College begun, no degree yet: the field studied is asked, not required.
SOME_COLLEGE = EducationLevel.SOME_COLLEGE

# The school stream question in each market's words: India's 12th streams, the
# Philippines' Senior High School strands (the streams themselves: MARKETS[c].streams).
STREAM_WORDS = {
    Country.INDIA: {
        "label": _("Your stream in the 12th"),
        "none": _("I did not do the 12th"),
        "help": _(
            "Many school-level jobs look at it, for example commerce for accounts work."
        ),
        "required": _("Choose the stream you studied in the 12th."),
        "not_after_school": _(
            "You said the 10th is your highest level: clear the stream."
        ),
        "field_at_school": _(
            "A field is for a diploma or a degree you have completed. For the "
            "12th, choose your stream; a degree you are doing comes in the next "
            "step."
        ),
    },
    Country.PHILIPPINES: {
        "label": _("Your Senior High School strand"),
        "none": _("I did not finish Senior High School"),
        "help": _(
            "Many jobs for Senior High graduates look at it, for example ABM for "
            "accounts work."
        ),
        "required": _("Choose the strand you took in Senior High School."),
        "not_after_school": _(
            "You said Grade 10 is your highest level: clear the strand."
        ),
        "field_at_school": _(
            "A field is for a diploma or a degree you have completed. For Senior "
            "High School, choose your strand; a degree you are doing comes in the "
            "next step."
        ),
    },
}
# What a person may be working towards, as an example in their market's words.
IN_PROGRESS_HELP = {
    Country.INDIA: _(
        "For example CA Intermediate group 1 cleared, or the final year of an "
        "LLB: we count the time you have left."
    ),
    Country.PHILIPPINES: _(
        "For example the third year of a BS Accountancy, or a TESDA course you "
        "are taking: we count the time you have left."
    ),
}


class EducationForm(StepForm):
    education = forms.ChoiceField(
        label=_("What is the highest level you have completed?"),
        choices=EducationLevel.choices,  # in the market's words: __init__
        widget=forms.RadioSelect,
        help_text=_(
            "Completed only: a course you are still doing comes in the next step."
        ),
        error_messages={"required": _("Choose the highest level you have completed.")},
    )
    # The market's streams, in its words: __init__. Radio buttons: a strand's name and
    # its meaning were cut off in a list on a phone.
    stream = forms.ChoiceField(required=False, widget=forms.RadioSelect)
    field_of_study = forms.ChoiceField(
        label=_("The field of your diploma or degree"),
        choices=FIELD_CHOICES,
        required=False,
        help_text=_(
            "Nursing and pharmacy count as medicine; English and journalism as "
            "humanities. “None” if you finished school only."
        ),
    )

    # The earlier answers the choices depend on.
    profile_keys = ("country",)

    def __init__(self, *args, profile: dict[str, Any] | None = None, **kwargs) -> None:
        super().__init__(*args, profile=profile, **kwargs)
        country = country_of(profile)
        self.words = STREAM_WORDS[country]
        self.fields["education"].choices = education_choices(country)
        stream = self.fields["stream"]
        labels = dict(Stream.choices)
        stream.choices = [(NOT_APPLICABLE, self.words["none"])] + [
            (code, labels[code]) for code in MARKETS[country].streams
        ]
        stream.label, stream.help_text = self.words["label"], self.words["help"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        level, field = data.get("education"), data.get("field_of_study")
        if level in SCHOOL_LEVELS and field:
            self.add_error("field_of_study", self.words["field_at_school"])
        elif level and level not in SCHOOL_LEVELS | {SOME_COLLEGE} and not field:
            self.add_error(
                "field_of_study", _("Choose the field of your diploma or degree.")
            )
        if level == EducationLevel.HIGHER_SECONDARY and not data.get("stream"):
            self.add_error("stream", self.words["required"])
        if level == EducationLevel.SECONDARY and data.get("stream"):
            self.add_error("stream", self.words["not_after_school"])
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


@dataclass(frozen=True)
class QualificationChoices:
    held: list[tuple[str, list[tuple[str, str]]]]  # by kind
    in_progress: list[tuple[str, Any]]
    offered: dict[str, tuple[str, str]]  # slug -> (name, education level), every one


def qualification_choices(profile: dict[str, Any]) -> QualificationChoices:
    """The catalogue's qualifications that fit the education given (careers.scoring.reach:
    those one could hold, the field's first), grouped by kind, and the stages of those
    one could be working towards. Kept per language and the answers they depend on: reading them
    from the catalogue's rows (translated names, the kinds' labels) was most of the
    work of building the form."""
    level = profile.get("education") or EducationLevel.DOCTORATE
    field = profile.get("field_of_study")
    country = country_of(profile)

    def load() -> QualificationChoices:
        qualifications = [
            q
            for q in questionnaire_catalogue()[0]
            if not q.markets or country in market_codes(q.markets)
        ]
        options = {q.slug: q.as_option() for q in qualifications}
        fitting = [
            q for q in qualifications if could_hold(options[q.slug], level, options)
        ]
        fitting.sort(key=lambda q: q.field != field)  # stable: kind order kept
        groups: dict[str, list[tuple[str, str]]] = {}
        for qualification in fitting:
            groups.setdefault(str(qualification.get_kind_display()), []).append(
                (qualification.slug, qualification.name)
            )
        doing: list[tuple[str, Any]] = [
            (NOT_APPLICABLE, str(_("Nothing at the moment")))
        ]
        for q in qualifications:
            codes = open_stages(options[q.slug], level, options)
            stages = [
                (f"{q.slug}:{st['code']}", stage_name(st))
                for st in q.stages
                if st["code"] in codes
            ]
            if stages:
                doing.append((q.name, stages))
        offered = {q.slug: (q.name, q.level) for q in qualifications}
        return QualificationChoices(list(groups.items()), doing, offered)

    key = f"qualification-choices-{get_language()}-{country}-{level}-{field}"
    return cached_value(key, load, CATALOGUE_SECONDS)  # type: ignore[return-value]


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
        required=False,  # its example, in the market's words: __init__
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

    # The earlier answers the choices depend on.
    profile_keys = ("country", "education", "field_of_study")

    def __init__(self, *args, profile: dict[str, Any] | None = None, **kwargs) -> None:
        super().__init__(*args, profile=profile, **kwargs)
        offer = qualification_choices(profile or {})
        self.fields["in_progress"].help_text = IN_PROGRESS_HELP[country_of(profile)]
        self.fields["qualifications"].choices = offer.held
        self.fields["in_progress"].choices = offer.in_progress
        self.offered = offer.offered

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
