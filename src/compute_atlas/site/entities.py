"""A page and a JSON document for every accelerator and every model, written from the published database.

The pages are Sphinx pages without a source: at ``html-collect-pages`` the extension hands Sphinx, for each
entity, its page name, a context and the template ``atlas-entity.html`` (in ``templates/``, which extends the
theme's ``page.html``), as ``sphinx.ext.viewcode`` does for its source pages. The theme renders them with its
own header, navigation, search box and colour modes; they are not read or parsed, so a thousand of them cost
only their rendering.

- ``accelerators/<accelerator_id>.html`` and ``models/<run_id>.html``: tables of what every relation says
  about the entity, each value formatted with its column's unit from the unit vocabulary, each row's
  source a citation resolved by sphinxcontrib-bibtex (a link to the references page, like the other
  tables), the entities a row names linked to their pages, and small Vega-Lite charts drawn by the site's
  own bundle;
- ``api/accelerators/<id>.json`` and ``api/models/<id>.json``: the same rows, raw values in base units,
  with the unit code of every column and the source keys; ``api/index.json``, every id with its name,
  aliases and addresses;
- ``api/.../<id>.js`` (the JSON as a script, so that the compare page can load it from ``file://``, where
  the browser refuses ``fetch``) and ``api/search.js`` (names and aliases, for the site search).

An entity's page and JSON are handed over only when its rows, or what the page shows besides them (the
theme's navigation, the template, this code), changed: a manifest of digests beside the doctrees records
what was written.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import html
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import duckdb
from sphinx.util.osutil import relative_uri

from .. import schemas
from ..metadata.units import unit
from ..metadata.vocabularies import PRECISIONS, PRICING_MODELS, READER_NAMES
from . import explore, tables
from .charts.common import THEME, USERMETA, figure_html
from .tables import html_table, text_html

#: The precisions in the vocabulary's order, as an SQL list.
PRECISION_ORDER = "[" + ", ".join(f"'{p}'" for p in PRECISIONS) + "]"

#: The pricing models in the vocabulary's order, as an SQL list.
PRICING_ORDER = "[" + ", ".join(f"'{p}'" for p in PRICING_MODELS) + "]"

#: Sphinx docnames of the entities' index pages: the entity pages are generated only where these exist.
INDEX_DOCS = {"accelerator": "accelerators/index", "model": "models/index"}
FOLDERS = {"accelerator": "accelerators", "model": "models"}
#: The template of an entity page, in ``TEMPLATES``.
TEMPLATE = "atlas-entity.html"
TEMPLATES = Path(__file__).parent / "templates"
CHART_WIDTH = 560
#: A page is rewritten when the code or template that renders it changed, not only when its rows did.
CODE_DIGEST = hashlib.sha256(b"".join((Path(__file__).parent / p).read_bytes() for p in (
    "entities.py", "tables.py", "explore.py", "charts/common.py", f"templates/{TEMPLATE}", "templates/page.html",
    "../about.py"))).hexdigest()


@dataclass(frozen=True)
class Section:
    """Rows of one relation about an entity: ``sql`` selects them for every entity at once, with the entity's
    id in its first column, ``_entity``; ``columns`` are those the page shows (the JSON has every column)."""

    key: str
    title: str
    relation: str
    sql: str
    columns: list[tuple[str, str]]
    intro: str = ""
    #: a record: one row shown as field | value
    record: bool = False
    chart: tuple[str, str, str, str] | None = None  # (x column, y column, colour column, y title)


ACCELERATOR_SECTIONS = [
    Section("specification", "Specifications", "accelerators",
            "SELECT accelerator_id AS _entity, * EXCLUDE (notes) FROM accelerators", [
                ("vendor", "Vendor"), ("kind", "Kind"), ("market_segment", "Market"), ("release_date", "Announced"),
                ("release_date_basis", "Date is"),
                ("memory_bytes", "Memory"), ("memory_bandwidth_bytes_per_s", "Memory bandwidth"),
                ("interconnect_bandwidth_bytes_per_s", "Interconnect bandwidth"), ("tdp_watts", "Power"),
                ("tdp_kind", "Power is"), ("process_node_nm", "Process"), ("die_size_mm2", "Die size"),
                ("transistors", "Transistors"), ("launch_price_usd", "Launch price"),
                ("launch_price_date", "Launch price date"), ("value_basis", "Values are"), ("source", "Source")],
            record=True),
    Section("precisions", "Dense peak rate per precision", "accelerator_efficiency",
            """SELECT e.accelerator_id AS _entity, e.precision, e.peak_flop_per_s, e.is_tensor_rate,
                      e.is_best_16bit_tensor, e.source
               FROM accelerator_efficiency e
               ORDER BY e.accelerator_id, list_position(""" + PRECISION_ORDER + """, e.precision)""",
            [("precision", "Precision"), ("peak_flop_per_s", "Dense peak"), ("is_tensor_rate", "Tensor rate"),
             ("source", "Source")],
            "Dense rates (no structured sparsity); an integer precision's rate is in operations per second."),
    Section("efficiency", "Derived metrics", "accelerator_efficiency",
            """SELECT accelerator_id AS _entity, precision, flop_per_s_per_usd, flop_per_s_per_usd_2024,
                      price_basis, price_usd, price_date, priced_flop_per_s_per_usd_2024, flop_per_s_per_watt,
                      ridge_point_flop_per_byte,
                      memory_bytes_per_flop_per_s, achieved_over_peak_frac
               FROM accelerator_efficiency
               ORDER BY accelerator_id, list_position(""" + PRECISION_ORDER + """, precision)""",
            [("precision", "Precision"), ("flop_per_s_per_usd_2024", "Per launch-price dollar (2024)"),
             ("priced_flop_per_s_per_usd_2024", "Per dollar of its price"), ("price_basis", "Price used"),
             ("flop_per_s_per_watt", "Per watt"), ("ridge_point_flop_per_byte", "Ridge point"),
             ("achieved_over_peak_frac", "Achieved / peak")],
            "Derived by the atlas: FLOP/s per dollar and per watt of rated power, "
            "and the ridge point (FLOP per byte of memory traffic at which the chip stops being memory-bound)."),
    Section("purchase_prices", "Purchase prices", "hardware_prices",
            """SELECT accelerator_id AS _entity, price_date, price_usd, price_kind, source, source_url
               FROM hardware_prices ORDER BY accelerator_id, price_date""",
            [("price_date", "Date"), ("price_usd", "Price"), ("price_kind", "Kind"), ("source", "Source")],
            chart=("price_date", "price_usd", "price_kind", "Price (nominal USD)")),
    Section("cloud_summary", "Cloud prices by pricing model", "cloud_price_summary",
            """SELECT accelerator_id AS _entity, pricing_model, median_price_usd_per_hour, min_price_usd_per_hour,
                      max_price_usd_per_hour, n_providers, n_prices, first_price_date, last_price_date
               FROM cloud_price_summary
               ORDER BY accelerator_id, list_position(""" + PRICING_ORDER + """, pricing_model)""",
            [("pricing_model", "Pricing"), ("median_price_usd_per_hour", "Median per chip-hour"),
             ("min_price_usd_per_hour", "Lowest"), ("max_price_usd_per_hour", "Highest"),
             ("n_providers", "Providers"), ("n_prices", "Prices"), ("first_price_date", "From"),
             ("last_price_date", "To")],
            "The spread of the cloud prices below, per pricing model: nominal dollars of dates that differ, so a "
            "spread, not a trend."),
    Section("cloud_prices", "Cloud prices", "cloud_prices",
            """SELECT accelerator_id AS _entity, price_date, provider, instance_type, cloud_region, pricing_model,
                      price_usd_per_hour, source, source_url
               FROM cloud_prices ORDER BY accelerator_id, price_date, provider, pricing_model""",
            [("price_date", "Date"), ("provider", "Provider"), ("instance_type", "Instance"),
             ("cloud_region", "Region"), ("pricing_model", "Pricing"), ("price_usd_per_hour", "Per chip-hour"),
             ("source", "Source")],
            chart=("price_date", "price_usd_per_hour", "pricing_model", "USD per chip-hour (nominal)")),
    Section("achieved", "Achieved against quoted", "achieved_vs_peak",
            """SELECT accelerator_id AS _entity, precision, peak_flop_per_s, achieved_flop_per_s,
                      achieved_over_peak_frac, provenance, n_measurements, achieved_bytes_per_s,
                      achieved_bandwidth_over_peak_frac, measurement_id, source, source_url
               FROM achieved_vs_peak ORDER BY accelerator_id, precision""",
            [("precision", "Precision"), ("peak_flop_per_s", "Quoted dense peak"),
             ("achieved_flop_per_s", "Best achieved"), ("achieved_over_peak_frac", "Achieved / peak"),
             ("achieved_bandwidth_over_peak_frac", "Bandwidth achieved / peak"), ("provenance", "Measured by"),
             ("n_measurements", "Measurements"), ("source", "Source")]),
    Section("measurements", "Measurements", "measurements",
            """SELECT accelerator_id AS _entity, measurement_id, benchmark, precision, provenance,
                      achieved_flop_per_s, achieved_bytes_per_s, power_watts, software, measured_date, source,
                      source_url
               FROM measurements ORDER BY accelerator_id, measured_date, measurement_id""",
            [("measurement_id", "Measurement"), ("benchmark", "Benchmark"), ("precision", "Precision"),
             ("achieved_flop_per_s", "Achieved"), ("achieved_bytes_per_s", "Achieved bandwidth"),
             ("power_watts", "Power"), ("measured_date", "Measured"), ("source", "Source")]),
    Section("mlperf", "MLPerf Training results", "mlperf_training",
            """SELECT accelerator_id AS _entity, mlperf_result_id, mlperf_round, mlperf_benchmark, division,
                      submitter, system, node_count, accelerator_count, time_to_train_minutes, source, source_url
               FROM mlperf_training ORDER BY accelerator_id, mlperf_round, mlperf_benchmark, time_to_train_minutes""",
            [("mlperf_round", "Round"), ("mlperf_benchmark", "Benchmark"), ("division", "Division"),
             ("submitter", "Submitter"), ("accelerator_count", "Chips"), ("time_to_train_minutes", "Time to train"),
             ("mlperf_result_id", "Result"), ("source", "Source")]),
    Section("training_runs", "Training runs that used it", "training_runs",
            """SELECT accelerator_id AS _entity, run_id, publication_date, accelerator_count, training_duration_hours,
                      training_compute_flop, source, source_url
               FROM training_runs WHERE accelerator_id IS NOT NULL ORDER BY accelerator_id, publication_date, run_id""",
            [("run_id", "Model"), ("publication_date", "Published"), ("accelerator_count", "Chips"),
             ("training_duration_hours", "Hours"), ("training_compute_flop", "Compute"), ("source", "Source")]),
    Section("technique_results", "Technique results measured on it", "technique_results",
            """SELECT r.accelerator_id AS _entity, r.result_id, t.name AS technique, r.model, r.task, r.metric,
                      r.value_unit, r.baseline_value, r.treated_value, r.source, r.source_url
               FROM technique_results r JOIN techniques t USING (technique_id)
               WHERE r.accelerator_id IS NOT NULL ORDER BY r.accelerator_id, r.result_id""",
            [("technique", "Technique"), ("model", "Model"), ("task", "Task"), ("metric", "Metric"),
             ("baseline_value", "Before"), ("treated_value", "After"), ("value_unit", "Unit"), ("source", "Source")]),
    Section("inference_energy", "Inference energy on it", "inference_energy",
            """SELECT accelerator_id AS _entity, energy_id, run_id, model_version, accelerator_count, precision, task,
                      batch_size, energy_per_output_token_joules, output_tokens_per_s, energy_scope, source, source_url
               FROM inference_energy ORDER BY accelerator_id, run_id, task, batch_size, energy_id""",
            [("run_id", "Model"), ("accelerator_count", "Chips"), ("precision", "Precision"), ("task", "Task"),
             ("batch_size", "Batch"), ("energy_per_output_token_joules", "Energy per output token"),
             ("output_tokens_per_s", "Throughput"), ("energy_scope", "Covers"), ("source", "Source")]),
    Section("aliases", "Also called", "accelerator_aliases",
            "SELECT accelerator_id AS _entity, alias, context, source FROM accelerator_aliases "
            "ORDER BY accelerator_id, alias",
            [("alias", "Name"), ("context", "Where"), ("source", "Source")]),
]

MODEL_SECTIONS = [
    Section("catalogue", "The model", "training_runs",
            "SELECT run_id AS _entity, * EXCLUDE (notes) FROM training_runs", [
                ("organization", "Organization"), ("publication_date", "Published"), ("domain", "Domain"),
                ("parameters", "Parameters"), ("training_tokens", "Training tokens"),
                ("is_frontier", "Frontier model"), ("is_distilled", "Distilled"), ("source", "Source")],
            record=True),
    Section("compute", "Training compute three ways", "training_run_costs",
            """SELECT c.run_id AS _entity, m.way, m.flop, m.how, r.compute_confidence
               FROM training_run_costs c JOIN training_runs r USING (run_id),
               LATERAL (VALUES (1, 'reported', c.compute_reported_flop, r.compute_estimation_method),
                               (2, '6ND', c.compute_6nd_flop, '6 × parameters × training tokens'),
                               (3, 'hardware', c.compute_hardware_flop, 'chips × hours × peak rate × utilization'))
                       AS m(ord, way, flop, how)
               ORDER BY c.run_id, m.ord""",
            [("way", "Way"), ("flop", "Compute (FLOP)"), ("how", "Method"), ("compute_confidence", "Confidence")],
            "The catalogue's figure with how it was estimated and its confidence, beside the atlas's own two "
            "estimates: from the model's size and data, and from the chips and time it trained on."),
    Section("hardware", "Hardware and duration", "training_run_costs",
            """SELECT run_id AS _entity, accelerator_id, accelerator_count, training_duration_hours, chip_hours,
                      precision, precision_assumed, peak_flop_per_s, mfu_frac, compute_spread_x
               FROM training_run_costs""",
            [("accelerator_id", "Accelerator"), ("accelerator_count", "Chips"),
             ("training_duration_hours", "Duration"), ("chip_hours", "Chip-hours"), ("precision", "Precision"),
             ("precision_assumed", "Precision assumed"), ("peak_flop_per_s", "Peak per chip"),
             ("mfu_frac", "Utilization (MFU)"), ("compute_spread_x", "Spread of the three ways")], record=True),
    Section("cost", "Cost", "training_run_costs",
            """SELECT run_id AS _entity, cost_estimate_usd_2024, cloud_cost_usd_2024, ownership_cost_usd_2024,
                      amortized_hardware_cost_usd_2024, energy_cost_usd_2024, energy_share_frac, energy_kwh,
                      emissions_t_co2e, reported_cost_usd, reported_cost_usd_2024, disagreement_flag,
                      assumptions_used
               FROM training_run_costs""",
            [("cost_estimate_usd_2024", "Estimate"), ("cloud_cost_usd_2024", "Cloud rental"),
             ("ownership_cost_usd_2024", "Ownership"), ("amortized_hardware_cost_usd_2024", "Hardware (amortized)"),
             ("energy_cost_usd_2024", "Energy cost"), ("energy_share_frac", "Energy's share"),
             ("energy_kwh", "Energy"), ("emissions_t_co2e", "Emissions"), ("reported_cost_usd", "Reported"),
             ("reported_cost_usd_2024", "Reported (2024 dollars)"),
             ("disagreement_flag", "Reported and estimated disagree"), ("assumptions_used", "Assumptions")],
            record=True),
    Section("cost_methods", "Cost by method", "training_cost_methods",
            """SELECT run_id AS _entity, method_id, cost_method, method_chip_hours, chip_hours_basis, price_provider,
                      pricing_model, price_date, rate_usd_per_hour, cost_usd, dollar_year, cost_usd_2024,
                      published_cost_usd_2024, ratio_to_published_x
               FROM training_cost_methods ORDER BY run_id, method_id""",
            [("method_id", "Method (whose)"), ("method_chip_hours", "Chip-hours"), ("chip_hours_basis", "Chip-hours from"),
             ("price_provider", "Priced at"), ("rate_usd_per_hour", "Rate"), ("cost_usd", "Cost"),
             ("dollar_year", "Dollar year"), ("cost_usd_2024", "Cost (2024 dollars)"),
             ("published_cost_usd_2024", "Published"), ("ratio_to_published_x", "Ours / published")]),
    Section("benchmarks", "Benchmark scores", "benchmark_results",
            """SELECT r.run_id AS _entity, r.benchmark_result_id, r.benchmark_id, b.name AS benchmark, r.model_version,
                      r.score, r.score_stderr, b.score_unit, r.shots, r.settings, r.evaluator, r.evaluated_date,
                      r.source, r.source_url
               FROM benchmark_results r JOIN benchmarks b USING (benchmark_id)
               ORDER BY r.run_id, b.name, r.benchmark_result_id""",
            [("benchmark", "Benchmark"), ("model_version", "Version"), ("score", "Score"),
             ("score_stderr", "Std. error"), ("score_unit", "Unit"), ("shots", "Shots"), ("settings", "Settings"),
             ("evaluator", "Evaluated by"), ("source", "Source")]),
    Section("inference_prices", "Inference prices", "inference_prices",
            """SELECT run_id AS _entity, price_id, observed_date, provider, model_version, input_usd_per_mtok,
                      output_usd_per_mtok, blended_usd_per_mtok, context_window_tokens, source, source_url
               FROM inference_prices ORDER BY run_id, observed_date, provider, price_id""",
            [("observed_date", "Observed"), ("provider", "Provider"), ("model_version", "Version"),
             ("input_usd_per_mtok", "Input"), ("output_usd_per_mtok", "Output"),
             ("blended_usd_per_mtok", "Blended"), ("context_window_tokens", "Context"), ("source", "Source")],
            chart=("observed_date", "output_usd_per_mtok", "provider", "Output price (USD per million tokens)")),
    Section("inference_energy", "Inference energy", "inference_energy",
            """SELECT run_id AS _entity, energy_id, accelerator_id, accelerator_count, precision, task, batch_size,
                      energy_per_output_token_joules, output_tokens_per_s, energy_scope, source, source_url
               FROM inference_energy ORDER BY run_id, accelerator_id, task, batch_size, energy_id""",
            [("accelerator_id", "Accelerator"), ("accelerator_count", "Chips"), ("precision", "Precision"),
             ("task", "Task"), ("batch_size", "Batch"), ("energy_per_output_token_joules", "Energy per output token"),
             ("output_tokens_per_s", "Throughput"), ("energy_scope", "Covers"), ("source", "Source")]),
]

#: How many changes an entity page lists, and where a long value (a note) is cut.
HISTORY_ROWS = 30
HISTORY_VALUE_CHARS = 120


def history_section(column: str) -> Section:
    """The latest changes of the curated rows about an entity (``value_history``), newest first."""
    return Section(
        "history", "History of these rows", "value_history",
        # a row removed (or re-keyed) is one line here, not one per value it had
        f"""WITH changes AS (
                SELECT {column}, changed_date, dataset, key_values, column_name, change_kind, old_value, new_value,
                       commit, commit_seq, commit_subject
                FROM value_history WHERE {column} IS NOT NULL AND change_kind <> 'removed'
                UNION ALL
                SELECT DISTINCT {column}, changed_date, dataset, key_values, NULL, 'removed', NULL, NULL, commit,
                       commit_seq, commit_subject
                FROM value_history WHERE {column} IS NOT NULL AND change_kind = 'removed')
            SELECT {column} AS _entity, changed_date, dataset, key_values AS row_key,
                   coalesce(column_name, '(whole row)') AS column_name, change_kind,
                   CASE WHEN length(old_value) > {HISTORY_VALUE_CHARS} THEN left(old_value, {HISTORY_VALUE_CHARS}) || '…'
                        ELSE old_value END AS old_value,
                   CASE WHEN length(new_value) > {HISTORY_VALUE_CHARS} THEN left(new_value, {HISTORY_VALUE_CHARS}) || '…'
                        ELSE new_value END AS new_value,
                   commit, commit_subject
            FROM changes
            QUALIFY row_number() OVER (PARTITION BY {column}
                                       ORDER BY commit_seq DESC, dataset, row_key, column_name) <= {HISTORY_ROWS}
            ORDER BY {column}, commit_seq DESC, dataset, row_key, column_name""",
        [("changed_date", "Date"), ("dataset", "Dataset"), ("row_key", "Row"), ("column_name", "Column"),
         ("change_kind", "Change"), ("old_value", "Before"), ("new_value", "After"), ("commit", "Commit")],
        intro=(f"What the atlas said before and after each change to its rows about it, newest first (the latest "
               f"{HISTORY_ROWS}; long values cut at {HISTORY_VALUE_CHARS} characters). The published database's "
               "history table holds every change, with each commit's message."))

ACCELERATOR_SECTIONS.append(history_section("accelerator_id"))
MODEL_SECTIONS.append(history_section("run_id"))

SECTIONS = {"accelerator": ACCELERATOR_SECTIONS, "model": MODEL_SECTIONS}
#: The column that names an entity of each kind in the curated datasets: an entity page's "data last changed" is the
#: newest change of the rows that carry its id there (``value_history``).
ID_COLUMNS = {"accelerator": "accelerator_id", "model": "run_id"}
#: Columns that name an entity: their cells link to its page.
LINKED = {"accelerator_id": "accelerator", "run_id": "model"}
#: Units of the columns that a section renames.
RENAMED_UNITS = {"flop": "flop"}


def _jsonable(v):
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
        return None
    return v


@functools.cache
def column_unit(col: str) -> str | None:
    return RENAMED_UNITS.get(col) or schemas.column_unit(col)


@dataclass
class Entity:
    kind: str
    id: str
    name: str
    sections: dict[str, list[dict]] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)
    last_changed: str | None = None
    #: the dataset and commit of that change
    last_changed_in: str | None = None

    @property
    def path(self) -> str:
        return f"{FOLDERS[self.kind]}/{self.id}.html"

    def sources(self) -> list[str]:
        keys: dict[str, None] = {}
        for rows in self.sections.values():
            for row in rows:
                for k in (row.get("source") or "").split(";"):
                    if k:
                        keys[k] = None
        return list(keys)

    def document(self) -> dict:
        """The entity's JSON: its rows per section (raw values, base units), the unit of every column, sources."""
        units: dict[str, str] = {}
        for rows in self.sections.values():
            for row in rows[:1]:
                for col in row:
                    u = column_unit(col)
                    if u:
                        units[col] = u
        kinds = SECTIONS[self.kind]
        return {
            "kind": self.kind, "id": self.id, "name": self.name, "page": self.path,
            "json": f"api/{FOLDERS[self.kind]}/{self.id}.json",
            "aliases": self.aliases, "data_last_changed": self.last_changed,
            "sections": {s.key: {"title": s.title, "relation": s.relation, "rows": self.sections.get(s.key, [])}
                         for s in kinds},
            "units": dict(sorted(units.items())),
            "sources": self.sources(),
            "summary": self.summary(),
        }

    def summary(self) -> list[list[str]]:
        """Label and formatted value of the quantities the compare page sets side by side."""
        out: list[list[str]] = []
        first = self.sections.get("specification" if self.kind == "accelerator" else "catalogue", [{}])
        rec = first[0] if first else {}
        if self.kind == "accelerator":  # its facts, prices and rates per dollar and per watt, in groups
            return explore.accelerator_summary(self.sections, display)
        else:
            for col, label in [("organization", "Organization"), ("publication_date", "Published"),
                               ("parameters", "Parameters"), ("training_tokens", "Training tokens"),
                               ("training_compute_flop", "Training compute"),
                               ("compute_confidence", "Compute confidence")]:
                out.append([label, display(col, rec.get(col))])
            hw = (self.sections.get("hardware") or [{}])[0]
            for col, label in [("accelerator_id", "Accelerator"), ("accelerator_count", "Chips"),
                               ("training_duration_hours", "Duration"), ("chip_hours", "Chip-hours")]:
                out.append([label, display(col, hw.get(col))])
            cost = (self.sections.get("cost") or [{}])[0]
            for col, label in [("cost_estimate_usd_2024", "Cost estimate"), ("reported_cost_usd", "Reported cost"),
                               ("energy_kwh", "Energy")]:
                out.append([label, display(col, cost.get(col))])
            for row in self.sections.get("benchmarks", []):
                out.append([f"{row['benchmark']} ({row['model_version'] or 'score'})", display("score", row["score"])])
        return out


    def card(self, chip_names: dict[str, str]) -> list[tuple[str, str]]:
        """The key facts at the top of the entity's page, as (label, text) with units: what a reader asks first.
        Absent facts are left out; a cost is named by its method and whose method it is (``COST_METHOD_NAMES``);
        a chip by its name (``chip_names``, by id)."""
        out: list[tuple[str, str]] = []

        def add(label: str, col: str, v, suffix: str = "") -> None:
            if v is not None and v != "":
                out.append((label, display(col, v) + suffix))

        first = self.sections.get("specification" if self.kind == "accelerator" else "catalogue", [{}])
        rec = first[0] if first else {}
        if self.kind == "accelerator":
            for label, col in [("Vendor", "vendor"), ("Market", "market_segment"), ("Announced", "release_date"),
                               ("Memory", "memory_bytes"), ("Memory bandwidth", "memory_bandwidth_bytes_per_s"),
                               ("Power (TDP)", "tdp_watts")]:
                add(label, col, rec.get(col))
            add("Launch price", "launch_price_usd", rec.get("launch_price_usd"),
                f" (list, {rec['launch_price_date']})" if rec.get("launch_price_date") else "")
            rates = {r["precision"]: r for r in self.sections.get("precisions", [])}
            effs = {r["precision"]: r for r in self.sections.get("efficiency", [])}
            for p in ("bf16", "fp16", "fp8"):
                if p in rates and rates[p].get("peak_flop_per_s"):
                    add(f"{p.upper()} dense peak", "peak_flop_per_s", rates[p]["peak_flop_per_s"])
                    eff = effs.get(p, {})
                    add(f"{p.upper()} per 2024 dollar", "flop_per_s_per_usd_2024", eff.get("flop_per_s_per_usd_2024"))
                    add(f"{p.upper()} per watt", "flop_per_s_per_watt", eff.get("flop_per_s_per_watt"))
                    break
            # the on-demand spread as cloud_price_summary holds it (the "cloud_summary" section's row)
            summary = next((r for r in self.sections.get("cloud_summary", []) if r.get("pricing_model") == "on_demand"),
                           None)
            if summary:
                lo, hi = summary["min_price_usd_per_hour"], summary["max_price_usd_per_hour"]
                span = display("price_usd_per_hour", lo) + (f" to {display('price_usd_per_hour', hi)}" if hi > lo else "")
                out.append(("Cloud, on demand, per chip-hour",
                            f"{span} ({summary['n_prices']} offers, {summary['first_price_date']} to "
                            f"{summary['last_price_date']}, nominal dollars)"))
        else:
            for label, col in [("Organization", "organization"), ("Published", "publication_date")]:
                add(label, col, rec.get(col))
            for label, col in [("Parameters", "parameters"), ("Training tokens", "training_tokens")]:
                if rec.get(col):
                    out.append((label, in_words(rec[col])))
            conf = rec.get("compute_confidence")
            add("Training compute", "training_compute_flop", rec.get("training_compute_flop"),
                f" ({conf} estimate)" if conf else "")
            hw = (self.sections.get("hardware") or [{}])[0]
            if hw.get("accelerator_id"):
                chips = f"{hw['accelerator_count']:,} × " if hw.get("accelerator_count") else ""
                out.append(("Trained on", chips + chip_names.get(hw["accelerator_id"], hw["accelerator_id"])))
            for row in self.sections.get("cost_methods", []):
                if row.get("cost_usd_2024") is not None:
                    out.append((f"Training cost: {COST_METHOD_NAMES.get(row['method_id'], row['method_id'])}",
                                display("cost_usd_2024", row["cost_usd_2024"])))
            cost = (self.sections.get("cost") or [{}])[0]
            add("Training energy", "energy_kwh", cost.get("energy_kwh"))
        return out


