"""The package ships everything a build needs: pyproject.toml's package list matches the folders on disk, and
the package data covers every file of the pipeline and the site's sources (`.ci/run` builds the data from an
installed wheel in another folder)."""

import tomllib
from fnmatch import fnmatch
from pathlib import Path

from compute_atlas import paths

from conftest import CHECKOUT

PYPROJECT = tomllib.loads((CHECKOUT / "pyproject.toml").read_text())["tool"]["setuptools"]


def folder_of(package: str) -> Path:
    """Where setuptools takes a package from, by pyproject's package-dir mapping."""
    mapping = PYPROJECT["package-dir"]
    parts = package.split(".")
    for i in range(len(parts), 0, -1):
        if ".".join(parts[:i]) in mapping:
            return CHECKOUT / mapping[".".join(parts[:i])] / Path(*parts[i:])
    return CHECKOUT / mapping[""] / Path(*parts)


def ships(rel: str, pattern: str) -> bool:
    """setuptools' glob: `*` does not cross a folder."""
    parts, pats = rel.split("/"), pattern.split("/")
    return len(parts) == len(pats) and all(fnmatch(a, b) for a, b in zip(parts, pats))


def test_package_list_is_every_package_on_disk():
    declared = set(PYPROJECT["packages"])
    on_disk = {".".join(p.parent.relative_to(CHECKOUT / "src").parts)
               for p in (CHECKOUT / "src" / "compute_atlas").rglob("__init__.py")}
    assert on_disk - declared == set(), "packages under src/ missing from pyproject.toml's list"
    for package in declared:
        assert (folder_of(package) / "__init__.py").is_file(), f"{package}: no {folder_of(package)}/__init__.py"


def test_pipeline_and_docs_are_shipped_and_found_through_the_package():
    assert paths.PIPELINE_DIR.resolve() == folder_of("compute_atlas.pipeline").resolve()
    assert paths.DOCS_DIR.resolve() == folder_of("compute_atlas.docs").resolve()
    data = PYPROJECT["package-data"]
    for package in ("compute_atlas.pipeline", "compute_atlas.docs", "compute_atlas.site"):  # site: its templates
        root = folder_of(package)
        for path in root.rglob("*"):
            if path.is_dir() or "__pycache__" in path.parts or path.suffix == ".py":
                continue
            rel = path.relative_to(root).as_posix()
            assert any(ships(rel, pattern) for pattern in data[package]), f"{package}: {rel} would not ship"
