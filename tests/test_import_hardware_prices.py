"""tools/import_epoch_hardware_prices.py on a tiny snapshot written here: the diff it prints, and --write."""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]
TOOL = CHECKOUT / "tools" / "import_epoch_hardware_prices.py"

SNAPSHOT_HEADER = ["Price source", "Price date", "Hardware model", "Manufacturer", "Vendor", "Location",
                   "Price per chip-hour (on-demand)", "Price per chip-hour (1-year CUD)",
                   "Price per chip-hour (3-year CUD)", "Price (hardware purchase)", "Notes",
                   "Cloud GPU description", "Number of GPUs"]
PRICE_FIELDS = ["accelerator_id", "price_date", "price_usd", "price_kind", "source", "source_url", "notes"]


def snapshot_row(url, date, model, price, notes="", n="", cloud=""):
    row = dict.fromkeys(SNAPSHOT_HEADER, "")
    row.update({"Price source": url, "Price date": date, "Hardware model": model, "Price (hardware purchase)": price,
                "Notes": notes, "Number of GPUs": n, "Price per chip-hour (on-demand)": cloud})
    return row


def write_fixture(tmp_path: Path) -> tuple[Path, Path]:
    datasets = tmp_path / "datasets"
    datasets.mkdir()
    with (datasets / "accelerators.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["accelerator_id", "name", "release_date"])
        w.writerow(["nvidia-h100-sxm5-80gb", "NVIDIA H100 SXM5 80 GB", "2022-09-20"])
        w.writerow(["nvidia-a100-sxm4-80gb", "NVIDIA A100 SXM4 80 GB", "2020-11-16"])
        w.writerow(["intel-gaudi2", "Intel Gaudi 2", "2022-05-10"])
    with (datasets / "hardware_prices.csv").open("w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=PRICE_FIELDS, lineterminator="\n")
        w.writeheader()
        # an untouched import whose price Epoch later revised
        w.writerow({"accelerator_id": "nvidia-h100-sxm5-80gb", "price_date": "2025-03-03", "price_usd": "31250",
                    "price_kind": "reported_purchase", "source": "epoch2025hardwareprices",
                    "source_url": "https://example.org/h100", "notes": "Imported from Epoch AI's hardware price database"})
        # a row a curator corrected by hand: reported, never overwritten
        w.writerow({"accelerator_id": "intel-gaudi2", "price_date": "2024-06-09", "price_usd": "8000",
                    "price_kind": "list", "source": "epoch2025hardwareprices",
                    "source_url": "https://example.org/gaudi", "notes": "Curated: the kit price over 8 chips"})
    snapshot = tmp_path / "Hardware prices.csv"
    with snapshot.open("w", encoding="utf-8-sig", newline="") as f:      # Epoch's file begins with a BOM
        w = csv.DictWriter(f, fieldnames=SNAPSHOT_HEADER)
        w.writeheader()
        w.writerow(snapshot_row("https://example.org/h100", "2025-03-03", "NVIDIA H100 SXM5 80GB", "30000.00"))
        w.writerow(snapshot_row("https://example.org/gaudi", "2024-06-09", "Intel Habana Gaudi2", "8125.00",
                                "$65k for 8", "8"))
        w.writerow(snapshot_row("https://example.org/dgx", "2023-09-06", "NVIDIA H100 SXM5 80GB", "31119.50",
                                "8x GPU HGX, $248,956 total", "8"))
        w.writerow(snapshot_row("https://example.org/early", "2020-07-01", "NVIDIA A100 SXM4 80 GB", "17500.00",
                                "Single-unit list price", "1"))
        w.writerow(snapshot_row("No source", "2021-06-30", "NVIDIA A100", "31187.50"))
        w.writerow(snapshot_row("https://example.org/cloud", "2024-01-01", "NVIDIA H100 SXM5 80GB", "", cloud="2.5"))
        w.writerow(snapshot_row("https://example.org/x", "2024-01-01", "Some Future Chip", "1000"))
    return snapshot, datasets


def run_tool(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOL), *map(str, args)], capture_output=True, text=True, check=True)


