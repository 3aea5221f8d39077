"""Charts of the capabilities page: benchmark score against training compute, the compute and cost needed to
reach a threshold over time, and our halving times of that compute beside the published ones."""

from __future__ import annotations

import math

import altair as alt
import polars as pl

from ...metadata.units import fmt_value, sig
from .common import PALETTE, WIDTH, Chart, axis, frame, menu, short_name, theme, tip

#: Where an open-ended interval (some resamples show no progress) is drawn to: the right edge of the axis.
OPEN_END_MONTHS = 1000

#: The benchmark the charts open on: the one with the most models that have a compute figure.
DEFAULT_BENCHMARK_SQL = """SELECT benchmark_id FROM benchmark_scores WHERE training_compute_flop IS NOT NULL
                           GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"""


def score_vs_compute(con) -> Chart:
    points = frame(con, """
        SELECT s.benchmark_id, b.name AS benchmark, s.run_id, s.model, s.organization, s.publication_date,
               year(s.publication_date) AS year, s.score, s.score_unit, s.training_compute_flop,
               coalesce(s.compute_confidence, 'unknown') AS compute_confidence, s.evaluator,
               coalesce(s.is_distilled::VARCHAR, 'unknown') AS distilled, r.source, r.source_url
        FROM benchmark_scores s JOIN benchmarks b USING (benchmark_id)
        JOIN benchmark_results r USING (benchmark_result_id)
        WHERE s.training_compute_flop IS NOT NULL
        ORDER BY s.benchmark_id, s.publication_date, s.run_id""")
    options = sorted(points["benchmark_id"].unique().to_list())
    param, default = menu(con, DEFAULT_BENCHMARK_SQL, options, "Benchmark ")
    tooltip = [alt.Tooltip("model:N", title="Model"), alt.Tooltip("organization:N", title="Organization"),
               alt.Tooltip("benchmark:N", title="Benchmark"), alt.Tooltip("score:Q", title="Score", format=".1f"),
               alt.Tooltip("score_unit:N", title="Unit"),
               tip("training_compute_flop", "Training compute (FLOP)"),
               alt.Tooltip("compute_confidence:N", title="Compute confidence"),
               alt.Tooltip("publication_date:T", title="Published"), alt.Tooltip("evaluator:N", title="Evaluated by"),
               alt.Tooltip("distilled:N", title="Distilled"), alt.Tooltip("source:N", title="Source"),
               alt.Tooltip("source_url:N", title="Source URL")]
    dots = alt.Chart(points).transform_filter(alt.datum.benchmark_id == param).mark_circle(size=60, opacity=0.8).encode(
        x=alt.X("training_compute_flop:Q", title="Training compute (FLOP)", scale=alt.Scale(type="log"),
                axis=axis("flop")),
        y=alt.Y("score:Q", title="Score (the benchmark's unit)", scale=alt.Scale(zero=False)),
        color=alt.Color("year:O", title="Year", scale=alt.Scale(scheme="viridis")),
        tooltip=tooltip).add_params(param)
    shown = points.filter(pl.col("benchmark_id") == default)
    if shown.height:
        best = shown.sort("score", descending=True).row(0, named=True)
        takeaway = (f"On {best['benchmark']}, {shown.height} models with a training-compute figure span "
                    f"{fmt_value(shown['training_compute_flop'].min(), 'flop')} to "
                    f"{fmt_value(shown['training_compute_flop'].max(), 'flop')} (colour: year of release). The best "
                    f"is {best['model']} ({sig(best['score'], 3)}).")
    else:
        takeaway = "No benchmark result has a model with a training-compute figure."
    description = (f"Scatter plot of benchmark score against training compute (log scale), one dot per model, "
                   f"coloured by publication year, for the benchmark chosen in the menu ({len(options)} benchmarks; "
                   f"it opens on {default}, {shown.height} models).")
    return Chart("Benchmark score against training compute", takeaway, description, points,
                 theme(dots).properties(width=WIDTH - 120, height=380),
                 columns={"distilled": ("Whether the model was distilled from a larger one (`true`, `false`, or "
                                        "`unknown`).", None)})


