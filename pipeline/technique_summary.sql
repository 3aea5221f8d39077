-- technique_summary: distribution of improvement factors per technique and metric.
-- Reads: technique_effects.
SELECT
    technique_id,
    any_value(technique) AS technique,
    any_value(category) AS category,
    metric,
    count(*) AS n_results,
    median(effect_x) AS median_x,
    quantile_cont(effect_x, 0.25) AS q1_x,
    quantile_cont(effect_x, 0.75) AS q3_x,
    min(effect_x) AS min_x,
    max(effect_x) AS max_x,
    count(DISTINCT source) AS n_sources
FROM technique_effects
GROUP BY technique_id, metric
ORDER BY technique_id, metric
