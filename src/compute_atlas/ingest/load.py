"""Read every dataset into DuckDB with the types its schema declares. Every
problem of reading (encoding, header, quoting, a value of the wrong type) is
collected with its line; none stops the reading of the other files.

Rows land straight in the tables that are published, typed as the schema
declares; ``compute_atlas.validate`` checks them there, and once every check
passes the build adds the schema's NOT NULL constraints and comments. (A
failed build publishes nothing: its database is a work file.)
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from ..problems import Problem
from ..schemas import CURATED, Relation, relation
from ..sql import duckdb_columns, ident, polars_type
from .bib import read_references

BIB_FILE = "references.bib"

CAST_WORDS = {
    "DOUBLE": "must be a number (decimal or scientific notation, e.g. 9.894e14)",
    "BIGINT": "must be a whole number",
    "DATE": "must be a date written YYYY-MM-DD",
    "BOOLEAN": "must be true or false",
}


@dataclass
class Loaded:
    """What loading produced: problems, the line of each loaded row, input hashes."""

    problems: list[Problem] = field(default_factory=list)
    #: table -> CSV line number of each loaded row (None: row i is on line i + 2)
    lines: dict[str, list[int] | None] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)
    loaded: set[str] = field(default_factory=set)
    #: table -> (line, column) of values the reader could not cast (already reported)
    bad_cells: dict[str, set[tuple[int, str]]] = field(default_factory=dict)

    def line_of(self, table: str, row: int) -> int:
        mapping = self.lines.get(table)
        return mapping[row] if mapping else row + 2

    def curated(self) -> list[Relation]:
        """The curated tables (one CSV file each) that loaded, in the schemas' order."""
        return [r for r in CURATED if r.csv_file and r.name in self.loaded]


def load_all(datasets: Path, con: duckdb.DuckDBPyConnection) -> Loaded:
    """Load every dataset in ``datasets`` into its table with its declared types; report what cannot be read."""
    out = Loaded()
    _load_references(datasets / BIB_FILE, con, out)
    for rel in CURATED:
        if rel.csv_file:
            _load_csv(datasets / rel.csv_file, rel, con, out)
    return out


