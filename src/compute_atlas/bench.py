"""Benchmark: the shipped data and synthetic data up to 10^7 rows, against DuckDB's own floor.

The floor, in one process: DuckDB's typed ``read_csv`` of the same file into a table (the load floor), then
``COPY`` of it to Parquet and to CSV (the whole floor). Ours: the whole build (validate and load, derive,
publish with every export), each stage timed, against it.

Run with `nox -s bench` (or `python -m compute_atlas.bench`). Writes `build/bench.json` and prints
a table; with `--record`, also writes the site's performance page (`docs/performance.md`) from the same
figures, so that the published figures are always a whole run's. Each measurement runs in a fresh subprocess so that its peak memory (max RSS) is its own.
Budgets are printed beside the figures; nothing here fails on a missed budget.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import paths

SIZES = [10**4, 10**5, 10**6, 10**7]
TABLE = "cloud_prices"
BUDGETS = {
    "load_vs_floor_at_1e7": 1.8,
    "build_vs_floor_at_1e7": 1.5,
    "peak_memory_gb_at_1e7": 1.0,
    "shipped_database_build_s": 1.5,
    "site_full_s": 60.0,
    "site_incremental_s": 5.0,
    "entity_page_kb": 300.0,
    "site_page_kb": 500.0,
}


def entity_pages(html: Path) -> dict[str, tuple[int, int]]:
    """Each entity page of a Sphinx output folder: (mtime in ns, size in bytes)."""
    return {p.relative_to(html).as_posix(): (p.stat().st_mtime_ns, p.stat().st_size)
            for folder in ("accelerators", "models") for p in (html / folder).glob("*.html") if p.name != "index.html"}


def generate(datasets: Path, n: int, seed: int, out: Path) -> None:
    """`n` valid cloud_prices rows, reproducible by seed, for accelerators that exist."""
    import duckdb

    con = duckdb.connect()
    con.execute(f"SELECT setseed({(seed % 1000) / 1000})")
    con.execute("CREATE TABLE acc AS SELECT accelerator_id, CAST(release_date AS DATE) AS release_date, "
                "row_number() OVER (ORDER BY accelerator_id) - 1 AS i "
                "FROM read_csv(?, header=true, all_varchar=true)", [str(datasets / "accelerators.csv")])
    k = con.execute("SELECT count(*) FROM acc").fetchall()[0][0]
    con.execute(f"""
        COPY (
            SELECT 'provider-' || (r % 40) AS provider,
                   'instance-' || (r % 997) AS instance_type,
                   acc.accelerator_id,
                   'region-' || (r % 13) AS cloud_region,
                   ['on_demand', 'commit_1y', 'commit_3y', 'spot'][1 + (r % 4)::INT] AS pricing_model,
                   -- on or after the chip's release, before the day the data were last curated
                   acc.release_date + INTERVAL (r // 1000 % greatest(1, date_diff('day', acc.release_date,
                       DATE '2026-11-01'))) DAY AS price_date,
                   round(0.1 + random() * 20, 4) AS price_usd_per_hour,
                   'epoch2025hardwareprices' AS source,
                   'https://example.org/prices/' || r AS source_url,
                   NULL AS notes
            FROM range({n}) t(r) JOIN acc ON acc.i = (r // 3900000 + r) % {k}
        ) TO '{out}' (HEADER, DELIMITER ',')""")


def _child(args: list[str]) -> dict:
    """Run one measurement in this process and report times and peak memory."""
    kind = args[0]
    result: dict = {}
    if kind == "floor":
        import duckdb

        from .schemas import relation
        from .sql import duckdb_columns

        cols = duckdb_columns(relation(TABLE))
        spec = "{" + ", ".join(f"'{c}': '{t}'" for c, t in cols.items()) + "}"
        con = duckdb.connect(args[2])
        out = Path(args[2]).parent / (Path(args[2]).stem + "-exports")
        out.mkdir(exist_ok=True)
        t = time.perf_counter()
        con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv(?, header=true, auto_detect=false, columns={spec})",
                    [args[1]])
        result["seconds"] = time.perf_counter() - t
        con.execute("CHECKPOINT")
        # the whole floor: the same table's Parquet and CSV exports, from the same connection
        con.execute(f"COPY t TO '{out / 't.parquet'}' (FORMAT parquet, COMPRESSION zstd)")
        con.execute(f"COPY t TO '{out / 't.csv'}' (FORMAT csv, HEADER true)")
        result["whole_seconds"] = time.perf_counter() - t
        con.close()
        shutil.rmtree(out)
    elif kind == "build":
        from .publish.database import build_database

        steps: dict[str, float] = {}
        last = [time.perf_counter(), None]

        def on_step(name: str) -> None:
            now = time.perf_counter()
            if last[1]:
                steps[last[1]] = steps.get(last[1], 0) + now - last[0]
            last[0], last[1] = now, ("derive" if name.startswith("derive") else name)

        t = time.perf_counter()
        build_database(Path(args[1]), Path(args[2]), on_step=on_step)
        on_step("end")
        result["seconds"] = time.perf_counter() - t
        result["steps"] = steps
    elif kind == "site":
        from .site.builder import render_site

        t = time.perf_counter()
        render_site(Path(args[1]))
        result["seconds"] = time.perf_counter() - t
    result["peak_rss_gb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    return result


def run_child(*args: str, timeout: int = 600) -> dict:
    proc = subprocess.run([sys.executable, "-m", "compute_atlas.bench", "--child", *args], capture_output=True,
                          text=True, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def frictionless(csv_path: Path, timeout: int = 180) -> float | None:
    exe = shutil.which("frictionless")
    if not exe:
        return None
    t = time.perf_counter()
    try:  # frictionless refuses absolute paths as unsafe: run it beside the file
        proc = subprocess.run([exe, "validate", csv_path.name], cwd=csv_path.parent, capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if "resource-error" in proc.stdout:
        return None
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES),
                        help="synthetic sizes, comma-separated; empty for none (the shipped data and site only)")
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--datasets", type=Path, default=paths.DEFAULT_DATASETS_DIR)
    parser.add_argument("--build-dir", type=Path, default=paths.DEFAULT_OUTPUT_DIR)
    parser.add_argument("--no-site", action="store_true", help="skip the site timings")
    parser.add_argument("--record", type=Path, nargs="?", const=paths.DOCS_DIR / "performance.md", default=None,
                        help="also write the site's performance page from this run (default docs/performance.md)")
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(args.child)))
        return

    from rich.console import Console
    from rich.table import Table

    console = Console(width=140)
    report: dict = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                                "platform": platform.platform()}, "budgets": BUDGETS, "synthetic": []}
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        console.print("[bold]shipped datasets[/]")
        # a git repository of its own, as a contributor's checkout is, so that the second build differs
        # from the first only by the edited row
        shipped_data = work / "repo" / "datasets"
        shutil.copytree(args.datasets, shipped_data)
        for cmd in (["init", "-q"], ["add", "."], ["-c", "user.name=bench", "-c", "user.email=bench@localhost",
                                                  "commit", "-qm", "bench"]):
            subprocess.run(["git", *cmd], cwd=shipped_data.parent, check=True, capture_output=True)
        shipped = run_child("build", str(shipped_data), str(work / "shipped"))
        report["shipped"] = shipped
        if not args.no_site:
            report["site_full"] = run_child("site", str(work / "shipped"))
            html = work / "shipped" / ".sphinx" / "html"
            before = entity_pages(html)
            largest = max(before, key=lambda p: before[p][1])
            report["entity_pages"] = {"count": len(before), "largest": largest,
                                      "largest_kb": before[largest][1] / 1000}
            from .site.weight import weigh
            w = weigh(html)
            report["site_weight"] = {"total_mb": w.total_bytes / 1e6, "pages": w.pages, "largest": w.largest_page,
                                     "largest_kb": w.largest_bytes / 1000, "pages_over_budget": len(w.over_budget)}
            acc = shipped_data / "accelerators.csv"
            acc.write_text(acc.read_text().replace(",700,vendor_tdp", ",701,vendor_tdp", 1))
            run_child("build", str(shipped_data), str(work / "shipped"))
            report["site_incremental"] = run_child("site", str(work / "shipped"))
            after = entity_pages(html)
            report["entity_pages"]["rewritten_after_one_row"] = sorted(p for p in after if after[p] != before.get(p))
        for n in (int(s) for s in args.sizes.split(",") if s.strip()):
            console.print(f"[bold]synthetic {TABLE}: {n:,} rows[/]")
            data = work / f"data-{n}"
            shutil.copytree(args.datasets, data)
            generate(args.datasets, n, args.seed, data / f"{TABLE}.csv")
            floor = run_child("floor", str(data / f"{TABLE}.csv"), str(work / f"floor-{n}.duckdb"))
            ours = run_child("build", str(data), str(work / f"build-{n}"))
            peer = frictionless(data / f"{TABLE}.csv") if n <= 10**6 else None
            load = ours["steps"].get("validate", 0)
            report["synthetic"].append({
                "rows": n, "csv_bytes": (data / f"{TABLE}.csv").stat().st_size,
                "floor_s": floor["seconds"], "floor_whole_s": floor["whole_seconds"],
                "floor_peak_rss_gb": floor["peak_rss_gb"],
                "validate_and_load_s": load, "derive_s": ours["steps"].get("derive", 0),
                "publish_s": sum(ours["steps"].get(k, 0) for k in ("curated tables", "build info", "export", "publish")),
                "total_s": ours["seconds"], "peak_rss_gb": ours["peak_rss_gb"],
                "stage_share": {k: v / ours["seconds"] for k, v in ours["steps"].items()},
                "load_vs_floor": load / floor["seconds"], "build_vs_floor": ours["seconds"] / floor["whole_seconds"],
                "load_us_per_row": 1e6 * load / n, "build_us_per_row": 1e6 * ours["seconds"] / n,
                "frictionless_s": peer,
            })
            shutil.rmtree(data)
            shutil.rmtree(work / f"build-{n}", ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    args.build_dir.mkdir(parents=True, exist_ok=True)
    (args.build_dir / "bench.json").write_text(json.dumps(report, indent=2))
    table = Table(title=f"Synthetic {TABLE} (budgets at 10^7 rows: load ≤ {BUDGETS['load_vs_floor_at_1e7']}× "
                        f"the load floor, build ≤ {BUDGETS['build_vs_floor_at_1e7']}× the whole floor, "
                        f"peak ≤ {BUDGETS['peak_memory_gb_at_1e7']} GB)")
    for col in ("rows", "load floor s", "validate+load s", "× floor", "whole floor s", "build s", "× floor",
                "µs/row", "peak GB", "frictionless s"):
        table.add_column(col, justify="right")
    for r in report["synthetic"]:
        table.add_row(f"{r['rows']:,}", f"{r['floor_s']:.2f}", f"{r['validate_and_load_s']:.2f}",
                      f"{r['load_vs_floor']:.2f}", f"{r['floor_whole_s']:.2f}", f"{r['total_s']:.2f}",
                      f"{r['build_vs_floor']:.2f}", f"{r['build_us_per_row']:.2f}", f"{r['peak_rss_gb']:.2f}",
                      "" if r["frictionless_s"] is None else f"{r['frictionless_s']:.2f}")
    console.print(table)
    for r in report["synthetic"]:
        console.print(f"{r['rows']:,} rows, share of the build by stage: "
                      + ", ".join(f"{k} {100 * v:.0f} %" for k, v in r["stage_share"].items()))
    s = report["shipped"]
    console.print(f"shipped data: database build {s['seconds']:.2f} s (budget {BUDGETS['shipped_database_build_s']} s), "
                  f"steps {', '.join(f'{k} {v:.2f} s' for k, v in s['steps'].items())}")
    if "site_full" in report:
        console.print(f"site: full {report['site_full']['seconds']:.1f} s (budget {BUDGETS['site_full_s']} s), "
                      f"incremental {report['site_incremental']['seconds']:.1f} s "
                      f"(budget {BUDGETS['site_incremental_s']} s)")
        e = report["entity_pages"]
        console.print(f"entity pages: {e['count']}, largest {e['largest']} {e['largest_kb']:.0f} kB "
                      f"(budget {BUDGETS['entity_page_kb']:.0f} kB, not counting the shared scripts); "
                      f"{len(e['rewritten_after_one_row'])} rewritten after one row changed")
        w = report["site_weight"]
        console.print(f"site weight: {w['total_mb']:.1f} MB in all, {w['pages']} pages; largest page {w['largest']} "
                      f"{w['largest_kb']:.0f} kB (budget {BUDGETS['site_page_kb']:.0f} kB a page); "
                      f"{w['pages_over_budget']} pages over the budget")
    console.print(f"written {args.build_dir / 'bench.json'}")
    if args.record:
        report["date"] = time.strftime("%Y-%m-%d")
        args.record.write_text(performance_page(report), encoding="utf-8")
        console.print(f"written {args.record}")


def _met(value: float, budget: float, unit: str) -> str:
    """Whether a figure meets its budget, in the figure's unit (" s", "×", " GB")."""
    if value <= budget:
        return f"met (budget {budget:g}{unit})"
    return f"missed by {value - budget:.2g}{unit} (budget {budget:g}{unit})"


