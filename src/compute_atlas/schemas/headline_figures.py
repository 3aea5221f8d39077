"""``headline_figures``: named numbers that the site's prose quotes."""

import pandera.polars as pa

from ._base import Declaration, field, shared


class HeadlineFigures(pa.DataFrameModel):
    figure_id: str = field("Name a page uses to quote the figure (`{atlas-value}` role).", nullable=False,
                           unique=True, str_matches=r"^[a-z0-9_]+$")
    value: float = shared('value', nullable=False)
    unit: str = shared('unit', nullable=False)
    description: str = shared('description', nullable=False)

    class Config:
        description = """Named figures quoted in the site's prose, each computed by SQL from the
        other relations so that no number in a page is typed by hand."""
        metadata = Declaration(
            kind="derived",
            key=("figure_id",),
            inputs=("accelerators", "accelerator_efficiency", "trend_fits", "glossary", "references", "training_runs",
                    "training_run_costs", "cloud_prices", "electricity", "techniques", "technique_results",
                    "claim_checks", "compute_efficiency", "hardware_prices", "measurements", "parameters",
                    "assumptions", "landmark_runs", "achieved_vs_peak", "mlperf_training", "mlperf_progress",
                    "trend_replications", "training_cost_methods", "published_trends", "benchmarks",
                    "benchmark_results", "benchmark_scores", "capability_frontier", "algorithmic_progress",
                    "inference_prices", "inference_energy", "inference_price_trends", "inference_thresholds",
                    "trend_comparison", "inference_price_frontier", "technique_effects"))
        strict = True
