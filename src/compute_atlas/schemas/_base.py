"""Building blocks shared by every schema.

A schema is a pandera ``DataFrameModel`` (polars backend). A column is either
registered (``shared(...)``, defined once in ``compute_atlas.metadata.fields``)
or the relation's own (``field(...)``); each carries its description and unit
code. Each model's ``Config.metadata`` is the relation's ``Declaration`` (typed:
``compute_atlas.metadata.declarations``): its kind, the CSV it is read from, its
key, foreign keys (list-valued ones too), date floors, and for a derived relation
the relations and assumptions its step reads. Every
other artefact (validation rules, DuckDB DDL, ``COMMENT ON`` text, the data
dictionary, ``datapackage.json``) is generated from these models.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import pandera.polars as pa

from ..metadata.constraints import CITE_KEYS, PATTERN_WORDS, SLUG, SLUG_LIST, URL, Constraint, Pattern, describe
from ..metadata.declarations import Declaration, ForeignKey, RelationKind
from ..metadata.fields import field, shared
from ..metadata.units import unit as unit_code_info

__all__ = ["CITE_KEYS", "PATTERN_WORDS", "SLUG", "SLUG_LIST", "URL", "Pattern", "field", "shared", "Declaration",
           "ForeignKey", "Relation", "Column"]

@dataclass(frozen=True)
class Relation:
    """A table the project publishes, with the model that defines it and its declaration."""

    name: str
    model: type[pa.DataFrameModel]

    def __post_init__(self) -> None:
        if not isinstance(getattr(self.config, "metadata", None), Declaration):
            raise TypeError(f"{self.model.__name__}.Config.metadata must be a Declaration(...) (relation {self.name})")

    @property
    def config(self) -> Any:
        return self.model.Config

    @property
    def declaration(self) -> Declaration:
        return self.config.metadata

    @property
    def description(self) -> str:
        return " ".join(self.config.description.split())

    @property
    def kind(self) -> RelationKind:
        return self.declaration.kind

    @property
    def csv_file(self) -> str | None:
        return self.declaration.csv

    @property
    def key(self) -> tuple[str, ...]:
        return self.declaration.key

    @property
    def unique_together(self) -> tuple[tuple[str, ...], ...]:
        """Further column sets that identify a row (besides the key), each checked for duplicates."""
        return self.declaration.unique_together

    @property
    def foreign_keys(self) -> tuple[ForeignKey, ...]:
        return self.declaration.foreign_keys

    @property
    def date_floors(self) -> Mapping[str, dt.date]:
        """Earliest plausible date per date column: before it, the thing could not have existed."""
        return self.declaration.date_floors  # type: ignore[return-value] - dates once declared

    @property
    def as_of(self) -> str | None:
        """The date (or year) column whose newest value is the dataset's "data current to" date."""
        return self.declaration.as_of

    @property
    def inputs(self) -> tuple[str, ...]:
        """Relations the derived relation's step reads (declared; the step runner holds it to them)."""
        return self.declaration.inputs

    @property
    def assumptions(self) -> tuple[str, ...]:
        """``assumption_id``s of ``assumptions`` the step uses (empty where it declares none)."""
        return self.declaration.assumptions or ()

    @property
    def parameters(self) -> tuple[str, ...]:
        """``parameter_id``s of ``parameters`` the step uses (empty where it declares none)."""
        return self.declaration.parameters or ()

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
