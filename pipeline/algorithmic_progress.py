"""algorithmic_progress: how fast the training compute needed for a fixed benchmark score falls.

Per benchmark, the models of ``benchmark_scores`` with a training-compute figure that are not known to be
distilled (a distilled model learns from a larger model's outputs, so its own compute understates what its
capability cost) are fitted by two methods of ``compute_atlas.stats.algorithmic``: a regression of the
score on log compute and date, and the threshold frontier over a ladder of the step of ``capability_frontier``
(but from above the lowest fitted score, so that no rung is met by every model). Each
estimate is set beside the published estimate of algorithmic progress in the benchmark's domain. The
interval level, resamples, seed, fewest models and points, ladder step and logit clip come from
``parameters``.

What is measured is the training compute at which models reach a downstream score, not Ho et al. 2024's
perplexity: an estimate here is set beside theirs, it does not replicate it. Two kinds of benchmark are kept
apart:

- a benchmark on a bounded scale without a chance floor (``benchmarks.chance_score`` empty, e.g. TruthfulQA,
  where larger models can score lower) gives no estimate: the regression's score is a position between chance
  and the ceiling, and without a floor a rising score does not mean a rising capability;
- a benchmark whose fitted models come mostly (at least ``reasoning-era-min-share-frac``) from the reasoning era
  (scored by a version released in or after ``reasoning-era-first-year``) is marked ``era = 'reasoning'``: its scores owe much to
  post-training and test-time compute, which the training compute does not count, so its rate is not a rate
  of training-compute efficiency like the others'.
"""

from __future__ import annotations

import datetime as dt
import math

from compute_atlas.publish.steps import parameter, relation_frame
from compute_atlas.stats import algorithmic
from compute_atlas.stats.trends import DAYS_PER_YEAR, intervals_meet

EPOCH = dt.date(2000, 1, 1)

MODELS = """
    SELECT s.score_date, s.training_compute_flop, s.score
    FROM benchmark_scores s
    WHERE s.benchmark_id = ? AND s.training_compute_flop IS NOT NULL AND s.is_distilled IS NOT TRUE
    ORDER BY s.score_date, s.run_id"""

#: the published estimate beside ours: algorithmic progress in the benchmark's domain, with an interval
PUBLISHED = """
    SELECT trend_id, value, ci_low, ci_high, interval_level_frac FROM published_trends
    WHERE quantity = 'algorithmic_efficiency_' || ? AND value_kind = 'halving_time_months' AND ci_low IS NOT NULL
    ORDER BY trend_id LIMIT 1"""


def decimal_year(d: dt.date) -> float:
    return 2000 + (d - EPOCH).days / DAYS_PER_YEAR


def date_of(year: float | None) -> dt.date | None:
    return None if year is None else EPOCH + dt.timedelta(days=round((year - 2000) * DAYS_PER_YEAR))


def finite(x: float | None) -> float | None:
    return x if x is not None and math.isfinite(x) else None


def derive(con):
    level = parameter(con, "interval-level-frac")
    n_boot = int(parameter(con, "bootstrap-samples"))
    seed = int(parameter(con, "bootstrap-seed"))
    min_points = int(parameter(con, "minimum-fit-points"))
    min_models = int(parameter(con, "algorithmic-progress-min-models"))
    step = parameter(con, "capability-ladder-step-points")
    eps = parameter(con, "capability-logit-clip-frac")
    era_year = int(parameter(con, "reasoning-era-first-year"))
    era_share = parameter(con, "reasoning-era-min-share-frac")
    rows = []
    benchmarks = con.execute("SELECT benchmark_id, domain, scale_min, scale_max, chance_score, higher_is_better "
                             "FROM benchmarks ORDER BY benchmark_id").fetchall()
    for benchmark_id, domain, lo, hi, chance, higher in benchmarks:
        points = con.execute(MODELS, [benchmark_id]).fetchall()
        t = [decimal_year(d) for d, _, _ in points]
        logc = [math.log10(c) for _, c, _ in points]
        if not higher:  # orient the scale so that higher is better
            lo, hi, chance = (None if hi is None else -hi), (None if lo is None else -lo), \
                (None if chance is None else -chance)
        score = [s if higher else -s for _, _, s in points]
        share = sum(d.year >= era_year for d, _, _ in points) / len(points) if points else None
        era = None if share is None else "reasoning" if share >= era_share else "pre_reasoning"
        no_floor = lo is not None and hi is not None and chance is None
        published = con.execute(PUBLISHED, [domain]).fetchall()
        pub = dict(zip(["trend_id", "value", "low", "high", "level"], published[0])) if published else {}
        rungs = algorithmic.ladder(lo, hi, step, min(score), max(score), chance=chance) if score else []
        fits = {
            "regression": algorithmic.regression_halving(
                t, logc, score, scale_min=lo, scale_max=hi, chance=chance, eps=eps, n_boot=n_boot, level=level,
                seed=seed, min_models=min_models),
            "frontier": algorithmic.frontier_halving(
                t, logc, score, rungs, n_boot=n_boot, level=level, seed=seed, min_points=min_points,
                min_models=min_models),
        }
        for method, fit in fits.items():
            h = finite(fit.halving_months)
            low, high = (finite(fit.low), finite(fit.high)) if h is not None else (None, None)
            reason = fit.reason or fit.note or None
            if era == "reasoning" and h is not None:
                reason = "; ".join(filter(None, [reason, (
                    "reasoning era: post-training and test-time compute, which the training compute does not count, "
                    "raise these scores; not compared with the published estimate")]))
            if no_floor:  # kept out of the fits: no estimate, and the note says why
                h = low = high = None
                reason = "; ".join(filter(None, [fit.reason, (
                    "no chance floor: the benchmark's scale has no chance score, so a rising score is not a rising "
                    "position above chance (larger models can score lower); kept out of the fits")]))
            rows.append({
                "benchmark_id": benchmark_id, "fit_method": method, "halving_time_months": h,
                "halving_time_months_low": low, "halving_time_months_high": high,
                "interval_level_frac": level if h is not None else None,
                "compute_fall_per_year_x": 2 ** (12 / h) if h is not None else None,
                "n_models": fit.n_models, "era": era, "reasoning_era_share_frac": share,
                "n_thresholds": fit.n_thresholds if method == "frontier" else None,
                "window_start": date_of(fit.window_start), "window_end": date_of(fit.window_end),
                "published_trend_id": pub.get("trend_id"), "published_halving_time_months": pub.get("value"),
                "published_halving_time_months_low": pub.get("low"),
                "published_halving_time_months_high": pub.get("high"),
                "published_interval_level_frac": pub.get("level"),
                # a reasoning-era rate is not one of training-compute efficiency: it is not compared
                "intervals_overlap": intervals_meet(low, high, pub.get("low"), pub.get("high"))
                if h is not None and era != "reasoning" else None,
                "notes": reason,
            })
    return relation_frame("algorithmic_progress", rows)
