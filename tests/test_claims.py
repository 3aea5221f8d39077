"""The claims register: the verdict rule, the rules' vocabulary, and verdicts that follow the data."""

from __future__ import annotations

import importlib.util
import math

import duckdb
import pytest

from compute_atlas import paths
from compute_atlas.metadata.vocabularies import CLAIM_RULES, TASK_PHASE_WORDS, UNCHECKABLE_REASONS
from compute_atlas.stats.claims import (
    Point,
    accepted_range,
    point_kind_of_task,
    subset_args,
    too_wide,
    uncheckable_reason,
    verdict,
)

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


def _step(name):
    spec = importlib.util.spec_from_file_location(name, paths.PIPELINE_DIR / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
        CREATE TABLE benchmarks AS SELECT * FROM (VALUES ('b1', 'Bench one', 'language'), ('v1', 'Vision', 'vision'),
            ('r1', 'Reasoning', 'language'))
            t(benchmark_id, name, domain);
        CREATE TABLE algorithmic_progress AS SELECT * FROM (VALUES
            ('b1', 'regression', 12.0e0, 6.0e0, 24.0e0, 'pre_reasoning'), ('b1', 'frontier', 3.0e0, 2.0e0, 4.0e0, 'pre_reasoning'),
            ('v1', 'regression', 9.0e0, 8.0e0, 10.0e0, 'pre_reasoning'), ('r1', 'regression', 2.0e0, 1.0e0, 3.0e0, 'reasoning'))
            t(benchmark_id, fit_method, halving_time_months, halving_time_months_low, halving_time_months_high, era);
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
    halving = m.algorithmic_halving(tiny, {"domain": ["language"]})
    assert _values(halving) == {"b1": (12.0, 6.0, 24.0, True), "r1": (2.0, 1.0, 3.0, True)}
    # a fit of the reasoning era is evidence of another kind than training compute
    assert {p["point_id"]: p["point_kind"] for p in halving} == {"b1": "training", "r1": "reasoning_era"}
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


def cli_build(datasets, out):
    result = cli("build", "--no-site", "--datasets", datasets, "--build-dir", out)
    assert result.exit_code == 0, result.output
    return out


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
    """Ironwood's performance per watt over Trillium's (BF16 FLOP/s per watt, like-for-like). As shipped, both
    chips' powers are derived and the claim cannot be checked; were both published by Google (``tdp_kind``
    ``vendor_tdp``, ``derived_from_claim`` emptied), the verdict would follow the TPU v7's power, 1000 W against
    400 W."""
    assert _checks(cli_build(datasets, tmp_path / "shipped"))["ironwood-perf-per-watt-2x"][0] == "cannot be checked"
    edit_csv(datasets / "claims.csv", row_of(datasets / "claims.csv", "claim_id", "ironwood-perf-per-watt-2x"),
             "derived_from_claim", "")
    accelerators = datasets / "accelerators.csv"
    for chip in ("google-tpu-v7", "google-tpu-v6e"):
        edit_csv(accelerators, row_of(accelerators, "accelerator_id", chip), "tdp_kind", "vendor_tdp")
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


# --- the rules a sceptic accepts ----------------------------------------------------------------------------------

def test_an_interval_too_wide_to_decide():
    about = (6.4, 10.0)
    assert too_wide(Point(8, 1, 50), about)  # past both ends of a two-sided range
    assert not too_wide(Point(6.5, 3.9, 9.9), about)  # past the low end only: it decides (it agrees)
    assert not too_wide(Point(8), about)  # no interval
    assert not too_wide(Point(30, 20, 40), about)  # wholly outside: it decides (it disagrees)
    assert too_wide(Point(8, 1, None), about)  # an open upper end reaches past anything
    at_least = (1.0, math.inf)
    assert too_wide(Point(7.8, 0.47, 52.9), at_least)  # straddles the only finite end
    assert not too_wide(Point(2.4, 1.04, 5.5), at_least)
    assert not too_wide(Point(2.4, 0.5, 5.5), (-math.inf, math.inf))  # nothing to decide against


def test_why_a_claim_cannot_be_checked_in_order():
    def why(**kw):
        args = {"derived_from_claim": False, "different_quantity": False, "n_points": 3, "n_right_kind": 3,
                "n_decisive": 3, **kw}
        return uncheckable_reason(**args)

    assert why() is None
    assert why(derived_from_claim=True, different_quantity=True) == "derived_from_claim"
    assert why(different_quantity=True, n_points=0) == "different_quantity"
    assert why(n_points=0, n_right_kind=0, n_decisive=0) == "no_data"
    assert why(n_right_kind=0, n_decisive=0) == "wrong_kind"
    assert why(n_decisive=0) == "too_wide"
    assert set(UNCHECKABLE_REASONS) == {"derived_from_claim", "different_quantity", "no_data", "wrong_kind",
                                        "too_wide"}


def test_the_phase_of_a_technique_result():
    assert point_kind_of_task("inference", "ImageNet training throughput", TASK_PHASE_WORDS) == "inference"
    assert point_kind_of_task("both", "ImageNet inference throughput, batch 256", TASK_PHASE_WORDS) == "inference"
    assert point_kind_of_task("both", "ImageNet training throughput, 8 GPUs", TASK_PHASE_WORDS) == "training"
    assert point_kind_of_task("both", "fine-tuning GPU memory", TASK_PHASE_WORDS) == "training"
    assert point_kind_of_task("both", "VRAM to load weights", TASK_PHASE_WORDS) is None


def test_a_point_is_excluded_for_one_reason():
    m = _evidence_module()
    assert m.excluded(True, "training", "training", False) is None
    assert m.excluded(True, None, "training", False) is None  # an unknown kind is never the wrong one
    assert m.excluded(True, "inference", None, False) is None  # a claim of no kind takes any
    assert m.excluded(False, "inference", "training", True) == "not_like_for_like"
    assert m.excluded(True, "inference", "training", True) == "wrong_kind"
    assert m.excluded(True, "reasoning_era", "training", False) == "wrong_kind"
    assert m.excluded(True, "training", "training", True) == "too_wide"


CLAIM_COLUMNS = ("claim_id", "statement", "topic", "claim_form", "claimed_low", "claimed_high", "unit", "check_rule",
                 "check_subset", "settle_with", "is_vendor_claim", "like_for_like", "measured_quantity",
                 "source_quantity", "derived_from_claim", "evidence_kind")


@pytest.fixture
def register():
    """A register of one claim of each kind and its points, as ``claim_evidence`` leaves them."""
    con = duckdb.connect()
    con.execute("CREATE TABLE parameters AS SELECT 'claim-about-tolerance-x' AS parameter_id, 1.25e0 AS value")
    claims = [
        ("holds", "about", 8.0, 8.0, "months", None, None, None, "training"),
        ("fails", "range", 1.5, 2.0, "factor", None, None, None, "training"),
        ("other-quantity", "about", 45000.0, 45000.0, "factor", None, "energy per token of whole systems", None, None),
        ("circular", "at_least", 2.0, None, "factor", None, None, "the power of chip X, inferred from the claim", None),
        ("nothing", "about", 8.0, 8.0, "months", "an open-weights flag", None, None, None),
        ("wrong-kind", "range", 1.5, 2.0, "factor", None, None, None, "training"),
        ("too-wide", "about", 8.0, 8.0, "months", None, None, None, "training"),
    ]
    con.execute("CREATE TABLE claims (" + ", ".join(f"{c} {'DOUBLE' if c.startswith('claimed') else 'BOOLEAN' if c == 'is_vendor_claim' else 'VARCHAR'}"
                                                     for c in CLAIM_COLUMNS) + ")")
    for cid, form, low, high, unit, settle, quantity, derived, kind in claims:
        con.execute("INSERT INTO claims VALUES (" + ", ".join("?" * len(CLAIM_COLUMNS)) + ")",
                    [cid, f"Claim {cid}", "capability", form, low, high, unit, "no_atlas_data", None, settle, False,
                     None, "what our points measure", quantity, derived, kind])
    con.execute("""CREATE TABLE claim_evidence (claim_id VARCHAR, label VARCHAR, value DOUBLE, value_low DOUBLE,
                   value_high DOUBLE, agrees BOOLEAN, point_kind VARCHAR, excluded VARCHAR)""")
    con.executemany("INSERT INTO claim_evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
        ("holds", "MMLU", 7.0, 5.0, 9.0, True, "training", None),
        ("holds", "GPQA", 2.0, 1.0, 3.0, False, "reasoning_era", "wrong_kind"),
        ("fails", "ResNet", 3.0, None, None, False, "training", None),
        ("other-quantity", "B200 / P100", 32.0, None, None, False, None, None),
        ("circular", "v7 / v6e", 0.99, None, None, False, None, None),
        ("wrong-kind", "inference run", 1.8, None, None, True, "inference", "wrong_kind"),
        ("too-wide", "TruthfulQA", 4.0, 0.77, 53.0, True, "training", "too_wide"),
        ("too-wide", "HumanEval", 4.3, 0.5, 90.0, True, "training", "too_wide"),
    ])
    yield con
    con.close()


