-- headline_figures: the numbers the site's prose quotes, by name.
-- Inputs (declared in its schema): most curated tables and the derived relations it summarises.
-- Each figure's current_to_date is declared beside its value: the newest observed or effective date among the rows
-- behind it (a row dated by a period, a year or a month: the period's last day, but no later than the newest date
-- any dataset observes, data_end; a row without a date of its own: the first day of the newest publication year of
-- the sources it cites, source_dates; a count of none: the newest date of the rows it could count). Empty only for
-- a constant the atlas chose and cites no source for (a parameter).
WITH landmark_access AS (
    -- the access effect of each language landmark, on the hardware and published algorithmic rates, to the last
    -- year within the data
    SELECT e.*, max(e.year) FILTER (WHERE NOT e.is_projection) OVER (PARTITION BY e.reference) AS last_year
    FROM compute_efficiency e JOIN landmark_runs l ON l.run_id = e.reference AND l.role = 'efficiency-reference'
    WHERE e.effect = 'access' AND e.domain = 'language' AND e.basis = 'hardware_and_algorithms'
),
fitted_replications AS (
    -- the replications with a verdict, by how agreement is judged and by what is replicated
    SELECT *,
        CASE overlap_rule WHEN 'intervals' THEN 'with_interval' WHEN 'rounding_range' THEN 'rounded'
             ELSE 'point' END AS rule_kind,
        CASE WHEN quantity LIKE '%training_compute%' THEN 'training'
             WHEN quantity LIKE '%training_cost%' THEN 'cost' ELSE 'hardware' END AS population_kind
    FROM trend_replications WHERE intervals_overlap IS NOT NULL
),
replication_groups(name, description) AS (
    VALUES ('with_interval', 'judged by the published interval (rule intervals)'),
           ('rounded', 'judged by the rounding range of the published figure (rule rounding_range)'),
           ('point', 'judged by the bare published figure (rule point_in_interval)'),
           ('hardware', 'of hardware estimates'), ('training', 'of training-compute estimates'),
           ('cost', 'of training-cost estimates')
),
data_end(day) AS (
    -- the newest date any curated dataset observes: a period's last day (a year's, a month's) counts no later
    SELECT greatest((SELECT max(release_date) FROM accelerators), (SELECT max(publication_date) FROM training_runs),
                    (SELECT max(price_date) FROM cloud_prices), (SELECT max(price_date) FROM hardware_prices),
                    (SELECT max(observed_date) FROM inference_prices),
                    (SELECT max(evaluated_date) FROM benchmark_results),
                    (SELECT max(measured_date) FROM measurements), (SELECT max(measured_date) FROM inference_energy),
                    (SELECT max(round_published_date) FROM mlperf_rounds))
),
source_dates(source, source_date) AS (
    -- rows without a date of their own (definitions, constants, measured effects): the first day of the newest
    -- publication year among the sources each cites (all a year says: the source was out by then)
    SELECT s.source, make_date(max(r.year), 1, 1)
    FROM (SELECT source FROM glossary UNION SELECT source FROM techniques UNION SELECT source FROM technique_results
          UNION SELECT source FROM technique_effects UNION SELECT source FROM parameters
          UNION SELECT source FROM assumptions UNION SELECT source FROM trend_comparison
          UNION SELECT source FROM claims) s
    JOIN "references" r ON list_contains(string_split(s.source, ';'), r.reference_key)
    GROUP BY s.source
),
figures(figure_id, value, unit, description, current_to_date) AS (
    SELECT 'accelerators_count', count(*), 'count', 'Accelerators in the dataset.', max(release_date)
        FROM accelerators
    UNION ALL SELECT 'accelerator_vendors_count', count(DISTINCT vendor), 'count', 'Vendors of the accelerators.',
        max(release_date) FROM accelerators
    UNION ALL SELECT 'accelerators_first_year', min(year(release_date)), 'year', 'Earliest release year.',
        max(release_date) FROM accelerators
    UNION ALL SELECT 'accelerators_last_year', max(year(release_date)), 'year', 'Latest release year.',
        max(release_date) FROM accelerators
    UNION ALL SELECT 'accelerators_priced_count', count(*), 'count', 'Accelerators with a sourced launch price.',
        max(release_date)
        FROM accelerators WHERE launch_price_usd IS NOT NULL
    UNION ALL SELECT 'references_count', count(*), 'count', 'Sources cited.', make_date(max(year), 1, 1)
        FROM "references"
    UNION ALL SELECT 'glossary_terms_count', count(*), 'count', 'Terms in the glossary.', max(source_date)
        FROM glossary LEFT JOIN source_dates USING (source)
    UNION ALL SELECT 'training_runs_count', count(*), 'count', 'Training runs in the dataset.',
        max(publication_date) FROM training_runs
    UNION ALL SELECT 'cloud_prices_count', count(*), 'count', 'Cloud prices in the dataset.', max(price_date)
        FROM cloud_prices
    UNION ALL SELECT 'electricity_regions_count', count(*), 'count', 'Regions with electricity data.',
        least(make_date(max(year), 12, 31), (SELECT day FROM data_end)) FROM electricity
    UNION ALL SELECT 'techniques_count', count(*), 'count', 'Techniques in the catalog.', max(source_date)
        FROM techniques LEFT JOIN source_dates USING (source)
    UNION ALL SELECT 'technique_results_count', count(*), 'count', 'Measured technique results.',
        max(source_date) FROM technique_results LEFT JOIN source_dates USING (source)
    UNION ALL SELECT 'h100_sxm_bf16_flop_per_s', peak_flop_per_s, 'flop_per_s', 'Dense BF16 peak of the H100 SXM5.',
        greatest(release_date, price_date)
        FROM accelerator_efficiency WHERE accelerator_id = 'nvidia-h100-sxm5-80gb' AND precision = 'bf16'
    UNION ALL SELECT 'best_bf16_flop_per_s_per_usd_2024', max(flop_per_s_per_usd_2024), 'flop_per_s_per_usd_2024',
        'Highest BF16 FLOP/s per launch-price dollar (2024 dollars) of any accelerator with a launch list price, '
        || 'all market segments: in practice a consumer card, since few data-centre chips have a list price.',
        max(greatest(release_date, price_date))
        FROM accelerator_efficiency WHERE precision = 'bf16'
    -- ML hardware: data-centre accelerators per dollar of the price of the data-centre fits (purchase price near launch)
    UNION ALL SELECT 'best_data_centre_tensor16_flop_per_s_per_usd_2024', max(fit_flop_per_s_per_usd_2024),
        'flop_per_s_per_usd_2024', 'Highest 16-bit tensor FLOP/s per 2024 dollar of purchase price near launch '
        || '(fit_price_usd_2024) among data-centre accelerators.', max(greatest(release_date, price_date))
        FROM accelerator_efficiency WHERE market_segment = 'data_centre' AND is_best_16bit_tensor
    UNION ALL SELECT 'data_centre_accelerators_count', count(*), 'count', 'Data-centre accelerators in the dataset.',
        max(release_date)
        FROM accelerators WHERE market_segment = 'data_centre'
    UNION ALL SELECT 'data_centre_fit_priced_count', count(DISTINCT accelerator_id), 'count',
        'Data-centre accelerators with a price for the price-performance fits (launch list price, else a purchase '
        || 'price near launch).', max(greatest(release_date, price_date))
        FROM accelerator_efficiency WHERE market_segment = 'data_centre' AND fit_price_usd_2024 IS NOT NULL
    UNION ALL SELECT 'data_centre_purchase_priced_count', count(DISTINCT accelerator_id), 'count',
        'Data-centre accelerators whose fit price is a purchase price near launch (fit_price_basis purchase_near_launch).',
        max(greatest(release_date, price_date))
        FROM accelerator_efficiency WHERE market_segment = 'data_centre' AND fit_price_basis = 'purchase_near_launch'
    -- the data-centre 16-bit fit beside each published estimate of FLOP/s per dollar (trend_comparison): by how much
    -- the growth per year differs, as a ratio, and the published figure itself
    UNION ALL SELECT 'published_' || replace(p.estimate_id, '-', '_') || '_growth_x', p.growth_per_year_x,
        'factor_per_year', 'Growth per year of published estimate ' || p.estimate_id || ' (trend_comparison).',
        s.source_date
        FROM trend_comparison p
        LEFT JOIN source_dates s ON s.source = p.source
        WHERE p.origin = 'published' AND p.quantity = 'flop_per_s_per_usd'
    UNION ALL SELECT 'data_centre_tensor16_over_' || replace(p.estimate_id, '-', '_') || '_growth_ratio_x',
        o.growth_per_year_x / p.growth_per_year_x, 'factor',
        'Growth per year of our fit flop_per_s_per_usd:data-centre-tensor-16bit over that of published estimate '
        || p.estimate_id || ' (above 1: ours is faster).',
        (SELECT end_date FROM trend_fits WHERE fit_id = o.estimate_id)
        FROM trend_comparison p
        JOIN trend_comparison o ON o.estimate_id = 'flop_per_s_per_usd:data-centre-tensor-16bit'
        WHERE p.origin = 'published' AND p.quantity = 'flop_per_s_per_usd'
    UNION ALL SELECT 'best_tensor16_flop_per_s_per_watt', max(flop_per_s_per_watt), 'flop_per_s_per_watt',
        'Highest 16-bit tensor FLOP/s per watt.', max(greatest(release_date, price_date)) FROM accelerator_efficiency
        WHERE is_best_16bit_tensor
    UNION ALL SELECT 'measurements_count', count(*), 'count', 'Rows of measurements.', max(measured_date)
        FROM measurements
    UNION ALL SELECT 'hardware_prices_count', count(*), 'count', 'Chip purchase prices.', max(price_date)
        FROM hardware_prices
    UNION ALL SELECT 'frontier_runs_count', count(*), 'count', 'Frontier runs.', max(publication_date)
        FROM training_runs WHERE is_frontier
    UNION ALL SELECT 'runs_with_hardware_count', count(*), 'count', 'Runs with hardware, count and duration.',
        max(greatest(publication_date, cloud_price_date, chip_price_date))
        FROM training_run_costs WHERE accelerator_id IS NOT NULL AND accelerator_count IS NOT NULL
        AND training_duration_hours IS NOT NULL
    UNION ALL SELECT 'runs_with_cost_count', count(*), 'count', 'Runs with a cost estimate.',
        max(greatest(publication_date, cloud_price_date, chip_price_date))
        FROM training_run_costs WHERE cost_estimate_usd_2024 IS NOT NULL
    UNION ALL SELECT 'runs_flagged_count', count(*), 'count',
        'Runs whose reported and estimated figures disagree (training_run_costs.disagreement_flag).',
        max(greatest(publication_date, cloud_price_date, chip_price_date))
        FROM training_run_costs WHERE disagreement_flag
    UNION ALL SELECT 'runs_costed_or_flagged_count', count(*), 'count',
        'Runs with a cost estimate or a disagreement flag (the costs page lists them).',
        max(greatest(publication_date, cloud_price_date, chip_price_date))
        FROM training_run_costs WHERE cost_estimate_usd_2024 IS NOT NULL OR disagreement_flag
    UNION ALL SELECT 'median_mfu_frac', median(mfu_frac), 'frac', 'Median model FLOP utilization.',
        max(greatest(publication_date, cloud_price_date, chip_price_date))
        FROM training_run_costs
    UNION ALL SELECT 'mfu_q1_frac', quantile_cont(mfu_frac, 0.25), 'frac', 'First quartile of MFU.',
        max(greatest(publication_date, cloud_price_date, chip_price_date)) FROM training_run_costs
    UNION ALL SELECT 'mfu_q3_frac', quantile_cont(mfu_frac, 0.75), 'frac', 'Third quartile of MFU.',
        max(greatest(publication_date, cloud_price_date, chip_price_date)) FROM training_run_costs
    UNION ALL SELECT 'claims_holding_count', count(*), 'count', 'Claims of the register our data support.',
        max(coalesce(c.quoted_date, s.source_date))
        FROM claim_checks LEFT JOIN claims c USING (claim_id)
        LEFT JOIN source_dates s ON s.source = c.source WHERE verdict = 'holds'
    UNION ALL SELECT 'claims_holding_in_part_count', count(*), 'count', 'Claims of the register that hold in part.',
        max(coalesce(c.quoted_date, s.source_date))
        FROM claim_checks LEFT JOIN claims c USING (claim_id)
        LEFT JOIN source_dates s ON s.source = c.source WHERE verdict = 'holds in part'
    UNION ALL SELECT 'claims_not_holding_count', count(*), 'count', 'Claims of the register our data contradict.',
        max(coalesce(c.quoted_date, s.source_date))
        FROM claim_checks LEFT JOIN claims c USING (claim_id)
        LEFT JOIN source_dates s ON s.source = c.source WHERE verdict = 'does not hold'
    UNION ALL SELECT 'claims_uncheckable_count', count(*), 'count', 'Claims of the register our data cannot check.',
        max(coalesce(c.quoted_date, s.source_date))
        FROM claim_checks LEFT JOIN claims c USING (claim_id)
        LEFT JOIN source_dates s ON s.source = c.source WHERE verdict = 'cannot be checked'
    UNION ALL SELECT 'claims_count', count(*), 'count', 'Claims in the register.',
        max(coalesce(c.quoted_date, s.source_date)) FROM claim_checks LEFT JOIN claims c USING (claim_id)
        LEFT JOIN source_dates s ON s.source = c.source
    UNION ALL SELECT 'efficiency_' || domain || '_' || basis || '_growth_x', any_value(rate_per_year_x),
        'factor_per_year',
        'Yearly fall in the cost of a fixed capability (' || domain || ', ' || basis || ').',
        least(make_date(max(year) FILTER (WHERE NOT is_projection), 12, 31), (SELECT day FROM data_end))
        FROM compute_efficiency WHERE effect = 'access' GROUP BY domain, basis
    UNION ALL SELECT 'efficiency_' || domain || '_' || basis || '_growth_low_x', any_value(rate_low_x),
        'factor_per_year',
        'Low end of the interval of that rate.',
        least(make_date(max(year) FILTER (WHERE NOT is_projection), 12, 31), (SELECT day FROM data_end))
        FROM compute_efficiency WHERE effect = 'access' GROUP BY domain, basis
    UNION ALL SELECT 'efficiency_' || domain || '_' || basis || '_growth_high_x', any_value(rate_high_x),
        'factor_per_year',
        'High end of the interval of that rate.',
        least(make_date(max(year) FILTER (WHERE NOT is_projection), 12, 31), (SELECT day FROM data_end))
        FROM compute_efficiency WHERE effect = 'access' GROUP BY domain, basis
    UNION ALL SELECT 'efficiency_' || domain || '_frontier_growth_x', any_value(rate_per_year_x), 'factor_per_year',
        'Yearly growth of frontier effective compute (spending, hardware and algorithms; ' || domain || ').',
        least(make_date(max(year) FILTER (WHERE NOT is_projection), 12, 31), (SELECT day FROM data_end))
        FROM compute_efficiency WHERE effect = 'frontier' AND basis = 'hardware_and_algorithms' GROUP BY domain
    UNION ALL SELECT replace(replace(fit_id, ':', '__'), '-', '_') || '__doubling_years', doubling_time_years,
        'years',
        'Doubling time of ' || fit_id || '.', end_date FROM trend_fits
    UNION ALL SELECT replace(replace(fit_id, ':', '__'), '-', '_') || '__growth_x', growth_per_year_x,
        'factor_per_year',
        'Growth per year of ' || fit_id || '.', end_date FROM trend_fits
    UNION ALL SELECT replace(replace(fit_id, ':', '__'), '-', '_') || '__growth_low_x', growth_per_year_x_low,
        'factor_per_year',
        'Low end of the interval of the growth per year of ' || fit_id || '.', end_date FROM trend_fits
    UNION ALL SELECT replace(replace(fit_id, ':', '__'), '-', '_') || '__growth_high_x', growth_per_year_x_high,
        'factor_per_year',
        'High end of the interval of the growth per year of ' || fit_id || '.', end_date FROM trend_fits
    UNION ALL SELECT 'landmark_energy_share_frac', sum(energy_cost_usd_2024) / sum(ownership_cost_usd_2024), 'frac',
        'Share of energy in the amortized ownership cost of the landmark runs of the cost breakdown.',
        max(greatest(publication_date, cloud_price_date, chip_price_date))
        FROM training_run_costs WHERE run_id IN (SELECT run_id FROM landmark_runs WHERE role = 'cost-breakdown')
    UNION ALL SELECT 'mlperf_results_count', count(*), 'count', 'MLPerf Training results (closed division).',
        max(r.round_published_date)
        FROM mlperf_training LEFT JOIN mlperf_rounds r USING (mlperf_round) WHERE division = 'closed'
    UNION ALL SELECT 'mlperf_official_scores_count', count(*), 'count',
        'MLPerf Training results that are MLCommons'' official scores.',
        max(r.round_published_date)
        FROM mlperf_training LEFT JOIN mlperf_rounds r USING (mlperf_round) WHERE is_official_score
    UNION ALL SELECT 'mlperf_derived_scores_count', count(*), 'count',
        'MLPerf Training results derived from the submission logs (not official).',
        max(r.round_published_date)
        FROM mlperf_training LEFT JOIN mlperf_rounds r USING (mlperf_round) WHERE NOT is_official_score
    UNION ALL SELECT 'mlperf_rounds_count', count(DISTINCT mlperf_round), 'count',
        'MLPerf Training rounds with results.',
        max(r.round_published_date)
        FROM mlperf_training LEFT JOIN mlperf_rounds r USING (mlperf_round)
    UNION ALL SELECT 'mlperf_benchmarks_count', count(DISTINCT mlperf_benchmark), 'count',
        'MLPerf Training benchmarks with results.',
        max(r.round_published_date)
        FROM mlperf_training LEFT JOIN mlperf_rounds r USING (mlperf_round)
    UNION ALL SELECT 'mlperf_accelerators_count', count(DISTINCT accelerator_id), 'count',
        'Accelerators with MLPerf Training results.',
        max(r.round_published_date)
        FROM mlperf_training LEFT JOIN mlperf_rounds r USING (mlperf_round)
    UNION ALL SELECT 'mlperf_speedups_count', count(speedup_over_predecessor_x), 'count',
        'Rows of mlperf_progress with a speed-up over a predecessor.', max(round_published_date) FROM mlperf_progress
    UNION ALL SELECT 'mlperf_speedup_median_x', median(speedup_over_predecessor_x), 'factor',
        'Median speed-up (chip-hours) of an accelerator over its predecessor on the same MLPerf benchmark and round.',
        max(round_published_date)
        FROM mlperf_progress
    UNION ALL SELECT 'mlperf_' || mlperf_benchmark || '_' || replace(mlperf_round, '.',
        '_') || '_' || replace(accelerator_id, '-', '_')
        || '_speedup_x', speedup_over_predecessor_x, 'factor',
        'Speed-up of ' || accelerator_id || ' over ' || predecessor_accelerator_id || ' on ' || mlperf_benchmark || ' in ' || mlperf_round || '.',
        round_published_date
        FROM mlperf_progress WHERE speedup_over_predecessor_x IS NOT NULL
    UNION ALL SELECT 'mlperf_' || mlperf_benchmark || '_' || replace(mlperf_round, '.', '_') || '_min_chip_hours',
        min(chip_hours), 'chip_hours',
        'Fewest chip-hours to train ' || mlperf_benchmark || ' in ' || mlperf_round || ' (any accelerator).',
        max(round_published_date)
        FROM mlperf_progress GROUP BY mlperf_benchmark, mlperf_round
    UNION ALL SELECT 'mlperf_' || mlperf_benchmark || '_' || replace(mlperf_round, '.', '_') || '_fastest_minutes',
        min(fastest_time_to_train_minutes), 'minutes',
        'Shortest time to train ' || mlperf_benchmark || ' in ' || mlperf_round || ' (any accelerator, any scale).',
        max(round_published_date)
        FROM mlperf_progress GROUP BY mlperf_benchmark, mlperf_round
    UNION ALL SELECT 'mlperf_' || mlperf_benchmark || '_' || replace(mlperf_round, '.',
        '_') || '_min_cloud_cost_usd', min(cloud_cost_usd), 'usd',
        'Lowest rental cost of one training of ' || mlperf_benchmark || ' in ' || mlperf_round || ' (nominal dollars).',
        max(round_published_date)
        FROM mlperf_progress GROUP BY mlperf_benchmark, mlperf_round
    UNION ALL SELECT 'measured_accelerators_count', count(DISTINCT accelerator_id), 'count',
        'Accelerators with an achieved matrix-multiply rate set against their peak.', max(measured_date)
        FROM achieved_vs_peak
    UNION ALL SELECT 'published_measurements_count', count(*), 'count', 'Published measurements (third parties).',
        max(measured_date)
        FROM measurements WHERE provenance = 'published'
    UNION ALL SELECT 'own_measurements_count', count(*), 'count', 'Measurements made with compute-atlas measure.',
        coalesce(max(measured_date), (SELECT max(measured_date) FROM measurements))
        FROM measurements WHERE provenance = 'measured'
    UNION ALL SELECT 'achieved_over_peak_min_frac', min(achieved_over_peak_frac), 'frac',
        'Lowest achieved-over-peak matmul rate.', max(measured_date) FROM achieved_vs_peak
    UNION ALL SELECT 'achieved_over_peak_max_frac', max(achieved_over_peak_frac), 'frac',
        'Highest achieved-over-peak matmul rate.', max(measured_date) FROM achieved_vs_peak
    UNION ALL SELECT 'achieved_over_peak_median_frac', median(achieved_over_peak_frac), 'frac',
        'Median achieved-over-peak matmul rate.', max(measured_date) FROM achieved_vs_peak
    UNION ALL SELECT 'parameter_' || replace(parameter_id, '-', '_'), value, unit,
        name || ' (parameter ' || parameter_id || ').',
        source_date
        FROM parameters LEFT JOIN source_dates USING (source)
    UNION ALL SELECT 'assumption_' || replace(assumption_id, '-', '_'), value, unit,
        name || ' (assumption ' || assumption_id || ').',
        source_date
        FROM assumptions LEFT JOIN source_dates USING (source)
    UNION ALL SELECT replace(replace(fit_id, ':', '__'), '-', '_') || '__points', n_points, 'count',
        'Points behind ' || fit_id || '.', end_date FROM trend_fits
    UNION ALL SELECT replace(replace(fit_id, ':', '__'), '-', '_') || '__first_year', year(start_date), 'year',
        'Release year of the earliest point behind ' || fit_id || '.', end_date FROM trend_fits
    UNION ALL SELECT replace(replace(fit_id, ':', '__'), '-', '_') || '__last_year', year(end_date), 'year',
        'Release year of the latest point behind ' || fit_id || '.', end_date FROM trend_fits
    UNION ALL SELECT 'accelerators_purchase_priced_count', count(*), 'count',
        'Accelerators without a launch price whose earliest purchase price stands in (price_basis purchase).',
        max(greatest(release_date, price_date))
        FROM accelerator_efficiency WHERE precision = 'fp32' AND price_basis = 'purchase'
    UNION ALL SELECT 'fp32_price_performance_chips_count', count(*), 'count',
        'Accelerators with FP32 FLOP/s per dollar of a launch or purchase price.',
        max(greatest(release_date, price_date))
        FROM accelerator_efficiency WHERE precision = 'fp32' AND priced_flop_per_s_per_usd_2024 IS NOT NULL
    UNION ALL SELECT 'fp32_price_performance_first_year', min(year(release_date)), 'year',
        'Earliest release year among them.', max(greatest(release_date, price_date))
        FROM accelerator_efficiency WHERE precision = 'fp32' AND priced_flop_per_s_per_usd_2024 IS NOT NULL
    UNION ALL SELECT 'replications_count', count(*), 'count', 'Published estimates refitted on their own subset.',
        max(period_end_date)
        FROM fitted_replications
    UNION ALL SELECT 'replications_unfitted_count', count(*), 'count',
        'Published estimates whose subset holds too few of our points to fit.', max(period_end_date)
        FROM trend_replications WHERE intervals_overlap IS NULL
    UNION ALL SELECT 'replications_overlapping_count', count(*), 'count',
        'Replications that agree: our interval meets the published interval or the rounding range of the '
        || 'published figure (or holds the published value where neither is known).', max(period_end_date)
        FROM fitted_replications WHERE intervals_overlap
    UNION ALL SELECT 'replications_overlapping_frac', avg(CAST(intervals_overlap AS DOUBLE)), 'frac',
        'Share of replications that agree with the published estimate.', max(period_end_date)
        FROM fitted_replications
    -- by how agreement is judged and by what is replicated: every group named, 0 where it has no replication
    UNION ALL SELECT 'replications_' || g.name || '_count', count(r.trend_id), 'count',
        'Replications ' || g.description || '.',
        coalesce(max(r.period_end_date), (SELECT max(period_end_date) FROM fitted_replications))
        FROM replication_groups g LEFT JOIN fitted_replications r ON g.name IN (r.rule_kind, r.population_kind)
        GROUP BY g.name, g.description
    UNION ALL SELECT 'replications_' || g.name || '_overlapping_count',
        count(r.trend_id) FILTER (WHERE r.intervals_overlap),
        'count', 'Of the replications ' || g.description || ', those that agree.',
        coalesce(max(r.period_end_date), (SELECT max(period_end_date) FROM fitted_replications))
        FROM replication_groups g LEFT JOIN fitted_replications r ON g.name IN (r.rule_kind, r.population_kind)
        GROUP BY g.name, g.description
    UNION ALL SELECT 'replications_rounded_only_count', count(*), 'count',
        'Replications that agree by the rounding range of the published figure although our interval does not '
        || 'hold the figure itself.', max(period_end_date)
        FROM fitted_replications WHERE overlap_rule = 'rounding_range' AND intervals_overlap
        AND NOT published_growth_per_year_x BETWEEN growth_per_year_x_low AND growth_per_year_x_high
    -- each replication's fit, for prose that quotes one
    UNION ALL SELECT 'replication_' || replace(trend_id, '-', '_') || '_growth_x', growth_per_year_x,
        'factor_per_year',
        'Our growth per year on the subset of published estimate ' || trend_id || '.', period_end_date
        FROM fitted_replications
    UNION ALL SELECT 'replication_' || replace(trend_id, '-', '_') || '_growth_low_x', growth_per_year_x_low,
        'factor_per_year', 'Low end of our interval on the subset of ' || trend_id || '.', period_end_date
        FROM fitted_replications
    UNION ALL SELECT 'replication_' || replace(trend_id, '-', '_') || '_growth_high_x', growth_per_year_x_high,
        'factor_per_year', 'High end of our interval on the subset of ' || trend_id || '.', period_end_date
        FROM fitted_replications
    UNION ALL SELECT 'replication_' || replace(trend_id, '-', '_') || '_level_frac', interval_level_frac, 'frac',
        'Level of our interval on the subset of ' || trend_id || '.', period_end_date FROM fitted_replications
    UNION ALL SELECT 'replication_' || replace(trend_id, '-', '_') || '_points', n_points, 'count',
        'Points behind our fit on the subset of ' || trend_id || '.', period_end_date FROM fitted_replications
    -- training_cost_methods: our costs and our reproduction of Cottier et al.'s beside their published figures
    UNION ALL SELECT 'cost_method_' || replace(method_id, '-', '_') || '_published_count',
        count(ratio_to_published_x),
        'count', 'Runs with a published figure of the same kind as method ' || method_id || '.',
        max(greatest(publication_date, price_date))
        FROM training_cost_methods GROUP BY method_id
    UNION ALL SELECT 'cost_method_' || replace(method_id, '-', '_') || '_ratio_median_x',
        median(ratio_to_published_x),
        'factor',
        'Median over runs of the cost by method ' || method_id || ' over the published figure (2024 dollars).',
        max(greatest(publication_date, price_date))
        FROM training_cost_methods GROUP BY method_id
    UNION ALL SELECT 'cost_method_' || replace(method_id, '-', '_') || '_ratio_q1_x',
        quantile_cont(ratio_to_published_x, 0.25), 'factor', 'First quartile of that ratio.',
        max(greatest(publication_date, price_date))
        FROM training_cost_methods GROUP BY method_id
    UNION ALL SELECT 'cost_method_' || replace(method_id, '-', '_') || '_ratio_q3_x',
        quantile_cont(ratio_to_published_x, 0.75), 'factor', 'Third quartile of that ratio.',
        max(greatest(publication_date, price_date))
        FROM training_cost_methods GROUP BY method_id
    UNION ALL SELECT 'cost_method_' || replace(method_id, '-', '_') || '_ratio_min_x', min(ratio_to_published_x),
        'factor', 'Smallest ratio of method ' || method_id || ' to the published figure.',
        max(greatest(publication_date, price_date))
        FROM training_cost_methods GROUP BY method_id
    UNION ALL SELECT 'cost_method_' || replace(method_id, '-', '_') || '_ratio_max_x', max(ratio_to_published_x),
        'factor', 'Largest ratio of method ' || method_id || ' to the published figure.',
        max(greatest(publication_date, price_date))
        FROM training_cost_methods GROUP BY method_id
    UNION ALL SELECT 'cost_method_' || replace(method_id, '-', '_') || '_within_tolerance_count',
        count(*) FILTER (WHERE ratio_to_published_x BETWEEN 1 / t.value AND t.value), 'count',
        'Runs whose cost by method ' || method_id || ' is within the reproduction tolerance of the published figure.',
        max(greatest(publication_date, price_date))
        FROM training_cost_methods, (SELECT value FROM parameters WHERE parameter_id = 'reproduction-tolerance-x') t
        GROUP BY method_id, t.value
    UNION ALL SELECT 'ours_cloud_over_cottier_cloud_median_x', median(o.cost_usd_2024 / c.cost_usd_2024), 'factor',
        'Median over runs with a published cloud figure of our on-demand cloud cost over the reproduced Cottier et al. cloud cost.',
        max(greatest(o.publication_date, o.price_date, c.price_date))
        FROM training_cost_methods o JOIN training_cost_methods c USING (run_id)
        WHERE o.method_id = 'ours-cloud' AND c.method_id = 'cottier-cloud' AND c.ratio_to_published_x IS NOT NULL
    UNION ALL SELECT 'ours_cloud_over_cottier_cloud_rate_median_x', median(o.rate_usd_per_hour / c.rate_usd_per_hour),
        'factor',
        'Median over the same runs of our on-demand price per chip-hour over the 3-year-commitment price of Cottier et al.',
        max(greatest(o.publication_date, o.price_date, c.price_date))
        FROM training_cost_methods o JOIN training_cost_methods c USING (run_id)
        WHERE o.method_id = 'ours-cloud' AND c.method_id = 'cottier-cloud' AND c.ratio_to_published_x IS NOT NULL
    -- capabilities: the catalogue, the benchmark results and algorithmic progress measured from them
    UNION ALL SELECT 'models_with_compute_count', count(*), 'count',
        'Models of the catalogue with a training-compute figure.',
        max(publication_date)
        FROM training_runs WHERE training_compute_flop IS NOT NULL
    UNION ALL SELECT 'models_distilled_count', count(*), 'count', 'Models flagged as distilled from a larger model.',
        max(publication_date)
        FROM training_runs WHERE is_distilled
    UNION ALL SELECT 'benchmarks_count', count(*), 'count', 'Benchmarks.', max(introduced_date) FROM benchmarks
    UNION ALL SELECT 'benchmark_results_count', count(*), 'count', 'Benchmark results.', max(evaluated_date)
        FROM benchmark_results
    UNION ALL SELECT 'benchmark_results_with_compute_count', count(*), 'count',
        'Benchmark results of models with a training-compute figure.', max(evaluated_date)
        FROM benchmark_results JOIN training_runs USING (run_id) WHERE training_compute_flop IS NOT NULL
    UNION ALL SELECT 'benchmarked_models_count', count(DISTINCT run_id), 'count', 'Models with a benchmark result.',
        max(evaluated_date)
        FROM benchmark_results
    UNION ALL SELECT 'benchmark_scores_multiple_count', count(*), 'count',
        'Model and benchmark pairs with more than one result (one is chosen).', max(score_date)
        FROM benchmark_scores WHERE n_results > 1
    UNION ALL SELECT 'algorithmic_estimates_count', count(*), 'count',
        'Halving times of the compute needed for a fixed score measured here (benchmark and method).',
        max(window_end)
        FROM algorithmic_progress WHERE halving_time_months IS NOT NULL
    UNION ALL SELECT 'algorithmic_compared_count', count(*), 'count',
        'Of them, set beside a published estimate with an interval.', max(window_end)
        FROM algorithmic_progress WHERE intervals_overlap IS NOT NULL
    UNION ALL SELECT 'algorithmic_overlapping_count', count(*), 'count',
        'Of those, the ones whose interval overlaps the published one.', max(window_end)
        FROM algorithmic_progress WHERE intervals_overlap
    UNION ALL SELECT 'algorithmic_' || replace(benchmark_id, '-', '_') || '_' || fit_method || '_halving_months',
        halving_time_months, 'months', 'Halving time of the compute needed for a fixed score on ' || benchmark_id
        || ' (' || fit_method || ' method).', window_end
        FROM algorithmic_progress WHERE halving_time_months IS NOT NULL
    UNION ALL SELECT 'algorithmic_' || replace(benchmark_id, '-', '_') || '_' || fit_method || '_halving_months_low',
        halving_time_months_low, 'months', 'Low end of the interval of that halving time.', window_end
        FROM algorithmic_progress WHERE halving_time_months_low IS NOT NULL
    UNION ALL SELECT 'algorithmic_' || replace(benchmark_id, '-', '_') || '_' || fit_method || '_halving_months_high',
        halving_time_months_high, 'months', 'High end of the interval of that halving time.', window_end
        FROM algorithmic_progress WHERE halving_time_months_high IS NOT NULL
    UNION ALL SELECT 'algorithmic_' || replace(benchmark_id, '-', '_') || '_' || fit_method || '_models', n_models,
        'count',
        'Models behind that halving time.', window_end FROM algorithmic_progress WHERE halving_time_months IS NOT NULL
    UNION ALL SELECT 'algorithmic_' || replace(benchmark_id, '-',
        '_') || '_' || fit_method || '_published_halving_months',
        published_halving_time_months, 'months',
        'Published halving time set beside that one (' || published_trend_id || ').',
        window_end
        FROM algorithmic_progress WHERE halving_time_months IS NOT NULL AND published_halving_time_months IS NOT NULL
    UNION ALL SELECT 'algorithmic_' || replace(benchmark_id, '-', '_') || '_' || fit_method || '_first_year',
        year(window_start), 'year', 'Year of the earliest model behind that halving time.', window_end
        FROM algorithmic_progress WHERE halving_time_months IS NOT NULL AND window_start IS NOT NULL
    UNION ALL SELECT 'algorithmic_' || replace(benchmark_id, '-', '_') || '_' || fit_method || '_last_year',
        year(window_end), 'year', 'Year of the latest model behind that halving time.', window_end
        FROM algorithmic_progress WHERE halving_time_months IS NOT NULL AND window_end IS NOT NULL
    UNION ALL SELECT 'capability_thresholds_unreached_count', count(DISTINCT (benchmark_id, threshold_score)),
        'count',
        'Thresholds of the capability ladder that no model reaches yet.', least(max(f.as_of_date), (SELECT day
        FROM data_end))
        FROM capability_frontier f WHERE NOT EXISTS (SELECT 1
        FROM capability_frontier g WHERE g.benchmark_id = f.benchmark_id
        AND g.threshold_score = f.threshold_score AND g.is_reached)
    -- inference: prices, energy, and the price of a fixed capability
    UNION ALL SELECT 'inference_prices_count', count(*), 'count', 'Dated API price observations.',
        max(greatest(observed_date, effective_date)) FROM inference_prices
    UNION ALL SELECT 'inference_priced_models_count', count(DISTINCT run_id), 'count', 'Models with an API price.',
        max(greatest(observed_date, effective_date))
        FROM inference_prices
    UNION ALL SELECT 'inference_providers_count', count(DISTINCT provider), 'count', 'API providers with a price.',
        max(greatest(observed_date, effective_date))
        FROM inference_prices
    UNION ALL SELECT 'inference_prices_first_year', min(year(observed_date)), 'year', 'Earliest price observation.',
        max(greatest(observed_date, effective_date))
        FROM inference_prices
    UNION ALL SELECT 'inference_prices_last_year', max(year(observed_date)), 'year', 'Latest price observation.',
        max(greatest(observed_date, effective_date))
        FROM inference_prices
    UNION ALL SELECT 'inference_prices_effective_count', count(*), 'count',
        'Price observations with an effective date (when the price took effect or was first seen): the only ones a trend uses.',
        max(greatest(observed_date, effective_date))
        FROM inference_prices WHERE effective_date IS NOT NULL
    UNION ALL SELECT 'inference_prices_undated_count', count(*), 'count',
        'Price observations without an effective date (only the day a list was read): left out of every trend.',
        max(greatest(observed_date, effective_date))
        FROM inference_prices WHERE effective_date IS NULL
    UNION ALL SELECT 'inference_prices_undated_models_count', count(DISTINCT run_id), 'count',
        'Models whose every price lacks an effective date, so that none of their prices enters a trend.',
        max(greatest(observed_date, effective_date))
        FROM inference_prices p WHERE NOT EXISTS (SELECT 1 FROM inference_prices q WHERE q.run_id = p.run_id
        AND q.effective_date IS NOT NULL)
    UNION ALL SELECT 'inference_energy_count', count(*), 'count', 'Measured inference configurations.',
        max(measured_date)
        FROM inference_energy
    UNION ALL SELECT 'inference_trends_count', count(*), 'count', 'Fixed capabilities with a fitted price decline.',
        max(window_end)
        FROM inference_price_trends WHERE decline_per_year_x IS NOT NULL
    UNION ALL SELECT 'inference_trends_compared_count', count(*), 'count',
        'Of them, set beside a published rate with an interval.', max(window_end)
        FROM inference_price_trends WHERE intervals_overlap IS NOT NULL
    UNION ALL SELECT 'inference_trends_overlapping_count', count(*), 'count',
        'Of those, the ones whose interval overlaps the published one.', max(window_end)
        FROM inference_price_trends WHERE intervals_overlap
    UNION ALL SELECT 'inference_trends_median_decline_x', median(decline_per_year_x), 'factor_per_year',
        'Median of the fitted price declines of the fixed capabilities (all record setters with an effective date).',
        max(window_end)
        FROM inference_price_trends WHERE decline_per_year_x IS NOT NULL
    UNION ALL SELECT 'inference_trends_decline_q1_x', quantile_cont(decline_per_year_x, 0.25), 'factor_per_year',
        'First quartile of those fitted price declines.', max(window_end)
        FROM inference_price_trends WHERE decline_per_year_x IS NOT NULL
    UNION ALL SELECT 'inference_trends_decline_q3_x', quantile_cont(decline_per_year_x, 0.75), 'factor_per_year',
        'Third quartile of those fitted price declines.', max(window_end)
        FROM inference_price_trends WHERE decline_per_year_x IS NOT NULL
    UNION ALL SELECT 'inference_trends_first_year', min(year(window_start)), 'year',
        'Year of the earliest price behind those fitted declines.', max(window_end)
        FROM inference_price_trends WHERE decline_per_year_x IS NOT NULL
    UNION ALL SELECT 'inference_trends_last_year', max(year(window_end)), 'year',
        'Year of the latest price behind those fitted declines.', max(window_end)
        FROM inference_price_trends WHERE decline_per_year_x IS NOT NULL
    -- technique effects pooled per metric (speed-up, memory, ...), for the techniques page's finding
    UNION ALL SELECT 'technique_' || metric || '_results_count', count(*), 'count',
        'Measured technique results of metric ' || metric || '.', max(source_date)
        FROM technique_effects LEFT JOIN source_dates USING (source) GROUP BY metric
    UNION ALL SELECT 'technique_' || metric || '_median_x', median(effect_x), 'factor',
        'Median measured effect of metric ' || metric || ', all techniques.', max(source_date)
        FROM technique_effects LEFT JOIN source_dates USING (source) GROUP BY metric
    UNION ALL SELECT 'technique_' || metric || '_q1_x', quantile_cont(effect_x, 0.25), 'factor',
        'First quartile of that effect.', max(source_date)
        FROM technique_effects LEFT JOIN source_dates USING (source) GROUP BY metric
    UNION ALL SELECT 'technique_' || metric || '_q3_x', quantile_cont(effect_x, 0.75), 'factor',
        'Third quartile of that effect.', max(source_date)
        FROM technique_effects LEFT JOIN source_dates USING (source) GROUP BY metric
    UNION ALL SELECT 'inference_thresholds_count', count(*), 'count',
        'Fixed capabilities followed (Cottier et al. 2025''s).',
        max(published_window_end)
        FROM inference_thresholds
    UNION ALL SELECT 'inference_published_count', count(*), 'count', 'Of them, with a published decline rate.',
        max(window_end)
        FROM inference_price_trends WHERE published_decline_per_year_x IS NOT NULL
    UNION ALL SELECT 'inference_published_median_decline_x', median(published_decline_per_year_x), 'factor_per_year',
        'Median published decline rate of the fixed capabilities (Cottier et al. 2025).', max(window_end)
        FROM inference_price_trends
    UNION ALL SELECT 'inference_replicated_count', count(*), 'count',
        'Published decline rates replicated: a fit on the published window exists.', max(window_end)
        FROM inference_price_trends WHERE replication_decline_per_year_x IS NOT NULL
    UNION ALL SELECT 'inference_replication_agree_count', count(*), 'count',
        'Of the replications, those whose central estimate lies inside the published interval.', max(window_end)
        FROM inference_price_trends WHERE replication_agrees
    UNION ALL SELECT 'inference_replication_median_decline_x', median(replication_decline_per_year_x),
        'factor_per_year',
        'Median of the replicated declines (published window).', max(window_end) FROM inference_price_trends
    UNION ALL SELECT 'inference_replicated_published_median_decline_x', median(published_decline_per_year_x),
        'factor_per_year', 'Median published decline of the replicated capabilities only (like for like).',
        max(window_end)
        FROM inference_price_trends WHERE replication_decline_per_year_x IS NOT NULL
    UNION ALL SELECT 'published_' || replace(trend_id, '-', '_') || '_growth_x', value, 'factor_per_year',
        'Published growth per year (' || trend_id || ').', least(make_date(end_year, 12, 31), (SELECT day
        FROM data_end)) FROM published_trends
        WHERE trend_id = 'cottier2024-frontier-cost-amortized' AND value_kind = 'growth_per_year_x'
    UNION ALL SELECT 'published_' || replace(trend_id, '-', '_') || '_growth_low_x', ci_low, 'factor_per_year',
        'Low end of the published interval (' || trend_id || ').',
        least(make_date(end_year, 12, 31), (SELECT day FROM data_end)) FROM published_trends
        WHERE trend_id = 'cottier2024-frontier-cost-amortized' AND value_kind = 'growth_per_year_x'
    UNION ALL SELECT 'published_' || replace(trend_id, '-', '_') || '_growth_high_x', ci_high, 'factor_per_year',
        'High end of the published interval (' || trend_id || ').',
        least(make_date(end_year, 12, 31), (SELECT day FROM data_end)) FROM published_trends
        WHERE trend_id = 'cottier2024-frontier-cost-amortized' AND value_kind = 'growth_per_year_x'
    UNION ALL SELECT 'published_' || replace(trend_id, '-', '_') || '_level_frac', interval_level_frac, 'frac',
        'Level of the published interval (' || trend_id || ').', least(make_date(end_year, 12, 31), (SELECT day
        FROM data_end)) FROM published_trends
        WHERE trend_id = 'cottier2024-frontier-cost-amortized' AND value_kind = 'growth_per_year_x'
    -- the findings of the home page: what the capability of each language landmark (landmark_runs) costs to
    -- train in the last year of the data, on the cheaper hardware and the published algorithmic rate; and what
    -- its MMLU score costs to run at the cheapest dated price
    UNION ALL SELECT 'capability_' || replace(reference, '-', '_') || '_training_cost_now_usd_2024', value,
        'usd_2024',
        'Cost of training a model to ' || reference || '''s capability in the last year of the data (hardware and the '
        || 'published algorithmic rate).', least(make_date(year, 12, 31),
        (SELECT day FROM data_end)) FROM landmark_access WHERE year = last_year
    UNION ALL SELECT 'capability_' || replace(reference, '-', '_') || '_training_cost_now_low_usd_2024', value_low,
        'usd_2024', 'Low end of its interval.', least(make_date(year, 12, 31), (SELECT day FROM data_end))
        FROM landmark_access WHERE year = last_year
    UNION ALL SELECT 'capability_' || replace(reference, '-', '_') || '_training_cost_now_high_usd_2024', value_high,
        'usd_2024', 'High end of its interval.', least(make_date(year, 12, 31), (SELECT day FROM data_end))
        FROM landmark_access WHERE year = last_year
    UNION ALL SELECT 'capability_' || replace(reference, '-', '_') || '_training_cost_now_year', year, 'year',
        'The last year of the data behind that cost.', least(make_date(year, 12, 31), (SELECT day
        FROM data_end)) FROM landmark_access WHERE year = last_year
    UNION ALL SELECT 'capability_' || replace(reference, '-', '_') || '_training_cost_then_usd_2024', value,
        'usd_2024',
        'Estimated cost of training ' || reference || ' itself, in its year.',
        least(make_date(year, 12, 31), (SELECT day FROM data_end)) FROM landmark_access WHERE year = base_year
    UNION ALL SELECT 'capability_' || replace(reference, '-', '_') || '_training_cost_then_year', year, 'year',
        'The year of ' || reference || '.', least(make_date(year, 12, 31), (SELECT day FROM data_end))
        FROM landmark_access WHERE year = base_year
    UNION ALL SELECT 'capability_' || replace(t.reference_run_id, '-',
        '_') || '_mmlu_price_' || p.which || '_usd_per_mtok',
        f.min_blended_usd_per_mtok, 'usd_per_mtok',
        'Cheapest dated blended price per million tokens of a model reaching ' || t.reference_run_id || '''s MMLU score ('
        || p.which || ': at the first and the last month of the price data).', least(f.as_of_date, (SELECT day
        FROM data_end))
        FROM inference_price_frontier f JOIN inference_thresholds t USING (threshold_id)
        JOIN (SELECT threshold_id, min(as_of_date) AS first, max(as_of_date) AS last FROM inference_price_frontier
              GROUP BY 1) d USING (threshold_id),
        (VALUES ('first'), ('now')) p(which)
        WHERE t.benchmark_id = 'mmlu' AND f.as_of_date = CASE p.which WHEN 'first' THEN d.first ELSE d.last END
    UNION ALL SELECT 'capability_' || replace(t.reference_run_id, '-', '_') || '_mmlu_price_' || p.which || '_year',
        year(CASE p.which WHEN 'first' THEN d.first ELSE d.last END), 'year', 'The year of that price.',
        least(CASE p.which WHEN 'first' THEN d.first ELSE d.last END, (SELECT day FROM data_end))
        FROM inference_thresholds t JOIN (SELECT threshold_id, min(as_of_date) AS first, max(as_of_date) AS last
                                          FROM inference_price_frontier GROUP BY 1) d USING (threshold_id),
        (VALUES ('first'), ('now')) p(which)
        WHERE t.benchmark_id = 'mmlu'
    UNION ALL SELECT 'inference_energy_median_kwh_per_mtok', median(energy_per_output_token_joules) / 3.6,
        'kwh_per_mtok', 'Median GPU energy per million output tokens over the measured configurations (kWh).',
        max(measured_date)
        FROM inference_energy
    UNION ALL SELECT 'inference_energy_q1_kwh_per_mtok', quantile_cont(energy_per_output_token_joules, 0.25) / 3.6,
        'kwh_per_mtok', 'First quartile of that energy.', max(measured_date) FROM inference_energy
    UNION ALL SELECT 'inference_energy_q3_kwh_per_mtok', quantile_cont(energy_per_output_token_joules, 0.75) / 3.6,
        'kwh_per_mtok', 'Third quartile of that energy.', max(measured_date) FROM inference_energy
)
SELECT figure_id, CAST(value AS DOUBLE) AS value, unit, description, CAST(current_to_date AS DATE) AS current_to_date
FROM figures
WHERE value IS NOT NULL
ORDER BY figure_id
