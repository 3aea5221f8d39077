"""``assumptions``: every constant the cost model uses, each a sourced row."""

import pandera.polars as pa

from ._base import CITE_KEYS, SLUG, URL, field


class Assumptions(pa.DataFrameModel):
    assumption_id: str = field("Identifier the pipeline looks the constant up by (a slug).",
                               nullable=False, unique=True, str_matches=SLUG)
    name: str = field("Short name.", nullable=False)
    value: float = field("Value used by the pipeline, in `unit`.", "see unit", nullable=False, ge=0)
    unit: str = field("Unit of value, low and high.", nullable=False)
    low: float = field("Low end of the plausible range the source gives.", "see unit", ge=0)
    high: float = field("High end of the plausible range the source gives.", "see unit", ge=0)
    description: str = field("What the constant means and how the pipeline uses it.", nullable=False)
    source: str = field("BibTeX keys of the sources, separated by `;`.", nullable=False, str_matches=CITE_KEYS)
    source_url: str = field("URL of the source.", str_matches=URL)

    class Config:
        description = """The constants of the cost, energy and emissions model (PUE, server
        overhead, depreciation life, default utilization, ...), so that each assumption can be
        seen, queried and cited."""
        metadata = {"kind": "raw", "csv": "assumptions.csv", "key": ["assumption_id"]}
        strict = True
