"""Frame checks: each staged table validated against its pandera schema, in chunks."""

from __future__ import annotations

import re

import duckdb
import pandera.polars as pa
import polars as pl

from ..build.ddl import ident
from ..ingest.load import Loaded
from ..problems import Problem
from ..schemas import RAW, Relation
from ..schemas._base import PATTERN_WORDS

#: Rows validated by pandera at a time: memory stays bounded whatever the table's size.
CHUNK_ROWS = 1_000_000


def table_problems(con: duckdb.DuckDBPyConnection, rel: Relation, file: str, out: Loaded) -> list[Problem]:
    """Validate the staged rows in chunks; uniqueness, which spans chunks, is checked in SQL (``rules``)."""
    schema = rel.schema.update_columns({c.name: {"unique": False} for c in rel.columns() if c.unique})
    relation_ = con.sql(f"SELECT * FROM staging.{ident(rel.name)}")
    reader = (relation_.to_arrow_reader(CHUNK_ROWS) if hasattr(relation_, "to_arrow_reader")  # duckdb 2
              else relation_.fetch_record_batch(CHUNK_ROWS))
    cols = {c.name: c for c in rel.columns()}
    problems, offset = [], 0
    for batch in reader:
        df = pl.from_arrow(batch)
        try:
            schema.validate(df, lazy=True)
        except pa.errors.SchemaErrors as exc:
            for row in exc.failure_cases.iter_rows(named=True):
                column, idx = row["column"], row["index"]
                line = out.line_of(rel.name, offset + int(idx)) if idx is not None else None
                col = cols.get(column)
                hint = None
                if col is not None:
                    unit = f" (unit: {col.unit})" if col.unit and col.unit not in ("date", "see unit") else ""
                    hint = f"expected {col.checks}{unit}"
                problems.append(Problem(file, line, column, row["failure_case"], humanize_failure(row["check"]), hint))
        offset += df.height
    return problems




def run_all(con: duckdb.DuckDBPyConnection, loaded: Loaded) -> list[Problem]:
    """Every loaded curated table against its schema; values the reader already rejected are not reported twice."""
    out = []
    for rel in RAW:
        if rel.csv_file and rel.name in loaded.loaded:
            bad = loaded.bad_cells.get(rel.name, set())
            out += [p for p in table_problems(con, rel, rel.csv_file, loaded) if (p.line, p.column) not in bad]
    return out


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
