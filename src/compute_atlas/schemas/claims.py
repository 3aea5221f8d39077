"""``claims``: the claims register: figures the field repeats, each with where it is quoted and how it is checked."""

import datetime as dt

import pandera.polars as pa

from ..metadata.vocabularies import EVIDENCE_KINDS
from ._base import URL, Declaration, field, shared


class Claims(pa.DataFrameModel):
    claim_id: str = shared("claim_id", nullable=False, unique=True)
    statement: str = shared("statement", nullable=False)
    topic: str = shared("topic", nullable=False)
    measured_quantity: str = field("The quantity the claim is about, as the atlas measures it (what its points are).",
                          nullable=False)
    claim_form: str = shared("claim_form", nullable=False)
    claimed_low: float = shared("claimed_low")
    claimed_high: float = shared("claimed_high")
    unit: str = shared("unit", nullable=False, note="Here the unit of the claimed figure and of the points that "
                       "check it (a percentage saving quoted as a factor is converted; `notes` says how).")
    as_quoted: str = field("The claimed figure in the words of the quote (e.g. `10 to 40 % less energy`).",
                           nullable=False)
    check_rule: str = shared("check_rule", nullable=False)
    check_subset: str = shared("check_subset")
    is_vendor_claim: bool = shared("is_vendor_claim", nullable=False)
    like_for_like: str = shared("like_for_like")
    evidence_kind: str = field("What the claim is about, where only evidence of that kind counts: `training` or "
                               "`inference` (an inference result does not check a training claim, nor a "
                               "reasoning-era capability a claim about training compute). Empty: any kind counts.",
                               isin=[k for k in EVIDENCE_KINDS if k != "reasoning_era"])
    source_quantity: str = field("What the source's figure measures, where it is another quantity than our points "
                                 "(`measured_quantity`): energy per token against peak FLOP/s per watt, a whole "
                                 "programme's cost against compute cost, a share computed another way. A claim with "
                                 "one cannot be checked; its reason quotes both. Empty where they are the same.")
    derived_from_claim: str = field("Which input of our evidence was derived from the claim itself (a power figure "
                                    "inferred from the vendor's own performance-per-watt claim). A claim with one "
                                    "cannot be checked. Empty where none is.")
    settle_with: str = field("For a claim the atlas cannot check: the data that would settle it.")
    quoted_in: str = field("Where the claim is quoted (title of the article or page; the register itself when no "
                           "public quote was found).", nullable=False)
    quoted_date: dt.date = field("Date of the quote, empty where the page gives none.", "date")
    source: str = shared("source", nullable=False, note="Here where the claim is quoted.")
    source_url: str = shared("source_url", note="Here the URL of the quote.")
    original_source: str = field("The original source of the figure (BibTeX key), where one was found.",
                                 str_matches=r"^[A-Za-z0-9_:-]+$")
    original_url: str = field("URL of the original source.", str_matches=URL)
    notes: str = shared("notes")

    class Config:
        description = """The claims register: figures that articles about AI efficiency repeat, each with the
        quantity it is about, the claimed value or range in a unit of the atlas, where it is quoted and its
        original source where one was found, and the rule by which the build checks it against the atlas's
        own data (`claim_evidence`, `claim_checks`)."""
        metadata = Declaration(
            kind="curated",
            as_of="quoted_date",
            csv="claims.csv",
            key=("claim_id",))
        strict = True
