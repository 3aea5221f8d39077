"""claim_checks: each claim of the register, its figure from the atlas's own data and its verdict.

The points are ``claim_evidence``'s; the accepted range and the verdict are ``compute_atlas.stats.claims``'s,
the same for every claim (the tolerance of an 'about' claim from ``parameters``), so that no verdict is
written by hand.
"""

from __future__ import annotations

import math
from statistics import median

from compute_atlas.metadata.units import fmt_value
from compute_atlas.metadata.vocabularies import CLAIM_RULES, EVIDENCE_KINDS
from compute_atlas.publish.steps import parameter, relation_frame
from compute_atlas.stats.claims import Point, accepted_range, uncheckable_reason, verdict


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


def _range(accepted, unit):
    lo, hi = (_finite(x) for x in accepted)
    f = lambda x: fmt_value(x, unit)  # noqa: E731
    return f"up to {f(hi)}" if lo is None else f"from {f(lo)} up" if hi is None else f"{f(lo)} to {f(hi)}"


def _lower(text):
    """The text with its first letter in lower case, to run on in a sentence; a short first word or one with
    another capital (a name: 'Ho et al.', 'TPU') is kept."""
    first = text.split(" ", 1)[0] if text else ""
    if len(first) <= 2 or any(c.isupper() for c in first[1:]):
        return text
    return text[:1].lower() + text[1:]


def _left_out(excluded, unit) -> str:
    """The points left out of a checked claim's verdict, by why, the too-wide ones with their intervals."""
    if not excluded:
        return ""
    f = lambda x: "open" if x is None else fmt_value(x, unit)  # noqa: E731
    parts = []
    for why, words in (("not_like_for_like", "not like-for-like"), ("wrong_kind", "of the wrong kind"),
                       ("too_wide", "too wide to decide")):
        these = [e for e in excluded if e[6] == why]
        if these:
            shown = f" ({'; '.join(f'{e[0]}, {f(e[2])} to {f(e[3])}' for e in these)})" if why == "too_wide" else ""
            parts.append(f"{len(these)} {words}{shown}")
    return "; left out: " + ", ".join(parts)


def reason(verdict_: str, why: str | None, claim: dict, accepted, counted, excluded) -> str:
    """The verdict's reason in one sentence, from the claim's row and its points (never typed by hand).
    ``counted`` and ``excluded`` are the points as ``(label, value, low, high, agrees, kind, excluded)``."""
    unit = claim["unit"]
    f = lambda x: fmt_value(x, unit)  # noqa: E731
    rng = _range(accepted, unit)
    if why == "derived_from_claim":
        return (f"Cannot be checked: our figure rests on {_lower(claim['derived_from_claim'].rstrip('.'))}, which "
                "was derived from the claim itself.")
    if why == "different_quantity":
        return (f"Cannot be checked: the claim's figure is {_lower(claim['source_quantity'].rstrip('.'))}, while our "
                f"points measure {_lower(claim['measured_quantity'].rstrip('.'))}.")
    if why == "no_data":
        return "Cannot be checked: the atlas has no data that measures it" + (
            f"; what would settle it: {_lower(claim['settle_with'].rstrip('.'))}." if claim["settle_with"] else ".")
    if why == "wrong_kind":
        kinds = sorted({e[5] for e in excluded if e[6] == "wrong_kind"})
        return (f"Cannot be checked: all {len(excluded)} points are evidence of "
                + " or ".join(EVIDENCE_KINDS[k].split(":")[0] for k in kinds)
                + f", and this is a claim about {EVIDENCE_KINDS[claim['evidence_kind']].split(':')[0]}.")
    if why == "too_wide":
        wide = [e for e in excluded if e[6] == "too_wide"]
        narrow = min(wide, key=lambda e: (e[3] if e[3] is not None else math.inf) - (e[2] if e[2] is not None
                                                                                        else -math.inf))
        lo, hi = narrow[2], narrow[3]
        span = (f"{f(lo)} to {f(hi)}" if lo is not None and hi is not None else
                f"from {f(lo)} with no upper end" if lo is not None else f"up to {f(hi)} with no lower end")
        fold = f", a {hi / lo:.2g}-fold span" if lo and hi and lo > 0 else ""
        return (f"Cannot be checked: every point's interval is too wide to decide; the narrowest ({narrow[0]}) runs "
                f"{span}{fold}, past both ends of the accepted range {rng}." if all(
                    math.isfinite(a) for a in accepted) else
                f"Cannot be checked: every point's interval is too wide to decide; the narrowest ({narrow[0]}) runs "
                f"{span}{fold}, across the accepted range's end ({rng}).")
    values = [e[1] for e in counted]
    mid = values[0] if len(values) == 1 else median(values)
    ours = f(mid) if len(values) == 1 else f"{f(mid)} (median of {len(values)} points, {f(min(values))} to " \
                                           f"{f(max(values))})"
    n_agree = sum(e[4] for e in counted)
    below = sum(1 for e in counted if not e[4] and e[1] < accepted[0])
    left_out = _left_out(excluded, unit)
    if verdict_ == "holds":
        return (f"Holds: our figure, {ours}, meets the accepted range {rng}, and {n_agree} of {len(counted)} points "
                f"agree{left_out}.")
    if verdict_ == "holds in part":
        where = "inside" if Point(mid).agrees(accepted) else "outside"
        return (f"Holds in part: {n_agree} of {len(counted)} points agree ({below} below the accepted range {rng}, "
                f"{len(counted) - n_agree - below} above) and our figure, {ours}, lies {where} it{left_out}.")
    return (f"Does not hold: none of the {len(counted)} points meets the accepted range {rng} ({below} below, "
            f"{len(counted) - below} above); our figure is {ours}{left_out}.")