def _frontier(con, value_col: str, run_col: str, unit_code: str, y_title: str, title: str, noun: str) -> Chart:
    points = frame(con, f"""
        SELECT f.benchmark_id, b.name AS benchmark, f.threshold_score, f.score_unit,
               format('{{:g}}', f.threshold_score) AS threshold, f.year, f.as_of_date,
               f.{value_col} AS value, f.{run_col} AS run_id, t.model, f.n_models_reaching
        FROM capability_frontier f JOIN benchmarks b USING (benchmark_id)
        LEFT JOIN training_runs t ON t.run_id = f.{run_col}
        WHERE f.{value_col} IS NOT NULL
        ORDER BY f.benchmark_id, f.threshold_score, f.year""")
    options = sorted(points["benchmark_id"].unique().to_list())
    param, default = menu(con, DEFAULT_BENCHMARK_SQL, options, "Benchmark ")
    tooltip = [alt.Tooltip("benchmark:N", title="Benchmark"), alt.Tooltip("threshold:N", title="Score at least"),
               alt.Tooltip("year:O", title="By the end of"), tip("value", y_title, unit_code),
               alt.Tooltip("model:N", title="Least model"), alt.Tooltip("n_models_reaching:Q", title="Models reaching it")]
    lines = alt.Chart(points).transform_filter(alt.datum.benchmark_id == param).mark_line(
        point=alt.OverlayMarkDef(size=40), interpolate="step-after").encode(
        x=alt.X("year:O", title="Models released by the end of"),
        y=alt.Y("value:Q", title=y_title, scale=alt.Scale(type="log"), axis=axis(unit_code)),
        color=alt.Color("threshold_score:Q", title="Score at least", scale=alt.Scale(scheme="plasma")),
        detail="threshold:N", tooltip=tooltip).add_params(param)
    shown = points.filter(pl.col("benchmark_id") == default)
    takeaway = f"No threshold on {default} has {noun}."
    if shown.height:
        # the threshold with the longest span of years: how much its cheapest model fell
        spans = shown.group_by("threshold_score").agg(pl.col("year").min().alias("y0"), pl.col("year").max().alias("y1"),
                                                      pl.col("value").max().alias("v0"), pl.col("value").min().alias("v1"))
        row = spans.with_columns((pl.col("y1") - pl.col("y0")).alias("span")).sort(
            ["span", "threshold_score"], descending=True).row(0, named=True)
        bench = shown["benchmark"][0]
        if row["span"] > 0:
            takeaway = (f"On {bench}, the {noun} to score at least {row['threshold_score']:g} fell "
                        f"{sig(row['v0'] / row['v1'], 3)}-fold from {row['y0']} to {row['y1']} "
                        f"(from {fmt_value(row['v0'], unit_code)} to {fmt_value(row['v1'], unit_code)}).")
        else:
            takeaway = f"On {bench}, every threshold was first reached in the latest year of the data."
    description = (f"Step lines, log scale, of the least {noun} among models reaching each score threshold, by "
                   "year, one line per threshold coloured by the threshold, for the benchmark chosen in the menu "
                   f"(it opens on {default}).")
    return Chart(title, takeaway, description, points, theme(lines).properties(width=WIDTH - 120, height=360),
                 columns={"threshold": ("The score threshold of the line, as written on the chart.", None)})


def frontier_compute(con) -> Chart:
    return _frontier(con, "min_compute_flop", "min_compute_run_id", "flop", "Least training compute (FLOP)",
                     "Compute needed to reach a score, year by year", "training compute")


def frontier_cost(con) -> Chart:
    return _frontier(con, "min_cost_usd_2024", "min_cost_run_id", "usd_2024", "Least training cost (2024 USD)",
                     "Cost needed to reach a score, year by year", "training cost")


