"""``measurements``: achieved rates, measured with ``compute-atlas measure`` or published by others."""

import pandera.polars as pa
import polars as pl

from ._base import Declaration, ForeignKey, field, shared


class Measurements(pa.DataFrameModel):
    measurement_id: str = shared("measurement_id", nullable=False, unique=True)
    accelerator_id: str = shared('accelerator_id')
    device_name: str = field("Device name as the driver (or the source) reports it.", nullable=False)
    benchmark: str = field("Microbenchmark: dense matrix multiply or device-to-device memory copy.",
                           nullable=False, isin=["matmul", "memory_copy"])
    precision: str = shared('precision')
    provenance: str = shared("provenance", nullable=False)
    size: int = field("Problem size of our own runs: n for an n×n by n×n matrix multiply, bytes for a copy. Empty "
                      "for a published row whose shape is not square (see `shape`).", 'number', gt=0)
    shape: str = field("Shape of the matrix multiply as M×N×K (`8192x8192x8192`): the best shape a published "
                       "search found; ours are n×n×n.", str_matches=r"^[0-9]+x[0-9]+x[0-9]+$")
    achieved_flop_per_s: float = shared('achieved_flop_per_s')
    achieved_bytes_per_s: float = shared('achieved_bytes_per_s')
    as_shipped_peak_flop_per_s: float = field(
        "The dense peak of the chips as they ship, where the source says shipping parts run below the clock of the "
        "datasheet peak (Gaudi 3's matrix engines at 1600 MHz, not 1750): the rate to set the achieved rate against "
        "beside the datasheet's. Empty where the source says nothing of the kind.", 'flop_per_s', gt=0)
    power_watts: float = field("Mean board power during the run, where the driver exposes it.", 'watts', gt=0)
    repeats: int = field("Timed repetitions after warm-up.", 'count', nullable=False, gt=0)
    statistic: str = field("Which statistic of the timed repetitions the rate is: `compute-atlas measure` reports "
                           "the median; Stas Bekman's MAMF table the mean of 100 iterations.", nullable=False,
                           isin=["median", "mean"])
    method: str = field("How the rate was measured, in a sentence (kernel, search over shapes, warm-up).")
    method_version: str = field("Version of the measurement method (our method's number, or the tool and "
                                "commit of a published one).", nullable=False)
    software: str = shared("software", nullable=False)
    measured_date: pl.Date = shared("measured_date", nullable=False)
    host: str = field("Description of the host machine; empty where a published source does not state it.")
    source: str = shared('source', nullable=False)
    source_url: str = shared("source_url", note="Required for a published row.")
    notes: str = shared('notes')

    class Config:
        description = """Achieved matrix-multiply throughput and memory bandwidth, to set against the quoted
        peaks: measured by this project with `compute-atlas measure` (`provenance` = `measured`, with method
        version, software and host) or published by others (`published`, with the source, its method and the
        date)."""
        metadata = Declaration(
            kind="curated",
            as_of="measured_date",
            csv="measurements.csv",
            key=("measurement_id",),
            foreign_keys=(ForeignKey("accelerator_id", "accelerators"),),
            date_floors={"measured_date": "2020-01-01"})
        strict = True
