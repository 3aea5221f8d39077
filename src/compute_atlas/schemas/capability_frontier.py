"""``capability_frontier``: the least training compute and cost that reached each score, year by year."""

import pandera.polars as pa
import polars as pl

from ._base import Declaration, ForeignKey, field, shared


class CapabilityFrontier(pa.DataFrameModel):
    benchmark_id: str = shared('benchmark_id', nullable=False)
    threshold_score: float = shared('threshold_score', nullable=False, unit_from='score_unit', note="Here a rung of "
                                    "the ladder: every `capability-ladder-step-points` points from the first above "
                                    "the benchmark's chance score (or its lowest score) up to the first at or above "
                                    "the best score. Rungs below every model's score are reached by all of them (the "
                                    "least compute is then the catalogue's cheapest model); the frontier method of "
                                    "`algorithmic_progress` leaves them out.")
    score_unit: str = shared('score_unit', nullable=False)
    year: int = shared('year', nullable=False, note="Scores of versions released by the end of this year count (`benchmark_scores.score_date`).")
    as_of_date: pl.Date = shared('as_of_date', nullable=False, note="Here the last day of `year`.")
    is_reached: bool = field("Whether any model reaches the threshold by `as_of_date` (dated by its scored version). A threshold no "
                             "model reaches has rows too, with this false and the minima empty.", nullable=False)
    n_models_reaching: int = shared('n_models_reaching', nullable=False, note="Here those whose scored version was released by `as_of_date`.")
    n_models_with_compute: int = field("Of them, those with a training-compute figure.", 'count', nullable=False,
                                       ge=0)
    min_compute_flop: float = field("The least training compute among them.", 'flop', gt=0)
    min_compute_run_id: str = field("The model with that compute (a key into `training_runs`).")
    min_compute_score: float = field("That model's score.", unit_from='score_unit')
    min_cost_usd_2024: float = field("The least training cost estimate (`training_run_costs`) among them.",
                                     'usd_2024', gt=0)
    min_cost_run_id: str = field("The model with that cost (a key into `training_runs`).")
    n_models_with_cost: int = field("Models reaching the threshold by `as_of_date` with a cost estimate.", 'count',
                                    nullable=False, ge=0)

    class Config:
        description = """The access effect measured directly: for each benchmark, each threshold of a ladder of
        scores and each year, the least training compute and the least training cost among the models whose
        score (`benchmark_scores`) reaches the threshold by the end of that year, dated by the scored version's
        release (`score_date`). Thresholds that no model
        reaches yet are kept, with `is_reached` false."""
        metadata = Declaration(
            kind="derived",
            key=("benchmark_id", "threshold_score", "year"),
            foreign_keys=(ForeignKey("benchmark_id", "benchmarks"),
                          ForeignKey("min_compute_run_id", "training_runs", "run_id"),
                          ForeignKey("min_cost_run_id", "training_runs", "run_id")),
            inputs=("benchmark_scores", "benchmarks", "parameters"),
            parameters=("capability-ladder-step-points",))
        strict = True
