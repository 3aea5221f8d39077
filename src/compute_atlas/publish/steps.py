"""Run the derived relations of ``pipeline/`` in dependency order.

Each relation is one file named after it: ``<relation>.sql`` (a SELECT) or,
for statistics that need Python, ``<relation>.py`` with ``build(con) ->
polars.DataFrame``. What a step reads is declared in its relation's schema
(``inputs``, and the ``assumptions`` and ``parameters`` it uses), like dbt's
``ref()``: the order of the steps comes from those declarations, and each step
runs in a sandbox database that holds only views of its declared inputs, so a
step that reads anything else fails with a clear message. Its output is
created from the schema, filled by name and held to its column checks (``validate.columns``).
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from dataclasses import dataclass
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import duckdb
import polars as pl

from ..schemas import DERIVED, RELATIONS, Relation, relation
from ..sql import create_table, ident, in_one_transaction, polars_type
from ..validate.columns import column_checks, failures

SANDBOX = "step_sandbox"


class PipelineError(Exception):
    """A derived relation could not be built: a bug in pipeline/, not in the data."""


@dataclass
class Step:
    name: str
    path: Path

    @property
    def relation(self) -> Relation:
        return relation(self.name)

    @property
    def depends_on(self) -> set[str]:
        return set(self.relation.inputs)

    def run(self, con: duckdb.DuckDBPyConnection) -> None:
        rel = self.relation
        con.execute(create_table(rel))
        want = [c.name for c in rel.columns()]
        with _sandbox(con, rel, self.path) as box:
            if self.path.suffix == ".sql":
                # planned and run once; the columns are compared on the result
                box.execute(f"CREATE TABLE {SANDBOX}.main._result AS ({self.path.read_text()})")
                got = [r[0] for r in box.execute(f"DESCRIBE {SANDBOX}.main._result").fetchall()]
                _same_columns(self.path, want, got)
            else:
                frame = _module(self.path).derive(box)
                _same_columns(self.path, want, frame.columns)
                box.register("_frame", frame)
                box.execute(f"CREATE TABLE {SANDBOX}.main._result AS SELECT * FROM _frame")
                box.unregister("_frame")
        con.execute(f"INSERT INTO {ident(self.name)} BY NAME (SELECT * FROM {SANDBOX}.main._result)")
        con.execute(f"DETACH {SANDBOX}")
        failed = failures(con, ident(self.name), column_checks(rel, unique=True))
        if failed:
            cases = pl.DataFrame([(f.column, f.check, f.value, f.row) for f in failed], orient="row",
                                 schema=["column", "check", "failure_case", "index"])
            raise PipelineError(f"{self.path.name} produced rows that break its schema:\n{cases}")


class _sandbox:
    """A database attached beside the build that holds only views of the step's declared inputs; the
    connection uses it for the duration of the step. Where the schema lists the ``assumptions`` or
    ``parameters`` it uses, those tables show only the rows it lists."""

    def __init__(self, con: duckdb.DuckDBPyConnection, rel: Relation, path: Path):
        self.con, self.rel, self.path = con, rel, path

    def __enter__(self) -> duckdb.DuckDBPyConnection:
        con, rel = self.con, self.rel
        self.home = con.execute("SELECT current_database()").fetchone()[0]
        con.execute(f"ATTACH ':memory:' AS {SANDBOX}")
        decl = rel.declaration
        declared = {t: (col, getattr(decl, t)) for t, col in (("assumptions", "assumption_id"),
                                                              ("parameters", "parameter_id"))
                    if getattr(decl, t) is not None}
        views = []
        for name in rel.inputs:
            where = ""
            if name in declared:
                col, ids = declared[name]
                where = f" WHERE {col} IN ({', '.join(_quote(i) for i in ids) or 'NULL'})"
            views.append(f"CREATE VIEW {SANDBOX}.main.{ident(name)} AS SELECT * FROM {ident(self.home)}.main."
                         f"{ident(name)}{where}")
        try:
            in_one_transaction(con, views)
        except Exception:
            con.execute(f"DETACH {SANDBOX}")  # __exit__ does not run when __enter__ fails
            raise
        con.execute(f"USE {SANDBOX}")
        return con

    def __exit__(self, exc_type, exc, tb) -> bool:
        self.con.execute(f"USE {ident(self.home)}")
        if exc_type is None:
            return False
        self.con.execute(f"DETACH {SANDBOX}")
        if isinstance(exc, duckdb.CatalogException):
            m = re.search(r"Table with name (\S+) does not exist", str(exc))
            if m:
                table = m.group(1).strip('"!')
                declared = ", ".join(self.rel.inputs) or "nothing"
                raise PipelineError(
                    f"{self.path.name} reads `{table}`, which the schema of `{self.rel.name}` does not declare in "
                    f"its inputs (declared: {declared}); add it to the inputs of its Declaration in "
                    f"src/compute_atlas/schemas/ if the step should read it") from None
        return False


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


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
    """Every derived relation's step, sorted so that each runs after what it declares it reads."""
    names = {r.name for r in RELATIONS}
    derived = {r.name for r in DERIVED}
    steps: dict[str, Step] = {}
    for path in sorted(pipeline_dir.glob("*.sql")) + sorted(pipeline_dir.glob("[!_]*.py")):
        if path.stem not in derived:
            raise PipelineError(f"{path.name}: no schema for a relation named {path.stem!r} in compute_atlas.schemas")
        steps[path.stem] = Step(path.stem, path)
    missing = derived - set(steps)
    if missing:
        raise PipelineError(f"no pipeline file for {sorted(missing)}")
    for step in steps.values():
        unknown = step.depends_on - names
        if unknown:
            raise PipelineError(f"the schema of `{step.name}` declares inputs that are no relation: {sorted(unknown)}")
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


def relation_frame(name: str, rows: list[dict]):
    """A polars frame with the columns and types of relation ``name`` (also when there are no rows)."""
    schema = {c.name: polars_type(c.sql_type) for c in relation(name).columns()}
    return pl.DataFrame(rows, schema=schema, orient="row" if rows and not isinstance(rows[0], dict) else None)


def parameter(con: duckdb.DuckDBPyConnection, parameter_id: str) -> float:
    """A declared parameter's value, inside a step."""
    rows = con.execute("SELECT value FROM parameters WHERE parameter_id = ?", [parameter_id]).fetchall()
    if not rows:
        raise PipelineError(f"parameter {parameter_id!r} is not declared by this step or not in parameters.csv")
    return rows[0][0]
