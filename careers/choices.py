"""Every vocabulary of the app, defined once: models, forms, templates, the card and
the CLI use these.

The vocabularies the scoring engine reads have their codes (and order) in
careers/scoring/vocabulary.py, which cannot import Django; here they get their labels.
"""

from collections.abc import Mapping
from enum import StrEnum

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from careers.scoring import vocabulary as codes


def labelled(
    plain: type[StrEnum], labels: Mapping[StrEnum, Promise | str]
) -> type[models.TextChoices]:
    """Django choices of the same name, members, codes and order as the engine's enum
    `plain`, with these labels; every code needs one."""
    if list(labels) != list(plain):
        raise ValueError(f"{plain.__name__}: give each code a label, in order.")
    choices = models.TextChoices(
        plain.__name__,
        [(code.name, (code.value, labels[code])) for code in plain],
        module=__name__,
    )
    choices.__doc__ = plain.__doc__
    return choices


Country = labelled(
    codes.Country,
    {
        codes.Country.INDIA: _("India"),
        codes.Country.PHILIPPINES: _("the Philippines"),
    },
)


Sector = labelled(
    codes.Sector,
    {
        codes.Sector.BPO: "BPO",
        codes.Sector.KPO: "KPO",
    },
)


SECTOR_LONG_NAMES = {
    Sector.BPO: _("Business process outsourcing"),
    Sector.KPO: _("Knowledge process outsourcing"),
}

# Paraphrased from our two source articles on BPO and KPO.
SECTOR_DEFINITIONS = {
    Sector.BPO: _(
        "A company hands its non-primary, process-driven activities (customer calls, "
        "data entry, billing, payroll, help desks) to a specialist provider, to cut "
        "costs and raise productivity. The work follows set rules and is measured in "
        "volume; the main entry requirement is communication skill."
    ),
    Sector.KPO: _(
        "A company hands core, information-related work (research, analysis, legal "
        "work, design, training) to a provider whose skilled professionals add insight "
        "and judgement. The work needs domain knowledge and, usually, a professional "
        "qualification in the field."
    ),
}


CEFRLevel = labelled(
    codes.CEFRLevel,
    {
        codes.CEFRLevel.A1: _("A1 – Beginner"),
        codes.CEFRLevel.A2: _("A2 – Elementary"),
        codes.CEFRLevel.B1: _("B1 – Intermediate"),
        codes.CEFRLevel.B2: _("B2 – Upper intermediate"),
        codes.CEFRLevel.C1: _("C1 – Advanced"),
        codes.CEFRLevel.C2: _("C2 – Proficient"),
    },
)


# Can-do statements a candidate recognises, written for work situations (after the CEFR
# self-assessment grid, Council of Europe).
SPOKEN_CAN_DO = {
    CEFRLevel.A1: _(
        "I can say who I am and answer very simple questions if people speak slowly."
    ),
    CEFRLevel.A2: _(
        "I can handle short, routine exchanges, like giving my name, address and "
        "the time of an appointment."
    ),
    CEFRLevel.B1: _(
        "I can take a simple phone call about a familiar topic, if I can ask the "
        "caller to repeat things."
    ),
    CEFRLevel.B2: _(
        "I can handle a customer's complaint on the phone without preparing, "
        "and explain a solution clearly."
    ),
    CEFRLevel.C1: _(
        "I can speak fluently in meetings and calls, argue a point and adjust "
        "my tone to the listener."
    ),
    CEFRLevel.C2: _(
        "I can present and negotiate on complex matters as easily as a "
        "well-educated native speaker."
    ),
}
WRITTEN_CAN_DO = {
    CEFRLevel.A1: _("I can fill in a form with my name, address and date of birth."),
    CEFRLevel.A2: _(
        "I can write short, simple notes and messages about everyday needs."
    ),
    CEFRLevel.B1: _(
        "I can write a simple, connected email about familiar work matters."
    ),
    CEFRLevel.B2: _(
        "I can write clear, correct replies to customers' emails and chats, "
        "and explain a problem and its fix."
    ),
    CEFRLevel.C1: _(
        "I can write well-structured reports and summaries of complex "
        "documents for a client."
    ),
    CEFRLevel.C2: _(
        "I can write and edit complex, polished text such as legal briefs, "
        "research reports or published articles."
    ),
}


EducationLevel = labelled(
    codes.EducationLevel,
    {
        codes.EducationLevel.SECONDARY: _("10th (secondary school)"),
        codes.EducationLevel.HIGHER_SECONDARY: _("12th (higher secondary)"),
        codes.EducationLevel.SOME_COLLEGE: _("Some college (no degree yet)"),
        codes.EducationLevel.DIPLOMA: _("Diploma or certificate after school"),
        codes.EducationLevel.BACHELOR: _("Bachelor's degree"),
        codes.EducationLevel.MASTER: _("Master's degree"),
        codes.EducationLevel.DOCTORATE: _("Doctorate"),
    },
)

