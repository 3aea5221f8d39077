"""``published_costs``: training costs as the literature publishes them, per run and method."""

import pandera.polars as pa

from ._base import Declaration, ForeignKey, field, shared


class PublishedCosts(pa.DataFrameModel):
    run_id: str = shared('run_id', nullable=False)
    cost_method: str = shared('cost_method', nullable=False)
    published_cost_usd: float = field("The cost as the source publishes it, in dollars of `dollar_year` adjusted "
                                      "with the index `deflator` names.", 'usd', nullable=False, gt=0)
    dollar_year: int = shared('dollar_year', nullable=False)
    deflator: str = field("The price index the source adjusted its nominal cost with, from the publication month "
                          "to `dollar_year`: `ppi_data_processing` (the US producer price index of data processing "
                          "and hosting, `price_index.ppi_data_processing_index`) or `cpi_u`.", nullable=False,
                          isin=["ppi_data_processing", "cpi_u"])
    published_chip_hours: float = shared('published_chip_hours')
    source: str = shared('source', nullable=False)
    source_url: str = shared('source_url')
    notes: str = shared('notes')

    class Config:
        description = """Training costs published by others for runs of `training_runs`, one row per
        run and method (cloud rental, amortized hardware and energy, upfront acquisition), each with
        its dollar year and the price index it was adjusted with, so that `training_cost_methods` can
        set our estimates and our reproduction of the published method beside them."""
        metadata = Declaration(
            kind="curated",
            csv="published_costs.csv",
            key=("run_id", "cost_method"),
            foreign_keys=(ForeignKey("run_id", "training_runs"),))
        strict = True
