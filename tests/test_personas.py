"""The counsellor's personas (issue 32): files, expectations and the `personas` scorer."""

import json
import shutil
import tomllib
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from jsonschema import Draft202012Validator

from careers.assessments.profiles import SCHEMA_PATH, check_profile
from careers.choices import Language
from careers.management.commands.personas import (
    HOLDOUT,
    PERSONAS,
    expectation_problem,
    load_expectations,
    persona_files,
    planned_roles,
    summary_sector,
)
from careers.management.commands.recommend import (
    catalogue_or_error,
    read_profile_file,
)
from careers.scoring import profile_from_data, recommend
from careers.scoring.markets import MARKETS
from careers.scoring.text import _, english

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = tomllib.loads((ROOT / "fixtures" / "catalogue.toml").read_text("utf-8"))
ROLES = {r["slug"] for c in CATALOGUE["category"] for r in c.get("role", [])}
QUALIFICATIONS = {
    q["slug"]: [s["code"] for s in q.get("stage", [])]
    for q in CATALOGUE["qualification"]
}
SKILLS = {s["slug"] for s in CATALOGUE["skill"]}
SETS = {"tuned": PERSONAS, "holdout": PERSONAS / HOLDOUT}
# The counsellor's "never in this market" (issue 33), by country code.
NEVER = tomllib.loads((PERSONAS / "markets.toml").read_text("utf-8"))
COUNTRY_NAMES = {"IN": "India", "PH": "Philippines"}  # as expected.toml names them


def every_file() -> list[Path]:
    return [path for folder in SETS.values() for path in persona_files(folder).values()]


