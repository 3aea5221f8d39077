"""The arithmetic of the derived relations, checked against values worked out by hand.

A tiny datasets folder: the shipped one with the rows of the tables the relations read replaced by
a handful of hand-made rows (headers, references.bib, glossary and techniques kept as shipped), and
the cost model's assumptions set to round values. One build; every expected value below is worked
out in the comment beside it, never read back from the SQL.
"""

from __future__ import annotations

import math
import shutil

import duckdb
import pytest

from compute_atlas.stats.trends import fit_loglinear

from conftest import DATASETS, cli, edit_csv, read_rows, replace_rows, row_of

approx = lambda v: pytest.approx(v, rel=1e-9)  # noqa: E731

CHIP = "epoch2025chipdataset"
PRICES = "epoch2025hardwareprices"
RUNS = "epoch2026notablemodels"

#: Round assumptions, so that the products below are easy to do by hand.
ASSUMPTIONS = {
    "default-mfu": 0.5,
    "pue": 1.25,
    "server-power-overhead-frac": 1.0,  # GPU server: chip TDP × 2
    "tpu-server-power-overhead-frac": 0.5,  # TPU server: chip TDP × 1.5
    "server-avg-power-frac": 0.5,  # GPU: average power is half the server's
    "tpu-server-avg-power-frac": 0.8,
    "hardware-depreciation-years": 2,  # 2 × 8766 h = 17 532 h
    "server-cost-markup-frac": 0.5,
    "interconnect-cost-frac": 0.25,  # cluster = chips × price × 1.5 / 0.75 = chips × price × 2
    "default-electricity-price-usd-per-kwh": 0.1,
    "default-carbon-intensity-g-co2e-per-kwh": 500,
    # Cottier et al.'s variants (training_cost_methods)
    "cloud-commit-1y-discount-frac": 0.2,
    "cloud-commit-3y-discount-frac": 0.5,  # an on-demand price converts to a 3-year one at × 0.5
    "hardware-value-decline-oom-per-year": math.log10(math.e),  # value falls by e^-t; × ln 10 = 1 a year
}

#: CPI-U by year; to_2024 divisor = cpi(year) / 300.
CPI = {2014: 140, 2015: 145, 2016: 150, 2017: 160, 2018: 180, 2019: 200, 2020: 240, 2021: 250, 2022: 270,
       2023: 285, 2024: 300, 2025: 310}
#: Producer price index of data processing (Cottier et al.'s deflator): 2025 is 1.1 × 2024.
PPI = {2020: 90, 2021: 92, 2022: 95, 2023: 98, 2024: 100, 2025: 110}


def accelerator(accelerator_id, kind, release_date, *, fp32=None, bf16=None, fp16=None, matrix=True,
                tdp, price=None, price_date=None):
    return {"accelerator_id": accelerator_id, "name": accelerator_id.replace("-", " ").title(), "vendor": "Test",
            "kind": kind, "market_segment": "data_centre", "release_date": release_date,
            "release_date_basis": "month_only",
            "launch_price_usd": price, "launch_price_date": price_date, "fp32_flop_per_s": fp32,
            "bf16_flop_per_s": bf16, "fp16_flop_per_s": fp16, "has_matrix_units": str(matrix).lower(),
            "memory_bytes": 1.6e10, "memory_bandwidth_bytes_per_s": 1e12, "tdp_watts": tdp,
            "tdp_kind": "vendor_tdp", "source": CHIP, "notes": "Date: only the month is known."}


ACCELERATORS = [
    # The three launch-priced 16-bit tensor chips behind the hardware price-performance fit, released
    # exactly 4 Julian years apart (2016-01-01 → 2020-01-01 → 2024-01-01: 1461 days = 4 × 365.25 each):
    #   2016: 2e13 FLOP/s / ($1000 × 300/150 = $2000 of 2024)   = 1e10    FLOP/s per 2024 $
    #   2020: 2e14 FLOP/s / ($1000 × 300/240 = $1250 of 2024)   = 1.6e11  (16 × in 4 years)
    #   2024: 1.28e15 FLOP/s / ($500 × 300/300 = $500 of 2024)  = 2.56e12 (16 × in 4 years)
    # so the log-linear fit is exact: growth 16^(1/4) = 2 × a year, and every bootstrap resample agrees.
    accelerator("test-gpu-2016", "gpu", "2016-01-01", fp32=1e13, bf16=2e13, tdp=300, price=1000,
                price_date="2016-01-01"),
    accelerator("test-gpu-2020", "gpu", "2020-01-01", fp32=2e13, bf16=2e14, tdp=250, price=1000,
                price_date="2020-01-01"),
    accelerator("test-gpu-2024", "gpu", "2024-01-01", fp32=6.4e13, bf16=1.28e15, tdp=400, price=500,
                price_date="2024-01-01"),
    accelerator("test-tpu", "tpu", "2022-01-01", bf16=1e14, tdp=200),
    # no matrix units: its FP16 rate is the plain (non-tensor) one
    accelerator("test-gpu-no-matrix", "gpu", "2014-06-01", fp32=1e12, fp16=2e12, matrix=False, tdp=100),
    accelerator("test-gpu-proxied", "gpu", "2023-01-01", fp32=1e13, bf16=1e14, tdp=300),
    # no launch price, two purchase prices: accelerator_efficiency falls back to the earlier one
    accelerator("test-asic-purchase", "asic", "2018-01-01", fp32=3e12, matrix=False, tdp=150),
    # a purchase price but no power figure (as the Ascend 910B once was): Cottier et al.'s amortized method has no
    # energy term, so no cost; only a non-tensor FP16 rate, so it enters none of the fits
    {**accelerator("test-asic-no-tdp", "asic", "2018-06-01", fp16=1e13, matrix=False, tdp=None), "tdp_kind": None},
    # consumer and workstation GPUs with a launch price: the separate consumer series of the price-performance fits,
    # never part of the data-centre fit (every chip above is data-centre)
    {**accelerator("test-consumer-2018", "gpu", "2018-06-01", fp16=2e13, tdp=250, price=500,
                   price_date="2018-06-01"), "market_segment": "consumer"},
    {**accelerator("test-consumer-2021", "gpu", "2021-06-01", fp16=5e13, tdp=300, price=600,
                   price_date="2021-06-01"), "market_segment": "consumer"},
    {**accelerator("test-workstation-2023", "gpu", "2023-06-01", fp16=1.2e14, tdp=300, price=800,
                   price_date="2023-06-01"), "market_segment": "workstation"},
]

HARDWARE_PRICES = [
    # no earlier than the chip's release (2024-01-01): validate refuses a purchase price dated before it
    {"accelerator_id": "test-gpu-2024", "price_date": "2024-01-01", "price_usd": 400, "price_kind": "list",
     "source": PRICES},
    {"accelerator_id": "test-gpu-2024", "price_date": "2024-04-01", "price_usd": 600,
     "price_kind": "reported_purchase", "source": PRICES},
    # the earlier of two: $1000 on 2019-01-01 (2024 dollars: 1000 × 300/200 = 1500), not $500 in 2020
    {"accelerator_id": "test-asic-purchase", "price_date": "2020-06-01", "price_usd": 500, "price_kind": "estimate",
     "source": PRICES},
    {"accelerator_id": "test-asic-purchase", "price_date": "2019-01-01", "price_usd": 1000,
     "price_kind": "reported_purchase", "source": PRICES},
    {"accelerator_id": "test-asic-no-tdp", "price_date": "2018-09-01", "price_usd": 2000,
     "price_kind": "reported_purchase", "source": PRICES},
]

PRICE_PROXIES = [
    {"accelerator_id": "test-gpu-proxied", "proxy_accelerator_id": "test-gpu-2024",
     "reason": "Same die in the fixture.", "source": CHIP},
]


def cloud(provider, accelerator_id, pricing_model, price_date, price):
    return {"provider": provider, "accelerator_id": accelerator_id, "pricing_model": pricing_model,
            "price_date": price_date, "price_usd_per_hour": price, "source": PRICES}


CLOUD_PRICES = [
    # test-gpu-2024, for a run published 2024-03-01: three on-demand prices on 2024-01-01 (60 days
    # before) and one on 2024-09-01 (184 days after); a commitment price on the very day is not on-demand.
    cloud("A", "test-gpu-2024", "on_demand", "2024-01-01", 3.0),
    cloud("B", "test-gpu-2024", "on_demand", "2024-01-01", 4.0),
    cloud("C", "test-gpu-2024", "on_demand", "2024-01-01", 8.0),
    cloud("A", "test-gpu-2024", "on_demand", "2024-09-01", 10.0),
    cloud("A", "test-gpu-2024", "commit_1y", "2024-03-01", 1.0),
    cloud("A", "test-gpu-2020", "on_demand", "2021-01-01", 2.0),
    # 3-year commitment prices for Cottier et al.'s cloud method (training_cost_methods): AWS is the
    # vendor of an organization that is neither Google, DeepMind, Microsoft nor OpenAI
    cloud("AWS", "test-gpu-2024", "commit_3y", "2024-06-01", 2.0),
    cloud("AWS", "test-gpu-2024", "commit_3y", "2024-12-01", 1.5),
    cloud("A", "test-gpu-2024", "commit_3y", "2024-09-01", 1.0),  # not the run's vendor: never chosen
]


def run(run_id, publication_date, *, compute=None, accelerator_id=None, count=None, hours=None, precision=None,
        parameters=None, tokens=None, reported_cost=None, cost_year=None, frontier=False, domain="language"):
    return {"run_id": run_id, "model": run_id, "organization": "Test", "publication_date": publication_date,
            "domain": domain, "parameters": parameters, "training_tokens": tokens,
            "training_compute_flop": compute, "compute_confidence": None if compute is None else "confident",
            "accelerator_id": accelerator_id, "accelerator_count": count,
            "training_duration_hours": hours, "precision": precision, "reported_cost_usd": reported_cost,
            "reported_cost_year": cost_year, "is_frontier": str(frontier).lower(), "source": RUNS}


TRAINING_RUNS = [
    # a landmark of compute_efficiency; precision left empty; 10 chips × 876.6 h = 8766 chip-hours
    run("gpt-3-175b", "2024-03-01", compute=1.0098432e22, accelerator_id="test-gpu-2024", count=10, hours=876.6,
        reported_cost=2709.963, cost_year=2022, frontier=True),
    run("tpu-run", "2022-06-01", compute=1.8e18, accelerator_id="test-tpu", count=4, hours=10, precision="bf16",
        frontier=True),
    run("old-gpu-run", "2015-06-01", compute=1.8e16, accelerator_id="test-gpu-no-matrix", count=2, hours=10,
        domain="vision"),
    run("launch-fallback-run", "2020-07-01", compute=1.0098432e20, accelerator_id="test-gpu-2020", count=8,
        hours=87.66, precision="bf16", reported_cost=500, cost_year=2024),
    run("proxy-run", "2023-03-01", accelerator_id="test-gpu-proxied", count=2, hours=87.66, precision="bf16"),
    run("flag-6nd-true", "2021-01-01", compute=1.5e19, parameters=1e9, tokens=1e10, precision="fp16"),
    run("flag-6nd-false", "2021-01-01", compute=6e19, parameters=2.9e9, tokens=1e10),
    # chip count and duration unknown: Cottier et al.'s chip-hours are compute / (peak × default MFU × 3600)
    # = 2.304e21 / (1.28e15 × 0.5 × 3600) = 1000
    run("compute-only-run", "2025-06-01", compute=2.304e21, accelerator_id="test-gpu-2024", precision="bf16"),
    # on a chip with a purchase price but no TDP, without compute: chips × hours, and no cost by any method
    run("no-tdp-run", "2019-06-01", accelerator_id="test-asic-no-tdp", count=4, hours=10),
]

