"""``training_runs``: notable training runs."""

import pandera.polars as pa
import polars as pl

from ._base import CITE_KEYS, PRECISIONS, SLUG, URL, field


class TrainingRuns(pa.DataFrameModel):
    run_id: str = field("Stable identifier of the run (slug of the model).", nullable=False, unique=True, str_matches=SLUG)
    model: str = field("Model name.", nullable=False)
    organization: str = field("Organizations that trained the model.", nullable=False)
    publication_date: pl.Date = field("Date the model was published or announced.", "date", nullable=False)
    domain: str = field("Main domain of the model.", nullable=False,
                        isin=["language", "vision", "multimodal", "games", "speech", "biology", "recommendation", "other"])
    parameters: float = field("Number of parameters (total, for mixture-of-experts models).", "count", gt=0, le=1e14)
    training_tokens: float = field("Tokens seen in training (dataset size times epochs).", "tokens", gt=0, le=1e15)
    training_compute_flop: float = field("Total training compute.", "FLOP", gt=0, le=1e28)
    compute_estimation_method: str = field("How training_compute_flop was obtained.",
                                           isin=["reported", "parameters_tokens", "hardware_time", "comparison", "mixed"])
    compute_confidence: str = field("Confidence in the compute figure.", isin=["confident", "likely", "speculative"])
    accelerator_id: str = field("Accelerator the run used (key into `accelerators`).", str_matches=SLUG)
    accelerator_count: int = field("Number of accelerator chips (TPU chips, not cores).", "chips", gt=0, le=10_000_000)
    training_duration_hours: float = field("Wall-clock duration of the training run.", "hours", gt=0, le=100_000)
    precision: str = field("Numerical precision of the matrix multiplications.", isin=list(PRECISIONS))
    reported_cost_usd: float = field("Training cost as published by the developer or a credible report "
                                     "(not an estimate of ours).", "USD (nominal, of reported_cost_year)", gt=0)
    reported_cost_year: int = field("Year whose dollars reported_cost_usd is in.", "year", ge=2000, le=2100)
    is_frontier: bool = field("Whether Epoch AI lists the model as a frontier model (top 10 by compute at release).", nullable=False)
    source: str = field("BibTeX keys of the sources, separated by `;`.", nullable=False, str_matches=CITE_KEYS)
    source_url: str = field("URL of the paper or announcement.", str_matches=URL)
    notes: str = field("Caveats: assumed hardware variant, revisions, active parameters.")

    class Config:
        description = """Notable machine-learning training runs with their compute, hardware,
        duration and any published cost."""
        metadata = {"kind": "raw", "csv": "training_runs.csv", "key": ["run_id"]}
        strict = True
