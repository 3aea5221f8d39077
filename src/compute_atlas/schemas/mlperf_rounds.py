"""``mlperf_rounds``: the rounds of MLPerf Training and the dates MLCommons published them."""

import pandera.polars as pa
import polars as pl

from ._base import Declaration, shared


class MlperfRounds(pa.DataFrameModel):
    mlperf_round: str = shared("mlperf_round", nullable=False, unique=True)
    round_published_date: pl.Date = shared("round_published_date", nullable=False)
    source: str = shared("source", nullable=False)
    source_url: str = shared("source_url")
    notes: str = shared("notes")

    class Config:
        description = """Rounds of MLPerf Training with the date MLCommons published each round's results: the
        date `mlperf_progress` prices a training at (the cloud price nearest it)."""
        metadata = Declaration(
            kind="curated",
            as_of="round_published_date",
            csv="mlperf_rounds.csv",
            key=("mlperf_round",),
            date_floors={"round_published_date": "2018-12-01"})
        strict = True