PUBLISHED_COSTS = [
    # in dollars of 2025 adjusted by PPI from 2024: 9642.6 × 100 / 110 = 8766 of 2024 (CPI-U 2024 → 2024: × 1)
    {"run_id": "gpt-3-175b", "cost_method": "cloud", "published_cost_usd": 9642.6, "dollar_year": 2025,
     "deflator": "ppi_data_processing", "published_chip_hours": 8766, "source": "epoch2026frontiermodels"},
    # 619.15 of 2025 by CPI-U (310) from 2024 (300): 619.15 × 300 / 310 = 599.177... of 2024
    {"run_id": "gpt-3-175b", "cost_method": "amortized", "published_cost_usd": 619.15, "dollar_year": 2025,
     "deflator": "cpi_u", "source": "epoch2026frontiermodels"},
    {"run_id": "gpt-3-175b", "cost_method": "upfront", "published_cost_usd": 20000, "dollar_year": 2025,
     "deflator": "ppi_data_processing", "source": "epoch2026frontiermodels"},
]


def trend(trend_id, value, unit, low=None, high=None, quantity="flop_per_s_per_usd", start=2010, end=2020,
          level=0.9, source="hobbhahn2022gpupriceperformance", step=None):
    return {"trend_id": trend_id, "quantity": quantity, "subset": trend_id, "value": value, "value_kind": unit,
            "ci_low": low, "ci_high": high, "interval_level_frac": level if low is not None else None,
            "interval_method": "confidence_interval" if low is not None else "none", "rounding_step": step,
            "start_year": start,
            "end_year": end, "n_points": 10, "source": source}


PUBLISHED_TRENDS = [
    trend("t-growth-x", 1.5, "growth_per_year_x", 1.2, 2.0),
    trend("t-growth-oom", 1, "growth_per_year_oom", 0.5, 1.5),
    trend("t-doubling-years", 2, "doubling_time_years", 1, 4),
    trend("t-doubling-months", 6, "doubling_time_months", 4, 12),
    trend("t-halving-months", 12, "halving_time_months", 8, 24),
    trend("t-halving-years", 0.5, "halving_time_years", 0.25, 1, start=None, end=None),
    trend("t-no-interval", 3, "growth_per_year_x"),
    # rounded figures without an interval: doubling every 1.05 years to 0.2 year is 0.95 to 1.15 years, so
    # growth 2^(1/1.15) = 1.83 to 2^(1/0.95) = 2.07; 3 to 1 is 2.5 to 3.5
    trend("t-rounded", 1.05, "doubling_time_years", step=0.2),
    trend("t-rounded-apart", 3, "growth_per_year_x", step=1),
    trend("t-costs", 2, "growth_per_year_x", 1.5, 3.0, quantity="frontier_training_cost_usd"),
    trend("t-costs-frontier", 2, "growth_per_year_x", 1.5, 3.0, quantity="frontier_training_cost_usd"),
    trend("t-runs-above", 3, "growth_per_year_x", 2, 4, quantity="training_compute_flop", level=0.8),
    trend("t-runs-below", 3, "growth_per_year_x", quantity="training_compute_flop"),
    # no fit of this quantity: left out of trend_comparison
    trend("t-cloud", 0.9, "growth_per_year_x", quantity="cloud_price_usd_per_hour"),
    # the language algorithmic-progress estimate compute_efficiency uses: halves every 12 months,
    # 90 % interval 6 to 24 months
    trend("ho2024-lm-algorithmic-efficiency", 12, "halving_time_months", 6, 24,
          quantity="algorithmic_efficiency_language", start=2012, end=2023, source="ho2024algorithmic"),
    # the published decline of the inference threshold test-bench-tpu-run
    trend("t-inference-price", 12, "decline_per_year_x", 11, 20, quantity="inference_price_usd_per_mtok",
          start=2021, end=2024, source="cottier2025inferenceprices"),
]


def subset(trend_id, *, kinds="gpu", precision="best-16bit-tensor", bases="launch_list", start=2016, end=2024):
    return {"trend_id": trend_id, "label": f"Test {trend_id}", "population": "accelerators", "kinds": kinds, "market_segments": "data_centre",
            "precision_rule": precision, "price_bases": bases, "best_only": "false",
            "period_start_date": f"{start}-01-01", "period_end_date": f"{end}-12-31", "rationale": "Fixture.",
            "known_differences": "None.", "source": "hobbhahn2022gpupriceperformance"}


def run_subset(trend_id, *, z_min=None, z_max=None, start="2020-01-01", end="2024-03-01", cost_method=None,
               frontier=False):
    """Runs by z-score against every run with compute (a 100-year neighbourhood holds them all), or by cost."""
    window = 100 if z_min is not None or z_max is not None else None
    return {"trend_id": trend_id, "label": f"Test {trend_id}", "population": "training_runs", "best_only": "false",
            "frontier_only": str(frontier).lower(), "z_score_window_years": window, "z_score_min": z_min,
            "z_score_max": z_max, "cost_method_id": cost_method, "period_start_date": start, "period_end_date": end,
            "rationale": "Fixture.", "known_differences": "None.", "source": "sevilla2022computetrends"}


REPLICATION_SUBSETS = [
    # the three launch-priced 16-bit tensor GPUs: the exact line, growth 2 × a year, interval [2, 2]
    subset("t-doubling-years"),  # published 2^(1/2) (2^(1/4) to 2^(1/1) = 2): touches at 2, overlaps
    subset("t-growth-x"),  # published 1.5 (1.2 to 2.0): touches at 2.0, overlaps
    subset("t-no-interval"),  # published 3, no interval: [2, 2] does not hold 3
    subset("t-growth-oom", start=2016, end=2020),  # two chips in the window: too few to fit
    # FP32 of GPUs and ASICs released 2016-2024, launch or purchase price: the three launch-priced GPUs and
    # test-asic-purchase (its purchase price); test-gpu-proxied has no price of either kind
    subset("t-doubling-months", kinds="gpu;asic", precision="fp32", bases="launch_list;purchase"),
    # the same with launch prices only: the three GPUs
    subset("t-halving-months", kinds="gpu;asic", precision="fp32"),
    # runs with compute (log10): 16.26 (2015-06), 20.00 (2020-07), 19.18 and 19.78 (2021-01), 18.26 (2022-06),
    # 22.00 (2024-03), 21.36 (2025-06); mean 19.55. Above it (z >= 0) and in 2020 to 2024-03-01 (inclusive):
    # 2020-07, 2021-01 (19.78) and 2024-03; below it: 2021-01 (19.18) and 2022-06
    run_subset("t-runs-above", z_min=0),
    run_subset("t-runs-below", z_max=0),
    subset("t-rounded"),  # [2, 2] inside 1.83 to 2.07: agrees, though 2^(1/1.05) = 1.93 is not in [2, 2]
    subset("t-rounded-apart"),  # [2, 2] against 2.5 to 3.5: does not
    # the costs of method cottier-amortized published 2020 to 2024: launch-fallback-run, proxy-run and gpt-3-175b
    # (compute-only-run is of 2025); of those only gpt-3-175b is frontier
    run_subset("t-costs", cost_method="cottier-amortized", start="2020-01-01", end="2024-12-31"),
    run_subset("t-costs-frontier", cost_method="cottier-amortized", start="2020-01-01", end="2024-12-31",
               frontier=True),
]


def result(result_id, technique_id, metric, better, baseline, treated):
    return {"result_id": result_id, "technique_id": technique_id, "model": "m", "task": "t", "metric": metric,
            "better": better, "value_unit": "relative", "baseline_value": baseline, "treated_value": treated,
            "source": "micikevicius2018mixed"}


TECHNIQUE_RESULTS = [
    # claim c-holds (speedup 1.5–2, two techniques): 1.6, 1.8 inside, 3.0 above
    result("mp-1", "mixed-precision-training", "speedup", "higher", 100, 160),  # 160/100 = 1.6
    result("fp8-1", "fp8-training", "speedup", "lower", 18, 10),  # time: 18/10 = 1.8
    result("mp-2", "mixed-precision-training", "speedup", "higher", 100, 300),  # 3.0
    result("mp-mem", "mixed-precision-training", "memory_reduction", "lower", 20, 10),  # other metric: not counted
    # claim c-partly (speedup 2–3): 1.0 below, 2.1 inside, 3.5 and 4.0 above
    result("int8-1", "ptq-int8", "speedup", "higher", 100, 100),
    result("int8-2", "ptq-int8", "speedup", "higher", 100, 210),
    result("int8-3", "ptq-int8", "speedup", "higher", 100, 350),
    result("int8-4", "ptq-int8", "speedup", "higher", 100, 400),
    # claim c-not (parameter reduction 2–4): 1.5 below, 5 above
    result("prune-1", "unstructured-pruning", "parameter_reduction", "lower", 15, 10),
    result("prune-2", "unstructured-pruning", "parameter_reduction", "lower", 50, 10),
    # claim c-up-to (cost reduction up to 5): 1.5 agrees, 0.8 (a cost increase) does not
    result("spec-1", "speculative-decoding", "cost_reduction", "lower", 3, 2),
    result("spec-2", "speculative-decoding", "cost_reduction", "lower", 4, 5),
]


def claim(claim_id, technique_ids, metric, low, high, form=None, rule="technique_effect", settle=None):
    return {"claim_id": claim_id, "statement": claim_id, "topic": "techniques", "measured_quantity": metric or "nothing the atlas measures",
            "claim_form": form or ("up_to" if low is None else "range"), "claimed_low": low, "claimed_high": high,
            "unit": "factor", "as_quoted": f"{low} to {high}", "check_rule": rule,
            "check_subset": f"metric={metric};techniques={technique_ids.replace(';', ',')}" if technique_ids else None,
            "is_vendor_claim": "false", "settle_with": settle, "quoted_in": "the fixture",
            "source": "computeatlas2026quotedclaims"}


CLAIMS = [
    claim("c-holds", "mixed-precision-training;fp8-training", "speedup", 1.5, 2),
    claim("c-partly", "ptq-int8", "speedup", 2, 3),
    claim("c-not", "unstructured-pruning", "parameter_reduction", 2, 4),
    claim("c-up-to", "speculative-decoding", "cost_reduction", None, 5),
    claim("c-no-data", "lora", "energy_saving", 1.1, 1.5),
    # about 2.5 accepts 2.5 / 1.25 = 2 to 2.5 × 1.25 = 3.125: 2.1 inside, 1.0, 3.5, 4.0 outside; median 2.8 inside
    claim("c-about", "ptq-int8", "speedup", 2.5, 2.5, form="about"),
    claim("c-unmeasurable", None, None, 1, 1, form="about", rule="no_atlas_data", settle="a measurement of it"),
]


MAMF = "bekman2025mlengineeringmamf"
MEASURE = "computeatlas2026measure"
URL = "https://example.org/table"


def measurement(measurement_id, accelerator_id, benchmark, precision, provenance, achieved, *, size=None,
                date="2025-01-01"):
    measured = provenance == "measured"
    return {"measurement_id": measurement_id, "accelerator_id": accelerator_id, "device_name": accelerator_id,
            "benchmark": benchmark, "precision": precision, "provenance": provenance,
            "size": size if measured else None, "shape": None if measured or benchmark != "matmul" else "8x8x8",
            "achieved_flop_per_s": achieved if benchmark == "matmul" else None,
            "achieved_bytes_per_s": achieved if benchmark == "memory_copy" else None, "repeats": 10,
            "statistic": "median" if measured else "mean", "method_version": "1", "software": "test",
            "measured_date": date, "host": "test host" if measured else None,
            "source": MEASURE if measured else MAMF, "source_url": None if measured else URL}


MEASUREMENTS = [
    # test-gpu-2024, bf16 peak 1.28e15: published 9.6e14 (0.75) beats ours 6.4e14 (0.5)
    measurement("m-2024-published", "test-gpu-2024", "matmul", "bf16", "published", 9.6e14),
    measurement("m-2024-ours", "test-gpu-2024", "matmul", "bf16", "measured", 6.4e14, size=8192),
    # its copy: 8e11 B/s of the 1e12 quoted
    measurement("m-2024-copy", "test-gpu-2024", "memory_copy", None, "measured", 8e11, size=2**28),
    # test-gpu-2020, fp32 peak 2e13: ours only, 1.5e13 (0.75); bf16 peak 2e14: ours 1.6e14 (0.8)
    measurement("m-2020-fp32", "test-gpu-2020", "matmul", "fp32", "measured", 1.5e13, size=4096),
    measurement("m-2020-bf16", "test-gpu-2020", "matmul", "bf16", "measured", 1.6e14, size=4096),
    # no FP32 peak for test-tpu: no row
    measurement("m-tpu-fp32", "test-tpu", "matmul", "fp32", "measured", 1e12, size=1024),
]

