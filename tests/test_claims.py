"""The claims register: the verdict rule, the rules' vocabulary, and verdicts that follow the data."""

from __future__ import annotations

import importlib.util
import math

import duckdb
import pytest

from compute_atlas import paths
from compute_atlas.metadata.vocabularies import CLAIM_RULES
from compute_atlas.stats.claims import Point, accepted_range, subset_args, verdict

from conftest import DATASETS, cli, edit_csv, row_of


def test_accepted_range_widens_an_about_claim_only():
    assert accepted_range("about", 8, 8, 1.25, "months") == (pytest.approx(6.4), pytest.approx(10.0))
    assert accepted_range("range", 0.05, 0.14, 1.25, "usd_per_kwh") == (0.05, 0.14)
    assert accepted_range("at_least", 2, None, 1.25, "factor") == (2, math.inf)
    # "up to 5x" of a factor promises a gain: from 1 (no change) to 5; a cost that rose does not agree
    assert accepted_range("up_to", None, 5, 1.25, "factor") == (1.0, 5)
    assert accepted_range("up_to", None, 5, 1.25, "percent") == (-math.inf, 5)
    assert accepted_range("up_to", None, 0.5, 1.25, "factor") == (-math.inf, 0.5)  # a cut to at most half


def test_verdict_rule():
    accepted = (1.5, 2.0)
    assert verdict([], accepted) == "cannot be checked"
    assert verdict([Point(1.6), Point(1.8), Point(3.0)], accepted) == "holds"
    # the median 2.8 is inside, but only one of four points agrees
    assert verdict([Point(1.0), Point(2.1), Point(3.5), Point(4.0)], (2.0, 3.0)) == "holds in part"
    # half the points agree, but the median 2.5 is outside
    assert verdict([Point(1.6), Point(1.9), Point(3.1), Point(3.2)], accepted) == "holds in part"
    assert verdict([Point(1.0), Point(5.0)], (2.0, 4.0)) == "does not hold"
    # a single point agrees through its interval; without it, it does not
    assert verdict([Point(2.5, 1.9, 3.0)], accepted) == "holds"
    assert verdict([Point(2.5)], accepted) == "does not hold"


def test_subset_args():
    assert subset_args("metric=speedup;techniques=a,b") == {"metric": ["speedup"], "techniques": ["a", "b"]}
    assert subset_args(None) == {}


