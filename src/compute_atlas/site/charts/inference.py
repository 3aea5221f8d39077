"""Charts of the "What inference costs" page: the cheapest price of a fixed capability over time, its decline
beside the published rates, energy per token by accelerator, and the cost of a token split into hardware and
energy."""

from __future__ import annotations

import altair as alt
import polars as pl

from ...metadata.units import fmt_value, sig
from ...metadata.vocabularies import SIZE_CLASSES
from .common import PALETTE, WIDTH, Chart, axis, frame, log_domain, menu, short_name, theme, tip

#: the benchmark the price-frontier chart opens on: the one with the most thresholds
DEFAULT_BENCHMARK_SQL = """SELECT benchmark_id FROM inference_thresholds GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"""


#: a fixed capability as a reader names it: "MMLU ≥ 86.4 (GPT-4)"
_THRESHOLD = (f"{short_name('b.name')} || ' ≥ ' || format('{{:g}}', round(f.threshold_score, 1)) || ' (' || r.model || ')'")


def price_frontier(con) -> Chart:
    lines = frame(con, f"""
        SELECT f.threshold_id, f.benchmark_id, {_THRESHOLD}
                   AS threshold, f.as_of_date, f.min_blended_usd_per_mtok
        FROM inference_price_frontier f JOIN benchmarks b USING (benchmark_id)
        JOIN inference_thresholds t USING (threshold_id) JOIN training_runs r ON r.run_id = t.reference_run_id
        ORDER BY f.threshold_id, f.as_of_date""")
    points = frame(con, f"""
        SELECT DISTINCT f.threshold_id, f.benchmark_id, {_THRESHOLD}
                   AS threshold, f.min_price_effective_date AS effective_date, f.min_blended_usd_per_mtok,
               m.model, f.min_price_provider AS provider, f.min_price_score AS score, p.source, p.source_url
        FROM inference_price_frontier f JOIN benchmarks b USING (benchmark_id)
        JOIN inference_thresholds t USING (threshold_id) JOIN training_runs r ON r.run_id = t.reference_run_id
        JOIN inference_prices p ON p.price_id = f.min_price_id JOIN training_runs m ON m.run_id = f.min_price_run_id
        ORDER BY f.threshold_id, effective_date""")
    # one benchmark's thresholds at a time (a menu), so that each line has a colour of its own
    options = sorted(lines["benchmark_id"].unique().to_list())
    param, default = menu(con, DEFAULT_BENCHMARK_SQL, options, "Benchmark ")
    color = alt.Color("threshold:N", title="Capability (score at least)")
    y = alt.Y("min_blended_usd_per_mtok:Q", title="Cheapest blended price (USD per million tokens)",
              scale=alt.Scale(type="log"), axis=axis("usd_per_mtok"))
    step = alt.Chart(lines).transform_filter(alt.datum.benchmark_id == param).mark_line(
        interpolate="step-after", opacity=0.7).encode(x=alt.X("as_of_date:T", title="Date"), y=y, color=color)
    dots = alt.Chart(points).transform_filter(alt.datum.benchmark_id == param).mark_circle(size=70, opacity=1).encode(
        x="effective_date:T", y="min_blended_usd_per_mtok:Q", color=color,
        tooltip=[alt.Tooltip("threshold:N", title="Capability"), alt.Tooltip("model:N", title="Model"),
                 alt.Tooltip("provider:N", title="Provider"), alt.Tooltip("score:Q", title="Its score", format=".1f"),
                 tip("min_blended_usd_per_mtok", "Blended price (USD/Mtok)"),
                 alt.Tooltip("effective_date:T", title="In effect from"), alt.Tooltip("source:N", title="Source"),
                 alt.Tooltip("source_url:N", title="Source URL")])
    if lines.height:
        spans = lines.group_by("threshold").agg(pl.col("min_blended_usd_per_mtok").first().alias("first"),
                                                pl.col("min_blended_usd_per_mtok").last().alias("last"),
                                                pl.col("as_of_date").first().alias("d0"),
                                                pl.col("as_of_date").last().alias("d1"))
        row = spans.with_columns((pl.col("first") / pl.col("last")).alias("fall")).sort(
            ["fall", "threshold"], descending=[True, False]).row(0, named=True)
        takeaway = (f"The cheapest price of {row['threshold']} fell {sig(row['fall'], 3)}-fold, from "
                    f"{fmt_value(row['first'], 'usd_per_mtok')} ({row['d0']:%B %Y}) to "
                    f"{fmt_value(row['last'], 'usd_per_mtok')} ({row['d1']:%B %Y}).")
    else:
        takeaway = "No priced model reaches a threshold."
    description = (f"Step lines, log scale, of the cheapest blended price per million tokens of {lines['threshold'].n_unique()} "
                   "fixed capabilities over time; each dot is the model and provider that set a new low, with its "
                   "source in the tooltip; only prices with an effective date are drawn. The menu picks the "
                   f"benchmark ({len(options)}; it opens on {default}).")
    return Chart("The price of a fixed capability", takeaway, description, points,
                 theme(alt.layer(step.add_params(param), dots)).properties(width=WIDTH - 120, height=380),
                 columns={"threshold": ("The fixed capability of the line: a benchmark and the score reached.", None)})