ALIASES = [{"alias": a["name"], "accelerator_id": a["accelerator_id"], "context": "mlperf", "source": CHIP}
           for a in ACCELERATORS]

MLPERF_ROUNDS = [
    {"mlperf_round": "v1.0", "round_published_date": "2021-01-01", "source": "mlcommons2021trainingv10"},
    {"mlperf_round": "v2.0", "round_published_date": "2024-03-01", "source": "mlcommons2022trainingv20"},
]


def mlperf(result_id, round_, accelerator_id, nodes, per_node, minutes, division="closed"):
    return {"mlperf_result_id": f"{round_}-{result_id}", "result_id_is_official": "false", "mlperf_round": round_,
            "mlperf_benchmark": "bench", "division": division, "submitter": "Test", "system": result_id,
            "accelerator_id": accelerator_id, "accelerator_name": accelerator_id.replace("-", " ").title(),
            "node_count": nodes, "accelerators_per_node": per_node, "accelerator_count": nodes * per_node,
            "time_to_train_minutes": minutes, "is_official_score": "true", "source": "mlcommons2021trainingv10",
            "source_url": URL}


MLPERF = [
    # v1.0, test-gpu-2020: 8 chips × 60 min = 8 chip-h (selected); 64 chips × 15 min = 16 chip-h (the fastest)
    mlperf("a", "v1.0", "test-gpu-2020", 1, 8, 60),
    mlperf("b", "v1.0", "test-gpu-2020", 8, 8, 15),
    # v2.0: 2016 chip 8 × 120 min = 16 chip-h; 2020 chip 8 × 45 min = 6; 2024 chip 8 × 15 min = 2;
    # an open-division result of the 2024 chip (8 × 5 min) is left out
    mlperf("c", "v2.0", "test-gpu-2016", 1, 8, 120),
    mlperf("d", "v2.0", "test-gpu-2020", 1, 8, 45),
    mlperf("e", "v2.0", "test-gpu-2024", 2, 4, 15),
    mlperf("f", "v2.0", "test-gpu-2024", 1, 8, 5, division="open"),
]


def bench(benchmark_id, unit, lo, hi, chance, higher=True):
    fmt, options = ("index", None) if chance is None else ("multiple_choice", round(100 / chance))
    return {"benchmark_id": benchmark_id, "name": benchmark_id.replace("-", " ").title(), "measures": "A test.",
            "domain": "language", "score_unit": unit, "scale_min": lo, "scale_max": hi,
            "higher_is_better": str(higher).lower(), "answer_format": fmt, "answer_options": options,
            "chance_score": chance, "source": RUNS}


BENCHMARKS = [bench("test-bench", "percent", 0, 100, 25), bench("test-index", "index_points", None, None, None)]


def score(run_id, benchmark_id, value, *, evaluator="Test Lab", kind="third_party", shots=None):
    return {"benchmark_result_id": f"{run_id}-{benchmark_id}-{evaluator}-{shots}".lower().replace(" ", "-"),
            "run_id": run_id, "benchmark_id": benchmark_id, "model_version": run_id, "score": value,
            "shots": shots, "evaluator": evaluator, "evaluator_kind": kind, "source": RUNS}


#: compute-only-run's result is of a version released a year after the model (2025-06-01 -> 2026-06-01)
MODEL_VERSIONS = [{"run_id": "compute-only-run", "model_version": "compute-only-run", "version_date": "2026-06-01",
                   "source": RUNS}]

BENCHMARK_RESULTS = [
    # launch-fallback-run (2020, 1.0098432e20 FLOP): the third party's 40 is chosen over the developer's 55
    score("launch-fallback-run", "test-bench", 40),
    score("launch-fallback-run", "test-bench", 55, evaluator="Test", kind="developer"),
    # flag-6nd-true (2021, 1.5e19): two third-party settings, the best (47) is chosen
    score("flag-6nd-true", "test-bench", 42, shots=0),
    score("flag-6nd-true", "test-bench", 47, shots=5),
    # tpu-run (2022, 1.8e18): the developer's result is the only one
    score("tpu-run", "test-bench", 41, evaluator="Test", kind="developer"),
    score("proxy-run", "test-bench", 87),  # 2023, no compute figure
    score("gpt-3-175b", "test-bench", 80),  # 2024, 1.0098432e22, the only run with a cost estimate here
    score("compute-only-run", "test-bench", 72),  # 2025, 2.304e21
    # an unbounded index: the ladder starts at the first rung above the lowest score
    score("tpu-run", "test-index", 101),
    score("gpt-3-175b", "test-index", 118),
]

def price(run_id, observed_date, *, blended=None, input_=None, output=None, effective="read"):
    """A price read on ``observed_date`` that took effect on ``effective`` (the read date by default; None:
    unknown)."""
    effective = observed_date if effective == "read" else effective
    dated = {"effective_date": effective, "effective_date_basis": "price_sheet_date",
             "effective_date_source": "epoch2025apiprices"} if effective else {}
    return {"price_id": f"test-vendor-{run_id}-{observed_date}", "run_id": run_id, "model_version": run_id,
            **dated,
            "provider": "Test Vendor", "observed_date": observed_date, "input_usd_per_mtok": input_,
            "output_usd_per_mtok": output, "blended_usd_per_mtok": blended,
            "blend_in_source": "3:1" if blended is not None else None, "price_unit_in_source": "per_mtok",
            "source": "epoch2025apiprices"}


def on_decline(observed_date: str) -> float:
    """The fixture's prices fall exactly 10× per Julian year from 100 USD/Mtok on 2021-01-01."""
    import datetime as dt
    return 100 * 10 ** (-(dt.date.fromisoformat(observed_date) - dt.date(2021, 1, 1)).days / 365.25)


INFERENCE_PRICES = [
    # the record setters among models scoring at least 41 on test-bench: 100, then on the exact decline
    price("flag-6nd-true", "2021-01-01", input_=100, output=100),
    # read in 2025, in effect from July 2022: dated by the second
    price("tpu-run", "2025-01-01", blended=on_decline("2022-07-01"), effective="2022-07-01"),
    # blended at 3:1 (assumption inference-blend-input-share-frac = 0.75): 0.75 × a + 0.25 × 3a = 1.5 a
    price("gpt-3-175b", "2024-06-01", input_=on_decline("2024-06-01") / 1.5, output=3 * on_decline("2024-06-01") / 1.5),
    price("proxy-run", "2023-06-01", input_=50, output=50),  # dearer than the frontier then: not a record
    price("old-gpu-run", "2023-01-01", input_=0.01, output=0.01),  # cheapest, but no test-bench score
    # the cheapest qualifying price of all, but known only from the day its list was read: in no trend
    price("compute-only-run", "2025-06-01", input_=0.001, output=0.001, effective=None),
]

INFERENCE_THRESHOLDS = [
    # the threshold is the reference model's own score: tpu-run's 41 on test-bench (the published score, 40,
    # is for comparison only)
    {"threshold_id": "test-bench-tpu-run", "benchmark_id": "test-bench", "reference_run_id": "tpu-run",
     "published_threshold_score": 40, "published_trend_id": "t-inference-price",
     "published_window_start": "2021-06-01", "published_window_end": "2024-06-01",
     "rationale": "The fixture's.", "source": RUNS},
    # a named version: the threshold is the mean of that version's results (42 and 47), not benchmark_scores' 47
    {"threshold_id": "test-bench-flag-version", "benchmark_id": "test-bench", "reference_run_id": "flag-6nd-true",
     "reference_model_version": "flag-6nd-true", "rationale": "The fixture's.", "source": RUNS},
    {"threshold_id": "test-bench-old-gpu-run", "benchmark_id": "test-bench", "reference_run_id": "old-gpu-run",
     "rationale": "Its reference model has no score on the benchmark.", "source": RUNS},
]


def energy(energy_id, joules_per_token, tokens_per_s, batch_size):
    return {"energy_id": energy_id, "run_id": "gpt-3-175b", "model_version": "gpt-3-175b",
            "accelerator_id": "test-gpu-2024", "accelerator_count": 2, "precision": "bf16", "task": "gpqa",
            "batch_size": batch_size, "parallelism": "tp=2", "replicate": 1, "energy_per_output_token_joules": joules_per_token,
            "output_tokens_per_s": tokens_per_s, "energy_scope": "gpu_only", "total_parameters": 5e9,
            "measured_date": "2026-01-01", "source": RUNS, "source_url": "https://example.org/energy"}


#: 3.6 J per token is 1 kWh per million tokens; both configurations are `small` (5e9 < 1e10 parameters); both draw
#: 720 W (J per token × tokens per second), within the two 400 W chips' power (energy-beyond-chip-power)
INFERENCE_ENERGY = [energy("e-fast", 3.6, 200, 64), energy("e-slow", 7.2, 100, 8)]


def make_datasets(dst):
    shutil.copytree(DATASETS, dst)
    replace_rows(dst / "accelerators.csv", ACCELERATORS)
    replace_rows(dst / "hardware_prices.csv", HARDWARE_PRICES)
    replace_rows(dst / "price_proxies.csv", PRICE_PROXIES)
    replace_rows(dst / "cloud_prices.csv", CLOUD_PRICES)
    replace_rows(dst / "training_runs.csv", TRAINING_RUNS)
    # the landmark of compute_efficiency and of the cost breakdown
    replace_rows(dst / "landmark_runs.csv", [
        {"run_id": "gpt-3-175b", "role": role, "domain": "language", "rationale": "The fixture's anchor."}
        for role in ("cost-breakdown", "efficiency-reference")])
    replace_rows(dst / "published_trends.csv", PUBLISHED_TRENDS)
    replace_rows(dst / "replication_subsets.csv", REPLICATION_SUBSETS)
    replace_rows(dst / "technique_results.csv", TECHNIQUE_RESULTS)
    replace_rows(dst / "claims.csv", CLAIMS)
    replace_rows(dst / "price_index.csv", [{"year": y, "cpi_u_index": v, "ppi_data_processing_index": PPI.get(y),
                                            "source": "bls2025cpiu"} for y, v in CPI.items()])
    replace_rows(dst / "published_costs.csv", PUBLISHED_COSTS)
    replace_rows(dst / "measurements.csv", MEASUREMENTS)
    replace_rows(dst / "accelerator_aliases.csv", ALIASES)
    replace_rows(dst / "mlperf_rounds.csv", MLPERF_ROUNDS)
    replace_rows(dst / "mlperf_training.csv", MLPERF)
    replace_rows(dst / "benchmarks.csv", BENCHMARKS)
    replace_rows(dst / "benchmark_results.csv", BENCHMARK_RESULTS)
    replace_rows(dst / "inference_prices.csv", INFERENCE_PRICES)
    replace_rows(dst / "inference_energy.csv", INFERENCE_ENERGY)
    replace_rows(dst / "inference_thresholds.csv", INFERENCE_THRESHOLDS)
    replace_rows(dst / "check_exceptions.csv", [])  # the shipped exceptions name shipped rows
    replace_rows(dst / "model_versions.csv", MODEL_VERSIONS)
    path = dst / "assumptions.csv"
    for assumption_id, value in ASSUMPTIONS.items():
        i = row_of(path, "assumption_id", assumption_id)
        edit_csv(path, i, "value", str(value))
        edit_csv(path, i, "low", "")
        edit_csv(path, i, "high", "")
    return dst


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    root = tmp_path_factory.mktemp("derived")
    data = make_datasets(root / "datasets")
    result = cli("build", "--no-site", "--datasets", data, "--build-dir", root / "build")
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(root / "build" / "compute_atlas.duckdb"), read_only=True)
    yield con
    con.close()


def one(con, sql, *params):
    cur = con.execute(sql, list(params))
    cols = [d[0] for d in cur.description]
    rows = cur.fetchall()
    assert len(rows) == 1, rows
    return dict(zip(cols, rows[0]))


