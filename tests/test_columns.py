"""The column checks run as SQL (compute_atlas.validate.columns) find exactly what pandera finds, on
awkward values: every column of every relation, its shipped values and their near misses, nulls, NaN,
infinities, the bounds of each range, Unicode spaces and line breaks in patterns, duplicates."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math

import duckdb
import pandera.polars as pa
import polars as pl
import pytest

from compute_atlas.metadata.constraints import OneOf, Pattern, Range, Required, from_keywords
from compute_atlas.schemas import RELATIONS
from compute_atlas.validate.columns import column_checks, failures, sql_pattern

from conftest import DATASETS

POLARS = {"Float64": pl.Float64, "Int64": pl.Int64, "String": pl.String, "Boolean": pl.Boolean, "Date": pl.Date}
#: Text that is easy to get wrong when a regular expression moves from polars (Rust) to DuckDB (RE2).
AWKWARD_TEXT = ["", " ", "a", "A", "-", "a-", "-a", "a--b", "é", "a\n", "\na", "a\u00a0", "a\u0085b", "a\x0bb",
                "a\u2028b", "a\u3000b", "a\u200bb", "a b", "https://x", "https://x y", "https://x\u00a0y",
                "https://x\u2029", "https://x\u200by", "http://", "ftp://x", "a;b", "a;;b", ";a", "v1.0", "v1x0",
                "v1.0-a.b", "v1.0-a..b", "12:1", "1x2x3", "US", "USA", "tp=2,pp=1", "tp=0", "*:datasheet"]


def shipped_values(rel, column: str) -> list[str]:
    if not rel.csv_file or not (DATASETS / rel.csv_file).exists():
        return []
    rows = csv.DictReader(io.StringIO((DATASETS / rel.csv_file).read_text(encoding="utf-8")))
    return sorted({r[column] for r in rows if r.get(column)})[:40]


def candidates(rel, name: str, col) -> list:
    dtype = str(col.dtype)
    bounds = [v for c in col.checks for k, v in (c.statistics or {}).items() if k in ("min_value", "max_value")]
    if dtype == "Float64":
        near = [b * f for b in bounds for f in (1 - 1e-12, 1, 1 + 1e-12)] + [b + d for b in bounds for d in (-1, 1)]
        return [None, math.nan, math.inf, -math.inf, 0.0, -0.0, 1e-300, -1.0, 1e300, *near,
                *(float(v) for v in shipped_values(rel, name)[:5])]
    if dtype == "Int64":
        return [None, 0, -1, 1, 2**62, *(int(b) + d for b in bounds for d in (-1, 0, 1))]
    if dtype == "String":
        allowed = [v for c in col.checks if c.name == "isin" for v in c.statistics["allowed_values"]]
        real = shipped_values(rel, name) + allowed
        near = [m for v in real[:12] for m in (v.upper(), " " + v, v + " ", v + "\n", v + "\u00a0", v + ";", v + "x")]
        return [None, *AWKWARD_TEXT, *real, *near, *real[:1]]  # the last repeats a value (uniqueness)
    if dtype == "Boolean":
        return [None, True, False]
    if dtype == "Date":
        return [None, dt.date(1990, 1, 1), dt.date(2026, 1, 1)]
    raise AssertionError(f"no candidates for {dtype}")


def pandera_failures(name: str, col, frame: pl.DataFrame) -> list[tuple]:
    try:
        pa.DataFrameSchema({name: col}).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return [(r["check"], r["index"], r["failure_case"]) for r in exc.failure_cases.iter_rows(named=True)
                if not r["check"].startswith("dtype(")]
    return []


COLUMNS = [(rel, name, col) for rel in RELATIONS for name, col in rel.schema.columns.items()
           if col.checks or not col.nullable or col.unique]


@pytest.mark.parametrize(("rel", "name", "col"), COLUMNS, ids=[f"{r.name}.{n}" for r, n, _ in COLUMNS])
def test_sql_checks_find_what_pandera_finds(rel, name, col):
    values = candidates(rel, name, col)
    frame = pl.DataFrame({name: values}, schema={name: POLARS[str(col.dtype)]})
    con = duckdb.connect()
    con.register("_frame", frame)
    con.execute("CREATE TABLE t AS SELECT * FROM _frame")
    checks = tuple(c for c in column_checks(rel, unique=True) if c.column == name)
    ours = [(f.check, f.row, f.value) for f in failures(con, "t", checks)]
    assert ours == pandera_failures(name, col, frame)


def test_a_pattern_class_without_a_translation_is_refused():
    assert sql_pattern(r"^\S+$") != r"^\S+$"
    with pytest.raises(ValueError, match="spell it out"):
        sql_pattern(r"^\d+$")


def test_whitespace_classes_translate_outside_brackets_only():
    # \S alone becomes RE2's spelling of polars' Unicode class; an escaped backslash before an S is left alone
    assert sql_pattern(r"^https?://\S+$") == r"^https?://[^\x09-\x0D\x{85}\p{Z}]+$"
    assert sql_pattern(r"a\\S") == r"^a\\S"
    con = duckdb.connect()
    assert con.execute("SELECT regexp_matches('a\\S', ?)", [sql_pattern(r"a\\S$")]).fetchone()[0]
    # inside a bracket expression the spelled-out class cannot nest: refused, not mistranslated
    with pytest.raises(ValueError, match="inside"):
        sql_pattern(r"^[^\s;]+$")


def test_every_check_is_generated_from_the_column_constraints():
    """The pandera checks, nullability and uniqueness of every column are its constraints' and nothing else."""
    for rel in RELATIONS:
        for col in rel.columns():
            schema_col = rel.schema.columns[col.name]
            tests = [t for c in col.constraints for t in c.tests(col.dtype)]
            names = [t.name for t in tests if t.name not in ("not_nullable", "field_uniqueness")]
            assert [c.error for c in schema_col.checks] == names, f"{rel.name}.{col.name}"
            assert ("not_nullable" in [t.name for t in tests]) == (not schema_col.nullable)
            assert ("field_uniqueness" in [t.name for t in tests]) == schema_col.unique


