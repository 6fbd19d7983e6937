"""The markets we serve, as the site shows them: which catalogue rows belong to one, and
what a person there reads (their currency, dialling code, clock).

What the engine needs of a market (its domestic languages, school streams, time zone)
is in careers/scoring/markets.py; the codes are `Country` (careers/choices.py).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from django.views.decorators.cache import cache_control, cache_page
from django.views.decorators.http import condition

from careers.choices import Country, EducationLevel
from careers.scoring.markets import DEFAULT_COUNTRY, MARKETS
from careers.web.caching import PUBLIC_SECONDS, generation

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
LANGUAGE_COUNTRIES = {
    "fil": Country.PHILIPPINES,
    "tl": Country.PHILIPPINES,
    "hi": Country.INDIA,
}
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
        if primary in LANGUAGE_COUNTRIES:
            return LANGUAGE_COUNTRIES[primary]
    return DEFAULT_COUNTRY


# The country a person chose (a switch link, the quiz's answer, their result), kept so
# that the pages after it stay in their market: menus and breadcrumbs carry no
# ?country=, and a phone set to US English says nothing of the Philippines.
COUNTRY_COOKIE = "country"
COUNTRY_COOKIE_SECONDS = 365 * 24 * 60 * 60


def visitor_country(request) -> str:
    """Whose market a page is for: `?country=` where a link chose it, else the country
    this browser chose before (COUNTRY_COOKIE), else what the language and the
    browser say (country_from_headers)."""
    for chosen in (
        request.GET.get(COUNTRY_PARAMETER, ""),
        request.COOKIES.get(COUNTRY_COOKIE, ""),
    ):
        if chosen in Country.values:
            return chosen
    return country_from_headers(
        getattr(request, "LANGUAGE_CODE", ""),
        request.headers.get("Accept-Language", ""),
    )


# --- What a person in each market reads of a job -----------------------------------


def country_of(profile: dict | None) -> str:
    """The person's market in their profile data: answers given before the question
    was asked (issue 33) were all India's."""
    country = (profile or {}).get("country")
    return country if country in Country.values else DEFAULT_COUNTRY


# A level as people in a market know it, where it differs from the label above (the
# Philippines' K to 12 grades, the ALS equivalency test, TESDA courses); a level a
# market does not name here keeps its label.
EDUCATION_LABELS = {
    Country.PHILIPPINES: {
        EducationLevel.SECONDARY: _(
            "Grade 10 (Junior High School), or ALS A&E passed at JHS level"
        ),
        EducationLevel.HIGHER_SECONDARY: _(
            "Senior High School (Grade 12), or ALS A&E passed at SHS level"
        ),
        EducationLevel.SOME_COLLEGE: _("College level (some years, no degree yet)"),
        EducationLevel.DIPLOMA: _("Diploma or a 2-year vocational course (TESDA)"),
    },
}


def education_label(level: str, country: str) -> Promise | str:
    """An education level as people in `country` know it ("Senior High School…")."""
    return EDUCATION_LABELS.get(country, {}).get(level, EducationLevel(level).label)


def education_choices(country: str) -> list[tuple[str, Promise | str]]:
    """The education levels, named as people in `country` know them."""
    named = EDUCATION_LABELS.get(country, {})
    return [(code, named.get(code, label)) for code, label in EducationLevel.choices]


# The cities where most outsourcing offices are, in each market.
MARKET_CITIES = {
    Country.INDIA: _(
        "Bengaluru, Chennai, Delhi NCR, Hyderabad, Kolkata, Mumbai or Pune"
    ),
    Country.PHILIPPINES: _("Metro Manila, Cebu, Davao, Clark or Iloilo"),
}


@dataclass(frozen=True)
class Currency:
    code: str  # ISO 4217
    symbol: str
    # Digit groups from the right, the last repeated: (3,) writes 1,000,000; (3, 2)
    # the Indian 10,00,000.
    groups: tuple[int, ...] = (3,)

    def amount(self, value: int) -> str:
        """`value` grouped as people in the currency's country write it, no symbol."""
        digits, parts = str(value), []
        sizes = list(self.groups)
        while len(digits) > sizes[0]:
            parts.insert(0, digits[-sizes[0] :])
            digits = digits[: -sizes[0]]
            sizes = sizes[1:] or sizes
        return ",".join([digits, *parts])


# Each market's pay: a listing's pay is in its country's currency, never converted.
CURRENCIES = {
    Country.INDIA: Currency("INR", "₹", (3, 2)),
    Country.PHILIPPINES: Currency("PHP", "₱"),
}
# Each market's dialling code and the trunk prefix a number written for calls inside
# the country starts with ("0917 123 4567" in the Philippines is +63 917 123 4567).
DIALLING = {Country.INDIA: ("91", "0"), Country.PHILIPPINES: ("63", "0")}


def currency_of(country: str) -> Currency:
    return CURRENCIES[country or DEFAULT_COUNTRY]


def money(value: int, code: str) -> str:
    """An amount with its currency's symbol and grouping ("₹1,20,000", "₱120,000");
    a currency we do not know keeps its code ("USD 1,200")."""
    known = {c.code: c for c in CURRENCIES.values()}.get(code)
    if known is None:
        return f"{code} {value:,}"
    return f"{known.symbol}{known.amount(value)}"


def international(number: str, country: str) -> str:
    """A phone number as +<country code><digits>: as given where it starts with "+",
    else read as a number of `country`, its trunk prefix dropped."""
    digits = re.sub(r"\D", "", number)
    if number.strip().startswith("+"):
        return "+" + digits
    code, trunk = DIALLING[country or DEFAULT_COUNTRY]
    return f"+{code}{digits.removeprefix(trunk)}"