FieldOfStudy = labelled(
    codes.FieldOfStudy,
    {
        codes.FieldOfStudy.ANY: _("Any field"),
        codes.FieldOfStudy.COMMERCE: _("Commerce, accounting or finance"),
        codes.FieldOfStudy.ECONOMICS: _("Economics"),
        codes.FieldOfStudy.BUSINESS: _("Business or management"),
        codes.FieldOfStudy.LAW: _("Law"),
        codes.FieldOfStudy.STATISTICS: _("Statistics or mathematics"),
        codes.FieldOfStudy.COMPUTING: _("Computer science or IT"),
        codes.FieldOfStudy.ENGINEERING: _("Engineering"),
        codes.FieldOfStudy.LIFE_SCIENCES: _(
            "Life sciences, nursing, pharmacy or medicine"
        ),
        codes.FieldOfStudy.HUMANITIES: _(
            "English, journalism, languages or humanities"
        ),
        codes.FieldOfStudy.SOCIAL_SCIENCES: _("Psychology or social sciences"),
        codes.FieldOfStudy.DESIGN: _("Design or fine arts"),
        codes.FieldOfStudy.EDUCATION: _("Education (teaching)"),
    },
)


class TextLanguage(models.TextChoices):
    """The site's languages (settings.LANGUAGES), as what an employer wrote in."""

    ENGLISH = "en", _("English")
    HINDI = "hi", _("Hindi")
    FILIPINO = "fil", _("Filipino")


class Language(models.TextChoices):
    """Languages other than English that outsourcing work asks for."""

    HINDI = "hindi", _("Hindi")
    BENGALI = "bengali", _("Bengali")
    MARATHI = "marathi", _("Marathi")
    TELUGU = "telugu", _("Telugu")
    TAMIL = "tamil", _("Tamil")
    GUJARATI = "gujarati", _("Gujarati")
    KANNADA = "kannada", _("Kannada")
    MALAYALAM = "malayalam", _("Malayalam")
    PUNJABI = "punjabi", _("Punjabi")
    URDU = "urdu", _("Urdu")
    ODIA = "odia", _("Odia")
    TAGALOG = "tagalog", _("Tagalog / Filipino")
    CEBUANO = "cebuano", _("Cebuano (Bisaya)")
    ILOCANO = "ilocano", _("Ilocano")
    HILIGAYNON = "hiligaynon", _("Hiligaynon (Ilonggo)")
    WARAY = "waray", _("Waray")
    KAPAMPANGAN = "kapampangan", _("Kapampangan")
    BIKOL = "bikol", _("Bikol")
    SPANISH = "spanish", _("Spanish")
    FRENCH = "french", _("French")
    GERMAN = "german", _("German")
    JAPANESE = "japanese", _("Japanese")
    ARABIC = "arabic", _("Arabic")
    MANDARIN = "mandarin", _("Mandarin Chinese")
    PORTUGUESE = "portuguese", _("Portuguese")


ExperienceDomain = labelled(
    codes.ExperienceDomain,
    {
        codes.ExperienceDomain.CUSTOMER_SERVICE: _("Customer service or call centre"),
        codes.ExperienceDomain.SALES: _("Sales or telecalling"),
        codes.ExperienceDomain.BACK_OFFICE: _("Data entry or back office"),
        codes.ExperienceDomain.FINANCE: _("Accounting, finance or banking"),
        codes.ExperienceDomain.HEALTHCARE: _("Healthcare or medical records"),
        codes.ExperienceDomain.IT_SUPPORT: _("IT or technical support"),
        codes.ExperienceDomain.ENGINEERING: _("Engineering or drafting"),
        codes.ExperienceDomain.HR: _("HR or recruitment"),
        codes.ExperienceDomain.LEGAL: _("Legal work"),
        codes.ExperienceDomain.RESEARCH: _("Research or data analysis"),
        codes.ExperienceDomain.WRITING: _("Writing, editing or content"),
        codes.ExperienceDomain.DESIGN: _("Design"),
        codes.ExperienceDomain.TEACHING: _("Teaching or training"),
        codes.ExperienceDomain.OTHER: _("Something else"),
    },
)


SkillLevel = labelled(
    codes.SkillLevel,
    {
        codes.SkillLevel.BASIC: _("Basic – I have used it a little"),
        codes.SkillLevel.WORKING: _("Working – I use it on my own for everyday tasks"),
        codes.SkillLevel.ADVANCED: _(
            "Advanced – I could teach it or handle hard cases"
        ),
    },
)


