-- inference_price_frontier: per fixed capability and month, the cheapest blended price observed by then among
-- models that reach it.
-- Inputs (declared in its schema): inference_prices, inference_thresholds, benchmark_scores, benchmarks,
-- assumptions (inference-blend-input-share-frac).
-- The threshold is the reference model's own score; scores are oriented so that higher is better.
WITH share AS (
    SELECT value AS input_share FROM assumptions WHERE assumption_id = 'inference-blend-input-share-frac'
),
prices AS (
    SELECT p.price_id, p.run_id, p.provider, p.observed_date,
           coalesce(p.blended_usd_per_mtok,
                    share.input_share * p.input_usd_per_mtok + (1 - share.input_share) * p.output_usd_per_mtok)
               AS blended_usd_per_mtok
    FROM inference_prices p, share
),
thresholds AS (
    SELECT t.threshold_id, t.benchmark_id, r.score AS threshold_score,
           CASE WHEN b.higher_is_better THEN 1 ELSE -1 END AS sign
    FROM inference_thresholds t
    JOIN benchmarks b USING (benchmark_id)
    JOIN benchmark_scores r ON r.benchmark_id = t.benchmark_id AND r.run_id = t.reference_run_id
),
qualifying AS (
    SELECT t.threshold_id, t.benchmark_id, t.threshold_score, s.score, p.*
    FROM thresholds t
    JOIN benchmark_scores s ON s.benchmark_id = t.benchmark_id AND t.sign * s.score >= t.sign * t.threshold_score
    JOIN prices p ON p.run_id = s.run_id
    WHERE p.blended_usd_per_mtok IS NOT NULL
),
months AS (
    SELECT q.threshold_id, last_day(m) AS as_of_date
    FROM (SELECT threshold_id, min(observed_date) AS first FROM qualifying GROUP BY 1) q,
         (SELECT max(observed_date) AS last FROM prices) l,
         range(date_trunc('month', q.first), l.last + INTERVAL 1 DAY, INTERVAL 1 MONTH) AS r(m)
)
SELECT
    m.threshold_id,
    any_value(q.benchmark_id) AS benchmark_id,
    any_value(q.threshold_score) AS threshold_score,
    m.as_of_date,
    min(q.blended_usd_per_mtok) AS min_blended_usd_per_mtok,
    arg_min(q.price_id, (q.blended_usd_per_mtok, q.observed_date, q.price_id)) AS min_price_id,
    arg_min(q.run_id, (q.blended_usd_per_mtok, q.observed_date, q.price_id)) AS min_price_run_id,
    arg_min(q.provider, (q.blended_usd_per_mtok, q.observed_date, q.price_id)) AS min_price_provider,
    arg_min(q.observed_date, (q.blended_usd_per_mtok, q.observed_date, q.price_id)) AS min_price_observed_date,
    arg_min(q.score, (q.blended_usd_per_mtok, q.observed_date, q.price_id)) AS min_price_score,
    count(DISTINCT q.run_id) AS n_models_priced
FROM months m
JOIN qualifying q ON q.threshold_id = m.threshold_id AND q.observed_date <= m.as_of_date
GROUP BY m.threshold_id, m.as_of_date
ORDER BY m.threshold_id, m.as_of_date
