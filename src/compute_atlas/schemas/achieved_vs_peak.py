"""``achieved_vs_peak``: per accelerator and precision, the best achieved matrix-multiply rate over the quoted peak."""

import pandera.polars as pa
import polars as pl

from ._base import Declaration, ForeignKey, field, shared


class AchievedVsPeak(pa.DataFrameModel):
    accelerator_id: str = shared("accelerator_id", nullable=False)
    name: str = shared("name", nullable=False, note="The accelerator's.")
    vendor: str = shared("vendor", nullable=False)
    release_date: pl.Date = shared("release_date", nullable=False)
    precision: str = shared("precision", nullable=False)
    peak_flop_per_s: float = shared("peak_flop_per_s", nullable=False,
                                    note="From `accelerator_efficiency` (the atlas's own datasheet figure).")
    achieved_flop_per_s: float = shared("achieved_flop_per_s", nullable=False,
                                        note="The highest of the accelerator's `measurements` in this precision.")
    achieved_over_peak_frac: float = shared("achieved_over_peak_frac", nullable=False)
    provenance: str = shared("provenance", nullable=False, note="Of the best measurement.")
    measurement_id: str = shared("measurement_id", nullable=False, note="The best measurement.")
    measured_date: pl.Date = shared("measured_date", nullable=False)
    software: str = shared("software", nullable=False, note="Of the best measurement.")
    source: str = shared("source", nullable=False, note="Of the best measurement.")
    source_url: str = shared("source_url", note="Of the best measurement.")
    n_measurements: int = field("Matrix-multiply measurements of this accelerator and precision (ours and "
                                "published).", "count", nullable=False, gt=0)
    n_measured: int = field("Of them, measured by this project with `compute-atlas measure`.", "count",
                            nullable=False, ge=0)
    achieved_bytes_per_s: float = shared("achieved_bytes_per_s", note="The accelerator's best copy measurement, "
                                         "repeated on each of its precisions; empty where it has none.")
    memory_bandwidth_bytes_per_s: float = shared("memory_bandwidth_bytes_per_s", note="The quoted peak.")
    achieved_bandwidth_over_peak_frac: float = field("achieved_bytes_per_s / memory_bandwidth_bytes_per_s: the "
                                                     "bandwidth equivalent of achieved over peak.", "frac", gt=0)
    bandwidth_measurement_id: str = field("The best copy measurement (a key into `measurements`).")

    class Config:
        description = """Per accelerator and precision with at least one matrix-multiply measurement: the best
        achieved dense rate (ours or published, and which), its source, the quoted dense peak and the share of
        it achieved; and, where a memory-copy measurement exists, the achieved bandwidth over the quoted
        bandwidth."""
        metadata = Declaration(
            kind="derived",
            key=("accelerator_id", "precision"),
            foreign_keys=(ForeignKey("accelerator_id", "accelerators"), ForeignKey("measurement_id", "measurements"),
                          ForeignKey("bandwidth_measurement_id", "measurements", "measurement_id")),
            inputs=("measurements", "accelerator_efficiency"))
        strict = True
