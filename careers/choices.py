"""Every vocabulary of the app, defined once: models, forms, the card and the CLI use these.

The scoring engine (careers/scoring/) cannot import Django, so it keeps the ordered codes
of the levels it compares; tests/test_choices.py ties those to the choices below.
"""

from django.db import models


class Sector(models.TextChoices):
    BPO = "BPO", "BPO"
    KPO = "KPO", "KPO"


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
    CEBUANO = "cebuano", "Cebuano (Bisaya)"
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


class QualificationKind(models.TextChoices):
    DEGREE = "degree", "Degree"
    CERTIFICATION = "certification", "Certification"
    LICENCE = "licence", "Professional licence or membership"


class SkillKind(models.TextChoices):
    TOOL = "tool", "Software or tool"
    SKILL = "skill", "Skill"


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


class Verdict(models.TextChoices):
    """The engine's verdicts (careers.scoring.Verdict has the same codes), best first."""

    ELIGIBLE = "eligible", "Eligible now"
    CLOSE = "close", "Close"
    NOT_YET = "not_yet", "Not yet"
    DOES_NOT_FIT = "does_not_fit", "Does not fit what you told us"


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


class ShareExpiry(models.TextChoices):
    WEEK = "7", "7 days"
    MONTH = "30", "30 days"
    NEVER = "never", "Never"


class Commute(models.TextChoices):
    OFFICE = "office", "I can travel to an office in my city"
    RELOCATE = "relocate", "I can move to another city for the right job"
    REMOTE_ONLY = "remote_only", "I can only work from home"


# Where most outsourcing offices are; KPO work is mostly in these (WorkSetting.CITY).
OUTSOURCING_CITIES = (
    "Bengaluru, Chennai, Delhi NCR, Hyderabad, Kolkata, Mumbai or Pune; "
    "in the Philippines, Metro Manila, Cebu or Davao"
)


class WorkSetting(models.TextChoices):
    OFFICE = "office", "In an office, in most cities with outsourcing firms"
    CITY = "city", "In an office, mostly in the big outsourcing cities"
    HOME = "home", "Often from home (offices too)"


class Stream(models.TextChoices):
    """The 12th-standard stream (careers.scoring.STREAM_FIELDS has the same codes)."""

    SCIENCE = "science", "Science"
    COMMERCE = "commerce", "Commerce"
    ARTS = "arts", "Arts or humanities"
    VOCATIONAL = "vocational", "Vocational"


class PortfolioKind(models.TextChoices):
    WRITING = "writing", "Writing: articles, blog posts, reports"
    DESIGN = "design", "Design: graphics, layouts, screens"
    CODE = "code", "Code: programs, analyses, a GitHub page"
    TEACHING = "teaching", "Teaching material: lessons, slides, courses"


# The estimates of how long each kind of step takes (careers.scoring.Efforts), by code.
EFFORT_CODES = {
    "cefr-level": "One CEFR level of a language",
    "typing": "Ten more words a minute of typing",
    "skill-basic": "A skill or tool to a basic level",
    "skill-working": "From basic to a working level",
    "skill-advanced": "From working to an advanced level",
    "education-12th": "12th standard after the 10th",
    "education-diploma": "A diploma after the 12th",
    "education-bachelor": "A bachelor's degree after the 12th",
    "education-master": "A master's degree after a bachelor's",
    "education-doctorate": "A doctorate after a master's",
    "experience-year": "One year of work experience",
    "home-setup": "A work-from-home set-up",
    "portfolio": "A portfolio of work samples",
}
