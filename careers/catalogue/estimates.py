"""How long steps take: the estimate a qualification carries, and each kind of step's
(one CEFR level, the 12th...), in general and where a market's own differs."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.db.models import F, Q

from careers import scoring
from careers.choices import EFFORT_CODES, Country


class Estimate(models.Model):
    """How long a step takes, as a range of weeks, with its source and typical cost."""

    weeks_low = models.PositiveSmallIntegerField("weeks (quickest)")
    weeks_high = models.PositiveSmallIntegerField("weeks (usual)")
    cost = models.CharField(
        max_length=120, blank=True, help_text="Typical fees, if any."
    )
    effort_reason = models.CharField(
        "source or reason", max_length=300, help_text="Shown beside the estimate."
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(weeks_low__lte=F("weeks_high")),
                name="%(class)s_weeks_in_order",
            )
        ]

    @property
    def effort(self) -> scoring.Effort:
        return scoring.Effort(
            self.weeks_low, self.weeks_high, self.effort_reason, self.cost
        )


class StepEstimateQuerySet(models.QuerySet):
    def by_code(self, country: str) -> dict[str, StepEstimate]:
        """Each code's estimate in `country`: the market's own where it has one."""
        return in_market(self, country)


class StepEstimateManager(models.Manager.from_queryset(StepEstimateQuerySet)):
    def get_by_natural_key(self, code: str, market: str) -> StepEstimate:
        return self.get(code=code, market=market)


class StepEstimate(Estimate):
    """How long a step of one kind takes (one CEFR level, ten words a minute...), in
    every market, or in one where it differs there (the Philippines' senior high
    school stands for the 12th)."""

    code = models.SlugField(choices=list(EFFORT_CODES.items()))
    market = models.CharField(
        max_length=2,
        choices=Country.choices,
        blank=True,
        default="",
        help_text="Blank: every market, unless a market has its own estimate.",
    )

    objects = StepEstimateManager()

    class Meta(Estimate.Meta):
        ordering = ["code", "market"]
        constraints = [
            *Estimate.Meta.constraints,
            models.UniqueConstraint(
                fields=["code", "market"], name="unique_step_estimate_per_market"
            ),
        ]

    def __str__(self) -> str:
        # The name is a lazy translation; str() must be given a str (the admin's
        # change and history pages failed with a 500).
        name = str(EFFORT_CODES.get(self.code, self.code))
        return f"{name} ({self.get_market_display()})" if self.market else name

    def natural_key(self) -> tuple[str, str]:
        return (self.code, self.market)


def in_market(estimates: Iterable[StepEstimate], country: str) -> dict:
    """Each code's estimate in `country`: the general one, replaced by the market's
    own where it has one."""
    rows = sorted(estimates, key=lambda e: bool(e.market))  # general ones first
    return {e.code: e for e in rows if e.market in ("", country)}


def efforts_from(
    estimates: dict[str, scoring.Effort],
    qualifications: dict[str, scoring.Option] | None = None,
) -> scoring.Efforts:
    """The engine's estimates from the catalogue's, by code (all of EFFORT_CODES)."""
    return scoring.Efforts(
        cefr_level=estimates["cefr-level"],
        typing=estimates["typing"],
        skill={lvl: estimates[f"skill-{lvl}"] for lvl in scoring.SKILL_LEVELS[1:]},
        education={
            lvl: estimates[f"education-{lvl}"] for lvl in scoring.EDUCATION_LEVELS[1:]
        },
        experience_year=estimates["experience-year"],
        home_setup=estimates["home-setup"],
        portfolio=estimates["portfolio"],
        qualifications=qualifications or {},
    )


def market_efforts(
    estimates: list[StepEstimate],
    qualifications: dict[str, scoring.Option],
    countries: Iterable[str],
) -> dict[str, scoring.Efforts]:
    """Every market's estimates: the general ones, with the market's own over them."""
    return {
        country: efforts_from(
            {code: e.effort for code, e in in_market(estimates, country).items()},
            qualifications,
        )
        for country in countries
    }