def test_one_constraint_gives_pandera_sql_words_and_frictionless():
    rng = Range(gt=0, le=1e14)
    assert [c.error for c in rng.pandera_checks()] == ["greater_than(0)", "less_than_or_equal_to(100000000000000.0)"]
    assert rng.words() == "greater than 0; at most 1e+14"
    assert rng.frictionless() == {"maximum": 1e14}  # Table Schema v1 has no exclusive minimum
    assert [t.failure for t in rng.tests("Float64")] == ["must be greater than 0", "must be at most 1e+14"]
    vocab = OneOf(("tpu", "gpu"))
    assert vocab.words() == "one of `gpu`, `tpu`" and vocab.frictionless() == {"enum": ["gpu", "tpu"]}
    pattern = Pattern(r"^[A-Z]{2}$", "two capital letters")
    assert pattern.frictionless() == {"pattern": "[A-Z]{2}"} and pattern.words() == "two capital letters"
    assert Required().tests("Float64")[0].fails == "{c} IS NULL OR isnan({c})"
    con = duckdb.connect()
    for constraint, value, fails in ((rng, 0.0, True), (rng, 1e14, False), (rng, None, False), (vocab, "asic", True),
                                     (pattern, "USA", True), (pattern, "US", False)):
        got = any(con.execute(f"SELECT {t.fails.replace('{c}', '?')}", [value] * t.fails.count("{c}")).fetchone()[0]
                  for t in constraint.tests(""))
        assert got is fails, (constraint, value)


def test_an_unknown_check_keyword_or_pattern_fails_where_declared():
    with pytest.raises(TypeError, match="no constraint for"):
        from_keywords("x", str_length=3)
    with pytest.raises(ValueError, match="spell it out"):
        Pattern(r"^\d+$")
