"""``trend_comparison``: our fits beside the published estimates of the same quantity."""

import pandera.polars as pa

from ..metadata.vocabularies import ESTIMATE_ORIGINS
from ._base import Declaration, field, shared


class TrendComparison(pa.DataFrameModel):
    quantity: str = shared('quantity', nullable=False)
    origin: str = field("`ours` for a fit of this build, `published` for a literature estimate.",
                        nullable=False, isin=list(ESTIMATE_ORIGINS))
    estimate_id: str = field("`fit_id` of trend_fits or `trend_id` of published_trends.", nullable=False)
    subset: str = shared('subset', nullable=False)
    growth_per_year_x: float = shared('growth_per_year_x', nullable=False)
    growth_per_year_x_low: float = shared('growth_per_year_x_low')
    growth_per_year_x_high: float = shared('growth_per_year_x_high')
    doubling_time_years: float = shared('doubling_time_years')
    interval_level_frac: float = shared('interval_level_frac')
    year_range: str = field("First and last year of the data behind the estimate (`2008–2024`).")
    n_points: int = shared('n_points')
    source: str = shared('source', note='Empty for a fit of this build (`ours`).')

    class Config:
        description = """Our trend fits and the published estimates of the same quantity, all
        converted to a growth factor per year and a doubling time, so that they can be read side by
        side."""
        metadata = Declaration(
            kind="derived",
            key=("estimate_id",),
            inputs=("trend_fits", "published_trends"))
        strict = True
