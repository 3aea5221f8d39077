"""``landmark_runs``: the training runs the models and charts single out, and for what."""

import pandera.polars as pa

from ._base import Declaration, ForeignKey, field, shared


class LandmarkRuns(pa.DataFrameModel):
    run_id: str = shared("run_id", nullable=False)
    role: str = field("What the run is a landmark for: `efficiency-reference` (its capability is the fixed capability "
                      "of the compute-efficiency model, and its cost per FLOP anchors the fixed budgets) or "
                      "`cost-breakdown` (shown in the cost breakdown of the costs page).", nullable=False,
                      isin=["efficiency-reference", "cost-breakdown"])
    domain: str = shared("domain", nullable=False)
    rationale: str = shared("rationale", nullable=False)

    class Config:
        description = """The landmark training runs: which runs anchor the compute-efficiency model's
        access and performance effects, and which the costs page breaks down."""
        metadata = Declaration(
            kind="curated",
            csv="landmark_runs.csv",
            key=("run_id", "role"),
            foreign_keys=(ForeignKey("run_id", "training_runs"),))
        strict = True
