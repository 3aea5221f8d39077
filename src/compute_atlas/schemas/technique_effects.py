"""``technique_effects``: each measured result as an effect factor."""

import pandera.polars as pa

from ._base import field


class TechniqueEffects(pa.DataFrameModel):
    result_id: str = field("Result (key into `technique_results`).", nullable=False, unique=True)
    technique_id: str = field("Technique.", nullable=False)
    technique: str = field("Technique name.", nullable=False)
    category: str = field("Training, inference or both.", nullable=False)
    metric: str = field("What was measured.", nullable=False)
    model: str = field("Model.", nullable=False)
    task: str = field("Task.", nullable=False)
    accelerator_id: str = field("Hardware, where named.")
    effect_x: float = field("Improvement factor: treated / baseline where higher is better, baseline / treated "
                            "where lower is better (2 = twice as fast, half the memory; below 1 = worse).",
                            "× (factor)", nullable=False, gt=0)
    quality_metric: str = field("Quality metric reported beside it.")
    quality_baseline: float = field("Quality without the technique.", "see quality_metric")
    quality_treated: float = field("Quality with the technique.", "see quality_metric")
    source: str = field("BibTeX keys of the result's source.", nullable=False)

    class Config:
        description = """Every measured technique result turned into one improvement factor, so that
        results measured in different units can be compared and summarized."""
        metadata = {"kind": "derived", "key": ["result_id"]}
        strict = True
