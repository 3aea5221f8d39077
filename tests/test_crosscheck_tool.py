"""tools/crosscheck_accelerators.py: matches rows to a second source and lists every disagreement.

The script is kept out of the build; the test runs it on a two-row fixture written here (never on the
reference snapshots, which nothing in the tests may read)."""

import csv
import subprocess
import sys
from pathlib import Path

TOOL = Path(__file__).resolve().parents[1] / "tools" / "crosscheck_accelerators.py"

OURS = [
    # agrees with the other source, except a release date 200 days later
    {"accelerator_id": "acme-x1", "name": "ACME X1", "has_matrix_units": "false", "release_date": "2020-07-20",
     "fp64_flop_per_s": "6.25e11", "fp32_flop_per_s": "1e13", "fp16_flop_per_s": "2e13", "memory_bytes": "1.6e10",
     "memory_bandwidth_bytes_per_s": "5e11", "tdp_watts": "200", "notes": ""},
    # FP32 20 % off the other source, and FP64 at 1/20 of FP32, a ratio no architecture has (two clocks in one row)
    {"accelerator_id": "acme-x2", "name": "ACME X2 (16 GB)", "has_matrix_units": "false", "release_date": "2021-01-01",
     "fp64_flop_per_s": "6e11", "fp32_flop_per_s": "1.2e13", "fp16_flop_per_s": "2.4e13", "memory_bytes": "1.6e10",
     "memory_bandwidth_bytes_per_s": "5e11", "tdp_watts": "250", "notes": ""},
]
THEIRS = [
    {"Hardware name": "ACME X1", "Release date": "2020-01-01", "FP64 (double precision) performance (FLOP/s)": "6.25e11",
     "FP32 (single precision) performance (FLOP/s)": "1e13", "FP16 (half precision) performance (FLOP/s)": "2e13",
     "Memory size per board (Byte)": "16000000000", "Memory bandwidth (byte/s)": "500000000000", "TDP (W)": "200"},
    {"Hardware name": "ACME X2", "Release date": "2021-01-01", "FP64 (double precision) performance (FLOP/s)": "6e11",
     "FP32 (single precision) performance (FLOP/s)": "1e13", "FP16 (half precision) performance (FLOP/s)": "2e13",
     "Memory size per board (Byte)": "16000000000", "Memory bandwidth (byte/s)": "500000000000", "TDP (W)": "250"},
]


def write(path, rows):
    with path.open("w", newline="") as f:
        w = csv.DictWriter(f, list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return path


def run(tmp_path, ours=OURS, *extra):
    acc = write(tmp_path / "accelerators.csv", ours)
    chips = write(tmp_path / "chips.csv", THEIRS)
    return subprocess.run([sys.executable, str(TOOL), str(acc), "--chip-dataset", str(chips), *extra],
                          capture_output=True, text=True, timeout=60)


def disagreements(stdout):
    return [line.split("\t")[:2] + [line.rsplit("\t", 1)[-1]] for line in stdout.splitlines() if not line.startswith("#")]


def test_lists_each_disagreement_and_counts_rows_checked(tmp_path):
    result = run(tmp_path)
    assert result.returncode == 0, result.stderr
    found = disagreements(result.stdout)
    assert ["acme-x1", "release_date", "[open]"] in found
    assert ["acme-x2", "fp32_flop_per_s", "[open]"] in found
    assert ["acme-x2", "fp64/fp32", "[open]"] in found        # 1/20: against the source and no architecture's ratio
    assert not any(row == "acme-x1" and col != "release_date" for row, col, _ in found)
    assert "checked against epoch_chip_dataset: 2" in result.stdout
    assert "in no source: 0" in result.stdout


def test_a_disagreement_the_notes_explain_is_noted_and_strict_fails_only_on_open_ones(tmp_path):
    assert run(tmp_path, OURS, "--strict").returncode == 1
    explained = [dict(r) for r in OURS]
    explained[0]["notes"] = "Cross-check (Epoch AI): Epoch dates it 2020-01-01; this row keeps the announcement date."
    explained[1] = dict(explained[1], fp32_flop_per_s="1e13", fp16_flop_per_s="2e13", fp64_flop_per_s="6.25e11",
                        notes="")
    result = run(tmp_path, explained, "--strict")
    found = disagreements(result.stdout)
    assert ["acme-x1", "release_date", "[noted]"] in found
    assert all(state == "[noted]" for *_, state in found), found
    assert result.returncode == 0, result.stdout


def test_a_board_of_n_chips_is_noted_where_the_other_source_gives_one_chip():
    import importlib.util
    spec = importlib.util.spec_from_file_location("crosscheck_accelerators", TOOL)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    board = {"chips_per_board": "2", "notes": ""}
    assert tool.chips_per_board(board) == 2
    assert tool.noted(board, "fp32_flop_per_s", "epoch_chip_dataset", "8e12", "4e12")
    assert not tool.noted(board, "fp32_flop_per_s", "epoch_chip_dataset", "8e12", "5e12")
    # one chip per row: a factor of two is a disagreement to resolve, not a board
    assert not tool.noted({"chips_per_board": "1", "notes": ""}, "fp32_flop_per_s", "epoch_chip_dataset",
                          "8e12", "4e12")
    # a file without the column: the notes' phrase marks a dual-GPU board
    assert tool.chips_per_board({"notes": "Dual-GPU board (2 chips): values per board"}) == 2
