"""``parameters``: the modelling choices of this project, each a row, so that none is typed in code or prose."""

import pandera.polars as pa

from ._base import SLUG, Declaration, field, shared


class Parameters(pa.DataFrameModel):
    parameter_id: str = field("Identifier a pipeline step declares and looks the parameter up by (a slug).",
                              nullable=False, unique=True, str_matches=SLUG)
    name: str = shared("name", nullable=False)
    value: float = shared("value", nullable=False)
    unit: str = shared("unit", nullable=False)
    description: str = shared("description", nullable=False, note="Says which steps use it and how.")
    rationale: str = shared("rationale", nullable=False)
    source: str = shared("source", note="Empty for a choice of this project that follows no source.")

    class Config:
        description = """Parameters of the atlas's own methods: the dollar base year, the interval level,
        the bootstrap's samples and seed, the disagreement threshold, the projection horizon, the fixed
        budgets of the compute-efficiency model. Unlike `assumptions` (facts about the world, each
        sourced), these are choices; each says why."""
        metadata = Declaration(
            kind="curated",
            csv="parameters.csv",
            key=("parameter_id",))
        strict = True
