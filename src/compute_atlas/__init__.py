"""Compute Atlas: an open, tested knowledge base of AI compute efficiency.

From Python: ``compute_atlas.open()`` opens the published database read-only (its tables as DuckDB relations)
and ``compute_atlas.estimate(...)`` estimates a job's time, energy, emissions and cost on a chip
(``compute_atlas.estimate_all(...)`` on every chip); see docs/querying.md. Both live in
``compute_atlas.estimator`` (a module named ``estimate`` would be shadowed by the function).
"""

__version__ = "0.2.0"

from .estimator import Atlas, EstimateError, estimate, estimate_all, open  # noqa: E402, A004

__all__ = ["Atlas", "EstimateError", "estimate", "estimate_all", "open"]
