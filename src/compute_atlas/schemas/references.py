"""``references``: the bibliography, read from ``datasets/references.bib``."""

import pandera.polars as pa
import polars as pl

from ._base import Declaration, field, shared


class References(pa.DataFrameModel):
    reference_key: str = field("BibTeX key, as cited in the `source` columns.", nullable=False, unique=True)
    entry_type: str = field("BibTeX entry type (article, inproceedings, misc, ...).", nullable=False)
    title: str = field("Title of the work.", nullable=False)
    authors: str = field("Authors or organization, as written in the entry.", nullable=False)
    year: int = shared('year', nullable=False)
    url: str = field("URL of the work.")
    note: str = field("Access date or other note.")
    snapshot_date: pl.Date = field(
        "For a dated snapshot (a price table as it stood on a day): the day its content refers to, from the "
        "entry's `date` field (ISO 8601). A price that cites the snapshot cannot be dated before it. Empty for "
        "other works.", "date")

    class Config:
        description = """Every source the datasets cite, parsed from `datasets/references.bib`."""
        metadata = Declaration(
            kind="curated",
            key=("reference_key",))
        strict = True
