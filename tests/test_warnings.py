"""Every warning rule of ``validate/rules.py`` fires on a minimal edit of the shipped datasets.

Warnings flag what a reviewer should confirm (a few real chips break the usual rate ratios), so some
fire on the shipped data. For a rule the shipped data does not trigger, the test asserts that silence;
for every rule, one edit adds exactly one warning of that rule, located at the edited line and column,
and changes nothing else.
"""

from __future__ import annotations

import inspect
import json
from collections import Counter

import pytest

from compute_atlas.schemas import relation
from compute_atlas.validate import plausibility, rules

from conftest import DATASETS, cli, edit_csv, read_rows, replace_rows, row_of

FP16_BF16 = "fp16_flop_per_s is more than 1.05 times bf16_flop_per_s"
FP8_BF16 = "fp8_flop_per_s is more than 2.2 times bf16_flop_per_s"
FP4_FP8 = "fp4_flop_per_s is more than 4.4 times fp8_flop_per_s"
BF16_TF32 = "bf16_flop_per_s is more than 2.2 times tf32_flop_per_s"
UNCITED = "entry is cited by no row"
CLOUD_PRICE = "price per accelerator-hour outside 0.05 to 100 USD"
CLOUD_PEERS = "price per accelerator-hour is more than 4 times the median of the same accelerator's cloud prices"
FP32_PER_USD = "FP32 FLOP/s per dollar far above the trend for its year"
COMPUTE_6ND = "training compute differs from 6 x parameters x tokens by more than 10x"
ARXIV_LATE = "publication_date is more than 7 days after the month of the arXiv identifier in source_url"
BIORXIV_LATE = "publication_date is more than 14 days after the day in the bioRxiv DOI of source_url"
ABOVE_PEAK = ("training compute exceeds what the chips could deliver at peak in the stated time "
              "(implied utilization above 1)")
BELOW_FLOOR = "implied utilization below 0.01 of the chips' peak"
CLAIM_VALUE = "unknown domain: no such row in benchmarks"
FP64_RATIO = ("FP64 / FP32 is none of the ratios real architectures have (1, 1/2, 1/3, 1/4, 1/5, 1/8, 1/12, 1/16, "
              "1/24, 1/32 or 1/64, within 2%)")
FP16_VECTOR = "on a chip without matrix units, FP16 / FP32 is none of 1/64, 1 or 2 (within 2%)"
FP16_TENSOR = "on a chip with matrix units, the FP16 tensor rate is below 2 times FP32"
REGION_OTHER = "the region is written in Azure's form, not Google Cloud's"
NAME_MEMORY = "the memory size in the name (40 GB) differs from memory_bytes by more than 10%"
PRICE_LONG_AFTER = "launch_price_date is more than 90 days after release_date"
REFRESH_TDP = "tdp_watts (200 W) equals that of nvidia-rtx-4070, the card this edition refreshes"
LAUNCH_UNSEARCHED = ("release_date_basis is launch, but notes do not say what was searched for an earlier "
                     "announcement")
SLOWER_SIBLING_TDP = ("tdp_watts (200 W) is below that of amd-hd-7950-boost (225 W), the same silicon (vendor, "
                      "segment, shaders, transistors) at a lower boost clock")
LAUNCH_AFTER_SIBLING = ("release_date (2019-11-22) is a launch day 24 days after nvidia-gtx-1660-super, a card of the "
                        "same vendor and die, was announced (2019-10-29)")
PRICE_ANNOUNCED = "price announced to take effect before the model's publication_date (training_runs.csv)"
POWER_MISMATCH = ("energy per output token × output tokens per second (the implied power) differs from "
                  "avg_power_watts by more than 1.5x")
DATED_RUN = "the run is a dated version of run `alexnet` (the same name with a month and year), a near-duplicate run"
TWIN_RUN = ("the run has the same organization, publication_date and training compute as run `yi-34b`: a near-duplicate "
            "run")
FRACTION = "score at or below 1 on a percent benchmark whose chance is 25: a 0-1 fraction not converted?"
FAR_SCORE = ("score differs by more than 50 points from the median (26.242) of the same run's other results on this "
             "benchmark")
SIZE = "the size in the version name ({}) differs from its run's parameters ({}) by more than 15%"
SIZE_RESULT = SIZE.format("2.3e+10", "2.35e+11")
SIZE_PRICE = SIZE.format("2.3e+09", "2.35e+11")
SIZE_ENERGY = SIZE.format("1.4e+09", "1.48e+10")
ALIAS = "the {} version is a moving alias (`-latest`): it names whatever the vendor serves today, not one model"
BEYOND_POWER = ("energy per output token × output tokens per second is 4.57 times the chips' rated power "
                "(accelerator_count × tdp_watts), outside 0.05 to 1.1")
