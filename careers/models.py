"""The BPO/KPO catalogue (categories, roles, requirements, O*NET occupations) and listings."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import orjson
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from psycopg.types.json import Jsonb

from careers import scoring
from careers.pagecache import content_changed, content_version
from careers.prepared import PreparedQuery, model_from_row

LISTING_LIFETIME = timedelta(days=30)


class FastJSONField(models.JSONField):
    """A JSONField encoded and decoded by orjson instead of the json module.

    Every quiz step writes the answers, and every finished quiz about 30 KB of
    recommendation: the json module took about 0.18 ms to encode that, orjson 0.013 (and
    half the time to decode). Same data in and out (orjson writes no spaces); these
    fields take no custom encoder or decoder.
    """

    def get_db_prep_value(self, value, connection, prepared=False):
        if not prepared:
            value = self.get_prep_value(value)
        if connection.vendor == "postgresql":
            return Jsonb(value, dumps=orjson.dumps)
        return orjson.dumps(value).decode()

    def from_db_value(self, value, expression, connection):
        if not isinstance(value, str | bytes):
            # NULL, or a key transform's value that SQLite already gave as a number.
            return value
        try:
            return orjson.loads(value)
        except orjson.JSONDecodeError:
            return value


class Sector(models.TextChoices):
    BPO = "BPO", "BPO"
    KPO = "KPO", "KPO"

    @property
    def long_name(self) -> str:
        return SECTOR_LONG_NAMES[self]

    @property
    def definition(self) -> str:
        return SECTOR_DEFINITIONS[self]


SECTOR_LONG_NAMES = {
    Sector.BPO: "Business process outsourcing",
    Sector.KPO: "Knowledge process outsourcing",
}

# Paraphrased from our two source articles on BPO and KPO.
SECTOR_DEFINITIONS = {
    Sector.BPO: (
        "A company hands its non-primary, process-driven activities (customer calls, "
        "data entry, billing, payroll, help desks) to a specialist provider, to cut "
        "costs and raise productivity. The work follows set rules and is measured in "
        "volume; the main entry requirement is communication skill."
    ),
    Sector.KPO: (
        "A company hands core, information-related work (research, analysis, legal "
        "work, design, training) to a provider whose skilled professionals add insight "
        "and judgement. The work needs domain knowledge and, usually, a professional "
        "qualification in the field."
    ),
}


class CEFRLevel(models.TextChoices):
    """Common European Framework of Reference levels, lowest first."""

    A1 = "A1", "A1 – Beginner"
    A2 = "A2", "A2 – Elementary"
    B1 = "B1", "B1 – Intermediate"
    B2 = "B2", "B2 – Upper intermediate"
    C1 = "C1", "C1 – Advanced"
    C2 = "C2", "C2 – Proficient"


# Can-do statements a candidate recognises, written for work situations (after the CEFR
# self-assessment grid, Council of Europe).
SPOKEN_CAN_DO = {
    CEFRLevel.A1: "I can say who I am and answer very simple questions if people speak slowly.",
    CEFRLevel.A2: "I can handle short, routine exchanges, like giving my name, address and "
    "the time of an appointment.",
    CEFRLevel.B1: "I can take a simple phone call about a familiar topic, if I can ask the "
    "caller to repeat things.",
    CEFRLevel.B2: "I can handle a customer's complaint on the phone without preparing, "
    "and explain a solution clearly.",
    CEFRLevel.C1: "I can speak fluently in meetings and calls, argue a point and adjust "
    "my tone to the listener.",
    CEFRLevel.C2: "I can present and negotiate on complex matters as easily as a "
    "well-educated native speaker.",
}
WRITTEN_CAN_DO = {
    CEFRLevel.A1: "I can fill in a form with my name, address and date of birth.",
    CEFRLevel.A2: "I can write short, simple notes and messages about everyday needs.",
    CEFRLevel.B1: "I can write a simple, connected email about familiar work matters.",
    CEFRLevel.B2: "I can write clear, correct replies to customers' emails and chats, "
    "and explain a problem and its fix.",
    CEFRLevel.C1: "I can write well-structured reports and summaries of complex "
    "documents for a client.",
    CEFRLevel.C2: "I can write and edit complex, polished text such as legal briefs, "
    "research reports or published articles.",
}


class EducationLevel(models.TextChoices):
    """Highest level completed, lowest first (Indian school and university stages)."""

    SECONDARY = "10th", "10th (secondary school)"
    HIGHER_SECONDARY = "12th", "12th (higher secondary)"
    DIPLOMA = "diploma", "Diploma or certificate after school"
    BACHELOR = "bachelor", "Bachelor's degree"
    MASTER = "master", "Master's degree"
    DOCTORATE = "doctorate", "Doctorate"


class FieldOfStudy(models.TextChoices):
    ANY = "any", "Any field"
    COMMERCE = "commerce", "Commerce, accounting or finance"
    ECONOMICS = "economics", "Economics"
    BUSINESS = "business", "Business or management"
    LAW = "law", "Law"
    STATISTICS = "statistics", "Statistics or mathematics"
    COMPUTING = "computing", "Computer science or IT"
    ENGINEERING = "engineering", "Engineering"
    LIFE_SCIENCES = "life_sciences", "Life sciences, nursing, pharmacy or medicine"
    HUMANITIES = "humanities", "English, journalism, languages or humanities"
    SOCIAL_SCIENCES = "social_sciences", "Psychology or social sciences"
    DESIGN = "design", "Design or fine arts"
    EDUCATION = "education", "Education (teaching)"


class Language(models.TextChoices):
    """Languages other than English that outsourcing work asks for."""

    HINDI = "hindi", "Hindi"
    BENGALI = "bengali", "Bengali"
    MARATHI = "marathi", "Marathi"
    TELUGU = "telugu", "Telugu"
    TAMIL = "tamil", "Tamil"
    GUJARATI = "gujarati", "Gujarati"
    KANNADA = "kannada", "Kannada"
    MALAYALAM = "malayalam", "Malayalam"
    PUNJABI = "punjabi", "Punjabi"
    URDU = "urdu", "Urdu"
    ODIA = "odia", "Odia"
    TAGALOG = "tagalog", "Tagalog / Filipino"
    SPANISH = "spanish", "Spanish"
    FRENCH = "french", "French"
    GERMAN = "german", "German"
    JAPANESE = "japanese", "Japanese"
    ARABIC = "arabic", "Arabic"
    MANDARIN = "mandarin", "Mandarin Chinese"
    PORTUGUESE = "portuguese", "Portuguese"


# A requirement may accept "any Indian language" with this code.
INDIAN_LANGUAGES_CODE = "indian"
INDIAN_LANGUAGES = [
    Language.HINDI,
    Language.BENGALI,
    Language.MARATHI,
    Language.TELUGU,
    Language.TAMIL,
    Language.GUJARATI,
    Language.KANNADA,
    Language.MALAYALAM,
    Language.PUNJABI,
    Language.URDU,
    Language.ODIA,
]


class ExperienceDomain(models.TextChoices):
    CUSTOMER_SERVICE = "customer_service", "Customer service or call centre"
    SALES = "sales", "Sales or telecalling"
    BACK_OFFICE = "back_office", "Data entry or back office"
    FINANCE = "finance", "Accounting, finance or banking"
    HEALTHCARE = "healthcare", "Healthcare or medical records"
    IT_SUPPORT = "it_support", "IT or technical support"
    ENGINEERING = "engineering", "Engineering or drafting"
    HR = "hr", "HR or recruitment"
    LEGAL = "legal", "Legal work"
    RESEARCH = "research", "Research or data analysis"
    WRITING = "writing", "Writing, editing or content"
    DESIGN = "design", "Design"
    TEACHING = "teaching", "Teaching or training"
    OTHER = "other", "Something else"


class SkillLevel(models.TextChoices):
    BASIC = "basic", "Basic – I have used it a little"
    WORKING = "working", "Working – I use it on my own for everyday tasks"
    ADVANCED = "advanced", "Advanced – I could teach it or handle hard cases"


class Shift(models.TextChoices):
    DAY = "day", "Day shift (local business hours)"
    UK_HOURS = "uk_hours", "UK business hours (afternoon to late evening in India)"
    US_HOURS = "us_hours", "US business hours (night shift in India)"
    ROTATIONAL = "rotational", "Rotational shifts and weekly offs"


class Channel(models.TextChoices):
    VOICE = "voice", "Voice (phone calls)"
    NON_VOICE = "non_voice", "Non-voice (chat, email, documents)"


class OccupationFit(models.TextChoices):
    PRIMARY = "primary", "Primary match"
    SECONDARY = "secondary", "Related match"
    PROXY = "proxy", "Rated stand-in"
    PRIMARY_NO_RATINGS = (
        "primary_no_ratings",
        "Primary match (no ratings in O*NET 29.3)",
    )
    SECONDARY_NO_RATINGS = (
        "secondary_no_ratings",
        "Related match (no ratings in O*NET 29.3)",
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
    class Kind(models.TextChoices):
        DEGREE = "degree", "Degree"
        CERTIFICATION = "certification", "Certification"
        LICENCE = "licence", "Professional licence or membership"

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
    class Kind(models.TextChoices):
        TOOL = "tool", "Software or tool"
        SKILL = "skill", "Skill"

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
        return self.select_related("category").prefetch_related(
            "occupation_links__occupation",
            models.Prefetch(
                "requirements",
                queryset=Requirement.objects.prefetch_related(
                    "qualifications", "skills"
                ),
            ),
        )


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


# The scoring engine reads every role on each finished quiz, and every quiz step reads the
# qualifications and skills; the catalogue changes seldom. Each is kept in the shared cache
# (built once for every process) and, unpickled, in the process itself, both forgotten when
# the content version changes: catalogue edits in the admin at once (other processes within
# a second), a `loaddata` within the timeout.
SCORING_CATALOGUE_KEY = "scoring-catalogue"
QUESTIONNAIRE_CATALOGUE_KEY = "questionnaire-catalogue"
SCORING_CATALOGUE_SECONDS = 300
_in_process: dict[str, tuple[str, float, Any]] = {}


def _catalogue_part(key: str, load: Callable[[], Any]) -> Any:
    version, now = content_version(), time.monotonic()
    kept = _in_process.get(key)
    if kept is not None and kept[0] == version and kept[1] > now:
        return kept[2]
    value = cache.get(key)
    if value is None:
        value = load()
        cache.set(key, value, SCORING_CATALOGUE_SECONDS)
    _in_process[key] = (version, now + SCORING_CATALOGUE_SECONDS, value)
    return value


def scoring_catalogue() -> tuple[scoring.Role, ...]:
    """Every role of the catalogue, ready for the scoring engine."""
    return _catalogue_part(
        SCORING_CATALOGUE_KEY,
        lambda: tuple(role.as_scoring() for role in Role.objects.for_scoring()),
    )


def _load_questionnaire_catalogue() -> tuple[list[Qualification], list[Skill]]:
    kinds = list(Qualification.Kind.values)
    qualifications = sorted(
        Qualification.objects.all(), key=lambda q: (kinds.index(q.kind), q.name)
    )
    return qualifications, list(Skill.objects.order_by("kind", "name"))


def questionnaire_catalogue() -> tuple[list[Qualification], list[Skill]]:
    """The qualifications and skills the questionnaire offers, in display order."""
    return _catalogue_part(QUESTIONNAIRE_CATALOGUE_KEY, _load_questionnaire_catalogue)


def catalogue_changed() -> None:
    """Forget the cached catalogue, and the pages that show it, after an edit."""
    cache.delete_many([SCORING_CATALOGUE_KEY, QUESTIONNAIRE_CATALOGUE_KEY])
    _in_process.clear()
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


class RequirementKind(models.TextChoices):
    SPOKEN_ENGLISH = "spoken_english", "Spoken English"
    WRITTEN_ENGLISH = "written_english", "Written English"
    OTHER_LANGUAGE = "other_language", "Another language"
    TYPING_SPEED = "typing_speed", "Typing speed"
    EDUCATION_LEVEL = "education_level", "Education level"
    FIELD_OF_STUDY = "field_of_study", "Field of study"
    QUALIFICATION = "qualification", "Professional qualification"
    SKILL = "skill", "Skill or tool"
    EXPERIENCE_YEARS = "experience_years", "Work experience"
    SHIFT = "shift", "Shift availability"
    WORK_FROM_HOME = "work_from_home", "Work-from-home readiness"
    PORTFOLIO = "portfolio", "Portfolio of work"


class Importance(models.TextChoices):
    MUST = "must", "Must-have"
    NICE = "nice", "Nice to have"


class Source(models.TextChoices):
    ONET = "onet", "Derived from O*NET 29.3"
    HAND = "hand", "Written by hand"


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
            scoring.Option(slug, name, quick=qkind == Qualification.Kind.CERTIFICATION)
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


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    CLOSED = "closed", "Closed"


class WorkMode(models.TextChoices):
    ON_SITE = "on_site", "On-site"
    REMOTE = "remote", "Remote"
    HYBRID = "hybrid", "Hybrid"


class Shore(models.TextChoices):
    ONSHORE = "onshore", "Onshore (same country as the client)"
    NEARSHORE = "nearshore", "Nearshore (a neighbouring country)"
    OFFSHORE = "offshore", "Offshore (a distant country)"


class SalaryPeriod(models.TextChoices):
    MONTH = "month", "per month"
    YEAR = "year", "per year"


class JobListingQuerySet(models.QuerySet):
    def visible(self) -> JobListingQuerySet:
        """Published and not yet expired: what job seekers may see."""
        return self.filter(status=Status.PUBLISHED, expires_at__gt=timezone.now())

    def owned_by(self, user: AbstractBaseUser) -> JobListingQuerySet:
        return self.filter(owner=user)

    def expiring_within(self, days: int) -> JobListingQuerySet:
        now = timezone.now()
        return self.filter(
            status=Status.PUBLISHED,
            expires_at__gt=now,
            expires_at__lte=now + timedelta(days=days),
        )


class JobListing(models.Model):
    """A real vacancy posted by a recruiter, shown beside matching roles."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="job_listings"
    )
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="listings")
    title = models.CharField(max_length=150)
    company = models.CharField(max_length=150)
    location = models.CharField(max_length=150)
    work_mode = models.CharField(max_length=10, choices=WorkMode.choices)
    shore = models.CharField(max_length=10, choices=Shore.choices)
    shift = models.CharField(max_length=12, choices=Shift.choices)
    salary_min = models.PositiveIntegerField(null=True, blank=True)
    salary_max = models.PositiveIntegerField(null=True, blank=True)
    salary_currency = models.CharField(
        max_length=3, default="INR", help_text="ISO code."
    )
    salary_period = models.CharField(
        max_length=5, choices=SalaryPeriod.choices, default=SalaryPeriod.MONTH
    )
    show_salary = models.BooleanField(default=True)
    description = models.TextField()
    how_to_apply = models.TextField()
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Left empty, it is set to 30 days after publishing.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = JobListingQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(salary_min__isnull=True)
                | Q(salary_max__isnull=True)
                | Q(salary_min__lte=models.F("salary_max")),
                name="listing_salary_min_not_above_max",
            )
        ]
        indexes = [models.Index(fields=["status", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.title} at {self.company}"

    def save(self, *args, **kwargs) -> None:
        # A published listing always has a publication date and an expiry.
        if self.status == Status.PUBLISHED:
            self.published_at = self.published_at or timezone.now()
            self.expires_at = self.expires_at or self.published_at + LISTING_LIFETIME
        super().save(*args, **kwargs)
        # Listings appear on cached pages: show the change at once.
        content_changed()

    def delete(self, *args, **kwargs):
        deleted = super().delete(*args, **kwargs)
        content_changed()
        return deleted

    def clean(self) -> None:
        if (
            self.salary_min is not None
            and self.salary_max is not None
            and self.salary_min > self.salary_max
        ):
            raise ValidationError({"salary_max": "The maximum is below the minimum."})
        if len(self.salary_currency) != 3 or not self.salary_currency.isalpha():
            raise ValidationError(
                {"salary_currency": "Use a 3-letter code such as INR."}
            )
        self.salary_currency = self.salary_currency.upper()

    def publish(self) -> None:
        """Publish now for 30 days (an expired listing gets a fresh 30 days)."""
        now = timezone.now()
        self.status = Status.PUBLISHED
        self.published_at = now
        if self.expires_at is None or self.expires_at <= now:
            self.expires_at = now + LISTING_LIFETIME
        self.save()

    def close(self) -> None:
        self.status = Status.CLOSED
        self.save()

    def renew(self) -> None:
        """Keep a published listing up for another 30 days from today."""
        self.expires_at = timezone.now() + LISTING_LIFETIME
        self.save()

    @property
    def is_visible(self) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.expires_at is not None
            and self.expires_at > timezone.now()
        )

    @property
    def salary_display(self) -> str:
        if not self.show_salary or (
            self.salary_min is None and self.salary_max is None
        ):
            return ""
        amounts = [
            f"{a:,}" for a in (self.salary_min, self.salary_max) if a is not None
        ]
        return f"{self.salary_currency} {'–'.join(amounts)} {self.get_salary_period_display()}"


def new_token() -> str:
    """192 random bits, URL-safe: unguessable, so it can stand in for an account."""
    return secrets.token_urlsafe(24)


class AssessmentQuerySet(models.QuerySet):
    def unfinished(self) -> AssessmentQuerySet:
        return self.filter(result__isnull=True)

    def stale_drafts(self, before: datetime) -> AssessmentQuerySet:
        """Unfinished, and not touched since `before`: abandoned quizzes."""
        return self.unfinished().filter(updated_at__lt=before)

    def by_token(self, token: str) -> Assessment | None:
        """The assessment with this token, with `finished` set, or None.

        Every quiz step asks, so the query is compiled once (careers/prepared.py).
        """
        row = _BY_TOKEN.first(token=token)
        if row is None:
            return None
        return _assessment_from_row(row, self.db)

    def save_step(
        self, token: str, slug: str, answers: dict, earlier: list[str]
    ) -> Assessment | None:
        """Store one step's answers, if every step in `earlier` is answered: one statement.

        The answers are merged into the row by the database itself, so two tabs saving
        different steps at once both keep theirs, with no lock held between round trips.
        Gives the assessment as stored (answers and `finished`), or None when there is no
        quiz with this token or an earlier step is unanswered. In a transaction, the row
        stays locked until it ends, so the answers given back are the ones kept.
        """
        connection = connections[self.db]
        sql = _save_step_sql(connection, len(earlier))
        meta = Assessment._meta
        answers_field = meta.get_field("answers")
        params = [
            _json_path(connection, slug),
            answers_field.get_db_prep_save(answers, connection),
            meta.get_field("updated_at").get_db_prep_save(timezone.now(), connection),
            token,
        ]
        if connection.vendor == "postgresql":
            params += [earlier] if earlier else []
        else:
            params.extend(_json_path(connection, s) for s in earlier)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        if row is None:
            return None
        # RETURNING gives the columns of the lookup by token, in its order.
        return _assessment_from_row(_BY_TOKEN.convert(row, self.db), self.db)

    def result_state(self, token: str) -> tuple | None:
        """(answers, result scored at, shares, last revoked at) for a result page, or None.

        What the result page shows depends on exactly these; compiled once, as above.
        """
        return _RESULT_STATE.first(token=token)


_BY_TOKEN_FIELDS = ["id", "token", "answers", "version", "created_at", "updated_at"]
_BY_TOKEN = PreparedQuery(
    lambda token: (
        Assessment.objects.filter(token=token)
        .annotate(finished=Exists(Result.objects.filter(assessment=OuterRef("pk"))))
        .values_list(*_BY_TOKEN_FIELDS, "finished")
    ),
    "token",
)


def _assessment_from_row(row: tuple, using: str) -> Assessment:
    *values, finished = row
    assessment = model_from_row(Assessment, _BY_TOKEN_FIELDS, values, using)
    assessment.finished = bool(finished)
    return assessment


def _json_path(connection, slug: str) -> str | list[str]:
    """Where a step's answers sit in the answers column, as this database names it."""
    if connection.vendor == "postgresql":
        return [slug]
    return f'$."{slug}"'


def _save_step_sql(connection, earlier: int) -> str:
    """The UPDATE of Assessment.save_step(), written out once per database and count."""
    key = (connection.vendor, earlier)
    sql = _SAVE_STEP_SQL.get(key)
    if sql is not None:
        return sql
    meta, quote = Assessment._meta, connection.ops.quote_name
    table = quote(meta.db_table)
    answers = quote(meta.get_field("answers").column)
    updated_at = quote(meta.get_field("updated_at").column)
    version = quote(meta.get_field("version").column)
    result = Result._meta
    finished = (
        f"EXISTS (SELECT 1 FROM {quote(result.db_table)} WHERE "
        f"{quote(result.get_field('assessment').column)} = "
        f"{table}.{quote(meta.pk.column)})"
    )
    if connection.vendor == "postgresql":
        merged = f"jsonb_set({answers}, %s::text[], %s::jsonb)"
        answered = f"{answers} ?& %s::text[]"
    else:
        merged = f"json_set({answers}, %s, json(%s))"
        answered = " AND ".join([f"json_type({answers}, %s) IS NOT NULL"] * earlier)
    returning = ", ".join(quote(meta.get_field(f).column) for f in _BY_TOKEN_FIELDS)
    sql = (
        f"UPDATE {table} SET {answers} = {merged}, {version} = {version} + 1, "
        f"{updated_at} = %s "
        f"WHERE {quote(meta.get_field('token').column)} = %s"
        + (f" AND {answered}" if earlier else "")
        + f" RETURNING {returning}, {finished}"
    )
    _SAVE_STEP_SQL[key] = sql
    return sql


_SAVE_STEP_SQL: dict[tuple[str, int], str] = {}
_RESULT_STATE = PreparedQuery(
    lambda token: (
        Assessment.objects.filter(token=token)
        .annotate(
            shares=models.Count("result__shares"),
            last_revoked=models.Max("result__shares__revoked_at"),
        )
        .values_list("answers", "result__updated_at", "shares", "last_revoked")
    ),
    "token",
)


class Assessment(models.Model):
    """A candidate's questionnaire answers, saved at every step under an unguessable token."""

    token = models.CharField(max_length=64, default=new_token, editable=False)
    # {step slug: {"form": answers as given, "profile": the step's profile data}}
    answers = FastJSONField(default=dict, blank=True)
    # One more at every saved step: a result records the version it scored, so scoring
    # that finishes late never replaces the result of answers given after it.
    version = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["updated_at"])]
        constraints = [
            # A constraint rather than unique=True, which on PostgreSQL adds a second
            # index for LIKE searches that every saved step would have to update too;
            # tokens are only ever looked up whole.
            models.UniqueConstraint(fields=["token"], name="careers_assessment_token")
        ]

    def __str__(self) -> str:
        return f"Assessment started {self.created_at:%Y-%m-%d %H:%M}"

    def has_answered(self, slug: str) -> bool:
        return slug in self.answers