def in_words(n: float) -> str:
    """A large count to three significant figures with its scale in words: 1.8e12 -> "1.8 trillion"."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if abs(n) >= scale:
            return f"{n / scale:.3g} {word}"
    return f"{n:.3g}"


#: Each costing method of ``training_cost_methods`` as a reader reads it: what it prices, and whose method it is.
COST_METHOD_NAMES = READER_NAMES["method_id"]


def value_basis_text(v: str) -> str:
    """``accelerators.value_basis`` as a reader reads it: "all values: a secondary source; TF32 rate: a sibling
    chip's (no source of its own)"."""
    labels = dict(ACCELERATOR_SECTIONS[0].columns)
    out = []
    for entry in v.split(";"):
        col, _, basis = entry.partition(":")
        if col == "*":
            what = "all values"
        elif col.endswith(("_flop_per_s", "_op_per_s")):
            what = col.split("_")[0].upper() + " rate"
        else:
            what = labels.get(col, col.replace("_", " "))
        out.append(f"{what}: {READER_NAMES['value_basis'].get(basis, basis)}")
    return "; ".join(out)


def display(col: str, v) -> str:
    """A value as the site's tables show it: a vocabulary's code by the name a reader sees (``READER_NAMES``), else
    formatted with its column's unit from the vocabulary. A list of organizations (stored `A,B`) reads `A, B`."""
    if col == "value_basis" and isinstance(v, str) and v:
        return value_basis_text(v)
    if col == "organization" and isinstance(v, str):
        return v.replace(",", ", ")
    names = READER_NAMES.get(col)
    if names and isinstance(v, str):
        return names.get(v, v)
    return tables.display(v, column_unit(col))


