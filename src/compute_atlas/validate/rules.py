"""Declared rules, run on the loaded tables: text hygiene, keys, foreign keys
(list-valued ones too), citations, date floors and the constants the pipeline
declares. Each rule reads its declaration from the schemas; none names a table
itself. The plausibility checks of particular tables are in ``plausibility``.

Each check is SQL over the loaded table; ``rowid`` locates the row, which
``Loaded.line_of`` turns into the CSV line. A check of a table that failed to
load is skipped (its problems are already reported).
"""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata

import duckdb

from ..ingest.load import Loaded
from ..parallel import each_table
from ..problems import Problem
from ..schemas import CURATED, DERIVED
from ..sql import ident
from . import plausibility
from .query import Query

#: Columns that hold BibTeX keys (`source`; the claims register's `original_source` and the inference prices'
#: `effective_date_source` too).
CITE_COLUMNS = ("source", "original_source", "effective_date_source")
#: Tables whose rows cite sources, and the columns holding the keys.
CITING = {r.name: [c for c in CITE_COLUMNS if c in r.schema.columns]
          for r in CURATED if r.csv_file and "source" in r.schema.columns}

def run_all(con: duckdb.DuckDBPyConnection, loaded: Loaded) -> list[Problem]:
    problems: list[Problem] = []
    have = loaded.loaded
    q = Query(con, loaded)

    def table_rules(cur: duckdb.DuckDBPyConnection, rel) -> list[Problem]:
        tq = Query(cur, loaded)
        out = text_hygiene(tq, rel) + unique_columns(tq, rel)
        if len(rel.key) > 1:
            out += composite_key(tq, rel)
        for cols in rel.unique_together:
            out += unique_together(tq, rel, cols)
        return out

    problems += each_table(con, loaded.curated(), table_rules)
    problems += foreign_keys(q, have)
    problems += citations(q, have)
    problems += dates(q, have)
    problems += declared_constants(q, have)
    problems += plausibility.run_all(q, have)  # the name checks too
    return problems


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


