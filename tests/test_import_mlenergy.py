"""tools/import_mlenergy.py on a small hand-made ML.ENERGY data folder (tests/fixtures/mlenergy_small/): the diff
it prints, that nothing is written without --write, and that --write appends rows that validate."""

from __future__ import annotations

import csv
import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import cli

CHECKOUT = Path(__file__).resolve().parents[1]
TOOL = CHECKOUT / "tools" / "import_mlenergy.py"
FIXTURE = CHECKOUT / "tests" / "fixtures" / "mlenergy_small"
REVISED = "mlenergy-gpqa-qwen3-8b-b200-1gpu-tp1-b5"      # a row as the tool wrote it from an older snapshot
CURATED = "mlenergy-gpqa-qwen3-14b-b200-1gpu-tp1-b5"     # a row edited by hand since
NEW = {"mlenergy-gpqa-qwen3-8b-h100-1gpu-tp1-b3", "mlenergy-gpqa-gpt-oss-20b-h100-1gpu-tp1-b3",
       "mlenergy-gpqa-gpt-oss-20b-h100-1gpu-tp1-b3-r2",
       "mlenergy-gpqa-qwen3-coder-480b-a35b-instruct-fp8-b200-8gpu-dp8-ep8-b5"}


def load_tool():
    sys.path.insert(0, str(TOOL.parent))
    spec = importlib.util.spec_from_file_location("import_mlenergy", TOOL)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_tool(*args) -> str:
    return subprocess.run([sys.executable, str(TOOL), str(FIXTURE), *map(str, args)], capture_output=True,
                          text=True, check=True).stdout


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames), list(reader)


def prepare(datasets: Path) -> Path:
    """The shipped datasets, less any row of the fixture's configurations, plus a row of one configuration as the
    tool wrote it from an older snapshot (other values, other averages in its notes) and a row of another edited by
    hand (a clause added to its notes, another power)."""
    tool = load_tool()
    path = datasets / "inference_energy.csv"
    fields, rows = read(path)
    runs = {r["run_id"] for r in read(datasets / "training_runs.csv")[1]}
    aliases = {r["alias"]: r["accelerator_id"] for r in read(datasets / "accelerator_aliases.csv")[1]}
    fresh = {r["energy_id"]: r for r in tool.propose(FIXTURE, [], runs, aliases).additions}
    assert {REVISED, CURATED} | NEW == set(fresh)       # every mapped, stable configuration of the fixture
    configs = {tuple(r[k] for k in tool.CONFIGURATION) for r in fresh.values()}
    rows = [r for r in rows if tuple(r[k] for k in tool.CONFIGURATION) not in configs and r["energy_id"] not in fresh]
    older = dict(fresh[REVISED])
    older["energy_per_output_token_joules"] = "0.7"
    older["notes"] = older["notes"].replace("average output 1000 tokens", "average output 980 tokens")
    assert older["notes"] != fresh[REVISED]["notes"]
    curated = dict(fresh[CURATED])
    curated["avg_power_watts"] = "310"
    curated["notes"] += "; power read from the paper's table 3 by hand"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows + [older, curated])
    return path


def added(out: str, fields: list[str]) -> dict[str, dict[str, str]]:
    lines = [line[2:] for line in out.splitlines() if line.startswith("+ ")]
    return {r["energy_id"]: r for r in (dict(zip(fields, next(csv.reader([line])))) for line in lines)}


def test_dry_run_prints_a_reviewable_diff_and_writes_nothing(datasets):
    path = prepare(datasets)
    before = path.read_text(encoding="utf-8")
    out = run_tool("--datasets", datasets)
    assert path.read_text(encoding="utf-8") == before
    assert "dry run: nothing written" in out

    rows = added(out, before.splitlines()[0].split(","))
    assert set(rows) == NEW, out
    new = rows["mlenergy-gpqa-qwen3-8b-h100-1gpu-tp1-b3"]
    assert (new["run_id"], new["model_version"], new["accelerator_id"], new["accelerator_count"], new["precision"],
            new["batch_size"], new["parallelism"], new["replicate"]) == (
        "qwen3-8b", "Qwen/Qwen3-8B", "nvidia-h100-sxm5-80gb", "1", "bf16", "3", "tp=1", "1")
    assert (new["energy_per_output_token_joules"], new["output_tokens_per_s"], new["avg_power_watts"],
            new["energy_per_request_joules"], new["active_parameters"]) == ("0.5", "600", "300", "500", "8e9")
    assert (new["energy_scope"], new["measured_date"]) == ("gpu_only", "2026-05-01")   # last_updated of index.json
    assert "H100 taken as the SXM5 80 GB part" in new["notes"] and "average batch 3.0" in new["notes"]
    # one configuration listed twice: two replicates, both kept
    r1, r2 = rows["mlenergy-gpqa-gpt-oss-20b-h100-1gpu-tp1-b3"], rows["mlenergy-gpqa-gpt-oss-20b-h100-1gpu-tp1-b3-r2"]
    assert (r1["replicate"], r2["replicate"], r1["precision"]) == ("1", "2", "fp4")
    assert "(replicate 2 of 2)" in r2["notes"] and "no FP4 tensor cores" in r1["notes"]
    assert r1["energy_per_output_token_joules"] != r2["energy_per_output_token_joules"]
    moe = rows["mlenergy-gpqa-qwen3-coder-480b-a35b-instruct-fp8-b200-8gpu-dp8-ep8-b5"]
    assert (moe["parallelism"], moe["accelerator_count"], moe["total_parameters"]) == ("dp=8,ep=8", "8", "4.8e11")
    assert "DP for attention, EP for MLP experts" in moe["notes"]       # from the model's file

    change = next(line for line in out.splitlines() if line.startswith("~ "))
    assert change.startswith(f"~ {REVISED}: energy_per_output_token_joules 0.7 -> 0.6, notes ")
    assert "average output 1000 tokens" in change
    assert f"# curated: {CURATED}: avg_power_watts 310 (snapshot: 300); kept" in out
    assert "! gpqa acme-fixture/Fixture-7B H100 x1 tp=1 batch 8 | no mapping for this model" in out
    assert "! gpqa Qwen/Qwen3-8B H100 x1 tp=1 batch 7 | unstable: average batch 3.0 is 0.43 of max_num_seqs" in out
    assert "! task text-to-image | 2 configurations: not an LLM task" in out
    assert "# 4 to add, 1 to change, 0 present, 1 curated rows differ, 3 left out" in out


