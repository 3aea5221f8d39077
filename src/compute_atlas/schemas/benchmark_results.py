"""``benchmark_results``: scores of models (rows of ``training_runs``) on benchmarks, with who ran them and how."""

import pandera.polars as pa
import polars as pl

from ._base import Declaration, ForeignKey, field, shared


class BenchmarkResults(pa.DataFrameModel):
    benchmark_result_id: str = shared("benchmark_result_id", nullable=False, unique=True)
    run_id: str = shared("run_id", nullable=False, note="The model evaluated.")
    benchmark_id: str = shared("benchmark_id", nullable=False)
    model_version: str = shared("model_version", nullable=False, note="The version that was evaluated.")
    score: float = shared('score', nullable=False)
    score_stderr: float = field("Standard error of the score, in the same unit, where the evaluator gives it.",
                                ge=0)
    shots: int = field("Number of in-context examples (few-shot); empty where the source does not say.",
                       "count", ge=0, le=1000)
    settings: str = field("How it was run, in short: `reasoning effort high`, `CoT`, `lm-eval-harness`, "
                          "`pass@1`; empty for the standard setup.")
    evaluator: str = shared('evaluator', nullable=False)
    evaluator_kind: str = shared('evaluator_kind', nullable=False)
    evaluated_date: pl.Date = field("Date of the evaluation run, or of the source that reports it; empty where "
                                    "unknown.", "date")
    source: str = shared("source", nullable=False)
    source_url: str = shared("source_url")
    notes: str = shared("notes")

    class Config:
        description = """Benchmark results: one score of one model version on one benchmark, with the shots,
        settings and evaluator. Every distinct result is kept (several per model and benchmark: different
        versions, settings and evaluators); derived relations say which one they use. Scores are in the unit
        of the benchmark's `score_unit` and must lie within its scale."""
        metadata = Declaration(
            kind="curated",
            as_of="evaluated_date",
            csv="benchmark_results.csv",
            key=("run_id", "benchmark_id", "model_version", "shots", "settings", "evaluator"),
            foreign_keys=(ForeignKey("run_id", "training_runs"), ForeignKey("benchmark_id", "benchmarks")),
            date_floors={"evaluated_date": "2000-01-01"})
        strict = True
