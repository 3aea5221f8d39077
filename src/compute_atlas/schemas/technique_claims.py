"""``technique_claims``: commonly quoted ranges of technique effects, to check against the results."""

import pandera.polars as pa

from ._base import ForeignKey, field, shared


class TechniqueClaims(pa.DataFrameModel):
    claim_id: str = shared('claim_id', nullable=False, unique=True)
    claim: str = shared('claim', nullable=False)
    technique_ids: str = field("`technique_id`s the claim is about, separated by `;`.", nullable=False,
                               str_matches=r"^[a-z0-9-]+(;[a-z0-9-]+)*$")
    metric: str = shared('metric', nullable=False)
    low_x: float = shared('low_x')
    high_x: float = shared('high_x', nullable=False)
    source: str = shared('source', nullable=False)
    source_url: str = shared('source_url')
    notes: str = shared('notes')

    class Config:
        description = """Ranges of technique effects that are commonly quoted, each expressed as a
        factor range on a metric of `technique_results`, so that the build can check them against
        measured results (`claim_checks`)."""
        metadata = {"kind": "raw", "csv": "technique_claims.csv", "key": ["claim_id"],
                    "foreign_keys": [ForeignKey("technique_ids", "techniques", sep=";")]}
        strict = True
