"""`compute-atlas diff REV`: rows added, removed and changed since a git revision."""

import json
import shutil
import subprocess

import pytest

from conftest import DATASETS, cli, edit_csv, row_of


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.invalid", "HOME": str(cwd), "PATH": "/usr/bin:/bin"})


@pytest.fixture
def repo(tmp_path):
    """A git repository holding a copy of the shipped datasets, committed as ``HEAD``."""
    repo = tmp_path / "repo"
    shutil.copytree(DATASETS, repo / "datasets")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    return repo


def test_diff_reports_added_removed_and_changed_rows(repo):
    acc = repo / "datasets" / "accelerators.csv"
    edit_csv(acc, row_of(acc, "accelerator_id", "nvidia-h100-sxm5-80gb"), "tdp_watts", "710")
    lines = acc.read_text().splitlines(keepends=True)
    removed = lines[1].split(",")[0]
    new_row = lines[2].replace(lines[2].split(",")[0], "zz-new-chip", 1)
    acc.write_text(lines[0] + "".join(lines[2:]) + new_row)

    result = cli("diff", "HEAD", "--datasets", repo / "datasets", "--format", "json", "--curated-only")
    assert result.exit_code == 0, result.output
    (acc_diff,) = [t for t in json.loads(result.stdout) if t["table"] == "accelerators"]
    assert acc_diff["added"] == ["zz-new-chip"]
    assert acc_diff["removed"] == [removed]
    assert acc_diff["changed"] == {"nvidia-h100-sxm5-80gb": [{"column": "tdp_watts", "old": "700", "new": "710"}]}
    assert "1 added, 1 removed, 1 changed" in cli("diff", "HEAD", "--datasets", repo / "datasets", "--curated-only").stdout


def test_diff_unknown_revision_is_a_clear_error(repo):
    result = cli("diff", "no-such-rev", "--datasets", repo / "datasets")
    assert result.exit_code == 2 and "unknown git revision" in result.output


def test_diff_of_curated_rows_shows_every_edit_of_a_value_as_written(repo):
    """A curated value is compared as its text: an edit smaller than the derived tables' numeric tolerance is
    still an edit a reviewer sees."""
    acc = repo / "datasets" / "accelerators.csv"
    edit_csv(acc, row_of(acc, "accelerator_id", "nvidia-h100-sxm5-80gb"), "tdp_watts", "700.0000001")
    result = cli("diff", "HEAD", "--datasets", repo / "datasets", "--format", "json", "--curated-only")
    assert result.exit_code == 0, result.output
    (acc_diff,) = [t for t in json.loads(result.stdout) if t["table"] == "accelerators"]
    assert acc_diff["changed"] == {
        "nvidia-h100-sxm5-80gb": [{"column": "tdp_watts", "old": "700", "new": "700.0000001"}]}


def test_diff_says_what_a_change_did_to_the_derived_tables_and_headline_figures(repo, tmp_path):
    """REV's datasets and today's, both built with today's pipeline: a chip's TDP moves its per-watt rates, and a
    headline figure that quotes a changed value is listed with both values."""
    acc = repo / "datasets" / "accelerators.csv"
    row = row_of(acc, "accelerator_id", "nvidia-h100-sxm5-80gb")
    edit_csv(acc, row, "tdp_watts", "710")

    result = cli("diff", "HEAD", "--datasets", repo / "datasets", "--build-dir", tmp_path / "build", "--format", "json")
    assert result.exit_code == 0, result.output
    by_table = {(t["kind"], t["table"]): t for t in json.loads(result.stdout)}
    eff = by_table[("derived", "accelerator_efficiency")]["changed"]
    h100 = {k: v for k, v in eff.items() if k.startswith("nvidia-h100-sxm5-80gb |")}
    assert h100 and all(any(c["column"] == "flop_per_s_per_watt" for c in cols) for cols in h100.values())
    figures = by_table[("figures", "headline_figures")]
    assert figures["skipped"] is None
    assert all(f["old"] != f["new"] for f in figures["changed"])


def test_compare_databases_lists_changed_figures_and_rows(tmp_path):
    import duckdb

    from compute_atlas.diff import compare_databases

    def make(path, value, eff):
        con = duckdb.connect(str(path))
        con.execute("CREATE TABLE headline_figures (figure_id VARCHAR, value DOUBLE, unit VARCHAR, description VARCHAR)")
        con.execute("INSERT INTO headline_figures VALUES ('a', ?, 'x', 'A.'), ('b', 2, 'x', 'B.')", [value])
        con.execute("CREATE TABLE accelerator_efficiency (accelerator_id VARCHAR, precision VARCHAR, "
                    "flop_per_s_per_watt DOUBLE)")
        con.execute("INSERT INTO accelerator_efficiency VALUES ('h100', 'bf16', ?)", [eff])
        con.close()

    make(tmp_path / "old.duckdb", 1.0, 1e12)
    make(tmp_path / "new.duckdb", 1.5, 1e12 * (1 + 1e-12))  # noise below the tolerance is no change
    got = compare_databases(tmp_path / "old.duckdb", tmp_path / "new.duckdb")
    assert got.figures == [("a", 1.0, 1.5, "x", "A.")] and got.tables == []
    make(tmp_path / "newer.duckdb", 1.0, 2e12)
    got = compare_databases(tmp_path / "old.duckdb", tmp_path / "newer.duckdb")
    assert got.figures == [] and [t.changed for t in got.tables] == [
        {"h100 | bf16": [("flop_per_s_per_watt", "1000000000000.0", "2000000000000.0")]}]


def test_diff_with_a_revision_whose_data_fail_todays_checks_compares_rows_only(repo, tmp_path):
    acc = repo / "datasets" / "accelerators.csv"
    row = row_of(acc, "accelerator_id", "nvidia-h100-sxm5-80gb")
    edit_csv(acc, row, "tdp_watts", "-5")
    git(repo, "commit", "-qam", "bad")
    edit_csv(acc, row, "tdp_watts", "700")
    result = cli("diff", "HEAD", "--datasets", repo / "datasets", "--build-dir", tmp_path / "build")
    assert result.exit_code == 0, result.output
    assert "tdp_watts: '-5' -> '700'" in result.stdout
    assert "derived tables not compared" in result.stdout and "do not pass today's checks" in result.stdout


def test_diff_reuses_a_build_of_exactly_todays_datasets(built, tmp_path):
    """`diff` builds today's datasets only when the build folder's database was built from other files."""
    from compute_atlas.diff import _fresh_database

    assert _fresh_database(DATASETS, built) == built / "compute_atlas.duckdb"
    copy = tmp_path / "datasets"
    shutil.copytree(DATASETS, copy)
    acc = copy / "accelerators.csv"
    edit_csv(acc, row_of(acc, "accelerator_id", "nvidia-h100-sxm5-80gb"), "tdp_watts", "710")
    assert _fresh_database(copy, built) is None
    assert _fresh_database(DATASETS, tmp_path / "no-build") is None
