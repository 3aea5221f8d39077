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
