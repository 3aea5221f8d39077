"""A declared check of particular rows: what it checks as data (name, table, SQL condition, column, value
shown, message, hint, severity, the parameters it reads), run by ``run_check``. The plausibility checks
(``plausibility.CHECKS``) and the name checks (``names.CHECKS``) are declared with it; the contributing
guide lists them all.

In ``where``, ``value``, ``message`` and ``hint``, ``{name}`` (or ``{name:spec}``) stands for a
validation parameter (a row of ``parameters``, declared in ``parameters=``), a declared context value, or
a row's ``details`` (SQL whose value is shown in the message); other braces are left alone. A few checks
need Python (a claim's subset, read by the claims module's parser): they are declared the same way, with
``find`` doing the work.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..problems import Problem
from ..schemas import relation
from ..sql import ident

if TYPE_CHECKING:
    from .query import Query as _Query


@dataclass(frozen=True)
class Check:
    """One declared check of the rows of one table."""

    #: a stable slug: exceptions, the contributing guide and the JSON output name the check by it
    name: str
    table: str
    #: the column a problem is reported in
    column: str | None
    #: the rule in words (what is wrong on a row the check finds)
    message: str
    hint: str | None = None
    severity: str = "error"
    #: SQL over ``table`` that is true on a suspect row
    where: str | None = None
    #: SQL of the value shown (cast to text)
    value: str | None = None
    #: other tables the SQL reads: without them the check is skipped
    reads: tuple[str, ...] = ()
    #: rows of ``parameters`` the check reads (constants of the validation, not literals here)
    parameters: tuple[str, ...] = ()
    #: named SQL whose values ``message`` and ``hint`` show
    details: tuple[tuple[str, str], ...] = ()
    #: for a check that needs Python: returns the problems (its ``where`` is None)
    find: Callable[[_Query, set[str]], list[Problem]] | None = field(default=None, compare=False)
    #: what the check catches, in a sentence for the contributing guide (defaults to the message)
    catches: str | None = None

    def __post_init__(self) -> None:
        if (self.where is None) == (self.find is None):
            raise ValueError(f"check {self.name}: give either where (SQL) or find (Python)")
        if self.severity not in ("error", "warning"):
            raise ValueError(f"check {self.name}: severity is error or warning")

    @property
    def tables(self) -> tuple[str, ...]:
        return (self.table, *self.reads)


_PLACEHOLDER = re.compile(r"\{([A-Za-z0-9_-]+)(?::([^{}]*))?\}")


def fill(text: str, values: dict[str, object]) -> str:
    """``{name}`` and ``{name:spec}`` of ``values`` filled in; other braces (a regex's ``{4}``) are left."""
    def one(m: re.Match) -> str:
        if m.group(1) not in values:
            return m.group(0)
        return format(values[m.group(1)], m.group(2) or "")
    return _PLACEHOLDER.sub(one, text)


def run_check(q: _Query, check: Check, have: set[str], values: dict[str, object]) -> list[tuple[Problem, str]]:
    """The problems ``check`` finds, each with the key of its row (`a | b` for a composite key)."""
    if check.find is not None:
        return [(p if p.check else _named(p, check), "") for p in check.find(q, have)]
    key = ", ".join(ident(k) for k in relation(check.table).key)
    details = "".join(f", CAST(({fill(sql, values)}) AS VARCHAR)" for _, sql in check.details)
    sql = (f"SELECT rowid, CAST({fill(check.value, values)} AS VARCHAR), concat_ws(' | ', {key}){details} "
           f"FROM {ident(check.table)} WHERE {fill(check.where, values)} ORDER BY rowid")
    file, out = q.file(check.table), []
    for rowid, value, row_key, *shown in q.con.execute(sql).fetchall():
        row_values = {**values, **dict(zip((n for n, _ in check.details), shown))}
        out.append((Problem(file, q.loaded.line_of(check.table, rowid), check.column, value,
                            fill(check.message, row_values), check.hint and fill(check.hint, row_values),
                            check.severity, check.name), row_key))
    return out


def _named(p: Problem, check: Check) -> Problem:
    return replace(p, check=check.name)
