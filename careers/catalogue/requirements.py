"""What a role asks of a candidate: requirements, and the rules of each kind of them."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from careers import scoring
from careers.assessments.wording import say
from careers.choices import (
    SPOKEN_CAN_DO,
    WRITTEN_CAN_DO,
    CEFRLevel,
    EducationLevel,
    ExperienceDomain,
    FieldOfStudy,
    HomeItem,
    Importance,
    Language,
    PortfolioKind,
    RequirementKind,
    Shift,
    SkillLevel,
    Source,
)
from careers.markets import (
    DOMESTIC_NAMES,
    MarketsField,
    domestic_languages,
    education_label,
    market_codes,
    markets_of_language,
)
from careers.scoring.markets import DOMESTIC
from careers.scoring.text import Items, Text, Value


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
        "careers.Role", on_delete=models.CASCADE, related_name="requirements"
    )
    code = models.SlugField(
        max_length=60,
        help_text="Short name, unique within the role (e.g. spoken-english).",
    )
    kind = models.CharField(max_length=20, choices=RequirementKind.choices)
    level = models.CharField(max_length=20, blank=True)
    amount = models.PositiveSmallIntegerField(null=True, blank=True)
    subject = models.CharField(max_length=200, blank=True)
    fields = models.CharField(
        "fields of study",
        max_length=200,
        blank=True,
        help_text="Comma-separated field codes, any of which is accepted.",
    )
    qualifications = models.ManyToManyField("careers.Qualification", blank=True)
    skills = models.ManyToManyField("careers.Skill", blank=True)
    importance = models.CharField(max_length=4, choices=Importance.choices)
    weight = models.PositiveSmallIntegerField(
        default=3, help_text="1–5: how much a nice-to-have adds to the fit score."
    )
    explanation = models.TextField(help_text="Plain words for candidates.")
    source = models.CharField(max_length=4, choices=Source.choices)
    source_note = models.CharField(
        max_length=500, help_text="The O*NET figures behind it, or the one-line reason."
    )
    way = models.SlugField(
        "way in",
        max_length=40,
        blank=True,
        help_text="Blank: asked in every case. A name: asked only by that way in; a "
        "candidate meets the role through any one of its ways (and the blank ones).",
    )
    markets = MarketsField()
    position = models.PositiveSmallIntegerField(default=0)

    objects = RequirementManager()
    # The market a page shows it for (set by the view): its domestic languages and
    # qualifications; blank: every market's.
    country = ""

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

    def asked_in(self, country: str) -> bool:
        return scoring.belongs(frozenset(market_codes(self.markets)), country)

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
            return _("%(languages)s at %(level)s") % {
                "languages": self.languages_display,
                "level": CEFRLevel(self.level).label,
            }
        if kind == RequirementKind.TYPING_SPEED:
            return ngettext(
                "%(n)d word per minute", "%(n)d words per minute", self.amount
            ) % {"n": self.amount}
        if kind == RequirementKind.EDUCATION_LEVEL:
            return _("%(level)s or higher") % {
                "level": education_label(self.level, self.country)
            }
        if kind == RequirementKind.FIELD_OF_STUDY:
            return or_list(FieldOfStudy(f).label for f in self.field_list)
        if kind == RequirementKind.QUALIFICATION:
            return or_list(q.name for q in self.market_qualifications)
        if kind == RequirementKind.SKILL:
            return _("%(names)s (%(level)s)") % {
                "names": or_list(s.name for s in self.skills.all()),
                "level": SKILL_LEVEL_WORDS[self.level],
            }
        if kind == RequirementKind.EXPERIENCE_YEARS:
            # One list however many kinds: "customer service, a call centre or sales".
            domains = say(
                Items(
                    tuple(scoring.DOMAIN_PHRASES.get(c, c) for c in self.subject_codes)
                )
            )
            if not domains:
                return ngettext(
                    "%(n)d year in any field", "%(n)d years in any field", self.amount
                ) % {"n": self.amount}
            return ngettext(
                "%(n)d year in %(domains)s", "%(n)d years in %(domains)s", self.amount
            ) % {"n": self.amount, "domains": domains}
        if kind == RequirementKind.SHIFT:
            return or_list(Shift(c).label for c in self.subject_codes)
        if kind == RequirementKind.WORK_FROM_HOME:
            return and_list(HomeItem(c).label for c in self.home_items)
        if kind == RequirementKind.PORTFOLIO:
            return or_list(PortfolioKind(c).label for c in self.subject_codes)
        return ""

    @property
    def subject_codes(self) -> list[str]:
        return [c.strip() for c in self.subject.split(",") if c.strip()]

    @property
    def home_items(self) -> list[str]:
        """What a home set-up needs here: the items named, or all of them."""
        return self.subject_codes or list(HomeItem.values)

    @property
    def languages_display(self) -> str:
        return languages_label(self.subject_codes, self.country)

    @property
    def market_qualifications(self) -> list:
        """The qualifications accepted, those of the page's market where it has one."""
        return [
            q
            for q in self.qualifications.all()
            if not self.country or q.offered_in(self.country)
        ]

    def accepted_options(self) -> tuple[scoring.Option, ...]:
        """The answers that meet this requirement, for the scoring engine."""
        kind, codes, option = self.kind, self.subject_codes, scoring.Option
        if kind == RequirementKind.FIELD_OF_STUDY:
            return tuple(option(f, str(FieldOfStudy(f).label)) for f in self.field_list)
        if kind == RequirementKind.QUALIFICATION:
            return tuple(q.as_option() for q in self.qualifications.all())
        if kind == RequirementKind.SKILL:
            return tuple(k.as_option() for k in self.skills.all())
        if kind == RequirementKind.OTHER_LANGUAGE:
            # Each language counts in the markets where it is domestic (a foreign
            # one in all): the engine keeps those of the person's market.
            if DOMESTIC in codes:
                codes = [c for c in codes if c != DOMESTIC]
                codes += [c for langs in domestic_languages().values() for c in langs]
            return tuple(
                option(c, str(Language(c).label), markets=markets_of_language(c))
                for c in dict.fromkeys(codes)
            )
        if kind == RequirementKind.EXPERIENCE_YEARS:
            return tuple(option(c, str(ExperienceDomain(c).label)) for c in codes)
        if kind == RequirementKind.PORTFOLIO:
            return tuple(option(c, str(PortfolioKind(c).label)) for c in codes)
        if kind == RequirementKind.SHIFT:
            return tuple(option(c, str(Shift(c).label)) for c in codes)
        if kind == RequirementKind.WORK_FROM_HOME:
            return tuple(option(c, str(HomeItem(c).label)) for c in self.home_items)
        return ()

    def as_scoring(self) -> scoring.Requirement:
        return scoring.Requirement(
            code=self.code,
            kind=self.kind,
            must=self.is_must_have,
            weight=self.weight,
            level=self.level,
            amount=self.amount,
            accepts=self.accepted_options(),
            way=self.way,
            label=languages_phrase(self.subject_codes)
            if self.kind == RequirementKind.OTHER_LANGUAGE
            else "",
            markets=frozenset(market_codes(self.markets)),
            market_labels=tuple(
                (country, languages_phrase(self.subject_codes, country))
                for country in DOMESTIC_NAMES
            )
            if DOMESTIC in self.subject_codes
            else (),
        )

    def time_to_gain(self, estimates: dict[str, Any]) -> list[tuple[str, Any]]:
        """(what, estimate) pairs: how long meeting this takes if you do not yet, as
        the scoring engine counts it (`estimates`: the StepEstimates by code)."""
        kind = self.kind
        if kind == RequirementKind.QUALIFICATION:
            return [(q.name, q) for q in self.market_qualifications]
        per_kind = {
            RequirementKind.SPOKEN_ENGLISH: (_("Each CEFR level"), "cefr-level"),
            RequirementKind.WRITTEN_ENGLISH: (_("Each CEFR level"), "cefr-level"),
            RequirementKind.OTHER_LANGUAGE: (_("Each CEFR level"), "cefr-level"),
            RequirementKind.TYPING_SPEED: (_("Each 10 words a minute more"), "typing"),
            RequirementKind.EXPERIENCE_YEARS: (_("Each year"), "experience-year"),
            RequirementKind.WORK_FROM_HOME: (_("The set-up"), "home-setup"),
            RequirementKind.PORTFOLIO: (_("The samples"), "portfolio"),
            RequirementKind.SKILL: (_("To this level"), f"skill-{self.level}"),
            RequirementKind.EDUCATION_LEVEL: (
                _("This level, from the one before it"),
                f"education-{self.level}",
            ),
            RequirementKind.FIELD_OF_STUDY: (_("A degree in it"), "education-bachelor"),
        }
        what, code = per_kind.get(kind, ("", ""))
        return [(what, estimates[code])] if code in estimates else []

    @property
    def can_do(self) -> str:
        if self.kind == RequirementKind.SPOKEN_ENGLISH:
            return SPOKEN_CAN_DO[CEFRLevel(self.level)]
        if self.kind == RequirementKind.WRITTEN_ENGLISH:
            return WRITTEN_CAN_DO[CEFRLevel(self.level)]
        return ""


