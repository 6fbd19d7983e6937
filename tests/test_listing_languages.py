"""A listing's description in the reader's language, or marked as the employer's
English (issue 34): employers may write it in English, Hindi or Filipino."""

import html
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation

from careers.choices import TextLanguage
from careers.listings.rules import DESCRIPTIONS
from careers.models import JobListing
from tests.factories import JobListingFactory
from tests.helpers import GENUINE

pytestmark = pytest.mark.django_db


# --- A description in the reader's language, or marked as the employer's --------------

HINDI_TEXT = (
    "अमेरिका के एक बैंक के ग्राहकों के फ़ोन अंग्रेज़ी में लें और उनके कार्ड और खाते की "
    "मदद करें। पहले चार हफ़्ते ट्रेनिंग होगी।"
)
FILIPINO_TEXT = "Sagutin ang tawag ng mga customer ng isang bangko sa Amerika."


def shown_description(page: str) -> str:
    """The description's block on a listing's page, with the note before it."""
    start = page.index("<h2>", page.index('class="facts"'))
    return page[start : page.index('class="listing-apply"')]


@pytest.mark.parametrize(
    ("language", "country", "note"),
    [
        ("hi", "IN", "यह कंपनी ने अंग्रेज़ी में लिखा है"),
        ("fil", "PH", "Isinulat ito ng kompanya sa Ingles"),
    ],
)
def test_an_english_description_is_marked_as_the_employers_english(
    client, language, country, note
):
    currency = {"IN": "INR", "PH": "PHP"}[country]
    listing = JobListingFactory(
        published=True, description=GENUINE, country=country, salary_currency=currency
    )
    with translation.override(language):
        url = listing.get_absolute_url()
        role_page = client.get(listing.role.get_absolute_url()).text
    block = shown_description(client.get(url).text)
    assert note in block
    assert f'<div class="prose" lang="en"><p>{GENUINE}' in html.unescape(block)
    # The card beside the role marks it too.
    assert note in role_page
    with translation.override("en"):
        english = client.get(listing.get_absolute_url()).text
    assert "by the employer" not in english
    assert 'lang="en"' not in shown_description(english)


def test_a_description_in_the_pages_language_is_shown_in_its_place(client):
    listing = JobListingFactory(
        published=True,
        description=GENUINE,
        description_hi=HINDI_TEXT,
        description_fil=FILIPINO_TEXT,
    )
    for language, text in [("hi", HINDI_TEXT), ("fil", FILIPINO_TEXT), ("en", GENUINE)]:
        with translation.override(language):
            page = html.unescape(client.get(listing.get_absolute_url()).text)
        block = shown_description(page)
        assert f'<div class="prose"><p>{text}' in block, language
        assert "lang=" not in block
        # Search engines read the page's text too.
        data = re.search(r'application/ld\+json"[^>]*>(.*?)</script>', page, re.S)
        assert text in json.loads(data.group(1))["description"]


def test_a_listing_written_only_in_hindi_says_so_on_other_pages(client):
    listing = JobListingFactory(
        published=True, description="", description_hi=HINDI_TEXT
    )
    for language, note in [
        ("en", "Written in Hindi by the employer"),
        ("fil", "Isinulat ito ng kompanya sa Hindi"),
    ]:
        with translation.override(language):
            block = shown_description(client.get(listing.get_absolute_url()).text)
        assert note in block
        assert f'<div class="prose" lang="hi"><p>{HINDI_TEXT}' in block
    with translation.override("hi"):
        block = shown_description(client.get(listing.get_absolute_url()).text)
    assert "लिखा है" not in block
    assert HINDI_TEXT in block


def test_a_listing_can_be_written_in_each_of_the_sites_languages(settings):
    assert TextLanguage.values == [code for code, _name in settings.LANGUAGES]
    assert set(DESCRIPTIONS.values()) <= {f.name for f in JobListing._meta.fields}


def test_a_listing_needs_a_description_in_one_language_at_least(recruiter):
    listing = JobListingFactory.build(owner=recruiter, description=" ")
    with pytest.raises(ValidationError) as refused:
        listing.full_clean()
    assert refused.value.message_dict["description"] == [
        "Write the description in at least one language."
    ]
    listing.description_fil = FILIPINO_TEXT
    listing.full_clean()


def test_the_demo_has_listings_written_in_hindi_and_in_filipino():
    call_command("seed_demo", verbosity=0)
    assert JobListing.objects.exclude(description_hi="").filter(country="IN").exists()
    assert JobListing.objects.exclude(description_fil="").filter(country="PH").exists()