@dataclass(frozen=True)
class Board:
    name: str
    url: str
    what: str  # a message: what it is, for someone who has not heard of it


# Where else a person in each market can look for jobs: a government portal first.
MARKET_BOARDS = {
    Country.INDIA: (
        Board(
            "National Career Service",
            "https://www.ncs.gov.in/",
            gettext_noop("the Government of India's free job portal"),
        ),
        Board("Naukri", "https://www.naukri.com/", gettext_noop("a large job website")),
    ),
    Country.PHILIPPINES: (
        Board(
            "PhilJobNet",
            "https://philjobnet.gov.ph/",
            gettext_noop("DOLE's free job portal"),
        ),
        Board(
            "JobStreet",
            "https://www.jobstreet.com.ph/",
            gettext_noop("a large job website"),
        ),
    ),
}


@dataclass(frozen=True)
class Rule:
    text: str  # a message
    source: str  # a message: where the rule is written


# The law on fees for local jobs, quoted beside every listing in the country. The
# Philippines: DOLE's rules for private recruitment and placement agencies for local
# employment (D.O. 141-14, issued under Labor Code Articles 25 to 39) make charging
# fees to workers a prohibited act of illegal recruitment (read at
# https://jur.ph/law/facts/revised-rules-and-regulations-governing-recruitment-and-placement-for-local-employment).
NO_FEE_RULES = {
    Country.PHILIPPINES: Rule(
        gettext_noop(
            "DOLE's rule: an agency that finds you a job in the Philippines may not "
            "charge you any fee. Charging job seekers is illegal recruitment."
        ),
        gettext_noop(
            "DOLE Department Order No. 141, Series of 2014: rules for recruitment and "
            "placement for local employment"
        ),
    ),
}

# How many applicants entry call-centre work takes, as each market's industry bodies
# reported it: beside "eligible", which is not a job offer.
HIRING_NOTES = {
    # NASSCOM's Sunil Mehta, launching its BPO competence test (Reuters, via CIOL,
    # 2005): "only six to eight out of every 100 people who applied ... recruited".
    Country.INDIA: gettext_noop(
        "“Eligible” means you meet what employers usually ask for. It is not a job "
        "offer: even at large BPO companies, NASSCOM has said, about 6 to 8 in every "
        "100 applicants are hired (2005). Employers add their own checks, such as "
        "marks cut-offs, age limits and documents."
    ),
    Country.PHILIPPINES: gettext_noop(
        "“Eligible” means you meet what employers usually ask for. It is not a job "
        "offer: for entry call-centre jobs, industry bodies in the Philippines report "
        "that about 5 to 9 in every 100 applicants are hired (CCAP, 2009; IBPAP, "
        "2014). Employers add their own checks, such as age limits and documents."
    ),
}

# Where a person in each market reports someone who asked them for money.
REPORT_CHANNELS = {
    Country.INDIA: gettext_noop(
        "In India you can also call the cyber-crime helpline 1930, or report it at "
        "cybercrime.gov.in."
    ),
    Country.PHILIPPINES: gettext_noop(
        "In the Philippines you can also call the DOLE hotline 1349, or tell the DMW "
        "(Department of Migrant Workers) if the job is abroad."
    ),
}


def country_in_address(request) -> bool:
    """Whether the address alone says the page's country (`?country=`): else it
    follows the country chosen before (a cookie) and the browser's Accept-Language."""
    return request.GET.get(COUNTRY_PARAMETER, "") in Country.values


def remember_country(request, response: HttpResponse, country: str) -> HttpResponse:
    """Keep the country a person chose for the pages after this one."""
    if country in Country.values and request.COOKIES.get(COUNTRY_COOKIE) != country:
        response.set_cookie(
            COUNTRY_COOKIE,
            country,
            max_age=COUNTRY_COOKIE_SECONDS,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    return response


def _market_etag(request, *args, **kwargs) -> str:
    parts = [
        generation(),
        settings.RELEASE,
        request.get_full_path(),
        visitor_country(request),
    ]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def market_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A public page (as `public_page`: cached under the generation, public for a
    CDN's minute) that shows the visitor's market. Kept per country: Django's cache
    leaves Accept-Language out of its keys when translations are on (it keys by the
    page's language instead), so the country is in the key prefix; and Vary names
    Accept-Language where the address does not say the country, for browsers and
    CDNs. Its ETag names the country too, so a reload in another market is never a
    304."""

    def varied(inner: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(inner)
        def wrapped(request, *args, **kwargs) -> HttpResponse:
            response = inner(request, *args, **kwargs)
            if not country_in_address(request):
                patch_vary_headers(response, ["Accept-Language", "Cookie"])
            return response

        return wrapped

    @wraps(view)
    @cache_control(public=True)
    def cached(request, *args, **kwargs) -> HttpResponse:
        prefix = f"public-{generation()}-{visitor_country(request)}"
        page = cache_page(PUBLIC_SECONDS, cache="pages", key_prefix=prefix)
        return page(varied(view))(request, *args, **kwargs)

    # Outside the cache too, so that a 304 says what it varies by; a country chosen
    # by a link is kept for the next pages (never replayed from the cache to others:
    # those pages vary by Cookie).
    page = varied(condition(etag_func=_market_etag)(cached))

    @wraps(view)
    def chosen(request, *args, **kwargs) -> HttpResponse:
        response = page(request, *args, **kwargs)
        if country_in_address(request):
            remember_country(request, response, request.GET[COUNTRY_PARAMETER])
        return response

    return chosen
