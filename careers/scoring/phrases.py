"""The engine's phrases: how a sentence names a level, a field, a shift, an item of a
home set-up (messages, read in the reader's language when shown)."""

from careers.scoring.text import _
from careers.scoring.vocabulary import (
    EducationLevel,
    ExperienceDomain,
    FieldOfStudy,
    HomeItem,
    PortfolioKind,
    Shift,
    SkillLevel,
    Stream,
)

EDUCATION_PHRASES = {
    EducationLevel.SECONDARY: _("10th standard"),
    EducationLevel.HIGHER_SECONDARY: _("12th standard"),
    EducationLevel.SOME_COLLEGE: _("some college (no degree yet)"),
    EducationLevel.DIPLOMA: _("a diploma"),
    EducationLevel.BACHELOR: _("a bachelor's degree"),
    EducationLevel.MASTER: _("a master's degree"),
    EducationLevel.DOCTORATE: _("a doctorate"),
}
# The step to a degree in a field, by the level the role asks for.
DEGREE_IN = {
    EducationLevel.BACHELOR: _("A degree in %(names)s"),
    EducationLevel.MASTER: _("A master's degree in %(names)s"),
    EducationLevel.DOCTORATE: _("A doctorate in %(names)s"),
}
# The same, for someone who has not passed the 12th yet: it comes first.
DEGREE_AFTER_12TH = {
    EducationLevel.BACHELOR: _("Pass the 12th, then get a degree in %(names)s"),
    EducationLevel.MASTER: _(
        "Pass the 12th, then get a bachelor's and a master's degree in %(names)s"
    ),
    EducationLevel.DOCTORATE: _(
        "Pass the 12th, then get a bachelor's, a master's and a doctorate in %(names)s"
    ),
}
STREAM_NAMES = {
    Stream.SCIENCE: _("science"),
    Stream.COMMERCE: _("commerce"),
    Stream.ARTS: _("arts"),
    Stream.VOCATIONAL: _("vocational"),
    Stream.STEM: _("STEM"),
    Stream.ABM: _("ABM"),
    Stream.HUMSS: _("HUMSS"),
    Stream.GAS: _("GAS"),
    Stream.TVL: _("TVL"),
}
HOME_PHRASES = {
    HomeItem.INTERNET: _("a steady internet connection"),
    HomeItem.POWER_BACKUP: _("power backup (an inverter or UPS)"),
    HomeItem.QUIET_PLACE: _("a quiet place to work"),
}
SHIFT_PHRASES = {
    Shift.DAY: _("day shifts"),
    Shift.UK_HOURS: _("UK business hours (afternoon to late evening in India)"),
    Shift.US_HOURS: _("US business hours (the night shift in India)"),
    Shift.AU_HOURS: _("Australian business hours (early morning)"),
    Shift.ROTATIONAL: _("rotational shifts"),
}
PORTFOLIO_PHRASES = {
    PortfolioKind.WRITING: _("writing samples"),
    PortfolioKind.DESIGN: _("a design portfolio"),
    PortfolioKind.CODE: _("code you wrote (a GitHub page or projects)"),
    PortfolioKind.TEACHING: _("teaching or training material of your own"),
}
# Fields of study and kinds of work experience as a sentence names them.
FIELD_PHRASES = {
    FieldOfStudy.ANY: _("any field"),
    FieldOfStudy.COMMERCE: _("commerce, accounting or finance"),
    FieldOfStudy.ECONOMICS: _("economics"),
    FieldOfStudy.BUSINESS: _("business or management"),
    FieldOfStudy.LAW: _("law"),
    FieldOfStudy.STATISTICS: _("statistics or mathematics"),
    FieldOfStudy.COMPUTING: _("computer science or IT"),
    FieldOfStudy.ENGINEERING: _("engineering"),
    FieldOfStudy.LIFE_SCIENCES: _("life sciences, nursing, pharmacy or medicine"),
    FieldOfStudy.HUMANITIES: _("English, journalism, languages or humanities"),
    FieldOfStudy.SOCIAL_SCIENCES: _("psychology or social sciences"),
    FieldOfStudy.DESIGN: _("design or fine arts"),
    FieldOfStudy.EDUCATION: _("education (teaching)"),
}
DOMAIN_PHRASES = {
    ExperienceDomain.CUSTOMER_SERVICE: _("customer service or a call centre"),
    ExperienceDomain.SALES: _("sales or telecalling"),
    ExperienceDomain.BACK_OFFICE: _("data entry or back office"),
    ExperienceDomain.FINANCE: _("accounting, finance or banking"),
    ExperienceDomain.HEALTHCARE: _("healthcare or medical records"),
    ExperienceDomain.IT_SUPPORT: _("IT or technical support"),
    ExperienceDomain.ENGINEERING: _("engineering or drafting"),
    ExperienceDomain.HR: _("HR or recruitment"),
    ExperienceDomain.LEGAL: _("legal work"),
    ExperienceDomain.RESEARCH: _("research or data analysis"),
    ExperienceDomain.WRITING: _("writing, editing or content"),
    ExperienceDomain.DESIGN: _("design"),
    ExperienceDomain.TEACHING: _("teaching or training"),
    ExperienceDomain.OTHER: _("other work"),
}
SKILL_LEVEL_NAMES = {
    SkillLevel.BASIC: _("basic"),
    SkillLevel.WORKING: _("working"),
    SkillLevel.ADVANCED: _("advanced"),
}
# "Your Excel is at a working level"; "Learn Excel to a working level".
AT_LEVEL = {
    "none": _("not used"),
    SkillLevel.BASIC: _("at a basic level"),
    SkillLevel.WORKING: _("at a working level"),
    SkillLevel.ADVANCED: _("at an advanced level"),
}
TO_LEVEL = {
    SkillLevel.BASIC: _("to a basic level"),
    SkillLevel.WORKING: _("to a working level"),
    SkillLevel.ADVANCED: _("to an advanced level"),
}
