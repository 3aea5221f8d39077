"""tools/import_genai_prices.py on a small hand-made genai-prices file (tests/fixtures/genai_prices_small.json):
the diff it prints, that nothing is written without --write, and that --write appends rows that validate."""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from pathlib import Path

from conftest import cli

CHECKOUT = Path(__file__).resolve().parents[1]
TOOL = CHECKOUT / "tools" / "import_genai_prices.py"
FIXTURE = CHECKOUT / "tests" / "fixtures" / "genai_prices_small.json"
DATE = "2026-11-15"       # the fixture's snapshot date: the observed_date of the rows it proposes


def load_tool():
    spec = importlib.util.spec_from_file_location("import_genai_prices", TOOL)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_tool(*args) -> str:
    return subprocess.run([sys.executable, str(TOOL), str(FIXTURE), "--snapshot-date", DATE, "--revision", "abc1234",
                           *map(str, args)], capture_output=True, text=True, check=True).stdout


def prepare(datasets: Path) -> Path:
    """The shipped datasets, less the rows of the fixture's new model, plus a row this tool wrote (whose price the
    fixture revises) and a curated row (that the fixture contradicts), both dated the fixture's snapshot date; the
    rows of GPT-5.6 Terra at OpenAI give a context window that the fixture contradicts."""
    tool = load_tool()
    path = datasets / "inference_prices.csv"
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields, rows = list(reader.fieldnames), list(reader)
    runs = {r["run_id"] for r in csv.DictReader((datasets / "training_runs.csv").open(encoding="utf-8"))}
    for key in [("mistral", "mistral-small-2603"), ("anthropic", "claude-haiku-4-5"), ("openai", "gpt-5.5"),
                ("openai", "gpt-5.6-terra")]:
        assert tool.MODELS[key] in runs, key          # the fixture's models are mapped to runs of the atlas
    rows = [r for r in rows if (r["provider"], r["model_version"]) != ("Mistral AI", "mistral-small-2603")]
    terra = [r for r in rows if (r["provider"], r["model_version"]) == ("OpenAI", "gpt-5.6-terra")]
    assert terra                                      # rows the fixture's time-bounded list adds to
    for r in terra:
        r["context_window_tokens"] = "1000000"        # a window other than the fixture's 400000
    ids = {r["price_id"] for r in rows}
    base = dict.fromkeys(fields, "") | {"observed_date": DATE, "price_unit_in_source": "per_mtok",
                                         "source": tool.SOURCE_KEY}
    owned = base | {"price_id": f"anthropic-claude-haiku-4-5-{DATE}", "run_id": "claude-haiku-4-5",
                    "model_version": "claude-haiku-4-5", "provider": "Anthropic", "input_usd_per_mtok": "1",
                    "output_usd_per_mtok": "5", "cached_input_usd_per_mtok": "0.1",
                    "source_url": "https://example.org/anthropic/pricing",
                    "notes": f"{tool.IMPORTED} abc1230 (snapshot {DATE}); as the tool wrote it"}
    curated = base | {"price_id": f"openai-gpt-5-5-{DATE}", "run_id": "gpt-5-5", "model_version": "gpt-5.5",
                      "provider": "OpenAI", "input_usd_per_mtok": "5", "output_usd_per_mtok": "30",
                      "cached_input_usd_per_mtok": "0.5", "source_url": "https://example.org/openai/pricing",
                      "notes": "Read from OpenAI's pricing page by hand"}
    assert not {owned["price_id"], curated["price_id"]} & ids
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows + [owned, curated])
    return path


