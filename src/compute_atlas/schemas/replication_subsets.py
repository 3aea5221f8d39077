"""``replication_subsets``: for each published trend we replicate, the source's population as data."""

import datetime as dt

import pandera.polars as pa

from ..metadata.vocabularies import CHIP_KINDS, COST_METHODS, DOMAINS, MARKET_SEGMENTS, PRICE_BASES
from ._base import Declaration, ForeignKey, field, shared


def _list_of(values: tuple[str, ...]) -> str:
    word = "|".join(values)
    return rf"^({word})(;({word}))*$"




class ReplicationSubsets(pa.DataFrameModel):
    trend_id: str = shared('trend_id', nullable=False, unique=True,
                           note="The published estimate this subset replicates.")
    label: str = shared('label', nullable=False, note="Authors, year and what was fitted, as a chart labels it.")
    population: str = field("What the points are: `accelerators` (one point per chip of `accelerator_efficiency` at "
                            "its release date) or `training_runs` (one point per run of `training_run_costs` at its "
                            "publication date).", nullable=False, isin=["accelerators", "training_runs"])
    kinds: str = field("Accelerators: the kinds of chip kept (`;`-separated values of `accelerators.kind`).",
                       str_matches=_list_of(CHIP_KINDS))
    market_segments: str = field("Accelerators: the market segments kept (`;`-separated values of "
                                 "`accelerators.market_segment`).", str_matches=_list_of(MARKET_SEGMENTS))
    precision_rule: str = field("Accelerators: which rate is the chip's point: `fp32` or `fp16` (the dense rate in "
                                "that precision; FP16 is the tensor rate on a chip with matrix units), "
                                "`best-16bit-tensor` (`accelerator_efficiency.is_best_16bit_tensor`); empty for "
                                "memory, which has one value per chip.", isin=["fp32", "fp16", "best-16bit-tensor"])
    price_bases: str = field("Accelerators, price-performance only: the price bases kept (`;`-separated values of "
                             "`accelerator_efficiency.price_basis`: `launch_list`, `purchase`).",
                             str_matches=_list_of(PRICE_BASES))
    best_only: bool = field("Keep only the record setters: each point beats every earlier one (the source's "
                            "'top' or 'leading' hardware).", nullable=False)
    frontier_only: bool = field("Training runs: keep only frontier runs (`is_frontier`).")
    domains: str = field("Training runs: the domains kept (`;`-separated values of `training_runs.domain`); empty "
                         "for every domain.", str_matches=_list_of(DOMAINS))
    z_score_window_years: float = field("Training runs: select runs by the z-score of their log compute against "
                                        "every run with a compute figure published within this many years either "
                                        "side (Sevilla et al. 2022's rule for large-scale and regular-scale "
                                        "models); empty for no such selection.", 'years', gt=0)
    z_score_min: float = field("Training runs: keep runs whose z-score is at least this (empty: no lower bound).",
                               "number")
    z_score_max: float = field("Training runs: keep runs whose z-score is below this (empty: no upper bound).",
                               "number")
    cost_method_id: str = field("Training runs, costs only: the costing method whose estimates are the points "
                                "(`training_cost_methods.method_id`); empty for compute.", isin=COST_METHODS)
    period_start_date: dt.date = shared('period_start_date', nullable=False)
    period_end_date: dt.date = shared('period_end_date', nullable=False)
    rationale: str = shared('rationale', nullable=False, note="How the subset matches the source's definition of "
                            "its population, and where our data cannot match it.")
    known_differences: str = shared('known_differences', nullable=False)
    source: str = shared('source', nullable=False, note="Where the source defines its population.")

    class Config:
        description = """The population behind each published trend estimate that the atlas
        replicates, as the source defines it and as far as our data can express it: which chips (kind,
        market segment), which rate (precision), which price basis, which runs (frontier, domain, and
        large- or regular-scale by z-score where the source selects so), which cost method, the period
        of dates, and what still differs. `trend_replications` fits each one."""
        metadata = Declaration(
            kind="curated",
            csv="replication_subsets.csv",
            key=("trend_id",),
            foreign_keys=(ForeignKey("trend_id", "published_trends"),))
        strict = True