#: the benchmark's short name (its name without the spelled-out expansion in brackets) at the reference model
_LABEL = (f"{short_name('b.name')} || ' at ' || r.model "
          "|| coalesce(' (' || h.reference_model_version || ')', '')")
_JOIN = ("FROM inference_price_trends t JOIN benchmarks b USING (benchmark_id) JOIN inference_thresholds h "
         "USING (threshold_id) JOIN training_runs r ON r.run_id = h.reference_run_id")
_ORIGINS = ["this atlas, all dated prices", "this atlas, their window", "Cottier et al. 2025"]


def price_trends(con) -> Chart:
    ours = frame(con, f"""
        SELECT {_LABEL} AS label, '{_ORIGINS[0]}' AS origin, t.decline_per_year_x AS decline,
               t.decline_per_year_x_low AS low, t.decline_per_year_x_high AS high, t.n_points
        {_JOIN} WHERE t.decline_per_year_x IS NOT NULL ORDER BY label""")
    replicated = frame(con, f"""
        SELECT {_LABEL} AS label, '{_ORIGINS[1]}' AS origin, t.replication_decline_per_year_x AS decline,
               t.replication_decline_per_year_x_low AS low, t.replication_decline_per_year_x_high AS high,
               t.replication_n_points AS n_points
        {_JOIN} WHERE t.replication_decline_per_year_x IS NOT NULL ORDER BY label""")
    published = frame(con, f"""
        SELECT {_LABEL} AS label, '{_ORIGINS[2]}' AS origin, t.published_decline_per_year_x AS decline,
               t.published_decline_per_year_x_low AS low, t.published_decline_per_year_x_high AS high, p.n_points
        {_JOIN} JOIN published_trends p ON p.trend_id = t.published_trend_id ORDER BY label""")
    points = pl.concat([ours, replicated, published], how="vertical_relaxed")
    # fits of four or five record setters can have intervals reaching 10^40 a year: an interval beyond the axis
    # is cut at the edge and marked with an arrow; the tooltip and the CSV keep its true bounds
    lo_edge, hi_edge = log_domain(points["decline"], points["low"], points["high"])
    points = points.with_columns(pl.col("high").clip(upper_bound=hi_edge).alias("high_shown"),
                                 pl.col("low").clip(lower_bound=lo_edge).alias("low_shown"),
                                 (pl.col("high") > hi_edge).alias("cut"))
    tooltip = [alt.Tooltip("label:N", title="Capability"), alt.Tooltip("origin:N", title="Origin"),
               tip("decline", "Price falls per year (×)", "factor_per_year"), tip("low", "Low", "factor_per_year"),
               tip("high", "High", "factor_per_year"), alt.Tooltip("n_points:Q", title="Points")]
    color = alt.Color("origin:N", title=None, scale=alt.Scale(domain=_ORIGINS, range=PALETTE[:3]),
                      legend=alt.Legend(orient="bottom", direction="vertical"))
    scale = alt.Scale(type="log", domain=[lo_edge, hi_edge])
    y = alt.Y("label:N", title=None, axis=alt.Axis(labelLimit=300))
    y_off = alt.YOffset("origin:N", scale=alt.Scale(domain=_ORIGINS))
    rules = alt.Chart(points).mark_rule(strokeWidth=2).encode(
        x=alt.X("low_shown:Q", scale=scale, title="Factor by which the price falls per year (log scale)"),
        x2="high_shown:Q", y=y, yOffset=y_off, color=color, tooltip=tooltip)
    dots = alt.Chart(points).mark_point(filled=True, size=80).encode(
        x=alt.X("decline:Q", scale=scale), y=y, yOffset=y_off, color=color, tooltip=tooltip)
    arrows = alt.Chart(points).transform_filter(alt.datum.cut).mark_point(
        shape="triangle-right", filled=True, size=60).encode(
        x=alt.X("high_shown:Q", scale=scale), y=y, yOffset=y_off, color=color, tooltip=tooltip)
    if replicated.height:
        med_rep = replicated["decline"].median()
        med_pub = published.filter(pl.col("label").is_in(replicated["label"].implode()))["decline"].median()
        takeaway = (f"On Cottier et al.'s own windows, the median of our {replicated.height} replicated declines is "
                    f"{sig(med_rep, 2)}× a year, against {sig(med_pub, 2)}× for the same capabilities as published.")
    elif ours.height:
        takeaway = f"Our fits put the median fall at {sig(ours['decline'].median(), 2)}× a year."
    else:
        takeaway = "Too few record setters for any fit."
    description = (f"Dot-and-interval chart, log scale, of the factor by which the cheapest price falls per year for "
                   f"{points['label'].n_unique()} capabilities: our fit over all prices with an effective date, our "
                   "replication on the published window, and Cottier et al. 2025's published rate, with intervals; "
                   f"an interval above {sig(hi_edge, 1)}× a year is cut at the edge and marked with an arrow.")
    return Chart("How fast the price of a fixed capability falls", takeaway, description,
                 points.drop("high_shown", "low_shown", "cut"),
                 theme(alt.layer(rules, dots, arrows)).properties(width=WIDTH - 300,
                                                          height=max(160, 60 * points["label"].n_unique())),
                 columns={"decline": ("Factor by which the cheapest price of the capability falls each year.",
                                      "factor_per_year")})


