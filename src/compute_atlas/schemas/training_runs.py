"""``training_runs``: notable training runs."""

import pandera.polars as pa
import polars as pl

from ._base import ForeignKey, field, shared


class TrainingRuns(pa.DataFrameModel):
    run_id: str = shared('run_id', nullable=False, unique=True)
    model: str = shared('model', nullable=False)
    organization: str = shared('organization', nullable=False)
    publication_date: pl.Date = shared('publication_date', nullable=False)
    domain: str = shared('domain', nullable=False)
    parameters: float = field("Number of parameters (total, for mixture-of-experts models).", 'count', gt=0, le=1e14)
    training_tokens: float = field("Tokens seen in training (dataset size times epochs).", 'count', gt=0, le=1e15)
    training_compute_flop: float = field("Total training compute.", 'flop', gt=0, le=1e28)
    compute_estimation_method: str = field("How training_compute_flop was obtained.",
                                           isin=["reported", "parameters_tokens", "hardware_time", "comparison", "mixed"])
    compute_confidence: str = field("Confidence in the compute figure.", isin=["confident", "likely", "speculative"])
    accelerator_id: str = shared('accelerator_id')
    accelerator_count: int = shared('accelerator_count')
    training_duration_hours: float = shared('training_duration_hours')
    precision: str = shared('precision')
    reported_cost_usd: float = shared('reported_cost_usd')
    reported_cost_year: int = field("Year whose dollars reported_cost_usd is in.", 'year', ge=2000, le=2100)
    is_frontier: bool = shared('is_frontier', nullable=False)
    source: str = shared('source', nullable=False)
    source_url: str = shared('source_url')
    notes: str = shared('notes')

    class Config:
        description = """Notable machine-learning training runs with their compute, hardware,
        duration and any published cost."""
        metadata = {"kind": "raw", "csv": "training_runs.csv", "key": ["run_id"],
                    "foreign_keys": [ForeignKey("accelerator_id", "accelerators")],
                    "date_floors": {'publication_date': '1950-01-01'}}
        strict = True
