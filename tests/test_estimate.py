"""The estimator (``compute_atlas.estimate``, ``compute-atlas estimate``) and ``compute_atlas.open()``: it
reproduces the atlas's own training-run costs and a published figure, its two doors agree, and bad input is a
clear message with exit status 2. Every expected number is read from the built database, none typed here."""

from __future__ import annotations

import json
import math
import re

import duckdb
import pytest

import compute_atlas
from compute_atlas.estimator import PRICINGS, EstimateError, NoDatabase

from conftest import cli

#: Reproducing a row of training_run_costs from its own inputs is the same arithmetic: only float rounding.
SAME_ARITHMETIC_REL = 1e-9
#: A published figure reproduced at the utilization it implies (the brief's tolerance).
PUBLISHED_REL = 0.01

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def db(built):
    with compute_atlas.open(built) as atlas:
        yield atlas


def rows(db, sql: str, params: list | None = None) -> list[dict]:
    cur = db.con.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def words(text: str) -> str:
    """Output with rich's line wrapping undone."""
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------------- open()

def test_open_returns_relations_that_convert(db):
    rel = db.table("accelerators")
    assert isinstance(rel, duckdb.DuckDBPyRelation)
    n = db.con.execute("SELECT count(*) FROM accelerators").fetchall()[0][0]
    assert len(rel.df()) == n and rel.pl().height == n and n > 0
    assert "accelerators" in db.tables() and "training_run_costs" in db.tables()
    assert any(desc for _, _, desc in db.describe("accelerators"))  # the schema's comments come along
    assert db.sql("SELECT count(*) AS n FROM accelerators").fetchall() == [(n,)]


def test_open_is_read_only(db):
    with pytest.raises(duckdb.Error, match="read-only"):
        db.con.execute("CREATE TABLE scratch (i INTEGER)")


def test_open_without_database_is_a_clear_error(tmp_path):
    with pytest.raises(NoDatabase, match="no database at .*compute-atlas build"):
        compute_atlas.open(tmp_path)


def test_open_names_the_nearest_table(db):
    with pytest.raises(EstimateError, match="did you mean accelerators"):
        db.table("accelerator")


# ---------------------------------------------------------------------------- the atlas's own training runs

def landmark_rows(db) -> list[dict]:
    return rows(db, """SELECT DISTINCT c.* FROM landmark_runs l JOIN training_run_costs c USING (run_id)
                       WHERE c.mfu_frac IS NOT NULL AND c.mfu_frac <= 1 ORDER BY run_id""")


def test_reproduces_training_run_costs_of_the_landmark_runs(db):
    """Given a landmark run's compute, chips, precision, utilization and date, the estimate is its row of
    training_run_costs: chip-hours, energy, emissions, cloud cost and ownership cost."""
    landmarks = db.con.execute("SELECT count(DISTINCT run_id) FROM landmark_runs").fetchall()[0][0]
    reproduced = landmark_rows(db)
    assert len(reproduced) >= landmarks / 2, "most landmark runs have what a reproduction needs"
    for r in reproduced:
        e = compute_atlas.estimate(flop=r["compute_reported_flop"], accelerator=r["accelerator_id"],
                                   count=r["accelerator_count"], precision=r["precision"],
                                   utilization=r["mfu_frac"], date=r["publication_date"], db=db)
        pairs = {"chip_hours": (e.chip_hours.value, r["chip_hours"]),
                 "wall_clock_hours": (e.wall_clock_hours.value, r["training_duration_hours"]),
                 "energy_kwh": (e.energy_kwh.value, r["energy_kwh"]),
                 "emissions": (e.emissions_kg_co2e.value, r["emissions_t_co2e"] and r["emissions_t_co2e"] * 1000),
                 "cloud": (e.cost_usd_by_pricing.get("on_demand", compute_atlas.estimator.Range(None)).value,
                           r["cloud_cost_usd"]),
                 "ownership": (e.cost_usd_by_pricing.get("ownership", compute_atlas.estimator.Range(None)).value,
                               r["ownership_cost_usd"])}
        for what, (ours, theirs) in pairs.items():
            assert (ours is None) == (theirs is None), (r["run_id"], what, ours, theirs)
            if theirs is not None:
                assert ours == pytest.approx(theirs, rel=SAME_ARITHMETIC_REL), (r["run_id"], what)


