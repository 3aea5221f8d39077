"""``hardware_prices``: purchase prices per accelerator chip, with their date."""

import pandera.polars as pa
import polars as pl

from ._base import Declaration, ForeignKey, field, shared


class HardwarePrices(pa.DataFrameModel):
    accelerator_id: str = shared('accelerator_id', nullable=False)
    price_date: pl.Date = shared('price_date', nullable=False)
    price_usd: float = shared('price_usd', nullable=False, le=10_000_000)
    price_kind: str = field("A manufacturer list price, a reported purchase or distributor price, or an analyst estimate.",
                            nullable=False, isin=["list", "reported_purchase", "estimate"])
    source: str = shared('source', nullable=False)
    source_url: str = shared('source_url')
    notes: str = shared('notes')

    class Config:
        description = """Purchase prices per accelerator chip over time (list prices, reported
        purchases, analyst estimates), used for the amortized ownership cost of training runs."""
        metadata = Declaration(
            kind="curated",
            as_of="price_date",
            csv="hardware_prices.csv",
            key=("accelerator_id", "price_date", "price_usd"),
            foreign_keys=(ForeignKey("accelerator_id", "accelerators"),),
            date_floors={"price_date": "1999-01-01"})
        strict = True
