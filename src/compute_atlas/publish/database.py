"""Build the database from the datasets and publish it atomically.

Everything is written into a fresh folder beside the published files; only
when the database, its Parquet and CSV exports are complete are they renamed
into place. A failed or interrupted build leaves the published files as they
were, and a reader with the old database open keeps reading it.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import duckdb

from .. import paths
from ..ingest.load import Loaded
from ..problems import DataError, errors
from ..schemas import CURATED, RELATIONS
from ..sql import comments, create_table, ident, in_one_transaction
from ..validate.run import validate_into
from . import datapackage
from . import steps as pipeline
from .atomic import swap_into_place
from .build_info import write_build_info
from .exports import export
from .history import write_value_history

#: DuckDB's memory cap: beyond it, it spills to disk, so that a large dataset does not exhaust memory. The
#: process peaks about 0.15 GB above it (Python and its libraries): at 10^7 rows 0.84 GB, against 0.96 GB with
#: a cap of 1 GB, in the same time (2026-12-01).
MEMORY_LIMIT = "700MB"


def connect(path: str = ":memory:") -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(path)
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    return con


def validate(datasets: Path) -> Loaded:
    """Load and check every dataset in an in-memory database."""
    con = connect()
    try:
        return validate_into(datasets, con)
    finally:
        con.close()


def build_database(datasets: Path, build_dir: Path, pipeline_dir: Path = paths.PIPELINE_DIR,
          on_step: Callable[[str], None] = lambda _: None) -> Loaded:
    """Validate, derive and publish. Raises DataError (publishing nothing) on bad data."""
    build_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".build-", dir=build_dir))
    try:
        db = work / "compute_atlas.duckdb"
        con = connect(str(db))
        try:
            on_step("validate")
            loaded = validate_into(datasets, con)
            if errors(loaded.problems):
                raise DataError(loaded.problems)
            on_step("curated tables")
            _publish_curated(con)
            pipeline.run(con, pipeline_dir, on_step=lambda name: on_step(f"derive {name}"))
            on_step("build info and value history")
            note = write_value_history(con, datasets, loaded.hashes, build_dir / ".cache" / "value_history.json")
            if note:
                on_step(f"note: {note}")
            write_build_info(con, loaded, datasets, history_note=note)
            # one transaction for the hundreds of COMMENT ON statements
            in_one_transaction(con, [stmt for rel in RELATIONS for stmt in comments(rel)])
            con.execute("CHECKPOINT")
            on_step("export")  # from the same connection
            export(con, work)
            datapackage.write(con, work / "datapackage.json")
        finally:
            con.close()
        shutil.copy2(datasets / "references.bib", work / "references.bib")  # the site's bibliography
        on_step("publish")
        swap_into_place(work, build_dir)
        return loaded
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _publish_curated(con: duckdb.DuckDBPyConnection) -> None:
    """The loaded tables become the published ones in place (no copy; rows stay in file order): the
    schema's NOT NULL constraints, which every row has passed, are added."""
    loaded = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()}
    statements = [create_table(rel) for rel in CURATED if rel.name not in loaded]
    statements += [f"ALTER TABLE {ident(rel.name)} ALTER COLUMN {col.name} SET NOT NULL"
                   for rel in CURATED if rel.name in loaded for col in rel.columns() if not col.nullable]
    in_one_transaction(con, statements)


