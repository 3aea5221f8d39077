"""Tests of the metadata graph itself (as PUDL does): units, shared fields, keys, foreign keys, declared inputs."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import typing
from collections import defaultdict
from dataclasses import replace

import pandera.polars as pa
import pytest

from compute_atlas import paths
from compute_atlas.metadata.declarations import Declaration
from compute_atlas.metadata.fields import SHARED
from compute_atlas.metadata.units import UNITS, fmt_value, suffix_units
from compute_atlas.publish import steps
from compute_atlas.schemas import CURATED, DERIVED, RELATIONS, Relation, relation

#: Units whose quantity a column's name need not spell out (a count of transistors, a year, a ratio).
SUFFIX_FREE = {"count", "number", "year", "index_points", "log10", "date"}


def all_columns():
    return [(rel, col) for rel in RELATIONS for col in rel.columns()]


def test_every_unit_is_in_the_vocabulary():
    for rel, col in all_columns():
        assert col.unit is None or col.unit in UNITS, f"{rel.name}.{col.name}: unknown unit {col.unit!r}"
        if col.unit_from:
            assert col.unit_from in rel.schema.columns or col.unit_from == "quantity", (rel.name, col.name)


def test_every_column_name_agrees_with_its_unit():
    bad = []
    for rel, col in all_columns():
        implied = suffix_units(col.name)
        if implied and col.unit not in implied:
            bad.append(f"{rel.name}.{col.name}: name implies {sorted(implied)}, unit is {col.unit}")
        if col.unit and col.unit not in SUFFIX_FREE and not implied:
            bad.append(f"{rel.name}.{col.name}: unit {col.unit} but no suffix of it in the name")
    assert not bad, "\n".join(bad)


def test_suffix_rule_catches_a_wrong_unit():
    assert suffix_units("peak_flop_per_s") == {"flop_per_s"}
    assert suffix_units("cost_estimate_usd_2024") == {"usd_2024"}
    assert suffix_units("doubling_time_years_low") == {"years"}
    assert "flop" not in suffix_units("peak_flop_per_s")


def described_differently() -> dict[str, list[str]]:
    """Column names that occur in several relations and are described differently in two of them: the published
    description (``COMMENT ON COLUMN``, the dictionary, ``datapackage.json``) is the registered field's text, to
    which a relation may only append a note."""
    seen = defaultdict(list)
    for rel, col in all_columns():
        seen[col.name].append((rel, col))
    out = {}
    for name, uses in seen.items():
        if len(uses) < 2:
            continue
        bases = {SHARED[name].description if name in SHARED else col.description for _, col in uses}
        (base,) = bases if len(bases) == 1 else (None,)
        odd = [f"{rel.name}: {col.full_description}" for rel, col in uses
               if col.field != name or base is None or not col.full_description.startswith(base)]
        if odd:
            out[name] = odd
    return out


def test_no_column_name_is_described_differently_in_two_relations():
    found = described_differently()
    assert len(found) == 0, f"{len(found)} names described differently:\n" + "\n".join(
        f"{name} (use shared({name!r}), a note for what a relation adds):\n  " + "\n  ".join(uses)
        for name, uses in found.items())


def test_a_second_description_of_a_shared_name_is_counted(monkeypatch):
    """A relation that defines a shared name with field(...), its own text, is counted."""
    rel = relation("glossary")
    own = next(c for c in rel.columns() if c.name == "source")
    monkeypatch.setattr(type(rel), "columns", lambda self: [
        replace(c, field=None, description="Where the term is defined.") if (self.name, c.name) == (
            "glossary", "source") else c for c in self._columns])
    assert own.field == "source"
    assert list(described_differently()) == ["source"]


def test_shared_fields_keep_their_type():
    py = {"String": str, "Float64": float, "Int64": int, "Boolean": bool, "Date": "date"}
    for rel, col in all_columns():
        if col.field:
            want = SHARED[col.field].dtype
            got = py[col.dtype]
            assert got == want or (got == "date" and want.__name__ == "date"), (rel.name, col.name, got, want)


def test_every_registered_field_is_used_by_two_relations():
    uses = defaultdict(set)
    for rel, col in all_columns():
        if col.field:
            uses[col.field].add(rel.name)
    lonely = {name: sorted(uses.get(name, ())) for name in SHARED if len(uses.get(name, ())) < 2}
    assert not lonely, f"registered fields used by fewer than two relations: {lonely}"


def test_a_derived_copy_inherits_the_curated_checks():
    curated = relation("training_runs").schema.columns["precision"]
    derived = relation("training_run_costs").schema.columns["precision"]
    assert [c.name for c in curated.checks] == [c.name for c in derived.checks] == ["isin"]
    metric = relation("technique_effects").schema.columns["metric"]
    assert any(c.name == "isin" for c in metric.checks)


def test_every_relation_has_a_key_and_a_description():
    for rel in RELATIONS:
        assert rel.key, rel.name
        assert all(k in rel.schema.columns for k in rel.key), rel.name
        assert len(rel.description) > 40, rel.name
        for col in rel.columns():
            assert col.full_description, f"{rel.name}.{col.name} has no description"


def test_every_foreign_key_points_at_a_key():
    names = {r.name for r in RELATIONS}
    for rel in RELATIONS:
        for fk in rel.foreign_keys:
            assert fk.column in rel.schema.columns, (rel.name, fk)
            assert fk.table in names, (rel.name, fk)
            target = relation(fk.table)
            assert (fk.ref_column,) == target.key or target.schema.columns[fk.ref_column].unique, (rel.name, fk)


def test_list_valued_foreign_keys_are_declared():
    declared = {(r.name, fk.column) for r in CURATED for fk in r.foreign_keys if fk.sep}
    assert {("glossary", "related_terms"), ("techniques", "glossary_terms")} <= declared


def test_a_declaration_with_an_unknown_key_fails():
    with pytest.raises(TypeError, match="date_floor"):
        Declaration(kind="curated", csv="x.csv", key=("x_id",), date_floor={"d": "2020-01-01"})
    with pytest.raises(TypeError, match="imputs"):
        Declaration(kind="derived", key=("x_id",), imputs=("accelerators",))


def test_a_declaration_of_the_wrong_shape_fails():
    with pytest.raises(ValueError, match="kind 'raw'"):
        Declaration(kind="raw", csv="x.csv", key=("x_id",))
    with pytest.raises(ValueError, match="not the string"):
        Declaration(kind="curated", csv="x.csv", key="x_id")
    with pytest.raises(ValueError, match="inputs"):
        Declaration(kind="derived", key=("x_id",))
    with pytest.raises(ValueError, match="`assumptions` is not among the inputs"):
        Declaration(kind="derived", key=("x_id",), inputs=("accelerators",), assumptions=("pue",))
    with pytest.raises(ValueError, match="month must be in 1..12"):
        Declaration(kind="curated", csv="x.csv", key=("x_id",), date_floors={"d": "2020-13-01"})


def test_a_model_without_a_declaration_is_refused():
    class Undeclared(pa.DataFrameModel):
        x_id: str = pa.Field()

        class Config:
            metadata = {"kind": "curated", "csv": "x.csv", "key": ["x_id"]}

    with pytest.raises(TypeError, match="must be a Declaration"):
        Relation("undeclared", Undeclared)


def test_declarations_are_typed():
    accelerators = relation("accelerators")
    assert accelerators.kind == "curated" and accelerators.key == ("accelerator_id",)
    assert accelerators.date_floors["release_date"] == dt.date(1999, 1, 1)
    assert accelerators.declaration.gib_vendors == ("Google", "AWS")
    proxies = {fk.column: fk for fk in relation("price_proxies").foreign_keys}
    assert proxies["proxy_accelerator_id"].ref_column == "accelerator_id"
    assert {r.kind for r in RELATIONS} == {"curated", "derived", "bookkeeping"}
    assert relation("headline_figures").declaration.assumptions is None  # reads every assumption
    assert "pue" in relation("training_run_costs").assumptions


def test_every_derived_relation_declares_existing_inputs_it_reads():
    names = {r.name for r in RELATIONS}
    for rel in DERIVED:
        assert rel.inputs, rel.name
        assert set(rel.inputs) <= names, rel.name
        path = next(paths.PIPELINE_DIR.glob(f"{rel.name}.*"))
        text = path.read_text()
        for name in rel.inputs:
            assert re.search(rf"\b{name}\b", text), f"{rel.name} declares {name} but its step never names it"


def test_assumption_and_parameter_ids_in_steps_are_declared():
    for rel in DERIVED:
        path = next(paths.PIPELINE_DIR.glob(f"{rel.name}.*"))
        text = path.read_text()
        for kind, attr in (("assumption_id", "assumptions"), ("parameter_id", "parameters")):
            if getattr(rel.declaration, attr) is None:
                continue  # the step reads the whole table (headline_figures quotes every row)
            used = set(re.findall(kind + r"\s*=\s*'([a-z0-9-]+)'", text))
            used |= set(re.findall(r"parameter\(con, \"([a-z0-9-]+)\"\)", text)) if attr == "parameters" else set()
            assert used <= set(getattr(rel, attr)), f"{rel.name} uses undeclared {attr}: {used - set(getattr(rel, attr))}"


def test_annotations_and_schema_agree():
    for rel in RELATIONS:
        hints = typing.get_type_hints(rel.model)
        assert set(rel.schema.columns) <= set(hints), rel.name


def test_units_format_as_readers_expect():
    assert fmt_value(9.894e14, "flop_per_s") == "989 TFLOP/s"
    assert fmt_value(2.5e6, "kwh") == "2.5 GWh"
    assert fmt_value(0.9, "frac") == "90 %"
    assert fmt_value(1.25e8, "usd_2024") == "$125 million (2024)"
    assert fmt_value(3, "factor") == "3×"
    assert fmt_value(None, "bytes") == "n/a"


def test_a_step_that_reads_an_undeclared_relation_fails_clearly(tmp_path, built):
    import duckdb

    pipeline = tmp_path / "pipeline"
    shutil.copytree(paths.PIPELINE_DIR, pipeline)
    sql = pipeline / "technique_summary.sql"
    sql.write_text(sql.read_text().replace("FROM technique_effects", "FROM technique_effects, (SELECT 1 FROM accelerators LIMIT 1)"))
    con = duckdb.connect(str(tmp_path / "db.duckdb"))
    con.execute(f"ATTACH '{built / paths.DATABASE_FILE}' AS src (READ_ONLY)")
    con.execute("CREATE TABLE technique_effects AS SELECT * FROM src.technique_effects")
    con.execute("CREATE TABLE accelerators AS SELECT * FROM src.accelerators")
    con.execute("DETACH src")
    step = next(s for s in steps.discover(pipeline) if s.name == "technique_summary")
    with pytest.raises(steps.PipelineError, match="reads `accelerators`, which the schema of `technique_summary` "
                                                  "does not declare"):
        step.run(con)
    # the declared read works, and the sandbox is gone afterwards
    sql.write_text((paths.PIPELINE_DIR / "technique_summary.sql").read_text())
    con.execute("DROP TABLE technique_summary")
    step.run(con)
    assert con.execute("SELECT count(*) FROM technique_summary").fetchone()[0] > 0
    assert "step_sandbox" not in {r[0] for r in con.execute("SELECT database_name FROM duckdb_databases()").fetchall()}


def test_every_release_date_basis_is_explained_and_the_day_bases_are_in_it():
    # the data dictionary documents each code of accelerators.release_date_basis, and the checks' day bases
    # (a 1st of the month under them warns) are codes of the vocabulary
    from compute_atlas.metadata.vocabularies import RELEASE_DATE_BASES, RELEASE_DATE_DAY_BASES
    column = next(c for c in relation("accelerators").columns() if c.name == "release_date_basis")
    assert not column.nullable
    for code in RELEASE_DATE_BASES:
        assert f"`{code}`" in column.description, code
    assert set(RELEASE_DATE_DAY_BASES) < set(RELEASE_DATE_BASES)
    assert not {"month_only", "year_only", "unverified"} & set(RELEASE_DATE_DAY_BASES)
