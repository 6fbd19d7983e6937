"""Each market's advice names only its own market (issue 33): no role hired elsewhere, no
language of the other market to learn, no other country's schools, money, job boards or
clock, in English or in the person's language."""

import re
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import translation
from hypothesis import given, settings

from careers.assessments.wording import reader
from careers.catalogue.models import scoring_catalogue
from careers.choices import Language
from careers.management.commands.recommend import read_profile_file
from careers.markets import DOMESTIC_NAMES
from careers.scoring import Verdict, profile_from_data, recommend
from careers.scoring.markets import MARKETS, belongs, with_hours
from careers.scoring.phrases import hours_phrase
from careers.scoring.stored import advice
from careers.scoring.text import english
from careers.scoring.vocabulary import Country, Shift
from tests.test_scoring_properties import profiles

# What names one market's specifics, as whole words (case as written): none of them is
# ever in the other market's result. A domestic language of a market is added below from
# careers.scoring.markets, as is its "Hindi or another Indian language".
INDIAN = (
    "India", "Indian", "Hindi", "NIOS", "12th standard", "10th standard", "the 12th",
    "₹", "INR", "Rs.", "Naukri", "NCS", "lakh", "lakhs", "crore", "CBSE", "ICSE", "Tally",
    "भारत", "भारतीय", "हिंदी",
)  # fmt: skip
# (Not "PHP": a programming language a role may ask for too; "₱" stands for the peso.)
PHILIPPINE = (
    "Philippines", "Philippine", "Tagalog", "Cebuano", "TESDA", "₱", "JobStreet",
    "PhilJobNet", "IBPAP", "DepEd", "Senior High", "Junior High", "ALS", "Pilipinas",
    "फ़िलीपींस", "फ़िलिपींस",
)  # fmt: skip
# Filipino is the name of the language and of the person in Filipino pages: it is an
# Indian result's specific only where the result asks to learn or use it.
PHILIPPINE_IN_STEPS = ("Filipino", "फ़िलिपिनो")
SPECIFICS = {Country.INDIA: INDIAN, Country.PHILIPPINES: PHILIPPINE}
OTHER = {Country.INDIA: Country.PHILIPPINES, Country.PHILIPPINES: Country.INDIA}
STEPS_ONLY = {Country.INDIA: PHILIPPINE_IN_STEPS, Country.PHILIPPINES: ()}
# The person's language besides English, by market.
LANGUAGE = {Country.INDIA: "hi", Country.PHILIPPINES: "fil"}
# Words of the person's language spelt as another market's specific: Filipino "hindi"
# is "not" (the English reading of the same result still looks for the language).
HOMOGRAPHS = {"fil": ("Hindi",)}


def words(*names: str) -> re.Pattern:
    return re.compile(
        "|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in sorted(names, key=len)[::-1])
    )


def language_names(country: str) -> tuple[str, ...]:
    """The names of a market's domestic languages ("Hindi", "Tagalog / Filipino"):
    each word of a label, so "Tagalog / Filipino" gives both."""
    labels = [str(Language(code).label) for code in MARKETS[country].domestic_languages]
    parts = {w for label in labels for w in re.split(r"\s*/\s*", label)}
    return (*sorted(parts), DOMESTIC_NAMES[country])


def lines(result):
    """Every sentence of a result with where it is: (place, message)."""
    for fit in result.fits:
        yield f"{fit.role.slug} title", fit.role.title
        for check in fit.checks:
            yield f"{fit.role.slug} {check.code}", check.reason
            if check.what is not None:
                yield f"{fit.role.slug} {check.code} way", check.what
            if check.step is not None:
                yield f"{fit.role.slug} {check.code} step", check.step.sentence
        for step in fit.plan:
            yield f"{fit.role.slug} plan", step.sentence
        said = advice(fit)
        if said is not None:
            yield f"{fit.role.slug} advice", said
    for number, path in enumerate(result.paths):
        yield f"path {number}", path.sentence
    yield "summary", result.summary


def steps(result):
    for fit in result.fits:
        for step in fit.plan:
            yield fit.role.slug, step.sentence
    for path in result.paths:
        for step in path.steps:
            yield "path", step.sentence


def found(pattern: re.Pattern, texts) -> list[str]:
    problems = []
    for where, text in texts:
        match = pattern.search(text)
        if match:
            problems.append(f"{where}: {match.group(0)!r} in {text!r}")
    return problems


# --- (a) Properties over generated profiles ----------------------------------------------


