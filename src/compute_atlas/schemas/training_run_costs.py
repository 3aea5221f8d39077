"""``training_run_costs``: compute, utilization, cost, energy and emissions of each training run."""

import pandera.polars as pa
import polars as pl

from ._base import field


class TrainingRunCosts(pa.DataFrameModel):
    run_id: str = field("Training run (key into `training_runs`).", nullable=False, unique=True)
    model: str = field("Model name.", nullable=False)
    organization: str = field("Organization.", nullable=False)
    publication_date: pl.Date = field("Publication date.", "date", nullable=False)
    is_frontier: bool = field("Frontier run (Epoch AI's definition).", nullable=False)
    accelerator_id: str = field("Accelerator used.")
    accelerator_count: int = field("Accelerator chips.", "chips")
    training_duration_hours: float = field("Duration.", "hours")
    chip_hours: float = field("accelerator_count × training_duration_hours.", "chip-hours")
    precision: str = field("Precision whose peak rate is used: the run's, or its chip's best 16-bit tensor "
                           "format (FP32 without matrix units) when the run reports none.")
    precision_assumed: bool = field("Whether the precision was assumed rather than reported.")
    peak_flop_per_s: float = field("Dense peak rate of one chip in that precision.", "FLOP/s")
    compute_reported_flop: float = field("Training compute as `training_runs` gives it.", "FLOP")
    compute_6nd_flop: float = field("6 × parameters × training tokens.", "FLOP")
    compute_hardware_flop: float = field("chip-hours × 3600 × peak rate × the default utilization "
                                         "(assumption `default-mfu`).", "FLOP")
    compute_spread_x: float = field("Largest over smallest of the available compute figures (1 = agreement).", "× (ratio)")
    mfu_frac: float = field("Model FLOP utilization: reported compute / (chip-hours × 3600 × peak rate).", "fraction")
    cloud_price_usd_per_hour: float = field("Median on-demand price of the accelerator at the price date nearest the "
                                            "publication date.", "USD per accelerator-hour (nominal)")
    cloud_price_date: pl.Date = field("Date of that cloud price.", "date")
    cloud_cost_usd: float = field("chip-hours × cloud price.", "USD (nominal, of cloud_price_date)")
    cloud_cost_usd_2024: float = field("Cloud cost in 2024 dollars (CPI-U).", "USD (2024)")
    chip_price_usd: float = field("Purchase price per chip nearest the publication date (`hardware_prices`), "
                                  "else the launch price, else the price of its proxy (`price_proxies`).",
                                  "USD (nominal, of chip_price_date)")
    chip_price_date: pl.Date = field("Date of that chip price.", "date")
    chip_price_basis: str = field("`own` when the price is the chip's own; `proxy:<accelerator_id>` when it is "
                                  "the price of the related chip that `price_proxies` names.")
    cluster_cost_usd: float = field("Acquisition cost of the cluster: chips × price × (1 + server markup) / "
                                    "(1 − interconnect share).", "USD (nominal, of chip_price_date)")
    amortized_hardware_cost_usd: float = field("Cluster cost × duration / depreciation life (straight line).",
                                               "USD (nominal, of chip_price_date)")
    power_per_chip_watts: float = field("Average power per chip at the wall of the server: TDP × (1 + server "
                                        "overhead) × average power fraction.", "W")
    energy_kwh: float = field("Facility energy: chips × power × hours × PUE / 1000.", "kWh")
    energy_cost_usd: float = field("energy_kwh × default electricity price.", "USD (nominal, of the price's year)")
    ownership_cost_usd: float = field("Amortized hardware plus energy.", "USD (nominal)")
    ownership_cost_usd_2024: float = field("Ownership cost in 2024 dollars (CPI-U, by the chip price's year).", "USD (2024)")
    cost_estimate_usd_2024: float = field("Our cost estimate: ownership cost where it exists, else cloud cost.", "USD (2024)")
    emissions_t_co2e: float = field("energy_kwh × default carbon intensity / 10⁶.", "tCO2e")
    reported_cost_usd: float = field("Cost the developer or a credible report published.", "USD (nominal)")
    reported_cost_usd_2024: float = field("Reported cost in 2024 dollars.", "USD (2024)")
    disagreement_flag: bool = field("True where a reported figure (compute or cost) and our estimate of it "
                                    "differ by more than 3×.", nullable=False)
    assumptions_used: str = field("`assumption_id`s of `assumptions` the row's figures use, separated by `;`.", nullable=False)

    class Config:
        description = """One row per training run: its compute three ways (reported, 6·N·D, hardware
        × time × utilization) and their spread, model FLOP utilization, cost as cloud rental and as
        amortized ownership (nominal and in 2024 dollars), energy and emissions, with the assumptions
        each uses and a flag where a reported figure and our estimate differ by more than 3×."""
        metadata = {"kind": "derived", "key": ["run_id"]}
        strict = True
