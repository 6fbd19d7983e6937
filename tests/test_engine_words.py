"""The engine's and the result's words (issue 34): headings that say what their roles
say, what a person told us said as they told it, lists as people write them, CEFR
levels explained, Hindi as a 12th-pass reader speaks it, and a line that only helps
never saying it is needed, in English, Hindi and Filipino."""

import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from careers.assessments.wording import reader
from careers.models import JobCategory
from careers.scoring import Verdict, profile_from_data, recommend
from careers.scoring.phrases import FIELD_PHRASES
from careers.scoring.text import Items, english
from careers.scoring.vocabulary import FieldOfStudy
from tests.helpers import by_slug, finish

PROFILES = Path(__file__).resolve().parent.parent / "fixtures" / "profiles"
EVERY_PROFILE = sorted(
    [*PROFILES.glob("*.json"), *(PROFILES / "counsellor").glob("*.json")]
)


def advise(catalogue, path: Path, **changes):
    data = json.loads(path.read_text(encoding="utf-8")) | changes
    return recommend(catalogue, profile_from_data(data))


def read_in(language: str, value) -> str:
    with translation.override(language):
        return reader()(value)


def lines(fit, must=None):
    """A fit's lines as the page shows them: (must, note, message)."""
    return [
        c.reason
        for c in fit.checks
        if c.kind != "way" and (must is None or c.must == must) and not c.refused
    ]


# --- 1. The close section says what its roles say -------------------------------------

MONTHS = re.compile(r"about (\d+)(?:–\d+)? (week|month|year)s?")


@pytest.mark.django_db
def test_the_close_section_says_at_the_quickest_as_its_ranges_begin(
    client,
):
    page = client.get(reverse("careers:result_detail", args=[finish(client)])).text
    section = page.split('id="close-title"', 1)[1].split("</section>", 1)[0]
    heading = section.split("</h2>", 1)[0]
    assert "Close: about three months or less at the quickest" in heading
    assert "About three months away or less" not in page
    assert "Three months or less (" not in page  # the old link's words, gone
    distances = re.findall(r'<span class="distance">([^<]*)</span>', section)
    assert distances  # the persona has close roles: each begins at 3 months or less
    for text in distances:
        number, unit = MONTHS.match(text).groups()
        assert unit == "week" or (unit == "month" and int(number) <= 3), text
    how = page.split('id="how-title"', 1)[1]
    assert "about three months or less at the quickest" in how


def test_every_close_role_of_every_profile_begins_at_three_months_or_less(catalogue):
    for path in EVERY_PROFILE:
        for fit in advise(catalogue, path).fits:
            if fit.verdict == Verdict.CLOSE:
                number, unit = MONTHS.match(english(fit.distance.text)).groups()
                assert unit == "week" or int(number) <= 3, (path.name, fit.role.slug)


# --- 2. What a person said, as they said it -------------------------------------------


def test_a_shift_not_ticked_is_said_as_not_chosen_beside_what_was(catalogue):
    path = PROFILES / "twelfth-commerce-day-only.json"
    fit = by_slug(advise(catalogue, path, shifts=["day"]))[
        "voice-customer-support-associate"
    ]
    assert fit.verdict == Verdict.DOES_NOT_FIT
    shift = next(c for c in fit.checks if c.kind == "shift")
    said = english(shift.reason)
    assert ", which you did not choose; you said you can work day shifts." in said
    assert "cannot" not in said
    assert "जो आपने नहीं चुना" in read_in("hi", shift.reason)
    assert "na hindi mo pinili" in read_in("fil", shift.reason)


def test_no_line_says_someone_cannot_do_what_they_only_did_not_tick(catalogue):
    for path in EVERY_PROFILE:
        result = advise(catalogue, path)
        profile = profile_from_data(json.loads(path.read_text(encoding="utf-8")))
        for fit in result.fits:
            for check in fit.checks:
                said = english(check.reason)
                assert "cannot" not in said, (path.name, said)
                assert "you have not used it" not in said, (path.name, said)
                assert "you still need" not in said, (path.name, said)
                if "can't" in said:  # only from what they ticked about their needs
                    assert profile.no_voice, (path.name, said)
    office = advise(
        catalogue,
        PROFILES / "twelfth-commerce-day-only.json",
        commute="office",
        near_city=False,
    )
    where = next(
        english(c.reason) for f in office.fits for c in f.checks if c.kind == "setting"
    )
    assert where.endswith(
        "you chose an office in your own city and did not tick that you live near "
        "one of them."
    )


# --- 3. Lists as people write them ----------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "commerce, accounting, finance, economics, business or management"),
        ("hi", "कॉमर्स, अकाउंटिंग, फ़ाइनेंस, अर्थशास्त्र, बिज़नेस या मैनेजमेंट"),
        ("fil", "commerce, accounting, finance, economics, business o management"),
    ],
)
def test_lists_of_choices_read_as_one_list_in_each_language(language, expected):
    fields = Items(
        tuple(
            FIELD_PHRASES[f]
            for f in (
                FieldOfStudy.COMMERCE,
                FieldOfStudy.ECONOMICS,
                FieldOfStudy.BUSINESS,
            )
        )
    )
    assert read_in(language, fields) == expected


