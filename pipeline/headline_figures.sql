-- headline_figures: the numbers the site's prose quotes, by name.
-- Reads: accelerators, accelerator_efficiency, trend_fits, glossary, references,
-- training_runs, cloud_prices, electricity, techniques, technique_results.
WITH figures(figure_id, value, unit, description) AS (
    SELECT 'accelerators_count', count(*), 'count', 'Accelerators in the dataset.' FROM accelerators
    UNION ALL SELECT 'accelerator_vendors_count', count(DISTINCT vendor), 'count', 'Vendors of the accelerators.' FROM accelerators
    UNION ALL SELECT 'accelerators_first_year', min(year(release_date)), 'year', 'Earliest release year.' FROM accelerators
    UNION ALL SELECT 'accelerators_last_year', max(year(release_date)), 'year', 'Latest release year.' FROM accelerators
    UNION ALL SELECT 'accelerators_priced_count', count(*), 'count', 'Accelerators with a sourced launch price.'
        FROM accelerators WHERE launch_price_usd IS NOT NULL
    UNION ALL SELECT 'references_count', count(*), 'count', 'Sources cited.' FROM "references"
    UNION ALL SELECT 'glossary_terms_count', count(*), 'count', 'Terms in the glossary.' FROM glossary
    UNION ALL SELECT 'training_runs_count', count(*), 'count', 'Training runs in the dataset.' FROM training_runs
    UNION ALL SELECT 'cloud_prices_count', count(*), 'count', 'Cloud prices in the dataset.' FROM cloud_prices
    UNION ALL SELECT 'electricity_regions_count', count(*), 'count', 'Regions with electricity data.' FROM electricity
    UNION ALL SELECT 'techniques_count', count(*), 'count', 'Techniques in the catalog.' FROM techniques
    UNION ALL SELECT 'technique_results_count', count(*), 'count', 'Measured technique results.' FROM technique_results
    UNION ALL SELECT 'h100_sxm_bf16_flop_per_s', peak_flop_per_s, 'FLOP/s', 'Dense BF16 peak of the H100 SXM5.'
        FROM accelerator_efficiency WHERE accelerator_id = 'nvidia-h100-sxm5-80gb' AND precision = 'bf16'
    UNION ALL SELECT 'best_bf16_flop_per_s_per_usd_2024', max(flop_per_s_per_usd_2024), 'FLOP/s per USD',
        'Highest BF16 FLOP/s per launch-price dollar (2024 dollars).' FROM accelerator_efficiency WHERE precision = 'bf16'
    UNION ALL SELECT 'best_tensor16_flop_per_s_per_watt', max(flop_per_s_per_watt), 'FLOP/s per W',
        'Highest 16-bit tensor FLOP/s per watt.' FROM accelerator_efficiency
        WHERE precision IN ('bf16', 'fp16') AND is_tensor_rate
    UNION ALL SELECT replace(replace(fit_id, ':', '__'), '-', '_') || '__doubling_years', doubling_time_years, 'years',
        'Doubling time of ' || fit_id || '.' FROM trend_fits
    UNION ALL SELECT replace(replace(fit_id, ':', '__'), '-', '_') || '__growth_x', growth_per_year_x, 'x',
        'Growth per year of ' || fit_id || '.' FROM trend_fits
    UNION ALL SELECT replace(replace(fit_id, ':', '__'), '-', '_') || '__growth_low_x', growth_per_year_x_low, 'x',
        'Low end of the 90 % interval of the growth per year of ' || fit_id || '.' FROM trend_fits
    UNION ALL SELECT replace(replace(fit_id, ':', '__'), '-', '_') || '__growth_high_x', growth_per_year_x_high, 'x',
        'High end of the 90 % interval of the growth per year of ' || fit_id || '.' FROM trend_fits
    UNION ALL SELECT replace(replace(fit_id, ':', '__'), '-', '_') || '__points', n_points, 'count',
        'Points behind ' || fit_id || '.' FROM trend_fits
)
SELECT figure_id, CAST(value AS DOUBLE) AS value, unit, description
FROM figures
WHERE value IS NOT NULL
ORDER BY figure_id
