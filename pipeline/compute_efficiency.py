"""compute_efficiency: the access and performance effects by year, with intervals.

Rates: hardware price-performance is this build's fit of 16-bit tensor FLOP/s
per 2024 dollar (`trend_fits`); algorithmic progress is the published estimate
per domain (`published_trends`) and, beside it, this build's own measurement
on one benchmark per domain (`algorithmic_progress`, basis
`hardware_and_measured_algorithms`); frontier spending growth is this build's fit
of frontier training cost. Anchors: the landmark runs' cost and compute in
`training_run_costs`. The arithmetic is `compute_atlas.stats.efficiency`.
"""

from __future__ import annotations

from compute_atlas.publish.steps import parameter, relation_frame
from compute_atlas.stats.efficiency import Rate, combine, compounded

# the hardware rate is ML hardware's: data-centre accelerators, 16-bit tensor, per dollar of a price near launch (not the
# launch-priced consumer and workstation cards, which are a separate series)
HARDWARE_FIT = "flop_per_s_per_usd:data-centre-tensor-16bit"
SPENDING_FIT = "frontier_training_cost_usd:frontier-models"
#: domain -> the published algorithmic-progress estimate used (with its own interval and level)
ALGORITHMS = {"language": "ho2024-lm-algorithmic-efficiency", "vision": "erdil2022-imagenet-compute-efficiency"}
#: domain -> our own measurement used beside it (benchmark, method of algorithmic_progress): the benchmark of the
#: domain with the most models, by the regression method (the one that uses every model, not only record setters)
MEASURED = {"language": ("mmlu", "regression"), "vision": ("imagenet-top1", "regression")}


def fitted_rate(con, fit_id: str) -> Rate | None:
    rows = con.execute("SELECT growth_per_year_x, growth_per_year_x_low, growth_per_year_x_high, interval_level_frac, "
                       "year(end_date) FROM trend_fits WHERE fit_id = ?", [fit_id]).fetchall()
    return (Rate(*rows[0][:4]), rows[0][4]) if rows else (None, None)


def published_rate(con, trend_id: str) -> Rate | None:
    rows = con.execute("SELECT value, value_kind, ci_low, ci_high, interval_level_frac FROM published_trends "
                       "WHERE trend_id = ?", [trend_id]).fetchall()
    if not rows:
        return None
    value, kind, low, high, level = rows[0]
    if kind != "halving_time_months" or low is None:
        raise ValueError(f"{trend_id}: expected a halving time in months with an interval")
    return Rate.from_halving_months(value, low, high, level)


def measured_rate(con, benchmark_id: str, method: str) -> Rate | None:
    rows = con.execute("SELECT halving_time_months, halving_time_months_low, halving_time_months_high, "
                       "interval_level_frac FROM algorithmic_progress WHERE benchmark_id = ? AND fit_method = ?",
                       [benchmark_id, method]).fetchall()
    if not rows or None in rows[0]:  # no estimate, or an open-ended interval that cannot be propagated
        return None
    return Rate.from_halving_months(*rows[0])


