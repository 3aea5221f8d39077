"""Trend fitting recovers a known doubling time within its interval."""

import datetime as dt
import math

import numpy as np
import pytest

from compute_atlas.stats.trends import Fit, fit_loglinear, record_setters

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


def test_too_few_points_is_an_error():
    with pytest.raises(ValueError):
        fit_loglinear([dt.date(2020, 1, 1), dt.date(2021, 1, 1)], [1, 2], **OPTIONS)
    assert math.isfinite(fit_loglinear(*synthetic(2.0, n=3), **OPTIONS).slope)
