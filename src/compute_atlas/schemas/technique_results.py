"""``technique_results``: measured effects of efficiency techniques."""

import pandera.polars as pa

from ._base import CITE_KEYS, SLUG, URL, field

METRICS = ["speedup", "memory_reduction", "energy_saving", "parameter_reduction", "cost_reduction"]


class TechniqueResults(pa.DataFrameModel):
    result_id: str = field("Stable identifier (slug).", nullable=False, unique=True, str_matches=SLUG)
    technique_id: str = field("Technique measured (key into `techniques`).", nullable=False, str_matches=SLUG)
    model: str = field("Model the technique was applied to.", nullable=False)
    task: str = field("Task or benchmark of the measurement.", nullable=False)
    accelerator_id: str = field("Hardware of the measurement (key into `accelerators`), where named.", str_matches=SLUG)
    metric: str = field("What was measured.", nullable=False, isin=METRICS)
    better: str = field("Whether a larger raw value is better (throughput) or a smaller one (time, memory, "
                        "energy, parameters, cost).", nullable=False, isin=["higher", "lower"])
    value_unit: str = field("Unit of baseline_value and treated_value (`relative` when the source gives a ratio).", nullable=False)
    baseline_value: float = field("Value without the technique.", "see value_unit", nullable=False, gt=0)
    treated_value: float = field("Value with the technique.", "see value_unit", nullable=False, gt=0)
    quality_metric: str = field("Quality metric reported beside the efficiency figure.")
    quality_baseline: float = field("Quality without the technique.", "see quality_metric")
    quality_treated: float = field("Quality with the technique.", "see quality_metric")
    source: str = field("BibTeX keys of the sources, separated by `;`.", nullable=False, str_matches=CITE_KEYS)
    source_url: str = field("URL of the paper or report.", str_matches=URL)
    notes: str = field("Where in the source (table, figure) and caveats.")

    class Config:
        description = """Measured effects of efficiency techniques from papers and benchmark
        reports: baseline and treated values, with the quality change."""
        metadata = {"kind": "raw", "csv": "technique_results.csv", "key": ["result_id"]}
        strict = True
