"""``technique_claims``: commonly quoted ranges of technique effects, to check against the results."""

import pandera.polars as pa

from ._base import CITE_KEYS, SLUG, URL, field
from .technique_results import METRICS


class TechniqueClaims(pa.DataFrameModel):
    claim_id: str = field("Stable identifier (slug).", nullable=False, unique=True, str_matches=SLUG)
    claim: str = field("The claim as it is commonly quoted.", nullable=False)
    technique_ids: str = field("`technique_id`s the claim is about, separated by `;`.", nullable=False,
                               str_matches=r"^[a-z0-9-]+(;[a-z0-9-]+)*$")
    metric: str = field("Metric of `technique_results` the claim is about.", nullable=False, isin=METRICS)
    low_x: float = field("Low end of the claimed effect as a factor (1.5 = 1.5× faster; a 10 % energy saving is "
                         "1/0.9 = 1.11); empty for an 'up to' claim.", "× (factor)", gt=0)
    high_x: float = field("High end of the claimed effect as a factor.", "× (factor)", nullable=False, gt=0)
    source: str = field("BibTeX keys of where the claim is quoted, separated by `;`.", nullable=False, str_matches=CITE_KEYS)
    source_url: str = field("URL of where the claim is quoted.", str_matches=URL)
    notes: str = field("How the claim was turned into a factor range.")

    class Config:
        description = """Ranges of technique effects that are commonly quoted, each expressed as a
        factor range on a metric of `technique_results`, so that the build can check them against
        measured results (`claim_checks`)."""
        metadata = {"kind": "raw", "csv": "technique_claims.csv", "key": ["claim_id"]}
        strict = True
