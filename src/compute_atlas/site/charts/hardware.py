"""Charts of the hardware page: price-performance, energy efficiency, the memory wall, trends beside the literature."""

from __future__ import annotations

import altair as alt
import polars as pl

from ...metadata.units import fmt_value, sig
from ...metadata.vocabularies import ESTIMATE_ORIGINS, TENSOR_16BIT
from ...schemas import column_unit
from .common import PALETTE, WIDTH, Chart, axis, few_series, fit, frame, level, theme, tip, trend_line


def growth_sentence(f: dict, what: str) -> str:
    return (f"{what} grew {sig(f['growth_per_year_x'], 3)}× a year ({level(f)} interval "
            f"{sig(f['growth_per_year_x_low'], 3)}–{sig(f['growth_per_year_x_high'], 3)}×), doubling every "
            f"{fmt_value(f['doubling_time_years'], 'years')}, over {f['n_points']} points from "
            f"{f['start_date'].year} to {f['end_date'].year}.")


def _in_sentence(what: str) -> str:
    """A capitalised phrase inside a sentence: its first letter lowered unless it starts an acronym (FP32, GPU)."""
    return what[:1].lower() + what[1:] if what[1:2].islower() or what[1:2] == "-" else what


def _scatter_with_trend(con, value_col: str, where: str, fit_id: str, y_title: str, what: str, title: str) -> Chart:
    unit = column_unit(value_col)
    points = frame(con, f"""
        SELECT accelerator_id, name, vendor, release_date, precision, {value_col} AS value, source
        FROM accelerator_efficiency
        WHERE {where} AND {value_col} IS NOT NULL
        ORDER BY release_date, accelerator_id""")
    f = fit(con, fit_id)
    points, colour, columns = few_series(points, "vendor", "vendors", "Vendor")
    base = alt.Chart(points).mark_circle(size=60, opacity=0.8).encode(
        x=alt.X("release_date:T", title="Release date"),
        y=alt.Y("value:Q", title=y_title, scale=alt.Scale(type="log"), axis=axis(unit)),
        color=colour,
        tooltip=[alt.Tooltip("name:N", title="Accelerator"), alt.Tooltip("vendor:N", title="Vendor"),
                 alt.Tooltip("release_date:T", title="Released"), alt.Tooltip("precision:N", title="Precision"),
                 tip("value", y_title, unit), alt.Tooltip("source:N", title="Source")],
    )
    layers = [base]
    takeaway = f"No trend could be fitted: fewer than 3 chips have {_in_sentence(what)}."
    if f:
        line = trend_line(f, f"Fitted trend: ×{sig(f['growth_per_year_x'], 2)} a year")
        layers.append(alt.Chart(line).mark_line(color="#333", strokeDash=[6, 4]).encode(
            x="release_date:T", y="value:Q",
            tooltip=[alt.Tooltip("series:N", title="Trend")]))
        takeaway = growth_sentence(f, what)
    best = points.sort("value", descending=True).head(1)
    description = (f"Scatter plot, log scale, of {_in_sentence(what)} against release date for {points.height} "
                   f"accelerators, coloured by vendor, with the fitted exponential trend as a dashed line.")
    if best.height:
        description += (f" The highest is {best['name'][0]} ({best['vendor'][0]}, {best['release_date'][0].year}) "
                        f"at {fmt_value(best['value'][0], unit)}.")
    return Chart(title, takeaway, description, points, theme(alt.layer(*layers)), columns=columns)


#: the populations of the price-performance charts, as their titles and captions name them
DATA_CENTRE = "Data-centre accelerators"
CONSUMER = "Consumer and workstation GPUs"
LAUNCH_PRICED = "Accelerators with a launch list price (mostly consumer and workstation GPUs)"


def bf16_price_performance(con) -> Chart:
    """ML hardware: data-centre accelerators per dollar of their purchase price near launch (the headline trend)."""
    return _scatter_with_trend(
        con, "fit_flop_per_s_per_usd_2024", f"market_segment = 'data_centre' AND {TENSOR_16BIT}",
        "flop_per_s_per_usd:data-centre-tensor-16bit",
        "16-bit tensor FLOP/s per 2024 dollar of purchase price",
        f"{DATA_CENTRE}' 16-bit tensor FLOP/s per dollar of purchase price (2024 dollars; the launch list price, "
        "else the earliest purchase price within the window after release)",
        f"{DATA_CENTRE}, 16-bit tensor, purchase price: FLOP/s per dollar")


def consumer_price_performance(con) -> Chart:
    """The separate series of consumer and workstation GPUs per dollar of their launch list price."""
    return _scatter_with_trend(
        con, "flop_per_s_per_usd_2024", f"market_segment IN ('consumer', 'workstation') AND {TENSOR_16BIT}",
        "flop_per_s_per_usd:consumer-tensor-16bit",
        "16-bit tensor FLOP/s per 2024 dollar of launch price",
        f"{CONSUMER}' 16-bit tensor FLOP/s per dollar of launch list price (2024 dollars; a separate series, "
        "not data-centre ML hardware)",
        f"{CONSUMER} (a separate series), 16-bit tensor, launch list price: FLOP/s per dollar")


