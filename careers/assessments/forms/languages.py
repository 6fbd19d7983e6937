"""Step 1: the country where the person looks for work, English, spoken and written,
every other language, and typing."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import capfirst, format_lazy, get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from careers.assessments.forms.base import INVALID_CHOICE, NOT_APPLICABLE, StepForm
from careers.choices import (
    SPOKEN_CAN_DO,
    WRITTEN_CAN_DO,
    CEFRLevel,
    Country,
    Language,
)
from careers.markets import DEFAULT_COUNTRY
from careers.scoring.markets import MARKETS


def _can_do_choices(statements: dict) -> list[tuple[str, str]]:
    return [
        (level.value, format_lazy("{} ({})", statements[level], level.value))
        for level in CEFRLevel
    ]


LEVEL_CHOICES = [(NOT_APPLICABLE, _("I do not speak it")), *CEFRLevel.choices]
# A market's own languages come first; foreign ones wait behind "More languages", and
# another market's own languages are not asked (nobody in Cebu is hired for Hindi).
DOMESTIC_GROUP = _("Other languages you speak, and how well")
FOREIGN_GROUP = _("More languages")
# Every market's domestic language: the rest are foreign everywhere.
DOMESTIC_ANYWHERE = {code for m in MARKETS.values() for code in m.domestic_languages}


def market_languages(country: str) -> list[tuple[Language, Any]]:
    """The languages asked of a person in `country`, with their group, in order: the
    market's own, then the foreign ones."""
    own = [Language(code) for code in MARKETS[country].domestic_languages]
    foreign = [lang for lang in Language if lang.value not in DOMESTIC_ANYWHERE]
    return [(lang, DOMESTIC_GROUP) for lang in own] + [
        (lang, FOREIGN_GROUP) for lang in foreign
    ]


def _language_field(language: Language, group: Any) -> forms.ChoiceField:
    field = forms.ChoiceField(
        label=language.label,
        choices=LEVEL_CHOICES,
        required=False,
        error_messages={"invalid_choice": INVALID_CHOICE},
    )
    field.group = group
    return field


def chosen_country(value: Any) -> str | None:
    return value if value in Country.values else None


class LanguagesForm(StepForm):
    country = forms.ChoiceField(
        label=_("Where do you live and look for work?"),
        choices=[(code, capfirst(label)) for code, label in Country.choices],
        widget=forms.RadioSelect,
        help_text=_("The jobs, schools and shift hours we show are that country's."),
    )
    # The country whose languages the page listed: a page sent with another country
    # chosen comes back with that country's languages to answer (without JavaScript
    # the list cannot change as the person chooses).
    languages_for = forms.CharField(required=False, widget=forms.HiddenInput)
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

    def __init__(self, *args, profile: dict[str, Any] | None = None, **kwargs) -> None:
        super().__init__(*args, profile=profile, **kwargs)
        data = self.data if self.is_bound else {}
        initial = self.initial or {}
        # The languages of the country chosen on this page, else of the one answered
        # before, else of the one the page was pre-filled with.
        self.listed_for = (
            chosen_country(data.get("country"))
            or chosen_country(data.get("languages_for"))
            or chosen_country((profile or {}).get("country"))
            or chosen_country(initial.get("country"))
            or DEFAULT_COUNTRY
        )
        self.initial = {**self.initial, "languages_for": self.listed_for}
        for language, group in market_languages(self.listed_for):
            self.fields[f"lang_{language.value}"] = _language_field(language, group)
        countries = get_text_list([str(c.label) for c in Country], gettext("or"))
        self.fields["country"].error_messages.update(
            required=gettext("Choose the country where you live and look for work."),
            invalid_choice=gettext(
                "We cover %(countries)s for now: choose one of them."
            )
            % {"countries": countries},
        )

    def clean_languages_for(self) -> str:
        # Only a hint: a value that names no country is no error of the person's.
        return chosen_country(self.cleaned_data["languages_for"]) or ""

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        shown = chosen_country(self.data.get("languages_for"))
        if shown and data.get("country") and shown != self.listed_for:
            # The page listed another country's languages: ask this country's.
            self.data = self.data.copy()
            self.data["languages_for"] = self.listed_for
            self.add_error(
                None,
                gettext(
                    "You chose %(country)s: the languages below are now those "
                    "spoken there. Check them, then save again."
                )
                % {"country": Country(self.listed_for).label},
            )
        return data

    def groups(self) -> list[tuple[str | None, list[forms.BoundField], bool]]:
        english = [self[name] for name in ("spoken_english", "written_english")]
        grouped: dict[str, list[forms.BoundField]] = {}
        for bound in self:
            group = getattr(self.fields[bound.name], "group", None)
            if group:
                grouped.setdefault(group, []).append(bound)
        # The foreign languages stay folded away unless one of them is answered.
        others = [
            (legend, fields, index > 0 and not any(f.value() for f in fields))
            for index, (legend, fields) in enumerate(grouped.items())
        ]
        return [
            (None, [self["country"]], False),
            (None, english, False),
            *others,
            (None, [self["typing_wpm"]], False),
        ]

    def to_profile(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "country": data["country"],
            "spoken_english": data["spoken_english"],
            "written_english": data["written_english"],
            "other_languages": [
                {"language": language.value, "level": data[f"lang_{language.value}"]}
                for language in Language
                if data.get(f"lang_{language.value}")
            ],
            "typing_wpm": data["typing_wpm"],
        }
