"""``hardware_prices``: purchase prices per accelerator chip, with their date."""

import pandera.polars as pa
import polars as pl

from ._base import CITE_KEYS, SLUG, URL, field


class HardwarePrices(pa.DataFrameModel):
    accelerator_id: str = field("Accelerator priced (key into `accelerators`).", nullable=False, str_matches=SLUG)
    price_date: pl.Date = field("Date the price refers to.", "date", nullable=False)
    price_usd: float = field("Price of one accelerator chip (not a server).", "USD (nominal, of price_date)",
                             nullable=False, gt=0, le=10_000_000)
    price_kind: str = field("A manufacturer list price, a reported purchase or distributor price, or an analyst estimate.",
                            nullable=False, isin=["list", "reported_purchase", "estimate"])
    source: str = field("BibTeX keys of the sources, separated by `;`.", nullable=False, str_matches=CITE_KEYS)
    source_url: str = field("URL of the price source.", str_matches=URL)
    notes: str = field("Caveats.")

    class Config:
        description = """Purchase prices per accelerator chip over time (list prices, reported
        purchases, analyst estimates), used for the amortized ownership cost of training runs."""
        metadata = {"kind": "raw", "csv": "hardware_prices.csv", "key": ["accelerator_id", "price_date", "price_usd"]}
        strict = True
