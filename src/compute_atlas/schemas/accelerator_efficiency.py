"""``accelerator_efficiency``: per accelerator and precision, what a dollar and a watt buy."""

import pandera.polars as pa
import polars as pl

from ..metadata.vocabularies import FIT_PRICE_BASES, PRICE_BASES
from ._base import Declaration, ForeignKey, field, shared


class AcceleratorEfficiency(pa.DataFrameModel):
    accelerator_id: str = shared('accelerator_id', nullable=False)
    name: str = shared('name', nullable=False)
    vendor: str = shared('vendor', nullable=False)
    kind: str = shared('kind', nullable=False)
    market_segment: str = shared('market_segment', nullable=False)
    release_date: pl.Date = shared('release_date', nullable=False)
    precision: str = shared('precision', nullable=False)
    peak_flop_per_s: float = shared('peak_flop_per_s', nullable=False)
    is_tensor_rate: bool = field("Whether the rate is on tensor/matrix units (false for fp64/fp32 and for "
                                 "chips without matrix units).", nullable=False)
    is_best_16bit_tensor: bool = field("Whether this row is the chip's best 16-bit tensor rate: the higher of its "
                                       "dense BF16 and FP16 rates on matrix units (BF16 on a tie). The one definition "
                                       "that trend fits, training costs, headline figures and charts all use.",
                                       nullable=False)
    launch_price_usd: float = shared('launch_price_usd')
    launch_price_usd_2024: float = field("Launch price in 2024 dollars (CPI-U).", 'usd_2024', gt=0)
    price_basis: str = field("Which price `price_usd` is: `launch_list`, the launch (list) price of `accelerators`; "
                             "`purchase`, where no launch price is known, the earliest dated price of "
                             "`hardware_prices` (a later list price, a reported purchase or an analyst estimate; "
                             "the lowest on a tie); empty where neither exists.",
                             isin=list(PRICE_BASES))
    price_usd: float = shared('price_usd', note="The launch price where there is one, else the earliest purchase "
                              "price (`price_basis` says which).")
    price_date: pl.Date = shared('price_date', note="The date of `price_usd`.")
    price_usd_2024: float = field("`price_usd` in 2024 dollars (CPI-U of the year of `price_date`).", 'usd_2024', gt=0)
    tdp_watts: float = shared('tdp_watts')
    tdp_kind: str = shared('tdp_kind')
    flop_per_s_per_usd: float = field("Peak rate per launch-price dollar (nominal).", 'flop_per_s_per_usd', gt=0)
    flop_per_s_per_usd_2024: float = field("Peak rate per launch-price dollar of 2024.", 'flop_per_s_per_usd_2024', gt=0)
    priced_flop_per_s_per_usd_2024: float = field("Peak rate per 2024 dollar of `price_usd`: the launch price, else "
                                                  "the earliest purchase price (`price_basis`).",
                                                  'flop_per_s_per_usd_2024', gt=0)
    fit_price_basis: str = field("Which price `fit_price_usd_2024` is: `launch_list`, the launch (list) price of "
                                 "`accelerators`; `purchase_near_launch`, where no launch price is known, the earliest "
                                 "price of `hardware_prices` dated within the purchase-price window after release "
                                 "(parameter `purchase-price-window-months`; the lowest on a tie); empty where neither.",
                                 isin=list(FIT_PRICE_BASES))
    fit_price_usd_2024: float = field("The price of the price-performance fits, in 2024 dollars (CPI-U of its year): "
                                      "the launch price, else a purchase price near launch (`fit_price_basis`).",
                                      'usd_2024', gt=0)
    fit_flop_per_s_per_usd_2024: float = field("Peak rate per 2024 dollar of `fit_price_usd_2024`: what the "
                                               "data-centre price-performance fits use.",
                                               'flop_per_s_per_usd_2024', gt=0)
    flop_per_s_per_watt: float = field("Peak rate per watt of the power figure.", 'flop_per_s_per_watt', gt=0)
    memory_bytes: float = shared('memory_bytes')
    memory_bandwidth_bytes_per_s: float = shared('memory_bandwidth_bytes_per_s')
    ridge_point_flop_per_byte: float = field("Roofline ridge point: the arithmetic intensity above which the "
                                             "chip is compute-bound (peak rate / memory bandwidth).", 'flop_per_byte', gt=0)
    memory_bytes_per_flop_per_s: float = field("Memory capacity per unit of peak rate.", 'bytes_per_flop_per_s', gt=0)
    achieved_flop_per_s: float = shared('achieved_flop_per_s', note="The best of `measurements` (ours or published); "
                                        "`achieved_vs_peak` says which and cites it.")
    achieved_over_peak_frac: float = shared('achieved_over_peak_frac')
    source: str = shared('source', nullable=False)

    class Config:
        description = """One row per accelerator and precision with its dense peak rate, the
        rate per launch-price dollar (nominal and in 2024 dollars), the price used where a chip has no
        launch price (its earliest purchase price, with the basis in `price_basis`), the price of the data-centre
        price-performance fits (the launch price, else a purchase price near launch: `fit_price_basis`) and per watt,
        the roofline ridge point and memory per FLOP/s, and achieved-over-peak where measured."""
        metadata = Declaration(
            kind="derived",
            key=("accelerator_id", "precision"),
            foreign_keys=(ForeignKey("accelerator_id", "accelerators"),),
            inputs=("accelerators", "hardware_prices", "price_index", "measurements", "parameters"),
            parameters=("dollar-base-year", "purchase-price-window-months"))
        strict = True
