"""Statistics that need Python: trend fits with bootstrap intervals and the compute-efficiency arithmetic."""
