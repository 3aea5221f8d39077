"""Plausibility checks of particular tables, declared as data (``declared.Check``): rates in the right
order, a sparse figure stored as dense, prices per chip rather than per instance, estimates inside their own
intervals. ``run_all`` runs them with the name checks (``names.CHECKS``), and the contributing guide lists
them all (``contributing/checks``). Most are errors; the ones a real chip or run can break are warnings, for
a reviewer to confirm, and a warning the data trip on purpose carries a reviewed, dated exception in
``check_exceptions.csv`` (``exceptions``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..metadata.vocabularies import (
    CLAIM_RULES,
    CONTENT_FARM_HOSTS,
    RATIO_METRICS,
    RELEASE_DATE_DAY_BASES,
    TECHNIQUE_METRICS,
)
from ..problems import Problem
from ..schemas import CURATED, relation
from ..schemas.accelerators import VALUE_COLUMNS
from ..sql import ident
from ..stats.claims import subset_args
from . import exceptions, names
from .declared import Check, run_check

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

GIB = 2 ** 30


def _whole(expr: str, unit: str) -> str:
    """SQL: ``expr`` is a whole number of ``unit`` (to one part in a million; stored figures are rounded)."""
    return f"(abs({expr} / {unit} - round({expr} / {unit})) <= 1e-6 * {expr} / {unit})"


def _short(precision_col: str) -> str:
    return precision_col.removesuffix("_flop_per_s")


#: The chip's highest dense 32- or 16-bit peak rate, for a training run's row (NULL when the chip is unknown).
_PEAK = ("(SELECT max(greatest(a.fp32_flop_per_s, a.tf32_flop_per_s, a.bf16_flop_per_s, a.fp16_flop_per_s)) "
         "FROM accelerators a WHERE a.accelerator_id = training_runs.accelerator_id)")
_UTILIZATION = f"training_compute_flop / (accelerator_count * training_duration_hours * 3600 * {_PEAK})"

#: Chain-of-thought named in a result's notes or settings (`CoT`, `chain-of-thought`, `chain of thought`), and
#: the same named as absent (`no CoT`, `without chain-of-thought`, `non-CoT`).
_COT = r"(?i)\bCoT\b|chain[- ]of[- ]thought"
_NO_COT = r"(?i)\b(no|without|non)[- ](CoT\b|chain[- ]of[- ]thought)"

#: a division by a batch size in a formula quoted in notes (`/ 16 (batch size)`, `÷ 512 batch size`)
_BY_BATCH_SIZE = r"(?i)(?:/|÷)\s*[0-9][0-9,.]*\s*\(?\s*(?:global |mini-?)?batch[ _-]?size"
#: the backward-pass factor of an operation count as notes state it: the word, or a multiplication by 3, 6 or 3.5
_BACKWARD_FACTOR = r"(?i)backward|backprop|(?:x|×|\*)\s*(?:3|6)\b"
#: The chip's dense peak rate in the run's own precision (NULL when the run states none or the chip has no
#: rate in it): a run in FP32 is held to the FP32 rate, not to a tensor rate it did not use.
_RUN_RATE = ("(SELECT CASE training_runs.precision WHEN 'fp32' THEN a.fp32_flop_per_s "
             "WHEN 'tf32' THEN a.tf32_flop_per_s WHEN 'bf16' THEN a.bf16_flop_per_s "
             "WHEN 'fp16' THEN a.fp16_flop_per_s WHEN 'fp8' THEN a.fp8_flop_per_s WHEN 'fp4' THEN a.fp4_flop_per_s "
             "END FROM accelerators a WHERE a.accelerator_id = training_runs.accelerator_id)")
_UTILIZATION_AT_PRECISION = (f"training_compute_flop / (accelerator_count * training_duration_hours * 3600 * "
                             f"{_RUN_RATE})")
#: The date in a result's model_version (`b.model_version`): `-2025-04-16` or `-20250416`, or Google's `-exp-02-05`
#: and `-preview-03-25` (month and day, in the year that puts it no more than 180 days before the run's date).
_VERSION_MD = r"regexp_extract(b.model_version, '-(?:exp|preview)-([01][0-9])-([0-3][0-9])(?:[^0-9]|$)', {})"
_VERSION_MD_DATE = (f"TRY_CAST(CAST(year(training_runs.publication_date) AS VARCHAR) || '-' || {_VERSION_MD.format(1)} "
                    f"|| '-' || {_VERSION_MD.format(2)} AS DATE)")
_VERSION_DATE = ("coalesce(TRY_CAST(regexp_replace(regexp_extract(b.model_version, "
                 "'(20[0-9]{2}-?[01][0-9]-?[0-3][0-9])(?:[^0-9]|$)', 1), "
                 "'^([0-9]{4})-?([0-9]{2})-?([0-9]{2})$', '\\1-\\2-\\3') AS DATE), "
                 f"CASE WHEN {_VERSION_MD_DATE} < training_runs.publication_date - INTERVAL 180 DAY "
                 f"THEN {_VERSION_MD_DATE} + INTERVAL 1 YEAR ELSE {_VERSION_MD_DATE} END)")
#: The earliest date of the run's results' model_versions, NULL unless every version is dated.
_EARLIEST_VERSION_DATE = (f"(SELECT CASE WHEN count(*) = count({_VERSION_DATE}) THEN min({_VERSION_DATE}) END "
                          f"FROM benchmark_results b WHERE b.run_id = training_runs.run_id AND "
                          f"b.model_version IS NOT NULL)")

#: A training run's compute is chips x hours x a peak rate x a round utilization (0.3 or 0.4, the assumptions of
#: Epoch AI's hardware-time estimates) to within 1 %, at the run's precision or at the chip's fastest 16/32-bit rate.
#: 6 x parameters x tokens, and the stored compute over it (SQL on training_runs): the 6ND checks' one formula
_SIX_ND = "(6 * parameters * training_tokens)"
_SIX_ND_RATIO = f"(training_compute_flop / {_SIX_ND})"
#: the compute is 6ND times a whole power of ten other than 1 (an exponent slip)
_SIX_ND_POWER_OF_TEN = (f"(abs(log10({_SIX_ND_RATIO})) > 0.5 AND "
                        f"abs(log10({_SIX_ND_RATIO}) - round(log10({_SIX_ND_RATIO}))) < 0.005)")
_HARDWARE_PRODUCT = " OR ".join(f"abs({u} / {f} - 1) < 0.01" for u in (_UTILIZATION, _UTILIZATION_AT_PRECISION)
                                for f in ("0.3", "0.4"))


def _degree(name: str) -> str:
    """SQL: the degree of one kind of parallelism in `parallelism` (`tp=4,ep=8`), 1 where it is not named."""
    return f"coalesce(CAST(nullif(regexp_extract(parallelism, '(?:^|,){name}=([0-9]+)', 1), '') AS BIGINT), 1)"


#: Accelerators the parallelism of an inference_energy row implies: tp × pp × dp, or ep where that is larger
#: (expert parallelism spreads the experts over the GPUs that tensor and data parallelism already use).
IMPLIED_COUNT = f"greatest({_degree('tp')} * {_degree('pp')} * {_degree('dp')}, {_degree('ep')})"

_IMPLIED_POWER = "energy_per_output_token_joules * output_tokens_per_s"

#: a date the notes give to a preview ("preview of 2026-06-26", "the 2026-06-26 preview")
_PREVIEW_DATE = (r"coalesce(nullif(regexp_extract(notes, 'preview (?:of|on|from) ([0-9]{4}-[0-9]{2}-[0-9]{2})', 1), ''), "
                 r"regexp_extract(notes, '([0-9]{4}-[0-9]{2}-[0-9]{2}) (?:limited |gated )?preview', 1))")
#: a date the notes give to a keynote or an announcement ("announced ... in its keynote on 2026-06-01", "the I/O
#: announcement of 2024-05-14")
_ANNOUNCED_DATE = (r"regexp_extract(notes, '(?i)(?:keynote|announced|announcement)[^;|()]{0,80}? (?:on|of) "
                   r"([0-9]{4}-[0-9]{2}-[0-9]{2})', 1)")
_ARXIV_YM = r"regexp_extract(source_url, 'arxiv\.org/(?:abs|pdf)/([0-9]{4})\.[0-9]{4,5}', 1)"
_ARXIV_MONTH_END = (f"last_day(make_date(2000 + CAST(substr({_ARXIV_YM}, 1, 2) AS INTEGER), "
                    f"CAST(substr({_ARXIV_YM}, 3, 2) AS INTEGER), 1))")


#: SQL: an inference price's effective_date is before its model's publication_date.
_BEFORE_RELEASE = ("effective_date < (SELECT min(r.publication_date) FROM training_runs r "
                   "WHERE r.run_id = inference_prices.run_id)")


#: SQL: the price is sold by someone other than the model's developer, and no reference in effective_date_source
#: is by that seller (the date rests on the developer's announcement).
_RESOLD = ("lower(provider) NOT IN (SELECT lower(t.organization) FROM training_runs t WHERE t.run_id = "
           "inference_prices.run_id) AND NOT EXISTS (SELECT 1 FROM \"references\" r WHERE list_contains("
           "string_split(inference_prices.effective_date_source, ';'), r.reference_key) AND lower(r.authors) = "
           "lower(inference_prices.provider))")

#: SQL over ``d``, another inference_prices row: the developer's own price of the same model from the same day.
_DEVELOPER_SAME_DAY = ("d.run_id = inference_prices.run_id AND d.effective_date = inference_prices.effective_date "
                       "AND lower(d.provider) IN (SELECT lower(t.organization) FROM training_runs t WHERE "
                       "t.run_id = inference_prices.run_id)")


def _off_by(col: str) -> str:
    """SQL: ``col`` of inference_prices and of ``d`` differ by more than a 10% premium either way."""
    return (f"(inference_prices.{col} > 1.1001 * d.{col} OR inference_prices.{col} * 1.1001 < d.{col})")


def _pair(a: str, b: str) -> str:
    """SQL: two nullable values as ``a / b`` (empty for a null)."""
    return f"coalesce(CAST({a} AS VARCHAR), '') || ' / ' || coalesce(CAST({b} AS VARCHAR), '')"


def _slug(name: str) -> str:
    return name.replace("_", "-")


def _near_duplicates(table: str, col: str) -> Check:
    norm = f"regexp_replace(lower({col}), '[^a-z0-9]', '', 'g')"
    where = (f"rowid IN (SELECT rowid FROM (SELECT rowid, count(*) OVER (PARTITION BY {norm}) AS n "
             f"FROM {ident(table)}) WHERE n > 1)")
    return Check(f"{_slug(table)}-near-duplicate-{_slug(col)}", table, col, "names differ only in case, spacing or punctuation",
                 "one entity should have one row", where=where, value=col)


#: SQL: the first size written in a version name (`opt-1.3b`, `Llama-2-70B`, `pythia-160m`) as a number of
#: parameters, NULL where there is none. A size glued to a letter (`a22b`, `8x7b`) is not read, and a name in the
#: mixture-of-experts style (`17B-128E`, `30B-A3B`) is left out: its first size is the active parameters.
_SIZE_RE = r"(?:^|[^0-9a-z.])([0-9]+(?:\.[0-9]+)?)([bm])(?:$|[^a-z0-9])"
_MOE_RE = r"[0-9](?:b|\.[0-9]+b)[-_ ]?(?:[0-9]+e|a[0-9]+(?:\.[0-9]+)?b)(?:$|[^a-z0-9])"


def _version_size(table: str) -> str:
    v = f"lower({table}.model_version)"
    return (f"(CASE WHEN regexp_matches({v}, '{_MOE_RE}') THEN NULL ELSE "
            f"TRY_CAST(nullif(regexp_extract({v}, '{_SIZE_RE}', 1), '') AS DOUBLE) * "
            f"CASE regexp_extract({v}, '{_SIZE_RE}', 2) WHEN 'b' THEN 1e9 WHEN 'm' THEN 1e6 END END)")


def _run_parameters(table: str) -> str:
    return f"(SELECT r.parameters FROM training_runs r WHERE r.run_id = {table}.run_id)"


def _version_checks(table: str) -> list[Check]:
    """Checks of a ``model_version`` against its run: the size in its name, and no moving alias."""
    size, params = _version_size(table), _run_parameters(table)
    what = {"benchmark_results": "evaluated", "inference_prices": "priced", "inference_energy": "measured"}[table]
    return [
        Check(f"{_slug(table)}-version-size-vs-parameters", table, "model_version",
              "the size in the version name ({size}) differs from its run's parameters ({params}) by more than "
              "{version-size-tolerance-frac:.0%}",
              "is the result or price of another size of the family (`1.3B` read as `13B`)? Point it at the run "
              "of that size, or correct the run's parameters", "warning",
              where=f"{size} IS NOT NULL AND {params} IS NOT NULL AND abs({size} / {params} - 1) > "
                    "{version-size-tolerance-frac}",
              value="model_version", reads=("training_runs",), parameters=("version-size-tolerance-frac",),
              details=(("size", f"printf('%.3g', {size})"), ("params", f"printf('%.3g', {params})")),
              catches="A version of another size than its run: `opt-13b` results on the 1.3B run (a size suffix "
                      "read wrongly)."),
        Check(f"{_slug(table)}-version-is-alias", table, "model_version",
              f"the {what} version is a moving alias (`-latest`): it names whatever the vendor serves today, not "
              "one model",
              "give the dated version the alias pointed to on that date (from the vendor's model list), or drop "
              "the row if it cannot be pinned", "warning",
              where=r"regexp_matches(lower(model_version), '(^|[-_:/ .])latest($|[-_:/ ])')", value="model_version",
              catches="An alias as version (`gemini-pro-latest`, `chatgpt-4o-latest`), which maps a current model "
                      "to an old run."),
    ]


_DATED_SUFFIX = ("'-(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*-(19|20)[0-9]{2}$'")
_IMPLIED_TDP_FRAC = ("energy_per_output_token_joules * output_tokens_per_s / (accelerator_count * "
                     "(SELECT a.tdp_watts FROM accelerators a WHERE a.accelerator_id = inference_energy.accelerator_id))")
#: The first month of the arXiv paper a result cites (its v1: the id's yymm), where source_url is an arXiv link.
_ARXIV_MONTH = ("make_date(2000 + CAST(regexp_extract(source_url, 'arxiv\\.org/(?:abs|pdf)/([0-9][0-9])([0-9][0-9])\\.', 1) "
                "AS INTEGER), CAST(regexp_extract(source_url, 'arxiv\\.org/(?:abs|pdf)/([0-9][0-9])([0-9][0-9])\\.', 2) "
                "AS INTEGER), 1)")
_PEER_MEDIAN = ("(SELECT median(o.{col}) FROM inference_prices o WHERE o.run_id = inference_prices.run_id "
                "AND o.price_id <> inference_prices.price_id)")
#: results of the same source, benchmark and shots that say majority voting (maj@k) in their settings
_MAJ_PEERS_FROM = ("FROM benchmark_results o WHERE o.evaluator = benchmark_results.evaluator AND "
                   "o.benchmark_id = benchmark_results.benchmark_id AND o.shots IS NOT DISTINCT FROM "
                   "benchmark_results.shots AND o.settings LIKE '%maj@%'")
_MAJ_PEERS = f"SELECT 1 {_MAJ_PEERS_FROM}"
_COT_PEERS_FROM = ("FROM benchmark_results o WHERE o.evaluator = benchmark_results.evaluator AND "
                   "o.benchmark_id = benchmark_results.benchmark_id AND o.shots IS NOT DISTINCT FROM "
                   f"benchmark_results.shots AND regexp_matches(coalesce(o.settings, ''), '{_COT}')")
_COT_PEERS = f"SELECT 1 {_COT_PEERS_FROM}"
_OTHER_SCORES = ("(SELECT median(o.score) FROM benchmark_results o WHERE o.run_id = benchmark_results.run_id AND "
                 "o.benchmark_id = benchmark_results.benchmark_id AND o.benchmark_result_id <> "
                 "benchmark_results.benchmark_result_id)")


#: SQL over ``benchmarks``: the chance score its answer format implies (NULL where there is none: an index, or
#: multiple choice with a number of options that varies by question).
_CHANCE_OF_FORMAT = ("(CASE answer_format WHEN 'index' THEN NULL WHEN 'free_form' THEN coalesce(scale_min, 0) "
                     "ELSE (CASE score_unit WHEN 'percent' THEN 100.0 ELSE 1.0 END) / answer_options END)")

def _price_before_snapshot(table: str) -> Check:
    # each distinct `source` once: the earliest snapshot it cites, where every key it cites is a dated
    # snapshot; a row is flagged when its price is dated before that (no grouping of the rows themselves)
    earliest = (f"SELECT source, min(r.snapshot_date) AS earliest FROM (SELECT source, unnest(string_split("
                f"source, ';')) AS k FROM (SELECT DISTINCT source FROM {table} WHERE source IS NOT NULL)) "
                "LEFT JOIN \"references\" r ON r.reference_key = k GROUP BY source "
                "HAVING bool_and(r.snapshot_date IS NOT NULL)")
    sub = (f"SELECT t.rowid FROM {table} t JOIN ({earliest}) e ON e.source = t.source "
           "WHERE t.price_date < e.earliest")
    return Check(f"{_slug(table)}-price-before-snapshot", table, "price_date",
                 "price dated before the snapshot it cites (every source cited is a dated snapshot of a later day)",
                 "date the price to the snapshot (the `date` of its references.bib entry), or cite the "
                 "source that shows the earlier price", where=f"rowid IN ({sub})", value="CAST(price_date AS VARCHAR)",
                 reads=("references",))


def _scale(lo: str, hi: str, unit: str) -> str:
    """SQL: ``[lo, hi] unit``, an open end as -inf or +inf."""
    return (f"'[' || coalesce(printf('%g', {lo}), '-inf') || ', ' || coalesce(printf('%g', {hi}), '+inf') || '] ' "
            f"|| {unit}")


def _rate_checks() -> list[Check]:
    out = []
    for hi, lo, max_ratio, meaning in RATE_ORDER:
        out.append(Check(f"{_short(hi)}-below-{_short(lo)}", "accelerators", hi,
                         f"{hi} must be at least {lo} on a chip with matrix units", meaning,
                         where=f"has_matrix_units AND {hi} < {lo}", value=f"{hi} || ' < ' || {lo}"))
        if max_ratio:  # a few real chips exceed these ratios: a warning, for a reviewer to confirm
            out.append(Check(f"{_short(hi)}-over-{_short(lo)}-ratio", "accelerators", hi,
                             f"{hi} is more than {max_ratio} times {lo}", meaning, "warning",
                             where=f"has_matrix_units AND {hi} > {max_ratio} * {lo}",
                             value=f"{hi} || ' > {max_ratio} x ' || {lo}"))
    for col in ("bf16_flop_per_s", "fp16_flop_per_s"):
        out.append(Check(f"{_short(col)}-above-frontier", "accelerators", col,
                         "dense rate above the fastest plausible chip of its release date "
                         "(1.6e15 FLOP/s in Sept 2022, growing 1.6x a year)",
                         "is it a 'with sparsity' figure? store the dense rate (half of it)",
                         where=f"kind <> 'wafer_scale' AND {col} > {FRONTIER_16BIT_FLOP_PER_S}", value=col))
    return out


#: FP32 / FP64 of the architectures that have run FP64: full rate (data-centre chips, CDNA, Hopper) down to
#: 1/64 (Ampere GA10x, Ada, Blackwell GeForce). A row at another ratio mixes clocks or copies another chip's figure.
FP64_DIVISORS = (1, 2, 3, 4, 5, 8, 12, 16, 24, 32, 64)
#: FP16 / FP32 of a chip without matrix units: 1/64 (Pascal GP10x consumer), 1 (FP16 at the FP32 rate, or
#: promoted to FP32), 2 (packed FP16 on the vector units).
VECTOR_FP16_MULTIPLES = ("1.0 / 64", "1", "2")


def _near_one_of(ratio: str, values, tolerance: str) -> str:
    """SQL: ``ratio`` within ``tolerance`` (a fraction) of one of ``values`` (SQL numbers)."""
    return "(" + " OR ".join(f"abs({ratio} / ({v}) - 1) <= {tolerance}" for v in values) + ")"


_FP64_RATIO = "fp64_flop_per_s / fp32_flop_per_s"
_FP16_RATIO = "fp16_flop_per_s / fp32_flop_per_s"
_RATIO_TOLERANCE = "{precision-ratio-tolerance-frac}"


#: Tensor FP16 / FP32 ratios of NVIDIA dies at one clock (dense, FP32 accumulate), by die pattern: the ratios a
#: row may have, and why. Pro and data-centre cards run FP32 accumulate at full rate, GeForce cards at half.
TENSOR_RATIOS = (
    ("NVIDIA", "^GV100$", (8,), "Volta: 8 x 128 tensor FLOP per clock per SM against 64 x 2 FP32"),
    ("NVIDIA", "^TU10[246]$", (8, 4), "Turing: 8 per SM at full rate (Quadro, Tesla, Titan RTX), 4 on GeForce"),
    ("NVIDIA", "^GA100$", (16,), "GA100: 4 x 512 tensor FLOP per clock per SM against 64 x 2 FP32"),
    ("NVIDIA", "^GA10[2-7]$", (4, 2), "GA10x: 4 at full rate (RTX A-series, A2, A10, A40), 2 on GeForce"),
)
_TENSOR_RATIO_BAD = ("CASE " + " ".join(
    f"WHEN vendor = '{v}' AND regexp_matches(die, '{rx}') THEN NOT "
    f"{_near_one_of(_FP16_RATIO, [str(x) for x in ratios], _RATIO_TOLERANCE)}" for v, rx, ratios, _ in TENSOR_RATIOS)
    + " ELSE false END")
_TENSOR_RATIOS_OF_DIE = ("CASE " + " ".join(
    f"WHEN vendor = '{v}' AND regexp_matches(die, '{rx}') THEN '{' or '.join(str(x) for x in ratios)}'"
    for v, rx, ratios, _ in TENSOR_RATIOS) + " END")


#: Families whose every chip has matrix units, by vendor and a pattern of the name: (vendor, regex, units).
#: The Chinese GPGPU families have tensor cores by the vendors' announcements even where no tensor rate is
#: published (Moore Threads' Chunxiao: 128 tensor cores, Tom's Hardware 2022-11-03; first-generation MUSA: "KI-Kerne",
#: heise 2022): a missing rate leaves fp16_flop_per_s empty, it does not make has_matrix_units false.
MATRIX_UNIT_FAMILIES = (
    ("Intel", r"\bArc\b", "Intel Arc (XMX engines)"),
    ("AMD", r"\b(RX ?[79][0-9]{3}|W7[0-9]{3})\b", "AMD RDNA 3 and RDNA 4: RX 7xxx, RX 9xxx, W7xxx (WMMA)"),
    ("Moore Threads", r"\bMTT S[0-9]+", "Moore Threads MTT S-series (MUSA tensor cores)"),
    ("MetaX", r"\b(Xiyun|MXC)", "MetaX Xiyun C-series (tensor cores)"),
    ("Biren", r"\bBR1[0-9]{2}", "Biren BR1xx (tensor cores)"),
    ("Iluvatar CoreX", r"\b(Tiangai|Zhikai)\b", "Iluvatar CoreX Tiangai and Zhikai (tensor cores)"),
)
_MATRIX_FAMILY = ("CASE " + " ".join(f"WHEN vendor = '{v}' AND regexp_matches(name, '{rx}') THEN '{what}'"
                                      for v, rx, what in MATRIX_UNIT_FAMILIES) + " END")


#: Families whose shaders issue two FP32 fused multiply-adds per clock (dual issue), as TechPowerUp and the vendor
#: count shaders: FP32 = 4 x shaders x clock; every other chip: 2 x shaders x clock.
DUAL_ISSUE_FAMILIES = (
    ("AMD", r"\b(RX ?[79][0-9]{3}|W7[0-9]{3})\b", "AMD RDNA 3 and RDNA 4: RX 7xxx, RX 9xxx, W7xxx"),
)
_FLOP_PER_SHADER_CLOCK = ("(CASE " + " ".join(f"WHEN vendor = '{v}' AND regexp_matches(name, '{rx}') THEN 4"
                                              for v, rx, _ in DUAL_ISSUE_FAMILIES) + " ELSE 2 END)")
_SHADER_RATE = f"({_FLOP_PER_SHADER_CLOCK} * shader_count * boost_clock_hz)"


#: Families whose chips have no FP64 hardware, by vendor and a pattern of the name: (vendor, regex, architecture).
#: A rate the software reaches by emulation (TechPowerUp's FP64 for Arc Alchemist) is not a hardware peak rate:
#: FP64 stays empty. Xe2 (Arc B-series) has FP64 units and is not listed.
NO_FP64_FAMILIES = (
    ("Intel", r"\bArc (Pro )?A[0-9]", "Intel Arc A-series (Xe-HPG, Alchemist)"),
    ("Intel", r"\bGaudi", "Intel Gaudi (MME and TPC: FP32 and narrower)"),
    ("Google", r"\bTPU", "Google TPU (matrix units in BF16 and narrower, vector units in FP32)"),
    ("AWS", r"\b(Inferentia|Trainium)", "AWS Inferentia and Trainium (NeuronCores: FP32 and narrower)"),
    ("Graphcore", r"\bIPU\b", "Graphcore IPU (FP32 and FP16)"),
)
_NO_FP64_FAMILY = ("CASE " + " ".join(f"WHEN vendor = '{v}' AND regexp_matches(name, '{rx}') THEN '{what}'"
                                       for v, rx, what in NO_FP64_FAMILIES) + " END")


#: A word of notes that says a price is not the vendor's published list price.
_RUMOUR_WORD = (r"regexp_extract(lower(coalesce(notes, '')), "
                r"'\b(rumou?r(ed|s)?|leak(ed|s)?|reportedly|allegedly|expected to cost|estimated?)\b', 0)")


#: Families made on one process, by vendor and a pattern of the name: (vendor, regex, process_node_nm, process).
#: The node is the vendor's own name for the process (NVIDIA's TSMC 4N is 4, though secondary tables say 5 nm).
PROCESS_NODE_FAMILIES = (
    ("NVIDIA", r"GeForce RTX [45]0[0-9]0|\bAda\b|Blackwell|\b(G?H(100|200|800|20)|L4|L40S?|L20|G?B(100|200|300))\b",
     4, "NVIDIA Hopper, Ada and Blackwell (TSMC 4N)"),
)
_PROCESS_FAMILY = ("CASE " + " ".join(f"WHEN vendor = '{v}' AND regexp_matches(name, '{rx}') THEN '{what}'"
                                       for v, rx, _, what in PROCESS_NODE_FAMILIES) + " END")
_PROCESS_FAMILY_NODE = ("CASE " + " ".join(f"WHEN vendor = '{v}' AND regexp_matches(name, '{rx}') THEN CAST({nm} AS DOUBLE)"
                                            for v, rx, nm, _ in PROCESS_NODE_FAMILIES) + " END")


#: The words of notes that give release_date as the on-sale (availability, shipping) date, else ''.
_ON_SALE_SAID = ("regexp_extract(lower(coalesce(notes, '')), '(on[ -]sale|available|availability|ships|shipping)"
                 "( date| from| on)?:? ' || CAST(release_date AS VARCHAR), 0)")


#: Bases of release_date under which the announcement and the on-sale day are one day (the on-sale check is moot).
_SAME_DAY_BASES = "'announcement_and_launch', 'launch'"


#: The day of the Wayback Machine capture a source_url points at (web.archive.org/web/YYYYMMDDhhmmss/...), else NULL.
_CAPTURED = (r"try_strptime(regexp_extract(coalesce(source_url, ''), 'web\.archive\.org/web/([0-9]{8})', 1), "
             r"'%Y%m%d')::DATE")


#: Rows of the same vendor with the same transistors per chip and node as the outer accelerators row and a die
#: area over 1 / die-area-sibling-min-frac times its own (``b`` is the other row).
_SAME_SILICON_BIGGER_ROWS = (
    "SELECT b.accelerator_id, b.die_size_mm2 FROM accelerators b WHERE b.vendor = accelerators.vendor AND "
    "b.accelerator_id <> accelerators.accelerator_id AND b.process_node_nm = accelerators.process_node_nm AND "
    "b.transistors / coalesce(b.chips_per_board, 1) = accelerators.transistors / coalesce(accelerators.chips_per_board, 1) "
    "AND accelerators.die_size_mm2 < {die-area-sibling-min-frac} * b.die_size_mm2")
_SAME_SILICON_BIGGER = _SAME_SILICON_BIGGER_ROWS.replace("SELECT b.accelerator_id, b.die_size_mm2", "SELECT 1", 1)


#: Other rows of the same vendor, die and process node as the outer accelerators row whose transistors per chip
#: differ from its own by more than same-die-transistor-tolerance-frac (``b`` is the other row).
_SAME_DIE_OTHER_COUNT_ROWS = (
    "SELECT b.accelerator_id, b.transistors / coalesce(b.chips_per_board, 1) AS per_chip FROM accelerators b "
    "WHERE b.vendor = accelerators.vendor AND b.die = accelerators.die AND "
    "b.process_node_nm IS NOT DISTINCT FROM accelerators.process_node_nm AND "
    "b.accelerator_id <> accelerators.accelerator_id AND b.transistors IS NOT NULL AND "
    "abs(b.transistors / coalesce(b.chips_per_board, 1) / "
    "(accelerators.transistors / coalesce(accelerators.chips_per_board, 1)) - 1) > {same-die-transistor-tolerance-frac}")


#: Other rows of the same vendor, die and process node as the outer accelerators row whose die area differs from
#: its own (``b`` is the other row; die_size_mm2 is per die on a multi-chip board too).
_SAME_DIE_OTHER_AREA_ROWS = (
    "SELECT b.accelerator_id, b.die_size_mm2 FROM accelerators b "
    "WHERE b.vendor = accelerators.vendor AND b.die = accelerators.die AND "
    "b.process_node_nm IS NOT DISTINCT FROM accelerators.process_node_nm AND "
    "b.accelerator_id <> accelerators.accelerator_id AND b.die_size_mm2 IS NOT NULL AND "
    "b.die_size_mm2 <> accelerators.die_size_mm2")


#: The row of the card a refresh edition (HD 7950 Boost, HD 7970 GHz Edition, RTX 4080 SUPER, GTX 650 Ti Boost)
#: refreshes: same vendor, its name less the edition's suffix (``b`` is the base card's row).
_REFRESH_BASE_ROWS = (
    "SELECT b.accelerator_id, b.tdp_watts FROM accelerators b WHERE b.vendor = accelerators.vendor AND "
    "b.accelerator_id <> accelerators.accelerator_id AND "
    "b.name = regexp_replace(accelerators.name, ' (Boost|GHz Edition|SUPER|Super|with Boost)$', '')")


#: Rows of the same silicon as the outer accelerators row (same vendor, market segment, chips per board, shader
#: count and transistors per chip, process node within 2 nm: a rebrand or refresh of one design) at a lower boost
#: clock but a higher tdp_watts (``b`` is the other row).
_SLOWER_SIBLING_MORE_POWER_ROWS = (
    "SELECT b.accelerator_id, b.tdp_watts, b.boost_clock_hz FROM accelerators b WHERE b.vendor = accelerators.vendor "
    "AND b.accelerator_id <> accelerators.accelerator_id AND b.market_segment = accelerators.market_segment AND "
    "coalesce(b.chips_per_board, 1) = coalesce(accelerators.chips_per_board, 1) AND "
    "b.shader_count = accelerators.shader_count AND "
    "b.transistors / coalesce(b.chips_per_board, 1) = accelerators.transistors / coalesce(accelerators.chips_per_board, 1) "
    "AND abs(b.process_node_nm - accelerators.process_node_nm) <= 2 AND "
    "b.boost_clock_hz < accelerators.boost_clock_hz AND b.tdp_watts > accelerators.tdp_watts")


#: Memory-size variants of the outer accelerators row (same vendor and die, names equal once the memory size,
#: `4 GB`, is taken out) released on the same day as it (``b`` is the other variant's row).
_SAME_DAY_MEMORY_VARIANT_ROWS = (
    "SELECT b.accelerator_id, b.release_date_basis FROM accelerators b WHERE b.vendor = accelerators.vendor AND "
    "b.die = accelerators.die AND b.accelerator_id <> accelerators.accelerator_id AND "
    "b.release_date = accelerators.release_date AND "
    "trim(regexp_replace(b.name, '[0-9]+ ?GB', '', 'g')) = trim(regexp_replace(accelerators.name, '[0-9]+ ?GB', '', 'g'))")

#: A card's series: its name up to the first digit of the model number ('AMD Radeon R7 2' for the R7 240, 250 and
#: 260X; 'NVIDIA GeForce RTX 3' for the RTX 30 cards)
_SERIES = "regexp_extract({t}.name, '^([^0-9]*[0-9])', 1)"
#: other cards of the row's vendor and series dated later with a basis of their own, on a day (YYYY-MM-DD) that the
#: row's notes give
_LATER_SERIES_DAY_IN_NOTES_ROWS = (
    "SELECT b.accelerator_id, b.release_date FROM accelerators b WHERE b.vendor = accelerators.vendor AND "
    "b.accelerator_id <> accelerators.accelerator_id AND "
    f"{_SERIES.format(t='b')} = {_SERIES.format(t='accelerators')} AND "
    f"b.release_date_basis IN ({', '.join(repr(x) for x in RELEASE_DATE_DAY_BASES)}) AND "
    "b.release_date > accelerators.release_date AND "
    "contains(coalesce(accelerators.notes, ''), strftime(b.release_date, '%Y-%m-%d'))")


#: Other cards of the same vendor and die as the outer accelerators row, dated by an announcement (basis
#: announcement or announcement_and_launch) on an earlier day at most launch-after-sibling-announcement-max-days
#: before the row's own date (``b`` is the sibling's row).
_EARLIER_SIBLING_ANNOUNCED_ROWS = (
    "SELECT b.accelerator_id, b.release_date FROM accelerators b WHERE b.vendor = accelerators.vendor AND "
    "b.die = accelerators.die AND b.accelerator_id <> accelerators.accelerator_id AND "
    "b.release_date_basis IN ('announcement', 'announcement_and_launch') AND "
    "b.release_date < accelerators.release_date AND "
    "accelerators.release_date - b.release_date <= CAST({launch-after-sibling-announcement-max-days} AS INTEGER)")
#: Other cards of the same vendor and die as the outer accelerators row dated by an announcement on the row's own
#: day (``b`` is the sibling's row). A memory variant of the row (names equal once the memory size is taken out) is
#: left to the memory-variant checks: a partner's later board dated with the reference card's day is another error.
_SAME_DAY_SIBLING_ANNOUNCED_ROWS = (
    "SELECT b.accelerator_id FROM accelerators b WHERE b.vendor = accelerators.vendor AND "
    "b.die = accelerators.die AND b.accelerator_id <> accelerators.accelerator_id AND "
    "b.release_date_basis IN ('announcement', 'announcement_and_launch') AND "
    "b.release_date = accelerators.release_date AND "
    "trim(regexp_replace(b.name, '\\(?[0-9.]+ ?GB\\)?', '', 'g')) <> "
    "trim(regexp_replace(accelerators.name, '\\(?[0-9.]+ ?GB\\)?', '', 'g'))")

#: The datasheet peak of a measurement's chip at its precision (accelerators' rate column of that precision).
_DATASHEET_PEAK = ("(SELECT CASE measurements.precision WHEN 'fp64' THEN a.fp64_flop_per_s WHEN 'fp32' THEN "
                   "a.fp32_flop_per_s WHEN 'tf32' THEN a.tf32_flop_per_s WHEN 'bf16' THEN a.bf16_flop_per_s "
                   "WHEN 'fp16' THEN a.fp16_flop_per_s WHEN 'fp8' THEN a.fp8_flop_per_s WHEN 'fp4' THEN "
                   "a.fp4_flop_per_s WHEN 'int8' THEN a.int8_op_per_s END FROM accelerators a "
                   "WHERE a.accelerator_id = measurements.accelerator_id)")


#: The names of multi-chip boards: two GPUs (or four SoCs) sold as one card, whose figures are the whole board's.
DUAL_BOARD_NAMES = (r"\b(X2|GX2|Duo)\b|[0-9]X2\b|\bGTX (295|590|690)\b|\bTITAN Z\b|\bHD (5970|6990|7990)\b|"
                    r"\bTesla (K10|K80|M60)\b|\bMLU370-X8\b|\bAI 100 Ultra\b")
# What notes say the stored launch price is, when it is not a list price ('price is Apple's upgrade price').
_NOT_LIST_PRICE = ("coalesce(regexp_extract(notes, '(?i)(?:launch )?price (?:is|was|=) [^.;]{0,40}?"
                   "(upgrade price|upgrade charge|reseller|retailer|street price|rumou?r|pre-launch|taobao|ebay)', 1), '')")

_DUAL_BOARD = f"regexp_extract(name, '{DUAL_BOARD_NAMES}', 0)"


_VALUE_BASIS_EMPTY = " ".join(f"WHEN '{c}' THEN {c} IS NULL" for c in VALUE_COLUMNS)
_VALUE_BASIS_ROWS = (f"SELECT rowid AS rid, unnest(string_split(value_basis, ';')) AS e, {', '.join(VALUE_COLUMNS)} "
                     "FROM accelerators WHERE value_basis IS NOT NULL")

#: The forms of region names of the three large clouds: provider -> (full-match regex, example). The forms do not
#: overlap: AWS has two dashes and a final number, Google one dash and a number glued to the word, Azure no dash.
#: Google's multi-regions (`us`, `eu`, `asia`) are too short to read as Azure's.
REGION_FORMS = {
    "AWS": (r"[a-z]{2}(-gov)?-[a-z]+-[0-9]+", "us-east-1"),
    "Google Cloud": (r"[a-z]+-[a-z]+[0-9]+", "us-central1"),
    "Azure": (r"[a-z]{5,}[0-9]?", "eastus"),
}
_REGION_FORM = ("CASE " + " ".join(f"WHEN regexp_full_match(cloud_region, '{rx}') THEN '{p}'"
                                    for p, (rx, _) in REGION_FORMS.items()) + " END")

#: A cloud price's notes giving the instance it is divided from: `instance price $55.04/h / 8 GPUs`.
_INSTANCE_NOTE = r"instance price \$[0-9][0-9.,]*/h / [0-9]+ GPU"
_INSTANCE_PRICE = (r"TRY_CAST(replace(regexp_extract(notes, 'instance price \$([0-9][0-9.,]*)/h / [0-9]+ GPU', 1), "
                   r"',', '') AS DOUBLE)")
_INSTANCE_COUNT = r"TRY_CAST(regexp_extract(notes, 'instance price \$[0-9][0-9.,]*/h / ([0-9]+) GPU', 1) AS DOUBLE)"
_INSTANCE_QUOTIENT = f"({_INSTANCE_PRICE} / nullif({_INSTANCE_COUNT}, 0))"
#: The chips of the row's accelerator that one board carries (a K80 row is priced per board of 2 GPUs).
_BOARD_CHIPS = ("coalesce((SELECT a.chips_per_board FROM accelerators a "
                "WHERE a.accelerator_id = cloud_prices.accelerator_id), 1)")

#: A memory size written in a name: `80 GB`, `16GB`, `(1.5 GB)`, `141 GiB`.
_NAME_GB = r"regexp_extract(name, '(?:^|[^0-9A-Za-z.])([0-9]+(?:\.[0-9]+)?) ?Gi?B\b', 1)"

#: An accelerator's name without its memory size (`GeForce GTX 460 768 MB` and `GeForce GTX 460 1 GB` both read
#: `GeForce GTX 460`): the card whose memory variants the name tells apart.
_NAME_WITHOUT_MEMORY = ("trim(regexp_replace({t}.name, '(^|[^0-9A-Za-z.])[0-9]+(\\.[0-9]+)? ?[GM]i?B\\b', '', 'g'))")

#: The other memory variants of one card (same vendor and name without the size) with the row's launch price,
#: released before it (or the same day with less memory): the row, the later variant, likely carries their price.
_EARLIER_VARIANT_SAME_PRICE_ROWS = (
    "SELECT b.accelerator_id, b.memory_bytes FROM accelerators b WHERE b.vendor = accelerators.vendor AND "
    "b.accelerator_id <> accelerators.accelerator_id AND b.memory_bytes <> accelerators.memory_bytes AND "
    "(b.release_date < accelerators.release_date OR (b.release_date = accelerators.release_date AND "
    "b.memory_bytes < accelerators.memory_bytes)) AND "
    "b.launch_price_usd = accelerators.launch_price_usd AND "
    f"{_NAME_WITHOUT_MEMORY.format(t='b')} = {_NAME_WITHOUT_MEMORY.format(t='accelerators')}")


def _mlperf_rows(q: _Query):
    t = "mlperf_training"
    return t, q.con.execute(f"SELECT rowid, mlperf_round, submitter, system, mlperf_benchmark, node_count, "
                            f"accelerators_per_node, accelerator_id FROM {t} ORDER BY rowid").fetchall()


#: columns of a curated relation that cite references.bib keys (``;``-separated)
_CITE_COLUMNS = ("source", "original_source", "effective_date_source")


def _host(url: str | None) -> str:
    """The host of ``url``, lower case, without a leading ``www.``."""
    host = (url or "").split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
    return host.removeprefix("www.")


def content_farm_citations(q: _Query, have: set[str]) -> list[Problem]:
    """Rows that cite a reference whose URL is on a content-farm host (``CONTENT_FARM_HOSTS``), located at the row."""
    farms = {}
    for key, url in q.con.execute('SELECT reference_key, url FROM "references"').fetchall():
        host = _host(url)
        reason = next((r for h, r in CONTENT_FARM_HOSTS.items() if host == h or host.endswith("." + h)), None)
        if reason:
            farms[key] = (host, reason)
    out = []
    if not farms:
        return out
    for rel in CURATED:
        if rel.name not in have or not rel.csv_file:
            continue
        for col in (c for c in _CITE_COLUMNS if c in rel.schema.columns):
            rows = q.con.execute(f"SELECT rowid, {col} FROM {ident(rel.name)} WHERE {col} IS NOT NULL "
                                 "ORDER BY rowid").fetchall()
            for rowid, cited in rows:
                for key in cited.split(";"):
                    if key in farms:
                        host, reason = farms[key]
                        out.append(Problem(q.file(rel.name), q.loaded.line_of(rel.name, rowid), col, key,
                                           f"cites a content-farm site ({host}: {reason})",
                                           "cite the dated primary source (the vendor's page, a release, a "
                                           "paper) or a reputable one instead, or drop the row if none holds; "
                                           "the list of hosts is CONTENT_FARM_HOSTS in metadata/vocabularies.py"))
    return out


def mlperf_duplicate_results(q: _Query, have: set[str]) -> list[Problem]:
    """One result per round, submitter, system and benchmark; a second names the line of the first."""
    t, rows = _mlperf_rows(q)
    first: dict[tuple, int] = {}
    out = []
    for rowid, rnd, submitter, system, benchmark, *_ in rows:
        line = q.loaded.line_of(t, rowid)
        other = first.setdefault((rnd, submitter, system, benchmark), line)
        if other != line:
            out.append(Problem(q.file(t), line, "system", system,
                               f"a second result of {submitter}'s system on {benchmark} in {rnd}: the first is on "
                               f"line {other}", "keep one row per round, submitter, system and benchmark (the "
                               "official score); a different system needs its own name"))
    return out


def mlperf_system_configurations(q: _Query, have: set[str]) -> list[Problem]:
    """One system name of a round and submitter is one configuration: nodes, accelerators per node, accelerator."""
    t, rows = _mlperf_rows(q)
    first: dict[tuple, tuple[int, tuple]] = {}
    out = []
    for rowid, rnd, submitter, system, _, nodes, per_node, accelerator in rows:
        line = q.loaded.line_of(t, rowid)
        config = (nodes, per_node, accelerator)
        other_line, other = first.setdefault((rnd, submitter, system), (line, config))
        if other != config:
            out.append(Problem(q.file(t), line, "system", system,
                               f"one system name, two configurations in {rnd}: {nodes} x {per_node} {accelerator} "
                               f"here, {other[0]} x {other[1]} {other[2]} on line {other_line}",
                               "give each configuration the system name its submission uses (the system "
                               "description's file name), or correct node_count, accelerators_per_node or "
                               "accelerator_id"))
    return out


#: the clock the vendor states, in MHz, as notes give it ('Clock: Intel states a graphics clock of 2000 MHz'; an
#: engine clock for AMD's older cards, a shader clock for NVIDIA's G80 to GT200), or ''
_VENDOR_CLOCK_MHZ = (r"regexp_extract(coalesce(notes, ''), 'Clock: [A-Za-z]+ states an? (graphics|boost|engine|shader) "
                     r"clock of ([0-9]+(\.[0-9]+)?) MHz', 2)")
#: the memory data rate per pin the vendor states, in Gbit/s, as notes give it ('Memory: AMD states a data rate of
#: 1.6 Gbps'), or ''
_VENDOR_PIN_RATE_GBPS = (r"regexp_extract(coalesce(notes, ''), 'Memory: [A-Za-z]+ states a data rate of "
                         r"([0-9]+(\.[0-9]+)?) Gbps', 1)")
#: the board power (TDP, TBP, TGP) the vendor states, in W, as notes give it ('Power: AMD states a board power of
#: 225 W'), or ''
_VENDOR_POWER_W = (r"coalesce(nullif(regexp_extract(coalesce(notes, ''), 'Power: [A-Za-z]+ states an? (TDP|TBP|TGP|"
                   r"board power|total board power|total graphics power|thermal design power) of ([0-9]+(\.[0-9]+)?) W', "
                   r"2), ''), regexp_extract(coalesce(notes, ''), '(AMD|NVIDIA|Intel) (quotes|rates|gives|states|"
                   r"specifies|lists) (it at |a |an |the )?([0-9]+(\.[0-9]+)?) ?W (typical |total )?(board power|TBP|TDP|"
                   r"TGP|graphics power)', 4))")
#: notes that admit the clock of the rates is not checked ('The boost clock is not verified here, so the row stays at
#: Epoch's clock'), in one sentence
_CLOCK_UNVERIFIED = (r"regexp_matches(lower(coalesce(notes, '')), '(boost|engine|graphics|shader|core|gpu) clock"
                     r"[^.;]{0,40}(not verified|unverified|not confirmed|unconfirmed|not checked)|"
                     r"(unverified|unconfirmed) (boost|engine|graphics|shader|core|gpu) clock')")
#: notes that hedge the power figure in one sentence
_TDP_HEDGED = (r"regexp_matches(lower(coalesce(notes, '')), '(tdp|tbp|power)[^.;]*(commonly stated|uncertain)|"
               r"(commonly stated|uncertain)[^.;]*(tdp|tbp|power)')")
#: value_basis marks tdp_watts secondary (itself, or by `*` without a pair of its own)
_TDP_SECONDARY = ("(contains(coalesce(value_basis, ''), 'tdp_watts:secondary') OR "
                  "(contains(coalesce(value_basis, ''), '*:secondary') AND NOT contains(coalesce(value_basis, ''), "
                  "'tdp_watts:')))")


#: Every declared plausibility check, in the order they run.
# every TensorCore count the notes quote that equals the row's chip count: TPU v2-v4 slice names ('v4-128',
# 'V3-1024', 'TPUv3-64') and 'N cores' / 'N-core' / 'N TPU v3 cores' (thousands commas dropped)
_TPU_NOTES = r"regexp_replace(coalesce(notes, ''), '([0-9]),([0-9]{3})', '\1\2', 'g')"
_TPU_CORES_QUOTED = (f"array_to_string(list_filter(list_concat("
                     f"regexp_extract_all({_TPU_NOTES}, '(?i)v[234]-([0-9]+)', 1), "
                     f"regexp_extract_all({_TPU_NOTES}, '(?i)\\b([0-9]+)[ -](?:(?:Google )?TPU ?v?[234]? )?cores?\\b', 1)), "
                     f"lambda x: x = CAST(accelerator_count AS VARCHAR)), ',')")
# the latest day bioRxiv v1 can have: a DOI of the form 10.1101/YYYY.MM.DD.NNNNNN carries the day it was
# deposited, and v1 is posted within days (14 allowed); arXiv ids have check publication-after-arxiv-month
_BIORXIV_V1_BY = (
    "CASE WHEN regexp_matches(source_url, '10\\.1101/20[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.') THEN "
    "CAST(strptime(regexp_extract(source_url, '10\\.1101/(20[0-9]{2}\\.[0-9]{2}\\.[0-9]{2})\\.', 1), '%Y.%m.%d') "
    "+ INTERVAL 14 DAY AS DATE) END")


CHECKS: tuple[Check, ...] = (
    # accelerators
    *_rate_checks(),
    Check("launch-price-without-date", "accelerators", "launch_price_date",
          "a launch price needs its date, and a date its price", "fill both or neither",
          where="(launch_price_usd IS NULL) <> (launch_price_date IS NULL)",
          value="coalesce(CAST(launch_price_date AS VARCHAR), '')"),
    Check("power-without-kind", "accelerators", "tdp_kind", "a power figure needs its kind",
          "vendor_tdp, derived or measured", where="tdp_watts IS NOT NULL AND tdp_kind IS NULL", value="tdp_kind"),
    Check("fp32-per-usd-above-trend", "accelerators", "launch_price_usd",
          "FP32 FLOP/s per dollar far above the trend for its year", "check the price and the rate", "warning",
          where="launch_price_usd IS NOT NULL AND fp32_flop_per_s / launch_price_usd > "
                "1e10 * pow(1.5, year(release_date) - 2008)", value="launch_price_usd",
          catches="A launch price in the wrong unit or of a whole board or system: FP32 FLOP/s per dollar above "
                  "1e10 × 1.5^(year − 2008)."),
    Check("gib-capacity-not-whole", "accelerators", "memory_bytes",
          "memory_unit_in_source is GiB but memory_bytes is not a whole number of GiB",
          "store n GiB as n x 2^30 bytes (32 GiB = 3.4359738368e10), not n x 1e9",
          where=f"memory_unit_in_source = 'GiB' AND NOT {_whole('memory_bytes', GIB)}", value="memory_bytes"),
    Check("gib-vendor-unit-unstated", "accelerators", "memory_unit_in_source",
          "a memory size from a vendor that publishes GiB (gib_vendors of accelerators) needs memory_unit_in_source",
          "read the source: for n GiB store n x 2^30 and set memory_unit_in_source to GiB; for GB set it to GB",
          where="vendor IN ({gib_vendors}) AND memory_bytes IS NOT NULL AND memory_unit_in_source IS NULL",
          value="CAST(memory_bytes AS VARCHAR)",
          catches="GiB stored as GB: a memory size from a vendor that publishes GiB (the relation's "
                  "`gib_vendors`) without `memory_unit_in_source`."),
    Check("tensor-ratio-off-die", "accelerators", "fp16_flop_per_s",
          "tensor FP16 / FP32 is not a ratio its die ({die}) has at one clock ({ratios}, within "
          "{precision-ratio-tolerance-frac:.0%})",
          "is the tensor rate the vendor's figure at another clock than FP32 (NVIDIA's Titan V '110 TFLOPS' at about "
          "1.34 GHz beside FP32 at the 1455 MHz boost)? Give every rate at the boost clock (units x operations per "
          "clock x clock) and the vendor's figure in notes",
          where=f"fp16_flop_per_s IS NOT NULL AND fp32_flop_per_s > 0 AND die IS NOT NULL AND {_TENSOR_RATIO_BAD}",
          value="printf('%g / %g = %.2f', fp16_flop_per_s, fp32_flop_per_s, fp16_flop_per_s / fp32_flop_per_s)",
          details=(("die", "die"), ("ratios", _TENSOR_RATIOS_OF_DIE)),
          parameters=("precision-ratio-tolerance-frac",),
          catches="A vendor's tensor rate at one clock beside FP32 at another in a row of NVIDIA's Volta, Turing or "
                  "Ampere families (`TENSOR_RATIOS`): tensor FP16 / FP32 must be a ratio of the die at one clock."),
    Check("fp64-ratio-off-architecture", "accelerators", "fp64_flop_per_s",
          "FP64 / FP32 is none of the ratios real architectures have (1, 1/2, 1/3, 1/4, 1/5, 1/8, 1/12, 1/16, "
          "1/24, 1/32 or 1/64, within {precision-ratio-tolerance-frac:.0%})",
          "is FP64 at another clock than FP32, or the ratio of another architecture (Ampere GA10x and Ada run "
          "FP64 at 1/64)? Give every rate at one clock; leave FP64 empty where the chip has no FP64 hardware",
          "warning",
          where=f"fp64_flop_per_s IS NOT NULL AND fp32_flop_per_s > 0 AND NOT "
                f"{_near_one_of(_FP64_RATIO, [f'1.0 / {d}' for d in FP64_DIVISORS], _RATIO_TOLERANCE)}",
          value="printf('%g / %g = 1/%.1f', fp64_flop_per_s, fp32_flop_per_s, fp32_flop_per_s / fp64_flop_per_s)",
          parameters=("precision-ratio-tolerance-frac",),
          catches="FP64 at a ratio to FP32 that no architecture has (1/44 rather than 1/32 or 1/64): mixed clocks "
                  "in one row, or another architecture's ratio."),
    Check("fp16-ratio-without-matrix-units", "accelerators", "fp16_flop_per_s",
          "on a chip without matrix units, FP16 / FP32 is none of 1/64, 1 or 2 (within "
          "{precision-ratio-tolerance-frac:.0%})",
          "is FP16 at another clock than FP32, or an FP16-accumulate or matrix rate on a chip marked without "
          "matrix units? Give every rate at one clock, or set has_matrix_units", "warning",
          where=f"NOT has_matrix_units AND fp16_flop_per_s IS NOT NULL AND fp32_flop_per_s > 0 AND NOT "
                f"{_near_one_of(_FP16_RATIO, VECTOR_FP16_MULTIPLES, _RATIO_TOLERANCE)}",
          value="printf('%g / %g = %.3g', fp16_flop_per_s, fp32_flop_per_s, fp16_flop_per_s / fp32_flop_per_s)",
          parameters=("precision-ratio-tolerance-frac",),
          catches="Vector FP16 at a ratio to FP32 that vector units do not have (1/64, 1 or 2): rates at "
                  "different clocks in one row."),
    Check("fp16-tensor-below-twice-fp32", "accelerators", "fp16_flop_per_s",
          "on a chip with matrix units, the FP16 tensor rate is below {matrix-fp16-min-x-fp32:g} times FP32",
          "is it the vector FP16 rate, or the FP16-accumulate rate halved twice? Store the dense matrix rate "
          "with FP32 accumulate", "warning",
          where=f"has_matrix_units AND fp16_flop_per_s >= fp32_flop_per_s AND fp16_flop_per_s < "
                f"{{matrix-fp16-min-x-fp32}} * fp32_flop_per_s * (1 - {_RATIO_TOLERANCE})",
          value="printf('%g / %g = %.3g', fp16_flop_per_s, fp32_flop_per_s, fp16_flop_per_s / fp32_flop_per_s)",
          parameters=("matrix-fp16-min-x-fp32", "precision-ratio-tolerance-frac"),
          catches="A vector FP16 rate stored as the tensor rate of a chip with matrix units (below the FP32 rate "
                  "is an error of `fp16-below-fp32`; below twice it, this warning)."),
    Check("matrix-units-of-family", "accelerators", "has_matrix_units",
          "every chip of its family has matrix units: {family}",
          "set has_matrix_units to true and store the matrix (tensor) rate as fp16_flop_per_s and "
          "bf16_flop_per_s, dense, from the vendor's figures (empty where the vendor publishes none; say so in "
          "notes)",
          where=f"NOT has_matrix_units AND {_MATRIX_FAMILY} IS NOT NULL", value="name",
          details=(("family", _MATRIX_FAMILY),),
          catches="Matrix units not recognised: an Intel Arc (XMX) or AMD RX 7xxx, RX 9xxx or W7xxx (WMMA) card, "
                  "or a Moore Threads, MetaX, Biren or Iluvatar CoreX GPU (tensor cores announced, often with no "
                  "tensor rate), with `has_matrix_units` false."),
    Check("fp64-without-fp64-hardware", "accelerators", "fp64_flop_per_s",
          "an FP64 rate on a chip whose architecture has no FP64 hardware: {family}",
          "a rate reached by software emulation is not a peak hardware rate: leave fp64_flop_per_s empty and "
          "say in notes what the source gives",
          where=f"fp64_flop_per_s IS NOT NULL AND {_NO_FP64_FAMILY} IS NOT NULL",
          value="CAST(fp64_flop_per_s AS VARCHAR)", details=(("family", _NO_FP64_FAMILY),),
          catches="An emulated FP64 rate stored as a hardware rate: FP64 on an Intel Arc A-series, Gaudi, Google "
                  "TPU, AWS Inferentia or Trainium, or Graphcore IPU row."),
    Check("bandwidth-off-bus-and-rate", "accelerators", "memory_bandwidth_bytes_per_s",
          "memory_bandwidth_bytes_per_s differs from memory_bus_width_bits / 8 x memory_pin_rate_bit_per_s "
          "({implied}) by more than {bandwidth-bus-rate-tolerance-frac:.1%}",
          "is the bandwidth a sibling card's (the 8 GB card's 512 GB/s on the 16 GB card at 17.5 Gbps), or the "
          "per-pin rate the memory clock? Take all three from the vendor's specification",
          where="memory_bus_width_bits IS NOT NULL AND memory_pin_rate_bit_per_s IS NOT NULL AND "
                "abs(memory_bandwidth_bytes_per_s / (memory_bus_width_bits / 8 * memory_pin_rate_bit_per_s) - 1) "
                "> {bandwidth-bus-rate-tolerance-frac}",
          value="printf('%g', memory_bandwidth_bytes_per_s)",
          details=(("implied", "printf('%g', memory_bus_width_bits / 8 * memory_pin_rate_bit_per_s)"),),
          parameters=("bandwidth-bus-rate-tolerance-frac",),
          catches="A bandwidth copied from a sibling card or a secondary source: where the bus width and the "
                  "per-pin data rate are stored, the bandwidth is their product (width / 8 x rate)."),
    Check("fp32-off-shaders-and-clock", "accelerators", "fp32_flop_per_s",
          "fp32_flop_per_s differs from {per_clock} x shader_count x boost_clock_hz ({implied}) by more than "
          "{precision-ratio-tolerance-frac:.0%}",
          "is the rate a mobile, Max-Q or other variant's (the Quadro P1000's 512-shader 1.43 TFLOP/s on the "
          "640-shader desktop card), or at another clock than the one stored? Take the rate, the shader count and "
          "the clock of the one product the row names, from the vendor's specification",
          where=f"shader_count IS NOT NULL AND boost_clock_hz IS NOT NULL AND fp32_flop_per_s IS NOT NULL AND "
                f"abs(fp32_flop_per_s / {_SHADER_RATE} - 1) > {_RATIO_TOLERANCE}",
          value="printf('%g', fp32_flop_per_s)",
          details=(("implied", f"printf('%g', {_SHADER_RATE})"), ("per_clock", _FLOP_PER_SHADER_CLOCK)),
          parameters=("precision-ratio-tolerance-frac",),
          catches="A desktop card filled with a mobile, Max-Q or other variant's FP32 rate (the Quadro P1000 with "
                  "the 512-shader rate): where the shader count and boost clock are stored, FP32 is 2 x shaders x "
                  "clock (4 x on AMD RDNA 3 and 4, dual issue)."),
    Check("boost-clock-off-vendor-clock", "accelerators", "boost_clock_hz",
          "boost_clock_hz differs from the clock the vendor states, which notes give ({stated} MHz)",
          "the rates are stated at the vendor's clock (Intel's graphics clock, NVIDIA's or AMD's boost clock), not "
          "a secondary database's (TechPowerUp's 1750 MHz for the Arc A310 that Intel rates at 2000 MHz): store the "
          "vendor's clock and recompute every rate at it (units x operations per clock x clock)",
          where=f"{_VENDOR_CLOCK_MHZ} <> '' AND boost_clock_hz IS NOT NULL AND "
                f"abs(boost_clock_hz / (CAST({_VENDOR_CLOCK_MHZ} AS DOUBLE) * 1e6) - 1) > 0.005",
          value="printf('%g', boost_clock_hz)", details=(("stated", _VENDOR_CLOCK_MHZ),),
          catches="Rates at a secondary database's clock rather than the vendor's: a row whose notes say "
                  "'Clock: <vendor> states a graphics (boost, engine, shader) clock of N MHz' with another "
                  "boost_clock_hz."),
    Check("clock-unverified-in-notes", "accelerators", "boost_clock_hz",
          "notes admit that the clock of the rates is not verified: the rates may be at a secondary source's base "
          "clock",
          "find the clock the vendor states (its launch material, or launch reviews quoting it: AMD's 'up to' engine "
          "clock, NVIDIA's boost clock), store it in boost_clock_hz with every rate at it (units x operations per "
          "clock x clock) and say 'Clock: <vendor> states a boost (engine) clock of N MHz' in notes; if no source "
          "gives it, record the search and add a reviewed exception",
          where=f"{_CLOCK_UNVERIFIED}", value="coalesce(printf('%g', boost_clock_hz), '')",
          catches="Rates left at a secondary database's base clock with an admission in notes (the Radeon R7 240 and "
                  "R7 250 at Epoch AI's 730 and 1000 MHz, 'the boost clock is not verified here', where AMD states "
                  "780 and 1050 MHz): notes that call the boost, engine or graphics clock unverified."),
    Check("pin-rate-off-vendor-rate", "accelerators", "memory_pin_rate_bit_per_s",
          "memory_pin_rate_bit_per_s differs from the data rate the vendor states, which notes give ({stated} Gbps)",
          "the bandwidth is the vendor's reference board's, not a secondary database's (TechPowerUp's 1.0 Gbps for the "
          "Radeon HD 2400 XT that AMD's reference board runs at 1.6 Gbps): store the vendor's data rate and the "
          "bandwidth at it (bus width / 8 x rate)",
          where=f"{_VENDOR_PIN_RATE_GBPS} <> '' AND memory_pin_rate_bit_per_s IS NOT NULL AND "
                f"abs(memory_pin_rate_bit_per_s / (CAST({_VENDOR_PIN_RATE_GBPS} AS DOUBLE) * 1e9) - 1) > 0.005",
          value="printf('%g', memory_pin_rate_bit_per_s)", details=(("stated", _VENDOR_PIN_RATE_GBPS),),
          catches="A memory data rate (and so a bandwidth) from a secondary database rather than the vendor's "
                  "reference board: a row whose notes say 'Memory: <vendor> states a data rate of N Gbps' with "
                  "another memory_pin_rate_bit_per_s."),
    Check("tdp-hedged-not-secondary", "accelerators", "value_basis",
          "notes hedge the power figure ('commonly stated', 'uncertain') but value_basis does not mark tdp_watts "
          "secondary",
          "a power figure no primary source gives is secondary: take the vendor's or the cited source's figure, "
          "say in notes what each source gives, and mark tdp_watts:secondary (or *:secondary) in value_basis",
          where=f"tdp_watts IS NOT NULL AND {_TDP_HEDGED} AND NOT {_TDP_SECONDARY}",
          value="coalesce(value_basis, '')",
          catches="A TDP with no supporting source passed off as primary: notes that call the power figure "
                  "'commonly stated' or 'uncertain' on a row whose value_basis does not mark tdp_watts secondary."),
    Check("dual-board-counted-as-one-chip", "accelerators", "chips_per_board",
          "a multi-chip board ({board}) with chips_per_board 1 or empty",
          "the row's figures are for the whole board: set chips_per_board to the number of chips on it and "
          "say so in notes, or give per-chip figures and name the row as one chip",
          where=f"coalesce(chips_per_board, 1) = 1 AND {_DUAL_BOARD} <> ''",
          value="coalesce(CAST(chips_per_board AS VARCHAR), '')",
          details=(("board", _DUAL_BOARD),),
          catches="A multi-chip board (X2, GX2, Duo, GTX 295/590/690, TITAN Z, HD 5970/6990/7990, Tesla K10/K80/M60, "
                  "MLU370-X8, Cloud AI 100 Ultra) "
                  "whose whole-board figures pass for one chip's: `chips_per_board` left at 1."),
    Check("launch-price-before-release", "accelerators", "launch_price_date",
          "launch_price_date is before release_date",
          "a launch price is the vendor's list price at launch, dated at or after the release; an earlier "
          "price (pre-order, rumour) belongs in hardware_prices with its kind",
          where="launch_price_date < release_date",
          value="CAST(launch_price_date AS VARCHAR) || ' < ' || CAST(release_date AS VARCHAR)"),
    Check("launch-price-off-same-day-release", "accelerators", "launch_price_date",
          "launch_price_date differs from release_date, while release_date_basis (announcement_and_launch) says "
          "the product was announced and launched that day",
          "a product announced and launched the same day has its launch price dated that day: if the price came "
          "later, the release date is another product's (a sibling variant's, a partner's launch) or the launch "
          "day was not the announcement: fix the date or its basis, and say in notes what each source gives",
          where="release_date_basis = 'announcement_and_launch' AND launch_price_date IS NOT NULL AND "
                "launch_price_date <> release_date",
          value="CAST(launch_price_date AS VARCHAR) || ' (release_date ' || CAST(release_date AS VARCHAR) || ')'",
          catches="A release date and a launch price of two different events on one row: the HD 6950 1 GB row "
                  "carried the 2 GB card's launch day (2010-12-15) as 'announced and launched the same day' beside "
                  "its own price of 2011-01-19/25 (issue 27 leftovers; a date moved without its price, as the "
                  "GTX 980 Ti's, is caught the same way)."),
    Check("launch-price-on-replaced-release-date", "accelerators", "launch_price_date",
          "launch_price_date {date} is the release_date that the notes say was replaced (now {release}), and the "
          "notes do not say the card went on sale that day",
          "a launch price is dated the day it was stated (the announcement) or first charged (the on-sale day): when "
          "a release_date is corrected, move its price date too, to the day the cited coverage gives the price, and "
          "say so in notes ('on sale <date>' where that day is the on-sale day; 'Launch price stays dated <date>' "
          "where it is kept on purpose)",
          where="launch_price_date IS NOT NULL AND launch_price_date <> release_date AND ("
                "strpos(notes, 'release_date ' || CAST(launch_price_date AS VARCHAR) || ' ->') > 0 OR "
                "strpos(notes, 'Was (''' || CAST(launch_price_date AS VARCHAR) || '''') > 0) AND "
                "strpos(notes, 'on sale ' || CAST(launch_price_date AS VARCHAR)) = 0 AND "
                "strpos(notes, 'on sale ' || strftime(launch_price_date, '%Y-%m') || ')') = 0 AND "
                "strpos(notes, 'stays dated ' || CAST(launch_price_date AS VARCHAR)) = 0",
          value="CAST(launch_price_date AS VARCHAR)",
          details=(("date", "CAST(launch_price_date AS VARCHAR)"), ("release", "CAST(release_date AS VARCHAR)")),
          catches="A launch price left on a release_date that was later corrected and is neither the announcement "
                  "nor the on-sale day: the RX Vega 64 (Liquid) at 2017-08-07 (announced 07-31, on sale 08-14), the "
                  "R9 295X2 at 2014-04-29 (announced 04-08 with its price), the Quadro P400-P4000 at Epoch's "
                  "2017-02-06/07 (announced 02-05, on sale 2017-03) (sample hw11, class P1)."),
    Check("launch-price-long-after-release", "accelerators", "launch_price_date",
          "launch_price_date is more than {launch-price-max-days-after-release:g} days after release_date",
          "a launch price is the vendor's list price when the card is announced or goes on sale; a later price is a "
          "street price (hardware_prices, with its kind) or another variant's: give the launch price with its "
          "date, or leave both empty and say why; a first list price set later (a card sold first to OEMs without a "
          "price) is a reviewed exception", "warning",
          where="launch_price_date > release_date + to_days(CAST({launch-price-max-days-after-release} AS INTEGER))",
          value="CAST(launch_price_date AS VARCHAR) || ' (release_date ' || CAST(release_date AS VARCHAR) || ')'",
          parameters=("launch-price-max-days-after-release",),
          catches="A launch price dated long after the release: a later street price, or the price of a sibling "
                  "launched later, stored as the launch price (issue 27, class 7)."),
    Check("launch-price-noted-as-not-list", "accelerators", "launch_price_usd",
          "the notes say the stored launch price is not a list price ('{kind}')",
          "a launch price is the vendor's list price at launch; an upgrade charge, a reseller or street price or a "
          "rumour is not: remove it from the row (leave launch_price_usd and launch_price_date empty and say why in "
          "notes) and, if it is sourced and dated, add it to hardware_prices with its kind",
          where=f"launch_price_usd IS NOT NULL AND {_NOT_LIST_PRICE} <> ''",
          value="printf('%g', launch_price_usd)",
          details=(("kind", _NOT_LIST_PRICE),),
          catches="A figure that is not the vendor's list price stored as the launch price while the row's own notes "
                  "say what it is: Apple's Mac Pro upgrade charge as the Radeon Pro Vega II's price (issue 27, "
                  "class 7, hwprice27)."),
    Check("launch-price-of-other-memory-variant", "accelerators", "launch_price_usd",
          "the launch price equals that of {sibling} ({sibling_memory} bytes), an earlier memory variant of the same "
          "card",
          "two memory variants of one card rarely share a list price: give this variant's own launch price (the "
          "RX 580 8 GB was USD 229, the 4 GB card 199), or leave it empty if the vendor gave none, and say so in notes",
          where=f"launch_price_usd IS NOT NULL AND memory_bytes IS NOT NULL AND "
                f"EXISTS ({_EARLIER_VARIANT_SAME_PRICE_ROWS})",
          value="printf('%g', launch_price_usd)",
          details=(("sibling", f"(SELECT min(s.accelerator_id) FROM ({_EARLIER_VARIANT_SAME_PRICE_ROWS}) s)"),
                   ("sibling_memory", f"(SELECT printf('%g', min(s.memory_bytes)) FROM "
                                      f"({_EARLIER_VARIANT_SAME_PRICE_ROWS}) s)")),
          catches="A memory variant given the launch price of its sibling (the GTX 1050 3 GB of 2018 with the 2 GB "
                  "GTX 1050's USD 109 of 2016; the RTX 3060 8 GB with the 12 GB card's USD 329): two rows of one vendor "
                  "whose names differ only in the memory size with the same launch price; the later one is flagged "
                  "(issue 27, class 7)."),
    Check("name-memory-differs", "accelerators", "memory_bytes",
          "the memory size in the name ({name_gb} GB) differs from memory_bytes by more than "
          "{name-memory-tolerance-frac:.0%}",
          "is memory_bytes another variant's (the 40 GB row given the 80 GB datasheet)? Store the named "
          "variant's size, or correct the name", "warning",
          where=f"{_NAME_GB} <> '' AND (memory_bytes IS NULL OR abs(memory_bytes / (CAST({_NAME_GB} AS DOUBLE) * 1e9) "
                f"- 1) > {{name-memory-tolerance-frac}})",
          value="coalesce(CAST(memory_bytes AS VARCHAR), '')", details=(("name_gb", _NAME_GB),),
          parameters=("name-memory-tolerance-frac",),
          catches="The wrong variant: a memory size written in the name (`80 GB`) that memory_bytes does not hold."),
    Check("memory-mb-read-as-gb-fraction", "accelerators", "memory_bytes",
          "memory_bytes is a whole number of megabytes divided by 1024, times 1e9 ({mb} MB read as {mb}/1024 GB)",
          "store the vendor's figure as given in decimal bytes: 512 MB is 5.12e8",
          where="memory_bytes < 1.6e10 AND memory_bytes % 1e9 <> 0 "
                "AND abs(memory_bytes / 1e9 * 1024 - round(memory_bytes / 1e9 * 1024)) < 1e-6 "
                "AND CAST(round(memory_bytes / 1e9 * 1024) AS BIGINT) % 64 = 0",
          value="CAST(memory_bytes AS VARCHAR)",
          details=(("mb", "CAST(CAST(round(memory_bytes / 1e9 * 1024) AS BIGINT) AS VARCHAR)"),),
          catches="A capacity the vendor gives in megabytes converted as a fraction of a GB (512 MB stored as "
                  "5.0e8, 768 MB as 7.5e8)."),
    Check("die-area-below-same-silicon", "accelerators", "die_size_mm2",
          "die_size_mm2 is under {die-area-sibling-min-frac:.0%} of {sibling}'s ({sibling_die} mm2), a chip of the "
          "same vendor with the same transistors per chip and process node",
          "the same silicon has the same area: for a multi-die package store the sum of its dies (the GCD plus "
          "each MCD of an RDNA 3 card), and check transistors (another die's count?)",
          where=f"EXISTS ({_SAME_SILICON_BIGGER})", value="CAST(die_size_mm2 AS VARCHAR)",
          details=(("sibling", f"(SELECT min(s.accelerator_id) FROM ({_SAME_SILICON_BIGGER_ROWS}) s)"),
                   ("sibling_die", f"(SELECT printf('%g', max(s.die_size_mm2)) FROM ({_SAME_SILICON_BIGGER_ROWS}) s)")),
          parameters=("die-area-sibling-min-frac",),
          catches="A chiplet package stored as one die (the RX 7900 XT's 304 mm2 GCD against the XTX's 529 mm2 "
                  "sum of dies), or a die area and transistor count of different dies: a die area well below "
                  "that of a chip of the same vendor with the same transistors per chip and node."),
    Check("transistors-differ-on-one-die", "accelerators", "transistors",
          "transistors per chip ({per_chip}) differ from those of {sibling} ({sibling_count}), a chip of the same "
          "vendor, die ({die}) and process node",
          "one die has one transistor count: take the vendor's figure for the die (or one secondary source's for every "
          "card of it), say in notes what the other sources give, and check that die names the right silicon",
          where=f"die IS NOT NULL AND transistors IS NOT NULL AND EXISTS ({_SAME_DIE_OTHER_COUNT_ROWS})",
          value="printf('%g', transistors)",
          details=(("per_chip", "printf('%g', transistors / coalesce(chips_per_board, 1))"),
                   ("die", "die"),
                   ("sibling", f"(SELECT min(s.accelerator_id) FROM ({_SAME_DIE_OTHER_COUNT_ROWS}) s)"),
                   ("sibling_count", f"(SELECT printf('%g', min(s.per_chip)) FROM ({_SAME_DIE_OTHER_COUNT_ROWS}) s)")),
          parameters=("same-die-transistor-tolerance-frac",),
          catches="Two cards of one die with different transistor counts (the RTX 3060's 13.25 billion beside the "
                  "RTX 3050's 12.0 billion, both GA106), each copied from a different secondary source: rows of one "
                  "vendor, `die` and process node must give the same transistors per chip."),
    Check("die-area-differs-on-one-die", "accelerators", "die_size_mm2",
          "die_size_mm2 ({area} mm2) differs from that of {sibling} ({sibling_area} mm2), a chip of the same vendor, "
          "die ({die}) and process node",
          "one die has one area: take the vendor's figure for the die (a cut-down card keeps its die's area; a "
          "chiplet package is the sum of all its dies) on every card of it, and say in notes what the other sources "
          "give",
          where=f"die IS NOT NULL AND die_size_mm2 IS NOT NULL AND EXISTS ({_SAME_DIE_OTHER_AREA_ROWS})",
          value="printf('%g', die_size_mm2)",
          details=(("area", "printf('%g', die_size_mm2)"),
                   ("die", "die"),
                   ("sibling", f"(SELECT min(s.accelerator_id) FROM ({_SAME_DIE_OTHER_AREA_ROWS}) s)"),
                   ("sibling_area", f"(SELECT printf('%g', min(s.die_size_mm2)) FROM ({_SAME_DIE_OTHER_AREA_ROWS}) s)")),
          catches="One die stored with two areas, each copied from a different source (Tahiti at AMD's 365 mm2 on the "
                  "HD 7990 and TechPowerUp's 352 mm2 on the other Tahiti cards; the RX 7900 XT's working silicon "
                  "beside the XTX's whole Navi 31 package): rows of one vendor, `die` and process node must give one "
                  "die_size_mm2."),
    Check("refresh-tdp-equals-base", "accelerators", "tdp_watts",
          "tdp_watts ({tdp} W) equals that of {base}, the card this edition refreshes",
          "a Boost, GHz or SUPER edition usually raises the power limit: take the vendor's figure for the edition "
          "(its announcement's specification table), not the original card's; if the vendor gives the same figure, "
          "add a reviewed exception with its source",
          "warning",
          where=f"tdp_watts IS NOT NULL AND regexp_matches(name, ' (Boost|GHz Edition|SUPER|Super|with Boost)$') "
                f"AND EXISTS ({_REFRESH_BASE_ROWS} AND b.tdp_watts = accelerators.tdp_watts)",
          value="printf('%g', tdp_watts)",
          details=(("tdp", "printf('%g', tdp_watts)"),
                   ("base", f"(SELECT min(s.accelerator_id) FROM ({_REFRESH_BASE_ROWS}) s)")),
          catches="A refresh edition given the original card's power (the HD 7950 Boost stored with the plain HD "
                  "7950's 200 W from TechPowerUp where AMD gives a 225 W PowerTune limit): a Boost, GHz Edition or "
                  "SUPER card whose TDP equals the row of the card it refreshes."),
    Check("tdp-below-faster-sibling", "accelerators", "tdp_watts",
          "tdp_watts ({tdp} W) is below that of {sibling} ({sibling_tdp} W), the same silicon (vendor, segment, "
          "shaders, transistors) at a lower boost clock",
          "a faster edition of one chip rarely draws less power: is the TDP a secondary database's (TechPowerUp's and "
          "Epoch AI's 175 W for the Radeon RX 590, whose board power AMD gives as 225 W against the RX 580's 185 W)? "
          "Take the vendor's figure, say it in notes ('Power: <vendor> states a board power of N W'); if the vendor "
          "gives the lower figure, add a reviewed exception with its source",
          "warning",
          where=f"tdp_watts IS NOT NULL AND boost_clock_hz IS NOT NULL AND EXISTS ({_SLOWER_SIBLING_MORE_POWER_ROWS})",
          value="printf('%g', tdp_watts)",
          details=(("tdp", "printf('%g', tdp_watts)"),
                   ("sibling", f"(SELECT arg_max(s.accelerator_id, s.tdp_watts) FROM ({_SLOWER_SIBLING_MORE_POWER_ROWS}) s)"),
                   ("sibling_tdp", f"(SELECT printf('%g', max(s.tdp_watts)) FROM ({_SLOWER_SIBLING_MORE_POWER_ROWS}) s)")),
          catches="A TDP copied from a secondary database below the vendor's board power (the Radeon RX 590 at "
                  "TechPowerUp's 175 W, under the slower RX 580's 185 W; AMD gives 225 W): a card whose tdp_watts "
                  "is below that of a row of the same silicon (vendor, market segment, shader count, transistors per "
                  "chip, process node within 2 nm) with a lower boost clock."),
    Check("tdp-off-vendor-power", "accelerators", "tdp_watts",
          "tdp_watts differs from the board power the vendor states, which notes give ({stated} W)",
          "store the vendor's figure (its specification table, or a launch review quoting it), not a secondary "
          "database's (TechPowerUp's and Epoch AI's 65 W for the GeForce GTX 650, which NVIDIA rates at 64 W)",
          where=f"{_VENDOR_POWER_W} <> '' AND tdp_watts IS NOT NULL AND "
                f"abs(tdp_watts / CAST({_VENDOR_POWER_W} AS DOUBLE) - 1) > 0.005",
          value="printf('%g', tdp_watts)", details=(("stated", _VENDOR_POWER_W),),
          catches="A TDP from a secondary database rather than the vendor's: a row whose notes say 'Power: <vendor> "
                  "states a TDP (board power, TBP, TGP) of N W', or '<vendor> quotes N W board power' (the Radeon "
                  "VII's 295 W beside AMD's 300 W; issue 27, twelfth sample), with another tdp_watts."),
    Check("unverified-date-of-memory-variant", "accelerators", "release_date",
          "release_date is {variant}'s day while its basis is unverified: a memory variant dated with its sibling's "
          "launch",
          "find the variant's own first appearance (the vendor's or the partner's announcement, launch news) and "
          "store it with its basis; a partner-only card (Sapphire's RX 6500 XT 8GB) is dated and rated by its partner",
          where=f"release_date_basis = 'unverified' AND die IS NOT NULL AND EXISTS ({_SAME_DAY_MEMORY_VARIANT_ROWS})",
          value="CAST(release_date AS VARCHAR)",
          details=(("variant", f"(SELECT min(s.accelerator_id) FROM ({_SAME_DAY_MEMORY_VARIANT_ROWS}) s)"),),
          catches="A later or partner-only memory variant dated with its sibling's launch (the RX 6500 XT 8 GB, "
                  "Sapphire's card of July 2022, on the 4 GB card's January day): an unverified date equal to that "
                  "of a variant of the same vendor and die whose name differs only in the memory size."),
    Check("unverified-date-before-series-launch", "accelerators", "release_date",
          "release_date ({date}) is unverified and earlier than {day}, the day the notes give and that {sibling}, "
          "a card of the same series, is dated with a basis of its own",
          "an unverified date earlier than the launch that the notes and the series' siblings give is likely a "
          "secondary database's placeholder (Epoch AI's 2013-08-08 for the R7 240 and 250, launched 2013-10-08 with "
          "the R7 260X): find the card's own announcement or launch, store it with its basis, or say in notes with a "
          "source why it came earlier",
          where=f"release_date_basis = 'unverified' AND EXISTS ({_LATER_SERIES_DAY_IN_NOTES_ROWS})",
          value="CAST(release_date AS VARCHAR)",
          details=(("date", "CAST(release_date AS VARCHAR)"),
                   ("sibling", f"(SELECT min(s.accelerator_id) FROM ({_LATER_SERIES_DAY_IN_NOTES_ROWS}) s)"),
                   ("day", f"(SELECT CAST(min(s.release_date) AS VARCHAR) FROM ({_LATER_SERIES_DAY_IN_NOTES_ROWS}) s)")),
          catches="A placeholder date left on a card whose siblings were re-dated (the Radeon R7 240 and R7 250 at "
                  "Epoch AI's 2013-08-08 while their notes gave TechPowerUp's 2013-10-08, the day the R7 260X, R9 270X "
                  "and R9 280X are dated announcement_and_launch): an unverified release_date earlier than a day its "
                  "notes give on which a card of the same vendor and series is dated with a basis of its own."),
    Check("launch-on-sibling-announcement-day", "accelerators", "release_date_basis",
          "release_date_basis is launch on the day {sibling}, a card of the same vendor and die, is dated by its "
          "announcement",
          "a card dated on the day its sibling was announced was announced that day too (the GTX 1660 SUPER on "
          "sale the day NVIDIA announced it with the GTX 1650 SUPER): set release_date_basis to "
          "announcement_and_launch if it went on sale that day, or announcement (on-sale day in notes)",
          where=f"release_date_basis = 'launch' AND die IS NOT NULL AND EXISTS ({_SAME_DAY_SIBLING_ANNOUNCED_ROWS})",
          value="release_date_basis",
          details=(("sibling", f"(SELECT min(s.accelerator_id) FROM ({_SAME_DAY_SIBLING_ANNOUNCED_ROWS}) s)"),),
          catches="A basis that denies an announcement the row's own sibling documents (issue 27, tenth sample, "
                  "class D2: the GTX 1660 SUPER dated 2019-10-29 as a plain launch, the day the GTX 1650 SUPER of "
                  "the same TU116 die is dated by their joint announcement)."),
    Check("launch-dated-after-sibling-announcement", "accelerators", "release_date",
          "release_date ({date}) is a launch day {days} days after {sibling}, a card of the same vendor and die, "
          "was announced ({day})",
          "a card announced together with a sibling is dated by that announcement, not by its own later launch: "
          "look for the vendor's announcement (newsroom or blog, launch coverage dated that day, the same-day "
          "sibling cards) and store it with basis announcement (on-sale day in notes); if the card was announced "
          "on its own day, store that day with its source, or say in notes what was searched and add a reviewed "
          "exception", "warning",
          where=f"release_date_basis = 'launch' AND die IS NOT NULL AND EXISTS ({_EARLIER_SIBLING_ANNOUNCED_ROWS})",
          value="CAST(release_date AS VARCHAR)",
          details=(("date", "CAST(release_date AS VARCHAR)"),
                   ("sibling", f"(SELECT arg_max(s.accelerator_id, s.release_date) FROM ({_EARLIER_SIBLING_ANNOUNCED_ROWS}) s)"),
                   ("day", f"(SELECT CAST(max(s.release_date) AS VARCHAR) FROM ({_EARLIER_SIBLING_ANNOUNCED_ROWS}) s)"),
                   ("days", f"(SELECT CAST(min(accelerators.release_date - s.release_date) AS VARCHAR) FROM "
                            f"({_EARLIER_SIBLING_ANNOUNCED_ROWS}) s)")),
          parameters=("launch-after-sibling-announcement-max-days",),
          catches="A card dated at its retail launch although it was announced with a sibling (issue 27, tenth "
                  "sample, class D2: the GTX 1650 SUPER at its 2019-11-22 sale while NVIDIA announced it on "
                  "2019-10-29 with the GTX 1660 SUPER): a `launch` date a few weeks after a card of the same "
                  "vendor and die was dated by an announcement."),
    Check("launch-date-announcement-not-checked", "accelerators", "release_date_basis",
          "release_date_basis is launch while notes say an earlier announcement was not checked",
          "`launch` means no announcement with specifications before the launch day was found, which needs a "
          "search: look in the vendor's newsroom and the launch coverage (pre-launch reports, reviews dated that "
          "day), store an announcement found with its basis (announcement, or announcement_and_launch for the "
          "same day), or say in notes ('Earlier announcement searched: ...') what was searched and what it showed",
          where="release_date_basis = 'launch' AND regexp_matches(notes, '(?i)announcement (was )?not (checked|searched)')",
          value="release_date_basis",
          catches="A launch-day date whose notes admit that nobody looked for an earlier announcement (issue 27, "
                  "class 6: 44 rows carried 'an earlier announcement not checked'; six of them were "
                  "announced-and-launched days, as coverage dated that day shows)."),
    Check("launch-date-unsearched", "accelerators", "release_date_basis",
          "release_date_basis is launch, but notes do not say what was searched for an earlier announcement",
          "say in notes ('Earlier announcement searched: ...') what was searched and what it showed, or store the "
          "announcement found with its basis; a launch kept on purpose beside a known announcement gets a "
          "reviewed exception", "warning",
          where="release_date_basis = 'launch' AND (notes IS NULL OR NOT regexp_matches(notes, '(?i)searched'))",
          value="release_date_basis",
          catches="A launch-day date with no record of a search for an earlier announcement (issue 27, class 6)."),
    Check("process-node-of-family", "accelerators", "process_node_nm",
          "process_node_nm differs from its family's process: {family}, stored as {family_node}",
          "store the node as the vendor names its process (TSMC 4N is 4); a secondary table's '5 nm' for 4N is "
          "the N5 family it belongs to",
          where=f"process_node_nm IS NOT NULL AND {_PROCESS_FAMILY_NODE} IS NOT NULL AND "
                f"process_node_nm <> {_PROCESS_FAMILY_NODE}",
          value="printf('%g', process_node_nm)",
          details=(("family", _PROCESS_FAMILY), ("family_node", f"printf('%g', {_PROCESS_FAMILY_NODE})")),
          catches="One process stored two ways: an NVIDIA Hopper, Ada or Blackwell chip (TSMC 4N) with a "
                  "process_node_nm other than 4, as TechPowerUp's 5 nm."),
    Check("release-date-is-on-sale-date", "accelerators", "release_date",
          "release_date is the on-sale date that notes give ({said})",
          "release_date is the day the vendor first announced the product with its specifications; store that "
          "(with its source) and keep the on-sale date in notes",
          where=f"{_ON_SALE_SAID} <> '' AND release_date_basis NOT IN ({_SAME_DAY_BASES})",
          value="CAST(release_date AS VARCHAR)",
          details=(("said", _ON_SALE_SAID),),
          catches="A release date that is the retail availability date, which the row's own notes call the "
                  "on-sale, availability or shipping date ('on sale 2022-10-12'), rather than the announcement "
                  "(unless `release_date_basis` says it was announced and launched the same day)."),
    Check("release-date-month-only-not-first", "accelerators", "release_date",
          "release_date_basis is month_only but release_date is not the 1st of a month",
          "only the month known: store its 1st (2016-10-01); a known day gets the basis that says how it is known",
          where="release_date_basis = 'month_only' AND day(release_date) <> 1", value="CAST(release_date AS VARCHAR)",
          catches="A release date stored with a day while its basis says only the month is known."),
    Check("release-date-year-only-not-july-first", "accelerators", "release_date",
          "release_date_basis is year_only but release_date is not 1 July",
          "only the year known: store 1 July of it (2018-07-01), not 1 January",
          where="release_date_basis = 'year_only' AND NOT (month(release_date) = 7 AND day(release_date) = 1)",
          value="CAST(release_date AS VARCHAR)",
          catches="A year-only release date stored as 1 January (Epoch AI's placeholder) or with a day."),
    Check("release-date-first-as-day", "accelerators", "release_date",
          "release_date is the 1st of a month, while release_date_basis ({basis}) says the day is known",
          "is only the month known (1st of the month as a placeholder)? Then set release_date_basis to month_only; "
          "if the 1st is the real day, say so in notes and add a reviewed exception", "warning",
          where=f"day(release_date) = 1 AND release_date_basis IN "
                f"({', '.join(repr(b) for b in RELEASE_DATE_DAY_BASES)})",
          value="CAST(release_date AS VARCHAR)", details=(("basis", "release_date_basis"),),
          catches="A month placeholder (the 1st) passed off as the day of an announcement or launch."),
    Check("release-date-unverified-not-noted", "accelerators", "release_date_basis",
          "release_date_basis is unverified exactly where notes say 'date unverified'",
          "an unconfirmed date gets release_date_basis unverified and the words 'Date unverified' in notes (with "
          "the one source it rests on); a confirmed one neither",
          where="(release_date_basis = 'unverified') <> contains(lower(coalesce(notes, '')), 'date unverified')",
          value="release_date_basis",
          catches="A release date that rests on one secondary database passed off as confirmed, or a confirmed one "
                  "whose notes still call it unverified."),
    Check("release-date-unverified-unsearched", "accelerators", "notes",
          "release_date_basis is unverified but notes do not say what was searched",
          "search for the first public announcement with specifications (vendor newsroom, launch coverage, "
          "Wikipedia's lists); if none is found, keep the basis unverified and say in notes what was searched "
          "('searched ...')",
          where="release_date_basis = 'unverified' AND NOT contains(lower(coalesce(notes, '')), 'search')",
          value="release_date_basis",
          catches="An unconfirmed release date left without a record of the search, so that the next reviewer "
                  "cannot tell whether it was ever looked for."),
    Check("release-date-partial-not-said", "accelerators", "notes",
          "release_date_basis is {basis} but notes do not say that only the {part} is known",
          "say in notes which part of the date is known ('only the month is known', 'only the year 2016 is "
          "confirmed') and from which sources, so that the stored 1st (or 1 July) is not read as a day",
          where="(release_date_basis = 'month_only' AND NOT regexp_matches(lower(coalesce(notes, '')), "
                "'only the month|month only|the month is stored')) OR (release_date_basis = 'year_only' AND NOT "
                "regexp_matches(lower(coalesce(notes, '')), 'only the year|year only|the year is stored'))",
          value="release_date_basis",
          details=(("basis", "release_date_basis"),
                   ("part", "CASE release_date_basis WHEN 'month_only' THEN 'month' ELSE 'year' END")),
          catches="A month- or year-only release date (the 1st, or 1 July) whose notes do not say so, which a "
                  "reader would take for the day of the announcement."),
    Check("value-basis-of-empty-column", "accelerators", "value_basis",
          "value_basis qualifies a column that is empty on this row", "remove the pair, or fill the value it qualifies",
          where=f"rowid IN (SELECT rid FROM ({_VALUE_BASIS_ROWS}) WHERE CASE split_part(e, ':', 1) "
                f"{_VALUE_BASIS_EMPTY} ELSE false END)", value="value_basis"),
    _near_duplicates("accelerators", "name"),
    _near_duplicates("glossary", "term"),
    # measurements
    Check("as-shipped-peak-not-below-datasheet", "measurements", "as_shipped_peak_flop_per_s",
          "as_shipped_peak_flop_per_s is not below the datasheet peak of accelerators at this precision "
          "({datasheet})",
          "the as-shipped peak is the lower rate of parts that ship below the datasheet clock; leave it empty "
          "where the source says the parts run at the datasheet clock",
          where=f"as_shipped_peak_flop_per_s IS NOT NULL AND as_shipped_peak_flop_per_s >= {_DATASHEET_PEAK}",
          value="printf('%g', as_shipped_peak_flop_per_s)", reads=("accelerators",),
          details=(("datasheet", f"printf('%g', {_DATASHEET_PEAK})"),),
          catches="An as-shipped peak that is not below the datasheet peak (a copied datasheet figure, or a "
                  "sparse one)."),
    Check("achieved-above-as-shipped-peak", "measurements", "achieved_flop_per_s",
          "achieved_flop_per_s is above the as-shipped peak ({as_shipped})",
          "a chip cannot beat the peak of its shipped clock: check the rate, its precision and the as-shipped "
          "figure (dense, per chip)",
          where="as_shipped_peak_flop_per_s IS NOT NULL AND achieved_flop_per_s > as_shipped_peak_flop_per_s",
          value="printf('%g', achieved_flop_per_s)",
          details=(("as_shipped", "printf('%g', as_shipped_peak_flop_per_s)"),),
          catches="A measured rate above the as-shipped peak that its source gives for parts below the datasheet "
                  "clock."),
    # references
    Check("cites-content-farm", "references", "url",
          "a row cites a reference on a content-farm host (CONTENT_FARM_HOSTS: generated guide sites that print "
          "invented or contradictory figures)",
          find=lambda q, have: content_farm_citations(q, have),
          catches="A content-farm page cited as a source (chatforest.com's invented Claude prices, 2026)."),
    # mlperf
    Check("mlperf-duplicate-result", "mlperf_training", "system",
          "one result per round, submitter, system and benchmark; a second names the line of the first",
          find=lambda q, have: mlperf_duplicate_results(q, have)),
    Check("mlperf-system-two-configurations", "mlperf_training", "system",
          "one system name of a round and submitter is one configuration (nodes, accelerators per node, "
          "accelerator); a second names the line of the first",
          find=lambda q, have: mlperf_system_configurations(q, have),
          catches="One system name for different systems (8 and 10 nodes under one name)."),
    Check("trend-estimate-outside-interval", "published_trends", "value", "estimate outside its own interval",
          "low <= value <= high, in the unit's own order", where="ci_low > value OR value > ci_high",
          value="ci_low || ' / ' || value || ' / ' || ci_high"),
    Check("trend-years-reversed", "published_trends", "start_year", "start_year after end_year",
          where="start_year > end_year", value="start_year || '-' || end_year"),
    Check("trend-interval-one-end", "published_trends", "ci_low", "an interval needs both ends",
          where="(ci_low IS NULL) <> (ci_high IS NULL)", value="ci_low"),
    Check("trend-interval-without-level", "published_trends", "interval_level_frac", "an interval needs its level",
          "e.g. 0.9 for 90 %", where="ci_low IS NOT NULL AND interval_level_frac IS NULL AND interval_method <> 'range'",
          value="interval_level_frac"),
    Check("trend-rounding-with-interval", "published_trends", "rounding_step",
          "a rounding step is for a figure the source gives without an interval",
          "leave rounding_step empty where ci_low and ci_high are given",
          where="rounding_step IS NOT NULL AND ci_low IS NOT NULL", value="rounding_step"),
    Check("trend-rounding-too-coarse", "published_trends", "rounding_step",
          "half the rounding step must be less than the value",
          "the step is the place of the figure's last non-zero digit: 0.1 for 2.3, 1 for 4",
          where="rounding_step >= 2 * value AND value_kind <> 'growth_per_year_oom'",
          value="value || ' rounded to ' || rounding_step"),
    Check("replication-period-reversed", "replication_subsets", "period_start_date",
          "period_start_date after period_end_date", where="period_start_date > period_end_date",
          value="period_start_date || ' to ' || period_end_date"),
    Check("replication-z-bounds-reversed", "replication_subsets", "z_score_min", "z_score_min must be below z_score_max",
          where="z_score_min >= z_score_max", value="z_score_min || ' / ' || z_score_max"),
    Check("replication-z-window-without-bound", "replication_subsets", "z_score_window_years",
          "a z-score selection needs its window and at least one bound", "fill both or neither",
          where="(z_score_window_years IS NULL) <> (z_score_min IS NULL AND z_score_max IS NULL)",
          value="concat_ws(' / ', z_score_window_years, z_score_min, z_score_max)"),
    Check("replication-z-score-not-runs", "replication_subsets", "z_score_window_years",
          "z-score selection is for training runs only", "leave the z_score columns empty",
          where="coalesce(z_score_window_years, z_score_min, z_score_max) IS NOT NULL AND population <> 'training_runs'",
          value="concat_ws(' / ', z_score_window_years, z_score_min, z_score_max)"),
    Check("replication-z-score-of-cost", "replication_subsets", "cost_method_id",
          "a z-score selection is of compute, not of cost", "leave the z_score columns empty for a cost trend",
          where="cost_method_id IS NOT NULL AND z_score_window_years IS NOT NULL", value="cost_method_id"),
    Check("replication-cost-method-not-runs", "replication_subsets", "cost_method_id",
          "a cost method is for training runs only", "leave cost_method_id empty",
          where="cost_method_id IS NOT NULL AND population <> 'training_runs'", value="cost_method_id"),
    Check("replication-cost-method-of-cost-trend", "replication_subsets", "cost_method_id",
          "a replication of a cost trend needs its cost method, and only a cost trend has one",
          "a method_id of training_cost_methods, e.g. cottier-amortized",
          where="(cost_method_id IS NULL) = (trend_id IN (SELECT trend_id FROM published_trends "
                "WHERE quantity = 'frontier_training_cost_usd'))",
          value="coalesce(cost_method_id, '')", reads=("published_trends",)),
    Check("assumption-outside-range", "assumptions", "value", "value outside its own range", "low <= value <= high",
          where="low > value OR value > high", value="low || ' / ' || value || ' / ' || high"),
    # training runs
    Check("reported-cost-without-year", "training_runs", "reported_cost_year",
          "a reported cost needs its dollar-year, and a year its cost", "fill both or neither",
          where="(reported_cost_usd IS NULL) <> (reported_cost_year IS NULL)", value="reported_cost_year"),
    Check("compute-far-from-6nd", "training_runs", "training_compute_flop",
          "training compute differs from 6 x parameters x tokens by more than 10x",
          "check the exponent; for mixture-of-experts the active parameters set the compute", "warning",
          where="training_compute_flop IS NOT NULL AND parameters IS NOT NULL AND training_tokens IS NOT NULL AND "
                f"(training_compute_flop > 10 * {_SIX_ND} OR training_compute_flop < {_SIX_ND} / 10)",
          value=f"training_compute_flop || ' vs 6ND ' || {_SIX_ND}"),
    Check("compute-6nd-times-power-of-ten", "training_runs", "training_compute_flop",
          "the compute is estimated as 6 x parameters x tokens (compute_estimation_method parameters_tokens), but it "
          "is 6ND times a power of ten (x{factor}): an exponent slip in the arithmetic",
          "recompute 6 x parameters x training_tokens (a source's '10e11' is 10^12, not 10^11) and check the "
          "exponents of all three; a ratio that is not a whole power of ten (active parameters, epochs) is not this",
          where="compute_estimation_method = 'parameters_tokens' AND training_compute_flop IS NOT NULL AND "
                f"parameters IS NOT NULL AND training_tokens IS NOT NULL AND {_SIX_ND_POWER_OF_TEN}",
          value=f"training_compute_flop || ' vs 6ND ' || printf('%.4g', {_SIX_ND})",
          details=(("factor", f"printf('%g', power(10, round(log10({_SIX_ND_RATIO}))))"),),
          catches="A 6ND estimate off by an exact power of ten, copied from a source's arithmetic slip (Epoch AI's "
                  "Megatron-LM 1.2B: '6*1.57*10e11*1.2e9 = 1.13e22', ten times 6ND)."),
    Check("compute-off-its-6nd", "training_runs", "training_compute_flop",
          "the compute is labelled 6 x parameters x tokens (parameters_tokens), but 6ND from the row's own cells is "
          "{six_nd} ({off} off, more than {compute-6nd-tolerance-frac:.0%})",
          "recompute 6 x parameters x training_tokens and store it, or relabel the method by the formula the stored "
          "value comes from (a hardware-time figure, a reported one) and say in notes what each gives; for a mixture "
          "of experts, say in notes that the active parameters set the compute",
          where="compute_estimation_method = 'parameters_tokens' AND training_compute_flop IS NOT NULL AND "
                "parameters IS NOT NULL AND training_tokens IS NOT NULL AND "
                f"abs({_SIX_ND_RATIO} - 1) > {{compute-6nd-tolerance-frac}} AND NOT {_SIX_ND_POWER_OF_TEN} "
                f"AND NOT (training_compute_flop < {_SIX_ND} AND "
                "regexp_matches(coalesce(notes, ''), '(?i)\\bactive\\b|mixture.of.experts|\\bMoE\\b'))",
          value="CAST(training_compute_flop AS VARCHAR)",
          details=(("six_nd", f"printf('%.4g', {_SIX_ND})"),
                   ("off", f"printf('%.0f%%', 100 * abs({_SIX_ND_RATIO} - 1))")),
          parameters=("compute-6nd-tolerance-frac",),
          catches="A compute labelled 6ND that is another estimate or a rounded copy of one (GLaM's hardware figure "
                  "3.64e23 stored beside its 6 x 96.6B x 600B = 3.48e23; CaLM's 2.9e19 for its own 3.0e19; issue "
                  "28, leftovers of the training runs); an exact power of ten is compute-6nd-times-power-of-ten's."),
    Check("parameters-tokens-not-6nd", "training_runs", "compute_estimation_method",
          "compute_estimation_method is `parameters_tokens` (6 x parameters x tokens), but the tokens are empty and "
          "the compute is the chips x hours x peak rate x {utilization}, a hardware-time product at a round "
          "utilization",
          "label the compute by the formula that gives the stored value: a chips x hours x peak x utilization "
          "product is hardware_time, FLOP per example x examples is operation_counting; a 6ND figure is never "
          "above 6 x total parameters x tokens (a mixture of experts counts its active parameters, which lowers it)",
          where=f"compute_estimation_method = 'parameters_tokens' AND training_compute_flop IS NOT NULL AND "
                f"training_tokens IS NULL AND ({_HARDWARE_PRODUCT})",
          value="compute_estimation_method",
          details=(("utilization", f"printf('%.2g', coalesce({_UTILIZATION_AT_PRECISION}, {_UTILIZATION}))"),),
          reads=("accelerators",),
          catches="A hardware-time product labelled 6ND (RetinaNet-R101: Epoch AI's 8 M40 x 35 h x 6.83 TFLOP/s "
                  "x 0.3, with no token count; issue 28, tenth sample); a compute off 6ND of its own tokens is "
                  "compute-off-its-6nd's."),
    Check("parameters-tokens-without-tokens", "training_runs", "training_tokens",
          "training_tokens is empty on a compute labelled 6 x parameters x tokens (parameters_tokens): the "
          "compute cannot be checked against its own 6ND",
          "fill the tokens seen from the paper or model card (steps x batch x sequence length, or the stated "
          "tokens trained, not a corpus size), so that 6ND equals the compute; where the compute came another way, "
          "label it by that method (a sum of stages or models is `mixed`, with 'compute mixed: ...' in notes); "
          "where the tokens are undisclosed, say so in notes",
          where=f"compute_estimation_method = 'parameters_tokens' AND training_compute_flop IS NOT NULL AND "
                f"training_tokens IS NULL AND NOT coalesce({_HARDWARE_PRODUCT}, false)",
          value="coalesce(CAST(training_tokens AS VARCHAR), '')",
          reads=("accelerators",),
          catches="19 runs labelled 6ND with no token count, so compute-off-its-6nd could not test them: CPM's "
                  "6 x 2.6B x a 100 GB corpus read as 1.67e10 tokens (the model card's 20,000 steps x 3,072 x "
                  "1,024 give 6.3e10), Apple's on-device model a sum of five stages over two models, NVLM-D 72B "
                  "its base model's compute alone (issue 28, leftovers of the training runs); a hardware-time "
                  "product is parameters-tokens-not-6nd's."),
    Check("tokens-claimed-6nd-off", "training_runs", "training_tokens",
          "the notes say the tokens are consistent with 6ND, but 6 x parameters x tokens differs from the "
          "compute by more than 25%",
          "check the tokens against the paper's trained-token count (steps x batch x sequence length): a "
          "dataset size that already counts the tokens trained must not be multiplied by epochs again; where "
          "the compute is not 6ND (a geometric mean with a hardware estimate, a reported figure), say so instead",
          "warning",
          where="training_compute_flop IS NOT NULL AND parameters IS NOT NULL AND training_tokens IS NOT NULL AND "
                "regexp_matches(notes, '(?i)consistent with 6 ?N ?D') AND "
                f"abs({_SIX_ND} / training_compute_flop - 1) > 0.25",
          value=f"training_tokens || ' (6ND ' || printf('%.3g', {_SIX_ND}) || ' vs compute ' "
                "|| training_compute_flop || ')'",
          catches="Tokens that multiply a dataset size by epochs when the size already counts the tokens trained "
                  "(BloombergGPT's 569B x 0.8), hidden behind a note that claims consistency with 6ND."),
    Check("derivative-before-base", "training_runs", "publication_date",
          "publication_date is before that of the base model `{base}` ({base_date}) it was fine-tuned or derived from",
          "a derivative is released on or after its base: check both dates against their first public release "
          "(announcement or arXiv v1; a secondary catalogue's date may be an earlier paper's), and the base_run_id",
          "warning",
          where="base_run_id IS NOT NULL AND publication_date < (SELECT b.publication_date FROM training_runs b "
                "WHERE b.run_id = training_runs.base_run_id)",
          value="CAST(publication_date AS VARCHAR)",
          details=(("base", "base_run_id"),
                   ("base_date", "(SELECT CAST(b.publication_date AS VARCHAR) FROM training_runs b "
                                 "WHERE b.run_id = training_runs.base_run_id)")),
          catches="A fine-tune dated before its base model: a date copied from a catalogue that took an earlier "
                  "paper's date (Llama-3.1-Nemotron-70B-Instruct at HelpSteer2's June date), or a base dated by a "
                  "later paper than its announcement (LaMDA)."),
    Check("publication-after-arxiv-month", "training_runs", "publication_date",
          "publication_date is more than {arxiv-v1-lag-days:.0f} days after the month of the arXiv identifier in "
          "source_url",
          "use the first public release: arXiv v1 (its 'Submitted on' date) or an earlier announcement, "
          "not a later version or the journal", "warning",
          where=f"{_ARXIV_YM} <> '' AND publication_date > {_ARXIV_MONTH_END} + INTERVAL {{arxiv-v1-lag-days:.0f}} DAY",
          value=f"CAST(publication_date AS VARCHAR) || ' vs arXiv ' || {_ARXIV_YM}", parameters=("arxiv-v1-lag-days",)),
    Check("publication-after-preview-in-notes", "training_runs", "publication_date",
          "publication_date is after the preview the row's notes date ({preview}): a gated preview or announcement "
          "is the first public release",
          "date the model by the earlier of its announcement and first preview (as o1, o3 and GPT-5.6 are), and say "
          "in the notes when it became generally available",
          where=f"{_PREVIEW_DATE} <> '' AND publication_date > CAST({_PREVIEW_DATE} AS DATE)",
          value="CAST(publication_date AS VARCHAR)", details=(("preview", _PREVIEW_DATE),),
          catches="A model dated by its general availability though its notes name an earlier public preview "
                  "(GPT-5.6 Sol, Terra and Luna: 2026-07-09 for a 2026-06-26 preview; issue 28, eighth sample)."),
    Check("results-versions-all-after-publication", "training_runs", "publication_date",
          "every result of the run is of a dated version, the earliest `{version}` ({version_date}), more than 30 "
          "days after publication_date: a family's announcement date kept for a member released later?",
          "date the run by the member's own first public release (the developer's release notes or model list); "
          "where an earlier announcement or preview of this very model is the right date, say so in notes as "
          "'publication_date checked: ...'",
          where=f"NOT regexp_matches(coalesce(notes, ''), '(?i)publication_date') AND "
                f"{_EARLIEST_VERSION_DATE} > publication_date + INTERVAL 30 DAY",
          value="CAST(publication_date AS VARCHAR)",
          details=(("version_date", f"CAST(CAST({_EARLIEST_VERSION_DATE} AS DATE) AS VARCHAR)"),
                   ("version", f"(SELECT arg_min(b.model_version, {_VERSION_DATE}) FROM benchmark_results b "
                               f"WHERE b.run_id = training_runs.run_id AND b.model_version IS NOT NULL)")),
          reads=("benchmark_results",),
          catches="A member of a model family dated by the family's announcement though it came out later: Gemini "
                  "2.0 Pro at Gemini 2.0 Flash's 2024-12-11, though its only version, gemini-2.0-pro-exp-02-05, "
                  "was released on 2025-02-05 (issue 28, tenth sample)."),


    Check("publication-after-announcement", "training_runs", "publication_date",
          "publication_date is after the keynote or announcement the row's notes date ({announced}): the earliest "
          "of announcement and release is the publication",
          "date the model by the announcement (a keynote, a launch post) where it named this model, and say in the "
          "notes when the weights or the model card followed; where the announcement named only another model of "
          "the family, add a reviewed row to check_exceptions.csv", "warning",
          where=f"{_ANNOUNCED_DATE} <> '' AND publication_date > CAST({_ANNOUNCED_DATE} AS DATE)",
          value="CAST(publication_date AS VARCHAR)", details=(("announced", _ANNOUNCED_DATE),),
          catches="A model dated by its model card's 'Release Date' or the day its weights appeared though its notes "
                  "name an earlier keynote announcement (Nemotron 3 Ultra: 2026-06-04 for the Computex keynote of "
                  "2026-06-01; issue 31)."),
    Check("compute-above-peak", "training_runs", "training_duration_hours",
          "training compute exceeds what the chips could deliver at peak in the stated time "
          "(implied utilization above 1)",
          "check the chip count (all sub-models' chips?), the duration and the compute: compute that "
          "includes a base model's needs that run's chips and hours too", "warning",
          where=f"{_UTILIZATION} > 1", value=f"round({_UTILIZATION}, 4)", reads=("accelerators",)),
    Check("compute-above-peak-at-precision", "training_runs", "precision",
          "training compute exceeds what the chips deliver at their {precision} peak in the stated time (implied "
          "utilization {utilization}), though it fits under the chip's faster rates: the precision and the compute "
          "cannot both be right",
          "check the precision against the source: a hardware estimate made at a 16-bit tensor rate does not fit a "
          "run labelled FP32 (a catalogue's label is not the paper's; leave it empty where the source does not "
          "say), and a 6ND term can count parameters that cost no 6 FLOP per token (tied embeddings)",
          where=f"{_RUN_RATE} IS NOT NULL AND {_UTILIZATION_AT_PRECISION} > 1 AND {_UTILIZATION} <= 1",
          value="precision",
          details=(("precision", "upper(precision)"), ("utilization", f"printf('%.2f', {_UTILIZATION_AT_PRECISION})")),
          reads=("accelerators",),
          catches="A run labelled with a number format slower than the one its compute needs: Epoch AI's 'FP32' "
                  "beside its own hardware estimate at the 16-bit tensor rate (Segment Anything 6.4x, DD-PPO 3.3x "
                  "the FP32 peak), or TF32 work on an A100 labelled FP32 (Nucleotide Transformer)."),
    Check("utilization-below-floor", "training_runs", "training_duration_hours",
          "implied utilization below {implied-utilization-floor:g} of the chips' peak",
          "is the duration a sum over sub-models or phases that ran at once, or in days or minutes "
          "instead of hours?", "warning",
          where=f"{_UTILIZATION} < {{implied-utilization-floor}}", value=f"round({_UTILIZATION}, 4)",
          reads=("accelerators",), parameters=("implied-utilization-floor",)),
    Check("compute-without-confidence", "training_runs", "compute_confidence",
          "training compute without a confidence label",
          "label the estimate confident, likely or speculative (the source's own label where it gives one)",
          where="training_compute_flop IS NOT NULL AND compute_confidence IS NULL", value="''",
          catches="A compute estimate whose confidence label was dropped on import."),
    Check("compute-divided-by-batch-size", "training_runs", "training_compute_flop",
          "the notes give the compute as a product divided by the batch size (`{term}`): FLOP per example x "
          "examples seen already counts each example once per epoch, so the batch size does not enter it",
          "recompute without the division (steps x batch size is the examples seen; examples / batch size is the "
          "steps, never a factor of the compute), store the product and say in notes in words what the source's "
          "formula did",
          where=f"training_compute_flop IS NOT NULL AND regexp_matches(coalesce(notes, ''), '{_BY_BATCH_SIZE}')",
          value="CAST(training_compute_flop AS VARCHAR)",
          details=(("term", f"regexp_extract(notes, '{_BY_BATCH_SIZE}')"),),
          catches="An operation count copied with the source's division by the batch size (Big-Little Net: Epoch "
                  "AI's '9.32*10^9 (flops per inference)*1.28x10^6 (dataset size)/16 (batch size) * 110 epochs * "
                  "3 = 2.46e17', 16 times too low; issue 28, eleventh sample)."),
    Check("operation-count-without-backward-factor", "training_runs", "training_compute_flop",
          "the compute is an operation count (compute_estimation_method operation_counting), but the notes "
          "state no factor for the backward pass: FLOP per example x examples counts the forward passes alone "
          "unless it is multiplied by about 3 (forward and backward)",
          "write the formula in notes with its backward factor (x 3 on forward FLOP, x 2 x 3 on multiply-adds, "
          "x 3.5 where the source uses that ratio); where the source's formula has none, multiply by 3, store "
          "the product and say so",
          where="compute_estimation_method = 'operation_counting' AND training_compute_flop IS NOT NULL AND "
                f"NOT regexp_matches(coalesce(notes, ''), '{_BACKWARD_FACTOR}')",
          value="CAST(training_compute_flop AS VARCHAR)",
          catches="An operation count of forward passes only (Big-Little Net speech: Epoch AI's '980000000 "
                  "(number of FLOPs from table 3) * 27360000 (dataset size) * 16 (number of epochs) = 4.29e17', "
                  "a third of the training compute; issue 28, eleventh sample)."),
    Check("domain-other-without-reason", "training_runs", "domain",
          "domain is `other`, and the notes do not say why none of the vocabulary fits",
          "`other` is not a placeholder for a domain the source leaves empty: take the domain from what the model "
          "reads and writes (text and images in is multimodal; the rest of its family is a guide), or, where none "
          "fits, say so in notes as 'domain other: ...' with the source's domain",
          where="domain = 'other' AND NOT regexp_matches(coalesce(notes, ''), '(?i)domain other ?[:(]')", value="domain",
          catches="`other` used as a placeholder where Epoch AI's Domain field is empty (GPT-5.2, which takes text and "
                  "images like the rest of the GPT-5 family)."),
    Check("domain-from-benchmarks", "training_runs", "domain",
          "the notes say the domain was set because the model is evaluated on text benchmarks: a benchmark's "
          "modality does not say what the model reads",
          "take the domain from the developer's model page or card (text and images in is multimodal) and say "
          "in notes which page gives the input modalities",
          where="regexp_matches(coalesce(notes, ''), '(?i)because (it|the model) is evaluated on (text )?benchmarks')",
          value="domain",
          catches="A domain filled by default from the benchmarks a model is scored on (107 runs taken from the "
                  "Epoch AI Benchmarking Hub, 23 of them multimodal by their developers' pages: Gemini 1.5 "
                  "Flash, GPT-4.1, Claude 3 Haiku, Llama 3.2 90B; issue 28, ninth sample)."),
    Check("mixed-method-without-its-combination", "training_runs", "compute_estimation_method",
          "compute_estimation_method is `mixed`, but the notes do not say which estimates were combined",
          "`mixed` is several methods combined (a geometric mean of a hardware and a 6ND estimate): where the stored "
          "value is one formula's, label it by that formula (hardware_time, parameters_tokens, operation_counting, "
          "reported, comparison); where it is a combination, or the source gives no method, say so in notes as "
          "'compute mixed: ...'",
          where="compute_estimation_method = 'mixed' AND NOT regexp_matches(coalesce(notes, ''), '(?i)compute mixed ?:')",
          value="compute_estimation_method",
          catches="`mixed` copied from a source's list of methods tried where the stored value is one formula's "
                  "(gpt-oss-20b, a tenth of its sibling's H100-hours; Xception, 60 K80 x 30 days; 39 of 77 runs; "
                  "issue 28, ninth sample)."),
    Check("derivative-compute-above-base", "training_runs", "training_compute_flop",
          "the notes say the compute includes the base model's, but it is more than {derivative-compute-over-base-x:g} "
          "times the compute of base run `{base}` ({base_compute}): the stages after a pre-training cost a fraction "
          "of it",
          "check the compute against the base run's own figure: a corpus size read as tokens seen (6 x N x dataset "
          "size) or the base counted at another estimate than its row's inflates it; store the base run's compute "
          "plus the derivative's own stage and say both in notes",
          where="base_run_id IS NOT NULL AND training_compute_flop IS NOT NULL AND "
                "regexp_matches(coalesce(notes, ''), '(?i)compute[^;.]*includ') AND "
                "training_compute_flop > {derivative-compute-over-base-x} * (SELECT b.training_compute_flop FROM "
                "training_runs b WHERE b.run_id = training_runs.base_run_id)",
          value="CAST(training_compute_flop AS VARCHAR)",
          details=(("base", "base_run_id"),
                   ("base_compute", "(SELECT CAST(b.training_compute_flop AS VARCHAR) FROM training_runs b "
                                    "WHERE b.run_id = training_runs.base_run_id)")),
          parameters=("derivative-compute-over-base-x",),
          catches="A derivative whose compute, said to include its base's, contradicts the base run's own paper: "
                  "FLAN 137B at 2.05e24 (6 x 137B x LaMDA-PT's 2.49T-token corpus) though run lamda, the same "
                  "pre-training, counts 3.55e23 from the LaMDA paper's chips and days."),
    Check("organization-separator", "training_runs", "organization",
          "organizations are separated by a comma with no space beside it (`Google,University of Michigan`): "
          "found a semicolon, a space beside a comma, an empty name or a space at either end",
          "write the organizations as Epoch AI does, `A,B`; a name that itself holds a comma "
          "('Google Research, Brain Team') is written without it",
          where=r"regexp_matches(organization, ';|\s,|,\s|^,|,$|,,|^\s|\s$')", value="organization",
          catches="A second separator for the list of organizations (69 rows used `; ` beside `,`), which splits "
                  "one organization's runs when the column is split or grouped."),
    Check("tpu-slice-cores-counted-as-chips", "training_runs", "accelerator_count",
          "the accelerator_count equals the TensorCore count the notes quote (`{quoted}`): a TPU v2, v3 or v4 slice "
          "name (v4-128) and an 'N cores' figure count TensorCores, two per chip, so this is twice the chips",
          "store chips: half the slice's number (a v4-128 is 64 chips, Google's TPU types page); recompute a "
          "hardware-time compute from the chip count, and say both in notes",
          where=f"regexp_matches(accelerator_id, '^google-tpu-v[234]$') AND accelerator_count IS NOT NULL AND "
                f"{_TPU_CORES_QUOTED} <> ''",
          value="accelerator_count", details=(("quoted", _TPU_CORES_QUOTED),),
          catches="A TPU v2/v3/v4 slice name or core count read as chips (Octo's 'TPU v4-128 pod' stored as 128 "
                  "chips, 64 in fact; Minerva's v4-1024, ProtBert-BFD's V3-1024), which doubles a hardware-time "
                  "compute estimate and the energy."),
    Check("publication-after-biorxiv-doi-date", "training_runs", "publication_date",
          "publication_date is more than 14 days after the day in the bioRxiv DOI of source_url",
          "v1 was posted by {v1}, and a later version's date is not the first release: store v1's 'posted' date "
          "(a model first described in a later version takes an exception row that names that version)", "warning",
          where=f"{_BIORXIV_V1_BY} IS NOT NULL AND publication_date > {_BIORXIV_V1_BY}",
          value="publication_date", details=(("v1", f"CAST({_BIORXIV_V1_BY} AS VARCHAR)"),),
          catches="A later bioRxiv version's date kept as the release date (ProtTrans at v3, 2021-05-04, though "
                  "v1 was deposited on 2020-07-12); the arXiv twin is publication-after-arxiv-month."),
    Check("run-dated-version-of-another", "training_runs", "run_id",
          "the run is a dated version of run `{base}` (the same name with a month and year), a near-duplicate run",
          "a version is not a run: point its results, prices and energy rows at `{base}` with the version in "
          "model_version, and remove this row (keep it only for a run with its own training facts, with an exception)",
          "warning",
          where=f"regexp_matches(run_id, {_DATED_SUFFIX}) AND EXISTS (SELECT 1 FROM training_runs b WHERE b.run_id = "
                f"regexp_replace(training_runs.run_id, {_DATED_SUFFIX}, ''))",
          value="run_id", details=(("base", f"regexp_replace(run_id, {_DATED_SUFFIX}, '')"),),
          catches="A dated version kept as a run of its own beside its model's run (Epoch AI lists some dated "
                  "versions as models)."),
    Check("run-twin-of-another", "training_runs", "run_id",
          "the run has the same organization, publication_date and training compute as run `{twin}`: a near-duplicate "
          "run",
          "one model is one run: merge the two (keep the sources and facts of both in one row), point results, prices "
          "and costs at the kept run with the version in model_version (an exception only for two models that truly "
          "share all three)",
          "warning",
          where="training_compute_flop IS NOT NULL AND EXISTS (SELECT 1 FROM training_runs t WHERE t.run_id < "
                "training_runs.run_id AND t.organization = training_runs.organization AND t.publication_date = "
                "training_runs.publication_date AND t.training_compute_flop = training_runs.training_compute_flop)",
          value="run_id",
          details=(("twin", "(SELECT min(t.run_id) FROM training_runs t WHERE t.run_id < training_runs.run_id AND "
                            "t.organization = training_runs.organization AND t.publication_date = "
                            "training_runs.publication_date AND t.training_compute_flop = "
                            "training_runs.training_compute_flop)"),),
          catches="One model kept as two runs from two sources (GPT-3.5 as Notable AI Models' 'GPT-3.5 (davinci-002)' "
                  "beside the Benchmarking Hub's 'GPT-3.5'), which a name alone does not reveal."),
    # prices
    *(Check(f"{kind}-price-before-release", table, "price_date", f"{what} dated before the accelerator's release_date",
            hint, where=f"price_date < (SELECT min(a.release_date) FROM accelerators a "
                        f"WHERE a.accelerator_id = {table}.accelerator_id)",
            value="CAST(price_date AS VARCHAR)", reads=("accelerators",))
      for kind, table, what, hint in (
          ("cloud", "cloud_prices", "cloud price", "check the date and the accelerator_id"),
          ("purchase", "hardware_prices", "purchase price",
           "check the date and the accelerator_id; a price announced before launch is dated at the release_date "
           "with the announcement in notes, and a pre-launch rumour is an estimate, not a list price"))),
    Check("list-price-worded-as-rumour", "hardware_prices", "price_kind",
          "a price whose notes call it a rumour, leak, report or estimate is labelled list: {word}",
          "a list price is the vendor's own published price; a pre-launch rumour, a leak or a press or analyst "
          "figure is kind estimate (or reported_purchase for an observed sale)",
          where=f"price_kind = 'list' AND {_RUMOUR_WORD} <> ''", value="price_kind",
          details=(("word", _RUMOUR_WORD),),
          catches="A pre-launch rumour or a press figure labelled `list` in hardware_prices: its notes say "
                  "rumour, leak, reportedly, allegedly, expected or estimate."),
    Check("price-on-replaced-release-date", "hardware_prices", "price_date",
          "price_date {date} is the release_date that the chip's notes say was replaced (now {release})",
          "a price is dated the day it was stated or seen; a price whose day is unknown and that the source gives as "
          "the release price is dated like the chip's launch price (its announcement or on-sale day), not at a "
          "release date the atlas has corrected; say in notes which day it is and why",
          where="price_date <> (SELECT a.release_date FROM accelerators a "
                "WHERE a.accelerator_id = hardware_prices.accelerator_id) AND EXISTS (SELECT 1 FROM accelerators a "
                "WHERE a.accelerator_id = hardware_prices.accelerator_id AND "
                "(strpos(a.notes, 'release_date ' || CAST(hardware_prices.price_date AS VARCHAR) || ' ->') > 0 OR "
                "strpos(a.notes, 'Was (''' || CAST(hardware_prices.price_date AS VARCHAR) || '''') > 0))",
          value="CAST(price_date AS VARCHAR)",
          details=(("date", "CAST(price_date AS VARCHAR)"),
                   ("release", "(SELECT CAST(a.release_date AS VARCHAR) FROM accelerators a "
                               "WHERE a.accelerator_id = hardware_prices.accelerator_id)")),
          reads=("accelerators",),
          catches="Epoch AI's release price of the Quadro P600 dated at Epoch's 2017-02-07, a release date the atlas "
                  "had replaced by the 2017-02-05 announcement (on sale March 2017): launch-price-on-replaced-release-"
                  "date's rule on hardware_prices (issue 27, twelfth sample, class P1b)."),
    Check("price-long-before-archive-capture", "hardware_prices", "price_date",
          "a {price_kind} price dated {lag} days before the archive capture it cites ({captured}), more than "
          "{price-archive-lag-days:g}",
          "a capture shows the price of its day: date the row at the capture, or, where the captured page itself "
          "dates the price earlier (an article's date, a price history), say so in notes and add a reviewed "
          "exception", "warning",
          where=f"price_kind <> 'list' AND {_CAPTURED} IS NOT NULL AND "
                f"date_diff('day', price_date, {_CAPTURED}) > {{price-archive-lag-days}}",
          value="CAST(price_date AS VARCHAR)",
          details=(("price_kind", "price_kind"), ("captured", f"CAST({_CAPTURED} AS VARCHAR)"),
                   ("lag", f"date_diff('day', price_date, {_CAPTURED})")),
          parameters=("price-archive-lag-days",),
          catches="A price dated at the chip's release or at another source's date rather than at the date its "
                  "cited page shows it: a reported or estimated price more than `price-archive-lag-days` before "
                  "the Wayback Machine capture in its source_url."),
    *(_price_before_snapshot(rel.name) for rel in CURATED
      if rel.csv_file and "price_date" in rel.schema.columns and "source" in rel.schema.columns),
    Check("blend-beside-input-output", "inference_prices", "blended_usd_per_mtok",
          "a blended price together with input or output prices",
          "keep the blend only where the source gives nothing else; otherwise empty blended_usd_per_mtok "
          "and blend_in_source",
          where="blended_usd_per_mtok IS NOT NULL AND (input_usd_per_mtok IS NOT NULL OR "
                "output_usd_per_mtok IS NOT NULL)", value="blended_usd_per_mtok"),
    Check("input-without-output-price", "inference_prices", "input_usd_per_mtok",
          "an input price needs its output price, and an output price its input price",
          "fill both (a price 'per token, input or output' goes in both) or neither",
          where="(input_usd_per_mtok IS NULL) <> (output_usd_per_mtok IS NULL)",
          value=_pair("input_usd_per_mtok", "output_usd_per_mtok")),
    Check("price-row-without-price", "inference_prices", "input_usd_per_mtok",
          "a price row needs input and output prices or a blended price", "fill one of them",
          where="input_usd_per_mtok IS NULL AND blended_usd_per_mtok IS NULL", value="''"),
    Check("blend-without-ratio", "inference_prices", "blend_in_source",
          "a blended price needs its input:output ratio, and a ratio its blended price",
          "e.g. `3:1` for Epoch AI and Artificial Analysis",
          where="(blended_usd_per_mtok IS NULL) <> (blend_in_source IS NULL)", value="coalesce(blend_in_source, '')"),
    Check("cached-input-above-input", "inference_prices", "cached_input_usd_per_mtok",
          "the cached (cache-hit) input price is not below the standard input price ({input} USD per million "
          "tokens): cache hit and cache miss swapped, or a cache-write price stored as the cache-read price?",
          "cached_input_usd_per_mtok is the cache-read (cache-hit) price, input_usd_per_mtok the uncached "
          "(cache-miss) one; a cache-write price has no column",
          where="cached_input_usd_per_mtok >= input_usd_per_mtok",
          value="CAST(cached_input_usd_per_mtok AS VARCHAR)",
          details=(("input", "printf('%g', input_usd_per_mtok)"),),
          catches="Cache-hit and cache-miss prices swapped (price pages list them side by side, e.g. DeepSeek's "
                  "'1M input tokens (cache hit)' above '(cache miss)'), or a cache-write price taken for the "
                  "cache-read one."),
    Check("batch-price-above-standard", "inference_prices", "batch_input_usd_per_mtok",
          "a batch price is above the standard price of the same row (input {input} / output {output} USD per "
          "million tokens): batch and standard tiers swapped?",
          "batch_* columns hold the asynchronous (discounted) tier, input_/output_usd_per_mtok the standard one",
          where="batch_input_usd_per_mtok > input_usd_per_mtok OR batch_output_usd_per_mtok > output_usd_per_mtok",
          value="coalesce(CAST(batch_input_usd_per_mtok AS VARCHAR), '') || ' / ' || "
                "coalesce(CAST(batch_output_usd_per_mtok AS VARCHAR), '')",
          details=(("input", "printf('%g', input_usd_per_mtok)"), ("output", "printf('%g', output_usd_per_mtok)")),
          catches="Batch and standard prices swapped: a batch (asynchronous) price is a discount on the standard "
                  "one."),
    *(Check(f"{col.removesuffix('_usd_per_mtok').replace('_', '-')}-price-per-token", "inference_prices", col,
            f"{col} is below {{inference-price-floor-usd-per-mtok:g}} USD per million tokens: a price per token or "
            "per thousand tokens not converted (parameter inference-price-floor-usd-per-mtok)",
            "multiply a price per token by 1,000,000 (per thousand tokens by 1,000) and set "
            "price_unit_in_source to what the source gives",
            where=f"{col} < {{inference-price-floor-usd-per-mtok}}", value=f"CAST({col} AS VARCHAR)",
            parameters=("inference-price-floor-usd-per-mtok",))
      for col in ("input_usd_per_mtok", "output_usd_per_mtok", "cached_input_usd_per_mtok",
                  "batch_input_usd_per_mtok", "batch_output_usd_per_mtok", "blended_usd_per_mtok")),
    *(Check(f"{col.removesuffix('_usd_per_mtok').replace('_', '-')}-price-far-from-peers", "inference_prices", col,
            f"{col} is more than {{price-peer-factor-x:g}} times off the median ({{median}}) of the same model's "
            "other prices: a per-token or per-thousand-token price not converted, or converted twice?",
            "prices are per million tokens: check price_unit_in_source and the factor (1,000 for per thousand, "
            "1,000,000 for per token)", "warning",
            where=f"greatest({col} / {_PEER_MEDIAN.format(col=col)}, {_PEER_MEDIAN.format(col=col)} / {col}) > "
                  "{price-peer-factor-x}",
            value=f"CAST({col} AS VARCHAR)", parameters=("price-peer-factor-x",),
            details=(("median", f"printf('%g', {_PEER_MEDIAN.format(col=col)})"),),
            catches="A price off by the per-token, per-thousand or per-million factor (10^3 or 10^6 from the same "
                    "model's other prices).")
      for col in ("input_usd_per_mtok", "output_usd_per_mtok")),
    Check("context-window-differs-across-rows", "inference_prices", "context_window_tokens",
          "the same provider and model_version has another context window in price row `{other}`",
          "one served version has one window: check both rows against the provider's model documentation "
          "(a price sheet's '4k context' label, or an alias's later window, is not the snapshot's)",
          where="context_window_tokens IS NOT NULL AND EXISTS (SELECT 1 FROM inference_prices o WHERE "
                "o.provider = inference_prices.provider AND o.model_version = inference_prices.model_version AND "
                "o.context_window_tokens IS NOT NULL AND o.context_window_tokens <> "
                "inference_prices.context_window_tokens)",
          value="CAST(context_window_tokens AS VARCHAR)",
          details=(("other", "(SELECT min(o.price_id) FROM inference_prices o WHERE o.provider = "
                             "inference_prices.provider AND o.model_version = inference_prices.model_version AND "
                             "o.context_window_tokens <> inference_prices.context_window_tokens)"),),
          catches="A context window copied from a rounded label or from another version of the model: the "
                  "same provider's version with two windows across rows."),
    Check("context-window-rounded-label", "inference_prices", "context_window_tokens",
          "context window is the rounded 'k' label of a power of two (4,096, 8,192, 16,384 or 32,768 tokens), "
          "not a model's window",
          "take the exact window from the provider's model documentation (e.g. 4,096 for '4k', 16,385 for "
          "OpenAI's '16k' GPT-3.5 Turbo)", "warning",
          where="context_window_tokens IN (2000, 4000, 8000, 16000, 32000)",
          value="CAST(context_window_tokens AS VARCHAR)",
          catches="A context window taken from a price sheet's rounded '(4k context)' label (Epoch AI's API "
                  "price sheet) or a rounded '32k'."),
    Check("inference-price-before-release", "inference_prices", "observed_date",
          "inference price observed before the model's publication_date (training_runs.csv)",
          "check the date and the run_id (a later version may need its own training_runs row)",
          where="observed_date < (SELECT min(r.publication_date) FROM training_runs r "
                "WHERE r.run_id = inference_prices.run_id)",
          value="CAST(observed_date AS VARCHAR)", reads=("training_runs",)),
    Check("price-effective-after-read", "inference_prices", "effective_date",
          "effective_date is after observed_date: a price cannot take effect after the day it was read",
          "effective_date is when the price took effect or was first seen, observed_date when it was read; "
          "swap them, or check the date",
          where="effective_date > observed_date", value="CAST(effective_date AS VARCHAR)"),
    Check("price-commit-url-not-full", "inference_prices", "source_url",
          "source_url names a git commit, but not by its full 40-character hash",
          "give the commit's full hash (`git rev-parse <short hash>`), https://github.com/<owner>/<repo>/commit/"
          "<40 hex digits>: a short hash can become ambiguous and a branch or tag moves, so the row would no "
          "longer name the price history it was read from",
          where="regexp_matches(source_url, '^https?://(www\\.)?github\\.com/[^/]+/[^/]+/commit/') AND NOT "
                "regexp_matches(source_url, '^https?://(www\\.)?github\\.com/[^/]+/[^/]+/commit/[0-9a-f]{40}$')",
          value="source_url",
          catches="A price dated by a commit of a price history (pydantic/genai-prices) that names the commit by "
                  "a short hash, a branch or a tag instead of its full hash."),
    Check("price-effective-is-snapshot-date", "inference_prices", "effective_date",
          "effective_date is the date of the snapshot it cites (`date` in references.bib): the day a price list "
          "was read, not the day its price took effect",
          "leave effective_date empty unless a dated source shows when the price took effect or was first seen "
          "(an announcement, a price history, a price sheet's date, a first month in a monthly series)",
          where="effective_date IN (SELECT r.snapshot_date FROM \"references\" r WHERE list_contains("
                "string_split(inference_prices.effective_date_source, ';'), r.reference_key))",
          value="CAST(effective_date AS VARCHAR)", reads=("references",)),
    Check("price-effective-without-basis", "inference_prices", "effective_date_basis",
          "an effective_date needs its effective_date_basis and effective_date_source, and they need the date",
          "say how the date is known (provider_announcement, price_history, price_sheet_date, "
          "first_seen_monthly) and cite the source that gives it, or empty all three",
          where="(effective_date IS NULL) <> (effective_date_basis IS NULL) OR "
                "(effective_date IS NULL) <> (effective_date_source IS NULL)",
          value="coalesce(CAST(effective_date AS VARCHAR), '') || ' / ' || coalesce(effective_date_basis, '') "
                "|| ' / ' || coalesce(effective_date_source, '')"),
    Check("price-effective-before-release", "inference_prices", "effective_date",
          "price took effect before the model's publication_date (training_runs.csv), by a source that cannot "
          "show a price before the model existed",
          "check the effective_date and the run_id: a price first seen in a dated source, or dated by a price "
          "sheet or history, is seen on or after the model's publication; only a provider's announcement can "
          "name a price ahead of it (basis provider_announcement)",
          where=f"coalesce(effective_date_basis, '') <> 'provider_announcement' AND {_BEFORE_RELEASE}",
          value="CAST(effective_date AS VARCHAR)", reads=("training_runs",)),
    Check("price-announced-before-release", "inference_prices", "effective_date",
          "price announced to take effect before the model's publication_date (training_runs.csv)",
          "check both dates; a provider's price announced ahead of the model's publication needs a reviewed row "
          "in check_exceptions.csv that explains it", "warning",
          where=f"effective_date_basis = 'provider_announcement' AND {_BEFORE_RELEASE}",
          value="CAST(effective_date AS VARCHAR)", reads=("training_runs",)),
    Check("price-announcement-not-by-provider", "inference_prices", "effective_date_source",
          "effective_date_basis is provider_announcement, but no reference in effective_date_source is by the "
          "provider or the model's developer (the entry's author in references.bib)",
          "cite the provider's or developer's own launch post, price announcement or dated model page; a date "
          "from a price tracker, snapshot or write-up takes another basis (price_history for a dated price "
          "list) or stays empty",
          where="effective_date_basis = 'provider_announcement' AND NOT EXISTS (SELECT 1 FROM \"references\" r "
                "WHERE list_contains(string_split(inference_prices.effective_date_source, ';'), r.reference_key) "
                "AND (lower(r.authors) = lower(inference_prices.provider) OR lower(r.authors) IN (SELECT "
                "lower(t.organization) FROM training_runs t WHERE t.run_id = inference_prices.run_id)))",
          value="effective_date_source", reads=("references", "training_runs"),
          catches="A launch or price-change date credited to the provider's announcement but taken from a third "
                  "party (a price tracker, an aggregator's snapshot, a blog)."),
    Check("launch-price-dated-after-announcement", "inference_prices", "effective_date",
          "the developer's first dated price of the model takes effect after the model's publication_date "
          "(training_runs.csv) while the notes speak of its announcement, preview or launch",
          "a launch price takes effect on the day the developer announced it or first charged it (a preview "
          "counts), not on general availability: date it by the dated announcement or the first dated source "
          "that shows the price; a price that did begin later (a promotion's end, a cut) is not the developer's "
          "first dated row, or its notes do not speak of the launch",
          where="effective_date_basis IN ('price_history', 'provider_announcement') AND lower(provider) IN (SELECT "
                "lower(t.organization) FROM training_runs t WHERE t.run_id = inference_prices.run_id) AND "
                "effective_date > (SELECT min(t.publication_date) FROM training_runs t WHERE t.run_id = "
                "inference_prices.run_id) AND regexp_matches(notes, '(?i)announc|preview|launch') AND NOT EXISTS "
                "(SELECT 1 FROM inference_prices o WHERE o.run_id = inference_prices.run_id AND o.provider = "
                "inference_prices.provider AND o.price_id <> inference_prices.price_id AND "
                "coalesce(o.effective_date, o.observed_date) <= inference_prices.effective_date)",
          value="CAST(effective_date AS VARCHAR)", reads=("training_runs",),
          catches="A developer's launch price dated by general availability (or by a tracker that does not hold "
                  "the day) when the announcement or gated preview that stated it came earlier (GPT-5.6, 2026)."),
    Check("price-resold-differs-from-announcement", "inference_prices", "input_usd_per_mtok",
          "a reseller's price dated only by the developer's announcement differs from the developer's own price of "
          "that day by more than the 10% regional premium ({developer})",
          "the developer's announcement dates only its own price: a cloud's or router's launch price that differs "
          "from it needs the reseller's own dated post in effective_date_source; otherwise check the price (a later "
          "list or a regional tier copied back to the launch day)",
          where="effective_date_basis = 'provider_announcement' AND " + _RESOLD + " AND EXISTS (SELECT 1 FROM "
                "inference_prices d WHERE " + _DEVELOPER_SAME_DAY + " AND (" + _off_by("input_usd_per_mtok") +
                " OR " + _off_by("output_usd_per_mtok") + "))",
          value=_pair("input_usd_per_mtok", "output_usd_per_mtok"), reads=("references", "training_runs"),
          details=(("developer", "(SELECT string_agg(d.provider || ' ' || " + _pair("d.input_usd_per_mtok",
                                 "d.output_usd_per_mtok") + ", '; ') FROM inference_prices d WHERE "
                   + _DEVELOPER_SAME_DAY + ")"),),
          catches="A cloud's or router's launch-day price dated by the model developer's announcement that is not "
                  "the developer's price (a later list, a regional tier or a promotion copied back to the launch)."),
    Check("threshold-version-without-score", "inference_thresholds", "reference_model_version",
          "the reference model has no result of this version on the threshold's benchmark (benchmark_results.csv)",
          "name a model_version that benchmark_results scores for this run and benchmark, or leave it empty to use "
          "the model's score in benchmark_scores (and say so in replication_note)",
          where="reference_model_version IS NOT NULL AND NOT EXISTS (SELECT 1 FROM benchmark_results r "
                "WHERE r.run_id = inference_thresholds.reference_run_id AND r.benchmark_id = "
                "inference_thresholds.benchmark_id AND r.model_version = inference_thresholds.reference_model_version)",
          value="reference_model_version", reads=("benchmark_results",)),
    # benchmarks
    Check("benchmark-scale-reversed", "benchmarks", "scale_max", "scale_min must be below scale_max",
          "swap them, or check the unit",
          where="scale_min IS NOT NULL AND scale_max IS NOT NULL AND scale_min >= scale_max",
          value="scale_min || ' >= ' || scale_max"),
    Check("chance-score-off-scale", "benchmarks", "chance_score",
          "chance_score is outside the benchmark's scale {scale}",
          "give the chance score in the benchmark's score_unit (25 for four-way multiple choice "
          "in percent, not 0.25)",
          where="chance_score < scale_min OR chance_score > scale_max", value="printf('%g', chance_score)",
          details=(("scale", _scale("scale_min", "scale_max", "score_unit")),)),
    Check("chance-vs-answer-format", "benchmarks", "chance_score",
          "chance_score ({chance}) is not what the answer format implies ({expected})",
          "multiple choice or a closed set: 100 / answer_options in percent (25 for four options, 0.1 for 1000); "
          "free-form: 0; an index, or options that vary by question: empty (and answer_options empty)",
          where=f"NOT coalesce(abs(chance_score - {_CHANCE_OF_FORMAT}) <= 0.02 * abs({_CHANCE_OF_FORMAT}), "
                f"chance_score IS NULL AND {_CHANCE_OF_FORMAT} IS NULL) "
                "OR (answer_options IS NOT NULL AND answer_format IN ('free_form', 'index'))",
          value="coalesce(printf('%g', chance_score), '')",
          details=(("chance", "coalesce(printf('%g', chance_score), 'empty')"),
                   ("expected", f"coalesce(printf('%g', {_CHANCE_OF_FORMAT}), 'empty')")),
          catches="A chance level inconsistent with the answer format (0 for an AIME's integer answers, 1 in 1,000; "
                  "a chance level for a benchmark whose options vary by question)."),
    Check("score-off-scale", "benchmark_results", "score",
          "score is outside the scale of benchmark `{benchmark}`: {scale} (benchmarks.csv)",
          "give the score in {unit} (a 0-1 fraction times 100 for percent), or check the benchmark_id",
          where="score < (SELECT b.scale_min FROM benchmarks b WHERE b.benchmark_id = benchmark_results.benchmark_id) "
                "OR score > (SELECT b.scale_max FROM benchmarks b WHERE b.benchmark_id = benchmark_results.benchmark_id)",
          value="printf('%g', score)", reads=("benchmarks",),
          details=(("benchmark", "benchmark_id"),
                   ("scale", "(SELECT " + _scale("b.scale_min", "b.scale_max", "b.score_unit") + " FROM benchmarks b "
                             "WHERE b.benchmark_id = benchmark_results.benchmark_id)"),
                   ("unit", "(SELECT b.score_unit FROM benchmarks b "
                            "WHERE b.benchmark_id = benchmark_results.benchmark_id)")),
          catches="A score on another scale than its benchmark's (a 0-1 fraction where percent is expected, or "
                  "the reverse)."),
    Check("chain-of-thought-not-in-settings", "benchmark_results", "settings",
          "the notes say the result is chain-of-thought (`{said}`), but settings do not",
          "add `CoT` to settings (with the shots, e.g. `CoT`; a chain-of-thought score is not comparable with a "
          "direct-answer one), or reword the notes if the source's CoT run is another row",
          where=f"regexp_matches(coalesce(notes, ''), '{_COT}') AND "
                f"NOT regexp_matches(coalesce(notes, ''), '{_NO_COT}') AND "
                f"NOT regexp_matches(coalesce(settings, ''), '{_COT}')",
          value="coalesce(settings, '')", details=(("said", f"regexp_extract(notes, '{_COT}', 0)"),),
          catches="A chain-of-thought protocol left in the notes on import (the Benchmarking Hub's 'hub note: 5-shot "
                  "CoT' on the Claude model card's MMLU), so the score sits beside direct-answer scores as if alike."),
    Check("chain-of-thought-dropped", "benchmark_results", "settings",
          "other results of the same source ({evaluator}), benchmark and shots say chain-of-thought ({protocol}); "
          "this row's settings do not",
          "a source usually runs one protocol per benchmark and shot count (the Claude 2 model card: MMLU 5-shot "
          "CoT): copy it into settings; where the source reports this row without CoT (the GPT-4 report's GPT-3.5 "
          "GSM8K, plain 5-shot), add a reviewed exception that says so",
          "warning",
          where=f"NOT regexp_matches(coalesce(settings, ''), '{_COT}') AND EXISTS ({_COT_PEERS})",
          value="coalesce(settings, '')",
          details=(("evaluator", "evaluator"), ("protocol", f"(SELECT min(o.settings) {_COT_PEERS_FROM})")),
          catches="A chain-of-thought protocol dropped on import from some of a source's rows, where nothing in "
                  "the row's own notes says so (the error `chain-of-thought-not-in-settings` catches the rows "
                  "whose notes do)."),
    Check("majority-vote-dropped", "benchmark_results", "settings",
          "other results of the same source ({evaluator}), benchmark and shots say majority voting ({protocol}); "
          "this row's settings do not",
          "a source runs one protocol per benchmark (the Mixtral paper: GSM8K 8-shot maj@8): copy it into "
          "settings, or, if the source reports this row another way (a separate maj@1 column), say so in settings",
          "warning",
          where=f"coalesce(settings, '') NOT LIKE '%maj@%' AND EXISTS ({_MAJ_PEERS})",
          value="coalesce(settings, '')",
          details=(("evaluator", "evaluator"), ("protocol", f"(SELECT min(o.settings) {_MAJ_PEERS_FROM})")),
          catches="A majority-voting protocol (maj@k) dropped on import from some of a paper's rows: the "
                  "Benchmarking Hub's external records have no field for it (the Mixtral paper's GSM8K maj@8)."),
    Check("fraction-on-percent-scale", "benchmark_results", "score",
          "score at or below 1 on a percent benchmark whose chance is {chance}: a 0-1 fraction not converted?",
          "multiply a fraction by 100 (the benchmark's score_unit is percent)", "warning",
          where="score <= 1 AND (SELECT b.score_unit = 'percent' AND b.chance_score >= 1 FROM benchmarks b "
                "WHERE b.benchmark_id = benchmark_results.benchmark_id)",
          value="printf('%g', score)", reads=("benchmarks",),
          details=(("chance", "(SELECT printf('%g', b.chance_score) FROM benchmarks b WHERE b.benchmark_id = "
                              "benchmark_results.benchmark_id)"),),
          catches="A 0-1 fraction stored where percent is declared, on a benchmark whose chance level makes a "
                  "score below 1 % implausible (an Elo or other score above the scale is `score-off-scale`)."),
    Check("score-far-from-own-results", "benchmark_results", "score",
          "score differs by more than {score-outlier-points:g} points from the median ({median}) of the same "
          "run's other results on this benchmark",
          "is it another model's result, another benchmark's, or on another scale? Check the source's table",
          "warning",
          where=f"abs(score - {_OTHER_SCORES}) > {{score-outlier-points}} AND (SELECT b.score_unit IN ('percent', "
                "'index_points') FROM benchmarks b WHERE b.benchmark_id = benchmark_results.benchmark_id)",
          value="printf('%g', score)", parameters=("score-outlier-points",), reads=("benchmarks",),
          details=(("median", f"printf('%g', {_OTHER_SCORES})"),),
          catches="A score far from the model's other results on the same benchmark, in percent or ECI points "
                  "(another model's row, a wrong size, a slipped digit); a rating re-estimated over time (Elo) is "
                  "left out."),
    Check("result-cites-paper-before-model", "benchmark_results", "run_id",
          "the cited paper (arXiv, first version {paper_month}) predates the model's publication_date ({published}) "
          "by more than {source-paper-before-model-months:g} months: its result is of another model",
          "a paper cannot report a model released long after it: attach the result to the model the paper "
          "evaluated (an older version, a base model), or cite the paper that reports this model",
          "warning",
          where=f"regexp_matches(source_url, 'arxiv\\.org/(abs|pdf)/[0-9][0-9][0-9][0-9]\\.') AND date_diff('month', {_ARXIV_MONTH}, "
                "(SELECT r.publication_date FROM training_runs r WHERE r.run_id = benchmark_results.run_id)) "
                "> {source-paper-before-model-months}",
          value="run_id", reads=("training_runs",), parameters=("source-paper-before-model-months",),
          details=(("paper_month", f"strftime({_ARXIV_MONTH}, '%Y-%m')"),
                   ("published", "(SELECT CAST(r.publication_date AS VARCHAR) FROM training_runs r "
                                 "WHERE r.run_id = benchmark_results.run_id)")),
          catches="A result attached to a model released long after the paper that reports it (GPT-3's 2020 "
                  "scores filed under InstructGPT; Mistral 7B's score cited to the Chinchilla paper)."),
    Check("eci-score-repeated", "benchmark_results", "score",
          "the same ECI score on two rows of one run: one Epoch model listed under two version names",
          "keep one row per Epoch model (the version its ECI table names) and list the other names in notes",
          where="benchmark_id = 'eci' AND EXISTS (SELECT 1 FROM benchmark_results o WHERE o.benchmark_id = 'eci' "
                "AND o.run_id = benchmark_results.run_id AND o.score = benchmark_results.score AND "
                "o.benchmark_result_id < benchmark_results.benchmark_result_id)",
          value="printf('%g', score)",
          catches="The ECI stored once per version name instead of once per model (the same score repeated)."),
    Check("evaluated-before-release", "benchmark_results", "evaluated_date",
          "evaluated before the release of its version (model_versions.csv, else the model's publication_date in "
          "training_runs.csv)",
          "check the date, the version and the run_id (publication_date is the model's first public release; a "
          "later version's date is in model_versions.csv)",
          where="evaluated_date < coalesce((SELECT v.version_date FROM model_versions v WHERE v.run_id = "
                "benchmark_results.run_id AND v.model_version = benchmark_results.model_version), "
                "(SELECT r.publication_date FROM training_runs r WHERE r.run_id = benchmark_results.run_id))",
          value="CAST(evaluated_date AS VARCHAR)", reads=("training_runs", "model_versions")),
    Check("version-date-not-later", "model_versions", "version_date",
          "version_date is not after the model's publication_date: model_versions is for later versions only",
          "remove the row for the first release; publication_date (training_runs.csv) is the model's first public "
          "release",
          where="version_date <= (SELECT r.publication_date FROM training_runs r "
                "WHERE r.run_id = model_versions.run_id)",
          value="CAST(version_date AS VARCHAR)", reads=("training_runs",),
          catches="A version dated before (or at) its model's first release."),
    Check("version-without-results", "model_versions", "model_version",
          "no benchmark result of this run names this version", "spell it as benchmark_results does, or remove it",
          where="NOT EXISTS (SELECT 1 FROM benchmark_results b WHERE b.run_id = model_versions.run_id AND "
                "b.model_version = model_versions.model_version)",
          value="model_version", reads=("benchmark_results",)),
    Check("energy-measured-before-release", "inference_energy", "measured_date",
          "measured before the model's publication_date (training_runs.csv)",
          "check the date and the run_id",
          where="measured_date < (SELECT r.publication_date FROM training_runs r "
                "WHERE r.run_id = inference_energy.run_id)",
          value="CAST(measured_date AS VARCHAR)", reads=("training_runs",)),
    *(c for t in ("benchmark_results", "inference_prices", "inference_energy") for c in _version_checks(t)),
    # inference energy
    Check("accelerator-count-vs-parallelism", "inference_energy", "accelerator_count",
          "accelerator_count differs from the accelerators the parallelism implies (tp × pp × dp, or ep where larger)",
          "give the total number of accelerators (nodes × per node), or correct the parallelism degrees",
          where=f"parallelism IS NOT NULL AND accelerator_count IS NOT NULL AND accelerator_count <> {IMPLIED_COUNT}",
          value=f"accelerator_count || ' vs ' || parallelism || ' = ' || {IMPLIED_COUNT}"),
    Check("power-vs-energy-per-token", "inference_energy", "avg_power_watts",
          "energy per output token × output tokens per second (the implied power) differs from "
          "avg_power_watts by more than {energy-power-consistency-x:g}x",
          "check the units (J per token, not per million tokens or per request; throughput of the whole "
          "configuration, not per GPU; power of all its GPUs)", "warning",
          where=f"avg_power_watts IS NOT NULL AND {_IMPLIED_POWER} > 0 AND greatest({_IMPLIED_POWER} / avg_power_watts, "
                f"avg_power_watts / ({_IMPLIED_POWER})) > {{energy-power-consistency-x}}",
          value=f"round({_IMPLIED_POWER}, 1) || ' W implied vs ' || avg_power_watts || ' W'",
          parameters=("energy-power-consistency-x",)),
    Check("energy-beyond-chip-power", "inference_energy", "energy_per_output_token_joules",
          "energy per output token × output tokens per second is {frac} times the chips' rated power "
          "(accelerator_count × tdp_watts), outside {energy-tdp-frac-low:g} to {energy-tdp-frac-high:g}",
          "check the units (J per token, not per million tokens or per request), the throughput (of the whole "
          "configuration, not per GPU) and accelerator_count", "warning",
          where=f"NOT ({_IMPLIED_TDP_FRAC} BETWEEN {{energy-tdp-frac-low}} AND {{energy-tdp-frac-high}})",
          value="CAST(energy_per_output_token_joules AS VARCHAR)", reads=("accelerators",),
          parameters=("energy-tdp-frac-low", "energy-tdp-frac-high"), details=(("frac", f"printf('%.2f', {_IMPLIED_TDP_FRAC})"),),
          catches="Energy per token beyond what the chips' power and throughput allow (per million tokens stored "
                  "as per token, a per-GPU throughput against the whole configuration's energy)."),
    # claims
    Check("about-claim-two-values", "claims", "claimed_low",
          "an 'about' claim has one value: claimed_low and claimed_high equal", "fill both with the value",
          where="claim_form = 'about' AND (claimed_low IS NULL OR claimed_high IS NULL OR claimed_low <> claimed_high)",
          value=_pair("claimed_low", "claimed_high")),
    Check("range-claim-not-ordered", "claims", "claimed_low", "a range claim needs claimed_low below claimed_high",
          "fill both ends", where="claim_form = 'range' AND NOT coalesce(claimed_low < claimed_high, false)",
          value=_pair("claimed_low", "claimed_high")),
    Check("at-least-claim-with-high", "claims", "claimed_high", "an 'at_least' claim has claimed_low only",
          "put the value in claimed_low and leave claimed_high empty",
          where="claim_form = 'at_least' AND (claimed_low IS NULL OR claimed_high IS NOT NULL)",
          value="coalesce(CAST(claimed_high AS VARCHAR), '')"),
    Check("up-to-claim-with-low", "claims", "claimed_low", "an 'up_to' claim has claimed_high only",
          "put the value in claimed_high and leave claimed_low empty",
          where="claim_form = 'up_to' AND (claimed_high IS NULL OR claimed_low IS NOT NULL)",
          value="coalesce(CAST(claimed_low AS VARCHAR), '')"),
    Check("unchecked-claim-without-settle", "claims", "settle_with",
          "a claim the atlas cannot check says what data would settle it", "fill settle_with",
          where="check_rule = 'no_atlas_data' AND settle_with IS NULL", value="''"),
    Check("vendor-ratio-on-derived-power", "claims", "derived_from_claim",
          "a vendor's performance-per-watt comparison of two of its own chips rests on a power figure that was "
          "derived (accelerators.tdp_kind = derived), most likely from the vendor's own ratio: say which in "
          "derived_from_claim (the claim then cannot be checked)",
          "fill derived_from_claim with the derived figure and where it came from; if the power was derived from "
          "another source than this claim, record that source in accelerators and say so in like_for_like",
          where="check_rule = 'accelerator_ratio' AND is_vendor_claim AND derived_from_claim IS NULL "
                "AND check_subset LIKE '%metric=flop_per_s_per_watt%' AND EXISTS ("
                "SELECT 1 FROM (SELECT unnest(string_split(regexp_extract(check_subset, 'pairs=([^;]*)', 1), ',')) "
                "AS pair) p JOIN accelerators a ON a.accelerator_id = split_part(p.pair, ':', 1) "
                "JOIN accelerators b ON b.accelerator_id = split_part(p.pair, ':', 2) "
                "WHERE a.vendor = b.vendor AND 'derived' IN (a.tdp_kind, b.tdp_kind))",
          value="check_subset", reads=("accelerators",),
          catches="A vendor's own performance-per-watt claim checked with a power figure derived from that "
                  "claim (TPU v7's power, inferred from Google's own chart of Ironwood against Trillium): "
                  "agreement would be circular."),
    Check("claim-source-quantity-is-ours", "claims", "source_quantity",
          "source_quantity repeats measured_quantity: leave it empty where the source measures what our points "
          "do", "empty source_quantity, or say how the source's quantity differs",
          where="source_quantity IS NOT NULL AND lower(trim(source_quantity)) = lower(trim(measured_quantity))",
          value="source_quantity"),
    Check("claim-subset", "claims", "check_subset",
          "the rule gets the keys it reads (`key=value;key=value`), its metric is one it compares, a pair is two "
          "accelerator ids, and every id it names exists (an error); a value the data do not hold yet is a warning",
          "write key=value;key=value, values separated by ','", find=lambda q, have: claim_subsets(q, have)),
    # cloud prices
    Check("cloud-region-of-other-provider", "cloud_prices", "cloud_region",
          "the region is written in {looks_like}'s form, not {provider}'s",
          "use the provider's own region name (AWS us-east-1, Google Cloud us-central1, Azure eastus), or check "
          "the provider", "warning",
          where=f"cloud_region IS NOT NULL AND provider IN ({', '.join(repr(p) for p in REGION_FORMS)}) "
                f"AND {_REGION_FORM} <> provider",
          value="cloud_region", details=(("looks_like", _REGION_FORM), ("provider", "provider")),
          catches="A region in another provider's vocabulary (a Google TPU in Azure's `eastus`; AWS's "
                  "`us-east-1` under Google Cloud or Azure; Google's `us-central1` under AWS or Azure)."),
    Check("cloud-price-per-instance", "cloud_prices", "price_usd_per_hour",
          "price per accelerator-hour outside 0.05 to 100 USD",
          "is it the price of a whole instance? divide by its number of accelerators", "warning",
          where="price_usd_per_hour NOT BETWEEN 0.05 AND 100", value="price_usd_per_hour"),
    Check("cloud-price-not-instance-over-count", "cloud_prices", "price_usd_per_hour",
          "the notes give an instance price of {instance} USD/h for {count} GPUs, {quotient} USD per GPU-hour; "
          "the stored price is neither that nor that times the accelerator's chips_per_board ({board})",
          "store the instance price divided by its number of accelerators (times chips_per_board where the row "
          "is per board, as for the K80), or correct the notes",
          where=f"regexp_matches(notes, '{_INSTANCE_NOTE}') AND {_INSTANCE_QUOTIENT} > 0 "
                f"AND abs(price_usd_per_hour - {_INSTANCE_QUOTIENT}) > {{cloud-price-quotient-tolerance-frac}} * "
                f"{_INSTANCE_QUOTIENT} AND abs(price_usd_per_hour - {_INSTANCE_QUOTIENT} * {_BOARD_CHIPS}) > "
                f"{{cloud-price-quotient-tolerance-frac}} * {_INSTANCE_QUOTIENT} * {_BOARD_CHIPS}",
          value="price_usd_per_hour", reads=("accelerators",),
          details=(("instance", _INSTANCE_PRICE), ("count", f"CAST({_INSTANCE_COUNT} AS BIGINT)"),
                   ("quotient", f"round({_INSTANCE_QUOTIENT}, 4)"), ("board", _BOARD_CHIPS)),
          parameters=("cloud-price-quotient-tolerance-frac",),
          catches="A price per accelerator that is not the instance price the row's own notes give divided by "
                  "its GPUs ('instance price $55.04/h / 8 GPUs' stored as 55.04): the undivided instance price, "
                  "or a slip in the division."),
    Check("cloud-price-far-above-peers", "cloud_prices", "price_usd_per_hour",
          "price per accelerator-hour is more than {cloud-price-peer-max-x:g} times the median of the same "
          "accelerator's cloud prices",
          "the median of its {peers} prices is {median} USD, {ratio} times less: is it the price of a whole "
          "instance of several accelerators (divide by their number), of a board or superchip of two, or of another "
          "accelerator? If a single-accelerator instance is dear for its CPUs and memory, add a reviewed exception",
          "warning",
          where="price_usd_per_hour <= 100 AND price_usd_per_hour > {cloud-price-peer-max-x} * (SELECT median(p.price_usd_per_hour) FROM "
                "cloud_prices p WHERE p.accelerator_id = cloud_prices.accelerator_id) AND (SELECT count(*) FROM "
                "cloud_prices p WHERE p.accelerator_id = cloud_prices.accelerator_id) >= {cloud-price-peer-min-rows}",
          value="price_usd_per_hour",
          details=(("median", "(SELECT round(median(p.price_usd_per_hour), 2) FROM cloud_prices p "
                              "WHERE p.accelerator_id = cloud_prices.accelerator_id)"),
                   ("peers", "(SELECT count(*) FROM cloud_prices p WHERE p.accelerator_id = cloud_prices.accelerator_id)"),
                   ("ratio", "(SELECT round(cloud_prices.price_usd_per_hour / median(p.price_usd_per_hour), 1) "
                             "FROM cloud_prices p WHERE p.accelerator_id = cloud_prices.accelerator_id)")),
          parameters=("cloud-price-peer-max-x", "cloud-price-peer-min-rows"),
          catches="A whole instance's price stored as the price per accelerator (AWS p5.48xlarge's $55.04 for 8 "
                  "H100s, inside the 0.05 to 100 USD range of `cloud-price-per-instance`), or a superchip's as a "
                  "GPU's: far above what every other provider, pricing model and date asks for the same chip."),
)

#: Every declared check of rows, plausibility and names, in the order they run.
ALL_CHECKS: tuple[Check, ...] = (*CHECKS, *names.CHECKS)
#: Rows of `parameters` that the checks read (constants of the validation, not literals here).
VALIDATION_PARAMETERS = tuple(dict.fromkeys(p for c in ALL_CHECKS for p in c.parameters))
BY_NAME = {c.name: c for c in ALL_CHECKS}
assert len(BY_NAME) == len(ALL_CHECKS), "two checks share a name"


def context() -> dict[str, object]:
    """Values of the relations' declarations that checks read."""
    vendors = relation("accelerators").declaration.gib_vendors
    return {"gib_vendors": ", ".join(f"'{v}'" for v in vendors) or "NULL"}


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


