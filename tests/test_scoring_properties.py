"""The scoring engine's properties over generated profiles, on the real catalogue: more
or better answers never make the advice worse."""

import random
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from careers.scoring import (
    CEFR_LEVELS,
    EDUCATION_LEVELS,
    PORTFOLIO_KINDS,
    SKILL_LEVELS,
    STREAM_FIELDS,
    Catalogue,
    Preferences,
    Profile,
    Verdict,
    recommend,
    score_role,
)
from careers.scoring.text import english
from tests.helpers import SHIFTS, by_slug

LEVEL = st.sampled_from(CEFR_LEVELS)


def some(values, size: int = 4):
    return st.lists(st.sampled_from(sorted(values)), max_size=size, unique=True)


def profiles(catalogue: Catalogue) -> st.SearchStrategy:
    accepts: dict[str, set[str]] = {}
    for r in (req for one in catalogue.roles for req in one.requirements):
        accepts.setdefault(r.kind, set()).update(o.code for o in r.accepts)
    stages = sorted(
        (o.code, stage[0])
        for one in catalogue.roles
        for req in one.requirements
        for o in req.accepts
        for stage in o.stages
    )
    pairs = lambda codes, values: st.tuples(  # noqa: E731
        *(st.tuples(st.just(c), st.sampled_from(values)) for c in sorted(codes))
    )
    return st.builds(
        Profile,
        spoken_english=LEVEL,
        written_english=LEVEL,
        typing_wpm=st.integers(0, 120),
        education=st.sampled_from(EDUCATION_LEVELS),
        stream=st.sampled_from(["", *STREAM_FIELDS]),
        field_of_study=st.sampled_from(["", *sorted(accepts["field_of_study"])]),
        other_languages=some(accepts["other_language"], 2).flatmap(
            lambda c: pairs(c, CEFR_LEVELS)
        ),
        qualifications=some(accepts["qualification"]).map(frozenset),
        in_progress=st.lists(
            st.sampled_from(stages), max_size=2, unique_by=lambda s: s[0]
        ).map(tuple),
        skills=some(accepts["skill"]).flatmap(lambda c: pairs(c, SKILL_LEVELS[1:])),
        experience_years=st.integers(0, 6),
        experience_domains=some(accepts["experience_years"], 2).map(frozenset),
        shifts=some(SHIFTS).map(frozenset),
        work_from_home=st.booleans(),
        commute=st.sampled_from(["office", "relocate", "remote_only"]),
        near_city=st.booleans(),
        portfolios=some(PORTFOLIO_KINDS, 2).map(frozenset),
        preferences=st.builds(
            Preferences,
            st.sampled_from(["rules", "judgement", "either"]),
            st.sampled_from(["customers", "back_office", "either"]),
            st.sampled_from(["volume", "deep", "either"]),
        ),
    )


def better_answers(profile: Profile, catalogue: Catalogue) -> list[tuple[str, Profile]]:
    """Each way of giving one better answer than this profile does."""

    def up(levels, value):
        index = levels.index(value) if value in levels else -1
        return levels[min(index + 1, len(levels) - 1)]

    skills = dict(profile.skills)
    qualifications = sorted(
        {o.code for one in catalogue.roles for r in one.requirements for o in r.accepts
         if r.kind == "qualification"} - profile.qualifications
    )  # fmt: skip
    better = [
        ("spoken", replace(profile, spoken_english=up(CEFR_LEVELS, profile.spoken_english))),
        ("written", replace(profile, written_english=up(CEFR_LEVELS, profile.written_english))),
        ("typing", replace(profile, typing_wpm=profile.typing_wpm + 10)),
        ("education", replace(profile, education=up(EDUCATION_LEVELS, profile.education))),
        ("experience", replace(profile, experience_years=profile.experience_years + 1)),
        ("home", replace(profile, work_from_home=True)),
    ]  # fmt: skip
    better += [
        (f"shift {s}", replace(profile, shifts=profile.shifts | {s}))
        for s in SHIFTS
        if s not in profile.shifts
    ]
    for code, level in skills.items():
        raised = {**skills, code: up(SKILL_LEVELS, level)}
        better.append(
            (f"skill {code}", replace(profile, skills=tuple(sorted(raised.items()))))
        )
    held = profile.qualifications | {random.Random(str(profile)).choice(qualifications)}
    in_progress = tuple(p for p in profile.in_progress if p[0] not in held)
    better.append(
        (
            "qualification",
            replace(profile, qualifications=held, in_progress=in_progress),
        )
    )
    better += [
        (f"portfolio {k}", replace(profile, portfolios=profile.portfolios | {k}))
        for k in PORTFOLIO_KINDS
    ]
    return better


RANK = {verdict: rank for rank, verdict in enumerate(Verdict)}


def test_properties_over_generated_profiles(catalogue):
    roles = catalogue.roles

    @settings(max_examples=60, deadline=None)
    @given(profile=profiles(catalogue))
    def check(profile):
        result = recommend(catalogue, profile)
        # Deterministic and independent of the catalogue's order.
        shuffled = list(roles)
        random.Random(7).shuffle(shuffled)
        assert result == recommend(replace(catalogue, roles=tuple(shuffled)), profile)
        fits = by_slug(result)
        for fit in result.fits:
            # A refused constraint is never a step, and its role is never "close".
            steps = [english(s.text) for s in fit.plan]
            assert not any(
                w in t for t in steps for w in ("US business", "UK business", "shifts")
            )
            if any(c.refused and c.must for c in fit.checks):
                assert fit.verdict == Verdict.DOES_NOT_FIT
        for path in result.paths:
            for title in path.opens:
                fit = next(f for f in result.fits if f.role.title == title)
                assert fit.verdict in (Verdict.CLOSE, Verdict.NOT_YET)
        # A better answer never makes a verdict worse or a distance longer.
        for what, better in better_answers(profile, catalogue):
            for one in roles:
                before, after = (
                    fits[one.slug],
                    score_role(one, better, catalogue.efforts),
                )
                assert RANK[after.verdict] <= RANK[before.verdict], (what, one.slug)
                if before.distance and after.distance:
                    assert after.distance.low <= before.distance.low, (what, one.slug)
                    assert after.distance.high <= before.distance.high, (what, one.slug)

    check()
