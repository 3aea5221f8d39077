"""tools/check_compute_arithmetic.py: lists runs whose stored compute is none of the FLOP figures their notes state.

The script is kept out of the build; the test runs it on a fixture written here."""

import csv
import subprocess
import sys
from pathlib import Path

TOOL = Path(__file__).resolve().parents[1] / "tools" / "check_compute_arithmetic.py"

ROWS = [
    # 157 PF-days is 1.36e22: a stored 1.57e22 reads the count as a mantissa (Turing-NLG)
    ("pf-days-slip", "1.57e22", "the third party gives 157 PF-days"),
    # the same count, converted right
    ("pf-days-ok", "1.35648e22", "the third party gives 157 PF-days"),
    # a stated result that the stored value rounds within tolerance
    ("rounded", "2.9e19", "4 GPU x 40 days x 7.1 TFLOP/s x 0.3 = 3.0e19"),
    # a stated result 20% away, in 'x 10^' notation
    ("other-estimate", "1.2e22", "6 x 8.3B x 157B = 1.0 x 10^22"),
    # no arithmetic in the notes: not read
    ("no-arithmetic", "5e20", "Epoch AI's figure"),
]


def test_lists_runs_off_their_stated_arithmetic(tmp_path):
    path = tmp_path / "training_runs.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["run_id", "training_compute_flop", "notes"])
        w.writerows(ROWS)
    out = subprocess.run([sys.executable, str(TOOL), str(path), "--strict"], capture_output=True, text=True)
    listed = {line.split()[0] for line in out.stdout.splitlines() if line.strip()}
    assert listed == {"pf-days-slip", "other-estimate"}
    assert out.returncode == 1
    assert "4 runs with stated arithmetic read, 2 disagree" in out.stderr


EPOCH_ROWS = [
    # Big-Little Net: divides by the batch size
    ("Big-Little Net", "2.46048e17", "9.32*10^9 (flops per inference)*1.28x10^6 (dataset size)/16 (batch size) * 110 "
                                     "epochs * 3 (to account for backpropagation)= 2.46048e+17"),
    # Big-Little Net speech: forward passes only
    ("BLN speech", "4.29e17", "980000000 (number of FLOPs from table 3) * 27360000 (dataset size) * 16 = 4.29e17"),
    # a count with its backward factor
    ("ResNet-152", "1.041408e19", "11.3 *10^9 mult-adds per forward pass, 2 FLOPS/ mult-add, 3 for forward & "
                                  "backward pass, 1.2 * 10^6 examples, 128 epochs"),
    # a 6ND line that mentions a forward pass in passing is not a FLOP-per-example count
    ("MoE", "2.9e24", "With 25% of 314B params active per forward pass, 6ND gives about 3e24"),
    # the run below no longer holds Epoch AI's figure (redone): not read
    ("Redone", "4.29e17", "980000000 (number of FLOPs from table 3) * 27360000 * 16 = 4.29e17"),
]


def test_lists_runs_holding_a_suspect_epoch_formula(tmp_path):
    runs = tmp_path / "training_runs.csv"
    with runs.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["run_id", "model", "training_compute_flop", "notes"])
        w.writerows([("bln", "Big-Little Net", "2.46048e17", ""), ("bln-speech", "BLN speech", "4.29005e17", ""),
                     ("resnet-152", "ResNet-152", "1.04141e19", ""), ("moe", "MoE", "2.9e24", ""),
                     ("redone", "Redone", "1.287e18", ""), ("not-in-epoch", "Other", "1e20", "")])
    epoch = tmp_path / "epoch.csv"
    with epoch.open("w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["Model", "Training compute (FLOP)", "Training compute notes"])
        w.writerows(EPOCH_ROWS)
    out = subprocess.run([sys.executable, str(TOOL), str(runs), "--epoch-notes", str(epoch), "--strict"],
                         capture_output=True, text=True)
    listed = {line.split()[0]: line for line in out.stdout.splitlines() if line.strip()}
    assert set(listed) == {"bln", "bln-speech"}
    assert "divides by the batch size" in listed["bln"] and "no backward factor" in listed["bln-speech"]
    assert out.returncode == 1
    assert "4 runs holding Epoch AI's figure read, 2 with a suspect operation-count formula" in out.stderr
