"""The catalogue fixture: the built catalogue with each language's words beside the
English, as the JSON that sync_catalogue loads."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import translation

from careers.catalogue.build import (
    FIXTURES,
    MESSAGES,
    ONET_DIR,
    OVERRIDE_REASON,
    SPEC_PATH,
    build_catalogue,
    load_spec,
    require,
)
from careers.catalogue.onet import load_onet
from careers.scoring.text import Reader

# fixtures/translations/<language>.toml: our own translation of the catalogue's words.
TRANSLATIONS_DIR = FIXTURES / "translations"
# The catalogue's words a candidate reads (careers/translation.py), by model: the
# section of a translation file, how its rows are named there, and the fields.
TRANSLATED = {
    "careers.jobcategory": ("category", ("name", "summary", "typical_activities")),
    "careers.role": ("role", ("title", "summary", "day_to_day", "typical_shifts")),
    "careers.requirement": ("requirement", ("explanation", "source_note")),
    "careers.qualification": ("qualification", ("name", "effort_reason", "cost")),
    "careers.skill": ("skill", ("name", "screen_reader")),
    "careers.stepestimate": ("estimate", ("effort_reason", "cost")),
}

_BUILDER_READER = Reader(
    gettext=translation.gettext,
    ngettext=translation.ngettext,
    name=lambda text: translation.gettext(text) if text else text,
)


def _translation_key(item: dict[str, Any]) -> str:
    fields = item["fields"]
    if item["model"] == "careers.requirement":
        return f"{fields['role'][0]}/{fields['code']}"
    if fields.get("market"):  # a market's own estimate: "PH/education-12th"
        return f"{fields['market']}/{fields['code']}"
    return fields.get("slug") or fields["code"]


def _translate_stages(item: dict, key: str, table: dict, language: str) -> None:
    """A qualification's stages in `language`: its own from the translation file (by
    stage code), a degree's years from the file's [degree_stages] ("{n}" the year)."""
    own = table.get("qualification", {}).get(key, {}).pop("stages", {})
    years = table.get("degree_stages", {})
    for stage in item["fields"].get("stages", []):
        name = stage["name"]
        text = own.get(stage["code"])
        if text is None and name == "In the final year":
            text = years.get("final")
        elif text is None and name.startswith("In year ") and "year" in years:
            text = years["year"].replace("{n}", name.removeprefix("In year "))
        if text:
            stage[f"name_{language}"] = text


def load_translations(directory: Path = TRANSLATIONS_DIR) -> dict[str, dict]:
    """Each language's translation file, by language code."""
    return {
        path.stem: tomllib.loads(path.read_text(encoding="utf-8"))
        for path in sorted(directory.glob("*.toml"))
    }


def with_translations(
    objects: list[dict[str, Any]], translations: dict[str, dict], languages: list[str]
) -> list[dict[str, Any]]:
    """The objects with a column per language for each translated field: English from
    the spec, the others from `translations` (None where a row has none yet, so that
    pages fall back to English and say so)."""
    used: set[tuple[str, str, str]] = set()
    for item in objects:
        if item["model"] not in TRANSLATED:
            continue
        section, names = TRANSLATED[item["model"]]
        key = _translation_key(item)
        messages = item.pop(MESSAGES, {})
        reason = item.pop(OVERRIDE_REASON, None)
        for name in names:
            item["fields"][f"{name}_en"] = item["fields"][name]
            for language in languages:
                text = translations.get(language, {}).get(section, {}).get(key, {})
                value = text.get(name)
                if value is None and name in messages:
                    with translation.override(language):
                        value = _BUILDER_READER(messages[name])
                    if reason is not None:  # an override: our reason, then O*NET's
                        hand = text.get("reason")
                        value = f"{hand} {value}" if hand else None
                if value is None and item["fields"][name] == "":
                    value = ""  # nothing to translate
                if isinstance(value, list):  # a category's activities, one a line
                    value = "\n".join(value)
                item["fields"][f"{name}_{language}"] = value
                used.add((language, section, key))
        if item["model"] == "careers.qualification":
            for language in languages:
                _translate_stages(item, key, translations.get(language, {}), language)
    for language, table in translations.items():
        where = f"fixtures/translations/{language}.toml"
        table = {k: v for k, v in table.items() if k != "degree_stages"}
        require(language in languages, where, "not a language of the site")
        for section, rows in table.items():
            for key in rows:
                known = (language, section, key) in used
                require(known, where, f"[{section}.{key!r}] names no catalogue row")
    return objects


def render_fixture(objects: list[dict[str, Any]]) -> str:
    private = {MESSAGES, OVERRIDE_REASON}
    plain = [{k: v for k, v in item.items() if k not in private} for item in objects]
    return json.dumps(plain, indent=1, ensure_ascii=False) + "\n"


def build_fixture_text(spec_path: Path = SPEC_PATH, onet_dir: Path = ONET_DIR) -> str:
    """The exact text of fixtures/catalogue.json for this spec, O*NET subset and our
    translations."""
    objects = build_catalogue(load_spec(spec_path), load_onet(onet_dir))
    others = [code for code, _name in settings.LANGUAGES if code != "en"]
    return render_fixture(with_translations(objects, load_translations(), others))
