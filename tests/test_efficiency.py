"""The compute-efficiency arithmetic on hand-computed cases."""

import math

import pytest

from compute_atlas.stats.efficiency import Rate, combine, compounded, z_of


def test_hardware_doubling_and_algorithmic_halving_combine():
    """Hardware doubling every 2 years and compute needs halving every year: effective compute per
    dollar doubles every 1 / (1/2 + 1/1) = 2/3 year, i.e. grows 2^1.5 ≈ 2.83x a year."""
    hw = Rate(2 ** (1 / 2), 2 ** (1 / 2), 2 ** (1 / 2), 0.9)
    alg = Rate.from_halving_months(12, 12, 12, 0.95)
    both = combine(hw, alg, level=0.9)
    assert both.growth == pytest.approx(2**1.5)
    assert both.doubling_years() == pytest.approx(2 / 3)


def test_access_effect_over_three_years():
    """A $4.6 M run (GPT-3's order of cost): with 2.83x a year, reaching it 3 years later costs 4.6 M / 2.83^3."""
    rate = combine(Rate(2**0.5, 2**0.5, 2**0.5, 0.9), Rate(2.0, 2.0, 2.0, 0.9), level=0.9)
    factor, low, high = compounded(rate, 3)
    assert 4.6e6 / factor == pytest.approx(4.6e6 / 2**4.5)
    assert low == high == pytest.approx(factor)  # no uncertainty in, none out


def test_independent_uncertainties_add_in_quadrature():
    a = Rate(1.4, 1.4 / math.e**0.3, 1.4 * math.e**0.3, 0.9)
    b = Rate(2.0, 2.0 / math.e**0.4, 2.0 * math.e**0.4, 0.9)
    both = combine(a, b, level=0.9)
    assert math.log(both.high / both.growth) == pytest.approx(math.hypot(0.3, 0.4))


def test_interval_widens_linearly_in_log_with_time():
    r = Rate(1.5, 1.3, 1.7, 0.9)
    _, lo1, hi1 = compounded(r, 1)
    _, lo4, hi4 = compounded(r, 4)
    assert math.log(hi4 / lo4) == pytest.approx(4 * math.log(hi1 / lo1))


def test_levels_are_converted():
    assert z_of(0.9) == pytest.approx(1.6449, abs=1e-4)
    assert z_of(0.95) == pytest.approx(1.9600, abs=1e-4)
    r95 = Rate.from_halving_months(8, 5, 14, 0.95)  # Ho et al. 2024
    assert r95.growth == pytest.approx(2 ** 1.5)
    assert r95.low == pytest.approx(2 ** (12 / 14)) and r95.high == pytest.approx(2 ** (12 / 5))
