-- mlperf_progress: per MLPerf Training round, benchmark and accelerator (closed division), the result with the
-- fewest chip-hours, the fastest result at any scale, the speed-up over the vendor's previous generation in
-- the same round, and the rental cost of one training at the cloud price nearest the round's date.
-- Inputs, and the parameter it uses, are declared in its schema (schemas/mlperf_progress.py).
WITH p AS (
    SELECT max(value) FILTER (WHERE parameter_id = 'mlperf-generation-gap-months') AS gap_months,
           max(value) FILTER (WHERE parameter_id = 'mlperf-price-max-gap-days') AS price_gap_days
    FROM parameters
),
peaks AS (
    -- a chip's best dense 16-bit tensor rate: a predecessor generation has a lower one
    SELECT accelerator_id, peak_flop_per_s FROM accelerator_efficiency WHERE is_best_16bit_tensor
),
results AS (
    SELECT r.*, r.time_to_train_minutes / 60 * r.accelerator_count AS chip_hours
    FROM mlperf_training r
    WHERE r.division = 'closed'
),
ranked AS (
    SELECT *,
           -- the comparable scale: the fewest chip-hours of the group (ties: the faster, then the id)
           row_number() OVER (PARTITION BY mlperf_round, mlperf_benchmark, accelerator_id
                              ORDER BY chip_hours, time_to_train_minutes, mlperf_result_id) AS by_chip_hours,
           row_number() OVER (PARTITION BY mlperf_round, mlperf_benchmark, accelerator_id
                              ORDER BY time_to_train_minutes, accelerator_count, mlperf_result_id) AS by_time,
           count(*) OVER (PARTITION BY mlperf_round, mlperf_benchmark, accelerator_id) AS n_mlperf_results
    FROM results
),
selected AS (
    SELECT s.*, a.name, a.vendor, a.release_date, f.time_to_train_minutes AS fastest_time_to_train_minutes,
           f.accelerator_count AS fastest_accelerator_count
    FROM ranked s
    JOIN accelerators a USING (accelerator_id)
    JOIN ranked f ON f.mlperf_round = s.mlperf_round AND f.mlperf_benchmark = s.mlperf_benchmark
                 AND f.accelerator_id = s.accelerator_id AND f.by_time = 1
    WHERE s.by_chip_hours = 1
),
predecessors AS (
    -- of the same vendor's accelerators released at least gap_months earlier, with a lower dense 16-bit peak
    -- (an earlier generation, not a sibling or a smaller part of the same one), and with a result on the same
    -- benchmark in the same round: the one with the fewest chip-hours
    SELECT s.mlperf_round, s.mlperf_benchmark, s.accelerator_id,
           o.accelerator_id AS predecessor_accelerator_id, o.chip_hours AS predecessor_chip_hours,
           o.accelerator_count AS predecessor_accelerator_count,
           row_number() OVER (PARTITION BY s.mlperf_round, s.mlperf_benchmark, s.accelerator_id
                              ORDER BY o.chip_hours, o.accelerator_id) AS rank
    FROM selected s
    CROSS JOIN p
    JOIN selected o ON o.mlperf_round = s.mlperf_round AND o.mlperf_benchmark = s.mlperf_benchmark
                   AND o.vendor = s.vendor
                   AND o.release_date <= s.release_date - to_months(CAST(p.gap_months AS INTEGER))
    JOIN peaks sp ON sp.accelerator_id = s.accelerator_id
    JOIN peaks op ON op.accelerator_id = o.accelerator_id AND op.peak_flop_per_s < sp.peak_flop_per_s
),
cloud_ranked AS (
    SELECT x.mlperf_round, c.accelerator_id, c.price_date, c.price_usd_per_hour,
           dense_rank() OVER (PARTITION BY x.mlperf_round, c.accelerator_id
                              ORDER BY abs(date_diff('day', c.price_date, x.round_published_date)), c.price_date)
               AS nearness
    FROM mlperf_rounds x
    CROSS JOIN p
    JOIN cloud_prices c ON c.pricing_model = 'on_demand'
    -- a price more than price_gap_days from the round is no price of that round
    WHERE c.accelerator_id IN (SELECT accelerator_id FROM selected)
      AND abs(date_diff('day', c.price_date, x.round_published_date)) <= p.price_gap_days
),
cloud AS (
    SELECT mlperf_round, accelerator_id, any_value(price_date) AS cloud_price_date,
           median(price_usd_per_hour) AS cloud_price_usd_per_hour
    FROM cloud_ranked WHERE nearness = 1
    GROUP BY mlperf_round, accelerator_id
)
SELECT
    s.mlperf_round, x.round_published_date, s.mlperf_benchmark, s.accelerator_id, s.name, s.vendor, s.release_date,
    s.n_mlperf_results, s.mlperf_result_id, s.submitter, s.system, s.accelerator_count, s.time_to_train_minutes,
    s.chip_hours, s.is_official_score, s.fastest_time_to_train_minutes, s.fastest_accelerator_count,
    d.predecessor_accelerator_id, d.predecessor_chip_hours, d.predecessor_accelerator_count,
    d.predecessor_chip_hours / s.chip_hours AS speedup_over_predecessor_x,
    c.cloud_price_usd_per_hour, c.cloud_price_date,
    s.chip_hours * c.cloud_price_usd_per_hour AS cloud_cost_usd
FROM selected s
JOIN mlperf_rounds x USING (mlperf_round)
LEFT JOIN predecessors d ON d.mlperf_round = s.mlperf_round AND d.mlperf_benchmark = s.mlperf_benchmark
                        AND d.accelerator_id = s.accelerator_id AND d.rank = 1
LEFT JOIN cloud c ON c.mlperf_round = s.mlperf_round AND c.accelerator_id = s.accelerator_id
ORDER BY s.mlperf_benchmark, s.mlperf_round, s.release_date, s.accelerator_id
