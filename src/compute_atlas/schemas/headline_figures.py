"""``headline_figures``: named numbers that the site's prose quotes."""

import pandera.polars as pa
import polars as pl

from ._base import Declaration, field, shared


class HeadlineFigures(pa.DataFrameModel):
    figure_id: str = field("Name a page uses to quote the figure (`{atlas-value}` role).", nullable=False,
                           unique=True, str_matches=r"^[a-z0-9_]+$")
    value: float = shared('value', nullable=False)
    unit: str = shared('unit', nullable=False)
    description: str = shared('description', nullable=False)
    current_to_date: pl.Date = field(
        "The date the figure is current to: the newest observed or effective date among the rows behind it (a "
        "count of accelerators: the newest release date; a price trend: the newest effective date of the prices "
        "in its fit). A row dated by a year counts as that year's last day; a row with no date of its own (a "
        "definition, a constant, a measured effect) counts as the last day of the newest publication year of "
        "the sources it cites; a count of none, the newest date of the rows it could count. Empty only for a "
        "constant the atlas chose and cites no source for (a parameter): it observes nothing. Declared beside "
        "each figure's value in the pipeline.", "date")

    class Config:
        description = """Named figures quoted in the site's prose, each computed by SQL from the
        other relations so that no number in a page is typed by hand."""
        metadata = Declaration(
            kind="derived",
            key=("figure_id",),
            inputs=("accelerators", "accelerator_efficiency", "trend_fits", "glossary", "references", "training_runs",
                    "training_run_costs", "cloud_prices", "electricity", "techniques", "technique_results",
                    "claims", "claim_checks", "compute_efficiency", "hardware_prices", "measurements", "parameters",
                    "assumptions", "landmark_runs", "achieved_vs_peak", "mlperf_training", "mlperf_progress",
                    "trend_replications", "training_cost_methods", "published_trends", "benchmarks",
                    "benchmark_results", "benchmark_scores", "capability_frontier", "algorithmic_progress",
                    "inference_prices", "inference_energy", "inference_price_trends", "inference_thresholds",
                    "trend_comparison", "inference_price_frontier", "technique_effects", "mlperf_rounds"))
        strict = True
