"""``model_versions``: the release dates of later versions of a model (rows of ``training_runs``)."""

import pandera.polars as pa
import polars as pl

from ._base import Declaration, ForeignKey, field, shared


class ModelVersions(pa.DataFrameModel):
    run_id: str = shared("run_id", nullable=False, note="The model the version belongs to.")
    model_version: str = shared("model_version", nullable=False, note="As `benchmark_results` names it.")
    version_date: pl.Date = field("First public release of this version, later than its model's `publication_date` "
                                  "(a dated update such as gpt-4o-2024-11-20).", "date", nullable=False)
    source: str = shared("source", nullable=False)
    notes: str = shared("notes")

    class Config:
        description = """Later versions of a model: a dated update (gpt-4o-2024-11-20, claude-3-5-sonnet-20241022,
        a Gemini preview) is a version of its model's run, not a run of its own, but it was released later than
        the model. `benchmark_scores.score_date` dates a result of such a version by its `version_date`; a
        version without a row here is the model's first release or of unknown date (dated by the model's
        `publication_date`). A version released with the model is its first release and has no row: an
        instruct or chat checkpoint published the same day as the base model (Qwen2.5-72B-Instruct), or the
        name the model was launched under (grok-3-beta, Grok 3 as announced), even where an API served it
        later."""
        metadata = Declaration(
            kind="curated",
            as_of="version_date",
            csv="model_versions.csv",
            key=("run_id", "model_version"),
            foreign_keys=(ForeignKey("run_id", "training_runs"),),
            date_floors={"version_date": "2000-01-01"})
        strict = True
