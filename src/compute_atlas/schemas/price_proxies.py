"""``price_proxies``: for a chip no source prices, the chip whose price stands in for it."""

import pandera.polars as pa

from ._base import SLUG, Declaration, ForeignKey, field, shared


class PriceProxies(pa.DataFrameModel):
    accelerator_id: str = shared('accelerator_id', nullable=False, unique=True)
    proxy_accelerator_id: str = field("Chip whose prices stand in for it (key into `accelerators`).",
                                      nullable=False, str_matches=SLUG)
    reason: str = field("Why the proxy's price is a fair stand-in, and in which direction it errs.", nullable=False)
    source: str = shared('source', nullable=False)

    class Config:
        description = """Stand-in prices for the cost model: when no source prices a chip, the price of
        a closely related chip (same die or product line) is used instead, and `training_run_costs`
        says so in `chip_price_basis`. Used only when the chip has no price of its own."""
        metadata = Declaration(
            kind="curated",
            csv="price_proxies.csv",
            key=("accelerator_id",),
            foreign_keys=(ForeignKey("accelerator_id", "accelerators"),
                          ForeignKey("proxy_accelerator_id", "accelerators", "accelerator_id")))
        strict = True
