"""``price_index``: consumer prices by year, to compare dollars across years."""

import pandera.polars as pa

from ._base import CITE_KEYS, field


class PriceIndex(pa.DataFrameModel):
    year: int = field("Calendar year.", "year", nullable=False, unique=True, ge=1990, le=2100)
    cpi_u_index: float = field("US CPI-U, all items, US city average, annual average (1982-84 = 100).",
                               "index points", nullable=False, gt=0)
    source: str = field("BibTeX keys of the sources, separated by `;`.", nullable=False, str_matches=CITE_KEYS)
    notes: str = field("Caveats.")

    class Config:
        description = """Annual US consumer price index (CPI-U), used to express nominal
        dollars in dollars of the base year (columns ending in `_usd_2024`)."""
        metadata = {"kind": "raw", "csv": "price_index.csv", "key": ["year"]}
        strict = True
