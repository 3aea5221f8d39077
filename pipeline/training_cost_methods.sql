-- training_cost_methods: each run's training cost by four methods, ours and Cottier et al.'s, beside
-- the figure they publish (published_costs). Inputs, assumptions and parameters are declared in its
-- schema (schemas/training_cost_methods.py).
--   ours-cloud         training_run_costs: chip-hours × median on-demand price nearest the publication date
--   ours-ownership     training_run_costs: cluster cost over the depreciation life, plus energy
--   cottier-cloud      chip-hours × the 3-year-commitment price of the run's cloud vendor at the hardware
--                      acquisition date (publication − lag − duration − lead): the latest price on or before
--                      it, else the earliest after (Cottier et al.'s find_price)
--   cottier-amortized  chip-hours × (the chip's earliest price with server markup, depreciated to the start
--                      of training by hardware progress, × its replacement rate) / (1 − interconnect share)
--                      plus energy (Cottier et al.'s estimate_hardware_capex_energy)
WITH k AS (
    SELECT
        max(value) FILTER (WHERE assumption_id = 'default-mfu') AS mfu,
        max(value) FILTER (WHERE assumption_id = 'cloud-commit-1y-discount-frac') AS cud_1y,
        max(value) FILTER (WHERE assumption_id = 'cloud-commit-3y-discount-frac') AS cud_3y,
        max(value) FILTER (WHERE assumption_id = 'hardware-value-decline-oom-per-year') AS decline_oom,
        max(value) FILTER (WHERE assumption_id = 'interconnect-cost-frac') AS interconnect_share,
        max(value) FILTER (WHERE assumption_id = 'server-cost-markup-frac') AS server_markup,
        max(value) FILTER (WHERE assumption_id = 'pue') AS pue,
        max(value) FILTER (WHERE assumption_id = 'default-electricity-price-usd-per-kwh') AS electricity_usd_per_kwh
    FROM assumptions
),
p AS (
    SELECT
        max(value) FILTER (WHERE parameter_id = 'dollar-base-year') AS base_year,
        max(value) FILTER (WHERE parameter_id = 'hours-per-year') AS hours_per_year,
        max(value) FILTER (WHERE parameter_id = 'cottier-cloud-commitment-years') AS commit_years,
        max(value) FILTER (WHERE parameter_id = 'cottier-publication-lag-days') AS publication_lag_days,
        max(value) FILTER (WHERE parameter_id = 'cottier-acquisition-lead-days') AS acquisition_lead_days,
        max(value) FILTER (WHERE parameter_id = 'cottier-default-training-duration-hours') AS default_duration_hours,
        max(value) FILTER (WHERE parameter_id = 'cottier-availability-lag-days') AS availability_lag_days
    FROM parameters
),
cpi AS (
    SELECT year, cpi_u_index, ppi_data_processing_index,
           (SELECT cpi_u_index FROM price_index WHERE year = (SELECT base_year FROM p)) / cpi_u_index AS to_2024
    FROM price_index
),
runs AS (
    SELECT
        c.*,
        a.kind AS accelerator_kind,
        a.release_date,
        -- chip-hours of Cottier et al.'s estimate_chip_hours: chips × hours, else compute / (peak × default MFU)
        coalesce(c.chip_hours, c.compute_reported_flop / (c.peak_flop_per_s * k.mfu * 3600)) AS cottier_chip_hours,
        CASE WHEN c.chip_hours IS NOT NULL THEN 'count_x_duration'
             WHEN c.compute_reported_flop IS NOT NULL AND c.peak_flop_per_s IS NOT NULL THEN 'compute_over_peak_rate'
        END AS cottier_chip_hours_basis,
        c.publication_date - to_days(CAST(p.publication_lag_days AS INTEGER))
            - to_microseconds(CAST(coalesce(c.training_duration_hours, p.default_duration_hours) * 3600e6 AS BIGINT))
            AS training_start,
        -- the vendor of select_vendor: Google Cloud for Google and DeepMind, Azure for Microsoft and OpenAI,
        -- else AWS; a TPU only on Google Cloud
        CASE WHEN a.kind = 'tpu' OR lower(c.organization) LIKE '%google%' OR lower(c.organization) LIKE '%deepmind%'
                 THEN 'Google Cloud'
             WHEN lower(c.organization) LIKE '%microsoft%' OR lower(c.organization) LIKE '%openai%' THEN 'Azure'
             ELSE 'AWS' END AS cottier_vendor
    FROM training_run_costs c
    LEFT JOIN accelerators a USING (accelerator_id)
    CROSS JOIN k CROSS JOIN p
    WHERE c.accelerator_id IS NOT NULL
),
dated AS (
    SELECT runs.*, CAST(training_start - to_days(CAST(p.acquisition_lead_days AS INTEGER)) AS DATE) AS acquisition_date
    FROM runs CROSS JOIN p
),
-- cottier-cloud: the target tier first, then a 1-year commitment, then on demand, each converted to the
-- target tier; within a tier the run's vendor first, then AWS, Azure, Google Cloud, then the others by name
cloud_candidates AS (
    SELECT d.run_id, c.provider, c.pricing_model, c.price_date, c.price_usd_per_hour,
           CASE c.pricing_model WHEN 'commit_' || CAST(p.commit_years AS INTEGER) || 'y' THEN 1.0
                WHEN 'commit_1y' THEN (1 - k.cud_3y) / (1 - k.cud_1y)
                WHEN 'on_demand' THEN 1 - k.cud_3y END AS tier_conversion_x,
           CASE c.pricing_model WHEN 'commit_' || CAST(p.commit_years AS INTEGER) || 'y' THEN 0
                WHEN 'commit_1y' THEN 1 ELSE 2 END AS tier_rank,
           CASE WHEN c.provider = d.cottier_vendor THEN 0 WHEN c.provider = 'AWS' THEN 1
                WHEN c.provider = 'Azure' THEN 2 WHEN c.provider = 'Google Cloud' THEN 3 ELSE 4 END AS vendor_rank,
           c.price_date > d.acquisition_date AS after_target,
           abs(date_diff('day', c.price_date, d.acquisition_date)) AS days_off
    FROM dated d
    JOIN cloud_prices c ON c.accelerator_id = d.accelerator_id
    CROSS JOIN k CROSS JOIN p
    WHERE c.pricing_model IN ('commit_' || CAST(p.commit_years AS INTEGER) || 'y', 'commit_1y', 'on_demand')
      AND (d.accelerator_kind <> 'tpu' OR c.provider = 'Google Cloud')
),
cloud_ranked AS (
    SELECT *, dense_rank() OVER (PARTITION BY run_id
                                 ORDER BY tier_rank, vendor_rank, provider, after_target, days_off) AS pick
    FROM cloud_candidates
),
cottier_cloud_price AS (
    SELECT run_id, any_value(provider) AS provider, any_value(pricing_model) AS pricing_model,
           any_value(price_date) AS price_date, any_value(tier_conversion_x) AS tier_conversion_x,
           median(price_usd_per_hour) * any_value(tier_conversion_x) AS rate_usd_per_hour
    FROM cloud_ranked WHERE pick = 1 GROUP BY run_id
),
-- cottier-amortized: the chip's earliest price (its own, else its proxy's), as a server price
own_prices AS (
    SELECT accelerator_id, price_date, price_usd FROM hardware_prices
    UNION ALL
    SELECT accelerator_id, launch_price_date, launch_price_usd FROM accelerators
    WHERE launch_price_usd IS NOT NULL AND accelerator_id NOT IN (SELECT accelerator_id FROM hardware_prices)
),
chip_prices AS (
    SELECT * FROM own_prices
    UNION ALL
    SELECT x.accelerator_id, o.price_date, o.price_usd
    FROM price_proxies x JOIN own_prices o ON o.accelerator_id = x.proxy_accelerator_id
    WHERE x.accelerator_id NOT IN (SELECT accelerator_id FROM own_prices)
),
earliest_price AS (
    SELECT accelerator_id, arg_min(price_usd, (price_date, price_usd)) AS price_usd, min(price_date) AS price_date
    FROM chip_prices GROUP BY accelerator_id
),
amortized AS (
    SELECT d.run_id, e.price_date, e.price_usd,
           -- a GPU is acquired on its price date, but no earlier than release + the availability lag; a TPU at release
           CASE WHEN d.accelerator_kind = 'tpu' THEN d.release_date
                ELSE greatest(e.price_date, d.release_date + to_days(CAST(p.availability_lag_days AS INTEGER))) END
               AS acquired,
           d.power_per_chip_watts
    FROM dated d JOIN earliest_price e USING (accelerator_id) CROSS JOIN p
),
valued AS (
    SELECT a.*, d.training_start,
           CASE WHEN d.accelerator_kind = 'tpu' THEN CAST(d.training_start AS DATE)
                ELSE greatest(CAST(d.training_start AS DATE), CAST(a.acquired AS DATE)) END AS used_from
    FROM amortized a JOIN dated d USING (run_id)
),
cottier_amortized_rate AS (
    SELECT v.run_id, v.price_date, v.used_from,
           v.price_usd * (1 + k.server_markup)
               * pow(10, -k.decline_oom * date_diff('day', CAST(v.acquired AS DATE), v.used_from) / (p.hours_per_year / 24))
               * k.decline_oom * ln(10) / p.hours_per_year / (1 - k.interconnect_share)
           + v.power_per_chip_watts * k.pue / 1000 * k.electricity_usd_per_kwh AS rate_usd_per_hour
    FROM valued v CROSS JOIN k CROSS JOIN p
),
methods AS (
    SELECT r.run_id, 'ours-cloud' AS method_id, 'cloud' AS cost_method, r.chip_hours AS method_chip_hours,
           CASE WHEN r.chip_hours IS NOT NULL THEN 'count_x_duration' END AS chip_hours_basis,
           r.publication_date AS price_target_date, r.cloud_price_date AS price_date, 'on_demand' AS pricing_model,
           CAST(NULL AS VARCHAR) AS price_provider, r.cloud_price_usd_per_hour AS rate_usd_per_hour,
           1.0 AS tier_conversion_x, r.cloud_cost_usd AS cost_usd, year(r.cloud_price_date) AS dollar_year,
           'median of on-demand prices' AS price_rule
    FROM runs r WHERE r.cloud_cost_usd IS NOT NULL
    UNION ALL
    SELECT r.run_id, 'ours-ownership', 'amortized', r.chip_hours,
           CASE WHEN r.chip_hours IS NOT NULL THEN 'count_x_duration' END,
           r.publication_date, r.chip_price_date, NULL, NULL, r.ownership_cost_usd / r.chip_hours, NULL,
           r.ownership_cost_usd, year(r.chip_price_date), 'chip price nearest the publication date'
    FROM runs r WHERE r.ownership_cost_usd IS NOT NULL
    UNION ALL
    SELECT r.run_id, 'cottier-cloud', 'cloud', r.cottier_chip_hours, r.cottier_chip_hours_basis,
           r.acquisition_date, c.price_date, c.pricing_model, c.provider, c.rate_usd_per_hour, c.tier_conversion_x,
           c.rate_usd_per_hour * r.cottier_chip_hours, year(r.publication_date),
           'latest price of the vendor on or before the acquisition date, else the earliest after'
    FROM dated r JOIN cottier_cloud_price c USING (run_id) WHERE r.cottier_chip_hours IS NOT NULL
    UNION ALL
    SELECT r.run_id, 'cottier-amortized', 'amortized', r.cottier_chip_hours, r.cottier_chip_hours_basis,
           a.used_from, a.price_date, NULL, NULL, a.rate_usd_per_hour, NULL,
           a.rate_usd_per_hour * r.cottier_chip_hours, year(r.publication_date),
           'earliest chip price, depreciated to the start of training'
    FROM dated r JOIN cottier_amortized_rate a USING (run_id)
    -- a chip with a price but no power figure (no TDP) has no energy term, so no rate: the method gives no cost
    -- for that run (no row), rather than a row without one
    WHERE r.cottier_chip_hours IS NOT NULL AND a.rate_usd_per_hour IS NOT NULL
)
SELECT
    m.run_id, r.model, r.publication_date, r.is_frontier, r.accelerator_id,
    m.method_id, m.cost_method, m.method_chip_hours, m.chip_hours_basis,
    m.price_target_date, m.price_date, m.pricing_model, m.price_provider, m.rate_usd_per_hour,
    m.tier_conversion_x, m.price_rule, m.cost_usd, m.dollar_year,
    m.cost_usd * own.to_2024 AS cost_usd_2024,
    -- the published figure: its adjustment undone with its own index (to dollars of the publication year),
    -- then converted to 2024 dollars with CPI-U as every _usd_2024 column is
    pc.published_cost_usd
        * CASE pc.deflator WHEN 'ppi_data_processing' THEN pub.ppi_data_processing_index / fig.ppi_data_processing_index
                           ELSE pub.cpi_u_index / fig.cpi_u_index END
        * pub.to_2024 AS published_cost_usd_2024,
    m.cost_usd * own.to_2024
        / (pc.published_cost_usd
           * CASE pc.deflator WHEN 'ppi_data_processing' THEN pub.ppi_data_processing_index / fig.ppi_data_processing_index
                              ELSE pub.cpi_u_index / fig.cpi_u_index END
           * pub.to_2024) AS ratio_to_published_x,
    pc.published_chip_hours,
    CASE m.method_id
        WHEN 'ours-cloud' THEN NULL
        WHEN 'ours-ownership' THEN 'default-electricity-price-usd-per-kwh;hardware-depreciation-years;'
            || 'interconnect-cost-frac;pue;server-avg-power-frac;server-cost-markup-frac;server-power-overhead-frac;'
            || 'tpu-server-avg-power-frac;tpu-server-power-overhead-frac'
        WHEN 'cottier-cloud' THEN 'cloud-commit-1y-discount-frac;cloud-commit-3y-discount-frac;default-mfu'
        ELSE 'default-electricity-price-usd-per-kwh;default-mfu;hardware-value-decline-oom-per-year;'
            || 'interconnect-cost-frac;pue;server-avg-power-frac;server-cost-markup-frac;server-power-overhead-frac;'
            || 'tpu-server-avg-power-frac;tpu-server-power-overhead-frac' END AS assumptions_used
FROM methods m
JOIN runs r USING (run_id)
LEFT JOIN cpi own ON own.year = m.dollar_year
LEFT JOIN published_costs pc ON pc.run_id = m.run_id AND pc.cost_method = m.cost_method
LEFT JOIN cpi pub ON pub.year = year(r.publication_date)
LEFT JOIN cpi fig ON fig.year = pc.dollar_year
ORDER BY m.run_id, m.method_id
