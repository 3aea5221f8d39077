"""Relation declarations: what the project knows about a relation besides its columns.

Each schema declares its relation with ``Declaration(...)`` (in the model's ``Config.metadata``): its kind,
the CSV it is read from, its key, further unique column sets, foreign keys (list-valued ones too), date
floors, and for a derived relation the relations, assumptions and parameters its step reads. A misspelt
or unknown keyword is a ``TypeError`` when the schema module is imported, and a value of the wrong shape
a ``ValueError``, so that no declaration is silently ignored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, get_args

#: What a relation is: ``curated`` (people edit it: a CSV of ``datasets/``, or ``references.bib``), ``derived``
#: (a step of the pipeline makes it from other relations) or ``bookkeeping`` (the build records it).
RelationKind = Literal["curated", "derived", "bookkeeping"]


@dataclass(frozen=True)
class ForeignKey:
    """``column`` of this relation refers to ``ref_column`` of ``table`` (the column of the same name when not
    named); with ``sep``, the column holds a list of keys separated by it."""

    column: str
    table: str
    ref_column: str | None = None
    sep: str | None = None

    def __post_init__(self) -> None:
        if self.ref_column is None:
            object.__setattr__(self, "ref_column", self.column)


def _names(value: Iterable[str], what: str) -> tuple[str, ...]:
    if isinstance(value, str):
        raise ValueError(f"{what} is a list of names, not the string {value!r}")
    return tuple(value)


@dataclass(frozen=True, kw_only=True)
class Declaration:
    """A relation's declaration. Lists may be given as lists or tuples; they are stored as tuples, and date
    floors as dates."""

    kind: RelationKind
    #: columns that identify a row
    key: tuple[str, ...]
    #: the file of ``datasets/`` a curated relation is read from (``None`` for ``references``, read from the bib)
    csv: str | None = None
    #: further column sets that identify a row (besides the key), each checked for duplicates
    unique_together: tuple[tuple[str, ...], ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    #: earliest plausible date per date column (ISO 8601 text or a date; stored as a date): before it, the thing
    #: could not have existed
    date_floors: Mapping[str, dt.date | str] = field(default_factory=dict)
    #: relations a derived relation's step reads (the step runner holds it to them)
    inputs: tuple[str, ...] = ()
    #: ``assumption_id``s of ``assumptions`` the step uses; ``None``: every row (where ``assumptions`` is an input)
    assumptions: tuple[str, ...] | None = None
    #: ``parameter_id``s of ``parameters`` the step uses; ``None``: every row (where ``parameters`` is an input)
    parameters: tuple[str, ...] | None = None
    #: vendors whose documentation gives memory in GiB (a plausibility check reads it; ``accelerators`` only)
    gib_vendors: tuple[str, ...] = ()
    #: the date (or year) column whose newest value is the dataset's "data current to" date (curated only)
    as_of: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in get_args(RelationKind):
            raise ValueError(f"kind {self.kind!r} is not one of {get_args(RelationKind)}")
        fix = lambda name, value: object.__setattr__(self, name, value)  # noqa: E731 - frozen: set once here
        fix("key", _names(self.key, "key"))
        if not self.key:
            raise ValueError("a relation needs a key")
        fix("unique_together", tuple(_names(cols, "unique_together") for cols in self.unique_together))
        fix("foreign_keys", tuple(self.foreign_keys))
        if not all(isinstance(fk, ForeignKey) for fk in self.foreign_keys):
            raise ValueError("foreign_keys holds ForeignKey(...) declarations")
        fix("date_floors", {c: d if isinstance(d, dt.date) else dt.date.fromisoformat(d)
                            for c, d in self.date_floors.items()})
        fix("inputs", _names(self.inputs, "inputs"))
        fix("gib_vendors", _names(self.gib_vendors, "gib_vendors"))
        for table in ("assumptions", "parameters"):
            ids = getattr(self, table)
            if ids is not None:
                fix(table, _names(ids, table))
                if table not in self.inputs:
                    raise ValueError(f"{table} are declared but `{table}` is not among the inputs")
        if self.csv is not None and self.kind != "curated":
            raise ValueError("only a curated relation is read from a csv")
        if self.as_of is not None and self.kind != "curated":
            raise ValueError("only a curated relation declares the column it is current to")
        if (self.kind == "derived") != bool(self.inputs):
            raise ValueError("a derived relation, and only one, declares the inputs its step reads")
