"""Reviewed exceptions to plausibility warnings (``check_exceptions.csv``): a warning that a row trips on
purpose is left out of the report when an exception names its check and the row's key. Each exception is
validated like data: its check must exist and be one that warns, its row must exist, and an exception
that no longer matches a warning is itself reported (a warning), so that none goes stale. An exception of a row of
an optional table that is empty (a build without inference prices) is left aside: its check has nothing to warn
about, and the exception is neither stale nor wrong."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from ..problems import Problem
from ..schemas import relation
from ..sql import ident

if TYPE_CHECKING:
    from .declared import Check
    from .query import Query as _Query

TABLE = "check_exceptions"


def apply(q: _Query, have: set[str], found: list[tuple[Problem, str]], ran: set[str],
          checks: dict[str, Check]) -> list[Problem]:
    """``found`` (problem, row key) less the warnings an exception accepts, plus the problems of the
    exceptions themselves; ``checks`` are the declared checks by name, ``ran`` names those that ran (an
    exception of a check that could not run, for want of a table, is not stale)."""
    if TABLE not in have:
        return [p for p, _ in found]
    file = q.file(TABLE)
    rows = q.con.execute(f"SELECT rowid, check_name, row_key FROM {TABLE} ORDER BY rowid").fetchall()
    out: list[Problem] = []
    valid: dict[tuple[str, str], int] = {}
    keys: dict[str, set[str]] = {}
    for rowid, name, key in rows:
        line = q.loaded.line_of(TABLE, rowid)
        check = checks.get(name)
        if check is None:
            near = difflib.get_close_matches(name, list(checks), n=1, cutoff=0.5)
            out.append(Problem(file, line, "check_name", name, "no such check",
                               f"did you mean `{near[0]}`?" if near else "use a name from the contributing "
                               "guide's list of checks"))
            continue
        if check.severity != "warning" or check.find is not None:
            out.append(Problem(file, line, "check_name", name, "only a warning of a row can be excepted; this "
                               "check's problems are errors", "correct the data instead"))
            continue
        if check.table in have:
            if check.table not in keys:
                cols = ", ".join(ident(k) for k in relation(check.table).key)
                keys[check.table] = {r[0] for r in q.con.execute(
                    f"SELECT concat_ws(' | ', {cols}) FROM {ident(check.table)}").fetchall()}
            if not keys[check.table]:  # an optional table left empty: the exception waits for its rows
                continue
            if key not in keys[check.table]:
                near = difflib.get_close_matches(key, sorted(keys[check.table]), n=1, cutoff=0.5)
                out.append(Problem(file, line, "row_key", key, f"no such row in {check.table} (the table of check "
                                   f"{name})", f"did you mean `{near[0]}`?" if near else
                                   f"use the row's {' | '.join(relation(check.table).key)}"))
                continue
        valid[(name, key)] = line
    used = set()
    for p, key in found:
        if p.severity == "warning" and (p.check, key) in valid:
            used.add((p.check, key))
        else:
            out.append(p)
    for (name, key), line in valid.items():
        if (name, key) not in used and name in ran:
            out.append(Problem(file, line, "row_key", key, f"stale exception: check {name} no longer warns "
                               "about this row", "remove the row (the data or the check changed), or review "
                               "it again", "warning"))
    return out
