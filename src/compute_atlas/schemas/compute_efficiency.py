"""``compute_efficiency``: access and performance effects by year, with intervals."""

import pandera.polars as pa

from ..metadata.vocabularies import EFFICIENCY_BASES
from ._base import Declaration, field, shared


class ComputeEfficiency(pa.DataFrameModel):
    domain: str = shared('domain', nullable=False)
    effect: str = field("`access`: cost of a fixed capability; `performance`: effective compute a fixed budget "
                        "buys; `frontier`: effective compute of frontier spending; `inference_access`: the price per "
                        "million tokens of a fixed capability (`inference_thresholds`).", nullable=False,
                        isin=["access", "performance", "frontier", "inference_access"])
    basis: str = field("`hardware` alone; `hardware_and_algorithms`, with the published estimate of algorithmic "
                       "progress; or `hardware_and_measured_algorithms`, with this atlas's own measurement "
                       "(`algorithmic_progress`) in its place; or, for inference, `measured_prices`, the fitted decline "
                       "of the cheapest price of the capability (`inference_price_trends`).", nullable=False,
                       isin=list(EFFICIENCY_BASES))
    reference: str = field("The fixed capability (a `run_id`, or for inference a `threshold_id` of "
                           "`inference_thresholds`) or the fixed budget (`budget-1m-usd`, ...).", nullable=False)
    base_year: int = field("Year the reference is anchored in.", 'year', nullable=False)
    year: int = shared('year', nullable=False)
    value: float = shared('value', nullable=False, gt=0)
    value_low: float = shared("value_low", nullable=False, gt=0, note="At the level `interval_level_frac`.")
    value_high: float = shared("value_high", nullable=False, gt=0)
    unit: str = shared('unit', nullable=False)
    rate_per_year_x: float = field("Growth factor per year applied (cost falls, compute rises, by this factor).",
                                   'factor_per_year', nullable=False, gt=0)
    rate_low_x: float = field("Low end of the rate's interval.", 'factor_per_year', nullable=False, gt=0)
    rate_high_x: float = field("High end of the rate's interval.", 'factor_per_year', nullable=False, gt=0)
    interval_level_frac: float = shared('interval_level_frac', nullable=False)
    factor_x: float = field("The rate compounded from base_year to year: the factor by which the cost fell (access) or "
                            "the effective compute rose (performance, frontier) since base_year.", 'factor',
                            nullable=False, gt=0)
    factor_low_x: float = field("Low end of the factor's interval.", 'factor', nullable=False, gt=0)
    factor_high_x: float = field("High end of the factor's interval.", 'factor', nullable=False, gt=0)
    is_projection: bool = field("Whether the year lies beyond the data behind the rates.", nullable=False)
    inputs: str = field("The `trend_fits.fit_id`s, `published_trends.trend_id`s and `algorithmic_progress` rows "
                        "(`algorithmic_progress:<benchmark_id>:<method>`) used, separated by `;`.", nullable=False)

    class Config:
        description = """The compute-efficiency model (Pilz, Heim & Brown 2023) on the atlas's own
        numbers: by year, the cost of reaching a landmark run's capability (access effect), the
        effective compute fixed budgets buy (performance effect) and frontier spending's effective
        compute, from hardware alone and with algorithmic progress, with 90 % intervals carried from
        the trend fits and the published algorithmic-progress estimates."""
        metadata = Declaration(
            kind="derived",
            key=("domain", "effect", "basis", "reference", "year"),
            inputs=("trend_fits", "training_run_costs", "published_trends", "parameters", "landmark_runs",
                    "algorithmic_progress", "inference_price_trends"),
            parameters=("interval-level-frac", "projection-years-past-data", "budget-1m-usd", "budget-100m-usd",
                        "budget-1b-usd"))
        strict = True
