"""Step 4: skills and tools, first those most asked for by the roles the person's
education and field could lead to."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from careers.assessments.forms.base import INVALID_CHOICE, StepForm
from careers.catalogue.models import (
    CATALOGUE_SECONDS,
    questionnaire_catalogue,
    scoring_catalogue,
)
from careers.choices import EducationLevel, SkillLevel
from careers.markets import country_of
from careers.scoring.reach import likely_fields, skill_demand
from careers.web.caching import cached_value

# Short words, as radio buttons a thumb taps on a phone: the step's introduction says
# what each level means (a sentence in a list was cut off at 360 px).
SKILL_LEVEL_CHOICES = [
    ("none", _("Not used")),
    (SkillLevel.BASIC, pgettext_lazy("skill level", "Basic")),
    (SkillLevel.WORKING, pgettext_lazy("skill level", "Working")),
    (SkillLevel.ADVANCED, pgettext_lazy("skill level", "Advanced")),
]
# The skills most roles ask for are shown first; the rest wait behind "More".
COMMON_SKILLS = 8


def skills_in_order(profile: dict[str, Any]) -> list[Any]:
    """The skills offered in the person's market, those asked for by more of the roles
    within reach of their education and field first (careers.scoring.reach), the rest
    as the catalogue orders them (most asked for overall). Kept per market and the
    answers they depend on."""
    country = country_of(profile)
    level = profile.get("education") or EducationLevel.DOCTORATE
    fields = likely_fields(profile.get("field_of_study"), profile.get("stream"))

    def load() -> list[Any]:
        skills = [s for s in questionnaire_catalogue()[1] if s.offered_in(country)]
        demand = skill_demand(
            scoring_catalogue().roles, country=country, level=level, fields=fields
        )
        none = (0, 0)
        return sorted(skills, key=lambda s: [-n for n in demand.get(s.slug, none)])

    key = "-".join(["skill-order", country, level, *sorted(fields or ["unknown"])])
    return cached_value(key, load, CATALOGUE_SECONDS)  # type: ignore[return-value]


class SkillsForm(StepForm):
    """One level question per skill in the catalogue, grouped by kind."""

    # The earlier answers the choices depend on: the country (a tool one market's
    # offices use, such as Tally, is not offered in the other), and the education
    # that orders them.
    profile_keys: tuple[str, ...] = ("country", "education", "stream", "field_of_study")

    def __init__(self, *args, profile: dict[str, Any] | None = None, **kwargs) -> None:
        super().__init__(*args, profile=profile, **kwargs)
        skills = skills_in_order(profile or {})
        # Field name -> skill slug.
        self.skill_slugs: dict[str, str] = {}
        for position, skill in enumerate(skills):
            name = f"skill_{skill.slug.replace('-', '_')}"
            self.skill_slugs[name] = skill.slug
            # Not required: a skill left out means "not used".
            self.fields[name] = forms.ChoiceField(
                label=skill.name,
                choices=SKILL_LEVEL_CHOICES,
                widget=forms.RadioSelect(attrs={"class": "inline-choices"}),
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
