"""``value_history``: every change of a curated value, from the repository's history."""

import pandera.polars as pa
import polars as pl

from ._base import Declaration, field, shared


class ValueHistory(pa.DataFrameModel):
    dataset: str = field("The curated file (`accelerators.csv`, ...).", nullable=False)
    key_values: str = field("The row's key as its file writes it (the key columns' values joined by ` | `).",
                            nullable=False)
    accelerator_id: str = shared("accelerator_id", nullable=True, note=(
        "The row's, where its dataset has that column: an accelerator page lists the history of its rows."))
    run_id: str = shared("run_id", nullable=True, note=(
        "The row's, where its dataset has that column: a model page lists the history of its rows."))
    column_name: str = field("The column whose value changed; empty for a row added.")
    change_kind: str = field("`added` (a new row: its first values are the row's own), `changed` (a value "
                             "replaced), `removed` (a row removed or re-keyed: one row per value it had).",
                             nullable=False, isin=["added", "changed", "removed"])
    old_value: str = field("The value before the change, as the file wrote it; empty for none.")
    new_value: str = field("The value after it, as the file writes it; empty for none.")
    changed_date: pl.Date = field("Date of the commit on main that made the change (a merged branch's change "
                                  "counts on the day main took it); today for an uncommitted change.", "date",
                                  nullable=False)
    commit: str = field("That commit, abbreviated; `uncommitted` for a change not yet committed.", nullable=False)
    commit_seq: int = field("The commit's place on main's line of commits (1: the oldest that changed a dataset "
                            "and that the history reaches): orders the changes of one day.", nullable=False, ge=1)
    commit_subject: str = field("The commit's subject line (what its author said it changed).")

    class Config:
        description = """Every change of a curated value since the datasets began, from their git history
        along main's first parents, one row per value: what the atlas said before and after, and when. What
        the atlas said about a value on a date is its `old_value` at the first change after that date (by
        `commit_seq`), or its current value if it has not changed since. Built at build time and cached by commit; empty outside a
        git repository; in a shallow clone it starts after the clone's oldest commit (the build says so)."""
        metadata = Declaration(
            kind="bookkeeping",
            key=("dataset", "commit", "key_values", "column_name", "change_kind"))
        strict = True