def test_each_kind_of_claim_gets_its_verdict_and_reason(register):
    rows = {r["claim_id"]: r for r in _step("claim_checks").derive(register).to_dicts()}
    expect = {"holds": ("holds", None), "fails": ("does not hold", None),
              "other-quantity": ("cannot be checked", "different_quantity"),
              "circular": ("cannot be checked", "derived_from_claim"), "nothing": ("cannot be checked", "no_data"),
              "wrong-kind": ("cannot be checked", "wrong_kind"), "too-wide": ("cannot be checked", "too_wide")}
    assert {k: (r["verdict"], r["uncheckable_reason"]) for k, r in rows.items()} == expect
    reasons = {k: r["verdict_reason"] for k, r in rows.items()}
    assert all(reasons[k].startswith(rows[k]["verdict"].capitalize() + ":") for k in rows)
    # the points that do not count are left out, and said to be
    assert rows["holds"]["n_points"] == 1 and rows["holds"]["n_excluded"] == 1 and "left out" in reasons["holds"]
    # a cannot-be-checked claim has no figure, even where it has points
    assert rows["other-quantity"]["our_value"] is None and rows["other-quantity"]["n_excluded"] == 1
    # each reason quotes what it rests on, from the row
    assert "energy per token of whole systems" in reasons["other-quantity"]
    assert "what our points measure" in reasons["other-quantity"]
    assert "the power of chip X" in reasons["circular"] and "derived from the claim itself" in reasons["circular"]
    assert "an open-weights flag" in reasons["nothing"]
    assert "inference" in reasons["wrong-kind"] and "training" in reasons["wrong-kind"]
    # the narrowest interval and its width: 0.77 to 53 months is a 69-fold span
    assert "0.77" in reasons["too-wide"] and "69-fold" in reasons["too-wide"]