def test_dry_run_prints_a_reviewable_diff_and_writes_nothing(datasets):
    path = prepare(datasets)
    before = path.read_text(encoding="utf-8")
    out = run_tool("--datasets", datasets)
    assert path.read_text(encoding="utf-8") == before
    assert "dry run: nothing written" in out

    fields = before.splitlines()[0].split(",")
    added = {r["price_id"]: r for r in (dict(zip(fields, next(csv.reader([line[2:]]))))
                                        for line in out.splitlines() if line.startswith("+ "))}
    assert set(added) == {f"openai-gpt-5-6-terra-{DATE}", f"mistral-ai-mistral-small-2603-{DATE}"}, out
    terra = added[f"openai-gpt-5-6-terra-{DATE}"]
    # the time-bounded list in effect on the snapshot date; its start is the effective date
    assert (terra["effective_date"], terra["effective_date_basis"], terra["effective_date_source"]) == (
        "2026-10-01", "price_history", "pydantic2026genaiprices")
    assert (terra["input_usd_per_mtok"], terra["output_usd_per_mtok"], terra["cached_input_usd_per_mtok"]) == (
        "1.7", "10.2", "0.17")                        # the base of a price by context length
    assert "inputs over 272000 tokens pay 3.4" in terra["notes"] and "abc1234" in terra["notes"]
    assert terra["observed_date"] == DATE and terra["source_url"] == "https://example.org/openai/pricing"
    # the atlas's rows of this model give another window: left empty for review, not replaced or contradicted
    assert terra["context_window_tokens"] == ""
    assert "context window of 400000 tokens" in terra["notes"] and "1000000" in terra["notes"]
    new = added[f"mistral-ai-mistral-small-2603-{DATE}"]
    assert (new["run_id"], new["provider"], new["effective_date"], new["effective_date_basis"]) == (
        "mistral-small-4", "Mistral AI", "", "")     # an unconditional list: no effective date
    assert new["context_window_tokens"] == "256000"

    assert (f"~ anthropic-claude-haiku-4-5-{DATE}: input_usd_per_mtok 1 -> 1.3, output_usd_per_mtok 5 -> 5.2, "
            "cached_input_usd_per_mtok 0.1 -> 0.13") in out
    assert f"# curated: openai-gpt-5-5-{DATE}: input_usd_per_mtok 5 (snapshot: 4.4)" in out and "; kept" in out
    assert "! openai gpt-fixture-unmapped | no mapping for this model" in out
    assert "! acme-fixture acme-1 | no mapping for provider 'acme-fixture'" in out
    assert "! openai gpt-5.6-terra | the list before 2026-10-01 is superseded" in out
    assert "! openai gpt-5.6-terra | a list starting 2027-02-01, after the snapshot date" in out
    assert "# 2 to add, 1 to change, 0 present, 1 curated rows differ, 4 left out" in out


def test_write_appends_valid_rows_and_keeps_curated_ones(datasets, tmp_path):
    path = prepare(datasets)
    n_before = len(list(csv.DictReader(path.open(encoding="utf-8"))))
    out = run_tool("--datasets", datasets, "--write")
    assert "# wrote" in out
    rows = {r["price_id"]: r for r in csv.DictReader(path.open(encoding="utf-8"))}
    assert len(rows) == n_before + 2
    assert rows[f"anthropic-claude-haiku-4-5-{DATE}"]["output_usd_per_mtok"] == "5.2"     # revised
    assert rows[f"openai-gpt-5-5-{DATE}"]["input_usd_per_mtok"] == "5"                   # curated: kept
    result = cli("validate", "--datasets", datasets, "--build-dir", tmp_path / "build")
    assert result.exit_code == 0, result.output
    # a second run has nothing left to do but the curated difference
    again = run_tool("--datasets", datasets)
    assert "# 0 to add, 0 to change, 3 present, 1 curated rows differ, 4 left out" in again
    assert "dry run" not in again


