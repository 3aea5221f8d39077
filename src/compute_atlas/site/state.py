"""What one Sphinx build holds: the published database, opened read-only once, and the charts computed from it."""

from __future__ import annotations

from pathlib import Path

import duckdb
from sphinx.application import Sphinx


def connect(app: Sphinx) -> duckdb.DuckDBPyConnection:
    con = getattr(app, "atlas_con", None)
    if con is None:
        db = Path(app.config.atlas_database)
        if not db.exists():
            raise RuntimeError(f"no database at {db}: run `compute-atlas build` (it builds the data first)")
        con = duckdb.connect(str(db), read_only=True)
        app.atlas_con = con
    return con


def built_at(con: duckdb.DuckDBPyConnection) -> str:
    """When the published database was built (``build_info.built_at``, UTC, ISO 8601); "" if it does not say."""
    rows = con.execute("SELECT value_text FROM build_info WHERE item = 'built_at'").fetchall()
    return rows[0][0] if rows else ""


def chart_of(app: Sphinx, name: str):
    """Each chart is computed once per build."""
    from .charts import CHARTS

    cache = getattr(app, "atlas_charts", None)
    if cache is None:
        cache = app.atlas_charts = {}
    if name not in cache:
        cache[name] = CHARTS[name](connect(app))
    return cache[name]


def close(app: Sphinx) -> None:
    con = getattr(app, "atlas_con", None)
    if con is not None:
        con.close()
        app.atlas_con = None
    app.atlas_charts = {}
