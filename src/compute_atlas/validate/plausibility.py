"""Plausibility checks of particular tables: rates in the right order, a sparse figure stored as
dense, prices per chip rather than per instance, estimates inside their own intervals. Most are
errors; the ones a real chip or run can break are warnings, for a reviewer to confirm."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..metadata.vocabularies import CLAIM_RULES, RATIO_METRICS, TECHNIQUE_METRICS
from ..problems import Problem
from ..schemas import CURATED, relation
from ..schemas.accelerators import VALUE_COLUMNS
from ..sql import ident
from ..stats.claims import subset_args

if TYPE_CHECKING:
    from .query import Query as _Query

#: Ceiling on a dense 16-bit tensor rate at each release date: 1.6e15 FLOP/s in
#: September 2022, growing 1.6x a year. It sits above every flagship's dense
#: rate (V100 1.25e14 in 2017, H100 9.9e14, B200 2.25e15) and below its
#: "with sparsity" figure (A100 6.24e14, H100 1.98e15, MI300X 2.61e15), so a
#: sparse figure entered as dense is caught.
FRONTIER_16BIT_FLOP_PER_S = "1.6e15 * pow(1.6, (date_diff('day', DATE '2022-09-20', release_date) / 365.25))"

#: Rate pairs on matrix units: (higher, lower, max ratio higher/lower, what a violation means).
RATE_ORDER = [
    ("bf16_flop_per_s", "fp32_flop_per_s", None, "a 16-bit tensor rate below the FP32 rate: is it the non-tensor rate?"),
    ("fp16_flop_per_s", "fp32_flop_per_s", None, "a 16-bit tensor rate below the FP32 rate: is it the non-tensor rate?"),
    ("fp16_flop_per_s", "bf16_flop_per_s", 1.05, "FP16 and BF16 run at the same rate on almost every chip (the AMD "
                                                  "MI100 is an exception); is one of them a sparse figure?"),
    ("fp8_flop_per_s", "bf16_flop_per_s", 2.2, "FP8 runs at 1 to 2 times the BF16 rate; outside that, one of them is "
                                               "sparse or mis-typed"),
    ("fp4_flop_per_s", "fp8_flop_per_s", 4.4, "FP4 runs at 1 to 4 times the FP8 rate; outside that, one of them is "
                                              "sparse or mis-typed"),
    ("bf16_flop_per_s", "tf32_flop_per_s", 2.2, "TF32 runs at half the BF16 rate; a BF16 rate more than twice "
                                                "TF32 is likely a sparse figure"),
]



#: Rows of `parameters` that the checks below read (constants of the validation, not literals here).
VALIDATION_PARAMETERS = ("arxiv-v1-lag-days", "implied-utilization-floor", "energy-power-consistency-x",
                         "inference-price-floor-usd-per-mtok")

GIB = 2 ** 30


def _whole(expr: str, unit: str) -> str:
    """SQL: ``expr`` is a whole number of ``unit`` (to one part in a million; stored figures are rounded)."""
    return f"(abs({expr} / {unit} - round({expr} / {unit})) <= 1e-6 * {expr} / {unit})"


def run_all(q: _Query, have: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    params = parameters(q, have, problems)
    if "accelerators" in have:
        problems += accelerator_plausibility(q)
        problems += memory_units(q)
        problems += value_basis(q)
        problems += near_duplicate_names(q, "accelerators", "name")
    if "glossary" in have:
        problems += near_duplicate_names(q, "glossary", "term")
    problems += intervals(q, have)
    if "training_runs" in have:
        problems += training_run_plausibility(q)
        problems += first_release_dates(q, params)
        if "accelerators" in have:
            problems += implied_utilization(q, params)
    problems += price_dates(q, have)
    if "inference_prices" in have:
        problems += inference_price_shape(q)
        problems += inference_price_units(q, params)
        if "training_runs" in have:
            problems += inference_prices_after_release(q)
    if "benchmarks" in have:
        problems += benchmark_scales(q)
        if "benchmark_results" in have:
            problems += scores_within_scale(q)
    if "inference_energy" in have:
        problems += inference_energy_counts(q)
        problems += inference_energy_power(q, params)
    if "claims" in have:
        problems += claim_shape(q, have)
    if "cloud_prices" in have:
        problems += q.rows("cloud_prices", "price_usd_per_hour NOT BETWEEN 0.05 AND 100", "price_usd_per_hour",
                           "price_usd_per_hour", "price per accelerator-hour outside 0.05 to 100 USD",
                           "is it the price of a whole instance? divide by its number of accelerators", "warning")
    return problems


def accelerator_plausibility(q: _Query) -> list[Problem]:
    out = []
    for hi, lo, max_ratio, meaning in RATE_ORDER:
        out += q.rows("accelerators", f"has_matrix_units AND {hi} < {lo}", hi, f"{hi} || ' < ' || {lo}",
                      f"{hi} must be at least {lo} on a chip with matrix units", meaning)
        if max_ratio:  # a few real chips exceed these ratios: a warning, for a reviewer to confirm
            out += q.rows("accelerators", f"has_matrix_units AND {hi} > {max_ratio} * {lo}", hi,
                          f"{hi} || ' > {max_ratio} x ' || {lo}",
                          f"{hi} is more than {max_ratio} times {lo}", meaning, "warning")
    for col in ("bf16_flop_per_s", "fp16_flop_per_s"):
        out += q.rows("accelerators", f"kind <> 'wafer_scale' AND {col} > {FRONTIER_16BIT_FLOP_PER_S}", col, col,
                      "dense rate above the fastest plausible chip of its release date "
                      "(1.6e15 FLOP/s in Sept 2022, growing 1.6x a year)",
                      "is it a 'with sparsity' figure? store the dense rate (half of it)")
    out += q.rows("accelerators", "(launch_price_usd IS NULL) <> (launch_price_date IS NULL)", "launch_price_date",
                  "coalesce(CAST(launch_price_date AS VARCHAR), '')", "a launch price needs its date, and a date its price",
                  "fill both or neither")
    out += q.rows("accelerators", "tdp_watts IS NOT NULL AND tdp_kind IS NULL", "tdp_kind", "tdp_kind",
                  "a power figure needs its kind", "vendor_tdp, derived or measured")
    out += q.rows("accelerators", "launch_price_usd IS NOT NULL AND fp32_flop_per_s / launch_price_usd > "
                  "1e10 * pow(1.5, year(release_date) - 2008)", "launch_price_usd", "launch_price_usd",
                  "FP32 FLOP/s per dollar far above the trend for its year", "check the price and the rate", "warning")
    return out


def near_duplicate_names(q: _Query, table: str, col: str) -> list[Problem]:
    norm = f"regexp_replace(lower({col}), '[^a-z0-9]', '', 'g')"
    where = (f"rowid IN (SELECT rowid FROM (SELECT rowid, count(*) OVER (PARTITION BY {norm}) AS n "
             f"FROM {ident(table)}) WHERE n > 1)")
    return q.rows(table, where, col, col, "names differ only in case, spacing or punctuation",
                  "one entity should have one row")


def intervals(q: _Query, have: set[str]) -> list[Problem]:
    out = []
    if "published_trends" in have:
        out += q.rows("published_trends", "ci_low > value OR value > ci_high", "value",
                      "ci_low || ' / ' || value || ' / ' || ci_high", "estimate outside its own interval",
                      "low <= value <= high, in the unit's own order")
        out += q.rows("published_trends", "start_year > end_year", "start_year", "start_year || '-' || end_year",
                      "start_year after end_year")
        out += q.rows("published_trends", "(ci_low IS NULL) <> (ci_high IS NULL)", "ci_low", "ci_low",
                      "an interval needs both ends")
        out += q.rows("published_trends", "ci_low IS NOT NULL AND interval_level_frac IS NULL AND interval_method <> 'range'",
                      "interval_level_frac", "interval_level_frac", "an interval needs its level", "e.g. 0.9 for 90 %")
        out += q.rows("published_trends", "rounding_step IS NOT NULL AND ci_low IS NOT NULL", "rounding_step",
                      "rounding_step", "a rounding step is for a figure the source gives without an interval",
                      "leave rounding_step empty where ci_low and ci_high are given")
        out += q.rows("published_trends", "rounding_step >= 2 * value AND value_kind <> 'growth_per_year_oom'",
                      "rounding_step",
                      "value || ' rounded to ' || rounding_step",
                      "half the rounding step must be less than the value", "the step is the place of the "
                      "figure's last non-zero digit: 0.1 for 2.3, 1 for 4")
    if "replication_subsets" in have:
        out += q.rows("replication_subsets", "period_start_date > period_end_date", "period_start_date",
                      "period_start_date || ' to ' || period_end_date", "period_start_date after period_end_date")
        out += q.rows("replication_subsets", "z_score_min >= z_score_max", "z_score_min",
                      "z_score_min || ' / ' || z_score_max", "z_score_min must be below z_score_max")
        z_values = "concat_ws(' / ', z_score_window_years, z_score_min, z_score_max)"
        out += q.rows("replication_subsets", "(z_score_window_years IS NULL) <> "
                      "(z_score_min IS NULL AND z_score_max IS NULL)", "z_score_window_years", z_values,
                      "a z-score selection needs its window and at least one bound", "fill both or neither")
        out += q.rows("replication_subsets", "coalesce(z_score_window_years, z_score_min, z_score_max) IS NOT NULL "
                      "AND population <> 'training_runs'", "z_score_window_years", z_values,
                      "z-score selection is for training runs only", "leave the z_score columns empty")
        out += q.rows("replication_subsets", "cost_method_id IS NOT NULL AND z_score_window_years IS NOT NULL",
                      "cost_method_id", "cost_method_id", "a z-score selection is of compute, not of cost",
                      "leave the z_score columns empty for a cost trend")
        out += q.rows("replication_subsets", "cost_method_id IS NOT NULL AND population <> 'training_runs'",
                      "cost_method_id", "cost_method_id", "a cost method is for training runs only",
                      "leave cost_method_id empty")
        if "published_trends" in have:
            costs = "(SELECT trend_id FROM published_trends WHERE quantity = 'frontier_training_cost_usd')"
            out += q.rows("replication_subsets", f"(cost_method_id IS NULL) = (trend_id IN {costs})",
                          "cost_method_id", "coalesce(cost_method_id, '')", "a replication of a cost trend needs its cost method, and "
                          "only a cost trend has one", "a method_id of training_cost_methods, e.g. cottier-amortized")
    if "assumptions" in have:
        out += q.rows("assumptions", "low > value OR value > high", "value", "low || ' / ' || value || ' / ' || high",
                      "value outside its own range", "low <= value <= high")
    return out


def training_run_plausibility(q: _Query) -> list[Problem]:
    out = q.rows("training_runs", "(reported_cost_usd IS NULL) <> (reported_cost_year IS NULL)", "reported_cost_year",
                 "reported_cost_year", "a reported cost needs its dollar-year, and a year its cost", "fill both or neither")
    out += q.rows("training_runs",
                  "training_compute_flop IS NOT NULL AND parameters IS NOT NULL AND training_tokens IS NOT NULL AND "
                  "(training_compute_flop > 10 * 6 * parameters * training_tokens OR "
                  " training_compute_flop < 6 * parameters * training_tokens / 10)",
                  "training_compute_flop", "training_compute_flop || ' vs 6ND ' || (6 * parameters * training_tokens)",
                  "training compute differs from 6 x parameters x tokens by more than 10x",
                  "check the exponent; for mixture-of-experts the active parameters set the compute", "warning")
    return out




def parameters(q: _Query, have: set[str], problems: list[Problem]) -> dict[str, float]:
    """The validation's constants, from `parameters`; a missing one is an error and its check is skipped."""
    if "parameters" not in have:
        return {}
    rows = dict(q.con.execute("SELECT parameter_id, value FROM parameters WHERE parameter_id IN "
                              "(SELECT unnest(?))", [list(VALIDATION_PARAMETERS)]).fetchall())
    for key in VALIDATION_PARAMETERS:
        if key not in rows:
            problems.append(Problem(q.file("parameters"), None, "parameter_id", key, "validation uses this parameter, "
                                    "which is not a row of parameters.csv", "add a row with this parameter_id"))
    return rows


