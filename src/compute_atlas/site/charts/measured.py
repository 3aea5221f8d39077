"""Charts of the "Measured against quoted" page: achieved matmul rates against the quoted peaks, and MLPerf
Training's chip-hours, times and rental costs by round."""

from __future__ import annotations

import altair as alt
import polars as pl

from ...metadata.units import fmt_value, sig
from .common import WIDTH, Chart, axis, frame, menu, theme, tip

#: The benchmark a page's MLPerf charts open on: the one with results in the most rounds.
DEFAULT_BENCHMARK_SQL = """SELECT mlperf_benchmark FROM mlperf_progress GROUP BY 1
                           ORDER BY count(DISTINCT mlperf_round) DESC, count(*) DESC, 1 LIMIT 1"""


def achieved_vs_peak(con) -> Chart:
    points = frame(con, """
        SELECT accelerator_id, name, vendor, precision, name || ' · ' || upper(precision) AS label,
               peak_flop_per_s, achieved_flop_per_s, achieved_over_peak_frac, provenance, measurement_id,
               measured_date, software, source, source_url
        FROM achieved_vs_peak ORDER BY precision, achieved_over_peak_frac DESC, accelerator_id""")
    order = points["label"].to_list()
    tooltip = [alt.Tooltip("name:N", title="Accelerator"), alt.Tooltip("precision:N", title="Precision"),
               tip("peak_flop_per_s", "Quoted dense peak (FLOP/s)"),
               tip("achieved_flop_per_s", "Best achieved (FLOP/s)"),
               tip("achieved_over_peak_frac", "Achieved / peak"),
               alt.Tooltip("provenance:N", title="Provenance"), alt.Tooltip("source:N", title="Source"),
               alt.Tooltip("source_url:N", title="Source URL"), alt.Tooltip("software:N", title="Software"),
               alt.Tooltip("measured_date:T", title="Measured")]
    y = alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=320))
    bars = alt.Chart(points).mark_bar(color="#cfd8dc", height=12).encode(
        x=alt.X("peak_flop_per_s:Q", title="Dense matrix-multiply rate (FLOP/s)", axis=axis("flop_per_s")),
        y=y, tooltip=tooltip)
    dots = alt.Chart(points).mark_circle(size=90, opacity=1).encode(
        x="achieved_flop_per_s:Q", y=y, color=alt.Color("vendor:N", title="Vendor"), tooltip=tooltip)
    n_acc = points["accelerator_id"].n_unique()
    if points.height:
        lo = points.sort("achieved_over_peak_frac").row(0, named=True)
        hi = points.sort("achieved_over_peak_frac").row(-1, named=True)
        takeaway = (f"The best measured matrix multiplies reach {fmt_value(lo['achieved_over_peak_frac'], 'frac')} "
                    f"({lo['name']}, {lo['precision'].upper()}) to {fmt_value(hi['achieved_over_peak_frac'], 'frac')} "
                    f"({hi['name']}, {hi['precision'].upper()}) of the quoted dense peak, over {n_acc} accelerators.")
    else:
        takeaway = "No accelerator has a matrix-multiply measurement yet."
    description = (f"Dot-and-bar chart: for {points.height} accelerator and precision pairs of {n_acc} accelerators, "
                   "a grey bar to the quoted dense peak and a dot at the best achieved matrix-multiply rate, coloured "
                   "by vendor; the tooltip names each measurement's source.")
    spec = theme(alt.layer(bars, dots)).properties(width=WIDTH - 260, height=max(200, 22 * points.height))
    return Chart("Achieved against quoted: dense matrix multiply", takeaway, description, points, spec)


