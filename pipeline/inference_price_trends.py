"""inference_price_trends: how fast the cheapest price of a fixed capability falls.

Per threshold of ``inference_thresholds``, the record setters of ``inference_price_frontier`` (each
distinct cheapest observation, in date order) are fitted log-linearly with ``compute_atlas.stats.trends``
(interval level, resamples, seed and fewest points from ``parameters``), as Cottier et al. 2025 fit
the lowest-priced models over time, and set beside the published rate of ``published_trends``.
"""

from __future__ import annotations

from compute_atlas.publish.steps import parameter, relation_frame
from compute_atlas.stats.trends import intervals_meet, try_fit

RECORDS = """
    SELECT min_price_observed_date, any_value(min_blended_usd_per_mtok)
    FROM inference_price_frontier WHERE threshold_id = ?
    GROUP BY min_price_id, min_price_observed_date ORDER BY min_price_observed_date"""


def derive(con):
    level = parameter(con, "interval-level-frac")
    samples = int(parameter(con, "bootstrap-samples"))
    seed = int(parameter(con, "bootstrap-seed"))
    fewest = int(parameter(con, "minimum-fit-points"))
    thresholds = con.execute("""
        SELECT t.threshold_id, t.benchmark_id, r.score, t.published_trend_id, p.value, p.ci_low, p.ci_high,
               p.interval_level_frac,
               (SELECT count(*) FROM benchmark_scores s WHERE s.benchmark_id = t.benchmark_id
                  AND CASE WHEN b.higher_is_better THEN s.score >= r.score ELSE s.score <= r.score END),
               (SELECT max(n_models_priced) FROM inference_price_frontier f WHERE f.threshold_id = t.threshold_id)
        FROM inference_thresholds t JOIN benchmarks b USING (benchmark_id)
        LEFT JOIN benchmark_scores r ON r.benchmark_id = t.benchmark_id AND r.run_id = t.reference_run_id
        LEFT JOIN published_trends p ON p.trend_id = t.published_trend_id
        ORDER BY t.threshold_id""").fetchall()
    rows = []
    for tid, bench, score, pub_id, pub, pub_low, pub_high, pub_level, n_reaching, n_priced in thresholds:
        points = con.execute(RECORDS, [tid]).fetchall()
        row = {"threshold_id": tid, "benchmark_id": bench, "threshold_score": score, "n_points": len(points),
               "n_models_reaching": n_reaching, "n_candidate_models": n_priced or 0, "published_trend_id": pub_id,
               "published_decline_per_year_x": pub, "published_decline_per_year_x_low": pub_low,
               "published_decline_per_year_x_high": pub_high, "published_interval_level_frac": pub_level}
        if points:
            row["window_start"], row["window_end"] = points[0][0], points[-1][0]
        fit, why = try_fit([d for d, _ in points], [p for _, p in points], fewest=fewest, samples=samples, seed=seed,
                           level=level)
        if fit is None:
            row["notes"] = (f"too few record setters: {len(points)} of the {fewest} a fit needs"
                            if 0 < len(points) < fewest else
                            f"no fit of the record setters: {why}" if points else
                            "the reference model has no score on this benchmark" if score is None else
                            "no model that reaches the threshold has a price")
            rows.append(row)
            continue
        row.update({"decline_per_year_x": 10 ** -fit.slope, "decline_per_year_x_low": 10 ** -fit.slope_high,
                    "decline_per_year_x_high": 10 ** -fit.slope_low, "interval_level_frac": level,
                    "fitted_start_usd_per_mtok": 10 ** fit.intercept,
                    "intervals_overlap": intervals_meet(10 ** -fit.slope_high, 10 ** -fit.slope_low, pub_low, pub_high)})
        if fit.slope >= 0:
            row["notes"] = "the cheapest price did not fall over the window"
        rows.append(row)
    return relation_frame("inference_price_trends", rows)

