"""Names that map to accelerators through ``accelerator_aliases``, and the consistency of the rows that
use them: one alias (ignoring case and surrounding spaces) names one accelerator; an MLPerf result's
free-text accelerator name maps to its ``accelerator_id``; its per-node count multiplies out to its
accelerator count. Measurements say where they come from. (Unknown ids are the foreign-key rule's.) Each check
is declared in ``CHECKS`` (``declared.Check``) and runs with the plausibility checks."""

from __future__ import annotations

import difflib

from ..problems import Problem
from .declared import Check
from .query import Query

#: How an alias is compared: case-insensitively, surrounding spaces ignored (DuckDB SQL).
NORMAL = "lower(trim({}))"


def normal(name: str) -> str:
    """The form in which names are compared (the Python twin of NORMAL)."""
    return name.strip().lower()


def nearest_alias(name: str, aliases: list[str]) -> str | None:
    """The alias closest to ``name``, compared case-insensitively; None when none is close."""
    by_normal = {normal(a): a for a in aliases}
    match = difflib.get_close_matches(normal(name), list(by_normal), n=1, cutoff=0.6)
    return by_normal[match[0]] if match else None


def ambiguous_aliases(q: Query) -> list[Problem]:
    """An alias that, ignoring case and spaces, points to two accelerators is an error on each of its rows; one
    that repeats with the same accelerator is redundant (a warning)."""
    key = NORMAL.format("alias")
    groups = (f"SELECT {key} AS k, string_agg(DISTINCT accelerator_id, ', ' ORDER BY accelerator_id) AS ids, "
              "count(DISTINCT accelerator_id) AS n_ids, count(*) AS n FROM accelerator_aliases GROUP BY k "
              "HAVING count(*) > 1")
    sql = (f"SELECT a.rowid, a.alias, g.ids, g.n_ids FROM accelerator_aliases a JOIN ({groups}) g "
           f"ON {NORMAL.format('a.alias')} = g.k ORDER BY a.rowid")
    out = []
    for rowid, alias, ids, n_ids in q.con.execute(sql).fetchall():
        line = q.loaded.line_of("accelerator_aliases", rowid)
        if n_ids > 1:
            out.append(Problem(q.file("accelerator_aliases"), line, "alias", alias,
                               f"ambiguous alias: ignoring case and spaces it names {n_ids} accelerators ({ids})",
                               "one name must mean one accelerator: make the alias specific (memory, form factor) "
                               "or remove the wrong row"))
        else:
            out.append(Problem(q.file("accelerator_aliases"), line, "alias", alias,
                               "alias repeats another row's (matching ignores case and spaces)",
                               "keep one row; mention the other spelling in its notes", "warning"))
    return out


def mlperf_names(q: Query) -> list[Problem]:
    """Each result's accelerator_name maps through the aliases, to the row's own accelerator_id."""
    aliases = [r[0] for r in q.con.execute("SELECT alias FROM accelerator_aliases").fetchall()]
    sql = (f"SELECT m.rowid, m.accelerator_name, m.accelerator_id, string_agg(DISTINCT a.accelerator_id, ', ') "
           f"FROM mlperf_training m LEFT JOIN accelerator_aliases a "
           f"ON {NORMAL.format('a.alias')} = {NORMAL.format('m.accelerator_name')} "
           "WHERE m.accelerator_name IS NOT NULL GROUP BY ALL ORDER BY m.rowid")
    out = []
    for rowid, name, accelerator_id, mapped in q.con.execute(sql).fetchall():
        line = q.loaded.line_of("mlperf_training", rowid)
        if mapped is None:
            near = nearest_alias(name, aliases)
            hint = (f"the nearest alias is `{near}`; " if near else "") + \
                "add the name to accelerator_aliases.csv (with the accelerator it names) or correct it"
            out.append(Problem(q.file("mlperf_training"), line, "accelerator_name", name,
                               "accelerator name matches no alias in accelerator_aliases", hint))
        elif accelerator_id is not None and accelerator_id not in mapped.split(", "):
            out.append(Problem(q.file("mlperf_training"), line, "accelerator_id", accelerator_id,
                               f"accelerator_name `{name}` maps through accelerator_aliases to `{mapped}`, not to "
                               "this accelerator_id", "correct the accelerator_id, or the alias if it is wrong"))
    return out


CHECKS: tuple[Check, ...] = (
    Check("ambiguous-alias", "accelerator_aliases", "alias",
          "an alias that, ignoring case and surrounding spaces, names two accelerators (an error on each of its "
          "rows); one that repeats with the same accelerator is redundant (a warning)",
          "one name must mean one accelerator: make the alias specific (memory, form factor) or remove the "
          "wrong row", find=lambda q, have: ambiguous_aliases(q)),
    Check("mlperf-name-vs-id", "mlperf_training", "accelerator_name",
          "an MLPerf result's accelerator_name matches no alias, or maps to another accelerator than its "
          "accelerator_id", "add the name to accelerator_aliases.csv, or correct the accelerator_id",
          reads=("accelerator_aliases",), find=lambda q, have: mlperf_names(q)),
    Check("mlperf-count-vs-nodes", "mlperf_training", "accelerator_count",
          "node_count × accelerators_per_node differs from accelerator_count",
          "MLPerf gives accelerators per node: multiply by the number of nodes",
          where="node_count * accelerators_per_node <> accelerator_count",
          value="node_count || ' x ' || accelerators_per_node || ' <> ' || accelerator_count"),
    Check("measured-without-size", "measurements", "size", "a row measured with compute-atlas measure needs its size",
          "rerun compute-atlas measure", where="provenance = 'measured' AND size IS NULL", value="coalesce(shape, '')"),
    Check("measured-without-host", "measurements", "host", "a row measured with compute-atlas measure needs its host",
          "describe the machine it ran on", where="provenance = 'measured' AND host IS NULL", value="host"),
    Check("published-without-url", "measurements", "source_url", "a published measurement needs the URL of its source",
          "link the table or page the figure is in", where="provenance = 'published' AND source_url IS NULL",
          value="source_url"),
    Check("matmul-without-flop", "measurements", "achieved_flop_per_s",
          "a matrix-multiply row needs its achieved FLOP/s", where="benchmark = 'matmul' AND achieved_flop_per_s IS NULL",
          value="achieved_flop_per_s"),
    Check("copy-without-bytes", "measurements", "achieved_bytes_per_s", "a copy row needs its achieved bytes/s",
          where="benchmark = 'memory_copy' AND achieved_bytes_per_s IS NULL", value="achieved_bytes_per_s"),
)
