"""The catalogue: built from the spec and O*NET by code, complete, and loadable twice."""

import copy
import csv
import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from careers.catalogue.build import (
    FIXTURE_PATH,
    ONET_DIR,
    build_catalogue,
    load_spec,
)
from careers.catalogue.fixture import build_fixture_text
from careers.catalogue.models import scoring_catalogue
from careers.catalogue.onet import load_onet
from careers.catalogue.spec_rules import CatalogueError
from careers.choices import RequirementKind, Sector, Source
from careers.models import JobCategory, Occupation, Requirement, Role

EXPECTED_CATEGORIES = {
    Sector.BPO: {
        "call-centre",
        "data-entry",
        "finance-accounting",
        "healthcare",
        "engineering",
        "hr-recruitment",
        "technical-support",
    },
    Sector.KPO: {
        "business-research",
        "legal-process",
        "market-research",
        "content-development",
        "creative-design",
        "data-analysis",
        "corporate-training",
        "education-solutions",
        "investment-research",
    },
}


@pytest.fixture(scope="module")
def spec():
    return load_spec()


@pytest.fixture(scope="module")
def onet():
    return load_onet(ONET_DIR)


def test_committed_fixture_matches_a_fresh_build():
    assert FIXTURE_PATH.read_text(encoding="utf-8") == build_fixture_text(), (
        "fixtures/catalogue.json is stale: run `python manage.py build_catalogue`"
    )


def test_build_catalogue_check_passes_on_the_committed_fixture(capsys):
    call_command("build_catalogue", "--check")
    assert "up to date" in capsys.readouterr().out


def test_unknown_skill_in_spec_is_named(spec, onet):
    broken = copy.deepcopy(spec)
    broken["category"][0]["role"][0]["requirement"][2]["skills"] = ["typewriter"]
    with pytest.raises(
        CatalogueError, match=r"voice-customer-support-associate.*'typewriter'"
    ):
        build_catalogue(broken, onet)


def test_override_without_reason_is_refused(spec, onet):
    broken = copy.deepcopy(spec)
    role = broken["category"][0]["role"][1]
    del role["override"]["spoken-english"]["reason"]
    with pytest.raises(CatalogueError, match="reason"):
        build_catalogue(broken, onet)


def test_occupation_outside_the_category_mapping_is_refused(spec, onet):
    broken = copy.deepcopy(spec)
    broken["category"][0]["role"][0]["occupations"] = ["23-1011.00"]  # Lawyers
    with pytest.raises(CatalogueError, match="not mapped to bpo_customer_service"):
        build_catalogue(broken, onet)


def test_category_with_one_role_is_refused(spec, onet):
    broken = copy.deepcopy(spec)
    broken["category"][0]["role"] = broken["category"][0]["role"][:1]
    with pytest.raises(CatalogueError, match="at least two roles"):
        build_catalogue(broken, onet)


def test_only_the_occupations_a_role_links_are_in_the_catalogue(spec, onet):
    # Without the clinical review nurse, no role links Registered Nurses or Health
    # Informatics Specialists: they stay in the O*NET subset, not in the catalogue.
    trimmed = copy.deepcopy(spec)
    healthcare = next(c for c in trimmed["category"] if c["slug"] == "healthcare")
    healthcare["role"] = [
        r for r in healthcare["role"] if r["slug"] != "clinical-review-nurse"
    ]
    objects = build_catalogue(trimmed, onet)
    occupations = {o["pk"] for o in objects if o["model"] == "careers.occupation"}
    linked = {
        o["fields"]["occupation"]
        for o in objects
        if o["model"] == "careers.roleoccupation"
    }
    assert occupations == linked
    unlinked = {"29-1141.00", "15-1211.01"}
    assert unlinked <= set(onet.occupations) - occupations


def test_overridden_requirement_keeps_the_onet_figure_in_its_source(spec, onet):
    objects = build_catalogue(spec, onet)
    chat_spoken = next(
        o["fields"]
        for o in objects
        if o["model"] == "careers.requirement"
        and o["fields"]["role"] == ["chat-email-support-associate"]
        and o["fields"]["code"] == "spoken-english"
    )
    assert chat_spoken["source"] == Source.HAND
    assert chat_spoken["level"] == "B1"
    assert "O*NET alone gives B2" in chat_spoken["source_note"]


@pytest.mark.django_db
def test_every_category_from_the_source_articles_is_present():
    for sector, slugs in EXPECTED_CATEGORIES.items():
        assert set(
            JobCategory.objects.filter(sector=sector).values_list("slug", flat=True)
        ) == (slugs)


@pytest.mark.django_db
def test_every_category_has_at_least_two_roles():
    for category in JobCategory.objects.all():
        assert category.roles.count() >= 2, category


