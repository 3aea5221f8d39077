"""``value_history``: every change of a curated value, from the datasets' git history.

Main's history is read along its first parents (``git log --first-parent``): a merged branch's changes count on
the day main took them, which is when the atlas began to say them. Each commit that changed a dataset file is
compared with its first parent, row by row (by the relation's key) and column by column. Comparing two versions
of a file depends on nothing but the two blobs, so each comparison is cached by their ids in the build folder:
a rebuild reads only the commits it has not seen.

A column a commit added is not a change of value (its values are the row's first); a row a commit added is one
``added`` row; a row it removed gives its last values, one ``removed`` row per non-empty column; uncommitted
edits count as a change of today's date. In a shallow clone the history stops at its oldest commit, whose diff
is unknown: what the history reaches is kept and :func:`value_history` says where it stops.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ..schemas import RELATIONS, relation
from ..sql import create_table
from .build_info import build_time

#: Bumped when the comparison changes, so that a cache of an older one is not read.
CACHE_VERSION = 1
EMPTY_BLOB = "0" * 40


@dataclass(frozen=True)
class Commit:
    sha: str
    day: str
    subject: str
    #: ``(file name, old blob, new blob)`` of each dataset file it changed
    files: tuple[tuple[str, str, str], ...]


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, timeout=300)


def _commits(datasets: Path, files: list[str]) -> list[Commit] | None:
    """Main's commits that changed one of ``files`` (first parents, oldest first); ``None`` outside git."""
    try:
        out = _git(datasets, "log", "--first-parent", "--diff-merges=first-parent", "--raw", "--no-abbrev",
                   "--no-renames", "--relative", "--format=%x00%H%x09%cs%x09%s", "--", *files)
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    commits = []
    for block in out.stdout.decode("utf-8", "replace").split("\0")[1:]:
        head, *raw = block.split("\n")
        sha, day, subject = (head.split("\t", 2) + ["", ""])[:3]
        changed = []
        for line in raw:
            if line.startswith(":"):
                meta, name = line.split("\t", 1)
                _, _, old, new, _ = meta.split(" ", 4)
                changed.append((name, old, new))
        commits.append(Commit(sha, day, subject, tuple(changed)))
    return commits[::-1]


def _shallow_roots(datasets: Path) -> set[str]:
    """The commits whose parents a shallow clone lacks (their diffs are unknown)."""
    out = _git(datasets, "rev-parse", "--git-path", "shallow")
    path = Path(out.stdout.decode().strip()) if out.returncode == 0 else None
    if path is not None and not path.is_absolute():
        path = datasets / path
    return set(path.read_text().split()) if path is not None and path.exists() else set()


def _blobs(datasets: Path, ids: set[str]) -> dict[str, bytes]:
    """The contents of the blobs ``ids``, read by one ``git cat-file --batch``."""
    ids = sorted(i for i in ids if i != EMPTY_BLOB)
    if not ids:
        return {}
    out = _git(datasets, "cat-file", "--batch", stdin=("\n".join(ids) + "\n").encode()).stdout
    got, at = {}, 0
    for blob in ids:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        if len(header) < 3:  # "<id> missing"
            at = end + 1
            continue
        size = int(header[2])
        got[blob] = out[end + 1:end + 1 + size]
        at = end + 1 + size + 1
    return got


def _table(text: bytes | str) -> tuple[list[str], list[dict[str, str]]]:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    reader = csv.DictReader(io.StringIO(text))
    return list(reader.fieldnames or []), [r for r in reader if any(v for v in r.values() if isinstance(v, str))]


def _same(a: str, b: str) -> bool:
    """Equal values, also where one number is written two ways (``4.0e9`` and ``4e9``)."""
    if a == b:
        return True
    try:
        return float(a) == float(b)
    except ValueError:
        return False


