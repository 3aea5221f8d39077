"""Building and publishing: what the database holds, and that a failed build publishes nothing."""

import functools
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from compute_atlas.schemas import RELATIONS
from compute_atlas.sql import in_one_transaction

from conftest import DATASETS, cli, edit_csv, row_of

H100 = "nvidia-h100-sxm5-80gb"
#: The notes of the H100 in the build that is killed.
KILLED = "changed by the killed build"
PUBLIC = ["accelerators", "glossary", "references", "accelerator_efficiency", "build_info"]


def digest(build_dir):
    """Every published file by its public path (the build folder's links lead into the current release)."""
    root = build_dir / "current"
    files = sorted(p for p in root.rglob("*") if p.is_file())
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def test_database_holds_every_relation_with_comments(built):
    con = duckdb.connect(str(built / "compute_atlas.duckdb"), read_only=True)
    tables = dict(con.execute("SELECT table_name, comment FROM duckdb_tables()").fetchall())
    assert set(PUBLIC) <= set(tables)
    assert {r.name for r in RELATIONS} == set(tables)
    assert all(tables.values())
    empty = con.execute("SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal AND coalesce(comment, '') = ''").fetchall()
    assert empty == []
    for rel in RELATIONS:
        assert (built / "parquet" / f"{rel.name}.parquet").exists()
        assert (built / "csv" / f"{rel.name}.csv").exists()


def test_build_info_records_counts_and_hashes(built):
    con = duckdb.connect(str(built / "compute_atlas.duckdb"), read_only=True)
    info = dict(con.execute("SELECT item, value_text FROM build_info").fetchall())
    n = con.execute("SELECT count(*) FROM accelerators").fetchall()[0][0]
    assert info["rows:accelerators"] == str(n)
    assert len(info["sha256:accelerators.csv"]) == 64
    assert {"schema_version", "git_revision", "built_at"} <= set(info)
    from importlib.metadata import version

    for package in ("duckdb", "pandera", "sphinx", "altair"):
        assert info[f"version:{package}"] == version(package)


def test_accelerator_efficiency_arithmetic(built):
    con = duckdb.connect(str(built / "compute_atlas.duckdb"), read_only=True)
    row = con.execute("""
        SELECT e.peak_flop_per_s, e.flop_per_s_per_watt, e.ridge_point_flop_per_byte, a.bf16_flop_per_s,
               a.tdp_watts, a.memory_bandwidth_bytes_per_s
        FROM accelerator_efficiency e JOIN accelerators a USING (accelerator_id)
        WHERE accelerator_id = 'nvidia-h100-sxm5-80gb' AND precision = 'bf16'""").fetchall()[0]
    peak, per_watt, ridge, bf16, tdp, bw = row
    assert peak == bf16 == 9.894e14
    assert per_watt == peak / tdp
    assert ridge == peak / bw


# --- A failed build publishes nothing: one test per kind of failure --------------------------------------------
# (bad data, a step of the pipeline that breaks its schema, a site that Sphinx cannot build; an interrupted publish
# is tests/test_interrupted.py). Each starts from a copy of the session's build and fails a build over it.


def published_copy(built, tmp_path):
    """A build folder that holds what the session's build published (its links included)."""
    build_dir = tmp_path / "build"
    shutil.copytree(built, build_dir, symlinks=True)
    return build_dir


def test_failed_build_leaves_published_files_untouched(built, datasets, tmp_path):
    """Bad data: the build stops after validation, exit 2, with the problems and no traceback."""
    build_dir = published_copy(built, tmp_path)
    before = digest(build_dir)
    edit_csv(datasets / "accelerators.csv", 0, "memory_bytes", "lots")
    result = cli("build", "--no-site", "--datasets", datasets, "--build-dir", build_dir)
    assert result.exit_code == 2
    assert "nothing was published" in result.output and "must be a number" in result.output
    assert "Traceback" not in result.output
    assert digest(build_dir) == before
    assert not [p for p in build_dir.iterdir() if p.name.startswith(".build-")]


def test_failed_pipeline_step_publishes_nothing(built, tmp_path, monkeypatch):
    """A step whose rows break its relation's schema (a bug in pipeline/): exit 1, the step named, nothing
    published, the work folder removed."""
    from compute_atlas import paths
    from compute_atlas.publish import database

    pipeline = tmp_path / "pipeline"
    shutil.copytree(paths.PIPELINE_DIR, pipeline, ignore=shutil.ignore_patterns("__pycache__"))
    step = pipeline / "accelerator_efficiency.sql"
    sql = step.read_text().strip().rstrip(";")
    step.write_text(f"SELECT * REPLACE (-flop_per_s_per_usd AS flop_per_s_per_usd) FROM (\n{sql}\n)\n")
    monkeypatch.setattr(database, "build_database", functools.partial(database.build_database, pipeline_dir=pipeline))
    build_dir = published_copy(built, tmp_path)
    before = digest(build_dir)
    result = cli("build", "--no-site", "--datasets", DATASETS, "--build-dir", build_dir)
    assert result.exit_code == 1, result.output
    assert "accelerator_efficiency.sql produced rows that break its schema" in result.output
    assert "flop_per_s_per_usd" in result.output and "published" not in result.output
    assert digest(build_dir) == before
    assert not [p for p in build_dir.iterdir() if p.name.startswith(".build-")]


