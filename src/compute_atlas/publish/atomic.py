"""The atomic publish: a finished build becomes the published one by a single rename.

Layout of the build folder::

    .releases/<id>/          one finished build: the database, csv/, parquet/, datapackage.json, references.bib
    current -> .releases/<id>
    compute_atlas.duckdb -> current/compute_atlas.duckdb    (and csv, parquet, datapackage.json, references.bib)

A build is written into a work folder, moved into ``.releases/`` (a rename that publishes nothing),
then ``current`` is switched to it by renaming a new link over the old one: one atomic step, so the
database and every export change together or not at all, whenever the build is interrupted. The
public paths are links through ``current`` and never change. Releases other than the current one
are removed afterwards; a reader that has the old database open keeps reading it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .. import paths
from .exports import EXPORT_DIRS

RELEASES = ".releases"
CURRENT = "current"
#: What a release holds, each published at build_dir/<name> through ``current``.
PUBLISHED = (paths.DATABASE_FILE, *EXPORT_DIRS, "datapackage.json", "references.bib")


def swap_into_place(work: Path, build_dir: Path) -> None:
    """Publish the finished build in ``work``: move it into the releases, then switch ``current`` to it."""
    releases = build_dir / RELEASES
    releases.mkdir(exist_ok=True)
    release = releases / work.name.lstrip(".")
    os.replace(work, release)  # publishes nothing yet: current still points at the old release
    link = build_dir / f".{CURRENT}-{release.name}"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(Path(RELEASES) / release.name)
    os.replace(link, build_dir / CURRENT)  # the one step that publishes
    _link_public_paths(build_dir)
    _remove_stale(build_dir, keep=release.name)


def _link_public_paths(build_dir: Path) -> None:
    """build_dir/<name> -> current/<name> for every published name (replacing what an older layout left)."""
    for name in PUBLISHED:
        path, target = build_dir / name, Path(CURRENT) / name
        if path.is_symlink() and Path(os.readlink(path)) == target:
            continue
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.is_dir():
            shutil.rmtree(path)
        path.symlink_to(target)


def _remove_stale(build_dir: Path, keep: str) -> None:
    """Releases other than the current one, and what an interrupted publish of an older version left."""
    for release in (build_dir / RELEASES).iterdir():
        if release.name != keep:
            shutil.rmtree(release, ignore_errors=True)
    for leftover in build_dir.glob(".old-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for link in build_dir.glob(f".{CURRENT}-*"):
        link.unlink(missing_ok=True)
