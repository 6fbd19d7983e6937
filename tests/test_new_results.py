"""The result page: GETs that write nothing but a due visit, one rule for what leads."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from careers import choices
from careers.assessments.profiles import SCHEMA_PATH
from careers.models import Assessment, Result
from careers.scoring import SKILL_LEVELS
from tests.helpers import answer_all, finish, start, step_url

pytestmark = pytest.mark.django_db

OLD_FORMAT = {
    "summary": "BPO fits you better today",
    "sectors": {"BPO": 90, "KPO": 40},
    "recommendations": [{"role": "data-entry-operator", "score": 100}],
}


def result_url(token: str) -> str:
    return reverse("careers:result_detail", args=[token])


def test_opening_a_result_of_an_earlier_engine_shows_it_scored_again_and_writes_nothing(
    client,
):
    token = finish(client)
    Result.objects.filter(assessment__token=token).update(recommendation=OLD_FORMAT)
    stored = Result.objects.values_list("recommendation", "updated_at").get()
    assertContains(client.get(result_url(token)), "BPO fits you best today")
    assert Result.objects.values_list("recommendation", "updated_at").get() == stored


def test_a_result_page_opened_again_the_same_day_writes_nothing(client):
    token = finish(client)
    client.get(result_url(token))
    visited = Result.objects.values_list("visited_at", flat=True).get()
    client.get(result_url(token))
    assert Result.objects.values_list("visited_at", flat=True).get() == visited


def test_a_revalidated_result_page_still_notes_a_visit_that_is_due(client):
    token = finish(client)
    etag = client.get(result_url(token))["ETag"]
    assert client.get(result_url(token), HTTP_IF_NONE_MATCH=etag).status_code == 304
    long_ago = timezone.now() - timedelta(days=200)
    Result.objects.update(visited_at=long_ago)
    page = client.get(result_url(token), HTTP_IF_NONE_MATCH=etag)
    assert page.status_code == 200
    assert Result.objects.values_list("visited_at", flat=True).get() > long_ago


def ranked(*verdicts: str) -> Result:
    items = [{"role": f"r{n}", "verdict": v} for n, v in enumerate(verdicts)]
    return Result(recommendation={"recommendations": items})


def roles(items: list[dict]) -> list[str]:
    return [item["role"] for item in items]


def test_the_best_open_or_close_roles_lead_when_one_is_open():
    result = ranked("eligible", "close", "close", "not_yet", "does_not_fit")
    assert roles(result.top_roles()) == ["r0", "r1", "r2"]
    assert roles(result.top_roles(2)) == ["r0", "r1"]
    assert result.sections()["nearest"] == []


def test_with_none_open_the_nearest_lead_the_page_the_chart_and_the_share_form():
    result = ranked("close", "not_yet", "not_yet", "not_yet", "does_not_fit")
    assert roles(result.top_roles()) == ["r0", "r1", "r2"]
    sections = result.sections()
    assert roles(sections["nearest"]) == ["r0", "r1", "r2"]
    assert sections["close"] == []
    assert roles(sections["later"]) == ["r3"]
    many_close = ranked(*["close"] * 6, "not_yet")
    assert roles(many_close.top_roles(12)) == [f"r{n}" for n in range(6)]
    assert len(many_close.sections()["nearest"]) == 3


def test_a_result_page_looks_its_assessment_up_by_token_once(client):
    token = finish(client)
    assert Assessment.objects.by_token(token).get().result
    assert client.get(result_url("A" * 32)).status_code == 404


def test_pages_that_compare_codes_show_what_they_did(client):
    home = client.get("/en/")
    assertContains(home, "and readiness for shifts. Most roles take 12th-pass")
    assertContains(home, "strong written English and sound judgement.")
    token = start(client)
    languages = client.get(step_url(token, 1))
    assertContains(languages, 'id="typing-check"')
    assertNotContains(languages, "skill-grid")
    answer_all(client, token, upto=3)
    skills = client.get(step_url(token, 4))
    assertContains(skills, 'class="skill-grid"')
    assertNotContains(skills, 'id="typing-check"')
    city_role = client.get("/en/roles/business-research-analyst/")
    assertContains(
        city_role, "mostly in the big outsourcing cities: Bengaluru, Chennai"
    )


def test_the_cli_profile_schema_offers_exactly_the_vocabularies_codes():
    schema = json.loads(SCHEMA_PATH.read_text())
    fields = schema["properties"]
    work = fields["experience"]["properties"]
    assert schema["$defs"]["cefr"]["enum"] == choices.CEFRLevel.values
    assert fields["education"]["enum"] == choices.EducationLevel.values
    assert fields["stream"]["enum"] == [None, *choices.Stream.values]
    assert fields["field_of_study"]["enum"] == [
        None,
        *(v for v in choices.FieldOfStudy.values if v != choices.FieldOfStudy.ANY),
    ]
    language = fields["other_languages"]["items"]["properties"]["language"]
    assert language["enum"] == choices.Language.values
    assert fields["portfolios"]["items"]["enum"] == choices.PortfolioKind.values
    assert fields["skills"]["additionalProperties"]["enum"] == list(SKILL_LEVELS)
    assert work["domains"]["items"]["enum"] == choices.ExperienceDomain.values
    assert fields["shifts"]["items"]["enum"] == choices.Shift.values
    assert fields["commute"]["enum"] == choices.Commute.values
