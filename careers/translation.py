"""The catalogue's words in every language (django-modeltranslation): each field below
gets a column per language (`title_hi`, `title_fil`...), edited in the admin and loaded
from fixtures/translations/ by `build_catalogue`."""

from modeltranslation.translator import TranslationOptions, register

from careers.catalogue.models import StepEstimate
from careers.models import JobCategory, Qualification, Requirement, Role, Skill


@register(JobCategory)
class JobCategoryText(TranslationOptions):
    fields = ("name", "summary", "typical_activities")


@register(Role)
class RoleText(TranslationOptions):
    fields = ("title", "summary", "day_to_day", "typical_shifts")


@register(Requirement)
class RequirementText(TranslationOptions):
    fields = ("explanation", "source_note")


@register(Qualification)
class QualificationText(TranslationOptions):
    fields = ("name", "effort_reason", "cost")


@register(Skill)
class SkillText(TranslationOptions):
    fields = ("name", "screen_reader")


@register(StepEstimate)
class StepEstimateText(TranslationOptions):
    fields = ("effort_reason", "cost")
