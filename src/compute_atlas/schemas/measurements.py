"""``measurements``: achieved rates measured with ``compute-atlas measure``."""

import pandera.polars as pa
import polars as pl

from ._base import CITE_KEYS, PRECISIONS, SLUG, field


class Measurements(pa.DataFrameModel):
    measurement_id: str = field("Stable identifier (slug).", nullable=False, unique=True, str_matches=SLUG)
    accelerator_id: str = field("Accelerator measured (key into `accelerators`); empty for a host CPU.", str_matches=SLUG)
    device_name: str = field("Device name as the driver reports it.", nullable=False)
    benchmark: str = field("Microbenchmark: dense matrix multiply or device-to-device memory copy.",
                           nullable=False, isin=["matmul", "memory_copy"])
    precision: str = field("Precision of the matrix multiply; empty for memory copies.", isin=list(PRECISIONS))
    size: int = field("Problem size: n for an n×n by n×n matrix multiply, bytes for a copy.", "elements or bytes", nullable=False, gt=0)
    achieved_flop_per_s: float = field("Median achieved rate of the matrix multiply (2n³ FLOP per multiply).", "FLOP/s", gt=0)
    achieved_bytes_per_s: float = field("Median achieved bandwidth of the copy (read plus write).", "bytes/s", gt=0)
    power_watts: float = field("Mean board power during the run, where the driver exposes it.", "W", gt=0)
    repeats: int = field("Timed repetitions after warm-up; the median is reported.", "count", nullable=False, gt=0)
    method_version: str = field("Version of the measurement method.", nullable=False)
    software: str = field("Software versions (library, driver).", nullable=False)
    measured_date: pl.Date = field("Date of the measurement.", "date", nullable=False)
    host: str = field("Description of the host machine.", nullable=False)
    source: str = field("BibTeX keys, separated by `;`.", nullable=False, str_matches=CITE_KEYS)
    notes: str = field("Caveats.")

    class Config:
        description = """Achieved matrix-multiply throughput and memory bandwidth measured with
        `compute-atlas measure`, to set against the quoted peaks."""
        metadata = {"kind": "raw", "csv": "measurements.csv", "key": ["measurement_id"]}
        strict = True