def _load_references(path: Path, con: duckdb.DuckDBPyConnection, out: Loaded) -> None:
    rows, problems = read_references(path)
    out.problems += problems
    if path.exists():
        out.hashes[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    rel = relation("references")
    df = pl.DataFrame(rows, schema={c.name: polars_type(c.sql_type) for c in rel.columns()})
    con.register("_refs", df)
    con.execute('CREATE OR REPLACE TABLE "references" AS SELECT * FROM _refs')
    con.unregister("_refs")
    out.lines["references"] = None
    out.loaded.add("references")


def _load_csv(path: Path, rel: Relation, con: duckdb.DuckDBPyConnection, out: Loaded) -> None:
    name = path.name
    if not path.exists():
        out.problems.append(Problem(name, None, None, None, "file is missing",
                                    f"create {name} with the header: " + ",".join(duckdb_columns(rel))))
        return
    columns = duckdb_columns(rel)
    spec = "{" + ", ".join(f"'{k}': '{v}'" for k, v in columns.items()) + "}"
    rejects = f"rejects_{rel.name}"
    # The file is hashed and scanned in a thread while DuckDB reads it (DuckDB releases the GIL): one pass
    # each, at the same time. A file whose hygiene fails is then dropped again, as if it had not been read.
    with ThreadPoolExecutor(max_workers=1) as pool:
        scanning = pool.submit(scan_file, path)
        try:
            con.execute(
                f"CREATE OR REPLACE TABLE {ident(rel.name)} AS SELECT * FROM read_csv(?, header=true, "
                f"auto_detect=false, delim=',', quote='\"', escape='\"', columns={spec}, "
                f"store_rejects=true, rejects_table='{rejects}', rejects_scan='{rejects}_scan')",
                [str(path)],
            )
            unreadable = None
        except duckdb.Error as exc:  # an unreadable file: say where (below), never a traceback
            unreadable = exc
        scan = scanning.result()
    out.hashes[name] = scan.sha256
    hygiene = [] if scan.clean(list(columns)) else check_hygiene(name, path.read_bytes(), list(columns))
    out.problems += hygiene
    unhygienic = any(p.severity == "error" for p in hygiene)
    if unhygienic or unreadable is not None:
        con.execute(f"DROP TABLE IF EXISTS {ident(rel.name)}; DROP TABLE IF EXISTS {rejects}; "
                    f"DROP TABLE IF EXISTS {rejects}_scan")
        if unreadable is not None and not unhygienic:
            message = str(unreadable)
            line = re.search(r"(?:Line|line):? (\d+)", message)
            out.problems.append(Problem(name, int(line.group(1)) if line else None, None, None,
                                        "the file cannot be read as CSV: " + message.splitlines()[0],
                                        "check quoting: a field with a comma or quote must be in double quotes"))
        return  # the rows cannot be located reliably; fix the file first
    rejected = con.execute(
        f"SELECT line, column_idx, column_name, error_type, csv_line, error_message FROM {rejects} ORDER BY line"
    ).fetchall()
    con.execute(f"DROP TABLE IF EXISTS {rejects}; DROP TABLE IF EXISTS {rejects}_scan")
    bad_lines, bad_cells = set(), set()
    for line, col_idx, col_name, err_type, csv_line, message in rejected:
        if err_type == "CAST":
            bad_cells.add((int(line), col_name))
        else:
            bad_lines.add(int(line))
        out.problems.append(_reject_problem(name, int(line), col_idx, col_name, err_type, csv_line, message, columns))
    if bad_cells:
        # Keep the rows whose only fault is a value of the wrong type (that value becomes empty), so that
        # one typo does not cascade into errors about every row that refers to them.
        text_spec = "{" + ", ".join(f"'{k}': 'VARCHAR'" for k in columns) + "}"
        casts = ", ".join(f"TRY_CAST({k} AS {v}) AS {k}" for k, v in columns.items())
        # read as text first, then cast: a cast pushed into the reader would drop the row again
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE _text AS SELECT * FROM read_csv(?, header=true, auto_detect=false, "
            f"delim=',', quote='\"', escape='\"', columns={text_spec}, ignore_errors=true)",
            [str(path)],
        )
        con.execute(f"CREATE OR REPLACE TABLE {ident(rel.name)} AS SELECT {casts} FROM _text")
        con.execute("DROP TABLE _text")
    n_lines = scan.lines
    n_rows = con.execute(f"SELECT count(*) FROM {ident(rel.name)}").fetchall()[0][0]
    if n_rows + len(bad_lines) != n_lines - 1:
        breaks = line_breaks_in_fields(name, path.read_bytes(), list(columns))
        if breaks:
            out.problems += breaks
            return
    out.lines[rel.name] = [n for n in range(2, n_lines + 1) if n not in bad_lines] if bad_lines else None
    out.loaded.add(rel.name)
    out.bad_cells[rel.name] = bad_cells


def _reject_problem(file, line, col_idx, col_name, err_type, csv_line, message, columns) -> Problem:
    if err_type == "CAST":
        try:
            value = next(csv.reader([csv_line]))[int(col_idx) - 1]
        except (StopIteration, IndexError, ValueError):
            value = None
        sql_type = columns.get(col_name, "")
        return Problem(file, line, col_name, value, CAST_WORDS.get(sql_type, f"must be of type {sql_type}"),
                       "leave the field empty if the value is unknown")
    if err_type in ("MISSING COLUMNS", "TOO MANY COLUMNS"):
        return Problem(file, line, None, csv_line, f"wrong number of fields: {message}",
                       "quote a field that contains a comma; every row has as many fields as the header")
    return Problem(file, line, col_name, csv_line, f"unreadable row: {message}", "check the quoting of this row")


@dataclass
class FileScan:
    """What one streaming pass over a file finds: enough to tell a clean file from one that needs the
    precise (in-memory) hygiene check, without holding a large file in memory."""

    sha256: str
    lines: int
    header: bytes
    utf8: bool
    crlf: int
    lf: int
    bare_cr: bool
    blank_line: bool

    def clean(self, header: list[str]) -> bool:
        return (self.utf8 and not (self.crlf and self.lf) and not self.bare_cr and not self.blank_line
                and self.header.rstrip(b"\r").decode("utf-8", "replace") == ",".join(header))


def scan_file(path: Path, chunk_bytes: int = 16 * 2**20) -> FileScan:
    """One pass in chunks: hash, UTF-8 validity, line-ending counts, blank lines and the header.
    Only bytes.count and `in` touch the whole chunk; they run at memory speed and copy nothing."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8, header, header_done, blank = True, b"", False, False
    n_lf = n_cr = n_crlf = 0
    tail = b""  # the last two bytes read, for patterns that straddle two chunks
    with path.open("rb") as f:
        start = f.read(3)
        if start == b"\xef\xbb\xbf":  # a byte-order mark is allowed and skipped
            digest.update(start)
        else:
            f.seek(0)
        while chunk := f.read(chunk_bytes):
            digest.update(chunk)
            if not header_done:
                header += chunk.split(b"\n", 1)[0]
                header_done = b"\n" in chunk
            # ASCII (most data) is valid UTF-8 when no multi-byte sequence is open from the chunk before
            if utf8 and not (chunk.isascii() and not decoder.getstate()[0]):
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
            seam = tail + chunk[:2]
            n_lf += chunk.count(b"\n")
            if b"\r" in chunk or b"\r" in seam:  # a file with LF endings only: no CR to count
                n_cr += chunk.count(b"\r")
                n_crlf += chunk.count(b"\r\n") + (tail[-1:] == b"\r" and chunk[:1] == b"\n")
                blank = blank or b"\n\r\n" in chunk or b"\n\r\n" in seam
            blank = blank or b"\n\n" in chunk or b"\n\n" in seam
            tail = (tail + chunk[-2:])[-2:]
    lines = n_lf + (0 if tail[-1:] in (b"\n", b"") else 1)
    return FileScan(digest.hexdigest(), lines, header, utf8, n_crlf, n_lf - n_crlf, n_cr != n_crlf, blank)


def check_hygiene(file: str, raw: bytes, header: list[str]) -> list[Problem]:
    """Encoding, one line-ending style and the exact header."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return [Problem(file, line, f"byte {col}", repr(raw[exc.start:exc.start + 4]),
                        "file is not valid UTF-8", "save the file as UTF-8")]
    problems = []
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    if crlf and lf:
        lines = text.split("\n")[:-1]
        minority_is_crlf = crlf < lf
        first = next(i for i, ln in enumerate(lines, 1) if ln.endswith("\r") == minority_is_crlf)
        problems.append(Problem(file, first, None, None, f"mixed line endings ({crlf} CRLF, {lf} LF)",
                                "use one line-ending style (LF) for the whole file"))
    bare_cr = re.search(r"\r(?!\n)", text)
    if bare_cr:
        line = text.count("\n", 0, bare_cr.start()) + 1
        problems.append(Problem(file, line, None, None, "carriage return without line feed", "use LF line endings"))
    body = text.split("\n")
    if body and body[-1] == "":
        body.pop()
    for i, ln in enumerate(body, 1):
        if ln.strip("\r") == "":
            problems.append(Problem(file, i, None, "", "blank line", "delete the blank line"))
    first_line = body[0].rstrip("\r") if body else ""
    try:
        found = next(csv.reader([first_line]), [])
    except csv.Error:
        found = [first_line]
    if found != header:
        missing = [h for h in header if h not in found]
        extra = [h for h in found if h not in header]
        detail = []
        if missing:
            detail.append("missing " + ", ".join(missing))
        if extra:
            detail.append("unexpected " + ", ".join(repr(e) for e in extra))
        if not detail:
            detail.append("columns out of order")
        problems.append(Problem(file, 1, None, first_line, "header does not match the schema: " + "; ".join(detail),
                                "the header must be exactly: " + ",".join(header)))
    return problems


def line_breaks_in_fields(file: str, raw: bytes, header: list[str]) -> list[Problem]:
    """Locate fields that contain a line break (rows must be one line each)."""
    text = raw.decode("utf-8-sig")
    problems, physical = [], 1
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        return [Problem(file, None, None, None, f"the file cannot be read as CSV: {exc}", "check the quoting")]
    for rec in records:
        breaks = [(h, v) for h, v in zip(header, rec) if "\n" in v or "\r" in v]
        if breaks:
            col, value = breaks[0]
            problems.append(Problem(file, physical, col, value[:60], "line break inside a field",
                                    "write the field on one line"))
        physical += sum(v.count("\n") for v in rec) + 1
    return problems
