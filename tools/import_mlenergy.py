"""Propose `inference_energy` rows from a snapshot of the ML.ENERGY leaderboard data, as a reviewable diff.

The ML.ENERGY leaderboard (ml-energy/leaderboard, ``public/data/``; Benchmark v3, Apache-2.0) publishes
``index.json`` (tasks by architecture, the models with their parameters and weight precision, and the data's
``last_updated`` date), ``tasks/<task>.json`` (every measured configuration of a task) and
``models/<org>__<model>__<task>.json`` (the same configurations per model, with the parallelization's notes).
This tool maps the configurations of the LLM tasks to rows of ``datasets/inference_energy.csv`` and prints what
it would add or change (the diff of ``tools/_importer.py``):

    + a configuration to add           (the row as it would be written)
    ~ a value a new snapshot revised   (a row as this tool writes it, notes and all, that nobody has edited)
    = rows already present             (a count: same configuration, same values)
    # a curated row that differs       (its notes were edited by hand, or its run_id or energy_id is another)
    ! a record left out, and why       (not an LLM task, an unmapped model or GPU, an unstable run, ...)

How a configuration becomes a row (as the 565 rows of the 2026-02-16 data were made):

* Only the LLM tasks (``index.json``'s ``architectures.llm``: gpqa, lm-arena-chat, sourcegraph-fim): energy per
  output token. The MLLM and diffusion tasks measure energy per request, image or video and are left out (one
  ``!`` line per task).
* A run whose average batch is under 0.85 of its ``max_num_seqs`` is unstable (ML.ENERGY's own filter, which
  its published data already apply) and left out.
* ``model_version`` is ML.ENERGY's ``model_id`` (the Hugging Face checkpoint); ``run_id`` comes from ``MODELS``
  below, never guessed. The GPU maps through ``datasets/accelerator_aliases.csv`` (``H100`` is the SXM5 80 GB
  part, the alias's usual meaning, and the notes say so); precision through ``PRECISIONS``.
* ``batch_size`` is ``max_num_seqs``; ``parallelism`` the degrees above 1 (``tp=2``, ``ep=8``, ``dp=8,ep=8``),
  ``tp=1`` on one GPU; a configuration listed more than once (same model, GPU, count, parallelism and batch)
  gets ``replicate`` 1, 2, ... in the file's order, and each is kept.
* Energy per output token and per request, output throughput and average power of the whole configuration at 6
  significant figures; ``energy_scope`` ``gpu_only`` (ML.ENERGY measures GPU energy only); parameters from the
  configuration; ``measured_date`` is ``last_updated``.
* A row is matched to the dataset on its configuration (task, model version, accelerator and count,
  precision, parallelism, batch size, replicate), not on its ``energy_id``.

Nothing is written unless ``--write`` is given; then the additions are appended and the revised values set.
It is a curation aid kept out of the build: the build and the tests never read the reference snapshot.

Usage:
    python tools/import_mlenergy.py path/to/leaderboard/public/data [--datasets DIR] [--write]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _importer import Proposal, print_diff, read_dataset, same_number, write_back  # noqa: E402

#: the benchmark paper and the leaderboard's v3 data; a snapshot of another benchmark version needs its own
#: reference in datasets/references.bib, a new key here and BENCHMARK below (and a review of the selection rules)
SOURCE_KEY = "chung2025mlenergybenchmark;mlenergy2026leaderboardv3"
SOURCE_URL = "https://ml.energy/leaderboard"
BENCHMARK = "ML.ENERGY Benchmark v3"
#: ML.ENERGY's filter: a run whose average batch falls under this share of max_num_seqs did not reach a steady state
STABLE_BATCH_FRAC = 0.85
#: the values compared with the dataset, and written at 6 significant figures
VALUES = ("energy_per_output_token_joules", "energy_per_request_joules", "output_tokens_per_s", "avg_power_watts",
          "active_parameters", "total_parameters")
REL_TOL = 1e-5
#: the columns that identify a configuration (the dataset's declared unique_together)
CONFIGURATION = ("task", "model_version", "accelerator_id", "accelerator_count", "precision", "parallelism",
                 "batch_size", "replicate")

#: ML.ENERGY's weight_precision to the atlas's precision, and what the notes add about it
PRECISIONS: dict[str, tuple[str, str]] = {
    "bfloat16": ("bf16", ""),
    "fp8": ("fp8", ""),
    "mxfp4": ("fp4", " (MXFP4 microscaled FP4 weights, stored as fp4)"),
}
#: what the notes say about a GPU name that is not a part number
GPU_NOTES: dict[str, str] = {"H100": "H100 taken as the SXM5 80 GB part (the usual meaning; ML.ENERGY says H100)"}
#: GPUs without tensor cores for a precision: the notes say the weights are dequantized
NO_TENSOR_CORES: dict[str, set[str]] = {"H100": {"fp4"}}

#: ML.ENERGY's model_id to the `run_id` of training_runs, as reviewed for the 2026-02-16 data. A dated or
#: quantized checkpoint is a model_version of its model's run (issue 28, class 2). Add a model here, after
#: checking which run it is, to import it.
MODELS: dict[str, str] = {
    "Qwen/Qwen3-14B": "qwen3-14b",
    "Qwen/Qwen3-235B-A22B-Instruct-2507": "qwen3-235b-a22b",
    "Qwen/Qwen3-235B-A22B-Instruct-2507-FP8": "qwen3-235b-a22b",
    "Qwen/Qwen3-235B-A22B-Thinking-2507": "qwen3-235b-a22b",
    "Qwen/Qwen3-235B-A22B-Thinking-2507-FP8": "qwen3-235b-a22b",
    "Qwen/Qwen3-30B-A3B-Instruct-2507": "qwen3-30b-a3b",
    "Qwen/Qwen3-30B-A3B-Thinking-2507": "qwen3-30b-a3b",
    "Qwen/Qwen3-32B": "qwen3-32b",
    "Qwen/Qwen3-8B": "qwen3-8b",
    "Qwen/Qwen3-Coder-30B-A3B-Instruct": "qwen3-coder-30b-a3b",
    "Qwen/Qwen3-Coder-480B-A35B-Instruct": "qwen3-coder-480b-a35b",
    "Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8": "qwen3-coder-480b-a35b",
    "deepseek-ai/DeepSeek-R1-0528": "deepseek-r1-may-2025",
    "deepseek-ai/DeepSeek-V3.1": "deepseek-v3-1",
    "google/gemma-3-12b-it": "gemma-3-12b",
    "google/gemma-3-27b-it": "gemma-3-27b",
    "meta-llama/Llama-3.1-405B-Instruct": "llama-3-1-405b",
    "meta-llama/Llama-3.1-405B-Instruct-FP8": "llama-3-1-405b",
    "meta-llama/Llama-3.1-70B-Instruct": "llama-3-1-70b",
    "meta-llama/Llama-3.1-8B-Instruct": "llama-3-1-8b",
    "meta-llama/Llama-3.3-70B-Instruct": "llama-3-3-70b",
    "meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8": "llama-4-maverick",
    "meta-llama/Llama-4-Scout-17B-16E-Instruct": "llama-4-scout",
    "nvidia/NVIDIA-Nemotron-Nano-12B-v2": "nvidia-nemotron-nano-12b-v2",
    "nvidia/NVIDIA-Nemotron-Nano-9B-v2": "nvidia-nemotron-nano-9b-v2",
    "openai/gpt-oss-120b": "gpt-oss-120b",
    "openai/gpt-oss-20b": "gpt-oss-20b",
}
#: what the notes add about a model, where ML.ENERGY's figures differ from the model's own card
MODEL_NOTES: dict[str, str] = {
    "openai/gpt-oss-120b": "ML.ENERGY gives 5B active and 117B total parameters (OpenAI's model card: 5.1B active)",
    "openai/gpt-oss-20b": "ML.ENERGY gives 4B active and 21B total parameters (OpenAI's model card: 3.6B active)",
}


def slug(text: str) -> str:
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", text.lower())).strip("-")


def sig6(x: float) -> str:
    """6 significant figures, an exponent without '+' or leading zeros (2.2e10, 3e9, 1.36626)."""
    text = f"{x:.6g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}e{int(exponent)}"
    return text


def parallelism(config: dict) -> str:
    degrees = [(name, int(config.get(col) or 1)) for name, col in
               (("tp", "tensor_parallel"), ("dp", "data_parallel"), ("ep", "expert_parallel"))]
    return ",".join(f"{n}={d}" for n, d in degrees if d > 1) or "tp=1"


def read_snapshot(folder: Path) -> tuple[dict, dict[str, dict], dict[tuple, list[str]]]:
    """(index.json, {task: tasks/<task>.json}, {(model, task, gpu, gpus, batch, parallelism): notes of the models'
    files' parallelization})."""
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    tasks = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((folder / "tasks").glob("*.json"))}
    par_notes: dict[tuple, list[str]] = {}
    for p in sorted((folder / "models").glob("*.json")):
        model = json.loads(p.read_text(encoding="utf-8"))
        for c in model.get("configurations", []):
            par = c.get("parallelization") or {}
            note = (par.get("notes") or "").strip()
            if note and "max_num_seqs" in c:
                key = (model.get("model_id"), model.get("task"), c.get("gpu_model"), c.get("num_gpus"),
                       c.get("max_num_seqs"), parallelism(par))
                par_notes.setdefault(key, []).append(note)
    return index, tasks, par_notes


def notes_for(task: str, display: str, c: dict, precision_name: str, replicate: int, replicates: int,
              extra: list[str]) -> str:
    precision, precision_note = PRECISIONS[precision_name]
    bits = [f"{BENCHMARK}, task {task} ({display}); GPU energy only (all GPUs of the configuration; no CPU, DRAM, "
            "network or PUE), per output token with prefill amortised",
            f"max_num_seqs {c['max_num_seqs']}, average batch {c['avg_batch_size']:.1f}",
            f"average output {c['avg_output_len']:.0f} tokens, median ITL {c['median_itl_ms']:.1f} ms",
            f"weight precision {precision_name} as ML.ENERGY names it{precision_note}"]
    gpu = c["gpu_model"]
    if precision in NO_TENSOR_CORES.get(gpu, set()):
        bits.append(f"the {gpu} has no {precision.upper()} tensor cores, so the weights are dequantized for its "
                    "matrix multiplies")
    if gpu in GPU_NOTES:
        bits.append(GPU_NOTES[gpu])
    if c["model_id"] in MODEL_NOTES:
        bits.append(MODEL_NOTES[c["model_id"]])
    bits.extend(extra)
    if replicates > 1:
        times = {2: "twice", 3: "three times"}.get(replicates, f"{replicates} times")
        bits.append(f"the leaderboard lists this configuration {times} with different measurements (replicate "
                    f"{replicate} of {replicates}); both kept" if replicates == 2 else
                    f"the leaderboard lists this configuration {times} with different measurements (replicate "
                    f"{replicate} of {replicates}); all kept")
    return "; ".join(bits)


def _shape(notes: str) -> str:
    """Notes with their numbers blanked: a row whose notes have the shape this tool writes is the tool's own."""
    return re.sub(r"\d+(\.\d+)?", "N", notes)


def propose(folder: Path, current: list[dict[str, str]], runs: set[str], aliases: dict[str, str]) -> Proposal:
    index, tasks, par_notes = read_snapshot(folder)
    date = index["last_updated"]
    llm = list(index.get("architectures", {}).get("llm", []))
    out = Proposal(key="energy_id")
    for name in sorted(tasks):
        if name not in llm:
            n = len(tasks[name].get("configurations", []))
            out.skipped.append((f"task {name}", f"{n} configurations: not an LLM task (energy per request, image "
                                "or video, not per output token)"))
    by_config = {tuple(r[k] for k in CONFIGURATION): r for r in current}
    ids = {r["energy_id"] for r in current}
    matched: set[str] = set()
    for task in llm:
        data = tasks.get(task)
        if data is None:
            out.skipped.append((f"task {task}", "listed in index.json, no tasks file"))
            continue
        display = data.get("task_display_name", task)
        configs = data.get("configurations", [])
        same = Counter((c["model_id"], c["gpu_model"], c["num_gpus"], parallelism(c), c["max_num_seqs"])
                       for c in configs)
        seen: Counter = Counter()
        for c in configs:
            key = (c["model_id"], c["gpu_model"], c["num_gpus"], parallelism(c), c["max_num_seqs"])
            seen[key] += 1
            replicate, replicates = seen[key], same[key]
            where = (f"{task} {c['model_id']} {c['gpu_model']} x{c['num_gpus']} {parallelism(c)} "
                     f"batch {c['max_num_seqs']}" + (f" (replicate {replicate})" if replicates > 1 else ""))
            run_id = MODELS.get(c["model_id"])
            if run_id is None:
                out.skipped.append((where, "no mapping for this model (add it to MODELS once its run is known)"))
                continue
            if run_id not in runs:
                out.skipped.append((where, f"run_id {run_id} is not in training_runs"))
                continue
            accelerator = aliases.get(c["gpu_model"])
            if accelerator is None:
                out.skipped.append((where, f"no accelerator alias for GPU {c['gpu_model']!r}"))
                continue
            if c.get("weight_precision") not in PRECISIONS:
                out.skipped.append((where, f"weight precision {c.get('weight_precision')!r} not in PRECISIONS"))
                continue
            frac = c["avg_batch_size"] / c["max_num_seqs"]
            if frac < STABLE_BATCH_FRAC:
                out.skipped.append((where, f"unstable: average batch {c['avg_batch_size']:.1f} is {frac:.2f} of "
                                    f"max_num_seqs, under ML.ENERGY's {STABLE_BATCH_FRAC}"))
                continue
            extra = par_notes.get((c["model_id"], task, c["gpu_model"], c["num_gpus"], c["max_num_seqs"],
                                   parallelism(c)), [])
            par = parallelism(c)
            energy_id = (f"mlenergy-{task}-{slug(c['model_id'].split('/')[-1])}-{slug(c['gpu_model'])}-"
                         f"{c['num_gpus']}gpu-{par.replace('=', '').replace(',', '-')}-b{c['max_num_seqs']}"
                         + (f"-r{replicate}" if replicate > 1 else ""))
            row = {
                "energy_id": energy_id, "run_id": run_id, "model_version": c["model_id"],
                "accelerator_id": accelerator, "accelerator_count": str(c["num_gpus"]),
                "precision": PRECISIONS[c["weight_precision"]][0], "task": task,
                "batch_size": str(c["max_num_seqs"]), "parallelism": par, "replicate": str(replicate),
                "energy_per_output_token_joules": sig6(c["energy_per_token_joules"]),
                "energy_per_request_joules": sig6(c["energy_per_request_joules"]),
                "output_tokens_per_s": sig6(c["output_throughput_tokens_per_sec"]),
                "avg_power_watts": sig6(c["avg_power_watts"]), "energy_scope": "gpu_only",
                "active_parameters": sig6(c["activated_params_billions"] * 1e9),
                "total_parameters": sig6(c["total_params_billions"] * 1e9), "software": "",
                "measured_date": date, "source": SOURCE_KEY, "source_url": SOURCE_URL,
                "notes": notes_for(task, display, c, c["weight_precision"], replicate, replicates, sorted(set(extra))),
            }
            old = by_config.get(tuple(row[k] for k in CONFIGURATION))
            if old is None:
                if energy_id in ids:
                    out.skipped.append((where, f"energy_id {energy_id} is taken by a row of another configuration"))
                else:
                    out.additions.append(row)
                    ids.add(energy_id)
                continue
            matched.add(old["energy_id"])
            # the same values under a later last_updated are the same measurement: its date stays
            revised = {k: row[k] for k in VALUES if not same_number(old[k], row[k], REL_TOL)}
            owned = (old["source"] == SOURCE_KEY and old["run_id"] == run_id and old["energy_id"] == energy_id
                     and _shape(old["notes"]) == _shape(row["notes"]))
            if not revised and old["run_id"] == run_id and old["energy_id"] == energy_id:
                out.present += 1
            elif owned:
                if old["measured_date"] != date:
                    revised["measured_date"] = date
                if old["notes"] != row["notes"]:
                    revised["notes"] = row["notes"]
                out.changes.append((old, revised))
            else:
                differs = {k: row[k] for k in ("run_id", "energy_id") if old[k] != row[k]} | revised
                out.curated.append((old, differs))
    lacking = [r for r in current if r["source"] == SOURCE_KEY and r["energy_id"] not in matched]
    if lacking:
        out.remarks.append(f"{len(lacking)} rows citing ML.ENERGY are not in the snapshot (kept): "
                           + ", ".join(r["energy_id"] for r in lacking[:10]) + (" ..." if len(lacking) > 10 else ""))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("snapshot", type=Path, help="the leaderboard's public/data folder (index.json, tasks/, models/)")
    ap.add_argument("--datasets", type=Path, default=Path(__file__).resolve().parents[1] / "datasets")
    ap.add_argument("--write", action="store_true", help="append the additions and set the revised values")
    args = ap.parse_args(argv)

    path = args.datasets / "inference_energy.csv"
    fields, current = read_dataset(path)
    runs = {r["run_id"] for r in read_dataset(args.datasets / "training_runs.csv")[1]}
    aliases = {r["alias"]: r["accelerator_id"] for r in read_dataset(args.datasets / "accelerator_aliases.csv")[1]}
    proposal = propose(args.snapshot, current, runs, aliases)
    print(f"# {args.snapshot}: ML.ENERGY leaderboard data; against {path}")
    print_diff(proposal, fields)
    write_back(path, fields, current, proposal, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