def memory_units(q: _Query) -> list[Problem]:
    """GiB stored as GB: a capacity the source gives in GiB must be n x 2^30 bytes; a whole number of GB from a
    vendor that publishes GiB (the relation's declared `gib_vendors`), with no unit recorded, is suspect."""
    out = q.rows("accelerators", f"memory_unit_in_source = 'GiB' AND NOT {_whole('memory_bytes', GIB)}",
                 "memory_bytes", "memory_bytes",
                 "memory_unit_in_source is GiB but memory_bytes is not a whole number of GiB",
                 "store n GiB as n x 2^30 bytes (32 GiB = 3.4359738368e10), not n x 1e9")
    vendors = relation("accelerators").declaration.gib_vendors
    if vendors:
        listed = ", ".join(f"'{v}'" for v in vendors)
        out += q.rows("accelerators", f"vendor IN ({listed}) AND memory_unit_in_source IS NULL AND memory_bytes IS NOT NULL "
                      f"AND {_whole('memory_bytes', '1e9')} AND NOT {_whole('memory_bytes', GIB)}",
                      "memory_bytes", "memory_bytes",
                      "a whole number of GB from a vendor that publishes GiB, with no unit recorded",
                      "read the source: for n GiB store n x 2^30 and set memory_unit_in_source to GiB; "
                      "for GB set it to GB", "warning")
    return out


