"""trend_fits: log-linear fits of hardware and training trends against date.

Each fit names a subset of rows by a query that returns (date, value); the
fit and its bootstrap interval come from ``compute_atlas.stats.trends``, with
the interval level, resamples, seed and fewest points of ``parameters``.
"""

from __future__ import annotations

import polars as pl

from compute_atlas.metadata.vocabularies import TENSOR_16BIT
from compute_atlas.publish.steps import parameter, relation_frame
from compute_atlas.stats.trends import Fit, record_setters, try_fit

PER_CHIP = "SELECT release_date AS d, max({col}) AS v FROM accelerator_efficiency WHERE {where} AND {col} IS NOT NULL GROUP BY accelerator_id, release_date ORDER BY release_date, accelerator_id"

HARDWARE_FITS = [
    # quantity, subset, description, value column, filter, best-available only
    ("peak_flop_per_s", "ml-accelerators-fp32", "All accelerators, dense FP32 rate.", "peak_flop_per_s", "precision = 'fp32'", False),
    ("peak_flop_per_s", "ml-accelerators-tensor-16bit", "Accelerators with matrix units, dense 16-bit tensor rate.", "peak_flop_per_s", TENSOR_16BIT, False),
    ("peak_flop_per_s", "best-available-tensor-16bit", "Record-setting chips only: each beats every earlier chip's dense 16-bit tensor rate.", "peak_flop_per_s", TENSOR_16BIT, True),
    # the launch-priced chips: almost all consumer and workstation cards, since few data-centre parts have a list price
    ("flop_per_s_per_usd", "ml-accelerators-fp32", "All accelerators with a launch list price (mostly consumer and workstation GPUs), FP32 FLOP/s per 2024 dollar of launch price.", "flop_per_s_per_usd_2024", "precision = 'fp32'", False),
    ("flop_per_s_per_usd", "ml-accelerators-tensor-16bit", "All accelerators with a launch list price (mostly consumer and workstation GPUs), 16-bit tensor FLOP/s per 2024 dollar of launch price.", "flop_per_s_per_usd_2024", TENSOR_16BIT, False),
    ("flop_per_s_per_usd", "best-available-tensor-16bit", "Record-setting chips among all accelerators with a launch list price, 16-bit tensor FLOP/s per 2024 dollar of launch price.", "flop_per_s_per_usd_2024", TENSOR_16BIT, True),
    # ML hardware on ML hardware: data-centre accelerators with a purchase price near launch
    # (accelerator_efficiency.fit_price_usd_2024), per precision; the compute-efficiency model uses the 16-bit fit
    ("flop_per_s_per_usd", "data-centre-tensor-16bit", "Data-centre accelerators, 16-bit tensor FLOP/s per 2024 dollar of purchase price (the launch list price, else the earliest purchase price within the purchase-price window after release).", "fit_flop_per_s_per_usd_2024", f"market_segment = 'data_centre' AND {TENSOR_16BIT}", False),
    ("flop_per_s_per_usd", "data-centre-fp32", "Data-centre accelerators, FP32 FLOP/s per 2024 dollar of purchase price (the launch list price, else the earliest purchase price within the purchase-price window after release).", "fit_flop_per_s_per_usd_2024", "market_segment = 'data_centre' AND precision = 'fp32'", False),
    ("flop_per_s_per_usd", "data-centre-tf32", "Data-centre accelerators, TF32 tensor FLOP/s per 2024 dollar of purchase price near launch.", "fit_flop_per_s_per_usd_2024", "market_segment = 'data_centre' AND precision = 'tf32' AND is_tensor_rate", False),
    ("flop_per_s_per_usd", "data-centre-fp8", "Data-centre accelerators, FP8 tensor FLOP/s per 2024 dollar of purchase price near launch.", "fit_flop_per_s_per_usd_2024", "market_segment = 'data_centre' AND precision = 'fp8' AND is_tensor_rate", False),
    ("flop_per_s_per_usd", "data-centre-int8", "Data-centre accelerators, INT8 tensor OP/s per 2024 dollar of purchase price near launch.", "fit_flop_per_s_per_usd_2024", "market_segment = 'data_centre' AND precision = 'int8' AND is_tensor_rate", False),
    # consumer and workstation GPUs: a separate, labelled series, not ML hardware
    ("flop_per_s_per_usd", "consumer-tensor-16bit", "Consumer and workstation GPUs with a launch list price, 16-bit tensor FLOP/s per 2024 dollar of launch price (a separate series: gaming and workstation cards, not data-centre ML hardware).", "flop_per_s_per_usd_2024", f"market_segment IN ('consumer', 'workstation') AND {TENSOR_16BIT}", False),
    ("flop_per_s_per_watt", "ml-accelerators-fp32", "All accelerators with a power figure, FP32 FLOP/s per watt.", "flop_per_s_per_watt", "precision = 'fp32'", False),
    ("flop_per_s_per_watt", "ml-accelerators-tensor-16bit", "Accelerators with matrix units, 16-bit tensor FLOP/s per watt.", "flop_per_s_per_watt", TENSOR_16BIT, False),
    ("flop_per_s_per_watt", "best-available-tensor-16bit", "Record-setting chips in 16-bit tensor FLOP/s per watt.", "flop_per_s_per_watt", TENSOR_16BIT, True),
    ("memory_bytes", "ml-accelerators", "All accelerators, memory capacity per chip.", "memory_bytes", f"precision = 'fp32' OR {TENSOR_16BIT}", False),
    ("memory_bandwidth_bytes_per_s", "ml-accelerators", "All accelerators, memory bandwidth per chip.", "memory_bandwidth_bytes_per_s", f"precision = 'fp32' OR {TENSOR_16BIT}", False),
]


