"""Relevance: how much of a person's background a role uses, and the order it gives.

The rule, as README.md "How scoring works" says it to a counsellor: within a verdict, a
role that uses more of the person's background comes first. Five things count, once each:
a qualification they hold or are on the way to; their field of study (a qualification
counts for its field, and for a school-leaver the 12th stream counts for work pitched at
school-leavers that asks for the field); their work, paid or unpaid, in the role's
domains; a portfolio of the kind the role looks at; a language the role is for (its
background's `languages`: a foreign-language desk, not every role that asks for a local
language), at B1 or better.
For roles not open yet, the nearest come next. Over-qualification lowers only roles
that use none of it. Wishes come next, then the English a role uses.
"""

from __future__ import annotations

from collections.abc import Mapping

from careers.scoring.checks import SCHOOL_LEVELS
from careers.scoring.profile import (
    CEFR_LEVELS,
    STREAM_FIELDS,
    Option,
    Profile,
    Role,
)
from careers.scoring.vocabulary import CEFRLevel, EducationLevel, FieldOfStudy

# Over-qualification is counted in stages, not levels: school, a diploma or some
# college, a degree, a postgraduate degree. A graduate is one stage above a diploma role.
STAGES = {
    EducationLevel.SECONDARY: 0,
    EducationLevel.HIGHER_SECONDARY: 0,
    EducationLevel.SOME_COLLEGE: 1,
    EducationLevel.DIPLOMA: 1,
    EducationLevel.BACHELOR: 2,
    EducationLevel.MASTER: 3,
    EducationLevel.DOCTORATE: 3,
}


# What each role is for, kept by the role's identity (roles are frozen; the catalogue's
# live for a generation): working it out for every role of every result was a tenth of
# the scoring. A role's own hash walks all its requirements, so it is not the key.
_ROLES: dict[int, tuple[Role, dict[str, set[str]]]] = {}
_ROLES_KEPT = 2000


def role_background(role: Role) -> dict[str, set[str]]:
    """Who the role is for: its stated background and what its requirements name."""
    kept = _ROLES.get(id(role))
    if kept is not None and kept[0] is role:
        return kept[1]
    if len(_ROLES) >= _ROLES_KEPT:
        _ROLES.clear()
    wants = _role_background(role)
    _ROLES[id(role)] = (role, wants)
    return wants


def _role_background(role: Role) -> dict[str, set[str]]:
    wants = {
        "qualifications": set(role.background.qualifications),
        "fields": set(role.background.fields),
        "domains": set(role.background.domains),
        "portfolios": set(role.background.portfolios),
        "languages": set(role.background.languages),
    }
    into = {
        "qualification": "qualifications",
        "field_of_study": "fields",
        "experience_years": "domains",
        "portfolio": "portfolios",
    }
    for req in role.requirements:
        if req.kind in into:
            wants[into[req.kind]] |= {o.code for o in req.accepts}
    wants["fields"].discard(FieldOfStudy.ANY)
    return wants


def person_background(
    profile: Profile, role: Role, qualifications: Mapping[str, Option]
) -> dict[str, set[str]]:
    """The person's background as a role can use it."""
    has = _own_background(profile, qualifications)
    fields = has["fields"]
    if not fields and role.education(must=True) in SCHOOL_LEVELS:
        # The 12th stream counts where the role asks for the field (commerce for an
        # accounts desk), not wherever a background list names it: a 12th arts stream
        # does not make the foreign-language desk "yours".
        asked = {
            o.code
            for r in role.requirements
            if r.kind == "field_of_study"
            for o in r.accepts
        }
        has = {**has, "fields": set(STREAM_FIELDS.get(profile.stream, ())) & asked}
    return has


# The person's own background is the same for every role: kept for the last profile
# (by identity, as above) while one result is scored.
_LAST: list[tuple[Profile, Mapping[str, Option], dict[str, set[str]]]] = []


def _own_background(
    profile: Profile, qualifications: Mapping[str, Option]
) -> dict[str, set[str]]:
    last = _LAST[0] if _LAST else None
    if last is not None and last[0] is profile and last[1] is qualifications:
        return last[2]
    quals = set(profile.qualifications) | {q for q, _ in profile.in_progress}
    fields = {profile.field_of_study} - {""}
    fields |= {
        qualifications[q].field_of_study for q in quals if q in qualifications
    } - {""}
    domains = set(profile.informal_domains)
    if profile.experience_years:
        domains |= profile.experience_domains
    b1 = CEFR_LEVELS.index(CEFRLevel.B1)
    has = {
        "qualifications": quals,
        "fields": fields,
        "domains": domains,
        "portfolios": set(profile.portfolios),
        "languages": {
            code
            for code, level in profile.other_languages
            if level in CEFR_LEVELS and CEFR_LEVELS.index(level) >= b1
        },
    }
    _LAST[:] = [(profile, qualifications, has)]
    return has


def uses(role: Role, profile: Profile, qualifications: Mapping[str, Option]) -> int:
    """How many of the five kinds of background the role uses (0–5)."""
    wants = role_background(role)
    has = person_background(profile, role, qualifications)
    return sum(bool(wants[key] & has[key]) for key in wants)


def over_stages(role: Role, profile: Profile) -> int:
    """Stages of education above what the role is pitched at (0 if none)."""
    pitch = role.education(must=False)
    return max(0, STAGES.get(profile.education, 0) - STAGES.get(pitch, 0))