TOKENS_6ND = ("the notes say the tokens are consistent with 6ND, but 6 x parameters x tokens differs from the compute "
              "by more than 25%")
AFTER_KEYNOTE = ("publication_date is after the keynote or announcement the row's notes date (2026-06-01): the "
                 "earliest of announcement and release is the publication")
BEFORE_BASE = "publication_date is before that of the base model `llama-3-1-70b` (2024-07-23) it was fine-tuned or derived from"
ROUNDED_WINDOW = ("context window is the rounded 'k' label of a power of two (4,096, 8,192, 16,384 or 32,768 "
                  "tokens), not a model's window")
PAPER_BEFORE_MODEL = ("the cited paper (arXiv, first version 2020-05) predates the model's publication_date (2022-01-27) "
                      "by more than 6 months: its result is of another model")
ARCHIVE_LAG = ("a reported_purchase price dated 123 days before the archive capture it cites (2025-03-04), more "
               "than 60")
FIRST_AS_DAY = "release_date is the 1st of a month, while release_date_basis (announcement) says the day is known"
MAJ_DROPPED = ("other results of the same source (Mixtral of Experts), benchmark and shots say majority voting "
               "(maj@8); this row's settings do not")
COT_DROPPED = ("other results of the same source (Model Card and Evaluations for Claude Models), benchmark and shots "
               "say chain-of-thought (CoT); this row's settings do not")
PRICE_PEERS = ("{} is more than 100 times off the median ({}) of the same model's other prices: a per-token or "
               "per-thousand-token price not converted, or converted twice?")

#: Rules that fire on the shipped data: none. What it trips on purpose (the AMD MI100's FP16/BF16, the Gaudi 3's
#: BF16/TF32, the Trainium3's FP8/BF16, four mixture-of-experts runs, three fine-tunes whose compute includes the
#: base model's) has a reviewed exception in check_exceptions.csv and is not shown; every other warning rule must
#: be silent on the shipped data, so that a build prints no warning that nobody acts on.
FIRES_ON_SHIPPED: set[str] = set()


def validate(datasets) -> list[dict]:
    result = cli("validate", "--format", "json", "--datasets", datasets)
    assert result.exit_code == 0, result.output  # warnings never fail validation
    report = json.loads(result.stdout)
    assert report["errors"] == 0
    return report["problems"]


def accelerator(datasets, accelerator_id, column, value):
    path = datasets / "accelerators.csv"
    return "accelerators.csv", edit_csv(path, row_of(path, "accelerator_id", accelerator_id), column, value), column


def fp16_above_bf16(d):
    # 1.11 × its BF16 9.894e14; an H100, since on an A100 the same edit also breaks GA100's tensor ratio (an error)
    return accelerator(d, "nvidia-h100-sxm5-80gb", "fp16_flop_per_s", "1.1e15")


def fp8_above_bf16(d):
    return accelerator(d, "nvidia-h100-sxm5-80gb", "fp8_flop_per_s", "2.5e15")  # 2.53 × its BF16 9.894e14


def fp4_above_fp8(d):
    return accelerator(d, "nvidia-b200", "fp4_flop_per_s", "2.5e16")  # 5.6 × its FP8 4.5e15


def bf16_above_tf32(d):
    # TF32 1.2e14 against BF16 3.12e14: 2.6 ×; the rule's column is the higher rate's
    _, line, _ = accelerator(d, "nvidia-a100-sxm4-80gb", "tf32_flop_per_s", "1.2e14")
    return "accelerators.csv", line, "bf16_flop_per_s"


def fp64_off_architecture(d):
    # the A10's FP64 at 1/48 of its FP32 3.12e13: no architecture has that ratio (Ampere GA10x runs 1/64)
    return accelerator(d, "nvidia-a10", "fp64_flop_per_s", "6.5e11")


def fp16_vector_off_ratio(d):
    # the GTX 1080's FP16 at 1.24 x FP32 (a boost-clock FP16 beside a base-clock FP32), not 1/64
    return accelerator(d, "nvidia-gtx-1080", "fp16_flop_per_s", "1.1e13")


def fp16_tensor_below_twice_fp32(d):
    # the Kunlun II's FP16 at 1.56 x its FP32 3.2e13 (a vector rate), not its matrix rate 1.28e14 (on an NVIDIA Volta,
    # Turing or Ampere die the same edit is an error of tensor-ratio-off-die; on a chip with BF16, of fp16 below bf16)
    return accelerator(d, "baidu-kunlun-ii", "fp16_flop_per_s", "5.0e13")


