"""``benchmarks``: the capability benchmarks that ``benchmark_results`` scores models on."""

import pandera.polars as pa
import polars as pl

from ..metadata.vocabularies import ANSWER_FORMATS
from ._base import Declaration, field, shared


class Benchmarks(pa.DataFrameModel):
    benchmark_id: str = shared("benchmark_id", nullable=False, unique=True)
    name: str = shared("name", nullable=False)
    measures: str = field("What the benchmark measures, in a sentence.", nullable=False)
    domain: str = shared("domain", nullable=False)
    score_unit: str = shared('score_unit', nullable=False, note="Also the unit of scale_min, scale_max and chance_score.")
    scale_min: float = field("Lowest possible score; empty where the scale is unbounded below.",
                             unit_from="score_unit")
    scale_max: float = field("Highest possible score; empty where the scale is unbounded above (the ECI).",
                             unit_from="score_unit")
    higher_is_better: bool = field("Whether a higher score is better.", nullable=False)
    answer_format: str = field("How answers are given, which sets the chance level: `multiple_choice` (one of listed "
                               "options), `closed_set` (one of a fixed set, such as 1000 classes or the integers "
                               "0-999), `free_form` (checked for correctness; chance about 0) or `index` (a score "
                               "stitched from other benchmarks; no chance level).", nullable=False,
                               isin=list(ANSWER_FORMATS))
    answer_options: int = field("Number of options a uniform guess picks among (4 for four-way multiple choice, 1000 "
                                "for ImageNet's classes); empty for free-form answers, an index, or where the number "
                                "varies from question to question (then chance_score is empty too).", "count", ge=2)
    chance_score: float = field("Score of random guessing (25 for four-way multiple choice, 0 for free-form "
                                "answers); empty where it has no meaning (an index).", unit_from="score_unit")
    introduced_date: pl.Date = field("Date the benchmark was first published (arXiv v1 or announcement); empty "
                                     "where the sources at hand do not give it.", "date")
    source: str = shared("source", nullable=False, note="The benchmark's paper or its maintainer's page.")
    source_url: str = shared("source_url")
    notes: str = shared("notes")

    class Config:
        description = """Capability benchmarks: what each measures, the unit and scale of its scores, the
        score of chance and the paper that introduced it. `benchmark_results` scores models on them; a
        score outside its benchmark's scale is an error."""
        metadata = Declaration(
            kind="curated",
            csv="benchmarks.csv",
            key=("benchmark_id",),
            date_floors={"introduced_date": "1990-01-01"})
        strict = True