def _mlperf_chart(con, value_col: str, unit_code: str, y_title: str, where: str, title: str,
                  takeaway_fn, what: str) -> Chart:
    points = frame(con, f"""
        SELECT mlperf_round, round_published_date, mlperf_benchmark, accelerator_id, name, vendor,
               mlperf_result_id, submitter, system, accelerator_count, time_to_train_minutes, chip_hours,
               is_official_score, fastest_time_to_train_minutes, fastest_accelerator_count,
               predecessor_accelerator_id, speedup_over_predecessor_x, cloud_price_usd_per_hour, cloud_price_date,
               cloud_cost_usd
        FROM mlperf_progress WHERE {where}
        ORDER BY mlperf_benchmark, mlperf_round, release_date, accelerator_id""")
    options = sorted(points["mlperf_benchmark"].unique().to_list())
    param, default = menu(con, DEFAULT_BENCHMARK_SQL, options, "MLPerf benchmark ")
    tooltip = [alt.Tooltip("mlperf_benchmark:N", title="Benchmark"), alt.Tooltip("mlperf_round:N", title="Round"),
               alt.Tooltip("name:N", title="Accelerator"), alt.Tooltip("submitter:N", title="Submitter"),
               alt.Tooltip("system:N", title="System"), alt.Tooltip("accelerator_count:Q", title="Accelerators"),
               tip("time_to_train_minutes", "Minutes to train"),
               tip("chip_hours", "Chip-hours"),
               tip("fastest_time_to_train_minutes", "Fastest (any scale), minutes"),
               alt.Tooltip("fastest_accelerator_count:Q", title="Accelerators of the fastest"),
               tip("speedup_over_predecessor_x", "Speed-up over predecessor"),
               alt.Tooltip("predecessor_accelerator_id:N", title="Predecessor"),
               tip("cloud_cost_usd", "Rental cost of one training (USD)"),
               alt.Tooltip("is_official_score:N", title="Official score"),
               alt.Tooltip("mlperf_result_id:N", title="Result (constructed id)")]
    base = alt.Chart(points).transform_filter(alt.datum.mlperf_benchmark == param)
    enc = dict(x=alt.X("mlperf_round:O", title="MLPerf Training round"),
               y=alt.Y(f"{value_col}:Q", title=y_title, scale=alt.Scale(type="log"), axis=axis(unit_code)),
               color=alt.Color("vendor:N", title="Vendor"), detail="name:N", tooltip=tooltip)
    lines = base.mark_line(point=alt.OverlayMarkDef(size=70), opacity=0.8).encode(**enc)
    # each line named at its latest round: more accelerators than the palette has colours share a vendor's
    labels = base.transform_window(
        newest="rank()", sort=[alt.SortField("round_published_date", order="descending")], groupby=["name"],
    ).transform_filter(alt.datum.newest == 1).mark_text(align="left", dx=7, fontSize=11).encode(
        x=enc["x"], y=enc["y"], text="name:N", color=enc["color"])
    shown = points.filter(pl.col("mlperf_benchmark") == default)
    description = (f"Line chart, log scale, of {what} by MLPerf Training round, one line per accelerator, for the "
                   f"benchmark chosen in the menu ({len(options)} benchmarks; it opens on {default}), coloured by "
                   "vendor and named at its latest round.")
    return Chart(title, takeaway_fn(shown, default), description, points,
                 theme(alt.layer(lines.add_params(param), labels)))


def mlperf_chip_hours(con) -> Chart:
    def takeaway(p: pl.DataFrame, bench: str) -> str:
        if not p.height:
            return "No MLPerf results."
        rounds = sorted(p["mlperf_round"].unique().to_list())
        first = p.filter(pl.col("mlperf_round") == rounds[0]).sort("chip_hours").row(0, named=True)
        last = p.filter(pl.col("mlperf_round") == rounds[-1]).sort("chip_hours").row(0, named=True)
        return (f"Training {bench} took {sig(first['chip_hours'], 3)} chip-hours at best in {rounds[0]} "
                f"({first['name']}) and {sig(last['chip_hours'], 3)} in {rounds[-1]} ({last['name']}), from hardware and "
                "software progress together.")
    return _mlperf_chart(con, "chip_hours", "chip_hours", "Chip-hours to train (fewest of the round)", "true",
                         "MLPerf Training: chip-hours to train, by round and accelerator", takeaway,
                         "the fewest chip-hours (minutes / 60 × accelerators) each accelerator needed")


def mlperf_time_to_train(con) -> Chart:
    def takeaway(p: pl.DataFrame, bench: str) -> str:
        if not p.height:
            return "No MLPerf results."
        best = p.sort("fastest_time_to_train_minutes").row(0, named=True)
        return (f"The fastest {bench} training in these results took {fmt_value(best['fastest_time_to_train_minutes'], 'minutes')} "
                f"on {best['fastest_accelerator_count']:,} {best['name']} accelerators ({best['mlperf_round']}); "
                "times at such scales say more about the size of the system than about the chip.")
    return _mlperf_chart(con, "fastest_time_to_train_minutes", "minutes", "Minutes to train (fastest, any scale)",
                         "true", "MLPerf Training: minutes to train, by round and accelerator", takeaway,
                         "the shortest time to train at any scale")


def mlperf_training_cost(con) -> Chart:
    def takeaway(p: pl.DataFrame, bench: str) -> str:
        if not p.height:
            return f"No accelerator with a {bench} result has a cloud price."
        cheap = p.sort("cloud_cost_usd").row(0, named=True)
        return (f"Renting the hardware for one {bench} training cost as little as "
                f"{fmt_value(cheap['cloud_cost_usd'], 'usd')} ({cheap['name']}, {cheap['mlperf_round']}, at "
                f"{fmt_value(cheap['cloud_price_usd_per_hour'], 'usd_per_hour')} per accelerator); only "
                "accelerators with an on-demand cloud price in the atlas are shown.")
    return _mlperf_chart(con, "cloud_cost_usd", "usd", "Rental cost of one training (USD, nominal)",
                         "cloud_cost_usd IS NOT NULL", "MLPerf Training: rental cost of one training",
                         takeaway, "the rental cost of one training at the median on-demand cloud price nearest "
                         "the round's date")