def test_every_costed_run_is_reproduced(db):
    """Not only the landmarks: every run with an implied utilization gets its chip-hours and energy back."""
    runs = rows(db, "SELECT * FROM training_run_costs WHERE mfu_frac > 0 AND mfu_frac <= 1")
    assert runs
    for r in runs:
        e = compute_atlas.estimate(flop=r["compute_reported_flop"], accelerator=r["accelerator_id"],
                                   count=r["accelerator_count"], precision=r["precision"],
                                   utilization=r["mfu_frac"], date=r["publication_date"], db=db)
        assert e.chip_hours.value == pytest.approx(r["chip_hours"], rel=SAME_ARITHMETIC_REL), r["run_id"]
        if r["energy_kwh"] is not None:
            assert e.energy_kwh.value == pytest.approx(r["energy_kwh"], rel=SAME_ARITHMETIC_REL), r["run_id"]


# ------------------------------------------------------------------------------------------ published figure

def test_llama_3_1_405b_model_card_gpu_hours(db):
    """Meta's model card: the GPU-hours of Llama 3.1 405B for its stated compute on H100s. The figure is read
    from the run's notes (where the curators recorded it), the compute, chip and peak from the database; at
    the utilization they imply the estimate gives the GPU-hours back within 1 %, and the default estimate's
    range contains them."""
    run = rows(db, "SELECT * FROM training_runs WHERE run_id = 'llama-3-1-405b'")[0]
    m = re.search(r"([\d.]+)M GPU-hours", run["notes"])
    assert m, "the run's notes state its GPU-hours"
    gpu_hours = float(m.group(1)) * 1e6
    peak = db.con.execute("SELECT peak_flop_per_s FROM accelerator_efficiency WHERE accelerator_id = ? "
                          "AND precision = ?", [run["accelerator_id"], run["precision"]]).fetchall()[0][0]
    implied = run["training_compute_flop"] / (gpu_hours * 3600 * peak)
    assert 0 < implied < 1
    at = compute_atlas.estimate(run_id=run["run_id"], utilization=implied, db=db)
    assert at.accelerator_id == run["accelerator_id"] and at.precision == run["precision"]
    assert at.chip_hours.value == pytest.approx(gpu_hours, rel=PUBLISHED_REL)
    default = compute_atlas.estimate(run_id=run["run_id"], db=db)
    assert default.chip_hours.low <= gpu_hours <= default.chip_hours.high


def test_published_chip_hours_fall_in_the_default_range(db):
    """Epoch AI's published chip-hours (published_costs) lie within the range of the default estimate for
    most runs whose compute and chip the atlas has; a range that excluded most would be too narrow."""
    pubs = rows(db, """SELECT DISTINCT p.run_id, p.published_chip_hours, r.training_compute_flop, r.accelerator_id,
                              r.precision
                       FROM published_costs p JOIN training_runs r USING (run_id)
                       JOIN accelerator_efficiency e ON e.accelerator_id = r.accelerator_id
                        AND e.precision = coalesce(r.precision, 'bf16')
                       WHERE p.published_chip_hours IS NOT NULL AND r.training_compute_flop IS NOT NULL""")
    assert len(pubs) >= 5
    inside = 0
    for p in pubs:
        e = compute_atlas.estimate(flop=p["training_compute_flop"], accelerator=p["accelerator_id"],
                                   precision=p["precision"], db=db)
        inside += e.chip_hours.low <= p["published_chip_hours"] <= e.chip_hours.high
    assert inside >= len(pubs) / 2, f"{inside} of {len(pubs)} published chip-hours in the range"


# ---------------------------------------------------------------------------------------------- arithmetic

def test_ranges_hold_their_central_values(db):
    e = compute_atlas.estimate(flop=1e24, accelerator="nvidia-h100-sxm5-80gb", count=1000, db=db)
    for r in (e.utilization, e.chip_hours, e.wall_clock_hours, e.energy_kwh, e.emissions_kg_co2e,
              *e.cost_usd_by_pricing.values()):
        assert r.low <= r.value <= r.high
    assert e.wall_clock_hours.value * 1000 == pytest.approx(e.chip_hours.value)


