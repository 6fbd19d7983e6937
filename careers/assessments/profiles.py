"""Profile files for `recommend`: read, check against the JSON Schema, name what is wrong."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

SCHEMA_PATH = Path(__file__).resolve().parent / "profile.schema.json"
MAX_PROFILE_BYTES = 64 * 1024


class ProfileError(ValueError):
    """A profile file that cannot be used; the message names the field and the problem."""


def _validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def _where(error: ValidationError) -> str:
    path = "".join(
        f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path
    )
    return path.lstrip(".") or "(the whole profile)"


def check_profile(
    data: Any, qualifications: Mapping[str, Iterable[str]], skills: Iterable[str]
) -> None:
    """Raise ProfileError for the first problem, in a stable order, naming the field."""
    errors = sorted(
        _validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path))
    )
    if errors:
        error = errors[0]
        raise ProfileError(f"{_where(error)}: {error.message}")
    known_skills = set(skills)
    for index, slug in enumerate(data.get("qualifications", [])):
        if slug not in qualifications:
            raise ProfileError(
                f"qualifications[{index}]: unknown qualification {slug!r}"
            )
    for index, item in enumerate(data.get("in_progress", [])):
        where, slug = f"in_progress[{index}]", item["qualification"]
        if slug not in qualifications:
            raise ProfileError(f"{where}.qualification: unknown qualification {slug!r}")
        if item["stage"] not in qualifications[slug]:
            stages = ", ".join(qualifications[slug]) or "none"
            raise ProfileError(f"{where}.stage: {slug} has the stages {stages}")
        if slug in data.get("qualifications", []):
            raise ProfileError(f"{where}: {slug} is also among the qualifications held")
    for slug in data.get("skills", {}):
        if slug not in known_skills:
            raise ProfileError(f"skills.{slug}: unknown skill {slug!r}")


def read_profile(
    path: Path, qualifications: Mapping[str, Iterable[str]], skills: Iterable[str]
) -> dict:
    """The profile data in a JSON file, checked; ProfileError says what is wrong."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ProfileError(f"cannot read the file: {error.strerror}") from error
    if len(raw) > MAX_PROFILE_BYTES:
        raise ProfileError(f"the file is larger than {MAX_PROFILE_BYTES // 1024} KB")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ProfileError("the file is not UTF-8 text") from error
    except json.JSONDecodeError as error:
        raise ProfileError(
            f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from error
    check_profile(data, qualifications, skills)
    return data
