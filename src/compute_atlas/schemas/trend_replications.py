"""``trend_replications``: each published estimate beside our fit of the same subset, precision, price basis and period."""

import datetime as dt

import pandera.polars as pa

from ._base import Declaration, ForeignKey, field, shared


class TrendReplications(pa.DataFrameModel):
    trend_id: str = shared('trend_id', nullable=False, unique=True)
    quantity: str = shared('quantity', nullable=False)
    subset: str = shared('subset', nullable=False, note="The published estimate's subset.")
    source: str = shared('source', nullable=False, note="The published estimate's source.")
    label: str = shared('label', nullable=False,
                        note="With the period (years, or months where it starts or ends within a year).")
    fit_description: str = field("Our subset in words: which points, which rate, which prices, which dates.",
                                 nullable=False)
    period_start_date: dt.date = shared('period_start_date', nullable=False)
    period_end_date: dt.date = shared('period_end_date', nullable=False)
    published_growth_per_year_x: float = field("The published estimate as a growth factor per year.",
                                               'factor_per_year', nullable=False, gt=0)
    published_growth_per_year_x_low: float = field("Low end of the published interval as a growth factor per year, "
                                                   "or of the rounding range of a figure the source gives without "
                                                   "one (`overlap_rule` `rounding_range`); empty where there is "
                                                   "neither.", 'factor_per_year', gt=0)
    published_growth_per_year_x_high: float = field("High end of the published interval, or of the rounding range, "
                                                    "as a growth factor per year.", 'factor_per_year', gt=0)
    published_interval_level_frac: float = shared('published_interval_level_frac')
    published_n_points: int = field("Points behind the published estimate, where the source says.", 'count', ge=0)
    n_points: int = shared('n_points', nullable=False, note="Points behind our fit.")
    growth_per_year_x: float = shared('growth_per_year_x', note="Our fit. Empty when fewer than "
                                      "`minimum-fit-points` points match.")
    growth_per_year_x_low: float = shared('growth_per_year_x_low', note="Our percentile-bootstrap interval.")
    growth_per_year_x_high: float = shared('growth_per_year_x_high')
    interval_level_frac: float = shared('interval_level_frac', nullable=False,
                                        note="Of our interval: the published interval's level where the source "
                                        "states one, so that both are compared at the same coverage; else the "
                                        "`interval-level-frac` parameter.")
    doubling_time_years: float = shared('doubling_time_years', note="Of our fit.")
    growth_ratio_x: float = field("Our growth factor over the published one (1 where they agree).", 'factor', gt=0)
    overlap_rule: str = field("How agreement is judged: `intervals` (the two intervals share a point) where the "
                              "source gives an interval; `rounding_range` (our interval meets the range of values "
                              "that round to the published figure, `published_trends.rounding_step`) where it "
                              "gives a rounded figure without one; `point_in_interval` (our interval holds the "
                              "published value) where neither is known.", nullable=False,
                              isin=["intervals", "rounding_range", "point_in_interval"])
    intervals_overlap: bool = shared('intervals_overlap', note="Here by `overlap_rule`; empty when too few points "
                                     "match to fit.")
    known_differences: str = shared('known_differences', nullable=False, note="From `replication_subsets`.")

    class Config:
        description = """Each published trend estimate (`published_trends`) that the atlas can replicate,
        beside our log-linear fit of the source's own population, precision, price basis and period
        (`replication_subsets`), with our percentile-bootstrap interval, both as growth factors per
        year, and whether the two agree."""
        metadata = Declaration(
            kind="derived",
            key=("trend_id",),
            foreign_keys=(ForeignKey("trend_id", "published_trends"),),
            inputs=("replication_subsets", "published_trends", "accelerator_efficiency", "training_run_costs",
                    "training_runs", "training_cost_methods", "parameters"),
            parameters=("interval-level-frac", "bootstrap-samples", "bootstrap-seed", "minimum-fit-points"))
        strict = True
