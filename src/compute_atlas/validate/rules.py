"""Checks across rows, columns and datasets, run on the staged tables.

Each check is SQL over ``staging.<table>``; ``rowid`` locates the row, which
``Loaded.line_of`` turns into the CSV line. A check of a table that failed to
load is skipped (its problems are already reported).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from typing import TYPE_CHECKING

import duckdb

from ..build.ddl import ident
from ..problems import Problem
from ..schemas import RAW

if TYPE_CHECKING:
    from ..ingest.load import Loaded

#: Tables whose rows cite sources, and the column holding the keys.
CITING = [r.name for r in RAW if r.csv_file and "source" in r.schema.columns]

#: (table, column, referenced table, referenced column, separator or None)
FOREIGN_KEYS = [
    ("training_runs", "accelerator_id", "accelerators", "accelerator_id", None),
    ("hardware_prices", "accelerator_id", "accelerators", "accelerator_id", None),
    ("price_proxies", "accelerator_id", "accelerators", "accelerator_id", None),
    ("price_proxies", "proxy_accelerator_id", "accelerators", "accelerator_id", None),
    ("cloud_prices", "accelerator_id", "accelerators", "accelerator_id", None),
    ("technique_results", "accelerator_id", "accelerators", "accelerator_id", None),
    ("technique_results", "technique_id", "techniques", "technique_id", None),
    ("measurements", "accelerator_id", "accelerators", "accelerator_id", None),
    ("glossary", "related_terms", "glossary", "term_id", ";"),
    ("techniques", "glossary_terms", "glossary", "term_id", ";"),
]

#: Earliest plausible date per (table, column): before it, the field did not exist.
DATE_FLOORS = {
    ("accelerators", "release_date"): dt.date(1999, 1, 1),
    ("accelerators", "launch_price_date"): dt.date(1999, 1, 1),
    ("training_runs", "publication_date"): dt.date(1950, 1, 1),
    ("cloud_prices", "price_date"): dt.date(2006, 1, 1),
    ("measurements", "measured_date"): dt.date(2020, 1, 1),
}

#: Ceiling on a dense 16-bit tensor rate at each release date: 1.6e15 FLOP/s in
#: September 2022, growing 1.6x a year. It sits above every flagship's dense
#: rate (V100 1.25e14 in 2017, H100 9.9e14, B200 2.25e15) and below its
#: "with sparsity" figure (A100 6.24e14, H100 1.98e15, MI300X 2.61e15), so a
#: sparse figure entered as dense is caught.
FRONTIER_16BIT_FLOP_PER_S = "1.6e15 * pow(1.6, (date_diff('day', DATE '2022-09-20', release_date) / 365.25))"

#: Rate pairs on matrix units: (higher, lower, max ratio higher/lower, what a violation means).
RATE_ORDER = [
    ("bf16_flop_per_s", "fp32_flop_per_s", None, "a 16-bit tensor rate below the FP32 rate: is it the non-tensor rate?"),
    ("fp16_flop_per_s", "fp32_flop_per_s", None, "a 16-bit tensor rate below the FP32 rate: is it the non-tensor rate?"),
    ("fp16_flop_per_s", "bf16_flop_per_s", 1.05, "FP16 and BF16 run at the same rate on almost every chip (the AMD "
                                                  "MI100 is an exception); is one of them a sparse figure?"),
    ("fp8_flop_per_s", "bf16_flop_per_s", 2.2, "FP8 runs at 1 to 2 times the BF16 rate; outside that, one of them is "
                                               "sparse or mis-typed"),
    ("fp4_flop_per_s", "fp8_flop_per_s", 4.4, "FP4 runs at 1 to 4 times the FP8 rate; outside that, one of them is "
                                              "sparse or mis-typed"),
    ("bf16_flop_per_s", "tf32_flop_per_s", 2.2, "TF32 runs at half the BF16 rate; a BF16 rate more than twice "
                                                "TF32 is likely a sparse figure"),
]


def run_all(con: duckdb.DuckDBPyConnection, loaded: Loaded) -> list[Problem]:
    problems: list[Problem] = []
    have = loaded.loaded
    q = _Query(con, loaded)
    for rel in RAW:
        if rel.name in have and rel.csv_file:
            problems += text_hygiene(q, rel)
            problems += unique_columns(q, rel)
            if len(rel.key) > 1:
                problems += composite_key(q, rel)
    problems += foreign_keys(q, have)
    problems += citations(q, have)
    problems += dates(q, have)
    if "accelerators" in have:
        problems += accelerator_plausibility(q)
        problems += near_duplicate_names(q, "accelerators", "name")
    if "glossary" in have:
        problems += near_duplicate_names(q, "glossary", "term")
    problems += intervals(q, have)
    if "training_runs" in have:
        problems += training_run_plausibility(q)
    if "assumptions" in have:
        problems += required_assumptions(q)
    if "cloud_prices" in have:
        problems += q.rows("cloud_prices", "price_usd_per_hour NOT BETWEEN 0.05 AND 100", "price_usd_per_hour",
                           "price_usd_per_hour", "price per accelerator-hour outside 0.05 to 100 USD",
                           "is it the price of a whole instance? divide by its number of accelerators", "warning")
    return problems


class _Query:
    def __init__(self, con: duckdb.DuckDBPyConnection, loaded: Loaded):
        self.con, self.loaded = con, loaded

    def file(self, table: str) -> str:
        from ..schemas import relation

        return relation(table).csv_file or "references.bib"

    def rows(self, table, where, column, value_sql, rule, hint=None, severity="error") -> list[Problem]:
        sql = f"SELECT rowid, CAST({value_sql} AS VARCHAR) FROM staging.{ident(table)} WHERE {where} ORDER BY rowid"
        return [
            Problem(self.file(table), self.loaded.line_of(table, rowid), column, value, rule,
                    hint(value) if callable(hint) else hint, severity)
            for rowid, value in self.con.execute(sql).fetchall()
        ]


#: A character that a reader cannot see or a terminal misrenders: anything but printable ASCII, letters,
#: marks, numbers, punctuation, symbols and separators, that is control (Cc, tab included), format (Cf:
#: zero-width space, joiners, a byte-order mark, bidi overrides, soft hyphen), private-use (Co), surrogate
#: and unassigned (Cn) code points. LF and CR are left out: the loader reports them ("line break inside a
#: field"). An RE2 class for DuckDB's regexp_matches; Python's unicodedata then names what it found.
UNSEEN_RE = r"[^\x0A\x0D\x20-\x7E\p{L}\p{M}\p{N}\p{P}\p{S}\p{Z}]"
UNSEEN_KINDS = {
    "Cc": "control character",
    "Cf": "format character, invisible",
    "Co": "private-use character, drawn differently by every font or not at all",
    "Cs": "surrogate code point",
    "Cn": f"code point unassigned in Unicode {unicodedata.unidata_version}",
}
#: unicodedata has no names for control characters; the common ones, as Unicode's NameAliases.txt has them.
CONTROL_NAMES = {0x00: "NULL", 0x07: "ALERT", 0x08: "BACKSPACE", 0x09: "CHARACTER TABULATION",
                 0x0B: "LINE TABULATION", 0x0C: "FORM FEED", 0x1B: "ESCAPE", 0x7F: "DELETE", 0x85: "NEXT LINE"}


def unseen_characters(text: str) -> list[str]:
    """The distinct characters of ``text`` that UNSEEN_RE stands for, in order of appearance."""
    return list(dict.fromkeys(ch for ch in text if ch not in "\n\r" and unicodedata.category(ch) in UNSEEN_KINDS))


def describe_code_point(ch: str) -> str:
    """``U+200B ZERO WIDTH SPACE (format character, invisible)``."""
    name = unicodedata.name(ch, "") or CONTROL_NAMES.get(ord(ch), "")
    return f"U+{ord(ch):04X}{' ' + name if name else ''} ({UNSEEN_KINDS[unicodedata.category(ch)]})"


def text_hygiene(q: _Query, rel) -> list[Problem]:
    """No stray whitespace, no spreadsheet formulas and no unseen character (UNSEEN_RE) in any text
    column: one scan of the table."""
    text = [c.name for c in rel.columns() if c.sql_type == "VARCHAR"]
    if not text:
        return []
    flags = ", ".join(
        f"CASE WHEN {c} <> trim({c}) THEN 'space' WHEN regexp_matches({c}, '^[=+\\-@]') THEN 'formula' END AS {c}"
        for c in text)
    # one regular expression over the row's text fields, one per line, selects the few rows that the CASE
    # above and Python then classify: a space first or last in a field, a formula's first character, or an
    # unseen character (a line break cannot be in a field: the loader has already said so)
    any_flag = f"regexp_matches(concat_ws(chr(10), {', '.join(text)}), '(?m)^[ =+\\-@]| $|{UNSEEN_RE}')"
    sql = (f"SELECT rowid, {flags}, {', '.join(f'{c} AS _{c}' for c in text)} FROM staging.{ident(rel.name)} "
           f"WHERE {any_flag} ORDER BY rowid")
    out, reported = [], None
    for row in q.con.execute(sql).fetchall():
        rowid, kinds, values = row[0], row[1:1 + len(text)], row[1 + len(text):]
        for col, kind, value in zip(text, kinds, values):
            if kind == "space":
                out.append(Problem(q.file(rel.name), q.loaded.line_of(rel.name, rowid), col, value,
                                   "leading or trailing whitespace",
                                   "remove the spaces: they split one entity in two"))
            elif kind == "formula":
                out.append(Problem(q.file(rel.name), q.loaded.line_of(rel.name, rowid), col, value,
                                   "text starts with =, +, - or @ (a spreadsheet would run it as a formula)",
                                   "reword the text so that it starts with a letter or digit"))
            unseen = unseen_characters(value) if value else []
            if unseen:
                line = q.loaded.line_of(rel.name, rowid)
                if reported is None:  # a pattern of the schema (a slug, a vocabulary) may have rejected it already
                    reported = {(p.file, p.line, p.column) for p in q.loaded.problems if p.severity == "error"}
                if (q.file(rel.name), line, col) not in reported:
                    out.append(Problem(q.file(rel.name), line, col, value,
                                       "contains " + ", ".join(describe_code_point(ch) for ch in unseen),
                                       "delete the character (retype the text)"))
    return out


def duplicates(q: _Query, rel, columns: list[str], rule: str, hint: str, column: str | None) -> list[Problem]:
    """Rows whose values of ``columns`` repeat (NULLs compare equal)."""
    key = ", ".join(columns)
    where = (f"({key}) IN (SELECT ({key}) FROM staging.{ident(rel.name)} GROUP BY ALL HAVING count(*) > 1)"
             if len(columns) > 1 else
             f"{key} IN (SELECT {key} FROM staging.{ident(rel.name)} GROUP BY ALL HAVING count(*) > 1)")
    return q.rows(rel.name, where, column, f"concat_ws(' | ', {key})", rule, hint)


def composite_key(q: _Query, rel) -> list[Problem]:
    key = ", ".join(rel.key)
    return duplicates(q, rel, list(rel.key), f"duplicate row: ({key}) must be unique", "merge the rows or tell them apart",
                      None)


def unique_columns(q: _Query, rel) -> list[Problem]:
    out = []
    for col in rel.columns():
        if col.unique:
            out += duplicates(q, rel, [col.name], "value must be unique", "each value may appear once", col.name)
    return out


def _nearest(value: str, choices: list[str]) -> str | None:
    match = difflib.get_close_matches(value, choices, n=1, cutoff=0.5)
    return f"did you mean `{match[0]}`?" if match else None


def foreign_keys(q: _Query, have: set[str]) -> list[Problem]:
    out = []
    for table, col, ref, ref_col, sep in FOREIGN_KEYS:
        if table not in have or ref not in have:
            continue
        choices = [r[0] for r in q.con.execute(f"SELECT {ref_col} FROM staging.{ident(ref)}").fetchall()]
        if sep:
            sql = (f"SELECT rowid, k FROM (SELECT rowid, unnest(string_split({col}, '{sep}')) AS k "
                   f"FROM staging.{ident(table)} WHERE {col} IS NOT NULL) WHERE k NOT IN (SELECT {ref_col} FROM staging.{ident(ref)}) "
                   "ORDER BY rowid")
        else:
            sql = (f"SELECT rowid, {col} FROM staging.{ident(table)} WHERE {col} IS NOT NULL AND {col} NOT IN "
                   f"(SELECT {ref_col} FROM staging.{ident(ref)}) ORDER BY rowid")
        for rowid, value in q.con.execute(sql).fetchall():
            hint = _nearest(value, choices) or f"add a row for it to {q.file(ref)} first"
            out.append(Problem(q.file(table), q.loaded.line_of(table, rowid), col, value,
                               f"unknown {ref_col}: no such row in {ref}", hint))
    return out


def citations(q: _Query, have: set[str]) -> list[Problem]:
    """Every cited key is in references.bib; every entry there is cited. Distinct `source` values are
    checked once each, then the rows holding a bad one are located."""
    if "references" not in have:
        return []
    keys = {r[0] for r in q.con.execute('SELECT reference_key FROM staging."references"').fetchall()}
    out, cited = [], set()
    for table in CITING:
        if table not in have:
            continue
        distinct = [r[0] for r in q.con.execute(
            f"SELECT DISTINCT source FROM staging.{ident(table)} WHERE source IS NOT NULL").fetchall()]
        bad = {}
        for source in distinct:
            for key in source.split(";"):
                cited.add(key)
                if key not in keys:
                    bad.setdefault(source, []).append(key)
        if not bad:
            continue
        rows = q.con.execute(f"SELECT rowid, source FROM staging.{ident(table)} WHERE source IN (SELECT unnest(?)) "
                             "ORDER BY rowid", [list(bad)]).fetchall()
        for rowid, source in rows:
            for key in bad[source]:
                out.append(Problem(q.file(table), q.loaded.line_of(table, rowid), "source", key,
                                   "cited key is not in references.bib",
                                   _nearest(key, sorted(keys)) or "add a BibTeX entry with this key to references.bib"))
    if all(t in have for t in CITING):
        for key in sorted(keys - cited):
            out.append(Problem("references.bib", None, None, key, "entry is cited by no row",
                               "cite it from a dataset or remove it", "warning"))
    return out


def dates(q: _Query, have: set[str]) -> list[Problem]:
    today = dt.date.today().isoformat()
    out = []
    for (table, col), floor in DATE_FLOORS.items():
        if table not in have:
            continue
        out += q.rows(table, f"{col} > DATE '{today}'", col, col, "date is in the future",
                      "use the date of release or publication, not of an announcement of a future date")
        out += q.rows(table, f"{col} < DATE '{floor.isoformat()}'", col, col,
                      f"date is before {floor.isoformat()}, earlier than this field existed",
                      "check the year")
    return out


def accelerator_plausibility(q: _Query) -> list[Problem]:
    out = []
    for hi, lo, max_ratio, meaning in RATE_ORDER:
        out += q.rows("accelerators", f"has_matrix_units AND {hi} < {lo}", hi, f"{hi} || ' < ' || {lo}",
                      f"{hi} must be at least {lo} on a chip with matrix units", meaning)
        if max_ratio:  # a few real chips exceed these ratios: a warning, for a reviewer to confirm
            out += q.rows("accelerators", f"has_matrix_units AND {hi} > {max_ratio} * {lo}", hi,
                          f"{hi} || ' > {max_ratio} x ' || {lo}",
                          f"{hi} is more than {max_ratio} times {lo}", meaning, "warning")
    for col in ("bf16_flop_per_s", "fp16_flop_per_s"):
        out += q.rows("accelerators", f"kind <> 'wafer_scale' AND {col} > {FRONTIER_16BIT_FLOP_PER_S}", col, col,
                      "dense rate above the fastest plausible chip of its release date "
                      "(1.6e15 FLOP/s in Sept 2022, growing 1.6x a year)",
                      "is it a 'with sparsity' figure? store the dense rate (half of it)")
    out += q.rows("accelerators", "(launch_price_usd IS NULL) <> (launch_price_date IS NULL)", "launch_price_date",
                  "coalesce(CAST(launch_price_date AS VARCHAR), '')", "a launch price needs its date, and a date its price",
                  "fill both or neither")
    out += q.rows("accelerators", "tdp_watts IS NOT NULL AND tdp_kind IS NULL", "tdp_kind", "tdp_kind",
                  "a power figure needs its kind", "vendor_tdp, derived or measured")
    out += q.rows("accelerators", "launch_price_usd IS NOT NULL AND fp32_flop_per_s / launch_price_usd > "
                  "1e10 * pow(1.5, year(release_date) - 2008)", "launch_price_usd", "launch_price_usd",
                  "FP32 FLOP/s per dollar far above the trend for its year", "check the price and the rate", "warning")
    return out


def near_duplicate_names(q: _Query, table: str, col: str) -> list[Problem]:
    norm = f"regexp_replace(lower({col}), '[^a-z0-9]', '', 'g')"
    where = (f"rowid IN (SELECT rowid FROM (SELECT rowid, count(*) OVER (PARTITION BY {norm}) AS n "
             f"FROM staging.{ident(table)}) WHERE n > 1)")
    return q.rows(table, where, col, col, "names differ only in case, spacing or punctuation",
                  "one entity should have one row")


def intervals(q: _Query, have: set[str]) -> list[Problem]:
    out = []
    if "published_trends" in have:
        out += q.rows("published_trends", "ci_low > value OR value > ci_high", "value",
                      "ci_low || ' / ' || value || ' / ' || ci_high", "estimate outside its own interval",
                      "low <= value <= high, in the unit's own order")
        out += q.rows("published_trends", "start_year > end_year", "start_year", "start_year || '-' || end_year",
                      "start_year after end_year")
        out += q.rows("published_trends", "(ci_low IS NULL) <> (ci_high IS NULL)", "ci_low", "ci_low",
                      "an interval needs both ends")
        out += q.rows("published_trends", "ci_low IS NOT NULL AND interval_level_frac IS NULL AND interval_method <> 'range'",
                      "interval_level_frac", "interval_level_frac", "an interval needs its level", "e.g. 0.9 for 90 %")
    if "assumptions" in have:
        out += q.rows("assumptions", "low > value OR value > high", "value", "low || ' / ' || value || ' / ' || high",
                      "value outside its own range", "low <= value <= high")
    return out


def training_run_plausibility(q: _Query) -> list[Problem]:
    out = q.rows("training_runs", "(reported_cost_usd IS NULL) <> (reported_cost_year IS NULL)", "reported_cost_year",
                 "reported_cost_year", "a reported cost needs its dollar-year, and a year its cost", "fill both or neither")
    out += q.rows("training_runs",
                  "training_compute_flop IS NOT NULL AND parameters IS NOT NULL AND training_tokens IS NOT NULL AND "
                  "(training_compute_flop > 10 * 6 * parameters * training_tokens OR "
                  " training_compute_flop < 6 * parameters * training_tokens / 10)",
                  "training_compute_flop", "training_compute_flop || ' vs 6ND ' || (6 * parameters * training_tokens)",
                  "training compute differs from 6 x parameters x tokens by more than 10x",
                  "check the exponent; for mixture-of-experts the active parameters set the compute", "warning")
    return out


def required_assumptions(q: _Query) -> list[Problem]:
    """Every assumption the pipeline's SQL looks up by id is a row of assumptions.csv."""
    from .. import paths

    wanted = set()
    for sql in paths.PIPELINE_DIR.glob("*.sql"):
        wanted |= set(re.findall(r"assumption_id\s*=\s*'([a-z0-9-]+)'", sql.read_text()))
    have = {r[0] for r in q.con.execute("SELECT assumption_id FROM staging.assumptions").fetchall()}
    return [Problem("assumptions.csv", None, "assumption_id", key, "the cost model needs this assumption",
                    "add a sourced row with this assumption_id") for key in sorted(wanted - have)]
