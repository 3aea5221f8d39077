"""``row_changes``: when each row of a curated dataset last changed, from the repository's history."""

import pandera.polars as pa
import polars as pl

from ._base import Declaration, field, shared


class RowChanges(pa.DataFrameModel):
    dataset: str = field("The curated file (`accelerators.csv`, ...).", nullable=False)
    line: int = field("The row's first line in that file (the header is line 1).", nullable=False)
    key_values: str = field("The row's key as its file writes it (the key columns' values joined by ` | `).",
                            nullable=False)
    accelerator_id: str = shared("accelerator_id", nullable=True, note=(
        "The row's, where its dataset has that column: an accelerator page's \"last changed\" is the latest of "
        "its rows'."))
    run_id: str = shared("run_id", nullable=True, note=(
        "The row's, where its dataset has that column: a model page's \"last changed\" is the latest of its "
        "rows'."))
    changed_date: pl.Date = field("Date of the commit that last changed the row (`git blame`); today for an "
                                  "uncommitted change; empty where the history does not reach it (a shallow "
                                  "clone's oldest commit).", "date")
    commit: str = field("That commit, abbreviated; `uncommitted` for a change not yet committed; empty where "
                        "`changed_date` is.")

    class Config:
        description = """When each row of each curated dataset last changed (any of its values), from
        `git blame` of the dataset files at build time; empty when the datasets are not in a git repository."""
        metadata = Declaration(
            kind="bookkeeping",
            key=("dataset", "line"))
        strict = True
