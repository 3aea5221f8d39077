"""build_info's `changed:<file>`: one git log for every input file gives what each file's own log gives."""

import subprocess

from compute_atlas.publish.build_info import build_time, last_changed


def git(repo, *args, date=None):
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {}
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@localhost", *args], cwd=repo, check=True,
                   capture_output=True, env={**env, "PATH": "/usr/bin:/bin", "HOME": str(repo)})


def own_log(datasets, name):
    """The date each file's own `git log -1` gives (today's where it has uncommitted changes)."""
    log = subprocess.run(["git", "log", "-1", "--format=%cs", "--", name], cwd=datasets, capture_output=True,
                         text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", name], cwd=datasets, capture_output=True,
                           text=True).stdout.strip()
    return (build_time()[:10] if dirty else log) if log else None


def test_one_log_gives_each_files_own_date(tmp_path):
    datasets = tmp_path / "datasets"
    datasets.mkdir()
    git(tmp_path, "init", "-q", "-b", "main")
    for name in ("a.csv", "b.csv", "c.csv"):
        (datasets / name).write_text("x\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "one", date="2024-01-02T00:00:00")
    (datasets / "b.csv").write_text("y\n")
    git(tmp_path, "commit", "-qam", "two", date="2025-03-04T00:00:00")
    git(tmp_path, "checkout", "-qb", "side", "HEAD~1")
    (datasets / "c.csv").write_text("z\n")
    git(tmp_path, "commit", "-qam", "side", date="2025-05-06T00:00:00")
    git(tmp_path, "checkout", "-q", "main")
    git(tmp_path, "merge", "-q", "--no-ff", "-m", "merge", "side", date="2025-07-08T00:00:00")
    (datasets / "a.csv").write_text("dirty\n")  # uncommitted
    (datasets / "d.csv").write_text("new\n")  # untracked: no date
    names = ["a.csv", "b.csv", "c.csv", "d.csv"]
    got = last_changed(datasets, names)
    assert got == {n: own_log(datasets, n) for n in names if own_log(datasets, n)}
    assert got["b.csv"] == "2025-03-04" and got["c.csv"] == "2025-05-06" and got["a.csv"] == build_time()[:10]


def test_each_dataset_says_what_date_it_is_current_to(built):
    """A curated table that declares its as-of column has `current_to:<table>` in build_info and
    `x-data-current-to` in the data package: the newest value of that column (a date, or a year)."""
    import json

    import duckdb

    from compute_atlas.schemas import CURATED

    declared = [r for r in CURATED if r.as_of]
    assert {"accelerators", "training_runs", "inference_prices", "cloud_prices"} <= {r.name for r in declared}
    con = duckdb.connect(str(built / "compute_atlas.duckdb"), read_only=True)
    info = dict(con.execute("SELECT item, value_text FROM build_info WHERE item LIKE 'current_to:%'").fetchall())
    package = {r["name"]: r for r in json.loads((built / "datapackage.json").read_text())["resources"]}
    for rel in declared:
        column = next(c for c in rel.columns() if c.name == rel.as_of)
        assert column.unit in ("date", "year"), (rel.name, rel.as_of)
        newest = con.execute(f'SELECT CAST(max("{rel.as_of}") AS VARCHAR) FROM "{rel.name}"').fetchone()[0]
        assert info[f"current_to:{rel.name}"] == newest
        assert package[rel.name]["x-data-current-to"] == {"date": newest, "column": rel.as_of}
    assert not [k for k in info if k.removeprefix("current_to:") not in {r.name for r in declared}]
