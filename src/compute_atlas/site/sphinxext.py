"""Sphinx extension: the site reads the published database, read-only.

- At ``builder-inited`` it writes Markdown pages generated from the database
  and the schemas into ``docs/generated/`` (glossary, data dictionary, tables);
  a file is rewritten only when its text changes, so incremental builds stay
  incremental.
- ``{atlas-value}`figure_id``` puts a figure of ``headline_figures`` into
  prose; an unknown name fails the build.
- ``{atlas-chart} name`` embeds a chart of ``compute_atlas.charts``.

Text from the datasets is escaped before it enters Markdown, and raw HTML is
disabled in MyST (conf.py), so dataset text cannot inject markup.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import duckdb
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .. import paths
from ..build.ddl import ident
from ..metadata.units import fmt_value
from ..schemas import RELATIONS

logger = logging.getLogger(__name__)

GENERATED = "generated"
MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:&$=@^%\"'])")


def md_escape(text: object) -> str:
    """Dataset text as literal Markdown: every punctuation character escaped."""
    return MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def cite(keys: str | None) -> str:
    """A citation role for ``;``-separated BibTeX keys (validated as keys by the schemas)."""
    if not keys:
        return ""
    return "{cite:p}`" + ",".join(k for k in keys.split(";") if re.fullmatch(r"[A-Za-z0-9_:.\-]+", k)) + "`"


def connect(app: Sphinx) -> duckdb.DuckDBPyConnection:
    con = getattr(app, "atlas_con", None)
    if con is None:
        db = Path(app.config.atlas_database)
        if not db.exists():
            raise RuntimeError(f"no database at {db}: run `compute-atlas build` (it builds the data first)")
        con = duckdb.connect(str(db), read_only=True)
        app.atlas_con = con
    return con


def write_if_changed(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


# --- generated pages ---------------------------------------------------------


def glossary_md(con: duckdb.DuckDBPyConnection) -> str:
    rows = con.execute("SELECT term_id, term, definition, related_terms, source FROM glossary ORDER BY lower(term)").fetchall()
    terms = {r[0]: r[1] for r in rows}
    out = [":::{glossary}", ":sorted:", ""]
    for _term_id, term, definition, related, source in rows:
        out.append(term)  # the schema restricts terms to plain characters
        body = md_escape(definition) + " " + cite(source)
        if related:
            links = ", ".join("{term}`" + terms[t] + "`" for t in related.split(";") if t in terms)
            body += f" *Related:* {links}."
        out.append("  " + body)
        out.append("")
    out.append(":::")
    return "\n".join(out) + "\n"


def dictionary_md(rel, changed: dict[str, str]) -> str:
    kind = {"raw": "curated dataset", "derived": "derived relation", "bookkeeping": "bookkeeping table"}[rel.kind]
    out = [f"# `{rel.name}`", "", f"*{kind.capitalize()}.* {rel.description}", ""]
    source_file = rel.csv_file or ("references.bib" if rel.name == "references" else None)
    if source_file:
        when = changed.get(source_file)
        out += [f"Edited in `datasets/{source_file}`" + (f"; last changed {when}." if when else "."), ""]
    if rel.key:
        out += ["Key: " + ", ".join(f"`{k}`" for k in rel.key) + ".", ""]
    out += [f"Downloads: {{atlas-download}}`csv/{rel.name}.csv`, {{atlas-download}}`parquet/{rel.name}.parquet`.", ""]
    out += ["## Columns", "", "```{list-table}", ":header-rows: 1", ":class: atlas-table sortable dictionary", "",
            "* - Column", "  - Type", "  - Unit", "  - Description", "  - Checks"]
    for c in rel.columns():
        # descriptions and checks are the schemas' own text (Markdown with `code`), not dataset text
        out += [f"* - `{c.name}`", f"  - {c.sql_type}", f"  - {md_escape(c.unit or '')}",
                f"  - {c.description}", f"  - {c.checks}"]
    out += ["```", ""]
    if rel.kind == "raw":
        out += ["## Data", "", "Every row, values as stored (base units; `source_url` and `notes` are in the "
                "downloads). Click a column header to sort.", "",
                f"```{{include}} ../{GENERATED}/datasets/{rel.name}.md", "```", ""]
    return "\n".join(out)


def dataset_md(con: duckdb.DuckDBPyConnection, rel) -> str:
    """Every row of a curated dataset, values as stored, sources as citations."""
    cols = [c.name for c in rel.columns() if c.name not in ("source_url", "notes")]
    key = ", ".join(rel.key)
    cur = con.execute(f"SELECT {', '.join(cols)} FROM {ident(rel.name)} ORDER BY {key}")
    rows = cur.fetchall()
    if not rows:
        return "*No rows yet.*\n"

    def cell(col, v):
        if v is None:
            return ""
        if col == "source" and rel.name != "references":
            return cite(v)
        if isinstance(v, float):
            return md_escape(f"{v:.6g}")
        if isinstance(v, bool):
            return str(v).lower()
        return md_escape(v)

    out = ["```{list-table}", ":header-rows: 1", ":class: atlas-table sortable dataset", "",
           "* - " + "\n  - ".join(f"`{c}`" for c in cols)]
    for row in rows:
        out.append("* - " + "\n  - ".join(cell(c, v) for c, v in zip(cols, row)))
    out += ["```", ""]
    return "\n".join(out)


def dictionary_index_md() -> str:
    out = ["# Datasets and data dictionary", "",
           "Every table of the database, with each column's type, unit, description and the checks its values "
           "pass. The pages are generated from the schemas in `src/compute_atlas/schemas/`, the same models "
           "that validate the data and write the database's column comments.", "",
           "```{list-table}", ":header-rows: 1", ":class: atlas-table", "", "* - Table", "  - Kind", "  - Description"]
    for rel in RELATIONS:
        out += [f"* - [`{rel.name}`]({rel.name}.md)", f"  - {rel.kind}", f"  - {md_escape(rel.description)}"]
    out += ["```", "", "```{toctree}", ":hidden:", ""] + [rel.name for rel in RELATIONS] + ["```", ""]
    return "\n".join(out)


#: Tables shown in pages: name -> (SQL, [(column, header, unit or None)]).
#: Values are formatted with their unit; `source` becomes citations.
TABLES: dict[str, tuple[str, list[tuple[str, str, str | None]]]] = {
    "accelerators": (
        "SELECT * FROM accelerators ORDER BY release_date, accelerator_id",
        [("name", "Accelerator", None), ("vendor", "Vendor", None), ("release_date", "Released", None),
         ("fp32_flop_per_s", "FP32", "flop_per_s"), ("bf16_flop_per_s", "BF16 (tensor)", "flop_per_s"),
         ("fp8_flop_per_s", "FP8 (tensor)", "flop_per_s"), ("memory_bytes", "Memory", "bytes"),
         ("memory_bandwidth_bytes_per_s", "Bandwidth", "bytes_per_s"), ("tdp_watts", "Power", "watts"),
         ("launch_price_usd", "Launch price", "usd"), ("source", "Source", None)],
    ),
    "trend_comparison": (
        "SELECT * FROM trend_comparison ORDER BY quantity, origin DESC, estimate_id",
        [("quantity", "Quantity", None), ("origin", "Origin", None), ("subset", "Subset", None),
         ("growth_per_year_x", "Growth per year", "factor"), ("growth_per_year_x_low", "Low", "factor"),
         ("growth_per_year_x_high", "High", "factor"), ("interval_level_frac", "Level", "frac"),
         ("doubling_time_years", "Doubling time", "years"), ("year_range", "Years", None),
         ("n_points", "Points", "count"), ("source", "Source", None)],
    ),
    "training_run_costs": (
        """SELECT c.*, r.source FROM training_run_costs c JOIN training_runs r USING (run_id)
           ORDER BY c.publication_date, c.run_id""",
        [("model", "Model", None), ("publication_date", "Published", None), ("accelerator_id", "Hardware", None),
         ("accelerator_count", "Chips", "count"), ("training_duration_hours", "Hours", "hours"),
         ("compute_reported_flop", "Compute", "flop"), ("mfu_frac", "MFU", "frac"),
         ("cloud_cost_usd_2024", "Cloud cost (2024 $)", "usd_2024"),
         ("ownership_cost_usd_2024", "Ownership cost (2024 $)", "usd_2024"),
         ("energy_kwh", "Energy", "kwh"), ("emissions_t_co2e", "Emissions", "t_co2e"),
         ("reported_cost_usd", "Reported cost (nominal $)", "usd"), ("disagreement_flag", ">3× apart", None),
         ("source", "Source", None)],
    ),
    "measured": (
        """SELECT e.*, m.n AS measurements FROM accelerator_efficiency e
           JOIN (SELECT accelerator_id, precision, count(*) AS n FROM measurements GROUP BY ALL) m
           USING (accelerator_id, precision)
           ORDER BY e.accelerator_id, e.precision""",
        [("name", "Accelerator", None), ("precision", "Precision", None), ("peak_flop_per_s", "Quoted peak", "flop_per_s"),
         ("achieved_flop_per_s", "Best achieved", "flop_per_s"), ("achieved_over_peak_frac", "Achieved / peak", "frac"),
         ("measurements", "Measurements", "count")],
    ),
    "technique_summary": (
        "SELECT * FROM technique_summary ORDER BY technique, metric",
        [("technique", "Technique", None), ("metric", "Metric", None), ("n_results", "Results", "count"),
         ("min_x", "Min", "factor"), ("q1_x", "Q1", "factor"), ("median_x", "Median", "factor"), ("q3_x", "Q3", "factor"),
         ("max_x", "Max", "factor"), ("n_sources", "Sources", "count")],
    ),
    "claim_checks": (
        "SELECT * FROM claim_checks ORDER BY claim_id",
        [("claim", "Claim", None), ("low_x", "Claimed low", "factor"), ("high_x", "Claimed high", "factor"),
         ("n_results", "Results", "count"), ("n_within", "Inside", "count"), ("n_below", "Below", "count"),
         ("n_above", "Above", "count"), ("median_x", "Median", "factor"), ("verdict", "Verdict", None)],
    ),
    "technique_effects": (
        "SELECT * FROM technique_effects ORDER BY technique, metric, effect_x",
        [("technique", "Technique", None), ("metric", "Metric", None), ("model", "Model", None),
         ("task", "Task", None), ("effect_x", "Factor", "factor"), ("quality_metric", "Quality metric", None),
         ("quality_baseline", "Quality before", "number"), ("quality_treated", "Quality after", "number"),
         ("source", "Source", None)],
    ),
    "techniques": (
        "SELECT * FROM techniques ORDER BY name",
        [("name", "Technique", None), ("category", "Applies to", None), ("changes", "Changes", None),
         ("description", "What it does", None), ("source", "Introduced in", None)],
    ),
}


def assumptions_md(con: duckdb.DuckDBPyConnection) -> str:
    """One labelled paragraph per assumption, so that prose can link each with {ref}."""
    out = []
    rows = con.execute("SELECT assumption_id, name, value, unit, low, high, description, source FROM assumptions "
                       "ORDER BY assumption_id").fetchall()
    for aid, name, value, unit, low, high, description, source in rows:
        rng = f" (range {low:g} to {high:g})" if low is not None and high is not None else ""
        out += [f"(assumption-{aid})=", "",
                f"**{md_escape(name)}** (`{aid}`): {value:g} {md_escape(unit)}{md_escape(rng)}. "
                f"{md_escape(description)} {cite(source)}", ""]
    return "\n".join(out)


def table_md(con: duckdb.DuckDBPyConnection, name: str) -> str:
    sql, cols = TABLES[name]
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r)) for r in cur.fetchall()]
    if not rows:
        return "*No rows yet.*\n"
    out = ["```{list-table}", ":header-rows: 1", ":class: atlas-table sortable", "",
           "* - " + "\n  - ".join(md_escape(h) for _, h, _ in cols)]
    for row in rows:
        cells = []
        for col, _, unit in cols:
            v = row[col]
            if col == "source" and row.get("origin", "published") == "published":
                cells.append(cite(v))
            elif v is None:
                cells.append("")
            elif unit:
                cells.append(md_escape(fmt_value(v, unit)))
            else:
                cells.append(md_escape(v))
        out.append("* - " + "\n  - ".join(cells))
    out += ["```", ""]
    return "\n".join(out)


def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script, served by the site itself.
    Wrapped in a function scope so that its top-level names cannot clash with
    the theme's scripts; it exports window.vegaEmbed."""
    import vl_convert

    return "/* vega, vega-lite, vega-embed: bundled by vl-convert " + vl_convert.__version__ + " */\n" \
        "(function () {\n" + vl_convert.javascript_bundle() + "\n})();\n"


