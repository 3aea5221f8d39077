"""Charts of the techniques page."""

from __future__ import annotations

import altair as alt
import polars as pl

from ...metadata.vocabularies import TECHNIQUE_METRICS
from .common import WIDTH, Chart, axis, frame, theme, tip


def technique_effects(con) -> Chart:
    points = frame(con, """
        SELECT technique, metric, model, task, effect_x, source, result_id
        FROM technique_effects ORDER BY technique, metric, result_id""")
    points = points.with_columns(pl.col("metric").replace_strict(TECHNIQUE_METRICS).alias("metric_name"))
    spec = alt.Chart(points).mark_circle(size=55, opacity=0.75).encode(
        y=alt.Y("technique:N", title=None),
        x=alt.X("effect_x:Q", title="Improvement factor (log scale; 1 = no change)", scale=alt.Scale(type="log"),
                axis=axis("factor")),
        color=alt.Color("metric_name:N", title="Metric"),
        tooltip=[alt.Tooltip("technique:N", title="Technique"), alt.Tooltip("metric_name:N", title="Metric"),
                 alt.Tooltip("model:N", title="Model"), alt.Tooltip("task:N", title="Task"),
                 tip("effect_x", "Factor"), alt.Tooltip("source:N", title="Source")])
    rule = alt.Chart(pl.DataFrame({"x": [1.0]})).mark_rule(color="#888").encode(x="x:Q")
    above = points.filter(pl.col("effect_x") > 1).height
    takeaway = (f"{above} of {points.height} measured results improve on their baseline; the spread within one "
                "technique often exceeds the difference between techniques.")
    description = (f"Strip plot of {points.height} measured results, one dot each, improvement factor on a log scale "
                   "by technique, coloured by metric; tooltips name the model, task and source.")
    return Chart("Measured effects of efficiency techniques", takeaway, description, points,
                 theme(alt.layer(rule, spec).properties(width=WIDTH - 140,
                                                       height=24 * max(1, points["technique"].n_unique()))),
                 columns={"metric_name": ("What the result measures, as a reader names it (`metric`).", None)})


