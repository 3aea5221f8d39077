"""`compute-atlas diff REV`: rows added, removed and changed since a git revision."""

import json
import shutil
import subprocess

from conftest import DATASETS, cli, edit_csv, row_of


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.invalid", "HOME": str(cwd), "PATH": "/usr/bin:/bin"})


def test_diff_reports_added_removed_and_changed_rows(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(DATASETS, repo / "datasets")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    acc = repo / "datasets" / "accelerators.csv"
    edit_csv(acc, row_of(acc, "accelerator_id", "nvidia-h100-sxm5-80gb"), "tdp_watts", "710")
    lines = acc.read_text().splitlines(keepends=True)
    removed = lines[1].split(",")[0]
    new_row = lines[2].replace(lines[2].split(",")[0], "zz-new-chip", 1)
    acc.write_text(lines[0] + "".join(lines[2:]) + new_row)

    result = cli("diff", "HEAD", "--datasets", repo / "datasets", "--format", "json")
    assert result.exit_code == 0, result.output
    (acc_diff,) = [t for t in json.loads(result.stdout) if t["table"] == "accelerators"]
    assert acc_diff["added"] == ["zz-new-chip"]
    assert acc_diff["removed"] == [removed]
    assert acc_diff["changed"] == {"nvidia-h100-sxm5-80gb": [{"column": "tdp_watts", "old": "700", "new": "710"}]}
    assert "1 added, 1 removed, 1 changed" in cli("diff", "HEAD", "--datasets", repo / "datasets").stdout


def test_diff_unknown_revision_is_a_clear_error(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(DATASETS, repo / "datasets")
    git(repo, "init", "-q")
    result = cli("diff", "no-such-rev", "--datasets", repo / "datasets")
    assert result.exit_code == 2 and "unknown git revision" in result.output
