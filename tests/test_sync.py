"""`sync_catalogue` (run by `make run` and on deploy) never undoes an editor's change."""

import copy
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from careers.catalogue.build import FIXTURE_PATH
from careers.catalogue.sync import sync_catalogue
from careers.models import Qualification, Requirement, Role, StepEstimate

pytestmark = pytest.mark.django_db

FIXTURE = json.loads(FIXTURE_PATH.read_text(encoding="utf-8"))
# A sync reads every row it is given (seconds for the whole fixture), and rows a fixture
# does not hold are never touched: most tests give it two roles, their requirements and
# the step estimates, the rest of the catalogue being already loaded.
ROLES = {"medical-coder", "data-entry-operator"}
PART = [
    o
    for o in FIXTURE
    if (o["model"] == "careers.role" and o["fields"]["slug"] in ROLES)
    or (o["model"] == "careers.requirement" and o["fields"]["role"][0] in ROLES)
    or o["model"] == "careers.stepestimate"
]


@pytest.fixture
def part(tmp_path) -> str:
    path = tmp_path / "part.json"
    path.write_text(json.dumps(PART), encoding="utf-8")
    return str(path)


def sync(*args: str) -> str:
    out = StringIO()
    call_command("sync_catalogue", *args, stdout=out)
    return out.getvalue()


def test_the_whole_fixture_syncs_onto_a_loaded_catalogue_as_up_to_date():
    expected = f"0 added, 0 updated, 0 replaced, {len(FIXTURE)} up to date."
    assert expected in sync()


def with_title(slug: str, title: str) -> list[dict]:
    """The fixture as a later release might ship it: one role renamed."""
    objects = copy.deepcopy(PART)
    [role] = [
        o
        for o in objects
        if o["model"] == "careers.role" and o["fields"]["slug"] == slug
    ]
    # The English is the original column and its own (careers/translation.py).
    role["fields"]["title"] = role["fields"]["title_en"] = title
    return objects


def test_sync_keeps_editors_changes_and_deletions_until_forced(part):
    def sync_part(*args: str) -> str:
        return sync("--path", part, *args)

    sync_part()
    expected = f"0 added, 0 updated, 0 replaced, {len(PART)} up to date."
    assert expected in sync_part()  # a second sync changes nothing
    role = Role.objects.get(slug="medical-coder")
    role.title = "Medical coder (CPC)"
    role.save()
    requirement = Requirement.objects.get(role=role, code="coding-certificate")
    requirement.qualifications.add(Qualification.objects.get(slug="cpa"))
    Requirement.objects.get(role=role, code="spoken-english").delete()
    out = sync_part()
    assert Role.objects.get(slug="medical-coder").title == "Medical coder (CPC)"
    assert requirement.qualifications.filter(slug="cpa").exists()
    assert 'role medical-coder: title is "Medical coder (CPC)" here' in out
    assert "requirement medical-coder / coding-certificate: qualifications" in out
    assert "editors deleted: requirement medical-coder / spoken-english" in out
    assert not Requirement.objects.filter(role=role, code="spoken-english").exists()
    assert "--force" in out
    # --dry-run says what --force would do and writes nothing; --force does it.
    assert "1 would be added, 0 would be updated, 2 would be replaced" in sync_part(
        "--force", "--dry-run"
    )
    assert Role.objects.get(slug="medical-coder").title == "Medical coder (CPC)"
    assert "1 added, 0 updated, 2 replaced" in sync_part("--force")
    assert Role.objects.get(slug="medical-coder").title == "Medical coder"
    assert Requirement.objects.filter(role=role, code="spoken-english").exists()
    assert not requirement.qualifications.filter(slug="cpa").exists()


def test_a_new_fixture_updates_rows_nobody_edited_and_keeps_edited_ones():
    sync_catalogue(PART)
    role = Role.objects.get(slug="data-entry-operator")
    role.title = "Data entry (edited)"
    role.save()
    objects = with_title("medical-coder", "Clinical coder")
    [entry] = [o for o in objects if o["fields"].get("slug") == "data-entry-operator"]
    entry["fields"]["title"] = entry["fields"]["title_en"] = "Data entry clerk"
    report = sync_catalogue(objects)
    assert report.updated == ["role medical-coder"]
    assert Role.objects.get(slug="medical-coder").title == "Clinical coder"
    assert [k.label for k in report.kept] == ["role data-entry-operator"]
    assert Role.objects.get(slug="data-entry-operator").title == "Data entry (edited)"


def test_rows_changed_before_the_first_sync_count_as_edited(part):
    # A database loaded with `loaddata` before sync existed, then edited in the admin.
    Role.objects.filter(slug="medical-coder").update(title="Edited before")
    out = sync("--path", part)
    assert "role medical-coder: title" in out
    assert Role.objects.get(slug="medical-coder").title == "Edited before"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "not a JSON fixture"),
        ('{"a": 1}', "a fixture is a JSON list of objects"),
        ('[{"model": "careers.nope", "fields": {}}]', "Invalid model identifier"),
        ('[{"model": "careers.role", "fields": {}}]', "(?i)null"),
    ],
)
def test_a_bad_fixture_is_refused_naming_the_option_and_saves_nothing(
    tmp_path, content, message
):
    path = tmp_path / "bad.json"
    path.write_text(content)
    roles = Role.objects.count()
    with pytest.raises(CommandError, match=message) as error:
        sync("--path", str(path))
    assert str(error.value).startswith("--path ")
    assert Role.objects.count() == roles


def test_a_markets_own_estimate_is_a_row_beside_the_general_one(part):
    sync("--path", part)
    twelfth = StepEstimate.objects.filter(code="education-12th")
    assert sorted(twelfth.values_list("market", flat=True)) == ["", "PH"]
    # An editor's change to the Philippines' estimate leaves India's to the fixture.
    philippine = twelfth.get(market="PH")
    philippine.weeks_high = 78
    philippine.save()
    out = sync("--path", part)
    assert "stepestimate education-12th / PH: weeks_high is 78 here" in out
    assert StepEstimate.objects.get(code="education-12th", market="PH").weeks_high == 78
    assert StepEstimate.objects.by_code("PH")["education-12th"].weeks_high == 78
    assert "NIOS" in StepEstimate.objects.by_code("IN")["education-12th"].effort_reason


def test_rows_loaded_before_they_named_markets_are_still_the_fixtures_to_update():
    # The catalogue as a release before issue 33 shipped it: no markets, no estimate
    # per market (its key was the code alone: migration 0027 rewrites the records).
    before = [
        {**o, "fields": {k: v for k, v in o["fields"].items() if k != "markets"}}
        for o in with_title("medical-coder", "Medical coder (old)")
        if o["fields"].get("market", "") == ""
    ]
    for o in before:
        o["fields"].pop("market", None)
    sync_catalogue(before, force=True)
    report = sync_catalogue(PART)
    assert not report.kept
    assert "role medical-coder" in report.updated
    assert Role.objects.get(slug="medical-coder").markets == "IN,PH"
