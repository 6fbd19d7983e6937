"""The listing workflow's rules that are not database-shaped: how long a listing stays
up, when reports hide one, what a moderator's decision covers, what a listing's fields
must say, and the words the admin and the import use for each."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING, NamedTuple

from django.core.exceptions import ValidationError
from django.utils import timezone

from careers.choices import Country, SalaryPeriod, TextLanguage, WalkInItem, WorkMode
from careers.listings.employers import Employer
from careers.markets import DEFAULT_COUNTRY, currency_of, money

if TYPE_CHECKING:
    from careers.listings.models import JobListing

# Approval and renewal keep a listing up this long; the admin's words say its days.
LISTING_LIFETIME = timedelta(days=30)
# A phone or WhatsApp number, with its country code ("+91 80 4000 1234") or as dialled
# inside the listing's country ("0917 123 4567"; links add the code: markets.DIALLING).
PHONE = re.compile(r"\+?\d[\d -]{7,18}\d")
PHONE_EXAMPLE = (
    "e.g. +63 917 123 4567, or 0917 123 4567 for a number in the listing's country"
)
# A city's older or other names, as recruiters write them: two names for one city would
# list it twice in a result's city filter and hide half its jobs from whoever chose one.
CITY_NAMES = {
    "bangalore": "Bengaluru",
    "bombay": "Mumbai",
    "madras": "Chennai",
    "calcutta": "Kolkata",
    "gurgaon": "Gurugram",
    "poona": "Pune",
    "new delhi": "Delhi",
    "mysore": "Mysuru",
    "baroda": "Vadodara",
    "trivandrum": "Thiruvananthapuram",
    "cochin": "Kochi",
    "vizag": "Visakhapatnam",
    "pondicherry": "Puducherry",
    "cebu city": "Cebu",
    "davao city": "Davao",
}


def city_of(location: str) -> str:
    """The city a place names, by its usual name ("Bangalore, Karnataka": "Bengaluru")."""
    name = " ".join(location.split(",")[0].split())
    return CITY_NAMES.get(name.casefold(), name)


# Reports queue a listing for a moderator at once; they take it off the site before a
# moderator has looked only on a stronger signal (README, "Recruiters and the admin"):
# unreviewed reports from this many different networks, the first and the last this far
# apart, and never a verified employer's listing. Three phones on mobile data reporting
# within minutes (a rival, or a scammer clearing the way) hide nothing.
REPORTS_TO_HIDE = 3
REPORTS_SPREAD = timedelta(hours=1)

# The description as its employer wrote it, by language: in one language or more. A page
# shows the one in its own language, else the first given here (marked as written in
# that language). The column names are django-modeltranslation's, the English one the
# original field; plain columns because a listing's text is its employer's, reviewed and
# linted in every language at once, never read through the page's language.
DESCRIPTIONS = {
    code: "description" if code == TextLanguage.ENGLISH else f"description_{code}"
    for code in TextLanguage.values
}
NO_DESCRIPTION = "Write the description in at least one language."

# What candidates read of a listing, and so what a moderator approves: a change to any of
# these (or to the languages it asks for) sends a waiting or live listing back to review,
# and a decision made on an earlier version of them is refused.
REVIEWED_FIELDS = (
    "title", "company", "role", "openings", *DESCRIPTIONS.values(), "min_education",
    "spoken_english", "written_english", "typing_wpm", "experience_min_years",
    "experience_max_years", "location", "work_mode", "shore", "shift", "salary_min",
    "salary_max", "salary_currency", "salary_period", "show_salary", "apply_email",
    "apply_phone", "apply_whatsapp", "apply_url", "how_to_apply", "walk_in_date",
    "walk_in_from", "walk_in_until", "walk_in_venue", "walk_in_bring",
    "applications_close",
)  # fmt: skip

# The recruiter's word, as the listing form and the import's confirm form ask for it.
NO_FEE_PLEDGE = "We never ask candidates for money"
PLEDGE_MISSING = f"Tick “{NO_FEE_PLEDGE}” to send it for review."
WALK_IN_PASSED = "The walk-in date has passed: give the date of a drive to come."
WALK_IN_OVER = (
    "Its walk-in drive is over: reject it, or ask the recruiter to change the date and "
    "send it again."
)


class StaleReview(ValidationError):
    """A decision made on a version of the listing that is no longer its text."""

    def __init__(self) -> None:
        super().__init__(
            "This listing changed after you opened it. Read it again below before you "
            "decide.",
            code="stale",
        )


def require_pledge(pledged: bool) -> None:
    """Nothing is sent for review without the recruiter's no-fee pledge."""
    if not pledged:
        raise ValidationError(PLEDGE_MISSING)