def load(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Entity]]:
    """Every entity with its rows, from the database."""
    out: dict[str, dict[str, Entity]] = {
        "accelerator": {i: Entity("accelerator", i, n) for i, n in
                        con.execute("SELECT accelerator_id, name FROM accelerators ORDER BY accelerator_id").fetchall()},
        "model": {i: Entity("model", i, n) for i, n in
                  con.execute("SELECT run_id, model FROM training_runs ORDER BY run_id").fetchall()},
    }
    for kind, sections in SECTIONS.items():
        for s in sections:
            cur = con.execute(s.sql)
            names = [d[0] for d in cur.description][1:]
            for row in cur.fetchall():
                e = out[kind].get(row[0])
                if e is None:
                    continue
                e.sections.setdefault(s.key, []).append({n: _jsonable(v) for n, v in zip(names, row[1:])})
        # "last changed": the newest change of a curated row about the entity (value_history, from git)
        column = ID_COLUMNS[kind]
        for ident, day, dataset, commit in con.execute(f"""
                SELECT {column}, changed_date, dataset, commit FROM value_history WHERE {column} IS NOT NULL
                QUALIFY row_number() OVER (PARTITION BY {column} ORDER BY changed_date DESC, commit_seq DESC,
                                           dataset, key_values, column_name) = 1""").fetchall():
            if ident in out[kind]:
                out[kind][ident].last_changed = day.isoformat()
                out[kind][ident].last_changed_in = f"{dataset}, commit {commit}"
    for alias, aid in con.execute("SELECT alias, accelerator_id FROM accelerator_aliases ORDER BY alias").fetchall():
        if aid in out["accelerator"]:
            out["accelerator"][aid].aliases.append(alias)
    return out


