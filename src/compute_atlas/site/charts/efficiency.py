"""Charts of the compute-efficiency page: the access and performance effects."""

from __future__ import annotations

import altair as alt
import polars as pl

from ...metadata.units import fmt_value, sig
from ...metadata.vocabularies import EFFICIENCY_BASES
from .common import Chart, axis, frame, log_domain, menu, short_name, theme, tip

#: A compute-efficiency reference as a reader names it: the landmark model, a budget from the landmark's year,
#: or an inference capability (a benchmark, at its reference model's score).
REFERENCE_NAME = ("coalesce(r.model, p.name || ' from ' || a.model || '’s year', "
                  f"{short_name('b.name')} || ' at ' || tr.model || '’s score', e.reference)")
#: the inference chart's menu opens on the benchmark with the most fixed capabilities
DEFAULT_BENCHMARK_SQL = (f"SELECT {short_name('b.name')} FROM inference_thresholds t JOIN benchmarks b "
                         "USING (benchmark_id) "
                         "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")


def _efficiency_bands(con, effect: str, where: str, y_title: str, title: str, takeaway_fn, what: str,
                      unit_code: str, bases: str = "from hardware alone and from hardware and algorithms together",
                      by_benchmark: bool = False) -> Chart:
    """One effect of compute_efficiency by year, a line per reference with its interval band; ``by_benchmark``
    shows one benchmark's references at a time (a menu), so that the lines stay few enough to tell apart."""
    points = frame(con, f"""
        SELECT e.reference, {REFERENCE_NAME} AS reference_name, {short_name('b.name')} AS benchmark, e.basis, e.year, e.value, e.value_low, e.value_high,
               e.factor_x, e.factor_low_x, e.factor_high_x, e.interval_level_frac, e.is_projection, e.base_year
        FROM compute_efficiency e
        LEFT JOIN training_runs r ON r.run_id = e.reference
        LEFT JOIN training_runs a ON e.reference LIKE '%-from-' || a.run_id
        LEFT JOIN parameters p ON e.reference LIKE p.parameter_id || '-from-%'
        LEFT JOIN inference_thresholds t ON t.threshold_id = e.reference
        LEFT JOIN benchmarks b ON b.benchmark_id = t.benchmark_id
        LEFT JOIN training_runs tr ON tr.run_id = t.reference_run_id
        WHERE e.effect = '{effect}' AND {where} ORDER BY e.reference, e.basis, e.year""")
    # a projected interval can reach twenty decades past its estimate: the axis spans the estimates, and a band
    # beyond it is cut at the edge (the caption says so; the tooltip and the CSV keep the true bounds)
    lo_edge, hi_edge = log_domain(points["value"], points["value_low"], points["value_high"])
    cut = points.filter((pl.col("value_low") < lo_edge) | (pl.col("value_high") > hi_edge)).height
    points = points.with_columns(
        pl.col("value_low").clip(lower_bound=lo_edge).alias("band_low"),
        pl.col("value_high").clip(upper_bound=hi_edge).alias("band_high"),
        pl.col("basis").replace_strict(EFFICIENCY_BASES).alias("basis_name"),
        pl.when(pl.col("is_projection")).then(pl.lit("projected")).otherwise(pl.lit("within the data")).alias("status"))
    # two legends, one above the chart and one below, so that a phone has room for each
    enc = dict(x=alt.X("year:O", title="Year"),
               color=alt.Color("basis_name:N", title="Basis", sort=list(EFFICIENCY_BASES.values()),
                               legend=alt.Legend(columns=1, labelLimit=320, orient="top")))
    param = None
    if by_benchmark and points.height:
        param, _ = menu(con, DEFAULT_BENCHMARK_SQL, sorted(points["benchmark"].drop_nulls().unique().to_list()),
                        "Benchmark ")

    def chart():
        base = alt.Chart(points)
        return base.transform_filter(alt.datum.benchmark == param) if param is not None else base

    band = chart().mark_area(opacity=0.2).encode(
        y=alt.Y("band_low:Q", title=y_title, scale=alt.Scale(type="log", domain=[lo_edge, hi_edge]),
                axis=axis(unit_code)),
        y2="band_high:Q", detail="reference:N", **enc)
    # a projected year's point is hollow; a measured year's is filled (the layer below)
    line = chart().mark_line(point=alt.OverlayMarkDef(filled=False, fill="white")).encode(
        y="value:Q", detail="reference:N", strokeDash=alt.StrokeDash("reference_name:N", title="Capability",
                                                                   legend=alt.Legend(columns=1, labelLimit=320)),
        tooltip=[alt.Tooltip("reference_name:N", title="Capability"), alt.Tooltip("basis_name:N", title="Basis"),
                 alt.Tooltip("year:O", title="Year"), tip("value", y_title, unit_code),
                 tip("value_low", "Interval low", unit_code),
                 tip("value_high", "Interval high", unit_code),
                 alt.Tooltip("status:N", title="Year is")], **enc)
    measured = chart().transform_filter(~alt.datum.is_projection).mark_point(filled=True, size=30).encode(
        x=enc["x"], y="value:Q", color=enc["color"], detail="reference:N")
    past = (con.execute("SELECT value FROM parameters WHERE parameter_id = 'projection-years-past-data'").fetchall()
            or [None])[0]
    lvl = fmt_value(points["interval_level_frac"][0], "frac") if points.height else ""
    span = (f" Hollow points are projections on the fitted rate, at most {past[0]:g} years past the end of each "
            "series' data; filled points are years within it.") if past and points["is_projection"].any() else ""
    edge = (f" {cut} of the {points.height} intervals {'reaches' if cut == 1 else 'reach'} past the chart and "
            f"{'is' if cut == 1 else 'are'} cut at its edge; the tooltips give the bounds.") if cut else ""
    description = f"Line chart, log scale, of {what} by year with {lvl} interval bands, {bases}.{span}{edge}"
    return Chart(title, takeaway_fn(points), description, points.drop("band_low", "band_high"),
                 theme(alt.layer(band.add_params(param) if param is not None else band, line, measured)),
                 columns={"reference_name": ("The fixed capability or budget, as a reader names it.", None),
                          "benchmark": ("The benchmark of an inference capability (the menu); empty otherwise.", None),
                          "basis_name": ("The basis of the rate, as a reader names it (`basis`).", None),
                          "status": ("`within the data` or `projected` (past the data behind the rate).", None)})


