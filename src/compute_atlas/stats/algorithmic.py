"""Algorithmic progress: how fast the training compute needed to reach a fixed benchmark score falls.

Two estimators of the same quantity, the **halving time** (months) of the training compute that reaches a
given score, each with a percentile-bootstrap interval over resampled models (seeded like
:func:`compute_atlas.stats.trends.fit_loglinear`):

``regression`` (:func:`regression_halving`)
    In the spirit of Ho et al. (2024), "Algorithmic progress in language models": an OLS fit of the
    (logit-transformed) score on log10 training compute and release date, ``y = a + b·log10C + c·t``. Holding
    ``y`` fixed, ``d(log10 C)/dt = −c/b``: the compute needed falls by ``c/b`` orders of magnitude a year, and
    halves every ``12·log10(2)/(c/b)`` months.

``threshold_frontier`` (:func:`frontier_halving`)
    For each score threshold, the *record setters*: walking in date order, the models at or above the
    threshold whose compute is lower than that of every earlier model at or above it. Their log10 compute is
    fitted on date, pooled across thresholds with one intercept per threshold and a common slope ``s``
    (log10 FLOP per year, negative when the compute needed falls); the halving time is
    ``12·log10(2)/(−s)`` months.

Inputs are per-model arrays: ``date_years`` (decimal years), ``log10_compute`` (log10 of training FLOP) and
``score`` (in the benchmark's own unit). A row with a missing (non-finite) value in any of the three is left
out; ``n_models`` counts the rows used.

Conventions, the same for both methods (and tested):

* A result is never an exception for data that cannot support it: too few models, a score that does not
  rise with compute, no threshold with enough record setters. The estimate is then ``None`` and ``reason``
  says why.
* No progress (the fitted rate is zero or negative) is a halving time of ``math.inf``, with a reason.
* In the bootstrap, a replicate whose rate is not positive (no progress, or for the regression a score that
  does not rise with compute, so the replicate cannot bound the halving time) has an infinite halving time.
  The interval's ends are order statistics of the replicates' halving times (``inverted_cdf``: no
  interpolation across an infinite value), so the upper end ``high`` is ``math.inf`` (open-ended) exactly
  when at least ``(1 − level)/2`` of the replicates show no progress; ``open_fraction`` gives that share and
  ``note`` says so. Replicates that cannot be fitted at all (a resample on one date, or with no threshold
  that has enough record setters) are left out; ``samples`` counts the rest.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from compute_atlas.stats.trends import LOG10_2, MONTHS_PER_YEAR

#: Default clip of the score's position on its scale before the logit: scores within 0.1 % of chance or of
#: the ceiling (or beyond them) count as 0.1 % and 99.9 %, which keeps saturated scores finite.
DEFAULT_EPS = 1e-3
#: Fewest models a fit is attempted on (the regression has three coefficients).
DEFAULT_MIN_MODELS = 10
#: Fewest record setters a threshold needs to enter the frontier fit.
DEFAULT_MIN_POINTS = 3
#: Replicates processed together by the frontier bootstrap (bounds its memory: chunk × thresholds × models).
_CHUNK_CELLS = 4_000_000

ArrayLike = Sequence[float] | np.ndarray


@dataclass(frozen=True)
class Halving:
    """How fast the training compute needed to reach a fixed score halves, with its bootstrap interval.

    ``halving_months`` is ``None`` when there is no estimate (``reason`` says why) and ``math.inf`` for no
    progress; ``low``/``high`` are the ends of the percentile interval at ``level`` (``high`` is
    ``math.inf`` when the interval is open-ended, see ``note``), ``None`` when there is no estimate.
    """

    method: str  # "regression" or "threshold_frontier"
    halving_months: float | None
    low: float | None
    high: float | None
    level: float
    n_models: int  # rows with a date, a compute and a score
    window_start: float | None  # decimal years: earliest date among the points fitted
    window_end: float | None  # decimal years: latest
    b: float | None  # regression: transformed score per log10 FLOP; None for the frontier
    c: float | None  # regression: transformed score per year; None for the frontier
    s: float | None  # frontier: common slope of record setters' log10 FLOP on date, per year; None for regression
    rate_oom_per_year: float | None  # orders of magnitude a year the compute needed falls: c/b, or −s
    reason: str | None  # None when the estimate is fine
    n_points: int  # points in the fit: models (regression) or record setters over the thresholds used
    n_thresholds: int | None  # frontier: thresholds with at least min_points record setters
    thresholds: tuple[float, ...] | None  # frontier: those thresholds
    samples: int  # bootstrap replicates that could be fitted
    open_fraction: float | None  # share of those replicates without progress (infinite halving time)
    note: str | None  # says when the upper end is open

    @property
    def open_ended(self) -> bool:
        """Whether the interval has no finite upper end."""
        return self.high is not None and math.isinf(self.high)


@dataclass(frozen=True)
class ThresholdRecords:
    """The record setters for one threshold, in date order: indices into the input arrays and their values."""

    threshold: float
    indices: tuple[int, ...]
    date_years: tuple[float, ...]
    log10_compute: tuple[float, ...]


def halving_months(rate_oom_per_year: float) -> float:
    """Months for the compute needed to halve at a fall of ``rate`` orders of magnitude a year; ``inf`` for
    a rate that is not positive (no progress)."""
    return MONTHS_PER_YEAR * LOG10_2 / rate_oom_per_year if rate_oom_per_year > 0 else math.inf


def transform_score(score: ArrayLike | float, scale_min: float | None, scale_max: float | None,
                    chance: float | None, eps: float = DEFAULT_EPS) -> np.ndarray:
    """A score in the space the regression is linear in.

    Bounded benchmark (``scale_max`` given): the logit of the score's position between the floor (``chance``,
    or ``scale_min`` when there is no chance level) and ``scale_max``, the position clipped to
    ``[eps, 1 − eps]``. Scores pile up against a benchmark's ceiling (and sit at chance until models can do the
    task at all), so a score is roughly a sigmoid of log compute, not a line; Ho et al. (2024) and Ruan et al.
    (2024, "Observational scaling laws") fit capabilities in that sigmoidal/logit space. The clip keeps a
    saturated score (at the ceiling, at chance or below it) finite: it counts as ``eps`` from the end.

    Unbounded scale (``scale_max`` None, e.g. an index or an Elo): the identity.
    """
    y = np.asarray(score, dtype=float)
    if scale_max is None:
        return y.copy()
    floor = chance if chance is not None else scale_min
    if floor is None:
        raise ValueError("a bounded scale needs a chance level or a scale minimum to measure the score from")
    if not scale_max > floor:
        raise ValueError(f"scale maximum {scale_max} is not above the floor {floor}")
    if not 0 < eps < 0.5:
        raise ValueError(f"eps must be in (0, 0.5), got {eps}")
    p = np.clip((y - floor) / (scale_max - floor), eps, 1 - eps)
    return np.log(p / (1 - p))


def ladder(scale_min: float | None, scale_max: float | None, step: float, observed_min: float,
           observed_max: float, *, chance: float | None = None) -> list[float]:
    """Score thresholds for the frontier method: every ``step`` points from the first multiple of ``step``
    strictly above the floor, up to the highest observed score (and never above ``scale_max``).

    The floor is the highest of the chance level (or ``scale_min`` when there is none) and the lowest observed
    score: a threshold at or below chance says nothing about capability, and one that every model in the
    catalogue meets makes its record setters the catalogue's cheapest models, not a capability frontier. A
    threshold above the best observed score has no model, so the ladder stops at it. Example: a 0–100 scale
    with chance 25, step 10 and scores observed from 31 to 88 gives 40, 50, 60, 70, 80.
    """
    if not step > 0:
        raise ValueError(f"step must be positive, got {step}")
    floors = [v for v in (chance if chance is not None else scale_min, observed_min) if v is not None]
    floor = max(floors)
    top = observed_max if scale_max is None else min(observed_max, scale_max)
    k = math.floor(floor / step + 1e-9) + 1
    out = []
    while k * step <= top + 1e-9 * step:
        out.append(round(k * step, 10))
        k += 1
    return out


def _clean(date_years: ArrayLike, log10_compute: ArrayLike, score: ArrayLike) -> tuple[np.ndarray, ...]:
    t, x, y = (np.asarray(a, dtype=float).ravel() for a in (date_years, log10_compute, score))
    if not len(t) == len(x) == len(y):
        raise ValueError(f"date_years, log10_compute and score differ in length: {len(t)}, {len(x)}, {len(y)}")
    ok = np.isfinite(t) & np.isfinite(x) & np.isfinite(y)
    return t[ok], x[ok], y[ok]


def _interval(halvings: np.ndarray, level: float) -> tuple[float | None, float | None, float | None, str | None]:
    """Percentile ends (order statistics) of replicate halving times (``inf`` = no progress), the share of
    infinite ones and a note when the upper end is open."""
    if len(halvings) == 0:
        return None, None, None, None
    tail = (1 - level) / 2
    low, high = (float(v) for v in np.quantile(halvings, [tail, 1 - tail], method="inverted_cdf"))
    n_open = int(np.isinf(halvings).sum())
    note = None
    if math.isinf(high):
        note = (f"upper end open: {n_open} of {len(halvings)} bootstrap replicates ({n_open / len(halvings):.0%}) "
                f"show no progress, at least the {tail:.0%} tail beyond the interval")
    return low, high, n_open / len(halvings), note


def _check_level(level: float) -> None:
    if not 0 < level < 1:
        raise ValueError(f"level must be in (0, 1), got {level}")


# --- method "regression" -----------------------------------------------------------------------------------

def _ols_bc(x: np.ndarray, t: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Slopes b (on x = log10 C) and c (on t) of y = a + b·x + c·t, row by row of 2-D arrays (one row a
    replicate); the intercept is absorbed by centring. Also whether each row's design is non-singular."""
    xc = x - x.mean(axis=-1, keepdims=True)
    tc = t - t.mean(axis=-1, keepdims=True)
    yc = y - y.mean(axis=-1, keepdims=True)
    sxx, stt, sxt = (xc * xc).sum(-1), (tc * tc).sum(-1), (xc * tc).sum(-1)
    sxy, sty = (xc * yc).sum(-1), (tc * yc).sum(-1)
    det = sxx * stt - sxt**2
    ok = (sxx > 0) & (stt > 0) & (det > 1e-10 * sxx * stt)  # collinear compute and date: no separate slopes
    safe = np.where(ok, det, 1.0)
    b = (stt * sxy - sxt * sty) / safe
    c = (sxx * sty - sxt * sxy) / safe
    return b, c, ok