def derive(con):
    tolerance = parameter(con, "claim-about-tolerance-x")
    cur = con.execute("""
        SELECT claim_id, statement, topic, claim_form, claimed_low, claimed_high, unit, check_rule, check_subset,
               settle_with, is_vendor_claim, like_for_like, measured_quantity, source_quantity, derived_from_claim,
               evidence_kind
        FROM claims ORDER BY claim_id""")
    names = [d[0] for d in cur.description]
    rows = []
    for claim in (dict(zip(names, r)) for r in cur.fetchall()):
        (claim_id, statement, topic, form, low, high, unit, rule, subset, settle, vendor, lfl) = list(claim.values())[:12]
        all_points = con.execute("SELECT label, value, value_low, value_high, agrees, point_kind, excluded FROM "
                                 "claim_evidence WHERE claim_id = ? ORDER BY value", [claim_id]).fetchall()
        like_for_like = [e for e in all_points if e[6] != "not_like_for_like"]
        right_kind = [e for e in like_for_like if e[6] != "wrong_kind"]
        evidence = [e for e in all_points if e[6] is None]
        why = uncheckable_reason(derived_from_claim=bool(claim["derived_from_claim"]),
                                 different_quantity=bool(claim["source_quantity"]), n_points=len(like_for_like),
                                 n_right_kind=len(right_kind), n_decisive=len(evidence))
        if why is not None:  # the claim cannot be checked: no point decides it
            evidence = []
        accepted = accepted_range(form, low, high, tolerance, unit)
        points = [Point(v, lo, hi) for _, v, lo, hi, *_ in evidence]
        row = {"claim_id": claim_id, "statement": statement, "topic": topic, "claim_form": form, "claimed_low": low,
               "claimed_high": high, "unit": unit, "accepted_low": _finite(accepted[0]),
               "accepted_high": _finite(accepted[1]), "check_rule": rule, "rule_description": CLAIM_RULES[rule].description,
               "check_subset": subset, "n_points": len(points), "n_agree": sum(e[4] for e in evidence),
               "verdict": verdict(points, accepted), "is_vendor_claim": vendor, "like_for_like": lfl,
               "uncheckable_reason": why, "n_excluded": len(all_points) - len(evidence)}
        row["verdict_reason"] = reason(row["verdict"], why, claim, accepted, evidence,
                                       [e for e in all_points if e[6] is not None])
        if len(points) == 1:
            p = points[0]
            row.update(our_value=p.value, our_low=p.low, our_high=p.high)
        elif points:
            values = [p.value for p in points]
            row.update(our_value=median(values), our_low=min(values), our_high=max(values))
        if not all_points:
            row["verdict_detail"] = settle or (f"no data: no row of {', '.join(CLAIM_RULES[rule].reads)} matches "
                                               f"`{subset}`")
        elif not points:
            row["verdict_detail"] = "no point counts: " + _detail(all_points, accepted)
        else:
            row["verdict_detail"] = _detail(evidence, accepted)
        rows.append(row)
    return relation_frame("claim_checks", rows)