def access_effect(con) -> Chart:
    def takeaway(p: pl.DataFrame) -> str:
        both = p.filter((pl.col("basis") == "hardware_and_algorithms") & (pl.col("reference") == "gpt-3-175b"))
        hw = p.filter((pl.col("basis") == "hardware") & (pl.col("reference") == "gpt-3-175b"))
        if not both.height:
            return "No landmark run has the inputs for the access effect."
        observed = both.filter(~pl.col("is_projection"))
        y = (observed if observed.height else both)["year"][-1]
        b, h = both.filter(pl.col("year") == y), hw.filter(pl.col("year") == y)
        return (f"Reaching GPT-3's capability cost {fmt_value(both['value'][0], 'usd_2024')} in "
                f"{both['year'][0]}; by {y} it costs about {fmt_value(h['value'][0], 'usd_2024')} from cheaper "
                f"hardware alone and {fmt_value(b['value'][0], 'usd_2024')} (90 % interval "
                f"{fmt_value(b['value_low'][0], 'usd_2024')}–{fmt_value(b['value_high'][0], 'usd_2024')}) "
                "with algorithmic progress too.")
    return _efficiency_bands(con, "access", "e.domain = 'language'", "Cost to reach the capability (2024 USD)",
                             "The access effect: cost of reaching a landmark's capability", takeaway,
                             "the cost of reaching GPT-3 175B's and GPT-4's capability", "usd_2024")


def performance_effect(con) -> Chart:
    def takeaway(p: pl.DataFrame) -> str:
        sel = p.filter((pl.col("basis") == "hardware_and_algorithms") & (pl.col("reference") == "budget-1m-usd-from-gpt-3-175b"))
        if not sel.height:
            return "No anchor for the performance effect."
        observed = sel.filter(~pl.col("is_projection"))
        first, last = sel.row(0, named=True), (observed if observed.height else sel).row(-1, named=True)
        return (f"A fixed $1 million buys {sig(last['factor_x'], 2)}× more effective compute in "
                f"{last['year']} than in {first['year']} ({fmt_value(last['interval_level_frac'], 'frac')} interval "
                f"{sig(last['factor_low_x'], 2)}–{sig(last['factor_high_x'], 2)}×), counting hardware and algorithmic "
                "progress.")
    return _efficiency_bands(con, "performance", "e.domain = 'language' AND e.reference LIKE '%from-gpt-3-175b'",
                             "Effective compute (FLOP of 2020 algorithms)",
                             "The performance effect: effective compute a fixed budget buys", takeaway,
                             "the effective compute that the fixed budgets buy", "effective_flop")




def inference_access_effect(con) -> Chart:
    def takeaway(p: pl.DataFrame) -> str:
        observed = p.filter(~pl.col("is_projection"))
        if not observed.height:
            return "No fixed capability has a fitted price decline."
        last = observed.sort("year").group_by("reference").agg(pl.all().last()).sort("factor_x").row(-1, named=True)
        return (f"On its fitted decline, the price of {last['reference_name']} fell {sig(last['factor_x'], 3)}-fold "
                f"from {last['base_year']} to {last['year']}, to {fmt_value(last['value'], 'usd_per_mtok')}; later years "
                "are projections.")
    return _efficiency_bands(con, "inference_access", "true", "Price per million tokens (USD, nominal)",
                             "The access effect of inference: price of a fixed capability", takeaway,
                             "the fitted price per million tokens of each fixed capability", "usd_per_mtok",
                             "each on the decline fitted to its own prices; the menu picks the benchmark",
                             by_benchmark=True)
