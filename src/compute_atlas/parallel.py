"""Independent pieces of work on one database run a few at once, each on a DuckDB cursor of its own (a
connection to the same database), their results in the order of the items, as if run one after the other.
DuckDB works outside Python's lock, and most tables are small: one statement each is mostly waiting."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import duckdb

from .problems import Problem
from .schemas import Relation

#: Pieces of work run at once.
THREADS = 4

T = TypeVar("T")
R = TypeVar("R")


def each(con: duckdb.DuckDBPyConnection, items: Iterable[T],
         work: Callable[[duckdb.DuckDBPyConnection, T], R]) -> list[R]:
    """``work(cursor, item)`` for every item; the cursors are made here, in the calling thread, and closed
    after; the first failure is raised."""
    items = list(items)
    cursors = [con.cursor() for _ in items]
    try:
        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            return list(pool.map(work, cursors, items))
    finally:
        for cur in cursors:
            cur.close()


def each_table(con: duckdb.DuckDBPyConnection, rels: Iterable[Relation],
               check: Callable[[duckdb.DuckDBPyConnection, Relation], list[Problem]]) -> list[Problem]:
    """The problems ``check`` finds in each table, in table order."""
    return [p for found in each(con, rels, check) for p in found]
