"""``inference_thresholds``: the fixed capabilities whose inference price the atlas follows over time."""

import pandera.polars as pa

from ._base import Declaration, ForeignKey, field, shared


class InferenceThresholds(pa.DataFrameModel):
    threshold_id: str = shared("threshold_id", nullable=False, unique=True)
    benchmark_id: str = shared("benchmark_id", nullable=False)
    reference_run_id: str = field("The model whose score sets the threshold (a key into `training_runs`): the "
                                  "threshold is its score in `benchmark_scores`, so that it reaches its own "
                                  "threshold on the atlas's own scale.", nullable=False)
    published_threshold_score: float = field("The reference model's score as the source of the published rate "
                                             "states it, in the benchmark's unit: for comparison only (its "
                                             "harness may differ from the one `benchmark_scores` chose).")
    published_trend_id: str = shared("published_trend_id", note="Here the published decline rate of the same "
                                     "capability; empty where there is none.")
    rationale: str = shared("rationale", nullable=False)
    source: str = shared("source", nullable=False)
    source_url: str = shared("source_url")

    class Config:
        description = """Fixed capabilities for the price of inference: the score of a reference model (GPT-3,
        GPT-3.5 Turbo, GPT-4, GPT-4 Turbo) on a benchmark (MMLU, GPQA Diamond, MATH Level 5, HumanEval), whose
        cheapest price `inference_price_frontier` follows over time and `inference_price_trends` fits. The
        capabilities are those of Cottier et al. 2025, whose rates `published_trend_id` names."""
        metadata = Declaration(
            kind="curated",
            csv="inference_thresholds.csv",
            key=("threshold_id",),
            foreign_keys=(ForeignKey("benchmark_id", "benchmarks"),
                          ForeignKey("reference_run_id", "training_runs", "run_id"),
                          ForeignKey("published_trend_id", "published_trends", "trend_id")))
        strict = True
