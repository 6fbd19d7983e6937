"""A qualification's stages, as the quiz reads them: where a candidate can be on the
way to it, and what each stage counts as."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import slug_re

STAGE_KEYS = {"code", "name", "weeks_left"}
# A stage may also count as holding other qualifications ("ca-inter") or having reached
# one of their stages ("ca-inter:foundation").
STAGE_OPTIONAL_KEYS = {"counts_as"}


# A stage's name in our other languages, beside the English (fixtures/translations/).
STAGE_NAMES = {
    f"name_{code}"
    for code, _name in settings.LANGUAGES
    if code != settings.LANGUAGE_CODE
}


STAGES_EXAMPLE = '[{"code": "year-1", "name": "In year 1", "weeks_left": 130}]'


def stages_error(stages: object, weeks_high: int | None) -> str | None:
    """What is wrong with a qualification's stages, as the quiz reads them: anything else
    saved broke its education step for everyone."""
    if not isinstance(stages, list):
        return f"Write a list of stages, as in {STAGES_EXAMPLE}, or [] for none."
    codes: set[str] = set()
    for number, stage in enumerate(stages, 1):
        error = stage_error(number, stage, codes)
        if error:
            return error
    for stage in stages:
        if weeks_high is not None and stage["weeks_left"] > weeks_high:
            return (
                f"Stage “{stage['code']}” has more weeks left "
                f"({stage['weeks_left']}) than the whole usually takes ({weeks_high})."
            )
    return None


def stage_error(number: int, stage: object, codes: set[str]) -> str | None:
    """What is wrong with one of a qualification's stages, as the quiz reads them."""
    where = f"Stage {number}"
    if not isinstance(stage, dict) or not stage.keys() >= STAGE_KEYS:
        return f"{where} needs a code, a name and weeks_left, as in {STAGES_EXAMPLE}."
    unknown = stage.keys() - STAGE_KEYS - STAGE_OPTIONAL_KEYS - STAGE_NAMES
    if unknown:
        return f"{where} has keys we do not use: {', '.join(sorted(unknown))}."
    code = stage["code"]
    if not isinstance(code, str) or not slug_re.fullmatch(code) or code in codes:
        return f"{where}: the code must be letters, digits or hyphens, and its own."
    codes.add(code)
    if not isinstance(stage["name"], str) or not stage["name"].strip():
        return f"{where} needs a name."
    if any(not isinstance(stage.get(key, ""), str) for key in STAGE_NAMES):
        return f"{where}: {' and '.join(sorted(STAGE_NAMES))} must be text."
    counts_as = stage.get("counts_as", [])
    if not isinstance(counts_as, list) or any(
        not isinstance(c, str) or not c for c in counts_as
    ):
        return f"{where}: counts_as must be a list of qualification slugs."
    weeks = stage["weeks_left"]
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not 0 < weeks <= 32767:
        return f"{where}: weeks_left must be a whole number of weeks, 1 or more."
    return None