def energy_per_token(con) -> Chart:
    points = frame(con, """
        SELECT name, release_date, size_class, energy_scope, n_configs, n_models, median_kwh_per_mtok,
               min_kwh_per_mtok, max_kwh_per_mtok,
               name || ' · ' || size_class || ' · ' || replace(energy_scope, '_', ' ') AS label
        FROM inference_energy_summary ORDER BY release_date, name, size_class""")
    order = points["label"].to_list()
    tooltip = [alt.Tooltip("name:N", title="Accelerator"), alt.Tooltip("size_class:N", title="Model size"),
               alt.Tooltip("energy_scope:N", title="Energy covers"), alt.Tooltip("n_configs:Q", title="Configurations"),
               alt.Tooltip("n_models:Q", title="Models"), tip("median_kwh_per_mtok", "Median (kWh/Mtok)"),
               tip("min_kwh_per_mtok", "Lowest"), tip("max_kwh_per_mtok", "Highest")]
    x = alt.X("median_kwh_per_mtok:Q", title="Energy per million output tokens (kWh, log scale)",
              scale=alt.Scale(type="log"), axis=axis("kwh_per_mtok"))
    y = alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=300))
    color = alt.Color("size_class:N", title="Model size", scale=alt.Scale(domain=list(SIZE_CLASSES),
                                                                           range=PALETTE[:3]))
    rules = alt.Chart(points).mark_rule().encode(x=alt.X("min_kwh_per_mtok:Q", scale=alt.Scale(type="log")),
                                                 x2="max_kwh_per_mtok:Q", y=y, color=color, tooltip=tooltip)
    dots = alt.Chart(points).mark_point(filled=True, size=90).encode(x=x, y=y, color=color, tooltip=tooltip)
    if points.height:
        lo = points.sort("median_kwh_per_mtok").row(0, named=True)
        takeaway = (f"The least energy per million output tokens at the median is {fmt_value(lo['median_kwh_per_mtok'], 'kwh_per_mtok')} "
                    f"({lo['name']}, {lo['size_class']} models, {lo['energy_scope'].replace('_', ' ')}); the range "
                    "within a group spans batch sizes, precisions and parallelism.")
    else:
        takeaway = "No measured configuration."
    description = (f"Dot-and-range chart, log scale: for {points.height} groups of accelerator and model size, the "
                   "median energy per million output tokens and its range over the measured configurations.")
    return Chart("Energy per token by accelerator and model size", takeaway, description, points,
                 theme(alt.layer(rules, dots)).properties(width=WIDTH - 300, height=max(160, 30 * points.height)))


