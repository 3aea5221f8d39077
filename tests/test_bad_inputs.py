"""The corpus of bad inputs (tests/bad_inputs/cases.toml): each exits 2 with the right location and
message, with no traceback, and leaves the published database as it was."""

import csv
import hashlib
import io
import json
import shutil
import tomllib
from pathlib import Path

import pytest

from compute_atlas.schemas import CURATED

from conftest import DATASETS, cli, edit_csv, row_of

CASES = tomllib.loads((Path(__file__).parent / "bad_inputs" / "cases.toml").read_text())["case"]
KEY_COLUMN = {r.csv_file: r.key[0] for r in CURATED if r.csv_file}


def test_corpus_is_large_and_unique():
    ids = [c["id"] for c in CASES]
    assert len(ids) >= 50 and len(set(ids)) == len(ids)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    build_dir = tmp_path_factory.mktemp("published")
    assert cli("build", "--no-site", "--datasets", DATASETS, "--build-dir", build_dir).exit_code == 0
    return build_dir


def digest(build_dir: Path) -> dict:
    return {str(p.relative_to(build_dir)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(build_dir.rglob("*")) if p.is_file()}


def apply(case: dict, datasets: Path) -> int | None:
    """Make the change; return the line it is on (None when the case says where)."""
    path = datasets / case["file"]
    if "raw_replace" in case:
        old, new = case["raw_replace"]
        data = path.read_bytes()
        assert old.encode() in data, case["id"]
        path.write_bytes(data.replace(old.encode(), new.encode("latin-1" if case.get("latin1") else "utf-8"), 1))
        return None
    if "append" in case:
        text = path.read_text()
        path.write_text(text + case["append"] + "\n")
        return text.count("\n") + 1
    if "row_index" in case:
        index = case["row_index"]
    else:
        index = row_of(path, KEY_COLUMN[case["file"]], case["row"])
    return edit_csv(path, index, case["column"], case["value"])


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_bad_input(case, tmp_path, published):
    datasets = tmp_path / "datasets"
    shutil.copytree(DATASETS, datasets)
    line = apply(case, datasets)
    expect_file = case.get("expect_file", case["file"])
    if "expect_row" in case:
        line = row_of(datasets / expect_file, KEY_COLUMN[expect_file], case["expect_row"]) + 2
    if "expect_line" in case:
        line = {0: None, -1: ...}.get(case["expect_line"], case["expect_line"])
    column = case.get("expect_column", case.get("column"))
    column = column or None

    result = cli("validate", "--datasets", datasets, "--format", "json")
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    problems = [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]
    match = [p for p in problems if p["file"] == expect_file and case["rule"] in p["rule"]
             and (line is ... and p["line"] is not None or p["line"] == line)
             and (column is None or (p["column"] or "").startswith(column))]
    assert match, f"expected {expect_file}:{line} [{column}] '{case['rule']}', got " + json.dumps(problems, indent=1)[:3000]
    if case.get("only"):
        assert len(problems) == 1, json.dumps(problems, indent=1)[:3000]

    before = digest(published)
    built = cli("build", "--no-site", "--datasets", datasets, "--build-dir", published)
    assert built.exit_code == 2
    assert "Traceback" not in built.output
    assert digest(published) == before


def test_rows_stay_parseable_after_edits():
    """The harness itself: an edit keeps the file a valid CSV with the same header."""
    text = (DATASETS / "accelerators.csv").read_text()
    rows = list(csv.reader(io.StringIO(text)))
    assert all(len(r) == len(rows[0]) for r in rows)