def first_of_month_as_day(d):
    # TPU v4's announcement (2021-05-18, Google I/O) stored as the month's 1st, a placeholder passed off as the day
    # (the Tesla K40, the earlier example, would now also date its same-die K40 sibling's launch after it)
    return accelerator(d, "google-tpu-v4", "release_date", "2021-05-01")


def region_of_other_provider(d):
    # a Google TPU v3 price in Azure's `eastus` (issue 27's example), not Google's us-central1
    path = d / "cloud_prices.csv"
    rows = read_rows(path)
    index = next(i for i, r in enumerate(rows) if (r["provider"], r["cloud_region"], r["accelerator_id"]) ==
                 ("Google Cloud", "us-central1", "google-tpu-v3"))
    return "cloud_prices.csv", edit_csv(path, index, "cloud_region", "eastus"), "cloud_region"


def launch_price_long_after_release(d):
    # the RTX 3090's launch price (release 2020-09-01) dated as a street price nine months later
    return accelerator(d, "nvidia-rtx-3090", "launch_price_date", "2021-06-01")


def refresh_tdp_equals_base(d):
    # the RTX 4070 SUPER given the plain RTX 4070's 200 W (NVIDIA rates the SUPER at 220 W)
    return accelerator(d, "nvidia-rtx-4070-super", "tdp_watts", "200")


def tdp_below_faster_sibling(d):
    # the R9 280 back at TechPowerUp's 200 W, under the slower HD 7950 Boost's 225 W on the same Tahiti (sample hw11 T1)
    return accelerator(d, "amd-r9-280", "tdp_watts", "200")


def launch_dated_after_sibling_announcement(d):
    # the GTX 1650 SUPER back at its on-sale day, though NVIDIA announced it with the GTX 1660 SUPER (tenth sample)
    path = d / "accelerators.csv"
    i = row_of(path, "accelerator_id", "nvidia-gtx-1650-super")
    edit_csv(path, i, "release_date_basis", "launch")
    # a launch basis records its search for an earlier announcement (else launch-date-unsearched warns too)
    edit_csv(path, i, "notes", "Date: on sale 2019-11-22; earlier announcement searched: none found.")
    return "accelerators.csv", edit_csv(path, i, "release_date", "2019-11-22"), "release_date"


def launch_date_unsearched(d):
    # a launch-day date whose notes say nothing of a search for an earlier announcement (issue 27, class 6)
    path = d / "accelerators.csv"
    i = row_of(path, "accelerator_id", "nvidia-gtx-465")
    return "accelerators.csv", edit_csv(path, i, "notes", "Date: launched per two secondary lists."), \
        "release_date_basis"


def name_memory_differs(d):
    # the A100 40 GB row given the 80 GB variant's memory
    return accelerator(d, "nvidia-a100-sxm4-40gb", "memory_bytes", "8.0e10")


def uncited_entry(d):
    with (d / "references.bib").open("a", encoding="utf-8") as f:
        f.write("\n@misc{testuncited2026,\n  author = {{Test Author}},\n  title = {Cited by no row},\n"
                "  year = {2026}\n}\n")
    return "references.bib", None, None


def cloud_price_out_of_range(d):
    return "cloud_prices.csv", edit_csv(d / "cloud_prices.csv", 0, "price_usd_per_hour", "150"), "price_usd_per_hour"


def cloud_price_far_above_peers(d):
    # a row without an 'instance price $X/h / N GPUs' note (that would also be an error), made 10 times the
    # highest price of its chip: an undivided instance price that the 0.05 to 100 USD range lets through
    path = d / "cloud_prices.csv"
    rows = read_rows(path)
    h100 = [r for r in rows if r["accelerator_id"] == "nvidia-h100-sxm5-80gb"]
    index = next(i for i, r in enumerate(rows) if r in h100 and "instance price" not in r["notes"])
    value = round(min(10 * max(float(r["price_usd_per_hour"]) for r in h100), 99), 2)
    return "cloud_prices.csv", edit_csv(path, index, "price_usd_per_hour", str(value)), "price_usd_per_hour"


def fp32_per_usd_above_trend(d):
    # 1.03e12 FLOP/s for $1 in 2009, against a ceiling of 1e10 × 1.5 = 1.5e10 per dollar
    return accelerator(d, "nvidia-tesla-c2050", "launch_price_usd", "1")


