"""The codes of every vocabulary the engine reads, once: careers/choices.py gives them
their labels for the models, forms and templates, and the engine compares them here.

Plain enums (no Django): the engine stays importable on its own. Ordered vocabularies
are listed lowest first, and that order is the one the engine compares by.
"""

from enum import StrEnum


class Country(StrEnum):
    """The markets we serve: where the person lives and looks for work (ISO 3166-1)."""

    INDIA = "IN"
    PHILIPPINES = "PH"


class Sector(StrEnum):
    BPO = "BPO"
    KPO = "KPO"


class Channel(StrEnum):
    VOICE = "voice"
    NON_VOICE = "non_voice"


class CEFRLevel(StrEnum):
    """Common European Framework of Reference levels, lowest first."""

    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"


class EducationLevel(StrEnum):
    """Highest level completed, lowest first (Indian school and university stages)."""

    SECONDARY = "10th"
    HIGHER_SECONDARY = "12th"
    # Philippine BPO hiring asks for "college level" or "two years of college": a
    # candidate may answer it; no requirement of ours asks for it.
    SOME_COLLEGE = "some_college"
    DIPLOMA = "diploma"
    BACHELOR = "bachelor"
    MASTER = "master"
    DOCTORATE = "doctorate"


class Stream(StrEnum):
    """The stream of the last two school years: India's 12th-standard streams, and
    the Philippine Senior High School strands (DepEd); each market offers its own."""

    SCIENCE = "science"
    COMMERCE = "commerce"
    ARTS = "arts"
    VOCATIONAL = "vocational"
    STEM = "stem"  # Science, Technology, Engineering and Mathematics
    ABM = "abm"  # Accountancy, Business and Management
    HUMSS = "humss"  # Humanities and Social Sciences
    GAS = "gas"  # General Academic Strand
    TVL = "tvl"  # Technical-Vocational-Livelihood


class FieldOfStudy(StrEnum):
    ANY = "any"
    COMMERCE = "commerce"
    ECONOMICS = "economics"
    BUSINESS = "business"
    LAW = "law"
    STATISTICS = "statistics"
    COMPUTING = "computing"
    ENGINEERING = "engineering"
    LIFE_SCIENCES = "life_sciences"
    HUMANITIES = "humanities"
    SOCIAL_SCIENCES = "social_sciences"
    DESIGN = "design"
    EDUCATION = "education"


class ExperienceDomain(StrEnum):
    CUSTOMER_SERVICE = "customer_service"
    SALES = "sales"
    BACK_OFFICE = "back_office"
    FINANCE = "finance"
    HEALTHCARE = "healthcare"
    IT_SUPPORT = "it_support"
    ENGINEERING = "engineering"
    HR = "hr"
    LEGAL = "legal"
    RESEARCH = "research"
    WRITING = "writing"
    DESIGN = "design"
    TEACHING = "teaching"
    OTHER = "other"


class SkillLevel(StrEnum):
    """How well a skill or tool is used, lowest first (a profile may also say "none")."""

    BASIC = "basic"
    WORKING = "working"
    ADVANCED = "advanced"


class Shift(StrEnum):
    DAY = "day"
    UK_HOURS = "uk_hours"
    US_HOURS = "us_hours"
    AU_HOURS = "au_hours"
    ROTATIONAL = "rotational"


class PortfolioKind(StrEnum):
    WRITING = "writing"
    DESIGN = "design"
    CODE = "code"
    TEACHING = "teaching"


class Verdict(StrEnum):
    """The engine's verdict on a role, best first."""

    ELIGIBLE = "eligible"
    CLOSE = "close"
    NOT_YET = "not_yet"
    # Clashes with something the candidate said they cannot do (a shift, where they work).
    DOES_NOT_FIT = "does_not_fit"


class Commute(StrEnum):
    """Where the candidate can work."""

    OFFICE = "office"
    RELOCATE = "relocate"
    REMOTE_ONLY = "remote_only"


class WorkSetting(StrEnum):
    """Where a role's work is done: an office anywhere, mostly the big cities, or home."""

    OFFICE = "office"
    CITY = "city"
    HOME = "home"


class HomeItem(StrEnum):
    """What a work-from-home set-up is made of; a home role lists the items it needs."""

    INTERNET = "internet"
    POWER_BACKUP = "power_backup"
    QUIET_PLACE = "quiet_place"


class Need(StrEnum):
    """Something that affects the work a person can do (optional, in the quiz)."""

    # Deaf, hard of hearing, or a speech difference: no phone or voice work.
    NO_VOICE = "no_voice"
    # Mobility, health or caring: the person needs to work from home.
    HOME_ONLY = "home_only"
    SCREEN_READER = "screen_reader"


class InformalWork(StrEnum):
    """Unpaid or informal work that counts as experience (the "unseen economy")."""

    SHOP_COUNTER = "shop_counter"
    SHOP_ACCOUNTS = "shop_accounts"
    HOME_TUITION = "home_tuition"
    VOLUNTEERING = "volunteering"
    CARING = "caring"
