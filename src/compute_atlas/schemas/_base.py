"""Building blocks shared by every schema.

A schema is a pandera ``DataFrameModel`` (polars backend). Each field carries
its description and its unit; each model's ``Config`` carries the table's
description and its bookkeeping (which CSV it is read from, its key). Every
other artefact (DuckDB DDL, ``COMMENT ON`` text, the data dictionary, export
metadata) is generated from these models.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandera.polars as pa

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
#: Semicolon-separated BibTeX keys, no spaces.
CITE_KEYS = r"^[A-Za-z0-9_:.\-]+(;[A-Za-z0-9_:.\-]+)*$"
URL = r"^https?://\S+$"
#: Text that a spreadsheet would evaluate as a formula.
FORMULA_START = r"^[=+\-@]"

PRECISIONS = ("fp64", "fp32", "tf32", "bf16", "fp16", "fp8", "fp4", "int8", "int4")

#: The earliest date the project accepts anywhere: the field's data start in 2008.
EARLIEST_DATE = dt.date(1990, 1, 1)


def field(
    description: str,
    unit: str | None = None,
    *,
    nullable: bool = True,
    unique: bool = False,
    checks_doc: str | None = None,
    **checks: Any,
) -> Any:
    """A pandera field with its description and unit.

    ``unit`` is a human unit string ("FLOP/s", "USD", "bytes"); ``None`` for
    identifiers and free text. Keyword checks are pandera's built-ins
    (``ge``, ``le``, ``gt``, ``isin``, ``str_matches`` ...).
    """
    return pa.Field(
        nullable=nullable,
        unique=unique,
        description=description,
        metadata={"unit": unit, "checks_doc": checks_doc},
        **checks,
    )


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
    def schema(self) -> pa.DataFrameSchema:
        return self.model.to_schema()

    def columns(self) -> list[Column]:
        out = []
        for name, col in self.schema.columns.items():
            meta = col.metadata or {}
            out.append(
                Column(
                    name=name,
                    dtype=str(col.dtype),
                    nullable=col.nullable,
                    unique=col.unique,
                    description=" ".join((col.description or "").split()),
                    unit=meta.get("unit"),
                    checks=describe_checks(col, meta.get("checks_doc")),
                )
            )
        return out


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str
    nullable: bool
    unique: bool
    description: str
    unit: str | None
    checks: str

    @property
    def sql_type(self) -> str:
        return SQL_TYPES[self.dtype]

    @property
    def comment(self) -> str:
        """The text of ``COMMENT ON COLUMN``: description, then the unit."""
        unit = f" Unit: {self.unit}." if self.unit else ""
        return f"{self.description}{unit}"


SQL_TYPES = {
    "String": "VARCHAR",
    "Float64": "DOUBLE",
    "Int64": "BIGINT",
    "Boolean": "BOOLEAN",
    "Date": "DATE",
    "Datetime(time_unit='us', time_zone=None)": "TIMESTAMP",
}


def describe_check(check: Any) -> str:
    """A pandera check in plain words."""
    stats = check.statistics or {}
    name = check.name
    if name == "greater_than_or_equal_to":
        return f"at least {stats['min_value']:g}"
    if name == "greater_than":
        return f"greater than {stats['min_value']:g}"
    if name == "less_than_or_equal_to":
        return f"at most {stats['max_value']:g}"
    if name == "less_than":
        return f"less than {stats['max_value']:g}"
    if name == "in_range":
        return f"between {stats['min_value']:g} and {stats['max_value']:g}"
    if name == "isin":
        values = ", ".join(f"`{v}`" for v in sorted(stats["allowed_values"], key=str))
        return f"one of {values}"
    if name == "str_matches":
        return PATTERN_WORDS.get(stats["pattern"], f"matches `{stats['pattern']}`")
    if name == "str_length":
        return f"length {stats.get('min_value')} to {stats.get('max_value')}"
    return check.error or name


PATTERN_WORDS = {
    SLUG: "a lowercase slug (letters, digits, single hyphens), e.g. `nvidia-h100-sxm5-80gb`",
    CITE_KEYS: "one or more BibTeX keys of `references.bib`, separated by `;`",
    URL: "a URL starting with http:// or https://",
}


def describe_checks(col: Any, extra: str | None = None) -> str:
    parts = [] if col.nullable else ["required"]
    if col.unique:
        parts.append("unique")
    parts += [describe_check(c) for c in col.checks]
    if extra:
        parts.append(extra)
    return "; ".join(parts)
