"""``accelerator_efficiency``: per accelerator and precision, what a dollar and a watt buy."""

import pandera.polars as pa
import polars as pl

from ._base import PRECISIONS, field


class AcceleratorEfficiency(pa.DataFrameModel):
    accelerator_id: str = field("Accelerator (key into `accelerators`).", nullable=False)
    name: str = field("Product name.", nullable=False)
    vendor: str = field("Vendor.", nullable=False)
    kind: str = field("Kind of chip.", nullable=False)
    market_segment: str = field("Market segment.", nullable=False)
    release_date: pl.Date = field("Release date.", "date", nullable=False)
    precision: str = field("Number format of the peak rate.", nullable=False, isin=list(PRECISIONS))
    peak_flop_per_s: float = field("Dense peak rate in this precision (OP/s for int8).", "FLOP/s", nullable=False, gt=0)
    is_tensor_rate: bool = field("Whether the rate is on tensor/matrix units (false for fp64/fp32 and for "
                                 "chips without matrix units).", nullable=False)
    launch_price_usd: float = field("Launch price, nominal.", "USD (nominal)", gt=0)
    launch_price_usd_2024: float = field("Launch price in 2024 dollars (CPI-U).", "USD (2024)", gt=0)
    tdp_watts: float = field("Power figure per chip.", "W", gt=0)
    tdp_kind: str = field("What kind of power figure tdp_watts is.")
    flop_per_s_per_usd: float = field("Peak rate per launch-price dollar (nominal).", "FLOP/s per USD", gt=0)
    flop_per_s_per_usd_2024: float = field("Peak rate per launch-price dollar of 2024.", "FLOP/s per USD (2024)", gt=0)
    flop_per_s_per_watt: float = field("Peak rate per watt of the power figure.", "FLOP/s per W", gt=0)
    memory_bytes: float = field("Memory capacity.", "bytes", gt=0)
    memory_bandwidth_bytes_per_s: float = field("Memory bandwidth.", "bytes/s", gt=0)
    ridge_point_flop_per_byte: float = field("Roofline ridge point: the arithmetic intensity above which the "
                                             "chip is compute-bound (peak rate / memory bandwidth).", "FLOP per byte", gt=0)
    memory_bytes_per_flop_per_s: float = field("Memory capacity per unit of peak rate.", "bytes per (FLOP/s)", gt=0)
    achieved_flop_per_s: float = field("Best median achieved matrix-multiply rate in `measurements`, where "
                                       "one exists.", "FLOP/s", gt=0)
    achieved_over_peak_frac: float = field("achieved_flop_per_s / peak_flop_per_s.", "fraction", gt=0)
    source: str = field("BibTeX keys of the accelerator's sources.", nullable=False)

    class Config:
        description = """One row per accelerator and precision with its dense peak rate, the
        rate per launch-price dollar (nominal and in 2024 dollars) and per watt, the roofline ridge
        point and memory per FLOP/s, and achieved-over-peak where measured."""
        metadata = {"kind": "derived", "key": ["accelerator_id", "precision"]}
        strict = True
