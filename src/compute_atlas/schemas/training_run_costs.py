"""``training_run_costs``: compute, utilization, cost, energy and emissions of each training run."""

import pandera.polars as pa
import polars as pl

from ._base import Declaration, ForeignKey, field, shared


class TrainingRunCosts(pa.DataFrameModel):
    run_id: str = shared('run_id', nullable=False, unique=True)
    model: str = shared('model', nullable=False)
    organization: str = shared('organization', nullable=False)
    publication_date: pl.Date = shared('publication_date', nullable=False)
    is_frontier: bool = shared('is_frontier', nullable=False)
    accelerator_id: str = shared('accelerator_id')
    accelerator_count: int = shared('accelerator_count')
    training_duration_hours: float = shared('training_duration_hours')
    chip_hours: float = shared('chip_hours', note="Here accelerator_count × training_duration_hours.")
    precision: str = shared('precision', note="The precision whose peak rate is used: the run's own, else its chip's "
                           "best 16-bit tensor format (`accelerator_efficiency.is_best_16bit_tensor`), else FP32.")
    precision_assumed: bool = field("Whether the precision was assumed rather than reported.")
    peak_flop_per_s: float = shared('peak_flop_per_s')
    compute_reported_flop: float = field("Training compute as `training_runs` gives it.", 'flop')
    compute_6nd_flop: float = field("6 × parameters × training tokens.", 'flop')
    compute_hardware_flop: float = field("chip-hours × 3600 × peak rate × the default utilization "
                                         "(assumption `default-mfu`).", 'flop')
    compute_spread_x: float = field("Largest over smallest of the available compute figures (1 = agreement).", 'factor')
    mfu_frac: float = field("Model FLOP utilization: reported compute / (chip-hours × 3600 × peak rate).", 'frac')
    cloud_price_usd_per_hour: float = shared('cloud_price_usd_per_hour', note="The row's date is the publication date.")
    cloud_price_date: pl.Date = shared('cloud_price_date')
    cloud_cost_usd: float = shared('cloud_cost_usd')
    cloud_cost_usd_2024: float = field("Cloud cost in 2024 dollars (CPI-U).", 'usd_2024')
    chip_price_usd: float = field("Purchase price per chip nearest the publication date (`hardware_prices`), "
                                  "else the launch price, else the price of its proxy (`price_proxies`).",
                                  'usd')
    chip_price_date: pl.Date = field("Date of that chip price.", 'date')
    chip_price_basis: str = field("`own` when the price is the chip's own; `proxy:<accelerator_id>` when it is "
                                  "the price of the related chip that `price_proxies` names.")
    cluster_cost_usd: float = field("Acquisition cost of the cluster: chips × price × (1 + server markup) / "
                                    "(1 − interconnect share).", 'usd')
    amortized_hardware_cost_usd: float = field("Cluster cost × duration / depreciation life (straight line).",
                                               'usd')
    power_per_chip_watts: float = field("Average power per chip at the wall of the server: TDP × (1 + server "
                                        "overhead) × average power fraction.", 'watts')
    energy_kwh: float = field("Facility energy: chips × power × hours × PUE / 1000.", 'kwh')
    energy_cost_usd: float = field("energy_kwh × default electricity price.", 'usd')
    ownership_cost_usd: float = field("Amortized hardware plus energy.", 'usd')
    ownership_cost_usd_2024: float = field("Ownership cost in 2024 dollars (CPI-U, by the chip price's year).", 'usd_2024')
    amortized_hardware_cost_usd_2024: float = field("Amortized hardware cost in 2024 dollars (CPI-U, by the chip "
                                                    "price's year).", "usd_2024")
    energy_cost_usd_2024: float = field("Energy cost in 2024 dollars (converted as the ownership cost is).", "usd_2024")
    energy_share_frac: float = field("Share of energy in the ownership cost.", "frac", ge=0, le=1)
    cost_estimate_usd_2024: float = field("Our cost estimate: ownership cost where it exists, else cloud cost.", 'usd_2024')
    emissions_t_co2e: float = field("energy_kwh × default carbon intensity / 10⁶.", 't_co2e')
    reported_cost_usd: float = shared('reported_cost_usd')
    reported_cost_usd_2024: float = field("Reported cost in 2024 dollars.", 'usd_2024')
    disagreement_flag: bool = field("True where a reported figure (compute or cost) and our estimate of it "
                                    "differ by more than the factor of parameter `disagreement-threshold-x`.",
                                    nullable=False)
    assumptions_used: str = shared('assumptions_used', nullable=False)

    class Config:
        description = """One row per training run: its compute three ways (reported, 6·N·D, hardware
        × time × utilization) and their spread, model FLOP utilization, cost as cloud rental and as
        amortized ownership (nominal and in 2024 dollars), energy and emissions, with the assumptions
        each uses and a flag where a reported figure and our estimate disagree."""
        metadata = Declaration(
            kind="derived",
            key=("run_id",),
            foreign_keys=(ForeignKey("run_id", "training_runs"), ForeignKey("accelerator_id", "accelerators")),
            inputs=("training_runs", "accelerators", "accelerator_efficiency", "cloud_prices", "hardware_prices",
                    "price_proxies", "assumptions", "parameters", "price_index"),
            assumptions=("default-mfu", "pue", "server-power-overhead-frac", "tpu-server-power-overhead-frac",
                         "server-avg-power-frac", "tpu-server-avg-power-frac", "hardware-depreciation-years",
                         "server-cost-markup-frac", "interconnect-cost-frac", "default-electricity-price-usd-per-kwh",
                         "default-carbon-intensity-g-co2e-per-kwh"),
            parameters=("dollar-base-year", "hours-per-year", "disagreement-threshold-x"))
        strict = True