def derive(con):
    level = parameter(con, "interval-level-frac")
    # each series runs at most this many years past the end of the data its rate was fitted to
    past = int(parameter(con, "projection-years-past-data"))
    budgets = con.execute("SELECT parameter_id, value FROM parameters WHERE parameter_id LIKE 'budget-%' "
                          "ORDER BY value").fetchall()
    hardware, hw_end = fitted_rate(con, HARDWARE_FIT)
    spending, _ = fitted_rate(con, SPENDING_FIT)
    last_year = hw_end + past if hw_end is not None else None
    rows = []
    # without the hardware fit (too few priced chips) there is no training effect; inference has its own fit
    domains = ALGORITHMS.items() if hardware is not None else ()
    for domain, trend_id in domains:
        algorithms = published_rate(con, trend_id)
        if algorithms is None:
            continue
        bases = {"hardware": (hardware, HARDWARE_FIT), "hardware_and_algorithms":
                 (combine(hardware, algorithms, level=level), f"{HARDWARE_FIT};{trend_id}")}
        measured = measured_rate(con, *MEASURED[domain]) if domain in MEASURED else None
        if measured is not None:
            bases["hardware_and_measured_algorithms"] = (
                combine(hardware, measured, level=level), f"{HARDWARE_FIT};algorithmic_progress:{':'.join(MEASURED[domain])}")
        anchors = con.execute(
            "SELECT run_id, year(publication_date), cost_estimate_usd_2024, compute_reported_flop "
            "FROM training_run_costs WHERE run_id IN (SELECT run_id FROM landmark_runs WHERE role = 'efficiency-reference' "
            "AND domain = ?) AND cost_estimate_usd_2024 IS NOT NULL AND compute_reported_flop IS NOT NULL "
            "ORDER BY publication_date", [domain]).fetchall()
        for basis, (rate, inputs) in bases.items():
            for run_id, base_year, cost, compute in anchors:
                usd_per_flop = cost / compute
                for year in range(base_year, last_year + 1):
                    f, lo, hi = compounded(rate, year - base_year)
                    # access: the landmark's cost falls by the factor
                    rows.append(_row(domain, "access", basis, run_id, base_year, year, cost / f, cost / hi,
                                     cost / lo, "usd_2024", rate, year > hw_end, inputs, (f, lo, hi)))
                for ref, budget in budgets:
                    for year in range(base_year, last_year + 1):
                        f, lo, hi = compounded(rate, year - base_year)
                        flop = budget / usd_per_flop
                        rows.append(_row(domain, "performance", basis, f"{ref}-from-{run_id}", base_year, year,
                                         flop * f, flop * lo, flop * hi, "effective_flop", rate,
                                         year > hw_end, inputs, (f, lo, hi)))
                if spending is not None:
                    frontier = combine(rate, spending, level=level)
                    for year in range(base_year, last_year + 1):
                        f, lo, hi = compounded(frontier, year - base_year)
                        rows.append(_row(domain, "frontier", basis, f"frontier-from-{run_id}", base_year, year,
                                         compute * f, compute * lo, compute * hi, "effective_flop", frontier,
                                         year > hw_end, f"{inputs};{SPENDING_FIT}", (f, lo, hi)))
    rows += inference_access(con, past)
    return relation_frame("compute_efficiency", rows)


def inference_access(con, past: int) -> list[dict]:
    """The access effect of inference: the price per million tokens of each fixed capability of
    `inference_price_trends`, year by year on its fitted decline (interval carried as for the other rates), to
    ``past`` years after the end of the prices it was fitted to, and never further past them than the span of
    those prices (a fit to a few months of prices is not projected a year)."""
    rows = []
    fits = con.execute(
        "SELECT threshold_id, year(window_start), year(window_end), fitted_start_usd_per_mtok, decline_per_year_x, "
        "decline_per_year_x_low, decline_per_year_x_high, interval_level_frac, "
        "CAST(floor(date_diff('day', window_start, window_end) / 365.25) AS INTEGER) FROM inference_price_trends "
        "WHERE decline_per_year_x IS NOT NULL AND decline_per_year_x > 1 ORDER BY threshold_id").fetchall()
    for threshold_id, start, end, price, decline, low, high, level, span_years in fits:
        rate = Rate(decline, low, high, level)
        for year in range(start, end + min(past, span_years) + 1):
            f, lo, hi = compounded(rate, year - start)
            rows.append(_row("language", "inference_access", "measured_prices", threshold_id, start, year, price / f,
                             price / hi, price / lo, "usd_per_mtok", rate, year > end,
                             f"inference_price_trends:{threshold_id}", (f, lo, hi)))
    return rows


def _row(domain, effect, basis, reference, base_year, year, value, low, high, unit, rate, projection, inputs,
         factor):
    return {"factor_x": factor[0], "factor_low_x": factor[1], "factor_high_x": factor[2],
            "interval_level_frac": rate.level,"domain": domain, "effect": effect, "basis": basis, "reference": reference, "base_year": base_year,
            "year": year, "value": value, "value_low": low, "value_high": high, "unit": unit,
            "rate_per_year_x": rate.growth, "rate_low_x": rate.low, "rate_high_x": rate.high,
            "is_projection": projection, "inputs": inputs}