Shift = labelled(
    codes.Shift,
    {
        codes.Shift.DAY: _("Day shift (local business hours)"),
        # Offshore hours name no country: the quiz shows them in the person's own
        # time (careers.scoring.phrases.hours_phrase).
        codes.Shift.UK_HOURS: _("UK business hours (afternoon and evening in Asia)"),
        codes.Shift.US_HOURS: _("US business hours (overnight in Asia)"),
        codes.Shift.AU_HOURS: _("Australian business hours (early morning in Asia)"),
        codes.Shift.ROTATIONAL: _("Rotational shifts and weekly offs"),
    },
)


Channel = labelled(
    codes.Channel,
    {
        codes.Channel.VOICE: _("Voice (phone calls)"),
        codes.Channel.NON_VOICE: _("Non-voice (chat, email, documents)"),
    },
)


class OccupationFit(models.TextChoices):
    PRIMARY = "primary", _("Primary match")
    SECONDARY = "secondary", _("Related match")
    PROXY = "proxy", _("Rated stand-in")
    PRIMARY_NO_RATINGS = (
        "primary_no_ratings",
        _("Primary match (no ratings in O*NET 29.3)"),
    )
    SECONDARY_NO_RATINGS = (
        "secondary_no_ratings",
        _("Related match (no ratings in O*NET 29.3)"),
    )


class QualificationKind(models.TextChoices):
    DEGREE = "degree", _("Degree")
    CERTIFICATION = "certification", _("Certification")
    LICENCE = "licence", _("Professional licence or membership")


class SkillKind(models.TextChoices):
    TOOL = "tool", _("Software or tool")
    SKILL = "skill", _("Skill")


class RequirementKind(models.TextChoices):
    SPOKEN_ENGLISH = "spoken_english", _("Spoken English")
    WRITTEN_ENGLISH = "written_english", _("Written English")
    OTHER_LANGUAGE = "other_language", _("Another language")
    TYPING_SPEED = "typing_speed", _("Typing speed")
    EDUCATION_LEVEL = "education_level", _("Education level")
    FIELD_OF_STUDY = "field_of_study", _("Field of study")
    QUALIFICATION = "qualification", _("Professional qualification")
    SKILL = "skill", _("Skill or tool")
    EXPERIENCE_YEARS = "experience_years", _("Work experience")
    SHIFT = "shift", _("Shift availability")
    WORK_FROM_HOME = "work_from_home", _("Work-from-home readiness")
    PORTFOLIO = "portfolio", _("Portfolio of work")


class Importance(models.TextChoices):
    MUST = "must", _("Must-have")
    NICE = "nice", _("Nice to have")


class Source(models.TextChoices):
    ONET = "onet", _("Derived from O*NET 29.3")
    HAND = "hand", _("Written by hand")


Verdict = labelled(
    codes.Verdict,
    {
        codes.Verdict.ELIGIBLE: _("Eligible now"),
        codes.Verdict.CLOSE: _("Close"),
        codes.Verdict.NOT_YET: _("Not yet"),
        codes.Verdict.DOES_NOT_FIT: _("Does not fit what you told us"),
    },
)


