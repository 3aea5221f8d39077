"""``datapackage.json``: the Frictionless Data Package descriptor of the CSV exports, generated from the
same metadata as the database (fields, types, units, descriptions, primary and foreign keys, licences,
sources). ``frictionless validate build/datapackage.json`` checks the exports against it."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from .. import __version__
from ..metadata.constraints import frictionless
from ..schemas import RELATIONS, SCHEMA_VERSION, Relation
from ..sql import ident

FRICTIONLESS_TYPES = {"VARCHAR": "string", "DOUBLE": "number", "BIGINT": "integer", "BOOLEAN": "boolean",
                      "DATE": "date", "TIMESTAMP": "datetime"}

LICENSES = [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
             "path": "https://creativecommons.org/licenses/by/4.0/"}]


def schema(rel: Relation) -> dict:
    fields = []
    for c in rel.columns():
        f = {"name": c.name, "type": FRICTIONLESS_TYPES[c.sql_type], "description": c.full_description}
        if c.unit:
            f["unit"] = c.unit  # the atlas's unit code; the data dictionary lists the vocabulary
            f["unitLabel"] = c.unit_label
        elif c.unit_from:
            f["unitFrom"] = c.unit_from
        if c.sql_type == "BOOLEAN":
            f["trueValues"], f["falseValues"] = ["true"], ["false"]
        cons = frictionless(c.constraints)
        if cons:
            f["constraints"] = cons
        fields.append(f)
    out: dict = {"fields": fields, "missingValues": [""]}
    if rel.key:
        out["primaryKey"] = list(rel.key)
    # a list-valued key (`a;b`) is no Table Schema foreign key; the build checks those itself
    fks = [{"fields": [fk.column], "reference": {"resource": fk.table, "fields": [fk.ref_column]}}
           for fk in rel.foreign_keys if fk.sep is None]
    if fks:
        out["foreignKeys"] = fks
    return out


def sources(con: duckdb.DuckDBPyConnection, rel: Relation) -> list[dict]:
    """The works a table's rows cite, with their titles and URLs."""
    if "source" not in rel.schema.columns:
        return []
    rows = con.execute(f"""
        WITH keys AS (SELECT DISTINCT unnest(string_split(source, ';')) AS k FROM {ident(rel.name)}
                      WHERE source IS NOT NULL)
        SELECT r.reference_key, r.title, r.url FROM keys JOIN "references" r ON r.reference_key = keys.k
        ORDER BY r.reference_key""").fetchall()
    return [{"title": title, **({"path": url} if url else {}), "citationKey": key} for key, title, url in rows]


#: The column of a derived relation whose every row says the date it is current to (``headline_figures``).
ROW_CURRENT_TO = "current_to_date"


def descriptor(con: duckdb.DuckDBPyConnection) -> dict:
    resources = []
    for rel in RELATIONS:
        res = {"name": rel.name, "path": f"csv/{rel.name}.csv", "profile": "tabular-data-resource",
               "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "description": rel.description,
               "schema": schema(rel)}
        cited = sources(con, rel)
        if cited:
            res["sources"] = cited
        if rel.as_of:
            newest = con.execute(f"SELECT CAST(max({ident(rel.as_of)}) AS VARCHAR) FROM {ident(rel.name)}").fetchone()[0]
            res["x-data-current-to"] = {"date": newest, "column": rel.as_of}
        elif ROW_CURRENT_TO in {c.name for c in rel.columns()}:
            # a relation whose rows each carry their own as-of date (headline_figures): the newest, and the column
            newest = con.execute(f"SELECT CAST(max({ident(ROW_CURRENT_TO)}) AS VARCHAR) FROM {ident(rel.name)}"
                                 ).fetchone()[0]
            res["x-data-current-to"] = {"date": newest, "column": ROW_CURRENT_TO, "per_row": True}
        resources.append(res)
    return {
        "name": "compute-atlas",
        "title": "Compute Atlas",
        "description": "An open, tested knowledge base of AI compute efficiency: curated datasets and the metrics "
                       "derived from them. Every row of a curated table cites its source.",
        "version": SCHEMA_VERSION,
        "profile": "tabular-data-package",
        "licenses": LICENSES,
        "keywords": ["AI compute", "accelerators", "training cost", "efficiency"],
        "x-software-version": __version__,
        "resources": resources,
    }


def write(con: duckdb.DuckDBPyConnection, out: Path) -> None:
    out.write_text(json.dumps(descriptor(con), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
