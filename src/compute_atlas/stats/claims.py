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
