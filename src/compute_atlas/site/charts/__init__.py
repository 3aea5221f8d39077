"""The site's charts. Each selects from derived relations (no metric is
computed here), and comes with a title, a takeaway sentence computed from
the same rows, a description for readers who cannot see it, and exactly
the rows it plots (offered as CSV)."""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import altair as alt
import duckdb
import polars as pl

from ...metadata.units import fmt_value, sig

PALETTE = ["#1f6f8b", "#e07a1f", "#5b8e3e", "#a23b72", "#6c5ce7", "#8c8c8c", "#c0392b", "#16a085", "#d4ac0d"]
WIDTH, HEIGHT = 640, 380
TENSOR_16BIT = "precision IN ('bf16', 'fp16') AND is_tensor_rate"


@dataclass
class Chart:
    title: str
    takeaway: str
    description: str
    data: pl.DataFrame
    spec: alt.TopLevelMixin


def theme(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """The one chart theme of the site."""
    return (
        chart.properties(width=WIDTH, height=HEIGHT)
        .configure(font="system-ui, -apple-system, Segoe UI, Roboto, sans-serif", background="transparent")
        .configure_axis(labelFontSize=12, titleFontSize=13, gridColor="#e6e6e6", domainColor="#888", tickColor="#888")
        .configure_legend(labelFontSize=12, titleFontSize=12, orient="bottom", columns=4)
        .configure_range(category=PALETTE)
        .configure_view(stroke=None)
    )


def frame(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pl.DataFrame:
    return con.sql(sql, params=params).pl() if params else con.sql(sql).pl()


def fit(con: duckdb.DuckDBPyConnection, fit_id: str) -> dict | None:
    cur = con.execute("SELECT * FROM trend_fits WHERE fit_id = ?", [fit_id])
    names = [d[0] for d in cur.description]
    rows = cur.fetchall()
    return dict(zip(names, rows[0])) if rows else None


def trend_line(f: dict, label: str) -> pl.DataFrame:
    """The fitted line at its first and last date (evaluating the stored fit, not refitting)."""
    years = (f["end_date"] - f["start_date"]).days / 365.25
    return pl.DataFrame({
        "release_date": [f["start_date"], f["end_date"]],
        "value": [10 ** f["intercept_log10"], 10 ** (f["intercept_log10"] + f["slope_log10_per_year"] * years)],
        "series": [label, label],
    })


def growth_sentence(f: dict, what: str) -> str:
    return (f"{what} grew {sig(f['growth_per_year_x'], 3)}× a year (90 % interval "
            f"{sig(f['growth_per_year_x_low'], 3)}–{sig(f['growth_per_year_x_high'], 3)}×), doubling every "
            f"{fmt_value(f['doubling_time_years'], 'years')}, over {f['n_points']} points from "
            f"{f['start_date'].year} to {f['end_date'].year}.")


def _scatter_with_trend(con, value_col: str, where: str, fit_id: str, y_title: str, unit: str, what: str,
                        title: str) -> Chart:
    points = frame(con, f"""
        SELECT accelerator_id, name, vendor, release_date, precision, {value_col} AS value, source
        FROM accelerator_efficiency
        WHERE {where} AND {value_col} IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY accelerator_id ORDER BY {value_col} DESC) = 1
        ORDER BY release_date""")
    f = fit(con, fit_id)
    base = alt.Chart(points).mark_circle(size=60, opacity=0.8).encode(
        x=alt.X("release_date:T", title="Release date"),
        y=alt.Y("value:Q", title=y_title, scale=alt.Scale(type="log"), axis=alt.Axis(format="~s")),
        color=alt.Color("vendor:N", title="Vendor"),
        tooltip=[alt.Tooltip("name:N", title="Accelerator"), alt.Tooltip("vendor:N", title="Vendor"),
                 alt.Tooltip("release_date:T", title="Released"), alt.Tooltip("precision:N", title="Precision"),
                 alt.Tooltip("value:Q", title=y_title, format=".3~s"), alt.Tooltip("source:N", title="Source")],
    )
    layers = [base]
    takeaway = f"No trend could be fitted: fewer than 3 chips have {what.lower()}."
    if f:
        line = trend_line(f, f"Fitted trend: ×{sig(f['growth_per_year_x'], 2)} a year")
        layers.append(alt.Chart(line).mark_line(color="#333", strokeDash=[6, 4]).encode(
            x="release_date:T", y="value:Q",
            tooltip=[alt.Tooltip("series:N", title="Trend")]))
        takeaway = growth_sentence(f, what)
    best = points.sort("value", descending=True).head(1)
    description = (f"Scatter plot, log scale, of {what.lower()} against release date for {points.height} "
                   f"accelerators, coloured by vendor, with the fitted exponential trend as a dashed line.")
    if best.height:
        description += (f" The highest is {best['name'][0]} ({best['vendor'][0]}, {best['release_date'][0].year}) "
                        f"at {fmt_value(best['value'][0], unit)}.")
    return Chart(title, takeaway, description, points, theme(alt.layer(*layers)))


def bf16_price_performance(con) -> Chart:
    return _scatter_with_trend(
        con, "flop_per_s_per_usd_2024", TENSOR_16BIT, "flop_per_s_per_usd:ml-accelerators-tensor-16bit",
        "BF16 (or FP16) tensor FLOP/s per 2024 dollar", "FLOP/s per USD",
        "16-bit tensor FLOP/s per launch-price dollar (2024 dollars)",
        "BF16 (or FP16) tensor FLOP/s per dollar of launch price")


def tensor_flop_per_watt(con) -> Chart:
    return _scatter_with_trend(
        con, "flop_per_s_per_watt", TENSOR_16BIT, "flop_per_s_per_watt:ml-accelerators-tensor-16bit",
        "16-bit tensor FLOP/s per watt", "FLOP/s per W", "16-bit tensor FLOP/s per watt",
        "16-bit tensor FLOP/s per watt of rated power")


def fp32_price_performance(con) -> Chart:
    return _scatter_with_trend(
        con, "flop_per_s_per_usd_2024", "precision = 'fp32'", "flop_per_s_per_usd:ml-accelerators-fp32",
        "FP32 FLOP/s per 2024 dollar", "FLOP/s per USD", "FP32 FLOP/s per launch-price dollar (2024 dollars)",
        "FP32 FLOP/s per dollar of launch price")


def memory_wall(con) -> Chart:
    points = frame(con, f"""
        SELECT accelerator_id, name, vendor, release_date, peak_flop_per_s, memory_bandwidth_bytes_per_s,
               ridge_point_flop_per_byte, source
        FROM accelerator_efficiency
        WHERE {TENSOR_16BIT} AND ridge_point_flop_per_byte IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY accelerator_id ORDER BY peak_flop_per_s DESC) = 1
        ORDER BY release_date""")
    flops = fit(con, "peak_flop_per_s:ml-accelerators-tensor-16bit")
    bandwidth = fit(con, "memory_bandwidth_bytes_per_s:ml-accelerators")
    spec = alt.Chart(points).mark_circle(size=60, opacity=0.8).encode(
        x=alt.X("release_date:T", title="Release date"),
        y=alt.Y("ridge_point_flop_per_byte:Q", title="Ridge point (FLOP per byte of memory traffic)",
                scale=alt.Scale(type="log"), axis=alt.Axis(format="~s")),
        color=alt.Color("vendor:N", title="Vendor"),
        tooltip=[alt.Tooltip("name:N", title="Accelerator"), alt.Tooltip("vendor:N", title="Vendor"),
                 alt.Tooltip("release_date:T", title="Released"),
                 alt.Tooltip("peak_flop_per_s:Q", title="16-bit tensor FLOP/s", format=".3~s"),
                 alt.Tooltip("memory_bandwidth_bytes_per_s:Q", title="Bandwidth (B/s)", format=".3~s"),
                 alt.Tooltip("ridge_point_flop_per_byte:Q", title="FLOP per byte", format=".3~r"),
                 alt.Tooltip("source:N", title="Source")],
    )
    if flops and bandwidth:
        takeaway = (f"Peak 16-bit compute grew {sig(flops['growth_per_year_x'], 2)}× a year while memory bandwidth "
                    f"grew {sig(bandwidth['growth_per_year_x'], 2)}× a year, so a kernel must do ever more "
                    "arithmetic per byte it reads to keep the chip busy.")
    else:
        takeaway = "Too few chips to fit the compute and bandwidth trends."
    description = (f"Scatter plot, log scale, of the roofline ridge point (peak 16-bit tensor FLOP/s divided by "
                   f"memory bandwidth) against release date for {points.height} accelerators, coloured by vendor.")
    return Chart("The memory wall: FLOP per byte needed to be compute-bound", takeaway, description, points,
                 theme(spec))


def trend_comparison(con) -> Chart:
    points = frame(con, """
        SELECT quantity, origin, estimate_id, subset, growth_per_year_x, growth_per_year_x_low,
               growth_per_year_x_high, interval_level_frac, years, source
        FROM trend_comparison
        WHERE quantity IN ('peak_flop_per_s', 'flop_per_s_per_usd', 'flop_per_s_per_watt', 'memory_bytes',
                           'memory_bandwidth_bytes_per_s')
        ORDER BY quantity, origin DESC, estimate_id""")
    base = alt.Chart(points).encode(
        y=alt.Y("estimate_id:N", title=None, sort=None),
        color=alt.Color("origin:N", title="Estimate", scale=alt.Scale(domain=["ours", "published"],
                                                                       range=[PALETTE[0], PALETTE[1]])),
    )
    tooltip = [alt.Tooltip("estimate_id:N", title="Estimate"), alt.Tooltip("subset:N", title="Subset"),
               alt.Tooltip("growth_per_year_x:Q", title="Growth per year (×)", format=".3~r"),
               alt.Tooltip("growth_per_year_x_low:Q", title="Low", format=".3~r"),
               alt.Tooltip("growth_per_year_x_high:Q", title="High", format=".3~r"),
               alt.Tooltip("years:N", title="Years"), alt.Tooltip("source:N", title="Source")]
    bars = base.mark_rule(strokeWidth=2).encode(
        x=alt.X("growth_per_year_x_low:Q", title="Growth per year (×), with interval", scale=alt.Scale(type="log")),
        x2="growth_per_year_x_high:Q", tooltip=tooltip)
    dots = base.mark_point(filled=True, size=70).encode(x="growth_per_year_x:Q", tooltip=tooltip)
    n_ours = points.filter(pl.col("origin") == "ours").height
    n_pub = points.height - n_ours
    takeaway = (f"{n_ours} fits of this build beside {n_pub} published estimates of the same hardware quantities; "
                "where the intervals overlap, our data reproduce the literature.")
    description = ("Dot-and-interval plot of growth factors per year, log scale: our fits (blue) and published "
                   "estimates (orange) for peak FLOP/s, FLOP/s per dollar, FLOP/s per watt, memory capacity and "
                   "memory bandwidth.")
    spec = theme(alt.layer(bars, dots).properties(height=max(200, 22 * points.height)))
    return Chart("Our hardware trends beside the published ones", takeaway, description, points, spec)


def _run_points(con, value_col: str) -> pl.DataFrame:
    return frame(con, f"""
        SELECT run_id, model, organization, publication_date,
               CASE WHEN is_frontier THEN 'frontier run' ELSE 'other notable run' END AS run_kind,
               {value_col} AS value, accelerator_id
        FROM training_run_costs WHERE {value_col} IS NOT NULL ORDER BY publication_date, run_id""")


def _runs_over_time(con, value_col, fit_ids, y_title, unit, what, title, noun) -> Chart:
    points = _run_points(con, value_col)
    axis_format = ".0e" if unit == "FLOP" else "$~s"
    tooltip = [alt.Tooltip("model:N", title="Model"), alt.Tooltip("organization:N", title="Organization"),
               alt.Tooltip("publication_date:T", title="Published"), alt.Tooltip("run_kind:N", title="Kind"),
               alt.Tooltip("value:Q", title=y_title, format=".3~s"), alt.Tooltip("accelerator_id:N", title="Hardware")]
    dots = alt.Chart(points).mark_circle(size=55, opacity=0.75).encode(
        x=alt.X("publication_date:T", title="Publication date"),
        y=alt.Y("value:Q", title=y_title, scale=alt.Scale(type="log"), axis=alt.Axis(format=axis_format)),
        color=alt.Color("run_kind:N", title=None, scale=alt.Scale(domain=["frontier run", "other notable run"],
                                                                  range=[PALETTE[1], "#9aa7b0"])),
        tooltip=tooltip)
    layers, sentences = [dots], []
    for fit_id, label in fit_ids:
        f = fit(con, fit_id)
        if f:
            line = trend_line(f, f"{label}: ×{sig(f['growth_per_year_x'], 3)} a year").rename(
                {"release_date": "publication_date"})
            layers.append(alt.Chart(line).mark_line(strokeDash=[6, 4], color="#333").encode(
                x="publication_date:T", y="value:Q", tooltip=[alt.Tooltip("series:N", title="Trend")]))
            sentences.append(f"{label} grew {sig(f['growth_per_year_x'], 3)}× a year (90 % interval "
                             f"{sig(f['growth_per_year_x_low'], 3)}–{sig(f['growth_per_year_x_high'], 3)}×, "
                             f"{f['n_points']} runs, {f['start_date'].year}–{f['end_date'].year})")
    takeaway = ("; ".join(sentences) + ".") if sentences else "Too few runs to fit a trend."
    description = (f"Scatter plot, log scale, of {what} against publication date for {points.height} {noun}, "
                   "frontier runs in orange, with fitted exponential trends as dashed lines.")
    return Chart(title, takeaway, description, points, theme(alt.layer(*layers)))


def training_compute(con) -> Chart:
    return _runs_over_time(con, "compute_reported_flop",
                           [("training_compute_flop:notable-models", "Compute of notable runs"),
                            ("frontier_training_compute_flop:frontier-models", "Compute of frontier runs")],
                           "Training compute (FLOP)", "FLOP", "training compute", "Training compute over time",
                           "training runs")


def training_cost(con) -> Chart:
    return _runs_over_time(con, "cost_estimate_usd_2024",
                           [("frontier_training_cost_usd:frontier-models", "Cost of frontier runs")],
                           "Estimated training cost (2024 USD)", "USD (2024)", "estimated training cost",
                           "Training cost over time (amortized ownership, else cloud rental)", "training runs")


def training_energy(con) -> Chart:
    points = frame(con, """
        SELECT run_id, model, publication_date,
               CASE WHEN is_frontier THEN 'frontier run' ELSE 'other notable run' END AS run_kind,
               energy_kwh, emissions_t_co2e, accelerator_id
        FROM training_run_costs WHERE energy_kwh IS NOT NULL ORDER BY publication_date, run_id""")
    spec = alt.Chart(points).mark_circle(size=55, opacity=0.75).encode(
        x=alt.X("publication_date:T", title="Publication date"),
        y=alt.Y("energy_kwh:Q", title="Facility energy (kWh)", scale=alt.Scale(type="log"), axis=alt.Axis(format="~s")),
        color=alt.Color("run_kind:N", title=None, scale=alt.Scale(domain=["frontier run", "other notable run"],
                                                                  range=[PALETTE[1], "#9aa7b0"])),
        tooltip=[alt.Tooltip("model:N", title="Model"), alt.Tooltip("publication_date:T", title="Published"),
                 alt.Tooltip("energy_kwh:Q", title="Energy (kWh)", format=".3~s"),
                 alt.Tooltip("emissions_t_co2e:Q", title="Emissions (tCO2e)", format=".3~s"),
                 alt.Tooltip("accelerator_id:N", title="Hardware")])
    top = points.sort("energy_kwh", descending=True).head(1)
    takeaway = "No run has the inputs for an energy estimate."
    if top.height:
        takeaway = (f"The most energy-hungry run in the data, {top['model'][0]}, used an estimated "
                    f"{fmt_value(top['energy_kwh'][0] / 1e6, 'GWh')} and emitted about "
                    f"{fmt_value(top['emissions_t_co2e'][0], 'tCO2e')} at the world-average grid intensity.")
    description = (f"Scatter plot, log scale, of the estimated facility energy of {points.height} training runs "
                   "against publication date, frontier runs in orange; tooltips give emissions.")
    return Chart("Energy and emissions per training run", takeaway, description, points, theme(spec))


def cloud_prices(con) -> Chart:
    points = frame(con, """
        WITH top AS (SELECT accelerator_id FROM cloud_prices WHERE pricing_model = 'on_demand'
                     GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 8)
        SELECT c.accelerator_id, a.name, c.provider, c.price_date, c.price_usd_per_hour, c.source
        FROM cloud_prices c JOIN accelerators a USING (accelerator_id)
        WHERE c.pricing_model = 'on_demand' AND c.accelerator_id IN (SELECT accelerator_id FROM top)
        ORDER BY c.price_date, c.accelerator_id, c.provider""")
    spec = alt.Chart(points).mark_circle(size=50, opacity=0.75).encode(
        x=alt.X("price_date:T", title="Date of the price"),
        y=alt.Y("price_usd_per_hour:Q", title="On-demand price (USD per accelerator-hour)", scale=alt.Scale(type="log")),
        color=alt.Color("name:N", title="Accelerator"),
        tooltip=[alt.Tooltip("name:N", title="Accelerator"), alt.Tooltip("provider:N", title="Provider"),
                 alt.Tooltip("price_date:T", title="Date"),
                 alt.Tooltip("price_usd_per_hour:Q", title="USD per hour", format=".2f"),
                 alt.Tooltip("source:N", title="Source")])
    medians = points.group_by("name").agg(pl.col("price_usd_per_hour").median().alias("m")).sort("m")
    takeaway = "No on-demand prices."
    if medians.height:
        takeaway = (f"Median on-demand prices run from ${sig(medians['m'][0], 2)} an hour ({medians['name'][0]}) to "
                    f"${sig(medians['m'][-1], 2)} ({medians['name'][-1]}) across providers.")
    description = (f"Scatter plot, log scale, of {points.height} on-demand cloud prices per accelerator-hour against "
                   "date for the eight most-priced accelerators, coloured by accelerator.")
    return Chart("Cloud price per accelerator-hour", takeaway, description, points, theme(spec))


LANDMARK_RUNS = ["gpt-3-175b", "palm-540b", "llama-3-1-405b", "gpt-4", "deepseek-v3"]


def cost_breakdown(con) -> Chart:
    points = frame(con, """
        SELECT model, run_id, component, usd_2024 FROM (
            SELECT model, run_id, publication_date,
                   amortized_hardware_cost_usd * ownership_cost_usd_2024 / ownership_cost_usd AS "amortized hardware",
                   energy_cost_usd * ownership_cost_usd_2024 / ownership_cost_usd AS "energy"
            FROM training_run_costs WHERE run_id IN (SELECT unnest(?)) AND ownership_cost_usd IS NOT NULL)
        UNPIVOT (usd_2024 FOR component IN ("amortized hardware", "energy"))
        ORDER BY publication_date, component""", [LANDMARK_RUNS])
    spec = alt.Chart(points).mark_bar().encode(
        y=alt.Y("model:N", title=None, sort=None),
        x=alt.X("usd_2024:Q", title="Amortized ownership cost (2024 USD)", axis=alt.Axis(format="$~s")),
        color=alt.Color("component:N", title="Component"),
        tooltip=[alt.Tooltip("model:N", title="Model"), alt.Tooltip("component:N", title="Component"),
                 alt.Tooltip("usd_2024:Q", title="2024 USD", format="$,.0f")])
    energy = points.filter(pl.col("component") == "energy")["usd_2024"].sum()
    total = points["usd_2024"].sum()
    share = energy / total if total else 0
    takeaway = (f"Across these landmark runs, energy is {fmt_value(share, 'fraction')} of the amortized ownership "
                "cost; the hardware's depreciation over the run dominates.")
    description = ("Horizontal stacked bars of the amortized ownership cost of landmark training runs, split into "
                   "amortized hardware and energy, in 2024 dollars.")
    return Chart("Cost breakdown of landmark runs", takeaway, description, points,
                 theme(spec.properties(height=40 * max(1, points["model"].n_unique()))))


def technique_effects(con) -> Chart:
    points = frame(con, """
        SELECT technique, metric, model, task, effect_x, source, result_id
        FROM technique_effects ORDER BY technique, metric, result_id""")
    spec = alt.Chart(points).mark_circle(size=55, opacity=0.75).encode(
        y=alt.Y("technique:N", title=None),
        x=alt.X("effect_x:Q", title="Improvement factor (log scale; 1 = no change)", scale=alt.Scale(type="log")),
        color=alt.Color("metric:N", title="Metric"),
        tooltip=[alt.Tooltip("technique:N", title="Technique"), alt.Tooltip("metric:N", title="Metric"),
                 alt.Tooltip("model:N", title="Model"), alt.Tooltip("task:N", title="Task"),
                 alt.Tooltip("effect_x:Q", title="Factor", format=".3~r"), alt.Tooltip("source:N", title="Source")])
    rule = alt.Chart(pl.DataFrame({"x": [1.0]})).mark_rule(color="#888").encode(x="x:Q")
    above = points.filter(pl.col("effect_x") > 1).height
    takeaway = (f"{above} of {points.height} measured results improve on their baseline; the spread within one "
                "technique often exceeds the difference between techniques.")
    description = (f"Strip plot of {points.height} measured results, one dot each, improvement factor on a log scale "
                   "by technique, coloured by metric; tooltips name the model, task and source.")
    return Chart("Measured effects of efficiency techniques", takeaway, description, points,
                 theme(alt.layer(rule, spec).properties(height=24 * max(1, points["technique"].n_unique()))))


def _efficiency_bands(con, effect: str, where: str, y_title: str, title: str, takeaway_fn, what: str,
                      axis_format: str) -> Chart:
    points = frame(con, f"""
        SELECT reference, basis, year, value, value_low, value_high, is_projection, base_year
        FROM compute_efficiency WHERE effect = '{effect}' AND {where} ORDER BY reference, basis, year""")
    enc = dict(x=alt.X("year:O", title="Year"),
               color=alt.Color("basis:N", title="Basis"))
    band = alt.Chart(points).mark_area(opacity=0.2).encode(
        y=alt.Y("value_low:Q", title=y_title, scale=alt.Scale(type="log"), axis=alt.Axis(format=axis_format)),
        y2="value_high:Q", detail="reference:N", **enc)
    line = alt.Chart(points).mark_line(point=True).encode(
        y="value:Q", detail="reference:N", strokeDash=alt.StrokeDash("reference:N", title="Reference"),
        tooltip=[alt.Tooltip("reference:N", title="Reference"), alt.Tooltip("basis:N", title="Basis"),
                 alt.Tooltip("year:O", title="Year"), alt.Tooltip("value:Q", title=y_title, format=".3~s"),
                 alt.Tooltip("value_low:Q", title="90 % low", format=".3~s"),
                 alt.Tooltip("value_high:Q", title="90 % high", format=".3~s"),
                 alt.Tooltip("is_projection:N", title="Projection")], **enc)
    description = (f"Line chart, log scale, of {what} by year with 90 % interval bands, from hardware alone and "
                   "from hardware and algorithms together.")
    return Chart(title, takeaway_fn(points), description, points, theme(alt.layer(band, line)))


def access_effect(con) -> Chart:
    def takeaway(p: pl.DataFrame) -> str:
        both = p.filter((pl.col("basis") == "hardware_and_algorithms") & (pl.col("reference") == "gpt-3-175b"))
        hw = p.filter((pl.col("basis") == "hardware") & (pl.col("reference") == "gpt-3-175b"))
        if not both.height:
            return "No landmark run has the inputs for the access effect."
        observed = both.filter(~pl.col("is_projection"))
        y = (observed if observed.height else both)["year"][-1]
        b, h = both.filter(pl.col("year") == y), hw.filter(pl.col("year") == y)
        return (f"Reaching GPT-3's capability cost {fmt_value(both['value'][0], 'USD (2024)')} in "
                f"{both['year'][0]}; by {y} it costs about {fmt_value(h['value'][0], 'USD (2024)')} from cheaper "
                f"hardware alone and {fmt_value(b['value'][0], 'USD (2024)')} (90 % interval "
                f"{fmt_value(b['value_low'][0], 'USD (2024)')}–{fmt_value(b['value_high'][0], 'USD (2024)')}) "
                "with algorithmic progress too.")
    return _efficiency_bands(con, "access", "domain = 'language'", "Cost to reach the capability (2024 USD)",
                             "The access effect: cost of reaching a landmark's capability", takeaway,
                             "the cost of reaching GPT-3 175B's and GPT-4's capability", "$~s")


def performance_effect(con) -> Chart:
    def takeaway(p: pl.DataFrame) -> str:
        sel = p.filter((pl.col("basis") == "hardware_and_algorithms") & (pl.col("reference") == "budget-1m-usd-from-gpt-3-175b"))
        if not sel.height:
            return "No anchor for the performance effect."
        observed = sel.filter(~pl.col("is_projection"))
        first, last = sel.row(0, named=True), (observed if observed.height else sel).row(-1, named=True)
        return (f"A fixed $1 million buys {sig(last['value'] / first['value'], 2)}× more effective compute in "
                f"{last['year']} than in {first['year']} (90 % interval {sig(last['value_low'] / first['value'], 2)}–"
                f"{sig(last['value_high'] / first['value'], 2)}×), counting hardware and algorithmic progress.")
    return _efficiency_bands(con, "performance", "domain = 'language' AND reference LIKE '%from-gpt-3-175b'",
                             "Effective compute (FLOP of 2020 algorithms)",
                             "The performance effect: effective compute a fixed budget buys", takeaway,
                             "the effective compute that $1 M, $100 M and $1 B buy", ".0e")


CHARTS: dict[str, Callable[[duckdb.DuckDBPyConnection], Chart]] = {
    "bf16-price-performance": bf16_price_performance,
    "fp32-price-performance": fp32_price_performance,
    "tensor-flop-per-watt": tensor_flop_per_watt,
    "memory-wall": memory_wall,
    "hardware-trend-comparison": trend_comparison,
    "training-compute": training_compute,
    "training-cost": training_cost,
    "training-energy": training_energy,
    "cloud-prices": cloud_prices,
    "cost-breakdown": cost_breakdown,
    "technique-effects": technique_effects,
    "access-effect": access_effect,
    "performance-effect": performance_effect,
}


def _csv_safe(df: pl.DataFrame) -> pl.DataFrame:
    """Dates as ISO text; no cell a spreadsheet would run as a formula."""
    out = df.with_columns(pl.col(pl.Date).cast(pl.String))
    return out.with_columns(
        pl.when(pl.col(c).str.contains(r"^[=+\-@]")).then("'" + pl.col(c)).otherwise(pl.col(c)).alias(c)
        for c in out.columns if out.schema[c] == pl.String
    )


def render(chart: Chart, name: str, outdir: Path, prefix: str = "") -> str:
    """Write the chart's CSV and SVG into ``outdir``; return its HTML."""
    import vl_convert as vlc

    outdir.mkdir(parents=True, exist_ok=True)
    spec = chart.spec.to_dict()
    spec_json = json.dumps(spec, sort_keys=True, default=str)
    (outdir / f"{name}.csv").write_text(_csv_safe(chart.data).write_csv(), encoding="utf-8")
    # the static image is the slow part: render it only when the spec changed since the last build
    stamp = outdir / f"{name}.svg.sha256"
    digest = hashlib.sha256(spec_json.encode()).hexdigest()
    if not (outdir / f"{name}.svg").exists() or not stamp.exists() or stamp.read_text() != digest:
        (outdir / f"{name}.svg").write_text(vlc.vegalite_to_svg(spec), encoding="utf-8")
        stamp.write_text(digest)
    esc = html.escape
    # no "<", ">" or "&" may reach the page inside the script element
    safe_json = spec_json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    figure = f"""<figure class="atlas-chart" id="chart-{esc(name)}">
<figcaption><span class="atlas-chart-title">{esc(chart.title)}</span>
<span class="atlas-chart-takeaway">{esc(chart.takeaway)}</span></figcaption>
<div class="atlas-chart-view" data-spec-id="spec-{esc(name)}" role="img" aria-label="{esc(chart.description)}"></div>
<noscript><img src="{prefix}_charts/{esc(name)}.svg" alt="{esc(chart.description)}"></noscript>
<p class="atlas-chart-description">{esc(chart.description)}</p>
<p class="atlas-chart-links"><a href="{prefix}_charts/{esc(name)}.csv" download>Download the data plotted (CSV)</a> ·
<a href="{prefix}_charts/{esc(name)}.svg">Static image (SVG)</a></p>
<script type="application/json" id="spec-{esc(name)}">{safe_json}</script>
</figure>"""
    return figure


