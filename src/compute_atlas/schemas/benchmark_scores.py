"""``benchmark_scores``: one score per model and benchmark, the result the derived relations use."""

import pandera.polars as pa
import polars as pl

from ._base import Declaration, ForeignKey, field, shared


class BenchmarkScores(pa.DataFrameModel):
    run_id: str = shared('run_id', nullable=False)
    benchmark_id: str = shared('benchmark_id', nullable=False)
    model: str = shared('model', nullable=False)
    organization: str = shared('organization', nullable=False)
    publication_date: pl.Date = shared('publication_date', nullable=False)
    score_date: pl.Date = field("Date of the chosen result's version: its `model_versions.version_date` where it is "
                                "a later version than the model's first release, else the model's "
                                "`publication_date`.",
                                "date", nullable=False)
    domain: str = shared('domain', nullable=False, note="The model's.")
    score: float = shared('score', nullable=False, unit_from='score_unit', note="Of the chosen result.")
    score_unit: str = shared('score_unit', nullable=False)
    benchmark_result_id: str = shared('benchmark_result_id', nullable=False, note="The chosen result.")
    evaluator: str = shared('evaluator', nullable=False, note="Of the chosen result.")
    evaluator_kind: str = shared('evaluator_kind', nullable=False, note="Of the chosen result.")
    n_results: int = shared('n_results', nullable=False, gt=0,
                            note="Here the results of this model on this benchmark, all settings and evaluators.")
    n_evaluators: int = field("Distinct evaluators among those results.", 'count', nullable=False, gt=0)
    score_spread: float = field("Highest minus lowest score among those results, in the benchmark's unit: how "
                                "much the choice of result matters.", unit_from='score_unit', nullable=False, ge=0)
    training_compute_flop: float = shared('training_compute_flop')
    compute_confidence: str = shared('compute_confidence')
    compute_estimation_method: str = shared('compute_estimation_method')
    is_distilled: bool = shared('is_distilled')
    training_cost_usd_2024: float = field("The model's training cost estimate (`training_run_costs."
                                          "cost_estimate_usd_2024`), where one exists.", 'usd_2024', gt=0)

    class Config:
        description = """One row per model and benchmark: the result that `capability_frontier` and
        `algorithmic_progress` use, with the model's date, training compute and cost. A model can have several
        results for one benchmark (shots, settings, evaluators); the chosen one is a third party's where there is
        one (a common harness makes scores of different models comparable, and a developer's own report is more
        likely to use favourable settings), and among those the best score (the capability a documented
        evaluation shows the model has). `n_results` and `score_spread` say how much choice there was."""
        metadata = Declaration(
            kind="derived",
            key=("run_id", "benchmark_id"),
            foreign_keys=(ForeignKey("run_id", "training_runs"), ForeignKey("benchmark_id", "benchmarks"),
                          ForeignKey("benchmark_result_id", "benchmark_results", "benchmark_result_id")),
            inputs=("benchmark_results", "benchmarks", "training_runs", "training_run_costs", "model_versions"))
        strict = True