def text_hygiene(q: Query, rel) -> list[Problem]:
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
    sql = (f"SELECT rowid, {flags}, {', '.join(f'{c} AS _{c}' for c in text)} FROM {ident(rel.name)} "
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


def duplicates(q: Query, rel, columns: list[str], rule: str, hint: str, column: str | None) -> list[Problem]:
    """Rows whose values of ``columns`` repeat (NULLs compare equal). Rows that repeat have the same hash,
    so the values are grouped only among the rows whose hash repeats: the grouping of every row is one of
    8-byte hashes, not of the key's text (memory and time at 10^7 rows)."""
    key, table = ", ".join(columns), ident(rel.name)
    value = f"({key})" if len(columns) > 1 else key  # several columns compare as one row value
    hashed = f"hash({key}) IN (SELECT hash({key}) FROM {table} GROUP BY 1 HAVING count(*) > 1)"
    where = f"{hashed} AND {value} IN (SELECT {value} FROM {table} WHERE {hashed} GROUP BY ALL HAVING count(*) > 1)"
    return q.rows(rel.name, where, column, f"concat_ws(' | ', {key})", rule, hint)


def composite_key(q: Query, rel) -> list[Problem]:
    key = ", ".join(rel.key)
    return duplicates(q, rel, list(rel.key), f"duplicate row: ({key}) must be unique", "merge the rows or tell them apart",
                      None)


def unique_together(q: Query, rel, cols: tuple[str, ...]) -> list[Problem]:
    """A declared set of columns that identifies a row besides the key (NULLs compare equal)."""
    return duplicates(q, rel, list(cols), f"duplicate row: ({', '.join(cols)}) must be unique",
                      "the same configuration appears twice: merge the rows, or number a repeated measurement "
                      "apart (replicate)", None)


def unique_columns(q: Query, rel) -> list[Problem]:
    out = []
    for col in rel.columns():
        if col.unique:
            out += duplicates(q, rel, [col.name], "value must be unique", "each value may appear once", col.name)
    return out


def _nearest(value: str, choices: list[str]) -> str | None:
    match = difflib.get_close_matches(value, choices, n=1, cutoff=0.5)
    return f"did you mean `{match[0]}`?" if match else None


def foreign_keys(q: Query, have: set[str]) -> list[Problem]:
    out = []
    declared = [(rel.name, fk.column, fk.table, fk.ref_column, fk.sep) for rel in CURATED for fk in rel.foreign_keys]
    for table, col, ref, ref_col, sep in declared:
        if table not in have or ref not in have:
            continue
        choices = [r[0] for r in q.con.execute(f"SELECT {ref_col} FROM {ident(ref)}").fetchall()]
        if sep:
            sql = (f"SELECT rowid, k FROM (SELECT rowid, unnest(string_split({col}, '{sep}')) AS k "
                   f"FROM {ident(table)} WHERE {col} IS NOT NULL) WHERE k NOT IN (SELECT {ref_col} FROM {ident(ref)}) "
                   "ORDER BY rowid")
        else:
            sql = (f"SELECT rowid, {col} FROM {ident(table)} WHERE {col} IS NOT NULL AND {col} NOT IN "
                   f"(SELECT {ref_col} FROM {ident(ref)}) ORDER BY rowid")
        for rowid, value in q.con.execute(sql).fetchall():
            hint = _nearest(value, choices) or f"add a row for it to {q.file(ref)} first"
            out.append(Problem(q.file(table), q.loaded.line_of(table, rowid), col, value,
                               f"unknown {ref_col}: no such row in {ref}", hint))
    return out


def citations(q: Query, have: set[str]) -> list[Problem]:
    """Every cited key is in references.bib; every entry there is cited. Distinct `source` values are
    checked once each, then the rows holding a bad one are located."""
    if "references" not in have:
        return []
    keys = {r[0] for r in q.con.execute('SELECT reference_key FROM "references"').fetchall()}
    out, cited = [], set()
    for table, columns in CITING.items():
        if table not in have:
            continue
        for col in columns:
            distinct = [r[0] for r in q.con.execute(
                f"SELECT DISTINCT {col} FROM {ident(table)} WHERE {col} IS NOT NULL").fetchall()]
            bad = {}
            for source in distinct:
                for key in source.split(";"):
                    cited.add(key)
                    if key not in keys:
                        bad.setdefault(source, []).append(key)
            if not bad:
                continue
            rows = q.con.execute(f"SELECT rowid, {col} FROM {ident(table)} WHERE {col} IN (SELECT unnest(?)) "
                                 "ORDER BY rowid", [list(bad)]).fetchall()
            for rowid, source in rows:
                for key in bad[source]:
                    out.append(Problem(q.file(table), q.loaded.line_of(table, rowid), col, key,
                                       "cited key is not in references.bib", _nearest(key, sorted(keys))
                                       or "add a BibTeX entry with this key to references.bib"))
    if all(t in have for t in CITING):
        for key in sorted(keys - cited):
            out.append(Problem("references.bib", None, None, key, "entry is cited by no row",
                               "cite it from a dataset or remove it", "warning"))
    return out


def dates(q: Query, have: set[str]) -> list[Problem]:
    today = dt.date.today().isoformat()
    out = []
    floors = [(rel.name, col, floor) for rel in CURATED for col, floor in rel.date_floors.items()]
    for table, col, floor in floors:
        if table not in have:
            continue
        out += q.rows(table, f"{col} > DATE '{today}'", col, col, "date is in the future",
                      "use the date of release or publication, not of an announcement of a future date")
        out += q.rows(table, f"{col} < DATE '{floor.isoformat()}'", col, col,
                      f"date is before {floor.isoformat()}, earlier than this field existed",
                      "check the year")
    return out


def declared_constants(q: Query, have: set[str]) -> list[Problem]:
    """Every assumption and parameter that a derived relation's schema declares is a row of its dataset."""
    out = []
    for table, col, attr in (("assumptions", "assumption_id", "assumptions"), ("parameters", "parameter_id", "parameters")):
        if table not in have:
            continue
        present = {r[0] for r in q.con.execute(f"SELECT {col} FROM {ident(table)}").fetchall()}
        for rel in DERIVED:
            for key in getattr(rel, attr):
                if key not in present:
                    out.append(Problem(q.file(table), None, col, key, f"`{rel.name}` uses this {table[:-1]}, which is "
                                       f"not a row of {table}.csv", f"add a row with this {col}"))
    return out