def halving_times(con) -> Chart:
    ours = frame(con, f"""
        SELECT {short_name('b.name')} || ' · ' || a.fit_method || CASE WHEN a.era = 'reasoning' THEN ' · reasoning era' ELSE '' END
               AS label, 'this atlas' AS origin, a.halving_time_months AS months,
               a.halving_time_months_low AS low, coalesce(a.halving_time_months_high, {OPEN_END_MONTHS}) AS high,
               a.halving_time_months_high IS NULL AS open_ended, a.n_models, a.interval_level_frac AS level,
               a.published_trend_id AS trend_id
        FROM algorithmic_progress a JOIN benchmarks b USING (benchmark_id)
        WHERE a.halving_time_months IS NOT NULL ORDER BY b.domain, a.era DESC, a.benchmark_id, a.fit_method""")
    published = frame(con, """
        SELECT DISTINCT 'Published: ' || split_part(r.authors, ',', 1)
                   || CASE WHEN r.authors LIKE '% and %' THEN ' et al. ' ELSE ' ' END || r.year
                   || ' (' || replace(p.subset, '-', ' ') || ')' AS label,
               'published' AS origin, p.value AS months, p.ci_low AS low, p.ci_high AS high,
               false AS open_ended, p.n_points AS n_models, p.interval_level_frac AS level, p.trend_id
        FROM published_trends p JOIN "references" r ON r.reference_key = p.source
        WHERE p.trend_id IN (SELECT published_trend_id FROM algorithmic_progress)
        ORDER BY p.trend_id""")
    points = pl.concat([ours, published], how="vertical_relaxed")
    order = points["label"].to_list()
    tooltip = [alt.Tooltip("label:N", title="Estimate"), alt.Tooltip("origin:N", title="Origin"),
               tip("months", "Halving time (months)", "months"), tip("low", "Low", "months"),
               alt.Tooltip("high:Q", title=f"High ({OPEN_END_MONTHS:,} = open-ended)", format=".3~g"),
               alt.Tooltip("level:Q", title="Interval level", format=".0%"), alt.Tooltip("n_models:Q", title="Models")]
    y = alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=360))
    color = alt.Color("origin:N", title=None, scale=alt.Scale(domain=["this atlas", "published"],
                                                             range=[PALETTE[0], PALETTE[1]]))
    lowest = min(points["low"].min() or 1, 1) if points.height else 1
    scale = alt.Scale(type="log", domain=[10 ** math.floor(math.log10(lowest)), OPEN_END_MONTHS])
    x = alt.X("months:Q", title="Halving time of the compute needed (months, log scale)", scale=scale)
    rules = alt.Chart(points).mark_rule(strokeWidth=2, clip=True).encode(
        x=alt.X("low:Q", scale=scale), x2="high:Q", y=y, color=color, tooltip=tooltip)
    dots = alt.Chart(points).mark_point(filled=True, size=80, clip=True).encode(x=x, y=y, color=color, tooltip=tooltip)
    if ours.height:
        fast = ours.sort("months").row(0, named=True)
        slow = ours.sort("months").row(-1, named=True)
        takeaway = (f"Our halving times run from {sig(fast['months'], 2)} months ({fast['label']}) to "
                    f"{sig(slow['months'], 2)} ({slow['label']}); the published estimates are shown in orange.")
    else:
        takeaway = "No benchmark has enough models for an estimate."
    description = (f"Dot-and-interval chart of {ours.height} halving times measured here (blue) and "
                   f"{published.height} published ones (orange), log scale; an interval reaching {OPEN_END_MONTHS:,} months is "
                   f"open-ended.")
    spec = theme(alt.layer(rules, dots)).properties(width=WIDTH - 280, height=max(160, 26 * points.height))
    return Chart("Halving time of the compute needed for a fixed score", takeaway, description, points, spec,
                 columns={"months": ("Halving time of the compute needed for a fixed score.", "months"),
                          "open_ended": ("True where the interval has no upper end (drawn to the chart's edge).", None),
                          "level": ("Level of the interval (0.9 for a 90 % interval).", "frac")})
