"""Column checks: each relation's pandera column checks (required, ranges, allowed values, patterns,
uniqueness) run as SQL over its DuckDB table, in one pass.

The pandera schema stays the single source: every check is read from it, and a check that has no SQL
form here raises (it would otherwise be skipped silently). pandera's semantics are kept, and
``tests/test_columns.py`` compares the two on awkward values: a null passes every check but
``not_nullable`` (for a float column NaN counts as null there); NaN compares as larger than any number,
in DuckDB as in polars; a pattern must match at the start of the text (pandera prefixes ``^``), with the
Unicode classes of polars' regular expressions (``\\S``) spelled out for DuckDB's RE2; the value shown is
the one polars prints (``1e+20``, ``1500.0``). Types and column names need no check: the table's DDL and
the typed CSV reader already hold them to the schema. The failures come in pandera's order: column by
column, within a column ``not_nullable``, ``field_uniqueness``, then the checks as declared, rows in
table order.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

import duckdb
import polars as pl

from ..ingest.load import Loaded
from ..parallel import each_table
from ..problems import Problem
from ..schemas import Relation
from ..schemas._base import PATTERN_WORDS
from ..sql import ident, quote

#: Rust-regex (polars) classes that mean more than their RE2 (DuckDB) namesakes: Unicode White_Space is
#: TAB to CR, NEXT LINE and the separators (Z).
REGEX_CLASSES = {r"\S": r"[^\x09-\x0D\x{85}\p{Z}]", r"\s": r"[\x09-\x0D\x{85}\p{Z}]"}
#: Classes whose Unicode meaning in polars has no spelling here yet: a pattern using one is refused.
UNTRANSLATED = re.compile(r"\\[dDwWbBpP]")


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


@dataclass(frozen=True)
class Failure:
    column: str
    check: str
    #: the failing value as polars prints it (None for a null)
    value: str | None
    #: 0-based row of the table (its rowid)
    row: int


def sql_literal(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, dt.date):
        return f"DATE '{value.isoformat()}'"
    raise TypeError(f"no SQL literal for {value!r}")


def sql_pattern(pattern: str) -> str:
    """A pandera ``str_matches`` pattern as DuckDB's ``regexp_matches`` must see it to match the same texts."""
    if UNTRANSLATED.search(pattern):
        raise ValueError(f"pattern {pattern!r}: its class means more in polars than in DuckDB; spell it out")
    if not pattern.startswith("^"):
        pattern = f"^{pattern}"  # pandera's str_matches matches at the start
    out, i, in_class = [], 0, False
    while i < len(pattern):
        piece = pattern[i:i + 2] if pattern[i] == "\\" else pattern[i]  # an escape is one piece
        i += len(piece)
        if piece in REGEX_CLASSES:
            if in_class:  # its spelled-out class cannot nest inside a bracket expression
                raise ValueError(f"pattern {pattern!r}: {piece} inside [...] has no RE2 spelling here; spell it out")
            piece = REGEX_CLASSES[piece]
        elif piece in "[]":
            in_class = piece == "["
        out.append(piece)
    return "".join(out)


def _check_sql(column: str, check) -> str:
    """SQL true where the value is not null and fails ``check`` (a null passes, pandera's ``ignore_na``)."""
    stats, c = check.statistics or {}, column
    comparisons = {"greater_than": (">", "min_value"), "greater_than_or_equal_to": (">=", "min_value"),
                   "less_than": ("<", "max_value"), "less_than_or_equal_to": ("<=", "max_value"),
                   "equal_to": ("=", "value"), "not_equal_to": ("<>", "value")}
    if check.name in comparisons:
        op, key = comparisons[check.name]
        ok = f"{c} {op} {sql_literal(stats[key])}"
    elif check.name == "in_range":
        low = ">=" if stats.get("include_min", True) else ">"
        high = "<=" if stats.get("include_max", True) else "<"
        ok = f"{c} {low} {sql_literal(stats['min_value'])} AND {c} {high} {sql_literal(stats['max_value'])}"
    elif check.name in ("isin", "notin"):
        values = stats["allowed_values" if check.name == "isin" else "forbidden_values"]
        listed = ", ".join(sql_literal(v) for v in sorted(values, key=str)) or "NULL"
        ok = f"{c} {'IN' if check.name == 'isin' else 'NOT IN'} ({listed})"
    elif check.name == "str_matches":
        ok = f"regexp_matches({c}, {quote(sql_pattern(stats['pattern']))})"
    else:
        raise NotImplementedError(f"no SQL form of the pandera check {check.name!r} (column {column}): "
                                  "add one to compute_atlas.validate.columns")
    if not check.ignore_na:
        raise NotImplementedError(f"check {check.name!r} of column {column} counts nulls as failures")
    return f"{c} IS NOT NULL AND NOT ({ok})"


