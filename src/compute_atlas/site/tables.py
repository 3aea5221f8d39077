"""The tables that pages include, and the escaping of dataset text.

Text from the datasets is escaped before it enters Markdown, and raw HTML is
disabled in MyST (conf.py), so dataset text cannot inject markup.

Every table of data rows the site generates is written by one renderer, ``html_table``, from cells already escaped
(``text_html``, or ``display`` for a value with its unit): the tables of the generated includes (inside a
``{raw} html`` block, ``raw_html``: docutils takes seconds to parse a Markdown list-table of a thousand rows,
and the dataset pages hold several) and the tables of the entity pages alike. Their citations and the links to entity pages are
placeholders that the extension resolves when the page is written (``CITE``, ``ROOT_PLACEHOLDER``): the citation is then
exactly what ``{cite:p}`` renders, with the link relative to the page.
"""

from __future__ import annotations

import html
import re

import duckdb

from ..metadata.units import fmt_value
from ..schemas import column_unit

MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:&$=@^%\"'])")


def md_escape(text: object) -> str:
    """Dataset text as literal Markdown: every punctuation character escaped."""
    return MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def md_escape_code(text: object) -> str:
    """Text of our own code with `backtick` spans kept as code and the rest escaped like ``md_escape``."""
    def plain(p: str) -> str:  # escaped, keeping the spaces that part it from the code spans
        return (" " if p[:1].isspace() else "") + md_escape(p) + (" " if p[-1:].isspace() and p.strip() else "")

    return "".join(f"`{p}`" if i % 2 else plain(p) for i, p in enumerate(str(text).split("`")))


def cite(keys: str | None) -> str:
    """A citation role for ``;``-separated BibTeX keys (validated as keys by the schemas)."""
    if not keys:
        return ""
    return "{cite:p}`" + ",".join(k for k in keys.split(";") if re.fullmatch(r"[A-Za-z0-9_:.\-]+", k)) + "`"


#: Where the site's root is, relative to the page (the extension fills it in when it writes the page).
ROOT_PLACEHOLDER = "<!--atlas-root-->"
#: A citation of ``;``-separated keys, resolved by sphinxcontrib-bibtex when the page is written.
CITE = re.compile(r"<!--atlas-cite:([A-Za-z0-9_:.;\-]+)-->")
KEY = re.compile(r"[A-Za-z0-9_:.\-]+")
FOLDERS = {"accelerator": "accelerators", "model": "models"}


def text_html(value: object) -> str:
    return html.escape(" ".join(str(value).split()))


def cite_html(keys: str | None) -> str:
    """The placeholder of a citation (see ``CITE``)."""
    if not keys:
        return ""
    valid = ";".join(k for k in keys.split(";") if KEY.fullmatch(k))
    return f"<!--atlas-cite:{valid}-->" if valid else ""


def link_html(kind: str, ident: str, text: object) -> str:
    """A link to an entity's page (its id is a key the schemas validated)."""
    return (f'<a class="reference internal atlas-entity-link" href="{ROOT_PLACEHOLDER}{FOLDERS[kind]}/'
            f'{html.escape(str(ident), quote=True)}.html">{text_html(text)}</a>')