# The skill levels as a threshold names them: "Excel (working)".
SKILL_LEVEL_WORDS = {
    SkillLevel.BASIC: gettext_lazy("basic"),
    SkillLevel.WORKING: gettext_lazy("working"),
    SkillLevel.ADVANCED: gettext_lazy("advanced"),
}


def or_list(items) -> str:
    """ "A, B or C", in the page's language (as the engine joins them)."""
    texts = [str(i) for i in items]
    if len(texts) < 2:
        return "".join(texts)
    first = _(", ").join(texts[:-1])
    return _("%(first)s or %(last)s") % {"first": first, "last": texts[-1]}


def and_list(items) -> str:
    """ "A, B and C" as a threshold lists them, in the page's language."""
    return _(", ").join(str(i) for i in items)


def languages_phrase(codes: list[str], country: str = "") -> Value:
    """The accepted languages as the engine words them, read in the page's language;
    "domestic" ones as `country` names them."""
    names: list[Value] = [str(Language(c).label) for c in codes if c != DOMESTIC]
    if DOMESTIC in codes and country:
        names.insert(0, Text(DOMESTIC_NAMES[country]))
    return Items(tuple(names))


def languages_label(codes: list[str], country: str = "") -> str:
    """The accepted languages in words; "domestic" ones as `country` names them (or
    every market's, where no country is chosen)."""
    names = [Language(c).label for c in codes if c != DOMESTIC]
    if DOMESTIC in codes:
        countries = [country] if country else list(DOMESTIC_NAMES)
        names[:0] = [_(DOMESTIC_NAMES[c]) for c in countries]
    return or_list(names)


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
        allowed = [*Language.values, DOMESTIC]
        if not codes or any(c not in allowed for c in codes):
            errors["subject"] = f"Use language codes from: {', '.join(allowed)}."
    if kind == RequirementKind.EXPERIENCE_YEARS and any(
        c not in ExperienceDomain.values for c in codes
    ):
        errors["subject"] = (
            f"Use domain codes from: {', '.join(ExperienceDomain.values)}."
        )
    if kind == RequirementKind.PORTFOLIO and (
        not codes or any(c not in PortfolioKind.values for c in codes)
    ):
        errors["subject"] = f"Use kinds from: {', '.join(PortfolioKind.values)}."
    # A role runs in any of these shifts; a home set-up needs these items (all if none).
    if kind == RequirementKind.SHIFT and (
        not codes or any(c not in Shift.values for c in codes)
    ):
        errors["subject"] = f"Use shift codes from: {', '.join(Shift.values)}."
    if kind == RequirementKind.WORK_FROM_HOME and any(
        c not in HomeItem.values for c in codes
    ):
        errors["subject"] = f"Use items from: {', '.join(HomeItem.values)}."
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