def run_all(q: _Query, have: set[str]) -> list[Problem]:
    """Every declared check (plausibility and names) whose tables and parameters are there; a warning with a reviewed exception
    (``check_exceptions``) is left out, and an exception that matched nothing is reported."""
    problems: list[Problem] = []
    params = parameters(q, have, problems)
    values = {**params, **context()}
    found, ran = [], set()
    # A check looks a row's neighbours up by their key. While a key is duplicated (an error the column checks
    # report, which stops the build) such a lookup finds two rows: DuckDB then takes one, rather than failing the
    # whole validation without a located error.
    q.con.execute("SET scalar_subquery_error_on_multiple_rows = false")
    try:
        for check in ALL_CHECKS:
            if all(t in have for t in check.tables) and all(p in params for p in check.parameters):
                found += run_check(q, check, have, values)
                ran.add(check.name)
    finally:
        q.con.execute("RESET scalar_subquery_error_on_multiple_rows")
    problems += exceptions.apply(q, have, found, ran, BY_NAME)
    return problems


#: keys of a claim's `check_subset` that name rows of a curated table: key -> (table, key column). An unknown id is
#: an error; a value the data do not hold (yet) is a warning: the rule will find no point for it.
CLAIM_SUBSET_IDS = {"techniques": ("techniques", "technique_id"), "pairs": ("accelerators", "accelerator_id"),
                    "runs": ("training_runs", "run_id")}
CLAIM_SUBSET_VALUES = {"domain": ("benchmarks", "domain"), "country": ("electricity", "country_code"),
                       "provider": ("cloud_prices", "provider"), "pricing": ("cloud_prices", "pricing_model")}
CLAIM_SUBSET_NAMES = {**CLAIM_SUBSET_IDS, **CLAIM_SUBSET_VALUES}


def claim_subsets(q: _Query, have: set[str]) -> list[Problem]:
    """A claim's rule gets the keys it reads, and the ids it names exist."""
    t = "claims"
    out: list[Problem] = []
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
