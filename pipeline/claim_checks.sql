-- claim_checks: each quoted claim against the measured results of its techniques.
-- Reads: technique_claims, technique_effects.
WITH claim_techniques AS (
    SELECT claim_id, unnest(string_split(technique_ids, ';')) AS technique_id FROM technique_claims
),
matched AS (
    SELECT c.claim_id, e.effect_x
    FROM technique_claims c
    JOIN claim_techniques ct USING (claim_id)
    JOIN technique_effects e ON e.technique_id = ct.technique_id AND e.metric = c.metric
),
counted AS (
    SELECT
        c.claim_id, c.claim, c.metric, c.low_x, c.high_x,
        count(m.effect_x) AS n_results,
        count(m.effect_x) FILTER (WHERE m.effect_x BETWEEN coalesce(c.low_x, 0) AND c.high_x) AS n_within,
        count(m.effect_x) FILTER (WHERE m.effect_x < coalesce(c.low_x, 0)) AS n_below,
        count(m.effect_x) FILTER (WHERE m.effect_x > c.high_x) AS n_above,
        median(m.effect_x) AS median_x,
        min(m.effect_x) AS min_x,
        max(m.effect_x) AS max_x
    FROM technique_claims c
    LEFT JOIN matched m USING (claim_id)
    GROUP BY ALL
)
SELECT *,
    CASE WHEN n_results = 0 THEN 'no data'
         WHEN median_x BETWEEN coalesce(low_x, 0) AND high_x AND 2 * n_within >= n_results THEN 'holds'
         WHEN n_within > 0 THEN 'partly'
         ELSE 'does not hold' END AS verdict
FROM counted
ORDER BY claim_id
