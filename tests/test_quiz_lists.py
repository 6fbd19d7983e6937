"""Lists that fit the person (issue 34): the qualifications one could hold or be
studying, and the skills the roles within reach ask for first."""

import pytest
from pytest_django.asserts import assertContains

from tests.helpers import ANSWERS, HTMX, start, step_url

pytestmark = pytest.mark.django_db


# Lists that fit the person: the qualifications one could hold or be studying, and the
# skills the roles within reach ask for first.
FINANCE = {
    "cfa-charter": "CFA charterholder (Level III cleared)",
    "frm": "FRM (GARP)",
    "cpa": "US CPA",
    "ca": "Chartered Accountant (CA, ICAI)",
}
PH_STEP_1 = {**ANSWERS[1], "country": "PH", "languages_for": "PH", "lang_hindi": ""}


def quiz_at(client, step_1: dict, step_2: dict, number: int, extra: dict) -> str:
    """The page of step `number` after answering steps 1 and 2 (and 3 as "none")."""
    token = start(client)
    client.post(step_url(token, 1), step_1)
    client.post(step_url(token, 2), step_2)
    if number > 3:
        client.post(step_url(token, 3), {"none": "on"})
    return client.get(step_url(token, number), **extra).content.decode()


@pytest.mark.parametrize("extra", [{}, HTMX])
def test_a_tenth_pass_is_offered_what_is_open_after_the_10th_not_a_charter(
    client, extra
):
    page = quiz_at(client, ANSWERS[1], {"education": "10th", "stream": ""}, 3, extra)
    for slug, name in FINANCE.items():
        assert f'value="{slug}"' not in page
        assert name not in page
    assert "ca:foundation" not in page  # not as a course she is on, either
    assert 'value="comptia-a-plus"' in page
    assert 'value="diploma-engineering:year-1"' in page


def test_a_commerce_graduate_is_offered_the_finance_charters(client):
    page = quiz_at(
        client,
        ANSWERS[1],
        {"education": "bachelor", "field_of_study": "commerce"},
        3,
        {},
    )
    for slug, name in FINANCE.items():
        assert f'value="{slug}"' in page
        assert name in page


def test_a_12th_pass_may_be_on_the_way_to_the_ca_not_to_a_masters(client):
    page = quiz_at(
        client, ANSWERS[1], {"education": "12th", "stream": "commerce"}, 3, {}
    )
    assert 'value="ca:foundation"' in page
    assert 'value="ca"' in page  # the CA can be done straight after the 12th
    # Level I may be begun in a degree's last year; a master's follows a degree.
    assert 'value="cfa-level-1:registered"' in page
    assert 'value="cfa-level-1"' not in page
    assert 'value="mcom:year-1"' not in page
    assert 'value="cpa"' not in page


def test_a_tenth_pass_in_the_philippines_is_offered_tesda_not_a_charter(client):
    page = quiz_at(client, PH_STEP_1, {"education": "10th", "stream": ""}, 3, {})
    assert 'value="tesda-contact-center-nc2"' in page
    for slug in ("cfa-charter", "frm", "cpa", "ca", "cpa-ph"):
        assert f'value="{slug}"' not in page, slug


def test_lowering_education_below_a_held_charter_says_it_was_taken_out(client):
    token = start(client)
    client.post(step_url(token, 1), ANSWERS[1])
    client.post(
        step_url(token, 2), {"education": "bachelor", "field_of_study": "commerce"}
    )
    client.post(step_url(token, 3), {"qualifications": ["ca", "cpa"]})
    client.post(step_url(token, 2), {"education": "10th", "stream": ""})
    page = client.get(step_url(token, 3))
    assertContains(page, "We took some answers off this page.")
    assertContains(page, f"<li><strong>{FINANCE['ca']}</strong></li>")
    assertContains(page, f"<li><strong>{FINANCE['cpa']}</strong></li>")


def most_asked_for(page: str) -> str:
    return page[page.index("Most asked for") : page.index("More skills and tools")]


@pytest.mark.parametrize("extra", [{}, HTMX])
def test_a_commerce_12th_in_india_sees_tally_among_the_most_asked_for(client, extra):
    page = quiz_at(
        client, ANSWERS[1], {"education": "12th", "stream": "commerce"}, 4, extra
    )
    assert 'name="skill_tally"' in most_asked_for(page)
    assert 'name="skill_autocad"' not in most_asked_for(page)


def test_a_commerce_strand_in_the_philippines_is_never_offered_tally(client):
    page = quiz_at(client, PH_STEP_1, {"education": "12th", "stream": "abm"}, 4, {})
    assert 'name="skill_tally"' not in page
    assert 'name="skill_quickbooks"' in most_asked_for(page)


def test_a_skills_level_is_a_tap_on_a_short_word(client):
    page = quiz_at(client, ANSWERS[1], ANSWERS[2], 4, {})
    assert 'type="radio" name="skill_excel" value="advanced"' in page
    assert "Advanced –" not in page  # the level's meaning is in the step's introduction
