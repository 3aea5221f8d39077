"""claim_checks: each claim of the register, its figure from the atlas's own data and its verdict.

The points are ``claim_evidence``'s; the accepted range and the verdict are ``compute_atlas.stats.claims``'s,
the same for every claim (the tolerance of an 'about' claim from ``parameters``), so that no verdict is
written by hand.
"""

from __future__ import annotations

import math
from statistics import median

from compute_atlas.metadata.vocabularies import CLAIM_RULES
from compute_atlas.publish.steps import parameter, relation_frame
from compute_atlas.stats.claims import Point, accepted_range, verdict


def _finite(x):
    return x if x is not None and math.isfinite(x) else None


def _names(labels, most=6):
    """Distinct labels, in order, with how often each occurs; cut after ``most``."""
    counts = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    names = [f"{k} ({n}x)" if n > 1 else k for k, n in counts.items()]
    return ", ".join(names[:most]) + (f" and {len(names) - most} more" if len(names) > most else "")


def _detail(evidence, accepted):
    agree = [e[0] for e in evidence if e[4]]
    disagree = [e[0] for e in evidence if not e[4]]
    below = sum(1 for e in evidence if not e[4] and e[1] < accepted[0])
    parts = [f"{len(agree)} of {len(evidence)} agree"
             + (f" ({below} below the claim, {len(disagree) - below} above)" if disagree else "")]
    if agree:
        parts.append(f"agree: {_names(agree)}")
    if disagree:
        parts.append(f"do not agree: {_names(disagree)}")
    return "; ".join(parts)


def derive(con):
    tolerance = parameter(con, "claim-about-tolerance-x")
    claims = con.execute("""
        SELECT claim_id, statement, topic, claim_form, claimed_low, claimed_high, unit, check_rule, check_subset,
               settle_with, is_vendor_claim, like_for_like
        FROM claims ORDER BY claim_id""").fetchall()
    rows = []
    for (claim_id, statement, topic, form, low, high, unit, rule, subset, settle, vendor, lfl) in claims:
        evidence = con.execute("SELECT label, value, value_low, value_high, agrees FROM claim_evidence "
                               "WHERE claim_id = ? AND counts ORDER BY value", [claim_id]).fetchall()
        accepted = accepted_range(form, low, high, tolerance, unit)
        points = [Point(v, lo, hi) for _, v, lo, hi, _ in evidence]
        row = {"claim_id": claim_id, "statement": statement, "topic": topic, "claim_form": form, "claimed_low": low,
               "claimed_high": high, "unit": unit, "accepted_low": _finite(accepted[0]),
               "accepted_high": _finite(accepted[1]), "check_rule": rule, "rule_description": CLAIM_RULES[rule].description,
               "check_subset": subset, "n_points": len(points), "n_agree": sum(e[4] for e in evidence),
               "verdict": verdict(points, accepted), "is_vendor_claim": vendor, "like_for_like": lfl}
        if len(points) == 1:
            p = points[0]
            row.update(our_value=p.value, our_low=p.low, our_high=p.high)
        elif points:
            values = [p.value for p in points]
            row.update(our_value=median(values), our_low=min(values), our_high=max(values))
        if not points:
            row["verdict_detail"] = settle or (f"no data: no row of {', '.join(CLAIM_RULES[rule].reads)} matches "
                                               f"`{subset}`")
        else:
            row["verdict_detail"] = _detail(evidence, accepted)
        rows.append(row)
    return relation_frame("claim_checks", rows)
