"""``training_cost_methods``: each run's training cost by our methods and by Cottier et al.'s, beside theirs."""

import pandera.polars as pa
import polars as pl

from ..metadata.vocabularies import COST_METHODS
from ._base import Declaration, ForeignKey, field, shared


class TrainingCostMethods(pa.DataFrameModel):
    run_id: str = shared('run_id', nullable=False)
    model: str = shared('model', nullable=False)
    publication_date: pl.Date = shared('publication_date', nullable=False)
    is_frontier: bool = shared('is_frontier', nullable=False)
    accelerator_id: str = shared('accelerator_id', nullable=False)
    method_id: str = field(
        "The method: `ours-cloud` and `ours-ownership` are `training_run_costs`' cloud and ownership costs; "
        "`cottier-cloud` and `cottier-amortized` reproduce Cottier et al. (2024)'s cloud and amortized "
        "hardware-and-energy methods on our data (their price tier, price date, amortization and chip-hours).",
        nullable=False, isin=list(COST_METHODS))
    cost_method: str = shared('cost_method', nullable=False)
    method_chip_hours: float = field("Chip-hours the method charges: chips × duration; for Cottier et al.'s "
                                     "methods, where either is unknown, compute / (peak rate × default MFU × 3600).",
                                     'chip_hours', gt=0)
    chip_hours_basis: str = field("How `method_chip_hours` was obtained.",
                                  isin=["count_x_duration", "compute_over_peak_rate"])
    price_target_date: pl.Date = field("The date the method prices the run at: the publication date (ours); the "
                                       "hardware acquisition date (`cottier-cloud`); the start of training, to "
                                       "which the hardware's value is depreciated (`cottier-amortized`).", 'date')
    price_date: pl.Date = shared('price_date', note="Here: the date of the price the method uses (for "
                                 "`cottier-amortized`, the chip's earliest price).")
    pricing_model: str = shared('pricing_model', note="Here: the cloud price tier found (the method's own tier, or "
                                "the one converted to it); empty for the ownership and amortized methods.")
    price_provider: str = field("Cloud provider whose price the method uses (cloud methods of Cottier et al.).")
    rate_usd_per_hour: float = field("Cost per chip-hour the method charges, in nominal dollars: the cloud price "
                                     "(converted to the method's tier), or the amortized hardware and energy cost "
                                     "per chip-hour.", 'usd_per_hour', gt=0)
    tier_conversion_x: float = field("Factor that converts the price tier found to the method's tier (1 when it is "
                                     "the method's own; (1 − 3-year discount) / (1 − 1-year discount) from a "
                                     "1-year commitment; 1 − 3-year discount from on demand).", 'factor', gt=0)
    price_rule: str = field("How the method chose its price, in words.", nullable=False)
    cost_usd: float = field("method_chip_hours × rate, in dollars of `dollar_year`.", 'usd', nullable=False, gt=0)
    dollar_year: int = shared('dollar_year', nullable=False, note="Ours: the year of the price; Cottier et al.'s "
                              "methods: the publication year, from which they adjust for inflation.")
    cost_usd_2024: float = field("The cost in 2024 dollars (CPI-U from `dollar_year`).", 'usd_2024')
    published_cost_usd_2024: float = field(
        "The figure `published_costs` gives for the run and `cost_method`, in 2024 dollars: its adjustment undone "
        "with its own index (to dollars of the publication year), then CPI-U to 2024.", 'usd_2024')
    ratio_to_published_x: float = field("cost_usd_2024 / published_cost_usd_2024.", 'factor', gt=0)
    published_chip_hours: float = shared('published_chip_hours', note="Here: those of the figure of "
                                         "`published_costs` the row is compared with.")
    assumptions_used: str = shared('assumptions_used')

    class Config:
        description = """One row per training run and cost method: our cloud and ownership costs and
        our reproduction of Cottier et al. (2024)'s cloud (3-year commitment price at the hardware
        acquisition date) and amortized (hardware progress depreciation) methods, each with the
        chip-hours, price, price date and tier it uses, its cost in 2024 dollars, and the ratio to
        the figure Cottier et al. (Epoch AI) publish for the run, where there is one."""
        metadata = Declaration(
            kind="derived",
            key=("run_id", "method_id"),
            foreign_keys=(ForeignKey("run_id", "training_runs"), ForeignKey("accelerator_id", "accelerators")),
            inputs=("training_run_costs", "accelerators", "cloud_prices", "hardware_prices", "price_proxies",
                    "published_costs", "price_index", "assumptions", "parameters"),
            assumptions=("default-mfu", "cloud-commit-1y-discount-frac", "cloud-commit-3y-discount-frac",
                         "hardware-value-decline-oom-per-year", "interconnect-cost-frac", "server-cost-markup-frac",
                         "pue", "default-electricity-price-usd-per-kwh"),
            parameters=("dollar-base-year", "hours-per-year", "cottier-cloud-commitment-years",
                        "cottier-publication-lag-days", "cottier-acquisition-lead-days",
                        "cottier-default-training-duration-hours", "cottier-availability-lag-days"))
        strict = True
