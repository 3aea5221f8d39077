"""``techniques``: the catalog of efficiency techniques."""

import pandera.polars as pa

from ._base import CITE_KEYS, SLUG, URL, field


class Techniques(pa.DataFrameModel):
    technique_id: str = field("Stable identifier (slug).", nullable=False, unique=True, str_matches=SLUG)
    name: str = field("Name of the technique.", nullable=False, unique=True)
    category: str = field("Whether it applies to training, inference or both.", nullable=False,
                          isin=["training", "inference", "both"])
    changes: str = field("What the technique changes.", nullable=False,
                         isin=["precision", "parameters", "architecture", "algorithm", "data", "system"])
    description: str = field("What it does and why it saves compute, in the project's words.", nullable=False)
    glossary_terms: str = field("`term_id`s of glossary terms, separated by `;`.", str_matches=r"^[a-z0-9-]+(;[a-z0-9-]+)*$")
    source: str = field("BibTeX keys of the papers that introduced it, separated by `;`.", nullable=False, str_matches=CITE_KEYS)
    source_url: str = field("URL of the introducing paper.", str_matches=URL)

    class Config:
        description = """Efficiency techniques (mixed precision, quantization, pruning,
        distillation, ...) with what they change and the papers that introduced them."""
        metadata = {"kind": "raw", "csv": "techniques.csv", "key": ["technique_id"]}
        strict = True
