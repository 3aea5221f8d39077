"""The tables that pages include, and the Markdown escaping of dataset text.

Text from the datasets is escaped before it enters Markdown, and raw HTML is
disabled in MyST (conf.py), so dataset text cannot inject markup.
"""

from __future__ import annotations

import re

import duckdb

from ..metadata.units import fmt_value

MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:&$=@^%\"'])")


def md_escape(text: object) -> str:
    """Dataset text as literal Markdown: every punctuation character escaped."""
    return MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def cite(keys: str | None) -> str:
    """A citation role for ``;``-separated BibTeX keys (validated as keys by the schemas)."""
    if not keys:
        return ""
    return "{cite:p}`" + ",".join(k for k in keys.split(";") if re.fullmatch(r"[A-Za-z0-9_:.\-]+", k)) + "`"


#: Tables shown in pages: name -> (SQL, [(column, header, unit or None)]).
#: Values are formatted with their unit; `source` becomes citations.
TABLES: dict[str, tuple[str, list[tuple[str, str, str | None]]]] = {
    "accelerators": (
        "SELECT * FROM accelerators ORDER BY release_date, accelerator_id",
        [("name", "Accelerator", None), ("vendor", "Vendor", None), ("release_date", "Released", None),
         ("fp32_flop_per_s", "FP32", "FLOP/s"), ("bf16_flop_per_s", "BF16 (tensor)", "FLOP/s"),
         ("fp8_flop_per_s", "FP8 (tensor)", "FLOP/s"), ("memory_bytes", "Memory", "bytes"),
         ("memory_bandwidth_bytes_per_s", "Bandwidth", "bytes/s"), ("tdp_watts", "Power", "W"),
         ("launch_price_usd", "Launch price", "USD"), ("source", "Source", None)],
    ),
    "trend_comparison": (
        "SELECT * FROM trend_comparison ORDER BY quantity, origin DESC, estimate_id",
        [("quantity", "Quantity", None), ("origin", "Origin", None), ("subset", "Subset", None),
         ("growth_per_year_x", "Growth per year", "x"), ("growth_per_year_x_low", "Low", "x"),
         ("growth_per_year_x_high", "High", "x"), ("interval_level_frac", "Level", "fraction"),
         ("doubling_time_years", "Doubling time", "years"), ("years", "Years", None),
         ("n_points", "Points", "count"), ("source", "Source", None)],
    ),
    "training_run_costs": (
        """SELECT c.*, r.source FROM training_run_costs c JOIN training_runs r USING (run_id)
           ORDER BY c.publication_date, c.run_id""",
        [("model", "Model", None), ("publication_date", "Published", None), ("accelerator_id", "Hardware", None),
         ("accelerator_count", "Chips", "count"), ("training_duration_hours", "Hours", "count"),
         ("compute_reported_flop", "Compute", "FLOP"), ("mfu_frac", "MFU", "fraction"),
         ("cloud_cost_usd_2024", "Cloud cost (2024 $)", "USD (2024)"),
         ("ownership_cost_usd_2024", "Ownership cost (2024 $)", "USD (2024)"),
         ("energy_kwh", "Energy (kWh)", "count"), ("emissions_t_co2e", "tCO2e", "count"),
         ("reported_cost_usd", "Reported cost (nominal $)", "USD"), ("disagreement_flag", ">3× apart", None),
         ("source", "Source", None)],
    ),
    "measured": (
        """SELECT e.*, m.n AS measurements FROM accelerator_efficiency e
           JOIN (SELECT accelerator_id, precision, count(*) AS n FROM measurements GROUP BY ALL) m
           USING (accelerator_id, precision)
           ORDER BY e.accelerator_id, e.precision""",
        [("name", "Accelerator", None), ("precision", "Precision", None), ("peak_flop_per_s", "Quoted peak", "FLOP/s"),
         ("achieved_flop_per_s", "Best achieved", "FLOP/s"), ("achieved_over_peak_frac", "Achieved / peak", "fraction"),
         ("measurements", "Measurements", "count")],
    ),
    "technique_summary": (
        "SELECT * FROM technique_summary ORDER BY technique, metric",
        [("technique", "Technique", None), ("metric", "Metric", None), ("n_results", "Results", "count"),
         ("min_x", "Min", "x"), ("q1_x", "Q1", "x"), ("median_x", "Median", "x"), ("q3_x", "Q3", "x"),
         ("max_x", "Max", "x"), ("n_sources", "Sources", "count")],
    ),
    "claim_checks": (
        "SELECT * FROM claim_checks ORDER BY claim_id",
        [("claim", "Claim", None), ("low_x", "Claimed low", "x"), ("high_x", "Claimed high", "x"),
         ("n_results", "Results", "count"), ("n_within", "Inside", "count"), ("n_below", "Below", "count"),
         ("n_above", "Above", "count"), ("median_x", "Median", "x"), ("verdict", "Verdict", None)],
    ),
    "technique_effects": (
        "SELECT * FROM technique_effects ORDER BY technique, metric, effect_x",
        [("technique", "Technique", None), ("metric", "Metric", None), ("model", "Model", None),
         ("task", "Task", None), ("effect_x", "Factor", "x"), ("quality_metric", "Quality metric", None),
         ("quality_baseline", "Quality before", "number"), ("quality_treated", "Quality after", "number"),
         ("source", "Source", None)],
    ),
    "techniques": (
        "SELECT * FROM techniques ORDER BY name",
        [("name", "Technique", None), ("category", "Applies to", None), ("changes", "Changes", None),
         ("description", "What it does", None), ("source", "Introduced in", None)],
    ),
}


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
