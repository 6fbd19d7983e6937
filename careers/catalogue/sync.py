"""Loading the catalogue fixture without undoing what editors changed in the admin.

`loaddata` writes every row of the fixture over the database's, so each `make run` (and
each deploy) silently reverted editors' work. `sync_catalogue` remembers a hash of each
row as it last wrote it (LoadedRow): a row that still matches it is updated to the
fixture's, a row that no longer does was edited since and is kept (and named), and rows
the fixture does not have are never touched.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core import serializers
from django.db import models, transaction
from django.utils import translation

from careers.catalogue.models import catalogue_changed
from careers.models import LoadedRow


@dataclass
class Edited:
    """A row whose database fields differ from the fixture's because an editor changed
    them (or, with no record of a load, because they were changed before the first sync)."""

    label: str
    fields: dict[str, tuple[Any, Any]]  # name -> (in the database, in the fixture)


@dataclass
class SyncReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)  # edited rows, with --force
    unchanged: int = 0
    kept: list[Edited] = field(default_factory=list)
    deleted_kept: list[str] = field(default_factory=list)  # editors deleted them


def _fields(
    obj: models.Model, names: list[str], m2m: dict[str, list] | None = None
) -> dict[str, Any]:
    """The named fields' values as stored: foreign keys and many-to-many as ids (from
    `m2m` for a row not saved yet), JSON as data."""
    values = {}
    for name in names:
        model_field = obj._meta.get_field(name)
        if model_field.many_to_many:
            ids = (
                m2m[name]
                if m2m is not None
                else getattr(obj, name).values_list("pk", flat=True)
            )
            values[name] = sorted(ids)
        else:
            values[name] = model_field.value_from_object(obj)
    return json.loads(json.dumps(values, default=str))


def _differences(
    existing: models.Model, item: dict, current: dict, wanted: dict
) -> dict[str, tuple[Any, Any]]:
    """The fields that differ, as people read them (natural keys, not ids)."""
    [shown] = serializers.serialize(
        "python",
        [existing],
        use_natural_foreign_keys=True,
        use_natural_primary_keys=True,
    )
    return {
        name: (shown["fields"][name], item["fields"][name])
        for name in current
        if current[name] != wanted[name]
    }


def _digest(fields: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()


def _before_translations(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields as loaded before the catalogue had a column per language (a row
    recorded then and not edited since is still the fixture's to update)."""
    languages = {code for code, _name in settings.LANGUAGES}
    return {
        name: value
        for name, value in fields.items()
        if not (
            "_" in name
            and name.rsplit("_", 1)[1] in languages
            and name.rsplit("_", 1)[0] in fields
        )
    }


# Fields added to catalogue rows since a release loaded them, with the value every
# row had before (a row's markets: blank, every market, until issue 33 named them).
ADDED_FIELDS = {"markets": "", "market": ""}


def _before_markets(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields as loaded before rows named their markets: a row still in every
    market had no such field then (one an editor gave a market was edited since)."""
    return {
        name: value
        for name, value in fields.items()
        if ADDED_FIELDS.get(name, object()) != value
    }


def _as_loaded_before(fields: dict[str, Any]) -> list[dict[str, Any]]:
    """The row's fields as each earlier release recorded them: a record matching one
    of these means nobody edited the row since."""
    before = _before_markets(fields)
    return [fields, _before_translations(fields), before, _before_translations(before)]


def _label(obj: models.Model) -> str:
    return f"{obj._meta.model_name} {' / '.join(map(str, obj.natural_key()))}"


def sync_catalogue(
    objects: list[dict[str, Any]], *, force: bool = False, dry_run: bool = False
) -> SyncReport:
    """Bring the catalogue in line with the fixture `objects`, keeping editors' changes
    unless `force`; with `dry_run`, only say what would happen."""
    report = SyncReport()
    records = {(r.model, r.key): r for r in LoadedRow.objects.all()}
    # In English: a translated field ("title") reads and writes the active language's
    # column; each language's own column ("title_hi") is in the fixture.
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        for item in objects:
            names = sorted(item["fields"])
            [loaded] = serializers.deserialize("python", [item])
            obj = loaded.object
            wanted = _fields(obj, names, loaded.m2m_data)
            key = json.dumps(list(obj.natural_key()))
            record = records.get((item["model"], key))
            existing = (
                type(obj)._default_manager.filter(pk=obj.pk).first() if obj.pk else None
            )
            if existing is None:
                if record is not None and not force:
                    report.deleted_kept.append(_label(obj))
                    continue
                report.added.append(_label(obj))
            else:
                current = _fields(existing, names)
                if current == wanted:
                    report.unchanged += 1
                    if record is None or record.fields_hash != _digest(wanted):
                        _record(item["model"], key, wanted)
                    continue
                untouched = record is not None and record.fields_hash in {
                    _digest(earlier) for earlier in _as_loaded_before(current)
                }
                if not untouched and not force:
                    diff = _differences(existing, item, current, wanted)
                    report.kept.append(Edited(_label(obj), diff))
                    continue
                (report.updated if untouched else report.replaced).append(_label(obj))
            loaded.save()
            _record(item["model"], key, wanted)
        if dry_run:
            transaction.set_rollback(True)
        elif report.added or report.updated or report.replaced:
            catalogue_changed()
    return report


def _record(model: str, key: str, fields: dict[str, Any]) -> None:
    LoadedRow.objects.update_or_create(
        model=model, key=key, defaults={"fields_hash": _digest(fields)}
    )
