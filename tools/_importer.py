"""What the importers in ``tools/`` share: reading a dataset, the reviewable diff they print, writing it back.

An importer maps a snapshot of a source to rows of one dataset and fills a :class:`Proposal`; this module prints
it, one line per record, and writes it only when asked:

    + a row to add                     (the row as it would be written, a CSV line)
    ~ a value a new snapshot revised   (in a row the importer wrote and nobody has edited since)
    = rows already present             (a count)
    # a curated row that differs       (edited or checked by hand: reported, never overwritten)
    ! a record left out, and why

then remarks (``# ...``), a summary line, and ``# wrote PATH`` or ``# dry run: nothing written (use --write)``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Proposal:
    """What a snapshot proposes for one dataset. `key` names a row in `~` and `#` lines: a column, or a function
    of the row (where no one column identifies it)."""

    key: str | Callable[[dict[str, str]], str]
    additions: list[dict[str, str]] = field(default_factory=list)
    #: (row of the dataset, {column: the snapshot's value}) for rows the importer owns; applied by --write
    changes: list[tuple[dict[str, str], dict[str, str]]] = field(default_factory=list)
    #: (row of the dataset, {column: the snapshot's value}) for curated rows; never applied
    curated: list[tuple[dict[str, str], dict[str, str]]] = field(default_factory=list)
    present: int = 0
    #: (the record, why it is left out)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    #: further lines for the reviewer, printed as `# ...` before the summary
    remarks: list[str] = field(default_factory=list)


def read_dataset(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """(header, rows) of a dataset CSV, every value a string."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def csv_line(row: dict[str, str], fields: list[str]) -> str:
    """A row as one line of the dataset's CSV (columns in the dataset's order; missing ones empty)."""
    buf = io.StringIO()
    csv.DictWriter(buf, fieldnames=fields, lineterminator="", extrasaction="ignore", restval="").writerow(row)
    return buf.getvalue()


def same_number(a: str, b: str, rel_tol: float) -> bool:
    """Two numbers as written in a CSV agree within a relative tolerance (two empties agree; text compares as is)."""
    if not a or not b:
        return a == b
    try:
        x, y = float(a), float(b)
    except ValueError:
        return a == b
    return abs(x - y) <= rel_tol * max(abs(x), abs(y))


def print_diff(proposal: Proposal, fields: list[str], print_=print) -> None:
    """Print the proposal as the diff described in this module's docstring."""
    key = proposal.key if callable(proposal.key) else (lambda row, column=proposal.key: row[column])
    for row in proposal.additions:
        print_("+ " + csv_line(row, fields))
    for old, new in proposal.changes:
        diffs = ", ".join(f"{k} {old.get(k) or '(empty)'} -> {v or '(empty)'}" for k, v in new.items())
        print_(f"~ {key(old)}: {diffs}")
    print_(f"= {proposal.present} already present")
    for old, new in proposal.curated:
        diffs = ", ".join(f"{k} {old.get(k) or '(empty)'} (snapshot: {v or 'empty'})" for k, v in new.items())
        print_(f"# curated: {key(old)}: {diffs}; kept")
    for where, why in proposal.skipped:
        print_(f"! {where} | {why}")
    for remark in proposal.remarks:
        print_(f"# {remark}")
    print_(f"# {len(proposal.additions)} to add, {len(proposal.changes)} to change, {proposal.present} present, "
           f"{len(proposal.curated)} curated rows differ, {len(proposal.skipped)} left out")


def write_back(path: Path, fields: list[str], rows: list[dict[str, str]], proposal: Proposal, write: bool,
               print_=print) -> bool:
    """With `write`, set the revised values in `rows` and append the additions to the dataset at `path`; without
    it, say that nothing was written. True if the file was written. Curated rows are never touched."""
    if not (proposal.additions or proposal.changes):
        return False
    if not write:
        print_("# dry run: nothing written (use --write)")
        return False
    for old, new in proposal.changes:
        old.update(new)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n", extrasaction="ignore", restval="")
        w.writeheader()
        w.writerows(rows + proposal.additions)
    print_(f"# wrote {path}")
    return True
