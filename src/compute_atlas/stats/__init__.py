"""Statistics that need Python: trend fits with bootstrap intervals, the halving time of the compute a fixed
benchmark score needs (algorithmic progress), and the compute-efficiency arithmetic."""