def cost(con, run_id):
    return one(con, "SELECT * FROM training_run_costs WHERE run_id = ?", run_id)


def test_fixture_replaced_what_it_meant_to(db):
    assert db.execute("SELECT count(*) FROM accelerators").fetchone()[0] == len(ACCELERATORS)
    assert db.execute("SELECT count(*) FROM training_runs").fetchone()[0] == len(TRAINING_RUNS)
    # kept as shipped
    assert db.execute("SELECT count(*) FROM glossary").fetchone()[0] == len(read_rows(DATASETS / "glossary.csv"))
    assert db.execute("SELECT count(*) FROM techniques").fetchone()[0] == len(read_rows(DATASETS / "techniques.csv"))


# --- training_run_costs ------------------------------------------------------------------------------

def test_chip_hours_hardware_compute_and_mfu(db):
    r = cost(db, "gpt-3-175b")
    assert r["chip_hours"] == approx(8766)  # 10 chips × 876.6 h
    assert r["peak_flop_per_s"] == approx(1.28e15)  # bf16 of test-gpu-2024
    # 8766 chip-h × 3600 s = 31 557 600 chip-s; × 1.28e15 FLOP/s × 0.5 (default-mfu) = 2.0196864e22
    assert r["compute_hardware_flop"] == approx(2.0196864e22)
    # 1.0098432e22 / (31 557 600 × 1.28e15 = 4.0393728e22) = 0.25
    assert r["mfu_frac"] == approx(0.25)
    assert r["compute_6nd_flop"] is None
    # figures available: reported 1.0098432e22, hardware 2.0196864e22 → 2×
    assert r["compute_spread_x"] == approx(2.0)

    t = cost(db, "tpu-run")
    assert t["chip_hours"] == approx(40)  # 4 × 10 h
    assert t["compute_hardware_flop"] == approx(7.2e18)  # 40 × 3600 × 1e14 × 0.5
    assert t["mfu_frac"] == approx(0.125)  # 1.8e18 / (40 × 3600 × 1e14 = 1.44e19)

    o = cost(db, "old-gpu-run")
    assert o["compute_hardware_flop"] == approx(3.6e16)  # 20 chip-h × 3600 × 1e12 (fp32) × 0.5
    assert o["mfu_frac"] == approx(0.25)  # 1.8e16 / 7.2e16

    f = cost(db, "flag-6nd-true")
    assert f["compute_6nd_flop"] == approx(6e19)  # 6 × 1e9 × 1e10
    assert f["chip_hours"] is None and f["compute_hardware_flop"] is None and f["mfu_frac"] is None


def test_precision_defaults(db):
    # no precision given, chip with matrix units and a BF16 rate → bf16, assumed
    assert (cost(db, "gpt-3-175b")["precision"], cost(db, "gpt-3-175b")["precision_assumed"]) == ("bf16", True)
    # no precision given, chip without matrix units → fp32 (its plain FP16 rate is not used), assumed
    o = cost(db, "old-gpu-run")
    assert (o["precision"], o["precision_assumed"], o["peak_flop_per_s"]) == ("fp32", True, approx(1e12))
    # given: kept, not assumed
    assert (cost(db, "tpu-run")["precision"], cost(db, "tpu-run")["precision_assumed"]) == ("bf16", False)
    # no accelerator: the run's own precision (or none), never assumed
    assert (cost(db, "flag-6nd-true")["precision"], cost(db, "flag-6nd-true")["precision_assumed"]) == ("fp16", False)
    assert cost(db, "flag-6nd-false")["precision"] is None


def test_cloud_price_nearest_date_median_of_ties(db):
    r = cost(db, "gpt-3-175b")
    # published 2024-03-01: 2024-01-01 is 60 days away, 2024-09-01 184 days; the commitment price of
    # 2024-03-01 is not on-demand. Median of {3, 4, 8} on 2024-01-01 = 4 (the mean would be 5).
    assert str(r["cloud_price_date"]) == "2024-01-01"
    assert r["cloud_price_usd_per_hour"] == approx(4.0)
    assert r["cloud_cost_usd"] == approx(35064)  # 8766 chip-h × $4
    assert r["cloud_cost_usd_2024"] == approx(35064)  # 2024 dollars already

    f = cost(db, "launch-fallback-run")
    # 8 × 87.66 h = 701.28 chip-h × $2 (2021) = $1402.56; in 2024 dollars: / (250/300) = × 1.2 = 1683.072
    assert f["cloud_cost_usd"] == approx(1402.56)
    assert f["cloud_cost_usd_2024"] == approx(1683.072)
    assert cost(db, "tpu-run")["cloud_price_usd_per_hour"] is None


def test_chip_price_nearest_purchase_price_beats_launch_price(db):
    r = cost(db, "gpt-3-175b")
    # hardware_prices: $400 on 2024-01-01 (60 days before 2024-03-01), $600 on 2024-04-01 (31 days
    # after) → $600. The launch price ($500, 2024-01-01, 60 days) is not used: the chip has purchase prices.
    assert (r["chip_price_usd"], str(r["chip_price_date"]), r["chip_price_basis"]) == (approx(600), "2024-04-01",
                                                                                       "own")
    # cluster = 10 chips × $600 × (1 + 0.5 markup) / (1 − 0.25 interconnect share) = 6000 × 2 = $12 000
    assert r["cluster_cost_usd"] == approx(12000)
    # amortized over 2 years × 8766 h = 17 532 h: 12 000 × 876.6 / 17 532 = 12 000 × 0.05 = $600
    assert r["amortized_hardware_cost_usd"] == approx(600)


def test_chip_price_launch_price_fallback(db):
    r = cost(db, "launch-fallback-run")
    # no hardware_prices rows for test-gpu-2020: its launch price, $1000 on 2020-01-01
    assert (r["chip_price_usd"], str(r["chip_price_date"]), r["chip_price_basis"]) == (approx(1000), "2020-01-01",
                                                                                       "own")
    assert r["cluster_cost_usd"] == approx(16000)  # 8 × 1000 × 1.5 / 0.75
    assert r["amortized_hardware_cost_usd"] == approx(80)  # 16 000 × 87.66 / 17 532 = 16 000 × 0.005


def test_chip_price_proxy_fallback(db):
    r = cost(db, "proxy-run")
    # test-gpu-proxied has no price; its proxy test-gpu-2024 has $400 (2024-01-01, 306 days after
    # 2023-03-01) and $600 (2024-04-01, 397 days after) → $400, and the basis names the proxy
    assert (r["chip_price_usd"], str(r["chip_price_date"]), r["chip_price_basis"]) == (
        approx(400), "2024-01-01", "proxy:test-gpu-2024")
    assert r["cluster_cost_usd"] == approx(1600)  # 2 × 400 × 2
    assert r["amortized_hardware_cost_usd"] == approx(8)  # 1600 × 0.005
    assert cost(db, "tpu-run")["chip_price_usd"] is None  # no price, no proxy


def test_energy_gpu_and_tpu_overheads_and_emissions(db):
    r = cost(db, "gpt-3-175b")
    assert r["power_per_chip_watts"] == approx(400)  # GPU: 400 W TDP × (1 + 1.0) × 0.5
    # 10 chips × 400 W × 876.6 h × 1.25 PUE / 1000 = 4 383 000 Wh × ... = 4383 kWh
    assert r["energy_kwh"] == approx(4383)
    assert r["energy_cost_usd"] == approx(438.3)  # 4383 kWh × $0.1
    assert r["emissions_t_co2e"] == approx(2.1915)  # 4383 kWh × 500 g / 1e6
    assert r["ownership_cost_usd"] == approx(1038.3)  # 600 amortized + 438.3 energy

    t = cost(db, "tpu-run")
    assert t["power_per_chip_watts"] == approx(240)  # TPU: 200 W × (1 + 0.5) × 0.8 (GPU factors would give 200)
    assert t["energy_kwh"] == approx(12)  # 4 × 240 W × 10 h × 1.25 / 1000
    assert t["emissions_t_co2e"] == approx(0.006)  # 12 × 500 / 1e6
    assert t["ownership_cost_usd"] is None  # no chip price: no amortized cost
    assert t["cost_estimate_usd_2024"] is None

    assert cost(db, "old-gpu-run")["energy_kwh"] == approx(2.5)  # 2 × 100 W × 10 h × 1.25 / 1000


def test_inflation_to_2024_dollars(db):
    f = cost(db, "launch-fallback-run")
    # energy: 8 × 250 W × 87.66 h × 1.25 / 1000 = 219.15 kWh → $21.915; ownership = 80 + 21.915 = 101.915
    assert f["ownership_cost_usd"] == approx(101.915)
    # chip price of 2020: divisor 240/300 = 0.8 → 101.915 / 0.8 = 127.39375; ownership wins over cloud
    assert f["ownership_cost_usd_2024"] == approx(127.39375)
    assert f["cost_estimate_usd_2024"] == approx(127.39375)
    assert f["reported_cost_usd_2024"] == approx(500)  # reported in 2024 dollars

    p = cost(db, "proxy-run")
    # energy 2 × 300 W × 87.66 h × 1.25 / 1000 = 65.745 kWh → $6.5745; ownership 8 + 6.5745 = 14.5745;
    # chip price of 2024 (the proxy's $400 of 2024-01-01): divisor 1 (the 2020 divisor is tested above)
    assert p["ownership_cost_usd_2024"] == approx(14.5745)

    r = cost(db, "gpt-3-175b")
    assert r["ownership_cost_usd_2024"] == approx(1038.3)  # chip price of 2024: divisor 1
    assert r["reported_cost_usd_2024"] == approx(3011.07)  # $2709.963 of 2022 / (270/300 = 0.9)


def test_disagreement_flag(db):
    flags = dict(db.execute("SELECT run_id, disagreement_flag FROM training_run_costs").fetchall())
    assert flags == {
        "gpt-3-175b": False,  # hardware/reported compute 2×; reported cost 3011.07 / estimate 1038.3 = 2.9×
        "tpu-run": True,  # hardware 7.2e18 / reported 1.8e18 = 4× > 3
        "old-gpu-run": False,  # 3.6e16 / 1.8e16 = 2×
        "launch-fallback-run": True,  # reported cost 500 / estimate 127.39375 = 3.92× (compute 2.5×)
        "proxy-run": False,  # nothing reported to compare
        "flag-6nd-true": True,  # 6ND 6e19 / reported 1.5e19 = 4×
        "flag-6nd-false": False,  # 6ND 6 × 2.9e9 × 1e10 = 1.74e20 / reported 6e19 = 2.9×
        "compute-only-run": False,  # no chip count or duration, no 6ND: nothing to compare
        "no-tdp-run": False,  # nothing reported
    }


# --- accelerator_efficiency: the price used ------------------------------------------------------------

def test_price_basis_launch_price_first_then_earliest_purchase(db):
    def eff(accelerator_id):
        return one(db, "SELECT * FROM accelerator_efficiency WHERE accelerator_id = ? AND precision = 'fp32'",
                   accelerator_id)

    # a launch price wins over any purchase price ($400 list on 2024-01-01 is ignored): $500 of 2024-01-01
    r = eff("test-gpu-2024")
    assert (r["price_basis"], r["price_usd"], str(r["price_date"])) == ("launch_list", 500, "2024-01-01")
    assert r["price_usd_2024"] == approx(500)  # 500 × 300/300
    assert r["priced_flop_per_s_per_usd_2024"] == approx(r["flop_per_s_per_usd_2024"])
    # no launch price: the earliest purchase price, $1000 on 2019-01-01, is 1000 × 300/200 = $1500 of 2024
    r = eff("test-asic-purchase")
    assert r["launch_price_usd"] is None and r["flop_per_s_per_usd_2024"] is None  # launch-price columns stay empty
    assert (r["price_basis"], r["price_usd"], str(r["price_date"])) == ("purchase", 1000, "2019-01-01")
    assert r["price_usd_2024"] == approx(1500)
    assert r["priced_flop_per_s_per_usd_2024"] == approx(3e12 / 1500)  # 2e9 FLOP/s per 2024 $
    # neither: no basis, no price
    r = eff("test-gpu-proxied")
    assert (r["price_basis"], r["price_usd"], r["priced_flop_per_s_per_usd_2024"]) == (None, None, None)


