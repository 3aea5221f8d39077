#!/usr/bin/env python3
"""Recompute `mlperf_training` times from the submissions' own logs and list every row that disagrees.

Outside the build (it needs clones of `mlcommons/training_results_vX.Y`, some of them gigabytes). For each
row of `datasets/mlperf_training.csv` whose round is given with `--repo vX.Y=PATH` (a checkout or a bare
clone), it finds the row's results folder (`<submitter>/results/<system description>/<benchmark>`, from
`source_url`; `ssd` holds RetinaNet from v2.0 on), reads every `result_N.txt` (MLLOG `run_start` →
`run_stop`, a run that did not stop with `success` counting as infinitely slow), and takes the mean
without the fastest and the slowest run (without the 4 fastest and 4 slowest for unet3d's 40 runs),
times the folder's `scaling.json` factor where there is one. That is MLCommons' scoring up to the
reference-convergence rules; official scores of v1.0 to v3.0 reproduce within 0.1 %. A row that is not an
official score (`is_official_score` false, v5.1) is held to its own stated convention: successful runs
only, no scaling factor.

It prints one line per row that disagrees by more than `--tolerance`, per row it could not check, and per
row whose runs are the same runs as another folder's (identical run times to the millisecond: a
resubmission of an earlier round's logs, or one set of logs under two systems), then a count. The exit
status is 1 when a row disagrees.

    python tools/check_mlperf_training_logs.py --repo v3.0=../training_results_v3.0 [--repo ...]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import urllib.parse
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULT = re.compile(r"/results/.+/result_[\d_]+\.txt$")
DROPPED = {"unet3d": 4}


class Repo:
    """The results files of one round, from a checkout or a bare clone."""

    def __init__(self, path: Path):
        self.path = path
        self.git = (path / ".git").exists() or ((path / "HEAD").is_file() and (path / "objects").is_dir())
        if self.git:
            out = subprocess.run(["git", "-C", str(path), "ls-tree", "-r", "HEAD"], capture_output=True, text=True,
                                 check=True).stdout
            self.files = {}
            for line in out.splitlines():
                meta, name = line.split("\t", 1)
                self.files[name] = meta.split()[2]
        else:
            self.files = {p.relative_to(path).as_posix(): None for p in path.rglob("*") if p.is_file()}
        self.folders: dict[str, list[str]] = defaultdict(list)
        for name in self.files:
            if RESULT.search("/" + name):
                self.folders[name.rsplit("/", 1)[0]].append(name)
        self._lower = {k.lower(): k for k in self.folders}

    def read(self, name: str) -> str | None:
        if not self.git:
            return (self.path / name).read_text(errors="replace")
        out = subprocess.run(["git", "-C", str(self.path), "cat-file", "-p", self.files[name]], capture_output=True)
        return out.stdout.decode(errors="replace") if out.returncode == 0 else None

    def folder(self, name: str) -> str | None:
        return name if name in self.folders else self._lower.get(name.lower())


def run_minutes(text: str) -> float:
    start = stop = None
    ok = False
    for line in text.splitlines():
        i = line.find(":::MLLOG")
        if i < 0 or ('"run_start"' not in line and '"run_stop"' not in line):
            continue
        try:
            event = json.loads(line[i + 8:])
        except json.JSONDecodeError:
            continue
        if event.get("key") == "run_start":
            start = event["time_ms"]
        elif event.get("key") == "run_stop":
            stop = event["time_ms"]
            ok = event.get("metadata", {}).get("status") == "success"
    return (stop - start) / 60000 if ok and start is not None and stop is not None else float("inf")


def score(runs: list[float], benchmark: str, scale: float) -> float | None:
    d = DROPPED.get(benchmark, 1)
    kept = sorted(runs)[d:len(runs) - d]
    if not kept or kept[-1] == float("inf"):
        return None
    return sum(kept) / len(kept) * scale


def results_folder(row: dict) -> str | None:
    url = urllib.parse.unquote(row["source_url"])
    m = re.search(r"/training_results_v[\d.]+/(?:blob|tree)/[^/]+/(.+)$", url)
    if not m:
        return None
    path = m.group(1)
    bench = row["mlperf_benchmark"]
    if "/systems/" in path:
        sub, stem = re.match(r"(.+)/systems/(.+)\.json$", path).groups()
        return f"{sub}/results/{stem}/{'ssd' if bench == 'retinanet' else bench}"
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repo", action="append", required=True, metavar="vX.Y=PATH")
    ap.add_argument("--datasets", type=Path, default=ROOT / "datasets")
    ap.add_argument("--tolerance", type=float, default=0.002, help="relative (default 0.002)")
    args = ap.parse_args(argv)
    repos = {}
    for item in args.repo:
        rnd, _, path = item.partition("=")
        repos[rnd if rnd.startswith("v") else f"v{rnd}"] = Repo(Path(path))
    rows = list(csv.DictReader((args.datasets / "mlperf_training.csv").open()))

    fingerprints: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    checked: dict[str, tuple[str, str, tuple]] = {}
    counts = defaultdict(int)
    for row in rows:
        repo = repos.get(row["mlperf_round"])
        if repo is None:
            continue
        want = results_folder(row)
        folder = repo.folder(want) if want else None
        rid = row["mlperf_result_id"]
        if folder is None:
            print(f"NOT CHECKED {rid}: no results folder {want!r}")
            counts["not checked"] += 1
            continue
        texts = [repo.read(f) for f in sorted(repo.folders[folder])]
        if any(t is None for t in texts):
            print(f"NOT CHECKED {rid}: a log of {folder} could not be read")
            counts["not checked"] += 1
            continue
        runs = [run_minutes(t) for t in texts]
        scale_name = f"{folder}/scaling.json"
        scale = json.loads(repo.read(scale_name))["scaling_factor"] if scale_name in repo.files else 1.0
        if row["is_official_score"] == "false":
            # the rows' own convention (their notes): successful runs only, no RCP scaling
            got = score([r for r in runs if r != float("inf")], row["mlperf_benchmark"], 1.0)
        else:
            got = score(runs, row["mlperf_benchmark"], scale)
        time = float(row["time_to_train_minutes"])
        if got is None or abs(time - got) > args.tolerance * got:
            print(f"DISAGREES {rid}: {time} min in the CSV, {got} from {len(runs)} runs in {folder}")
            counts["disagree"] += 1
        else:
            counts["agree"] += 1
        fp = tuple(sorted(round(r * 60000) if r != float("inf") else -1 for r in runs))
        fingerprints[fp].append((row["mlperf_round"], folder))
        checked[rid] = (row["mlperf_round"], folder, fp)
    order = sorted(repos)
    for rid, (rnd, folder, fp) in checked.items():
        earlier = [(r, f) for r, f in fingerprints[fp] if (order.index(r), f) < (order.index(rnd), folder)]
        if earlier:
            print(f"SAME RUNS {rid}: {folder} repeats {earlier[0][0]}'s {earlier[0][1]}")
            counts["same runs"] += 1
    print("# " + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
    return 1 if counts["disagree"] else 0


if __name__ == "__main__":
    sys.exit(main())