def regression_halving(date_years: ArrayLike, log10_compute: ArrayLike, score: ArrayLike, *,
                       scale_min: float | None, scale_max: float | None, chance: float | None, n_boot: int,
                       level: float, seed: int, min_models: int = DEFAULT_MIN_MODELS,
                       eps: float = DEFAULT_EPS) -> Halving:
    """Halving time of the compute needed for a fixed score, from ``y = a + b·log10C + c·t`` (OLS).

    ``y`` is :func:`transform_score` of the score. Holding ``y`` fixed, ``d(log10 C)/dt = −c/b``, so the compute
    needed halves every ``12·log10(2)/(c/b)`` months. The interval is a percentile bootstrap over models (rows
    resampled with replacement ``n_boot`` times from ``numpy.random.default_rng(seed)``); see the module's
    conventions for replicates without progress. Fewer than ``min_models`` usable rows (never fewer than 3),
    a singular design (one date, or compute and date collinear), or ``b ≤ 0`` (the score does not rise with
    compute, so compute cannot stand in for progress) give no estimate; ``c ≤ 0`` (no progress) gives an
    infinite halving time. Each with a reason.
    """
    _check_level(level)
    t, x, score_ = _clean(date_years, log10_compute, score)
    n = len(t)
    y = transform_score(score_, scale_min, scale_max, chance, eps)
    window = (float(t.min()), float(t.max())) if n else (None, None)

    def result(halving=None, low=None, high=None, b=None, c=None, rate=None, reason=None, samples=0,
               open_fraction=None, note=None) -> Halving:
        return Halving("regression", halving, low, high, level, n, *window, b, c, None, rate, reason, n,
                       None, None, samples, open_fraction, note)

    need = max(min_models, 3)
    if n < need:
        return result(reason=f"not enough models: {n} with a date, a compute and a score; {need} needed")
    b_, c_, ok_ = _ols_bc(x[None], t[None], y[None])
    b, c = float(b_[0]), float(c_[0])
    if not ok_[0]:
        return result(reason="compute and date are collinear (or constant): their effects cannot be separated")
    if b <= 0:
        return result(b=b, c=c, reason=f"the score does not rise with compute (b = {b:.3g} ≤ 0)")
    rate = c / b
    reason = None if c > 0 else f"no progress: the score does not rise with date at fixed compute (c = {c:.3g} ≤ 0)"

    rng = np.random.default_rng(seed)
    idx = rng.integers(0, n, size=(n_boot, n))
    bb, cb, okb = _ols_bc(x[idx], t[idx], y[idx])
    bb, cb = bb[okb], cb[okb]
    rates = np.where(bb > 0, cb / np.where(bb > 0, bb, 1.0), 0.0)  # b ≤ 0: cannot bound the halving time
    halvings = np.where(rates > 0, MONTHS_PER_YEAR * LOG10_2 / np.where(rates > 0, rates, 1.0), np.inf)
    low, high, open_fraction, note = _interval(halvings, level)
    return result(halving_months(rate), low, high, b, c, rate, reason, int(okb.sum()), open_fraction, note)


