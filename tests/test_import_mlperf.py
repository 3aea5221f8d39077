"""tools/import_mlperf_training.py on a tiny snapshot written here: it proposes a reviewable diff, writes only
with --write, takes each time from the record's own benchmark column, and keeps apart systems that share a
name."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from conftest import CHECKOUT

TOOL = CHECKOUT / "tools" / "import_mlperf_training.py"
HEADER = ("mlperf_result_id,result_id_is_official,mlperf_round,mlperf_benchmark,division,submitter,system,"
          "accelerator_id,accelerator_name,node_count,accelerators_per_node,accelerator_count,time_to_train_minutes,"
          "is_official_score,source,source_url,notes")
URL = "https://github.com/mlcommons/training_results_v3.0/blob/main/Acme/systems"


def record(uid, model, result, system, stem, count, **columns):
    rec = {"uid": uid, "version": "3.0", "division": "closed", "Model_ID": model, "Result": result,
           "submitter": "Acme", "system": system, "accelerator_model_name": "NVIDIA H100-SXM5-80GB",
           "accelerators_count": count, "details_url": f"{URL}/{stem}.json", "unet3d": "", model: result}
    rec.update(columns)
    return rec


def write_fixture(tmp_path: Path) -> tuple[Path, Path, Path]:
    ds = tmp_path / "datasets"
    ds.mkdir()
    (ds / "mlperf_training.csv").write_text(
        HEADER + "\n"
        "v3.0-acme-box8-resnet,false,v3.0,resnet,closed,Acme,box,nvidia-h100-sxm5-80gb,NVIDIA H100-SXM5-80GB,1,8,8,"
        "30,true,mlcommons2023trainingv30;mlcommons2025cm4mlperfresults,"
        f"{URL}/box8.json,result_id constructed (the cm4mlperf data carry no MLCommons result id; cm4mlperf uid a1).\n")
    (ds / "accelerator_aliases.csv").write_text(
        "alias,accelerator_id,context,source,notes\nNVIDIA H100-SXM5-80GB,nvidia-h100-sxm5-80gb,mlperf,x,\n")
    (ds / "mlperf_rounds.csv").write_text(
        "mlperf_round,round_published_date,source,source_url,notes\nv3.0,2023-06-27,mlcommons2023trainingv30,,\n")
    repo = tmp_path / "training_results_v3.0"
    (repo / "Acme" / "systems").mkdir(parents=True)
    for stem, nodes in (("box8", 1), ("box16", 2)):
        (repo / "Acme" / "systems" / f"{stem}.json").write_text(
            json.dumps({"system_name": "box", "number_of_nodes": str(nodes), "accelerators_per_node": "8"}))
    snapshot = tmp_path / "cm-result.json"
    snapshot.write_text(json.dumps([
        # the existing row, with a revised time and the system's unet3d score in another column
        record("a1", "resnet", 29.5, "box", "box8", 8, unet3d=41.25),
        # the same name for a 2-node system: both rows must take their description file's name
        record("b2", "bert", 12.0, "box", "box16", 16),
        # a record whose own column disagrees with its Result: never imported
        record("c3", "rnnt", 99.0, "box", "box8", 8, rnnt=7.0),
    ]))
    return ds, repo, snapshot


def run(*args):
    return subprocess.run([sys.executable, str(TOOL), *map(str, args)], capture_output=True, text=True)


def rows(path: Path) -> dict:
    return {r["mlperf_result_id"]: r for r in csv.DictReader(io.StringIO(path.read_text()))}


def test_import_proposes_a_diff_and_writes_only_when_asked(tmp_path):
    ds, repo, snapshot = write_fixture(tmp_path)
    before = (ds / "mlperf_training.csv").read_text()

    out = run(snapshot, "--datasets", ds, "--repo", f"v3.0={repo}")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "CHANGE v3.0-acme-box8-resnet: time_to_train_minutes '30' -> '29.5'" in text
    assert "CHANGE v3.0-acme-box8-resnet: system 'box' -> 'box8'" in text
    assert "ADD v3.0-acme-box16-bert: bert box16 12 min" in text
    assert "ADD v3.0-acme-box8-unet3d: unet3d box8 41.25 min" in text
    assert "uid c3: `rnnt` column 7.0 differs from Result 99.0; skipped" in text
    assert "--- a/mlperf_training.csv" in text and "+v3.0-acme-box16-bert," in text
    assert (ds / "mlperf_training.csv").read_text() == before, "no write without --write"

    out = run(snapshot, "--datasets", ds, "--repo", f"v3.0={repo}", "--write")
    assert out.returncode == 0, out.stderr
    written = rows(ds / "mlperf_training.csv")
    assert set(written) == {"v3.0-acme-box8-resnet", "v3.0-acme-box16-bert", "v3.0-acme-box8-unet3d"}
    assert written["v3.0-acme-box8-resnet"]["time_to_train_minutes"] == "29.5"
    assert written["v3.0-acme-box8-resnet"]["notes"].endswith("uid a1)."), "an existing row keeps its notes"
    bert = written["v3.0-acme-box16-bert"]
    assert (bert["system"], bert["node_count"], bert["accelerators_per_node"], bert["accelerator_count"]) == \
        ("box16", "2", "8", "16")
    assert "'box', is shared with other descriptions" in bert["notes"]
    unet = written["v3.0-acme-box8-unet3d"]
    assert "Time read from the `unet3d` column of that record (its own benchmark is resnet)" in unet["notes"]
    assert all(r["time_to_train_minutes"] not in ("7", "99") for r in written.values())

    again = run(snapshot, "--datasets", ds, "--repo", f"v3.0={repo}")
    assert "0 to add, 0 field changes" in again.stdout and "\n+v3.0" not in again.stdout


def test_a_new_row_without_its_system_description_is_incomplete_and_not_written(tmp_path):
    ds, _, snapshot = write_fixture(tmp_path)
    out = run(snapshot, "--datasets", ds, "--write")
    assert out.returncode == 0, out.stderr
    assert "INCOMPLETE v3.0-acme-box16-bert: no node_count, accelerators_per_node" in out.stdout
    assert "v3.0-acme-box16-bert" not in rows(ds / "mlperf_training.csv")


CHECK = CHECKOUT / "tools" / "check_mlperf_training_logs.py"


def mllog(key, ms, **meta):
    return ":::MLLOG " + json.dumps({"time_ms": ms, "key": key, "value": None, "metadata": meta})


def run_check(repo, ds):
    return subprocess.run([sys.executable, str(CHECK), "--repo", f"v3.0={repo}", "--datasets", str(ds)],
                          capture_output=True, text=True)


def test_log_check_recomputes_times_and_finds_repeated_runs(tmp_path):
    ds, _, _ = write_fixture(tmp_path)
    table = ds / "mlperf_training.csv"
    # a second result whose logs hold the very same runs (a resubmission under another description)
    table.write_text(table.read_text() + table.read_text().splitlines()[1].replace("box8", "box16") + "\n")
    repo = tmp_path / "logs_v3.0"
    for system in ("box8", "box16"):
        folder = repo / "Acme" / "results" / system / "resnet"
        folder.mkdir(parents=True)
        for i, minutes in enumerate((28, 29, 30, 31, 40)):
            (folder / f"result_{i}.txt").write_text(
                mllog("run_start", 0) + "\n" + mllog("run_stop", minutes * 60000, status="success") + "\n")
    # the rows say 30 min: the mean of 29, 30 and 31 (the fastest and the slowest run dropped)
    out = run_check(repo, ds)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "SAME RUNS v3.0-acme-box8-resnet: Acme/results/box8/resnet repeats v3.0's Acme/results/box16/resnet" \
        in out.stdout
    assert "# 2 agree, 1 same runs" in out.stdout

    table.write_text(table.read_text().replace(",8,30,true,", ",8,33,true,", 1))
    out = run_check(repo, ds)
    assert out.returncode == 1
    assert "DISAGREES v3.0-acme-box8-resnet: 33.0 min in the CSV, 30.0 from 5 runs in Acme/results/box8/resnet" \
        in out.stdout