def settle_market(listing: JobListing) -> None:
    """A listing whose recruiter chose no country is in its employer's (the owner's,
    before it is sent for review; India without one), and pays in that country's
    currency unless it says which."""
    if not listing.country:
        employer = (
            listing.employer
            or Employer.objects.filter(recruiters__user_id=listing.owner_id).first()
        )
        listing.country = employer.country if employer else DEFAULT_COUNTRY
    if not listing.salary_currency.strip():
        listing.salary_currency = currency_of(listing.country).code


def check_salary(listing: JobListing) -> None:
    """The salary's range and currency: its country's (the database refuses a range
    upside down too); the currency is kept upper-cased."""
    low, high = listing.salary_min, listing.salary_max
    if low is not None and high is not None and low > high:
        raise ValidationError({"salary_max": "The maximum is below the minimum."})
    # Checked after upper-casing: "ﬀﬀﬀ" is three letters that become six.
    currency = listing.salary_currency.strip().upper()
    if not re.fullmatch("[A-Z]{3}", currency):
        raise ValidationError(
            {"salary_currency": "Use a 3-letter code such as INR or PHP."}
        )
    expected = currency_of(listing.country).code
    if currency != expected:
        raise ValidationError(
            {
                "salary_currency": f"This job is in {Country(listing.country).label}: "
                f"give its pay in {expected}, or change the country."
            }
        )
    listing.salary_currency = currency


def field_errors(listing: JobListing) -> dict[str, str]:
    """Each field's problem, by field name (the salary's are checked first and alone:
    check_salary)."""
    errors = {}
    low, high = listing.experience_min_years, listing.experience_max_years
    if low is not None and high is not None and low > high:
        errors["experience_max_years"] = "This is below the “from” years."
    if not any(text.strip() for _code, text in descriptions(listing)):
        errors["description"] = NO_DESCRIPTION
    return errors | walk_in_errors(listing) | apply_errors(listing)


class Description(NamedTuple):
    """A description as its employer wrote it, and the language they wrote it in."""

    language: str
    text: str

    @property
    def language_name(self) -> str:
        return TextLanguage(self.language).label


def descriptions(listing: JobListing) -> list[Description]:
    """Every description its employer wrote, in DESCRIPTIONS' order."""
    texts = (Description(code, getattr(listing, n)) for code, n in DESCRIPTIONS.items())
    return [each for each in texts if each.text and each.text.strip()]


def description_in(listing: JobListing, language: str) -> Description:
    """The description for a page in `language`: the employer's own text in it, else
    the first they wrote."""
    written = descriptions(listing) or [Description(TextLanguage.ENGLISH, "")]
    return next((each for each in written if each.language == language), written[0])


