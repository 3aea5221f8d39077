-- inference_energy_summary: energy per million output tokens by accelerator, model size and energy scope, its
-- cost and emissions, and the hardware rental per million tokens.
-- Inputs (declared in its schema): inference_energy, accelerators, cloud_price_summary, electricity,
-- assumptions (default-electricity-price-usd-per-kwh, default-carbon-intensity-g-co2e-per-kwh),
-- parameters (inference-small-model-max-parameters, inference-medium-model-max-parameters).
WITH bounds AS (
    SELECT max(value) FILTER (WHERE parameter_id = 'inference-small-model-max-parameters') AS small,
           max(value) FILTER (WHERE parameter_id = 'inference-medium-model-max-parameters') AS medium
    FROM parameters
),
grid AS (
    SELECT max(value) FILTER (WHERE assumption_id = 'default-electricity-price-usd-per-kwh') AS usd_per_kwh,
           max(value) FILTER (WHERE assumption_id = 'default-carbon-intensity-g-co2e-per-kwh') AS g_per_kwh
    FROM assumptions
),
regions AS (
    SELECT min(industrial_price_usd_per_kwh) AS low_usd, max(industrial_price_usd_per_kwh) AS high_usd,
           min(carbon_intensity_g_co2e_per_kwh) AS low_g, max(carbon_intensity_g_co2e_per_kwh) AS high_g
    FROM electricity
),
configs AS (
    SELECT e.*,
           e.energy_per_output_token_joules * 1e6 / 3.6e6 AS kwh_per_mtok,
           CASE WHEN coalesce(e.active_parameters, e.total_parameters) < bounds.small THEN 'small'
                WHEN coalesce(e.active_parameters, e.total_parameters) <= bounds.medium THEN 'medium'
                ELSE 'large' END AS size_class,
           e.accelerator_count * c.median_price_usd_per_hour / (e.output_tokens_per_s * 3600) * 1e6
               AS rental_usd_per_mtok
    FROM inference_energy e, bounds
    LEFT JOIN cloud_price_summary c ON c.accelerator_id = e.accelerator_id AND c.pricing_model = 'on_demand'
    WHERE e.energy_per_output_token_joules IS NOT NULL
      AND coalesce(e.active_parameters, e.total_parameters) IS NOT NULL
)
SELECT
    k.accelerator_id, a.name, a.release_date, k.size_class, k.energy_scope,
    count(*) AS n_configs,
    count(DISTINCT k.run_id) AS n_models,
    median(k.kwh_per_mtok) AS median_kwh_per_mtok,
    min(k.kwh_per_mtok) AS min_kwh_per_mtok,
    max(k.kwh_per_mtok) AS max_kwh_per_mtok,
    median(k.kwh_per_mtok) * any_value(grid.usd_per_kwh) AS median_energy_cost_usd_per_mtok,
    median(k.kwh_per_mtok) * any_value(regions.low_usd) AS energy_cost_low_usd_per_mtok,
    median(k.kwh_per_mtok) * any_value(regions.high_usd) AS energy_cost_high_usd_per_mtok,
    median(k.kwh_per_mtok) * any_value(grid.g_per_kwh) AS median_emissions_g_co2e_per_mtok,
    median(k.kwh_per_mtok) * any_value(regions.low_g) AS emissions_low_g_co2e_per_mtok,
    median(k.kwh_per_mtok) * any_value(regions.high_g) AS emissions_high_g_co2e_per_mtok,
    median(k.rental_usd_per_mtok) AS median_rental_usd_per_mtok,
    median(k.kwh_per_mtok) * any_value(grid.usd_per_kwh)
        / (median(k.kwh_per_mtok) * any_value(grid.usd_per_kwh) + median(k.rental_usd_per_mtok))
        AS electricity_share_frac
FROM configs k
JOIN accelerators a USING (accelerator_id)
CROSS JOIN grid
CROSS JOIN regions
GROUP BY k.accelerator_id, a.name, a.release_date, k.size_class, k.energy_scope
ORDER BY a.release_date, k.accelerator_id, k.size_class, k.energy_scope
