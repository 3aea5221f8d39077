"""``mlperf_progress``: chip-hours to train each MLPerf benchmark, by round and accelerator, at comparable scale."""

import pandera.polars as pa
import polars as pl

from ._base import Declaration, ForeignKey, field, shared


class MlperfProgress(pa.DataFrameModel):
    mlperf_round: str = shared("mlperf_round", nullable=False)
    round_published_date: pl.Date = shared("round_published_date", nullable=False)
    mlperf_benchmark: str = shared("mlperf_benchmark", nullable=False)
    accelerator_id: str = shared("accelerator_id", nullable=False)
    name: str = shared("name", nullable=False, note="The accelerator's.")
    vendor: str = shared("vendor", nullable=False)
    release_date: pl.Date = shared("release_date", nullable=False)
    n_mlperf_results: int = field("Closed-division results of this round, benchmark and accelerator.", "count",
                           nullable=False, gt=0)
    mlperf_result_id: str = shared("mlperf_result_id", nullable=False,
                                   note="The selected result: the fewest chip-hours of the group.")
    submitter: str = shared("submitter", nullable=False)
    system: str = shared("system", nullable=False)
    accelerator_count: int = shared("accelerator_count", nullable=False, note="Of the selected result.")
    time_to_train_minutes: float = shared("time_to_train_minutes", nullable=False, note="Of the selected result.")
    chip_hours: float = shared("chip_hours", nullable=False,
                               note="Here time_to_train_minutes / 60 × accelerator_count of the selected result.")
    is_official_score: bool = shared("is_official_score", nullable=False)
    fastest_time_to_train_minutes: float = field("The shortest time to train of the group, at any scale (often a "
                                                 "much larger system than the selected result's).", "minutes",
                                                 nullable=False, gt=0)
    fastest_accelerator_count: int = field("Accelerators of the fastest result.", "count", nullable=False, gt=0)
    predecessor_accelerator_id: str = field("The predecessor on this benchmark in this round: of the same vendor's "
                                            "accelerators released at least `mlperf-generation-gap-months` "
                                            "earlier and with a lower dense 16-bit tensor peak (an earlier "
                                            "generation, not a sibling), the one with the fewest chip-hours (a key into "
                                            "`accelerators`); empty where there is none.")
    predecessor_chip_hours: float = field("The predecessor's chip-hours on this benchmark in this round.",
                                          "chip_hours", gt=0)
    predecessor_accelerator_count: int = field("Accelerators of the predecessor's result: where it differs much from "
                                               "accelerator_count, the speed-up mixes scales.", "count", gt=0)
    speedup_over_predecessor_x: float = field("predecessor_chip_hours / chip_hours: how many times fewer "
                                              "accelerator-hours this accelerator needs than its predecessor, "
                                              "under the same round's rules and software era.", "factor", gt=0)
    cloud_price_usd_per_hour: float = shared("cloud_price_usd_per_hour",
                                             note="The row's date is the round's publication date; empty when no price "
                                             "lies within `mlperf-price-max-gap-days` of it.")
    cloud_price_date: pl.Date = shared("cloud_price_date")
    cloud_cost_usd: float = shared("cloud_cost_usd", note="The rental cost of one training of the benchmark.")

    class Config:
        description = """Per MLPerf Training round, benchmark and accelerator (closed division): the result with
        the fewest chip-hours (minutes / 60 × accelerators), which is also the comparable scale, since
        chip-hours grow with scale; the fastest time at any scale beside it; the speed-up over the vendor's
        previous generation on the same benchmark in the same round; and the rental cost of one training at
        the median on-demand cloud price nearest the round's date. Hardware and software progress on a fixed
        task."""
        metadata = Declaration(
            kind="derived",
            key=("mlperf_round", "mlperf_benchmark", "accelerator_id"),
            foreign_keys=(ForeignKey("accelerator_id", "accelerators"),
                          ForeignKey("mlperf_result_id", "mlperf_training"),
                          ForeignKey("predecessor_accelerator_id", "accelerators", "accelerator_id"),
                          ForeignKey("mlperf_round", "mlperf_rounds")),
            inputs=("mlperf_training", "mlperf_rounds", "accelerators", "accelerator_efficiency", "cloud_prices",
                    "parameters"),
            parameters=("mlperf-generation-gap-months", "mlperf-price-max-gap-days"))
        strict = True
