"""Log-linear trend fits with percentile-bootstrap intervals."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np

DAYS_PER_YEAR = 365.25
LOG10_2 = math.log10(2)


@dataclass(frozen=True)
class Fit:
    n_points: int
    start: dt.date
    end: dt.date
    slope: float  # log10 units per year
    slope_low: float
    slope_high: float
    intercept: float  # log10 value at start
    r_squared: float
    samples: int

    @property
    def growth_per_year(self) -> float:
        return 10**self.slope

    @staticmethod
    def doubling_time(slope: float) -> float | None:
        """Years to double; negative for a falling quantity; None for no trend."""
        return LOG10_2 / slope if slope != 0 else None

    def doubling_interval(self) -> tuple[float | None, float | None]:
        """Shorter and longer doubling times of the interval; None when it spans zero growth."""
        if self.slope_low <= 0 <= self.slope_high:
            return None, None
        a, b = LOG10_2 / self.slope_high, LOG10_2 / self.slope_low
        return (min(a, b), max(a, b))


def years_since(dates: list[dt.date], origin: dt.date) -> np.ndarray:
    return np.array([(d - origin).days / DAYS_PER_YEAR for d in dates])


def fit_loglinear(dates: list[dt.date], values: list[float], *, samples: int, seed: int,
                  level: float) -> Fit:
    """OLS of log10(value) on time in years; percentile bootstrap of the slope over resampled points.
    Raises ValueError for points that cannot be fitted (see ``unfit_reason``); ``try_fit`` says why instead."""
    reason = unfit_reason(dates, values)
    if reason:
        raise ValueError(reason)
    start, end = min(dates), max(dates)
    x = years_since(dates, start)
    y = np.log10(np.asarray(values, dtype=float))
    slope, intercept = np.polyfit(x, y, 1)
    resid = y - (slope * x + intercept)
    ss_tot = float(((y - y.mean()) ** 2).sum())
    r2 = 1 - float((resid**2).sum()) / ss_tot if ss_tot > 0 else 0.0
    rng = np.random.default_rng(seed)
    n = len(x)
    idx = rng.integers(0, n, size=(samples, n))
    xs, ys = x[idx], y[idx]
    xm, ym = xs.mean(axis=1, keepdims=True), ys.mean(axis=1, keepdims=True)
    sxx = ((xs - xm) ** 2).sum(axis=1)
    sxy = ((xs - xm) * (ys - ym)).sum(axis=1)
    ok = sxx > 0  # a resample of points all on one date has no slope
    if not ok.any():
        raise ValueError(f"none of the {samples} bootstrap resamples has points on two dates: no interval")
    boot = sxy[ok] / sxx[ok]
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(boot, [tail, 100 - tail])
    return Fit(n, start, end, float(slope), float(low), float(high), float(intercept), max(0.0, min(1.0, r2)),
               int(ok.sum()))


#: the fewest points a line is fitted to, whatever ``minimum-fit-points`` says (two points fix a line exactly)
FEWEST_POINTS = 3


def unfit_reason(dates: list[dt.date], values: list[float], fewest: int = FEWEST_POINTS) -> str | None:
    """Why these points cannot be fitted by ``fit_loglinear`` (None when they can): fewer than ``fewest``
    (never fewer than 3), a value that is not positive (no logarithm), or every point on one date (no slope)."""
    need = max(int(fewest), FEWEST_POINTS)
    if len(dates) < need:
        return f"too few points: {len(dates)} of the {need} a fit needs"
    if any(v <= 0 for v in values):
        return "a value is not positive: a log-linear fit needs positive values"
    if len(set(dates)) < 2:
        return f"the {len(dates)} points share one date: no slope"
    return None


def try_fit(dates: list[dt.date], values: list[float], *, fewest: int, samples: int, seed: int,
            level: float) -> tuple[Fit | None, str | None]:
    """``fit_loglinear``, or None and the reason where the points cannot be fitted or give no interval (a
    step makes no fit then, never an exception)."""
    reason = unfit_reason(dates, values, fewest)
    if reason:
        return None, reason
    try:
        return fit_loglinear(dates, values, samples=samples, seed=seed, level=level), None
    except ValueError as exc:
        return None, str(exc)


def record_setters(dates: list[dt.date], values: list[float]) -> tuple[list[dt.date], list[float]]:
    """The points that beat every earlier point: the best available at each date."""
    best = -math.inf
    out_d, out_v = [], []
    for d, v in sorted(zip(dates, values)):
        if v > best:
            best = v
            out_d.append(d)
            out_v.append(v)
    return out_d, out_v


def neighbourhood_z_scores(dates: list[dt.date], values: list[float], window_years: float) -> list[float | None]:
    """Each point's z-score of log10(value) against every point (itself included) dated within ``window_years``
    either side: (log v − mean) / standard deviation (population, ddof 0), as Sevilla et al. 2022 select
    large-scale and regular-scale models. None where the neighbourhood has no spread (a single point, or all
    equal)."""
    x = years_since(dates, min(dates)) if dates else np.array([])
    y = np.log10(np.asarray(values, dtype=float))
    out: list[float | None] = []
    for xi, yi in zip(x, y):
        near = y[np.abs(x - xi) <= window_years]
        sd = float(near.std())
        out.append(float((yi - near.mean()) / sd) if sd > 0 else None)
    return out


MONTHS_PER_YEAR = 12
#: periods of each time kind's unit in a year (a doubling or halving time)
PERIODS_PER_YEAR = {"doubling_time_years": 1, "halving_time_years": 1,
                    "doubling_time_months": MONTHS_PER_YEAR, "halving_time_months": MONTHS_PER_YEAR}


def growth_per_year(value: float, value_kind: str) -> float:
    """A published figure as a growth factor per year: as given (``growth_per_year_x``), 10^v for orders of
    magnitude, 1/v for a factor of decline (a price that falls 10× a year grows 0.1× a year), 2^(periods per
    year / v) for a doubling or halving time (a halving of what something costs is a doubling of what a fixed
    budget buys)."""
    if value_kind == "growth_per_year_x":
        return value
    if value_kind == "decline_per_year_x":
        return 1 / value
    if value_kind == "growth_per_year_oom":
        return 10**value
    return 2 ** (PERIODS_PER_YEAR[value_kind] / value)


def period_of(growth: float, value_kind: str) -> float:
    """The inverse of ``growth_per_year`` for a time: the doubling (or halving) time, in the unit of
    ``value_kind``, of a growth factor per year (4 × a year doubles every 6 months); ``math.inf`` for no growth
    (1 × a year), negative for a factor below 1."""
    if growth == 1:
        return math.inf
    return PERIODS_PER_YEAR[value_kind] * math.log(2) / math.log(growth)


def growth_interval(low: float | None, high: float | None, value_kind: str) -> tuple[float | None, float | None]:
    """A published interval as (low, high) growth factors per year; a longer time is slower growth, so the
    ends of a time interval swap. (None, None) when the source gives no interval."""
    if low is None or high is None:
        return None, None
    a, b = growth_per_year(low, value_kind), growth_per_year(high, value_kind)
    return min(a, b), max(a, b)


def intervals_meet(low: float | None, high: float | None, pub_low: float | None,
                   pub_high: float | None) -> bool | None:
    """Whether our interval [low, high] and a published one share a point; a missing ``high`` is open-ended (it
    reaches any value). None where our low end or the published interval is missing."""
    if low is None or pub_low is None or pub_high is None:
        return None
    return low <= pub_high and (high is None or pub_low <= high)


def published_range(value: float, value_kind: str, ci_low: float | None, ci_high: float | None,
                    rounding_step: float | None) -> tuple[float | None, float | None, str]:
    """What a published estimate stands for, as (low, high) growth factors per year and the rule that judges
    agreement with it: its interval where the source gives one (``intervals``); else, for a figure rounded to
    ``rounding_step``, every value that rounds to it, within half a step either side (``rounding_range``:
    doubling every 2.3 years to 0.1 year is 2.25 to 2.35 years); else the bare figure (``point_in_interval``)."""
    if ci_low is not None and ci_high is not None:
        return *growth_interval(ci_low, ci_high, value_kind), "intervals"
    if rounding_step is not None:
        half = rounding_step / 2
        return *growth_interval(value - half, value + half, value_kind), "rounding_range"
    return None, None, "point_in_interval"


def overlaps(low: float, high: float, pub: float, pub_low: float | None, pub_high: float | None) -> bool:
    """Whether our interval [low, high] meets the published estimate: shares a point with its interval or
    rounding range where there is one, else holds its central value."""
    if pub_low is None or pub_high is None:
        return low <= pub <= high
    return intervals_meet(low, high, pub_low, pub_high)
