"""The engine's messages (careers.scoring.text) in the language of the page."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext_noop

from careers.scoring.text import Reader, Value, from_data


def reader() -> Reader:
    """A reader in the active language (Django's gettext, our locale/ catalogues)."""
    # Names the engine was given in English (a language, "Hindi or another Indian
    # language") are message ids too; catalogue names pass through as they are.
    return Reader(
        gettext=translation.gettext,
        ngettext=translation.ngettext,
        name=lambda name: translation.gettext(name) if name else name,
    )


def say(data: Any) -> str:
    """Stored message data, or a message, as words; old results' plain text as it is."""
    if not data:
        return ""
    value: Value = data if not isinstance(data, (dict, list)) else from_data(data)
    return reader()(value)


def in_words(recommendation: dict[str, Any]) -> dict[str, Any]:
    """Stored recommendation data with every message in words (`recommend --format
    json`): the same shape, text where the store keeps messages."""
    items = [
        {
            **item,
            "distance": say(item["distance"]),
            "plan": [say(step) for step in item["plan"]],
            "advice": say(item["advice"]),
            "lines": [{**line, "text": say(line["text"])} for line in item["lines"]],
        }
        for item in recommendation["recommendations"]
    ]
    return {
        **recommendation,
        "summary": say(recommendation["summary"]),
        "paths": [say(path) for path in recommendation["paths"]],
        "recommendations": items,
    }


# Django has no Filipino catalogue, so ours carries the month names its date filter
# reads ("j F Y" on every page); listed here so that makemessages keeps them.
MONTHS = (
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)
