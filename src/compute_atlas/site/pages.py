"""Pages generated from the database and the schemas: the glossary, the data dictionary (its index and a
page per relation, with every row of each curated dataset), the assumptions, the contributing guide's
example rows and its list of plausibility checks (from their declarations) with the reviewed exceptions.

At ``builder-inited`` ``generate`` writes them into the Sphinx source folder (``app.srcdir``), which the
site builder keeps under the build folder, never ``docs/``. A file is rewritten only when its text changes,
so incremental builds stay incremental.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import duckdb
from sphinx.application import Sphinx

from ..metadata.fields import SHARED
from ..metadata.units import UNITS, fmt_value
from ..metadata.vocabularies import POINT_EXCLUSIONS
from ..schemas import RELATIONS
from ..sql import ident
from ..validate import plausibility
from ..validate.declared import fill
from .explore import list_html
from .layout import CONTRIBUTING, DICTIONARY, ENTITY_FOLDERS, GENERATED
from .state import connect
from .tables import (
    ROOT_PLACEHOLDER,
    TABLES,
    cite,
    cite_html,
    html_table,
    link_html,
    list_table,
    md_escape,
    md_escape_code,
    raw_html,
    table_md,
    text_html,
)


def write_if_changed(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


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


def dictionary_md(rel, changed: dict[str, str], n_rows: int = 0, current: dict[str, str] | None = None) -> str:
    kind = {"curated": "curated dataset", "derived": "derived relation", "bookkeeping": "bookkeeping table"}[rel.kind]
    out = [f"# `{rel.name}`", "", f"*{kind.capitalize()}.* {rel.description}", ""]
    source_file = rel.csv_file or ("references.bib" if rel.name == "references" else None)
    if source_file:
        when = changed.get(source_file)
        out += [f"Edited in `datasets/{source_file}`" + (f"; last changed {when}." if when else "."), ""]
    if rel.as_of and (current or {}).get(rel.name):
        out += [f"**Data current to {current[rel.name]}** (its newest `{rel.as_of}`).", ""]
    if rel.key:
        out += ["Key: " + ", ".join(f"`{k}`" for k in rel.key) + ".", ""]
    fks = {fk.column: fk for fk in rel.foreign_keys}
    if fks:
        out += ["Foreign keys: " + "; ".join(
            f"`{fk.column}`{' (a `' + fk.sep + '`-separated list)' if fk.sep else ''} → "
            f"[`{fk.table}.{fk.ref_column}`]({fk.table}.md)" for fk in fks.values()) + ".", ""]
    if rel.inputs:
        out += ["Derived from: " + ", ".join(f"[`{name}`]({name}.md)" for name in rel.inputs) + ".", ""]
    used = [*(f"[`{a}`](assumptions.md)" for a in rel.assumptions), *(f"[`{p}`](parameters.md)" for p in rel.parameters)]
    if used:
        out += ["Assumptions and parameters it uses: " + ", ".join(used) + ".", ""]
    out += [f"Downloads: {{atlas-download}}`csv/{rel.name}.csv`, {{atlas-download}}`parquet/{rel.name}.parquet`.", ""]
    out += ["## Columns", ""]
    rows = []
    for c in rel.columns():
        # descriptions and checks are the schemas' own text (Markdown with `code`), not dataset text
        unit = f"[{md_escape(c.unit_label)}](units.md)" if c.unit else md_escape(c.unit_label)
        description = c.full_description
        if c.field:
            description += " [(shared field)](fields.md)"
        checks = c.checks
        if c.name in fks:
            fk = fks[c.name]
            checks = "; ".join(x for x in (checks, f"each a key of [`{fk.table}`]({fk.table}.md)") if x)
        rows.append([f"`{c.name}`", c.sql_type, unit, description, checks])
    out.append(list_table(["Column", "Type", "Unit", "Description", "Checks"], rows, "atlas-table sortable dictionary"))
    if rel.kind == "curated":
        out += ["## Data", "", "Every row, values as stored (base units; `source_url` and `notes` are in the "
                "downloads). Click a column header to sort" + (" the rows of a page" if n_rows > ROWS_PER_PAGE else "")
                + ".", "", *rows_nav(rel.name, n_rows, 1),
                f"```{{include}} ../{GENERATED}/datasets/{rel.name}.md", "```", ""]
    return "\n".join(out)


#: Rows of a dataset on one page of the data dictionary: a larger dataset's rows continue on further pages,
#: so that no page passes the site's weight budget (``site-page-max-bytes``).
ROWS_PER_PAGE = 200


def rows_page_name(rel_name: str, page: int) -> str:
    """The dictionary page of a dataset's rows: page 1 is the relation's own page."""
    return rel_name if page == 1 else f"{rel_name}-rows-{page}"


def rows_nav(rel_name: str, n_rows: int, page: int) -> list[str]:
    """The line that says which rows a page shows and links the others (none for a dataset of one page)."""
    pages = -(-n_rows // ROWS_PER_PAGE)
    if pages <= 1:
        return []
    links = []
    for p in range(1, pages + 1):
        first, last = (p - 1) * ROWS_PER_PAGE + 1, min(p * ROWS_PER_PAGE, n_rows)
        label = f"{first:,}–{last:,}"
        links.append(f"**{label}**" if p == page else f"[{label}]({rows_page_name(rel_name, p)}.md)")
    return [f"Rows {' · '.join(links)} of {n_rows:,}.", ""]


def rows_page_md(rel, n_rows: int, page: int) -> str:
    """A further page of a dataset's rows (not in the table of contents: the relation's page links it)."""
    first, last = (page - 1) * ROWS_PER_PAGE + 1, min(page * ROWS_PER_PAGE, n_rows)
    return "\n".join(["---", "orphan: true", "---", "", f"# `{rel.name}`: rows {first:,}–{last:,}", "",
                      f"The rows of [`{rel.name}`]({rel.name}.md), continued; values as stored.", "",
                      *rows_nav(rel.name, n_rows, page),
                      f"```{{include}} ../{GENERATED}/datasets/{rows_page_name(rel.name, page)}.md", "```", ""])


#: The tables whose rows have a page, and the kind of page.
ENTITY_TABLES = {"accelerators": "accelerator", "training_runs": "model"}


def dataset_md(con: duckdb.DuckDBPyConnection, rel, page: int = 1) -> str:
    """The rows of one page (``ROWS_PER_PAGE``) of a curated dataset, values as stored, sources as citations."""
    cols = [c.name for c in rel.columns() if c.name not in ("source_url", "notes")]
    key = ", ".join(rel.key)
    cur = con.execute(f"SELECT {', '.join(cols)} FROM {ident(rel.name)} ORDER BY {key} "
                      f"LIMIT {ROWS_PER_PAGE} OFFSET {(page - 1) * ROWS_PER_PAGE}")
    rows = cur.fetchall()
    if not rows:
        return "*No rows yet.*\n"

    # a column that holds an accelerator's or a model's id links to its page
    links = {fk.column: ENTITY_TABLES[fk.table] for fk in rel.foreign_keys if fk.table in ENTITY_TABLES and not fk.sep}
    if rel.name in ENTITY_TABLES:
        links[rel.key[0]] = ENTITY_TABLES[rel.name]

    def cell(col, v):
        if v is None:
            return ""
        if col in links:
            return link_html(links[col], v, v)
        if col == "source" and rel.name != "references":
            return cite_html(v)
        if isinstance(v, float):
            return text_html(f"{v:.6g}")
        if isinstance(v, bool):
            return str(v).lower()
        return text_html(v)

    return raw_html(html_table([f'<code class="docutils literal notranslate"><span class="pre">{text_html(c)}</span></code>'
                                for c in cols], [[cell(c, v) for c, v in zip(cols, row)] for row in rows],
                               "atlas-table sortable dataset"))


def dictionary_index_md() -> str:
    out = ["# Datasets and data dictionary", "",
           "Every table of the database, with each column's type, unit, description and the checks its values "
           "pass. The pages are generated from the schemas in `src/compute_atlas/schemas/`, the same models "
           "that validate the data and write the database's column comments.", "",
           list_table(["Table", "Kind", "Description"],
                      [[f"[`{rel.name}`]({rel.name}.md)", rel.kind, md_escape(rel.description)] for rel in RELATIONS],
                      "atlas-table"),
           "The [unit vocabulary](units.md) lists every unit code and how it reads; the [shared "
            "fields](fields.md) are the columns that occur in more than one table, each defined once.", "",
            "```{toctree}", ":hidden:", "", "units", "fields"] + [rel.name for rel in RELATIONS] + ["```", ""]
    return "\n".join(out)


#: A typical value of each unit, to show how it reads.
UNIT_EXAMPLES = {
    "flop": 3.8e24, "effective_flop": 3.8e24, "flop_per_s": 9.894e14, "op_per_s": 1.979e15,
    "flop_per_s_per_usd": 3.3e10, "flop_per_s_per_usd_2024": 3.3e10, "flop_per_s_per_watt": 1.41e12,
    "flop_per_byte": 295, "bytes_per_flop_per_s": 8.1e-5, "bytes": 8e10, "bytes_per_s": 3.35e12, "watts": 700,
    "usd": 2.5e4, "usd_2024": 7.8e7, "usd_per_hour": 2.99, "usd_per_kwh": 0.0806, "kwh": 2.5e7, "t_co2e": 1.2e4,
    "g_co2e_per_kwh": 473, "hours": 2160, "chip_hours": 3.1e7, "years": 2.5, "months": 8, "frac": 0.375,
    "factor": 3, "factor_per_year": 1.35, "oom_per_year": 0.14, "log10_per_year": 0.13, "log10": 12.3,
    "count": 2048, "number": 0.87, "year": 2024, "date": "2024-03-01", "nm": 4, "mm2": 814, "index_points": 313.7,
}


def units_md() -> str:
    """The unit vocabulary: every code, its label, the column suffixes that imply it, an example."""
    out = ["# Units", "", "Every quantity of the atlas is in one of these units. A column's name ends with its unit's "
           "suffix (`_flop_per_s` is FLOP/s), and the column comments, this dictionary, the site's tables and the "
           "charts' axes all take the unit and its format from this vocabulary "
           "(`src/compute_atlas/metadata/units.py`).", ""]
    rows = [[f"`{u.code}`", md_escape(u.label), ", ".join(f"`{x}`" for x in u.suffixes),
             md_escape(u.format(UNIT_EXAMPLES.get(u.code, 2.5)))] for u in UNITS.values()]
    out.append(list_table(["Code", "Unit", "Column suffix", "Example"], rows, "atlas-table sortable"))
    return "\n".join(out)


def fields_md() -> str:
    """The registry of shared fields, with the tables that have each."""
    uses: dict[str, list[str]] = {}
    for rel in RELATIONS:
        for c in rel.columns():
            if c.field:
                uses.setdefault(c.field, []).append(rel.name)
    out = ["# Shared fields", "", "A column that occurs in more than one table is defined once, here "
           "(`src/compute_atlas/metadata/fields.py`): one name means one thing everywhere. A table may add a "
           "sentence or a check, never a second meaning. A derived table that carries a curated column keeps "
           "its checks.", ""]
    for name, f in sorted(SHARED.items()):
        unit = f" Unit: {md_escape(UNITS[f.unit].label)}." if f.unit else ""
        tables = ", ".join(f"[`{t}`]({t}.md)" for t in uses.get(name, []))
        out += [f"**`{name}`** ({md_escape(f.dtype.__name__)}): {f.description}{unit} In: {tables}.", ""]
    return "\n".join(out)


def assumptions_md(con: duckdb.DuckDBPyConnection) -> str:
    """One labelled paragraph per assumption, so that prose can link each with {ref}."""
    out = []
    rows = con.execute("SELECT assumption_id, name, value, unit, low, high, description, source FROM assumptions "
                       "ORDER BY assumption_id").fetchall()
    for aid, name, value, unit, low, high, description, source in rows:
        rng = f" (range {low:g} to {high:g})" if low is not None and high is not None else ""
        out += [f"(assumption-{aid})=", "",
                f"**{md_escape(name)}** (`{aid}`): {md_escape(fmt_value(value, unit))}{md_escape(rng)}. "
                f"{md_escape(description)} {cite(source)}", ""]
    return "\n".join(out)


def example_md(con: duckdb.DuckDBPyConnection, rel) -> str:
    """A real row of a dataset as it appears in its CSV: the worked example of the contributing guide."""
    cols = [c.name for c in rel.columns()]
    key = ", ".join(rel.key)
    row = con.execute(f"SELECT * FROM {ident(rel.name)} ORDER BY {key} LIMIT 1").fetchall()
    if not row:
        return f"`datasets/{rel.csv_file}` has no rows yet; its header is:\n\n```text\n{','.join(cols)}\n```\n"
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    w.writerow(["" if v is None else (str(v).lower() if isinstance(v, bool) else str(v)) for v in row[0]])
    fence = "````"
    return f"{fence}text\n{buf.getvalue()}{fence}\n"


def claims_md(con: duckdb.DuckDBPyConnection) -> str:
    """The claims register: per claim its verdict, the claimed and our figure, the rule and the points."""
    claims = con.execute("""
        SELECT k.*, c.as_quoted, c.quoted_in, c.quoted_date, c.source, c.original_source
        FROM claim_checks k JOIN claims c USING (claim_id) ORDER BY k.topic, k.claim_id""")
    names = [d[0] for d in claims.description]
    out = []
    for row in (dict(zip(names, r)) for r in claims.fetchall()):
        unit = row["unit"]

        def f(x, unit=unit):
            return md_escape(fmt_value(x, unit))

        out += [f"(claim-{row['claim_id']})=", f"### {md_escape(row['statement'])}", ""]
        claimed = " to ".join(f(x) for x in (row["claimed_low"], row["claimed_high"]) if x is not None)
        if row["claim_form"] == "about":
            claimed = f(row["claimed_low"])
        ours = "no figure" if row["our_value"] is None else f(row["our_value"])
        if row["our_low"] is not None:
            kind = "interval" if row["n_points"] == 1 else f"range of {row['n_points']} points"
            ours += f" ({kind} {f(row['our_low'])} to {f(row['our_high'])})"
        elif row["n_points"] > 1:
            ours += f" (median of {row['n_points']} points)"
        lo, hi = row["accepted_low"], row["accepted_high"]
        accepted = f"up to {f(hi)}" if lo is None else f"from {f(lo)} up" if hi is None else f"from {f(lo)} to {f(hi)}"
        out += [f"**Verdict: {row['verdict']}.** {md_escape(row['verdict_reason'])}", "",
                f"Claimed: {md_escape(row['as_quoted'])} ({claimed}; a point agrees {accepted}). Ours: {ours}; "
                f"{row['n_agree']} of {row['n_points']} points agree"
                + (f", {row['n_excluded']} do not count." if row["n_excluded"] else "."), "",
                f"*Rule.* {md_escape_code(row['rule_description'])}"
                + (f" Subset: `{row['check_subset']}`." if row["check_subset"] else ""), "",
                f"*Detail.* {md_escape(row['verdict_detail'])}", ""]
        if row["like_for_like"]:
            out += [f"*Like-for-like.* {md_escape(row['like_for_like'])}", ""]
        quoted = md_escape(row["quoted_in"]) + (f" ({row['quoted_date']})" if row["quoted_date"] else "")
        out += [f"*Quoted in* {quoted} {cite(row['source'])}"
                + (f"; *original source* {cite(row['original_source'])}" if row["original_source"] else "") + ".", ""]
        points = con.execute("""
            SELECT e.label, e.relation, e.value, e.value_low, e.value_high, e.excluded, e.agrees, e.notes,
                   (SELECT list({'id': a.accelerator_id, 'name': a.name} ORDER BY x.i) FROM
                       (SELECT unnest(string_split(e.accelerator_ids, ';')) AS id, generate_subscripts(
                           string_split(e.accelerator_ids, ';'), 1) AS i) x
                    JOIN accelerators a ON a.accelerator_id = x.id),
                   e.run_id, r.model
            FROM claim_evidence e LEFT JOIN training_runs r USING (run_id)
            WHERE e.claim_id = ? ORDER BY e.counts DESC, e.value""", [row["claim_id"]]).fetchall()
        if points:
            body = []
            for label, rel, value, low, high, excluded, agrees, notes, accelerators, run_id, model in points:
                entities = [link_html("accelerator", a["id"], a["name"]) for a in accelerators or []]
                if run_id:
                    entities.append(link_html("model", run_id, model) + f": {text_html(label)}")
                body.append([" / ".join(entities) or text_html(label),
                             f'<a class="reference internal" href="{ROOT_PLACEHOLDER}{DICTIONARY}/{rel}.html">{text_html(rel)}</a>',
                             text_html(fmt_value(value, unit)),
                             "" if low is None else text_html(f"{fmt_value(low, unit)} to {fmt_value(high, unit)}"),
                             "yes" if excluded is None else f"no ({POINT_EXCLUSIONS[excluded]})",
                             "yes" if agrees else "no",
                             text_html(notes or "")])
            out.append(raw_html(html_table(["Point", "From", "Value", "Interval", "Counts", "Agrees", "Notes"], body,
                                           "atlas-table")))
    return "\n".join(out) + "\n"


def entity_index_md(con: duckdb.DuckDBPyConnection, kind: str) -> str:
    """The index of a kind's entity pages: a row and a link per entity."""
    if kind == "accelerator":
        sql = "SELECT accelerator_id, name, vendor, kind, release_date FROM accelerators ORDER BY vendor, release_date, name"
        title, heads = "Every accelerator", ["Accelerator", "Vendor", "Kind", "Released"]
        intro = ("A page for each accelerator of the `accelerators` dataset: its specifications per precision, "
                 "derived metrics, prices over time, measurements, MLPerf results and the runs that used it. "
                 "Each page has a stable address, `accelerators/<accelerator_id>.html`, and a JSON twin, "
                 "`api/accelerators/<accelerator_id>.json` (see the [querying guide](../querying.md)).")
    else:
        sql = ("SELECT run_id, model, replace(organization, ',', ', '), domain, publication_date FROM training_runs "
               "ORDER BY publication_date DESC, model")
        title, heads = "Every model", ["Model", "Organization", "Domain", "Published"]
        intro = ("A page for each model of the catalogue (`training_runs`): its training compute three ways, "
                 "hardware and duration, cost by method, benchmark scores and inference prices. Each page has a "
                 "stable address, `models/<run_id>.html`, and a JSON twin, `api/models/<run_id>.json` "
                 "(see the [querying guide](../querying.md)).")
    rows = con.execute(sql).fetchall()
    explore = " or filter and sort them in the [accelerator list](../accelerators.md)" if kind == "accelerator" else ""
    out = [f"# {title}", "", intro, "", f"[Compare any number side by side](../compare.md){explore}. Click a column "
           "header to sort.", ""]
    body = [[link_html(kind, entity_id, name)] + ["" if v is None else text_html(v) for v in rest]
            for entity_id, name, *rest in rows]
    return "\n".join(out) + "\n" + raw_html(html_table(heads, body, "atlas-table sortable atlas-entity-index"))


