"""The markets we serve, as data: what differs between India and the Philippines for
the engine (the languages that count as domestic, the school streams, the clock).

A role, a requirement, a qualification or an estimate names the markets it belongs to
(none named: every market); `Catalogue.in_market()` keeps what belongs to the person's.
Words shown only by the site (currency, dialling code, job boards) are in
careers/markets.py, beside their labels.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from careers.scoring.vocabulary import Country, Shift, Stream

if TYPE_CHECKING:
    from careers.scoring.profile import Catalogue, Role

# Where no country is known (answers and listings from before markets): most of our
# candidates are in India.
DEFAULT_COUNTRY = Country.INDIA

# A requirement's language "domestic": any language that counts as domestic in the
# person's market (Hindi or another Indian language; Filipino, Cebuano, Ilocano…).
DOMESTIC = "domestic"


@dataclass(frozen=True)
class Market:
    code: str  # a Country
    timezone: str  # IANA name
    domestic_languages: tuple[str, ...]
    streams: tuple[str, ...]  # the school streams (or strands) its schools offer
    # The offshore shifts in this market's time on some day: shift -> (start, end) in
    # minutes after midnight (see `with_hours`); empty until a day is chosen.
    hours: tuple[tuple[str, tuple[int, int]], ...] = field(default=())

    def local_hours(self, shift: str) -> tuple[int, int] | None:
        return dict(self.hours).get(shift)


MARKETS = {
    Country.INDIA: Market(
        code=Country.INDIA,
        timezone="Asia/Kolkata",
        # The languages of Indian domestic processes (the Eighth Schedule's largest).
        domestic_languages=(
            "hindi", "bengali", "marathi", "telugu", "tamil", "gujarati", "kannada",
            "malayalam", "punjabi", "urdu", "odia",
        ),
        streams=(Stream.SCIENCE, Stream.COMMERCE, Stream.ARTS, Stream.VOCATIONAL),
    ),
    Country.PHILIPPINES: Market(
        code=Country.PHILIPPINES,
        timezone="Asia/Manila",
        # Filipino and the largest regional languages local accounts serve.
        domestic_languages=(
            "tagalog", "cebuano", "ilocano", "hiligaynon", "waray", "kapampangan",
            "bikol",
        ),
        streams=(Stream.STEM, Stream.ABM, Stream.HUMSS, Stream.GAS, Stream.TVL),
    ),
}  # fmt: skip

# The client's business day that an offshore shift follows, in the client's own time.
CLIENT_HOURS = {
    Shift.US_HOURS: ("America/New_York", time(9), time(18)),
    Shift.UK_HOURS: ("Europe/London", time(9), time(18)),
    Shift.AU_HOURS: ("Australia/Sydney", time(9), time(18)),
}


def _minutes(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute


def with_hours(market: Market, day: date) -> Market:
    """The market with its offshore shifts in its own time on `day` (summer time moves
    them by an hour, so the site works them out for the day it advises)."""
    here = ZoneInfo(market.timezone)
    hours = []
    for shift, (zone, start, end) in CLIENT_HOURS.items():
        there = ZoneInfo(zone)
        begin = datetime.combine(day, start, there).astimezone(here)
        finish = (datetime.combine(day, end, there)).astimezone(here)
        if finish <= begin:
            finish += timedelta(days=1)
        hours.append((shift, (_minutes(begin), _minutes(finish))))
    return replace(market, hours=tuple(hours))


def market_of(country: str) -> Market:
    return MARKETS[Country(country)]


# --- A catalogue as one market hires --------------------------------------------------


def belongs(markets: frozenset[str], country: str) -> bool:
    return not markets or country in markets


def in_market(catalogue: Catalogue, country: str) -> Catalogue:
    """The roles hired in `country`, each with the requirements asked there, the
    options that count there, the market's labels and estimates (Catalogue.in_market,
    which keeps the result)."""
    market = catalogue.markets[country]
    efforts = catalogue.market_efforts.get(country, catalogue.efforts)
    roles = tuple(
        role
        for role in (
            _role_in_market(role, market)
            for role in catalogue.roles
            if belongs(role.markets, country)
        )
        if role
    )
    return replace(
        catalogue,
        roles=roles,
        efforts=replace(efforts, market=market),
        market_efforts={},
        markets={country: market},
    )


def _role_in_market(role: Role, market: Market) -> Role | None:
    """The role as hired in `market`; None if it cannot be met there. A must-have
    that is not asked there, or accepts nothing there (another market's language or
    certificate), takes its way in with it, never leaving that way easier; a common
    must-have takes the role (the builder refuses such a role: spec_rules)."""
    kept, lost = [], set()
    for req in role.requirements:
        accepts = tuple(o for o in req.accepts if belongs(o.markets, market.code))
        if not belongs(req.markets, market.code) or (req.accepts and not accepts):
            if req.must and not req.way:
                return None
            if req.must:
                lost.add(req.way)
            continue
        label = dict(req.market_labels).get(market.code, req.label)
        if accepts != req.accepts or label != req.label or req.market_labels:
            req = replace(req, accepts=accepts, label=label, market_labels=())
        kept.append(req)
    requirements = tuple(r for r in kept if r.way not in lost)
    ways = {r.way for r in role.requirements if r.way}
    if ways and ways <= lost:
        return None
    return replace(role, requirements=requirements)
