"""The catalogue: categories, roles and their requirements, O*NET occupations,
qualifications and skills, and the catalogue as the quiz and the scoring engine read it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from careers import scoring
from careers.caching import cached_value, content_changed
from careers.choices import (
    INDIAN_LANGUAGES,
    INDIAN_LANGUAGES_CODE,
    SPOKEN_CAN_DO,
    WRITTEN_CAN_DO,
    CEFRLevel,
    Channel,
    EducationLevel,
    ExperienceDomain,
    FieldOfStudy,
    Importance,
    Language,
    OccupationFit,
    QualificationKind,
    RequirementKind,
    Sector,
    Shift,
    SkillKind,
    SkillLevel,
    Source,
)


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


class Qualification(models.Model):
    Kind = QualificationKind

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    field = models.CharField(max_length=20, choices=FieldOfStudy.choices)
    description = models.TextField(blank=True)

    objects = SlugManager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


class Skill(models.Model):
    Kind = SkillKind

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    description = models.TextField(blank=True)

    objects = SlugManager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


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
    typical_shifts = models.CharField(max_length=240)
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
        )


# The scoring engine reads every role on each finished quiz and the quiz offers every
# qualification and skill; both change seldom, so they are kept for the generation.
CATALOGUE_SECONDS = 300


def scoring_catalogue() -> tuple[scoring.Role, ...]:
    """Every role of the catalogue, ready for the scoring engine."""
    return cached_value(
        "scoring-catalogue",
        lambda: tuple(role.as_scoring() for role in Role.objects.for_scoring()),
        CATALOGUE_SECONDS,
    )


def questionnaire_catalogue() -> tuple[list[Qualification], list[Skill]]:
    """The qualifications and skills the questionnaire offers, in display order."""

    def load() -> tuple[list[Qualification], list[Skill]]:
        kinds = list(QualificationKind.values)
        qualifications = sorted(
            Qualification.objects.all(), key=lambda q: (kinds.index(q.kind), q.name)
        )
        return qualifications, list(Skill.objects.order_by("kind", "name"))

    return cached_value("questionnaire-catalogue", load, CATALOGUE_SECONDS)


def catalogue_changed() -> None:
    """After an edit made outside the admin (a shell, a script): show it everywhere."""
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


class RequirementManager(models.Manager):
    def get_by_natural_key(self, role_slug: str, code: str) -> Requirement:
        return self.get(role__slug=role_slug, code=code)


class Requirement(models.Model):
    """What a role asks of a candidate: a hard gate (must-have) or a weighted nice-to-have.

    The threshold lives in the field that fits the kind: `level` for English (CEFR),
    education, skill level and shifts; `amount` for words per minute and years;
    `subject` for the language or the experience domain; `fields` for fields of study;
    `qualifications` and `skills` hold alternatives (any one of them is enough).
    """

    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="requirements"
    )
    code = models.SlugField(
        max_length=60,
        help_text="Short name, unique within the role (e.g. spoken-english).",
    )
    kind = models.CharField(max_length=20, choices=RequirementKind.choices)
    level = models.CharField(max_length=20, blank=True)
    amount = models.PositiveSmallIntegerField(null=True, blank=True)
    subject = models.CharField(max_length=60, blank=True)
    fields = models.CharField(
        "fields of study",
        max_length=200,
        blank=True,
        help_text="Comma-separated field codes, any of which is accepted.",
    )
    qualifications = models.ManyToManyField(Qualification, blank=True)
    skills = models.ManyToManyField(Skill, blank=True)
    importance = models.CharField(max_length=4, choices=Importance.choices)
    weight = models.PositiveSmallIntegerField(
        default=3, help_text="1–5: how much a nice-to-have adds to the fit score."
    )
    explanation = models.TextField(help_text="Plain words for candidates.")
    source = models.CharField(max_length=4, choices=Source.choices)
    source_note = models.CharField(
        max_length=300, help_text="The O*NET figures behind it, or the one-line reason."
    )
    position = models.PositiveSmallIntegerField(default=0)

    objects = RequirementManager()

    class Meta:
        ordering = ["role_id", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "code"], name="unique_requirement_code"
            ),
            models.CheckConstraint(
                condition=Q(weight__gte=1, weight__lte=5),
                name="requirement_weight_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.role}: {self.get_kind_display()} ({self.get_importance_display()})"
        )

    def natural_key(self) -> tuple[str, str]:
        return (self.role.slug, self.code)

    natural_key.dependencies = [
        "careers.role",
        "careers.qualification",
        "careers.skill",
    ]

    def clean(self) -> None:
        errors = requirement_threshold_errors(
            self.kind, self.level, self.amount, self.subject, self.fields
        )
        if errors:
            raise ValidationError(errors)

    def clean_options(self) -> None:
        """Of a saved requirement: whether it names what it accepts (many-to-many fields
        are set after the row is saved; forms call requirement_option_errors())."""
        errors = requirement_option_errors(
            self.kind, list(self.qualifications.all()), list(self.skills.all())
        )
        if errors:
            raise ValidationError(errors)

    @property
    def is_must_have(self) -> bool:
        return self.importance == Importance.MUST

    @property
    def field_list(self) -> list[str]:
        return [f.strip() for f in self.fields.split(",") if f.strip()]

    @property
    def threshold_display(self) -> str:
        """The threshold in words, e.g. "B2 – Upper intermediate" or "35 words per minute"."""
        kind = self.kind
        if kind in (RequirementKind.SPOKEN_ENGLISH, RequirementKind.WRITTEN_ENGLISH):
            return CEFRLevel(self.level).label
        if kind == RequirementKind.OTHER_LANGUAGE:
            return f"{self.languages_display} at {CEFRLevel(self.level).label}"
        if kind == RequirementKind.TYPING_SPEED:
            return f"{self.amount} words per minute"
        if kind == RequirementKind.EDUCATION_LEVEL:
            return f"{EducationLevel(self.level).label} or higher"
        if kind == RequirementKind.FIELD_OF_STUDY:
            return " or ".join(FieldOfStudy(f).label for f in self.field_list)
        if kind == RequirementKind.QUALIFICATION:
            return " or ".join(q.name for q in self.qualifications.all())
        if kind == RequirementKind.SKILL:
            names = " or ".join(s.name for s in self.skills.all())
            return f"{names} ({SkillLevel(self.level).label.split(' –')[0].lower()})"
        if kind == RequirementKind.EXPERIENCE_YEARS:
            years = f"{self.amount} year{'s' if self.amount != 1 else ''}"
            domains = " or ".join(
                ExperienceDomain(c).label.lower() for c in self.subject_codes
            )
            return f"{years} in {domains}" if domains else f"{years} in any field"
        if kind == RequirementKind.SHIFT:
            return Shift(self.level).label
        return ""

    @property
    def subject_codes(self) -> list[str]:
        return [c.strip() for c in self.subject.split(",") if c.strip()]

    @property
    def languages_display(self) -> str:
        return languages_label(self.subject_codes)

    def accepted_options(self) -> tuple[scoring.Option, ...]:
        """The answers that meet this requirement, for the scoring engine."""
        return accepted_options(
            self.kind,
            fields=self.field_list,
            qualifications=[
                (q.slug, q.name, q.kind) for q in self.qualifications.all()
            ],
            skills=[(k.slug, k.name) for k in self.skills.all()],
            subject_codes=self.subject_codes,
        )

    def as_scoring(self) -> scoring.Requirement:
        return scoring.Requirement(
            code=self.code,
            kind=self.kind,
            must=self.is_must_have,
            weight=self.weight,
            level=self.level,
            amount=self.amount,
            accepts=self.accepted_options(),
            label=self.languages_display
            if self.kind == RequirementKind.OTHER_LANGUAGE
            else "",
        )

    @property
    def can_do(self) -> str:
        if self.kind == RequirementKind.SPOKEN_ENGLISH:
            return SPOKEN_CAN_DO[CEFRLevel(self.level)]
        if self.kind == RequirementKind.WRITTEN_ENGLISH:
            return WRITTEN_CAN_DO[CEFRLevel(self.level)]
        return ""


def languages_label(codes: list[str]) -> str:
    if INDIAN_LANGUAGES_CODE in codes:
        return "Hindi or another Indian language"
    return " or ".join(Language(c).label for c in codes)


def accepted_options(
    kind: str,
    fields: list[str],
    qualifications: list[tuple[str, str, str]],
    skills: list[tuple[str, str]],
    subject_codes: list[str],
) -> tuple[scoring.Option, ...]:
    """The answers that meet a requirement of this kind, as scoring options."""
    if kind == RequirementKind.FIELD_OF_STUDY:
        return tuple(scoring.Option(f, FieldOfStudy(f).label) for f in fields)
    if kind == RequirementKind.QUALIFICATION:
        return tuple(
            scoring.Option(slug, name, quick=qkind == QualificationKind.CERTIFICATION)
            for slug, name, qkind in qualifications
        )
    if kind == RequirementKind.SKILL:
        return tuple(scoring.Option(slug, name) for slug, name in skills)
    if kind == RequirementKind.OTHER_LANGUAGE:
        codes = list(subject_codes)
        if INDIAN_LANGUAGES_CODE in codes:
            codes = [c for c in codes if c != INDIAN_LANGUAGES_CODE] + INDIAN_LANGUAGES
        return tuple(scoring.Option(c, Language(c).label) for c in dict.fromkeys(codes))
    if kind == RequirementKind.EXPERIENCE_YEARS:
        return tuple(
            scoring.Option(c, ExperienceDomain(c).label.lower()) for c in subject_codes
        )
    return ()


def requirement_threshold_errors(
    kind: str, level: str, amount: int | None, subject: str, fields: str
) -> dict[str, str]:
    """Which threshold field a requirement of this kind is missing or has wrong."""
    errors: dict[str, str] = {}
    level_choices = {
        RequirementKind.SPOKEN_ENGLISH: CEFRLevel,
        RequirementKind.WRITTEN_ENGLISH: CEFRLevel,
        RequirementKind.OTHER_LANGUAGE: CEFRLevel,
        RequirementKind.EDUCATION_LEVEL: EducationLevel,
        RequirementKind.SKILL: SkillLevel,
        RequirementKind.SHIFT: Shift,
    }
    if kind in level_choices:
        allowed = level_choices[kind].values
        if level not in allowed:
            errors["level"] = f"Choose one of: {', '.join(allowed)}."
    if (
        kind in (RequirementKind.TYPING_SPEED, RequirementKind.EXPERIENCE_YEARS)
        and not amount
    ):
        errors["amount"] = "Give the number (words per minute, or years)."
    codes = [c.strip() for c in subject.split(",") if c.strip()]
    if kind == RequirementKind.OTHER_LANGUAGE:
        allowed = [*Language.values, INDIAN_LANGUAGES_CODE]
        if not codes or any(c not in allowed for c in codes):
            errors["subject"] = f"Use language codes from: {', '.join(allowed)}."
    if kind == RequirementKind.EXPERIENCE_YEARS and any(
        c not in ExperienceDomain.values for c in codes
    ):
        errors["subject"] = (
            f"Use domain codes from: {', '.join(ExperienceDomain.values)}."
        )
    if kind == RequirementKind.FIELD_OF_STUDY:
        chosen = [f.strip() for f in fields.split(",") if f.strip()]
        unknown = [f for f in chosen if f not in FieldOfStudy.values]
        if not chosen or unknown:
            errors["fields"] = (
                f"Use field codes from: {', '.join(FieldOfStudy.values)}."
            )
    return errors


def requirement_option_errors(
    kind: str, qualifications: list, skills: list
) -> dict[str, str]:
    """A qualification or skill requirement must accept at least one: the quiz cannot
    score a requirement that nothing meets."""
    if kind == RequirementKind.QUALIFICATION and not qualifications:
        return {"qualifications": "Choose at least one qualification that meets it."}
    if kind == RequirementKind.SKILL and not skills:
        return {"skills": "Choose at least one skill that meets it."}
    return {}
