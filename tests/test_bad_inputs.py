"""The corpus of bad inputs (tests/bad_inputs/cases.toml): `compute-atlas validate` exits 2 on each, with the
right location and message and no traceback.

A build of bad data runs the same validation and then stops before publishing; that it publishes nothing is
tested once, in tests/test_publish.py (one test per kind of failure), not once per case."""

import csv
import io
import json
import shutil
import tomllib
from pathlib import Path

import pytest

from compute_atlas.schemas import CURATED

from conftest import DATASETS, cli, edit_csv, read_rows, row_of

CASES = tomllib.loads((Path(__file__).parent / "bad_inputs" / "cases.toml").read_text())["case"]
KEY_COLUMN = {r.csv_file: r.key[0] for r in CURATED if r.csv_file}


def test_corpus_is_large_and_unique():
    ids = [c["id"] for c in CASES]
    assert len(ids) >= 50 and len(set(ids)) == len(ids)


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


def _first_of_each_file(cases: list[dict]) -> list:
    """Every case; `nox -s quick` runs the first case of each file (the others are marked slow)."""
    first: dict[str, str] = {}
    for c in cases:
        first.setdefault(c["file"], c["id"])
    return [pytest.param(c, id=c["id"], marks=() if first[c["file"]] == c["id"] else pytest.mark.slow) for c in cases]


@pytest.mark.parametrize("case", _first_of_each_file(CASES))
def test_bad_input(case, tmp_path):
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



EDITS = [c for c in CASES if "column" in c and "raw_replace" not in c and "append" not in c]


@pytest.mark.parametrize("case", EDITS, ids=[c["id"] for c in EDITS])
def test_an_edit_changes_one_field_and_keeps_the_csv_parseable(case, tmp_path):
    """The harness itself: a case's edit changes exactly its field to its value (quoted as CSV needs), keeps the
    header and every other field, and `apply` returns the line of the file that the edited row starts on."""
    datasets = tmp_path / "datasets"
    datasets.mkdir()
    path = datasets / case["file"]
    shutil.copy2(DATASETS / case["file"], path)
    before = read_rows(path)
    line = apply(case, datasets)
    text = path.read_text(encoding="utf-8")
    after = read_rows(path)
    assert next(csv.reader(io.StringIO(text))) == list(before[0])
    assert len(after) == len(before)
    index, column = line - 2, case["column"]
    assert before[index][column] != case["value"], "the case changes nothing"
    assert after[index][column] == case["value"]
    assert [(i, c) for i, (a, b) in enumerate(zip(before, after)) for c in a if a[c] != b[c]] == [(index, column)]
    if "row" in case:
        assert before[index][KEY_COLUMN[case["file"]]] == case["row"]
    reader, starts, end = csv.reader(io.StringIO(text)), [], 0
    for _ in reader:
        starts.append(end + 1)
        end = reader.line_num
    assert starts[index + 1] == line
