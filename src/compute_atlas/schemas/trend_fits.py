"""``trend_fits``: log-linear trends fitted by the pipeline, with bootstrap intervals."""

import pandera.polars as pa
import polars as pl

from ._base import SLUG, field


class TrendFits(pa.DataFrameModel):
    fit_id: str = field("Identifier: quantity and subset.", nullable=False, unique=True)
    quantity: str = field("Quantity fitted (same vocabulary as `published_trends.quantity`).", nullable=False)
    subset: str = field("Named subset of rows the fit uses.", nullable=False, str_matches=SLUG)
    subset_description: str = field("What the subset holds, in words.", nullable=False)
    source_relation: str = field("Relation the points come from.", nullable=False)
    n_points: int = field("Number of points fitted.", "count", nullable=False, ge=3)
    start_date: pl.Date = field("Earliest date among the points.", "date", nullable=False)
    end_date: pl.Date = field("Latest date among the points.", "date", nullable=False)
    slope_log10_per_year: float = field("Least-squares slope of log10(value) against time.", "orders of magnitude per year", nullable=False)
    growth_per_year_x: float = field("Factor by which the quantity grows per year (10^slope).", "× per year", nullable=False, gt=0)
    growth_per_year_x_low: float = field("Lower end of the 90 % bootstrap interval of the growth factor.", "× per year", nullable=False, gt=0)
    growth_per_year_x_high: float = field("Upper end of the 90 % bootstrap interval of the growth factor.", "× per year", nullable=False, gt=0)
    doubling_time_years: float = field("Time to double (negative when the quantity falls: a halving time).", "years")
    doubling_time_years_low: float = field("Shorter end of the 90 % bootstrap interval of the doubling time; "
                                           "empty when the interval includes no growth.", "years")
    doubling_time_years_high: float = field("Longer end of the 90 % bootstrap interval of the doubling time; "
                                            "empty when the interval includes no growth.", "years")
    r_squared: float = field("Coefficient of determination of the fit on log10(value).", "fraction", ge=0, le=1)
    intercept_log10: float = field("Fitted log10(value) at start_date.", "log10 of the quantity's unit", nullable=False)
    bootstrap_samples: int = field("Number of bootstrap resamples behind the interval.", "count", nullable=False, gt=0)

    class Config:
        description = """Log-linear trend fits against date (ordinary least squares on log10 of the
        value), each with a 90 % percentile bootstrap interval (5th to 95th percentile of resampled
        fits, fixed seed), the number of points and the date range."""
        metadata = {"kind": "derived", "key": ["fit_id"]}
        strict = True
