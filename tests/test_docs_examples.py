"""Every example of the querying guide runs against the built database."""

import re
import subprocess
import sys

import duckdb
import pytest

from compute_atlas import paths

GUIDE = (paths.DOCS_DIR / "querying.md").read_text()
SQL = re.findall(r"```sql\n(.*?)```", GUIDE, re.S)
PYTHON = re.findall(r"```python\n(.*?)```", GUIDE, re.S)


def test_the_guide_has_examples():
    assert len(SQL) >= 4 and len(PYTHON) >= 3


@pytest.mark.parametrize("sql", SQL, ids=[f"sql{i}" for i in range(len(SQL))])
def test_sql_example_runs_and_returns_rows(sql, built):
    con = duckdb.connect(str(built / "compute_atlas.duckdb"), read_only=True)
    assert con.execute(sql).fetchall()


@pytest.mark.parametrize("code", PYTHON, ids=[f"python{i}" for i in range(len(PYTHON))])
def test_python_example_runs(code, built):
    code = code.replace('"build/', f'"{built}/')
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip()
