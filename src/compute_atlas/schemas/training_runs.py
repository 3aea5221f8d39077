"""``training_runs``: the model catalogue, one row per model (its training run)."""

import pandera.polars as pa
import polars as pl

from ._base import SLUG, Declaration, ForeignKey, field, shared


class TrainingRuns(pa.DataFrameModel):
    run_id: str = shared('run_id', nullable=False, unique=True)
    model: str = shared('model', nullable=False)
    organization: str = shared('organization', nullable=False)
    publication_date: pl.Date = shared('publication_date', nullable=False)
    domain: str = shared('domain', nullable=False)
    parameters: float = field("Number of parameters (total, for mixture-of-experts models).", 'count', gt=0, le=1e14)
    training_tokens: float = field("Tokens seen in training (dataset size times epochs).", 'tokens', gt=0, le=1e15)
    training_compute_flop: float = shared('training_compute_flop')
    compute_estimation_method: str = shared('compute_estimation_method')
    compute_confidence: str = shared('compute_confidence')
    accelerator_id: str = shared('accelerator_id')
    accelerator_count: int = shared('accelerator_count')
    training_duration_hours: float = shared('training_duration_hours')
    precision: str = shared('precision')
    reported_cost_usd: float = shared('reported_cost_usd')
    reported_cost_year: int = field("Year whose dollars reported_cost_usd is in.", 'year', ge=2000, le=2100)
    is_frontier: bool = shared('is_frontier', nullable=False)
    is_distilled: bool = shared('is_distilled')
    base_run_id: str = field(
        "The run this model was fine-tuned, adapted or distilled from: a key into `training_runs`, where the model "
        "is a derivative of another catalogued model (empty otherwise). A derivative is first released on or after "
        "its base.", str_matches=SLUG)
    source: str = shared('source', nullable=False)
    source_url: str = shared('source_url')
    notes: str = shared('notes')

    class Config:
        description = """The model catalogue: one row per model (its training run), with its first
        public release, organization, domain, parameters, training tokens and compute (with how it was
        estimated and how confident that is), whether it is distilled, and, where known, its hardware,
        duration and any published cost."""
        metadata = Declaration(
            kind="curated",
            as_of="publication_date",
            csv="training_runs.csv",
            key=("run_id",),
            foreign_keys=(ForeignKey("accelerator_id", "accelerators"),
                          ForeignKey("base_run_id", "training_runs", "run_id")),
            date_floors={"publication_date": "1950-01-01"})
        strict = True
