"""``inference_energy_summary``: energy, its cost and emissions, and the rental cost per million output tokens."""

import pandera.polars as pa
import polars as pl

from ..metadata.vocabularies import SIZE_CLASSES
from ._base import Declaration, ForeignKey, field, shared


class InferenceEnergySummary(pa.DataFrameModel):
    accelerator_id: str = shared("accelerator_id", nullable=False)
    name: str = shared("name", nullable=False, note="The accelerator's.")
    release_date: pl.Date = shared("release_date", nullable=False, note="The accelerator's.")
    size_class: str = field("Model size by active parameters: `small`, `medium` or `large` (bounds in "
                            "`parameters`: inference-small-model-max-parameters, inference-medium-model-max-"
                            "parameters).", nullable=False, isin=list(SIZE_CLASSES))
    energy_scope: str = shared("energy_scope", nullable=False)
    n_configs: int = field("Measured configurations (model, chips, precision, batch size, task).", "count",
                           nullable=False, gt=0)
    n_models: int = shared("n_models", nullable=False, gt=0)
    median_kwh_per_mtok: float = field("Median energy per million output tokens (prefill amortised).",
                                       "kwh_per_mtok", nullable=False, gt=0)
    min_kwh_per_mtok: float = field("Lowest energy per million output tokens.", "kwh_per_mtok", nullable=False,
                                    gt=0)
    max_kwh_per_mtok: float = field("Highest energy per million output tokens.", "kwh_per_mtok", nullable=False,
                                    gt=0)
    median_energy_cost_usd_per_mtok: float = field("Median energy per million tokens × the default electricity "
                                                   "price (assumptions).", "usd_per_mtok", nullable=False, gt=0)
    energy_cost_low_usd_per_mtok: float = field("The median energy at the cheapest industrial electricity price "
                                                "among the `electricity` regions.", "usd_per_mtok", gt=0)
    energy_cost_high_usd_per_mtok: float = field("The median energy at the dearest industrial electricity price "
                                                 "among the `electricity` regions.", "usd_per_mtok", gt=0)
    median_emissions_g_co2e_per_mtok: float = field("Median energy per million tokens × the default grid carbon "
                                                    "intensity (assumptions).", "g_co2e_per_mtok", nullable=False,
                                                    gt=0)
    emissions_low_g_co2e_per_mtok: float = field("The median energy at the lowest grid carbon intensity among the "
                                                 "`electricity` regions.", "g_co2e_per_mtok", gt=0)
    emissions_high_g_co2e_per_mtok: float = field("The median energy at the highest grid carbon intensity among the "
                                                  "`electricity` regions.", "g_co2e_per_mtok", gt=0)
    median_rental_usd_per_mtok: float = field("Median over the configurations of the hardware's rental per million "
                                              "output tokens: chips × the median on-demand price per chip-hour "
                                              "(`cloud_price_summary`) / (output tokens per second × 3600) × 10⁶; "
                                              "empty where the accelerator has no on-demand price.", "usd_per_mtok",
                                              gt=0)
    electricity_share_frac: float = field("Energy cost over energy plus rental, at the medians: how much of the "
                                          "cost of a token is electricity.", "frac", ge=0, le=1)

    class Config:
        description = """Energy per million output tokens by accelerator, model size and what the energy covers
        (`inference_energy`), with medians and ranges, what that energy costs and emits at the default
        electricity price and carbon intensity (with the range over the regions of `electricity`), and the
        rental cost of the hardware per million tokens where the
        accelerator has an on-demand cloud price. GPU-only energy leaves out the host, cooling and the
        facility (PUE)."""
        metadata = Declaration(
            kind="derived",
            key=("accelerator_id", "size_class", "energy_scope"),
            foreign_keys=(ForeignKey("accelerator_id", "accelerators"),),
            inputs=("inference_energy", "accelerators", "cloud_price_summary", "electricity", "assumptions",
                    "parameters"),
            assumptions=("default-electricity-price-usd-per-kwh", "default-carbon-intensity-g-co2e-per-kwh"),
            parameters=("inference-small-model-max-parameters", "inference-medium-model-max-parameters"))
        strict = True
