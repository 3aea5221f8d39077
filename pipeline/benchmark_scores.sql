-- benchmark_scores: one score per model and benchmark (the result the derived relations use).
-- Inputs (declared in its schema): benchmark_results, benchmarks, training_runs, training_run_costs, model_versions.
-- Choice: a third party's result before the developer's, then the best score in the benchmark's direction,
-- then the result id (so the choice is deterministic). score_date dates the score by its version (a later
-- dated version of the model has its version_date in model_versions).
WITH ranked AS (
    SELECT r.*, b.score_unit,
           row_number() OVER (PARTITION BY r.run_id, r.benchmark_id
                              ORDER BY (r.evaluator_kind = 'third_party') DESC,
                                       CASE WHEN b.higher_is_better THEN r.score ELSE -r.score END DESC,
                                       r.benchmark_result_id) AS rank,
           count(*) OVER w AS n_results,
           count(DISTINCT r.evaluator) OVER w AS n_evaluators,
           max(r.score) OVER w - min(r.score) OVER w AS score_spread
    FROM benchmark_results r JOIN benchmarks b USING (benchmark_id)
    WINDOW w AS (PARTITION BY r.run_id, r.benchmark_id)
)
SELECT
    k.run_id, k.benchmark_id, t.model, t.organization, t.publication_date,
    coalesce(v.version_date, t.publication_date) AS score_date, t.domain,
    k.score, k.score_unit, k.benchmark_result_id, k.evaluator, k.evaluator_kind, k.n_results, k.n_evaluators, k.score_spread,
    t.training_compute_flop, t.compute_confidence, t.compute_estimation_method, t.is_distilled,
    c.cost_estimate_usd_2024 AS training_cost_usd_2024
FROM ranked k
JOIN training_runs t USING (run_id)
LEFT JOIN training_run_costs c USING (run_id)
LEFT JOIN model_versions v ON v.run_id = k.run_id AND v.model_version = k.model_version
WHERE k.rank = 1
ORDER BY k.benchmark_id, t.publication_date, k.run_id
