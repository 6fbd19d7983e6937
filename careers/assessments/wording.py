"""The engine's messages (careers.scoring.text) in the language of the page, and a shared
result's words for whoever opens its link."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.apps import apps
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop

from careers.choices import Country, Shift, Verdict
from careers.scoring.markets import MARKETS, with_hours
from careers.scoring.phrases import hours_phrase
from careers.scoring.profile import list_titles
from careers.scoring.text import Reader, _, as_data, from_data, ngettext
from careers.web.caching import cached_value

# Each language's messages as read so far. The catalogues are compiled files that do
# not change while the process runs, and a result page reads about 200 messages, most
# of them many times ("You can work day shifts." on every card): asking Django's
# gettext each time was most of the time of reading them.
_READ: dict[str, dict[str, str]] = {}


_READERS: dict[str, tuple[dict[str, str], Reader]] = {}


def reader() -> Reader:
    """A reader in the active language (Django's gettext, our locale/ catalogues)."""
    names = catalogue_names()
    language = translation.get_language() or ""
    kept = _READERS.get(language)
    if kept is not None and kept[0] is names:
        return kept[1]
    read = _READ.setdefault(language, {})

    def gettext(msgid: str) -> str:
        text = read.get(msgid)
        if text is None:
            text = read[msgid] = translation.gettext(msgid)
        return text

    def name(english: str) -> str:
        # A catalogue name in the page's language; names the engine was given from
        # our vocabularies (a language, "Hindi or another Indian language") are
        # message ids.
        return names.get(english) or (gettext(english) if english else "")

    made = Reader(gettext=gettext, ngettext=translation.ngettext, name=name)
    # Kept with the names it reads, until the catalogue changes them.
    _READERS[language] = (names, made)
    return made


def say(data: Any) -> str:
    """Stored message data, or a message, as words; old results' plain text as it is."""
    if not data:
        return ""
    if isinstance(data, list):
        return reader()(from_data(data))
    # A stored message (a dict) is read as it is stored.
    return reader()(data)


def in_words(recommendation: dict[str, Any]) -> dict[str, Any]:
    """Stored recommendation data with every message in words (`recommend --format
    json`): the same shape, text where the store keeps messages."""
    items = [
        {
            **item,
            "title": say(item["title"]),
            "category_name": say(item["category_name"]),
            "distance": say(item["distance"]),
            "plan": [say(step) for step in item["plan"]],
            "advice": say(item["advice"]),
            "lines": [{**line, "text": say(line["text"])} for line in item["lines"]],
            "clash": clash_in_words(item.get("clash")),
        }
        for item in recommendation["recommendations"]
    ]
    return {
        **recommendation,
        "summary": say(recommendation["summary"]),
        "headline": say(recommendation.get("headline")),
        "paths": [say(path) for path in recommendation["paths"]],
        "recommendations": items,
    }


def clash_in_words(clash: dict[str, Any] | None) -> dict[str, Any] | None:
    """A role that does not fit: what would end its clash, and the role then."""
    if not clash:
        return None
    words = ("change", "distance", "advice")
    return {**clash, **{key: say(clash[key]) for key in words}}


# The catalogue's names (and a qualification's cost, which a plan quotes), by model and
# field (careers/translation.py), kept for the generation like the scoring catalogue.
NAMED = (("role", "title"), ("jobcategory", "name"), ("qualification", "name"))
NAMED += (("skill", "name"), ("qualification", "cost"))
NAMES_SECONDS = 300

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


def catalogue_names() -> dict[str, str]:
    """The catalogue's names (roles, kinds of work, qualifications, skills) from English
    into the active language, where a translation exists: stored results and links hold
    the English, and read in the page's language."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return {}

    def load() -> dict[str, str]:
        names: dict[str, str] = {}
        for model_name, field in NAMED:
            model = apps.get_model("careers", model_name)
            rows = model.objects.values_list(f"{field}_en", f"{field}_{language}")
            names.update({en: text for en, text in rows if en and text})
        return names

    return cached_value(f"catalogue-names-{language}", load, NAMES_SECONDS)


# A shared result, as the reader of its link reads it (the page, the card, the form).
def shared_verdict(role: dict[str, Any]) -> str:
    """A role's verdict as the reader of a shared link reads it."""
    if role["verdict"] == Verdict.ELIGIBLE:
        return gettext("Can apply now")
    # Links made before distances were kept have none: the verdict alone.
    if not role.get("distance"):
        return (
            gettext("Close") if role["verdict"] == Verdict.CLOSE else gettext("Not yet")
        )
    values = {"time": say(role["distance"])}
    if role["verdict"] == Verdict.CLOSE:
        return gettext("Close: %(time)s away") % values
    return gettext("Not yet: %(time)s away") % values


def shared_summary(roles: list[dict[str, Any]]) -> dict[str, Any]:
    """One sentence about the shared roles, in the third person (as message data)."""
    if not roles:
        # Every role clashed with a shift or a place they said they cannot manage.
        return as_data(
            _("Looking for work that fits the hours and places they can manage.")
        )
    open_now = [r["title"] for r in roles if r["verdict"] == Verdict.ELIGIBLE]
    if not open_now:
        titles = list_titles(tuple(r["title"] for r in roles))
        return as_data(_("Working towards %(titles)s.", titles=titles))
    text = _("Can apply now for %(titles)s.", titles=list_titles(tuple(open_now)))
    rest = len(roles) - len(open_now)
    if rest:
        more = ngettext("%(n)d more within reach.", "%(n)d more within reach.", rest)
        text = _("%(first)s %(second)s", first=text, second=more)
    return as_data(text)


def shared_market(snapshot: dict[str, Any]) -> str:
    """Whose market a shared result is for, as its page and card say it; nothing for a
    link made before results had one."""
    code = snapshot.get("country")
    if code not in Country.values:
        return ""
    return gettext("For work in %(country)s") % {"country": Country(code).label}


def shift_label(shift: str, country: str, day: date | None = None) -> str:
    """A shift as the quiz and the review name it to a person in `country`: an offshore
    one in their own time on `day` (today), "US business hours (about 9 pm–6 am in the
    Philippines)", in the engine's words (hours_phrase); the others by their label."""
    market = with_hours(MARKETS[country], day or timezone.localdate())
    if market.local_hours(shift) is None:
        return str(Shift(shift).label)
    return reader()(hours_phrase(market, shift))


def shift_choices(country: str) -> list[tuple[str, str]]:
    return [(code, shift_label(code, country)) for code in Shift.values]