def tensor_flop_per_watt(con) -> Chart:
    return _scatter_with_trend(
        con, "flop_per_s_per_watt", TENSOR_16BIT, "flop_per_s_per_watt:ml-accelerators-tensor-16bit",
        "16-bit tensor FLOP/s per watt",
        "16-bit tensor FLOP/s per watt of rated power of accelerators with matrix units (all market segments)",
        "All accelerators with matrix units, 16-bit tensor: FLOP/s per watt of rated power")


def fp32_price_performance(con) -> Chart:
    return _scatter_with_trend(
        con, "flop_per_s_per_usd_2024", "precision = 'fp32'", "flop_per_s_per_usd:ml-accelerators-fp32",
        "FP32 FLOP/s per 2024 dollar of launch price",
        f"FP32 FLOP/s per dollar of launch list price (2024 dollars) of {LAUNCH_PRICED[0].lower()}{LAUNCH_PRICED[1:]}",
        f"{LAUNCH_PRICED}, FP32, launch list price: FLOP/s per dollar")


def memory_wall(con) -> Chart:
    points = frame(con, f"""
        SELECT accelerator_id, name, vendor, release_date, peak_flop_per_s, memory_bandwidth_bytes_per_s,
               ridge_point_flop_per_byte, source
        FROM accelerator_efficiency
        WHERE {TENSOR_16BIT} AND ridge_point_flop_per_byte IS NOT NULL
        ORDER BY release_date, accelerator_id""")
    flops = fit(con, "peak_flop_per_s:ml-accelerators-tensor-16bit")
    bandwidth = fit(con, "memory_bandwidth_bytes_per_s:ml-accelerators")
    points, colour, columns = few_series(points, "vendor", "vendors", "Vendor")
    spec = alt.Chart(points).mark_circle(size=60, opacity=0.8).encode(
        x=alt.X("release_date:T", title="Release date"),
        y=alt.Y("ridge_point_flop_per_byte:Q", title="Ridge point (FLOP per byte of memory traffic)",
                scale=alt.Scale(type="log"), axis=axis("flop_per_byte")),
        color=colour,
        tooltip=[alt.Tooltip("name:N", title="Accelerator"), alt.Tooltip("vendor:N", title="Vendor"),
                 alt.Tooltip("release_date:T", title="Released"),
                 tip("peak_flop_per_s", "16-bit tensor FLOP/s"),
                 tip("memory_bandwidth_bytes_per_s", "Bandwidth (B/s)"),
                 tip("ridge_point_flop_per_byte", "FLOP per byte"),
                 alt.Tooltip("source:N", title="Source")],
    )
    if flops and bandwidth:
        takeaway = (f"Across all accelerators with matrix units, peak 16-bit compute grew {sig(flops['growth_per_year_x'], 2)}× a year while memory bandwidth "
                    f"grew {sig(bandwidth['growth_per_year_x'], 2)}× a year, so a kernel must do ever more "
                    "arithmetic per byte it reads to keep the chip busy.")
    else:
        takeaway = "Too few chips to fit the compute and bandwidth trends."
    description = (f"Scatter plot, log scale, of the roofline ridge point (peak 16-bit tensor FLOP/s divided by "
                   f"memory bandwidth) against release date for {points.height} accelerators with matrix units (all "
                   "market segments), coloured by vendor.")
    return Chart("The memory wall (all accelerators with matrix units): FLOP per byte needed to be compute-bound",
                 takeaway, description, points, theme(spec), columns=columns)