def test_dry_run_prints_a_reviewable_diff_and_writes_nothing(tmp_path):
    snapshot, datasets = write_fixture(tmp_path)
    before = (datasets / "hardware_prices.csv").read_text()
    out = run_tool(snapshot, "--datasets", datasets).stdout

    additions = [line for line in out.splitlines() if line.startswith("+ ")]
    assert len(additions) == 1          # the HGX price; cloud rows are not purchase prices
    added = next(csv.reader([additions[0][2:]]))
    assert added[:6] == ["nvidia-h100-sxm5-80gb", "2023-09-06", "31119.5", "reported_purchase",
                         "epoch2025hardwareprices", "https://example.org/dgx"]
    assert "divided by 8" in added[6] and "$248,956 total" in added[6]
    assert "~ nvidia-h100-sxm5-80gb 2025-03-03 https://example.org/h100: price_usd 31250 -> 30000" in out
    assert "# curated: intel-gaudi2 2024-06-09" in out and "kept" in out
    assert "! NVIDIA A100 SXM4 80 GB | 2020-07-01 | 17500 | dated before nvidia-a100-sxm4-80gb's release_date" in out
    assert "! NVIDIA A100 | 2021-06-30 | 31187.5 | no source URL (No source)" in out
    assert "! Some Future Chip | 2024-01-01 | 1000 | no mapping rule" in out
    assert "# 1 to add, 1 to change, 0 present, 3 left out" in out
    assert "dry run: nothing written" in out
    assert (datasets / "hardware_prices.csv").read_text() == before


def test_write_applies_additions_and_revisions_but_not_curated_rows(tmp_path):
    snapshot, datasets = write_fixture(tmp_path)
    run_tool(snapshot, "--datasets", datasets, "--write")
    rows = list(csv.DictReader((datasets / "hardware_prices.csv").open()))
    assert [(r["accelerator_id"], r["price_date"], r["price_usd"]) for r in rows] == [
        ("nvidia-h100-sxm5-80gb", "2025-03-03", "30000"),
        ("intel-gaudi2", "2024-06-09", "8000"),
        ("nvidia-h100-sxm5-80gb", "2023-09-06", "31119.5"),
    ]
    # a second run has nothing left to do
    out = run_tool(snapshot, "--datasets", datasets).stdout
    assert "# 0 to add, 0 to change, 2 present, 3 left out" in out


def test_price_kind_rules():
    spec = importlib.util.spec_from_file_location("importer", TOOL)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.price_kind("Single-unit list price", "https://www.nextplatform.com/2022/05/09/x/") == "estimate"
    assert mod.price_kind("Single-unit release price", "https://www.techpowerup.com/gpu-specs/x") == "list"
    assert mod.price_kind("$65k for 8", "https://www.techradar.com/pro/intel-discloses-list-prices-of-x") == "list"
    assert mod.price_kind("", "https://archive.ph/abc") == "reported_purchase"
    assert mod.map_model("NVIDIA H100 PCIe", "https://anafrashop.com/nvidia-h100-94gb-x")[0] == "nvidia-h100-nvl-94gb"
    assert mod.map_model("NVIDIA A800 PCIe", "https://x")[0] is None


def test_a_row_citing_the_price_file_for_a_value_it_does_not_hold_is_listed(tmp_path):
    snapshot, datasets = write_fixture(tmp_path)
    with (datasets / "hardware_prices.csv").open("a", newline="") as f:
        w = csv.DictWriter(f, fieldnames=PRICE_FIELDS, lineterminator="\n")
        # cites Epoch's file for a page the file never lists
        w.writerow({"accelerator_id": "nvidia-a100-sxm4-80gb", "price_date": "2021-01-01", "price_usd": "15000",
                    "price_kind": "estimate", "source": "epoch2025hardwareprices",
                    "source_url": "https://example.org/elsewhere", "notes": "a press figure"})
        # cites the page itself: not Epoch's file, so not listed whatever the value
        w.writerow({"accelerator_id": "nvidia-a100-sxm4-80gb", "price_date": "2021-02-01", "price_usd": "16000",
                    "price_kind": "estimate", "source": "somepaper2021",
                    "source_url": "https://example.org/early", "notes": "a press figure"})
    out = run_tool(snapshot, "--datasets", datasets).stdout
    unheld = [line for line in out.splitlines() if line.startswith("? ")]
    assert len(unheld) == 3, out
    # the curated Gaudi 2 row cites the file at a URL where the file gives another price
    assert any("intel-gaudi2 2024-06-09 8000" in line and "the snapshot gives 8125" in line for line in unheld)
    assert any("nvidia-a100-sxm4-80gb 2021-01-01" in line and "no row of the snapshot has this URL" in line
               for line in unheld)
    # the H100 import whose price Epoch revised (31250 -> 30000) until the revision is applied
    assert any("nvidia-h100-sxm5-80gb 2025-03-03 31250" in line and "the snapshot gives 30000" in line
               for line in unheld)
    assert "3 citations the snapshot does not hold" in out
    # the row citing the page itself is never listed
    assert not any("2021-02-01" in line for line in unheld)
