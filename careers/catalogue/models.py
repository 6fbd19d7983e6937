"""The catalogue: categories, roles and their requirements, O*NET occupations,
qualifications and skills, and the catalogue as the quiz and the scoring engine read it."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from careers import scoring
from careers.catalogue.estimates import (
    Estimate,
    StepEstimate,
    efforts_from,
    market_efforts,
)
from careers.catalogue.requirements import Requirement
from careers.catalogue.stages import stages_error
from careers.choices import (
    EFFORT_CODES,
    Channel,
    EducationLevel,
    FieldOfStudy,
    OccupationFit,
    QualificationKind,
    Sector,
    SkillKind,
    WorkSetting,
)
from careers.markets import MarketsField, market_codes
from careers.scoring.markets import MARKETS, with_hours
from careers.web.caching import cached_value, content_changed


class SlugManager(models.Manager):
    def get_by_natural_key(self, slug: str) -> models.Model:
        return self.get(slug=slug)


class Occupation(models.Model):
    """An O*NET 29.3 occupation with the ratings our catalogue rests on (copied, not typed)."""

    code = models.CharField("O*NET-SOC code", max_length=10, primary_key=True)
    title = models.CharField(max_length=200)
    description = models.TextField()
    job_zone = models.PositiveSmallIntegerField()
    job_zone_name = models.CharField(max_length=100)
    has_ratings = models.BooleanField(
        help_text="False where O*NET 29.3 has no Skills/Knowledge ratings for it."
    )
    # {"Speaking": {"level": 3.75, "importance": 3.88}, ...} for the elements we use.
    ratings = models.JSONField(default=dict, blank=True)
    # The five most important skills and knowledge areas: [{"name", "importance", "level"}].
    top_skills = models.JSONField(default=list, blank=True)
    top_knowledge = models.JSONField(default=list, blank=True)
    # Required Level of Education, share of respondents: [{"label", "percent"}].
    education = models.JSONField(default=list, blank=True)
    alternate_titles = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.title} ({self.code})"

    def natural_key(self) -> tuple[str]:
        return (self.code,)

    @property
    def onet_url(self) -> str:
        return f"https://www.onetonline.org/link/summary/{self.code}"


class JobCategory(models.Model):
    """A kind of outsourced work within a sector, e.g. "Legal process outsourcing"."""

    slug = models.SlugField(unique=True)
    sector = models.CharField(max_length=3, choices=Sector.choices)
    name = models.CharField(max_length=100)
    summary = models.TextField()
    typical_activities = models.TextField(help_text="One activity per line.")
    position = models.PositiveSmallIntegerField(default=0)

    objects = SlugManager()

    class Meta:
        ordering = ["sector", "position", "name"]
        verbose_name_plural = "job categories"

    def __str__(self) -> str:
        return f"{self.name} ({self.sector})"

    def get_absolute_url(self) -> str:
        return reverse("careers:category_detail", args=[self.slug])

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    @property
    def activities(self) -> list[str]:
        return [
            line.strip()
            for line in self.typical_activities.splitlines()
            if line.strip()
        ]


class CatalogueItem(models.Model):
    """What the quiz offers by name: a qualification or a skill."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)

    objects = SlugManager()

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


class Qualification(Estimate, CatalogueItem):
    Kind = QualificationKind

    kind = models.CharField(max_length=20, choices=Kind.choices)
    field = models.CharField(max_length=20, choices=FieldOfStudy.choices)
    level = models.CharField(
        "education level",
        max_length=20,
        choices=EducationLevel.choices,
        blank=True,
        help_text="For a degree or diploma: the level it is (an LLB is a bachelor's).",
    )
    # Where a candidate can be on the way: [{"code", "name", "weeks_left"}].
    stages = models.JSONField(default=list, blank=True)
    # What must come first, any one route: [{"education": "bachelor"} or
    # {"qualification": "llb"}, with "weeks": [low, high] by that route if it differs].
    requires = models.JSONField(default=list, blank=True)
    markets = MarketsField()

    class Meta(CatalogueItem.Meta, Estimate.Meta):
        pass

    def offered_in(self, country: str) -> bool:
        return scoring.belongs(frozenset(market_codes(self.markets)), country)

    def as_option(self) -> scoring.Option:
        return scoring.Option(
            self.slug,
            self.name,
            effort=self.effort,
            stages=tuple((s["code"], s["name"], s["weeks_left"]) for s in self.stages),
            level=self.level,
            field_of_study=self.field,
            requires=tuple(self.routes()),
            counts_as=tuple(
                (s["code"], tuple(s["counts_as"]))
                for s in self.stages
                if s.get("counts_as")
            ),
            markets=frozenset(market_codes(self.markets)),
        )

    def routes(self) -> list[scoring.Route]:
        routes = []
        for route in self.requires:
            weeks = route.get("weeks")
            effort = (
                scoring.Effort(weeks[0], weeks[1], self.effort_reason, self.cost)
                if weeks
                else self.effort
            )
            kind = "education" if "education" in route else "qualification"
            routes.append(scoring.Route(kind, route[kind], effort))
        return routes

    def clean(self) -> None:
        super().clean()
        error = stages_error(self.stages, self.weeks_high)
        if error:
            raise ValidationError({"stages": error})


