"""Shared fixtures: a private copy of the datasets, and builds of them."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compute_atlas import paths
from compute_atlas.cli import app

#: The checkout these tests run in.
CHECKOUT = Path(__file__).resolve().parents[1]
DATASETS = CHECKOUT / "datasets"


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


def replace_rows(path: Path, rows: list[dict[str, object]]) -> None:
    """Keep the CSV's header and replace its data rows; a column a row leaves out is empty, None is empty."""
    text = path.read_text(encoding="utf-8")
    header = next(csv.reader(io.StringIO(text)))
    for row in rows:
        unknown = set(row) - set(header)
        assert not unknown, f"{path.name} has no column(s) {sorted(unknown)}"
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if row.get(c) is None else str(row[c]) for c in header] for row in rows])
    path.write_text(buf.getvalue(), encoding="utf-8")


def read_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


# --- No test writes into the working tree -------------------------------------------------------

#: Set to False to switch the check off (e.g. while bisecting a failure elsewhere).
CHECK_WORKING_TREE = True
#: Byproducts of running Python and installing the package, never a test's output.
_NOT_OUTPUTS = ("__pycache__", ".egg-info")


def working_tree_state() -> list[str] | None:
    """``git status`` of the checkout's source folders, ignored files included; None outside a git checkout."""
    try:
        result = subprocess.run(
            ["git", "status", "--porcelain", "--ignored=matching", "--untracked-files=all", "--",
             "docs", "datasets", "pipeline", "src"],
            cwd=CHECKOUT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    lines = []
    for line in result.stdout.splitlines():
        path = line[3:]
        if any(part in path for part in _NOT_OUTPUTS):
            continue
        lines.append(line)
    return sorted(lines)


@pytest.fixture(scope="session", autouse=CHECK_WORKING_TREE)
def working_tree_unchanged():
    """The test session leaves ``datasets/``, ``pipeline/``, ``src/`` and ``docs/`` as it found them."""
    before = working_tree_state()
    yield
    if before is not None:
        after = working_tree_state()
        assert after == before, ("the tests changed the working tree (new, changed or deleted files): "
                                 f"{sorted(set(after) ^ set(before))}")


#: Text that would run as script if a page failed to escape dataset text.
PAYLOAD = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">'
#: H100 SXM dense BF16 in the altered build (the shipped value is 9.894e14).
ALTERED_H100_BF16 = "9.5e14"


def sphinx_one_page(tmp_path: Path, built: Path, text: str) -> subprocess.CompletedProcess:
    """Build a site of one page (``text``, MyST) with the project's conf.py over the database in ``built``:
    that page alone, without the pages generated from the database (``atlas_generated_pages=0``)."""
    import os
    import sys

    from compute_atlas.site.layout import BIBFILE

    docs = tmp_path / "docs"
    docs.mkdir(parents=True)
    (docs / "conf.py").write_text((paths.DOCS_DIR / "conf.py").read_text())
    shutil.copytree(paths.DOCS_DIR / "_static", docs / "_static")
    (docs / "index.md").write_text(text)
    shutil.copy2(built / "references.bib", docs / BIBFILE)
    return subprocess.run([sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", "-D", "atlas_generated_pages=0",
                           "-D", f"atlas_database={built / 'compute_atlas.duckdb'}", str(docs), str(tmp_path / "out")],
                          capture_output=True, text=True, env={**os.environ, "COMPUTE_ATLAS_BUILD_DIR": str(built)})


#: A page that uses the extension's roles with names that the database has (the tests of an unknown name
#: build the same page with an unknown one).
KNOWN_NAMES_PAGE = ("# T\n\nValue: {atlas-value}`accelerators_count`; window {atlas-value}`parameter_purchase_price_window_months`. "
                    "See {atlas-accelerator}`the chip <nvidia-h100-sxm5-80gb>` and {atlas-model}`the model <gpt-3-175b>`.\n")


@pytest.fixture(scope="session")
def known_names_page(tmp_path_factory, built) -> str:
    """The HTML of ``KNOWN_NAMES_PAGE`` built by ``sphinx_one_page``: it builds without a warning."""
    root = tmp_path_factory.mktemp("one-page")
    proc = sphinx_one_page(root, built, KNOWN_NAMES_PAGE)
    assert proc.returncode == 0, proc.stderr
    return (root / "out" / "index.html").read_text()


def build_with_site(datasets: Path, build_dir: Path) -> Path:
    """`compute-atlas build` of the data and the site; the site folder."""
    result = CliRunner().invoke(app, ["build", "--datasets", str(datasets), "--build-dir", str(build_dir)])
    assert result.exit_code == 0, result.output
    return build_dir / "site"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site built from the shipped datasets."""
    return build_with_site(DATASETS, tmp_path_factory.mktemp("site"))


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
    return build_with_site(data, root / "build")


@pytest.fixture
def rebuildable_site(altered_site, tmp_path):
    """The altered site's build folder and datasets, for a test that edits the data and rebuilds incrementally,
    as a contributor does; both are put back as they were afterwards, for the other tests that read the site.

    (Sphinx rebuilds from scratch in another folder, so the test cannot work on a copy.)"""
    import os
    import types

    build = altered_site.parent
    data = build.parent / "datasets"
    kept = tmp_path / "kept"
    kept.mkdir()
    shutil.copytree(build, kept / "build", symlinks=True)
    shutil.copytree(data, kept / "datasets")
    yield types.SimpleNamespace(build=build, datasets=data)
    for path in (build, data):
        shutil.rmtree(path)
        os.replace(kept / path.name, path)