def value_basis(q: _Query) -> list[Problem]:
    """Each column that `value_basis` names is filled on its row."""
    whens = " ".join(f"WHEN '{c}' THEN {c} IS NULL" for c in VALUE_COLUMNS)
    sub = (f"SELECT rowid AS rid, unnest(string_split(value_basis, ';')) AS e, {', '.join(VALUE_COLUMNS)} "
           "FROM accelerators WHERE value_basis IS NOT NULL")
    return q.rows("accelerators", f"rowid IN (SELECT rid FROM ({sub}) WHERE CASE split_part(e, ':', 1) {whens} "
                  "ELSE false END)", "value_basis", "value_basis",
                  "value_basis qualifies a column that is empty on this row",
                  "remove the pair, or fill the value it qualifies")


def first_release_dates(q: _Query, params: dict[str, float]) -> list[Problem]:
    """A publication date well after the month of the arXiv identifier in the source URL is likely the date of a
    later version or of the journal, not of the first release."""
    lag = params.get("arxiv-v1-lag-days")
    if lag is None:
        return []
    ym = r"regexp_extract(source_url, 'arxiv\.org/(?:abs|pdf)/([0-9]{4})\.[0-9]{4,5}', 1)"
    month_end = f"last_day(make_date(2000 + CAST(substr({ym}, 1, 2) AS INTEGER), CAST(substr({ym}, 3, 2) AS INTEGER), 1))"
    return q.rows("training_runs", f"{ym} <> '' AND publication_date > {month_end} + INTERVAL {int(lag)} DAY",
                  "publication_date", f"CAST(publication_date AS VARCHAR) || ' vs arXiv ' || {ym}",
                  f"publication_date is more than {int(lag)} days after the month of the arXiv identifier in "
                  "source_url",
                  "use the first public release: arXiv v1 (its 'Submitted on' date) or an earlier announcement, "
                  "not a later version or the journal", "warning")


