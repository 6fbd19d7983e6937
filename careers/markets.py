"""The markets we serve, as the site shows them: which catalogue rows belong to one, and
what a person there reads (their currency, dialling code, clock).

What the engine needs of a market (its domestic languages, school streams, time zone)
is in careers/scoring/markets.py; the codes are `Country` (careers/choices.py).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from careers.choices import Country, Shift
from careers.scoring.markets import MARKETS, with_hours

# A requirement's "domestic" languages, named as a person in each market knows them.
DOMESTIC_NAMES = {
    Country.INDIA: gettext_noop("Hindi or another Indian language"),
    Country.PHILIPPINES: gettext_noop("Filipino or another Philippine language"),
}


def domestic_languages() -> dict[str, tuple[str, ...]]:
    """Each market's domestic languages (codes), by country."""
    return {country: market.domestic_languages for country, market in MARKETS.items()}


def markets_of_language(code: str) -> frozenset[str]:
    """The markets where a language counts as domestic; none: a foreign language,
    which counts in every market."""
    return frozenset(c for c, langs in domestic_languages().items() if code in langs)


def market_codes(value: str) -> list[str]:
    return [code.strip() for code in value.split(",") if code.strip()]


def validate_markets(value: str) -> None:
    unknown = [code for code in market_codes(value) if code not in Country.values]
    if unknown:
        raise ValidationError(
            _("Unknown country code %(codes)s: use %(known)s."),
            params={"codes": ", ".join(unknown), "known": ", ".join(Country.values)},
        )


class MarketsField(models.CharField):
    """The markets a catalogue row belongs to: comma-separated country codes ("IN",
    "PH", "IN,PH"); blank: every market."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        kwargs.setdefault("validators", [validate_markets])
        kwargs.setdefault(
            "help_text",
            _("Country codes, comma-separated (IN, PH). Blank: every market."),
        )
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        # Migrations see a CharField: the field's defaults live here, not in them.
        return name, "django.db.models.CharField", args, kwargs


def in_market(country: str, field: str = "markets") -> Q:
    """Rows that belong to `country`: those naming it, and those naming none. The
    codes are two letters, comma-separated, so no code is found inside another."""
    return Q(**{field: ""}) | Q(**{f"{field}__contains": country})


# The language of the page says the country where only one market speaks it.
LANGUAGE_COUNTRIES = {"fil": Country.PHILIPPINES, "hi": Country.INDIA}
COUNTRY_PARAMETER = "country"


def country_from_headers(language: str, accept_language: str) -> str:
    """The country to pre-fill: the page's language where one market speaks it
    (Filipino), else the first region named in Accept-Language ("en-PH"), else
    India, where most of our candidates are."""
    if language in LANGUAGE_COUNTRIES:
        return LANGUAGE_COUNTRIES[language]
    for part in accept_language.split(","):
        tag = part.split(";")[0].strip().lower()
        primary, _sep, region = tag.partition("-")
        if region.upper() in Country.values:
            return Country(region.upper())
        if primary in ("fil", "tl"):
            return Country.PHILIPPINES
    return Country.INDIA


def visitor_country(request) -> str:
    """Whose market a page is for: `?country=` where a link chose it, else what the
    language and the browser say (country_from_headers)."""
    chosen = request.GET.get(COUNTRY_PARAMETER, "")
    if chosen in Country.values:
        return chosen
    return country_from_headers(
        getattr(request, "LANGUAGE_CODE", ""),
        request.headers.get("Accept-Language", ""),
    )


# An offshore shift in the person's own time. The engine's words helper writes the
# same as careers.scoring.phrases.hours_phrase (these are its messages): until then the
# questionnaire and the review name the hours with this.
SHIFT_HOURS = {
    Shift.UK_HOURS: _("UK business hours (about %(start)s–%(end)s in %(place)s)"),
    Shift.US_HOURS: _("US business hours (about %(start)s–%(end)s in %(place)s)"),
    Shift.AU_HOURS: _(
        "Australian business hours (about %(start)s–%(end)s in %(place)s)"
    ),
}
# A time of day by the part of the day it falls in (Hindi and Filipino name the part
# where English says am or pm): (from hour, hours taken off, on the hour, with
# minutes), latest first; each placeholder's name tells the parts apart.
CLOCK = (
    (19, 12, gettext_noop("%(night)d pm"), gettext_noop("%(night)d:%(minute)02d pm")),
    (
        16,
        12,
        gettext_noop("%(evening)d pm"),
        gettext_noop("%(evening)d:%(minute)02d pm"),
    ),
    (
        12,
        12,
        gettext_noop("%(afternoon)d pm"),
        gettext_noop("%(afternoon)d:%(minute)02d pm"),
    ),
    (4, 0, gettext_noop("%(morning)d am"), gettext_noop("%(morning)d:%(minute)02d am")),
    (
        0,
        0,
        gettext_noop("%(small_hours)d am"),
        gettext_noop("%(small_hours)d:%(minute)02d am"),
    ),
)


def clock_time(minutes: int) -> str:
    """A time of day (minutes after midnight) as people say it: "9 pm", "7:30 pm"."""
    hour, minute = divmod(minutes % (24 * 60), 60)
    _first, taken, on_the_hour, with_minutes = next(c for c in CLOCK if hour >= c[0])
    part = on_the_hour[2 : on_the_hour.index(")")]  # its placeholder
    shown = (hour - taken) or 12
    if minute:
        return gettext(with_minutes) % {part: shown, "minute": minute}
    return gettext(on_the_hour) % {part: shown}


def shift_label(shift: str, country: str, day: date | None = None) -> str:
    """A shift as the person in `country` reads it: an offshore one in their own time
    on `day` (today), "US business hours (about 9 pm–6 am in the Philippines)"."""
    market = with_hours(MARKETS[country], day or timezone.localdate())
    local = market.local_hours(shift)
    if local is None or shift not in SHIFT_HOURS:
        return str(Shift(shift).label)
    start, end = local
    return str(SHIFT_HOURS[shift]) % {
        "start": clock_time(start),
        "end": clock_time(end),
        "place": Country(country).label,
    }


def shift_choices(country: str) -> list[tuple[str, str]]:
    return [(code, shift_label(code, country)) for code in Shift.values]
