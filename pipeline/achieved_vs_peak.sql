-- achieved_vs_peak: per accelerator and precision, the best achieved dense matmul rate (ours or published)
-- over the quoted dense peak, and the bandwidth equivalent where a copy measurement exists.
-- Inputs (declared in its schema): measurements, accelerator_efficiency.
WITH matmul AS (
    SELECT m.*,
           row_number() OVER (PARTITION BY m.accelerator_id, m.precision
                              ORDER BY m.achieved_flop_per_s DESC, m.measured_date, m.measurement_id) AS rank,
           count(*) OVER (PARTITION BY m.accelerator_id, m.precision) AS n_measurements,
           count(*) FILTER (WHERE m.provenance = 'measured') OVER (PARTITION BY m.accelerator_id, m.precision)
               AS n_measured
    FROM measurements m
    WHERE m.benchmark = 'matmul' AND m.accelerator_id IS NOT NULL AND m.achieved_flop_per_s IS NOT NULL
),
copy AS (
    SELECT accelerator_id, measurement_id AS bandwidth_measurement_id, achieved_bytes_per_s,
           row_number() OVER (PARTITION BY accelerator_id
                              ORDER BY achieved_bytes_per_s DESC, measured_date, measurement_id) AS rank
    FROM measurements
    WHERE benchmark = 'memory_copy' AND accelerator_id IS NOT NULL AND achieved_bytes_per_s IS NOT NULL
)
SELECT
    e.accelerator_id, e.name, e.vendor, e.release_date, e.precision,
    e.peak_flop_per_s,
    m.achieved_flop_per_s,
    m.achieved_flop_per_s / e.peak_flop_per_s AS achieved_over_peak_frac,
    m.provenance, m.measurement_id, m.measured_date, m.software, m.source, m.source_url,
    m.n_measurements, m.n_measured,
    c.achieved_bytes_per_s,
    e.memory_bandwidth_bytes_per_s,
    c.achieved_bytes_per_s / e.memory_bandwidth_bytes_per_s AS achieved_bandwidth_over_peak_frac,
    c.bandwidth_measurement_id
FROM matmul m
JOIN accelerator_efficiency e USING (accelerator_id, precision)
LEFT JOIN copy c ON c.accelerator_id = m.accelerator_id AND c.rank = 1
WHERE m.rank = 1
ORDER BY e.accelerator_id, e.precision
