"""``published_trends``: headline trend estimates from the literature."""

import pandera.polars as pa

from ._base import SLUG, Declaration, field, shared

UNITS = ["doubling_time_years", "doubling_time_months", "growth_per_year_x", "halving_time_months",
         "halving_time_years", "growth_per_year_oom", "decline_per_year_x"]


class PublishedTrends(pa.DataFrameModel):
    trend_id: str = shared('trend_id', nullable=False, unique=True, note="Stable once published.")
    quantity: str = shared('quantity', nullable=False)
    subset: str = shared('subset', nullable=False, str_matches=SLUG)
    value: float = shared('value', nullable=False, gt=0, unit_from='value_kind')
    value_kind: str = field("What `value` is: a growth factor per year, orders of magnitude per year, a factor of "
                            "decline per year (a price that falls 10× a year is 10), or a doubling or halving time "
                            "in years or months.", nullable=False, isin=UNITS)
    ci_low: float = field("Lower end of the interval, expressed as `value` is.", gt=0, unit_from='value_kind')
    ci_high: float = field("Upper end of the interval, expressed as `value` is.", gt=0, unit_from='value_kind')
    interval_level_frac: float = shared('interval_level_frac')
    interval_method: str = field("How the interval was obtained.",
                                 isin=["confidence_interval", "credible_interval", "bootstrap", "range", "none"])
    rounding_step: float = field("Where the source gives no interval: the step to which its figure is rounded, "
                                 "expressed as `value` is: the place of the figure's last non-zero digit as the "
                                 "source writes it (0.1 for 'every 2.3 years', 1 for '4x', 0.1 for 'around 30%' "
                                 "stored as 1.3). The figure then stands for every value within half a step of it. "
                                 "Empty where the source gives an interval.", gt=0, unit_from='value_kind')
    start_year: int = field("First year of the data behind the estimate.", 'year', ge=1940, le=2100)
    end_year: int = field("Last year of the data behind the estimate.", 'year', ge=1940, le=2100)
    n_points: int = shared('n_points', gt=0)
    source: str = shared('source', nullable=False)
    source_url: str = shared('source_url')
    notes: str = shared('notes')

    class Config:
        description = """Trend estimates published in the literature (hardware price-performance,
        training compute and cost growth, algorithmic progress), each as the source states it, with
        its interval and the interval's level."""
        metadata = Declaration(
            kind="curated",
            csv="published_trends.csv",
            key=("trend_id",))
        strict = True
