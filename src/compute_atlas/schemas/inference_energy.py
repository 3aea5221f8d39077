"""``inference_energy``: measured energy of serving a model (a row of ``training_runs``) on accelerators,
one row per measured configuration."""

import pandera.polars as pa
import polars as pl

from ._base import SLUG, Declaration, ForeignKey, field, shared

#: Tasks served: the LLM tasks of the ML.ENERGY Benchmark.
TASKS = ["gpqa", "lm-arena-chat", "sourcegraph-fim"]
#: Parallelism as degree pairs: `tp=4`, `dp=8,ep=8` (tensor, pipeline, data, expert parallel).
PARALLELISM = r"^(tp|pp|dp|ep)=[1-9][0-9]*(,(tp|pp|dp|ep)=[1-9][0-9]*)*$"


class InferenceEnergy(pa.DataFrameModel):
    energy_id: str = field("Measured configuration: a slug of source, task, model version, accelerator, count, "
                           "parallelism and batch size.", nullable=False, unique=True, str_matches=SLUG)
    run_id: str = shared("run_id", nullable=False, note="The model served (the catalogue has one row per model).")
    model_version: str = shared("model_version", nullable=False, note="The checkpoint that was served, as the "
                                "source names it (a `-FP8` checkpoint is a version of the same model).")
    accelerator_id: str = shared("accelerator_id", nullable=False)
    accelerator_count: int = shared("accelerator_count", nullable=False,
                                    note="All accelerators of the configuration (nodes × per node).")
    precision: str = shared("precision", nullable=False, note="The weights' number format as served (MXFP4 is "
                            "stored as `fp4`; the row's notes name the source's format).")
    task: str = shared("task", nullable=False, isin=TASKS,
                       note="What was served: `gpqa` (GPQA Diamond questions, long reasoning outputs), "
                            "`lm-arena-chat` (LM Arena chat prompts), `sourcegraph-fim` (code fill-in-the-middle).")
    batch_size: int = field("The configured batch: the serving engine's maximum number of concurrent sequences "
                            "(vLLM's `max_num_seqs`).", "count", nullable=False, gt=0, le=100_000)
    parallelism: str = field("How the model is split over the accelerators, as degree pairs: `tp=4` (tensor "
                             "parallel), `dp=8,ep=8` (data parallel attention, expert parallel MLP experts); "
                             "`tp=1` for a single accelerator. The product of tp, pp and dp (or ep, where larger) "
                             "is the accelerator count.", nullable=False, str_matches=PARALLELISM)
    replicate: int = field("1 for a configuration measured once; 2, 3, ... for a further measurement of the same "
                           "configuration that the source lists apart (each is kept).", "count", nullable=False,
                           gt=0, le=100)
    energy_per_output_token_joules: float = field(
        "Energy of the whole configuration per output token, in joules: energy over the steady-state run divided "
        "by the output tokens generated (prefill energy amortised over them; input tokens are not counted).",
        "joules", nullable=False, gt=0)
    energy_per_request_joules: float = field("Energy of the whole configuration per completed request, in joules.",
                                             "joules", gt=0)
    output_tokens_per_s: float = field("Output throughput of the whole configuration (all accelerators), tokens "
                                       "per second.", "tokens_per_s", gt=0)
    avg_power_watts: float = field("Average power of the whole configuration during the run (all its GPUs for a "
                                   "`gpu_only` row, the system at the wall for `whole_system`), where given.",
                                   "watts", gt=0)
    energy_scope: str = shared('energy_scope', nullable=False)
    active_parameters: float = field("Parameters active per token (fewer than the total for a mixture of experts), "
                                     "as the source gives them.", "count", gt=0, le=1e14)
    total_parameters: float = field("Total parameters of the served model, as the source gives them.", "count",
                                    gt=0, le=1e14)
    software: str = shared("software", note="Where the source gives them.")
    measured_date: pl.Date = shared("measured_date", nullable=False, note="For ML.ENERGY rows, the leaderboard "
                                    "data's `last_updated` date.")
    source: str = shared("source", nullable=False)
    source_url: str = shared("source_url", nullable=False)
    notes: str = shared("notes")

    class Config:
        description = """Measured inference energy: one row per measured serving configuration (model version,
        accelerator and count, precision, task, batch size, parallelism), with energy per output token and per
        request, output throughput and average power. `energy_scope` says what the energy covers: GPU energy
        only (ML.ENERGY) is not comparable with whole-system wall energy (MLPerf) without an overhead factor.
        Energy per output token amortises prefill over the output tokens; it is not energy per token of
        input and output together."""
        metadata = Declaration(
            kind="curated",
            as_of="measured_date",
            csv="inference_energy.csv",
            key=("energy_id",),
            unique_together=(("task", "model_version", "accelerator_id", "accelerator_count", "precision", "parallelism", "batch_size", "replicate"),),
            foreign_keys=(ForeignKey("run_id", "training_runs"), ForeignKey("accelerator_id", "accelerators")),
            date_floors={"measured_date": "2020-01-01"})
        strict = True