RUN_FITS = [
    # quantity, subset, description, SQL returning (date, value)
    ("training_compute_flop", "notable-models", "Every training run in `training_runs` with a compute figure.",
     "SELECT publication_date, compute_reported_flop FROM training_run_costs WHERE compute_reported_flop IS NOT NULL "
     "ORDER BY publication_date, run_id"),
    ("frontier_training_compute_flop", "frontier-models", "Frontier runs (Epoch AI's definition) with a compute figure.",
     "SELECT publication_date, compute_reported_flop FROM training_run_costs WHERE is_frontier "
     "AND compute_reported_flop IS NOT NULL ORDER BY publication_date, run_id"),
    ("frontier_training_cost_usd", "frontier-models", "Frontier runs with a cost estimate (amortized ownership where "
     "a chip price exists, else cloud rental), in 2024 dollars.",
     "SELECT publication_date, cost_estimate_usd_2024 FROM training_run_costs WHERE is_frontier "
     "AND cost_estimate_usd_2024 IS NOT NULL ORDER BY publication_date, run_id"),
    # Cottier et al. (2024)'s subset and window: frontier runs (top 10 by compute at release) published from
    # 2016 to the end of 2023, the last models of their data, with our costs (their method on that subset is
    # a replication: trend_replications, cottier2024-frontier-cost-amortized)
    ("frontier_training_cost_usd", "frontier-models-2016-2023", "Frontier runs published 2016 to 2023 (the subset "
     "and window of Cottier et al. 2024) with our cost estimate (amortized ownership, else cloud), in 2024 dollars.",
     "SELECT publication_date, cost_estimate_usd_2024 FROM training_run_costs WHERE is_frontier "
     "AND publication_date BETWEEN DATE '2016-01-01' AND DATE '2023-12-31' "
     "AND cost_estimate_usd_2024 IS NOT NULL ORDER BY publication_date, run_id"),
]


def fit_row(quantity: str, subset: str, description: str, relation: str, fit: Fit, level: float) -> dict:
    low, high = fit.doubling_interval()
    years = (fit.end - fit.start).days / 365.25
    return {
        "fit_id": f"{quantity}:{subset}",
        "quantity": quantity,
        "subset": subset,
        "subset_description": description,
        "source_relation": relation,
        "n_points": fit.n_points,
        "start_date": fit.start,
        "end_date": fit.end,
        "slope_log10_per_year": fit.slope,
        "growth_per_year_x": fit.growth_per_year,
        "growth_per_year_x_low": 10**fit.slope_low,
        "growth_per_year_x_high": 10**fit.slope_high,
        "interval_level_frac": level,
        "doubling_time_years": Fit.doubling_time(fit.slope),
        "doubling_time_years_low": low,
        "doubling_time_years_high": high,
        "r_squared": fit.r_squared,
        "intercept_log10": fit.intercept,
        "bootstrap_samples": fit.samples,
        "fitted_start_value": 10**fit.intercept,
        "fitted_end_value": 10 ** (fit.intercept + fit.slope * years),
    }


def derive(con) -> pl.DataFrame:
    level = parameter(con, "interval-level-frac")
    options = {"samples": int(parameter(con, "bootstrap-samples")), "seed": int(parameter(con, "bootstrap-seed")),
               "level": level, "fewest": int(parameter(con, "minimum-fit-points"))}
    rows = []
    # a subset whose points cannot be fitted (too few, all on one date) has no row
    for quantity, subset, description, col, where, best_only in HARDWARE_FITS:
        points = con.execute(PER_CHIP.format(col=col, where=f"({where})")).fetchall()
        dates, values = [p[0] for p in points], [p[1] for p in points]
        if best_only:
            dates, values = record_setters(dates, values)
        fit, _ = try_fit(dates, values, **options)
        if fit is not None:
            rows.append(fit_row(quantity, subset, description, "accelerator_efficiency", fit, level))
    for quantity, subset, description, sql in RUN_FITS:
        points = con.execute(sql).fetchall()
        fit, _ = try_fit([p[0] for p in points], [p[1] for p in points], **options)
        if fit is not None:
            rows.append(fit_row(quantity, subset, description, "training_run_costs", fit, level))
    return relation_frame("trend_fits", rows)
