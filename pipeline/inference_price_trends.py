"""inference_price_trends: how fast the cheapest price of a fixed capability falls.

Per threshold of ``inference_thresholds``, the record setters of ``inference_price_frontier`` (each
distinct cheapest price, in order of the date it took effect) are fitted log-linearly with
``compute_atlas.stats.trends`` (interval level, resamples, seed and fewest points from ``parameters``), as
Cottier et al. 2025 fit the lowest-priced models over time. Only prices with an ``effective_date`` are in
the frontier, so none dated by the day a list was read enters a fit. Two fits per threshold: over all the
record setters, and the replication of the published rate, over the record setters inside the published
fit's own window (``published_window_start`` to ``published_window_end``), led by the cheapest price in
effect when the window opens, dated at the opening; the replication agrees when its central estimate lies
inside the published interval.
"""

from __future__ import annotations

from compute_atlas.publish.steps import parameter, relation_frame
from compute_atlas.stats.trends import intervals_meet, try_fit

RECORDS = """
    SELECT min_price_effective_date, any_value(min_blended_usd_per_mtok)
    FROM inference_price_frontier WHERE threshold_id = ?
    GROUP BY min_price_id, min_price_effective_date ORDER BY min_price_effective_date"""

#: The threshold: the reference model's score in `benchmark_results` for the version named (the one priced
#: first; the mean where several evaluators scored it), or, where none is named, its score in `benchmark_scores`.
THRESHOLD_SCORE = """CASE WHEN t.reference_model_version IS NULL THEN
    (SELECT r.score FROM benchmark_scores r WHERE r.benchmark_id = t.benchmark_id AND r.run_id = t.reference_run_id)
    ELSE (SELECT avg(br.score) FROM benchmark_results br WHERE br.run_id = t.reference_run_id
          AND br.benchmark_id = t.benchmark_id AND br.model_version = t.reference_model_version) END"""


def _why_no_fit(points, fewest, why, score) -> str:
    if 0 < len(points) < fewest:
        return f"too few record setters: {len(points)} of the {fewest} a fit needs"
    if points:
        return f"no fit of the record setters: {why}"
    if score is None:
        return "the reference model has no score on this benchmark"
    return "no model that reaches the threshold has a price with an effective date"


def derive(con):
    level = parameter(con, "interval-level-frac")
    samples = int(parameter(con, "bootstrap-samples"))
    seed = int(parameter(con, "bootstrap-seed"))
    fewest = int(parameter(con, "minimum-fit-points"))
    thresholds = con.execute(f"""
        WITH t AS (SELECT t.*, {THRESHOLD_SCORE} AS score FROM inference_thresholds t)
        SELECT t.threshold_id, t.benchmark_id, t.score, t.published_trend_id, p.value, p.ci_low, p.ci_high,
               p.interval_level_frac,
               (SELECT count(*) FROM benchmark_scores s WHERE s.benchmark_id = t.benchmark_id
                  AND CASE WHEN b.higher_is_better THEN s.score >= t.score ELSE s.score <= t.score END),
               (SELECT max(n_models_priced) FROM inference_price_frontier f WHERE f.threshold_id = t.threshold_id),
               t.published_window_start, t.published_window_end
        FROM t JOIN benchmarks b USING (benchmark_id)
        LEFT JOIN published_trends p ON p.trend_id = t.published_trend_id
        ORDER BY t.threshold_id""").fetchall()
    rows = []
    for (tid, bench, score, pub_id, pub, pub_low, pub_high, pub_level, n_reaching, n_priced,
         win_start, win_end) in thresholds:
        points = con.execute(RECORDS, [tid]).fetchall()
        row = {"threshold_id": tid, "benchmark_id": bench, "threshold_score": score, "n_points": len(points),
               "n_models_reaching": n_reaching, "n_candidate_models": n_priced or 0, "published_trend_id": pub_id,
               "published_decline_per_year_x": pub, "published_decline_per_year_x_low": pub_low,
               "published_decline_per_year_x_high": pub_high, "published_interval_level_frac": pub_level}
        notes = []
        if points:
            row["window_start"], row["window_end"] = points[0][0], points[-1][0]
        fit, why = try_fit([d for d, _ in points], [p for _, p in points], fewest=fewest, samples=samples, seed=seed,
                           level=level)
        if fit is None:
            notes.append(_why_no_fit(points, fewest, why, score))
        else:
            row.update({"decline_per_year_x": 10 ** -fit.slope, "decline_per_year_x_low": 10 ** -fit.slope_high,
                        "decline_per_year_x_high": 10 ** -fit.slope_low, "interval_level_frac": level,
                        "fitted_start_usd_per_mtok": 10 ** fit.intercept,
                        "intervals_overlap": intervals_meet(10 ** -fit.slope_high, 10 ** -fit.slope_low, pub_low,
                                                            pub_high)})
            if fit.slope >= 0:
                notes.append("the cheapest price did not fall over the window")
        if win_start is not None and win_end is not None:
            inside = [(d, p) for d, p in points if win_start <= d <= win_end]
            before = [(d, p) for d, p in points if d < win_start]
            if before and (not inside or inside[0][0] > win_start):
                # the cheapest price in effect when the published window opens is its first point, dated at the
                # opening (as the published fit starts at the reference model's first price)
                inside.insert(0, (win_start, before[-1][1]))
            row["replication_n_points"] = len(inside)
            rep, rwhy = try_fit([d for d, _ in inside], [p for _, p in inside], fewest=fewest, samples=samples,
                                seed=seed, level=level)
            if rep is None:
                notes.append("replication (published window): " + _why_no_fit(inside, fewest, rwhy, score))
            else:
                central = 10 ** -rep.slope
                row.update({"replication_decline_per_year_x": central,
                            "replication_decline_per_year_x_low": 10 ** -rep.slope_high,
                            "replication_decline_per_year_x_high": 10 ** -rep.slope_low})
                if pub_low is not None and pub_high is not None:
                    row["replication_agrees"] = bool(pub_low <= central <= pub_high)
        if notes:
            row["notes"] = "; ".join(notes)
        rows.append(row)
    return relation_frame("inference_price_trends", rows)
