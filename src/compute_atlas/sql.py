"""SQL text: quoted identifiers and literals, DuckDB DDL and comments generated from the schemas, and the
types on both sides (DuckDB's and polars'). Every package that writes SQL uses it, so it sits below them."""

from __future__ import annotations

import polars as pl

from .schemas import Relation


def ident(name: str) -> str:
    """A quoted identifier (``references`` is an SQL keyword)."""
    return f'"{name}"'


def quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def in_one_transaction(con, statements: list[str]) -> None:
    """Run ``statements`` in one call and one transaction; on a failure the transaction is rolled back, not
    left open on ``con``."""
    try:
        con.execute("; ".join(["BEGIN", *statements, "COMMIT"]))
    except Exception:
        try:
            con.execute("ROLLBACK")
        except Exception:  # noqa: BLE001 - no transaction was left open: the first error is the one to raise
            pass
        raise


def create_table(rel: Relation) -> str:
    """``CREATE TABLE`` with the schema's columns, types and NOT NULL constraints."""
    cols = ",\n  ".join(
        f"{c.name} {c.sql_type}{'' if c.nullable else ' NOT NULL'}" for c in rel.columns()
    )
    return f"CREATE TABLE {ident(rel.name)} (\n  {cols}\n)"


def comments(rel: Relation) -> list[str]:
    """One ``COMMENT ON`` for the table and one for each column."""
    out = [f"COMMENT ON TABLE {ident(rel.name)} IS {quote(rel.description)}"]
    out += [f"COMMENT ON COLUMN {ident(rel.name)}.{c.name} IS {quote(c.comment)}" for c in rel.columns()]
    return out


def duckdb_columns(rel: Relation) -> dict[str, str]:
    """Column name to DuckDB type, as ``read_csv(columns=...)`` wants it."""
    return {c.name: c.sql_type for c in rel.columns()}


def polars_type(sql_type: str) -> pl.DataType:
    """The polars type of a DuckDB column type of the schemas."""
    return {"VARCHAR": pl.String, "BIGINT": pl.Int64, "DOUBLE": pl.Float64,
            "BOOLEAN": pl.Boolean, "DATE": pl.Date}[sql_type]
