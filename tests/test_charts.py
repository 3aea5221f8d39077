"""The site's charts as specs, from the built database: series no more than the palette's colours, tooltips
rounded and titled, each column of a chart's CSV described with its unit, and the colours atlas.js needs for a
dark page or a narrow column carried by every chart."""

import math
import re
from collections.abc import Iterator

import duckdb
import polars as pl
import pytest

from compute_atlas.site.charts import CHARTS
from compute_atlas.site.charts.common import PALETTE, USERMETA, column_docs


@pytest.fixture(scope="module")
def charts(built):
    con = duckdb.connect(str(built / "compute_atlas.duckdb"), read_only=True)
    out = {name: make(con) for name, make in CHARTS.items()}
    con.close()
    return out


def encodings(spec: dict) -> Iterator[dict]:
    """Every ``encoding`` block of a spec, its layers and its concatenated views."""
    if isinstance(spec, dict):
        if isinstance(spec.get("encoding"), dict):
            yield spec["encoding"]
        for key in ("layer", "hconcat", "vconcat", "concat"):
            for part in spec.get(key, []):
                yield from encodings(part)
        if isinstance(spec.get("spec"), dict):
            yield from encodings(spec["spec"])


def menu_fields(spec: dict) -> list[str]:
    """The columns a chart's menu filters on: a filter ``datum.<column> === <parameter bound to a menu>``."""
    menus = {p["name"] for p in json_nodes(spec, "params") if isinstance(p, dict) and p.get("bind")}
    return sorted({column for f in json_nodes(spec, "filter") if isinstance(f, str)
                   for column, name in re.findall(r"datum\.(\w+) === (\w+)", f) if name in menus})


def json_nodes(node, key: str) -> Iterator:
    """Every value under ``key`` anywhere in a spec (a list's items one by one)."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                yield from (v if isinstance(v, list) else [v])
            else:
                yield from json_nodes(v, key)
    elif isinstance(node, list):
        for v in node:
            yield from json_nodes(v, key)


def test_no_more_series_than_colours(charts):
    """Counted in what the chart shows at once: per choice of its menu, where it has one."""
    for name, chart in charts.items():
        spec = chart.spec_dict()
        shown = menu_fields(spec)
        for enc in encodings(spec):
            colour = enc.get("color")
            if not isinstance(colour, dict) or colour.get("type") != "nominal" or colour.get("field") not in chart.data.columns:
                continue
            scale = colour.get("scale") or {}
            colours = len(scale["range"]) if isinstance(scale.get("range"), list) else len(PALETTE)
            data = chart.data.drop_nulls(colour["field"])
            n = data.group_by(shown).agg(pl.col(colour["field"]).n_unique())[colour["field"]].max() if shown else \
                data[colour["field"]].n_unique()
            assert (n or 0) <= colours, f"{name}: {n} series of {colour['field']} share {colours} colours"


def test_tooltips_are_rounded_and_titled(charts):
    for name, chart in charts.items():
        for enc in encodings(chart.spec_dict()):
            tips = enc.get("tooltip") or []
            for tip in tips if isinstance(tips, list) else [tips]:
                if not isinstance(tip, dict) or "field" not in tip:
                    continue
                assert tip.get("title"), f"{name}: the tooltip of {tip['field']} has no title (the reader would see the column name)"
                column = chart.data.schema.get(tip["field"])
                if tip.get("type") == "quantitative" and column is not None and column.is_float():
                    assert tip.get("format"), f"{name}: the tooltip of {tip['field']} is not rounded"


def test_every_column_of_a_chart_is_described_with_its_unit(charts):
    for name, chart in charts.items():
        docs = column_docs(chart)
        assert [d[0] for d in docs] == chart.data.columns
        for column, description, unit_label in docs:
            assert len(description) > 10, (name, column)
            assert unit_label, (name, column)


def test_every_chart_carries_its_dark_and_narrow_colours(charts):
    for name, chart in charts.items():
        spec = chart.spec_dict()
        assert spec.get("usermeta") == USERMETA, name
        config = USERMETA["atlas"]["dark"]["config"]
        assert config["axis"]["labelColor"] != spec["config"]["axis"]["labelColor"]


def test_the_columns_table_under_a_chart_names_every_column_and_unit(charts):
    from compute_atlas.site.charts.common import columns_html

    chart = charts["cloud-prices"]
    table = columns_html(chart)
    for column, _, unit_label in column_docs(chart):
        assert f"<code>{column}</code>" in table and f"<td>{unit_label}</td>" in table
    assert "<code>price_usd_per_hour</code>" in table and "<td>USD per accelerator-hour (nominal)</td>" in table


#: A value that reads as an identifier: lower-case words joined by `-`, `_` or `:` (a slug, a column name, a
#: fit id), which a legend must not show a reader.
IDENTIFIER = re.compile(r"^[a-z0-9]+(?:[-_:][a-z0-9.]+)+$")


def test_legends_and_axes_name_things_as_readers_do(charts):
    for name, chart in charts.items():
        for enc in encodings(chart.spec_dict()):
            for channel in ("color", "strokeDash", "shape", "size", "x", "y"):
                e = enc.get(channel)
                if not isinstance(e, dict) or e.get("type") != "nominal" or e.get("field") not in chart.data.columns:
                    continue
                shown = [v for v in chart.data[e["field"]].drop_nulls().unique().to_list()
                         if isinstance(v, str) and IDENTIFIER.match(v)]
                assert not shown, f"{name}: the {channel} legend or axis shows identifiers: {shown[:3]}"


#: The most decades a log axis may span: beyond it the estimates that matter are crushed into a corner (a fit of
#: four record setters has an interval reaching 10^44 a year).
MAX_DECADES = 12


def log_axes(spec: dict) -> Iterator[tuple[dict, list[str]]]:
    """Each log-scale position encoding of a spec with the fields drawn on it (x with x2, y with y2)."""
    for enc in encodings(spec):
        for channel in ("x", "y"):
            e = enc.get(channel)
            if isinstance(e, dict) and e.get("scale", {}).get("type") == "log":
                second = enc.get(channel + "2")
                fields = [e.get("field")] + ([second.get("field")] if isinstance(second, dict) else [])
                yield e, [f for f in fields if f]


def test_a_log_axis_spans_what_it_shows(charts):
    """No log axis spans more than MAX_DECADES decades, and every value drawn on one with a fixed domain lies
    inside it (an interval beyond the edge is cut in the data, not drawn past the axis)."""
    for name, chart in charts.items():
        spec = chart.spec_dict()
        records = [r for rows in spec.get("datasets", {}).values() for r in rows]
        for e, fields in log_axes(spec):
            values = [r[f] for r in records for f in fields if isinstance(r.get(f), (int, float)) and r[f] > 0]
            if not values:
                continue
            domain = e["scale"].get("domain")
            low, high = (domain if isinstance(domain, list) else (min(values), max(values)))
            assert math.log10(high / low) <= MAX_DECADES, f"{name}: {e['field']} spans {low:g} to {high:g}"
            if isinstance(domain, list):
                outside = [v for v in values if not low * (1 - 1e-9) <= v <= high * (1 + 1e-9)]
                assert not outside, f"{name}: {e['field']} draws {outside[:3]} outside its axis {domain}"