@pytest.mark.parametrize("country", [Country.INDIA, Country.PHILIPPINES])
def test_no_advice_names_the_other_markets_languages_or_roles(catalogue, country):
    # The other market's languages, and (in English) its schools, money and boards.
    other = words(*language_names(OTHER[country]), *SPECIFICS[OTHER[country]])
    hired_here = {r.slug for r in catalogue.roles if belongs(r.markets, country)}

    @settings(max_examples=40, deadline=None)
    @given(profile=profiles(catalogue).map(lambda p: replace(p, country=country)))
    def check(profile):
        result = recommend(catalogue, profile)
        assert {f.role.slug for f in result.fits} <= hired_here
        texts = [
            (where, english(text))
            for where, text in lines(result)
            if not where.endswith("title")
        ]
        open_roles = [
            (f.role.slug, f.role.title)
            for f in result.fits
            if f.verdict in (Verdict.ELIGIBLE, Verdict.CLOSE, Verdict.NOT_YET)
        ]
        problems = found(other, texts + open_roles)
        assert not problems, "\n".join(problems)

    check()


# --- (b) The whole result in English and the person's language ---------------------------


def persona_profiles(country: str) -> list:
    from careers.management.commands.personas import PERSONAS

    folders = (PERSONAS.parent, PERSONAS, PERSONAS / "holdout")
    paths = [p for folder in folders for p in sorted(folder.glob("*.json"))]
    made = [profile_from_data(read_profile_file(p)) for p in paths]
    return [p for p in made if p.country == country]


@pytest.mark.parametrize("country", [Country.INDIA, Country.PHILIPPINES])
def test_a_result_names_none_of_the_other_markets_specifics(catalogue, country):
    people = persona_profiles(country)
    assert people, country
    other = OTHER[country]
    specifics = (*SPECIFICS[other], *language_names(other))
    in_steps = words(*STEPS_ONLY[country]) if STEPS_ONLY[country] else None
    problems = []
    for profile in people:
        result = recommend(catalogue, profile)
        for language in ("en", LANGUAGE[country]):
            same = HOMOGRAPHS.get(language, ())
            anywhere = words(*(w for w in specifics if w not in same))
            with translation.override(language):
                read = reader()
                texts = [(w, read(t)) for w, t in lines(result)]
                problems += found(anywhere, texts)
                if in_steps is not None:
                    problems += found(
                        in_steps, [(w, read(t)) for w, t in steps(result)]
                    )
    assert not problems, "\n".join(sorted(set(problems)))


# --- (c) The offshore shifts in the person's own time -----------------------------------


PH, IN = Country.PHILIPPINES, Country.INDIA
US, UK, AU = Shift.US_HOURS, Shift.UK_HOURS, Shift.AU_HOURS
# (month, market, shift): the hours as said; New York, London and Sydney change their
# clocks, Manila and India do not.
HOURS = {
    (1, PH, US): "about 10 pm–7 am in the Philippines",
    (1, PH, UK): "about 5 pm–2 am in the Philippines",
    (1, PH, AU): "about 6 am–3 pm in the Philippines",
    (1, IN, US): "about 7:30 pm–4:30 am in India",
    (1, IN, UK): "about 2:30 pm–11:30 pm in India",
    (1, IN, AU): "about 3:30 am–12:30 pm in India",
    (7, PH, US): "about 9 pm–6 am in the Philippines",
    (7, PH, UK): "about 4 pm–1 am in the Philippines",
    (7, PH, AU): "about 7 am–4 pm in the Philippines",
    (7, IN, US): "about 6:30 pm–3:30 am in India",
    (7, IN, UK): "about 1:30 pm–10:30 pm in India",
    (7, IN, AU): "about 4:30 am–1:30 pm in India",
}


@pytest.mark.parametrize("month", [1, 7])
def test_offshore_hours_follow_the_clock_of_the_day(db, month):
    # Mid-month, mid-day in Manila: no clock change is near in any of the four zones.
    moment = datetime(2027, month, 15, 12, tzinfo=ZoneInfo("Asia/Manila"))
    with time_machine.travel(moment, tick=False):
        catalogue = scoring_catalogue()
    for (when, country, shift), hours in HOURS.items():
        if when != month:
            continue
        said = english(hours_phrase(catalogue.markets[country], shift))
        assert hours in said, (country, shift, said)
        market = with_hours(MARKETS[country], moment.date())
        assert said == english(hours_phrase(market, shift))


def test_the_shift_line_is_in_the_persons_own_time(catalogue):
    profile = replace(persona_profiles(Country.PHILIPPINES)[0], shifts=frozenset())
    result = recommend(catalogue, profile)
    reasons = [
        english(c.reason) for f in result.fits for c in f.checks if c.kind == "shift"
    ]
    assert reasons
    assert any("in the Philippines" in r for r in reasons)
    assert not any("India" in r for r in reasons)


def test_without_a_market_a_shift_names_no_country():
    said = english(hours_phrase(None, Shift.US_HOURS))
    assert not words(*INDIAN, *PHILIPPINE).search(said)
    assert said.startswith("US business hours")


@pytest.mark.parametrize("language", ["hi", "fil"])
def test_times_read_in_the_persons_language(db, language):
    market = with_hours(MARKETS[Country.PHILIPPINES], datetime(2027, 7, 15).date())
    with translation.override(language):
        said = reader()(hours_phrase(market, Shift.US_HOURS))
    assert " pm" not in said, said
    assert " am" not in said, said
