"""The ``compute-atlas`` command line."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import duckdb
import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import paths
from .problems import DataError, errors, render, to_github, to_json
from .publish.steps import PipelineError

app = typer.Typer(help="Compute Atlas: validate the datasets, build the database and the site, query them.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
out = Console()
err = Console(stderr=True)

def _existing_dir(path: Path) -> Path:
    if not path.is_dir():
        _fail(f"datasets folder not found: {path}")
    return path


DatasetsOpt = Annotated[Path, typer.Option("--datasets", help="Folder of the curated datasets.", callback=_existing_dir)]
BuildOpt = Annotated[Path, typer.Option("--build-dir", help="Folder the database, exports and site go to.")]
EXIT_DATA = 2


class ReportFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


ReportFormatOpt = Annotated[ReportFormat, typer.Option(
    "--format", help="text for people, json for machines, github for forge workflow annotations.")]


class DiffFormat(str, Enum):
    text = "text"
    json = "json"


class QueryFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def _fail(message: str, code: int = EXIT_DATA) -> None:
    err.print(f"[red]error:[/] {message}")
    raise typer.Exit(code)


@app.command()
def validate(
    datasets: DatasetsOpt = Path("datasets"),
    build_dir: BuildOpt = Path("build"),
    fmt: ReportFormatOpt = ReportFormat.text,
) -> None:
    """Check every dataset; report every problem at once. Exit 0 when clean, 2 when not."""
    from .publish.database import validate as run_validate

    loaded = run_validate(datasets)
    if fmt is ReportFormat.json:
        print(to_json(loaded.problems))
    elif fmt is ReportFormat.github:
        if loaded.problems:
            print(to_github(loaded.problems, datasets))
        n_err = len(errors(loaded.problems))
        err.print(f"{n_err} error(s), {len(loaded.problems) - n_err} warning(s) in {datasets}", highlight=False)
    else:
        render(loaded.problems, err)
        if not errors(loaded.problems):
            out.print(f"[green]ok[/]: {len(loaded.hashes)} files in {datasets} are valid")
    raise typer.Exit(EXIT_DATA if errors(loaded.problems) else 0)


@app.command()
def build(
    datasets: DatasetsOpt = Path("datasets"),
    build_dir: BuildOpt = Path("build"),
    site: Annotated[bool, typer.Option("--site/--no-site", help="Also build the HTML site.")] = True,
) -> None:
    """Validate, derive and publish the database, its exports and (unless --no-site) the site."""
    from .publish.database import build_database

    with err.status("building") as status:
        try:
            loaded = build_database(datasets, build_dir,
                               on_step=lambda s: (status.update(f"[bold]{s}[/]"), err.print(f"  {s}")))
        except DataError as exc:
            render(exc.problems, err)
            _fail("the data has errors; nothing was published")
        except PipelineError as exc:
            _fail(f"pipeline: {exc}", 1)
    render(loaded.problems, err)  # warnings only
    out.print(f"[green]published[/] {build_dir / paths.DATABASE_FILE}, {build_dir / 'parquet'}, {build_dir / 'csv'}")
    if site:
        from .site.builder import SiteError, render_site

        with err.status("building the site"):
            try:
                path = render_site(build_dir)
            except SiteError as exc:
                _fail(f"site: {exc}", 1)
        out.print(f"[green]site[/] {path / 'index.html'}")


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="SQL to run against the published database (read-only).")],
    datasets: DatasetsOpt = Path("datasets"),
    build_dir: BuildOpt = Path("build"),
    fmt: Annotated[QueryFormat, typer.Option("--format", help="Output format.")] = QueryFormat.table,
) -> None:
    """Run SQL against the published database, opened read-only."""
    db = build_dir / paths.DATABASE_FILE
    if not db.exists():
        _fail(f"no database at {db}: run `compute-atlas build --no-site` first")
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description] if cur.description else []
        rows = cur.fetchall()
    except duckdb.Error as exc:
        message = str(exc).splitlines()[0]
        if "read-only" in message.lower():
            message += " (the published database is read-only; change datasets/ and rebuild instead)"
        _fail(message)
    finally:
        con.close()
    if fmt is QueryFormat.json:
        print(json.dumps([dict(zip(cols, r)) for r in rows], default=str, indent=2))
    elif fmt is QueryFormat.csv:
        import csv

        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(cols)
        w.writerows(rows)
    else:
        table = Table(*cols)
        for r in rows:
            table.add_row(*("" if v is None else str(v) for v in r))
        out.print(table)


def _sig(v, digits: int = 3) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:.{digits}g}"
    return str(v)


@app.command()
def estimate(
    flop: Annotated[float | None, typer.Option("--flop", help="Training (or inference) compute in FLOP.")] = None,
    parameters: Annotated[float | None, typer.Option(
        "--parameters", help="Model parameters (active parameters of a mixture of experts).")] = None,
    tokens: Annotated[float | None, typer.Option(
        "--tokens", help="Training tokens (6·N·D), or with --inference the tokens processed (2·N each).")] = None,
    run: Annotated[str | None, typer.Option("--run", help="A training run of the catalogue (run_id): its "
                                            "compute, and unless given its chip, count and precision.")] = None,
    inference: Annotated[bool, typer.Option("--inference", help="An inference workload, not a training run.")] = False,
    tokens_per_day: Annotated[float | None, typer.Option("--tokens-per-day", help="Inference tokens per day.")] = None,
    days: Annotated[float | None, typer.Option("--days", help="Days of --tokens-per-day (default 1).")] = None,
    accelerator: Annotated[str | None, typer.Option("--accelerator", help="Chip: id, alias or name.")] = None,
    all_accelerators: Annotated[bool, typer.Option("--all-accelerators",
                                                   help="The job on every chip, cheapest first.")] = False,
    segment: Annotated[str | None, typer.Option("--segment", help="With --all-accelerators: one market segment "
                                                "(data_centre, workstation, consumer).")] = None,
    count: Annotated[int | None, typer.Option("--count", help="Number of chips (default 1, or the run's).")] = None,
    precision: Annotated[str | None, typer.Option("--precision", help="fp32, tf32, bf16, fp16, fp8, ... "
                                                  "(default BF16 where the chip has it).")] = None,
    utilization: Annotated[float | None, typer.Option("--utilization", help="Achieved over dense peak, 0 to 1 "
                                                      "(default: measured, else assumed).")] = None,
    pricing: Annotated[str | None, typer.Option("--pricing", help="on_demand, commit_1y, commit_3y, spot or "
                                                "ownership (default on_demand where priced).")] = None,
    region: Annotated[str | None, typer.Option("--region", help="Electricity region (id or name of the "
                                               "electricity table) for price and carbon intensity.")] = None,
    pue: Annotated[float | None, typer.Option("--pue", help="Power usage effectiveness (default: assumption pue).")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Use the prices nearest this date (default today).")] = None,
    datasets: DatasetsOpt = Path("datasets"),
    build_dir: BuildOpt = Path("build"),
    fmt: Annotated[QueryFormat, typer.Option("--format", help="Output format.")] = QueryFormat.table,
) -> None:
    """Estimate a job's time, chip-hours, energy, emissions and cost on a chip (or every chip), with ranges and
    the rows used, from the published database."""
    from . import estimator as est

    job = dict(flop=flop, parameters=parameters, tokens=tokens, run_id=run, inference=inference,
               tokens_per_day=tokens_per_day, days=days, count=count, precision=precision,
               utilization=utilization, pricing=pricing, region=region, pue=pue, date=date)
    try:
        with est.open(build_dir) as db:
            if all_accelerators:
                if accelerator is not None:
                    _fail("give --accelerator or --all-accelerators, not both")
                rows = [e.row() for e in est.estimate_all(**job, segment=segment, db=db)]
            else:
                one = est.estimate(**job, accelerator=accelerator, db=db)
    except est.EstimateError as exc:
        _fail(escape(str(exc)))
    if all_accelerators:
        if fmt is QueryFormat.json:
            print(json.dumps(rows, default=str, indent=2))
        elif fmt is QueryFormat.csv:
            import csv

            w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
        else:
            table = Table("chip", "chip-hours", "kWh", "kg CO2e", "cost US$ (range)", "owning US$", "lacks")
            for r in rows:
                cost = (f"{_sig(r['cost_usd'])} ({_sig(r['cost_usd_low'], 2)}–{_sig(r['cost_usd_high'], 2)})"
                        if r["cost_usd"] is not None else "—")
                table.add_row(escape(f"{r['name']} ({r['precision'] or '?'})"), _sig(r["chip_hours"]),
                              _sig(r["energy_kwh"]), _sig(r["emissions_kg_co2e"]), cost,
                              _sig(r["ownership_cost_usd"]), escape(r["missing"]))
            out.print(table)
        return
    d = one.as_dict()
    if fmt is QueryFormat.json:
        print(json.dumps(d, default=str, indent=2))
        return
    quantities = [("utilization_frac", one.utilization), ("wall_clock_hours", one.wall_clock_hours),
                  ("chip_hours", one.chip_hours), ("power_per_chip_watts", one.power_per_chip_watts),
                  ("energy_kwh", one.energy_kwh), ("emissions_kg_co2e", one.emissions_kg_co2e),
                  *((f"cost_usd ({p})", r) for p, r in one.cost_usd_by_pricing.items())]
    if fmt is QueryFormat.csv:
        import csv

        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["quantity", "value", "low", "high"])
        w.writerows([q, r.value, r.low, r.high] for q, r in quantities)
        return
    out.print(f"[bold]{escape(one.job)}[/] of {one.flop:.3g} FLOP ({escape(one.flop_basis)}) on "
              f"{one.accelerator_count} × {escape(one.accelerator_name)}, {escape(str(one.precision).upper())} "
              f"({escape(one.precision_basis)}); utilization {escape(one.utilization_basis)}", highlight=False)
    table = Table("quantity", "value", "low", "high")
    for q, r in quantities:
        table.add_row(q, _sig(r.value), _sig(r.low), _sig(r.high))
    out.print(table)
    for p, why in one.price_basis.items():
        out.print(f"  {p}: {escape(why)}", highlight=False)
    for note in one.missing:
        out.print(f"  [yellow]note[/]: {escape(note)}", highlight=False)
    src = Table("table", "key", "source", "used for")
    for s in one.sources:
        src.add_row(escape(s.table), escape(s.key), escape(s.source or ""), escape(s.used_for))
    out.print(src)


@app.command()
def diff(
    rev: Annotated[str, typer.Argument(help="Git revision to compare the datasets with (e.g. main, HEAD~3).")],
    datasets: DatasetsOpt = Path("datasets"),
    build_dir: BuildOpt = Path("build"),
    fmt: Annotated[DiffFormat, typer.Option("--format", help="text for people, json for machines.")] = DiffFormat.text,
    curated_only: Annotated[bool, typer.Option(
        "--curated-only", help="Compare the curated rows only (no builds): skip the derived tables and headline "
                               "figures.")] = False,
) -> None:
    """What changed in the data since REV: rows added, removed and changed per table, then what that did to the
    derived tables and the headline figures (REV's datasets built with today's pipeline, against today's)."""
    import tempfile

    from .diff import DiffError, derived_diff
    from .diff import diff as run_diff

    with tempfile.TemporaryDirectory() as tmp:
        try:
            tables = run_diff(datasets, rev, Path(tmp))
            derived = None if curated_only else derived_diff(
                datasets, rev, Path(tmp), build_dir, on_step=lambda s: err.print(f"  {s}", highlight=False))
        except DiffError as exc:
            _fail(str(exc))
        except DataError as exc:  # today's datasets (REV's are reported as not compared)
            render(exc.problems, err)
            _fail("the datasets have errors: fix them, or compare with --curated-only")
    if fmt is DiffFormat.json:
        out_rows = [{**t.as_dict(), "kind": "curated"} for t in tables if not t.empty]
        if derived is not None:
            out_rows += [{**t.as_dict(), "kind": "derived"} for t in derived.tables]
            out_rows.append({"table": "headline_figures", "kind": "figures", "skipped": derived.skipped,
                             "changed": [{"figure_id": f, "old": o, "new": n, "unit": u, "description": d}
                                         for f, o, n, u, d in derived.figures]})
        print(json.dumps(out_rows, indent=2))
        return
    changed = [t for t in tables if not t.empty]
    if not changed:
        out.print(f"no change in the data since {rev}")
    for t in changed:
        out.print(f"[bold]{t.table}[/]: {len(t.added)} added, {len(t.removed)} removed, {len(t.changed)} changed",
                  highlight=False)
        for k in t.added:
            out.print(f"  [green]+[/] {escape(k)}", highlight=False)
        for k in t.removed:
            out.print(f"  [red]-[/] {escape(k)}", highlight=False)
        for k, fields in t.changed.items():
            out.print(f"  [yellow]~[/] {escape(k)}", highlight=False)
            for col, old, new in fields:
                out.print(f"      {col}: {escape(repr(old))} -> {escape(repr(new))}", highlight=False)
    if derived is None:
        return
    if derived.skipped:
        out.print(f"[yellow]derived tables not compared[/]: {escape(derived.skipped)}", highlight=False)
        return
    out.print(f"\n[bold]What it did to the findings[/] (the datasets of {escape(rev)} and today's, both built with "
              "today's pipeline)", highlight=False)
    if not derived.figures:
        out.print("  headline figures: none changed", highlight=False)
    for fid, old, new, unit, description in derived.figures:
        out.print(f"  [yellow]~[/] {escape(fid)}: {_figure(old)} -> {_figure(new)} {escape(unit)}  "
                  f"({escape(description)})", highlight=False)
    for t in derived.tables:
        out.print(f"  {t.table}: {len(t.added)} rows added, {len(t.removed)} removed, {len(t.changed)} changed",
                  highlight=False)


def _figure(v: float | None) -> str:
    return "(none)" if v is None else f"{v:.4g}"


@app.command()
def measure(
    datasets: DatasetsOpt = Path("datasets"),
    build_dir: BuildOpt = Path("build"),
    sizes: Annotated[str, typer.Option("--sizes", help="Comma-separated matrix sizes n (default: by device).")] = "",
    repeats: Annotated[int, typer.Option("--repeats", min=1, help="Timed repetitions; the median is reported.")] = 10,
    cpu: Annotated[bool, typer.Option("--cpu", help="Measure the CPU even when a GPU is present.")] = False,
    output: Annotated[Path | None, typer.Option("--output", help="Append the rows to this CSV (e.g. "
                                                "datasets/measurements.csv) instead of printing them.")] = None,
) -> None:
    """Measure achieved matrix-multiply and copy rates here; write rows of `measurements`."""
    from .measure import measure as run_measure
    from .measure import to_csv

    try:
        size_list = [int(s) for s in sizes.split(",") if s.strip()] or None
    except ValueError:
        _fail(f"--sizes must be comma-separated whole numbers, got {sizes!r}")
    rows = run_measure(datasets, size_list, repeats, cpu, log=lambda m: err.print(m, highlight=False))
    if output is None:
        print(to_csv(rows), end="")
        return
    fresh = not output.exists() or output.stat().st_size == 0
    with output.open("a", encoding="utf-8") as f:
        f.write(to_csv(rows, header=fresh))
    out.print(f"appended {len(rows)} rows to {output}; run `compute-atlas validate` before you commit them")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
