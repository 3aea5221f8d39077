"""``inference_price_frontier``: the cheapest price of a fixed capability, month by month."""

import pandera.polars as pa
import polars as pl

from ._base import Declaration, ForeignKey, field, shared


class InferencePriceFrontier(pa.DataFrameModel):
    threshold_id: str = shared("threshold_id", nullable=False)
    benchmark_id: str = shared("benchmark_id", nullable=False)
    threshold_score: float = shared("threshold_score", nullable=False, note="Here the reference model's score: "
                                    "that of `reference_model_version` in `benchmark_results`, else in "
                                    "`benchmark_scores`.")
    as_of_date: pl.Date = shared("as_of_date", nullable=False, note="Here the last day of a month.")
    min_blended_usd_per_mtok: float = field("The cheapest blended price per million tokens in effect by "
                                            "`as_of_date` among models whose score reaches the threshold "
                                            "(nominal dollars of the price).", "usd_per_mtok", nullable=False,
                                            gt=0)
    min_price_id: str = field("The price observation (a key into `inference_prices`).", nullable=False)
    min_price_run_id: str = field("Its model (a key into `training_runs`).", nullable=False)
    min_price_provider: str = field("Its provider.", nullable=False)
    min_price_effective_date: pl.Date = field("The date its price took effect or was first seen "
                                              "(`inference_prices.effective_date`).", "date", nullable=False)
    min_price_score: float = field("Its model's score on the benchmark (`benchmark_scores`).", nullable=False)
    n_models_priced: int = field("Models reaching the threshold with a price in effect by `as_of_date`.", "count",
                                 nullable=False, gt=0)

    class Config:
        description = """The access effect of inference: for each fixed capability of `inference_thresholds` and
        each month from the first price of a model that reaches it (its score in `benchmark_scores` at least
        the reference model's), the cheapest blended price per million
        tokens in effect by then (input and output blended with assumption inference-blend-input-share-frac,
        or the source's own blend), with the model, provider and price behind it. Only prices with an
        `effective_date` enter, dated by it; a price known only from the day a list was read does not."""
        metadata = Declaration(
            kind="derived",
            key=("threshold_id", "as_of_date"),
            foreign_keys=(ForeignKey("threshold_id", "inference_thresholds"), ForeignKey("benchmark_id", "benchmarks"),
                          ForeignKey("min_price_id", "inference_prices", "price_id"),
                          ForeignKey("min_price_run_id", "training_runs", "run_id")),
            inputs=("inference_prices", "inference_thresholds", "benchmark_scores", "benchmark_results", "benchmarks",
                    "assumptions"),
            assumptions=("inference-blend-input-share-frac",))
        strict = True
