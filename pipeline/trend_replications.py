"""trend_replications: each published estimate beside our fit of the source's own population and period.

The population of each estimate is a row of ``replication_subsets`` (chips by kind and market segment,
the rate by precision, prices by basis, runs by frontier flag, domain and z-score band, costs by method,
the dates); this step turns the row into a selection of points from ``accelerator_efficiency``,
``training_run_costs`` or ``training_cost_methods``, fits it with ``compute_atlas.stats.trends``
(resamples, seed and fewest points from ``parameters``; the interval at the published interval's level
where the source states one, else at ``interval-level-frac``) and sets it beside the published value and
interval of ``published_trends`` (or, for a rounded figure without one, the range of values that round
to it: ``stats.trends.published_range``).
"""

from __future__ import annotations

from compute_atlas.metadata.vocabularies import TENSOR_16BIT
from compute_atlas.publish.steps import parameter, relation_frame
from compute_atlas.stats.trends import (
    Fit,
    growth_per_year,
    neighbourhood_z_scores,
    overlaps,
    published_range,
    record_setters,
    try_fit,
)

#: the column of accelerator_efficiency that holds each quantity of chips (runs: RUNS and COSTED_RUNS)
CHIP_COLUMNS = {
    "peak_flop_per_s": "peak_flop_per_s",
    "flop_per_s_per_usd": "priced_flop_per_s_per_usd_2024",
    "flop_per_s_per_watt": "flop_per_s_per_watt",
    "memory_bytes": "memory_bytes",
    "memory_bandwidth_bytes_per_s": "memory_bandwidth_bytes_per_s",
}

PRECISION_RULES = {"fp32": "precision = 'fp32'", "fp16": "precision = 'fp16'",
                   "best-16bit-tensor": TENSOR_16BIT, None: "true"}

CHIPS = """
    SELECT release_date, max({col}) FROM accelerator_efficiency
    WHERE list_contains(?, kind) AND list_contains(?, market_segment) AND ({precision})
      AND (? IS NULL OR list_contains(?, price_basis))
      AND release_date BETWEEN ? AND ? AND {col} IS NOT NULL
    GROUP BY accelerator_id, release_date ORDER BY release_date, accelerator_id"""

#: every run with a compute figure: the neighbourhoods of a z-score selection, before any other filter
RUNS = """
    SELECT c.publication_date, c.compute_reported_flop, c.is_frontier, r.domain
    FROM training_run_costs c JOIN training_runs r USING (run_id)
    WHERE c.compute_reported_flop IS NOT NULL ORDER BY c.publication_date, c.run_id"""

#: every run with a cost by one method (in 2024 dollars)
COSTED_RUNS = """
    SELECT m.publication_date, m.cost_usd_2024, m.is_frontier, r.domain
    FROM training_cost_methods m JOIN training_runs r USING (run_id)
    WHERE m.method_id = ? AND m.cost_usd_2024 IS NOT NULL ORDER BY m.publication_date, m.run_id"""

SUBSETS = """
    SELECT s.*, p.quantity, p.subset, p.value, p.value_kind, p.ci_low, p.ci_high, p.rounding_step,
           p.interval_level_frac,
           p.n_points AS published_n_points, p.source AS published_source
    FROM replication_subsets s JOIN published_trends p USING (trend_id)
    ORDER BY p.quantity, s.trend_id"""


def split(text: str | None) -> list[str] | None:
    return text.split(";") if text else None


def words(text: str | None) -> str:
    return ", ".join(t.replace("_", " ") for t in split(text) or [])


def span(start, end) -> str:
    """The period in words: whole years as `2010–2022`, a part year by its month: `Sep 2015 – Mar 2022`."""
    first = str(start.year) if (start.month, start.day) == (1, 1) else f"{start:%b %Y}"
    last = str(end.year) if (end.month, end.day) == (12, 31) else f"{end:%b %Y}"
    return f"{first}–{last}" if first.isdigit() and last.isdigit() else f"{first} – {last}"


def z_band(s: dict) -> str:
    low, high = s["z_score_min"], s["z_score_max"]
    bounds = " and ".join(b for b in (f"at least {low:g}" if low is not None else "",
                                      f"below {high:g}" if high is not None else "") if b)
    return f"log-compute z-score {bounds} against runs within {s['z_score_window_years']:g} years"


