"""Exports of the database: one Parquet and one CSV file per table."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb

from ..schemas import RELATIONS
from .ddl import ident

EXPORT_DIRS = ("parquet", "csv")
#: Tables exported at once.
THREADS = 4


def export(con: duckdb.DuckDBPyConnection, work: Path) -> None:
    """One Parquet and one CSV file per table of the database ``con`` has open, rows in table order (file
    order for curated tables, the order each pipeline step gives for derived ones): deterministic for the
    same inputs. The tables are written by a few threads at once (DuckDB works outside Python's lock; most
    tables are small, and one statement each is mostly waiting)."""
    for sub in EXPORT_DIRS:
        (work / sub).mkdir()

    def write(rel) -> None:
        cur = con.cursor()  # a connection of its own to the same database
        try:
            query = f"SELECT * FROM {ident(rel.name)}"
            cur.execute(f"COPY ({query}) TO '{work / 'parquet' / rel.name}.parquet' (FORMAT parquet, COMPRESSION zstd)")
            cur.execute(f"COPY ({query}) TO '{work / 'csv' / rel.name}.csv' (FORMAT csv, HEADER true)")
        finally:
            cur.close()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        list(pool.map(write, RELATIONS))  # re-raises the first failure