#: The chip's highest dense 32- or 16-bit peak rate, for a training run's row (NULL when the chip is unknown).
_PEAK = ("(SELECT max(greatest(a.fp32_flop_per_s, a.tf32_flop_per_s, a.bf16_flop_per_s, a.fp16_flop_per_s)) "
         "FROM accelerators a WHERE a.accelerator_id = training_runs.accelerator_id)")
_UTILIZATION = f"training_compute_flop / (accelerator_count * training_duration_hours * 3600 * {_PEAK})"


def implied_utilization(q: _Query, params: dict[str, float]) -> list[Problem]:
    """Compute, chips and wall-clock hours must fit the chips' peak: more than peak is impossible; far less means a
    duration (or count) summed over phases or sub-models, or in the wrong unit."""
    value = f"round({_UTILIZATION}, 4)"
    out = q.rows("training_runs", f"{_UTILIZATION} > 1", "training_duration_hours", value,
                 "training compute exceeds what the chips could deliver at peak in the stated time "
                 "(implied utilization above 1)",
                 "check the chip count (all sub-models' chips?), the duration and the compute: compute that "
                 "includes a base model's needs that run's chips and hours too", "warning")
    floor = params.get("implied-utilization-floor")
    if floor is not None:
        out += q.rows("training_runs", f"{_UTILIZATION} < {floor}", "training_duration_hours", value,
                      f"implied utilization below {floor:g} of the chips' peak",
                      "is the duration a sum over sub-models or phases that ran at once, or in days or minutes "
                      "instead of hours?", "warning")
    return out