def cost_split(con) -> Chart:
    wide = frame(con, """
        SELECT name || ' · ' || size_class || ' · ' || replace(energy_scope, '_', ' ') AS label, release_date,
               median_energy_cost_usd_per_mtok,
               median_rental_usd_per_mtok, electricity_share_frac
        FROM inference_energy_summary WHERE median_rental_usd_per_mtok IS NOT NULL
        ORDER BY release_date, name, size_class""")
    long = pl.concat([
        wide.select("label", pl.lit("hardware rental").alias("component"),
                    pl.col("median_rental_usd_per_mtok").alias("usd_per_mtok"), "electricity_share_frac"),
        wide.select("label", pl.lit("electricity").alias("component"),
                    pl.col("median_energy_cost_usd_per_mtok").alias("usd_per_mtok"), "electricity_share_frac")])
    bars = alt.Chart(long).mark_bar().encode(
        x=alt.X("usd_per_mtok:Q", title="Cost per million output tokens (USD)", stack="zero", axis=axis("usd_per_mtok")),
        y=alt.Y("label:N", title=None, sort=wide["label"].to_list(), axis=alt.Axis(labelLimit=300)),
        color=alt.Color("component:N", title=None, scale=alt.Scale(range=[PALETTE[0], PALETTE[1]])),
        tooltip=[alt.Tooltip("label:N", title="Accelerator and size"), alt.Tooltip("component:N", title="Component"),
                 tip("usd_per_mtok", "USD per million tokens", "usd_per_mtok"),
                 tip("electricity_share_frac", "Electricity's share")])
    if wide.height:
        top = wide.sort("electricity_share_frac").row(-1, named=True)
        low = wide.sort("electricity_share_frac").row(0, named=True)
        takeaway = (f"Electricity is {fmt_value(low['electricity_share_frac'], 'frac')} to "
                    f"{fmt_value(top['electricity_share_frac'], 'frac')} of the cost of a token at these medians "
                    f"({low['label']}; {top['label']}); renting the hardware is the rest.")
    else:
        takeaway = "No accelerator with measured energy has an on-demand cloud price."
    description = (f"Stacked bars of the median cost per million output tokens for {wide.height} groups: the "
                   "hardware's rental at the median on-demand price and the GPU's electricity at the default price.")
    return Chart("The cost of a token: hardware and energy", takeaway, description, long,
                 theme(bars).properties(width=WIDTH - 300, height=max(120, 30 * wide.height)),
                 columns={"component": ("Part of the cost of a token: renting the hardware, or its electricity.", None),
                          "usd_per_mtok": ("That part's cost per million output tokens, US dollars.", "usd_per_mtok")})