@pytest.mark.parametrize("path", every_file(), ids=lambda p: p.stem)
def test_every_persona_file_is_a_valid_profile(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    errors = list(
        Draft202012Validator(json.loads(SCHEMA_PATH.read_text("utf-8"))).iter_errors(
            data
        )
    )
    assert not errors, [e.message for e in errors]
    check_profile(data, QUALIFICATIONS, SKILLS)  # the catalogue's slugs and stages


def test_there_are_enough_personas_and_a_third_are_held_out():
    tuned, holdout = (len(persona_files(folder)) for folder in SETS.values())
    assert tuned + holdout >= 36
    assert holdout >= 12
    assert holdout * 4 >= tuned + holdout  # about a third, at least a quarter


@pytest.mark.parametrize("name", SETS)
def test_every_persona_has_an_expectation_and_every_expectation_a_persona(name):
    folder = SETS[name]
    expectations = load_expectations(folder)
    assert set(expectations) == set(persona_files(folder))
    for persona, table in expectations.items():
        assert expectation_problem(table) == "", persona
        assert table["country"] in ("India", "Philippines"), persona
        assert table["why"].strip(), persona


def test_the_expectations_say_they_were_written_before_running_the_engine():
    for folder in SETS.values():
        header = (folder / "expected.toml").read_text("utf-8")[:800]
        assert "BEFORE the engine was run" in header
        assert "2026-12-07" in header


def test_both_countries_are_in_both_sets():
    for folder in SETS.values():
        countries = {t["country"] for t in load_expectations(folder).values()}
        assert countries == {"India", "Philippines"}


@pytest.mark.parametrize("name", SETS)
def test_every_expected_role_is_in_the_catalogue_or_planned(name):
    known = ROLES | set(planned_roles())
    for persona, table in load_expectations(SETS[name]).items():
        named = table["top"] + table.get("not_in_top5", [])
        assert not set(named) - known, persona


def test_a_planned_role_leaves_the_plan_once_it_is_in_the_catalogue():
    assert not set(planned_roles()) & ROLES


def test_the_tuned_and_hold_out_sets_do_not_overlap():
    tuned, holdout = (persona_files(folder) for folder in SETS.values())
    assert not set(tuned) & set(holdout)
    contents = [json.loads(p.read_text("utf-8")) for p in every_file()]
    distinct = {json.dumps(c, sort_keys=True) for c in contents}
    assert len(distinct) == len(contents)  # no persona copied under another name


def test_the_summary_sector_is_read_from_the_message():
    best = _("%(sector)s fits you best today: ...", sector="KPO")
    assert summary_sector(_("%(first)s %(second)s", first=best, second="x")) == "KPO"
    assert summary_sector(_("Nothing is open to you yet; ...")) == "nothing_open"
    assert summary_sector(_("Something else")) == ""


def test_an_expectation_with_a_mistake_is_named():
    table = {"top": ["a", "b", "c"], "verdicts": ["eligible"] * 3, "sector": "BPO"}
    assert expectation_problem(table) == ""
    assert "3 different roles" in expectation_problem({**table, "top": ["a", "a", "b"]})
    assert "verdicts" in expectation_problem({**table, "verdicts": ["open"] * 3})
    assert "sector" in expectation_problem({**table, "sector": "BPO and KPO"})
    both = {**table, "not_in_top5": ["a"]}
    assert "both" in expectation_problem(both)


@pytest.mark.django_db
def test_the_scorer_reports_both_sets_apart_and_exits_normally(capsys):
    call_command("personas", "--holdout")
    out = capsys.readouterr().out
    assert "== Tuned set:" in out
    assert "== Hold-out set:" in out
    for title in ("Tuned set", "Hold-out set"):
        line = next(x for x in out.splitlines() if x.startswith(f"{title}: "))
        assert "% agreement (" in line
        assert " expected top-three roles in the top three" in line
        assert "; sector " in line


@pytest.mark.django_db
def test_a_planned_role_counts_as_a_miss_and_is_named(tmp_path):
    shutil.copy(PERSONAS / "bcom-fresher-kolkata.json", tmp_path)
    table = load_expectations(PERSONAS)["bcom-fresher-kolkata"]
    table["top"] = ["accounts-payable-associate", "record-to-report-associate", "later"]
    (tmp_path / "expected.toml").write_text(
        "[bcom-fresher-kolkata]\n"
        + "\n".join(f"{key} = {json.dumps(value)}" for key, value in table.items()),
        encoding="utf-8",
    )
    (tmp_path / "planned-roles.toml").write_text(
        '[[role]]\nslug = "later"\ntitle = "A role not written yet"\n',
        encoding="utf-8",
    )
    out = StringIO()
    call_command("personas", "--dir", str(tmp_path), stdout=out)
    assert "planned, not in the catalogue: later" in out.getvalue()
    assert "1 expected roles not in the catalogue yet (later)" in out.getvalue()


@pytest.mark.django_db
def test_without_holdout_only_the_tuned_set_is_scored(capsys):
    call_command("personas")
    out = capsys.readouterr().out
    assert "Tuned set: " in out
    assert "Hold-out" not in out


@pytest.mark.django_db
def test_a_persona_without_an_expectation_is_an_error(tmp_path):
    shutil.copy(PERSONAS / "bcom-fresher-kolkata.json", tmp_path)
    shutil.copy(PERSONAS / "tenth-pass-bhopal.json", tmp_path)
    tables = load_expectations(PERSONAS)
    (tmp_path / "expected.toml").write_text(
        "[bcom-fresher-kolkata]\n"
        + "\n".join(
            f"{key} = {json.dumps(value)}"
            for key, value in tables["bcom-fresher-kolkata"].items()
        ),
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="tenth-pass-bhopal"):
        call_command("personas", "--dir", str(tmp_path))


# --- Issue 33: the Filipino personas, and each market's advice kept to its market ----------


def country_of(path: Path) -> str:
    """The profile's country code; profiles from before issue 33 are Indian."""
    return json.loads(path.read_text("utf-8")).get("country", "IN")


@pytest.mark.parametrize("name", SETS)
def test_every_expectation_names_its_profiles_country(name):
    expectations = load_expectations(SETS[name])
    for persona, path in persona_files(SETS[name]).items():
        assert expectations[persona]["country"] == COUNTRY_NAMES[country_of(path)]


def test_the_never_lists_cover_every_market_and_name_catalogue_roles():
    assert set(NEVER) == set(MARKETS) == set(COUNTRY_NAMES)
    known = ROLES | set(planned_roles())
    for country, table in NEVER.items():
        assert table["roles"], country
        assert not set(table["roles"]) - known, country


@pytest.mark.parametrize("name", SETS)
def test_no_expectation_names_a_role_its_market_never_hires(name):
    """The counsellor's two files agree: no persona expects a role of the other market."""
    files = persona_files(SETS[name])
    for persona, table in load_expectations(SETS[name]).items():
        never = set(NEVER[country_of(files[persona])]["roles"])
        assert not set(table["top"]) & never, persona


@pytest.mark.django_db
def test_each_country_is_scored_and_reported_apart_in_both_sets(capsys):
    call_command("personas", "--holdout")
    out = capsys.readouterr().out
    for title in ("Tuned set", "Hold-out set"):
        for country in COUNTRY_NAMES.values():
            line = next(
                x for x in out.splitlines() if x.startswith(f"{title}, {country}: ")
            )
            assert "% agreement (" in line
            assert "; sector " in line


def _shown_steps(advice) -> list:
    """Every step the result can show: each role's plan and tips, and the paths."""
    steps = [step for fit in advice.fits for step in fit.plan]
    steps += [c.step for fit in advice.fits for c in fit.checks if c.step]
    return steps + [step for path in advice.paths for step in path.steps]


@pytest.mark.django_db
@pytest.mark.parametrize("path", every_file(), ids=lambda p: p.stem)
def test_no_persona_is_advised_the_other_markets_domestic_work(path):
    """Acceptance (issue 33): a candidate in one market is never shown the other
    market's domestic roles (markets.toml) nor told to learn its languages. It fails
    until the catalogue's roles and requirements carry their markets."""
    country = country_of(path)
    advice = recommend(catalogue_or_error(), profile_from_data(read_profile_file(path)))
    shown = sorted(
        {fit.role.slug for fit in advice.fits} & set(NEVER[country]["roles"])
    )
    assert not shown, f"the other market's domestic roles: {shown}"
    foreign = {
        code
        for other, market in MARKETS.items()
        if other != country
        for code in market.domestic_languages
    }
    to_learn = [
        fit.role.slug
        for fit in advice.fits
        for check in fit.checks
        for req in fit.role.requirements
        if check.step and check.kind == "other_language" and req.code == check.code
        if {option.code for option in req.accepts} & foreign
    ]
    assert not to_learn, f"a step to learn the other market's language: {to_learn}"
    # As the person reads it: no step names one of those languages.
    names = {str(Language(code).label).split(" ")[0] for code in foreign}
    said = [english(step.text) for step in _shown_steps(advice)]
    wrong = [text for text in said if any(name in text for name in names)]
    assert not wrong, f"steps naming the other market's languages: {wrong}"