def describe(s: dict) -> str:
    years = span(s["period_start_date"], s["period_end_date"])
    if s["population"] == "training_runs":
        who = "frontier runs" if s["frontier_only"] else "runs"
        if s["domains"]:
            who = f"{words(s['domains'])} {who}"
        method = s["cost_method_id"]
        what = f"a cost by method {method}, in 2024 dollars" if method else "a compute figure"
        text = f"{who.capitalize()} with {what}"
        if s["z_score_window_years"]:
            text += f", {z_band(s)}"
        return f"{text}, published {years}"
    text = f"{words(s['market_segments']).capitalize()} {words(s['kinds'])}"
    if s["precision_rule"]:
        text += f", {s['precision_rule']} rate"
    if s["price_bases"]:
        text += ", " + " or ".join({"launch_list": "launch list", "purchase": "purchase"}[b]
                                   for b in split(s["price_bases"])) + " price"
    if s["best_only"]:
        text += ", record setters only"
    return f"{text}, released {years}"


def runs(all_runs: list, s: dict) -> list:
    """The runs of the subset: frontier flag, domain, z-score band (against every run), period."""
    z = (neighbourhood_z_scores([r[0] for r in all_runs], [r[1] for r in all_runs], s["z_score_window_years"])
         if s["z_score_window_years"] else [None] * len(all_runs))
    domains = split(s["domains"])
    low, high = s["z_score_min"], s["z_score_max"]
    return [(date, flop) for (date, flop, frontier, domain), zi in zip(all_runs, z)
            if (frontier or not s["frontier_only"]) and (domains is None or domain in domains)
            and (low is None or (zi is not None and zi >= low)) and (high is None or (zi is not None and zi < high))
            and s["period_start_date"] <= date <= s["period_end_date"]]


def points(con, s: dict, all_runs: list) -> tuple[list, list]:
    if s["population"] == "accelerators":
        col = CHIP_COLUMNS[s["quantity"]]
        bases = split(s["price_bases"])
        rows = con.execute(CHIPS.format(col=col, precision=PRECISION_RULES[s["precision_rule"]]),
                           [split(s["kinds"]), split(s["market_segments"]), bases, bases,
                            s["period_start_date"], s["period_end_date"]]).fetchall()
    elif s["cost_method_id"]:
        rows = runs(con.execute(COSTED_RUNS, [s["cost_method_id"]]).fetchall(), s)
    else:
        rows = runs(all_runs, s)
    dates, values = [r[0] for r in rows], [r[1] for r in rows]
    if s["best_only"]:
        dates, values = record_setters(dates, values)
    return dates, values


def derive(con):
    default_level = parameter(con, "interval-level-frac")
    options = {"samples": int(parameter(con, "bootstrap-samples")), "seed": int(parameter(con, "bootstrap-seed"))}
    options["fewest"] = int(parameter(con, "minimum-fit-points"))
    all_runs = con.execute(RUNS).fetchall()
    cur = con.execute(SUBSETS)
    names = [d[0] for d in cur.description]
    rows = []
    for s in (dict(zip(names, r)) for r in cur.fetchall()):
        pub = growth_per_year(s["value"], s["value_kind"])
        pub_low, pub_high, rule = published_range(s["value"], s["value_kind"], s["ci_low"], s["ci_high"],
                                                  s["rounding_step"])
        dates, values = points(con, s, all_runs)
        level = s["interval_level_frac"] or default_level
        row = {
            "trend_id": s["trend_id"], "quantity": s["quantity"], "subset": s["subset"],
            "source": s["published_source"],
            "label": f"{s['label']} ({span(s['period_start_date'], s['period_end_date'])})",
            "fit_description": describe(s),
            "period_start_date": s["period_start_date"], "period_end_date": s["period_end_date"],
            "published_growth_per_year_x": pub, "published_growth_per_year_x_low": pub_low,
            "published_growth_per_year_x_high": pub_high,
            "published_interval_level_frac": s["interval_level_frac"],
            "published_n_points": s["published_n_points"], "n_points": len(dates),
            "growth_per_year_x": None, "growth_per_year_x_low": None, "growth_per_year_x_high": None,
            "interval_level_frac": level, "doubling_time_years": None, "growth_ratio_x": None,
            "overlap_rule": rule, "intervals_overlap": None,
            "known_differences": s["known_differences"],
        }
        fit, _ = try_fit(dates, values, level=level, **options)
        if fit is not None:  # else (too few points, all on one date) the row has no fit
            low, high = 10**fit.slope_low, 10**fit.slope_high
            row.update({"growth_per_year_x": fit.growth_per_year, "growth_per_year_x_low": low,
                        "growth_per_year_x_high": high, "doubling_time_years": Fit.doubling_time(fit.slope),
                        "growth_ratio_x": fit.growth_per_year / pub,
                        "intervals_overlap": overlaps(low, high, pub, pub_low, pub_high)})
        rows.append(row)
    return relation_frame("trend_replications", rows)