def test_shipped_verdicts_follow_the_rules(built):
    """Every shipped claim: a reason; a cannot-be-checked claim has a rule's reason and no counted point; a
    counted point is of the claim's kind and decides; a claim with a different quantity or a derived input
    cannot be checked."""
    con = duckdb.connect(str(built / "compute_atlas.duckdb"), read_only=True)
    try:
        checks = con.execute("""
            SELECT k.claim_id, k.verdict, k.uncheckable_reason, k.verdict_reason, k.n_points, c.source_quantity,
                   c.derived_from_claim FROM claim_checks k JOIN claims c USING (claim_id)""").fetchall()
        wrong = con.execute("""
            SELECT e.claim_id, e.point_id FROM claim_evidence e JOIN claims c USING (claim_id)
            WHERE e.counts AND c.evidence_kind IS NOT NULL AND e.point_kind IS NOT NULL AND e.point_kind <> c.evidence_kind
        """).fetchall()
        reasoning = con.execute("SELECT count(*) FROM claim_evidence WHERE point_kind = 'reasoning_era' AND counts").fetchone()
    finally:
        con.close()
    assert not wrong and reasoning == (0,)
    for claim_id, verdict_, why, reason, n_points, quantity, derived in checks:
        assert reason and reason.startswith(verdict_.capitalize() + ":"), claim_id
        assert (verdict_ == "cannot be checked") == (why is not None), claim_id
        if quantity or derived:
            assert verdict_ == "cannot be checked" and n_points == 0, claim_id
