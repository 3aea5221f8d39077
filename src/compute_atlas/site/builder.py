"""Build the HTML site from docs/ against the published database.

Nothing is written under ``docs/``: Sphinx builds from a copy of it, ``<build_dir>/.sphinx/src/docs``, into
which the extension also writes the pages it generates and the Vega bundle. ``.sphinx/src`` mirrors the
repository's layout for what the site reads (``docs/`` and the ``CHANGELOG.md`` beside it, which a page
includes as ``../CHANGELOG.md``). Each build folder has its own copy, so two builds share no file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .. import paths
from .layout import BIBFILE, OUTPUTS

#: Files beside ``docs/`` that its pages include.
BESIDE_DOCS = ("CHANGELOG.md",)


class SiteError(Exception):
    pass


def _generated(rel: str) -> bool:
    return any(rel == g or rel.startswith(g + "/") for g in OUTPUTS)


def copy_if_changed(path: Path, target: Path) -> None:
    """Copy ``path`` to ``target`` unless ``target`` already holds the same bytes (its mtime is then kept).
    A copy is stamped with the current time: Sphinx rereads a page when its file (or an include) is newer
    than its last read, and the original may be older than the last build (``cp -p``, an unpacked archive)."""
    if target.is_file() and not target.is_symlink() and target.read_bytes() == path.read_bytes():
        return
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    elif target.exists() or target.is_symlink():
        target.unlink()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(path, target)
    os.utime(target)


def sync_sources(docs_dir: Path, src: Path) -> None:
    """Make ``src`` a copy of ``docs_dir`` beside the generated files that the extension keeps there.

    Only changed files are copied (``copy_if_changed``), so that unchanged pages keep their mtimes and
    rebuilds stay incremental. Files gone from ``docs_dir`` are deleted, except the generated ones; whatever
    ``docs_dir`` holds at the generated paths (leftovers of older builds) is not copied."""
    wanted: set[str] = set()
    for root, dirs, files in os.walk(docs_dir):
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            rel = path.relative_to(docs_dir).as_posix()
            if _generated(rel):
                continue
            wanted.add(rel)
            copy_if_changed(path, src / rel)
    for root, _dirs, files in os.walk(src, topdown=False):
        folder = Path(root)
        for name in files:
            rel = (folder / name).relative_to(src).as_posix()
            if rel not in wanted and not _generated(rel):
                (folder / name).unlink()
        if folder != src and not _generated(folder.relative_to(src).as_posix()) and not any(folder.iterdir()):
            folder.rmdir()


def render_site(build_dir: Path, docs_dir: Path = paths.DOCS_DIR) -> Path:
    """Sync ``docs_dir`` into a persistent work folder and run Sphinx (warnings are errors) there, so that
    rebuilds are incremental, then publish a copy to ``build_dir/site`` atomically, with the database's
    exports under ``downloads/``."""
    build_dir = build_dir.resolve()
    db = build_dir / paths.DATABASE_FILE
    if not db.exists():
        raise SiteError(f"no database at {db}; build the data first")
    work = build_dir / ".sphinx"
    docs_dir = Path(docs_dir).resolve()
    src = work / "src" / docs_dir.name
    sync_sources(docs_dir, src)
    copy_if_changed(build_dir / "references.bib", src / BIBFILE)
    for name in BESIDE_DOCS:
        if (docs_dir.parent / name).is_file():
            copy_if_changed(docs_dir.parent / name, src.parent / name)
        else:  # an installed package has no checkout beside docs/: say where the file is instead
            (src.parent / name).write_text(f"# {Path(name).stem.title()}\n\nSee `{name}` in the repository.\n")
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q",
           "-d", str(work / "doctrees"), "-D", f"atlas_database={db}", str(src), str(work / "html")]
    env = {**os.environ, "COMPUTE_ATLAS_BUILD_DIR": str(build_dir)}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise SiteError("Sphinx failed:\n" + (proc.stderr or proc.stdout)[-6000:])
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=build_dir))
    try:
        shutil.copytree(work / "html", staging / "site", ignore=shutil.ignore_patterns("*.sha256"))
        for sub in ("csv", "parquet"):
            shutil.copytree(build_dir / sub, staging / "site" / "downloads" / sub)
        for name in (paths.DATABASE_FILE, "datapackage.json"):
            shutil.copy2(build_dir / name, staging / "site" / "downloads" / name)
        target, old = build_dir / "site", build_dir / f".old-site-{os.getpid()}"
        if target.exists():
            os.replace(target, old)
        os.replace(staging / "site", target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target