# --- pages ----------------------------------------------------------------------------------------------------

TITLE_ATTR = re.compile(r' title="[^"]*"')


class PageContext:
    """The template context of entity pages (``templates/atlas-entity.html``, which extends the theme's
    ``page.html``). ``cite`` turns a ``;``-separated source into citation HTML."""

    def __init__(self, entities: dict[str, dict[str, Entity]], cite):
        self.entities, self.full_cite = entities, cite
        self._short: dict[str, str] = {}
        self.chip_names = {i: e.name for i, e in entities.get("accelerator", {}).items()}

    def cite(self, keys: str) -> str:
        """A citation in a table cell: the link of ``{cite:p}`` without its tooltip (the full reference is in
        the page's list of sources, and would repeat on every row of a long table)."""
        if keys not in self._short:
            self._short[keys] = TITLE_ATTR.sub("", self.full_cite(keys))
        return self._short[keys]

    def link(self, kind: str, ident: str, here: Entity) -> str:
        e = self.entities[kind].get(ident)
        if e is None:
            return text_html(ident)
        return f'<a class="atlas-entity-link" href="{html.escape(relative_uri(here.path, e.path))}">{text_html(e.name)}</a>'

    def cell(self, col: str, v, here: Entity) -> str:
        if v is None:
            return ""
        if col == "source":
            return self.cite(v)
        if col in LINKED:
            return self.link(LINKED[col], v, here)
        return text_html(display(col, v))

    def table(self, e: Entity, s: Section, rows: list[dict]) -> str:
        if s.record:
            row = rows[0]
            return html_table([], [[text_html(h), self.cell(c, row.get(c), e)] for c, h in s.columns
                                   if row.get(c) not in (None, "")], "atlas-table atlas-record", row_headers=True)
        return html_table([text_html(h) for _, h in s.columns],
                          [[self.cell(c, r.get(c), e) for c, _ in s.columns] for r in rows], "atlas-table sortable")

    def chart(self, e: Entity, s: Section, rows: list[dict]) -> str:
        x, y, colour, title = s.chart
        values = [{x: r[x], y: r[y], colour: display(colour, r.get(colour)) if r.get(colour) else "",
                   "source": r.get("source") or ""}
                  for r in rows if r.get(x) is not None and r.get(y) is not None]
        if not values:
            return ""
        yu = unit(column_unit(y))
        spec = {
            "$schema": "https://vega.github.io/schema/vega-lite/v6.json", "config": THEME, "usermeta": USERMETA,
            "width": CHART_WIDTH, "height": 240, "data": {"values": values},
            "mark": {"type": "point", "filled": True, "size": 60, "tooltip": True},
            "encoding": {
                "x": {"field": x, "type": "temporal", "title": "Date"},
                "y": {"field": y, "type": "quantitative", "title": title, "axis": {"format": yu.axis},
                      "scale": {"zero": False}},
                "color": {"field": colour, "type": "nominal", "title": colour.replace("_", " ").capitalize()},
                "tooltip": [{"field": x, "type": "temporal", "title": "Date"},
                            {"field": y, "type": "quantitative", "title": title, "format": yu.axis},
                            {"field": colour, "type": "nominal"}, {"field": "source", "type": "nominal"}],
            },
        }
        description = (f"{s.title} of {e.name} over time: {len(values)} points of {title.lower()}, "
                       f"by {colour.replace('_', ' ')}.")
        return figure_html(s.key, json.dumps(spec, sort_keys=True), f"{s.title} over time", description,
                           fallback="The table below holds the rows this chart plots.")

    def context(self, e: Entity) -> dict:
        """What the template shows of an entity: its facts, a section per relation that has rows about it (a
        chart, a table), its sources. Values are HTML, escaped here; the template adds only structure."""
        sections = []
        for s in SECTIONS[e.kind]:
            rows = e.sections.get(s.key, [])
            if not rows or s.key == "aliases":  # the aliases are among the facts
                continue
            sections.append({"anchor": s.key.replace("_", "-"), "title": text_html(s.title),
                             "intro": text_html(s.intro), "chart": self.chart(e, s, rows) if s.chart else "",
                             "table": self.table(e, s, rows)})
        return {
            "title": text_html(e.name),  # HTML, as Sphinx's own pages' titles are
            "atlas_entity": {"kind": e.kind, "what": "Accelerator" if e.kind == "accelerator" else "Model",
                             "folder": FOLDERS[e.kind], "id": text_html(e.id), "name": text_html(e.name),
                             "name_query": quote(e.name), "aliases": [text_html(a) for a in e.aliases],
                             "last_changed": e.last_changed, "last_changed_in": text_html(e.last_changed_in or ""),
                             "card": [(text_html(k), text_html(v)) for k, v in e.card(self.chip_names)]},
            "atlas_sections": sections,
            "atlas_sources": [self.full_cite(k) for k in e.sources()],
            # the theme's "last updated": when the entity's data last changed
            "last_updated": e.last_changed,
        }


