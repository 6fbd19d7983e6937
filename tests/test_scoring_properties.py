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
    with_credentials,
)
from careers.scoring.credentials import education_effort, routes
from careers.scoring.profile import HOME_ITEMS
from careers.scoring.text import english
from careers.scoring.vocabulary import Channel, Commute, InformalWork, Need, WorkSetting
from tests.helpers import SHIFTS, by_slug

LEVEL = st.sampled_from(CEFR_LEVELS)


def some(values, size: int = 4):
    return st.lists(st.sampled_from(sorted(values)), max_size=size, unique=True)


def profiles(catalogue: Catalogue) -> st.SearchStrategy:
    accepts: dict[str, set[str]] = {}
    for r in (req for one in catalogue.roles for req in one.requirements):
        accepts.setdefault(r.kind, set()).update(o.code for o in r.accepts)
    qualifications = catalogue.efforts.qualifications
    stages = sorted(
        (o.code, stage[0]) for o in qualifications.values() for stage in o.stages
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
        qualifications=some(qualifications).map(frozenset),
        in_progress=st.lists(
            st.sampled_from(stages), max_size=2, unique_by=lambda s: s[0]
        ).map(tuple),
        skills=some(accepts["skill"]).flatmap(lambda c: pairs(c, SKILL_LEVELS[1:])),
        experience_years=st.integers(0, 6),
        experience_domains=some(accepts["experience_years"], 2).map(frozenset),
        shifts=st.lists(st.sampled_from(sorted(SHIFTS)), min_size=1, unique=True).map(
            frozenset
        ),
        home_setup=some(HOME_ITEMS, 3).map(frozenset),
        needs=some(Need, 2).map(frozenset),
        informal_work=some(InformalWork, 2).map(frozenset),
        informal_years=st.integers(0, 4),
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
        set(catalogue.efforts.qualifications) - profile.qualifications
    )
    better = [
        ("spoken", replace(profile, spoken_english=up(CEFR_LEVELS, profile.spoken_english))),
        ("written", replace(profile, written_english=up(CEFR_LEVELS, profile.written_english))),
        ("typing", replace(profile, typing_wpm=profile.typing_wpm + 10)),
        ("education", replace(profile, education=up(EDUCATION_LEVELS, profile.education))),
        ("experience", replace(profile, experience_years=profile.experience_years + 1)),
        ("unpaid", replace(profile, informal_years=profile.informal_years + 1)),
    ]  # fmt: skip
    better += [
        (f"home {item}", replace(profile, home_setup=profile.home_setup | {item}))
        for item in HOME_ITEMS
        if item not in profile.home_setup
    ]
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


def constraints_and_needs(profile: Profile) -> list[tuple[str, Profile]]:
    """Each way of saying one more thing the person cannot do."""
    narrower = [
        (f"no {s}", replace(profile, shifts=profile.shifts - {s}))
        for s in sorted(profile.shifts)
    ]
    narrower += [
        (f"need {n}", replace(profile, needs=profile.needs | {n}))
        for n in Need
        if n not in profile.needs
    ]
    narrower.append(("home only", replace(profile, commute=Commute.REMOTE_ONLY)))
    if profile.commute == Commute.RELOCATE:
        narrower.append(("stays", replace(profile, commute=Commute.OFFICE)))
    return narrower


RANK = {verdict: rank for rank, verdict in enumerate(Verdict)}


def not_better(before, after) -> bool:
    """The second fit is no better than the first: verdict, then distance."""
    if RANK[after.verdict] != RANK[before.verdict]:
        return RANK[after.verdict] > RANK[before.verdict]
    if before.distance and after.distance:
        return after.distance.low >= before.distance.low
    return True


def assert_plans_keep_prerequisites(result, profile: Profile, catalogue: Catalogue):
    """No plan gains a qualification before what it needs: a qualification route's
    prerequisite is held or gained earlier; an education route's time is counted."""
    qualifications = catalogue.efforts.qualifications
    held = with_credentials(profile, qualifications)
    for fit in result.fits:
        gained = set(held.qualifications)
        for step in fit.plan:
            for code in step.gains:
                ways = routes(qualifications[code])
                firsts = [r for r in ways if r.kind == "qualification"]
                if ways and len(firsts) == len(ways):
                    assert any(r.code in gained for r in firsts), (fit.role.slug, code)
                gained.add(code)
            if step.gains and step.gains[0] not in held.qualifications:
                first = qualifications[step.gains[0]]
                if dict(held.in_progress).get(first.code):
                    continue
                before = min(
                    (
                        education_effort(held.education, r.code, catalogue.efforts).low
                        + r.effort.low
                        for r in routes(first)
                        if r.kind == "education"
                    ),
                    default=0,
                )
                assert step.effort.low >= min(before, first.effort.low), fit.role.slug


def assert_open_roles_respect_what_was_said(result, profile: Profile):
    """Every open or close role runs in a shift the person can work, where they can
    work, by a channel they can use; no step asks for what they said they cannot do."""
    home_only = (
        profile.commute == Commute.REMOTE_ONLY or Need.HOME_ONLY in profile.needs
    )
    for fit in result.fits:
        if fit.verdict not in (Verdict.ELIGIBLE, Verdict.CLOSE, Verdict.NOT_YET):
            continue
        shifts = {
            o.code
            for r in fit.role.requirements
            if r.kind == "shift"
            for o in r.accepts
        }
        assert shifts & profile.shifts, fit.role.slug
        if home_only:
            assert fit.role.setting == WorkSetting.HOME, fit.role.slug
        if Need.NO_VOICE in profile.needs:
            assert fit.role.channel != Channel.VOICE, fit.role.slug
            assert all(s.key[0] != "spoken_english" for s in fit.plan), fit.role.slug
    if Need.NO_VOICE in profile.needs:
        for path in result.paths:
            assert all(s.key[0] != "spoken_english" for s in path.steps)


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
        assert_plans_keep_prerequisites(result, profile, catalogue)
        assert_open_roles_respect_what_was_said(result, profile)
        qualifications = catalogue.efforts.qualifications
        # The person's market: its roles, as hired there, and its estimates.
        market = catalogue.in_market(profile.country)
        # Saying one more thing you cannot do never makes a role fit better.
        for what, narrower in constraints_and_needs(profile):
            narrower = with_credentials(narrower, qualifications)
            for one in market.roles:
                after = score_role(one, narrower, market.efforts)
                assert not_better(fits[one.slug], after), (what, one.slug)
        # A better answer never makes a verdict worse or a distance longer.
        for what, better in better_answers(profile, catalogue):
            better = with_credentials(better, qualifications)
            for one in market.roles:
                before, after = (
                    fits[one.slug],
                    score_role(one, better, market.efforts),
                )
                assert RANK[after.verdict] <= RANK[before.verdict], (what, one.slug)
                if before.distance and after.distance:
                    assert after.distance.low <= before.distance.low, (what, one.slug)
                    assert after.distance.high <= before.distance.high, (what, one.slug)

    check()
