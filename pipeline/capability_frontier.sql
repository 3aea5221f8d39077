-- capability_frontier: per benchmark, threshold of the ladder and year, the least training compute and cost
-- among the models that reach the threshold by the end of the year (dated by `score_date`: a score of a later
-- version of a model counts from that version's release).
-- Inputs (declared in its schema): benchmark_scores, benchmarks, parameters (capability-ladder-step-points).
-- Scores are oriented so that higher is better (negated for a lower-is-better benchmark) while the ladder is
-- built, and turned back for the output.
WITH step AS (
    SELECT value AS step FROM parameters WHERE parameter_id = 'capability-ladder-step-points'
),
scores AS (
    SELECT s.*, CASE WHEN b.higher_is_better THEN s.score ELSE -s.score END AS oriented
    FROM benchmark_scores s JOIN benchmarks b USING (benchmark_id)
),
bounds AS (
    SELECT b.benchmark_id, b.higher_is_better, b.score_unit,
           CASE WHEN b.higher_is_better THEN coalesce(b.chance_score, b.scale_min)
                ELSE -coalesce(b.chance_score, b.scale_max) END AS floor_oriented,
           CASE WHEN b.higher_is_better THEN b.scale_max ELSE -b.scale_min END AS ceiling_oriented,
           min(s.oriented) AS lowest, max(s.oriented) AS best,
           min(year(s.score_date)) AS first_year, max(year(s.score_date)) AS last_year
    FROM benchmarks b JOIN scores s USING (benchmark_id)
    GROUP BY ALL
),
ladder AS (
    SELECT d.benchmark_id, d.higher_is_better, d.score_unit, k * step.step AS oriented_threshold
    FROM bounds d, step,
         range(CAST(floor(coalesce(d.floor_oriented, d.lowest) / step.step) AS BIGINT) + 1,
               CAST(ceil(least(d.best, coalesce(d.ceiling_oriented, d.best)) / step.step) AS BIGINT) + 1) AS r(k)
),
years AS (
    SELECT benchmark_id, y AS year FROM bounds, range(first_year, last_year + 1) AS r(y)
)
SELECT
    l.benchmark_id,
    CASE WHEN l.higher_is_better THEN l.oriented_threshold ELSE -l.oriented_threshold END AS threshold_score,
    l.score_unit,
    y.year,
    make_date(y.year, 12, 31) AS as_of_date,
    count(s.run_id) > 0 AS is_reached,
    count(s.run_id) AS n_models_reaching,
    count(s.training_compute_flop) AS n_models_with_compute,
    min(s.training_compute_flop) AS min_compute_flop,
    arg_min(s.run_id, (s.training_compute_flop, s.run_id)) FILTER (WHERE s.training_compute_flop IS NOT NULL)
        AS min_compute_run_id,
    arg_min(s.score, (s.training_compute_flop, s.run_id)) FILTER (WHERE s.training_compute_flop IS NOT NULL)
        AS min_compute_score,
    min(s.training_cost_usd_2024) AS min_cost_usd_2024,
    arg_min(s.run_id, (s.training_cost_usd_2024, s.run_id)) FILTER (WHERE s.training_cost_usd_2024 IS NOT NULL)
        AS min_cost_run_id,
    count(s.training_cost_usd_2024) AS n_models_with_cost
FROM ladder l
JOIN years y USING (benchmark_id)
LEFT JOIN scores s ON s.benchmark_id = l.benchmark_id AND s.oriented >= l.oriented_threshold
                  AND year(s.score_date) <= y.year
GROUP BY l.benchmark_id, l.higher_is_better, l.score_unit, l.oriented_threshold, y.year
ORDER BY l.benchmark_id, threshold_score, y.year
