"""Every derived step on thin inputs: each input emptied or cut to one row, alone, and all of them at once cut
to none, one or three rows. A step must then make rows of its schema (perhaps none), never raise: a fit with too
few points is no row or a row without a fit, an aggregate of nothing is empty or NULL.

A step runs here as in a build (``Step.run``: its sandbox, its output held to its schema's column checks), in a
database that holds only its declared inputs, copied from one build of the shipped data. ``parameters`` and
``assumptions`` stay whole: a missing row of them is a validation error (``test_deletions``)."""

from __future__ import annotations

import duckdb
import pytest

from compute_atlas import paths
from compute_atlas.publish.database import build_database
from compute_atlas.publish.steps import Step
from compute_atlas.schemas import DERIVED
from compute_atlas.sql import ident

from conftest import DATASETS

#: constants of the model, never cut here
CONSTANTS = ("parameters", "assumptions")
#: bootstrap resamples of the fits here (the shipped parameter asks for 1000)
BOOTSTRAP_SAMPLES = 50


def _step(name: str) -> Step:
    path = paths.PIPELINE_DIR / f"{name}.sql"
    return Step(name, path if path.exists() else paths.PIPELINE_DIR / f"{name}.py")


def _cuttable(rel) -> list[str]:
    return [i for i in rel.inputs if i not in CONSTANTS]


CASES = [pytest.param(rel.name, {i: n for i in _cuttable(rel)}, id=f"{rel.name}-all-{n}")
         for rel in DERIVED for n in (0, 1, 3)]
#: each input cut on its own: the full suite runs them, `nox -s quick` only the cases above
CASES += [pytest.param(rel.name, {i: n}, id=f"{rel.name}-{i}-{n}", marks=pytest.mark.slow)
          for rel in DERIVED for i in _cuttable(rel) for n in (0, 1)]


@pytest.fixture(scope="module")
def built_db(tmp_path_factory) -> str:
    """The database of the shipped data, built once."""
    out = tmp_path_factory.mktemp("shipped")
    build_database(DATASETS, out)
    return str((out / paths.DATABASE_FILE).resolve())


@pytest.fixture
def shipped(built_db):
    """That database, opened read-only."""
    con = duckdb.connect(built_db, read_only=True)
    yield con
    con.close()


def thin(shipped, name: str, keep: dict[str, int], writable: tuple[str, ...] = ()) -> duckdb.DuckDBPyConnection:
    """A database with the inputs of step ``name`` (views of the shipped build; tables for those in ``writable``),
    those in ``keep`` cut to their first n rows."""
    path = shipped.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()[0]
    con = duckdb.connect()
    con.execute(f"ATTACH '{path}' AS shipped (READ_ONLY)")
    for table in _step(name).relation.inputs:
        limit = f" LIMIT {keep[table]}" if table in keep else ""
        kind = "TABLE" if table in writable else "VIEW"
        select = f"SELECT * FROM shipped.main.{ident(table)} ORDER BY rowid{limit}"
        if table == "parameters":  # fewer resamples: the same paths, sooner
            kind, select = "TABLE", ("SELECT * REPLACE (CASE parameter_id WHEN 'bootstrap-samples' THEN "
                                     f"{BOOTSTRAP_SAMPLES} ELSE value END AS value) FROM shipped.main.parameters")
        con.execute(f"CREATE {kind} memory.main.{ident(table)} AS {select}")
    return con


def run(shipped, name: str, keep: dict[str, int]) -> duckdb.DuckDBPyConnection:
    con = thin(shipped, name, keep)
    _step(name).run(con)
    return con


def rows(con, sql: str, params=()) -> list[tuple]:
    return con.execute(sql, list(params)).fetchall()


@pytest.mark.parametrize(("name", "keep"), CASES)
def test_step_runs_on_thin_inputs(shipped, name, keep):
    con = run(shipped, name, keep)
    want = [c.name for c in _step(name).relation.columns()]
    assert [r[0] for r in rows(con, f"DESCRIBE {ident(name)}")] == want


def test_every_derived_relation_has_a_case():
    assert {p.values[0] for p in CASES} == {r.name for r in DERIVED}


# --- what thin inputs give, step by step ------------------------------------------------------------------------

def test_trend_fits_without_chips_keep_the_run_fits(shipped):
    full = rows(shipped, "SELECT fit_id FROM trend_fits WHERE source_relation = 'training_run_costs' ORDER BY 1")
    for n in (0, 1, 2):  # fewer than three points: no fit, no row
        con = run(shipped, "trend_fits", {"accelerator_efficiency": n})
        assert rows(con, "SELECT fit_id FROM trend_fits ORDER BY 1") == full


def test_trend_fits_of_points_on_one_date_give_no_row(shipped):
    con = thin(shipped, "trend_fits", {}, writable=("accelerator_efficiency",))
    con.execute("UPDATE accelerator_efficiency SET release_date = DATE '2020-01-01'")
    _step("trend_fits").run(con)
    assert rows(con, "SELECT count(*) FROM trend_fits WHERE source_relation = 'accelerator_efficiency'") == [(0,)]
    assert rows(con, "SELECT count(*) FROM trend_fits")[0][0] > 0