def compute_far_from_6nd(d):
    path = d / "training_runs.csv"
    # Chinchilla's reported compute 30 times 6 x 70e9 x 1.4e12 = 5.88e23 (on a run labelled parameters_tokens any
    # distance from 6ND is the error compute-off-its-6nd, so the warning is for the other methods)
    line = edit_csv(path, row_of(path, "run_id", "chinchilla-70b"), "training_compute_flop", "1.7e25")
    return "training_runs.csv", line, "training_compute_flop"


def run(d, run_id, column, value):
    path = d / "training_runs.csv"
    return "training_runs.csv", edit_csv(path, row_of(path, "run_id", run_id), column, value), column


def publication_after_arxiv_month(d):
    # Yuan 1.0 (arXiv 2110.04725, v1 2021-10-10) dated a month later, as a later version or the journal would date it
    # (LaMDA, the earlier example, now has a derivative whose base-date check would fire too)
    return run(d, "yuan-1-0", "publication_date", "2021-11-12")


def publication_after_biorxiv_doi_date(d):
    # ProtBert-BFD (bioRxiv 10.1101/2020.07.12.199554, v1 2020-07-13) dated at v3, 2021-05-04, as Epoch AI had it
    return run(d, "protbert-bfd", "publication_date", "2021-05-04")


def compute_above_peak(d):
    # Pangu-Weather: 3.98e22 FLOP on 192 V100 in 38.4 h instead of 1,536 h is several times their peak
    return run(d, "pangu-weather", "training_duration_hours", "38.4")


def utilization_below_floor(d):
    # the same run on 7,680 GPUs (forty times its 192) for its 1,536 h: under 1 % of peak (the check reports
    # the duration, the column it is declared on)
    file, line, _ = run(d, "pangu-weather", "accelerator_count", "7680")
    return file, line, "training_duration_hours"


def power_off_implied(d):
    # 1.36626 J/token × 234.061 tokens/s = 319.8 W; twice that, as if the power were counted twice
    path = d / "inference_energy.csv"
    row = row_of(path, "energy_id", "mlenergy-gpqa-qwen3-14b-b200-1gpu-tp1-b8")
    return "inference_energy.csv", edit_csv(path, row, "avg_power_watts", "639.6"), "avg_power_watts"


def price_announced_before_release(d):
    # Claude 2 (published 2023-07-11) with a price the provider announced for January 2023: only an
    # announcement can date a price before its model, and a reviewer confirms it
    path = d / "inference_prices.csv"
    row = row_of(path, "price_id", "anthropic-claude-2-2024-08-12")
    edit_csv(path, row, "effective_date_basis", "provider_announcement")
    edit_csv(path, row, "effective_date_source", "anthropic2023claude2")  # an announcement cites the provider's post
    return "inference_prices.csv", edit_csv(path, row, "effective_date", "2023-01-01"), "effective_date"


def claim_value_unknown(d):
    # a domain no benchmark has: the rule would find no point (a value of the data, not an id: a warning)
    path = d / "claims.csv"
    row = row_of(path, "claim_id", "lm-compute-halving-8-months")
    return "claims.csv", edit_csv(path, row, "check_subset", "domain=languages"), "check_subset"



# --- issue 28: models, versions, results, energy and prices ------------------------------------------------

def _edit(d, file, key_column, key, column, value):
    path = d / file
    return file, edit_csv(path, row_of(path, key_column, key), column, value), column


def dated_run(d):
    # a run (referenced by no other row) renamed to a dated version of AlexNet, as Epoch AI lists dated versions
    return _edit(d, "training_runs.csv", "run_id", "4-layer-qrnn-h-2500", "run_id", "alexnet-sep-2012")


def twin_run(d):
    # Yi-6B (same organization and date as Yi-34B) given Yi-34B's compute, as a second source's row of one model
    twin = next(r for r in read_rows(d / "training_runs.csv") if r["run_id"] == "yi-34b")
    file, line, _ = run(d, "yi-6b", "training_compute_flop", twin["training_compute_flop"])
    return file, line, "run_id"  # the check points at the run, the later of the two by run_id


def fraction_on_percent(d):
    # Nova Lite's only MMLU result as a 0-1 fraction
    return _edit(d, "benchmark_results.csv", "benchmark_result_id", "mmlu-amazon-nova-lite-v1-0-helm", "score", "0.8")


def far_score(d):
    # one of GPT-J's three MMLU results (25 to 27) at 85
    return _edit(d, "benchmark_results.csv", "benchmark_result_id", "mmlu-gpt-j-6b-x24", "score", "85")