def test_utilization_is_measured_where_the_atlas_has_it_else_assumed(db):
    measured = rows(db, "SELECT accelerator_id, precision, achieved_over_peak_frac FROM achieved_vs_peak LIMIT 1")[0]
    e = compute_atlas.estimate(flop=1e22, accelerator=measured["accelerator_id"], precision=measured["precision"],
                               db=db)
    assert e.utilization_basis.startswith("measured") and e.utilization.value == measured["achieved_over_peak_frac"]
    assert any(s.table == "achieved_vs_peak" for s in e.sources)
    other = db.con.execute("""SELECT accelerator_id FROM accelerator_efficiency WHERE precision = 'bf16'
        AND accelerator_id NOT IN (SELECT accelerator_id FROM achieved_vs_peak) LIMIT 1""").fetchall()[0][0]
    default_mfu = db.con.execute("SELECT value FROM assumptions WHERE assumption_id = 'default-mfu'").fetchall()[0][0]
    e = compute_atlas.estimate(flop=1e22, accelerator=other, db=db)
    assert e.utilization_basis.startswith("assumed") and e.utilization.value == default_mfu
    assert any(s.table == "assumptions" and s.key == "default-mfu" for s in e.sources)


def test_six_nd_and_inference_two_n(db):
    n, d = 7e10, 2e12
    a = compute_atlas.estimate(parameters=n, tokens=d, accelerator="nvidia-h100-sxm5-80gb", db=db)
    b = compute_atlas.estimate(flop=6 * n * d, accelerator="nvidia-h100-sxm5-80gb", db=db)
    assert a.chip_hours.value == pytest.approx(b.chip_hours.value) and a.flop_basis.startswith("6")
    i = compute_atlas.estimate(inference=True, parameters=n, tokens_per_day=1e9, days=30,
                               accelerator="nvidia-h100-sxm5-80gb", db=db)
    assert i.job == "inference" and i.flop == pytest.approx(2 * n * 3e10)
    assert i.chip_hours.value == pytest.approx(a.chip_hours.value * i.flop / a.flop)


def test_an_alias_names_the_same_chip(db):
    alias, acc_id = db.con.execute("SELECT alias, accelerator_id FROM accelerator_aliases LIMIT 1").fetchall()[0]
    by_alias = compute_atlas.estimate(flop=1e22, accelerator=alias.upper(), db=db)
    assert by_alias.accelerator_id == acc_id


def test_a_region_brings_its_price_and_carbon(db):
    r = rows(db, """SELECT region_id, industrial_price_usd_per_kwh p, carbon_intensity_g_co2e_per_kwh c
                    FROM electricity WHERE industrial_price_usd_per_kwh IS NOT NULL
                    AND carbon_intensity_g_co2e_per_kwh IS NOT NULL ORDER BY year DESC, region_id LIMIT 1""")[0]
    e = compute_atlas.estimate(flop=1e22, accelerator="nvidia-h100-sxm5-80gb", region=r["region_id"], db=db)
    assert (e.electricity_usd_per_kwh, e.carbon_g_co2e_per_kwh) == (r["p"], r["c"])
    assert e.emissions_kg_co2e.value == pytest.approx(e.energy_kwh.value * r["c"] / 1000)
    no_price = db.con.execute("SELECT region_id FROM electricity GROUP BY region_id "
                              "HAVING count(industrial_price_usd_per_kwh) = 0 LIMIT 1").fetchall()
    if no_price:
        e = compute_atlas.estimate(flop=1e22, accelerator="nvidia-h100-sxm5-80gb", region=no_price[0][0], db=db)
        assert any("no electricity price" in m for m in e.missing)


def test_every_chip_is_listed_across_chips(db):
    everyone = compute_atlas.estimate_all(flop=1e24, db=db)
    n = db.con.execute("SELECT count(*) FROM accelerators").fetchall()[0][0]
    assert len(everyone) == n
    priced = [e for e in everyone if e.cost_usd.value is not None]
    unpriced = [e for e in everyone if e.cost_usd.value is None]
    assert priced and unpriced and all(e.missing for e in unpriced)
    costs = [e.cost_usd.value for e in priced]
    assert costs == sorted(costs) and everyone[: len(priced)] == priced


