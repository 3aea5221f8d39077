"""``claim_checks``: each claim of the register against the atlas's own data, with its verdict."""

import pandera.polars as pa

from ..metadata.vocabularies import CLAIM_VERDICTS, UNCHECKABLE_REASONS
from ._base import Declaration, ForeignKey, field, shared


class ClaimChecks(pa.DataFrameModel):
    claim_id: str = shared("claim_id", nullable=False, unique=True)
    statement: str = shared("statement", nullable=False)
    topic: str = shared("topic", nullable=False)
    claim_form: str = shared("claim_form", nullable=False)
    claimed_low: float = shared("claimed_low")
    claimed_high: float = shared("claimed_high")
    unit: str = shared("unit", nullable=False, note="The claim's unit.")
    accepted_low: float = field("Low end of the range a point must meet to agree: the claimed range, widened by "
                                "the tolerance `claim-about-tolerance-x` for an `about` claim; empty when open.",
                                unit_from="unit")
    accepted_high: float = field("High end of the range a point must meet to agree; empty when open.",
                                 unit_from="unit")
    check_rule: str = shared("check_rule", nullable=False)
    rule_description: str = field("The rule in plain words: which relation, which subset, which statistic.",
                                  nullable=False)
    check_subset: str = shared("check_subset")
    n_points: int = shared("n_points", nullable=False, note="Here the points that count (like-for-like, of the claim's "
                           "kind, narrow enough to decide).")
    n_excluded: int = field("Points of the claim that do not count (`claim_evidence.excluded` says why).", "count",
                            nullable=False, ge=0)
    n_agree: int = field("Like-for-like points that agree with the claim.", "count", nullable=False, ge=0)
    our_value: float = field("Our figure: the median of the points, in `unit`.", unit_from="unit")
    our_low: float = field("Low end of our figure: the point's interval for a single point, else the smallest "
                           "point.", unit_from="unit")
    our_high: float = field("High end of our figure: the point's interval for a single point, else the largest "
                            "point.", unit_from="unit")
    verdict: str = field("`holds` (our figure agrees and at least half the points do), `holds in part` "
                         "(some agree), `does not hold` (none does) or `cannot be checked` (see "
                         "`uncheckable_reason`).", nullable=False, isin=list(CLAIM_VERDICTS))
    uncheckable_reason: str = field("Why the claim cannot be checked: " + "; ".join(
        f"`{k}`, {v}" for k, v in UNCHECKABLE_REASONS.items()) + ". Empty for a checked claim.",
        isin=list(UNCHECKABLE_REASONS))
    verdict_reason: str = field("The verdict's reason in one sentence, written from the data: what agrees or "
                                "why the claim cannot be checked.", nullable=False)
    verdict_detail: str = field("Which points agree and which do not; for a claim that cannot be checked, the "
                                "data that would settle it.", nullable=False)
    is_vendor_claim: bool = shared("is_vendor_claim", nullable=False)
    like_for_like: str = shared("like_for_like")

    class Config:
        description = """Each claim of the register checked against the atlas's own data: the rule, our figure
        with its interval or range, how many points agree with the claimed figure, and a verdict computed the
        same way for every claim (`compute_atlas.stats.claims`)."""
        metadata = Declaration(
            kind="derived",
            key=("claim_id",),
            foreign_keys=(ForeignKey("claim_id", "claims"),),
            inputs=("claims", "claim_evidence", "parameters"),
            parameters=("claim-about-tolerance-x",))
        strict = True