def size_result(d):
    # a 23B version on the 235B Qwen3 run
    return _edit(d, "benchmark_results.csv", "benchmark_result_id", "gpqa-diamond-qwen3-235b-a22b-epoch",
                 "model_version", "qwen3-23b")


def size_price(d):
    # a 2.3B version on the 235B Qwen3 run
    return _edit(d, "inference_prices.csv", "price_id", "fireworks-ai-qwen3-235b-a22b-2026-08-21", "model_version",
                 "qwen3-2.3b")


def size_energy(d):
    return _edit(d, "inference_energy.csv", "energy_id", "mlenergy-gpqa-qwen3-14b-b200-1gpu-tp1-b8", "model_version",
                 "Qwen/Qwen3-1.4B")


def alias_result(d):
    return _edit(d, "benchmark_results.csv", "benchmark_result_id", "gpqa-diamond-gemini-3-flash-preview-epoch",
                 "model_version", "gemini-flash-latest")


def alias_price(d):
    return _edit(d, "inference_prices.csv", "price_id", "anthropic-claude-2-2024-08-12", "model_version",
                 "claude-2-latest")


def alias_energy(d):
    return _edit(d, "inference_energy.csv", "energy_id", "mlenergy-gpqa-qwen3-14b-b200-1gpu-tp1-b8", "model_version",
                 "Qwen/Qwen3-14B:latest")


def beyond_power(d):
    # ML.ENERGY's 320 W configuration on one 70 W T4
    file, line, _ = _edit(d, "inference_energy.csv", "energy_id", "mlenergy-gpqa-qwen3-14b-b200-1gpu-tp1-b8",
                          "accelerator_id", "nvidia-t4")
    return file, line, "energy_per_output_token_joules"


def price_peers_input(d):
    # GPT-4o's $5 per million input tokens as if it were per thousand
    return _edit(d, "inference_prices.csv", "price_id", "openai-gpt-4o-2024-05-13-2024-05-13", "input_usd_per_mtok",
                 "5000")


def majority_vote_dropped(d):
    # one of the Mixtral paper's six GSM8K results (8-shot maj@8) with its protocol dropped, as the hub's record has it
    # (issue 28, third sample, class F)
    return _edit(d, "benchmark_results.csv", "benchmark_result_id", "gsm8k-llama-2-7b-x18", "settings", "")


def chain_of_thought_dropped(d):
    # Claude 1.3's MMLU result from the Claude 2 model card (5-shot CoT, like Claude 2.0's beside it) with the
    # protocol dropped and nothing in its notes to say so (issue 28, chain-of-thought class)
    path = d / "benchmark_results.csv"
    i = row_of(path, "benchmark_result_id", "mmlu-claude-1-3-x44")
    edit_csv(path, i, "notes", "Epoch AI Benchmarking Hub external record; score converted from a 0-1 fraction to percent")
    return "benchmark_results.csv", edit_csv(path, i, "settings", ""), "settings"


def result_of_later_model(d):
    # GPT-3's HellaSwag score from the GPT-3 paper filed under InstructGPT again (issue 28, second sample)
    return _edit(d, "benchmark_results.csv", "benchmark_result_id", "hellaswag-text-davinci-001-x37", "run_id",
                 "instructgpt-175b")


def price_peers_output(d):
    return _edit(d, "inference_prices.csv", "price_id", "openai-gpt-4o-2024-05-13-2024-05-13", "output_usd_per_mtok",
                 "15000")


def tokens_claimed_6nd_off(d):
    # XGLM 7.5B's 500B tokens times 0.6, as if a dataset size counting the tokens trained were multiplied by epochs
    # again (issue 28 class 2, BloombergGPT's 569B x 0.8); its notes say "consistent with 6ND"
    # (its method set to reported: on parameters_tokens, any distance from 6ND is the error compute-off-its-6nd)
    path = d / "training_runs.csv"
    edit_csv(path, row_of(path, "run_id", "xglm-7-5b"), "compute_estimation_method", "reported")
    return _edit(d, "training_runs.csv", "run_id", "xglm-7-5b", "training_tokens", "3e11")


def derivative_before_base(d):
    # Llama-3.1-Nemotron-70B-Instruct at Epoch AI's 2024-06-12 (HelpSteer2's arXiv date), before Llama 3.1 70B
    # (issue 28 class 1)
    return _edit(d, "training_runs.csv", "run_id", "llama-3-1-nemotron-70b-instruct", "publication_date", "2024-06-12")