# --------------------------------------------------------------------------------------------- the CLI door

def test_cli_json_has_the_figures_and_equals_the_function(built, db):
    result = cli("estimate", "--flop", "1e24", "--accelerator", "nvidia-h100-sxm5-80gb", "--format", "json",
                 "--build-dir", built)
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    for key in ("chip_hours", "energy_kwh", "emissions_kg_co2e", "cost_usd", "wall_clock_hours"):
        assert set(out[key]) == {"value", "low", "high"}
        assert out[key]["low"] <= out[key]["value"] <= out[key]["high"]
    assert out["sources"] and all({"table", "key", "source"} <= set(s) for s in out["sources"])
    same = compute_atlas.estimate(flop=1e24, accelerator="nvidia-h100-sxm5-80gb", db=db).as_dict()
    for key in ("chip_hours", "energy_kwh", "emissions_kg_co2e", "cost_usd"):
        assert out[key] == same[key]


@pytest.mark.parametrize("fmt", ["csv", "table", "json"])
def test_cli_across_chips(built, fmt):
    result = cli("estimate", "--flop", "1e24", "--all-accelerators", "--segment", "data_centre",
                 "--format", fmt, "--build-dir", built)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert {"accelerator_id", "chip_hours", "cost_usd", "missing"} <= set(json.loads(result.stdout)[0])


def test_cli_unknown_chip_names_the_nearest(built, db):
    alias, acc_id = db.con.execute("SELECT alias, accelerator_id FROM accelerator_aliases "
                                   "WHERE length(alias) > 4 LIMIT 1").fetchall()[0]
    result = cli("estimate", "--flop", "1e24", "--accelerator", alias[:-1] + "#", "--build-dir", built)
    assert result.exit_code == 2
    text = words(result.output)
    assert "unknown accelerator" in text and "nearest:" in text and alias.lower() in text.lower()
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args, message", [
    (["--flop", "0"], "flop must be a positive number"),
    (["--flop", "-1e24"], "flop must be a positive number"),
    (["--parameters", "7e10", "--tokens", "0"], "tokens must be a positive number"),
    (["--flop", "1e24", "--count", "0"], "count must be a positive whole number"),
    (["--flop", "1e24", "--utilization", "1.5"], "utilization is a fraction"),
    (["--flop", "1e24", "--pricing", "lease"], "unknown pricing"),
    (["--flop", "1e24", "--region", "atlantis"], "unknown region"),
    (["--parameters", "7e10"], "needs both the parameters"),
])
def test_cli_bad_input_is_exit_2(built, args, message):
    result = cli("estimate", *args, "--accelerator", "nvidia-h100-sxm5-80gb", "--build-dir", built)
    assert result.exit_code == 2, result.output
    assert message in words(result.output) and "Traceback" not in result.output


def test_cli_pricing_without_a_price_says_which_exist(built, db):
    chip = db.con.execute("""SELECT accelerator_id FROM cloud_prices GROUP BY accelerator_id
                             HAVING count(*) FILTER (WHERE pricing_model = 'spot') = 0 ORDER BY 1 LIMIT 1""").fetchall()[0][0]
    e = compute_atlas.estimate(flop=1e24, accelerator=chip, db=db)
    result = cli("estimate", "--flop", "1e24", "--accelerator", chip, "--pricing", "spot", "--build-dir", built)
    assert result.exit_code == 2
    text = words(result.output)
    assert "no spot price" in text and f"pricings with a price: {', '.join(e.pricings_available)}" in text
    assert set(e.pricings_available) <= set(PRICINGS)


def test_cli_without_database(tmp_path):
    result = cli("estimate", "--flop", "1e24", "--accelerator", "h100", "--build-dir", tmp_path)
    assert result.exit_code == 2 and "no database" in result.output


def test_nothing_is_nan(db):
    e = compute_atlas.estimate(flop=1e24, accelerator="nvidia-h100-sxm5-80gb", db=db).as_dict()
    numbers = [v for k in ("chip_hours", "energy_kwh", "cost_usd") for v in e[k].values()]
    assert all(math.isfinite(v) for v in numbers)
