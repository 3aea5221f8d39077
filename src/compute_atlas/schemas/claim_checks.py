"""``claim_checks``: each quoted claim against the measured results."""

import pandera.polars as pa

from ._base import ForeignKey, field, shared


class ClaimChecks(pa.DataFrameModel):
    claim_id: str = shared('claim_id', nullable=False, unique=True)
    claim: str = shared('claim', nullable=False)
    metric: str = shared('metric', nullable=False)
    low_x: float = shared('low_x')
    high_x: float = shared('high_x', nullable=False)
    n_results: int = shared('n_results', nullable=False)
    n_within: int = field("Results inside the claimed range.", 'count', nullable=False, ge=0)
    n_below: int = field("Results below the claimed range.", 'count', nullable=False, ge=0)
    n_above: int = field("Results above the claimed range.", 'count', nullable=False, ge=0)
    median_x: float = shared('median_x')
    min_x: float = shared('min_x')
    max_x: float = shared('max_x')
    verdict: str = field("`holds` (median inside and at least half the results inside), `partly` (some inside), "
                         "`does not hold` (none inside) or `no data`.", nullable=False,
                         isin=["holds", "partly", "does not hold", "no data"])

    class Config:
        description = """Each commonly quoted claim checked against the measured results: how many
        results fall inside, below and above the claimed range, and a verdict."""
        metadata = {"kind": "derived", "key": ["claim_id"],
                    "foreign_keys": [ForeignKey("claim_id", "technique_claims")],
                    "inputs": ['technique_claims', 'technique_effects']}
        strict = True