def published_after_keynote(d):
    # Nemotron 3 Ultra back at its model card's 'Release Date' (2026-06-04), after the Computex keynote of
    # 2026-06-01 its notes name (issue 31 class C)
    return _edit(d, "training_runs.csv", "run_id", "nemotron-3-ultra", "publication_date", "2026-06-04")


def rounded_window(d):
    # GPT-4's 8,192-token window as the Epoch AI price sheet's '8k context' label (issue 28 class 3)
    return _edit(d, "inference_prices.csv", "price_id", "openai-gpt-4-0314-2023-03-14", "context_window_tokens",
                 "8000")


def price_long_before_capture(d):
    # the RTX 3080's marketplace price (captured 2025-03-04) dated four months earlier, as if at another source's date
    return _edit(d, "hardware_prices.csv", "accelerator_id", "nvidia-rtx-3080", "price_date", "2024-11-01")


EDITS = {
    FP16_BF16: fp16_above_bf16,
    FP8_BF16: fp8_above_bf16,
    FP4_FP8: fp4_above_fp8,
    BF16_TF32: bf16_above_tf32,
    FP64_RATIO: fp64_off_architecture,
    FP16_VECTOR: fp16_vector_off_ratio,
    FP16_TENSOR: fp16_tensor_below_twice_fp32,
    REGION_OTHER: region_of_other_provider,
    NAME_MEMORY: name_memory_differs,
    PRICE_LONG_AFTER: launch_price_long_after_release,
    REFRESH_TDP: refresh_tdp_equals_base,
    SLOWER_SIBLING_TDP: tdp_below_faster_sibling,
    LAUNCH_AFTER_SIBLING: launch_dated_after_sibling_announcement,
    LAUNCH_UNSEARCHED: launch_date_unsearched,
    FIRST_AS_DAY: first_of_month_as_day,
    UNCITED: uncited_entry,
    CLOUD_PRICE: cloud_price_out_of_range,
    CLOUD_PEERS: cloud_price_far_above_peers,
    FP32_PER_USD: fp32_per_usd_above_trend,
    COMPUTE_6ND: compute_far_from_6nd,
    ARXIV_LATE: publication_after_arxiv_month,
    BIORXIV_LATE: publication_after_biorxiv_doi_date,
    ABOVE_PEAK: compute_above_peak,
    BELOW_FLOOR: utilization_below_floor,
    POWER_MISMATCH: power_off_implied,
    PRICE_ANNOUNCED: price_announced_before_release,
    CLAIM_VALUE: claim_value_unknown,
    DATED_RUN: dated_run,
    TWIN_RUN: twin_run,
    FRACTION: fraction_on_percent,
    FAR_SCORE: far_score,
    SIZE_RESULT: size_result,
    SIZE_PRICE: size_price,
    SIZE_ENERGY: size_energy,
    ALIAS.format("evaluated"): alias_result,
    ALIAS.format("priced"): alias_price,
    ALIAS.format("measured"): alias_energy,
    BEYOND_POWER: beyond_power,
    PRICE_PEERS.format("input_usd_per_mtok", "2.5"): price_peers_input,
    PRICE_PEERS.format("output_usd_per_mtok", "10"): price_peers_output,
    ROUNDED_WINDOW: rounded_window,
    TOKENS_6ND: tokens_claimed_6nd_off,
    BEFORE_BASE: derivative_before_base,
    AFTER_KEYNOTE: published_after_keynote,
    ARCHIVE_LAG: price_long_before_capture,
    PAPER_BEFORE_MODEL: result_of_later_model,
    MAJ_DROPPED: majority_vote_dropped,
    COT_DROPPED: chain_of_thought_dropped,
}


@pytest.fixture(scope="module")
def shipped() -> list[dict]:
    return validate(DATASETS)


def counts(problems) -> Counter:
    return Counter(p["rule"] for p in problems if p["severity"] == "warning")


