"""Run the derived relations of ``pipeline/`` in dependency order.

Each relation is one file named after it: ``<relation>.sql`` (a SELECT) or,
for statistics that need Python, ``<relation>.py`` with ``DEPENDS_ON`` (the
relations it reads) and ``build(con) -> polars.DataFrame``. The table is
created from the relation's schema, filled by name, and validated against it.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from dataclasses import dataclass
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import duckdb
import pandera.polars as pa

from ..schemas import DERIVED, RELATIONS, relation
from .ddl import create_table


class PipelineError(Exception):
    """A derived relation could not be built: a bug in pipeline/, not in the data."""


@dataclass
class Step:
    name: str
    path: Path
    depends_on: set[str]

    def run(self, con: duckdb.DuckDBPyConnection) -> None:
        rel = relation(self.name)
        con.execute(create_table(rel))
        want = [c.name for c in rel.columns()]
        if self.path.suffix == ".sql":
            query = self.path.read_text()
            got = [r[0] for r in con.execute(f"DESCRIBE ({query})").fetchall()]
            _same_columns(self.path, want, got)
            con.execute(f"INSERT INTO {self.name} BY NAME ({query})")
        else:
            frame = _module(self.path).build(con)
            _same_columns(self.path, want, frame.columns)
            con.register("_frame", frame)
            con.execute(f"INSERT INTO {self.name} BY NAME (SELECT * FROM _frame)")
            con.unregister("_frame")
        df = con.sql(f"SELECT * FROM {self.name}").pl()
        try:
            rel.model.validate(df, lazy=True)
        except pa.errors.SchemaErrors as exc:
            raise PipelineError(f"{self.path.name} produced rows that break its schema:\n{exc.failure_cases}") from None


def _same_columns(path: Path, want: list[str], got: list[str]) -> None:
    if list(got) != want:
        missing = [c for c in want if c not in got]
        extra = [c for c in got if c not in want]
        raise PipelineError(f"{path.name}: columns differ from the schema (missing {missing}, unexpected {extra}, "
                            "or out of order)")


def _module(path: Path):
    spec = importlib.util.spec_from_file_location(f"pipeline_{path.stem}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def discover(pipeline_dir: Path) -> list[Step]:
    """Every derived relation's step, sorted so that each runs after what it reads."""
    names = {r.name for r in RELATIONS}
    derived = {r.name for r in DERIVED}
    steps: dict[str, Step] = {}
    for path in sorted(pipeline_dir.glob("*.sql")) + sorted(pipeline_dir.glob("[!_]*.py")):
        if path.stem not in derived:
            raise PipelineError(f"{path.name}: no schema for a relation named {path.stem!r} in compute_atlas.schemas")
        if path.suffix == ".sql":
            words = set(re.findall(r"[a-z_]+", re.sub(r"--[^\n]*", "", path.read_text())))
            deps = (words & names) - {path.stem}
        else:
            deps = set(_module(path).DEPENDS_ON)
        steps[path.stem] = Step(path.stem, path, deps)
    missing = derived - set(steps)
    if missing:
        raise PipelineError(f"no pipeline file for {sorted(missing)}")
    graph = {name: step.depends_on & set(steps) for name, step in steps.items()}
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as exc:
        raise PipelineError(f"pipeline/ has a dependency cycle: {exc.args[1]}") from None
    return [steps[n] for n in order]


def run(con: duckdb.DuckDBPyConnection, pipeline_dir: Path, on_step: Callable[[str], None] = lambda _: None) -> None:
    for step in discover(pipeline_dir):
        on_step(step.name)
        step.run(con)


def frame(name: str, rows: list[dict]):
    """A polars frame with the columns and types of relation ``name`` (also when there are no rows)."""
    import polars as pl

    from ..ingest.load import _polars_type

    schema = {c.name: _polars_type(c.sql_type) for c in relation(name).columns()}
    return pl.DataFrame(rows, schema=schema, orient="row" if rows and not isinstance(rows[0], dict) else None)