def test_fit_price_is_the_launch_price_else_a_purchase_near_launch(db):
    """The price of the data-centre price-performance fits: a launch list price, else a purchase price near launch."""
    def eff(accelerator_id):
        return one(db, "SELECT * FROM accelerator_efficiency WHERE accelerator_id = ? AND precision = 'fp32'",
                   accelerator_id)

    r = eff("test-gpu-2024")  # a launch price wins
    assert (r["fit_price_basis"], r["fit_price_usd_2024"]) == ("launch_list", approx(500))
    # released 2018-01-01: $1000 of 2019-01-01 is within the 24-month window ($1500 of 2024); $500 of
    # 2020-06-01 is not, and would not be taken even though it is lower
    r = eff("test-asic-purchase")
    assert (r["fit_price_basis"], r["fit_price_usd_2024"]) == ("purchase_near_launch", approx(1500))
    assert r["fit_flop_per_s_per_usd_2024"] == approx(3e12 / 1500)
    r = eff("test-gpu-proxied")  # a proxy's price is not the chip's own: no fit price
    assert (r["fit_price_basis"], r["fit_price_usd_2024"]) == (None, None)


# --- trend_comparison ----------------------------------------------------------------------------------

def test_trend_comparison_unit_conversions(db):
    rows = {r[0]: r[1:] for r in db.execute(
        "SELECT estimate_id, growth_per_year_x, growth_per_year_x_low, growth_per_year_x_high, doubling_time_years, "
        "year_range FROM trend_comparison WHERE origin = 'published'").fetchall()}
    expected = {
        # growth_per_year_x: as given
        "t-growth-x": (1.5, 1.2, 2.0),
        # growth_per_year_oom: 10^v
        "t-growth-oom": (10.0, 10**0.5, 10**1.5),
        # doubling_time_years 2 (1 to 4): 2^(1/2); the longer time is the slower growth: low 2^(1/4), high 2^(1/1)
        "t-doubling-years": (2**0.5, 2**0.25, 2.0),
        # doubling_time_months 6 (4 to 12): 2^(12/6) = 4; low 2^(12/12) = 2, high 2^(12/4) = 8
        "t-doubling-months": (4.0, 2.0, 8.0),
        # halving_time_months 12 (8 to 24): 2^(12/12) = 2; low 2^(12/24) = √2, high 2^(12/8) = 2^1.5
        "t-halving-months": (2.0, 2**0.5, 2**1.5),
        # halving_time_years 0.5 (0.25 to 1): 2^(1/0.5) = 4; low 2^(1/1) = 2, high 2^(1/0.25) = 16
        "t-halving-years": (4.0, 2.0, 16.0),
    }
    for trend_id, (growth, low, high) in expected.items():
        got = rows[trend_id]
        assert got[:3] == (approx(growth), approx(low), approx(high)), trend_id
        assert got[3] == approx(math.log(2) / math.log(growth)), trend_id
    assert rows["t-doubling-years"][3] == approx(2.0)  # back to the doubling time given
    assert rows["t-doubling-months"][3] == approx(0.5)  # 6 months
    assert rows["t-growth-x"][4] == "2010–2020"
    assert rows["t-halving-years"][4] is None  # no years given
    assert rows["t-no-interval"][:3] == (approx(3.0), None, None)
    # no fit of cloud prices or of algorithmic efficiency in trend_fits: not compared
    assert "t-cloud" not in rows and "ho2024-lm-algorithmic-efficiency" not in rows


def test_our_hardware_fit_is_the_exact_line(db):
    # the headline hardware fit: data-centre accelerators, 16-bit tensor, per dollar of a price near launch
    r = one(db, "SELECT * FROM trend_comparison WHERE estimate_id = 'flop_per_s_per_usd:data-centre-tensor-16bit'")
    # 1e10 → 1.6e11 → 2.56e12 FLOP/s per 2024 $ at 4-year steps: 16^(1/4) = 2 × a year, doubling in 1 year
    assert r["origin"] == "ours"
    assert (r["growth_per_year_x"], r["growth_per_year_x_low"], r["growth_per_year_x_high"]) == (
        approx(2.0), approx(2.0), approx(2.0))
    assert r["doubling_time_years"] == approx(1.0)
    assert r["year_range"] == "2016–2024" and r["n_points"] == 3


def test_data_centre_fit_rests_on_data_centre_chips_with_a_fit_price_and_consumer_gpus_are_apart(db):
    def fit(subset):
        return one(db, "SELECT * FROM trend_fits WHERE fit_id = ?", f"flop_per_s_per_usd:{subset}")

    def chips(where):
        return db.execute(f"SELECT count(DISTINCT accelerator_id) FROM accelerator_efficiency WHERE {where}").fetchone()[0]

    best16 = "is_best_16bit_tensor"
    # the data-centre fit: every data-centre chip with a 16-bit tensor rate and a fit price, and no other chip
    dc = fit("data-centre-tensor-16bit")
    assert dc["n_points"] == chips(f"{best16} AND market_segment = 'data_centre' AND fit_price_usd_2024 IS NOT NULL")
    assert dc["n_points"] < chips(f"{best16} AND market_segment = 'data_centre'")  # test-tpu has no price
    assert "Data-centre accelerators" in dc["subset_description"]
    # the consumer series: the consumer and workstation cards with a launch price, none of the data-centre chips
    consumer = fit("consumer-tensor-16bit")
    assert consumer["n_points"] == chips(f"{best16} AND market_segment IN ('consumer', 'workstation') "
                                         "AND flop_per_s_per_usd_2024 IS NOT NULL") > 0
    assert "separate series" in consumer["subset_description"]
    # the launch-priced fit mixes both, which is why it is no longer the headline
    assert fit("ml-accelerators-tensor-16bit")["n_points"] == dc["n_points"] + consumer["n_points"]
    # compute_efficiency's hardware rate is the data-centre fit
    rates = {r[0] for r in db.execute("SELECT DISTINCT inputs FROM compute_efficiency WHERE basis = 'hardware'").fetchall()}
    assert rates == {"flop_per_s_per_usd:data-centre-tensor-16bit"}


# --- trend_replications --------------------------------------------------------------------------------

def test_trend_replications_convert_fit_and_judge_overlap(db):
    rows = {r["trend_id"]: r for r in (dict(zip([d[0] for d in cur.description], t)) for cur in
            [db.execute("SELECT * FROM trend_replications")] for t in cur.fetchall())}
    assert set(rows) == {s["trend_id"] for s in REPLICATION_SUBSETS}
    r = rows["t-doubling-years"]
    # published: doubling 2 years (1 to 4) → 2^(1/2), interval 2^(1/4) to 2^(1/1)
    assert (r["published_growth_per_year_x"], r["published_growth_per_year_x_low"],
            r["published_growth_per_year_x_high"]) == (approx(2**0.5), approx(2**0.25), approx(2.0))
    # ours: the exact line through 1e10, 1.6e11, 2.56e12 at 4-year steps: 2 × a year, every resample agrees
    assert (r["n_points"], r["growth_per_year_x"], r["growth_per_year_x_low"], r["growth_per_year_x_high"]) == (
        3, approx(2.0), approx(2.0), approx(2.0))
    assert r["growth_ratio_x"] == approx(2 / 2**0.5)
    assert r["doubling_time_years"] == approx(1.0)
    assert (r["overlap_rule"], r["intervals_overlap"]) == ("intervals", True)  # touching at 2 counts
    assert r["interval_level_frac"] == approx(0.9)  # ours: the interval-level-frac parameter
    assert (rows["t-growth-x"]["overlap_rule"], rows["t-growth-x"]["intervals_overlap"]) == ("intervals", True)
    r = rows["t-no-interval"]  # published 3 with no interval: our [2, 2] does not hold it
    assert (r["published_growth_per_year_x_low"], r["overlap_rule"], r["intervals_overlap"]) == (
        None, "point_in_interval", False)
    r = rows["t-growth-oom"]  # 2016-2020: two chips, below minimum-fit-points (3): no fit, no verdict
    assert (r["n_points"], r["growth_per_year_x"], r["intervals_overlap"]) == (2, None, None)
    # the price basis is part of the subset: with purchase prices test-asic-purchase joins the three GPUs
    assert rows["t-doubling-months"]["n_points"] == 4
    assert rows["t-halving-months"]["n_points"] == 3
    assert rows["t-doubling-years"]["label"] == "Test t-doubling-years (2016–2024)"
    # a z-score selection against every run, then the period, its last day included
    r = rows["t-runs-above"]
    assert r["n_points"] == 3 and r["label"] == "Test t-runs-above (2020 – Mar 2024)"
    assert "z-score at least 0 against runs within 100 years" in r["fit_description"]
    assert r["interval_level_frac"] == approx(0.8)  # the published interval's level, not the parameter's
    assert rows["t-runs-below"]["n_points"] == 2
    assert rows["t-no-interval"]["interval_level_frac"] == approx(0.9)  # no published level: the parameter
    # a rounded figure stands for the values that round to it; the ends of a time swap
    r = rows["t-rounded"]
    assert (r["published_growth_per_year_x"], r["published_growth_per_year_x_low"],
            r["published_growth_per_year_x_high"]) == (approx(2 ** (1 / 1.05)), approx(2 ** (1 / 1.15)),
                                                       approx(2 ** (1 / 0.95)))
    assert (r["overlap_rule"], r["intervals_overlap"]) == ("rounding_range", True)
    r = rows["t-rounded-apart"]
    assert (r["published_growth_per_year_x_low"], r["published_growth_per_year_x_high"]) == (2.5, 3.5)
    assert (r["overlap_rule"], r["intervals_overlap"]) == ("rounding_range", False)
    # a cost trend's points are the runs' costs by its method, in 2024 dollars
    r = rows["t-costs"]
    costs = db.execute("SELECT publication_date, cost_usd_2024 FROM training_cost_methods WHERE method_id = "
                       "'cottier-amortized' AND run_id IN ('launch-fallback-run', 'proxy-run', 'gpt-3-175b') "
                       "ORDER BY publication_date").fetchall()
    fit = fit_loglinear([c[0] for c in costs], [c[1] for c in costs], level=0.9, samples=200, seed=0)
    assert (r["n_points"], r["growth_per_year_x"]) == (3, approx(fit.growth_per_year))
    assert r["fit_description"].startswith("Runs with a cost by method cottier-amortized, in 2024 dollars")
    assert rows["t-costs-frontier"]["n_points"] == 1


# --- claim_checks --------------------------------------------------------------------------------------

def test_claim_check_verdicts(db):
    rows = {r[0]: r[1:] for r in db.execute(
        "SELECT claim_id, n_points, n_agree, our_value, our_low, our_high, accepted_low, accepted_high, verdict "
        "FROM claim_checks").fetchall()}
    # 1.6, 1.8, 3.0 against 1.5–2 (two techniques; the memory result does not count): median 1.8 inside,
    # 2 of 3 inside
    assert rows["c-holds"] == (3, 2, approx(1.8), approx(1.6), approx(3.0), 1.5, 2.0, "holds")
    # 1.0, 2.1, 3.5, 4.0 against 2–3: median (2.1 + 3.5) / 2 = 2.8 is inside but only 1 of 4 is
    assert rows["c-partly"] == (4, 1, approx(2.8), approx(1.0), approx(4.0), 2.0, 3.0, "holds in part")
    # 1.5 and 5 against 2–4: the median 3.25 is inside, yet no result is
    assert rows["c-not"] == (2, 0, approx(3.25), approx(1.5), approx(5.0), 2.0, 4.0, "does not hold")
    # up to 5 of a factor is 1 (no change) to 5: 1.5 is inside, 0.8 (a cost that rose) is not; the median 1.15
    # is inside and half the points agree, so it holds
    assert rows["c-up-to"] == (2, 1, approx(1.15), approx(0.8), approx(1.5), 1.0, 5.0, "holds")
    assert rows["c-no-data"] == (0, 0, None, None, None, approx(1.1), approx(1.5), "cannot be checked")
    # the tolerance widens an 'about' claim to 2 to 3.125: only 2.1 agrees (1 of 4), so it holds in part
    assert rows["c-about"] == (4, 1, approx(2.8), approx(1.0), approx(4.0), approx(2.0), approx(3.125),
                               "holds in part")
    assert rows["c-unmeasurable"][-1] == "cannot be checked"
    detail = dict(db.execute("SELECT claim_id, verdict_detail FROM claim_checks").fetchall())
    assert detail["c-unmeasurable"] == "a measurement of it"
    assert detail["c-partly"].startswith("1 of 4 agree")
    agrees = db.execute("SELECT point_id FROM claim_evidence WHERE claim_id = 'c-about' AND agrees").fetchall()
    assert agrees == [("int8-2",)]


