"""The statistics on thin data: too few points, one date, an open interval. Never an exception where the data
can rightly be thin; the reason instead."""

import datetime as dt
import math

import pytest

from compute_atlas.stats.claims import Point
from compute_atlas.stats.trends import fit_loglinear, period_of, try_fit, unfit_reason

OPTIONS = {"samples": 200, "seed": 1, "level": 0.9}
DATES = [dt.date(2020 + k, 1, 1) for k in range(4)]


@pytest.mark.parametrize(("dates", "values", "fewest", "reason"), [
    ([], [], 3, "too few points: 0 of the 3"),
    (DATES[:1], [1.0], 3, "too few points: 1 of the 3"),
    (DATES[:2], [1.0, 2.0], 1, "too few points: 2 of the 3"),  # never under 3, whatever the parameter says
    (DATES, [1.0, 2.0, 4.0, 8.0], 5, "too few points: 4 of the 5"),
    ([DATES[0]] * 4, [1.0, 2.0, 4.0, 8.0], 3, "the 4 points share one date"),
    (DATES[:3], [1.0, 0.0, 4.0], 3, "a value is not positive"),
])
def test_points_that_cannot_be_fitted_give_a_reason(dates, values, fewest, reason):
    assert unfit_reason(dates, values, fewest).startswith(reason)
    fit, why = try_fit(dates, values, fewest=fewest, **OPTIONS)
    assert fit is None and why.startswith(reason)
    if fewest <= 3:  # fit_loglinear itself needs 3 points
        with pytest.raises(ValueError, match=reason.split(":")[0]):
            fit_loglinear(dates, values, **OPTIONS)


def test_three_points_on_two_dates_are_fitted():
    dates = [DATES[0], DATES[0], DATES[2]]
    fit, why = try_fit(dates, [1.0, 2.0, 4.0], fewest=3, **OPTIONS)
    assert why is None and fit.n_points == 3 and fit.slope_low <= fit.slope <= fit.slope_high
    assert 0 < fit.samples < OPTIONS["samples"]  # resamples on one date have no slope and are left out


def test_no_resample_with_two_dates_is_no_fit():
    fit, why = try_fit(DATES[:3], [1.0, 2.0, 4.0], fewest=3, samples=0, seed=1, level=0.9)
    assert fit is None and "bootstrap" in why


def test_period_of_no_growth_is_infinite():
    assert period_of(1.0, "doubling_time_months") == math.inf
    assert period_of(4.0, "doubling_time_months") == pytest.approx(6)
    assert period_of(0.5, "doubling_time_years") == pytest.approx(-1)


@pytest.mark.parametrize(("point", "accepted", "agrees"), [
    (Point(3.0), (4.0, 5.0), False),  # no interval: the value alone
    (Point(3.0, 2.0, 4.5), (4.0, 5.0), True),
    (Point(3.0, 2.0, None), (40.0, 50.0), True),  # open above: reaches any higher value
    (Point(3.0, 2.0, None), (0.5, 1.5), False),
    (Point(3.0, None, 3.5), (0.5, 1.5), True),  # open below
    (Point(3.0, None, 3.5), (4.0, 5.0), False),
])
def test_a_missing_end_beside_a_present_one_is_open(point, accepted, agrees):
    assert point.agrees(accepted) is agrees