def generate(app: Sphinx) -> None:
    con = connect(app)
    src = Path(app.srcdir)
    bundle = src / "_static" / "vega-bundle.js"
    import vl_convert

    if not bundle.exists() or vl_convert.__version__ not in bundle.read_text(encoding="utf-8")[:200]:
        write_if_changed(bundle, vega_bundle())
    gen = src / GENERATED
    write_if_changed(gen / "glossary.md", glossary_md(con))
    for name in TABLES:
        write_if_changed(gen / "tables" / f"{name}.md", table_md(con, name))
    write_if_changed(gen / "assumptions.md", assumptions_md(con))
    for rel in RELATIONS:
        if rel.csv_file:
            write_if_changed(gen / "examples" / f"{rel.name}.md", example_md(con, rel))
    write_if_changed(src / "dictionary" / "index.md", dictionary_index_md())
    changed = dict(con.execute("SELECT substr(item, 9), value_text FROM build_info WHERE item LIKE 'changed:%'").fetchall())
    for rel in RELATIONS:
        write_if_changed(src / "dictionary" / f"{rel.name}.md", dictionary_md(rel, changed))
        if rel.kind == "raw":
            write_if_changed(gen / "datasets" / f"{rel.name}.md", dataset_md(con, rel))


# --- roles and directives ----------------------------------------------------


