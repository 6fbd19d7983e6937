"""Relevance: how much of a person's background a role uses, and the order it gives.

The rule, as README.md "How scoring works" says it to a counsellor: within a verdict, a
role that uses more of the person's background comes first. Four things count, once each:
a qualification they hold or are on the way to; their field of study (a qualification
counts for its field, and for a school-leaver the 12th stream counts for work pitched at
school-leavers); their work, paid or unpaid, in the role's domains; a portfolio of the
kind the role looks at. Over-qualification lowers only roles that use none of it. Wishes
come next, then time.
"""

from __future__ import annotations

from collections.abc import Mapping

from careers.scoring.profile import (
    STREAM_FIELDS,
    Option,
    Profile,
    Role,
)
from careers.scoring.vocabulary import EducationLevel, FieldOfStudy

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
SCHOOL = (EducationLevel.SECONDARY, EducationLevel.HIGHER_SECONDARY)


def role_background(role: Role) -> dict[str, set[str]]:
    """Who the role is for: its stated background and what its requirements name."""
    wants = {
        "qualifications": set(role.background.qualifications),
        "fields": set(role.background.fields),
        "domains": set(role.background.domains),
        "portfolios": set(role.background.portfolios),
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
    quals = set(profile.qualifications) | {q for q, _ in profile.in_progress}
    fields = {profile.field_of_study} - {""}
    fields |= {
        qualifications[q].field_of_study for q in quals if q in qualifications
    } - {""}
    if not fields and role.education(must=True) in SCHOOL:
        fields |= set(STREAM_FIELDS.get(profile.stream, ()))
    domains = set(profile.informal_domains)
    if profile.experience_years:
        domains |= profile.experience_domains
    return {
        "qualifications": quals,
        "fields": fields,
        "domains": domains,
        "portfolios": set(profile.portfolios),
    }


def uses(role: Role, profile: Profile, qualifications: Mapping[str, Option]) -> int:
    """How many of the four kinds of background the role uses (0–4)."""
    wants = role_background(role)
    has = person_background(profile, role, qualifications)
    return sum(bool(wants[key] & has[key]) for key in wants)


def over_stages(role: Role, profile: Profile) -> int:
    """Stages of education above what the role is pitched at (0 if none)."""
    pitch = role.education(must=False)
    return max(0, STAGES.get(profile.education, 0) - STAGES.get(pitch, 0))
