"""``cloud_prices``: rental prices per accelerator-hour."""

import pandera.polars as pa
import polars as pl

from ._base import CITE_KEYS, SLUG, URL, field


class CloudPrices(pa.DataFrameModel):
    provider: str = field("Cloud provider.", nullable=False)
    instance_type: str = field("Instance or product name, where the provider has one.")
    accelerator_id: str = field("Accelerator rented (key into `accelerators`).", nullable=False, str_matches=SLUG)
    region: str = field("Provider region, where the price is regional.")
    pricing_model: str = field("On-demand, 1- or 3-year commitment, or spot.", nullable=False,
                               isin=["on_demand", "commit_1y", "commit_3y", "spot"])
    price_date: pl.Date = field("Date the price was observed.", "date", nullable=False)
    price_usd_per_hour: float = field("Price of one accelerator (chip) for one hour; an instance price "
                                      "divided by its number of accelerators.", "USD per accelerator-hour (nominal)",
                                      nullable=False, gt=0, le=1000)
    source: str = field("BibTeX keys of the sources, separated by `;`.", nullable=False, str_matches=CITE_KEYS)
    source_url: str = field("URL of the price page or snapshot.", str_matches=URL)
    notes: str = field("Caveats.")

    class Config:
        description = """Cloud rental prices per accelerator-hour across providers, pricing
        models and dates."""
        metadata = {"kind": "raw", "csv": "cloud_prices.csv",
                    "key": ["provider", "instance_type", "accelerator_id", "region", "pricing_model", "price_date"]}
        strict = True