# --- method "threshold frontier" ---------------------------------------------------------------------------

def _records_mask(t: np.ndarray, x: np.ndarray, score: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    """Record setters for each replicate and threshold. Inputs are (replicates, models), already sorted by
    date (ties: lower compute first); the result is a (replicates, thresholds, models) boolean mask.

    A model is a record setter for a threshold when it scores at or above it and its compute is strictly
    lower than that of every earlier model at or above it (so a model's duplicate in a resample, or a later
    model of equal compute, is not a new record)."""
    eligible = score[:, None, :] >= thresholds[None, :, None]
    cost = np.where(eligible, x[:, None, :], np.inf)
    best = np.minimum.accumulate(cost, axis=2)
    before = np.concatenate([np.full(best.shape[:2] + (1,), np.inf), best[:, :, :-1]], axis=2)
    return eligible & (x[:, None, :] < before)


def _sort_rows(t: np.ndarray, x: np.ndarray, score: np.ndarray) -> tuple[np.ndarray, ...]:
    order = np.lexsort((x, t), axis=-1)
    return tuple(np.take_along_axis(a, order, axis=-1) for a in (t, x, score)) + (order,)


def frontier_records(date_years: ArrayLike, log10_compute: ArrayLike, score: ArrayLike,
                     thresholds: Sequence[float]) -> list[ThresholdRecords]:
    """The record setters of each threshold (in the order given), in date order.

    Walking the models in date order (models of the same date: lower compute first), a model is a record
    setter for a threshold when its score is at or above the threshold and its compute is strictly lower than
    that of every earlier model at or above it; the first model to reach the threshold is one. Indices point
    into the input arrays. A threshold no model reaches has no record setters (an empty entry, not an error).
    """
    t0, x0, s0 = (np.asarray(a, dtype=float).ravel() for a in (date_years, log10_compute, score))
    if not len(t0) == len(x0) == len(s0):
        raise ValueError(f"date_years, log10_compute and score differ in length: {len(t0)}, {len(x0)}, {len(s0)}")
    keep = np.flatnonzero(np.isfinite(t0) & np.isfinite(x0) & np.isfinite(s0))
    thr = np.asarray(thresholds, dtype=float)
    t, x, s, order = _sort_rows(t0[keep][None], x0[keep][None], s0[keep][None])
    mask = _records_mask(t, x, s, thr)[0]
    out = []
    for k, threshold in enumerate(thr):
        pos = np.flatnonzero(mask[k])
        rows = keep[order[0, pos]]
        out.append(ThresholdRecords(float(threshold), tuple(int(i) for i in rows),
                                    tuple(float(v) for v in t0[rows]), tuple(float(v) for v in x0[rows])))
    return out


def _pooled_slope(t: np.ndarray, x: np.ndarray, mask: np.ndarray, min_points: int):
    """Common slope of x on t over the record setters, demeaned within each threshold, for each replicate.
    ``t``, ``x``: (replicates, models); ``mask``: (replicates, thresholds, models). Returns the slope, whether
    it is defined, the thresholds used (mask over thresholds) and the points used, per replicate."""
    m = mask.astype(float)
    tt, xx = t[:, None, :], x[:, None, :]
    n_k = m.sum(2)
    used = n_k >= max(min_points, 2)
    safe_n = np.where(n_k > 0, n_k, 1.0)
    st, sx = (m * tt).sum(2), (m * xx).sum(2)
    stt = (m * tt * tt).sum(2) - st * st / safe_n
    stx = (m * tt * xx).sum(2) - st * sx / safe_n
    den = np.where(used, stt, 0.0).sum(1)
    num = np.where(used, stx, 0.0).sum(1)
    ok = den > 1e-12
    return np.where(ok, num / np.where(ok, den, 1.0), np.nan), ok, used, np.where(used, n_k, 0).sum(1)


def frontier_halving(date_years: ArrayLike, log10_compute: ArrayLike, score: ArrayLike,
                     thresholds: Sequence[float], *, n_boot: int, level: float, seed: int,
                     min_points: int = DEFAULT_MIN_POINTS, min_models: int = DEFAULT_MIN_MODELS) -> Halving:
    """Halving time of the compute needed for a fixed score, from the record setters of score thresholds.

    For each threshold (score units; see :func:`ladder`) the record setters are found as in
    :func:`frontier_records`; thresholds with fewer than ``min_points`` of them (never fewer than 2) are
    dropped. The log10 compute of the record setters is fitted on date with one intercept per threshold
    (demeaned within threshold) and a common slope ``s``; the halving time is ``12·log10(2)/(−s)`` months,
    infinite when ``s ≥ 0``. The bootstrap resamples models and finds the record setters again in each
    replicate (a replicate may so use other thresholds than the full sample).

    The record setters are the extremes of the catalogue, so the estimate is only as good as the catalogue
    is dense near the frontier. Record setters' compute falls strictly by construction (a record must beat
    every earlier one), so ``s < 0`` whenever it is defined: the method cannot find "no progress", and with
    few models or none (the running minimum of draws without any trend still falls: record statistics) it
    reports progress that is not there. A record also stands above the true frontier until a cheaper model
    arrives. Its bootstrap interval inherits this (resampling cannot produce a cheaper model than the
    catalogue holds) and is narrower than its error: read it as a lower bound on the uncertainty.
    """
    _check_level(level)
    t, x, sc = _clean(date_years, log10_compute, score)
    n = len(t)
    thr = np.asarray(thresholds, dtype=float)

    def result(halving=None, low=None, high=None, s=None, reason=None, window=(None, None), n_points=0,
               used=None, samples=0, open_fraction=None, note=None) -> Halving:
        rate = -s if s is not None else None
        used_thr = tuple(float(v) for v in thr[used]) if used is not None else None
        return Halving("threshold_frontier", halving, low, high, level, n, *window, None, None, s, rate, reason,
                       n_points, len(used_thr) if used_thr is not None else 0, used_thr, samples, open_fraction,
                       note)

    if n < max(min_models, 2):
        return result(reason=f"not enough models: {n} with a date, a compute and a score; "
                             f"{max(min_models, 2)} needed")
    if len(thr) == 0:
        return result(reason="no thresholds given")
    tm = t.mean()  # centre dates: the within-threshold sums of squares stay exact
    ts, xs, ss, _ = _sort_rows((t - tm)[None], x[None], sc[None])
    mask = _records_mask(ts, xs, ss, thr)
    slope, ok, used, n_points = _pooled_slope(ts, xs, mask, min_points)
    used = used[0]
    if not used.any():
        return result(reason=f"no threshold has {max(min_points, 2)} record setters", used=used)
    pts = mask[0][used].any(axis=0)
    window = (float(ts[0][pts].min() + tm), float(ts[0][pts].max() + tm))
    if not ok[0]:
        return result(reason="the record setters of each threshold share one date: no slope", window=window,
                      n_points=int(n_points[0]), used=used)
    s = float(slope[0])
    reason = None if s < 0 else f"no progress: the record setters' compute does not fall (s = {s:.3g} ≥ 0)"

    rng = np.random.default_rng(seed)
    idx = rng.integers(0, n, size=(n_boot, n))
    chunk = max(1, _CHUNK_CELLS // max(1, n * len(thr)))
    slopes = []
    for i in range(0, n_boot, chunk):
        part = idx[i:i + chunk]
        bt, bx, bs, _ = _sort_rows(t[part] - tm, x[part], sc[part])
        sl, okb, _, _ = _pooled_slope(bt, bx, _records_mask(bt, bx, bs, thr), min_points)
        slopes.append(sl[okb])
    boot = np.concatenate(slopes) if slopes else np.empty(0)
    halvings = np.where(boot < 0, MONTHS_PER_YEAR * LOG10_2 / np.where(boot < 0, -boot, 1.0), np.inf)
    low, high, open_fraction, note = _interval(halvings, level)
    return result(halving_months(-s), low, high, s, reason, window, int(n_points[0]), used, len(boot),
                  open_fraction, note)