def performance_page(report: dict) -> str:
    """The site's performance page: every figure of one bench run, with its budget."""
    m = report["machine"]
    lines = [
        "# Performance",
        "",
        "<!-- Generated by `python -m compute_atlas.bench --record`; edits are overwritten by the next run. -->",
        "",
        f"How fast the atlas builds, measured by `nox -s bench` on {report.get('date', 'an unrecorded date')} "
        f"({m['cpus']} CPUs, Python {m['python']}, {m['platform']}). Each measurement runs in a fresh process; "
        "compare figures within one run, since a shared machine's speed varies.",
        "",
        "## The shipped data",
        "",
    ]
    s = report["shipped"]
    steps = ", ".join(f"{k} {v:.2f} s" for k, v in s["steps"].items())
    lines.append(f"- Database build: {s['seconds']:.2f} s, "
                 f"{_met(s['seconds'], report['budgets']['shipped_database_build_s'], ' s')} ({steps}).")
    if "site_full" in report:
        full, inc = report["site_full"]["seconds"], report["site_incremental"]["seconds"]
        e = report["entity_pages"]
        lines += [
            f"- Site, full build: {full:.1f} s, {_met(full, report['budgets']['site_full_s'], ' s')}.",
            f"- Site, rebuilt after one row changes: {inc:.1f} s, {_met(inc, report['budgets']['site_incremental_s'], ' s')}; "
            f"{len(e['rewritten_after_one_row'])} of {e['count']} entity pages rewritten.",
            f"- Largest entity page: {e['largest_kb']:.0f} kB, {_met(e['largest_kb'], report['budgets']['entity_page_kb'], ' kB')}.",
        ]
        if "site_weight" in report:
            w = report["site_weight"]
            lines.append(f"- Site weight: {w['total_mb']:.1f} MB in all, {w['pages']} HTML pages; the largest page, "
                         f"`{w['largest']}`, {w['largest_kb']:.0f} kB, "
                         f"{_met(w['largest_kb'], report['budgets'].get('site_page_kb', 500.0), ' kB')}.")
    if report["synthetic"]:
        lines += [
            "",
            f"## Synthetic `{TABLE}` tables against DuckDB's own floor",
            "",
            "The load floor is DuckDB's typed `read_csv` of the same file into a table; the whole floor adds "
            "`COPY` of that table to Parquet and CSV. Ours is the whole build: validate and load, derive, publish "
            "with every export.",
            "",
            "| rows | load floor (s) | validate + load (s) | × floor | whole floor (s) | build (s) | × floor "
            "| µs per row | peak memory (GB) |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in report["synthetic"]:
            lines.append(f"| {r['rows']:,} | {r['floor_s']:.2f} | {r['validate_and_load_s']:.2f} | "
                         f"{r['load_vs_floor']:.2f} | {r['floor_whole_s']:.2f} | {r['total_s']:.2f} | "
                         f"{r['build_vs_floor']:.2f} | {r['build_us_per_row']:.2f} | {r['peak_rss_gb']:.2f} |")
        big = max(report["synthetic"], key=lambda r: r["rows"])
        b = report["budgets"]
        lines += [
            "",
            f"At {big['rows']:,} rows: validate and load {big['load_vs_floor']:.2f}× the load floor, "
            f"{_met(big['load_vs_floor'], b['load_vs_floor_at_1e7'], '×')}; the whole build "
            f"{big['build_vs_floor']:.2f}× the whole floor, {_met(big['build_vs_floor'], b['build_vs_floor_at_1e7'], '×')}; "
            f"peak memory {big['peak_rss_gb']:.2f} GB, {_met(big['peak_rss_gb'], b['peak_memory_gb_at_1e7'], ' GB')}. "
            "The budgets are set for 10,000,000 rows.",
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
