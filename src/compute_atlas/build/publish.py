"""The atomic publish: a finished build folder renamed over the published files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .exports import EXPORT_DIRS


def swap_into_place(work: Path, build_dir: Path) -> None:
    """Rename the new exports and database over the old ones."""
    for sub in EXPORT_DIRS:
        target = build_dir / sub
        old = build_dir / f".old-{sub}-{os.getpid()}"
        if target.exists():
            os.replace(target, old)
        os.replace(work / sub, target)
        shutil.rmtree(old, ignore_errors=True)
    os.replace(work / "references.bib", build_dir / "references.bib")
    os.replace(work / "datapackage.json", build_dir / "datapackage.json")
    os.replace(work / "compute_atlas.duckdb", build_dir / "compute_atlas.duckdb")
