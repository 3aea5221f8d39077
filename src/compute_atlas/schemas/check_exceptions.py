"""``check_exceptions``: warnings that the data trip on purpose, each reviewed and dated."""

import datetime as dt

import pandera.polars as pa

from ._base import SLUG, Declaration, field, shared


class CheckExceptions(pa.DataFrameModel):
    check_name: str = field("Name of the plausibility check whose warning the row accepts (the contributing guide's "
                            "list of checks gives every name).", nullable=False, str_matches=SLUG)
    row_key: str = field("Key of the row the warning is about, in the check's table (its key column's value; the "
                         "values of a composite key joined by ` | `).", nullable=False)
    reason_accepted: str = field("Why the value is right although the check flags it: what the source says and why the "
                        "usual rule does not hold for this row.", nullable=False)
    reviewed_date: dt.date = field("Date the exception was last reviewed against its source.", "date",
                                   nullable=False)
    source: str = shared('source', nullable=False)
    notes: str = shared('notes')

    class Config:
        description = """Reviewed exceptions to plausibility warnings: one row per warning that a row of the
        data trips on purpose (a real chip that breaks a usual ratio, a fine-tune whose compute includes its
        base model's). A warning with an exception is not shown; an exception whose warning no longer fires
        is reported, so that none goes stale."""
        metadata = Declaration(
            kind="curated",
            csv="check_exceptions.csv",
            key=("check_name", "row_key"),
            date_floors={"reviewed_date": "2020-01-01"})
        strict = True
