-- accelerator_efficiency: one row per accelerator and precision with a dense peak rate.
-- Inputs (declared in its schema): accelerators, price_index (CPI-U), measurements, parameters (the dollar base year).
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
priced AS (
    SELECT r.*,
           r.launch_price_usd * base.cpi_2024 / p.cpi_u_index AS launch_price_usd_2024
    FROM rates r
    CROSS JOIN base
    LEFT JOIN price_index p ON p.year = year(r.launch_price_date)
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
    p.tdp_watts,
    p.tdp_kind,
    p.peak_flop_per_s / p.launch_price_usd AS flop_per_s_per_usd,
    p.peak_flop_per_s / p.launch_price_usd_2024 AS flop_per_s_per_usd_2024,
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
