"""A build interrupted in the middle of publishing (``build.atomic.swap_into_place``).

The publish renames twice: the finished work folder into ``.releases/`` (nothing is published yet),
then a new ``current`` link over the old one (everything is published at once). The public paths
(``compute_atlas.duckdb``, ``csv/``, ``parquet/``, ``datapackage.json``) are links through ``current``.
So an interruption at either rename leaves the old database and the old exports, whole, readable
and consistent with each other; the next build publishes everything and leaves nothing behind.

The interruption is simulated by an ``os.replace`` that fails on its n-th call (``os`` is replaced in
the publish module only): mostly by calling ``swap_into_place`` on a finished build, once through the
CLI's whole build. The build after it runs in another process, as it would after a real crash.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import types

import duckdb
import pytest

from compute_atlas.publish import atomic

from conftest import DATASETS, cli, edit_csv, row_of

pytestmark = pytest.mark.slow

#: The order of os.replace calls in swap_into_place.
INTO_RELEASES, SWITCH_CURRENT = 1, 2
EXPORTS = ("parquet", "csv")
MARK = "changed by the second build"


def digest(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def build(datasets, build_dir):
    return cli("build", "--no-site", "--datasets", datasets, "--build-dir", build_dir)


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The shipped data built (the published state) and changed data built (what a new build swaps in)."""
    root = tmp_path_factory.mktemp("interrupted")
    shutil.copytree(DATASETS, root / "datasets")
    assert build(root / "datasets", root / "old").exit_code == 0
    path = root / "datasets" / "accelerators.csv"
    edit_csv(path, row_of(path, "accelerator_id", "nvidia-h100-sxm5-80gb"), "notes", MARK)
    assert build(root / "datasets", root / "new").exit_code == 0
    return types.SimpleNamespace(datasets=root / "datasets", old=root / "old", new=root / "new",
                                 digests={sub: digest(root / "old" / sub) for sub in EXPORTS},
                                 db=digest(root / "old")["compute_atlas.duckdb"])


def interrupt_on(monkeypatch, n: int) -> None:
    """os.replace, in the publish module only, fails on its n-th call."""
    calls = []

    def replace(src, dst):
        calls.append((src, dst))
        if len(calls) == n:
            raise OSError(f"interrupted at rename {n}: {src} -> {dst}")
        os.replace(src, dst)

    monkeypatch.setattr(atomic, "os", types.SimpleNamespace(replace=replace, readlink=os.readlink))


def interrupted_swap(builds, tmp_path, monkeypatch, n: int):
    """The published state, and a finished build swapped over it, interrupted at rename n."""
    build_dir, work = tmp_path / "build", tmp_path / "build" / ".build-test"
    shutil.copytree(builds.old, build_dir, symlinks=True)
    shutil.copytree(builds.new / atomic.CURRENT, work)
    interrupt_on(monkeypatch, n)
    with pytest.raises(OSError, match="interrupted"):
        atomic.swap_into_place(work, build_dir)
    monkeypatch.undo()
    shutil.rmtree(work, ignore_errors=True)  # as build() does when the swap raises
    return build_dir


def h100_notes(con):
    return con.execute("SELECT notes FROM accelerators WHERE accelerator_id = 'nvidia-h100-sxm5-80gb'").fetchone()[0]


def exported_h100_notes(build_dir, sub="csv"):
    query = (f"read_csv('{build_dir / 'csv' / 'accelerators.csv'}')" if sub == "csv"
             else f"'{build_dir / 'parquet' / 'accelerators.parquet'}'")
    return duckdb.connect().execute(f"SELECT notes FROM {query} "
                                    "WHERE accelerator_id = 'nvidia-h100-sxm5-80gb'").fetchone()[0]


@pytest.mark.parametrize("n", [INTO_RELEASES, SWITCH_CURRENT])
def test_interrupted_swap_keeps_the_old_database_and_exports_together(builds, tmp_path, monkeypatch, n):
    build_dir = interrupted_swap(builds, tmp_path, monkeypatch, n)
    assert digest(build_dir)["compute_atlas.duckdb"] == builds.db
    con = duckdb.connect(str(build_dir / "compute_atlas.duckdb"), read_only=True)
    assert h100_notes(con) != MARK
    assert exported_h100_notes(build_dir, "csv") == exported_h100_notes(build_dir, "parquet") == h100_notes(con)
    con.close()
    for sub in EXPORTS:
        assert digest(build_dir / sub) == builds.digests[sub]


def test_interrupted_swap_through_the_cli_publishes_nothing_new(builds, tmp_path, monkeypatch):
    build_dir = tmp_path / "build"
    shutil.copytree(builds.old, build_dir, symlinks=True)
    interrupt_on(monkeypatch, SWITCH_CURRENT)
    result = build(builds.datasets, build_dir)
    monkeypatch.undo()
    assert result.exit_code != 0 and isinstance(result.exception, OSError), result.output
    assert "published" not in result.output
    assert digest(build_dir)["compute_atlas.duckdb"] == builds.db
    assert digest(build_dir / "csv") == builds.digests["csv"]
    assert not [p for p in build_dir.iterdir() if p.name.startswith(".build-")]  # the work folder is removed


def rebuild_in_another_process(datasets, build_dir):
    # the interrupted build's process is gone: the next build is another process, with another pid
    subprocess.run([sys.executable, "-m", "compute_atlas", "build", "--no-site", "--datasets", str(datasets),
                    "--build-dir", str(build_dir)], check=True, capture_output=True)


@pytest.mark.parametrize("n", [INTO_RELEASES, SWITCH_CURRENT])
def test_next_build_after_an_interrupted_swap_publishes_everything_and_cleans_up(builds, tmp_path, monkeypatch, n):
    build_dir = interrupted_swap(builds, tmp_path, monkeypatch, n)
    rebuild_in_another_process(builds.datasets, build_dir)
    con = duckdb.connect(str(build_dir / "compute_atlas.duckdb"), read_only=True)
    assert h100_notes(con) == MARK
    assert exported_h100_notes(build_dir, "csv") == MARK
    assert exported_h100_notes(build_dir, "parquet") == MARK
    assert not [p.name for p in build_dir.iterdir() if p.name.startswith((".old-", ".build-", ".current-"))]
    assert len(list((build_dir / atomic.RELEASES).iterdir())) == 1


def test_a_build_over_the_old_layout_replaces_it(builds, tmp_path):
    """A build folder of the layout before releases (plain folders and files) is taken over."""
    build_dir = tmp_path / "build"
    (build_dir / "csv").mkdir(parents=True)
    (build_dir / "csv" / "stale.csv").write_text("a\n")
    (build_dir / "compute_atlas.duckdb").write_bytes(b"old")
    (build_dir / ".old-csv-1234").mkdir()
    rebuild_in_another_process(builds.datasets, build_dir)
    assert (build_dir / "csv").is_symlink() and not (build_dir / "csv" / "stale.csv").exists()
    assert not (build_dir / ".old-csv-1234").exists()
    con = duckdb.connect(str(build_dir / "compute_atlas.duckdb"), read_only=True)
    assert h100_notes(con) == MARK
