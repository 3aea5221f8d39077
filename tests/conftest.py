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
