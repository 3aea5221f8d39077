"""Estimate a job: the time, chip-hours, energy, emissions and cost of a training run or an inference workload
on a chip, from the published database (read-only). The arithmetic is defined here once; the command line
(``compute-atlas estimate``) and the Python function (``compute_atlas.estimate``) both call it.

The cost model is the one of ``training_run_costs`` (``pipeline/training_run_costs.sql``), with the same
assumption and parameter rows: power per chip = TDP × (1 + server overhead) × average power fraction (TPU rows
for TPUs), energy = chip-hours × power × PUE; cloud cost = chip-hours × the median on-demand price nearest the
date; ownership = chip-hours × chip price × (1 + server markup) / (1 − interconnect share) / (depreciation
years × hours per year) + energy × electricity price. Given a run's compute, chips, utilization and date it
reproduces that run's row (``tests/test_estimate.py`` holds it to that).

Each result has a central value and a low/high range: the ends of the inputs' ranges taken together (interval
bounds, not a probability interval). The ranges come from the assumption rows' ``low``/``high``, the spread of
the providers' prices, and the utilization range (see :meth:`Inputs.utilization`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import statistics
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from . import paths
from .metadata.vocabularies import PRICING_MODELS

#: FLOP per parameter per token: training (forward and backward, 6·N·D) and inference (forward only, 2·N).
TRAINING_FLOP_PER_PARAMETER_TOKEN = 6
INFERENCE_FLOP_PER_PARAMETER_TOKEN = 2
#: The pricings an estimate can use: the cloud's pricing models and owning the hardware.
PRICINGS = (*PRICING_MODELS, "ownership")
#: The precision an estimate uses unless told, where the chip has a rate in it.
DEFAULT_PRECISION = "bf16"

#: The assumption rows an estimate reads (``assumptions``), as ``training_run_costs`` reads them.
ASSUMPTIONS = ("default-mfu", "pue", "server-power-overhead-frac", "tpu-server-power-overhead-frac",
               "server-avg-power-frac", "tpu-server-avg-power-frac", "hardware-depreciation-years",
               "server-cost-markup-frac", "interconnect-cost-frac", "default-electricity-price-usd-per-kwh",
               "default-carbon-intensity-g-co2e-per-kwh", "cloud-commit-1y-discount-frac",
               "cloud-commit-3y-discount-frac")
_PARAMETERS = ("hours-per-year", "interval-level-frac")


class EstimateError(ValueError):
    """Bad input to an estimate: the message says what is wrong and what would do."""


class NoDatabase(EstimateError, FileNotFoundError):
    """No published database where one was looked for."""


# --------------------------------------------------------------------------------------------------- open()

class Atlas:
    """The published database, opened read-only. ``table(name)`` and ``sql(text)`` return DuckDB relations;
    a relation converts with ``.df()`` (pandas), ``.pl()`` (polars), ``.arrow()`` or ``.fetchall()``."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path):
        self.con = con
        self.path = path

    def tables(self) -> list[str]:
        """The names of the published tables, sorted."""
        return [r[0] for r in self.con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE NOT internal ORDER BY table_name").fetchall()]

    def table(self, name: str) -> duckdb.DuckDBPyRelation:
        if name not in self.tables():
            near = difflib.get_close_matches(name, self.tables(), n=3)
            raise EstimateError(f"no table {name!r} in {self.path}"
                                + (f"; did you mean {', '.join(near)}?" if near else ""))
        return self.con.table(name)

    def sql(self, query: str, params: list | None = None) -> duckdb.DuckDBPyRelation:
        return self.con.sql(query, params=params) if params else self.con.sql(query)

    def describe(self, name: str) -> list[tuple[str, str, str]]:
        """Each column of a table: name, type and its description (the schema's comment)."""
        return self.con.execute("SELECT column_name, data_type, comment FROM duckdb_columns() "
                                "WHERE table_name = ? ORDER BY column_index", [name]).fetchall()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Atlas:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<compute_atlas.Atlas {self.path} (read-only)>"


def open(build_dir: str | Path | None = None) -> Atlas:  # noqa: A001 - the documented name
    """Open the published database of ``build_dir`` (default ``build/`` in the current folder, as the command
    line's ``--build-dir``) read-only."""
    folder = Path(build_dir) if build_dir is not None else paths.DEFAULT_OUTPUT_DIR
    db = folder / paths.DATABASE_FILE
    if not db.exists():
        raise NoDatabase(f"no database at {db}: run `compute-atlas build --no-site` first "
                         "(or pass the folder it was published to)")
    return Atlas(duckdb.connect(str(db), read_only=True), db)


# --------------------------------------------------------------------------------------------- the results

@dataclass
class Range:
    """A central value with the low and high ends of its range (None where unknown)."""
    value: float | None
    low: float | None = None
    high: float | None = None

    def __post_init__(self):
        if self.value is not None:
            self.low = self.value if self.low is None else self.low
            self.high = self.value if self.high is None else self.high

    def scale(self, other: Range) -> Range:
        """The product of two ranges of positive quantities."""
        if self.value is None or other.value is None:
            return Range(None)
        return Range(self.value * other.value, self.low * other.low, self.high * other.high)

    def times(self, k: float) -> Range:
        return Range(None) if self.value is None else Range(self.value * k, self.low * k, self.high * k)

    def plus(self, other: Range) -> Range:
        if self.value is None or other.value is None:
            return Range(None)
        return Range(self.value + other.value, self.low + other.low, self.high + other.high)

    def as_dict(self) -> dict:
        return {"value": self.value, "low": self.low, "high": self.high}


@dataclass
class Source:
    """A row an estimate used: its table, its key, its source (BibTeX keys) and what it was used for."""
    table: str
    key: str
    source: str | None
    used_for: str

    def as_dict(self) -> dict:
        return {"table": self.table, "key": self.key, "source": self.source, "used_for": self.used_for}


@dataclass
class Estimate:
    """One job on one chip. A field that the atlas lacks the data for is None, and ``missing`` says why."""
    job: str
    flop: float
    flop_basis: str
    accelerator_id: str
    accelerator_name: str
    accelerator_count: int
    precision: str | None
    precision_basis: str
    peak_flop_per_s: float | None
    utilization: Range
    utilization_basis: str
    wall_clock_hours: Range
    chip_hours: Range
    power_per_chip_watts: Range
    energy_kwh: Range
    emissions_kg_co2e: Range
    region: str
    electricity_usd_per_kwh: float | None
    carbon_g_co2e_per_kwh: float | None
    pricing: str | None
    cost_usd: Range
    cost_usd_by_pricing: dict[str, Range]
    price_basis: dict[str, str]
    pricings_available: list[str]
    sources: list[Source] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        out = {}
        for k, v in self.__dict__.items():
            if isinstance(v, Range):
                out[k] = v.as_dict()
            elif k == "cost_usd_by_pricing":
                out[k] = {p: r.as_dict() for p, r in v.items()}
            elif k == "sources":
                out[k] = [s.as_dict() for s in v]
            else:
                out[k] = v
        return out

    def row(self) -> dict:
        """One flat row for the table across chips."""
        return {"accelerator_id": self.accelerator_id, "name": self.accelerator_name, "precision": self.precision,
                "utilization_frac": self.utilization.value, "wall_clock_hours": self.wall_clock_hours.value,
                "chip_hours": self.chip_hours.value, "chip_hours_low": self.chip_hours.low,
                "chip_hours_high": self.chip_hours.high, "energy_kwh": self.energy_kwh.value,
                "energy_kwh_low": self.energy_kwh.low, "energy_kwh_high": self.energy_kwh.high,
                "emissions_kg_co2e": self.emissions_kg_co2e.value, "pricing": self.pricing,
                "cost_usd": self.cost_usd.value, "cost_usd_low": self.cost_usd.low,
                "cost_usd_high": self.cost_usd.high,
                "ownership_cost_usd": self.cost_usd_by_pricing.get("ownership", Range(None)).value,
                "missing": "; ".join(self.missing)}


# ---------------------------------------------------------------------------------------------- the inputs

@dataclass
class _Job:
    kind: str
    flop: float
    basis: str
    run: dict | None
    sources: list[Source]


def _positive(name: str, value: float | None) -> float | None:
    if value is None:
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise EstimateError(f"{name} must be a number, got {value!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise EstimateError(f"{name} must be a positive number, got {value!r}")
    return value


def _rows(con, sql: str, params: list | None = None) -> list[dict]:
    cur = con.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _job(con, *, flop, parameters, tokens, run_id, inference, tokens_per_day, days) -> _Job:
    flop = _positive("flop", flop)
    parameters = _positive("parameters", parameters)
    tokens = _positive("tokens", tokens)
    tokens_per_day = _positive("tokens per day", tokens_per_day)
    days = _positive("days", days)
    run = None
    sources: list[Source] = []
    if run_id is not None:
        found = _rows(con, "SELECT * FROM training_runs WHERE run_id = ?", [run_id])
        if not found:
            ids = [r[0] for r in con.execute("SELECT run_id FROM training_runs").fetchall()]
            near = difflib.get_close_matches(run_id, ids, n=5, cutoff=0.5)
            raise EstimateError(f"no training run {run_id!r} in the catalogue"
                                + (f"; nearest: {', '.join(near)}" if near else ""))
        run = found[0]
        sources.append(Source("training_runs", run_id, run["source"], "the job's size"))
    if tokens_per_day is not None:
        if tokens is not None:
            raise EstimateError("give tokens or tokens per day (with days), not both")
        tokens = tokens_per_day * (days or 1)
    elif days is not None:
        raise EstimateError("days goes with tokens per day")
    if inference:
        if flop is not None:
            return _Job("inference", flop, "given", run, sources)
        n = parameters or (run and run["parameters"])
        if tokens is None or not n:
            raise EstimateError("an inference estimate needs the tokens (or tokens per day) and the model's "
                                "parameters (or a catalogue run with them), or a FLOP total")
        basis = (f"2 × {'given' if parameters else 'the run’s'} parameters × tokens")
        return _Job("inference", INFERENCE_FLOP_PER_PARAMETER_TOKEN * n * tokens, basis, run, sources)
    given = [x is not None for x in (flop, parameters or tokens, run_id)]
    if sum(given) > 1:
        raise EstimateError("give the training job one way: a FLOP total, parameters and tokens, or a run id")
    if flop is not None:
        return _Job("training", flop, "given", run, sources)
    if parameters is not None or tokens is not None:
        if parameters is None or tokens is None:
            raise EstimateError("6·N·D needs both the parameters (active parameters of a mixture of experts) "
                                "and the training tokens")
        return _Job("training", TRAINING_FLOP_PER_PARAMETER_TOKEN * parameters * tokens, "6 × parameters × tokens",
                    run, sources)
    if run is not None:
        if run["training_compute_flop"]:
            return _Job("training", run["training_compute_flop"], f"training_runs {run_id}: training compute",
                        run, sources)
        if run["parameters"] and run["training_tokens"]:
            return _Job("training", TRAINING_FLOP_PER_PARAMETER_TOKEN * run["parameters"] * run["training_tokens"],
                        f"training_runs {run_id}: 6 × parameters × tokens", run, sources)
        raise EstimateError(f"training run {run_id!r} has neither a training compute nor parameters and tokens")
    raise EstimateError("say what to estimate: --flop, --parameters with --tokens, or --run "
                        "(with --inference: --tokens or --tokens-per-day and a model size)")


def accelerator_names(con) -> dict[str, str]:
    """Each name an accelerator is known by, lower-cased, and its id: the ids first, then the chips' names, then
    their aliases (``accelerator_aliases``); a name two chips could claim is the first one's."""
    names: dict[str, str] = {}
    for acc_id, acc_name in con.execute("SELECT accelerator_id, name FROM accelerators").fetchall():
        names[acc_id.lower()] = acc_id
        names.setdefault(acc_name.lower(), acc_id)
    for alias, acc_id in con.execute("SELECT alias, accelerator_id FROM accelerator_aliases").fetchall():
        names.setdefault(alias.lower(), acc_id)
    return names


def resolve_accelerator(con, name: str) -> str:
    """The accelerator id of an id, an alias or a name (any case); else an error naming the nearest ones."""
    key = name.strip().lower()
    names = accelerator_names(con)
    if key in names:
        return names[key]
    near = difflib.get_close_matches(key, list(names), n=5, cutoff=0.5)
    shown = [f"{n} ({names[n]})" if names[n] != n else n for n in near]
    raise EstimateError(f"unknown accelerator {name!r}"
                        + (f"; nearest: {', '.join(shown)}" if shown else "; see the accelerators table"))


class Inputs:
    """The job's inputs: every row of the published database that an estimate reads, through one connection.

    The cost model's assumption and parameter rows (and the utilizations the catalogue's runs reached) are read
    once, when it is made; the rest on request: each chip's row, dense peak rates, utilization, cloud prices and
    purchase price nearest a date, each region's electricity price and carbon intensity, the catalogue's runs.
    Each piece comes with the rows it rests on (:class:`Source`). :func:`estimate` and :func:`estimate_all`
    compute from these, and so does the site's estimate page, which exports them for its form
    (``compute_atlas.site.estimate_page``): one reading of the database for both."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        rows = _rows(con, "SELECT assumption_id, value, low, high, source FROM assumptions "
                          f"WHERE assumption_id IN ({', '.join('?' * len(ASSUMPTIONS))})", list(ASSUMPTIONS))
        self.a = {r["assumption_id"]: r for r in rows}
        missing = set(ASSUMPTIONS) - set(self.a)
        if missing:
            raise EstimateError(f"the database lacks the assumption rows {', '.join(sorted(missing))}")
        self.p = {r["parameter_id"]: r for r in _rows(
            con, "SELECT parameter_id, value, source FROM parameters WHERE parameter_id IN (?, ?)",
            list(_PARAMETERS))}
        mfu = [r[0] for r in con.execute("SELECT mfu_frac FROM training_run_costs WHERE mfu_frac > 0 "
                                         "AND mfu_frac <= 1 ORDER BY mfu_frac").fetchall()]
        level = self.p["interval-level-frac"]["value"]
        #: ``(low, high, number of runs, level)``: the middle ``level`` of the runs' utilizations
        self.mfu_range = (_quantile(mfu, (1 - level) / 2), _quantile(mfu, (1 + level) / 2), len(mfu), level)

    def value(self, aid: str) -> float:
        """An assumption's central value."""
        return self.a[aid]["value"]

    def range(self, aid: str) -> Range:
        """An assumption's value with its low and high ends (the value where the row gives none)."""
        r = self.a[aid]
        return Range(r["value"], r["low"] if r["low"] is not None else r["value"],
                     r["high"] if r["high"] is not None else r["value"])

    def source(self, aid: str, used_for: str) -> Source:
        """An assumption's row, as a source used for ``used_for``."""
        return Source("assumptions", aid, self.a[aid]["source"], used_for)

    def parameter(self, pid: str, used_for: str) -> tuple[float, Source]:
        """A parameter row's value (``hours-per-year``, ``interval-level-frac``) and the row."""
        r = self.p[pid]
        return r["value"], Source("parameters", pid, r["source"], used_for)

    def accelerators(self, acc_id: str | None = None) -> list[dict]:
        """The accelerators' rows (``accelerator_id``, ``name``, ``kind``, ``market_segment``, ``tdp_watts``,
        ``source``) by id; only ``acc_id``'s where given."""
        return _rows(self.con, "SELECT accelerator_id, name, kind, market_segment, tdp_watts, source FROM accelerators "
                               "WHERE ? IS NULL OR accelerator_id = ? ORDER BY accelerator_id", [acc_id, acc_id])

    def rates(self, acc_id: str) -> dict[str, dict]:
        """A chip's dense peak rates by precision (``peak_flop_per_s``, ``is_best_16bit_tensor``, ``source``)."""
        return {r["precision"]: r for r in _rows(
            self.con, "SELECT precision, peak_flop_per_s, is_best_16bit_tensor, source FROM accelerator_efficiency "
                      "WHERE accelerator_id = ?", [acc_id])}

    def precision(self, acc_id: str, precision: str | None = None) -> tuple[str | None, float | None, str, str | None]:
        """The precision, its dense peak rate, how it was chosen, and the source of the rate."""
        rates = self.rates(acc_id)
        if precision is not None:
            p = precision.strip().lower()
            if p not in rates:
                return p, None, f"no {p.upper()} rate in the atlas (it has: {', '.join(sorted(rates)) or 'none'})", None
            return p, rates[p]["peak_flop_per_s"], "given", rates[p]["source"]
        if DEFAULT_PRECISION in rates:
            return DEFAULT_PRECISION, rates[DEFAULT_PRECISION]["peak_flop_per_s"], "default (BF16)", \
                rates[DEFAULT_PRECISION]["source"]
        best = [p for p, r in rates.items() if r["is_best_16bit_tensor"]]
        if best:
            return best[0], rates[best[0]]["peak_flop_per_s"], "the chip's best 16-bit tensor rate (no BF16)", \
                rates[best[0]]["source"]
        if "fp32" in rates:
            return "fp32", rates["fp32"]["peak_flop_per_s"], "FP32 (no 16-bit tensor rate)", rates["fp32"]["source"]
        return None, None, "no peak rate in the atlas", None

    def utilization(self, acc_id: str, precision: str | None, given: float | None = None
                    ) -> tuple[Range, str, list[Source]]:
        """Utilization (achieved over dense peak): the given one; else the measured achieved-over-peak of a matrix
        multiply on that chip and precision (``achieved_vs_peak``); else the cost model's ``default-mfu``.

        The range spans the central value and the middle ``interval-level-frac`` of the utilizations the atlas's
        training runs reached (``training_run_costs.mfu_frac`` at most 1; a run that implies more than its chips'
        peak has a wrong figure somewhere): a matrix multiply's rate is an upper bound of a whole job's."""
        lo_runs, hi_runs, n_runs, level = self.mfu_range
        spread = Source("training_run_costs", f"mfu_frac of {n_runs} runs", None,
                        f"utilization range: the middle {level:.0%} of the runs' utilizations")
        if given is not None:
            if given > 1:
                raise EstimateError(f"utilization is a fraction of the peak rate (0 to 1], got {given}")
            return Range(given), "given", []
        measured = _rows(self.con, "SELECT achieved_over_peak_frac, measurement_id, source FROM achieved_vs_peak "
                              "WHERE accelerator_id = ? AND precision = ?", [acc_id, precision]) if precision else []
        if measured:
            m = measured[0]
            u = m["achieved_over_peak_frac"]
            return (Range(u, min(u, lo_runs or u), max(u, hi_runs or u)),
                    "measured: achieved over peak of a matrix multiply on this chip (an upper bound of a whole job's)",
                    [Source("achieved_vs_peak", f"{acc_id} {precision} ({m['measurement_id']})", m["source"],
                            "utilization"), spread])
        u = self.value("default-mfu")
        return (Range(u, min(u, lo_runs or u), max(u, hi_runs or u)),
                "assumed: the cost model's default utilization (assumption default-mfu); no measurement for this chip",
                [self.source("default-mfu", "utilization"), spread])

    def region(self, region: str | None = None) -> tuple[str, float, float, list[Source], list[str]]:
        """Electricity price and carbon intensity of a region (its latest year in ``electricity``); where the region
        lacks one, the cost model's default, said in the notes."""
        notes: list[str] = []
        price = self.value("default-electricity-price-usd-per-kwh")
        carbon = self.value("default-carbon-intensity-g-co2e-per-kwh")
        src_price = self.source("default-electricity-price-usd-per-kwh", "electricity price")
        src_carbon = self.source("default-carbon-intensity-g-co2e-per-kwh", "carbon intensity")
        if region is None:
            return "default", price, carbon, [src_price, src_carbon], notes
        rows = _rows(self.con, "SELECT * FROM electricity WHERE lower(region_id) = lower(?) OR lower(region) = lower(?) "
                          "ORDER BY year DESC", [region, region])
        if not rows:
            ids = [r[0] for r in self.con.execute("SELECT DISTINCT region_id FROM electricity ORDER BY 1").fetchall()]
            near = difflib.get_close_matches(region.lower(), ids, n=5, cutoff=0.4)
            raise EstimateError(f"unknown region {region!r}; regions: " + ", ".join(near or ids))
        price_row = next((r for r in rows if r["industrial_price_usd_per_kwh"] is not None), None)
        carbon_row = next((r for r in rows if r["carbon_intensity_g_co2e_per_kwh"] is not None), None)
        rid = rows[0]["region_id"]
        if price_row:
            price = price_row["industrial_price_usd_per_kwh"]
            src_price = Source("electricity", f"{rid} {price_row['year']}", price_row["source"], "electricity price")
        else:
            notes.append(f"region {rid} has no electricity price in the atlas: the default price is used")
        if carbon_row:
            carbon = carbon_row["carbon_intensity_g_co2e_per_kwh"]
            src_carbon = Source("electricity", f"{rid} {carbon_row['year']}", carbon_row["source"], "carbon intensity")
        else:
            notes.append(f"region {rid} has no carbon intensity in the atlas: the default is used")
        return rid, price, carbon, [src_price, src_carbon], notes

    def regions(self) -> list[tuple[str, str]]:
        """Each region of ``electricity`` as ``(region_id, its latest name)``, by name."""
        return self.con.execute("SELECT region_id, any_value(region ORDER BY year DESC) FROM electricity "
                                "GROUP BY region_id ORDER BY 2").fetchall()

    def cloud_prices(self, acc_id: str, when: dt.date) -> dict[str, tuple[Range, str, list[Source]]]:
        """Price per chip-hour of each cloud pricing model listed for the chip: the median of the prices nearest
        ``when`` (as ``training_run_costs``), ranging over each provider's price nearest ``when``."""
        out = {}
        rows = _rows(self.con, "SELECT provider, pricing_model, price_date, price_usd_per_hour, source, instance_type, "
                          "coalesce(cloud_region, '') AS cloud_region FROM cloud_prices WHERE accelerator_id = ?",
                     [acc_id])
        for pm in PRICING_MODELS:
            these = [r for r in rows if r["pricing_model"] == pm]
            if not these:
                continue
            gap = min(abs((r["price_date"] - when).days) for r in these)
            near = [r for r in these if abs((r["price_date"] - when).days) == gap]
            first_date = min(r["price_date"] for r in near)
            near = [r for r in near if r["price_date"] == first_date]
            by_provider = {}
            for r in sorted(these, key=lambda r: (abs((r["price_date"] - when).days), r["price_date"])):
                by_provider.setdefault(r["provider"], r)
            central = statistics.median(r["price_usd_per_hour"] for r in near)
            spread = [r["price_usd_per_hour"] for r in by_provider.values()] + [central]
            basis = (f"median of {len(near)} {pm} price(s) of {first_date}; range over {len(by_provider)} "
                     f"provider(s)' prices nearest {when}")
            srcs = [Source("cloud_prices", " ".join(str(x) for x in (
                               r["provider"], r["instance_type"], r["cloud_region"], pm, r["price_date"]) if x),
                           r["source"],
                           f"{pm} price (US$ {r['price_usd_per_hour']}/h)")
                    for r in {id(r): r for r in [*near, *by_provider.values()]}.values()]
            out[pm] = (Range(central, min(spread), max(spread)), basis, srcs)
        return out

    def chip_price(self, acc_id: str, when: dt.date) -> tuple[float, dt.date, str, Source] | None:
        """The purchase price per chip nearest ``when``, chosen as ``training_run_costs`` chooses it."""
        rows = _rows(self.con, """
            WITH own_prices AS (
                SELECT accelerator_id, price_date, price_usd, source, 'hardware_prices' AS tbl FROM hardware_prices
                UNION ALL
                SELECT accelerator_id, launch_price_date, launch_price_usd, source, 'accelerators' FROM accelerators
                WHERE launch_price_usd IS NOT NULL
                  AND accelerator_id NOT IN (SELECT accelerator_id FROM hardware_prices)
            ),
            chip_prices AS (
                SELECT *, 'own' AS basis FROM own_prices
                UNION ALL
                SELECT x.accelerator_id, p.price_date, p.price_usd, p.source, p.tbl, 'proxy:' || x.proxy_accelerator_id
                FROM price_proxies x JOIN own_prices p ON p.accelerator_id = x.proxy_accelerator_id
                WHERE x.accelerator_id NOT IN (SELECT accelerator_id FROM own_prices)
            )
            SELECT * FROM chip_prices WHERE accelerator_id = ?
            ORDER BY abs(date_diff('day', price_date, ?::DATE)), price_date, price_usd LIMIT 1""", [acc_id, when])
        if not rows:
            return None
        r = rows[0]
        owner = r["basis"].removeprefix("proxy:") if r["basis"] != "own" else acc_id
        return r["price_usd"], r["price_date"], r["basis"], Source(
            r["tbl"], f"{owner} {r['price_date']}", r["source"], f"chip price (US$ {r['price_usd']:,.0f}, {r['basis']})")

    def training_runs(self) -> list[dict]:
        """The catalogue's runs (a job's size, its chips and precision) by model name."""
        return _rows(self.con, "SELECT run_id, model, training_compute_flop, parameters, training_tokens, "
                               "accelerator_id, accelerator_count, precision, source FROM training_runs "
                               "ORDER BY lower(model), run_id")


def _quantile(xs: list[float], q: float) -> float | None:
    if not xs:
        return None
    pos = q * (len(xs) - 1)
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


# ------------------------------------------------------------------------------------------------ estimate

def estimate(*, flop: float | None = None, parameters: float | None = None, tokens: float | None = None,
             run_id: str | None = None, inference: bool = False, tokens_per_day: float | None = None,
             days: float | None = None, accelerator: str | None = None, count: int | None = None,
             precision: str | None = None, utilization: float | None = None, pricing: str | None = None,
             region: str | None = None, pue: float | None = None, date: dt.date | str | None = None,
             db: Atlas | None = None, build_dir: str | Path | None = None) -> Estimate:
    """Estimate one job on one chip from the published database.

    The job: training as ``flop``, or ``parameters`` × ``tokens`` (6·N·D; the active parameters of a mixture of
    experts), or a catalogue ``run_id``; inference (``inference=True``) as ``parameters`` × ``tokens`` (2·N per
    token) or ``tokens_per_day`` × ``days``, or ``flop``. The chip: ``accelerator`` (id, alias or name; default
    the run's), ``count`` (default the run's, else 1), ``precision`` (default BF16 where the chip has it),
    ``utilization`` (default: measured, else assumed; the result says which). ``pricing``: one of
    :data:`PRICINGS` (default on demand, else the first the chip has). ``region``: an ``electricity`` region id
    or name (default: the cost model's default price and carbon intensity). ``pue``: default the assumption
    ``pue``. ``date``: the prices nearest it are used (default today)."""
    if db is None:
        with open(build_dir) as atlas:
            return estimate(flop=flop, parameters=parameters, tokens=tokens, run_id=run_id, inference=inference,
                            tokens_per_day=tokens_per_day, days=days, accelerator=accelerator, count=count,
                            precision=precision, utilization=utilization, pricing=pricing, region=region, pue=pue,
                            date=date, db=atlas)
    con = db.con
    job = _job(con, flop=flop, parameters=parameters, tokens=tokens, run_id=run_id, inference=inference,
               tokens_per_day=tokens_per_day, days=days)
    if accelerator is None:
        accelerator = job.run and job.run["accelerator_id"]
        if accelerator is None:
            raise EstimateError("say which accelerator (--accelerator, an id or alias), or --all-accelerators")
        if precision is None and job.run["precision"]:
            precision = job.run["precision"]
        if count is None:
            count = job.run["accelerator_count"]
    return _estimate_on(Inputs(con), job, resolve_accelerator(con, accelerator), count=count,
                        precision=precision, utilization=utilization, pricing=pricing, region=region, pue=pue,
                        date=date, strict=True)


def estimate_all(*, flop: float | None = None, parameters: float | None = None, tokens: float | None = None,
                 run_id: str | None = None, inference: bool = False, tokens_per_day: float | None = None,
                 days: float | None = None, count: int | None = None, precision: str | None = None,
                 utilization: float | None = None, pricing: str | None = None, region: str | None = None,
                 pue: float | None = None, date: dt.date | str | None = None, segment: str | None = None,
                 db: Atlas | None = None, build_dir: str | Path | None = None) -> list[Estimate]:
    """One job on every accelerator of the atlas (of one ``market_segment`` if given), cheapest first in one
    pricing (default on demand, so that the costs compare); a chip the atlas lacks a rate, a power or a price
    for is listed with what it lacks (``missing``), not dropped."""
    if db is None:
        with open(build_dir) as atlas:
            return estimate_all(flop=flop, parameters=parameters, tokens=tokens, run_id=run_id, inference=inference,
                                tokens_per_day=tokens_per_day, days=days, count=count, precision=precision,
                                utilization=utilization, pricing=pricing, region=region, pue=pue, date=date,
                                segment=segment, db=atlas)
    con = db.con
    job = _job(con, flop=flop, parameters=parameters, tokens=tokens, run_id=run_id, inference=inference,
               tokens_per_day=tokens_per_day, days=days)
    inputs = Inputs(con)
    ids = [r[0] for r in con.execute(
        "SELECT accelerator_id FROM accelerators WHERE ? IS NULL OR market_segment = ? ORDER BY accelerator_id",
        [segment, segment]).fetchall()]
    if not ids:
        raise EstimateError(f"no accelerator in market segment {segment!r}")
    out = [_estimate_on(inputs, job, a, count=count, precision=precision, utilization=utilization,
                        pricing=pricing or "on_demand", region=region, pue=pue, date=date, strict=False) for a in ids]

    def order(e: Estimate):
        return (e.cost_usd.value is None, e.cost_usd.value or 0, e.chip_hours.value is None,
                e.chip_hours.value or 0, e.accelerator_id)
    return sorted(out, key=order)


def _date(date: dt.date | str | None) -> dt.date:
    if date is None:
        return dt.date.today()
    if isinstance(date, dt.date):
        return date
    try:
        return dt.date.fromisoformat(str(date))
    except ValueError:
        raise EstimateError(f"date must be ISO 8601 (YYYY-MM-DD), got {date!r}") from None


def _estimate_on(inputs: Inputs, job: _Job, acc_id: str, *, count, precision, utilization, pricing,
                 region, pue, date, strict: bool) -> Estimate:
    when = _date(date)
    if count is None:
        count = 1
    if isinstance(count, bool) or not isinstance(count, int | float) or count <= 0 or count != int(count):
        raise EstimateError(f"count must be a positive whole number, got {count!r}")
    count = int(count)
    utilization = _positive("utilization", utilization)
    pue_given = _positive("pue", pue)
    if pricing is not None and pricing not in PRICINGS:
        raise EstimateError(f"unknown pricing {pricing!r}; pricings: {', '.join(PRICINGS)}")
    acc = inputs.accelerators(acc_id)[0]
    sources = list(job.sources)
    missing: list[str] = []
    prec, peak, prec_basis, peak_source = inputs.precision(acc_id, precision)
    if peak is None:
        if strict:
            raise EstimateError(f"{acc['name']} ({acc_id}): {prec_basis}")
        missing.append(prec_basis)
    else:
        sources.append(Source("accelerator_efficiency", f"{acc_id} {prec}", peak_source,
                              f"dense peak rate ({peak:.3g} FLOP/s)"))
    util, util_basis, util_sources = inputs.utilization(acc_id, prec, utilization)
    sources += util_sources

    # time: chip-hours = FLOP / (peak × utilization × 3600); a higher utilization is the low end
    if peak is not None:
        rate = peak * 3600
        chip_hours = Range(job.flop / (rate * util.value), job.flop / (rate * util.high), job.flop / (rate * util.low))
    else:
        chip_hours = Range(None)
    wall = chip_hours.times(1 / count)

    # power and energy, as training_run_costs: TDP × (1 + overhead) × average power fraction × PUE
    tpu = acc["kind"] == "tpu"
    overhead_id = "tpu-server-power-overhead-frac" if tpu else "server-power-overhead-frac"
    avg_id = "tpu-server-avg-power-frac" if tpu else "server-avg-power-frac"
    if acc["tdp_watts"] is not None:
        overhead = inputs.range(overhead_id)
        power = Range(acc["tdp_watts"]).scale(Range(1 + overhead.value, 1 + overhead.low, 1 + overhead.high)
                                              ).scale(inputs.range(avg_id))
        sources += [Source("accelerators", acc_id, acc["source"], f"TDP ({acc['tdp_watts']:.0f} W)"),
                    inputs.source(overhead_id, "server power beyond the chip"),
                    inputs.source(avg_id, "average power during the job")]
    else:
        power = Range(None)
        missing.append("no TDP in the atlas")
    if pue_given is not None:
        pue_range = Range(pue_given)
    else:
        pue_range = inputs.range("pue")
        sources.append(inputs.source("pue", "PUE"))
    energy = chip_hours.scale(power).scale(pue_range).times(1 / 1000)
    region_id, price_kwh, carbon, region_sources, region_notes = inputs.region(region)
    sources += region_sources
    emissions = energy.times(carbon / 1000)

    # cost per pricing
    costs: dict[str, Range] = {}
    basis: dict[str, str] = {}
    cloud = inputs.cloud_prices(acc_id, when)
    for pm, (price, why, srcs) in cloud.items():
        costs[pm] = chip_hours.scale(price)
        basis[pm] = why
        sources += srcs
    for pm, aid in (("commit_1y", "cloud-commit-1y-discount-frac"), ("commit_3y", "cloud-commit-3y-discount-frac")):
        if pm not in cloud and "on_demand" in cloud:
            d = inputs.range(aid)
            costs[pm] = chip_hours.scale(cloud["on_demand"][0]).scale(Range(1 - d.value, 1 - d.high, 1 - d.low))
            basis[pm] = f"on-demand price less the assumed discount (assumption {aid}); no {pm} price listed"
            sources.append(inputs.source(aid, f"{pm} discount"))
    chip = inputs.chip_price(acc_id, when)
    if chip is not None and energy.value is not None:
        price_usd, price_date, price_basis, src = chip
        markup, years = inputs.range("server-cost-markup-frac"), inputs.range("hardware-depreciation-years")
        ic = inputs.value("interconnect-cost-frac")
        hpy, hpy_source = inputs.parameter("hours-per-year", "ownership")
        per_chip_hour = Range(price_usd).scale(Range(1 + markup.value, 1 + markup.low, 1 + markup.high)).times(
            1 / (1 - ic)).scale(Range(1 / years.value, 1 / years.high, 1 / years.low)).times(1 / hpy)
        costs["ownership"] = chip_hours.scale(per_chip_hour).plus(energy.times(price_kwh))
        basis["ownership"] = (f"chip price of {price_date} ({price_basis}) with server and interconnect, "
                              f"straight-line over the depreciation life, plus energy at US$ {price_kwh}/kWh")
        sources += [src, *(inputs.source(a, "ownership") for a in (
            "server-cost-markup-frac", "interconnect-cost-frac", "hardware-depreciation-years")),
            hpy_source]
    available = [p for p in PRICINGS if p in costs and costs[p].value is not None]
    if pricing is not None and pricing not in available:
        why = (f"no {pricing} price for {acc['name']} ({acc_id}) in the atlas; pricings with a price: "
               f"{', '.join(available) or 'none'}")
        if strict:
            raise EstimateError(why)
        missing.append(why)
        chosen = None
    else:
        chosen = pricing or next((p for p in ("on_demand", *available) if p in available), None)
        if chosen is None:
            missing.append("no price for this chip in the atlas (no cloud price, no purchase price)")
    return Estimate(
        job=job.kind, flop=job.flop, flop_basis=job.basis, accelerator_id=acc_id, accelerator_name=acc["name"],
        accelerator_count=count, precision=prec, precision_basis=prec_basis, peak_flop_per_s=peak,
        utilization=util, utilization_basis=util_basis, wall_clock_hours=wall, chip_hours=chip_hours,
        power_per_chip_watts=power, energy_kwh=energy, emissions_kg_co2e=emissions, region=region_id,
        electricity_usd_per_kwh=price_kwh, carbon_g_co2e_per_kwh=carbon, pricing=chosen,
        cost_usd=costs.get(chosen, Range(None)) if chosen else Range(None), cost_usd_by_pricing=costs,
        price_basis=basis, pricings_available=available, sources=_unique(sources), missing=missing + region_notes)


def _unique(sources: list[Source]) -> list[Source]:
    seen, out = set(), []
    for s in sources:
        k = (s.table, s.key, s.used_for)
        if k not in seen:
            seen.add(k)
            out.append(s)
    return out
