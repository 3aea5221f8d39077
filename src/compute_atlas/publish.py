"""Build the database from the datasets and publish it atomically.

Everything is written into a fresh folder beside the published files; only
when the database, its Parquet and CSV exports are complete are they renamed
into place. A failed or interrupted build leaves the published files as they
were, and a reader with the old database open keeps reading it.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import duckdb

from . import pipeline
from .ddl import comments, create_table, ident
from .load import Loaded, load_all
from .problems import DataError, errors
from .schemas import RAW, RELATIONS, SCHEMA_VERSION, relation

EXPORT_DIRS = ("parquet", "csv")


#: DuckDB's memory cap: beyond it, it spills to disk, so that a large dataset does not exhaust memory.
MEMORY_LIMIT = "1GB"


def connect(path: str = ":memory:") -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(path)
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    return con


def validate(datasets: Path) -> Loaded:
    """Load and check every dataset in an in-memory database."""
    con = connect()
    try:
        return load_all(datasets, con)
    finally:
        con.close()


def build(datasets: Path, build_dir: Path, pipeline_dir: Path,
          on_step: Callable[[str], None] = lambda _: None) -> Loaded:
    """Validate, derive and publish. Raises DataError (publishing nothing) on bad data."""
    build_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".build-", dir=build_dir))
    try:
        db = work / "compute_atlas.duckdb"
        con = connect(str(db))
        try:
            on_step("validate")
            loaded = load_all(datasets, con)
            if errors(loaded.problems):
                raise DataError(loaded.problems)
            on_step("raw tables")
            _publish_raw(con)
            pipeline.run(con, pipeline_dir, on_step=lambda name: on_step(f"derive {name}"))
            _build_info(con, loaded, datasets)
            for rel in RELATIONS:
                for stmt in comments(rel):
                    con.execute(stmt)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        on_step("export")
        export(db, work)
        shutil.copy2(datasets / "references.bib", work / "references.bib")  # the site's bibliography
        on_step("publish")
        _swap_into_place(work, build_dir)
        return loaded
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _publish_raw(con: duckdb.DuckDBPyConnection) -> None:
    for rel in RAW:
        con.execute(create_table(rel))
        # file order: deterministic, and no sort of a large table
        con.execute(f"INSERT INTO {ident(rel.name)} SELECT * FROM staging.{ident(rel.name)}")
    con.execute("DROP SCHEMA staging CASCADE")


def git_revision() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True,
                             cwd=Path(__file__).parent, timeout=10)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "datasets", "pipeline", "src"],
                               capture_output=True, text=True, cwd=Path(__file__).parent, timeout=10).stdout
        return out.stdout.strip() + ("+dirty" if dirty.strip() else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def build_time() -> str:
    """UTC build time; SOURCE_DATE_EPOCH pins it for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return when.replace(microsecond=0).isoformat()


def last_changed(datasets: Path, files) -> dict[str, str]:
    """Date of the last commit that changed each input file (today's date if it has uncommitted changes)."""
    out = {}
    for name in files:
        try:
            log = subprocess.run(["git", "log", "-1", "--format=%cs", "--", name], cwd=datasets, capture_output=True,
                                 text=True, timeout=10)
            dirty = subprocess.run(["git", "status", "--porcelain", "--", name], cwd=datasets, capture_output=True,
                                   text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            continue
        if log.returncode == 0 and log.stdout.strip():
            out[name] = build_time()[:10] if dirty.stdout.strip() else log.stdout.strip()
    return out


def _build_info(con: duckdb.DuckDBPyConnection, loaded: Loaded, datasets: Path) -> None:
    rows = [("schema_version", SCHEMA_VERSION), ("git_revision", git_revision()), ("built_at", build_time())]
    for rel in RELATIONS:
        if rel.name != "build_info":
            n = con.execute(f"SELECT count(*) FROM {ident(rel.name)}").fetchall()[0][0]
            rows.append((f"rows:{rel.name}", str(n)))
    rows += [(f"sha256:{name}", digest) for name, digest in sorted(loaded.hashes.items())]
    rows += [(f"changed:{name}", day) for name, day in sorted(last_changed(datasets, loaded.hashes).items())]
    con.execute(create_table(relation("build_info")))
    con.executemany("INSERT INTO build_info VALUES (?, ?)", rows)


def export(db: Path, work: Path) -> None:
    """One Parquet and one CSV file per table, rows in table order (file order for curated tables, the
    order each pipeline step gives for derived ones): deterministic for the same inputs."""
    for sub in EXPORT_DIRS:
        (work / sub).mkdir()
    con = duckdb.connect(str(db), read_only=True)
    try:
        for rel in RELATIONS:
            query = f"SELECT * FROM {ident(rel.name)}"
            con.execute(f"COPY ({query}) TO '{work / 'parquet' / rel.name}.parquet' (FORMAT parquet, COMPRESSION zstd)")
            con.execute(f"COPY ({query}) TO '{work / 'csv' / rel.name}.csv' (FORMAT csv, HEADER true)")
    finally:
        con.close()


def _swap_into_place(work: Path, build_dir: Path) -> None:
    """Rename the new exports and database over the old ones."""
    for sub in EXPORT_DIRS:
        target = build_dir / sub
        old = build_dir / f".old-{sub}-{os.getpid()}"
        if target.exists():
            os.replace(target, old)
        os.replace(work / sub, target)
        shutil.rmtree(old, ignore_errors=True)
    os.replace(work / "references.bib", build_dir / "references.bib")
    os.replace(work / "compute_atlas.duckdb", build_dir / "compute_atlas.duckdb")
