"""``techniques``: the catalog of efficiency techniques."""

import pandera.polars as pa

from ._base import Declaration, ForeignKey, field, shared


class Techniques(pa.DataFrameModel):
    technique_id: str = shared('technique_id', nullable=False, unique=True)
    name: str = shared('name', nullable=False, unique=True)
    category: str = shared('category', nullable=False)
    changes: str = field("What the technique changes.", nullable=False,
                         isin=["precision", "parameters", "architecture", "algorithm", "data", "system"])
    description: str = shared('description', nullable=False)
    glossary_terms: str = field("`term_id`s of glossary terms, separated by `;`.", str_matches=r"^[a-z0-9-]+(;[a-z0-9-]+)*$")
    source: str = shared('source', nullable=False)
    source_url: str = shared('source_url')

    class Config:
        description = """Efficiency techniques (mixed precision, quantization, pruning,
        distillation, ...) with what they change and the papers that introduced them."""
        metadata = Declaration(
            kind="curated",
            csv="techniques.csv",
            key=("technique_id",),
            foreign_keys=(ForeignKey("glossary_terms", "glossary", "term_id", sep=";"),))
        strict = True
