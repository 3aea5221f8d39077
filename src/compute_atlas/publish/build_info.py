"""``build_info``: what was built, from which inputs, when."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import duckdb

from ..ingest.load import Loaded
from ..schemas import RELATIONS, SCHEMA_VERSION, relation
from ..sql import create_table, ident


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
    """Date of the last commit that changed each input file (today's date if it has uncommitted changes): one
    ``git log`` of them all, newest commit first (a merge counts for a file it changed from every parent, as
    in each file's own log), and one ``git diff`` for the uncommitted changes."""
    files = list(files)
    if not files:
        return {}
    try:
        log = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "-c", "--no-renames", "--relative",
                              "--", *files], cwd=datasets, capture_output=True, text=True, timeout=60)
        dirty = subprocess.run(["git", "diff", "HEAD", "--name-only", "--no-renames", "--relative", "--", *files],
                               cwd=datasets, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return {}
    if log.returncode != 0:
        return {}
    out: dict[str, str] = {}
    for commit in log.stdout.split("\0")[1:]:
        day, *names = commit.split("\n")
        for name in names:
            if name in files:
                out.setdefault(name, day)
    modified = set(dirty.stdout.splitlines()) if dirty.returncode == 0 else set()
    today = build_time()[:10]
    return {name: today if name in modified else day for name, day in out.items()}


def current_to(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """``(current_to:<table>, date)`` of each curated table that declares its ``as_of`` column: the newest value
    of that column (a year where the column is one), the date the dataset is current to."""
    rows = []
    for rel in RELATIONS:
        if rel.as_of:
            newest = con.execute(f"SELECT max({ident(rel.as_of)}) FROM {ident(rel.name)}").fetchone()[0]
            if newest is not None:
                rows.append((f"current_to:{rel.name}", str(newest)))
    return rows


#: The libraries whose versions a build records (``version:<package>``): they read, check, derive and show the data.
RECORDED_PACKAGES = ("duckdb", "pandera", "sphinx", "altair")


def package_versions() -> list[tuple[str, str]]:
    """``(version:<package>, version)`` of each recorded package; "not installed" where it is not (a data-only
    install has no site libraries)."""
    from importlib.metadata import PackageNotFoundError, version

    rows = []
    for name in RECORDED_PACKAGES:
        try:
            rows.append((f"version:{name}", version(name)))
        except PackageNotFoundError:
            rows.append((f"version:{name}", "not installed"))
    return rows


def write_build_info(con: duckdb.DuckDBPyConnection, loaded: Loaded, datasets: Path,
                     history_note: str | None = None) -> None:
    """Write ``build_info``; ``history_note`` says why ``value_history`` is incomplete."""
    rows = [("schema_version", SCHEMA_VERSION), ("git_revision", git_revision()), ("built_at", build_time())]
    rows += package_versions()
    for rel in RELATIONS:
        if rel.name != "build_info":
            n = con.execute(f"SELECT count(*) FROM {ident(rel.name)}").fetchall()[0][0]
            rows.append((f"rows:{rel.name}", str(n)))
    rows += [(f"sha256:{name}", digest) for name, digest in sorted(loaded.hashes.items())]
    rows += [(f"changed:{name}", day) for name, day in sorted(last_changed(datasets, loaded.hashes).items())]
    rows += current_to(con)
    if history_note:
        rows.append(("value_history_note", history_note))
    con.execute(create_table(relation("build_info")))
    con.executemany("INSERT INTO build_info VALUES (?, ?)", rows)


