"""``assumptions``: every constant the cost model uses, each a sourced row."""

import pandera.polars as pa

from ._base import SLUG, Declaration, field, shared


class Assumptions(pa.DataFrameModel):
    assumption_id: str = field("Identifier the pipeline looks the constant up by (a slug).",
                               nullable=False, unique=True, str_matches=SLUG)
    name: str = shared('name', nullable=False)
    value: float = shared('value', nullable=False, ge=0)
    unit: str = shared('unit', nullable=False)
    low: float = field("Low end of the plausible range the source gives.", ge=0, unit_from='unit')
    high: float = field("High end of the plausible range the source gives.", ge=0, unit_from='unit')
    description: str = shared('description', nullable=False)
    source: str = shared('source', nullable=False)
    source_url: str = shared('source_url')

    class Config:
        description = """The constants of the cost, energy and emissions model (PUE, server
        overhead, depreciation life, default utilization, ...), so that each assumption can be
        seen, queried and cited."""
        metadata = Declaration(
            kind="curated",
            csv="assumptions.csv",
            key=("assumption_id",))
        strict = True
