"""``technique_effects``: each measured result as an effect factor."""

import pandera.polars as pa

from ._base import Declaration, ForeignKey, field, shared


class TechniqueEffects(pa.DataFrameModel):
    result_id: str = shared('result_id', nullable=False, unique=True)
    technique_id: str = shared('technique_id', nullable=False)
    technique: str = shared('technique', nullable=False)
    category: str = shared('category', nullable=False)
    metric: str = shared('metric', nullable=False)
    model: str = shared('model', nullable=False)
    task: str = shared('task', nullable=False)
    accelerator_id: str = shared('accelerator_id')
    effect_x: float = field("Improvement factor: treated / baseline where higher is better, baseline / treated "
                            "where lower is better (2 = twice as fast, half the memory; below 1 = worse).",
                            'factor', nullable=False, gt=0)
    quality_metric: str = shared('quality_metric')
    quality_baseline: float = shared('quality_baseline')
    quality_treated: float = shared('quality_treated')
    source: str = shared('source', nullable=False)

    class Config:
        description = """Every measured technique result turned into one improvement factor, so that
        results measured in different units can be compared and summarized."""
        metadata = Declaration(
            kind="derived",
            key=("result_id",),
            foreign_keys=(ForeignKey("result_id", "technique_results"), ForeignKey("technique_id", "techniques")),
            inputs=("technique_results", "techniques"))
        strict = True
