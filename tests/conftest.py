"""Shared fixtures: a private copy of the datasets, and builds of them."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compute_atlas import paths
from compute_atlas.cli import app

DATASETS = paths.ROOT / "datasets"


@pytest.fixture
def datasets(tmp_path: Path) -> Path:
    """A writable copy of the shipped datasets."""
    dst = tmp_path / "datasets"
    shutil.copytree(DATASETS, dst)
    return dst


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The shipped datasets built once (data only) for read-only tests."""
    build_dir = tmp_path_factory.mktemp("built")
    result = CliRunner().invoke(app, ["build", "--no-site", "--datasets", str(DATASETS), "--build-dir", str(build_dir)])
    assert result.exit_code == 0, result.output
    return build_dir


def cli(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args])


def edit_csv(path: Path, row: int, column: str, value: str) -> int:
    """Set one field of data row ``row`` (0-based); return its line number in the file."""
    text = path.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    rows[row + 1][rows[0].index(column)] = value
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return row + 2


def row_of(path: Path, id_column: str, id_value: str) -> int:
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    return next(i for i, r in enumerate(rows) if r[id_column] == id_value)


#: Text that would run as script if a page failed to escape dataset text.
PAYLOAD = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">'
#: H100 SXM dense BF16 in the altered build (the shipped value is 9.894e14).
ALTERED_H100_BF16 = "9.5e14"


def build_site(datasets: Path, build_dir: Path) -> Path:
    result = CliRunner().invoke(app, ["build", "--datasets", str(datasets), "--build-dir", str(build_dir)])
    assert result.exit_code == 0, result.output
    return build_dir / "site"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site built from the shipped datasets."""
    return build_site(DATASETS, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def altered_site(tmp_path_factory) -> Path:
    """The site built from altered data: one headline rate changed, script payloads in dataset text."""
    root = tmp_path_factory.mktemp("altered")
    data = root / "datasets"
    shutil.copytree(DATASETS, data)
    acc = data / "accelerators.csv"
    i = row_of(acc, "accelerator_id", "nvidia-h100-sxm5-80gb")
    edit_csv(acc, i, "bf16_flop_per_s", ALTERED_H100_BF16)
    edit_csv(acc, i, "fp16_flop_per_s", ALTERED_H100_BF16)
    edit_csv(acc, i, "notes", PAYLOAD)
    edit_csv(acc, i, "name", "NVIDIA H100 SXM5 80GB " + PAYLOAD)
    glossary = data / "glossary.csv"
    edit_csv(glossary, row_of(glossary, "term_id", "compute"), "definition", "Compute " + PAYLOAD)
    return build_site(data, root / "build")
