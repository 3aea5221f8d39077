"""The schemas are the single source: check the metadata itself, and what is generated from it."""

import duckdb
import pytest

from compute_atlas import paths
from compute_atlas.schemas import CURATED, DERIVED, RELATIONS
from compute_atlas.sql import comments, create_table, duckdb_columns

from conftest import DATASETS


def test_every_column_is_described_and_typed():
    for rel in RELATIONS:
        assert rel.description, rel.name
        for col in rel.columns():
            assert col.description, f"{rel.name}.{col.name} has no description"
            assert col.sql_type, f"{rel.name}.{col.name} has an unmapped type"


def test_ddl_creates_every_relation_with_comments():
    con = duckdb.connect()
    for rel in RELATIONS:
        con.execute(create_table(rel))
        for stmt in comments(rel):
            con.execute(stmt)
    got = con.execute("SELECT table_name, column_name, data_type, comment FROM duckdb_columns()").fetchall()
    by_table = {}
    for table, column, dtype, comment in got:
        by_table.setdefault(table, []).append((column, dtype, comment))
    for rel in RELATIONS:
        cols = by_table[rel.name]
        assert [c[0] for c in cols] == [c.name for c in rel.columns()]
        assert [c[1] for c in cols] == list(duckdb_columns(rel).values())
        assert all(c[2] for c in cols), f"{rel.name} has a column without a comment"
    tables = dict(con.execute("SELECT table_name, comment FROM duckdb_tables()").fetchall())
    assert all(tables[r.name] for r in RELATIONS)


def test_required_columns_are_not_null_in_ddl():
    rel = next(r for r in CURATED if r.name == "accelerators")
    ddl = create_table(rel)
    assert "accelerator_id VARCHAR NOT NULL" in ddl
    assert "launch_price_usd DOUBLE," in ddl  # optional stays nullable


def test_every_derived_relation_has_one_pipeline_file():
    files = {p.stem for p in paths.PIPELINE_DIR.glob("*.sql")} | {
        p.stem for p in paths.PIPELINE_DIR.glob("*.py") if not p.name.startswith("_")}
    assert files == {r.name for r in DERIVED}


@pytest.mark.parametrize("rel", [r for r in CURATED if r.csv_file], ids=lambda r: r.name)
def test_every_curated_relation_has_its_dataset(rel):
    header = (DATASETS / rel.csv_file).read_text(encoding="utf-8").split("\n", 1)[0]
    assert header.split(",") == [c.name for c in rel.columns()]