# --- compute_efficiency ----------------------------------------------------------------------------------

def test_compute_efficiency_access_effect(db):
    # The anchor: gpt-3-175b, published 2024, cost estimate $1038.3 (2024). Hardware: 2 × a year with
    # no spread (an exact fit). Algorithms: halving every 12 months → 2 × a year, 90 % interval
    # 2^(12/24) = √2 to 2^(12/6) = 4, so log sd = (ln 4 − ln √2) / (2 z) = 0.75 ln 2 / z.
    # Together: 2 × 2 = 4 × a year, 90 % interval 4 × 2^(∓0.75) (z cancels: both at 90 %).
    r = one(db, "SELECT * FROM compute_efficiency WHERE domain = 'language' AND effect = 'access' "
                "AND basis = 'hardware_and_algorithms' AND reference = 'gpt-3-175b' AND year = 2026")
    assert r["base_year"] == 2024 and r["is_projection"]  # the hardware data end in 2024
    assert r["rate_per_year_x"] == approx(4.0)
    assert (r["rate_low_x"], r["rate_high_x"]) == (approx(4 * 2**-0.75), approx(4 * 2**0.75))
    # 2026 is 2 years on: cost / (g_hw × g_alg)^2 = 1038.3 / 16 = 64.89375; the interval's
    # factor is 2^(±0.75 × 2) = 2^(±1.5)
    assert r["value"] == approx(1038.3 / 16)
    assert r["value_low"] == approx(1038.3 / (16 * 2**1.5))
    assert r["value_high"] == approx(1038.3 / (16 * 2**-1.5))
    assert r["value_low"] <= r["value"] <= r["value_high"]

    hw = one(db, "SELECT * FROM compute_efficiency WHERE domain = 'language' AND effect = 'access' "
                 "AND basis = 'hardware' AND reference = 'gpt-3-175b' AND year = 2026")
    assert hw["value"] == approx(1038.3 / 4)  # hardware alone: / 2^2
    assert hw["value_low"] == approx(1038.3 / 4) and hw["value_high"] == approx(1038.3 / 4)
    base = one(db, "SELECT * FROM compute_efficiency WHERE effect = 'access' AND basis = 'hardware' "
                   "AND reference = 'gpt-3-175b' AND year = 2024")
    assert base["value"] == approx(1038.3) and not base["is_projection"]
    # projected at most projection-years-past-data (2) years past the hardware data's end (2024)
    assert db.execute("SELECT max(year) FROM compute_efficiency WHERE effect = 'access'").fetchone()[0] == 2026


def test_compute_efficiency_intervals_and_scope(db):
    bad = db.execute("SELECT count(*) FROM compute_efficiency WHERE NOT (value_low <= value AND value <= value_high)"
                     ).fetchone()[0]
    assert bad == 0
    # vision has no algorithmic estimate in the fixture; gpt-4 is not a run; fewer than 3 frontier runs
    # with a cost means no spending fit, hence no frontier rows
    assert db.execute("SELECT DISTINCT domain, reference FROM compute_efficiency WHERE effect = 'access'"
                      ).fetchall() == [("language", "gpt-3-175b")]
    assert db.execute("SELECT count(*) FROM compute_efficiency WHERE effect = 'frontier'").fetchone()[0] == 0
    # performance: $1m buys 1e6 / (1038.3 / 1.0098432e22) FLOP in 2024, 4^2 = 16 × as much effective compute in 2026
    perf = one(db, "SELECT value FROM compute_efficiency WHERE effect = 'performance' "
                   "AND basis = 'hardware_and_algorithms' AND reference = 'budget-1m-usd-from-gpt-3-175b' AND year = 2026")
    assert perf["value"] == approx(1e6 / (1038.3 / 1.0098432e22) * 16)


# --- benchmark_scores, capability_frontier, algorithmic_progress ------------------------------------------

def test_benchmark_scores_choose_third_party_then_best(db):
    rows = {r[0]: r[1:] for r in db.execute(
        "SELECT run_id, score, evaluator_kind, n_results, n_evaluators, score_spread FROM benchmark_scores "
        "WHERE benchmark_id = 'test-bench'").fetchall()}
    assert rows["launch-fallback-run"] == (40, "third_party", 2, 2, 15)  # not the developer's 55
    assert rows["flag-6nd-true"] == (47, "third_party", 2, 1, 5)  # the better of two settings
    assert rows["tpu-run"] == (41, "developer", 1, 1, 0)
    assert len(rows) == 6


def test_benchmark_scores_date_a_later_version_by_its_release(db):
    # a version in model_versions dates its score; every other score keeps its model's first release
    dates = {r[0]: (str(r[1]), str(r[2])) for r in db.execute(
        "SELECT run_id, publication_date, score_date FROM benchmark_scores WHERE benchmark_id = 'test-bench'").fetchall()}
    assert dates.pop("compute-only-run") == ("2025-06-01", "2026-06-01")
    assert dates and all(pub == score for pub, score in dates.values())


def frontier(con, benchmark_id, threshold, year):
    return one(con, "SELECT * FROM capability_frontier WHERE benchmark_id = ? AND threshold_score = ? AND year = ?",
               benchmark_id, threshold, year)


def test_capability_frontier_least_compute_by_year(db):
    # the ladder: every 5 points from the first above chance (25) to the first at or above the best (87): 30..90;
    # the years run to 2026, when compute-only-run's scored version (model_versions) was released
    assert db.execute("SELECT min(threshold_score), max(threshold_score), count(DISTINCT threshold_score), "
                      "min(year), max(year) FROM capability_frontier WHERE benchmark_id = 'test-bench'"
                      ).fetchone() == (30, 90, 13, 2020, 2026)
    # a score counts from its version's release: compute-only-run (published 2025, its 72 scored by the version
    # of 2026) reaches 70 in 2026, not in 2025
    assert frontier(db, "test-bench", 70, 2026)["n_models_reaching"] == \
        frontier(db, "test-bench", 70, 2025)["n_models_reaching"] + 1
    f = frontier(db, "test-bench", 40, 2020)
    assert (f["n_models_reaching"], f["min_compute_flop"], f["min_compute_run_id"]) == (1, approx(1.0098432e20),
                                                                              "launch-fallback-run")
    # by 2022 three models reach 40; the TPU run's 1.8e18 FLOP is the least
    f = frontier(db, "test-bench", 40, 2022)
    assert (f["n_models_reaching"], f["min_compute_run_id"], f["min_compute_score"]) == (3, "tpu-run", 41)
    # 45 is reached by flag-6nd-true (1.5e19) in 2021 and stays the least through 2025 (gpt-3 and
    # compute-only-run reach it with more)
    assert [frontier(db, "test-bench", 45, y)["min_compute_flop"] for y in (2021, 2024, 2025)] == [approx(1.5e19)] * 3
    # 85: only proxy-run (2023) reaches it, without a compute figure: reached, but no minimum
    f = frontier(db, "test-bench", 85, 2023)
    assert f["is_reached"] and (f["n_models_reaching"], f["n_models_with_compute"], f["min_compute_flop"]) == (1, 0, None)
    # 75 in 2024: gpt-3-175b (the least compute: proxy-run has none) and proxy-run, both with a cost
    # estimate; the cheaper of the two is the least cost
    f = frontier(db, "test-bench", 75, 2024)
    costs = {r: cost(db, r)["cost_estimate_usd_2024"] for r in ("gpt-3-175b", "proxy-run")}
    cheaper = min(costs, key=costs.get)
    assert (f["min_compute_run_id"], f["min_cost_run_id"], f["n_models_with_cost"]) == ("gpt-3-175b", cheaper, 2)
    assert f["min_cost_usd_2024"] == approx(costs[cheaper])
    # in 2023 only proxy-run had reached 75
    assert frontier(db, "test-bench", 75, 2023)["min_cost_run_id"] == "proxy-run"


def test_capability_frontier_unreached_threshold_is_an_explicit_empty_row(db):
    rows = db.execute("SELECT year, is_reached, n_models_reaching, min_compute_flop FROM capability_frontier "
                      "WHERE benchmark_id = 'test-bench' AND threshold_score = 90 ORDER BY year").fetchall()
    assert rows == [(y, False, 0, None) for y in range(2020, 2027)]
    # an unbounded index: rungs from the first above the lowest score (101) to the first at or above the best (118)
    assert db.execute("SELECT DISTINCT threshold_score FROM capability_frontier WHERE benchmark_id = 'test-index' "
                      "ORDER BY 1").fetchall() == [(105,), (110,), (115,), (120,)]


def test_algorithmic_progress_too_few_models_is_a_row_with_a_reason(db):
    rows = db.execute("SELECT benchmark_id, fit_method, halving_time_months, n_models, notes FROM algorithmic_progress "
                      "ORDER BY 1, 2").fetchall()
    assert [(b, m) for b, m, *_ in rows] == [("test-bench", "frontier"), ("test-bench", "regression"),
                                             ("test-index", "frontier"), ("test-index", "regression")]
    for _, _, halving, _, reason in rows:
        assert halving is None and "models" in reason
    # test-bench: five models with compute (proxy-run has none)
    assert {m: n for b, m, _, n, _ in rows if b == "test-bench"} == {"frontier": 5, "regression": 5}
    # without a measured rate, compute_efficiency has no measured basis
    assert db.execute("SELECT count(*) FROM compute_efficiency WHERE basis = 'hardware_and_measured_algorithms'"
                      ).fetchone()[0] == 0


# --- inference_price_frontier, inference_price_trends, inference_energy_summary -----------------------------

def test_inference_price_frontier_cheapest_qualifying_price_by_month(db):
    rows = {str(d): r for d, *r in db.execute(
        "SELECT as_of_date, min_blended_usd_per_mtok, min_price_run_id, n_models_priced FROM inference_price_frontier "
        "WHERE threshold_id = 'test-bench-tpu-run' ORDER BY as_of_date").fetchall()}
    # monthly from the first qualifying price (January 2021) to the last price of all (June 2024): 42 months
    assert len(rows) == 42 and min(rows) == "2021-01-31" and max(rows) == "2024-06-30"
    assert rows["2021-01-31"] == [approx(100), "flag-6nd-true", 1]
    assert rows["2022-07-31"] == [approx(on_decline("2022-07-01")), "tpu-run", 2]
    # proxy-run's 50 in June 2023 is dearer than the frontier; old-gpu-run's 0.01 has no test-bench score
    assert rows["2023-06-30"] == [approx(on_decline("2022-07-01")), "tpu-run", 3]
    # gpt-3-175b's input and output prices blend at 3:1 to the decline's price
    assert rows["2024-06-30"] == [approx(on_decline("2024-06-01")), "gpt-3-175b", 4]
    # compute-only-run's price (0.001, read June 2025) has no effective date: it never enters
    assert db.execute("SELECT count(*) FROM inference_price_frontier WHERE min_price_run_id = 'compute-only-run'"
                      ).fetchone()[0] == 0
    # the frontier dates a price by when it took effect, not when it was read
    assert one(db, "SELECT min(min_price_effective_date) AS d FROM inference_price_frontier "
                   "WHERE min_price_run_id = 'tpu-run'")["d"].isoformat() == "2022-07-01"
    assert one(db, "SELECT DISTINCT threshold_score FROM inference_price_frontier "
                   "WHERE threshold_id = 'test-bench-tpu-run'")["threshold_score"] == 41
    # a named reference version sets the threshold by its own results
    assert one(db, "SELECT DISTINCT threshold_score FROM inference_price_frontier "
                   "WHERE threshold_id = 'test-bench-flag-version'")["threshold_score"] == approx(44.5)
    assert one(db, "SELECT threshold_score FROM inference_price_trends "
                   "WHERE threshold_id = 'test-bench-flag-version'")["threshold_score"] == approx(44.5)
    # a threshold without a score has no months
    assert db.execute("SELECT count(*) FROM inference_price_frontier WHERE threshold_id = 'test-bench-old-gpu-run'"
                      ).fetchone()[0] == 0


