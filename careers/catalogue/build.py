"""Build the catalogue from the hand-written spec and the O*NET subset (in English;
careers.catalogue.fixture adds each language's words and writes the fixture)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from careers.catalogue.onet import (
    SHOWN_SKILLS,
    DerivedRequirement,
    OnetData,
    OnetOccupation,
    derive_requirements,
    top_elements,
)
from careers.catalogue.requirements import (
    requirement_option_errors,
    requirement_threshold_errors,
)
from careers.catalogue.spec_rules import (
    background,
    check_prerequisites,
    check_role_markets,
    check_role_rules,
    check_route_markets,
    markets,
    require,
    routes,
)
from careers.choices import (
    EFFORT_CODES,
    Channel,
    EducationLevel,
    FieldOfStudy,
    Importance,
    OccupationFit,
    QualificationKind,
    RequirementKind,
    Sector,
    SkillKind,
    Source,
    WorkSetting,
)
from careers.scoring.text import Text, _, english

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SPEC_PATH = FIXTURES / "catalogue.toml"
ONET_DIR = FIXTURES / "onet"
FIXTURE_PATH = FIXTURES / "catalogue.json"
ALTERNATE_TITLES_SHOWN = 8
HAND_FIELDS = {
    "code",
    "kind",
    "level",
    "amount",
    "subject",
    "fields",
    "qualifications",
    "skills",
    "importance",
    "weight",
    "explanation",
    "reason",
    "way",
    "markets",
}
OVERRIDE_FIELDS = {"level", "importance", "weight", "explanation", "reason"}


# What the O*NET rules derive is written once, as messages, and read here in each
# language (their words are in locale/).
MESSAGES = "_messages"
OVERRIDE_REASON = "_override_reason"


def onet_alone_gives(level: str, importance: str, note: Text) -> Text:
    return _(
        "O*NET alone gives %(level)s (%(importance)s): %(note)s",
        level=level,
        importance=str(importance),
        note=note,
    )


def load_spec(path: Path = SPEC_PATH) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _occupation_object(occ: OnetOccupation, labels: dict[int, str]) -> dict[str, Any]:
    return {
        "model": "careers.occupation",
        "pk": occ.code,
        "fields": {
            "title": occ.title,
            "description": occ.description,
            "job_zone": occ.job_zone,
            "job_zone_name": occ.job_zone_name,
            "has_ratings": occ.has_ratings,
            "ratings": {
                name: {
                    "level": occ.skills[name].level,
                    "importance": occ.skills[name].importance,
                }
                for name in SHOWN_SKILLS
                if name in occ.skills
            },
            "top_skills": top_elements(occ.skills),
            "top_knowledge": top_elements(occ.knowledge),
            "education": [
                {"label": labels[category], "percent": percent}
                for category, percent in sorted(occ.education.items())
                if percent > 0
            ],
            "alternate_titles": list(occ.alternate_titles[:ALTERNATE_TITLES_SHOWN]),
        },
    }


def _requirement_object(
    role_slug: str, position: int, fields: dict[str, Any]
) -> dict[str, Any]:
    return {
        "model": "careers.requirement",
        "fields": {
            "role": [role_slug],
            "code": fields["code"],
            "kind": fields["kind"],
            "level": fields.get("level", ""),
            "amount": fields.get("amount"),
            "subject": fields.get("subject", ""),
            "fields": fields.get("fields", ""),
            "qualifications": [[slug] for slug in fields.get("qualifications", [])],
            "skills": [[slug] for slug in fields.get("skills", [])],
            "importance": fields["importance"],
            "weight": fields.get("weight", 3),
            "explanation": fields["explanation"],
            "source": fields["source"],
            "source_note": fields["source_note"],
            "way": fields.get("way", ""),
            "markets": fields.get("markets", ""),
            "position": position,
        },
        MESSAGES: fields.get(MESSAGES, {}),
        OVERRIDE_REASON: fields.get(OVERRIDE_REASON),
    }


def _derived_fields(derived: DerivedRequirement) -> dict[str, Any]:
    return {
        "code": derived.code,
        "kind": derived.kind,
        "level": derived.level,
        "importance": derived.importance,
        "weight": derived.weight,
        "explanation": english(derived.explanation),
        "source": Source.ONET,
        "source_note": english(derived.source_note),
        # Written in every language by `with_translations`.
        MESSAGES: {
            "explanation": derived.explanation,
            "source_note": derived.source_note,
        },
    }


def _apply_override(
    derived: DerivedRequirement, override: dict[str, Any], where: str
) -> dict[str, Any]:
    unknown = set(override) - OVERRIDE_FIELDS
    require(not unknown, where, f"unknown keys {sorted(unknown)}")
    require("reason" in override, where, "an override needs a one-line reason")
    fields = _derived_fields(derived)
    fields.update({k: v for k, v in override.items() if k != "reason"})
    fields["source"] = Source.HAND
    fields["source_note"] = (
        f"{override['reason']} O*NET alone gives {derived.level} "
        f"({Importance(derived.importance).label.lower()}): "
        f"{english(derived.source_note)}"
    )
    # What we wrote by hand is translated in fixtures/translations/ (an override's
    # `reason`, which the O*NET part below follows in each language).
    messages = {k: v for k, v in fields[MESSAGES].items() if k not in override}
    messages["source_note"] = onet_alone_gives(
        derived.level, Importance(derived.importance).label, derived.source_note
    )
    fields[MESSAGES] = messages
    fields[OVERRIDE_REASON] = override["reason"]
    return fields


def _hand_fields(
    req: dict[str, Any], where: str, qualifications: set[str], skills: set[str]
) -> dict[str, Any]:
    unknown = set(req) - HAND_FIELDS
    require(not unknown, where, f"unknown keys {sorted(unknown)}")
    for key in ("code", "kind", "importance", "explanation", "reason"):
        require(bool(req.get(key)), where, f"'{key}' is required")
    require(
        req["kind"] in RequirementKind.values, where, f"unknown kind {req['kind']!r}"
    )
    require(req["importance"] in Importance.values, where, "importance is must or nice")
    errors = requirement_threshold_errors(
        req["kind"],
        req.get("level", ""),
        req.get("amount"),
        req.get("subject", ""),
        req.get("fields", ""),
    )
    errors |= requirement_option_errors(
        req["kind"], req.get("qualifications", []), req.get("skills", [])
    )
    require(not errors, where, "; ".join(f"{k}: {v}" for k, v in errors.items()))
    for slug in req.get("qualifications", []):
        require(slug in qualifications, where, f"unknown qualification {slug!r}")
    for slug in req.get("skills", []):
        require(slug in skills, where, f"unknown skill {slug!r}")
    fields = {k: v for k, v in req.items() if k != "reason"}
    fields["markets"] = markets(req, where)
    fields["source"] = Source.HAND
    fields["source_note"] = req["reason"]
    return fields


def _object(model: str, **fields: Any) -> dict[str, Any]:
    return {"model": f"careers.{model}", "fields": fields}


def _qualifications_and_skills(
    spec: dict[str, Any],
) -> tuple[list[dict[str, Any]], dict[str, str], set[str]]:
    objects: list[dict[str, Any]] = []
    qualifications: dict[str, str] = {}  # slug -> its markets
    for item in spec.get("qualification", []):
        where = f"qualification {item.get('slug')!r}"
        require(item["kind"] in QualificationKind.values, where, "unknown kind")
        require(item["field"] in FieldOfStudy.values, where, "unknown field")
        require(item["slug"] not in qualifications, where, "duplicate slug")
        fields = {k: item[k] for k in ("slug", "name", "kind", "field")}
        fields["markets"] = qualifications[item["slug"]] = markets(item, where)
        fields["level"] = item.get("level", "")
        is_degree = item["kind"] == QualificationKind.DEGREE
        require(
            bool(fields["level"]) == is_degree
            and fields["level"] in ("", *EducationLevel.values),
            where,
            "a degree (and only a degree) has its education level",
        )
        fields |= _estimate_fields(item, where)
        fields["description"] = item.get("description", "")
        fields["stages"] = _stages(item, fields["weeks_low"], where)
        fields["requires"] = routes(item, where)
        objects.append(_object("qualification", **fields))
    check_prerequisites(objects, set(qualifications))
    check_route_markets(objects)
    skills: set[str] = set()
    for item in spec.get("skill", []):
        where = f"skill {item.get('slug')!r}"
        require(item["kind"] in SkillKind.values, where, "unknown kind")
        require(item["slug"] not in skills, where, "duplicate slug")
        skills.add(item["slug"])
        fields = {k: item[k] for k in ("slug", "name", "kind")}
        fields["description"] = item.get("description", "")
        fields["screen_reader"] = item.get("screen_reader", "")
        fields["markets"] = markets(item, where)
        objects.append(_object("skill", **fields))
    return objects, qualifications, skills


def _estimate_fields(item: dict[str, Any], where: str) -> dict[str, Any]:
    weeks = item.get("weeks")
    require(
        isinstance(weeks, list) and len(weeks) == 2 and 0 < weeks[0] <= weeks[1],
        where,
        "weeks = [quickest, usual], in weeks",
    )
    reason = item.get("effort_reason") or item.get("reason")
    require(bool(reason), where, "an estimate needs its source or reason")
    return {
        "weeks_low": weeks[0],
        "weeks_high": weeks[1],
        "cost": item.get("cost", ""),
        "effort_reason": reason,
    }


def _stages(item: dict[str, Any], weeks: int, where: str) -> list[dict[str, Any]]:
    """Where a candidate can be on the way: written ones, or a degree's years."""
    stages = item.get("stage", [])
    if not stages and item["kind"] == QualificationKind.DEGREE and weeks >= 52:
        years = round(weeks / 52)
        stages = [
            {
                "code": f"year-{year}",
                "name": "In the final year" if year == years else f"In year {year}",
                "weeks_left": (years - year) * 52 + 26,
            }
            for year in range(1, years + 1)
        ]
    for stage in stages:
        require(
            set(stage) - {"counts_as"} == {"code", "name", "weeks_left"}
            and 0 < stage["weeks_left"] <= weeks,
            where,
            f"stage {stage.get('code')!r} needs code, name and weeks_left "
            "(less than the whole)",
        )
    return stages


