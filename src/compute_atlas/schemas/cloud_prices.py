"""``cloud_prices``: rental prices per accelerator-hour."""

import pandera.polars as pa
import polars as pl

from ._base import Declaration, ForeignKey, field, shared


class CloudPrices(pa.DataFrameModel):
    provider: str = shared("provider", nullable=False, note="The cloud provider.")
    instance_type: str = field("Instance or product name, where the provider has one.")
    accelerator_id: str = shared('accelerator_id', nullable=False)
    cloud_region: str = field("Provider region, where the price is regional.")
    pricing_model: str = shared("pricing_model", nullable=False)
    price_date: pl.Date = shared('price_date', nullable=False)
    price_usd_per_hour: float = field("Price of one accelerator (chip) for one hour; an instance price "
                                      "divided by its number of accelerators.", 'usd_per_hour',
                                      nullable=False, gt=0, le=1000)
    source: str = shared('source', nullable=False)
    source_url: str = shared('source_url')
    notes: str = shared('notes')

    class Config:
        description = """Cloud rental prices per accelerator-hour across providers, pricing
        models and dates."""
        metadata = Declaration(
            kind="curated",
            as_of="price_date",
            csv="cloud_prices.csv",
            key=("provider", "instance_type", "accelerator_id", "cloud_region", "pricing_model", "price_date"),
            foreign_keys=(ForeignKey("accelerator_id", "accelerators"),),
            date_floors={"price_date": "2006-01-01"})
        strict = True