def test_inference_price_trends_recover_the_exact_decline(db):
    r = one(db, "SELECT * FROM inference_price_trends WHERE threshold_id = 'test-bench-tpu-run'")
    # three record setters exactly on a 10× a year decline: the fit is exact and so is every resample;
    # five models reach 41 (flag-6nd-true, tpu-run, proxy-run, gpt-3-175b, compute-only-run), four have a price
    assert (r["n_points"], r["n_models_reaching"], r["n_candidate_models"]) == (3, 5, 4)
    assert r["decline_per_year_x"] == approx(10)
    assert (r["decline_per_year_x_low"], r["decline_per_year_x_high"]) == (approx(10), approx(10))
    assert r["fitted_start_usd_per_mtok"] == approx(100)
    assert (str(r["window_start"]), str(r["window_end"])) == ("2021-01-01", "2024-06-01")
    assert r["published_decline_per_year_x"] == 12 and r["intervals_overlap"] is False  # 10 to 10 vs 11 to 20
    # the replication on the published window (2021-06 to 2024-06): the record of January 2021 is still the
    # cheapest when the window opens, so it is the first point, dated at the opening; the fall is then steeper
    assert r["replication_n_points"] == 3
    assert r["replication_decline_per_year_x"] > 10
    assert r["replication_decline_per_year_x_low"] <= r["replication_decline_per_year_x"] \
        <= r["replication_decline_per_year_x_high"]
    assert r["replication_agrees"] == (11 <= r["replication_decline_per_year_x"] <= 20)
    empty = one(db, "SELECT * FROM inference_price_trends WHERE threshold_id = 'test-bench-old-gpu-run'")
    assert empty["decline_per_year_x"] is None and empty["threshold_score"] is None and empty["n_points"] == 0
    assert empty["replication_n_points"] is None and empty["replication_agrees"] is None  # no published window
    assert "no score" in empty["notes"]
    # compute_efficiency follows the fitted price year by year from 2021: 100 / 10^(year − 2021)
    ce = one(db, "SELECT * FROM compute_efficiency WHERE effect = 'inference_access' AND reference = 'test-bench-tpu-run' "
                 "AND year = 2023")
    assert (ce["basis"], ce["base_year"], ce["value"]) == ("measured_prices", 2021, approx(1.0))


def test_inference_energy_summary_energy_cost_and_rental(db):
    r = one(db, "SELECT * FROM inference_energy_summary WHERE accelerator_id = 'test-gpu-2024'")
    assert (r["size_class"], r["n_configs"], r["n_models"]) == ("small", 2, 1)
    # 3.6 and 7.2 J per token are 1 and 2 kWh per million tokens
    assert (r["median_kwh_per_mtok"], r["min_kwh_per_mtok"], r["max_kwh_per_mtok"]) == (approx(1.5), approx(1), approx(2))
    assert r["median_energy_cost_usd_per_mtok"] == approx(1.5 * 0.1)  # the fixture's electricity price
    assert r["median_emissions_g_co2e_per_mtok"] == approx(1.5 * 500)  # and carbon intensity
    # and over the regions of electricity (kept as shipped): their cheapest and dearest price and intensity
    lo_p, hi_p, lo_c, hi_c = db.execute(
        "SELECT min(industrial_price_usd_per_kwh), max(industrial_price_usd_per_kwh), "
        "min(carbon_intensity_g_co2e_per_kwh), max(carbon_intensity_g_co2e_per_kwh) FROM electricity").fetchone()
    assert (r["energy_cost_low_usd_per_mtok"], r["energy_cost_high_usd_per_mtok"]) == (approx(1.5 * lo_p), approx(1.5 * hi_p))
    assert (r["emissions_low_g_co2e_per_mtok"], r["emissions_high_g_co2e_per_mtok"]) == (approx(1.5 * lo_c), approx(1.5 * hi_c))
    # rental: 2 chips × $6 an hour (median of the on-demand prices 3, 4, 8, 10) over 200 and 100 tokens/s:
    # 12 / 0.72 and 12 / 0.36 USD per million tokens, median 25
    assert r["median_rental_usd_per_mtok"] == approx(25.0)
    assert r["electricity_share_frac"] == approx(0.15 / 25.15)


# --- achieved_vs_peak --------------------------------------------------------------------------------------

def test_achieved_vs_peak_best_of_ours_and_published(db):
    rows = {(r[0], r[1]): r[2:] for r in db.execute(
        "SELECT accelerator_id, precision, peak_flop_per_s, achieved_flop_per_s, achieved_over_peak_frac, provenance, "
        "measurement_id, source, n_measurements, n_measured, achieved_bytes_per_s, memory_bandwidth_bytes_per_s, "
        "achieved_bandwidth_over_peak_frac, bandwidth_measurement_id FROM achieved_vs_peak").fetchall()}
    # test-tpu has no FP32 peak: its FP32 measurement gives no row
    assert set(rows) == {("test-gpu-2024", "bf16"), ("test-gpu-2020", "fp32"), ("test-gpu-2020", "bf16")}
    # published 9.6e14 beats ours 6.4e14; 9.6e14 / 1.28e15 = 0.75; the copy 8e11 / 1e12 = 0.8
    assert rows[("test-gpu-2024", "bf16")] == (approx(1.28e15), approx(9.6e14), approx(0.75), "published",
                                               "m-2024-published", MAMF, 2, 1, approx(8e11), approx(1e12),
                                               approx(0.8), "m-2024-copy")
    # 1.5e13 / 2e13 = 0.75 and 1.6e14 / 2e14 = 0.8, ours; no copy measured
    assert rows[("test-gpu-2020", "fp32")][:8] == (approx(2e13), approx(1.5e13), approx(0.75), "measured",
                                                   "m-2020-fp32", MEASURE, 1, 1)
    assert rows[("test-gpu-2020", "bf16")][2] == approx(0.8)
    assert rows[("test-gpu-2020", "bf16")][8:] == (None, approx(1e12), None, None)


# --- mlperf_progress ----------------------------------------------------------------------------------------

def progress(con, round_, accelerator_id):
    return one(con, "SELECT * FROM mlperf_progress WHERE mlperf_round = ? AND accelerator_id = ?", round_,
               accelerator_id)


def test_mlperf_progress_comparable_scale_and_fastest(db):
    assert db.execute("SELECT count(*) FROM mlperf_progress").fetchone()[0] == 4
    r = progress(db, "v1.0", "test-gpu-2020")
    # 60 / 60 × 8 = 8 chip-h beats 15 / 60 × 64 = 16 chip-h; the 64-chip run is the fastest
    assert (r["mlperf_result_id"], r["accelerator_count"], r["chip_hours"], r["n_mlperf_results"]) == (
        "v1.0-a", 8, approx(8), 2)
    assert (r["fastest_time_to_train_minutes"], r["fastest_accelerator_count"]) == (approx(15), 64)
    assert str(r["round_published_date"]) == "2021-01-01"
    # the open-division 5-minute run is not counted
    e = progress(db, "v2.0", "test-gpu-2024")
    assert (e["mlperf_result_id"], e["chip_hours"], e["n_mlperf_results"], e["fastest_time_to_train_minutes"]) == (
        "v2.0-e", approx(2), 1, approx(15))  # 15 / 60 × (2 nodes × 4) = 2


def test_mlperf_progress_speedup_over_predecessor(db):
    # test-gpu-2024's candidates in v2.0 (same vendor, released ≥ 11 months earlier): 2020 (6 chip-h) and
    # 2016 (16 chip-h); the fewest chip-hours wins: 6 / 2 = 3×
    e = progress(db, "v2.0", "test-gpu-2024")
    assert (e["predecessor_accelerator_id"], e["predecessor_chip_hours"], e["predecessor_accelerator_count"],
            e["speedup_over_predecessor_x"]) == ("test-gpu-2020", approx(6), 8, approx(3))
    d = progress(db, "v2.0", "test-gpu-2020")
    assert (d["predecessor_accelerator_id"], d["speedup_over_predecessor_x"]) == ("test-gpu-2016", approx(16 / 6))
    # no older chip of the vendor in the round: no predecessor (v1.0 has only the 2020 chip)
    assert progress(db, "v2.0", "test-gpu-2016")["predecessor_accelerator_id"] is None
    assert progress(db, "v1.0", "test-gpu-2020")["speedup_over_predecessor_x"] is None


def test_mlperf_progress_rental_cost(db):
    # v1.0 (2021-01-01): test-gpu-2020's on-demand price of that very day, $2 → 8 chip-h × $2 = $16
    r = progress(db, "v1.0", "test-gpu-2020")
    assert (str(r["cloud_price_date"]), r["cloud_price_usd_per_hour"], r["cloud_cost_usd"]) == (
        "2021-01-01", approx(2), approx(16))
    # v2.0 (2024-03-01): test-gpu-2024's nearest on-demand date is 2024-01-01, median of {3, 4, 8} = 4 → 2 × 4 = 8
    e = progress(db, "v2.0", "test-gpu-2024")
    assert (str(e["cloud_price_date"]), e["cloud_price_usd_per_hour"], e["cloud_cost_usd"]) == (
        "2024-01-01", approx(4), approx(8))
    # test-gpu-2020 in v2.0: its only price (2021-01-01) is 1,155 days from the round, beyond the
    # mlperf-price-max-gap-days parameter (365): no price of that round, no cost
    r = progress(db, "v2.0", "test-gpu-2020")
    assert (r["cloud_price_date"], r["cloud_cost_usd"]) == (None, None)
    assert progress(db, "v2.0", "test-gpu-2016")["cloud_cost_usd"] is None  # no cloud price


# --- headline_figures --------------------------------------------------------------------------------------

def test_headline_figures(db):
    f = dict(db.execute("SELECT figure_id, value FROM headline_figures").fetchall())
    assert f["accelerators_count"] == len(ACCELERATORS)
    assert f["accelerators_priced_count"] == 6  # the three launch-priced data-centre chips and three consumer cards
    assert f["data_centre_accelerators_count"] == 8
    # a price for the data-centre fits: the three launch-priced chips, and test-asic-purchase and test-asic-no-tdp
    # on a purchase price within 24 months of release
    assert (f["data_centre_fit_priced_count"], f["data_centre_purchase_priced_count"]) == (5, 2)
    # the best data-centre 16-bit price-performance: test-gpu-2024, 1.28e15 / $500 of 2024
    assert f["best_data_centre_tensor16_flop_per_s_per_usd_2024"] == approx(2.56e12)
    assert f["training_runs_count"] == len(TRAINING_RUNS)
    assert f["frontier_runs_count"] == 2
    assert f["runs_with_hardware_count"] == 6  # all but the two runs without an accelerator and compute-only-run
    assert f["runs_with_cost_count"] == 3  # gpt-3-175b, launch-fallback-run, proxy-run
    assert f["runs_flagged_count"] == 3  # tpu-run, launch-fallback-run, flag-6nd-true
    # MFU of 0.125 (tpu), 0.2 (launch-fallback: 0.5 × 1.0098432e20 / 2.524608e20), 0.25, 0.25:
    # median (0.2 + 0.25) / 2 = 0.225; first quartile at position 0.25 × 3 = 0.75: 0.125 + 0.75 × 0.075 = 0.18125
    assert f["median_mfu_frac"] == approx(0.225)
    assert f["mfu_q1_frac"] == approx(0.18125)
    assert f["claims_count"] == len(CLAIMS)
    assert f["claims_holding_count"] == 2  # c-holds, c-up-to
    assert f["claims_holding_in_part_count"] == 2  # c-partly, c-about
    assert f["claims_not_holding_count"] == 1  # c-not
    assert f["claims_uncheckable_count"] == 2  # c-no-data, c-unmeasurable
    assert f["hardware_prices_count"] == len(HARDWARE_PRICES)
    assert f["cloud_prices_count"] == len(CLOUD_PRICES)
    assert f["technique_results_count"] == len(TECHNIQUE_RESULTS)
    assert f["efficiency_language_hardware_and_algorithms_growth_x"] == approx(4.0)
    assert f["efficiency_language_hardware_growth_x"] == approx(2.0)
    assert "h100_sxm_bf16_flop_per_s" not in f  # no such chip: the figure is left out, not zero


