"""Building blocks shared by every schema.

A schema is a pandera ``DataFrameModel`` (polars backend). A column is either
registered (``shared(...)``, defined once in ``compute_atlas.metadata.fields``)
or the relation's own (``field(...)``); each carries its description and unit
code. Each model's ``Config.metadata`` declares the relation: its kind, the CSV
it is read from, its key, foreign keys (list-valued ones too), date floors,
and for a derived relation the relations and assumptions its step reads. Every
other artefact (validation rules, DuckDB DDL, ``COMMENT ON`` text, the data
dictionary, ``datapackage.json``) is generated from these models.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import pandera.polars as pa

from ..metadata.constraints import CITE_KEYS, PATTERN_WORDS, SLUG, SLUG_LIST, URL, Constraint, Pattern, describe
from ..metadata.fields import PRECISIONS, field, shared
from ..metadata.units import unit as unit_code_info

__all__ = ["CITE_KEYS", "PATTERN_WORDS", "PRECISIONS", "SLUG", "SLUG_LIST", "URL", "Pattern", "field", "shared",
           "ForeignKey", "Relation", "Column"]

#: Text that a spreadsheet would evaluate as a formula.
FORMULA_START = r"^[=+\-@]"

#: The earliest date the project accepts anywhere.
EARLIEST_DATE = dt.date(1990, 1, 1)


@dataclass(frozen=True)
class ForeignKey:
    """``column`` of this relation refers to ``ref_column`` of ``table`` (its key when not named);
    with ``sep``, the column holds a list of keys separated by it."""

    column: str
    table: str
    ref_column: str | None = None
    sep: str | None = None


@dataclass(frozen=True)
class Relation:
    """A table the project publishes, with the model that defines it."""

    name: str
    model: type[pa.DataFrameModel]

    @property
    def config(self) -> Any:
        return self.model.Config

    @property
    def description(self) -> str:
        return " ".join(self.config.description.split())

    @property
    def kind(self) -> str:
        return self.config.metadata["kind"]

    @property
    def csv_file(self) -> str | None:
        return self.config.metadata.get("csv")

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(self.config.metadata.get("key", ()))

    @property
    def unique_together(self) -> tuple[tuple[str, ...], ...]:
        """Further column sets that identify a row (besides the key), each checked for duplicates."""
        return tuple(tuple(u) for u in self.config.metadata.get("unique_together", ()))

    @property
    def foreign_keys(self) -> tuple[ForeignKey, ...]:
        from . import relation

        out = []
        for fk in self.config.metadata.get("foreign_keys", ()):
            ref = fk.ref_column or relation(fk.table).key[0]
            out.append(ForeignKey(fk.column, fk.table, ref, fk.sep))
        return tuple(out)

    @property
    def date_floors(self) -> dict[str, dt.date]:
        """Earliest plausible date per date column: before it, the thing could not have existed."""
        return {c: dt.date.fromisoformat(d) for c, d in self.config.metadata.get("date_floors", {}).items()}

    @property
    def inputs(self) -> tuple[str, ...]:
        """Relations the derived relation's step reads (declared; the step runner holds it to them)."""
        return tuple(self.config.metadata.get("inputs", ()))

    @property
    def assumptions(self) -> tuple[str, ...]:
        """``assumption_id``s of ``assumptions`` (and ``parameter_id``s of ``parameters``) the step uses."""
        return tuple(self.config.metadata.get("assumptions", ()))

    @property
    def parameters(self) -> tuple[str, ...]:
        return tuple(self.config.metadata.get("parameters", ()))

    @cached_property
    def schema(self) -> pa.DataFrameSchema:
        """The pandera schema, built once (pandera builds a fresh copy on each call)."""
        return self.model.to_schema()

    def columns(self) -> list[Column]:
        return list(self._columns)

    @cached_property
    def _columns(self) -> tuple[Column, ...]:
        out = []
        for name, col in self.schema.columns.items():
            meta = col.metadata or {}
            constraints = meta.get("constraints", ())
            out.append(
                Column(
                    name=name,
                    dtype=str(col.dtype),
                    nullable=col.nullable,
                    unique=col.unique,
                    description=" ".join((col.description or "").split()),
                    unit=meta.get("unit"),
                    checks=describe(constraints, str(col.dtype), meta.get("checks_doc")),
                    constraints=constraints,
                    field=meta.get("field"),
                    note=meta.get("note"),
                    unit_from=meta.get("unit_from"),
                )
            )
        return tuple(out)


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str
    nullable: bool
    unique: bool
    description: str
    unit: str | None
    checks: str
    #: the registry's name of a shared field; None for a column of this relation only
    field: str | None = None
    #: what this relation adds to a shared field's description
    note: str | None = None
    #: the column that holds this value's unit, for a value whose unit is given per row
    unit_from: str | None = None
    #: what a value must be (required, unique, ranges, vocabularies, patterns): the checks' single source
    constraints: tuple[Constraint, ...] = ()

    @property
    def sql_type(self) -> str:
        return SQL_TYPES[self.dtype]

    @property
    def unit_label(self) -> str:
        """The unit as a reader sees it: the vocabulary's label, or where a per-row unit is."""
        if self.unit:
            return unit_code_info(self.unit).label
        if self.unit_from:
            return f"see `{self.unit_from}`"
        return ""

    @property
    def full_description(self) -> str:
        """The field's description, then what this relation adds."""
        return f"{self.description} {self.note}" if self.note else self.description

    @property
    def comment(self) -> str:
        """The text of ``COMMENT ON COLUMN``: description, then the unit."""
        unit = f" Unit: {self.unit_label}." if self.unit_label else ""
        return f"{self.full_description}{unit}"


SQL_TYPES = {
    "String": "VARCHAR",
    "Float64": "DOUBLE",
    "Int64": "BIGINT",
    "Boolean": "BOOLEAN",
    "Date": "DATE",
    "Datetime(time_unit='us', time_zone=None)": "TIMESTAMP",
}