class Result(models.Model):
    """The recommendation for a finished assessment: exactly one per assessment."""

    assessment = models.OneToOneField(
        Assessment, on_delete=models.CASCADE, related_name="result"
    )
    profile = FastJSONField(help_text="The profile data the result was computed from.")
    recommendation = FastJSONField(help_text="The scoring engine's output, as data.")
    answers_version = models.PositiveIntegerField(
        default=0, help_text="The assessment's version whose answers were scored."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Result of {self.assessment}"

    def get_absolute_url(self) -> str:
        return reverse("careers:result_detail", args=[self.assessment.token])

    def store(self) -> bool:
        """Insert this result, or update the assessment's one result: one statement.

        The one-to-one column makes a second result impossible, so a double submit or a
        retry updates the same one. Scoring holds no lock, so a finish can be stored after
        another's that scored later answers: then the later result is kept and this gives
        False. Written out (ON CONFLICT works alike on SQLite and PostgreSQL) rather than
        compiled by bulk_create() for every finished quiz.
        """
        self.created_at = self.updated_at = timezone.now()
        connection = connections[DEFAULT_DB_ALIAS]
        meta, quote = Result._meta, connection.ops.quote_name
        table = quote(meta.db_table)
        names = [
            "assessment",
            "profile",
            "recommendation",
            "answers_version",
            "created_at",
            "updated_at",
        ]
        columns = [quote(meta.get_field(name).column) for name in names]
        updated = ", ".join(
            f"{column} = excluded.{column}"
            for name, column in zip(names, columns, strict=True)
            if name not in ("assessment", "created_at")
        )
        version = quote(meta.get_field("answers_version").column)
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join(['%s'] * len(columns))}) "
            f"ON CONFLICT ({columns[0]}) DO UPDATE SET {updated} "
            f"WHERE {table}.{version} <= excluded.{version} "
            f"RETURNING {quote(meta.pk.column)}"
        )
        params = [
            meta.get_field(name).get_db_prep_save(
                getattr(self, meta.get_field(name).attname), connection
            )
            for name in names
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        if row is None:
            return False
        self.pk = row[0]
        self._state.adding, self._state.db = False, connection.alias
        return True


class ShareExpiry(models.TextChoices):
    WEEK = "7", "7 days"
    MONTH = "30", "30 days"
    NEVER = "never", "Never"


def share_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ShareQuerySet(models.QuerySet):
    def by_token(self, token: str, with_card: bool = False) -> Share | None:
        """The share a link's token opens (active or not), without its snapshot.

        Every shared page asks, so the query is compiled once (careers/prepared.py).
        """
        query = _SHARE_WITH_CARD_BY_HASH if with_card else _SHARE_BY_HASH
        row = query.first(token_hash=share_token_hash(token))
        if row is None:
            return None
        fields = [*_SHARE_FIELDS, "card"] if with_card else _SHARE_FIELDS
        return model_from_row(Share, fields, row, self.db)

    def active(self) -> ShareQuerySet:
        """Not revoked and not expired: links that still open."""
        return self.filter(revoked_at__isnull=True).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now())
        )

    def stale(self, before: datetime) -> ShareQuerySet:
        """Links that stopped working (expired or switched off) before `before`."""
        return self.filter(Q(expires_at__lt=before) | Q(revoked_at__lt=before))