def test_headline_figures_give_each_finding_its_window_and_spread(db):
    """A topic page's finding quotes its window (first and last year of the points) and its spread: every trend
    fit and every halving time has its years, a halving time its interval and its count of models, the fitted
    inference declines their quartiles and years, and technique effects their pooled median per metric."""
    f = dict(db.execute("SELECT figure_id, value FROM headline_figures").fetchall())
    fits = db.execute("SELECT fit_id, year(start_date), year(end_date) FROM trend_fits").fetchall()
    assert fits
    for fit_id, first, last in fits:
        key = fit_id.replace(":", "__").replace("-", "_")
        assert (f[f"{key}__first_year"], f[f"{key}__last_year"]) == (first, last), fit_id
        assert f[f"{key}__first_year"] <= f[f"{key}__last_year"]
    rows = db.execute("SELECT benchmark_id, fit_method, halving_time_months, halving_time_months_low, "
                      "halving_time_months_high, n_models, published_halving_time_months FROM algorithmic_progress "
                      "WHERE halving_time_months IS NOT NULL").fetchall()
    for bench, method, months, low, high, n, published in rows:
        key = f"algorithmic_{bench.replace('-', '_')}_{method}"
        assert f[f"{key}_halving_months"] == approx(months) and f[f"{key}_models"] == n
        assert f.get(f"{key}_published_halving_months") == (None if published is None else approx(published))
        if low is not None:
            assert (f[f"{key}_halving_months_low"], f[f"{key}_halving_months_high"]) == (approx(low), approx(high))
            assert low <= months <= high
    declines = sorted(v for (v,) in db.execute(
        "SELECT decline_per_year_x FROM inference_price_trends WHERE decline_per_year_x IS NOT NULL").fetchall())
    if declines:
        assert f["inference_trends_decline_q1_x"] <= f["inference_trends_median_decline_x"] <= f["inference_trends_decline_q3_x"]
        assert declines[0] <= f["inference_trends_decline_q1_x"] and f["inference_trends_decline_q3_x"] <= declines[-1]
        assert f["inference_trends_first_year"] <= f["inference_trends_last_year"]
    effects = db.execute("SELECT metric, count(*), median(effect_x) FROM technique_effects GROUP BY metric").fetchall()
    assert effects
    for metric, n, median in effects:
        assert f[f"technique_{metric}_results_count"] == n
        assert f[f"technique_{metric}_median_x"] == approx(median)
        assert f[f"technique_{metric}_q1_x"] <= f[f"technique_{metric}_median_x"] <= f[f"technique_{metric}_q3_x"]
    assert sum(f[f"technique_{m}_results_count"] for m, _, _ in effects) == f["technique_results_count"]


# --- training_cost_methods ---------------------------------------------------------------------------------

def method(con, run_id, method_id):
    return one(con, "SELECT * FROM training_cost_methods WHERE run_id = ? AND method_id = ?", run_id, method_id)


def test_cost_methods_rows(db):
    rows = db.execute("SELECT run_id, method_id FROM training_cost_methods ORDER BY 1, 2").fetchall()
    assert rows == [
        ("compute-only-run", "cottier-amortized"), ("compute-only-run", "cottier-cloud"),  # no chips × hours: ours none
        ("gpt-3-175b", "cottier-amortized"), ("gpt-3-175b", "cottier-cloud"), ("gpt-3-175b", "ours-cloud"),
        ("gpt-3-175b", "ours-ownership"),
        ("launch-fallback-run", "cottier-amortized"), ("launch-fallback-run", "cottier-cloud"),
        ("launch-fallback-run", "ours-cloud"), ("launch-fallback-run", "ours-ownership"),
        ("proxy-run", "cottier-amortized"), ("proxy-run", "ours-ownership"),  # no cloud price for its chip
        # tpu-run: no cloud price and no chip price; runs without an accelerator: none
    ]


def test_a_chip_with_a_price_but_no_tdp_gives_no_amortized_cost(db):
    # no-tdp-run: 40 chip-hours on test-asic-no-tdp, which has a purchase price ($2000, 2018-09-01) but no power
    # figure: Cottier et al.'s amortized rate has no energy term, so the method leaves the run out (no row) rather
    # than giving a NULL cost; the build does not fail
    assert cost(db, "no-tdp-run")["chip_hours"] == approx(40)
    assert db.execute("SELECT count(*) FROM training_cost_methods WHERE run_id = 'no-tdp-run'").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM training_cost_methods WHERE cost_usd IS NULL").fetchone()[0] == 0


def test_cottier_cloud_price_tier_date_and_vendor(db):
    r = method(db, "gpt-3-175b", "cottier-cloud")
    # training ends 60 days before publication (2024-03-01 → 2024-01-01) and lasts 876.6 h (36 d 12.6 h): it
    # starts 2023-11-25 11:24; the hardware is acquired 60 days before, 2023-09-26
    assert str(r["price_target_date"]) == "2023-09-26"
    # AWS (the vendor of an organization that is none of Google, DeepMind, Microsoft, OpenAI), 3-year tier:
    # no price on or before 2023-09-26, so the earliest after, 2024-06-01's $2.0 (provider A's $1.0 of
    # 2024-09-01 is not the run's vendor; the on-demand and 1-year prices are another tier)
    assert (r["price_provider"], r["pricing_model"], str(r["price_date"])) == ("AWS", "commit_3y", "2024-06-01")
    assert (r["rate_usd_per_hour"], r["tier_conversion_x"]) == (approx(2.0), approx(1.0))
    assert (r["method_chip_hours"], r["chip_hours_basis"]) == (approx(8766), "count_x_duration")
    assert r["cost_usd"] == approx(17532)  # 8766 chip-h × $2
    assert (r["dollar_year"], r["cost_usd_2024"]) == (2024, approx(17532))  # the publication year's dollars
    # published: $9642.6 of 2025 by PPI → × PPI 2024 / PPI 2025 = 100 / 110 → $8766 of 2024 (CPI-U × 1)
    assert r["published_cost_usd_2024"] == approx(8766)
    assert r["ratio_to_published_x"] == approx(2.0)
    assert r["published_chip_hours"] == approx(8766)
    # our on-demand cost of the same run: 8766 × $4 = $35 064, 4 × the published figure
    o = method(db, "gpt-3-175b", "ours-cloud")
    assert (o["cost_usd_2024"], o["pricing_model"], o["ratio_to_published_x"]) == (approx(35064), "on_demand",
                                                                                    approx(4.0))


def test_cottier_cloud_latest_price_before_the_date_and_chip_hours_from_compute(db):
    r = method(db, "compute-only-run", "cottier-cloud")
    # chip-hours = 2.304e21 / (1.28e15 × 0.5 default MFU × 3600) = 1000
    assert (r["method_chip_hours"], r["chip_hours_basis"]) == (approx(1000), "compute_over_peak_rate")
    # no duration: the 793.5 h default. 2025-06-01 − 60 d = 2025-04-02; − 793.5 h (33 d 1.5 h) = 2025-02-27
    # 22:30; − 60 d = 2024-12-29 22:30 → 2024-12-29. Both AWS prices precede it: the later, $1.5 of 2024-12-01
    assert str(r["price_target_date"]) == "2024-12-29"
    assert (str(r["price_date"]), r["rate_usd_per_hour"], r["cost_usd"]) == ("2024-12-01", approx(1.5), approx(1500))
    assert (r["dollar_year"], r["cost_usd_2024"]) == (2025, approx(1500 * 300 / 310))
    assert r["published_cost_usd_2024"] is None and r["ratio_to_published_x"] is None


def test_cottier_cloud_converts_another_tier(db):
    r = method(db, "launch-fallback-run", "cottier-cloud")
    # test-gpu-2020 has no commitment price: its only price, on demand $2 (provider A, 2021-01-01, after the
    # acquisition date), converted by 1 − the 3-year discount 0.5 → $1
    assert (r["pricing_model"], r["price_provider"], str(r["price_date"])) == ("on_demand", "A", "2021-01-01")
    # 2020-07-01 − 60 d = 2020-05-02; − 87.66 h (3 d 15.66 h) = 2020-04-28 08:20; − 60 d = 2020-02-28
    assert str(r["price_target_date"]) == "2020-02-28"
    assert (r["tier_conversion_x"], r["rate_usd_per_hour"]) == (approx(0.5), approx(1.0))
    assert r["cost_usd"] == approx(701.28)  # 8 × 87.66 = 701.28 chip-h × $1
    assert (r["dollar_year"], r["cost_usd_2024"]) == (2020, approx(876.6))  # × 300 / 240


def test_cottier_amortized_depreciation_and_energy(db):
    r = method(db, "gpt-3-175b", "cottier-amortized")
    # earliest price of test-gpu-2024: $400 of 2024-01-01; a GPU is acquired no earlier than its release
    # (2024-01-01) + 90 days = 2024-03-31, after the start of training (2023-11-25): used from 2024-03-31,
    # not depreciated. Hardware per chip-hour: 400 × 1.5 markup × (decline 0.434 × ln 10 = 1 a year) / 8766 h
    # / (1 − 0.25) = 800 / 8766; energy per chip-hour: 400 W × 1.25 PUE / 1000 × $0.1 = $0.05
    assert (str(r["price_date"]), str(r["price_target_date"])) == ("2024-01-01", "2024-03-31")
    assert r["rate_usd_per_hour"] == approx(800 / 8766 + 0.05)
    assert r["cost_usd"] == approx(1238.3)  # 8766 chip-h: $800 hardware + $438.3 energy
    # published amortized: $619.15 of 2025 by CPI-U → × 300 / 310 of 2024
    assert r["published_cost_usd_2024"] == approx(619.15 * 300 / 310)
    assert r["ratio_to_published_x"] == approx(1238.3 / (619.15 * 300 / 310))
    o = method(db, "gpt-3-175b", "ours-ownership")
    assert (o["cost_usd_2024"], o["ratio_to_published_x"]) == (approx(1038.3), approx(1038.3 / (619.15 * 300 / 310)))

    f = method(db, "launch-fallback-run", "cottier-amortized")
    # launch price $1000 of 2020-01-01; acquired 2020-03-31 (release + 90 d); training starts 2020-04-28
    # (2020-07-01 − 60 d − 87.66 h): 28 days of depreciation, value × e^(−28 / 365.25).
    # Hardware: 1000 × 1.5 × e^(−28/365.25) / 8766 / 0.75 per chip-h × 701.28 chip-h = 160 e^(−28/365.25);
    # energy: 250 W × 2 × 0.5 = 250 W × 1.25 / 1000 × $0.1 = $0.03125 per chip-h × 701.28 = $21.915
    assert str(f["price_target_date"]) == "2020-04-28"
    assert f["cost_usd"] == approx(160 * math.exp(-28 / 365.25) + 21.915)
    assert f["cost_usd_2024"] == approx((160 * math.exp(-28 / 365.25) + 21.915) * 1.25)  # 2020 → 2024: × 300/240


def test_cost_method_headline_figures(db):
    f = dict(db.execute("SELECT figure_id, value FROM headline_figures").fetchall())
    assert f["cost_method_cottier_cloud_ratio_median_x"] == approx(2.0)
    assert f["cost_method_cottier_cloud_published_count"] == 1
    assert f["cost_method_ours_cloud_ratio_median_x"] == approx(4.0)
    assert f["cost_method_cottier_cloud_within_tolerance_count"] == 0
    assert f["ours_cloud_over_cottier_cloud_median_x"] == approx(2.0)  # 35 064 / 17 532
    assert f["ours_cloud_over_cottier_cloud_rate_median_x"] == approx(2.0)  # $4 / $2