def price_dates(q: _Query, have: set[str]) -> list[Problem]:
    """A price cannot be dated before the chip existed (cloud rental), nor before the only snapshots it cites."""
    out = []
    for table, what, hint in (
            ("cloud_prices", "cloud price", "check the date and the accelerator_id"),
            ("hardware_prices", "purchase price",
             "check the date and the accelerator_id; a price announced before launch is dated at the release_date "
             "with the announcement in notes, and a pre-launch rumour is an estimate, not a list price")):
        if table in have and "accelerators" in have:
            out += q.rows(table, "price_date < (SELECT min(a.release_date) FROM accelerators a "
                          f"WHERE a.accelerator_id = {table}.accelerator_id)", "price_date",
                          "CAST(price_date AS VARCHAR)", f"{what} dated before the accelerator's release_date", hint)
    if "references" not in have:
        return out
    for rel in CURATED:
        cols = rel.schema.columns
        if rel.name not in have or "price_date" not in cols or "source" not in cols:
            continue
        # each distinct `source` once: the earliest snapshot it cites, where every key it cites is a dated
        # snapshot; a row is flagged when its price is dated before that (no grouping of the rows themselves)
        earliest = (f"SELECT source, min(r.snapshot_date) AS earliest FROM (SELECT source, unnest(string_split("
                    f"source, ';')) AS k FROM (SELECT DISTINCT source FROM {rel.name} WHERE source IS NOT NULL)) "
                    "LEFT JOIN \"references\" r ON r.reference_key = k GROUP BY source "
                    "HAVING bool_and(r.snapshot_date IS NOT NULL)")
        sub = (f"SELECT t.rowid FROM {rel.name} t JOIN ({earliest}) e ON e.source = t.source "
               "WHERE t.price_date < e.earliest")
        out += q.rows(rel.name, f"rowid IN ({sub})", "price_date", "CAST(price_date AS VARCHAR)",
                      "price dated before the snapshot it cites (every source cited is a dated snapshot of a later day)",
                      "date the price to the snapshot (the `date` of its references.bib entry), or cite the "
                      "source that shows the earlier price")
    return out


def _scale_text(lo: float | None, hi: float | None, unit: str) -> str:
    def end(x: float | None, none: str) -> str:
        return none if x is None else f"{x:g}"
    return f"[{end(lo, '-inf')}, {end(hi, '+inf')}] {unit}"


