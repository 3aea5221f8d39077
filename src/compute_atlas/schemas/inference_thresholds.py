"""``inference_thresholds``: the fixed capabilities whose inference price the atlas follows over time."""

import pandera.polars as pa
import polars as pl

from ._base import Declaration, ForeignKey, field, shared


class InferenceThresholds(pa.DataFrameModel):
    threshold_id: str = shared("threshold_id", nullable=False, unique=True)
    benchmark_id: str = shared("benchmark_id", nullable=False)
    reference_run_id: str = field("The model whose score sets the threshold (a key into `training_runs`): the "
                                  "threshold is its score on the atlas's own scale, so that it reaches its own "
                                  "threshold.", nullable=False)
    reference_model_version: str = field("The version of the reference model whose score sets the threshold: the "
                                         "one priced first (a `model_version` of `benchmark_results` for this "
                                         "model and benchmark; the mean where several evaluators scored it). "
                                         "Empty where the catalogue has no score of that version: then the "
                                         "model's score in `benchmark_scores`, said in `replication_note`.")
    published_threshold_score: float = field("The reference model's score as the source of the published rate "
                                             "states it, in the benchmark's unit: for comparison only (its "
                                             "harness may differ from the one `benchmark_scores` chose).")
    published_trend_id: str = shared("published_trend_id", note="Here the published decline rate of the same "
                                     "capability; empty where there is none.")
    published_window_start: pl.Date = field("First day of the published fit's window (its first record "
                                            "setter), over which `inference_price_trends` replicates it.", "date")
    published_window_end: pl.Date = field("Last day of the published fit's window (its last record setter).",
                                          "date")
    replication_note: str = field("Why the replication agrees with the published rate or not, in a sentence "
                                  "(the data behind each side, the scale of the scores, the window).")
    rationale: str = shared("rationale", nullable=False)
    source: str = shared("source", nullable=False)
    source_url: str = shared("source_url")

    class Config:
        description = """Fixed capabilities for the price of inference: the score of a reference model (GPT-3,
        GPT-3.5 Turbo, GPT-4, GPT-4 Turbo) on a benchmark (MMLU, GPQA Diamond, MATH Level 5, HumanEval), whose
        cheapest price `inference_price_frontier` follows over time and `inference_price_trends` fits. The
        capabilities are the 21 of Cottier et al. 2025, whose rates `published_trend_id` names, with the window
        of each published fit and a sentence on how the replication compares."""
        metadata = Declaration(
            kind="curated",
            csv="inference_thresholds.csv",
            key=("threshold_id",),
            foreign_keys=(ForeignKey("benchmark_id", "benchmarks"),
                          ForeignKey("reference_run_id", "training_runs", "run_id"),
                          ForeignKey("published_trend_id", "published_trends", "trend_id")),
            date_floors={"published_window_start": "2020-06-01", "published_window_end": "2020-06-01"})
        strict = True