def test_no_sentence_joins_a_list_with_or_twice_or_says_making_twice(catalogue):
    kinds = {"field_of_study", "skill", "experience_years", "shift"}
    for path in EVERY_PROFILE:
        result = advise(catalogue, path)
        checks = [c for f in result.fits for c in f.checks]
        for check in checks:
            text = english(check.reason)
            # "A or B or C": a list of choices reads "A, B or C"; a name keeps the
            # choices it names in brackets ("Spreadsheets (Microsoft Excel, …)").
            outside = re.sub(r"\([^)]*\)", "", text).replace(" or better", "")
            if check.kind in kinds:
                assert outside.count(" or ") <= 1, (path.name, text)
            assert "of your own" not in text, text
            assert "you wrote" not in text, text
    teacher = by_slug(advise(catalogue, PROFILES / "ba-english-writer.json"))
    steps = [
        english(c.step.text)
        for fit in teacher.values()
        for c in fit.checks
        if c.kind == "portfolio" and c.step
    ]
    assert "Make samples of lessons or training material" in steps


# --- 4. CEFR levels say what they mean -------------------------------------------------


@pytest.mark.django_db
def test_a_result_says_what_each_english_level_means(client):
    page = client.get(reverse("careers:result_detail", args=[finish(client)])).text
    # The persona writes at B2 and speaks at C1; roles ask for B1 to C1.
    assert "B2 (can write clear replies to customers&#x27; emails and chats)" in page
    assert "B1 (can take a simple phone call)" in page
    bare = re.findall(r"(?:English|at) [ABC][12](?! \()", page)
    assert bare == []


# --- 5. Hindi as a 12th-pass reader speaks it; a line that helps is not required -------


@pytest.mark.django_db
def test_hindi_of_real_profiles_reads_plainly_and_agrees_with_the_count(catalogue):
    result = advise(catalogue, PROFILES / "tenth-pass-a2-english.json")
    paths = [read_in("hi", p.sentence) for p in result.paths]
    one = [
        p for p, path in zip(paths, result.paths, strict=True) if len(path.opens) == 1
    ]
    more = [
        p for p, path in zip(paths, result.paths, strict=True) if len(path.opens) > 1
    ]
    assert one
    assert more
    assert all(p.endswith("खुलता है।") for p in one), one
    assert all(p.endswith("खुलते हैं।") for p in more), more
    assert any("इससे डेस्कटॉप पब्लिशिंग (DTP) ऑपरेटर खुलता है।" in p for p in paths), paths
    words = " ".join(
        read_in("hi", c.reason) for f in result.fits for c in f.checks
    ) + " ".join(paths)
    assert "लिखित अंग्रेज़ी" in words
    assert "लिखी जाने वाली" not in words
    assert "बोली गई अंग्रेज़ी" not in words


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "required"),
    [
        ("en", ("needed", "needs", "required", "must", "asked for")),
        ("hi", ("ज़रूरी", "चाहिए", "आवश्यक", "माँगा")),
        ("fil", ("kailangan", "hinihingi")),
    ],
)
def test_a_line_that_only_helps_never_says_it_is_needed(catalogue, language, required):
    names = ("tenth-pass-a2-english", "ba-english-writer", "bcom-cfa-level-1")
    for name in (*names, "counsellor/tesda-contact-center-nc2-naga"):
        for fit in advise(catalogue, PROFILES / f"{name}.json").fits:
            for reason in lines(fit, must=False):
                text = read_in(language, reason).lower()
                assert not any(word in text for word in required), (name, text)


# --- 6. recommend --lang hi names each kind of work in Hindi ---------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("country", ["IN", "PH"])
def test_recommend_in_hindi_names_every_kind_of_work_in_hindi(capsys, country):
    profile = str(PROFILES / "twelfth-commerce-day-only.json")
    call_command("recommend", profile, "--lang", "hi", "--country", country)
    out = capsys.readouterr().out
    with translation.override("hi"):
        hindi = {c.slug: c.name for c in JobCategory.objects.all()}
    english_names = dict(JobCategory.objects.values_list("slug", "name_en"))
    heads = re.findall(r"^\d+\. .* \((?:BPO|KPO), (.+?)\): ", out, re.MULTILINE)
    assert heads
    assert set(heads) <= set(hindi.values())
    for slug, name in english_names.items():
        assert f", {slug})" not in out
        assert f", {name})" not in out


@pytest.mark.django_db
def test_the_chart_says_what_its_levels_of_english_mean(client):
    page = client.get(reverse("careers:result_detail", args=[finish(client)])).text
    chart = page.split('id="chart-title"', 1)[1].split("</section>", 1)[0]
    # The bars have room for "B1" alone: what it means is said under them.
    assert "Spoken English: " in chart
    assert "B2 (can handle a customer&#x27;s complaint on the phone)" in chart
    assert "Written English: " in chart
    assert "B2 (can write clear replies to customers&#x27; emails and chats)" in chart
