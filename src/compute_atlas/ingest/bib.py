"""Read ``references.bib`` into rows of the ``references`` table."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pybtex.backends.plaintext import Backend as PlainTextBackend
from pybtex.database import parse_string
from pybtex.errors import set_strict_mode
from pybtex.richtext import Text
from pybtex.scanner import PybtexSyntaxError

from ..problems import Problem

set_strict_mode(True)  # a repeated key is an error, not a warning


#: pybtex's plain-text backend, made once: ``render_as("text")`` looks the backend up among every installed
#: package's entry points on each call (about 30 ms a field, 50 s for references.bib).
_PLAIN_TEXT = PlainTextBackend()

#: LaTeX's escaped special characters that pybtex's conversion leaves escaped (latexcodec reads ``\$`` as math).
_ESCAPED = re.compile(r"\\([$#])")


def plain_text(latex: str) -> str:
    """A BibTeX field as plain text: pybtex's own LaTeX-to-text conversion (accents and escapes become Unicode:
    ``G\\"ok\\c{c}e`` is Gökçe, ``9.7\\%`` is 9.7%; braces go), escaped ``$`` and ``#`` unescaped, and runs
    of white space one space."""
    text = Text.from_latex(latex).render(_PLAIN_TEXT)
    return re.sub(r"\s+", " ", _ESCAPED.sub(r"\1", text)).strip()


def read_references(path: Path) -> tuple[list[dict], list[Problem]]:
    name = path.name
    if not path.exists():
        return [], [Problem(name, None, None, None, "file is missing", "create datasets/references.bib")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return [], [Problem(name, line, None, repr(raw[exc.start:exc.start + 4]), "file is not valid UTF-8",
                            "save the file as UTF-8")]
    try:
        data = parse_string(text, "bibtex")
    except PybtexSyntaxError as exc:
        return [], [Problem(name, exc.lineno, None, None, f"BibTeX syntax error: {exc.error_type}",
                            "check braces and commas of the entry")]
    except Exception as exc:  # pybtex reports repeated keys and other data errors this way
        key = re.search(r"entry:? ?(\S+)", str(exc))
        line = _entry_lines(text).get(key.group(1)) if key else None
        return [], [Problem(name, line, None, key.group(1) if key else None, str(exc),
                            "each key may appear once")]
    rows, problems = [], []
    lines = _entry_lines(text)
    for key, entry in data.entries.items():
        line = lines.get(key)
        fields = entry.fields
        people = entry.persons.get("author", [])
        authors = " and ".join(str(p) for p in people)
        year = fields.get("year", "")
        hints = {"author": "for an organization write author = {{Organization Name}} (double braces)"}
        for field, val in (("title", fields.get("title")), ("author", authors), ("year", year)):
            if not val:
                problems.append(Problem(name, line, field, key, f"entry has no {field}",
                                        hints.get(field, "add the field to the entry")))
        if year and not str(year).isdigit():
            problems.append(Problem(name, line, "year", year, "year must be a four-digit number", "e.g. year = {2023}"))
            year = ""
        snapshot = fields.get("date", "")
        try:
            snapshot_date = dt.date.fromisoformat(snapshot) if snapshot else None
        except ValueError:
            problems.append(Problem(name, line, "date", snapshot, "date must be an ISO 8601 day",
                                    "e.g. date = {2025-04-01}, the day the snapshot's content refers to"))
            snapshot_date = None
        row = {
            "reference_key": key,
            "entry_type": entry.type,
            "title": plain_text(fields.get("title", "")),
            "authors": plain_text(authors or ""),
            "year": int(year) if year else None,
            "url": fields.get("url") or None,
            "note": plain_text(fields.get("note", "")) or None,
            "snapshot_date": snapshot_date,
        }
        for field in ("title", "authors", "note"):
            left = re.search(r"[\\{}]\S*", row[field] or "")
            if left:
                problems.append(Problem(name, line, field.removesuffix("s"), left.group(), "LaTeX that does not "
                                        "convert to plain text", "write the character itself (UTF-8: é, ç, $) or "
                                        "an accent or escape that LaTeX and pybtex know (\\'e, \\c{c}, \\$)"))
        rows.append(row)
    return rows, problems


def _entry_lines(text: str) -> dict[str, int]:
    """The line of each entry's first ``@type{key,``: one pass over the text."""
    out: dict[str, int] = {}
    line, pos = 1, 0
    for m in re.finditer(r"@\w+\s*\{\s*([^\s,]+)\s*,", text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        out.setdefault(m.group(1), line)
    return out