@pytest.mark.django_db
def test_every_role_has_requirements_and_real_onet_occupations():
    with (ONET_DIR / "occupations.csv").open(encoding="utf-8") as handle:
        copied_codes = {row["onet_soc_code"] for row in csv.DictReader(handle)}
    for role in Role.objects.prefetch_related("requirements", "occupations"):
        assert role.requirements.exists(), role
        codes = {o.code for o in role.occupations.all()}
        assert codes, role
        assert codes <= copied_codes, role
        assert any(r.is_must_have for r in role.requirements.all()), role


@pytest.mark.django_db
def test_every_requirement_is_valid_explained_and_sourced():
    for requirement in Requirement.objects.select_related("role"):
        requirement.full_clean()
        assert requirement.explanation.strip()
        assert requirement.source_note.strip()
        if requirement.source == Source.ONET:
            assert "O*NET" in requirement.source_note


@pytest.mark.django_db
def test_roles_take_english_and_education_from_onet():
    voice = Role.objects.get(slug="voice-customer-support-associate")
    spoken = voice.requirements.get(code="spoken-english")
    assert (spoken.source, spoken.level, spoken.importance) == ("onet", "B2", "must")
    education = voice.requirements.get(code="education")
    assert (education.source, education.level) == ("onet", "12th")
    # Job Zone comes from the role's main occupation (Customer Service Representatives).
    assert voice.job_zone == Occupation.objects.get(code="43-4051.00").job_zone == 2


@pytest.mark.django_db
def test_what_onet_does_not_cover_is_written_by_hand():
    typing = Requirement.objects.get(role__slug="data-entry-operator", code="typing")
    assert (typing.kind, typing.amount, typing.source) == (
        RequirementKind.TYPING_SPEED,
        30,
        Source.HAND,
    )
    shifts = Requirement.objects.get(
        role__slug="voice-customer-support-associate", code="shifts"
    )
    assert shifts.source == Source.HAND
    assert shifts.is_must_have
    assert {"us_hours", "uk_hours"} <= set(shifts.subject_codes)
    law = Requirement.objects.get(
        role__slug="lpo-legal-research-associate", code="law-degree"
    )
    assert {q.slug for q in law.qualifications.all()} == {"llb", "llm", "juris-doctor"}


@pytest.mark.django_db
def test_loading_the_catalogue_again_duplicates_nothing():
    counts = [
        Role.objects.count(),
        Requirement.objects.count(),
        Occupation.objects.count(),
    ]
    call_command("loaddata", "catalogue", verbosity=0)
    assert [
        Role.objects.count(),
        Requirement.objects.count(),
        Occupation.objects.count(),
    ] == (counts)


def test_build_catalogue_check_fails_on_a_stale_fixture(tmp_path, monkeypatch):
    stale = tmp_path / "catalogue.json"
    stale.write_text("[]\n", encoding="utf-8")
    monkeypatch.setattr(
        "careers.management.commands.build_catalogue.FIXTURE_PATH", stale
    )
    with pytest.raises(CommandError, match="out of date"):
        call_command("build_catalogue", "--check")


def role_named(spec, slug):
    return next(
        role for c in spec["category"] for role in c["role"] if role["slug"] == slug
    )


def qualification_named(spec, slug):
    return next(q for q in spec["qualification"] if q["slug"] == slug)


def test_every_role_says_the_shifts_it_runs_in(spec, onet):
    broken = copy.deepcopy(spec)
    role = role_named(broken, "data-entry-operator")
    role["requirement"] = [r for r in role["requirement"] if r["kind"] != "shift"]
    with pytest.raises(CatalogueError, match="data-entry-operator.*shift requirement"):
        build_catalogue(broken, onet)


def test_a_home_role_says_what_its_set_up_needs(spec, onet):
    broken = copy.deepcopy(spec)
    role = role_named(broken, "online-tutor")
    role["requirement"] = [
        r for r in role["requirement"] if r["kind"] != "work_from_home"
    ]
    with pytest.raises(CatalogueError, match="online-tutor.*work_from_home"):
        build_catalogue(broken, onet)


def test_a_single_way_in_is_refused(spec, onet):
    broken = copy.deepcopy(spec)
    role = role_named(broken, "graphic-designer")
    for requirement in role["requirement"]:
        if requirement.get("way") == "diploma":
            requirement["way"] = "portfolio"
    with pytest.raises(CatalogueError, match="graphic-designer.*needs another"):
        build_catalogue(broken, onet)


def test_prerequisites_name_known_qualifications_and_never_loop(spec, onet):
    broken = copy.deepcopy(spec)
    qualification_named(broken, "llm")["requires"] = [{"qualification": "llx"}]
    with pytest.raises(CatalogueError, match="'llm'.*unknown 'llx'"):
        build_catalogue(broken, onet)
    looped = copy.deepcopy(spec)
    qualification_named(looped, "llb")["requires"] = [{"qualification": "llm"}]
    with pytest.raises(CatalogueError, match="needs itself"):
        build_catalogue(looped, onet)


