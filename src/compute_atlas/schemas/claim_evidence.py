"""``claim_evidence``: the figures from the atlas's own data that check each claim."""

import pandera.polars as pa

from ..metadata.vocabularies import EVIDENCE_KINDS, POINT_EXCLUSIONS
from ._base import Declaration, ForeignKey, field, shared


class ClaimEvidence(pa.DataFrameModel):
    claim_id: str = shared("claim_id", nullable=False)
    point_id: str = field("The point within its claim (the key of the row it comes from).", nullable=False)
    label: str = shared("label", nullable=False)
    relation: str = field("The relation the point is computed from (its data dictionary entry).", nullable=False)
    value: float = shared("value", nullable=False, unit_from="unit")
    value_low: float = shared("value_low", note="Empty where the point has no interval.")
    value_high: float = shared("value_high")
    unit: str = shared("unit", nullable=False, note="The claim's unit.")
    accelerator_ids: str = field("The accelerators the point compares (`accelerator_id`s separated by `;`), where "
                                 "it compares accelerators.", str_matches=r"^[a-z0-9-]+(;[a-z0-9-]+)*$")
    run_id: str = shared("run_id", note="Here the training run whose cost the point is, where it is one.")
    point_kind: str = field("What the point is evidence of: " + "; ".join(f"`{k}`, {v}" for k, v in EVIDENCE_KINDS.items())
                            + ". Empty where the rule does not know it (such a point is never of the wrong kind).",
                            isin=list(EVIDENCE_KINDS))
    excluded: str = field("Why the point does not count for the verdict: " + "; ".join(
        f"`{k}`, {v}" for k, v in POINT_EXCLUSIONS.items()) + ". Empty where it counts.",
        isin=list(POINT_EXCLUSIONS))
    counts: bool = field("Whether the point counts for the verdict (`excluded` is empty): like-for-like, of the "
                         "claim's kind and with an interval narrow enough to decide.", nullable=False)
    agrees: bool = field("Whether the point, or its interval, meets the claim's accepted range "
                         "(`claim_checks.accepted_low` to `accepted_high`).", nullable=False)
    notes: str = shared("notes", note="Here what the point compares, in words.")

    class Config:
        description = """The points that decide each claim: figures computed from the atlas's own relations by
        the claim's rule (`claims.check_rule`), in the claim's unit, with an interval where the figure has one,
        and whether each agrees with the claim."""
        metadata = Declaration(
            kind="derived",
            key=("claim_id", "point_id"),
            foreign_keys=(ForeignKey("claim_id", "claims"),
                          ForeignKey("accelerator_ids", "accelerators", "accelerator_id", sep=";"),
                          ForeignKey("run_id", "training_runs")),
            inputs=("claims", "parameters", "algorithmic_progress", "benchmarks", "trend_fits",
                    "accelerator_efficiency", "cloud_prices", "training_cost_methods", "technique_effects",
                    "electricity"),
            parameters=("claim-about-tolerance-x",))
        strict = True
