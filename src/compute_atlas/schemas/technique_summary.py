"""``technique_summary``: per technique and metric, the distribution of measured effects."""

import pandera.polars as pa

from ._base import field


class TechniqueSummary(pa.DataFrameModel):
    technique_id: str = field("Technique.", nullable=False)
    technique: str = field("Technique name.", nullable=False)
    category: str = field("Training, inference or both.", nullable=False)
    metric: str = field("What was measured.", nullable=False)
    n_results: int = field("Number of measured results.", "count", nullable=False, gt=0)
    median_x: float = field("Median improvement factor.", "× (factor)", nullable=False, gt=0)
    q1_x: float = field("First quartile of the factor (linear interpolation).", "× (factor)", nullable=False, gt=0)
    q3_x: float = field("Third quartile of the factor.", "× (factor)", nullable=False, gt=0)
    min_x: float = field("Smallest factor measured.", "× (factor)", nullable=False, gt=0)
    max_x: float = field("Largest factor measured.", "× (factor)", nullable=False, gt=0)
    n_sources: int = field("Number of distinct sources behind the results.", "count", nullable=False, gt=0)

    class Config:
        description = """Per technique and metric: how many measured results there are and the
        median, quartiles and range of their improvement factors."""
        metadata = {"kind": "derived", "key": ["technique_id", "metric"]}
        strict = True