def benchmark_scales(q: _Query) -> list[Problem]:
    """A benchmark's scale runs upwards, and its chance score lies on it."""
    out = q.rows("benchmarks", "scale_min IS NOT NULL AND scale_max IS NOT NULL AND scale_min >= scale_max",
                 "scale_max", "scale_min || ' >= ' || scale_max", "scale_min must be below scale_max",
                 "swap them, or check the unit")
    sql = ("SELECT rowid, benchmark_id, chance_score, scale_min, scale_max, score_unit FROM benchmarks "
           "WHERE chance_score < scale_min OR chance_score > scale_max ORDER BY rowid")
    for rowid, _bid, chance, lo, hi, unit in q.con.execute(sql).fetchall():
        out.append(Problem(q.file("benchmarks"), q.loaded.line_of("benchmarks", rowid), "chance_score", f"{chance:g}",
                           f"chance_score is outside the benchmark's scale {_scale_text(lo, hi, unit)}",
                           "give the chance score in the benchmark's score_unit (25 for four-way multiple choice "
                           "in percent, not 0.25)"))
    return out


def scores_within_scale(q: _Query) -> list[Problem]:
    """Each score lies within its benchmark's [scale_min, scale_max] (a 0-1 fraction stored where percent is
    expected, or a percent where a fraction is, shows here)."""
    sql = ("SELECT r.rowid, r.benchmark_id, r.score, b.scale_min, b.scale_max, b.score_unit "
           "FROM benchmark_results r JOIN benchmarks b USING (benchmark_id) "
           "WHERE r.score < b.scale_min OR r.score > b.scale_max ORDER BY r.rowid")
    out = []
    for rowid, bid, score, lo, hi, unit in q.con.execute(sql).fetchall():
        out.append(Problem(q.file("benchmark_results"), q.loaded.line_of("benchmark_results", rowid), "score",
                           f"{score:g}", f"score is outside the scale of benchmark `{bid}`: "
                           f"{_scale_text(lo, hi, unit)} (benchmarks.csv)",
                           f"give the score in {unit} (a 0-1 fraction times 100 for percent), or check the "
                           "benchmark_id"))
    return out


def inference_price_shape(q: _Query) -> list[Problem]:
    """An inference price is input and output together, or a blend alone (with its ratio)."""
    t = "inference_prices"
    out = q.rows(t, "blended_usd_per_mtok IS NOT NULL AND (input_usd_per_mtok IS NOT NULL OR "
                 "output_usd_per_mtok IS NOT NULL)", "blended_usd_per_mtok", "blended_usd_per_mtok",
                 "a blended price together with input or output prices",
                 "keep the blend only where the source gives nothing else; otherwise empty blended_usd_per_mtok "
                 "and blend_in_source")
    out += q.rows(t, "(input_usd_per_mtok IS NULL) <> (output_usd_per_mtok IS NULL)", "input_usd_per_mtok",
                  "coalesce(CAST(input_usd_per_mtok AS VARCHAR), '') || ' / ' || "
                  "coalesce(CAST(output_usd_per_mtok AS VARCHAR), '')",
                  "an input price needs its output price, and an output price its input price",
                  "fill both (a price 'per token, input or output' goes in both) or neither")
    out += q.rows(t, "input_usd_per_mtok IS NULL AND blended_usd_per_mtok IS NULL", "input_usd_per_mtok", "''",
                  "a price row needs input and output prices or a blended price", "fill one of them")
    out += q.rows(t, "(blended_usd_per_mtok IS NULL) <> (blend_in_source IS NULL)", "blend_in_source",
                  "coalesce(blend_in_source, '')", "a blended price needs its input:output ratio, and a ratio "
                  "its blended price", "e.g. `3:1` for Epoch AI and Artificial Analysis")
    return out


