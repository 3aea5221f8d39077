"""The Frictionless data package the build writes beside the exports."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from compute_atlas.schemas import RELATIONS


def frictionless(path: Path) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("frictionless")
    return subprocess.run([str(exe), "validate", "--json", str(path)], capture_output=True, text=True, timeout=600)


def test_datapackage_describes_every_table(built):
    pkg = json.loads((built / "datapackage.json").read_text())
    assert [r["name"] for r in pkg["resources"]] == [r.name for r in RELATIONS]
    acc = next(r for r in pkg["resources"] if r["name"] == "accelerators")
    fields = {f["name"]: f for f in acc["schema"]["fields"]}
    assert fields["bf16_flop_per_s"]["unit"] == "flop_per_s"
    assert fields["accelerator_id"]["constraints"]["required"] is True
    assert acc["schema"]["primaryKey"] == ["accelerator_id"]
    costs = next(r for r in pkg["resources"] if r["name"] == "cloud_prices")
    assert {"fields": ["accelerator_id"], "reference": {"resource": "accelerators", "fields": ["accelerator_id"]}} \
        in costs["schema"]["foreignKeys"]
    assert pkg["licenses"][0]["name"] == "CC-BY-4.0"
    assert any(s.get("citationKey") for s in acc["sources"])


@pytest.mark.slow
def test_frictionless_validates_the_exports(built):
    result = frictionless(built / "datapackage.json")
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["valid"], result.stdout[-3000:]


@pytest.mark.slow
def test_frictionless_catches_a_broken_foreign_key(built, tmp_path):
    copy = tmp_path / "pkg"
    shutil.copytree(built / "csv", copy / "csv")
    shutil.copy2(built / "datapackage.json", copy / "datapackage.json")
    csv = copy / "csv" / "cloud_prices.csv"
    lines = csv.read_text().splitlines()
    header = lines[0].split(",")
    i = header.index("accelerator_id")
    cells = lines[1].split(",")
    cells[i] = "nvidia-no-such-chip"
    lines[1] = ",".join(cells)
    csv.write_text("\n".join(lines) + "\n")
    result = frictionless(copy / "datapackage.json")
    assert result.returncode != 0
    assert "foreign-key" in result.stdout
