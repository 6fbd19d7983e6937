"""The engine's phrases: how a sentence names a level, a field, a shift, an item of a
home set-up (messages, read in the reader's language when shown).

What a person in one market would not recognise is said in their market's words: the
tables by `Country` below (the school levels, the way back to school's end) and the
offshore shifts in their own time (`hours_phrase`), chosen by the person's market
(`Efforts.market`), never by naming a country in code."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careers.scoring.text import Items, Text, _, ngettext
from careers.scoring.vocabulary import (
    CEFRLevel,
    Country,
    EducationLevel,
    ExperienceDomain,
    FieldOfStudy,
    HomeItem,
    PortfolioKind,
    Shift,
    SkillLevel,
    Stream,
)

if TYPE_CHECKING:
    from careers.scoring.markets import Market

EDUCATION_PHRASES = {
    EducationLevel.SECONDARY: _("10th standard"),
    EducationLevel.HIGHER_SECONDARY: _("12th standard"),
    EducationLevel.SOME_COLLEGE: _("some college (no degree yet)"),
    EducationLevel.DIPLOMA: _("a diploma"),
    EducationLevel.BACHELOR: _("a bachelor's degree"),
    EducationLevel.MASTER: _("a master's degree"),
    EducationLevel.DOCTORATE: _("a doctorate"),
}
# The step to a degree in a field, by the level the role asks for.
DEGREE_IN = {
    EducationLevel.BACHELOR: _("A degree in %(names)s"),
    EducationLevel.MASTER: _("A master's degree in %(names)s"),
    EducationLevel.DOCTORATE: _("A doctorate in %(names)s"),
}
# The same, for someone who has not passed the 12th yet: it comes first.
DEGREE_AFTER_12TH = {
    EducationLevel.BACHELOR: _("Pass the 12th, then get a degree in %(names)s"),
    EducationLevel.MASTER: _(
        "Pass the 12th, then get a bachelor's and a master's degree in %(names)s"
    ),
    EducationLevel.DOCTORATE: _(
        "Pass the 12th, then get a bachelor's, a master's and a doctorate in %(names)s"
    ),
}
# What a step to school's end says, where a market's schools differ from the tables
# above (the Indian ones, which stay the words when no market is known).
FINISH_SCHOOL = _("Pass the 12th, for example through NIOS at your own pace")
SCHOOL_STREAM = _("Your 12th %(stream)s stream is the background it looks for.")
MARKET_EDUCATION_PHRASES = {
    Country.PHILIPPINES: {
        EducationLevel.SECONDARY: _("Grade 10 (Junior High School)"),
        EducationLevel.HIGHER_SECONDARY: _("Senior High School (Grade 12)"),
    },
}
MARKET_DEGREE_AFTER_12TH = {
    Country.PHILIPPINES: {
        EducationLevel.BACHELOR: _(
            "Finish Senior High School (or pass the ALS A&E test), then get a degree "
            "in %(names)s"
        ),
        EducationLevel.MASTER: _(
            "Finish Senior High School (or pass the ALS A&E test), then get a "
            "bachelor's and a master's degree in %(names)s"
        ),
        EducationLevel.DOCTORATE: _(
            "Finish Senior High School (or pass the ALS A&E test), then get a "
            "bachelor's, a master's and a doctorate in %(names)s"
        ),
    },
}
MARKET_FINISH_SCHOOL = {
    Country.PHILIPPINES: _(
        "Finish Senior High School, or pass the ALS A&E test at your own pace"
    ),
}
MARKET_SCHOOL_STREAM = {
    Country.PHILIPPINES: _(
        "Your Senior High %(stream)s strand is the background it looks for."
    ),
}
STREAM_NAMES = {
    Stream.SCIENCE: _("science"),
    Stream.COMMERCE: _("commerce"),
    Stream.ARTS: _("arts"),
    Stream.VOCATIONAL: _("vocational"),
    Stream.STEM: _("STEM"),
    Stream.ABM: _("ABM"),
    Stream.HUMSS: _("HUMSS"),
    Stream.GAS: _("GAS"),
    Stream.TVL: _("TVL"),
}
HOME_PHRASES = {
    HomeItem.INTERNET: _("a steady internet connection"),
    HomeItem.POWER_BACKUP: _("power backup (a UPS, inverter or generator)"),
    HomeItem.QUIET_PLACE: _("a quiet place to work"),
}


def home_reason(items: Items, must: bool, missing: int = 0) -> Text:
    """What a home set-up line says: what it needs (or, where working from home only
    helps, what helps), and what the person did not tick, never that they lack it."""
    if not missing:
        if must:
            return _("You have what working from home needs: %(items)s.", items=items)
        return _("You have what helps when working from home: %(items)s.", items=items)
    if must:
        return ngettext(
            "Working from home needs %(items)s; you did not say you have it.",
            "Working from home needs %(items)s; you did not say you have them.",
            missing,
            items=items,
        )
    return ngettext(
        "Working from home goes better with %(items)s; you did not say you have it.",
        "Working from home goes better with %(items)s; you did not say you have them.",
        missing,
        items=items,
    )


# A shift as said to someone whose market (and so whose clock) is not known: no country.
SHIFT_PHRASES = {
    Shift.DAY: _("day shifts"),
    Shift.UK_HOURS: _("UK business hours (the afternoon and evening in Asia)"),
    Shift.US_HOURS: _("US business hours (the night in Asia)"),
    Shift.AU_HOURS: _("Australian business hours (the early morning in Asia)"),
    Shift.ROTATIONAL: _("rotational shifts"),
}
# An offshore shift in the person's own time (see `hours_phrase`).
HOURS_IN = {
    Shift.UK_HOURS: _("UK business hours (about %(start)s–%(end)s in %(place)s)"),
    Shift.US_HOURS: _("US business hours (about %(start)s–%(end)s in %(place)s)"),
    Shift.AU_HOURS: _(
        "Australian business hours (about %(start)s–%(end)s in %(place)s)"
    ),
}
# A country as "in %(place)s" names it.
PLACE_NAMES = {
    Country.INDIA: _("India"),
    Country.PHILIPPINES: _("the Philippines"),
}
# A time of day by the part of the day it falls in: Hindi and Filipino name the part
# ("रात 9 बजे", "9 ng gabi") where English says am or pm, so each part is its own
# message, told apart by its placeholder, the part's name. (From hour, the part, hours
# taken off, on the hour, with minutes), latest first.
CLOCK = (
    (19, "night", 12, _("%(night)d pm"), _("%(night)d:%(minute)02d pm")),
    (16, "evening", 12, _("%(evening)d pm"), _("%(evening)d:%(minute)02d pm")),
    (12, "afternoon", 12, _("%(afternoon)d pm"), _("%(afternoon)d:%(minute)02d pm")),
    (4, "morning", 0, _("%(morning)d am"), _("%(morning)d:%(minute)02d am")),
    (0, "small_hours", 0, _("%(small_hours)d am"),
     _("%(small_hours)d:%(minute)02d am")),
)  # fmt: skip
# Nouns that read in "Make …", "You have … to show" and "… asks for …" alike: "code
# you wrote" and "material of your own" said the making twice after "Make".
PORTFOLIO_PHRASES = {
    PortfolioKind.WRITING: _("writing samples"),
    PortfolioKind.DESIGN: _("a design portfolio"),
    PortfolioKind.CODE: _("code samples (a GitHub page or projects)"),
    PortfolioKind.TEACHING: _("samples of lessons or training material"),
}


# Fields of study and kinds of work experience as a sentence names them: each a list
# of choices, so that a requirement accepting several reads as one list ("commerce,
# accounting, finance or economics", careers.scoring.text.Items).
def _either(*phrases: Text) -> Items:
    return Items(phrases)


FIELD_PHRASES = {
    FieldOfStudy.ANY: _("any field"),
    FieldOfStudy.COMMERCE: _either(_("commerce"), _("accounting"), _("finance")),
    FieldOfStudy.ECONOMICS: _("economics"),
    FieldOfStudy.BUSINESS: _either(_("business"), _("management")),
    FieldOfStudy.LAW: _("law"),
    FieldOfStudy.STATISTICS: _either(_("statistics"), _("mathematics")),
    FieldOfStudy.COMPUTING: _either(_("computer science"), _("IT")),
    FieldOfStudy.ENGINEERING: _("engineering"),
    FieldOfStudy.LIFE_SCIENCES: _either(
        _("life sciences"), _("nursing"), _("pharmacy"), _("medicine")
    ),
    FieldOfStudy.HUMANITIES: _either(
        _("English"), _("journalism"), _("languages"), _("humanities")
    ),
    FieldOfStudy.SOCIAL_SCIENCES: _either(_("psychology"), _("social sciences")),
    FieldOfStudy.DESIGN: _either(_("design"), _("fine arts")),
    FieldOfStudy.EDUCATION: _("education (teaching)"),
}
DOMAIN_PHRASES = {
    ExperienceDomain.CUSTOMER_SERVICE: _either(
        _("customer service"), _("a call centre")
    ),
    ExperienceDomain.SALES: _either(_("sales"), _("telecalling")),
    ExperienceDomain.BACK_OFFICE: _either(_("data entry"), _("back office")),
    ExperienceDomain.FINANCE: _either(_("accounting"), _("finance"), _("banking")),
    ExperienceDomain.HEALTHCARE: _either(_("healthcare"), _("medical records")),
    ExperienceDomain.IT_SUPPORT: _either(_("IT"), _("technical support")),
    ExperienceDomain.ENGINEERING: _either(_("engineering"), _("drafting")),
    ExperienceDomain.HR: _either(_("HR"), _("recruitment")),
    ExperienceDomain.LEGAL: _("legal work"),
    ExperienceDomain.RESEARCH: _either(_("research"), _("data analysis")),
    ExperienceDomain.WRITING: _either(_("writing"), _("editing"), _("content")),
    ExperienceDomain.DESIGN: _("design"),
    ExperienceDomain.TEACHING: _either(_("teaching"), _("training")),
    ExperienceDomain.OTHER: _("other work"),
}
SKILL_LEVEL_NAMES = {
    SkillLevel.BASIC: _("basic"),
    SkillLevel.WORKING: _("working"),
    SkillLevel.ADVANCED: _("advanced"),
}
# "Your Excel is at a working level"; "Learn Excel to a working level".
AT_LEVEL = {
    "none": _("not used"),
    SkillLevel.BASIC: _("at a basic level"),
    SkillLevel.WORKING: _("at a working level"),
    SkillLevel.ADVANCED: _("at an advanced level"),
}
TO_LEVEL = {
    SkillLevel.BASIC: _("to a basic level"),
    SkillLevel.WORKING: _("to a working level"),
    SkillLevel.ADVANCED: _("to an advanced level"),
}


def clock_time(minutes: int) -> Text:
    """A time of day (minutes after midnight) as people say it: "9 pm", "7:30 pm"."""
    hour, minute = divmod(minutes % (24 * 60), 60)
    _from, part, taken, on_the_hour, with_minutes = next(
        c for c in CLOCK if hour >= c[0]
    )
    shown = (hour - taken) or 12
    if minute:
        return Text(with_minutes.msgid, ((part, shown), ("minute", minute)))
    return Text(on_the_hour.msgid, ((part, shown),))


def hours_phrase(market: Market | None, shift: str) -> Text:
    """A shift in the person's own time: "US business hours (about 9 pm–6 am in the
    Philippines)"; without a market (or its day's hours), or for a shift that keeps
    local hours, the phrase names no country."""
    local = market.local_hours(shift) if market is not None else None
    if local is None or shift not in HOURS_IN or market.code not in PLACE_NAMES:
        return SHIFT_PHRASES[shift]
    start, end = local
    values = {
        "start": clock_time(start),
        "end": clock_time(end),
        "place": PLACE_NAMES[market.code],
    }
    return Text(HOURS_IN[shift].msgid, tuple(values.items()))


def _code(market: Market | None) -> str:
    return market.code if market is not None else ""


def education_phrases(market: Market | None) -> dict[str, Text]:
    """The education levels as the person's market names them ("Grade 10 (Junior
    High School)" in the Philippines, "10th standard" in India)."""
    return {**EDUCATION_PHRASES, **MARKET_EDUCATION_PHRASES.get(_code(market), {})}


