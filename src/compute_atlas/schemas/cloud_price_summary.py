"""``cloud_price_summary``: the spread of cloud prices per accelerator and pricing model."""

import pandera.polars as pa
import polars as pl

from ._base import Declaration, ForeignKey, field, shared


class CloudPriceSummary(pa.DataFrameModel):
    accelerator_id: str = shared("accelerator_id", nullable=False)
    name: str = shared("name", nullable=False, note="The accelerator's.")
    pricing_model: str = shared("pricing_model", nullable=False)
    n_prices: int = field("Number of prices.", "count", nullable=False, gt=0)
    n_providers: int = field("Number of distinct providers.", "count", nullable=False, gt=0)
    median_price_usd_per_hour: float = field("Median price per accelerator-hour across providers, regions and dates.",
                                             "usd_per_hour", nullable=False, gt=0)
    min_price_usd_per_hour: float = field("Lowest price per accelerator-hour.", "usd_per_hour", nullable=False, gt=0)
    max_price_usd_per_hour: float = field("Highest price per accelerator-hour.", "usd_per_hour", nullable=False, gt=0)
    first_price_date: pl.Date = field("Date of the earliest price.", "date", nullable=False)
    last_price_date: pl.Date = field("Date of the latest price.", "date", nullable=False)

    class Config:
        description = """Per accelerator and pricing model, how many cloud prices the atlas holds and their
        median and range: nominal dollars of dates that differ, so a spread, not a trend."""
        metadata = Declaration(
            kind="derived",
            key=("accelerator_id", "pricing_model"),
            foreign_keys=(ForeignKey("accelerator_id", "accelerators"),),
            inputs=("cloud_prices", "accelerators"))
        strict = True
