"""The site's charts, one module per page. Each chart selects rows of derived
relations and formats them: no metric is computed here (a fitted line's
points, a 2024-dollar figure, a median, a share are all columns of the
database). Each comes with a title, a takeaway sentence from the same rows,
a description for readers who cannot see it, and exactly the rows it plots
(offered as CSV). Units and axis formats come from the unit vocabulary."""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import altair as alt
import duckdb
import polars as pl

from ...metadata.units import fmt_value, unit
from ...schemas import RELATIONS, column_unit

#: The colours of a nominal scale. A chart colours at most this many series: it groups the rest
#: (``few_series``) or labels them directly.
PALETTE = ["#1f6f8b", "#e07a1f", "#5b8e3e", "#a23b72", "#6c5ce7", "#8c8c8c", "#c0392b", "#16a085", "#d4ac0d"]
#: The same hues, lighter, for a dark page (a label in a series' colour keeps a contrast of 3:1 or more there).
PALETTE_ON_DARK = ["#4fa3c2", "#f0a050", "#86bf66", "#d46ca3", "#9d91f0", "#b0b0b0", "#e8675a", "#3fcfb2", "#e8c84a"]
WIDTH, HEIGHT = 620, 380
#: What atlas.js changes in a chart when the page is dark, or its column narrow, read from the chart's own
#: ``usermeta`` so that the colours have one source: config merged into the chart's, and the "ink" of
#: rules and lines drawn in a fixed dark grey, swapped for a light one.
ON_DARK = {
    "config": {
        "axis": {"labelColor": "#d0d7de", "titleColor": "#e6edf3", "gridColor": "#343a40", "domainColor": "#8b949e",
                 "tickColor": "#8b949e"},
        "legend": {"labelColor": "#d0d7de", "titleColor": "#e6edf3"},
        "title": {"color": "#e6edf3", "subtitleColor": "#d0d7de"},
        "header": {"labelColor": "#d0d7de", "titleColor": "#e6edf3"},
        "text": {"color": "#e6edf3"},
        "range": {"category": PALETTE_ON_DARK},
    },
    "ink": {"#333": "#d0d7de", "#555": "#b8c0c8", "#888": "#9aa4ae", "#cfd8dc": "#45525a",
            **dict(zip(PALETTE, PALETTE_ON_DARK))},
}
#: In a column under 560 px: config merged in, and upper bounds put on these properties wherever a chart sets them
#: (an axis's labels, a legend's columns), and axis and legend titles wrapped into lines of at most so many
#: characters, so that a chart of long labels still fits a phone.
ON_NARROW = {"config": {"legend": {"columns": 1, "labelLimit": 150}, "axis": {"labelLimit": 120}},
             "caps": {"labelLimit": 120, "columns": 1}, "wrap_titles_at": 32}
#: The one chart theme of the site, as Vega-Lite config: the page charts (``theme``) and the entity pages'
#: charts (``entities``) both use it.
THEME = {
    "font": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "background": "transparent",
    "axis": {"labelFontSize": 12, "titleFontSize": 13, "gridColor": "#e6e6e6", "domainColor": "#888",
             "tickColor": "#888", "labelColor": "#333", "titleColor": "#222"},
    "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom", "columns": 3, "labelLimit": 180,
               "labelColor": "#333", "titleColor": "#222"},
    "range": {"category": PALETTE},
    "view": {"stroke": None},
}
#: The top-level ``usermeta`` of every chart: what atlas.js reads to redraw it for a dark page or a narrow column.
USERMETA = {"atlas": {"dark": ON_DARK, "narrow": ON_NARROW}}


@dataclass
class Chart:
    title: str
    takeaway: str
    description: str
    data: pl.DataFrame
    spec: alt.TopLevelMixin
    #: what a column of ``data`` holds, and its unit code (None for text), where the column is not one the
    #: metadata describes (a label made for the chart)
    columns: dict[str, tuple[str, str | None]] = field(default_factory=dict)

    def spec_dict(self) -> dict:
        """The Vega-Lite spec, validated once (a page's digest and its rendering both need it; Altair validates
        it against the schema on every ``to_dict``, which takes longer than building the chart)."""
        if not hasattr(self, "_spec_dict"):
            self._spec_dict = self.spec.to_dict()
        return self._spec_dict


_KIND_OF_VALUE = {"String": "text", "Boolean": "true or false", "Date": "date", "Int64": "count"}


def column_docs(chart: Chart) -> list[tuple[str, str, str]]:
    """Each column of the chart's CSV: its name, what it holds and its unit as a reader reads it (the kind of
    value for text, dates and flags). A column the metadata does not describe must be described by the chart;
    else this raises, and the site does not build."""
    described = {c.name: c for rel in reversed(RELATIONS) for c in rel.columns()}
    out = []
    for name in chart.data.columns:
        if name in chart.columns:
            text, code = chart.columns[name]
            out.append((name, text, unit(code).label if code else _KIND_OF_VALUE.get(str(chart.data.schema[name]), "text")))
        elif name in described:
            c = described[name]
            out.append((name, c.description, c.unit_label or _KIND_OF_VALUE.get(c.dtype, "text")))
        else:
            raise ValueError(f"the chart {chart.title!r} plots a column {name!r} that neither the metadata nor the "
                             "chart describes (give it in Chart(columns=...))")
    return out