_SHARE_FIELDS = ["id", "result_id", "expires_at", "revoked_at"]
_SHARE_BY_HASH = PreparedQuery(
    lambda token_hash: Share.objects.filter(token_hash=token_hash).values_list(
        *_SHARE_FIELDS
    ),
    "token_hash",
)
_SHARE_WITH_CARD_BY_HASH = PreparedQuery(
    lambda token_hash: Share.objects.filter(token_hash=token_hash).values_list(
        *_SHARE_FIELDS, "card"
    ),
    "token_hash",
)


class Share(models.Model):
    """A public, revocable link to a chosen part of a result.

    The link's token is derived from a random salt with the site's secret key and only its
    SHA-256 is stored, so a copy of the database alone opens no shared page, while the
    candidate's private page can still show their links.
    """

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="shares")
    salt = models.CharField(max_length=64, unique=True, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    show_scores = models.BooleanField(default=False)
    # What the page and the card show, fixed when the link is made: top roles and summary.
    snapshot = FastJSONField()
    card = models.BinaryField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ShareQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Share of {self.result} made {self.created_at:%Y-%m-%d}"

    def save(self, *args, **kwargs) -> None:
        if not self.salt:
            self.salt = secrets.token_urlsafe(32)
            self.token_hash = share_token_hash(self.token)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("careers:share_detail", args=[self.token])

    @property
    def token(self) -> str:
        """256 bits: HMAC-SHA256 of the salt under the secret key, URL-safe."""
        digest = hmac.new(
            settings.SECRET_KEY.encode(), self.salt.encode(), hashlib.sha256
        ).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and (
            self.expires_at is None or self.expires_at > timezone.now()
        )

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
