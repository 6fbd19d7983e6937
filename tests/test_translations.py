"""Every page in Hindi and Filipino: catalogues complete and faithful, and no English
sentence left in a translated page (names aside)."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from fontTools import ttLib as ttlib

from careers.models import JobCategory, Occupation, Role
from careers.sharing.cards import _face
from tests.factories import JobListingFactory
from tests.helpers import ANSWERS, NAMES, create_share, english_left, start

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}|</?\w+[^>]*>")


def catalogue(language: str):
    with (LOCALE / language / "LC_MESSAGES" / "django.po").open("rb") as handle:
        return read_po(handle)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_has_a_reviewed_translation_keeping_its_placeholders(language):
    problems = []
    for message in catalogue(language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        texts = (
            message.string if isinstance(message.string, tuple) else (message.string,)
        )
        if message.fuzzy or not all(texts):
            problems.append(f"untranslated or fuzzy: {ids[0]!r}")
            continue
        wanted = sorted(PLACEHOLDER.findall(ids[-1]))
        for text in texts:
            # A plural form may say the number in words ("one"), so leave %(n)d out.
            found = sorted(PLACEHOLDER.findall(text))
            if [p for p in found if p != "%(n)d"] != [
                p for p in wanted if p != "%(n)d"
            ]:
                problems.append(f"placeholders differ: {ids[0]!r} → {text!r}")
    assert problems == []


def test_the_check_finds_english_in_a_page():
    page = '<p lang="hi">आपका रिज़ल्ट: you can apply for these roles now</p>'
    assert english_left(page, "hi") == ["you can apply for these roles now"]
    assert (
        english_left('<p>Handa na <span lang="en">the English</span></p>', "fil") == []
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_candidates_pages_hold_no_english_sentence(client, language):
    # A listing with everything a recruiter can say but its own words (which are the
    # recruiter's, in the language they wrote in).
    listing = JobListingFactory(
        published=True,
        complete=True,
        title="Voice associate",
        description="ग्राहकों के कॉल।",
        walk_in_bring=["cv", "photo", "id", "certificates", "pen"],
    )
    listing.languages.create(language="hindi", level="B2")
    # The whole journey in the language: reverse() gives its /hi/ or /fil/ addresses.
    with translation.override(language):
        token = start(client)
        for number, answers in ANSWERS.items():
            client.post(reverse("careers:quiz_step", args=[token, number]), answers)
        shared = create_share(client, token).get_absolute_url()
        pages = [
            reverse("careers:home"),
            reverse("careers:category_list"),
            *(
                reverse("careers:category_detail", args=[slug])
                for slug in JobCategory.objects.values_list("slug", flat=True)
            ),
            *(
                reverse("careers:role_detail", args=[slug])
                for slug in Role.objects.values_list("slug", flat=True)
            ),
            reverse("careers:quiz_start"),
            *(reverse("careers:quiz_step", args=[token, n]) for n in range(1, 8)),
            reverse("careers:result_detail", args=[token]),
            reverse("careers:share_links", args=[token]),
            listing.get_absolute_url(),
            shared,
            f"/{language}/no-such-page/",
        ]
    # It opens in the language it was made in.
    assert shared.startswith(f"/{language}/s/")
    # O*NET's occupations are named in the sources of what a role asks ("Lawyers ×2").
    names = (*NAMES, *Occupation.objects.values_list("title", flat=True))
    for url in pages:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert f'<html lang="{language}">' in response.text, url
        assert english_left(response.text, language, names) == [], url


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "language"),
    [("hi-IN,hi;q=0.9,en;q=0.8", "hi"), ("fil-PH,fil;q=0.9", "fil"), ("", "en")],
)
def test_an_address_without_a_language_follows_the_browsers(client, accept, language):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE=accept)["Location"] == f"/{language}/"
    page = client.get(f"/{language}/")
    assert f'<html lang="{language}">' in page.text
    # The switcher and hreflang links name this page in every language.
    for code, _name in settings.LANGUAGES:
        assert f'hreflang="{code}" href="http://testserver/{code}/"' in page.text


@pytest.mark.django_db
def test_a_link_shared_before_there_were_languages_still_opens(client):
    token = start(client)
    for number, answers in ANSWERS.items():
        client.post(reverse("careers:quiz_step", args=[token, number]), answers)
    share = create_share(client, token)
    old = share.get_absolute_url().removeprefix("/en")  # /s/<token>/, as sent then
    page = client.get(old, HTTP_ACCEPT_LANGUAGE="hi", follow=True)
    assert page.redirect_chain[-1][0] == f"/hi{old}"
    assert "मेरे लिए कौन-सा BPO और KPO काम सही है" in page.text


def test_the_card_draws_each_script_in_a_font_that_has_it():
    face = _face(27)
    runs = face.runs("अभी Content moderator के लिए आवेदन")
    assert [font for _text, font in runs] == [
        face.devanagari,
        face.latin,
        face.devanagari,
    ]
    assert [text for text, _font in runs] == [
        "अभी ",
        "Content moderator ",
        "के लिए आवेदन",
    ]


def devanagari_written() -> set[str]:
    """Every Devanagari character our pages can show: messages, catalogue texts,
    templates, the language names and the demo listings."""
    root = Path(settings.BASE_DIR)
    files = [
        LOCALE / "hi" / "LC_MESSAGES" / "django.po",
        *(root / "fixtures" / "translations").glob("*"),
        *(root / "templates").rglob("*.html"),
        root / "fixtures" / "demo_listings.json",
    ]
    text = "".join(path.read_text(encoding="utf-8") for path in files)
    text += "".join(name for _code, name in settings.LANGUAGES)
    return {char for char in text if "\u0900" <= char <= "\u097f"}


def test_the_pages_devanagari_font_has_every_letter_we_write():
    fonts = Path(settings.BASE_DIR) / "static" / "fonts"
    whole = set(ttlib.TTFont(fonts / "NotoSansDevanagari-Regular.woff2").getBestCmap())
    assert sorted(c for c in devanagari_written() if ord(c) not in whole) == []
    # The switcher's small font: every Devanagari letter of the languages' names.
    small = set(
        ttlib.TTFont(fonts / "NotoSansDevanagari-HindiName.woff2").getBestCmap()
    )
    names = "".join(name for _code, name in settings.LANGUAGES)
    assert (
        sorted(c for c in names if "\u0900" <= c <= "\u097f" and ord(c) not in small)
        == []
    )
