"""``measurements``: achieved rates measured with ``compute-atlas measure``."""

import pandera.polars as pa
import polars as pl

from ._base import SLUG, ForeignKey, field, shared


class Measurements(pa.DataFrameModel):
    measurement_id: str = field("Stable identifier (slug).", nullable=False, unique=True, str_matches=SLUG)
    accelerator_id: str = shared('accelerator_id')
    device_name: str = field("Device name as the driver reports it.", nullable=False)
    benchmark: str = field("Microbenchmark: dense matrix multiply or device-to-device memory copy.",
                           nullable=False, isin=["matmul", "memory_copy"])
    precision: str = shared('precision')
    size: int = field("Problem size: n for an n×n by n×n matrix multiply, bytes for a copy.", 'number', nullable=False, gt=0)
    achieved_flop_per_s: float = shared('achieved_flop_per_s')
    achieved_bytes_per_s: float = field("Median achieved bandwidth of the copy (read plus write).", 'bytes_per_s', gt=0)
    power_watts: float = field("Mean board power during the run, where the driver exposes it.", 'watts', gt=0)
    repeats: int = field("Timed repetitions after warm-up; the median is reported.", 'count', nullable=False, gt=0)
    method_version: str = field("Version of the measurement method.", nullable=False)
    software: str = field("Software versions (library, driver).", nullable=False)
    measured_date: pl.Date = field("Date of the measurement.", 'date', nullable=False)
    host: str = field("Description of the host machine.", nullable=False)
    source: str = shared('source', nullable=False)
    notes: str = shared('notes')

    class Config:
        description = """Achieved matrix-multiply throughput and memory bandwidth measured with
        `compute-atlas measure`, to set against the quoted peaks."""
        metadata = {"kind": "raw", "csv": "measurements.csv", "key": ["measurement_id"],
                    "foreign_keys": [ForeignKey("accelerator_id", "accelerators")],
                    "date_floors": {'measured_date': '2020-01-01'}}
        strict = True