class Status(models.TextChoices):
    """A listing's life: draft → submitted → published (after review) or rejected."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for review")
    PUBLISHED = "published", _("Approved and published")
    REJECTED = "rejected", _("Rejected")
    CLOSED = "closed", _("Closed")


# The admin's words (moderators and recruiters work in English).
class RejectionReason(models.TextChoices):
    FEE = "fee", "It asks candidates for money"
    CONTACT = "contact", "Contact only through a chat app or a personal number"
    EMPLOYER = "employer", "We could not confirm the employer"
    UNCLEAR = "unclear", "It does not say clearly what the job is"
    PAY = "pay", "The pay is not believable for the role"
    OTHER = "other", "Another reason (see the note)"


class DecisionKind(models.TextChoices):
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    HIDDEN = "hidden", "Hidden after candidates' reports"


class ReportReason(models.TextChoices):
    MONEY = "money", _("They asked me for money")
    FAKE = "fake", _("The company seems fake")
    WRONG = "wrong", _("The details are wrong")
    OTHER = "other", _("Something else")


class WorkMode(models.TextChoices):
    ON_SITE = "on_site", _("On-site")
    REMOTE = "remote", _("Remote")
    HYBRID = "hybrid", _("Hybrid")


class Shore(models.TextChoices):
    ONSHORE = "onshore", _("Onshore (same country as the client)")
    NEARSHORE = "nearshore", _("Nearshore (a neighbouring country)")
    OFFSHORE = "offshore", _("Offshore (a distant country)")


# What a walk-in drive asks candidates to bring (the usual list on Indian and Philippine
# drive notices).
class WalkInItem(models.TextChoices):
    CV = "cv", _("Two printed copies of your CV")
    PHOTO = "photo", _("Two passport-size photos")
    ID = "id", _("A government photo ID and a copy")
    CERTIFICATES = "certificates", _("Your mark sheets and certificates, with copies")
    PEN = "pen", _("A pen")


class SalaryPeriod(models.TextChoices):
    MONTH = "month", _("per month")
    YEAR = "year", _("per year")


class ShareExpiry(models.TextChoices):
    WEEK = "7", _("7 days")
    MONTH = "30", _("30 days")
    NEVER = "never", _("Never")


Commute = labelled(
    codes.Commute,
    {
        codes.Commute.OFFICE: _("I can travel to an office in my city"),
        codes.Commute.RELOCATE: _("I can move to another city for the right job"),
        codes.Commute.REMOTE_ONLY: _("I can only work from home"),
    },
)


# Where most outsourcing offices are; KPO work is mostly in these (WorkSetting.CITY).
WorkSetting = labelled(
    codes.WorkSetting,
    {
        codes.WorkSetting.OFFICE: _(
            "In an office, in most cities with outsourcing firms"
        ),
        codes.WorkSetting.CITY: _("In an office, mostly in the big outsourcing cities"),
        codes.WorkSetting.HOME: _("Often from home (offices too)"),
    },
)


Stream = labelled(
    codes.Stream,
    {
        codes.Stream.SCIENCE: _("Science"),
        codes.Stream.COMMERCE: _("Commerce"),
        codes.Stream.ARTS: _("Arts or humanities"),
        codes.Stream.VOCATIONAL: _("Vocational"),
        codes.Stream.STEM: _("STEM (Science, Technology, Engineering and Mathematics)"),
        codes.Stream.ABM: _("ABM (Accountancy, Business and Management)"),
        codes.Stream.HUMSS: _("HUMSS (Humanities and Social Sciences)"),
        codes.Stream.GAS: _("GAS (General Academic Strand)"),
        codes.Stream.TVL: _("TVL (Technical-Vocational-Livelihood)"),
    },
)


PortfolioKind = labelled(
    codes.PortfolioKind,
    {
        codes.PortfolioKind.WRITING: _("Writing: articles, blog posts, reports"),
        codes.PortfolioKind.DESIGN: _("Design: graphics, layouts, screens"),
        codes.PortfolioKind.CODE: _("Code: programs, analyses, a GitHub page"),
        codes.PortfolioKind.TEACHING: _("Teaching material: lessons, slides, courses"),
    },
)


HomeItem = labelled(
    codes.HomeItem,
    {
        codes.HomeItem.INTERNET: _("A steady internet connection"),
        codes.HomeItem.POWER_BACKUP: _("Power backup (a UPS, inverter or generator)"),
        codes.HomeItem.QUIET_PLACE: _("A quiet place to work or take calls"),
    },
)


Need = labelled(
    codes.Need,
    {
        codes.Need.NO_VOICE: _(
            "I can't do phone or voice work (for example, I am deaf or hard of "
            "hearing, or I have a speech difference)"
        ),
        codes.Need.HOME_ONLY: _(
            "I need to work from home (for example, because of my health, getting "
            "about, or caring for someone)"
        ),
        codes.Need.SCREEN_READER: _("I use a screen reader"),
    },
)


InformalWork = labelled(
    codes.InformalWork,
    {
        codes.InformalWork.SHOP_COUNTER: _("Serving at the counter of a family shop"),
        codes.InformalWork.SHOP_ACCOUNTS: _(
            "Keeping the accounts or stock of a family shop or business"
        ),
        codes.InformalWork.HOME_TUITION: _("Tuition or teaching children at home"),
        codes.InformalWork.VOLUNTEERING: _(
            "Volunteering (a community group, an NGO, a place of worship, events)"
        ),
        codes.InformalWork.CARING: _("Caring for a sick, disabled or older person"),
    },
)


# The estimates of how long each kind of step takes (careers.scoring.Efforts), by code.
EFFORT_CODES = {
    "cefr-level": _("One CEFR level of a language"),
    "typing": _("Ten more words a minute of typing"),
    "skill-basic": _("A skill or tool to a basic level"),
    "skill-working": _("From basic to a working level"),
    "skill-advanced": _("From working to an advanced level"),
    "education-12th": _("12th standard after the 10th"),
    "education-some_college": _("A year or two of college after the 12th"),
    "education-diploma": _("A diploma after the 12th"),
    "education-bachelor": _("A bachelor's degree after the 12th"),
    "education-master": _("A master's degree after a bachelor's"),
    "education-doctorate": _("A doctorate after a master's"),
    "experience-year": _("One year of work experience"),
    "home-setup": _("A work-from-home set-up"),
    "portfolio": _("A portfolio of work samples"),
}
