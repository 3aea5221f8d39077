"""The loaded tables as the rules and checks of ``validate`` ask them: rows that break a rule, located at their
line of the CSV."""

from __future__ import annotations

import duckdb

from ..ingest.load import Loaded
from ..problems import Problem
from ..schemas import relation
from ..sql import ident


class Query:
    """The loaded tables, asked for the rows that break a rule: each row becomes a Problem at its CSV line."""

    def __init__(self, con: duckdb.DuckDBPyConnection, loaded: Loaded):
        self.con, self.loaded = con, loaded

    def file(self, table: str) -> str:
        return relation(table).csv_file or "references.bib"

    def rows(self, table, where, column, value_sql, rule, hint=None, severity="error") -> list[Problem]:
        sql = f"SELECT rowid, CAST({value_sql} AS VARCHAR) FROM {ident(table)} WHERE {where} ORDER BY rowid"
        file = self.file(table)
        return [
            Problem(file, self.loaded.line_of(table, rowid), column, value, rule,
                    hint(value) if callable(hint) else hint, severity)
            for rowid, value in self.con.execute(sql).fetchall()
        ]
