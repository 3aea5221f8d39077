"""The claims register's arithmetic: the rules that check a claim, the range a value must meet to agree
with it, and the verdict.

A rule (``claims.check_rule``) turns a claim into *points*: figures computed from the atlas's own
relations, in the claim's unit, each with its interval where it has one (``claim_evidence``). The
verdict (``claim_checks``) compares the points with the claimed range, the same way for every rule:

- a point **agrees** when its value, or its interval, meets the accepted range: the claimed range,
  widened for an ``about`` claim by the tolerance ``claim-about-tolerance-x`` either side; an ``up_to``
  claim of a factor ("cuts cost up to 5x") promises a gain, so its range starts at 1 (no change);
- the claim **holds** when our figure agrees (the median of the points' values; a single point's
  interval where there is one point) and at least half of the points agree; it **holds in part** when some agree; it **does not
  hold** when none does; it **cannot be checked** when the rule finds no point.

Only like-for-like points count: a vendor's own basis (another precision, sparse against dense) is kept
beside them as a point that does not count.

The rules a sceptic asks for come before the verdict (``uncheckable_reason``), in this order:

1. a claim whose evidence was derived from the claim itself (a power figure inferred from the vendor's own
   performance-per-watt claim) **cannot be checked**;
2. so cannot a claim whose figure measures another quantity than our points (energy per token against peak
   FLOP/s per watt; a whole programme's cost against compute cost; a share of gains computed another way);
3. or one for which the atlas has no points;
4. a point of the wrong kind (an inference result for a training claim; a reasoning-era capability for a claim
   about training compute) does not count; where no point is left, the claim cannot be checked;
5. a point whose interval is too wide to decide (``too_wide``: it meets the accepted range and reaches past
   every finite end of it, so that it agrees and disagrees alike) does not count; where no point is left, the
   claim cannot be checked, and the reason states the narrowest interval's width.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median


def subset_args(text: str | None) -> dict[str, list[str]]:
    """``check_subset`` as its keys and values: ``metric=speedup;techniques=a,b`` is
    ``{"metric": ["speedup"], "techniques": ["a", "b"]}``."""
    out: dict[str, list[str]] = {}
    for part in (text or "").split(";"):
        if part.strip():
            key, _, value = part.partition("=")
            out[key.strip()] = [v.strip() for v in value.split(",") if v.strip()]
    return out


#: units in which 1 is no change: an ``up_to`` claim in one of them promises a gain of at most its figure
NO_CHANGE_AT_ONE = ("factor", "factor_per_year")


def accepted_range(form: str, low: float | None, high: float | None, tolerance_x: float,
                   unit: str) -> tuple[float, float]:
    """The range a value must meet to agree with a claim (``-inf`` / ``inf`` for an open end)."""
    if form == "about":
        return low / tolerance_x, low * tolerance_x
    if form == "up_to" and low is None and unit in NO_CHANGE_AT_ONE and high >= 1:
        low = 1.0
    return (low if low is not None else -math.inf), (high if high is not None else math.inf)


def meets(low: float, high: float, accepted: tuple[float, float]) -> bool:
    """Whether ``[low, high]`` meets the accepted range."""
    return high >= accepted[0] and low <= accepted[1]


@dataclass(frozen=True)
class Point:
    """A figure with its interval: no ends for a figure without one; one end missing for an interval open on
    that side (a fitted halving time whose upper end is unbounded: no progress lies within it)."""

    value: float
    low: float | None = None
    high: float | None = None

    def agrees(self, accepted: tuple[float, float]) -> bool:
        if self.low is None and self.high is None:
            return meets(self.value, self.value, accepted)
        low = -math.inf if self.low is None else self.low
        high = math.inf if self.high is None else self.high
        return meets(low, high, accepted)


def verdict(points: Sequence[Point], accepted: tuple[float, float]) -> str:
    """The verdict on the like-for-like points (see the module's docstring)."""
    if not points:
        return "cannot be checked"
    n_agree = sum(p.agrees(accepted) for p in points)
    mid = points[0] if len(points) == 1 else Point(median(p.value for p in points))
    if mid.agrees(accepted) and 2 * n_agree >= len(points):
        return "holds"
    return "holds in part" if n_agree else "does not hold"


def too_wide(point: Point, accepted: tuple[float, float]) -> bool:
    """Whether a point's interval is too wide to decide: it meets the accepted range and reaches past every
    finite end of it (below a finite low end and above a finite high end; an open end of the interval reaches
    past anything). A point without an interval, or a range with no finite end, is never too wide."""
    if point.low is None and point.high is None:
        return False
    low = -math.inf if point.low is None else point.low
    high = math.inf if point.high is None else point.high
    ends = [e for e in accepted if math.isfinite(e)]
    if not ends or not meets(low, high, accepted):
        return False
    return (not math.isfinite(accepted[0]) or low < accepted[0]) and (not math.isfinite(accepted[1])
                                                                       or high > accepted[1])


def uncheckable_reason(*, derived_from_claim: bool, different_quantity: bool, n_points: int, n_right_kind: int,
                       n_decisive: int) -> str | None:
    """Why a claim cannot be checked (a key of ``UNCHECKABLE_REASONS``), or None when it can: the rules of the
    module's docstring, tested in order. ``n_points`` counts the like-for-like points, ``n_right_kind`` those
    of the claim's kind, ``n_decisive`` those of them whose interval is not too wide."""
    if derived_from_claim:
        return "derived_from_claim"
    if different_quantity:
        return "different_quantity"
    if n_points == 0:
        return "no_data"
    if n_right_kind == 0:
        return "wrong_kind"
    if n_decisive == 0:
        return "too_wide"
    return None


def point_kind_of_task(category: str | None, task: str | None,
                       words: dict[str, tuple[str, ...]]) -> str | None:
    """The phase a technique result is evidence of: its technique's category where that is one phase
    (``training`` or ``inference``), else the first phase whose words the task names; None where neither says."""
    if category in words:
        return category
    text = (task or "").lower()
    for kind, kind_words in words.items():
        if any(w in text for w in kind_words):
            return kind
    return None