def test_the_llm_needs_the_llb_and_ca_final_group_1_counts_as_ca_inter(spec):
    assert qualification_named(spec, "llm")["requires"] == [{"qualification": "llb"}]
    stages = {s["code"]: s for s in qualification_named(spec, "ca")["stage"]}
    assert "ca-inter" in stages["final-group-1"]["counts_as"]


def test_every_text_of_the_fixture_fits_its_column():
    # SQLite stores a longer string; PostgreSQL refuses the whole load (a sync on
    # deploy then fails), so the limits are checked here on every database.
    too_long = []
    for row in json.loads(FIXTURE_PATH.read_text(encoding="utf-8")):
        model = apps.get_model(row["model"])
        for name, value in row["fields"].items():
            field = next((f for f in model._meta.fields if f.name == name), None)
            limit = getattr(field, "max_length", None)
            if limit and isinstance(value, str) and len(value) > limit:
                too_long.append((row["model"], name, len(value), limit))
    assert not too_long


def test_an_unknown_market_code_is_refused(spec, onet):
    broken = copy.deepcopy(spec)
    role_named(broken, "medical-coder")["markets"] = ["IN", "US"]
    with pytest.raises(CatalogueError, match="medical-coder.*unknown market"):
        build_catalogue(broken, onet)


def test_a_route_names_a_qualification_of_the_same_markets(spec, onet):
    broken = copy.deepcopy(spec)
    # A Philippine CPA reached through India's B.Com: not a route in the Philippines.
    qualification_named(broken, "cpa-ph")["requires"] = [{"qualification": "bcom"}]
    with pytest.raises(CatalogueError, match="'cpa-ph'.*'bcom'.*PH"):
        build_catalogue(broken, onet)


def test_a_must_have_qualification_accepts_one_of_each_market_of_the_role(spec, onet):
    broken = copy.deepcopy(spec)
    role = role_named(broken, "clinical-review-nurse")
    for requirement in role["requirement"]:
        if requirement["code"] == "nursing-degree":
            requirement["qualifications"] = ["bsc-nursing"]  # India's only
    with pytest.raises(
        CatalogueError,
        match="clinical-review-nurse.*nursing-degree.*qualification of PH",
    ):
        build_catalogue(broken, onet)


def test_a_must_have_language_of_another_market_is_refused(spec, onet):
    broken = copy.deepcopy(spec)
    role_named(broken, "domestic-chat-support-hindi")["markets"] = ["IN", "PH"]
    with pytest.raises(
        CatalogueError, match="domestic-chat-support-hindi.*'hindi'.*spoken in PH"
    ):
        build_catalogue(broken, onet)


def test_a_requirement_is_asked_only_where_its_role_is(spec, onet):
    broken = copy.deepcopy(spec)
    role = role_named(broken, "philippine-local-accounts-agent")
    role["requirement"][0]["markets"] = ["IN"]
    with pytest.raises(CatalogueError, match="asked in \\['IN'\\], where the role"):
        build_catalogue(broken, onet)


def test_a_code_has_one_estimate_per_market(spec, onet):
    broken = copy.deepcopy(spec)
    broken["estimate"].append({**broken["estimate"][0], "market": "PH"})
    broken["estimate"].append({**broken["estimate"][0], "market": "PH"})
    with pytest.raises(CatalogueError, match="a code repeats in a market"):
        build_catalogue(broken, onet)


def test_every_role_and_qualification_names_its_markets(spec):
    roles = [r for c in spec["category"] for r in c["role"]]
    unnamed = [r["slug"] for r in roles + spec["qualification"] if not r.get("markets")]
    assert not unnamed
    only = {r["slug"]: r["markets"] for r in roles if len(r["markets"]) == 1}
    assert only["philippine-local-accounts-agent"] == ["PH"]
    assert only["domestic-telecaller"] == ["IN"]
    assert "voice-customer-support-associate" not in only


@pytest.mark.django_db
def test_each_market_reads_its_own_estimates_and_the_general_ones():
    catalogue = scoring_catalogue()
    india, philippines = (catalogue.market_efforts[c] for c in ("IN", "PH"))
    assert "NIOS" in india.education["12th"].reason
    assert "DepEd" in philippines.education["12th"].reason
    assert philippines.education["bachelor"].low == 208
    # What the Philippines has no estimate of its own for is the general one.
    assert philippines.cefr_level == india.cefr_level == catalogue.efforts.cefr_level
    advised = catalogue.in_market("PH")
    assert advised.efforts.education["12th"] == philippines.education["12th"]