def inference_price_units(q: _Query, params: dict[str, float]) -> list[Problem]:
    """A price per million tokens below the floor is almost surely a price per token (or per thousand) that was
    not converted."""
    floor = params.get("inference-price-floor-usd-per-mtok")
    if floor is None:
        return []
    out = []
    for col in ("input_usd_per_mtok", "output_usd_per_mtok", "cached_input_usd_per_mtok", "batch_input_usd_per_mtok",
                "batch_output_usd_per_mtok", "blended_usd_per_mtok"):
        out += q.rows("inference_prices", f"{col} < {floor}", col, f"CAST({col} AS VARCHAR)",
                      f"{col} is below {floor:g} USD per million tokens: a price per token or per thousand tokens "
                      "not converted (parameter inference-price-floor-usd-per-mtok)",
                      "multiply a price per token by 1,000,000 (per thousand tokens by 1,000) and set "
                      "price_unit_in_source to what the source gives")
    return out


def inference_prices_after_release(q: _Query) -> list[Problem]:
    """A model cannot be priced before it was released."""
    return q.rows("inference_prices", "observed_date < (SELECT min(r.publication_date) FROM training_runs r "
                  "WHERE r.run_id = inference_prices.run_id)", "observed_date", "CAST(observed_date AS VARCHAR)",
                  "inference price observed before the model's publication_date (training_runs.csv)",
                  "check the date and the run_id (a later version may need its own training_runs row)")

def _degree(name: str) -> str:
    """SQL: the degree of one kind of parallelism in `parallelism` (`tp=4,ep=8`), 1 where it is not named."""
    return f"coalesce(CAST(nullif(regexp_extract(parallelism, '(?:^|,){name}=([0-9]+)', 1), '') AS BIGINT), 1)"


#: Accelerators the parallelism of an inference_energy row implies: tp × pp × dp, or ep where that is larger
#: (expert parallelism spreads the experts over the GPUs that tensor and data parallelism already use).
IMPLIED_COUNT = f"greatest({_degree('tp')} * {_degree('pp')} * {_degree('dp')}, {_degree('ep')})"


def inference_energy_counts(q: _Query) -> list[Problem]:
    """The accelerator count agrees with the parallelism (tp × pp × dp, or ep where larger)."""
    return q.rows("inference_energy", f"parallelism IS NOT NULL AND accelerator_count IS NOT NULL AND "
                  f"accelerator_count <> {IMPLIED_COUNT}", "accelerator_count",
                  f"accelerator_count || ' vs ' || parallelism || ' = ' || {IMPLIED_COUNT}",
                  "accelerator_count differs from the accelerators the parallelism implies "
                  "(tp × pp × dp, or ep where larger)",
                  "give the total number of accelerators (nodes × per node), or correct the parallelism degrees")


def inference_energy_power(q: _Query, params: dict[str, float]) -> list[Problem]:
    """Energy per output token × output tokens per second is the configuration's average power: it must agree with
    avg_power_watts, where all three are given, within the parameter's factor."""
    factor = params.get("energy-power-consistency-x")
    if factor is None:
        return []
    implied = "energy_per_output_token_joules * output_tokens_per_s"
    return q.rows("inference_energy", f"avg_power_watts IS NOT NULL AND {implied} > 0 AND "
                  f"greatest({implied} / avg_power_watts, avg_power_watts / ({implied})) > {factor}",
                  "avg_power_watts", f"round({implied}, 1) || ' W implied vs ' || avg_power_watts || ' W'",
                  f"energy per output token × output tokens per second (the implied power) differs from "
                  f"avg_power_watts by more than {factor:g}x",
                  "check the units (J per token, not per million tokens or per request; throughput of the whole "
                  "configuration, not per GPU; power of all its GPUs)", "warning")


#: keys of a claim's `check_subset` that name rows of a curated table: key -> (table, key column). An unknown id is
#: an error; a value the data do not hold (yet) is a warning: the rule will find no point for it.
CLAIM_SUBSET_IDS = {"techniques": ("techniques", "technique_id"), "pairs": ("accelerators", "accelerator_id"),
                    "runs": ("training_runs", "run_id")}
CLAIM_SUBSET_VALUES = {"domain": ("benchmarks", "domain"), "country": ("electricity", "country_code"),
                       "provider": ("cloud_prices", "provider"), "pricing": ("cloud_prices", "pricing_model")}