class Skill(CatalogueItem):
    Kind = SkillKind

    kind = models.CharField(max_length=10, choices=Kind.choices)
    screen_reader = models.CharField(
        "hard with a screen reader",
        max_length=300,
        blank=True,
        help_text="If the tool is known to be hard to use with a screen reader: why, "
        "with the source. Roles that ask for it say so to people who use one.",
    )
    # A tool one market's offices use (Tally in India): never advised elsewhere.
    markets = MarketsField()

    def offered_in(self, country: str) -> bool:
        return scoring.belongs(frozenset(market_codes(self.markets)), country)

    def as_option(self) -> scoring.Option:
        return scoring.Option(
            self.slug,
            self.name,
            note=self.screen_reader,
            markets=frozenset(market_codes(self.markets)),
        )


class RoleQuerySet(models.QuerySet):
    def for_scoring(self) -> RoleQuerySet:
        """What `Role.as_scoring()` reads, in four queries whatever the catalogue's size."""
        return self.select_related("category").prefetch_related(
            models.Prefetch(
                "requirements",
                queryset=Requirement.objects.prefetch_related(
                    "qualifications", "skills"
                ),
            ),
        )

    def with_catalogue(self) -> RoleQuerySet:
        """Everything a role page shows, in a fixed number of queries."""
        return self.for_scoring().prefetch_related("occupation_links__occupation")


# Who each kind of work suits: the answers to the quiz's "what work you enjoy" step that
# rank a role higher (careers/scoring/engine.py, preference_match).
ROLE_SUITS = {
    (Sector.BPO, Channel.VOICE): _(
        "People who enjoy talking to customers all day, "
        "follow clear steps and like daily targets."
    ),
    (Sector.BPO, Channel.NON_VOICE): _(
        "People who like careful, routine work with "
        "documents and data, behind the scenes, with daily targets."
    ),
    (Sector.KPO, Channel.VOICE): _(
        "People who like to use their judgement and explain "
        "it to clients, on fewer and deeper tasks."
    ),
    (Sector.KPO, Channel.NON_VOICE): _(
        "People who like to research, analyse and decide, "
        "on fewer and deeper tasks that need thought."
    ),
}

# O*NET's Job Zones (how much preparation the work needs), in plain words.
JOB_ZONE_PREPARATION = {
    1: _("Little or none: you learn on the job in days or weeks."),
    2: _("Some: school, then a few months of training or experience."),
    3: _("Medium: training after school, a diploma, or a year or two of experience."),
    4: _("Considerable: usually a bachelor's degree and a few years of experience."),
    5: _("Extensive: usually a professional or postgraduate qualification."),
}


