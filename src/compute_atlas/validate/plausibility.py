"""Plausibility checks of particular tables: rates in the right order, a sparse figure stored as
dense, prices per chip rather than per instance, estimates inside their own intervals. Most are
errors; the ones a real chip or run can break are warnings, for a reviewer to confirm."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..build.ddl import ident
from ..problems import Problem

if TYPE_CHECKING:
    from .rules import _Query

#: Ceiling on a dense 16-bit tensor rate at each release date: 1.6e15 FLOP/s in
#: September 2022, growing 1.6x a year. It sits above every flagship's dense
#: rate (V100 1.25e14 in 2017, H100 9.9e14, B200 2.25e15) and below its
#: "with sparsity" figure (A100 6.24e14, H100 1.98e15, MI300X 2.61e15), so a
#: sparse figure entered as dense is caught.
FRONTIER_16BIT_FLOP_PER_S = "1.6e15 * pow(1.6, (date_diff('day', DATE '2022-09-20', release_date) / 365.25))"

#: Rate pairs on matrix units: (higher, lower, max ratio higher/lower, what a violation means).
RATE_ORDER = [
    ("bf16_flop_per_s", "fp32_flop_per_s", None, "a 16-bit tensor rate below the FP32 rate: is it the non-tensor rate?"),
    ("fp16_flop_per_s", "fp32_flop_per_s", None, "a 16-bit tensor rate below the FP32 rate: is it the non-tensor rate?"),
    ("fp16_flop_per_s", "bf16_flop_per_s", 1.05, "FP16 and BF16 run at the same rate on almost every chip (the AMD "
                                                  "MI100 is an exception); is one of them a sparse figure?"),
    ("fp8_flop_per_s", "bf16_flop_per_s", 2.2, "FP8 runs at 1 to 2 times the BF16 rate; outside that, one of them is "
                                               "sparse or mis-typed"),
    ("fp4_flop_per_s", "fp8_flop_per_s", 4.4, "FP4 runs at 1 to 4 times the FP8 rate; outside that, one of them is "
                                              "sparse or mis-typed"),
    ("bf16_flop_per_s", "tf32_flop_per_s", 2.2, "TF32 runs at half the BF16 rate; a BF16 rate more than twice "
                                                "TF32 is likely a sparse figure"),
]



def run_all(q: _Query, have: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    if "accelerators" in have:
        problems += accelerator_plausibility(q)
        problems += near_duplicate_names(q, "accelerators", "name")
    if "glossary" in have:
        problems += near_duplicate_names(q, "glossary", "term")
    problems += intervals(q, have)
    if "training_runs" in have:
        problems += training_run_plausibility(q)
    if "cloud_prices" in have:
        problems += q.rows("cloud_prices", "price_usd_per_hour NOT BETWEEN 0.05 AND 100", "price_usd_per_hour",
                           "price_usd_per_hour", "price per accelerator-hour outside 0.05 to 100 USD",
                           "is it the price of a whole instance? divide by its number of accelerators", "warning")
    return problems


def accelerator_plausibility(q: _Query) -> list[Problem]:
    out = []
    for hi, lo, max_ratio, meaning in RATE_ORDER:
        out += q.rows("accelerators", f"has_matrix_units AND {hi} < {lo}", hi, f"{hi} || ' < ' || {lo}",
                      f"{hi} must be at least {lo} on a chip with matrix units", meaning)
        if max_ratio:  # a few real chips exceed these ratios: a warning, for a reviewer to confirm
            out += q.rows("accelerators", f"has_matrix_units AND {hi} > {max_ratio} * {lo}", hi,
                          f"{hi} || ' > {max_ratio} x ' || {lo}",
                          f"{hi} is more than {max_ratio} times {lo}", meaning, "warning")
    for col in ("bf16_flop_per_s", "fp16_flop_per_s"):
        out += q.rows("accelerators", f"kind <> 'wafer_scale' AND {col} > {FRONTIER_16BIT_FLOP_PER_S}", col, col,
                      "dense rate above the fastest plausible chip of its release date "
                      "(1.6e15 FLOP/s in Sept 2022, growing 1.6x a year)",
                      "is it a 'with sparsity' figure? store the dense rate (half of it)")
    out += q.rows("accelerators", "(launch_price_usd IS NULL) <> (launch_price_date IS NULL)", "launch_price_date",
                  "coalesce(CAST(launch_price_date AS VARCHAR), '')", "a launch price needs its date, and a date its price",
                  "fill both or neither")
    out += q.rows("accelerators", "tdp_watts IS NOT NULL AND tdp_kind IS NULL", "tdp_kind", "tdp_kind",
                  "a power figure needs its kind", "vendor_tdp, derived or measured")
    out += q.rows("accelerators", "launch_price_usd IS NOT NULL AND fp32_flop_per_s / launch_price_usd > "
                  "1e10 * pow(1.5, year(release_date) - 2008)", "launch_price_usd", "launch_price_usd",
                  "FP32 FLOP/s per dollar far above the trend for its year", "check the price and the rate", "warning")
    return out


def near_duplicate_names(q: _Query, table: str, col: str) -> list[Problem]:
    norm = f"regexp_replace(lower({col}), '[^a-z0-9]', '', 'g')"
    where = (f"rowid IN (SELECT rowid FROM (SELECT rowid, count(*) OVER (PARTITION BY {norm}) AS n "
             f"FROM staging.{ident(table)}) WHERE n > 1)")
    return q.rows(table, where, col, col, "names differ only in case, spacing or punctuation",
                  "one entity should have one row")


def intervals(q: _Query, have: set[str]) -> list[Problem]:
    out = []
    if "published_trends" in have:
        out += q.rows("published_trends", "ci_low > value OR value > ci_high", "value",
                      "ci_low || ' / ' || value || ' / ' || ci_high", "estimate outside its own interval",
                      "low <= value <= high, in the unit's own order")
        out += q.rows("published_trends", "start_year > end_year", "start_year", "start_year || '-' || end_year",
                      "start_year after end_year")
        out += q.rows("published_trends", "(ci_low IS NULL) <> (ci_high IS NULL)", "ci_low", "ci_low",
                      "an interval needs both ends")
        out += q.rows("published_trends", "ci_low IS NOT NULL AND interval_level_frac IS NULL AND interval_method <> 'range'",
                      "interval_level_frac", "interval_level_frac", "an interval needs its level", "e.g. 0.9 for 90 %")
    if "assumptions" in have:
        out += q.rows("assumptions", "low > value OR value > high", "value", "low || ' / ' || value || ' / ' || high",
                      "value outside its own range", "low <= value <= high")
    return out


def training_run_plausibility(q: _Query) -> list[Problem]:
    out = q.rows("training_runs", "(reported_cost_usd IS NULL) <> (reported_cost_year IS NULL)", "reported_cost_year",
                 "reported_cost_year", "a reported cost needs its dollar-year, and a year its cost", "fill both or neither")
    out += q.rows("training_runs",
                  "training_compute_flop IS NOT NULL AND parameters IS NOT NULL AND training_tokens IS NOT NULL AND "
                  "(training_compute_flop > 10 * 6 * parameters * training_tokens OR "
                  " training_compute_flop < 6 * parameters * training_tokens / 10)",
                  "training_compute_flop", "training_compute_flop || ' vs 6ND ' || (6 * parameters * training_tokens)",
                  "training compute differs from 6 x parameters x tokens by more than 10x",
                  "check the exponent; for mixture-of-experts the active parameters set the compute", "warning")
    return out


