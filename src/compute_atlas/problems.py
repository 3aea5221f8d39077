"""Problems found in the data, and how they are shown to people and machines."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from itertools import groupby
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from .schemas import CURATED


class DataError(Exception):
    """Raised with the list of problems when data cannot be published."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the data")
        self.problems = problems


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    column: str | None
    value: str | None
    rule: str
    hint: str | None = None
    severity: str = "error"  # or "warning"
    #: the declared check that found it (``validate.plausibility.ALL_CHECKS``), where one did
    check: str | None = None


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def render(problems: list[Problem], console: Console) -> None:
    """Problems grouped by file, errors before warnings, one block per problem."""
    if not problems:
        return
    ordered = sorted(problems, key=lambda p: (p.file, p.severity != "error", p.line or 0, p.column or ""))
    for file, group in groupby(ordered, key=lambda p: p.file):
        group = list(group)
        console.print(f"[bold]{file}[/] ({len(group)} problem(s))", highlight=False)
        for p in group:
            mark = "[red]error[/]" if p.severity == "error" else "[yellow]warning[/]"
            where = ", ".join(x for x in (f"line {p.line}" if p.line else "", f"column {p.column}" if p.column else "") if x)
            value = "" if p.value is None else f" value {p.value!r}:"
            console.print(f"  {mark} {where or 'file'}:{escape(value)} {escape(p.rule)}", highlight=False, soft_wrap=True)
            if p.hint:
                console.print(f"      hint: {escape(p.hint)}", highlight=False, soft_wrap=True)
    n_err = len(errors(problems))
    console.print(f"[bold]{n_err} error(s), {len(problems) - n_err} warning(s)[/]")


def to_json(problems: list[Problem]) -> str:
    return json.dumps(
        {
            "errors": len(errors(problems)),
            "warnings": len(problems) - len(errors(problems)),
            "problems": [asdict(p) for p in sorted(problems, key=lambda p: (p.file, p.line or 0))],
        },
        indent=2,
    )


def to_github(problems: list[Problem], base: Path) -> str:
    """One forge workflow annotation per problem (``::error file=...,line=...,col=...::message``), so that
    each shows on the line of the pull request's diff. ``base`` is the datasets folder as given; the file
    paths are relative to the current directory when it lies below it, as the diff shows them."""
    lines = []
    for p in sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or "")):
        props = [f"file={_escape_property(_annotation_path(base / p.file))}"]
        if p.line is not None:
            props.append(f"line={p.line}")
            col = _column_number(p.file, p.column)
            if col is not None:
                props.append(f"col={col}")
        kind = "warning" if p.severity == "warning" else "error"
        lines.append(f"::{kind} {','.join(props)}::{_escape_data(_message(p))}")
    return "\n".join(lines)


def _message(p: Problem) -> str:
    """Rule, value, column and hint on one line."""
    message = p.rule
    if p.value is not None:
        message += f": value {p.value!r}"
    if p.column:
        message += f" in column {p.column}"
    if p.hint:
        message += f"; hint: {p.hint}"
    return message


def _annotation_path(path: Path) -> str:
    """``path`` relative to the current directory when it lies below it (the repository root in CI)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (OSError, ValueError):
        return path.as_posix()


def _column_number(file: str, column: str | None) -> int | None:
    """1-based index of ``column`` in the header of the CSV ``file``, from its schema."""
    for rel in CURATED:
        if rel.csv_file == file:
            names = [c.name for c in rel.columns()]
            return names.index(column) + 1 if column in names else None
    return None


def _escape_data(text: str) -> str:
    """Escape the message of a workflow command (the forge's workflow-commands spec)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