class Role(models.Model):
    """A concrete job a person applies for, e.g. "Voice customer support associate"."""

    slug = models.SlugField(unique=True)
    category = models.ForeignKey(
        JobCategory, on_delete=models.PROTECT, related_name="roles"
    )
    title = models.CharField(max_length=120)
    summary = models.CharField(max_length=240)
    day_to_day = models.TextField("what the work is day to day")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    setting = models.CharField(
        "where the work is done",
        max_length=10,
        choices=WorkSetting.choices,
        default=WorkSetting.OFFICE,
    )
    typical_shifts = models.CharField(max_length=240)
    markets = MarketsField()
    # Who the work is for, beside what its requirements name: {"fields": [...],
    # "domains": [...], "qualifications": [...], "portfolios": [...]} (relevance).
    background = models.JSONField(default=dict, blank=True)
    job_zone = models.PositiveSmallIntegerField(
        help_text="O*NET Job Zone (1–5) of the role's main occupation: how much "
        "preparation the work needs."
    )
    occupations = models.ManyToManyField(
        Occupation, through="RoleOccupation", related_name="roles"
    )
    position = models.PositiveSmallIntegerField(default=0)

    objects = SlugManager.from_queryset(RoleQuerySet)()

    class Meta:
        ordering = ["category__sector", "category__position", "position", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("careers:role_detail", args=[self.slug])

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    natural_key.dependencies = ["careers.jobcategory", "careers.occupation"]

    @property
    def sector(self) -> str:
        return self.category.sector

    @property
    def suits(self) -> str:
        """Who enjoys this work, in the words of the quiz's preference questions."""
        return ROLE_SUITS[self.category.sector, self.channel]

    @property
    def preparation(self) -> str:
        return JOB_ZONE_PREPARATION.get(self.job_zone, "")

    def hired_in(self, country: str) -> bool:
        return scoring.belongs(frozenset(market_codes(self.markets)), country)

    def as_scoring(self) -> scoring.Role:
        """This role for the scoring engine (prefetch with `for_scoring()`)."""
        return scoring.Role(
            slug=self.slug,
            title=self.title,
            category=self.category.slug,
            category_name=self.category.name,
            sector=self.category.sector,
            channel=self.channel,
            requirements=tuple(r.as_scoring() for r in self.requirements.all()),
            setting=self.setting,
            background=scoring.Background.of(self.background),
            markets=frozenset(market_codes(self.markets)),
        )


# The scoring engine reads every role on each finished quiz and the quiz offers every
# qualification and skill; both change seldom, so they are kept for the generation.
CATALOGUE_SECONDS = 300


def scoring_catalogue() -> scoring.Catalogue:
    """Every role of the catalogue and the step estimates, ready for the scoring engine."""

    def load() -> scoring.Catalogue:
        rows = list(StepEstimate.objects.all())
        estimates = {e.code: e.effort for e in rows if not e.market}
        missing = sorted(set(EFFORT_CODES) - set(estimates))
        if missing:
            # Without them every step would seem to take no time: refuse to advise.
            raise ImproperlyConfigured(
                f"The catalogue has no step estimates {missing}: run sync_catalogue."
            )
        # In English, whatever the page's language: the engine's names are message
        # ids, read in the reader's language when shown (careers.assessments.wording).
        with translation.override("en"):
            roles = tuple(role.as_scoring() for role in Role.objects.for_scoring())
            qualifications = {
                q.slug: q.as_option() for q in Qualification.objects.all()
            }
        # Each market's clock for the offshore shifts, as it is today (summer time).
        day = timezone.localdate()
        return scoring.Catalogue(
            roles=roles,
            efforts=efforts_from(estimates, qualifications),
            market_efforts=market_efforts(rows, qualifications, MARKETS),
            markets={c: with_hours(m, day) for c, m in MARKETS.items()},
        )

    return cached_value("scoring-catalogue", load, CATALOGUE_SECONDS)


def questionnaire_catalogue() -> tuple[list[Qualification], list[Skill]]:
    """The qualifications and skills the questionnaire offers, in display order."""

    def load() -> tuple[list[Qualification], list[Skill]]:
        kinds = list(QualificationKind.values)
        qualifications = sorted(
            Qualification.objects.all(), key=lambda q: (kinds.index(q.kind), q.name)
        )
        # The skills most roles ask for first: the quiz shows those before the rest.
        skills = Skill.objects.annotate(uses=models.Count("requirement"))
        return qualifications, list(skills.order_by("-uses", "name"))

    return cached_value("questionnaire-catalogue", load, CATALOGUE_SECONDS)


def catalogue_changed() -> None:
    """After a write that sends no signals (bulk_create, QuerySet.update): show it
    everywhere. Saves and deletes say so themselves (careers.web.caching.forget_on_change)."""
    content_changed()


class RoleOccupationManager(models.Manager):
    def get_by_natural_key(self, role_slug: str, code: str) -> RoleOccupation:
        return self.get(role__slug=role_slug, occupation__code=code)


class RoleOccupation(models.Model):
    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="occupation_links"
    )
    occupation = models.ForeignKey(
        Occupation, on_delete=models.PROTECT, related_name="role_links"
    )
    fit = models.CharField(max_length=25, choices=OccupationFit.choices)
    reason = models.CharField(max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    objects = RoleOccupationManager()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "occupation"], name="unique_role_occupation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.role} ← {self.occupation}"

    def natural_key(self) -> tuple[str, str]:
        return (self.role.slug, self.occupation.code)

    natural_key.dependencies = ["careers.role", "careers.occupation"]


class LoadedRow(models.Model):
    """What `sync_catalogue` last wrote to one catalogue row, as a hash of its fields: a
    row that no longer matches it was changed by an editor since, and is left alone."""

    model = models.CharField(max_length=40)
    key = models.CharField(max_length=300, help_text="The row's natural key, as JSON.")
    fields_hash = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["model", "key"], name="unique_loaded_row")
        ]

    def __str__(self) -> str:
        return f"{self.model} {self.key}"
