"""value_history: every change of a curated value, from the datasets' git history (a repository made here)."""

import subprocess

import duckdb

from compute_atlas.publish.build_info import build_time
from compute_atlas.publish.history import compare, value_history

HEADER = "accelerator_id,alias,context,source\n"


def git(repo, *args, date=None):
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {}
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@localhost", *args], cwd=repo, check=True,
                   capture_output=True, env={**env, "PATH": "/usr/bin:/bin", "HOME": str(repo)})


def write(path, *rows, header=HEADER):
    path.write_text(header + "".join(rows))


def changes(history):
    """(date, subject, key, column, kind, old, new) of each row, without the file and the commit id."""
    return {(r[8], r[11], r[1], r[4], r[5], r[6], r[7]) for r in history.rows}


def make_repo(tmp_path):
    repo = tmp_path / "repo"
    datasets = repo / "datasets"
    datasets.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    path = datasets / "accelerator_aliases.csv"
    write(path, "h100,H100,x,s1\n", "a100,A100,x,s1\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "one", date="2024-01-02T00:00:00")
    write(path, "h100,H100,y,s1\n", "a100,A100,x,s1\n", "mi300x,MI300X,x,s2\n")
    git(repo, "commit", "-qam", "two", date="2024-03-04T00:00:00")
    # a branch's change counts on the day main took it (the merge), not the branch's commit day
    git(repo, "checkout", "-qb", "side")
    write(path, "h100,H100,y,s1\n", "mi300x,MI300X,x,s3\n")
    git(repo, "commit", "-qam", "side: drop the A100 alias", date="2024-05-06T00:00:00")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "merge side", "side", date="2024-07-08T00:00:00")
    return repo, datasets, path


def test_each_change_of_a_value_with_its_date_commit_and_subject(tmp_path):
    repo, datasets, path = make_repo(tmp_path)
    got = changes(value_history(datasets, ["accelerator_aliases.csv"]))
    assert got == {
        ("2024-01-02", "one", "H100", None, "added", None, None),
        ("2024-01-02", "one", "A100", None, "added", None, None),
        ("2024-03-04", "two", "H100", "context", "changed", "x", "y"),
        ("2024-03-04", "two", "MI300X", None, "added", None, None),
        ("2024-07-08", "merge side", "MI300X", "source", "changed", "s2", "s3"),
        # a removed row leaves its last values, one row each
        ("2024-07-08", "merge side", "A100", "accelerator_id", "removed", "a100", None),
        ("2024-07-08", "merge side", "A100", "alias", "removed", "A100", None),
        ("2024-07-08", "merge side", "A100", "context", "removed", "x", None),
        ("2024-07-08", "merge side", "A100", "source", "removed", "s1", None),
    }


def test_an_uncommitted_edit_is_todays_change_and_a_rewritten_number_is_none():
    rows = compare("region_id,price\nus,4.0e9\neu,1\n", "region_id,price\nus,4e9\neu,2\n", ("region_id",))
    assert rows == [["eu", None, None, "price", "changed", "1", "2"]]
    # a column a commit adds is not a change of value
    assert compare("alias,context\nH100,x\n", "alias,context,source\nH100,x,s1\n", ("alias",)) == []


def test_uncommitted_edits_and_the_cache(tmp_path):
    repo, datasets, path = make_repo(tmp_path)
    cache = tmp_path / "build" / ".cache" / "value_history.json"
    first = value_history(datasets, ["accelerator_aliases.csv"], cache)
    assert first.computed == 3 and first.cached == 0 and cache.exists()
    again = value_history(datasets, ["accelerator_aliases.csv"], cache)
    assert again.computed == 0 and again.cached == 3 and again.rows == first.rows
    write(path, "h100,H100,z,s1\n", "mi300x,MI300X,x,s3\n")
    now = value_history(datasets, ["accelerator_aliases.csv"], cache)
    assert now.computed == 0
    assert changes(now) - changes(first) == {(build_time()[:10], None, "H100", "context", "changed", "y", "z")}
    assert [(r[9], r[10]) for r in now.rows if r[9] == "uncommitted"] == [("uncommitted", 4)]


def test_a_shallow_clone_says_where_its_history_stops(tmp_path):
    repo, datasets, path = make_repo(tmp_path)
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow))
    got = value_history(shallow / "datasets", ["accelerator_aliases.csv"])
    assert got.rows == [] and "shallow clone" in got.note and "2024-07-08" in got.note
    outside = tmp_path / "plain"
    outside.mkdir()
    (outside / "accelerator_aliases.csv").write_text(HEADER)
    none = value_history(outside, ["accelerator_aliases.csv"])
    assert none.rows == [] and "not in a git repository" in none.note


def test_the_published_history_answers_what_the_atlas_said_on_a_date(built):
    """The built relation holds the repository's own history: each change's new value is what the row said until
    the next change, and the latest change of each value is the value the dataset holds now."""
    db = duckdb.connect(str(built / "compute_atlas.duckdb"), read_only=True)
    rows = db.execute("SELECT count(*), count(DISTINCT dataset) FROM value_history").fetchone()
    assert rows[0] > 0 and rows[1] > 1
    latest = db.execute("""
        SELECT key_values, new_value FROM value_history
        WHERE dataset = 'electricity.csv' AND column_name = 'carbon_intensity_g_co2e_per_kwh' AND change_kind = 'changed'
        QUALIFY row_number() OVER (PARTITION BY key_values ORDER BY commit_seq DESC) = 1""").fetchall()
    now = dict(db.execute("SELECT region_id, carbon_intensity_g_co2e_per_kwh FROM electricity").fetchall())
    for key, value in latest:
        if key in now and value is not None:
            assert float(value) == now[key], key
