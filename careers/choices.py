"""Every vocabulary of the app, defined once: models, forms, the card and the CLI use these.

The scoring engine (careers/scoring/) cannot import Django, so it keeps the ordered codes
of the levels it compares; tests/test_choices.py ties those to the choices below.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    BPO = "BPO", "BPO"
    KPO = "KPO", "KPO"


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


class CEFRLevel(models.TextChoices):
    """Common European Framework of Reference levels, lowest first."""

    A1 = "A1", _("A1 – Beginner")
    A2 = "A2", _("A2 – Elementary")
    B1 = "B1", _("B1 – Intermediate")
    B2 = "B2", _("B2 – Upper intermediate")
    C1 = "C1", _("C1 – Advanced")
    C2 = "C2", _("C2 – Proficient")


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


class EducationLevel(models.TextChoices):
    """Highest level completed, lowest first (Indian school and university stages)."""

    SECONDARY = "10th", _("10th (secondary school)")
    HIGHER_SECONDARY = "12th", _("12th (higher secondary)")
    # Philippine BPO hiring asks for "college level" or "two years of college": a
    # candidate may answer it; no requirement of ours asks for it.
    SOME_COLLEGE = "some_college", _("Some college (no degree yet)")
    DIPLOMA = "diploma", _("Diploma or certificate after school")
    BACHELOR = "bachelor", _("Bachelor's degree")
    MASTER = "master", _("Master's degree")
    DOCTORATE = "doctorate", _("Doctorate")


class FieldOfStudy(models.TextChoices):
    ANY = "any", _("Any field")
    COMMERCE = "commerce", _("Commerce, accounting or finance")
    ECONOMICS = "economics", _("Economics")
    BUSINESS = "business", _("Business or management")
    LAW = "law", _("Law")
    STATISTICS = "statistics", _("Statistics or mathematics")
    COMPUTING = "computing", _("Computer science or IT")
    ENGINEERING = "engineering", _("Engineering")
    LIFE_SCIENCES = "life_sciences", _("Life sciences, nursing, pharmacy or medicine")
    HUMANITIES = "humanities", _("English, journalism, languages or humanities")
    SOCIAL_SCIENCES = "social_sciences", _("Psychology or social sciences")
    DESIGN = "design", _("Design or fine arts")
    EDUCATION = "education", _("Education (teaching)")


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
    SPANISH = "spanish", _("Spanish")
    FRENCH = "french", _("French")
    GERMAN = "german", _("German")
    JAPANESE = "japanese", _("Japanese")
    ARABIC = "arabic", _("Arabic")
    MANDARIN = "mandarin", _("Mandarin Chinese")
    PORTUGUESE = "portuguese", _("Portuguese")


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
    CUSTOMER_SERVICE = "customer_service", _("Customer service or call centre")
    SALES = "sales", _("Sales or telecalling")
    BACK_OFFICE = "back_office", _("Data entry or back office")
    FINANCE = "finance", _("Accounting, finance or banking")
    HEALTHCARE = "healthcare", _("Healthcare or medical records")
    IT_SUPPORT = "it_support", _("IT or technical support")
    ENGINEERING = "engineering", _("Engineering or drafting")
    HR = "hr", _("HR or recruitment")
    LEGAL = "legal", _("Legal work")
    RESEARCH = "research", _("Research or data analysis")
    WRITING = "writing", _("Writing, editing or content")
    DESIGN = "design", _("Design")
    TEACHING = "teaching", _("Teaching or training")
    OTHER = "other", _("Something else")


class SkillLevel(models.TextChoices):
    BASIC = "basic", _("Basic – I have used it a little")
    WORKING = "working", _("Working – I use it on my own for everyday tasks")
    ADVANCED = "advanced", _("Advanced – I could teach it or handle hard cases")


class Shift(models.TextChoices):
    DAY = "day", _("Day shift (local business hours)")
    UK_HOURS = "uk_hours", _("UK business hours (afternoon to late evening in India)")
    US_HOURS = "us_hours", _("US business hours (night shift in India)")
    ROTATIONAL = "rotational", _("Rotational shifts and weekly offs")


class Channel(models.TextChoices):
    VOICE = "voice", _("Voice (phone calls)")
    NON_VOICE = "non_voice", _("Non-voice (chat, email, documents)")


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


class Verdict(models.TextChoices):
    """The engine's verdicts (careers.scoring.Verdict has the same codes), best first."""

    ELIGIBLE = "eligible", _("Eligible now")
    CLOSE = "close", _("Close")
    NOT_YET = "not_yet", _("Not yet")
    DOES_NOT_FIT = "does_not_fit", _("Does not fit what you told us")


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
    ID = "id", _("A photo ID (Aadhaar, PAN, passport or UMID) and a copy")
    CERTIFICATES = "certificates", _("Your mark sheets and certificates, with copies")
    PEN = "pen", _("A pen")


class SalaryPeriod(models.TextChoices):
    MONTH = "month", _("per month")
    YEAR = "year", _("per year")


class ShareExpiry(models.TextChoices):
    WEEK = "7", _("7 days")
    MONTH = "30", _("30 days")
    NEVER = "never", _("Never")


class Commute(models.TextChoices):
    OFFICE = "office", _("I can travel to an office in my city")
    RELOCATE = "relocate", _("I can move to another city for the right job")
    REMOTE_ONLY = "remote_only", _("I can only work from home")


# Where most outsourcing offices are; KPO work is mostly in these (WorkSetting.CITY).
OUTSOURCING_CITIES = _(
    "Bengaluru, Chennai, Delhi NCR, Hyderabad, Kolkata, Mumbai or Pune; "
    "in the Philippines, Metro Manila, Cebu or Davao"
)


class WorkSetting(models.TextChoices):
    OFFICE = "office", _("In an office, in most cities with outsourcing firms")
    CITY = "city", _("In an office, mostly in the big outsourcing cities")
    HOME = "home", _("Often from home (offices too)")


class Stream(models.TextChoices):
    """The 12th-standard stream (careers.scoring.STREAM_FIELDS has the same codes)."""

    SCIENCE = "science", _("Science")
    COMMERCE = "commerce", _("Commerce")
    ARTS = "arts", _("Arts or humanities")
    VOCATIONAL = "vocational", _("Vocational")


class PortfolioKind(models.TextChoices):
    WRITING = "writing", _("Writing: articles, blog posts, reports")
    DESIGN = "design", _("Design: graphics, layouts, screens")
    CODE = "code", _("Code: programs, analyses, a GitHub page")
    TEACHING = "teaching", _("Teaching material: lessons, slides, courses")


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
