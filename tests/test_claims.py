"""The claims register: the verdict rule, the rules' vocabulary, and verdicts that follow the data."""

from __future__ import annotations

import importlib.util
import math

import duckdb
import pytest

from compute_atlas import paths
from compute_atlas.stats.claims import RULES, Point, accepted_range, subset_args, verdict

from conftest import DATASETS, cli, edit_csv, row_of


def test_accepted_range_widens_an_about_claim_only():
    assert accepted_range("about", 8, 8, 1.25) == (pytest.approx(6.4), pytest.approx(10.0))
    assert accepted_range("range", 0.05, 0.14, 1.25) == (0.05, 0.14)
    assert accepted_range("at_least", 2, None, 1.25) == (2, math.inf)
    assert accepted_range("up_to", None, 5, 1.25) == (-math.inf, 5)


def test_verdict_rule():
    accepted = (1.5, 2.0)
    assert verdict([], accepted) == "cannot be checked"
    assert verdict([Point(1.6), Point(1.8), Point(3.0)], accepted) == "holds"
    # the median 2.8 is outside although one point agrees
    assert verdict([Point(1.0), Point(2.1), Point(3.5), Point(4.0)], (2.0, 3.0)) == "holds in part"
    assert verdict([Point(1.0), Point(5.0)], (2.0, 4.0)) == "does not hold"
    # a single point agrees through its interval; without it, it does not
    assert verdict([Point(2.5, 1.9, 3.0)], accepted) == "holds"
    assert verdict([Point(2.5)], accepted) == "does not hold"


def test_subset_args():
    assert subset_args("metric=speedup;techniques=a,b") == {"metric": ["speedup"], "techniques": ["a", "b"]}
    assert subset_args(None) == {}


def test_every_rule_has_its_check():
    spec = importlib.util.spec_from_file_location("claim_evidence", paths.ROOT / "pipeline" / "claim_evidence.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert set(module.CHECKS) == set(RULES)
    assert all(callable(f) for f in module.CHECKS.values())


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