def digest(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _js(value, callback: str) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"{callback}({text});\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def search_index(entities: dict[str, dict[str, Entity]]) -> list[dict]:
    """Every entity with its name and aliases: the site search and the compare page's pickers read it."""
    return [{"kind": kind, "id": e.id, "name": e.name, "aliases": e.aliases, "page": e.path,
             "json": f"api/{FOLDERS[kind]}/{e.id}.json"}
            for kind, by_kind in entities.items() for e in by_kind.values()]


def pages(con: duckdb.DuckDBPyConnection, outdir: Path, manifest_path: Path, cite, theme_digest: str,
          counts: dict[str, int]) -> Iterator[tuple[str, dict, str]]:
    """The entity pages for Sphinx's ``html-collect-pages``: (pagename, context, template) for each entity whose
    rows or ``theme_digest`` (what else the page shows: the theme's navigation, the templates, this code)
    changed since the manifest was written. Writes their JSON and script beside, the search index, and
    deletes the files of entities gone; ``counts`` gets ``written``, ``kept`` and ``removed``."""
    entities = load(con)
    try:
        old = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        old = {}
    new: dict[str, str] = {}
    pc = PageContext(entities, cite)
    for kind, by_id in entities.items():
        folder = FOLDERS[kind]
        for e in by_id.values():
            doc = e.document()
            key = f"{kind}:{e.id}"
            new[key] = d = digest(theme_digest, CODE_DIGEST, doc)
            if old.get(key) == d and (outdir / e.path).exists():
                counts["kept"] += 1
                continue
            _write(outdir / "api" / folder / f"{e.id}.json", json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
            _write(outdir / "api" / folder / f"{e.id}.js", _js(doc, "atlasEntityLoaded"))
            counts["written"] += 1
            yield e.path.removesuffix(".html"), pc.context(e), TEMPLATE
    for key in set(old) - set(new):
        kind, ident = key.split(":", 1)
        for p in (outdir / FOLDERS[kind] / f"{ident}.html", outdir / "api" / FOLDERS[kind] / f"{ident}.json",
                  outdir / "api" / FOLDERS[kind] / f"{ident}.js"):
            p.unlink(missing_ok=True)
        counts["removed"] += 1
    index = search_index(entities)
    _write(outdir / "api" / "index.json", json.dumps({"entities": index}, ensure_ascii=False, indent=1) + "\n")
    _write(outdir / "api" / "search.js", _js(index, "atlasSearchIndexLoaded"))
    _write(manifest_path, json.dumps(new, sort_keys=True))