@cache
def column_checks(rel: Relation, unique: bool) -> tuple[ColumnCheck, ...]:
    """Every column check of ``rel``'s schema, in pandera's order; ``unique=False`` leaves uniqueness out
    (for the curated tables the declared rules check it, with their own messages)."""
    out = []
    for name, col in rel.schema.columns.items():
        c, dtype = ident(name), col.dtype.type
        if not col.nullable:
            is_float = dtype.is_float()
            out.append(ColumnCheck(name, dtype, "not_nullable", f"{c} IS NULL" + (f" OR isnan({c})" if is_float else "")))
        if unique and col.unique:
            out.append(ColumnCheck(name, dtype, "field_uniqueness", f"count(*) OVER (PARTITION BY {c}) > 1", unique=True))
        for check in col.checks:
            out.append(ColumnCheck(name, dtype, check.error or check.name, _check_sql(c, check)))
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
    return [Failure(check.column, check.check, text[check.column][j], r[0])
            for i, check in enumerate(checks) for j, r in enumerate(found) if r[1 + i]]


def table_problems(con: duckdb.DuckDBPyConnection, rel: Relation, file: str, out: Loaded) -> list[Problem]:
    """The column checks of a curated table; uniqueness, with its own messages, is in ``rules``."""
    cols = {c.name: c for c in rel.columns()}
    problems = []
    for f in failures(con, ident(rel.name), column_checks(rel, unique=False)):
        col = cols[f.column]
        unit = f" (unit: {col.unit})" if col.unit and col.unit not in ("date", "see unit") else ""
        problems.append(Problem(file, out.line_of(rel.name, f.row), f.column, f.value, humanize_failure(f.check),
                                f"expected {col.checks}{unit}"))
    return problems


def run_all(con: duckdb.DuckDBPyConnection, loaded: Loaded) -> list[Problem]:
    """Every loaded curated table against its schema; values the reader already rejected are not reported twice."""
    def check(cur: duckdb.DuckDBPyConnection, rel: Relation) -> list[Problem]:
        bad = loaded.bad_cells.get(rel.name, set())
        return [p for p in table_problems(cur, rel, rel.csv_file, loaded) if (p.line, p.column) not in bad]

    return each_table(con, loaded.curated(), check)


def humanize_failure(check: str) -> str:
    """Turn pandera's failure-case check text into plain words."""
    m = re.fullmatch(r"(\w+)\((.*)\)", check)
    if not m:
        return {
            "not_nullable": "a value is required",
            "field_uniqueness": "must be unique",
            "column_in_dataframe": "column is missing",
        }.get(check, check)
    name, arg = m.groups()
    words = {
        "greater_than_or_equal_to": "must be at least {}",
        "greater_than": "must be greater than {}",
        "less_than_or_equal_to": "must be at most {}",
        "less_than": "must be less than {}",
        "in_range": "must be in the range {}",
        "isin": "must be one of {}",
        "str_matches": "must match {}",
    }
    if name == "str_matches":
        pattern = arg.strip("'\"")
        if pattern in PATTERN_WORDS:
            return "must be " + PATTERN_WORDS[pattern]
    try:
        arg = f"{float(arg):g}"
    except ValueError:
        pass
    return words.get(name, name + " {}").format(arg)
