"""``algorithmic_progress``: how fast the training compute needed for a fixed score falls, per benchmark and method."""

import pandera.polars as pa
import polars as pl

from ..metadata.vocabularies import ALGORITHMIC_ERAS
from ._base import Declaration, ForeignKey, field, shared

METHODS = {
    "regression": "a regression of the score (logit of its position between chance and the ceiling) on log "
                  "training compute and date, over models with a compute figure that are not known to be distilled: "
                  "at a fixed score, log compute falls by the date coefficient over the compute coefficient a year "
                  "(after Ho et al. 2024)",
    "frontier": "the threshold frontier: for each rung of the ladder above the lowest score among the fitted "
                "models, the models that reached it with less compute than any earlier one (record setters), their "
                "log compute fitted on date with one intercept per rung and a common slope; record setters can only "
                "fall, so this method finds progress even where there is none, and its interval understates the "
                "uncertainty",
}


class AlgorithmicProgress(pa.DataFrameModel):
    benchmark_id: str = shared('benchmark_id', nullable=False)
    fit_method: str = field("How the rate is measured: " + "; ".join(f"`{k}`, {v}" for k, v in METHODS.items()) + ".",
                        nullable=False, isin=list(METHODS))
    halving_time_months: float = field("Months in which the training compute needed to reach a fixed score halves "
                                       "(empty where the method gives no estimate; see `notes`).", 'months', gt=0)
    halving_time_months_low: float = field("Low end of the bootstrap interval (resampling models).", 'months', gt=0)
    halving_time_months_high: float = field("High end of the interval; empty when it is open-ended (some resamples "
                                            "show no progress).", 'months', gt=0)
    interval_level_frac: float = shared('interval_level_frac')
    compute_fall_per_year_x: float = field("The factor by which the compute needed falls per year: 2^(12 / "
                                           "halving_time_months).", 'factor_per_year', gt=0)
    n_models: int = shared('n_models', nullable=False, note="Here the models the fit uses (with a score, a compute "
                           "figure, not known to be distilled).")
    era: str = field("Whether the fitted models come mostly from the reasoning era: `reasoning` when at least "
                     "`reasoning-era-min-share-frac` of them were published in or after `reasoning-era-first-year` "
                     "(their scores owe much to post-training and test-time compute, which the training compute does "
                     "not count, so the rate is not one of training-compute efficiency alone), else `pre_reasoning`; "
                     "empty without models.", isin=list(ALGORITHMIC_ERAS))
    reasoning_era_share_frac: float = field("Share of the fitted models published in or after "
                                            "`reasoning-era-first-year`.", "frac", ge=0, le=1)
    n_thresholds: int = field("Thresholds of the ladder with enough record setters (frontier method; empty for the "
                              "regression).", 'count', ge=0)
    window_start: pl.Date = shared('window_start', note="Here the publication date of the earliest model used.")
    window_end: pl.Date = shared('window_end', note="Here the publication date of the latest model used.")
    published_trend_id: str = shared("published_trend_id", note="Here the first by id of `published_trends` on "
                                     "algorithmic progress in the benchmark's domain with an interval: a comparison, "
                                     "not a replication, since Ho et al. measure the compute to reach a fixed "
                                     "perplexity and we the compute to reach a downstream score. Its interval "
                                     "may be at another level than ours (Ho et al. and Erdil & Besiroglu give 95 %): "
                                     "see `published_interval_level_frac`.")
    published_halving_time_months: float = field("Its halving time.", 'months', gt=0)
    published_halving_time_months_low: float = field("Low end of its interval.", 'months', gt=0)
    published_halving_time_months_high: float = field("High end of its interval.", 'months', gt=0)
    published_interval_level_frac: float = shared('published_interval_level_frac')
    intervals_overlap: bool = shared('intervals_overlap', note="An open-ended high end reaches any value. Empty for a "
                                     "reasoning-era fit (`era`), which is not compared: its rate is not one of "
                                     "training-compute efficiency. An overlap is agreement between different "
                                     "measures (benchmark score against perplexity), not a replication.")
    notes: str = shared('notes', note="Here why there is no estimate (too few models, the score does not rise "
                        "with compute, no progress, no chance floor), or a caveat of the estimate (an open-ended interval, the "
                        "reasoning era); empty "
                        "otherwise.")

    class Config:
        description = """Algorithmic progress measured from the atlas's own data: per benchmark and method, the
        halving time of the training compute needed to reach a fixed score, with a bootstrap interval, the models
        and window it rests on, and the published estimate of the same domain beside it."""
        metadata = Declaration(
            kind="derived",
            key=("benchmark_id", "fit_method"),
            foreign_keys=(ForeignKey("benchmark_id", "benchmarks"),
                          ForeignKey("published_trend_id", "published_trends", "trend_id")),
            inputs=("benchmark_scores", "benchmarks", "published_trends", "parameters"),
            parameters=("interval-level-frac", "bootstrap-samples", "bootstrap-seed", "minimum-fit-points",
                        "capability-ladder-step-points", "algorithmic-progress-min-models",
                        "capability-logit-clip-frac", "reasoning-era-first-year", "reasoning-era-min-share-frac"))
        strict = True