def test_inference_price_trends_of_one_point_say_so(shipped):
    con = run(shipped, "inference_price_trends", {"inference_price_frontier": 1})
    got = rows(con, "SELECT n_points, decline_per_year_x, notes FROM inference_price_trends ORDER BY threshold_id")
    assert len(got) == rows(shipped, "SELECT count(*) FROM inference_thresholds")[0][0]
    assert all(d is None for _, d, _ in got)
    assert {n for n, _, _ in got} <= {0, 1}
    assert any(note.startswith("too few record setters: 1 of the 3") for n, _, note in got if n == 1)


def test_algorithmic_progress_without_models_says_why(shipped):
    con = run(shipped, "algorithmic_progress", {"benchmark_scores": 1})
    got = rows(con, "SELECT halving_time_months, n_models, notes FROM algorithmic_progress")
    assert len(got) == 2 * rows(shipped, "SELECT count(*) FROM benchmarks")[0][0]
    assert all(h is None and n <= 1 and notes.startswith(("not enough models", "no thresholds"))
               for h, n, notes in got)


def test_claims_without_trend_fits_cannot_be_checked(shipped):
    con = run(shipped, "claim_evidence", {"trend_fits": 0})
    assert rows(con, "SELECT count(*) FROM claim_evidence WHERE relation = 'trend_fits'") == [(0,)]
    fit_rules = ("hardware_doubling", "hardware_vs_algorithms", "compute_share")
    claims = [c for (c,) in rows(shipped, "SELECT claim_id FROM claims WHERE check_rule IN (SELECT unnest(?))",
                                 [list(fit_rules)])]
    assert claims
    assert rows(con, "SELECT count(*) FROM claim_evidence WHERE claim_id IN (SELECT unnest(?))", [claims]) == [(0,)]
    # the other rules' points are as in the full build
    assert rows(con, "SELECT count(*) FROM claim_evidence") == rows(
        shipped, "SELECT count(*) FROM claim_evidence WHERE claim_id NOT IN (SELECT unnest(?))", [claims])


def test_open_ended_algorithmic_interval_gives_an_open_point(shipped):
    """A fitted halving time whose interval has no upper end (algorithmic_progress leaves it empty) is a point
    whose interval is open on that side: halving months open above, growth per year open below."""
    con = thin(shipped, "claim_evidence", {}, writable=("algorithmic_progress",))
    con.execute("UPDATE algorithmic_progress SET halving_time_months_high = NULL WHERE fit_method = 'regression'")
    _step("claim_evidence").run(con)
    got = rows(con, """SELECT c.check_rule, e.value, e.value_low, e.value_high, e.agrees, e.notes
                       FROM claim_evidence e JOIN claims c USING (claim_id)
                       WHERE e.relation = 'algorithmic_progress'""")
    by_rule = {}
    for rule, *rest in got:
        by_rule.setdefault(rule, []).append(rest)
    assert by_rule["algorithmic_halving"] and by_rule["algorithmic_growth"]
    for value, low, high, _, _ in by_rule["algorithmic_halving"]:
        assert low is not None and high is None and low <= value
    for value, low, high, _, notes in by_rule["algorithmic_growth"]:
        assert low is None and high is not None and value <= high and "open-ended" in notes
    # an interval open above reaches every longer halving time: a claim of 8 months agrees when its low end is
    # at most 8 months × the tolerance
    claim = "lm-compute-halving-8-months"
    tolerance = rows(shipped, "SELECT value FROM parameters WHERE parameter_id = 'claim-about-tolerance-x'")[0][0]
    for low, agrees in rows(con, "SELECT value_low, agrees FROM claim_evidence WHERE claim_id = ?", [claim]):
        assert agrees == (low <= 8 * tolerance)


def test_claim_checks_without_evidence_cannot_be_checked(shipped):
    con = run(shipped, "claim_checks", {"claim_evidence": 0})
    got = rows(con, "SELECT verdict, n_points, our_value FROM claim_checks")
    assert len(got) == rows(shipped, "SELECT count(*) FROM claims")[0][0]
    assert all(v == "cannot be checked" and n == 0 and ours is None for v, n, ours in got)


def test_compute_efficiency_without_hardware_fit_keeps_inference(shipped):
    """Without the hardware fit there is no training effect, but the inference prices' own fit still projects."""
    con = run(shipped, "compute_efficiency", {"trend_fits": 0})
    effects = {e for (e,) in rows(con, "SELECT DISTINCT effect FROM compute_efficiency")}
    assert effects == {"inference_access"}
    assert rows(con, "SELECT count(*) FROM compute_efficiency") == rows(
        shipped, "SELECT count(*) FROM compute_efficiency WHERE effect = 'inference_access'")


def test_compute_efficiency_without_inference_fits_keeps_training(shipped):
    con = run(shipped, "compute_efficiency", {"inference_price_trends": 0})
    assert rows(con, "SELECT count(*) FROM compute_efficiency") == rows(
        shipped, "SELECT count(*) FROM compute_efficiency WHERE effect <> 'inference_access'")
