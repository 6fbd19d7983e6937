"""The scoring engine: for every role a verdict, how far it is, the reasons and the plan.

Pure Python over frozen dataclasses: no Django, no database, no I/O, nothing kept between
calls. profile.py holds the inputs and outputs, checks.py checks one requirement,
engine.py scores and ranks every role. The views, the `recommend` command and the tests
all call `recommend()`.
"""

from careers.scoring.checks import check_requirement
from careers.scoring.credentials import education_effort, time_to, with_credentials
from careers.scoring.engine import (
    CLOSE_WEEKS,
    preference_match,
    rank_fits,
    recommend,
    score_role,
)
from careers.scoring.markets import belongs
from careers.scoring.phrases import (
    DOMAIN_PHRASES,
    EDUCATION_PHRASES,
    SHIFT_PHRASES,
    education_phrases,
    hours_phrase,
)
from careers.scoring.profile import (
    CEFR_LEVELS,
    EDUCATION_LEVELS,
    PORTFOLIO_KINDS,
    SKILL_LEVELS,
    STREAM_FIELDS,
    VERDICT_ORDER,
    Background,
    Catalogue,
    Check,
    Effort,
    Efforts,
    Option,
    Path,
    Preferences,
    Profile,
    Recommendation,
    Requirement,
    Role,
    RoleFit,
    Route,
    Step,
    Verdict,
    profile_from_data,
)
from careers.scoring.stored import FORMAT, recommendation_data
