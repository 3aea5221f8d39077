"""``inference_price_trends``: how fast the price of a fixed capability falls, beside the published rates."""

import pandera.polars as pa
import polars as pl

from ._base import Declaration, ForeignKey, field, shared


class InferencePriceTrends(pa.DataFrameModel):
    threshold_id: str = shared("threshold_id", nullable=False, unique=True)
    benchmark_id: str = shared("benchmark_id", nullable=False)
    threshold_score: float = shared("threshold_score", note="Here the reference model's score: that of "
                                    "`reference_model_version` in `benchmark_results` (the version priced first), "
                                    "else its score in `benchmark_scores`; empty where it has none on the "
                                    "benchmark.")
    decline_per_year_x: float = field("Factor by which the cheapest price of the capability falls per year (10 = "
                                      "a tenth of the price a year later); empty where too few points.",
                                      "factor_per_year", gt=0)
    decline_per_year_x_low: float = field("Low end of the bootstrap interval of the decline.", "factor_per_year",
                                          gt=0)
    decline_per_year_x_high: float = field("High end of the bootstrap interval of the decline.",
                                           "factor_per_year", gt=0)
    interval_level_frac: float = shared("interval_level_frac")
    n_points: int = shared("n_points", nullable=False, note="Here the record setters: the distinct cheapest "
                           "prices of `inference_price_frontier` (at monthly resolution: a month's cheapest "
                           "price that is below every earlier month's), all with an effective date.")
    n_models_reaching: int = shared("n_models_reaching", nullable=False, note="Here in `benchmark_scores`, priced "
                                    "or not.")
    n_candidate_models: int = field("Of them, the models with at least one price.", "count", nullable=False, ge=0)
    window_start: pl.Date = shared("window_start", note="Here the first record setter's effective date.")
    window_end: pl.Date = shared("window_end", note="Here the last record setter's effective date.")
    fitted_start_usd_per_mtok: float = field("The fitted blended price at `window_start` (the line's start).",
                                             "usd_per_mtok", gt=0)
    published_trend_id: str = shared("published_trend_id")
    published_decline_per_year_x: float = field("Its factor of decline per year.", "factor_per_year", gt=0)
    published_decline_per_year_x_low: float = field("Low end of its interval.", "factor_per_year", gt=0)
    published_decline_per_year_x_high: float = field("High end of its interval.", "factor_per_year", gt=0)
    published_interval_level_frac: float = shared("published_interval_level_frac")
    intervals_overlap: bool = shared("intervals_overlap")
    replication_n_points: int = field("Record setters inside the published fit's own window "
                                      "(`inference_thresholds.published_window_start` to `published_window_end`), "
                                      "led by the cheapest price in effect when it opens (dated at the opening); "
                                      "empty where the threshold has no published window.", "count", ge=0)
    replication_decline_per_year_x: float = field("The replication of the published rate: the decline fitted to "
                                                  "the record setters inside the published window only; empty "
                                                  "where too few points.", "factor_per_year", gt=0)
    replication_decline_per_year_x_low: float = field("Low end of the replication's bootstrap interval.",
                                                      "factor_per_year", gt=0)
    replication_decline_per_year_x_high: float = field("High end of the replication's bootstrap interval.",
                                                       "factor_per_year", gt=0)
    replication_agrees: bool = field("Whether the replication agrees with the published rate: its central "
                                     "estimate lies inside the published interval. Empty where there is no "
                                     "replication; `inference_thresholds.replication_note` says why they differ.")
    notes: str = shared("notes", note="Here why there is no estimate, or a caveat of it.")

    class Config:
        description = """How fast inference gets cheaper at a fixed capability: per threshold of
        `inference_thresholds`, a log-linear fit of the record-setting cheapest blended prices over time (the
        method of Cottier et al. 2025), as a factor of decline per year with a bootstrap interval, beside the
        published rate of the same threshold and a replication of it on the published fit's own window. Only
        prices with an effective date enter, dated by it."""
        metadata = Declaration(
            kind="derived",
            key=("threshold_id",),
            foreign_keys=(ForeignKey("threshold_id", "inference_thresholds"), ForeignKey("benchmark_id", "benchmarks"),
                          ForeignKey("published_trend_id", "published_trends", "trend_id")),
            inputs=("inference_price_frontier", "inference_thresholds", "benchmark_scores", "benchmark_results",
                    "benchmarks", "published_trends", "parameters"),
            parameters=("interval-level-frac", "bootstrap-samples", "bootstrap-seed", "minimum-fit-points"))
        strict = True
