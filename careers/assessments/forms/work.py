"""Steps 5 to 7: work experience, shifts and place of work, what work you enjoy."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from careers.assessments.forms.base import StepForm
from careers.choices import (
    OUTSOURCING_CITIES,
    Commute,
    ExperienceDomain,
    Shift,
)


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
