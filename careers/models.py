"""The app's models, one module per subject; import them from here."""

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
    catalogue_changed,
    questionnaire_catalogue,
    scoring_catalogue,
)
from careers.catalogue.requirements import Requirement
from careers.listings.employers import Employer, Recruiter
from careers.listings.models import LISTING_LIFETIME, JobListing, ListingLanguage
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
    "catalogue_changed",
    "questionnaire_catalogue",
    "scoring_catalogue",
    "Requirement",
    "Employer",
    "Recruiter",
    "LISTING_LIFETIME",
    "JobListing",
    "ListingLanguage",
    "ListingDecision",
    "ListingForReview",
    "ListingReport",
    "Share",
]
