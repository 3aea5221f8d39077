"""``claim_checks``: each quoted claim against the measured results."""

import pandera.polars as pa

from ._base import field


class ClaimChecks(pa.DataFrameModel):
    claim_id: str = field("Claim (key into `technique_claims`).", nullable=False, unique=True)
    claim: str = field("The claim.", nullable=False)
    metric: str = field("Metric checked.", nullable=False)
    low_x: float = field("Claimed low end (empty for 'up to').", "× (factor)")
    high_x: float = field("Claimed high end.", "× (factor)", nullable=False)
    n_results: int = field("Measured results of the claim's techniques on its metric.", "count", nullable=False, ge=0)
    n_within: int = field("Results inside the claimed range.", "count", nullable=False, ge=0)
    n_below: int = field("Results below the claimed range.", "count", nullable=False, ge=0)
    n_above: int = field("Results above the claimed range.", "count", nullable=False, ge=0)
    median_x: float = field("Median factor of those results.", "× (factor)")
    min_x: float = field("Smallest factor.", "× (factor)")
    max_x: float = field("Largest factor.", "× (factor)")
    verdict: str = field("`holds` (median inside and at least half the results inside), `partly` (some inside), "
                         "`does not hold` (none inside) or `no data`.", nullable=False,
                         isin=["holds", "partly", "does not hold", "no data"])

    class Config:
        description = """Each commonly quoted claim checked against the measured results: how many
        results fall inside, below and above the claimed range, and a verdict."""
        metadata = {"kind": "derived", "key": ["claim_id"]}
        strict = True