def checks_md(con: duckdb.DuckDBPyConnection) -> str:
    """The contributing guide's list of plausibility checks, from their declarations, and the reviewed
    exceptions of the shipped data."""
    ids = list(plausibility.VALIDATION_PARAMETERS)
    values: dict[str, object] = {**dict(con.execute("SELECT parameter_id, value FROM parameters WHERE parameter_id "
                                                    "IN (SELECT unnest(?))", [ids]).fetchall()),
                                 **plausibility.context()}
    n_warn = sum(c.severity == "warning" for c in plausibility.ALL_CHECKS)
    out = ["# Plausibility checks", "",
           f"Besides each column's own checks (type, range, vocabulary, pattern: the [data dictionary]"
           f"(../dictionary/index.md) gives them), the build runs {len(plausibility.ALL_CHECKS)} checks of rows "
           f"across columns and tables. An error stops the build; a warning ({n_warn} checks) asks a reviewer to "
           "confirm the row. Keys, foreign keys, citations, dates and stray characters are checked for every table "
           "from its declaration and are not listed here.", "",
           "A warning that a row trips on purpose (a real chip that breaks a usual ratio) gets a reviewed "
           "exception in `datasets/check_exceptions.csv`: the check's name, the row's key, the reason, the date "
           "it was reviewed and the source. An exception whose warning no longer fires is reported, so remove it "
           "when the data change.", ""]
    checks = []
    for c in plausibility.ALL_CHECKS:
        shown = {**values, **{name: f"⟨{name}⟩" for name, _ in c.details}}
        catches = fill(c.catches or c.message, shown)
        hint = fill(c.hint, shown) if c.hint else ""
        checks.append([f"`{c.name}`", f"[`{c.table}`](../dictionary/{c.table}.md)", c.severity,
                       md_escape_code(catches), md_escape_code(hint)])
    out += [list_table(["Check", "Table", "Severity", "What it catches", "Hint"], checks, "atlas-table sortable"),
            "## Reviewed exceptions", ""]
    rows = con.execute("SELECT check_name, row_key, reason_accepted, reviewed_date, source FROM check_exceptions "
                       "ORDER BY check_name, row_key").fetchall()
    if not rows:
        return "\n".join(out + ["None: every warning of the shipped data is shown.", ""])
    out.append(list_table(["Check", "Row", "Reason", "Reviewed", "Source"],
                          [[f"`{check}`", f"`{key}`", md_escape(reason), str(reviewed), cite(source)]
                           for check, key, reason, reviewed, source in rows], "atlas-table sortable"))
    return "\n".join(out)


