-- technique_effects: each measured result as one improvement factor.
-- Reads: technique_results, techniques.
SELECT
    r.result_id,
    r.technique_id,
    t.name AS technique,
    t.category,
    r.metric,
    r.model,
    r.task,
    r.accelerator_id,
    CASE r.better WHEN 'higher' THEN r.treated_value / r.baseline_value
                  ELSE r.baseline_value / r.treated_value END AS effect_x,
    r.quality_metric,
    r.quality_baseline,
    r.quality_treated,
    r.source
FROM technique_results r
JOIN techniques t USING (technique_id)
ORDER BY r.result_id