CLAIM_SUBSET_NAMES = {**CLAIM_SUBSET_IDS, **CLAIM_SUBSET_VALUES}


def claim_shape(q: _Query, have: set[str]) -> list[Problem]:
    """A claim's figure fits its form; its rule gets the keys it reads, and the ids it names exist."""
    t = "claims"
    out = q.rows(t, "claim_form = 'about' AND (claimed_low IS NULL OR claimed_high IS NULL OR claimed_low <> claimed_high)",
                 "claimed_low", "coalesce(CAST(claimed_low AS VARCHAR), '') || ' / ' || "
                 "coalesce(CAST(claimed_high AS VARCHAR), '')",
                 "an 'about' claim has one value: claimed_low and claimed_high equal", "fill both with the value")
    out += q.rows(t, "claim_form = 'range' AND NOT coalesce(claimed_low < claimed_high, false)", "claimed_low",
                  "coalesce(CAST(claimed_low AS VARCHAR), '') || ' / ' || coalesce(CAST(claimed_high AS VARCHAR), '')",
                  "a range claim needs claimed_low below claimed_high", "fill both ends")
    out += q.rows(t, "claim_form = 'at_least' AND (claimed_low IS NULL OR claimed_high IS NOT NULL)", "claimed_high",
                  "coalesce(CAST(claimed_high AS VARCHAR), '')", "an 'at_least' claim has claimed_low only",
                  "put the value in claimed_low and leave claimed_high empty")
    out += q.rows(t, "claim_form = 'up_to' AND (claimed_high IS NULL OR claimed_low IS NOT NULL)", "claimed_low",
                  "coalesce(CAST(claimed_low AS VARCHAR), '')", "an 'up_to' claim has claimed_high only",
                  "put the value in claimed_high and leave claimed_low empty")
    out += q.rows(t, "check_rule = 'no_atlas_data' AND settle_with IS NULL", "settle_with", "''",
                  "a claim the atlas cannot check says what data would settle it", "fill settle_with")
    known = {}
    for key, (table, col) in CLAIM_SUBSET_NAMES.items():
        if table in have:
            known[key] = {r[0] for r in q.con.execute(f"SELECT DISTINCT {col} FROM {ident(table)}").fetchall()}
    for rowid, rule, subset in q.con.execute(
            f"SELECT rowid, check_rule, check_subset FROM {t} ORDER BY rowid").fetchall():
        line = q.loaded.line_of(t, rowid)
        args = subset_args(subset)
        want = set(CLAIM_RULES[rule].keys) if rule in CLAIM_RULES else set(args)
        if set(args) != want or any(not v for v in args.values()):
            out.append(Problem(q.file(t), line, "check_subset", subset or "",
                               f"rule {rule} reads the keys {', '.join(sorted(want)) or '(none)'}",
                               "write key=value;key=value, values separated by ','"))
            continue
        allowed = {"accelerator_ratio": RATIO_METRICS, "technique_effect": TECHNIQUE_METRICS}.get(rule)
        if allowed and args["metric"][0] not in allowed:
            out.append(Problem(q.file(t), line, "check_subset", args["metric"][0],
                               f"rule {rule} compares one of: {', '.join(allowed)}", "use one of them as metric="))
        for key, values in args.items():
            for value in values:
                ids = value.split(":") if key == "pairs" else [value]
                if key == "pairs" and len(ids) != 2:
                    out.append(Problem(q.file(t), line, "check_subset", value, "a pair is two accelerator ids",
                                       "write first:second, e.g. google-tpu-v7:google-tpu-v6e"))
                for one in ids:
                    if key in known and one not in known[key]:
                        table, col = CLAIM_SUBSET_NAMES[key]
                        out.append(Problem(q.file(t), line, "check_subset", one, f"unknown {col}: no such row in "
                                           f"{table}", f"use a {col} of {table}.csv",
                                           "error" if key in CLAIM_SUBSET_IDS else "warning"))
    return out