def generate(app: Sphinx) -> None:
    con = connect(app)
    src = Path(app.srcdir)
    gen = src / GENERATED
    write_if_changed(gen / "glossary.md", glossary_md(con))
    for name in TABLES:
        write_if_changed(gen / "tables" / f"{name}.md", table_md(con, name))
    write_if_changed(gen / "explore" / "accelerators.md", raw_html(list_html(con)))
    write_if_changed(gen / "assumptions.md", assumptions_md(con))
    write_if_changed(gen / "claims.md", claims_md(con))
    write_if_changed(gen / "run-estimate.md", run_estimate_md(con))
    for rel in RELATIONS:
        if rel.csv_file:
            write_if_changed(gen / "examples" / f"{rel.name}.md", example_md(con, rel))
    write_if_changed(src / ENTITY_FOLDERS[0] / "index.md", entity_index_md(con, "accelerator"))
    write_if_changed(src / ENTITY_FOLDERS[1] / "index.md", entity_index_md(con, "model"))
    write_if_changed(src / DICTIONARY / "index.md", dictionary_index_md())
    write_if_changed(src / DICTIONARY / "units.md", units_md())
    write_if_changed(src / DICTIONARY / "fields.md", fields_md())
    write_if_changed(src / CONTRIBUTING / "checks.md", checks_md(con))
    changed = dict(con.execute("SELECT substr(item, 9), value_text FROM build_info WHERE item LIKE 'changed:%'").fetchall())
    current = dict(con.execute(
        "SELECT substr(item, 12), value_text FROM build_info WHERE item LIKE 'current_to:%'").fetchall())
    for rel in RELATIONS:
        n_rows = con.execute(f"SELECT count(*) FROM {ident(rel.name)}").fetchone()[0] if rel.kind == "curated" else 0
        write_if_changed(src / DICTIONARY / f"{rel.name}.md", dictionary_md(rel, changed, n_rows, current))
        if rel.kind != "curated":
            continue
        pages = max(1, -(-n_rows // ROWS_PER_PAGE))
        for page in range(1, pages + 1):
            name = rows_page_name(rel.name, page)
            write_if_changed(gen / "datasets" / f"{name}.md", dataset_md(con, rel, page))
            if page > 1:
                write_if_changed(src / DICTIONARY / f"{name}.md", rows_page_md(rel, n_rows, page))
        # the further pages of an older, longer version of the dataset go
        for stale in (src / DICTIONARY).glob(f"{rel.name}-rows-*.md"):
            if not stale.stem.removeprefix(f"{rel.name}-rows-").isdigit() or \
                    int(stale.stem.removeprefix(f"{rel.name}-rows-")) > pages:
                stale.unlink()
                (gen / "datasets" / stale.name).unlink(missing_ok=True)


# --- the compare page's worked example: one training run on the engineer's five chips ---------------------------

#: The compare page's worked example: a training run of this many FLOP on each of these chips, estimated by
#: ``compute_atlas.estimator`` from the database (at the prices nearest the build's date).
EXAMPLE_RUN_FLOP = 1e24
EXAMPLE_RUN_CHIPS = ("nvidia-h100-sxm5-80gb", "nvidia-h200-sxm-141gb", "nvidia-b200", "amd-mi300x", "google-tpu-v5p")


def run_estimates(con: duckdb.DuckDBPyConnection) -> list[tuple[str, object]]:
    """``(accelerator_id, Estimate or the reason there is none)`` of the worked example, per chip, all at the cost
    model's default utilization (``default-mfu``), so that the chips compare like with like (a measured matrix
    multiply is an upper bound of a whole job's, and the atlas has one for some chips only)."""
    from ..estimator import Atlas, EstimateError, estimate
    from .state import built_at

    built = built_at(con)[:10]
    mfu = con.execute("SELECT value FROM assumptions WHERE assumption_id = 'default-mfu'").fetchall()[0][0]
    db = Atlas(con, Path("site build"))
    out: list[tuple[str, object]] = []
    for aid in EXAMPLE_RUN_CHIPS:
        try:
            out.append((aid, estimate(flop=EXAMPLE_RUN_FLOP, accelerator=aid, date=built, utilization=mfu, db=db)))
        except EstimateError as exc:
            out.append((aid, str(exc)))
    return out


def three_figures(v: float) -> str:
    """A count to three significant figures with thousands separators: 349,626 -> 350,000."""
    return f"{float(f'{v:.3g}'):,.0f}"


def span(r, fmt) -> str:
    """A range as the page shows it: the central value, then low to high where they differ."""
    if r is None or r.value is None:
        return "not in the atlas"
    text = fmt(r.value)
    if r.low is not None and r.high is not None and fmt(r.low) != fmt(r.high):
        text += f" ({fmt(r.low)} to {fmt(r.high)})"
    return text


def run_estimate_md(con: duckdb.DuckDBPyConnection) -> str:
    """The worked example as a table: per chip, chip-hours, energy, emissions, the on-demand cloud cost and the
    cost of owning the hardware, costs with the range of the prices they rest on; what the atlas lacks, said."""
    rows = run_estimates(con)
    mfu = next((e.utilization.value for _, e in rows if not isinstance(e, str)), None)
    out = [f"Every chip at {fmt_value(mfu, 'frac')} utilization of its dense BF16 peak.\n" if mfu else "",
           "| Accelerator | Chip-hours | Energy | Emissions | Cloud, on demand | Owning the hardware |",
           "| --- | --- | --- | --- | --- | --- |"]
    usd = lambda v: "$" + three_figures(v) if abs(v) < 1e6 else fmt_value(v, "usd")  # noqa: E731
    for aid, e in rows:
        if isinstance(e, str):
            out.append(f"| {{atlas-accelerator}}`{aid}` | {e} | | | | |")
            continue
        out.append(f"| {{atlas-accelerator}}`{e.accelerator_name} <{aid}>` | {span(e.chip_hours, three_figures)} | "
                   f"{span(e.energy_kwh, lambda v: fmt_value(v, 'kwh'))} | "
                   f"{span(e.emissions_kg_co2e.times(1e-3), lambda v: fmt_value(v, 't_co2e'))} | "
                   f"{span(e.cost_usd_by_pricing.get('on_demand'), usd)} | "
                   f"{span(e.cost_usd_by_pricing.get('ownership'), usd)} |")
    return "\n".join(out) + "\n"
