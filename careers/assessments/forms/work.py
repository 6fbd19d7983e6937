"""Steps 5 to 7: work experience, shifts and place of work, what work you enjoy."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from careers.assessments.forms.base import StepForm
from careers.assessments.wording import shift_choices
from careers.choices import (
    Commute,
    ExperienceDomain,
    HomeItem,
    InformalWork,
    Need,
    Shift,
)
from careers.markets import MARKET_CITIES, country_of

YEARS_ERRORS = {
    "invalid": _("Enter a whole number of years, such as 0, 1 or 2."),
    "min_value": _("Enter 0 or more years."),
    "max_value": _("Enter at most 50 years."),
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
            **YEARS_ERRORS,
        },
    )
    domains = forms.MultipleChoiceField(
        label=_("In which kinds of work?"),
        choices=ExperienceDomain.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # Work nobody paid for, or paid in kind, is experience all the same (the "unseen
    # economy"): left out, a shop-keeper's daughter would read as a first-timer.
    informal_kinds = forms.MultipleChoiceField(
        label=_("Which of these have you done?"),
        choices=InformalWork.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "This counts as experience too. For example, serving at a family shop "
            "counts as customer service experience, and home tuition as teaching."
        ),
    )
    informal_years = forms.IntegerField(
        label=_("For about how many years?"),
        min_value=0,
        max_value=50,
        required=False,
        help_text=_("All of it together. Enter 0 if it was less than a year."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages=YEARS_ERRORS,
    )
    fieldsets = [
        (None, ["years", "domains"]),
        (_("Unpaid or informal work (optional)"), ["informal_kinds", "informal_years"]),
    ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("years") and not data.get("domains"):
            self.add_error("domains", _("Tick the kinds of work you have done."))
        kinds, years = data.get("informal_kinds"), data.get("informal_years")
        # A bad number already has its own message beside the field.
        if kinds and years is None and "informal_years" not in self.errors:
            self.add_error(
                "informal_years",
                _(
                    "Enter about how many years you did the unpaid work you ticked "
                    "(0 if it was less than a year)."
                ),
            )
        if years and not kinds and "informal_kinds" not in self.errors:
            self.add_error(
                "informal_kinds",
                _(
                    "You gave years of unpaid work: tick the kinds of work they were, "
                    "or clear the years."
                ),
            )
        return data

    def to_profile(self) -> dict[str, Any]:
        data = self.cleaned_data
        years = data["years"]
        profile: dict[str, Any] = {
            "experience": {
                "years": years,
                "domains": sorted(data["domains"]) if years else [],
            }
        }
        # Left out when there is none, as answers saved before the question were.
        if data.get("informal_kinds"):
            profile["informal_work"] = {
                "kinds": sorted(data["informal_kinds"]),
                "years": data["informal_years"],
            }
        return profile


class ConditionsForm(StepForm):
    shifts = forms.MultipleChoiceField(
        label=_("Which shifts could you work?"),
        choices=Shift.choices,  # in the person's own time: __init__
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Tick only what you could really do. Many BPO jobs serve clients in the "
            "US, the UK or Australia, so they run in your evening, night or early "
            "morning; roles that need a shift you do not tick are shown apart, never "
            "as a step for you."
        ),
        error_messages={"required": _("Tick at least one shift you could work.")},
    )
    internet = forms.BooleanField(label=HomeItem.INTERNET.label, required=False)
    power_backup = forms.BooleanField(label=HomeItem.POWER_BACKUP.label, required=False)
    quiet_place = forms.BooleanField(label=HomeItem.QUIET_PLACE.label, required=False)
    fieldsets = [
        (None, ["shifts"]),
        (_("To work from home, I have…"), ["internet", "power_backup", "quiet_place"]),
        (None, ["commute", "near_city", "needs"]),
    ]
    commute = forms.ChoiceField(
        label=_("Where can you work?"),
        choices=Commute.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose where you can work.")},
    )
    near_city = forms.BooleanField(
        required=False,  # its cities, the person's market's: __init__
        help_text=_("Most research, legal and finance work is in these cities."),
    )
    # Asked last and never required: it is health and disability, which nobody owes
    # us; it only keeps us from advising work the person cannot do.
    needs = forms.MultipleChoiceField(
        label=_("Anything that affects the work you can do? (optional)"),
        choices=Need.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "We ask so that we never advise work you cannot do. We do not share it "
            "with anyone. Leave it blank if you prefer."
        ),
    )

    def __init__(self, *args, profile: dict[str, Any] | None = None, **kwargs) -> None:
        super().__init__(*args, profile=profile, **kwargs)
        country = country_of(profile)
        self.fields["shifts"].choices = shift_choices(country)
        self.fields["near_city"].label = format_lazy(
            _("I live in or near {cities}"), cities=MARKET_CITIES[country]
        )

    def to_profile(self) -> dict[str, Any]:
        data = self.cleaned_data
        profile = {
            "shifts": sorted(data["shifts"]),
            "work_from_home": {
                "internet": data["internet"],
                "power_backup": data["power_backup"],
                "quiet_place": data["quiet_place"],
            },
            "commute": data["commute"],
            "near_city": data["near_city"],
        }
        # Left out when none is ticked, as answers saved before the question were.
        if data.get("needs"):
            profile["needs"] = sorted(data["needs"])
        return profile


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
