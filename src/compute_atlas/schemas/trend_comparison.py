"""``trend_comparison``: our fits beside the published estimates of the same quantity."""

import pandera.polars as pa

from ._base import field


class TrendComparison(pa.DataFrameModel):
    quantity: str = field("Quantity.", nullable=False)
    origin: str = field("`ours` for a fit of this build, `published` for a literature estimate.",
                        nullable=False, isin=["ours", "published"])
    estimate_id: str = field("`fit_id` of trend_fits or `trend_id` of published_trends.", nullable=False)
    subset: str = field("Subset as its origin names it.", nullable=False)
    growth_per_year_x: float = field("Growth factor per year (a falling quantity below 1).", "× per year", nullable=False, gt=0)
    growth_per_year_x_low: float = field("Low end of the interval, converted.", "× per year", gt=0)
    growth_per_year_x_high: float = field("High end of the interval, converted.", "× per year", gt=0)
    doubling_time_years: float = field("Doubling time (halving time for a falling quantity, as a positive number "
                                       "for algorithmic efficiency estimates).", "years")
    interval_level_frac: float = field("Coverage of the interval.", "fraction", gt=0, lt=1)
    years: str = field("Years of the data behind the estimate.")
    n_points: int = field("Points behind the estimate.", "count")
    source: str = field("BibTeX keys (published) or the relation the fit reads (ours).", nullable=False)

    class Config:
        description = """Our trend fits and the published estimates of the same quantity, all
        converted to a growth factor per year and a doubling time, so that they can be read side by
        side."""
        metadata = {"kind": "derived", "key": ["estimate_id"]}
        strict = True