def theme(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """The one chart theme of the site; a chart that sets its own width or height keeps it."""
    size = {key: value for key, value in (("width", WIDTH), ("height", HEIGHT))
            if getattr(chart, key, alt.Undefined) is alt.Undefined}
    return chart.properties(**size, usermeta=USERMETA).configure(**THEME)


def few_series(points: pl.DataFrame, column: str, what: str, title: str) -> tuple[pl.DataFrame, alt.Color, dict]:
    """Colour by ``column`` with no two series sharing a colour: where it has more values than the palette has
    colours, the most frequent keep theirs and the rest are one series, "other <what>". Returns the data with
    the grouped column ``<column>_group``, its colour encoding (the other series last) and its description."""
    counts = points.group_by(column).len().sort(["len", column], descending=[True, False])[column].drop_nulls()
    values = counts.to_list()
    other = f"Other {what}"
    keep = values if len(values) <= len(PALETTE) else values[:len(PALETTE) - 1]
    group = f"{column}_group"
    points = points.with_columns(pl.when(pl.col(column).is_in(keep)).then(pl.col(column))
                                 .otherwise(pl.lit(other)).alias(group))
    order = keep + ([other] if len(keep) < len(values) else [])
    doc = {group: (f"The {what} as the chart colours it: each of the {len(keep)} with the most points, and "
                   f"`{other}` for the rest.", None)}
    return points, alt.Color(f"{group}:N", title=title, sort=order), doc


def frame(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pl.DataFrame:
    return con.sql(sql, params=params).pl() if params else con.sql(sql).pl()


def fit(con: duckdb.DuckDBPyConnection, fit_id: str) -> dict | None:
    cur = con.execute("SELECT * FROM trend_fits WHERE fit_id = ?", [fit_id])
    names = [d[0] for d in cur.description]
    rows = cur.fetchall()
    return dict(zip(names, rows[0])) if rows else None


def trend_line(f: dict, label: str, date_column: str = "release_date") -> pl.DataFrame:
    """The fitted line at its first and last date, as trend_fits stores them."""
    return pl.DataFrame({date_column: [f["start_date"], f["end_date"]],
                         "value": [f["fitted_start_value"], f["fitted_end_value"]], "series": [label, label]})


def level(f: dict) -> str:
    """The interval's level as a reader reads it ("90 %")."""
    return fmt_value(f["interval_level_frac"], "frac")


def figure(con: duckdb.DuckDBPyConnection, figure_id: str) -> float | None:
    rows = con.execute("SELECT value FROM headline_figures WHERE figure_id = ?", [figure_id]).fetchall()
    return rows[0][0] if rows else None


def menu(con: duckdb.DuckDBPyConnection, default_sql: str, options: list[str], label: str,
         name: str = "benchmark") -> tuple[alt.Parameter, str]:
    """A drop-down parameter over ``options`` that opens on the value ``default_sql`` selects (else the first)."""
    default = con.execute(default_sql).fetchall()
    value = default[0][0] if default else (options[0] if options else "")
    return alt.param(name=name, value=value, bind=alt.binding_select(options=options, name=label)), value


def _decades(values: list[float]) -> tuple[int, int]:
    return math.floor(math.log10(min(values))), math.ceil(math.log10(max(values)))


def log_domain(estimates: pl.Series, lows: pl.Series, highs: pl.Series, slack: int = 1) -> tuple[float, float]:
    """The domain of a log axis: the whole decades that enclose the estimates, widened to their intervals by at
    most ``slack`` decades each way, so that a runaway interval (a fit of four points can reach 10^44 a year)
    cannot crush the estimates into a corner. Draw intervals clipped to it and say where they are cut."""
    positive = [v for v in estimates.drop_nulls().to_list() if v > 0]
    if not positive:
        return 1.0, 10.0
    low, high = _decades(positive)
    lows_ = [v for v in lows.drop_nulls().to_list() if v > 0]
    highs_ = [v for v in highs.drop_nulls().to_list() if v > 0]
    low = max(low - slack, _decades(lows_)[0]) if lows_ and min(lows_) < 10.0 ** low else low
    high = min(high + slack, _decades(highs_)[1]) if highs_ and max(highs_) > 10.0 ** high else high
    return 10.0 ** low, 10.0 ** max(high, low + 1)


def short_name(column: str) -> str:
    """SQL for a benchmark's name as a chart label: without the spelled-out expansion in brackets at its end
    ("MMLU (Massive Multitask Language Understanding)" reads "MMLU")."""
    return f"regexp_replace({column}, ' \\(.*\\)$', '')"


def tip(column: str, title: str, unit_code: str | None = None) -> alt.Tooltip:
    """A tooltip of a quantitative column, formatted for its unit (the column's own, from the metadata, unless the
    chart renamed it: then the unit of what it holds)."""
    code = unit_code or column_unit(column)
    return alt.Tooltip(f"{column}:Q", title=title, format=unit(code).axis)


def axis(code: str) -> alt.Axis:
    """A chart axis formatted for a unit of the vocabulary."""
    return alt.Axis(format=unit(code).axis)


def _csv_safe(df: pl.DataFrame) -> pl.DataFrame:
    """Dates as ISO text; no cell a spreadsheet would run as a formula."""
    out = df.with_columns(pl.col(pl.Date).cast(pl.String))
    return out.with_columns(
        pl.when(pl.col(c).str.contains(r"^[=+\-@]")).then("'" + pl.col(c)).otherwise(pl.col(c)).alias(c)
        for c in out.columns if out.schema[c] == pl.String
    )


def render(chart: Chart, name: str, outdir: Path, prefix: str = "") -> str:
    """Write the chart's CSV, SVG and spec into ``outdir``; return its HTML. The spec, with the rows it plots, is
    a script of its own (``<name>.js``) that atlas.js loads when it draws the chart, so that a page carries
    only its text and the charts' images of last resort."""
    import vl_convert as vlc

    outdir.mkdir(parents=True, exist_ok=True)
    spec = chart.spec_dict()
    spec_json = json.dumps(spec, sort_keys=True, default=str)
    (outdir / f"{name}.csv").write_text(_csv_safe(chart.data).write_csv(), encoding="utf-8")
    # JSON is a JavaScript literal; ASCII only, so no line separator can end the string early
    (outdir / f"{name}.js").write_text(f"window.atlasChartSpecLoaded({json.dumps(name)}, {spec_json});\n",
                                       encoding="utf-8")
    # the static image is the slow part: render it only when the spec changed since the last build
    stamp = outdir / f"{name}.svg.sha256"
    digest = hashlib.sha256(spec_json.encode()).hexdigest()
    if not (outdir / f"{name}.svg").exists() or not stamp.exists() or stamp.read_text() != digest:
        (outdir / f"{name}.svg").write_text(vlc.vegalite_to_svg(spec), encoding="utf-8")
        stamp.write_text(digest)
    esc = html.escape
    return figure_html(
        name, None, chart.title, chart.description, takeaway=chart.takeaway, spec_src=f"{prefix}_charts/{name}.js",
        fallback=f'<img src="{prefix}_charts/{esc(name)}.svg" alt="{esc(chart.description)}">',
        after=f'<p class="atlas-chart-description">{esc(chart.description)}</p>\n'
              f'<p class="atlas-chart-links"><a href="{prefix}_charts/{esc(name)}.csv" download>Download the data '
              f'plotted (CSV)</a> ·\n<a href="{prefix}_charts/{esc(name)}.svg">Static image (SVG)</a></p>\n'
              + columns_html(chart))


def _code_html(text: str) -> str:
    """Escaped text with `backticked` words as code."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(" ".join(text.split())))


def columns_html(chart: Chart) -> str:
    """What each column of the chart's CSV holds, and its unit: a table the reader can open under the chart."""
    rows = "".join(f"<tr><td><code>{html.escape(name)}</code></td><td>{_code_html(text)}</td>"
                   f"<td>{html.escape(unit_label)}</td></tr>" for name, text, unit_label in column_docs(chart))
    return ('<details class="atlas-chart-columns"><summary>The columns of the CSV</summary>\n'
            '<div class="table-wrapper"><table class="atlas-table docutils align-default"><thead><tr>'
            '<th class="head">Column</th><th class="head">What it holds</th><th class="head">Unit</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></div></details>")


def figure_html(name: str, spec_json: str | None, title: str, description: str, *, takeaway: str = "",
                fallback: str = "", after: str = "", spec_src: str | None = None) -> str:
    """The markup of every chart of the site, which atlas.js draws with the site's own Vega bundle: a figure
    with its title (and takeaway), the view, ``fallback`` HTML for readers without JavaScript, ``after`` it
    (description, links) and the Vega-Lite spec: a JSON data block in the page (a small chart), or the
    address of the script that holds it (``spec_src``)."""
    esc = html.escape
    caption = f'<span class="atlas-chart-title">{esc(title)}</span>'
    if takeaway:
        caption += f'\n<span class="atlas-chart-takeaway">{esc(takeaway)}</span>'
    source = f' data-spec-src="{esc(spec_src)}"' if spec_src else ""
    parts = [f'<figure class="atlas-chart" id="chart-{esc(name)}">', f"<figcaption>{caption}</figcaption>",
             f'<div class="atlas-chart-view" data-spec-id="spec-{esc(name)}"{source} role="img" '
             f'aria-label="{esc(description)}"></div>', f"<noscript>{fallback}</noscript>"]
    if after:
        parts.append(after)
    if spec_json is not None:
        # no "<", ">" or "&" may reach the page inside the script element
        safe_json = spec_json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        parts.append(f'<script type="application/json" id="spec-{esc(name)}">{safe_json}</script>')
    parts.append("</figure>")
    return "\n".join(parts)