@pytest.mark.site
def test_failed_site_build_leaves_the_published_site_untouched(built, tmp_path, monkeypatch):
    """A page that Sphinx cannot build (an unknown figure): exit 1 with Sphinx's message; the site published
    before stays, whole, and no staging folder is left."""
    from compute_atlas import paths
    from compute_atlas.site import builder

    docs = tmp_path / "docs"
    docs.mkdir()
    # the project's conf.py, without the generated pages (the failure is in the hand-written page)
    (docs / "conf.py").write_text((paths.DOCS_DIR / "conf.py").read_text() + "\natlas_generated_pages = False\n")
    shutil.copytree(paths.DOCS_DIR / "_static", docs / "_static")
    (docs / "index.md").write_text("# T\n\nValue: {atlas-value}`no_such_figure`\n")
    monkeypatch.setattr(builder, "render_site", functools.partial(builder.render_site, docs_dir=docs))
    build_dir = published_copy(built, tmp_path)
    (build_dir / "site" / "dictionary").mkdir(parents=True)  # stands for the site published before
    (build_dir / "site" / "index.html").write_text("the site published before")
    (build_dir / "site" / "dictionary" / "accelerators.html").write_text("its dictionary")
    site_before = {p.relative_to(build_dir).as_posix(): p.read_bytes() for p in (build_dir / "site").rglob("*")
                   if p.is_file()}
    result = cli("build", "--datasets", DATASETS, "--build-dir", build_dir)
    assert result.exit_code == 1, result.output
    output = " ".join(result.output.split())  # the console wraps long lines
    assert "site: Sphinx failed" in output and "Traceback" not in output, output[-3000:]
    assert {p.relative_to(build_dir).as_posix(): p.read_bytes() for p in (build_dir / "site").rglob("*")
            if p.is_file()} == site_before
    assert not [p for p in build_dir.iterdir() if p.name.startswith((".site-", ".old-site-"))]


@pytest.mark.slow
def test_interrupted_build_leaves_previous_database_readable(datasets, tmp_path):
    """A build killed at some moment (SIGKILL, no cleanup) of a build of changed data: an open reader keeps
    reading, and what is published is one build whole, the old or the new, its database and exports alike."""
    build_dir = tmp_path / "build"
    assert cli("build", "--no-site", "--datasets", datasets, "--build-dir", build_dir).exit_code == 0
    before = digest(build_dir)
    acc = datasets / "accelerators.csv"
    edit_csv(acc, row_of(acc, "accelerator_id", H100), "notes", KILLED)
    reader = duckdb.connect(str(build_dir / "compute_atlas.duckdb"), read_only=True)
    n = reader.execute("SELECT count(*) FROM accelerators").fetchall()[0][0]
    proc = subprocess.Popen([sys.executable, "-m", "compute_atlas", "build", "--no-site", "--datasets", str(datasets),
                             "--build-dir", str(build_dir)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)  # mid-way: loading or deriving
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert reader.execute("SELECT count(*) FROM accelerators").fetchall()[0][0] == n  # an open reader keeps working
    reader.close()
    con = duckdb.connect(str(build_dir / "compute_atlas.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM accelerators").fetchall()[0][0] == n
    where = f"WHERE accelerator_id = '{H100}'"
    notes = {"database": con.execute(f"SELECT notes FROM accelerators {where}").fetchone()[0]}
    con.close()
    for sub, source in (("csv", f"read_csv('{build_dir / 'csv' / 'accelerators.csv'}')"),
                        ("parquet", f"'{build_dir / 'parquet' / 'accelerators.parquet'}'")):
        notes[sub] = duckdb.connect().execute(f"SELECT notes FROM {source} {where}").fetchone()[0]
    # never half: the database and its exports come from one build, and it is the old one untouched or the new one
    assert len(set(notes.values())) == 1, notes
    assert digest(build_dir) == before or notes["database"] == KILLED


@pytest.mark.slow
def test_two_builds_from_same_inputs_give_identical_exports(datasets, tmp_path):
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    outs = []
    for name in ("a", "b"):
        build_dir = tmp_path / name
        subprocess.run([sys.executable, "-m", "compute_atlas", "build", "--no-site", "--datasets", str(datasets),
                        "--build-dir", str(build_dir)], check=True, env=env, capture_output=True)
        outs.append({k: v for k, v in digest(build_dir).items() if k.startswith("csv/")})
    assert outs[0] == outs[1] and len(outs[0]) == len(RELATIONS)


def test_query_is_read_only(built):
    result = cli("query", "DELETE FROM accelerators", "--build-dir", built)
    assert result.exit_code == 2
    assert "read-only" in result.output
    con = duckdb.connect(str(built / "compute_atlas.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM accelerators").fetchall()[0][0] > 0


def test_query_formats(built):
    sql = "SELECT accelerator_id, bf16_flop_per_s FROM accelerators WHERE accelerator_id = 'nvidia-h100-sxm5-80gb'"
    assert "nvidia-h100-sxm5-80gb,989400000000000.0" in cli("query", sql, "--build-dir", built, "--format", "csv").stdout
    assert '"bf16_flop_per_s": 989400000000000.0' in cli("query", sql, "--build-dir", built, "--format", "json").stdout
    assert "nvidia-h100-sxm5-80gb" in cli("query", sql, "--build-dir", built).stdout


def test_query_without_database_is_a_clear_error(tmp_path):
    result = cli("query", "SELECT 1", "--build-dir", tmp_path)
    assert result.exit_code == 2 and "no database" in result.output


def test_a_failed_transaction_is_rolled_back_not_left_open():
    con = duckdb.connect()
    con.execute("CREATE TABLE t (a INTEGER)")
    try:
        in_one_transaction(con, ["INSERT INTO t VALUES (1)", "INSERT INTO missing VALUES (2)"])
        raise AssertionError("the missing table should have failed the transaction")
    except duckdb.CatalogException:
        pass
    assert con.execute("SELECT count(*) FROM t").fetchone() == (0,)  # the first insert is undone
    in_one_transaction(con, ["INSERT INTO t VALUES (3)"])  # and the connection takes a new transaction
    assert con.execute("SELECT a FROM t").fetchall() == [(3,)]