def value_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    app = inliner.document.settings.env.app
    con = connect(app)
    rows = con.execute("SELECT value, unit FROM headline_figures WHERE figure_id = ?", [text.strip()]).fetchall()
    if not rows:
        known = [r[0] for r in con.execute("SELECT figure_id FROM headline_figures ORDER BY 1").fetchall()]
        msg = inliner.reporter.error(f"unknown atlas value {text!r}; known: {', '.join(known)}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    value, unit = rows[0]
    note_input(inliner.document.settings.env, ("value", text.strip()))
    node = nodes.inline(rawtext, fmt_value(value, unit), classes=["atlas-value"])
    node["ids"] = []
    return [node], []


def build_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """A value of ``build_info`` (``schema_version``, ``git_revision``, ``built_at``, ...)."""
    con = connect(inliner.document.settings.env.app)
    rows = con.execute("SELECT value_text FROM build_info WHERE item = ?", [text.strip()]).fetchall()
    if not rows:
        msg = inliner.reporter.error(f"unknown build_info item {text!r}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    note_input(inliner.document.settings.env, ("build", text.strip()))
    return [nodes.literal(rawtext, rows[0][0])], []


def example_md(con: duckdb.DuckDBPyConnection, rel) -> str:
    """A real row of a dataset as it appears in its CSV: the worked example of the contributing guide."""
    cols = [c.name for c in rel.columns()]
    key = ", ".join(rel.key)
    row = con.execute(f"SELECT * FROM {ident(rel.name)} ORDER BY {key} LIMIT 1").fetchall()
    if not row:
        return f"`datasets/{rel.csv_file}` has no rows yet; its header is:\n\n```text\n{','.join(cols)}\n```\n"
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    w.writerow(["" if v is None else (str(v).lower() if isinstance(v, bool) else str(v)) for v in row[0]])
    fence = "````"
    return f"{fence}text\n{buf.getvalue()}{fence}\n"


def download_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """A link to a file the build publishes under ``downloads/`` (exports, the database)."""
    env = inliner.document.settings.env
    path = text.strip()
    prefix = "../" * env.docname.count("/")
    node = nodes.reference(rawtext, path.rsplit("/", 1)[-1], refuri=f"{prefix}downloads/{path}",
                           classes=["atlas-download"])
    return [node], []


def relative_prefix(docname: str) -> str:
    return "../" * docname.count("/")


class ChartDirective(SphinxDirective):
    """Embed a chart: title, takeaway, the interactive view, an SVG fallback and its data."""

    required_arguments = 1
    option_spec = {"height": directives.positive_int}

    def run(self):
        from .charts import CHARTS, render

        name = self.arguments[0]
        if name not in CHARTS:
            raise self.error(f"unknown chart {name!r}; known: {', '.join(sorted(CHARTS))}")
        chart = chart_of(self.env.app, name)
        outdir = Path(self.env.app.outdir) / "_charts"
        html = render(chart, name, outdir, relative_prefix(self.env.docname))
        note_input(self.env, ("chart", name))
        return [nodes.raw("", html, format="html")]


def on_finished(app: Sphinx, exc) -> None:
    con = getattr(app, "atlas_con", None)
    if con is not None:
        con.close()
        app.atlas_con = None
    app.atlas_charts = {}


# --- incremental builds ------------------------------------------------------
# A page is rebuilt when what it read from the database changed, not whenever the database did: each
# page records its inputs (figures, build items, charts) and a digest of their values; a later build
# compares the digests. Generated includes are ordinary dependencies that Sphinx tracks itself.


def note_input(env, item: tuple[str, str]) -> None:
    if not hasattr(env, "atlas_inputs"):
        env.atlas_inputs = {}
    env.atlas_inputs.setdefault(env.docname, set()).add(item)


def chart_of(app: Sphinx, name: str):
    """Each chart is computed once per build."""
    from .charts import CHARTS

    cache = getattr(app, "atlas_charts", None)
    if cache is None:
        cache = app.atlas_charts = {}
    if name not in cache:
        cache[name] = CHARTS[name](connect(app))
    return cache[name]


def inputs_digest(app: Sphinx, items: set[tuple[str, str]]) -> str:
    con = connect(app)
    h = hashlib.sha256()
    for kind, name in sorted(items):
        if kind == "value":
            h.update(repr(con.execute("SELECT value, unit FROM headline_figures WHERE figure_id = ?",
                                      [name]).fetchall()).encode())
        elif kind == "build":
            h.update(repr(con.execute("SELECT value_text FROM build_info WHERE item = ?", [name]).fetchall()).encode())
        else:
            chart = chart_of(app, name)
            h.update(json.dumps([chart.title, chart.takeaway, chart.description, chart.spec.to_dict()],
                                sort_keys=True, default=str).encode())
    return h.hexdigest()


def on_env_get_outdated(app, env, added, changed, removed):
    inputs, digests = getattr(env, "atlas_inputs", {}), getattr(env, "atlas_digests", {})
    return [doc for doc, items in inputs.items()
            if doc in env.found_docs and doc not in changed and digests.get(doc) != inputs_digest(app, items)]


def on_doctree_read(app, doctree) -> None:
    env = app.env
    items = getattr(env, "atlas_inputs", {}).get(env.docname)
    if items:
        if not hasattr(env, "atlas_digests"):
            env.atlas_digests = {}
        env.atlas_digests[env.docname] = inputs_digest(app, items)


def on_purge_doc(app, env, docname) -> None:
    getattr(env, "atlas_inputs", {}).pop(docname, None)
    getattr(env, "atlas_digests", {}).pop(docname, None)


def on_merge_info(app, env, docnames, other) -> None:  # parallel reads are off; kept for completeness
    for attr in ("atlas_inputs", "atlas_digests"):
        mine = getattr(env, attr, {})
        mine.update({d: v for d, v in getattr(other, attr, {}).items() if d in docnames})
        setattr(env, attr, mine)


def setup(app: Sphinx) -> dict:
    app.add_config_value("atlas_database", str(paths.ROOT / "build" / paths.DATABASE_FILE), "env")
    app.connect("builder-inited", generate)
    app.connect("build-finished", on_finished)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("doctree-read", on_doctree_read)
    app.connect("env-purge-doc", on_purge_doc)
    app.connect("env-merge-info", on_merge_info)
    app.add_role("atlas-value", value_role)
    app.add_role("atlas-download", download_role)
    app.add_role("atlas-build", build_role)
    app.add_directive("atlas-chart", ChartDirective)
    return {"version": "0.1", "parallel_read_safe": False, "parallel_write_safe": True}
