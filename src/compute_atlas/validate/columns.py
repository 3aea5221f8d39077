"""Column checks: each relation's column constraints (required, unique, ranges, allowed values,
patterns; ``compute_atlas.metadata.constraints``) run as SQL over its DuckDB table, in one pass.

The SQL is generated from the same constraint objects as the pandera checks, and ``tests/test_columns.py``
holds the two equal on awkward values; the constraint module says how pandera's semantics are kept. The
value shown is the one polars prints (``1e+20``, ``1500.0``). Types and column names need no check: the
table's DDL and the typed CSV reader already hold them to the schema. The failures come in pandera's
order: column by column, within a column ``not_nullable``, ``field_uniqueness``, then the checks as
declared, rows in table order.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import duckdb
import polars as pl

from ..ingest.load import Loaded
from ..metadata.constraints import Unique, sql_pattern
from ..parallel import each_table
from ..problems import Problem
from ..schemas import Relation
from ..sql import ident

__all__ = ["ColumnCheck", "Failure", "column_checks", "failures", "table_problems", "run_all", "sql_pattern"]


@dataclass(frozen=True)
class ColumnCheck:
    column: str
    #: the column's polars type, in which its failing values are printed
    dtype: pl.DataType
    #: pandera's name of the check, as its failure cases give it (``greater_than(0)``, ``not_nullable``)
    check: str
    #: SQL that is true on a row that fails the check
    fails: str
    #: a uniqueness check, which needs the whole column (a window) rather than the row
    unique: bool = False
    #: what is wrong with a failing value, in plain words
    failure: str = ""


@dataclass(frozen=True)
class Failure:
    column: str
    check: str
    #: the failing value as polars prints it (None for a null)
    value: str | None
    #: 0-based row of the table (its rowid)
    row: int
    #: what is wrong, in plain words
    failure: str = ""


@cache
def column_checks(rel: Relation, unique: bool) -> tuple[ColumnCheck, ...]:
    """Every column check of ``rel``'s schema, in pandera's order; ``unique=False`` leaves uniqueness out
    (for the curated tables the declared rules check it, with their own messages)."""
    out = []
    for col in rel.columns():
        c, dtype = ident(col.name), rel.schema.columns[col.name].dtype.type
        for constraint in col.constraints:
            if isinstance(constraint, Unique) and not unique:
                continue
            for t in constraint.tests(col.dtype):
                out.append(ColumnCheck(col.name, dtype, t.name, t.fails.replace("{c}", c), t.whole_column, t.failure))
    return tuple(out)


def failures(con: duckdb.DuckDBPyConnection, table: str, checks: tuple[ColumnCheck, ...]) -> list[Failure]:
    """The rows of ``table`` (SQL) that fail ``checks``: one scan, which returns only those rows."""
    if not checks:
        return []
    flags = ", ".join(f"({c.fails}) AS _f{i}" for i, c in enumerate(checks))
    dtypes = {c.column: c.dtype for c in checks}
    columns = list(dtypes)
    values = ", ".join(f"{ident(c)} AS _v{i}" for i, c in enumerate(columns))
    sql = f"SELECT rowid AS _row, {flags}, {values} FROM {table}"
    if any(c.unique for c in checks):  # a window over the whole column, then the filter
        sql = f"SELECT * FROM ({sql}) WHERE {' OR '.join(f'_f{i}' for i in range(len(checks)))}"
    else:  # each flag is the row's own: the scan filters, and only the failing rows are projected
        sql += " WHERE " + " OR ".join(f"({c.fails})" for c in checks)
    found = con.execute(sql + " ORDER BY _row").fetchall()
    if not found:
        return []
    # the value as pandera reports it: polars' own text of the value
    text = {col: pl.Series([r[1 + len(checks) + i] for r in found], dtype=dtypes[col]).cast(pl.String).to_list()
            for i, col in enumerate(columns)}
    return [Failure(check.column, check.check, text[check.column][j], r[0], check.failure)
            for i, check in enumerate(checks) for j, r in enumerate(found) if r[1 + i]]


def table_problems(con: duckdb.DuckDBPyConnection, rel: Relation, file: str, out: Loaded) -> list[Problem]:
    """The column checks of a curated table; uniqueness, with its own messages, is in ``rules``."""
    cols = {c.name: c for c in rel.columns()}
    problems = []
    for f in failures(con, ident(rel.name), column_checks(rel, unique=False)):
        col = cols[f.column]
        unit = f" (unit: {col.unit})" if col.unit and col.unit not in ("date", "see unit") else ""
        problems.append(Problem(file, out.line_of(rel.name, f.row), f.column, f.value, f.failure,
                                f"expected {col.checks}{unit}"))
    return problems


def run_all(con: duckdb.DuckDBPyConnection, loaded: Loaded) -> list[Problem]:
    """Every loaded curated table against its schema; values the reader already rejected are not reported twice."""
    def check(cur: duckdb.DuckDBPyConnection, rel: Relation) -> list[Problem]:
        bad = loaded.bad_cells.get(rel.name, set())
        return [p for p in table_problems(cur, rel, rel.csv_file, loaded) if (p.line, p.column) not in bad]

    return each_table(con, loaded.curated(), check)