#: The declared checks that warn, each with its rule's text in EDITS (the claim subset check warns for a value
#: the data do not hold; the uncited-entry warning is a rule of rules.py).
WARNING_CHECKS = {"fp16-over-bf16-ratio": FP16_BF16, "fp8-over-bf16-ratio": FP8_BF16, "fp4-over-fp8-ratio": FP4_FP8,
                  "bf16-over-tf32-ratio": BF16_TF32, "fp32-per-usd-above-trend": FP32_PER_USD,
                  "compute-far-from-6nd": COMPUTE_6ND,
                  "publication-after-arxiv-month": ARXIV_LATE, "compute-above-peak": ABOVE_PEAK,
                  "publication-after-biorxiv-doi-date": BIORXIV_LATE,
                  "utilization-below-floor": BELOW_FLOOR, "power-vs-energy-per-token": POWER_MISMATCH,
                  "cloud-price-per-instance": CLOUD_PRICE, "cloud-price-far-above-peers": CLOUD_PEERS,
                  "fp64-ratio-off-architecture": FP64_RATIO,
                  "fp16-ratio-without-matrix-units": FP16_VECTOR, "fp16-tensor-below-twice-fp32": FP16_TENSOR,
                  "cloud-region-of-other-provider": REGION_OTHER, "name-memory-differs": NAME_MEMORY,
                  "launch-price-long-after-release": PRICE_LONG_AFTER, "refresh-tdp-equals-base": REFRESH_TDP,
                  "tdp-below-faster-sibling": SLOWER_SIBLING_TDP,
                  "launch-dated-after-sibling-announcement": LAUNCH_AFTER_SIBLING,
                  "launch-date-unsearched": LAUNCH_UNSEARCHED,
                  "release-date-first-as-day": FIRST_AS_DAY,
                  "price-announced-before-release": PRICE_ANNOUNCED,
                  "run-dated-version-of-another": DATED_RUN, "run-twin-of-another": TWIN_RUN,
                  "fraction-on-percent-scale": FRACTION,
                  "score-far-from-own-results": FAR_SCORE, "benchmark-results-version-size-vs-parameters": SIZE_RESULT,
                  "inference-prices-version-size-vs-parameters": SIZE_PRICE,
                  "inference-energy-version-size-vs-parameters": SIZE_ENERGY,
                  "benchmark-results-version-is-alias": ALIAS.format("evaluated"),
                  "inference-prices-version-is-alias": ALIAS.format("priced"),
                  "inference-energy-version-is-alias": ALIAS.format("measured"),
                  "energy-beyond-chip-power": BEYOND_POWER,
                  "input-price-far-from-peers": PRICE_PEERS.format("input_usd_per_mtok", "2.5"),
                  "output-price-far-from-peers": PRICE_PEERS.format("output_usd_per_mtok", "10"),
                  "context-window-rounded-label": ROUNDED_WINDOW, "tokens-claimed-6nd-off": TOKENS_6ND,
                  "derivative-before-base": BEFORE_BASE, "publication-after-announcement": AFTER_KEYNOTE,
                  "price-long-before-archive-capture": ARCHIVE_LAG,
                  "result-cites-paper-before-model": PAPER_BEFORE_MODEL,
                  "majority-vote-dropped": MAJ_DROPPED, "chain-of-thought-dropped": COT_DROPPED}


def test_every_warning_rule_has_an_edit():
    declared = {c.name for c in plausibility.ALL_CHECKS if c.severity == "warning"}
    assert declared == set(WARNING_CHECKS), "a warning check was added or removed: update WARNING_CHECKS and EDITS"
    assert set(WARNING_CHECKS.values()) | {UNCITED, CLAIM_VALUE} == set(EDITS)
    # a tripwire for the warnings that are not declared checks
    assert inspect.getsource(rules).count('"warning")') == 1


def test_shipped_warnings_come_from_known_rules(shipped):
    assert set(counts(shipped)) == FIRES_ON_SHIPPED
    assert all(p["severity"] == "warning" for p in shipped)


@pytest.mark.parametrize("rule", list(EDITS))
def test_warning_fires_on_a_minimal_edit(rule, shipped, datasets):
    before = counts(shipped)
    if rule not in FIRES_ON_SHIPPED:
        assert before[rule] == 0, f"the shipped data triggers {rule!r}"
    file, line, column = EDITS[rule](datasets)
    problems = validate(datasets)
    after = counts(problems)
    assert after[rule] == before[rule] + 1
    assert after - Counter({rule: 1}) == before  # nothing else changed
    new = [p for p in problems if p["rule"] == rule and p not in shipped]
    assert len(new) == 1
    assert (new[0]["file"], new[0]["line"], new[0]["column"], new[0]["severity"]) == (file, line, column, "warning")
    assert new[0]["hint"]


# --- reviewed exceptions (check_exceptions.csv) ------------------------------------------------------------

def exception_line(datasets, check, key) -> int:
    rows = read_rows(datasets / "check_exceptions.csv")
    return next(i for i, r in enumerate(rows) if (r["check_name"], r["row_key"]) == (check, key)) + 2


def same_key(parts: list[str], key: list[str]) -> bool:
    """A CSV row's key parts against an exception's `a | b | c` (a number as DuckDB writes it: 19948 is 19948.0)."""
    def one(a: str, b: str) -> bool:
        try:
            return a == b or float(a) == float(b)
        except ValueError:
            return False
    return len(parts) == len(key) and all(one(a, b) for a, b in zip(parts, key))


