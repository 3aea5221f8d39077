"""Build the HTML site from docs/ against the published database."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .. import paths


class SiteError(Exception):
    pass


def build_site(build_dir: Path, docs_dir: Path = paths.DOCS_DIR) -> Path:
    """Run Sphinx (warnings are errors) into a persistent work folder, so that
    rebuilds are incremental, then publish a copy to ``build_dir/site``
    atomically, with the database's exports under ``downloads/``."""
    build_dir = build_dir.resolve()
    db = build_dir / paths.DATABASE_FILE
    if not db.exists():
        raise SiteError(f"no database at {db}; build the data first")
    work = build_dir / ".sphinx"
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q",
           "-d", str(work / "doctrees"), "-D", f"atlas_database={db}", str(docs_dir), str(work / "html")]
    env = {**os.environ, "COMPUTE_ATLAS_BUILD_DIR": str(build_dir)}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise SiteError("Sphinx failed:\n" + (proc.stderr or proc.stdout)[-6000:])
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=build_dir))
    try:
        shutil.copytree(work / "html", staging / "site", ignore=shutil.ignore_patterns("*.sha256"))
        for sub in ("csv", "parquet"):
            shutil.copytree(build_dir / sub, staging / "site" / "downloads" / sub)
        shutil.copy2(build_dir / paths.DATABASE_FILE, staging / "site" / "downloads" / paths.DATABASE_FILE)
        target, old = build_dir / "site", build_dir / f".old-site-{os.getpid()}"
        if target.exists():
            os.replace(target, old)
        os.replace(staging / "site", target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target