def display(value: object, unit_code: str | None = None) -> str:
    """A value as the site's tables show it (not yet escaped): formatted with its unit from the vocabulary,
    booleans as yes or no, other floats to four significant figures, nothing for a missing value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if unit_code:
        return fmt_value(value, unit_code)
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def html_table(headers: list[str], rows: list[list[str]], classes: str, *, row_headers: bool = False) -> str:
    """The site's one table renderer: a table of already-escaped cells (``headers`` may be empty: no header
    row). With ``row_headers`` the first cell of each row is its header (a record: field | value)."""
    out = [f'<div class="table-wrapper"><table class="{classes} docutils align-default">']
    if headers:
        out.append("<thead><tr>" + "".join(f'<th class="head">{h}</th>' for h in headers) + "</tr></thead>")
    out.append("<tbody>")
    for row in rows:
        head, cells = (f"<th>{row[0]}</th>", row[1:]) if row_headers else ("", row)
        out.append("<tr>" + head + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)


def list_table(headers: list[str], rows: list[list[str]], classes: str) -> str:
    """A table of Markdown cells (MyST's list-table) for the generated pages whose cells hold cross-references
    and code that Sphinx resolves (the data dictionary's): short tables of the schemas' own text. Tables of
    data rows, which would take docutils seconds to parse, are ``html_table``."""
    out = ["```{list-table}", ":header-rows: 1", f":class: {classes}", ""]
    for row in [headers, *rows]:
        out += [f"* - {row[0]}", *(f"  - {cell}" for cell in row[1:])]
    return "\n".join([*out, "```", ""])


def raw_html(text: str) -> str:
    """HTML as a raw block of a generated Markdown include."""
    return f"`````{{raw}} html\n{text}\n`````\n"


#: Tables shown in pages: name -> (SQL, [(column, header)]). Each value is formatted with its column's unit
#: from the metadata (one column name means one thing, so the name finds its unit); `source` becomes citations.
TABLES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "trend_comparison": (
        "SELECT * FROM trend_comparison ORDER BY quantity, origin DESC, estimate_id",
        [("quantity", "Quantity"), ("origin", "Origin"), ("subset", "Subset"),
         ("growth_per_year_x", "Growth per year"), ("growth_per_year_x_low", "Low"),
         ("growth_per_year_x_high", "High"), ("interval_level_frac", "Level"),
         ("doubling_time_years", "Doubling time"), ("year_range", "Years"),
         ("n_points", "Points"), ("source", "Source")],
    ),
    "training_run_costs": (
        """SELECT c.*, r.source FROM training_run_costs c JOIN training_runs r USING (run_id)
           WHERE c.cost_estimate_usd_2024 IS NOT NULL OR c.disagreement_flag
           ORDER BY c.publication_date, c.run_id""",
        [("model", "Model"), ("publication_date", "Published"), ("accelerator_id", "Hardware"),
         ("accelerator_count", "Chips"), ("training_duration_hours", "Hours"),
         ("compute_reported_flop", "Compute"), ("mfu_frac", "MFU"),
         ("cloud_cost_usd_2024", "Cloud cost"),
         ("ownership_cost_usd_2024", "Ownership cost"),
         ("energy_kwh", "Energy"), ("emissions_t_co2e", "Emissions"),
         ("reported_cost_usd", "Reported cost"), ("disagreement_flag", "Reported and estimated disagree"),
         ("source", "Source")],
    ),
    "measured": (
        "SELECT * FROM achieved_vs_peak ORDER BY achieved_over_peak_frac DESC, accelerator_id, precision",
        [("name", "Accelerator"), ("precision", "Precision"), ("peak_flop_per_s", "Quoted dense peak"),
         ("achieved_flop_per_s", "Best achieved"), ("achieved_over_peak_frac", "Achieved / peak"),
         ("provenance", "Measured by"), ("n_measurements", "Measurements"), ("source", "Source")],
    ),
    "trend_replications": (
        """SELECT r.*, s.rationale FROM trend_replications r JOIN replication_subsets s USING (trend_id)
           ORDER BY r.intervals_overlap DESC, r.quantity, r.trend_id""",
        [("label", "Published estimate"), ("published_growth_per_year_x", "Published growth per year"),
         ("published_growth_per_year_x_low", "Low"), ("published_growth_per_year_x_high", "High"),
         ("growth_per_year_x", "Ours"), ("growth_per_year_x_low", "Low"), ("growth_per_year_x_high", "High"),
         ("n_points", "Points"), ("overlap_rule", "Judged by"), ("intervals_overlap", "Agree"),
         ("rationale", "How the subset matches the source"),
         ("source", "Source")],
    ),
    "trend_replications_disagreeing": (
        """SELECT * FROM trend_replications WHERE intervals_overlap IS NOT TRUE ORDER BY quantity, trend_id""",
        [("label", "Published estimate"), ("published_growth_per_year_x", "Published growth per year"),
         ("growth_per_year_x", "Ours"), ("growth_per_year_x_low", "Low"), ("growth_per_year_x_high", "High"),
         ("overlap_rule", "Judged by"), ("known_differences", "What still differs"), ("source", "Source")],
    ),
    "technique_summary": (
        "SELECT * FROM technique_summary ORDER BY technique, metric",
        [("technique", "Technique"), ("metric", "Metric"), ("n_results", "Results"),
         ("min_x", "Min"), ("q1_x", "Q1"), ("median_x", "Median"), ("q3_x", "Q3"),
         ("max_x", "Max"), ("n_sources", "Sources")],
    ),
    "claim_checks": (
        """SELECT k.*, c.as_quoted FROM claim_checks k JOIN claims c USING (claim_id)
           ORDER BY CASE k.verdict WHEN 'holds' THEN 0 WHEN 'holds in part' THEN 1 WHEN 'does not hold' THEN 2
                    ELSE 3 END, k.topic, k.claim_id""",
        [("statement", "Claim"), ("topic", "Topic"), ("as_quoted", "Claimed"), ("our_value", "Ours"),
         ("our_low", "Low"), ("our_high", "High"), ("n_points", "Points"), ("n_agree", "Agree"),
         ("verdict", "Verdict"), ("verdict_reason", "Why")],
    ),
    "technique_effects": (
        "SELECT * FROM technique_effects ORDER BY technique, metric, effect_x",
        [("technique", "Technique"), ("metric", "Metric"), ("model", "Model"),
         ("task", "Task"), ("effect_x", "Factor"), ("quality_metric", "Quality metric"),
         ("quality_baseline", "Quality before"), ("quality_treated", "Quality after"),
         ("source", "Source")],
    ),
    "techniques": (
        "SELECT * FROM techniques ORDER BY name",
        [("name", "Technique"), ("category", "Applies to"), ("changes", "Changes"),
         ("description", "What it does"), ("source", "Introduced in")],
    ),
    "benchmarks": (
        """SELECT b.*, count(r.run_id) AS n_results FROM benchmarks b LEFT JOIN benchmark_results r USING (benchmark_id)
           GROUP BY ALL ORDER BY b.domain, b.benchmark_id""",
        [("name", "Benchmark"), ("measures", "What it measures"), ("score_unit", "Unit"),
         ("scale_min", "Lowest"), ("scale_max", "Highest"), ("chance_score", "Chance"),
         ("n_results", "Results"), ("source", "Source")],
    ),
    "algorithmic_progress": (
        """SELECT a.*, b.name, p.source,
                  CAST(year(a.window_start) AS VARCHAR) || '–' || CAST(year(a.window_end) AS VARCHAR) AS year_range
           FROM algorithmic_progress a JOIN benchmarks b USING (benchmark_id)
           LEFT JOIN published_trends p ON p.trend_id = a.published_trend_id
           ORDER BY b.domain, a.benchmark_id, a.fit_method""",
        [("name", "Benchmark"), ("fit_method", "Method"), ("era", "Era"), ("halving_time_months", "Halving time"),
         ("halving_time_months_low", "Low"), ("halving_time_months_high", "High"), ("n_models", "Models"),
         ("year_range", "Years"), ("published_halving_time_months", "Published"),
         ("published_halving_time_months_low", "Low"), ("published_halving_time_months_high", "High"),
         ("intervals_overlap", "Overlap"), ("notes", "Note"), ("source", "Published in")],
    ),
    "inference_price_trends": (
        """SELECT t.*, b.name, p.source,
                  CAST(year(t.window_start) AS VARCHAR) || '–' || CAST(year(t.window_end) AS VARCHAR) AS year_range
           FROM inference_price_trends t JOIN benchmarks b USING (benchmark_id)
           LEFT JOIN published_trends p ON p.trend_id = t.published_trend_id ORDER BY t.benchmark_id, t.threshold_score""",
        [("name", "Benchmark"), ("threshold_score", "Score at least"), ("decline_per_year_x", "Falls per year"),
         ("decline_per_year_x_low", "Low"), ("decline_per_year_x_high", "High"), ("n_points", "Record setters"),
         ("year_range", "Years"), ("published_decline_per_year_x", "Published"),
         ("published_decline_per_year_x_low", "Low"), ("published_decline_per_year_x_high", "High"),
         ("intervals_overlap", "Overlap"), ("notes", "Note"), ("source", "Published in")],
    ),
    "inference_price_replication": (
        """SELECT t.*, b.name, r.model || coalesce(' (' || h.reference_model_version || ')', '') AS reference,
                  h.published_threshold_score, h.replication_note,
                  strftime(h.published_window_start, '%Y-%m') || ' to ' || strftime(h.published_window_end, '%Y-%m')
                      AS published_window
           FROM inference_price_trends t JOIN benchmarks b USING (benchmark_id)
           JOIN inference_thresholds h USING (threshold_id) JOIN training_runs r ON r.run_id = h.reference_run_id
           ORDER BY t.replication_agrees IS NULL, b.name, h.published_threshold_score""",
        [("name", "Benchmark"), ("reference", "Reference model"), ("published_threshold_score", "Their threshold"),
         ("threshold_score", "Ours"), ("published_window", "Their window"),
         ("published_decline_per_year_x", "Published fall per year"), ("published_decline_per_year_x_low", "Low"),
         ("published_decline_per_year_x_high", "High"), ("replication_decline_per_year_x", "Replicated"),
         ("replication_decline_per_year_x_low", "Low"), ("replication_decline_per_year_x_high", "High"),
         ("replication_n_points", "Record setters"), ("replication_agrees", "Agree"),
         ("replication_note", "Why they differ")],
    ),
    "inference_energy_summary": (
        "SELECT * FROM inference_energy_summary ORDER BY release_date, accelerator_id, size_class",
        [("name", "Accelerator"), ("size_class", "Model size"), ("energy_scope", "Energy covers"),
         ("n_configs", "Configurations"), ("n_models", "Models"), ("median_kwh_per_mtok", "Median energy"),
         ("min_kwh_per_mtok", "Lowest"), ("max_kwh_per_mtok", "Highest"),
         ("median_energy_cost_usd_per_mtok", "Energy cost"), ("energy_cost_low_usd_per_mtok", "Cheapest region"),
         ("energy_cost_high_usd_per_mtok", "Dearest region"), ("median_emissions_g_co2e_per_mtok", "Emissions"),
         ("median_rental_usd_per_mtok", "Hardware rental"), ("electricity_share_frac", "Electricity's share")],
    ),
}


#: Cells that name an accelerator or a model link to its page: table -> {column: (kind, id column)}.
LINKS: dict[str, dict[str, tuple[str, str]]] = {
    "training_run_costs": {"model": ("model", "run_id"), "accelerator_id": ("accelerator", "accelerator_id")},
    "measured": {"name": ("accelerator", "accelerator_id")},
    "technique_effects": {"accelerator_id": ("accelerator", "accelerator_id")},
    "inference_energy_summary": {"name": ("accelerator", "accelerator_id")},
}


def table_md(con: duckdb.DuckDBPyConnection, name: str) -> str:
    sql, cols = TABLES[name]
    links = LINKS.get(name, {})
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r)) for r in cur.fetchall()]
    if not rows:
        return "*No rows yet.*\n"
    units = {col: column_unit(col) for col, _ in cols}
    body = []
    for row in rows:
        cells = []
        for col, _ in cols:
            v = row[col]
            if col == "source" and row.get("origin", "published") == "published":
                cells.append(cite_html(v))
            elif v is not None and col in links and row.get(links[col][1]):
                cells.append(link_html(links[col][0], row[links[col][1]], v))
            else:  # a float without a unit of its column takes the row's unit, where the row names one
                cells.append(text_html(display(v, units[col] or (row.get("unit") if isinstance(v, float) else None))))
        body.append(cells)
    return raw_html(html_table([text_html(h) for _, h in cols], body, "atlas-table sortable"))