def test_write_appends_valid_rows_and_keeps_curated_ones(datasets, tmp_path):
    path = prepare(datasets)
    n_before = len(read(path)[1])
    out = run_tool("--datasets", datasets, "--write")
    assert "# wrote" in out
    rows = {r["energy_id"]: r for r in read(path)[1]}
    assert len(rows) == n_before + len(NEW)
    assert rows[REVISED]["energy_per_output_token_joules"] == "0.6"                     # revised
    assert "average output 1000 tokens" in rows[REVISED]["notes"]
    assert rows[CURATED]["avg_power_watts"] == "310"                                    # curated: kept
    assert rows[CURATED]["notes"].endswith("by hand")
    result = cli("validate", "--datasets", datasets, "--build-dir", tmp_path / "build")
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output.lower(), result.output       # the appended rows pass the checks
    # a second run has nothing left to do but the curated difference
    again = run_tool("--datasets", datasets)
    assert "# 0 to add, 0 to change, 5 present, 1 curated rows differ, 3 left out" in again
    assert "dry run" not in again and "# wrote" not in again


def test_a_curated_row_with_another_run_or_id_is_reported_not_matched(datasets, tmp_path):
    """A row of a fixture configuration under another run_id is a `#` line naming the run, never a `~` or `=`."""
    tool = load_tool()
    path = prepare(datasets)
    fields, rows = read(path)
    for r in rows:
        if r["energy_id"] == REVISED:
            r["run_id"] = "qwen3-14b"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    out = run_tool("--datasets", datasets)
    assert f"# curated: {REVISED}: run_id qwen3-14b (snapshot: qwen3-8b)" in out
    assert "1 to change" not in out and tool.MODELS["Qwen/Qwen3-8B"] == "qwen3-8b"


def test_unstable_filter_and_parallelism():
    tool = load_tool()
    assert tool.parallelism({"tensor_parallel": 1, "data_parallel": 1, "expert_parallel": 1}) == "tp=1"
    assert tool.parallelism({"tensor_parallel": 4, "data_parallel": 1, "expert_parallel": 1}) == "tp=4"
    assert tool.parallelism({"tensor_parallel": 1, "data_parallel": 4, "expert_parallel": 4}) == "dp=4,ep=4"
    assert (tool.sig6(2.2e10), tool.sig6(1.36626343), tool.sig6(7437.0001)) == ("2.2e10", "1.36626", "7437")
    # the fixture's unstable run is under the threshold, its stable ones at or over it
    configs = json.loads((FIXTURE / "tasks" / "gpqa.json").read_text())["configurations"]
    fracs = sorted(c["avg_batch_size"] / c["max_num_seqs"] for c in configs)
    assert fracs[0] < tool.STABLE_BATCH_FRAC <= fracs[1]


def test_a_later_snapshot_with_the_same_values_changes_nothing(datasets, tmp_path):
    """The same measurements republished under a later `last_updated` are present, their measured_date kept; a
    value the later data revise takes that date with it."""
    prepare(datasets)
    run_tool("--datasets", datasets, "--write")
    later = tmp_path / "later"
    shutil.copytree(FIXTURE, later)
    index = json.loads((later / "index.json").read_text())
    index["last_updated"] = "2026-09-01"
    (later / "index.json").write_text(json.dumps(index))
    run = [sys.executable, str(TOOL), str(later), "--datasets", str(datasets)]
    out = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    assert "# 0 to add, 0 to change, 5 present, 1 curated rows differ, 3 left out" in out
    gpqa = json.loads((later / "tasks" / "gpqa.json").read_text())
    gpqa["configurations"][0]["avg_power_watts"] = 305.0          # the new configuration's, written above
    (later / "tasks" / "gpqa.json").write_text(json.dumps(gpqa))
    out = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    assert ("~ mlenergy-gpqa-qwen3-8b-h100-1gpu-tp1-b3: avg_power_watts 300 -> 305, measured_date 2026-05-01 -> "
            "2026-09-01") in out