def compare(old: bytes | str, new: bytes | str, key: tuple[str, ...]) -> list[list[str | None]]:
    """``[key, accelerator_id, run_id, column, change, old, new]`` of each change from one version of a dataset
    file to the next (``old`` empty: the file was added)."""
    old_cols, old_rows = _table(old) if old else ([], [])
    new_cols, new_rows = _table(new)
    key = tuple(k for k in key if k in new_cols)

    def keyed(rows, cols):
        if not all(k in cols for k in key):
            return None
        return {" | ".join((r.get(k) or "") for k in key): r for r in rows}

    before, after = keyed(old_rows, old_cols), keyed(new_rows, new_cols)
    if after is None:
        return []
    if before is None:  # the key changed its columns: every row reads as new
        before = {}

    def ids(row):
        return [row.get("accelerator_id") or None, row.get("run_id") or None]

    out: list[list[str | None]] = []
    for k, row in after.items():
        was = before.get(k)
        if was is None:
            out.append([k, *ids(row), None, "added", None, None])
            continue
        for col in new_cols:
            if col in old_cols and not _same((was.get(col) or ""), (row.get(col) or "")):
                out.append([k, *ids(row), col, "changed", was.get(col) or None, row.get(col) or None])
    for k, was in before.items():
        if k not in after:
            out += [[k, *ids(was), col, "removed", was[col], None] for col in old_cols if was.get(col)]
    return out


class _Cache:
    """Comparisons by blob ids, in one JSON file of the build folder."""

    def __init__(self, path: Path | None):
        self.path, self.data, self.dirty = path, {}, False
        if path is not None and path.exists():
            try:
                data = json.loads(path.read_text())
                if data.get("version") == CACHE_VERSION:
                    self.data = data["pairs"]
            except (OSError, ValueError, KeyError):
                self.data = {}

    def get(self, name: str, old: str, new: str):
        return self.data.get(f"{name}:{old}:{new}")

    def put(self, name: str, old: str, new: str, rows) -> None:
        self.data[f"{name}:{old}:{new}"], self.dirty = rows, True

    def save(self) -> None:
        if self.path is None or not self.dirty:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}")
        tmp.write_text(json.dumps({"version": CACHE_VERSION, "pairs": self.data}, separators=(",", ":")))
        os.replace(tmp, self.path)


@dataclass
class History:
    rows: list[tuple]
    #: why the history is incomplete (a shallow clone, no git), or ``None``
    note: str | None = None
    #: comparisons made now, and read from the cache
    computed: int = 0
    cached: int = 0


def value_history(datasets: Path, files, cache: Path | None = None) -> History:
    """``value_history`` rows of the curated ``files`` of ``datasets`` (names as in the folder)."""
    by_file = {r.csv_file: r for r in RELATIONS if r.csv_file}
    files = sorted(f for f in files if f in by_file)
    commits = _commits(datasets, files) if files else []
    if commits is None:
        return History([], "the datasets are not in a git repository: no value history")
    roots = _shallow_roots(datasets)
    store = _Cache(cache)
    wanted = {(n, o, w) for c in commits if c.sha not in roots for n, o, w in c.files
              if w != EMPTY_BLOB and store.get(n, o, w) is None}
    blobs = _blobs(datasets, {b for _, o, w in wanted for b in (o, w)})
    history = History([])
    seq = 0
    for c in commits:
        if c.sha in roots:
            continue
        seq += 1
        for name, old, new in c.files:
            if new == EMPTY_BLOB:  # a file removed: its relation is gone too
                continue
            rows = store.get(name, old, new)
            if rows is None:
                rows = compare(blobs.get(old, b""), blobs[new], by_file[name].declaration.key)
                store.put(name, old, new, rows)
                history.computed += 1
            else:
                history.cached += 1
            history.rows += [(name, *r, c.day, c.sha[:10], seq, c.subject) for r in rows]
    store.save()
    # uncommitted edits: the working tree against HEAD (never cached)
    today = build_time()[:10]
    for name in files:
        head = _git(datasets, "show", f"HEAD:./{name}")
        path = datasets / name
        if not path.exists() or (head.returncode == 0 and head.stdout == path.read_bytes()):
            continue
        rows = compare(head.stdout if head.returncode == 0 else b"", path.read_bytes(), by_file[name].declaration.key)
        history.rows += [(name, *r, today, "uncommitted", seq + 1, None) for r in rows]
    if roots:
        oldest = min((c.day for c in commits if c.sha in roots), default=None)
        history.note = (f"this is a shallow clone: the value history starts after its oldest commit"
                        f"{f' ({oldest})' if oldest else ''}; `git fetch --unshallow` gives all of it")
    return history


def write_value_history(con: duckdb.DuckDBPyConnection, datasets: Path, files, cache: Path | None) -> str | None:
    """Write ``value_history``; return why it is incomplete, if it is."""
    history = value_history(datasets, files, cache)
    con.execute(create_table(relation("value_history")))
    if history.rows:
        con.executemany(f"INSERT INTO value_history VALUES ({', '.join('?' * 12)})", history.rows)
    return history.note
