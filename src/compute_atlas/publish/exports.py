"""Exports of the database: one Parquet and one CSV file per table."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..parallel import each
from ..schemas import RELATIONS
from ..sql import ident

EXPORT_DIRS = ("parquet", "csv")


def export(con: duckdb.DuckDBPyConnection, work: Path) -> None:
    """One Parquet and one CSV file per table of the database ``con`` has open, rows in table order (file
    order for curated tables, the order each pipeline step gives for derived ones): deterministic for the
    same inputs. A few tables are written at once (``compute_atlas.parallel``)."""
    for sub in EXPORT_DIRS:
        (work / sub).mkdir()

    def write(cur: duckdb.DuckDBPyConnection, rel) -> None:
        query = f"SELECT * FROM {ident(rel.name)}"
        cur.execute(f"COPY ({query}) TO '{work / 'parquet' / rel.name}.parquet' (FORMAT parquet, COMPRESSION zstd)")
        cur.execute(f"COPY ({query}) TO '{work / 'csv' / rel.name}.csv' (FORMAT csv, HEADER true)")

    each(con, RELATIONS, write)
