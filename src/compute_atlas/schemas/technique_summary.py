"""``technique_summary``: per technique and metric, the distribution of measured effects."""

import pandera.polars as pa

from ._base import Declaration, ForeignKey, field, shared


class TechniqueSummary(pa.DataFrameModel):
    technique_id: str = shared('technique_id', nullable=False)
    technique: str = shared('technique', nullable=False)
    category: str = shared('category', nullable=False)
    metric: str = shared('metric', nullable=False)
    n_results: int = shared('n_results', nullable=False, gt=0)
    median_x: float = field("Median improvement factor of the results.", "factor", nullable=False, gt=0)
    q1_x: float = field("First quartile of the factor (linear interpolation).", 'factor', nullable=False, gt=0)
    q3_x: float = field("Third quartile of the factor.", 'factor', nullable=False, gt=0)
    min_x: float = field("Smallest improvement factor of the results.", "factor", nullable=False, gt=0)
    max_x: float = field("Largest improvement factor of the results.", "factor", nullable=False, gt=0)
    n_sources: int = field("Number of distinct sources behind the results.", 'count', nullable=False, gt=0)

    class Config:
        description = """Per technique and metric: how many measured results there are and the
        median, quartiles and range of their improvement factors."""
        metadata = Declaration(
            kind="derived",
            key=("technique_id", "metric"),
            foreign_keys=(ForeignKey("technique_id", "techniques"),),
            inputs=("technique_effects",))
        strict = True
