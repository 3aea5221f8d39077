-- training_run_costs: compute three ways, utilization, cost, energy and emissions per run.
-- Inputs, assumptions and parameters are declared in its schema (schemas/training_run_costs.py).
-- Every constant is a row of assumptions or parameters; the step sees only the rows it declares,
-- and assumptions_used lists them.
WITH k AS (
    SELECT
        max(value) FILTER (WHERE assumption_id = 'default-mfu') AS mfu,
        max(value) FILTER (WHERE assumption_id = 'pue') AS pue,
        max(value) FILTER (WHERE assumption_id = 'server-power-overhead-frac') AS gpu_overhead,
        max(value) FILTER (WHERE assumption_id = 'tpu-server-power-overhead-frac') AS tpu_overhead,
        max(value) FILTER (WHERE assumption_id = 'server-avg-power-frac') AS gpu_avg_power,
        max(value) FILTER (WHERE assumption_id = 'tpu-server-avg-power-frac') AS tpu_avg_power,
        max(value) FILTER (WHERE assumption_id = 'hardware-depreciation-years') AS depreciation_years,
        max(value) FILTER (WHERE assumption_id = 'server-cost-markup-frac') AS server_markup,
        max(value) FILTER (WHERE assumption_id = 'interconnect-cost-frac') AS interconnect_share,
        max(value) FILTER (WHERE assumption_id = 'default-electricity-price-usd-per-kwh') AS electricity_usd_per_kwh,
        max(value) FILTER (WHERE assumption_id = 'default-carbon-intensity-g-co2e-per-kwh') AS carbon_g_per_kwh
    FROM assumptions
),
p AS (
    SELECT
        max(value) FILTER (WHERE parameter_id = 'dollar-base-year') AS base_year,
        max(value) FILTER (WHERE parameter_id = 'hours-per-year') AS hours_per_year,
        max(value) FILTER (WHERE parameter_id = 'disagreement-threshold-x') AS threshold_x
    FROM parameters
),
cpi AS (
    SELECT year, cpi_u_index / (SELECT cpi_u_index FROM price_index WHERE year = (SELECT base_year FROM p))
        AS to_2024_divisor
    FROM price_index
),
runs AS (
    SELECT
        r.*,
        a.kind AS accelerator_kind,
        a.tdp_watts,
        a.launch_price_usd,
        a.launch_price_date,
        coalesce(r.precision, best.precision, 'fp32') AS precision_used,
        r.precision IS NULL AND r.accelerator_id IS NOT NULL AS precision_assumed,
        r.accelerator_count * r.training_duration_hours AS chip_hours
    FROM training_runs r
    LEFT JOIN accelerators a USING (accelerator_id)
    LEFT JOIN accelerator_efficiency best ON best.accelerator_id = r.accelerator_id AND best.is_best_16bit_tensor
),
peaks AS (
    SELECT runs.run_id, e.peak_flop_per_s
    FROM runs JOIN accelerator_efficiency e
      ON e.accelerator_id = runs.accelerator_id AND e.precision = runs.precision_used
),
cloud_ranked AS (
    SELECT runs.run_id, c.price_date, c.price_usd_per_hour,
           dense_rank() OVER (PARTITION BY runs.run_id
                              ORDER BY abs(date_diff('day', c.price_date, runs.publication_date)), c.price_date) AS nearness
    FROM runs JOIN cloud_prices c ON c.accelerator_id = runs.accelerator_id AND c.pricing_model = 'on_demand'
),
cloud AS (
    SELECT run_id, any_value(price_date) AS cloud_price_date, median(price_usd_per_hour) AS cloud_price_usd_per_hour
    FROM cloud_ranked WHERE nearness = 1 GROUP BY run_id
),
own_prices AS (
    SELECT accelerator_id, price_date, price_usd FROM hardware_prices
    UNION ALL
    SELECT accelerator_id, launch_price_date, launch_price_usd FROM accelerators
    WHERE launch_price_usd IS NOT NULL
      AND accelerator_id NOT IN (SELECT accelerator_id FROM hardware_prices)
),
chip_prices AS (
    SELECT *, 'own' AS basis FROM own_prices
    UNION ALL
    -- a chip that no source prices takes its proxy's prices, and says so
    SELECT x.accelerator_id, p.price_date, p.price_usd, 'proxy:' || x.proxy_accelerator_id
    FROM price_proxies x JOIN own_prices p ON p.accelerator_id = x.proxy_accelerator_id
    WHERE x.accelerator_id NOT IN (SELECT accelerator_id FROM own_prices)
),
chip_ranked AS (
    SELECT runs.run_id, p.price_date, p.price_usd, p.basis,
           row_number() OVER (PARTITION BY runs.run_id
                              ORDER BY abs(date_diff('day', p.price_date, runs.publication_date)), p.price_date,
                                       p.price_usd) AS nearness
    FROM runs JOIN chip_prices p ON p.accelerator_id = runs.accelerator_id
),
chip AS (
    SELECT run_id, price_date AS chip_price_date, price_usd AS chip_price_usd, basis AS chip_price_basis
    FROM chip_ranked WHERE nearness = 1
),
costed AS (
    SELECT
        runs.*,
        peaks.peak_flop_per_s,
        runs.training_compute_flop AS compute_reported_flop,
        6 * runs.parameters * runs.training_tokens AS compute_6nd_flop,
        runs.chip_hours * 3600 * peaks.peak_flop_per_s * k.mfu AS compute_hardware_flop,
        runs.training_compute_flop / (runs.chip_hours * 3600 * peaks.peak_flop_per_s) AS mfu_frac,
        cloud.cloud_price_usd_per_hour,
        cloud.cloud_price_date,
        runs.chip_hours * cloud.cloud_price_usd_per_hour AS cloud_cost_usd,
        chip.chip_price_usd,
        chip.chip_price_date,
        chip.chip_price_basis,
        runs.accelerator_count * chip.chip_price_usd * (1 + k.server_markup) / (1 - k.interconnect_share) AS cluster_cost_usd,
        runs.tdp_watts
            * (1 + CASE WHEN runs.accelerator_kind = 'tpu' THEN k.tpu_overhead ELSE k.gpu_overhead END)
            * CASE WHEN runs.accelerator_kind = 'tpu' THEN k.tpu_avg_power ELSE k.gpu_avg_power END AS power_per_chip_watts,
        k.*
    FROM runs
    CROSS JOIN k
    LEFT JOIN peaks USING (run_id)
    LEFT JOIN cloud USING (run_id)
    LEFT JOIN chip USING (run_id)
),
energised AS (
    SELECT *,
        cluster_cost_usd * training_duration_hours / (depreciation_years * p.hours_per_year) AS amortized_hardware_cost_usd,
        accelerator_count * power_per_chip_watts * training_duration_hours * pue / 1000 AS energy_kwh
    FROM costed CROSS JOIN p
),
final AS (
    SELECT *,
        energy_kwh * electricity_usd_per_kwh AS energy_cost_usd,
        amortized_hardware_cost_usd + energy_kwh * electricity_usd_per_kwh AS ownership_cost_usd
    FROM energised
)
SELECT
    f.run_id, f.model, f.organization, f.publication_date, f.is_frontier,
    f.accelerator_id, f.accelerator_count, f.training_duration_hours, f.chip_hours,
    CASE WHEN f.accelerator_id IS NULL THEN f.precision ELSE f.precision_used END AS precision,
    f.precision_assumed,
    f.peak_flop_per_s,
    f.compute_reported_flop,
    f.compute_6nd_flop,
    f.compute_hardware_flop,
    greatest(f.compute_reported_flop, f.compute_6nd_flop, f.compute_hardware_flop)
        / least(f.compute_reported_flop, f.compute_6nd_flop, f.compute_hardware_flop) AS compute_spread_x,
    f.mfu_frac,
    f.cloud_price_usd_per_hour,
    f.cloud_price_date,
    f.cloud_cost_usd,
    f.cloud_cost_usd / cloud_cpi.to_2024_divisor AS cloud_cost_usd_2024,
    f.chip_price_usd,
    f.chip_price_date,
    f.chip_price_basis,
    f.cluster_cost_usd,
    f.amortized_hardware_cost_usd,
    f.power_per_chip_watts,
    f.energy_kwh,
    f.energy_cost_usd,
    f.ownership_cost_usd,
    f.ownership_cost_usd / chip_cpi.to_2024_divisor AS ownership_cost_usd_2024,
    f.amortized_hardware_cost_usd / chip_cpi.to_2024_divisor AS amortized_hardware_cost_usd_2024,
    f.energy_cost_usd / chip_cpi.to_2024_divisor AS energy_cost_usd_2024,
    f.energy_cost_usd / f.ownership_cost_usd AS energy_share_frac,
    coalesce(f.ownership_cost_usd / chip_cpi.to_2024_divisor, f.cloud_cost_usd / cloud_cpi.to_2024_divisor)
        AS cost_estimate_usd_2024,
    f.energy_kwh * f.carbon_g_per_kwh / 1e6 AS emissions_t_co2e,
    f.reported_cost_usd,
    f.reported_cost_usd / reported_cpi.to_2024_divisor AS reported_cost_usd_2024,
    coalesce(greatest(f.compute_reported_flop / f.compute_hardware_flop, f.compute_hardware_flop / f.compute_reported_flop) > p.threshold_x, false)
        OR coalesce(greatest(f.compute_reported_flop / f.compute_6nd_flop, f.compute_6nd_flop / f.compute_reported_flop) > p.threshold_x, false)
        OR coalesce(greatest(
               (f.reported_cost_usd / reported_cpi.to_2024_divisor)
                   / coalesce(f.ownership_cost_usd / chip_cpi.to_2024_divisor, f.cloud_cost_usd / cloud_cpi.to_2024_divisor),
               coalesce(f.ownership_cost_usd / chip_cpi.to_2024_divisor, f.cloud_cost_usd / cloud_cpi.to_2024_divisor)
                   / (f.reported_cost_usd / reported_cpi.to_2024_divisor)) > p.threshold_x, false)
        AS disagreement_flag,
    (SELECT string_agg(assumption_id, ';' ORDER BY assumption_id) FROM assumptions) AS assumptions_used
FROM final f
CROSS JOIN p
LEFT JOIN cpi cloud_cpi ON cloud_cpi.year = year(f.cloud_price_date)
LEFT JOIN cpi chip_cpi ON chip_cpi.year = year(f.chip_price_date)
LEFT JOIN cpi reported_cpi ON reported_cpi.year = f.reported_cost_year
ORDER BY f.run_id
