"""Charts of the claims page."""

from __future__ import annotations

import altair as alt
import polars as pl

from .common import WIDTH, Chart, frame, theme


def claims_register(con) -> Chart:
    """Each claim's points over the claimed value (1 = the claim), with the accepted range as a bar."""
    points = frame(con, """
        WITH c AS (
            SELECT claim_id, statement, verdict, accepted_low, accepted_high,
                   -- the claimed figure the points are set against: the value, the middle of a range, the bound
                   CASE WHEN claimed_low IS NOT NULL AND claimed_high IS NOT NULL THEN sqrt(claimed_low * claimed_high)
                        ELSE coalesce(claimed_low, claimed_high) END AS reference
            FROM claim_checks WHERE n_points > 0 AND coalesce(claimed_low, claimed_high) > 0)
        SELECT c.claim_id, c.statement, c.verdict, e.label, e.value, e.agrees, e.value / c.reference AS ratio,
               c.accepted_low / c.reference AS band_low, c.accepted_high / c.reference AS band_high
        FROM claim_evidence e JOIN c USING (claim_id)
        WHERE e.counts AND e.value > 0 ORDER BY c.claim_id, e.value""")
    bands = points.group_by("claim_id", maintain_order=True).agg(pl.first("band_low"), pl.first("band_high"),
                                                              pl.first("verdict"), pl.first("statement"))
    span = (points["ratio"].min() or 1.0, points["ratio"].max() or 1.0)
    bands = bands.with_columns(pl.col("band_low").fill_null(min(span[0], 1.0) / 2),
                               pl.col("band_high").fill_null(max(span[1], 1.0) * 2))
    # a claim by its statement (cut at the label limit; the tooltip has it whole), in the order of the register
    order = points.unique("claim_id").sort("claim_id")["statement"].to_list()
    y = alt.Y("statement:N", title=None, sort=order, axis=alt.Axis(labelLimit=260))
    scale = alt.Scale(type="log")
    band = alt.Chart(bands).mark_bar(height=12, opacity=0.25, color="#4c78a8").encode(
        y=y, x=alt.X("band_low:Q", scale=scale, title="Our figure over the claimed figure (log scale; 1 = the claim)"),
        x2="band_high:Q", tooltip=[alt.Tooltip("statement:N", title="Claim"), alt.Tooltip("verdict:N", title="Verdict")])
    dots = alt.Chart(points).mark_circle(size=50, opacity=0.8).encode(
        y=y, x=alt.X("ratio:Q", scale=scale),
        color=alt.Color("agrees:N", title="Agrees with the claim", scale=alt.Scale(domain=[True, False],
                                                                                 range=["#2a9d3f", "#d1495b"])),
        tooltip=[alt.Tooltip("statement:N", title="Claim"), alt.Tooltip("label:N", title="Point"),
                 alt.Tooltip("value:Q", title="Value (claim's unit)", format=".3~g"),
                 alt.Tooltip("ratio:Q", title="Over the claim", format=".3~g")])
    one = alt.Chart(pl.DataFrame({"x": [1.0]})).mark_rule(color="#888").encode(x="x:Q")
    n_claims = points["claim_id"].n_unique()
    agree = points.filter(pl.col("agrees")).height
    takeaway = (f"{agree} of the {points.height} points behind {n_claims} checkable claims agree with what is "
                "claimed; the bars are the ranges a point must meet.")
    description = (f"Strip plot, one row per claim ({n_claims}), one dot per like-for-like point ({points.height}), "
                   "on a log scale of our figure over the claimed figure, with the accepted range as a bar; green "
                   "dots agree with the claim, red do not.")
    return Chart("Each claim against the atlas's own figures", takeaway, description, points,
                 theme(alt.layer(band, one, dots).properties(width=WIDTH - 260, height=22 * max(1, n_claims))),
                 columns={"ratio": ("Our figure divided by the claim's reference figure (1 = what is claimed).", "factor"),
                          "band_low": ("Lowest value of the accepted range, over the reference figure; empty where the "
                                       "range is open below.", "factor"),
                          "band_high": ("Highest value of the accepted range, over the reference figure; empty where the "
                                        "range is open above.", "factor")})
