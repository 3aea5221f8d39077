"""Trend fitting recovers a known doubling time within its interval."""

import datetime as dt
import math

import numpy as np
import pytest

from compute_atlas.stats.trends import Fit, fit_loglinear, neighbourhood_z_scores, record_setters

#: The bootstrap's settings in these tests (the build takes them from `parameters`).
OPTIONS = {"samples": 1000, "seed": 20231127, "level": 0.9}

def synthetic(doubling_years: float, n: int = 120, noise_log10: float = 0.15, seed: int = 1):
    rng = np.random.default_rng(seed)
    start = dt.date(2008, 1, 1)
    days = np.sort(rng.uniform(0, 17 * 365.25, n))
    dates = [start + dt.timedelta(days=float(d)) for d in days]
    values = [1e12 * 2 ** (d / 365.25 / doubling_years) * 10 ** rng.normal(0, noise_log10) for d in days]
    return dates, values


@pytest.mark.parametrize("doubling", [1.0, 2.3, 4.0])
def test_known_doubling_time_is_recovered_within_interval(doubling):
    dates, values = synthetic(doubling)
    fit = fit_loglinear(dates, values, **OPTIONS)
    low, high = fit.doubling_interval()
    assert low < doubling < high
    assert Fit.doubling_time(fit.slope) == pytest.approx(doubling, rel=0.1)
    assert high - low < doubling  # the interval is informative, not everything


def test_exact_series_has_exact_fit():
    dates = [dt.date(2010 + k, 1, 1) for k in range(8)]
    values = [100 * 3.0**k for k in range(8)]
    fit = fit_loglinear(dates, values, **OPTIONS)
    assert fit.growth_per_year == pytest.approx(3.0, rel=2e-3)  # leap days make a year 365.25 days on average
    assert fit.r_squared == pytest.approx(1.0)


def test_falling_quantity_has_negative_doubling_time():
    dates = [dt.date(2010 + k, 1, 1) for k in range(6)]
    fit = fit_loglinear(dates, [2.0**-k for k in range(6)], **OPTIONS)
    assert Fit.doubling_time(fit.slope) == pytest.approx(-1.0, rel=1e-2)


def test_bootstrap_is_reproducible():
    dates, values = synthetic(2.0, n=40)
    assert fit_loglinear(dates, values, **OPTIONS) == fit_loglinear(dates, values, **OPTIONS)


def test_record_setters_keep_only_new_bests():
    dates = [dt.date(2020, 1, 1), dt.date(2021, 1, 1), dt.date(2022, 1, 1), dt.date(2023, 1, 1)]
    d, v = record_setters(dates, [5, 3, 7, 7])
    assert v == [5, 7] and d == [dates[0], dates[2]]


def test_neighbourhood_z_scores():
    # 10, 1000 and 100000 a year apart (log10: 1, 3, 5); window 1.5 years. The first sees 1 and 3 (mean 2, sd 1):
    # z = -1; the middle one sees all three (mean 3, sd sqrt(8/3)): z = 0; the last sees 3 and 5: z = 1.
    # A point alone in its window has no spread: None.
    dates = [dt.date(2020, 1, 1), dt.date(2021, 1, 1), dt.date(2022, 1, 1), dt.date(2030, 1, 1)]
    z = neighbourhood_z_scores(dates, [10, 1000, 100000, 7], 1.5)
    assert z[:3] == [pytest.approx(-1), pytest.approx(0), pytest.approx(1)] and z[3] is None
    # a wider window takes in more neighbours: with 3 years the first sees all of the first three
    assert neighbourhood_z_scores(dates[:3], [10, 1000, 100000], 3)[0] == pytest.approx(-2 / math.sqrt(8 / 3))


def test_too_few_points_is_an_error():
    with pytest.raises(ValueError):
        fit_loglinear([dt.date(2020, 1, 1), dt.date(2021, 1, 1)], [1, 2], **OPTIONS)
    assert math.isfinite(fit_loglinear(*synthetic(2.0, n=3), **OPTIONS).slope)


# --- replication arithmetic: published figures as growth per year, and the overlap rule -------------------

def test_published_figures_as_growth_per_year():
    from compute_atlas.stats.trends import growth_interval, growth_per_year

    assert growth_per_year(1.5, "growth_per_year_x") == 1.5
    assert growth_per_year(0.5, "growth_per_year_oom") == pytest.approx(10**0.5)
    # doubling every 2.46 years (2.24 to 2.72), Hobbhahn & Besiroglu: 2^(1/2.46) = 1.3255 a year
    assert growth_per_year(2.46, "doubling_time_years") == pytest.approx(1.32547, rel=1e-5)
    # doubling every 6 months: 2^(12/6) = 4 a year; halving every 24 months: 2^(12/24) = √2
    assert growth_per_year(6, "doubling_time_months") == pytest.approx(4.0)
    assert growth_per_year(24, "halving_time_months") == pytest.approx(2**0.5)
    # the longer time is the slower growth: the ends swap; 2^(1/2.72) = 1.2902, 2^(1/2.24) = 1.3627
    low, high = growth_interval(2.24, 2.72, "doubling_time_years")
    assert (low, high) == (pytest.approx(1.29025, rel=1e-5), pytest.approx(1.36266, rel=1e-5))
    assert growth_interval(4.0, 5.0, "growth_per_year_x") == (4.0, 5.0)
    assert growth_interval(None, None, "doubling_time_years") == (None, None)


def test_period_of_inverts_growth_per_year():
    from compute_atlas.stats.trends import growth_per_year, period_of

    assert period_of(4.0, "doubling_time_months") == pytest.approx(6.0)  # 4 × a year: two doublings a year
    assert period_of(2**0.5, "doubling_time_years") == pytest.approx(2.0)
    for value, kind in [(3.4, "doubling_time_months"), (2.46, "doubling_time_years"), (8, "halving_time_months")]:
        assert period_of(growth_per_year(value, kind), kind) == pytest.approx(value)


def test_overlap_rule():
    from compute_atlas.stats.trends import overlaps

    # two intervals that share a point overlap, touching ends included
    assert overlaps(1.2, 1.3, 1.5, 1.25, 1.6)
    assert overlaps(1.2, 1.3, 1.5, 1.3, 1.6)
    assert not overlaps(1.2, 1.3, 1.5, 1.31, 1.6)
    assert not overlaps(1.4, 1.7, 1.3, 1.1, 1.35)  # ours wholly above
    # without a published interval, our interval must hold the published value
    assert overlaps(1.2, 1.3, 1.25, None, None)
    assert not overlaps(1.2, 1.3, 1.35, None, None)


def test_published_range_interval_rounding_or_point():
    from compute_atlas.stats.trends import published_range

    # a stated interval wins over a rounding step
    assert published_range(4.5, "growth_per_year_x", 4.0, 5.0, None) == (4.0, 5.0, "intervals")
    # '4x' rounded to whole factors: 3.5 to 4.5
    assert published_range(4, "growth_per_year_x", None, None, 1) == (3.5, 4.5, "rounding_range")
    # doubling every 2.3 years to 0.1 year: 2.25 to 2.35 years, so 2^(1/2.35) = 1.3431 to 2^(1/2.25) = 1.3608
    low, high, rule = published_range(2.3, "doubling_time_years", None, None, 0.1)
    assert (low, high, rule) == (pytest.approx(1.34307, rel=1e-5), pytest.approx(1.36079, rel=1e-5),
                                 "rounding_range")
    assert published_range(3, "growth_per_year_x", None, None, None) == (None, None, "point_in_interval")