def _estimate_objects(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every kind of step's estimate, and a market's own where it differs there (the
    12th's stand-in, a degree's years): one per code and market."""
    objects = []
    for item in spec.get("estimate", []):
        where = f"estimate {item.get('code')!r} {item.get('market', '')}".rstrip()
        require(item.get("code") in EFFORT_CODES, where, "unknown code")
        market = markets(
            {"markets": [item["market"]]} if "market" in item else {}, where
        )
        fields = _estimate_fields(item, where)
        objects.append(
            _object("stepestimate", code=item["code"], market=market, **fields)
        )
    keys = [(o["fields"]["code"], o["fields"]["market"]) for o in objects]
    require(len(keys) == len(set(keys)), "estimates", "a code repeats in a market")
    missing = set(EFFORT_CODES) - {code for code, market in keys if not market}
    require(not missing, "estimates", f"missing {sorted(missing)}")
    return objects


def _occupation_links(
    role: dict[str, Any], group: str, onet: OnetData, where: str
) -> tuple[list[OnetOccupation], list[dict[str, Any]]]:
    """The O*NET occupations a role links to, and their fixture objects, in order."""
    slug = role["slug"]
    require(bool(role.get("occupations")), where, "link at least one occupation")
    linked: list[OnetOccupation] = []
    links = []
    for link_position, code in enumerate(role["occupations"]):
        mapped = onet.mapping.get((group, code))
        require(mapped is not None, where, f"{code} is not mapped to {group}")
        require(mapped.fit in OccupationFit.values, where, f"unknown fit {mapped.fit}")
        linked.append(onet.occupations[code])
        links.append(
            _object(
                "roleoccupation",
                role=[slug],
                occupation=code,
                fit=mapped.fit,
                reason=mapped.reason,
                position=link_position,
            )
        )
    return linked, links


def _role_objects(
    role: dict[str, Any],
    position: int,
    category: dict[str, Any],
    onet: OnetData,
    known: tuple[dict[str, str], set[str]],
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """A role's fixture object, its occupation links and its requirements."""
    slug, group = role["slug"], category["onet_group"]
    where = f"role {slug!r}"
    require(role["channel"] in Channel.values, where, "channel is voice or non_voice")
    setting = role.get("setting", WorkSetting.OFFICE)
    require(setting in WorkSetting.values, where, f"setting is {WorkSetting.values}")
    linked, links = _occupation_links(role, group, onet, where)
    role_object = _object(
        "role",
        slug=slug,
        category=[category["slug"]],
        title=role["title"],
        summary=role["summary"],
        day_to_day=role["day_to_day"],
        channel=role["channel"],
        setting=setting,
        typical_shifts=role["shifts"],
        markets=markets(role, where),
        background=background(role, known, where),
        job_zone=linked[0].job_zone,
        position=position,
    )
    overrides = role.get("override", {})
    derived = derive_requirements(linked, onet.education_labels)
    for code in overrides:
        require(
            code in {d.code for d in derived}, where, f"override of unknown {code!r}"
        )
    role_fields = [
        _apply_override(d, overrides[d.code], f"{where} override {d.code!r}")
        if d.code in overrides
        else _derived_fields(d)
        for d in derived
    ]
    for req in role.get("requirement", []):
        here = f"{where} requirement {req.get('code')!r}"
        role_fields.append(_hand_fields(req, here, *known))
    codes = [f["code"] for f in role_fields]
    require(len(codes) == len(set(codes)), where, "requirement codes repeat")
    check_role_rules(role_fields, setting, where)
    check_role_markets(role_fields, role_object["fields"]["markets"], known[0], where)
    requirements = [
        _requirement_object(slug, req_position, fields)
        for req_position, fields in enumerate(role_fields)
    ]
    return role_object, links, requirements


def build_catalogue(spec: dict[str, Any], onet: OnetData) -> list[dict[str, Any]]:
    """Fixture objects (Django's serialisation format, natural keys) for the whole catalogue."""
    # Only the occupations some role links: the O*NET subset may hold more (those
    # prepared for roles not written yet), and they wait there until a role uses them.
    linked = {
        code
        for category in spec.get("category", [])
        for role in category.get("role", [])
        for code in role.get("occupations", [])
    }
    objects = [
        _occupation_object(occ, onet.education_labels)
        for occ in sorted(onet.occupations.values(), key=lambda o: o.code)
        if occ.code in linked
    ]
    catalogue, *known = _qualifications_and_skills(spec)
    objects += _estimate_objects(spec) + catalogue
    roles, links, requirements = [], [], []
    role_slugs: set[str] = set()
    for position, category in enumerate(spec.get("category", [])):
        where = f"category {category.get('slug')!r}"
        require(category["sector"] in Sector.values, where, "sector is BPO or KPO")
        group = category["onet_group"]
        known_group = any(g == group for g, _ in onet.mapping)
        require(known_group, where, f"unknown group {group!r}")
        require(len(category.get("role", [])) >= 2, where, "needs at least two roles")
        objects.append(
            _object(
                "jobcategory",
                slug=category["slug"],
                sector=category["sector"],
                name=category["name"],
                summary=category["summary"],
                typical_activities="\n".join(category["activities"]),
                position=position,
            )
        )
        for role_position, role in enumerate(category["role"]):
            where = f"role {role['slug']!r}"
            require(role["slug"] not in role_slugs, where, "duplicate slug")
            role_slugs.add(role["slug"])
            made = _role_objects(role, role_position, category, onet, tuple(known))
            roles.append(made[0])
            links += made[1]
            requirements += made[2]
    return objects + roles + links + requirements
