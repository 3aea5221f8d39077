"""``mlperf_training``: results of MLPerf Training, closed division, with per-node counts multiplied out."""

import pandera.polars as pa

from ._base import Declaration, ForeignKey, field, shared


class MlperfTraining(pa.DataFrameModel):
    mlperf_result_id: str = shared("mlperf_result_id", nullable=False, unique=True)
    result_id_is_official: bool = field("Whether `mlperf_result_id` is MLCommons' official result id (e.g. "
                                        "`3.0-2001`); false where the sources carry none and the id is a slug "
                                        "made by this project.", nullable=False)
    mlperf_round: str = shared("mlperf_round", nullable=False)
    mlperf_benchmark: str = shared("mlperf_benchmark", nullable=False)
    division: str = field("MLPerf division: `closed` (the reference model, optimizer and quality target; "
                          "comparable) or `open`.", nullable=False, isin=["closed", "open"])
    submitter: str = shared("submitter", nullable=False)
    system: str = shared("system", nullable=False)
    accelerator_id: str = shared("accelerator_id", nullable=False)
    accelerator_name: str = field("The accelerator as the submission names it (`accelerator_model_name`); it "
                                  "must map through `accelerator_aliases` to `accelerator_id`.", nullable=False)
    node_count: int = field("Number of nodes of the system.", "count", nullable=False, gt=0)
    accelerators_per_node: int = field("Accelerators per node, as the system description gives them.", "count",
                                       nullable=False, gt=0)
    accelerator_count: int = shared("accelerator_count", nullable=False,
                                    note="Here node_count × accelerators_per_node.")
    time_to_train_minutes: float = shared("time_to_train_minutes", nullable=False)
    is_official_score: bool = shared("is_official_score", nullable=False)
    source: str = shared("source", nullable=False)
    source_url: str = shared("source_url", nullable=False, note="The system description or results folder.")
    notes: str = shared("notes")

    class Config:
        description = """Results of MLPerf Training v1.0 to v5.1 in the closed division: per round, benchmark and
        system, the accelerator (a key into `accelerators`, mapped from the submission's free-text name
        through `accelerator_aliases`), nodes × accelerators per node, and the minutes to train. v1.0 to v3.0
        are MLCommons' official scores; v5.1 times were derived from the submission logs and are not official
        (`is_official_score`)."""
        metadata = Declaration(
            kind="curated",
            csv="mlperf_training.csv",
            key=("mlperf_result_id",),
            foreign_keys=(ForeignKey("accelerator_id", "accelerators"), ForeignKey("mlperf_round", "mlperf_rounds")))
        strict = True
