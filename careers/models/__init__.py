"""The app's models, one module per subject; import them from here."""

from careers.models.assessments import (
    Assessment,
    DeletedAssessment,
    Result,
    new_token,
)
from careers.models.catalogue import (
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
from careers.models.employers import Employer, Recruiter
from careers.models.listings import LISTING_LIFETIME, JobListing, ListingLanguage
from careers.models.moderation import ListingDecision, ListingForReview, ListingReport
from careers.models.requirements import Requirement
from careers.models.sharing import Share
