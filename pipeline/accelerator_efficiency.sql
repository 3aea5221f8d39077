-- accelerator_efficiency: one row per accelerator and precision with a dense peak rate.
-- Inputs (declared in its schema): accelerators, hardware_prices (the purchase-price fallback), price_index (CPI-U),
-- measurements, parameters (the dollar base year, the purchase-price window).
WITH rates AS (
    UNPIVOT accelerators
    ON fp64_flop_per_s AS 'fp64', fp32_flop_per_s AS 'fp32', tf32_flop_per_s AS 'tf32',
       bf16_flop_per_s AS 'bf16', fp16_flop_per_s AS 'fp16', fp8_flop_per_s AS 'fp8',
       fp4_flop_per_s AS 'fp4', int8_op_per_s AS 'int8'
    INTO NAME precision VALUE peak_flop_per_s
),
base AS (
    SELECT cpi_u_index AS cpi_2024 FROM price_index
    WHERE year = (SELECT value FROM parameters WHERE parameter_id = 'dollar-base-year')
),
achieved AS (
    SELECT accelerator_id, precision, max(achieved_flop_per_s) AS achieved_flop_per_s
    FROM measurements
    WHERE benchmark = 'matmul' AND accelerator_id IS NOT NULL
    GROUP BY ALL
),
-- a chip's earliest purchase price dated no later than the window after its release (the lowest on a tie): what a
-- buyer paid near launch, the price of the price-performance fits where no launch list price is known
near_launch_purchase AS (
    SELECT h.accelerator_id,
           arg_min(h.price_date, (h.price_date, h.price_usd)) AS near_date,
           arg_min(h.price_usd, (h.price_date, h.price_usd)) AS near_usd
    FROM hardware_prices h JOIN accelerators a USING (accelerator_id)
    WHERE h.price_date <= a.release_date + to_months(CAST((SELECT value FROM parameters
                                                            WHERE parameter_id = 'purchase-price-window-months') AS INTEGER))
    GROUP BY h.accelerator_id
),
-- a chip's earliest dated purchase price (the lowest on a tie): the fallback where no launch price is known
first_purchase AS (
    SELECT accelerator_id,
           arg_min(price_date, (price_date, price_usd)) AS purchase_date,
           arg_min(price_usd, (price_date, price_usd)) AS purchase_usd
    FROM hardware_prices
    GROUP BY accelerator_id
),
chosen AS (
    SELECT r.*,
           CASE WHEN r.launch_price_usd IS NOT NULL THEN 'launch_list'
                WHEN f.purchase_usd IS NOT NULL THEN 'purchase' END AS price_basis,
           coalesce(r.launch_price_usd, f.purchase_usd) AS price_usd,
           CASE WHEN r.launch_price_usd IS NOT NULL THEN r.launch_price_date ELSE f.purchase_date END AS price_date,
           CASE WHEN r.launch_price_usd IS NOT NULL THEN 'launch_list'
                WHEN n.near_usd IS NOT NULL THEN 'purchase_near_launch' END AS fit_price_basis,
           coalesce(r.launch_price_usd, n.near_usd) AS fit_price_usd,
           CASE WHEN r.launch_price_usd IS NOT NULL THEN r.launch_price_date ELSE n.near_date END AS fit_price_date
    FROM rates r
    LEFT JOIN first_purchase f USING (accelerator_id)
    LEFT JOIN near_launch_purchase n USING (accelerator_id)
),
priced AS (
    SELECT c.*,
           c.launch_price_usd * base.cpi_2024 / p.cpi_u_index AS launch_price_usd_2024,
           c.price_usd * base.cpi_2024 / q.cpi_u_index AS price_usd_2024,
           c.fit_price_usd * base.cpi_2024 / n.cpi_u_index AS fit_price_usd_2024
    FROM chosen c
    CROSS JOIN base
    LEFT JOIN price_index p ON p.year = year(c.launch_price_date)
    LEFT JOIN price_index q ON q.year = year(c.price_date)
    LEFT JOIN price_index n ON n.year = year(c.fit_price_date)
)
SELECT
    p.accelerator_id, p.name, p.vendor, p.kind, p.market_segment, p.release_date,
    p.precision,
    p.peak_flop_per_s,
    p.has_matrix_units AND p.precision NOT IN ('fp64', 'fp32') AS is_tensor_rate,
    -- the one definition of a chip's best 16-bit tensor rate: the higher of BF16 and FP16 on matrix units (BF16 on a tie)
    coalesce(p.has_matrix_units AND p.precision IN ('bf16', 'fp16') AND row_number() OVER (
        PARTITION BY p.accelerator_id, p.has_matrix_units AND p.precision IN ('bf16', 'fp16')
        ORDER BY p.peak_flop_per_s DESC, p.precision) = 1, false) AS is_best_16bit_tensor,
    p.launch_price_usd,
    p.launch_price_usd_2024,
    p.price_basis,
    p.price_usd,
    p.price_date,
    p.price_usd_2024,
    p.tdp_watts,
    p.tdp_kind,
    p.peak_flop_per_s / p.launch_price_usd AS flop_per_s_per_usd,
    p.peak_flop_per_s / p.launch_price_usd_2024 AS flop_per_s_per_usd_2024,
    p.peak_flop_per_s / p.price_usd_2024 AS priced_flop_per_s_per_usd_2024,
    p.fit_price_basis,
    p.fit_price_usd_2024,
    p.peak_flop_per_s / p.fit_price_usd_2024 AS fit_flop_per_s_per_usd_2024,
    p.peak_flop_per_s / p.tdp_watts AS flop_per_s_per_watt,
    p.memory_bytes,
    p.memory_bandwidth_bytes_per_s,
    p.peak_flop_per_s / p.memory_bandwidth_bytes_per_s AS ridge_point_flop_per_byte,
    p.memory_bytes / p.peak_flop_per_s AS memory_bytes_per_flop_per_s,
    a.achieved_flop_per_s,
    a.achieved_flop_per_s / p.peak_flop_per_s AS achieved_over_peak_frac,
    p.source
FROM priced p
LEFT JOIN achieved a USING (accelerator_id, precision)
ORDER BY p.accelerator_id, p.precision
