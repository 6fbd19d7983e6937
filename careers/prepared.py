"""ORM queries compiled to SQL once per process, for the lookups made on every request.

Django turns a queryset into SQL each time it runs it: 0.3–0.7 ms for our lookups on the
2-core machines we measure on, more than a whole bare "hello" request through Django. The
few lookups that every quiz step, result and shared page makes (one row by its token) are
written as ordinary querysets here, compiled once, and then run with fresh parameters;
their rows go through Django's own converters (JSON, dates), so they come back exactly as
values_list() would give them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model, QuerySet


class PreparedQuery:
    """A values_list() query with named parameters, compiled on first use per database.

    `build` receives one marker per parameter name and returns the queryset; the markers
    must reach the SQL as plain parameters (equality lookups), which compiling checks.
    """

    def __init__(self, build: Callable[..., QuerySet], *names: str) -> None:
        self.build = build
        self.names = names
        self._compiled: dict[str, tuple] = {}
        self._lock = threading.Lock()

    def _compile(self, alias: str) -> tuple:
        markers = {name: f"\x00prepared-{name}\x00" for name in self.names}
        queryset = self.build(**markers)
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        by_marker = {marker: name for name, marker in markers.items()}
        slots = [(by_marker[p], None) if p in by_marker else (None, p) for p in params]
        missing = set(self.names) - {name for name, _ in slots}
        if missing:
            raise ValueError(f"parameters not in the SQL as they are: {missing}")
        fields = [s[0] for s in compiler.select[0 : compiler.col_count]]
        converters = compiler.get_converters(fields)
        return sql, slots, converters, compiler

    def _compiled_for(self, using: str) -> tuple:
        compiled = self._compiled.get(using)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.get(using) or self._compile(using)
                self._compiled[using] = compiled
        return compiled

    def first(self, using: str = DEFAULT_DB_ALIAS, **values: Any) -> tuple | None:
        """The first row for these parameter values, or None."""
        sql, slots, _, _ = self._compiled_for(using)
        params = [values[name] if name else constant for name, constant in slots]
        with connections[using].cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        return None if row is None else self.convert(row, using)

    def convert(self, row: tuple, using: str = DEFAULT_DB_ALIAS) -> tuple:
        """A raw row of this query's columns (from this query or another statement that
        returns the same ones) as values_list() would give it."""
        _, _, converters, compiler = self._compiled_for(using)
        if converters:
            row = next(iter(compiler.apply_converters([row], converters)))
        return tuple(row)


def model_from_row(
    model: type[Model], fields: list[str], row: tuple, using: str
) -> Model:
    """An instance of `model` from some of its columns (attnames); the rest load on use."""
    values = dict(zip(fields, row, strict=True))
    # from_db() wants the values in the model's own column order.
    names = [f.attname for f in model._meta.concrete_fields if f.attname in values]
    return model.from_db(using, names, [values[name] for name in names])
