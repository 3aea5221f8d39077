"""``accelerator_aliases``: the names that sources and drivers give accelerators, each mapped to its row."""

import pandera.polars as pa

from ._base import Declaration, ForeignKey, field, shared


class AcceleratorAliases(pa.DataFrameModel):
    alias: str = field("A name of the accelerator as a source, a submission or a driver writes it. Matching ignores "
                       "case and surrounding spaces, so one alias (in any case) names one accelerator.",
                       nullable=False, unique=True)
    accelerator_id: str = shared("accelerator_id", nullable=False)
    context: str = field("Where the name is used: `common` (datasheets, clouds, papers), `driver` (the string "
                         "`nvidia-smi` or `torch.cuda.get_device_name()` reports; `compute-atlas measure` matches "
                         "it), `mamf` (Stas Bekman's MAMF table) or `mlperf` (MLPerf submissions' "
                         "accelerator_model_name).", nullable=False, isin=["common", "driver", "mamf", "mlperf"])
    source: str = shared("source", nullable=False, note="Where the name is seen.")
    notes: str = shared("notes")

    class Config:
        description = """Aliases of accelerators: every free-text name that a source, an MLPerf submission or a
        device driver gives an accelerator, mapped to its `accelerators` row. `mlperf_training` and
        `compute-atlas measure` map names through it; an alias that points to an unknown accelerator, or
        one alias (ignoring case and spaces) that points to two, is an error."""
        metadata = Declaration(
            kind="curated",
            csv="accelerator_aliases.csv",
            key=("alias",),
            foreign_keys=(ForeignKey("accelerator_id", "accelerators"),))
        strict = True
