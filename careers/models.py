"""The app's models, one module per subject, for Django's app registry; import them from
here. new_token too: migrations name it here."""

from careers.assessments.models import (
    Assessment,
    DeletedAssessment,
    Result,
    new_token,
)
from careers.catalogue.models import (
    JobCategory,
    LoadedRow,
    Occupation,
    Qualification,
    Role,
    RoleOccupation,
    Skill,
    StepEstimate,
)
from careers.catalogue.requirements import Requirement
from careers.listings.employers import Employer, Recruiter
from careers.listings.models import JobListing, ListingLanguage
from careers.listings.moderation import ListingDecision, ListingForReview, ListingReport
from careers.sharing.models import Share

__all__ = [
    "Assessment",
    "DeletedAssessment",
    "Result",
    "new_token",
    "JobCategory",
    "LoadedRow",
    "Occupation",
    "Qualification",
    "Role",
    "RoleOccupation",
    "Skill",
    "StepEstimate",
    "Requirement",
    "Employer",
    "Recruiter",
    "JobListing",
    "ListingLanguage",
    "ListingDecision",
    "ListingForReview",
    "ListingReport",
    "Share",
]
