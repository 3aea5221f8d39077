"""``technique_results``: measured effects of efficiency techniques."""

import pandera.polars as pa

from ._base import Declaration, ForeignKey, field, shared


class TechniqueResults(pa.DataFrameModel):
    result_id: str = shared('result_id', nullable=False, unique=True)
    technique_id: str = shared('technique_id', nullable=False)
    model: str = shared('model', nullable=False)
    task: str = shared('task', nullable=False)
    accelerator_id: str = shared('accelerator_id')
    metric: str = shared('metric', nullable=False)
    better: str = field("Whether a larger raw value is better (throughput) or a smaller one (time, memory, "
                        "energy, parameters, cost).", nullable=False, isin=["higher", "lower"])
    value_unit: str = field("Unit of baseline_value and treated_value (`relative` when the source gives a ratio).", nullable=False)
    baseline_value: float = field("Value without the technique.", nullable=False, gt=0, unit_from='value_unit')
    treated_value: float = field("Value with the technique.", nullable=False, gt=0, unit_from='value_unit')
    quality_metric: str = shared('quality_metric')
    quality_baseline: float = shared('quality_baseline')
    quality_treated: float = shared('quality_treated')
    source: str = shared('source', nullable=False)
    source_url: str = shared('source_url')
    notes: str = shared('notes')

    class Config:
        description = """Measured effects of efficiency techniques from papers and benchmark
        reports: baseline and treated values, with the quality change."""
        metadata = Declaration(
            kind="curated",
            csv="technique_results.csv",
            key=("result_id",),
            foreign_keys=(ForeignKey("accelerator_id", "accelerators"), ForeignKey("technique_id", "techniques")))
        strict = True
