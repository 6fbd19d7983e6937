"""Listings beside a result: which to show a candidate, and "You match 5 of 6".

A listing's requirements (education, English, other languages, typing, experience) are
read by the same scoring engine as the roles: the listing becomes its role with the
listing's own requirements in place of the role's of the same kind, and the role's other
must-haves (a CPC, a law degree) kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from django.db.models import QuerySet
from django.utils import translation

from careers import scoring
from careers.choices import Language, WorkMode
from careers.listings import rules
from careers.models import JobListing
from careers.scoring import Profile, Requirement, RoleFit


@dataclass(frozen=True)
class Match:
    listing: JobListing
    met: int
    total: int
    missing: tuple  # the engine's reasons (messages) for what is not met

    @property
    def complete(self) -> bool:
        return self.met == self.total


def listing_requirements(listing: JobListing) -> list[Requirement]:
    """The listing's own requirements, as the engine reads them."""
    own = []
    if listing.min_education:
        own.append(
            Requirement("listing-education", "education_level", True, 3,
                        level=listing.min_education)
        )  # fmt: skip
    for kind in ("spoken_english", "written_english"):
        if getattr(listing, kind):
            own.append(Requirement(f"listing-{kind}", kind, True, 3,
                                   level=getattr(listing, kind)))  # fmt: skip
    if listing.typing_wpm:
        own.append(
            Requirement("listing-typing", "typing_speed", True, 3,
                        amount=listing.typing_wpm)
        )  # fmt: skip
    if listing.experience_min_years:
        own.append(
            Requirement("listing-experience", "experience_years", True, 3,
                        amount=listing.experience_min_years)
        )  # fmt: skip
    # Names in English: the engine's names are message ids (careers.assessments.wording).
    with translation.override("en"):
        for row in listing.languages.all():
            option = scoring.Option(row.language, str(Language(row.language).label))
            own.append(
                Requirement(f"listing-{row.language}", "other_language", True, 3,
                            level=row.level, accepts=(option,))
            )  # fmt: skip
    return own


def listing_fit(
    listing: JobListing, role: scoring.Role, profile: Profile, efforts: scoring.Efforts
) -> RoleFit:
    own = listing_requirements(listing)
    replaced = {r.kind for r in own}
    setting = "home" if listing.work_mode == WorkMode.REMOTE else "office"
    if setting != "home":
        replaced.add("work_from_home")  # an office listing asks no home set-up
    kept = [r for r in role.requirements if r.must and r.kind not in replaced]
    as_listed = replace(role, requirements=tuple(own + kept), setting=setting)
    return scoring.score_role(as_listed, profile, efforts)


def match(
    listing: JobListing, role: scoring.Role, profile: Profile, efforts: scoring.Efforts
) -> Match:
    fit = listing_fit(listing, role, profile, efforts)
    musts = [c for c in fit.checks if c.must]
    missing = tuple(c.reason for c in musts if not c.met)
    return Match(listing, len(musts) - len(missing), len(musts), missing)


def listings_for(
    listings: QuerySet[JobListing],
    slugs: Iterable[str],
    catalogue: scoring.Catalogue,
    profile: Profile,
) -> list[Match]:
    """Visible listings for these roles (those the candidate can apply for now or
    soon, best first), in the candidate's country, in shifts they can work and places
    they can work in; the best matches first."""
    by_slug = {role.slug: role for role in catalogue.roles}
    order = {slug: n for n, slug in enumerate(s for s in slugs if s in by_slug)}
    chosen = listings.filter(role__slug__in=order, country=profile.country)
    profile = scoring.with_credentials(profile, catalogue.efforts.qualifications)
    if profile.shifts:
        chosen = chosen.filter(shift__in=profile.shifts)
    if profile.home_only:
        chosen = chosen.filter(work_mode=WorkMode.REMOTE)
    matches = [
        match(listing, by_slug[listing.role.slug], profile, catalogue.efforts)
        for listing in chosen
    ]
    matches.sort(
        key=lambda m: (m.total - m.met, order[m.listing.role.slug], -m.listing.pk)
    )
    return matches


def in_city(matches: list[Match], city: str) -> list[Match]:
    """Those in this city (by any of its names), and those done from home."""
    kept = {x.pk for x in rules.in_city([m.listing for m in matches], city)}
    return [m for m in matches if m.listing.pk in kept]


def cities(matches: list[Match]) -> list[str]:
    """The cities of the on-site and hybrid ones, once each, for the candidate to choose
    from: all in the candidate's country, as the listings are."""
    return rules.listing_cities(m.listing for m in matches)
