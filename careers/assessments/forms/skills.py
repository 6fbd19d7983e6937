"""Step 4: skills and tools, the ones most roles ask for first."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from careers.assessments.forms.base import StepForm
from careers.choices import (
    SkillLevel,
)
from careers.models import Qualification, Skill

SKILL_LEVEL_CHOICES = [("none", _("Not used")), *SkillLevel.choices]
# The skills most roles ask for are shown first; the rest wait behind "More".
COMMON_SKILLS = 8


class SkillsForm(StepForm):
    """One level question per skill in the catalogue, grouped by kind."""

    # Field name -> skill slug, for the catalogue the class was built for.
    skill_slugs: dict[str, str] = {}
    # The earlier answers `for_catalogue` reads: none.
    profile_keys: tuple[str, ...] = ()

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
