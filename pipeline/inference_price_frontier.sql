-- inference_price_frontier: per fixed capability and month, the cheapest blended price in effect by then among
-- models that reach it. Only prices with an effective_date enter, dated by it (not by the day they were read).
-- Inputs (declared in its schema): inference_prices, inference_thresholds, benchmark_scores, benchmark_results,
-- benchmarks,
-- assumptions (inference-blend-input-share-frac).
-- The threshold is the reference model's own score (of the version priced first where one is named); scores are oriented so that higher is better.
WITH share AS (
    SELECT value AS input_share FROM assumptions WHERE assumption_id = 'inference-blend-input-share-frac'
),
prices AS (
    SELECT p.price_id, p.run_id, p.provider, p.effective_date,
           coalesce(p.blended_usd_per_mtok,
                    share.input_share * p.input_usd_per_mtok + (1 - share.input_share) * p.output_usd_per_mtok)
               AS blended_usd_per_mtok
    FROM inference_prices p, share
    WHERE p.effective_date IS NOT NULL
),
thresholds AS (
    -- the reference model's score: that of the version named (benchmark_results), else benchmark_scores'
    SELECT * FROM (
        SELECT t.threshold_id, t.benchmark_id, t.reference_run_id,
               CASE WHEN t.reference_model_version IS NULL THEN r.score
                    ELSE (SELECT avg(br.score) FROM benchmark_results br WHERE br.run_id = t.reference_run_id
                            AND br.benchmark_id = t.benchmark_id AND br.model_version = t.reference_model_version)
               END AS threshold_score,
               CASE WHEN b.higher_is_better THEN 1 ELSE -1 END AS sign
        FROM inference_thresholds t
        JOIN benchmarks b USING (benchmark_id)
        LEFT JOIN benchmark_scores r ON r.benchmark_id = t.benchmark_id AND r.run_id = t.reference_run_id)
    WHERE threshold_score IS NOT NULL
),
qualifying AS (
    SELECT t.threshold_id, t.benchmark_id, t.threshold_score, s.score, p.*
    FROM thresholds t
    -- the reference model reaches its own threshold even where benchmark_scores chose another version's result
    JOIN benchmark_scores s ON s.benchmark_id = t.benchmark_id
        AND (t.sign * s.score >= t.sign * t.threshold_score OR s.run_id = t.reference_run_id)
    JOIN prices p ON p.run_id = s.run_id
    WHERE p.blended_usd_per_mtok IS NOT NULL
),
months AS (
    SELECT q.threshold_id, last_day(m) AS as_of_date
    FROM (SELECT threshold_id, min(effective_date) AS first FROM qualifying GROUP BY 1) q,
         (SELECT max(effective_date) AS last FROM prices) l,
         range(date_trunc('month', q.first), l.last + INTERVAL 1 DAY, INTERVAL 1 MONTH) AS r(m)
)
SELECT
    m.threshold_id,
    any_value(q.benchmark_id) AS benchmark_id,
    any_value(q.threshold_score) AS threshold_score,
    m.as_of_date,
    min(q.blended_usd_per_mtok) AS min_blended_usd_per_mtok,
    arg_min(q.price_id, (q.blended_usd_per_mtok, q.effective_date, q.price_id)) AS min_price_id,
    arg_min(q.run_id, (q.blended_usd_per_mtok, q.effective_date, q.price_id)) AS min_price_run_id,
    arg_min(q.provider, (q.blended_usd_per_mtok, q.effective_date, q.price_id)) AS min_price_provider,
    arg_min(q.effective_date, (q.blended_usd_per_mtok, q.effective_date, q.price_id)) AS min_price_effective_date,
    arg_min(q.score, (q.blended_usd_per_mtok, q.effective_date, q.price_id)) AS min_price_score,
    count(DISTINCT q.run_id) AS n_models_priced
FROM months m
JOIN qualifying q ON q.threshold_id = m.threshold_id AND q.effective_date <= m.as_of_date
GROUP BY m.threshold_id, m.as_of_date
ORDER BY m.threshold_id, m.as_of_date
