"""The field registry: every column that occurs in more than one relation,
defined once (type, description, unit code, checks, allowed values).

A schema takes a registered column with ``shared("accelerator_id")``; it may
add a sentence (``note=``), require it (``nullable=False``), make it unique or
add checks, but never restate or loosen it. A derived relation that carries a
curated column therefore inherits the curated column's checks, and its output is
validated with them. A column that occurs in one relation only is defined
there with ``field(...)``; the tests hold both rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

import pandera.polars as pa

from .constraints import CITE_KEYS, SLUG, URL, column_constraints, from_keywords
from .units import UNITS, unit
from .vocabularies import (
    CHIP_KINDS,
    CLAIM_FORMS,
    CLAIM_RULES,
    CLAIM_TOPICS,
    COMPUTE_CONFIDENCES,
    COMPUTE_ESTIMATION_METHODS,
    COST_KINDS,
    DOMAINS,
    ENERGY_SCOPES,
    EVALUATOR_KINDS,
    MARKET_SEGMENTS,
    PRECISIONS,
    PRICING_MODELS,
    PROVENANCES,
    TDP_KINDS,
    TECHNIQUE_CATEGORIES,
    TECHNIQUE_METRICS,
)


@dataclass(frozen=True)
class FieldDef:
    """One column, defined once."""

    name: str
    dtype: type
    description: str
    unit: str | None = None
    #: for a value whose unit is given per row: the column that holds the unit code (or the unit's text)
    unit_from: str | None = None
    #: the field's constraints, in pandera's keywords (``gt=0``, ``isin=[...]``); a relation may add others
    checks: dict[str, Any] = dc_field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.unit is not None:
            unit(self.unit)  # an unknown code fails at import, naming the vocabulary
        from_keywords(self.name, **self.checks)  # an unknown keyword or a bad pattern fails at import


def _f(name: str, dtype: type, description: str, unit_code: str | None = None, *, unit_from: str | None = None,
       **checks: Any) -> FieldDef:
    return FieldDef(name, dtype, " ".join(description.split()), unit_code, unit_from, checks)


RATE_NOTE = "dense (without structured sparsity), per chip; OP/s for int8"

SHARED: dict[str, FieldDef] = {f.name: f for f in [
    # identifiers and references
    _f("accelerator_id", str, "Accelerator: a key into `accelerators` (vendor, model and memory variant as a slug).",
       str_matches=SLUG),
    _f("run_id", str, "Model and its training run: a key into `training_runs`, the model catalogue (one row per "
       "model; a slug of the model's name).", str_matches=SLUG),
    _f("technique_id", str, "Efficiency technique: a key into `techniques`.", str_matches=SLUG),
    _f("result_id", str, "Measured result of a technique: a key into `technique_results`.", str_matches=SLUG),
    _f("benchmark_result_id", str, "Benchmark result: a key into `benchmark_results` (a slug).", str_matches=SLUG),
    _f("benchmark_id", str, "Capability benchmark: a key into `benchmarks` (a slug: `mmlu`, `gpqa-diamond`, `eci`).",
       str_matches=SLUG),
    _f("claim_id", str, "Quoted claim: a key into `claims` (the claims register).", str_matches=SLUG),
    _f("source", str, "Sources: BibTeX keys of `references.bib`, separated by `;`.", str_matches=CITE_KEYS),
    _f("source_url", str, "URL of the primary source (datasheet, paper, price page or archived snapshot).",
       str_matches=URL),
    _f("notes", str, "Caveats of the row, in words: what its source gives, what was converted or assumed, what is "
       "uncertain or missing and why."),
    _f("name", str, "Human-readable name of the row's entity, as its source writes it."),
    _f("rationale", str, "Why this choice: the convention of the literature it follows, or the reason for it."),
    _f("description", str, "What the row's entity is or means, in the project's own words."),
    # hardware
    _f("vendor", str, "Company that designs the chip."),
    _f("kind", str, "Kind of chip.", isin=list(CHIP_KINDS)),
    _f("market_segment", str, "Market the product is sold into.", isin=list(MARKET_SEGMENTS)),
    _f("release_date", dt.date, "Date of release or general availability of the chip.", "date"),
    _f("launch_price_usd", float, "Launch (list) price per chip as a source states it, in dollars of "
       "`launch_price_date`; not a street or cloud price.", "usd", gt=0),
    _f("tdp_watts", float, "Power figure per chip; `tdp_kind` says what kind.", "watts", gt=0, le=30000),
    _f("tdp_kind", str, "What the power figure is: the vendor's thermal design power, a figure derived by a third "
       "party, or a measurement.", isin=list(TDP_KINDS)),
    _f("memory_bytes", float, "On-package memory capacity per chip (HBM/GDDR), in decimal bytes; a figure the vendor "
       "gives in GiB is multiplied by 2^30.", "bytes", gt=0, le=1e14),
    _f("memory_bandwidth_bytes_per_s", float, "Peak memory bandwidth per chip (on-chip SRAM bandwidth for "
       "wafer-scale engines).", "bytes_per_s", gt=0, le=1e17),
    _f("precision", str, "Number format: of a peak rate or a matrix multiply, the format a model was trained in, or "
       "that of its weights as served (the relation says which).", isin=list(PRECISIONS)),
    _f("peak_flop_per_s", float, f"Quoted peak rate of one chip in `precision`, {RATE_NOTE}.", "flop_per_s", gt=0),
    _f("achieved_flop_per_s", float, "Achieved rate of a dense matrix multiply (2·M·N·K FLOP per M×K by K×N "
       "multiply; 2n³ for n×n matrices), per chip.", "flop_per_s", gt=0),
    _f("achieved_over_peak_frac", float, "achieved_flop_per_s / peak_flop_per_s: the share of the quoted dense peak "
       "that a matrix multiply achieved.", "frac", gt=0),
    _f("achieved_bytes_per_s", float, "Achieved bandwidth of a device-to-device memory copy (bytes read plus bytes "
       "written, per second).", "bytes_per_s", gt=0),
    # measurements
    _f("measurement_id", str, "Measurement: a key into `measurements` (a slug).", str_matches=SLUG),
    _f("provenance", str, "Where a measurement comes from: `measured` with `compute-atlas measure` by this project, "
       "or `published` by a third party (the row cites it).", isin=list(PROVENANCES)),
    _f("measured_date", dt.date, "Date of the measurement (for a published one, the earliest date the source shows "
       "it).", "date"),
    _f("software", str, "Software behind a measurement, with versions (library, driver, serving engine)."),
    # MLPerf
    _f("mlperf_result_id", str, "MLPerf Training result: a key into `mlperf_training` (round, submitter, system and "
       "benchmark as a slug; not MLCommons' official result id, see `result_id_is_official`).",
       str_matches=r"^v[0-9]+\.[0-9]+-[a-z0-9]+([.-][a-z0-9]+)*$"),
    _f("mlperf_round", str, "MLPerf Training round (`v1.0`, ..., `v5.1`): a key into `mlperf_rounds`.",
       str_matches=r"^v[0-9]+\.[0-9]+$"),
    _f("mlperf_benchmark", str, "MLPerf Training benchmark as MLCommons' results name it (`resnet`, `bert`, "
       "`llama2_70b_lora`, ...): a fixed model, dataset and quality target.", str_matches=r"^[a-z0-9_]+$"),
    _f("round_published_date", dt.date, "Date MLCommons published the round's results.", "date"),
    _f("submitter", str, "Organization that submitted the MLPerf result."),
    _f("system", str, "System name as the submitter gives it (the name of its system description file)."),
    _f("time_to_train_minutes", float, "Wall-clock minutes to train the benchmark's model to its quality target "
       "(the MLPerf score).", "minutes", gt=0, le=100_000),
    _f("is_official_score", bool, "Whether the time to train is MLCommons' official score (true) or derived by "
       "this project from the submission logs (false; see `notes`)."),
    # training runs
    _f("model", str, "Name of the AI model."),
    _f("organization", str, "Organizations that trained the model (its authors' affiliations, named as Epoch AI "
       "names them where it lists the model), separated by a comma with no space (`Google,University of Michigan`); "
       "a name holds no comma."),
    _f("publication_date", dt.date, "Date of the model's first public release: the earliest of its announcement, "
       "the first version of its paper (arXiv or bioRxiv v1) and its OpenReview submission once public (readers: "
       "everyone; ICLR posts submissions at its deadline, often before arXiv v1), not a later version, the "
       "camera-ready or the journal date.", "date"),
    _f("domain", str, "Main domain of the model. From Epoch AI's domains: Robotics is `robotics`, Earth science "
       "(weather, climate) is `science`; `other` only where none of the vocabulary fits.",
       isin=list(DOMAINS)),
    _f("training_compute_flop", float, "Total training compute of the model (pre-training and any further training "
       "its developer counts in; not the compute of a larger model it was distilled from).", "flop", gt=0, le=1e28),
    _f("compute_estimation_method", str, "How training_compute_flop was obtained.",
       isin=list(COMPUTE_ESTIMATION_METHODS)),
    _f("compute_confidence", str, "Confidence in the compute figure (Epoch AI's labels; empty where unknown).",
       isin=list(COMPUTE_CONFIDENCES)),
    _f("is_distilled", bool, "Whether the model was trained on a larger model's outputs (distillation, which makes "
       "algorithmic progress look faster than it is); empty where unknown. Source: Epoch AI's distilled-models list "
       "or the model card."),
    # benchmarks
    _f("model_version", str, "The exact version of a model as the evaluator, API vendor or benchmark names it "
       "(`gpt-4o-2024-08-06`, `meta-llama/Llama-3.1-8B-Instruct`); several versions (dated snapshots, "
       "reasoning-effort settings, hosted or quantized variants) share one model (`run_id`)."),
    _f("score", float, "A benchmark score, in the unit of the benchmark's `score_unit` (percent 0 to 100 for "
       "accuracy; a fraction of a source is multiplied by 100; index points for the ECI)."),
    _f("score_unit", str, "Unit code of a benchmark's scores: `percent` (0 to 100) for accuracy and pass rates, "
       "`index_points` for an index.", isin=sorted(UNITS)),
    _f("evaluator", str, "Who ran the evaluation: `Epoch AI`, `Stanford CRFM HELM`, `Ruan et al. 2024`, or the "
       "report that published it."),
    _f("evaluator_kind", str, "`developer` when the model's developer reports the result (its paper or model card), "
       "else `third_party`.", isin=list(EVALUATOR_KINDS)),
    _f("is_frontier", bool, "Whether Epoch AI lists the model as a frontier model (top 10 by training compute at "
       "its release)."),
    _f("accelerator_count", int, "Number of accelerator chips (TPU chips, not cores; GPUs, not superchips).",
       "count", gt=0, le=10_000_000),
    _f("training_duration_hours", float, "Wall-clock duration of the training run (not a sum over sub-models or "
       "phases that ran in parallel).", "hours", gt=0, le=100_000),
    _f("chip_hours", float, "accelerator_count × hours: accelerator-hours of the work.", "chip_hours", gt=0),
    _f("reported_cost_usd", float, "Training cost as the developer or a credible report published it, in dollars "
       "of `reported_cost_year`.", "usd", gt=0),
    _f("cost_method", str, "Kind of training-cost estimate: `cloud` (chip-hours × a rental price per chip-hour), "
       "`amortized` (the hardware's depreciation over the run plus energy) or `upfront` (the acquisition cost of "
       "the cluster).", isin=list(COST_KINDS)),
    _f("dollar_year", int, "Year whose dollars a nominal amount of the row is in.", "year", ge=1990, le=2100),
    _f("published_chip_hours", float, "Chip-hours a published cost estimate rests on, where its source gives them.",
       "chip_hours", gt=0),
    _f("assumptions_used", str, "`assumption_id`s of `assumptions` the row's figures use, separated by `;`."),
    # prices
    _f("pricing_model", str, "How the cloud price is sold: on demand, a 1- or 3-year commitment, or spot.",
       isin=list(PRICING_MODELS)),
    _f("price_usd", float, "Price of one accelerator chip (not a server), in dollars of `price_date`.", "usd", gt=0),
    _f("price_date", dt.date, "Date the price was observed or refers to.", "date"),
    _f("provider", str, "Company that sells the priced service: the cloud that rents out the accelerator, or the API "
       "vendor that serves the model."),
    _f("cloud_price_usd_per_hour", float, "Median on-demand cloud price of one accelerator-hour (`cloud_prices`) "
       "at the price date nearest the row's date (a run's publication, an MLPerf round's publication); the median "
       "of the prices of that date.", "usd_per_hour", gt=0),
    _f("cloud_price_date", dt.date, "Date of that cloud price.", "date"),
    _f("cloud_cost_usd", float, "chip_hours × cloud_price_usd_per_hour: the rental cost, in nominal dollars of "
       "cloud_price_date.", "usd", gt=0),
    # techniques
    _f("technique", str, "Name of the technique (from `techniques`)."),
    _f("category", str, "Whether the technique applies to training, inference or both.",
       isin=list(TECHNIQUE_CATEGORIES)),
    _f("metric", str, "What a technique's result measures.", isin=list(TECHNIQUE_METRICS)),
    _f("task", str, "Task or benchmark of the measurement."),
    _f("quality_metric", str, "Quality metric reported beside the efficiency figure."),
    _f("quality_baseline", float, "Quality without the technique, in the scale of `quality_metric`.",
       unit_from="quality_metric"),
    _f("quality_treated", float, "Quality with the technique, in the scale of `quality_metric`.",
       unit_from="quality_metric"),
    _f("statement", str, "The claim in words, as it is commonly quoted."),
    _f("topic", str, "What the claim is about: `capability` (algorithms and models), `hardware`, `costs`, "
       "`inference` or `techniques`.", isin=list(CLAIM_TOPICS)),
    _f("claim_form", str, "How the claimed figure reads: `about` a value (`claimed_low` = `claimed_high`), a "
       "`range`, `at_least` a value (`claimed_low` only) or `up_to` a value (`claimed_high` only).",
       isin=list(CLAIM_FORMS)),
    _f("claimed_low", float, "Low end of the claimed figure, in `unit` (empty for an `up_to` claim).",
       unit_from="unit"),
    _f("claimed_high", float, "High end of the claimed figure, in `unit` (empty for an `at_least` claim).",
       unit_from="unit"),
    _f("check_rule", str, "How the build checks the claim: one of the rules of the claims register (the claims page "
       "describes each).", isin=list(CLAIM_RULES)),
    _f("check_subset", str, "What the rule reads, as `key=value;key=value` (values separated by `,`): e.g. "
       "`metric=speedup;techniques=ptq-int8,ptq-weight-only-4bit` or "
       "`metric=flop_per_s_per_watt;pairs=google-tpu-v7:google-tpu-v6e`."),
    _f("is_vendor_claim", bool, "Whether the claim is a vendor's comparison of its own products (checked "
       "like-for-like: the same precision, dense rates)."),
    _f("like_for_like", str, "What changes between the two sides of a vendor's comparison, and how the check makes "
       "it like-for-like."),
    _f("n_results", int, "Number of measured results behind the row.", "count", ge=0),
    # trends
    _f("label", str, "A short readable name of the row for charts and tables."),
    _f("trend_id", str, "Published trend estimate: a key into `published_trends`.", str_matches=SLUG),
    _f("period_start_date", dt.date, "First day of the period whose points a replication keeps (inclusive; release "
       "date of a chip, publication date of a run). A source that states only a year starts on 1 January.", "date"),
    _f("period_end_date", dt.date, "Last day of the period whose points a replication keeps (inclusive): the end "
       "the source states (a year ends on 31 December, 'to May 2024' on 31 May), and not past the source's own "
       "publication where its data end there.", "date"),
    _f("known_differences", str, "Where our points or method still differ from the source's after the subset is "
       "matched, and what that does to the comparison (why a replication may disagree)."),
    _f("quantity", str, "Quantity whose trend is estimated (a column name of the atlas, e.g. `peak_flop_per_s`)."),
    _f("subset", str, "Named subset of data the estimate rests on."),
    _f("n_points", int, "Number of data points behind the row's estimate or verdict.", "count", ge=0),
    _f("growth_per_year_x", float, "Factor by which the quantity grows per year (below 1 for a falling quantity).",
       "factor_per_year", gt=0),
    _f("growth_per_year_x_low", float, "Low end of the interval of the growth factor.", "factor_per_year", gt=0),
    _f("growth_per_year_x_high", float, "High end of the interval of the growth factor.", "factor_per_year", gt=0),
    _f("doubling_time_years", float, "Time for the quantity to double (negative when it falls: a halving time).",
       "years"),
    _f("published_interval_level_frac", float, "Coverage of the published estimate's interval (empty where the source "
       "gives a range or none).", "frac", gt=0, lt=1),
    _f("threshold_id", str, "Fixed capability of inference: a key into `inference_thresholds` (a slug of the "
       "benchmark and the reference model).", str_matches=SLUG),
    _f("threshold_score", float, "The score a model must reach, in the benchmark's unit (`benchmarks.score_unit`): "
       "at or above it on a higher-is-better benchmark, at or below on a lower-is-better one."),
    _f("published_trend_id", str, "A published estimate set beside ours (a key into `published_trends`).",
       str_matches=SLUG),
    _f("as_of_date", dt.date, "The last day of the period (a year or a month) the row covers: what was released or "
       "observed by then counts.", "date"),
    _f("n_models_reaching", int, "Models whose score reaches the row's threshold.", "count", ge=0),
    _f("energy_scope", str, "What a measured energy covers: `gpu_only` (the GPUs' own counters: no CPU, DRAM, "
       "network, cooling or PUE; ML.ENERGY) or `whole_system` (wall power of the system; MLPerf Inference power).",
       isin=list(ENERGY_SCOPES)),
    _f("n_models", int, "Number of distinct models behind the row.", "count", ge=0),
    _f("window_start", dt.date, "Date of the earliest point an estimate rests on.", "date"),
    _f("window_end", dt.date, "Date of the latest point an estimate rests on.", "date"),
    _f("intervals_overlap", bool, "Whether our estimate agrees with the published one it is set beside (their "
       "intervals overlap, or by the relation's `overlap_rule`); empty where either is missing."),
    _f("interval_level_frac", float, "Coverage of the interval (0.9 for a 90 % interval).", "frac", gt=0, lt=1),
    # figures with a unit per row
    _f("value", float, "The figure; its unit is given per row (see the unit of this column).", unit_from="unit"),
    _f("value_low", float, "Low end of the figure's interval, in the row's unit.", unit_from="unit"),
    _f("value_high", float, "High end of the figure's interval, in the row's unit.", unit_from="unit"),
    _f("unit", str, "Unit code of the row's figures, from the unit vocabulary (the data dictionary lists it).",
       isin=sorted(UNITS)),
    _f("year", int, "Calendar year the row refers to.", "year", ge=1900, le=2100),
]}


def _merge_checks(name: str, base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    clash = set(base) & set(extra)
    if clash:
        raise ValueError(f"shared field {name!r}: checks {sorted(clash)} are defined in the registry; "
                         "a relation may add checks, not restate them")
    return {**base, **extra}


def _column(description: str, metadata: dict[str, Any], nullable: bool, unique: bool, where: str,
            checks: dict[str, Any]) -> Any:
    """The pandera field of a column whose checks are generated from its constraints (``metadata["constraints"]``
    carries them all, ``Required`` and ``Unique`` included)."""
    declared = from_keywords(where, **checks)
    info = pa.Field(nullable=nullable, unique=unique, description=description,
                    metadata={**metadata, "constraints": column_constraints(nullable, unique, declared)})
    info.checks = [check for c in declared for check in c.pandera_checks()]
    return info


def shared(name: str, *, note: str | None = None, nullable: bool = True, unique: bool = False,
           checks_doc: str | None = None, unit_from: str | None = None, **checks: Any) -> Any:
    """A registered column: its definition, with what this relation adds (for a value whose unit is given
    per row, ``unit_from`` names this relation's column that gives it)."""
    try:
        f = SHARED[name]
    except KeyError:
        raise KeyError(f"{name!r} is not in the field registry (compute_atlas.metadata.fields.SHARED)") from None
    return _column(f.description, {"field": name, "unit": f.unit, "unit_from": unit_from or f.unit_from,
                                   "note": note, "checks_doc": checks_doc},
                   nullable, unique, name, _merge_checks(name, f.checks, checks))


def field(description: str, unit_code: str | None = None, *, nullable: bool = True, unique: bool = False,
          unit_from: str | None = None, checks_doc: str | None = None, **checks: Any) -> Any:
    """A column of one relation only, with its description and unit code (``None`` for text and identifiers)."""
    if unit_code is not None:
        unit(unit_code)
    description = " ".join(description.split())
    return _column(description, {"field": None, "unit": unit_code, "unit_from": unit_from, "note": None,
                                 "checks_doc": checks_doc}, nullable, unique, description[:40], checks)
