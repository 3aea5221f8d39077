"""Checks of independent tables run at once, each table's on a DuckDB cursor of its own (a connection to the
same database); the problems come back in table order, as if run one after the other. DuckDB works outside
Python's lock, and most tables are small: one statement each is mostly waiting."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

import duckdb

from ..problems import Problem
from ..schemas import Relation

#: Tables checked at once.
THREADS = 4


def each_table(con: duckdb.DuckDBPyConnection, rels: Iterable[Relation],
               check: Callable[[duckdb.DuckDBPyConnection, Relation], list[Problem]]) -> list[Problem]:
    def run(rel: Relation) -> list[Problem]:
        cur = con.cursor()
        try:
            return check(cur, rel)
        finally:
            cur.close()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return [p for found in pool.map(run, list(rels)) for p in found]
