"""``row_changes``: when each row of a curated dataset last changed, from the repository's history."""

import pandera.polars as pa
import polars as pl

from ._base import Declaration, field, shared


class RowChanges(pa.DataFrameModel):
    dataset: str = shared("dataset", nullable=False)
    line: int = field("The row's first line in that file (the header is line 1).", nullable=False)
    key_values: str = shared("key_values", nullable=False)
    accelerator_id: str = shared("accelerator_id", nullable=True, note=(
        "The row's, where its dataset has that column: an accelerator page's \"last changed\" is the latest of "
        "its rows'."))
    run_id: str = shared("run_id", nullable=True, note=(
        "The row's, where its dataset has that column: a model page's \"last changed\" is the latest of its "
        "rows'."))
    changed_date: pl.Date = shared("changed_date", note=(
        "Here the last change of any of the row's values (`git blame`); empty where the history does not reach "
        "it (a shallow clone's oldest commit)."))
    commit: str = shared("commit", note="Empty where `changed_date` is.")

    class Config:
        description = """When each row of each curated dataset last changed (any of its values), from
        `git blame` of the dataset files at build time; empty when the datasets are not in a git repository."""
        metadata = Declaration(
            kind="bookkeeping",
            key=("dataset", "line"))
        strict = True
