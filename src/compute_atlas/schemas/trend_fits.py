"""``trend_fits``: log-linear trends fitted by the pipeline, with bootstrap intervals."""

import pandera.polars as pa
import polars as pl

from ._base import SLUG, Declaration, field, shared


class TrendFits(pa.DataFrameModel):
    fit_id: str = field("Identifier: quantity and subset.", nullable=False, unique=True)
    quantity: str = shared('quantity', nullable=False)
    subset: str = shared('subset', nullable=False, str_matches=SLUG)
    subset_description: str = field("What the subset holds, in words.", nullable=False)
    source_relation: str = field("Relation the points come from.", nullable=False)
    n_points: int = shared('n_points', nullable=False)
    start_date: pl.Date = field("Earliest date among the points.", 'date', nullable=False)
    end_date: pl.Date = field("Latest date among the points.", 'date', nullable=False)
    slope_log10_per_year: float = field("Least-squares slope of log10(value) against time.", 'log10_per_year', nullable=False)
    growth_per_year_x: float = shared('growth_per_year_x', nullable=False)
    growth_per_year_x_low: float = shared('growth_per_year_x_low', nullable=False)
    growth_per_year_x_high: float = shared('growth_per_year_x_high', nullable=False)
    interval_level_frac: float = shared('interval_level_frac', nullable=False)
    doubling_time_years: float = shared('doubling_time_years')
    doubling_time_years_low: float = field("Shorter end of the bootstrap interval of the doubling time; "
                                           "empty when the interval includes no growth.", 'years')
    doubling_time_years_high: float = field("Longer end of the bootstrap interval of the doubling time; "
                                            "empty when the interval includes no growth.", 'years')
    r_squared: float = field("Coefficient of determination of the fit on log10(value).", 'number', ge=0, le=1)
    intercept_log10: float = field("Fitted log10(value) at start_date.", 'log10', nullable=False)
    bootstrap_samples: int = field("Number of bootstrap resamples behind the interval.", 'count', nullable=False, gt=0)
    fitted_start_value: float = field("The fitted trend's value at start_date (10^intercept), in the quantity's unit: "
                                      "the first point of the line a chart draws.", unit_from="quantity", gt=0)
    fitted_end_value: float = field("The fitted trend's value at end_date, in the quantity's unit: the last point of "
                                    "the line a chart draws.", unit_from="quantity", gt=0)

    class Config:
        description = """Log-linear trend fits against date (ordinary least squares on log10 of the
        value), each with a 90 % percentile bootstrap interval (5th to 95th percentile of resampled
        fits, fixed seed), the number of points and the date range."""
        metadata = Declaration(
            kind="derived",
            key=("fit_id",),
            inputs=("accelerator_efficiency", "training_run_costs", "parameters"),
            parameters=("interval-level-frac", "bootstrap-samples", "bootstrap-seed", "minimum-fit-points"))
        strict = True
