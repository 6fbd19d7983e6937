"""Step 1: English, spoken and written, every other language, and typing."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from careers.assessments.forms.base import NOT_APPLICABLE, StepForm
from careers.choices import (
    SPOKEN_CAN_DO,
    WRITTEN_CAN_DO,
    CEFRLevel,
    Language,
)


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
