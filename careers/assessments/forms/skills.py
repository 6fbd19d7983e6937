"""Step 4: skills and tools, the ones most roles ask for first."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from careers.assessments.forms.base import INVALID_CHOICE, StepForm
from careers.catalogue.models import questionnaire_catalogue
from careers.choices import (
    SkillLevel,
)
from careers.markets import country_of

SKILL_LEVEL_CHOICES = [("none", _("Not used")), *SkillLevel.choices]
# The skills most roles ask for are shown first; the rest wait behind "More".
COMMON_SKILLS = 8


class SkillsForm(StepForm):
    """One level question per skill in the catalogue, grouped by kind."""

    # The earlier answers the choices depend on: the country (a tool one market's
    # offices use, such as Tally, is not offered in the other).
    profile_keys: tuple[str, ...] = ("country",)

    def __init__(self, *args, profile: dict[str, Any] | None = None, **kwargs) -> None:
        super().__init__(*args, profile=profile, **kwargs)
        _qualifications, skills = questionnaire_catalogue()
        country = country_of(profile)
        skills = [skill for skill in skills if skill.offered_in(country)]
        # Field name -> skill slug.
        self.skill_slugs: dict[str, str] = {}
        for position, skill in enumerate(skills):
            name = f"skill_{skill.slug.replace('-', '_')}"
            self.skill_slugs[name] = skill.slug
            # Not required: a skill left out means "not used".
            self.fields[name] = forms.ChoiceField(
                label=skill.name,
                choices=SKILL_LEVEL_CHOICES,
                initial="none",
                required=False,
                error_messages={"invalid_choice": INVALID_CHOICE},
            )
            self.fields[name].group = (
                _("Most asked for")
                if position < COMMON_SKILLS
                else _("More skills and tools")
            )

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
