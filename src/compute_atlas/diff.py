"""What changed in the data since a git revision, per table."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .schemas import CURATED, Relation
from .sql import ident


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
        out.append(_compare(con, rel))
    return out


def _compare(con, rel: Relation) -> TableDiff:
    key = list(rel.key)

    def key_of(alias: str = "") -> str:
        prefix = f"{alias}." if alias else ""
        return " || ' | ' || ".join(f"coalesce({prefix}{k}, '')" for k in key)

    d = TableDiff(rel.name)
    d.added = [r[0] for r in con.execute(
        f"SELECT {key_of()} FROM new EXCEPT SELECT {key_of()} FROM old ORDER BY 1").fetchall()]
    d.removed = [r[0] for r in con.execute(
        f"SELECT {key_of()} FROM old EXCEPT SELECT {key_of()} FROM new ORDER BY 1").fetchall()]
    join = " AND ".join(f"o.{k} IS NOT DISTINCT FROM n.{k}" for k in key)
    for col in (c.name for c in rel.columns() if c.name not in key):
        rows = con.execute(
            f"SELECT {key_of('n')} AS k, o.{col}, n.{col} FROM new n JOIN old o ON {join} "
            f"WHERE o.{col} IS DISTINCT FROM n.{col} ORDER BY k").fetchall()
        for k, old, new in rows:
            d.changed.setdefault(k, []).append((col, old, new))
    return d