def _evidence_module():
    spec = importlib.util.spec_from_file_location("claim_evidence", paths.PIPELINE_DIR / "claim_evidence.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_rule_has_its_check():
    module = _evidence_module()
    assert set(module.CHECKS) == set(CLAIM_RULES)
    assert all(callable(f) for f in module.CHECKS.values())


@pytest.fixture
def tiny():
    """The relations the rules read, a few hand-made rows each."""
    con = duckdb.connect()
    con.execute("""
        CREATE TABLE benchmarks AS SELECT * FROM (VALUES ('b1', 'Bench one', 'language'), ('v1', 'Vision', 'vision'))
            t(benchmark_id, name, domain);
        CREATE TABLE algorithmic_progress AS SELECT * FROM (VALUES
            ('b1', 'regression', 12.0e0, 6.0e0, 24.0e0), ('b1', 'frontier', 3.0e0, 2.0e0, 4.0e0), ('v1', 'regression', 9.0e0, 8.0e0, 10.0e0))
            t(benchmark_id, fit_method, halving_time_months, halving_time_months_low, halving_time_months_high);
        CREATE TABLE trend_fits AS SELECT * FROM (VALUES
            ('peak_flop_per_s:f', 2.0e0, 1.5e0, 4.0e0, 10, DATE '2010-01-01', DATE '2020-01-01'),
            ('frontier_training_compute_flop:c', 4.0e0, 2.0e0, 8.0e0, 10, DATE '2010-01-01', DATE '2020-01-01'))
            t(fit_id, growth_per_year_x, growth_per_year_x_low, growth_per_year_x_high, n_points, start_date, end_date);
        CREATE TABLE accelerator_efficiency AS SELECT * FROM (VALUES
            ('a', 'A', 'bf16', 100.0e0, 10.0e0), ('a', 'A', 'fp8', 200.0e0, 20.0e0), ('a', 'A', 'int8', 400.0e0, 40.0e0),
            ('b', 'B', 'fp16', 50.0e0, 2.0e0), ('b', 'B', 'fp32', 25.0e0, 1.0e0), ('i', 'I', 'int8', 80.0e0, 8.0e0))
            t(accelerator_id, name, precision, peak_flop_per_s, flop_per_s_per_watt);
        CREATE TABLE cloud_prices AS SELECT * FROM (VALUES
            ('a', 'P', 'on_demand', DATE '2024-01-01', 2.0e0), ('a', 'P', 'on_demand', DATE '2024-06-01', 4.0e0),
            ('b', 'P', 'on_demand', DATE '2024-03-01', 2.0e0), ('b', 'P', 'on_demand', DATE '2020-03-01', 9.0e0),
            ('i', 'P', 'on_demand', DATE '2030-01-01', 1.0e0))
            t(accelerator_id, provider, pricing_model, price_date, price_usd_per_hour);
        CREATE TABLE electricity AS SELECT * FROM (VALUES
            ('zz', 'Country', 'ZZ', 2023, 0.10e0), ('zz-a', 'Region A', 'ZZ', 2022, 0.05e0), ('zz-a', 'Region A', 'ZZ', 2023, 0.06e0),
            ('zz-b', 'Region B', 'ZZ', 2023, 0.20e0), ('yy-a', 'Elsewhere', 'YY', 2023, 0.50e0))
            t(region_id, region, country_code, year, industrial_price_usd_per_kwh)""")
    yield con
    con.close()


def _values(points):
    return {p["point_id"]: (p["value"], p["value_low"], p["value_high"], p["counts"]) for p in points}


def test_rules_on_hand_made_rows(tiny):
    m = _evidence_module()
    approx = pytest.approx
    # regression rows of the domain only; a 12-month halving is 2x a year; the slow end (24 months) is the low one
    assert _values(m.algorithmic_halving(tiny, {"domain": ["language"]})) == {"b1": (12.0, 6.0, 24.0, True)}
    assert _values(m.algorithmic_growth(tiny, {"domain": ["language"]}))["b1"] == (
        approx(2.0), approx(2 ** 0.5), approx(4.0), True)
    # 2x a year doubles in 12 months; 4x (the high growth) in 6 months, the low end
    assert _values(m.hardware_doubling(tiny, {"fits": ["peak_flop_per_s:f"]}))["peak_flop_per_s:f"] == (
        approx(12.0), approx(6.0), approx(12 * math.log(2) / math.log(1.5)), True)
    # hardware doubling over algorithmic halving: 12 / 12 = 1, interval 6 / 24 to (12 ln2 / ln1.5) / 6
    assert _values(m.hardware_vs_algorithms(tiny, {"fit": ["peak_flop_per_s:f"], "domain": ["language"]}))["b1"] == (
        approx(1.0), approx(0.25), approx(2 * math.log(2) / math.log(1.5)), True)
    # compute 4x a year against algorithms 2x: ln4 / (ln4 + ln2) = 2/3; low: compute 2x against algorithms 4x (6 months)
    share = _values(m.compute_share(tiny, {"fit": ["frontier_training_compute_flop:c"], "domain": ["language"]}))
    assert share["b1"] == (approx(2 / 3), approx(1 / 3), approx(math.log(8) / (math.log(8) + math.log(2 ** 0.5))), True)
    # per watt: A's BF16 10 over B's FP16 2 counts; each at its fastest floating-point rate (FP8 20 over FP16 2) does not;
    # a chip with integer rates only (I) is compared at its INT8 rate, and that does not count
    ratio = _values(m.accelerator_ratio(tiny, {"metric": ["flop_per_s_per_watt"], "pairs": ["a:b", "i:b"]}))
    assert ratio == {"a:b": (approx(5.0), None, None, True), "a:b:fastest": (approx(10.0), None, None, False),
                     "i:b:fastest": (approx(4.0), None, None, False)}
    # rental: A's median 3 USD/h over 100 FLOP/s against B's median 5.5 USD/h over 50; I's prices (2030) share no year
    rent = _values(m.rental_saving(tiny, {"provider": ["P"], "pricing": ["on_demand"], "pairs": ["a:b", "i:b"]}))
    assert rent == {"a:b": (approx(1 - (3 / 100) / (5.5 / 50)), None, None, True)}
    # the latest year of each region of the country, the national average left out
    assert _values(m.electricity_price(tiny, {"country": ["ZZ"]})) == {
        "zz-a": (approx(0.06), None, None, True), "zz-b": (approx(0.20), None, None, True)}


def test_shipped_points_sit_inside_their_intervals(built):
    con = duckdb.connect(str(built / "compute_atlas.duckdb"), read_only=True)
    try:
        bad = con.execute("SELECT claim_id, point_id FROM claim_evidence WHERE value_low > value "
                          "OR value_high < value OR (value_low IS NULL) <> (value_high IS NULL)").fetchall()
        # a counted accelerator comparison is 16-bit against 16-bit
        mixed = con.execute("SELECT claim_id, point_id FROM claim_evidence WHERE relation = 'accelerator_efficiency' "
                            "AND counts AND notes NOT SIMILAR TO '(bf16|fp16) against (bf16|fp16).*'").fetchall()
    finally:
        con.close()
    assert not bad and not mixed


def _checks(build_dir):
    con = duckdb.connect(str(build_dir / "compute_atlas.duckdb"), read_only=True)
    try:
        return {r[0]: r[1:] for r in con.execute(
            "SELECT claim_id, verdict, our_value, n_agree FROM claim_checks").fetchall()}
    finally:
        con.close()


def test_every_shipped_claim_has_a_computed_verdict(built):
    checks = _checks(built)
    claims = (DATASETS / "claims.csv").read_text(encoding="utf-8").splitlines()
    assert len(checks) == len(claims) - 1 >= 15
    for claim_id, (verdict_, value, _) in checks.items():
        assert (value is None) == (verdict_ == "cannot be checked"), claim_id


@pytest.mark.slow
def test_a_verdict_follows_the_data(datasets, tmp_path):
    """Ironwood's performance per watt over Trillium's (BF16 FLOP/s per watt, like-for-like): the verdict
    follows the TPU v7's power, 1000 W against 400 W."""
    accelerators = datasets / "accelerators.csv"
    row = row_of(accelerators, "accelerator_id", "google-tpu-v7")
    found = {}
    for watts in ("1000", "400"):
        edit_csv(accelerators, row, "tdp_watts", watts)
        out = tmp_path / watts
        result = cli("build", "--no-site", "--datasets", datasets, "--build-dir", out)
        assert result.exit_code == 0, result.output
        found[watts] = _checks(out)["ironwood-perf-per-watt-2x"]
    assert found["400"][1] == pytest.approx(found["1000"][1] * 1000 / 400)
    assert found["1000"][1] < 2 < found["400"][1]
    assert (found["1000"][0], found["400"][0]) == ("does not hold", "holds")
    assert (found["1000"][2], found["400"][2]) == (0, 1)
