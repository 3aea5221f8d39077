"""As-of dates: each headline figure's own `current_to_date`, and an entity's "last changed" from `value_history`."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pytest

from compute_atlas.site import entities

from conftest import cli, edit_csv, read_rows


@pytest.fixture(scope="module")
def db(built):
    con = duckdb.connect(str(built / "compute_atlas.duckdb"), read_only=True)
    yield con
    con.close()


def test_every_headline_figure_has_a_date(db):
    """Every figure has the date it is current to, but a constant the atlas chose and cites no source for."""
    undated = db.execute("SELECT figure_id FROM headline_figures WHERE current_to_date IS NULL").fetchall()
    unsourced = {f"parameter_{p.replace('-', '_')}" for (p,) in
                 db.execute("SELECT parameter_id FROM parameters WHERE source IS NULL").fetchall()}
    assert {f for (f,) in undated} <= unsourced
    assert db.execute("SELECT count(current_to_date) FROM headline_figures").fetchone()[0] > 0


def test_a_figure_is_current_to_no_later_than_its_data(db):
    """No figure is dated after the newest as-of date of any dataset: its date is one of its rows', not the build's
    (a year-valued row counts as its last day)."""
    newest = max(dt.date.fromisoformat(v) if "-" in v else dt.date(int(v), 12, 31) for (v,) in db.execute(
        "SELECT value_text FROM build_info WHERE item LIKE 'current_to:%'").fetchall())
    late = db.execute("SELECT figure_id, current_to_date FROM headline_figures WHERE current_to_date > ?",
                      [newest]).fetchall()
    assert late == []


def test_a_figures_date_moves_with_a_newer_row_behind_it(datasets, tmp_path, db):
    """Give the newest cloud price a later date: the count of cloud prices is current to that date, and a figure
    that no cloud price enters (the count of accelerators) keeps its own."""
    def date_of(con, figure):
        return con.execute("SELECT current_to_date FROM headline_figures WHERE figure_id = ?", [figure]).fetchone()[0]

    rows = read_rows(datasets / "cloud_prices.csv")
    newest = max(range(len(rows)), key=lambda i: rows[i]["price_date"])
    later = dt.date.fromisoformat(rows[newest]["price_date"]) + dt.timedelta(days=1)
    if later > dt.date.today():
        pytest.skip("the newest cloud price is dated today: no later date is a valid one")
    assert date_of(db, "cloud_prices_count") < later
    edit_csv(datasets / "cloud_prices.csv", newest, "price_date", later.isoformat())
    out = tmp_path / "build"
    result = cli("build", "--no-site", "--datasets", datasets, "--build-dir", out)
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(out / "compute_atlas.duckdb"), read_only=True)
    try:
        assert date_of(con, "cloud_prices_count") == later
        assert date_of(con, "accelerators_count") == date_of(db, "accelerators_count")
    finally:
        con.close()


def test_the_datapackage_says_where_each_figures_date_is(built, db):
    pkg = json.loads((built / "datapackage.json").read_text())
    res = next(r for r in pkg["resources"] if r["name"] == "headline_figures")
    field = next(f for f in res["schema"]["fields"] if f["name"] == "current_to_date")
    assert field["type"] == "date" and "current to" in field["description"]
    newest = db.execute("SELECT CAST(max(current_to_date) AS VARCHAR) FROM headline_figures").fetchone()[0]
    assert res["x-data-current-to"] == {"date": newest, "column": "current_to_date", "per_row": True}


def test_last_changed_of_every_entity_is_its_newest_value_change(db):
    """An entity's "data last changed" is value_history's newest date among the rows that name it (the build
    has no second record of row changes): every accelerator and model, and none without a change."""
    loaded = entities.load(db)
    for kind, column in entities.ID_COLUMNS.items():
        newest = dict(db.execute(f"SELECT {column}, max(changed_date) FROM value_history "
                                 f"WHERE {column} IS NOT NULL GROUP BY 1").fetchall())
        shown = {i: e.last_changed for i, e in loaded[kind].items()}
        assert shown == {i: newest[i].isoformat() if i in newest else None for i in shown}, kind
        assert any(shown.values()), kind


def test_a_page_gives_the_dates_of_the_figures_it_names(tmp_path, built, db):
    """``{atlas-figure-current-to}`` says each named figure's own date, in the order named; a figure without a
    date cannot be named (the page fails to build)."""
    from conftest import sphinx_one_page

    figures = db.execute("SELECT figure_id, current_to_date FROM headline_figures WHERE current_to_date IS NOT NULL "
                         "ORDER BY current_to_date, figure_id").fetchall()
    (first, early), (last, late) = figures[0], figures[-1]
    assert early < late
    proc = sphinx_one_page(tmp_path / "a", built, f"# T\n\n{{atlas-figure-current-to}}`{last} {first}`\n")
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "a" / "out" / "index.html").read_text()
    assert f"The figures above are current to {late.isoformat()} and {early.isoformat()} respectively." in page
    undated = db.execute("SELECT figure_id FROM headline_figures WHERE current_to_date IS NULL LIMIT 1").fetchone()
    if undated:
        proc = sphinx_one_page(tmp_path / "b", built, f"# T\n\n{{atlas-figure-current-to}}`{undated[0]}`\n")
        assert proc.returncode != 0 and "has no date it is current to" in proc.stderr
