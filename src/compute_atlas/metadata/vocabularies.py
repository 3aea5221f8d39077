"""The controlled vocabularies: every fixed list of values that a column allows or a step selects by, defined
once. A schema's ``isin=`` check, a step's SQL and a chart's legend import the constant from here; none writes
the list again.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- hardware -----------------------------------------------------------------------------------------------------

#: Number formats of a matrix multiply or of a peak rate, widest first (the order pages list them in).
PRECISIONS = ("fp64", "fp32", "tf32", "bf16", "fp16", "fp8", "fp4", "int8", "int4")
#: The 16-bit floating-point formats of tensor/matrix units: a chip's best 16-bit tensor rate is the higher of its
#: rates in these (``pipeline/accelerator_efficiency.sql`` computes it once, as ``is_best_16bit_tensor``).
SIXTEEN_BIT_PRECISIONS = ("bf16", "fp16")
#: The condition on ``accelerator_efficiency`` that selects each chip's best 16-bit tensor rate.
TENSOR_16BIT = "is_best_16bit_tensor"
#: Kinds of chip.
CHIP_KINDS = ("gpu", "tpu", "asic", "wafer_scale")
#: Markets a chip is sold into.
MARKET_SEGMENTS = ("data_centre", "workstation", "consumer")
#: What a power figure is.
TDP_KINDS = ("vendor_tdp", "derived", "measured")
#: Where a measurement comes from.
PROVENANCES = ("measured", "published")
#: Which price of a chip ``accelerator_efficiency.price_usd`` is.
PRICE_BASES = ("launch_list", "purchase")
#: Which price the data-centre price-performance fits use: the launch list price, else a purchase price near launch.
FIT_PRICE_BASES = ("launch_list", "purchase_near_launch")
#: How an accelerator's ``release_date`` is known (``accelerators.release_date_basis``): the day of the vendor's
#: announcement with specifications (launch later), the day it was announced and launched together (reviews or sales
#: that day), the launch day that secondary lists agree on with no earlier announcement found, the designers' paper
#: or talk, only the month (stored as the 1st), only the year (stored as 1 July), or one secondary database's date
#: that nothing else confirms.
RELEASE_DATE_BASES = ("announcement", "announcement_and_launch", "launch", "paper", "month_only", "year_only",
                      "unverified")
#: The bases of a release date that name a day (a 1st of the month among them is suspect: only the month known?).
RELEASE_DATE_DAY_BASES = ("announcement", "announcement_and_launch", "launch", "paper")
#: How the date an API price took effect is known (``inference_prices.effective_date_basis``): the provider's
#: launch post or price announcement, a dated price history (llm-prices, genai-prices), Epoch AI's price
#: sheet's `Price date`, or the first month Artificial Analysis' monthly prices show it.
EFFECTIVE_DATE_BASES = ("provider_announcement", "price_history", "price_sheet_date", "first_seen_monthly")
#: Hosts of content-farm sites (generated "guide" pages that print invented or contradictory figures), which a
#: row may not cite: each with the reason it is on the list, as reviewed. A site is added here only on evidence of
#: invented or self-contradictory figures, not for being a secondary source.
CONTENT_FARM_HOSTS = {
    "chatforest.com": "its Claude Sonnet 5 launch page prints invented prices (Claude Opus 4.8 at $10 / $50 per "
                      "MTok, Anthropic's $5 / $25; Claude Haiku 4.5 at $0.80 / $4, Anthropic's $1 / $5); "
                      "issue 31, sample of the 2026 prices",
    "deploybase.ai": "its RunPod pricing guide labels RunPod's on-demand prices as spot and prints higher "
                     "on-demand prices beside them (H100 SXM 'spot' $2.69, 'on-demand' $4.76), while its own spot "
                     "guide gives $2.69 as on-demand; issue 31, sample of the 2026 prices",
    "aiunpacker.com": "its Claude API guide dated May 2026 gives Claude Sonnet 4.6 an August 2026 knowledge "
                      "cutoff, after the page's own date; issue 31, sample of the 2026 prices",
}
#: How a cloud price is sold.
PRICING_MODELS = ("on_demand", "commit_1y", "commit_3y", "spot")

# --- models, training runs and costs --------------------------------------------------------------------------------

#: Main domains of a model.
DOMAINS = ("language", "vision", "multimodal", "speech", "games", "biology", "science", "robotics", "other")
#: How a training run's compute was obtained.
COMPUTE_ESTIMATION_METHODS = ("reported", "parameters_tokens", "operation_counting", "hardware_time", "comparison",
                              "mixed")
#: Epoch AI's confidence labels of a compute figure.
COMPUTE_CONFIDENCES = ("confident", "likely", "speculative")
#: Who reports a benchmark result.
EVALUATOR_KINDS = ("developer", "third_party")
#: How a benchmark's answers are given, which sets its chance level: a choice among listed options, an answer
#: from a fixed closed set (1000 classes, the integers 0-999), a free-form answer checked for correctness, or an
#: index stitched from other scores (no chance level).
ANSWER_FORMATS = ("multiple_choice", "closed_set", "free_form", "index")
#: Kinds of training-cost estimate.
COST_KINDS = ("cloud", "amortized", "upfront")
#: The training-cost methods of ``training_cost_methods``: ours and Cottier et al.'s.
COST_METHODS = ("ours-cloud", "ours-ownership", "cottier-cloud", "cottier-amortized")

# --- inference ------------------------------------------------------------------------------------------------------

#: What a measured energy covers: the GPUs alone (ML.ENERGY reads the GPUs' counters) or the whole system at the
#: wall (MLPerf Inference power).
ENERGY_SCOPES = ("gpu_only", "whole_system")
#: Model size classes by active parameters (``inference_energy_summary``).
SIZE_CLASSES = ("small", "medium", "large")

# --- techniques -----------------------------------------------------------------------------------------------------

#: What a technique's result measures, with the name a reader sees.
TECHNIQUE_METRICS = {"speedup": "Speed-up", "memory_reduction": "Memory reduction", "energy_saving": "Energy saving",
                     "parameter_reduction": "Parameter reduction", "cost_reduction": "Cost reduction"}
#: What a technique applies to.
TECHNIQUE_CATEGORIES = ("training", "inference", "both")

# --- how readers name the codes ----------------------------------------------------------------------------------------

#: The name a reader sees for a code of a vocabulary, by column (the entity pages' tables show these; the data keep
#: the codes).
READER_NAMES: dict[str, dict[str, str]] = {
    "kind": {"gpu": "GPU", "tpu": "TPU", "asic": "ASIC", "wafer_scale": "wafer-scale engine"},
    "market_segment": {"data_centre": "data centre", "workstation": "workstation", "consumer": "consumer"},
    "tdp_kind": {"vendor_tdp": "the vendor's TDP", "derived": "derived (the vendor publishes none)",
                 "measured": "measured"},
    "precision": {p: p.upper() for p in PRECISIONS},
    "change_kind": {"added": "row added", "changed": "changed", "removed": "removed"},
    "pricing_model": {"on_demand": "on demand", "commit_1y": "1-year commitment", "commit_3y": "3-year commitment",
                      "spot": "spot"},
    "evaluator_kind": {"developer": "the developer", "third_party": "a third party"},
    "energy_scope": {"gpu_only": "GPUs only", "whole_system": "whole system"},
    # how a catalogue figure of training compute was estimated (training_runs.compute_estimation_method, shown
    # in the entity pages' "how" column)
    "how": {"hardware_time": "chips × hours × utilization (from the developer's hardware figures)",
            "parameters_tokens": "6 × parameters × training tokens",
            "operation_counting": "FLOP per example (counted from the architecture) × examples seen",
            "reported": "reported by the developer",
            "mixed": "several methods combined", "comparison": "by comparison with similar models"},
    "release_date_basis": {"announcement": "the announcement", "announcement_and_launch": "announced and launched that day",
                           "launch": "the launch day (an earlier announcement not checked)",
                           "paper": "the designers' paper", "month_only": "the month only", "year_only": "the year only",
                           "unverified": "one database's date, unverified"},
    # accelerators.value_basis: how each value of a row is known (entries `column:basis`, `*` for every column)
    "value_basis": {"datasheet": "the datasheet", "secondary": "a secondary source",
                    "assumed_sibling": "a sibling chip's (no source of its own)"},
    "chip_hours_basis": {"count_x_duration": "chips × training time",
                         "compute_over_peak_rate": "compute ÷ (peak rate × utilization)"},
    "score_unit": {"percent": "percent", "index_points": "index points", "elo_points": "Elo points"},
    "metric": {k: v.lower() for k, v in TECHNIQUE_METRICS.items()},
    # MLPerf Training's benchmarks as MLCommons' tables name them
    "mlperf_benchmark": {"resnet": "ResNet-50", "bert": "BERT", "llama2_70b_lora": "Llama 2 70B LoRA",
                         "llama31_405b": "Llama 3.1 405B", "llama31_8b": "Llama 3.1 8B", "dlrm_dcnv2": "DLRM DCNv2",
                         "dlrm": "DLRM", "minigo": "MiniGo", "rnnt": "RNN-T", "ssd": "SSD", "maskrcnn": "Mask R-CNN",
                         "unet3d": "3D U-Net", "retinanet": "RetinaNet", "rgat": "R-GAT", "flux1": "FLUX.1",
                         "gpt3": "GPT-3 175B", "stable_diffusion": "Stable Diffusion"},
    "method_id": {"ours-ownership": "owning the hardware (this atlas's cost model)",
                  "ours-cloud": "renting it in the cloud (this atlas's cloud prices)",
                  "cottier-amortized": "amortized hardware and energy (Cottier et al. 2024's method)",
                  "cottier-cloud": "cloud rental (Cottier et al. 2024's method)"},
    "price_basis": {"launch_list": "launch list price", "purchase": "earliest purchase price"},
    "price_kind": {"list": "list price", "reported_purchase": "reported purchase", "estimate": "analyst estimate"},
}

# --- trends ---------------------------------------------------------------------------------------------------------

#: The bases of the compute-efficiency model (``compute_efficiency.basis``), with the name a reader sees.
EFFICIENCY_BASES = {
    "hardware": "Hardware alone",
    "hardware_and_algorithms": "Hardware and algorithms (published algorithmic rate)",
    "hardware_and_measured_algorithms": "Hardware and algorithms (this atlas's algorithmic rate)",
    "measured_prices": "Measured prices",
}

#: Whose estimate a row of ``trend_comparison`` is.
ESTIMATE_ORIGINS = ("ours", "published")

#: Which era an algorithmic-progress fit's models come from (``algorithmic_progress.era``).
ALGORITHMIC_ERAS = ("pre_reasoning", "reasoning")

# --- claims ---------------------------------------------------------------------------------------------------------

#: What a claim is about.
CLAIM_TOPICS = ("capability", "hardware", "costs", "inference", "techniques")
#: How a claimed figure reads.
CLAIM_FORMS = ("about", "range", "at_least", "up_to")
#: Verdicts on a claim (``compute_atlas.stats.claims.verdict``).
CLAIM_VERDICTS = ("holds", "holds in part", "does not hold", "cannot be checked")
#: Why a claim cannot be checked (``claim_checks.uncheckable_reason``), in the order they are tested.
UNCHECKABLE_REASONS = {
    "derived_from_claim": "our evidence was derived from the claim itself (`claims.derived_from_claim`)",
    "different_quantity": "our evidence measures a different quantity from the claim's (`claims.source_quantity`)",
    "no_data": "the atlas has no data that measures the claim (`claims.settle_with` says what would)",
    "wrong_kind": "every point is evidence of the wrong kind (`claim_evidence.kind` is not the claim's "
                  "`evidence_kind`)",
    "too_wide": "every remaining point's interval is too wide to decide: it reaches past every finite end of the "
                "accepted range",
}
#: What a point of evidence is about (``claim_evidence.kind``) and what a claim is about (``claims.evidence_kind``).
EVIDENCE_KINDS = {
    "training": "training: its compute, speed, memory, energy or cost",
    "inference": "inference: serving a trained model",
    "reasoning_era": "a capability of the reasoning era, where post-training and test-time compute that the "
                     "training compute does not count raise scores",
}
#: Words of a technique result's task that say its phase, for a technique that applies to both
#: (``techniques.category = 'both'``): checked in this order, first match wins.
TASK_PHASE_WORDS = {"inference": ("inference", "serving", "decode", "decoding", "generation"),
                    "training": ("training", "fine-tuning", "pre-training")}
#: Why a point does not count for its claim's verdict (``claim_evidence.excluded``).
POINT_EXCLUSIONS = {
    "not_like_for_like": "not like-for-like (a vendor's basis: another precision)",
    "wrong_kind": "evidence of the wrong kind for the claim",
    "too_wide": "its interval is too wide to decide",
}
#: Columns of ``accelerator_efficiency`` that the rule ``accelerator_ratio`` may compare.
RATIO_METRICS = ("flop_per_s_per_watt", "peak_flop_per_s", "flop_per_s_per_usd_2024")


@dataclass(frozen=True)
class Rule:
    """How a claim is checked: in plain words, the relations it reads and the keys of its ``check_subset``."""

    description: str
    reads: tuple[str, ...]
    keys: tuple[str, ...] = ()


#: How a claim is checked (``claims.check_rule``): each rule with its plain words, what it reads and the keys of
#: its ``check_subset``; ``pipeline/claim_evidence.py`` has one function per rule.
CLAIM_RULES: dict[str, Rule] = {
    "algorithmic_growth": Rule(
        "For each benchmark of the domain, the regression estimate of algorithmic progress (log-odds of the "
        "score on log compute and date, non-distilled models) as a growth factor per year, 2^(12 / halving "
        "months), with its interval.", ("algorithmic_progress", "benchmarks"), ("domain",)),
    "algorithmic_halving": Rule(
        "For each benchmark of the domain, the regression estimate of the halving time of the training compute "
        "needed for a fixed score, with its interval.", ("algorithmic_progress", "benchmarks"), ("domain",)),
    "hardware_doubling": Rule(
        "For each named trend fit of peak dense FLOP/s against release date, the doubling time in months, with "
        "its bootstrap interval.", ("trend_fits",), ("fits",)),
    "hardware_vs_algorithms": Rule(
        "For each benchmark of the domain, the hardware fit's doubling time over the benchmark's algorithmic "
        "halving time (above 1, hardware improves more slowly); the interval combines both intervals' ends.",
        ("trend_fits", "algorithmic_progress", "benchmarks"), ("fit", "domain")),
    "compute_share": Rule(
        "For each benchmark of the domain, the share of the growth of effective compute that physical compute "
        "gives: log(compute growth per year) over log(compute growth × algorithmic growth per year), with the "
        "frontier training-compute fit and the benchmark's regression estimate (Ho et al.'s simple accounting, "
        "not their Shapley decomposition).", ("trend_fits", "algorithmic_progress", "benchmarks"),
        ("fit", "domain")),
    "accelerator_ratio": Rule(
        "For each named pair of accelerators, the first's metric over the second's at the best dense 16-bit rate "
        "of each, BF16 or FP16 (like-for-like). Where either chip's fastest rate is of another format (FP8, FP4; "
        "INT8 for a chip without floating point), the ratio at each chip's fastest rate, the basis vendors "
        "quote, is kept beside it and does not count.", ("accelerator_efficiency",), ("metric", "pairs")),
    "rental_saving": Rule(
        "For each named pair (custom chip : GPU), the saving 1 - (custom price per hour / its peak 16-bit FLOP/s) / "
        "(GPU price per hour / its peak 16-bit FLOP/s), with the median price of each chip at the provider and "
        "pricing model; a pair counts only where the two chips' years of prices overlap.",
        ("cloud_prices", "accelerator_efficiency"), ("provider", "pricing", "pairs")),
    "training_cost": Rule(
        "For each named training run, its cost by each named cost method of `training_cost_methods` (nominal USD "
        "of the method's dollar year).", ("training_cost_methods",), ("runs", "methods")),
    "technique_effect": Rule(
        "Every measured effect of the named techniques on the metric (`technique_effects`, as a factor).",
        ("technique_effects",), ("metric", "techniques")),
    "electricity_price": Rule(
        "The industrial electricity price of each region of the country, in its latest year (the national "
        "average left out).", ("electricity",), ("country",)),
    "no_atlas_data": Rule(
        "None: the atlas has no data that measures the claim (`settle_with` says what would).", ()),
}
