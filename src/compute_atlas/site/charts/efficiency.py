"""Charts of the compute-efficiency page: the access and performance effects."""

from __future__ import annotations

import altair as alt
import polars as pl

from ...metadata.units import fmt_value, sig
from .common import Chart, axis, frame, theme, tip


def _efficiency_bands(con, effect: str, where: str, y_title: str, title: str, takeaway_fn, what: str,
                      unit_code: str, bases: str = "from hardware alone and from hardware and algorithms together"
                      ) -> Chart:
    points = frame(con, f"""
        SELECT reference, basis, year, value, value_low, value_high, factor_x, factor_low_x, factor_high_x,
               interval_level_frac, is_projection, base_year
        FROM compute_efficiency WHERE effect = '{effect}' AND {where} ORDER BY reference, basis, year""")
    # two legends, one above the chart and one below, so that a phone has room for each
    enc = dict(x=alt.X("year:O", title="Year"),
               color=alt.Color("basis:N", title="Basis", legend=alt.Legend(columns=1, labelLimit=320, orient="top")))
    band = alt.Chart(points).mark_area(opacity=0.2).encode(
        y=alt.Y("value_low:Q", title=y_title, scale=alt.Scale(type="log"), axis=axis(unit_code)),
        y2="value_high:Q", detail="reference:N", **enc)
    # a projected year's point is hollow; a measured year's is filled (the layer below)
    line = alt.Chart(points).mark_line(point=alt.OverlayMarkDef(filled=False, fill="white")).encode(
        y="value:Q", detail="reference:N", strokeDash=alt.StrokeDash("reference:N", title="Reference",
                                                                   legend=alt.Legend(columns=1, labelLimit=320)),
        tooltip=[alt.Tooltip("reference:N", title="Reference"), alt.Tooltip("basis:N", title="Basis"),
                 alt.Tooltip("year:O", title="Year"), tip("value", y_title, unit_code),
                 tip("value_low", "Interval low", unit_code),
                 tip("value_high", "Interval high", unit_code),
                 alt.Tooltip("is_projection:N", title="Projection")], **enc)
    measured = alt.Chart(points).transform_filter(~alt.datum.is_projection).mark_point(filled=True, size=30).encode(
        x=enc["x"], y="value:Q", color=enc["color"], detail="reference:N")
    past = (con.execute("SELECT value FROM parameters WHERE parameter_id = 'projection-years-past-data'").fetchall()
            or [None])[0]
    lvl = fmt_value(points["interval_level_frac"][0], "frac") if points.height else ""
    span = (f" Hollow points are projections on the fitted rate, at most {past[0]:g} years past the end of each "
            "series' data; filled points are years within it.") if past and points["is_projection"].any() else ""
    description = f"Line chart, log scale, of {what} by year with {lvl} interval bands, {bases}.{span}"
    return Chart(title, takeaway_fn(points), description, points, theme(alt.layer(band, line, measured)))


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
    return _efficiency_bands(con, "access", "domain = 'language'", "Cost to reach the capability (2024 USD)",
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
    return _efficiency_bands(con, "performance", "domain = 'language' AND reference LIKE '%from-gpt-3-175b'",
                             "Effective compute (FLOP of 2020 algorithms)",
                             "The performance effect: effective compute a fixed budget buys", takeaway,
                             "the effective compute that the fixed budgets buy", "effective_flop")




def inference_access_effect(con) -> Chart:
    def takeaway(p: pl.DataFrame) -> str:
        observed = p.filter(~pl.col("is_projection"))
        if not observed.height:
            return "No fixed capability has a fitted price decline."
        last = observed.sort("year").group_by("reference").agg(pl.all().last()).sort("factor_x").row(-1, named=True)
        return (f"On its fitted decline, the price of {last['reference']} fell {sig(last['factor_x'], 3)}-fold from "
                f"{last['base_year']} to {last['year']}, to {fmt_value(last['value'], 'usd_per_mtok')} per million "
                "tokens; later years are projections.")
    return _efficiency_bands(con, "inference_access", "true", "Price per million tokens (USD, nominal)",
                             "The access effect of inference: price of a fixed capability", takeaway,
                             "the fitted price per million tokens of each fixed capability", "usd_per_mtok",
                             "each on the decline fitted to its own prices")