def test_which_price_list_is_in_effect():
    tool = load_tool()
    model = {"prices": [{"prices": {"input_mtok": 1, "output_mtok": 2}},
                        {"constraint": {"start_date": "2026-03-01"}, "prices": {"input_mtok": 3, "output_mtok": 4}}]}
    prices, effective, left = tool.in_effect(model, "2026-02-28")
    assert (prices["input_mtok"], effective) == (1, "") and "after the snapshot date" in left[0]
    prices, effective, left = tool.in_effect(model, "2026-03-01")
    assert (prices["input_mtok"], effective) == (3, "2026-03-01") and "superseded" in left[0]
    # a price by time of day is left to a curator: which list is the standard rate is not in the file
    offpeak = {"prices": [{"prices": {"input_mtok": 1, "output_mtok": 2}},
                          {"constraint": {"start_time": "00:30:00Z", "end_time": "16:30:00Z"},
                           "prices": {"input_mtok": 2, "output_mtok": 4}}]}
    prices, effective, left = tool.in_effect(offpeak, "2026-03-01")
    assert prices is None and "conditional price" in left[0]
    assert tool.slug("regional.anthropic.claude-3-5-haiku-20241022-v1:0") == \
        "regional-anthropic-claude-3-5-haiku-20241022-v1-0"


def _commit(repo: Path, day: str, files: dict[str, str], message: str) -> str:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    env = {"GIT_AUTHOR_DATE": f"{day}T12:00:00+00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00+00:00",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "TZ": "UTC", "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "commit", "-q", "-m", message], check=True, env=env)
    return subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True, env=env).stdout.strip()


def _provider(models: str) -> str:
    return f"name: OpenAI\nid: openai\npricing_urls:\n  - https://openai.com/api/pricing/\nmodels:\n{models}"


def _model(mid: str, inp: float, out: float) -> str:
    return f"  - id: {mid}\n    match:\n      equals: {mid}\n    prices:\n      input_mtok: {inp}\n      output_mtok: {out}\n"


def test_git_history_dates_each_price_by_the_first_commit_that_holds_it(tmp_path):
    """--git-history (issue 31): on a small genai-prices repository made here, a price is dated by the first commit
    whose provider file holds it: a model added, another added later, a price changed later still; a later
    commit holding the same price does not move the date, commits after the snapshot date are not read, and a
    price no commit holds is left undated."""
    tool = load_tool()
    repo = tmp_path / "genai-prices"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    f = "prices/providers/openai.yml"
    a = _commit(repo, "2026-06-02", {f: _provider(_model("m-one", 1.0, 4.0))}, "add m-one")
    b = _commit(repo, "2026-06-10", {f: _provider(_model("m-one", 1.0, 4.0) + _model("m-two", 2, 8))}, "m-two")
    _commit(repo, "2026-06-12", {"README.md": "not a price file\n"}, "docs")
    c = _commit(repo, "2026-07-01", {f: _provider(_model("m-one", 0.5, 2.0) + _model("m-two", 2, 8))}, "cut")
    seen = tool.first_seen(repo / ".git")
    assert seen[("openai", "m-one", (1.0, 4.0, None))] == (a, "2026-06-02")
    assert seen[("openai", "m-two", (2.0, 8.0, None))] == (b, "2026-06-10")
    assert seen[("openai", "m-one", (0.5, 2.0, None))] == (c, "2026-07-01")
    assert ("openai", "m-one", (0.5, 2.0, None)) not in tool.first_seen(repo / ".git", until="2026-06-30")

    def addition(mid, inp, out):
        return {"provider": "OpenAI", "model_version": mid, "input_usd_per_mtok": inp, "output_usd_per_mtok": out,
                "cached_input_usd_per_mtok": "", "effective_date": "", "effective_date_basis": "",
                "effective_date_source": "", "notes": "n"}
    rows = [addition("m-one", "0.5", "2"), addition("m-two", "2", "8"), addition("m-two", "3", "9")]
    ids = {("OpenAI", "m-one"): "openai", ("OpenAI", "m-two"): "openai"}
    assert tool.date_by_history(rows, seen, ids) == 2
    assert [r["effective_date"] for r in rows] == ["2026-07-01", "2026-06-10", ""]
    assert rows[0]["effective_date_basis"] == "price_history" and rows[0]["effective_date_source"] == tool.HISTORY_KEY
    assert tool.COMMIT_URL + c in rows[0]["notes"] and rows[2]["notes"] == "n"
