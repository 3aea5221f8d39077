#!/usr/bin/env python3
"""Propose `mlperf_training` rows from a snapshot of MLCommons' results table, as a reviewable diff.

Outside the build: nothing in the pipeline or the tests of the data reads this. It reads the flattened
MLPerf Training results that MLCommons publishes in `mlcommons/cm4mlperf-results`
(`experiment/mlperf-training--*--closed--*/…/cm-result.json`: a JSON list of records, one per system and
benchmark, each with `Model_ID`, `Result` in minutes, one column per benchmark of that system, `system`,
`submitter`, `accelerator_model_name`, `accelerators_count`, `details_url`, `uid`, `version`, `division`),
maps each record to a row of `datasets/mlperf_training.csv` and prints what would change: a summary of
added and changed rows, field by field, and a unified diff of the CSV. Nothing is written without `--write`.

How a record becomes a row (the rules that keep the errors of issue 27, class 14, out):

* The time is the record's **own** benchmark column (`record[Model_ID]`), and it must equal the record's
  `Result`; a record where they differ is reported and skipped, never imported.
* A benchmark that a snapshot has no file for (unet3d, dlrm_dcnv2, gpt3) can be read from the other
  columns of a system's records (`--extra-columns`, on by default): only where every record of that
  system agrees on the value, and the row's notes say which column of which record it came from.
* `ssd` records of v2.0 and later are RetinaNet (`retinanet`), the benchmark that replaced SSD.
* `system` is the submission's `system_name`; where one submitter gives one name to different hardware
  in a round (node count, accelerators per node or accelerator), or to two results of one benchmark, each
  of those rows takes the name of its system description file instead, as `datasets/mlperf_training.csv`
  does.
* Node count and accelerators per node come from the system description (`--repo vX.Y=PATH`, a checkout or
  a bare clone of `mlcommons/training_results_vX.Y`); without it a new row keeps them empty and is listed
  as incomplete (and `--write` leaves it out). An existing row keeps its own.
* The accelerator maps through `datasets/accelerator_aliases.csv` (alias → accelerator_id); an unmapped
  name is listed and the row left out of `--write`.
* Rows of the CSV that the snapshot lacks are counted, never deleted.

Usage::

    python tools/import_mlperf_training.py SNAPSHOT.json [SNAPSHOT.json ...] \\
        [--repo v3.0=/path/to/training_results_v3.0] [--datasets datasets] [--write]

A SNAPSHOT may also be a folder: every `cm-result.json` and `*.json` list under it is read.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import io
import json
import re
import subprocess
import sys
import urllib.parse
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CM4MLPERF_SOURCE = "mlcommons2025cm4mlperfresults"
EXTRA_COLUMNS = ("unet3d", "dlrm_dcnv2", "gpt3")
#: Columns of the CSV this importer owns; the others of an existing row are left as they are.
OWNED = ("mlperf_round", "mlperf_benchmark", "division", "submitter", "system", "accelerator_id", "accelerator_name",
         "node_count", "accelerators_per_node", "accelerator_count",
         "time_to_train_minutes")
REL_TOL = 1e-5


def slug(text: str) -> str:
    text = urllib.parse.unquote(text).replace("+", "plus")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def benchmark_of(model_id: str, version: str) -> str:
    if model_id == "ssd" and tuple(int(x) for x in version.split(".")[:2]) >= (2, 0):
        return "retinanet"
    return model_id


def round_of(version: str) -> str:
    return version if version.startswith("v") else f"v{version}"


def description_path(details_url: str) -> tuple[str, str]:
    """(repository path of the system description, its file stem) from a details_url."""
    m = re.search(r"/training_results_v[\d.]+/(?:blob|tree)/[^/]+/(.+)$", details_url)
    path = urllib.parse.unquote(m.group(1)) if m else ""
    stem = path.rsplit("/", 1)[-1].removesuffix(".json")
    return path, stem


def source_url_of(details_url: str) -> str:
    m = re.search(r"^(https://github\.com/mlcommons/training_results_v[\d.]+)/(?:blob|tree)/[^/]+/(.+)$", details_url)
    return f"{m.group(1)}/blob/main/{m.group(2)}" if m else details_url


def read_records(paths: list[Path]) -> list[dict]:
    records = []
    for p in paths:
        files = sorted(p.rglob("*.json")) if p.is_dir() else [p]
        for f in files:
            data = json.loads(f.read_text())
            if isinstance(data, list):
                records += [r for r in data if isinstance(r, dict) and "Model_ID" in r]
    return records


def read_csv(path: Path) -> tuple[list[str], list[dict]]:
    rows = list(csv.reader(io.StringIO(path.read_text())))
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]


def write_csv(header: list[str], rows: list[dict]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow([r.get(h, "") for h in header])
    return out.getvalue()


def system_description(repos: dict[str, Path], rnd: str, path: str) -> dict | None:
    repo = repos.get(rnd)
    if repo is None or not path:
        return None
    if (repo / path).is_file():
        text = (repo / path).read_text()
    else:
        out = subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{path}"], capture_output=True, text=True)
        if out.returncode != 0:
            return None
        text = out.stdout
    return json.loads(text)


def fmt_number(x: float) -> str:
    return f"{x:.6g}"


def close(a: str, b: float) -> bool:
    try:
        return abs(float(a) - b) <= REL_TOL * max(abs(b), 1e-12)
    except ValueError:
        return False


def propose(records: list[dict], aliases: dict[str, str], sources: dict[str, str],
            repos: dict[str, Path], extra_columns: bool = True) -> tuple[list[dict], list[str]]:
    """Rows the snapshot gives (one per round, benchmark and system description) and problems found."""
    problems: list[str] = []
    candidates: dict[tuple, dict] = {}
    by_system: dict[tuple, list[dict]] = defaultdict(list)
    for rec in records:
        if rec.get("division", "closed") != "closed":
            continue
        version = str(rec["version"])
        model = rec["Model_ID"]
        own = rec.get(model)
        if own in (None, ""):
            problems.append(f"uid {rec.get('uid')}: no `{model}` column; skipped")
            continue
        if not close(str(own), float(rec["Result"])):
            problems.append(f"uid {rec.get('uid')}: `{model}` column {own} differs from Result {rec['Result']}; "
                            "skipped (a time from another benchmark's column?)")
            continue
        path, _ = description_path(rec.get("details_url", ""))
        by_system[(version, path)].append(rec)
        key = (round_of(version), benchmark_of(model, version), path)
        candidates[key] = {"record": rec, "column": model, "time": float(own), "extra": False}
    if extra_columns:
        for (version, path), recs in by_system.items():
            own_models = {r["Model_ID"] for r in recs}
            for col in EXTRA_COLUMNS:
                if col in own_models:
                    continue
                values = {float(r[col]) for r in recs if r.get(col) not in (None, "")}
                if not values:
                    continue
                if max(values) - min(values) > REL_TOL * max(values):
                    problems.append(f"{version} {path}: the records disagree on the `{col}` column {sorted(values)}; "
                                    "not imported")
                    continue
                rec = next(r for r in recs if r.get(col) not in (None, ""))
                key = (round_of(version), benchmark_of(col, version), path)
                candidates.setdefault(key, {"record": rec, "column": col, "time": values.pop(), "extra": True})

    # one system_name for different hardware in a round → the description file's name
    # (or to two results of one benchmark, e.g. two software stacks)
    hardware: dict[tuple, set] = defaultdict(set)
    per_benchmark: dict[tuple, set] = defaultdict(set)
    for (rnd, bench, path), c in candidates.items():
        rec = c["record"]
        hardware[(rnd, rec["submitter"], rec["system"])].add(
            (path, rec["accelerator_model_name"], int(rec["accelerators_count"])))
        per_benchmark[(rnd, rec["submitter"], rec["system"], bench)].add(path)
    rows = []
    for (rnd, bench, path), c in sorted(candidates.items()):
        rec = c["record"]
        _, stem = description_path(rec.get("details_url", ""))
        shared = {h[1:] for h in hardware[(rnd, rec["submitter"], rec["system"])]}
        clash = len(shared) > 1 or len(per_benchmark[(rnd, rec["submitter"], rec["system"], bench)]) > 1
        system = stem if clash else rec["system"]
        desc = system_description(repos, rnd, path)
        nodes = per_node = ""
        if desc:
            nodes = str(int(desc.get("number_of_nodes", 0)) or "")
            per_node = str(int(desc.get("accelerators_per_node", 0)) or "")
        notes = f"result_id constructed (the cm4mlperf data carry no MLCommons result id; cm4mlperf uid {rec['uid']})."
        if c["extra"]:
            notes += (f" Time read from the `{c['column']}` column of that record (its own benchmark is "
                      f"{rec['Model_ID']}): the snapshot has no {c['column']} file.")
        if system != rec["system"]:
            notes += (f" `system` is the name of the system description file ({stem}.json); its system_name, "
                      f"'{rec['system']}', is shared with other descriptions of this submitter in this round.")
        rows.append({
            "mlperf_result_id": f"{rnd}-{slug(rec['submitter'])}-{slug(stem)}-{slug(bench)}",
            "result_id_is_official": "false",
            "mlperf_round": rnd,
            "mlperf_benchmark": bench,
            "division": "closed",
            "submitter": rec["submitter"],
            "system": system,
            "accelerator_id": aliases.get(rec["accelerator_model_name"], ""),
            "accelerator_name": rec["accelerator_model_name"],
            "node_count": nodes,
            "accelerators_per_node": per_node,
            "accelerator_count": str(int(rec["accelerators_count"])),
            "time_to_train_minutes": fmt_number(c["time"]),
            "is_official_score": "true",
            "source": ";".join(s for s in (sources.get(rnd, ""), CM4MLPERF_SOURCE) if s),
            "source_url": source_url_of(rec.get("details_url", "")),
            "notes": notes,
            "_uid": rec["uid"],
        })
    return rows, problems


def merge(header: list[str], existing: list[dict], proposed: list[dict]) -> tuple[list[dict], list[str], list[str]]:
    """The CSV's rows with the snapshot's changes and additions; a summary line per change and problems."""
    by_id = {r["mlperf_result_id"]: i for i, r in enumerate(existing)}
    by_uid = {}
    for i, r in enumerate(existing):
        m = re.search(r"cm4mlperf uid ([0-9a-f]+)", r.get("notes", ""))
        if m:
            by_uid.setdefault((m.group(1), r["mlperf_benchmark"]), i)
    merged = [dict(r) for r in existing]
    summary, incomplete = [], []
    for p in proposed:
        i = by_id.get(p["mlperf_result_id"], by_uid.get((p["_uid"], p["mlperf_benchmark"])))
        if i is not None:
            row = merged[i]
            for col in OWNED:
                new, old = p[col], row.get(col, "")
                if col == "time_to_train_minutes":
                    if close(old, float(new)):
                        continue
                elif new == old or new == "":
                    continue
                summary.append(f"CHANGE {row['mlperf_result_id']}: {col} {old!r} -> {new!r}")
                row[col] = new
            continue
        missing = [c for c in ("accelerator_id", "node_count", "accelerators_per_node") if not p[c]]
        if missing:
            incomplete.append(f"INCOMPLETE {p['mlperf_result_id']}: no {', '.join(missing)} "
                              f"({p['accelerator_name']!r}; give --repo {p['mlperf_round']}=PATH or add an alias)")
            continue
        summary.append(f"ADD {p['mlperf_result_id']}: {p['mlperf_benchmark']} {p['system']} "
                       f"{p['time_to_train_minutes']} min")
        merged.append({h: p.get(h, "") for h in header})
    return merged, summary, incomplete


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("snapshot", nargs="+", type=Path, help="cm-result.json files or folders of them")
    ap.add_argument("--datasets", type=Path, default=ROOT / "datasets")
    ap.add_argument("--repo", action="append", default=[], metavar="vX.Y=PATH",
                    help="a checkout or bare clone of mlcommons/training_results_vX.Y (system descriptions)")
    ap.add_argument("--no-extra-columns", action="store_true",
                    help="do not read benchmarks from the other columns of a record")
    ap.add_argument("--write", action="store_true", help="write the proposed CSV")
    args = ap.parse_args(argv)

    repos = {}
    for item in args.repo:
        rnd, _, path = item.partition("=")
        repos[round_of(rnd)] = Path(path)
    csv_path = args.datasets / "mlperf_training.csv"
    header, existing = read_csv(csv_path)
    _, alias_rows = read_csv(args.datasets / "accelerator_aliases.csv")
    aliases = {r["alias"]: r["accelerator_id"] for r in alias_rows}
    _, round_rows = read_csv(args.datasets / "mlperf_rounds.csv")
    sources = {r["mlperf_round"]: r["source"] for r in round_rows}

    records = read_records(args.snapshot)
    proposed, problems = propose(records, aliases, sources, repos, not args.no_extra_columns)
    merged, summary, incomplete = merge(header, existing, proposed)
    proposed_ids = {p["mlperf_result_id"] for p in proposed}
    rounds = {p["mlperf_round"] for p in proposed}
    absent = [r for r in existing if r["mlperf_round"] in rounds and r["mlperf_result_id"] not in proposed_ids
              and not any(re.search(rf"uid {p['_uid']}\b", r.get("notes", "")) for p in proposed)]

    old_text = csv_path.read_text()
    new_text = write_csv(header, merged)
    print(f"# {len(records)} records read, {len(proposed)} rows proposed; "
          f"{sum(s.startswith('ADD') for s in summary)} to add, {sum(s.startswith('CHANGE') for s in summary)} "
          f"field changes, {len(incomplete)} incomplete, {len(problems)} problems; "
          f"{len(absent)} rows of these rounds in the CSV are not in the snapshot (kept)")
    for line in problems + incomplete + summary:
        print(f"# {line}")
    sys.stdout.writelines(difflib.unified_diff(old_text.splitlines(keepends=True), new_text.splitlines(keepends=True),
                                               f"a/{csv_path.name}", f"b/{csv_path.name}"))
    if args.write and new_text != old_text:
        csv_path.write_text(new_text)
        print(f"# wrote {csv_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