def test_every_shipped_exception_silences_a_warning(shipped):
    # none is stale, and the rows they name do not show
    assert not [p for p in shipped if p["file"] == "check_exceptions.csv"]
    accepted = {(r["check_name"], r["row_key"]) for r in read_rows(DATASETS / "check_exceptions.csv")}
    assert len(accepted) >= 10
    shown = {(p["check"], p["file"], p["line"]) for p in shipped}
    for check, key in accepted:
        table = plausibility.BY_NAME[check].table
        file, cols = table + ".csv", relation(table).key
        rows = read_rows(DATASETS / file)
        index = next(i for i, r in enumerate(rows) if same_key([r[c] for c in cols if r[c]], key.split(" | ")))
        assert (check, file, index + 2) not in shown, (check, key)


def test_an_exception_silences_exactly_its_row(datasets):
    # the MI100's FP16/BF16 has an exception; the same ratio on the H100 still warns
    fp16_above_bf16(datasets)
    problems = validate(datasets)
    hits = [p for p in problems if p["rule"] == FP16_BF16]
    a100 = row_of(datasets / "accelerators.csv", "accelerator_id", "nvidia-h100-sxm5-80gb") + 2
    assert [(p["line"], p["check"]) for p in hits] == [(a100, "fp16-over-bf16-ratio")]
    # without its exception the MI100 warns again
    path = datasets / "check_exceptions.csv"
    rows = [r for r in read_rows(path) if r["row_key"] != "amd-mi100"]
    replace_rows(path, rows)
    mi100 = row_of(datasets / "accelerators.csv", "accelerator_id", "amd-mi100") + 2
    assert sorted(p["line"] for p in validate(datasets) if p["rule"] == FP16_BF16) == sorted([a100, mi100])


def test_a_stale_exception_is_reported(datasets):
    # the MI100 given BF16 at its FP16 rate: the warning goes, and its exception is reported as stale
    line = exception_line(datasets, "fp16-over-bf16-ratio", "amd-mi100")
    accelerator(datasets, "amd-mi100", "bf16_flop_per_s", "1.846e14")
    stale = [p for p in validate(datasets) if p["file"] == "check_exceptions.csv"]
    assert [(p["line"], p["column"], p["value"], p["severity"]) for p in stale] == \
        [(line, "row_key", "amd-mi100", "warning")]
    assert "stale exception" in stale[0]["rule"]


def test_an_exception_of_an_error_is_refused(datasets):
    path = datasets / "check_exceptions.csv"
    rows = read_rows(path)
    rows[0]["check_name"] = "bf16-below-fp32"
    replace_rows(path, rows)
    result = cli("validate", "--format", "json", "--datasets", datasets)
    assert result.exit_code == 2
    errors = [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]
    assert [(p["file"], p["line"], p["column"], p["value"]) for p in errors] == \
        [("check_exceptions.csv", 2, "check_name", "bf16-below-fp32")]
    assert "only a warning" in errors[0]["rule"]


def test_the_contributing_guide_lists_every_check_and_exception(built):
    import duckdb

    from compute_atlas.site.pages import checks_md

    con = duckdb.connect(str(built / "compute_atlas.duckdb"), read_only=True)
    page = checks_md(con)
    for check in plausibility.ALL_CHECKS:
        assert f"* - `{check.name}`" in page
    assert "more than 7 days after the month" in page  # a parameter's value, not its placeholder
    for r in read_rows(DATASETS / "check_exceptions.csv"):
        assert f"* - `{r['check_name']}`\n  - `{r['row_key']}`" in page


def test_every_declared_check_names_real_tables_and_columns():
    import re

    from compute_atlas.schemas import relation

    for check in plausibility.ALL_CHECKS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", check.name), check.name
        assert check.column in relation(check.table).schema.columns, check.name
        for table in check.reads:
            relation(table)
        assert set(check.parameters) <= set(plausibility.VALIDATION_PARAMETERS)
    shipped = {r["parameter_id"] for r in read_rows(DATASETS / "parameters.csv")}
    assert set(plausibility.VALIDATION_PARAMETERS) <= shipped


def test_placeholders_fill_only_known_names():
    from compute_atlas.validate.declared import fill

    assert fill("x > {floor:g} AND y ~ '[0-9]{4}' {other}", {"floor": 0.01}) == "x > 0.01 AND y ~ '[0-9]{4}' {other}"