def degree_after_school(market: Market | None) -> dict[str, Text]:
    """The step to a degree for someone who has not finished school, in the market's
    words: "Pass the 12th, then…", "Finish Senior High School (or…), then…"."""
    return {**DEGREE_AFTER_12TH, **MARKET_DEGREE_AFTER_12TH.get(_code(market), {})}


def finish_school(market: Market | None) -> Text:
    """The step to the end of school, with the market's way for adults (NIOS, ALS)."""
    return MARKET_FINISH_SCHOOL.get(_code(market), FINISH_SCHOOL)


def school_stream(market: Market | None) -> Text:
    """'Your 12th … stream' / 'Your Senior High … strand' (needs %(stream)s)."""
    return MARKET_SCHOOL_STREAM.get(_code(market), SCHOOL_STREAM)


# What a CEFR level means, said beside it ("B1 (can take a simple phone call)"): the
# quiz's can-do sentences for work (careers/choices.py), cut to a few words. Other
# languages are spoken, so they read as spoken English does.
SPOKEN_CAN = {
    CEFRLevel.A1: _("can answer very simple questions"),
    CEFRLevel.A2: _("can handle short, routine exchanges"),
    CEFRLevel.B1: _("can take a simple phone call"),
    CEFRLevel.B2: _("can handle a customer's complaint on the phone"),
    CEFRLevel.C1: _("can speak fluently in meetings and calls"),
    CEFRLevel.C2: _("can negotiate on complex matters"),
}
WRITTEN_CAN = {
    CEFRLevel.A1: _("can fill in a form"),
    CEFRLevel.A2: _("can write short, simple notes"),
    CEFRLevel.B1: _("can write a simple work email"),
    CEFRLevel.B2: _("can write clear replies to customers' emails and chats"),
    CEFRLevel.C1: _("can write well-structured reports for a client"),
    CEFRLevel.C2: _("can write and edit complex, polished text"),
}


def level_phrase(level: str, written: bool = False) -> Text | str:
    """A CEFR level with what it means: "B1 (can take a simple phone call)"."""
    can = (WRITTEN_CAN if written else SPOKEN_CAN).get(level)
    if can is None:
        return level
    return _("%(level)s (%(can)s)", level=level, can=can)
