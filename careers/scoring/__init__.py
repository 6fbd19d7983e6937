"""The scoring engine: for every role a verdict, a fit score, the reasons and the closest path.

Pure Python over frozen dataclasses: no Django, no database, no I/O, nothing kept between
calls. profile.py holds the inputs and outputs, checks.py checks one requirement,
engine.py scores every role. The views, the `recommend` command and the tests all call
`recommend()`.
"""

from careers.scoring.checks import LARGE, SMALL, apply_step, check_requirement
from careers.scoring.engine import (
    fit_score,
    preference_match,
    rank_fits,
    recommend,
    recommendation_data,
    score_role,
    sector_scores,
    summarise,
    verdict_for,
)
from careers.scoring.profile import (
    CEFR_LEVELS,
    EDUCATION_LEVELS,
    EDUCATION_PHRASES,
    SHIFT_PHRASES,
    SKILL_LEVELS,
    VERDICT_ORDER,
    Check,
    NextStep,
    Option,
    Path,
    Preferences,
    Profile,
    Recommendation,
    Requirement,
    Role,
    RoleFit,
    Verdict,
    profile_from_data,
)