def trend_comparison(con) -> Chart:
    # each estimate as a reader names it: our fit by its population, a published one by its source
    points = frame(con, """
        SELECT t.quantity, t.origin, t.estimate_id,
               CASE WHEN t.origin = 'ours' THEN 'This atlas: ' || rtrim(f.subset_description, '.')
                    ELSE coalesce(s.label, r.title) END AS label,
               t.subset, t.growth_per_year_x, t.growth_per_year_x_low, t.growth_per_year_x_high,
               t.interval_level_frac, t.year_range, t.source
        FROM trend_comparison t
        LEFT JOIN trend_fits f ON t.origin = 'ours' AND f.fit_id = t.estimate_id
        LEFT JOIN replication_subsets s ON t.origin = 'published' AND s.trend_id = t.estimate_id
        LEFT JOIN "references" r ON r.reference_key = t.source
        WHERE t.quantity IN ('peak_flop_per_s', 'flop_per_s_per_usd', 'flop_per_s_per_watt', 'memory_bytes',
                             'memory_bandwidth_bytes_per_s')
        ORDER BY t.quantity, t.origin DESC, t.estimate_id""")
    base = alt.Chart(points).encode(
        y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=320)),
        color=alt.Color("origin:N", title="Estimate", scale=alt.Scale(domain=list(ESTIMATE_ORIGINS),
                                                                       range=[PALETTE[0], PALETTE[1]])),
    )
    tooltip = [alt.Tooltip("label:N", title="Estimate"),
               tip("growth_per_year_x", "Growth per year (×)"),
               tip("growth_per_year_x_low", "Low"),
               tip("growth_per_year_x_high", "High"),
               alt.Tooltip("year_range:N", title="Years"), alt.Tooltip("source:N", title="Source")]
    bars = base.mark_rule(strokeWidth=2).encode(
        x=alt.X("growth_per_year_x_low:Q", title="Growth per year (×), with interval", scale=alt.Scale(type="log")),
        x2="growth_per_year_x_high:Q", tooltip=tooltip)
    dots = base.mark_point(filled=True, size=70).encode(x="growth_per_year_x:Q", tooltip=tooltip)
    n_ours = points.filter(pl.col("origin") == "ours").height
    n_pub = points.height - n_ours
    takeaway = (f"{n_ours} fits of this build beside {n_pub} published estimates of the same hardware quantities; "
                "each fit's name says its population (data-centre accelerators, consumer GPUs, all accelerators "
                "with a launch price or with matrix units, record-setters), and where the intervals overlap, our "
                "data reproduce the literature.")
    description = ("Dot-and-interval plot of growth factors per year, log scale: our fits (blue) and published "
                   "estimates (orange) for peak FLOP/s, FLOP/s per dollar, FLOP/s per watt, memory capacity and "
                   "memory bandwidth.")
    spec = theme(alt.layer(bars, dots).properties(width=WIDTH - 360, height=max(200, 22 * points.height)))
    return Chart("Our hardware trends, by population, beside the published ones", takeaway, description, points, spec)




def trend_replications(con) -> Chart:
    """Each published estimate beside our fit of the same population and window, both as growth per year."""
    points = frame(con, """
        SELECT label, trend_id, quantity, 'published' AS estimate, published_growth_per_year_x AS growth_per_year_x,
               published_growth_per_year_x_low AS growth_per_year_x_low,
               published_growth_per_year_x_high AS growth_per_year_x_high,
               published_interval_level_frac AS interval_level_frac, published_n_points AS n_points,
               source AS basis, intervals_overlap, overlap_rule
        FROM trend_replications WHERE intervals_overlap IS NOT NULL
        UNION ALL
        SELECT label, trend_id, quantity, 'ours', growth_per_year_x, growth_per_year_x_low,
               growth_per_year_x_high, interval_level_frac, n_points, fit_description, intervals_overlap, overlap_rule
        FROM trend_replications WHERE intervals_overlap IS NOT NULL
        ORDER BY quantity, trend_id, estimate DESC""")
    series = list(ESTIMATE_ORIGINS[::-1])  # published first
    order = points.unique("label", maintain_order=True)["label"].to_list()
    base = alt.Chart(points).encode(
        y=alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=420)),
        yOffset=alt.YOffset("estimate:N", sort=series),
        color=alt.Color("estimate:N", title="Estimate", sort=series,
                        scale=alt.Scale(domain=series, range=[PALETTE[1], PALETTE[0]])),
    )
    tooltip = [alt.Tooltip("trend_id:N", title="Published estimate"), alt.Tooltip("estimate:N", title="Estimate"),
               tip("growth_per_year_x", "Growth per year (×)"),
               tip("growth_per_year_x_low", "Low"),
               tip("growth_per_year_x_high", "High"),
               tip("interval_level_frac", "Interval level"),
               alt.Tooltip("n_points:Q", title="Points"), alt.Tooltip("basis:N", title="Source or subset"),
               alt.Tooltip("intervals_overlap:N", title="Agree")]
    bars = base.mark_rule(strokeWidth=3).encode(
        x=alt.X("growth_per_year_x_low:Q", title="Growth per year (×), log scale, with interval",
                scale=alt.Scale(type="log")),
        x2="growth_per_year_x_high:Q", tooltip=tooltip)
    dots = base.mark_point(filled=True, size=70).encode(
        x="growth_per_year_x:Q", shape=alt.Shape("intervals_overlap:N", title="Agrees",
                                                 scale=alt.Scale(domain=[True, False], range=["circle", "cross"])),
        tooltip=tooltip)
    estimates = points.filter(pl.col("estimate") == "published")
    n, agree = estimates.height, estimates.filter(pl.col("intervals_overlap")).height
    takeaway = (f"{agree} of {n} replications agree with the estimate they replicate: our interval overlaps the "
                "published interval, or the range of values that round to the published figure where the source "
                "gives no interval.")
    description = (f"Paired dot-and-interval plot, log scale, of growth factors per year for {n} published "
                   "estimates (orange) of hardware price-performance, peak rates, memory, energy efficiency, "
                   "training compute and training cost, each directly above our fit of the same subset, "
                   "precision, price basis and window (blue); a cross marks a pair that does not agree.")
    spec = theme(alt.layer(bars, dots).properties(width=WIDTH - 380, height=max(300, 34 * n)))
    return Chart("Published trends and our replications on the same subsets", takeaway, description, points, spec,
                 columns={"estimate": ("`published` (the source's figure) or `ours` (our fit of the same subset).",
                                       None)})