def walk_in_errors(listing: JobListing) -> dict[str, str]:
    errors = {}
    if listing.walk_in_date and not listing.walk_in_venue.strip():
        errors["walk_in_venue"] = "Say where the walk-in drive is."
    if listing.walk_in_venue.strip() and not listing.walk_in_date:
        errors["walk_in_date"] = "Give the date of the walk-in drive."
    start, end = listing.walk_in_from, listing.walk_in_until
    if start and end and start >= end:
        errors["walk_in_until"] = "The drive must end after it starts."
    # Against the day it was written, not today: a listing reviewed after its drive
    # must still validate (the moderator's form checks it too). A drive that has passed
    # is refused when the listing is saved or sent (walk_in_passed).
    created = listing.created_at
    written = timezone.localdate(created) if created else None
    if listing.walk_in_date and listing.walk_in_date < (
        written or timezone.localdate()
    ):
        errors["walk_in_date"] = (
            "The walk-in date is before this listing was written."
            if written
            else WALK_IN_PASSED
        )
    unknown = set(listing.walk_in_bring or []) - set(WalkInItem.values)
    if unknown:
        errors["walk_in_bring"] = f"Unknown items: {', '.join(sorted(unknown))}."
    return errors


def apply_errors(listing: JobListing) -> dict[str, str]:
    """At least one way to apply, and numbers a phone can dial."""
    errors = {}
    ways = (
        listing.apply_email,
        listing.apply_phone,
        listing.apply_whatsapp,
        listing.apply_url,
        listing.walk_in_date,
        listing.how_to_apply.strip(),
    )
    if not any(ways):
        errors["apply_email"] = (
            "Give at least one way to apply: an email, a phone number, a link "
            "or a walk-in drive."
        )
    for name in ("apply_phone", "apply_whatsapp"):
        number = getattr(listing, name)
        if number and not PHONE.fullmatch(number):
            errors[name] = f"Write a phone number, {PHONE_EXAMPLE}."
    return errors


def contact_text_of(listing: JobListing) -> str:
    """Every way to apply, as text the no-fee guard reads."""
    parts = [listing.how_to_apply]
    if listing.apply_email:
        parts.append(f"Email {listing.apply_email}")
    if listing.apply_phone:
        parts.append(f"Call {listing.apply_phone}")
    if listing.apply_whatsapp:
        parts.append(f"WhatsApp {listing.apply_whatsapp}")
    if listing.apply_url:
        parts.append(f"Apply at {listing.apply_url}")
    if listing.walk_in_date:
        parts.append(f"Walk-in drive at {listing.walk_in_venue}")
    return "\n".join(p for p in parts if p)


def pay_text(listing: JobListing) -> str:
    """A listing's pay in its currency as its country writes it: "₱18,000–22,000 per
    month", "₹2,40,000 per year"."""
    currency = listing.salary_currency or currency_of(listing.country).code
    amounts = [a for a in (listing.salary_min, listing.salary_max) if a is not None]
    span = "–".join(money(a, currency) for a in amounts)
    return f"{span} {SalaryPeriod(listing.salary_period).label}"


def pay_range(listings: Iterable[JobListing]) -> str:
    """What these listings pay, e.g. "₹18,000–₹30,000 per month", in their most common
    currency and period; "" when none shows its salary."""
    rows = [
        (x.salary_currency, x.salary_period, x.salary_min, x.salary_max)
        for x in listings
        if x.shows_salary
    ]
    if not rows:
        return ""
    (currency, period), _ = Counter(row[:2] for row in rows).most_common(1)[0]
    amounts = [
        amount
        for row in rows
        if row[:2] == (currency, period)
        for amount in row[2:]
        if amount is not None
    ]
    low, high = money(min(amounts), currency), money(max(amounts), currency)
    span = low if low == high else f"{low}–{high}"
    return f"{span} {SalaryPeriod(period).label}"


def listing_cities(listings: Iterable[JobListing]) -> list[str]:
    """The cities of the on-site and hybrid ones, once each (by their usual names), for
    a person to choose from."""
    places = {
        x.city.casefold(): x.city
        for x in listings
        if x.work_mode != WorkMode.REMOTE and x.city
    }
    return sorted(places.values(), key=str.casefold)


def in_city(listings: Iterable[JobListing], city: str) -> list[JobListing]:
    """Those in this city (by any of its names), and those done from home."""
    wanted = city_of(city).casefold()
    return [
        x
        for x in listings
        if x.work_mode == WorkMode.REMOTE or x.city.casefold() == wanted
    ]
