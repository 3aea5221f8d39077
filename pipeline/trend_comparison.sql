-- trend_comparison: our fits and the published estimates of the same quantities,
-- each as a growth factor per year and a doubling time.
-- Inputs (declared in its schema): trend_fits, published_trends.
WITH published AS (
    SELECT *,
        CASE value_kind
            WHEN 'doubling_time_years' THEN 1.0
            WHEN 'halving_time_years' THEN 1.0
            WHEN 'doubling_time_months' THEN 12.0
            WHEN 'halving_time_months' THEN 12.0
        END AS per_year  -- periods of the value's time unit per year, for times
    FROM published_trends
),
converted AS (
    SELECT
        quantity,
        trend_id,
        subset,
        CASE WHEN value_kind = 'growth_per_year_x' THEN value
             WHEN value_kind = 'growth_per_year_oom' THEN pow(10, value)
             WHEN value_kind = 'decline_per_year_x' THEN 1 / value
             ELSE pow(2, per_year / value) END AS growth,
        -- a longer doubling time is slower growth: the interval's ends swap
        CASE WHEN value_kind = 'growth_per_year_x' THEN ci_low
             WHEN value_kind = 'growth_per_year_oom' THEN pow(10, ci_low)
             WHEN value_kind = 'decline_per_year_x' THEN 1 / ci_high
             ELSE pow(2, per_year / ci_high) END AS growth_low,
        CASE WHEN value_kind = 'growth_per_year_x' THEN ci_high
             WHEN value_kind = 'growth_per_year_oom' THEN pow(10, ci_high)
             WHEN value_kind = 'decline_per_year_x' THEN 1 / ci_low
             ELSE pow(2, per_year / ci_low) END AS growth_high,
        interval_level_frac,
        CASE WHEN start_year IS NULL THEN NULL ELSE start_year || '–' || end_year END AS year_range,
        n_points,
        source
    FROM published
)
SELECT
    quantity,
    'ours' AS origin,
    fit_id AS estimate_id,
    subset,
    growth_per_year_x,
    growth_per_year_x_low,
    growth_per_year_x_high,
    doubling_time_years,
    interval_level_frac,
    year(start_date) || '–' || year(end_date) AS year_range,
    n_points,
    NULL AS source
FROM trend_fits
UNION ALL
SELECT
    quantity,
    'published',
    trend_id,
    subset,
    growth,
    growth_low,
    growth_high,
    ln(2) / ln(growth),
    interval_level_frac,
    year_range,
    n_points,
    source
FROM converted
WHERE quantity IN (SELECT quantity FROM trend_fits)
ORDER BY quantity, origin DESC, estimate_id
