"""What changed in the data since a git revision, per table."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .schemas import CURATED, Relation
from .sql import ident

#: Two derived numbers closer than this (relative) are the same: a rebuild's floating-point noise is not a change.
REL_TOLERANCE = 1e-9
#: The DuckDB types compared as numbers (within ``REL_TOLERANCE``); any other type is compared as text.
NUMERIC_TYPES = ("DOUBLE", "FLOAT", "DECIMAL", "BIGINT", "INTEGER", "HUGEINT")


class DiffError(Exception):
    pass


@dataclass
class TableDiff:
    table: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[tuple[str, str | None, str | None]]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def as_dict(self) -> dict:
        return {"table": self.table, "added": self.added, "removed": self.removed,
                "changed": {k: [{"column": c, "old": o, "new": n} for c, o, n in v] for k, v in self.changed.items()}}


def _git_show(repo: Path, rev: str, path: str) -> bytes | None:
    proc = subprocess.run(["git", "show", f"{rev}:{path}"], cwd=repo, capture_output=True)
    return proc.stdout if proc.returncode == 0 else None


def _repo_root(datasets: Path) -> tuple[Path, str]:
    proc = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=datasets, capture_output=True, text=True)
    if proc.returncode != 0:
        raise DiffError(f"{datasets} is not inside a git repository")
    root = Path(proc.stdout.strip())
    return root, str(datasets.resolve().relative_to(root.resolve()))


def _read(con, path: Path, rel: Relation, name: str) -> None:
    """A CSV as text columns (an old revision may not pass today's schema)."""
    cols = "{" + ", ".join(f"'{c.name}': 'VARCHAR'" for c in rel.columns()) + "}"
    con.execute(f"CREATE OR REPLACE TABLE {ident(name)} AS SELECT * FROM read_csv(?, header=true, "
                f"auto_detect=false, columns={cols}, null_padding=true, ignore_errors=true)", [str(path)])


def diff(datasets: Path, rev: str, tmp: Path) -> list[TableDiff]:
    root, rel_dir = _repo_root(datasets)
    if subprocess.run(["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=root,
                      capture_output=True).returncode != 0:
        raise DiffError(f"unknown git revision: {rev}")
    con = duckdb.connect()
    out = []
    for rel in CURATED:
        if not rel.csv_file:
            continue
        old_bytes = _git_show(root, rev, f"{rel_dir}/{rel.csv_file}")
        new_path = datasets / rel.csv_file
        old_path = tmp / f"old_{rel.csv_file}"
        empty_header = ",".join(c.name for c in rel.columns()) + "\n"
        old_path.write_bytes(old_bytes if old_bytes is not None else empty_header.encode())
        if not new_path.exists():
            new_path = tmp / f"new_{rel.csv_file}"
            new_path.write_text(empty_header)
        try:
            _read(con, old_path, rel, "old")
        except duckdb.Error:  # the file's columns changed since: compare what can be read
            old_path.write_text(empty_header)
            _read(con, old_path, rel, "old")
        _read(con, new_path, rel, "new")
        # the CSVs are read as text, so their values are compared as written (no tolerance)
        out.append(_compare(con, rel.name, list(rel.key), {c.name: "VARCHAR" for c in rel.columns()}, "old", "new"))
    return out


def _compare(con, table: str, key: list[str], columns: dict[str, str], old: str, new: str) -> TableDiff:
    """Rows of ``table`` added, removed and changed between the relations ``old`` and ``new`` (SQL names, with
    their database prefix where they have one), matched on ``key``. ``columns`` maps each column to compare to its
    DuckDB type: numbers are the same within ``REL_TOLERANCE``, anything else when its text is. Keys and values
    are reported as text."""

    def key_of(alias: str) -> str:
        return " || ' | ' || ".join(f"coalesce(CAST({alias}.{ident(k)} AS VARCHAR), '')" for k in key)

    d = TableDiff(table)
    d.added = [r[0] for r in con.execute(
        f"SELECT {key_of('t')} FROM {new} t EXCEPT SELECT {key_of('t')} FROM {old} t ORDER BY 1").fetchall()]
    d.removed = [r[0] for r in con.execute(
        f"SELECT {key_of('t')} FROM {old} t EXCEPT SELECT {key_of('t')} FROM {new} t ORDER BY 1").fetchall()]
    join = " AND ".join(f"o_.{ident(k)} IS NOT DISTINCT FROM n_.{ident(k)}" for k in key)
    for col, kind in columns.items():
        if col in key:
            continue
        c = ident(col)
        if kind in NUMERIC_TYPES:
            differs = (f"(o_.{c} IS NULL) <> (n_.{c} IS NULL) OR abs(o_.{c} - n_.{c}) > "
                       f"{REL_TOLERANCE} * greatest(abs(o_.{c}), abs(n_.{c}))")
        else:
            differs = f"CAST(o_.{c} AS VARCHAR) IS DISTINCT FROM CAST(n_.{c} AS VARCHAR)"
        for k, old_value, new_value in con.execute(
                f"SELECT {key_of('n_')}, CAST(o_.{c} AS VARCHAR), CAST(n_.{c} AS VARCHAR) "
                f"FROM {new} n_ JOIN {old} o_ ON {join} WHERE {differs} ORDER BY 1").fetchall():
            d.changed.setdefault(k, []).append((col, old_value, new_value))
    return d


# --- what a change of the data did to the derived tables and the headline figures -------------------------------

@dataclass
class DerivedDiff:
    tables: list[TableDiff]
    #: ``(figure_id, old, new, unit, description)`` of each headline figure that changed, appeared or went
    figures: list[tuple[str, float | None, float | None, str, str]]
    #: why derived tables were not compared (the revision's data do not pass today's checks), or ``None``
    skipped: str | None = None


def _datasets_at(root: Path, rev: str, rel_dir: str, into: Path) -> Path:
    """The datasets folder as it was at ``rev``, written under ``into``."""
    import io
    import tarfile

    proc = subprocess.run(["git", "archive", "--format=tar", rev, "--", rel_dir], cwd=root, capture_output=True)
    if proc.returncode != 0:
        raise DiffError(f"cannot read {rel_dir} at {rev}: {proc.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(proc.stdout)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
            tar.extractall(into, filter="data")
        else:  # git's own archive of its own tree
            tar.extractall(into)
    return into / rel_dir


def _fresh_database(datasets: Path, build_dir: Path) -> Path | None:
    """The published database of ``build_dir`` if it was built from exactly these datasets, else ``None``."""
    import hashlib

    db = build_dir / "compute_atlas.duckdb"
    if not db.exists():
        return None
    try:
        con = duckdb.connect(str(db), read_only=True)
        try:
            built = dict(con.execute(
                "SELECT item, value_text FROM build_info WHERE item LIKE 'sha256:%'").fetchall())
        finally:
            con.close()
    except duckdb.Error:
        return None
    files = [r.csv_file for r in CURATED if r.csv_file] + ["references.bib"]
    now = {f"sha256:{f}": hashlib.sha256((datasets / f).read_bytes()).hexdigest() for f in files
           if (datasets / f).exists()}
    return db if now == built else None


def derived_diff(datasets: Path, rev: str, tmp: Path, build_dir: Path,
                 on_step=lambda _: None) -> DerivedDiff:
    """Build the datasets of ``rev`` with today's pipeline and compare every derived table and headline figure
    with today's build (``build_dir``'s database where it holds these datasets, else a build made here)."""
    from .problems import DataError
    from .publish.database import build_database

    root, rel_dir = _repo_root(datasets)
    old_data = _datasets_at(root, rev, rel_dir, tmp / "old")
    try:
        on_step(f"building the datasets of {rev}")
        build_database(old_data, tmp / "old-build")
    except DataError as exc:
        return DerivedDiff([], [], f"the datasets of {rev} do not pass today's checks ({len(exc.problems)} "
                                   "problem(s)), so only their rows are compared")
    new_db = _fresh_database(datasets, build_dir)
    if new_db is None:
        on_step("building today's datasets")
        build_database(datasets, tmp / "new-build")
        new_db = tmp / "new-build" / "compute_atlas.duckdb"
    return compare_databases(tmp / "old-build" / "compute_atlas.duckdb", new_db)


def compare_databases(old_db: Path, new_db: Path) -> DerivedDiff:
    """Every derived table and headline figure of two published databases, compared."""
    from .schemas import DERIVED

    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{old_db}' AS o (READ_ONLY)")
        con.execute(f"ATTACH '{new_db}' AS n (READ_ONLY)")
        present = {r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'o' INTERSECT "
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'n'").fetchall()}
        tables = [_compare(con, rel.name, list(rel.key), _columns(con, "o", rel.name),
                           f"o.{ident(rel.name)}", f"n.{ident(rel.name)}")
                  for rel in DERIVED if rel.name in present and rel.name != "headline_figures"]  # the figures: below
        figures = con.execute(f"""
            SELECT coalesce(n_.figure_id, o_.figure_id), o_.value, n_.value, coalesce(n_.unit, o_.unit),
                   coalesce(n_.description, o_.description)
            FROM o.headline_figures o_ FULL JOIN n.headline_figures n_ USING (figure_id)
            WHERE o_.value IS NULL OR n_.value IS NULL
               OR abs(o_.value - n_.value) > {REL_TOLERANCE} * greatest(abs(o_.value), abs(n_.value))
            ORDER BY 1""").fetchall() if "headline_figures" in present else []
    finally:
        con.close()
    return DerivedDiff([t for t in tables if not t.empty], figures)


def _columns(con, database: str, table: str) -> dict[str, str]:
    """The columns of ``database.table``, in order, with their DuckDB types."""
    return dict(con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = ? "
                            "AND table_name = ? ORDER BY column_index", [database, table]).fetchall())
