"""Problems found in the data, and how they are shown to people and machines."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from itertools import groupby

from rich.console import Console
from rich.markup import escape


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

    def location(self) -> str:
        loc = self.file
        if self.line is not None:
            loc += f":{self.line}"
        if self.column:
            loc += f" [{self.column}]"
        return loc


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
