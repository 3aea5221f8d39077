"""``published_trends``: headline trend estimates from the literature."""

import pandera.polars as pa

from ._base import CITE_KEYS, SLUG, URL, field

QUANTITIES = [
    "peak_flop_per_s", "flop_per_s_per_usd", "flop_per_s_per_watt", "memory_bytes",
    "memory_bandwidth_bytes_per_s", "training_compute_flop", "frontier_training_compute_flop",
    "frontier_training_cost_usd", "algorithmic_efficiency_language", "algorithmic_efficiency_vision",
    "algorithmic_efficiency_other", "cloud_price_usd_per_hour", "hardware_acquisition_cost_usd",
]
UNITS = ["doubling_time_years", "doubling_time_months", "growth_per_year_x", "halving_time_months",
         "halving_time_years", "growth_per_year_oom"]


class PublishedTrends(pa.DataFrameModel):
    trend_id: str = field("Stable identifier of the estimate.", nullable=False, unique=True, str_matches=SLUG)
    quantity: str = field("The quantity whose trend is estimated.", nullable=False, isin=QUANTITIES)
    subset: str = field("Scope of the data as the source defines it (slug).", nullable=False, str_matches=SLUG)
    value: float = field("Central estimate, in `unit`.", "see unit", nullable=False, gt=0)
    unit: str = field("Unit of value, ci_low and ci_high.", nullable=False, isin=UNITS)
    ci_low: float = field("Lower end of the interval, in `unit`.", "see unit", gt=0)
    ci_high: float = field("Upper end of the interval, in `unit`.", "see unit", gt=0)
    interval_level_frac: float = field("Coverage of the interval (0.9 for a 90 % or 5-95 % interval).", "fraction", gt=0, lt=1)
    interval_method: str = field("How the interval was obtained.",
                                 isin=["confidence_interval", "credible_interval", "bootstrap", "range", "none"])
    start_year: int = field("First year of the data behind the estimate.", "year", ge=1940, le=2100)
    end_year: int = field("Last year of the data behind the estimate.", "year", ge=1940, le=2100)
    n_points: int = field("Number of data points the estimate rests on.", "count", gt=0)
    source: str = field("BibTeX keys of the sources, separated by `;`.", nullable=False, str_matches=CITE_KEYS)
    source_url: str = field("URL of the source.", str_matches=URL)
    notes: str = field("Caveats, and where in the source the figure appears.")

    class Config:
        description = """Trend estimates published in the literature (hardware price-performance,
        training compute and cost growth, algorithmic progress), each as the source states it, with
        its interval and the interval's level."""
        metadata = {"kind": "raw", "csv": "published_trends.csv", "key": ["trend_id"]}
        strict = True
