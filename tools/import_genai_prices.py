"""Propose `inference_prices` rows from a snapshot of pydantic/genai-prices' ``data.json`` (v2), as a reviewable diff.

pydantic/genai-prices (MIT) keeps ``prices/new_data/v2/data.json``: a list of providers, each with its pricing
page URLs and its models, each model with prices per million tokens (``input_mtok``, ``output_mtok``,
``cache_read_mtok``, ...). A model's ``prices`` is either one price list or a list of price lists with
conditions: a ``start_date`` (the list applies from that day: a price history) or a time of day
(``start_time``/``end_time``, an off-peak discount). This tool maps the price each mapped model had on the
snapshot's date to a row of ``datasets/inference_prices.csv`` and prints what it would add or change:

    + a row to add                       (the row as it would be written)
    ~ a value a new snapshot revised     (a row this tool wrote, same provider, model and price record)
    = rows already present               (a count: the same prices are recorded for the same price record,
                                          or are the latest recorded for that model at that provider)
    # a curated row that differs         (edited or cited by hand after import: reported, never overwritten)
    ! a record left out, and why         (unmapped provider or model, no token price, a time-of-day price,
                                          a list superseded before or starting after the snapshot date)

How a record becomes a row:

* provider and model map through ``PROVIDERS`` and ``MODELS`` (below) to ``provider``, ``run_id`` and
  ``model_version`` (genai-prices' model id, the name the vendor sells it under); an unmapped one is listed
  with ``!``, never guessed.
* ``observed_date`` is the snapshot's date (``--snapshot-date``: the date of the commit the file was read at).
* the price list in effect on that date is used: the last time-bounded list whose ``start_date`` is on or
  before it, else the unconditional list. ``effective_date`` is set only from a time-bounded list's start
  (basis ``price_history``, source this file); otherwise it stays empty.
* a price by context length (``{"base": ..., "tiers": [...]}``) is recorded at its base, the shortest-context
  tier, and the notes give the higher tiers.
* input, output and cached (cache-read) input prices; ``source_url`` is the provider's first pricing URL.
* ``context_window_tokens`` is the model's ``context_window``, left empty (and the notes say why) where other
  rows of that model at that provider give another window.

With ``--git-history GIT_DIR`` (a clone or bare mirror of genai-prices), an addition that the snapshot does not date
gets the day of the first commit of ``prices/providers`` whose file holds its price as the one in effect then
(first seen: an upper bound of when it took effect; basis ``price_history``, source ``HISTORY_KEY``, the commit's
URL in the notes). Commits after the snapshot date are not read.

Nothing is written unless ``--write`` is given; then the additions are appended and the revised prices set.
It is a curation aid kept out of the build: the build and the tests never read the reference snapshot.

Usage:
    python tools/import_genai_prices.py data.json --snapshot-date 2026-08-21 [--revision 47df840]
        [--datasets DIR] [--git-history GIT_DIR] [--write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _importer import Proposal, csv_line, read_dataset, write_back  # noqa: E402

SOURCE_KEY = "pydantic2026genaiprices"
#: the git history of genai-prices' provider files (``--git-history``): a price first held by a commit was in
#: effect by the commit's day
HISTORY_KEY = "pydantic2026genaipriceshistory"
COMMIT_URL = "https://github.com/pydantic/genai-prices/commit/"
#: how the notes of a row this tool wrote begin; a row edited by hand afterwards should drop or reword it
IMPORTED = "pydantic/genai-prices data.json @"
PRICE_COLUMNS = ("input_usd_per_mtok", "output_usd_per_mtok", "cached_input_usd_per_mtok")
REL_TOL = 1e-6

#: genai-prices' provider id to the `provider` of inference_prices (providers not listed are left out)
PROVIDERS: dict[str, str] = {
    "anthropic": "Anthropic", "avian": "Avian", "aws": "Amazon Bedrock", "azure": "Microsoft Azure",
    "cerebras": "Cerebras", "cohere": "Cohere", "deepseek": "DeepSeek", "doubleword": "Doubleword",
    "fireworks": "Fireworks AI", "google": "Google", "groq": "Groq", "minimax": "MiniMax", "mistral": "Mistral AI",
    "moonshotai": "Moonshot AI", "novita": "Novita AI", "openai": "OpenAI", "openrouter": "OpenRouter",
    "ovhcloud": "OVHcloud", "together": "Together AI", "x-ai": "xAI", "zai": "Z.ai", "zhipuai": "Zhipu AI",
}

#: (provider id, model id) to the `run_id` of training_runs, as reviewed for the rows imported from the
#: 2026-08-21 snapshot (47df840). Add a model here, after checking which run it is, to import it.
MODELS: dict[tuple[str, str], str] = {
    ('anthropic', 'claude-2'): 'claude-2',
    ('anthropic', 'claude-3-5-haiku-latest'): 'claude-3-5-haiku',
    ('anthropic', 'claude-3-5-sonnet'): 'claude-3-5-sonnet',
    ('anthropic', 'claude-3-7-sonnet-latest'): 'claude-3-7-sonnet',
    ('anthropic', 'claude-3-haiku'): 'claude-3-haiku',
    ('anthropic', 'claude-3-opus-latest'): 'claude-3-opus',
    ('anthropic', 'claude-3-sonnet'): 'claude-3-sonnet',
    ('anthropic', 'claude-haiku-4-5'): 'claude-haiku-4-5',
    ('anthropic', 'claude-opus-4-0'): 'claude-opus-4',
    ('anthropic', 'claude-opus-4-1'): 'claude-opus-4-1',
    ('anthropic', 'claude-opus-4-5'): 'claude-opus-4-5',
    ('anthropic', 'claude-opus-4-7'): 'claude-opus-4-7',
    ('anthropic', 'claude-sonnet-4-0'): 'claude-sonnet-4',
    ('anthropic', 'claude-sonnet-4-5'): 'claude-sonnet-4-5',
    ('avian', 'Meta-Llama-3.1-405B-Instruct'): 'llama-3-1-405b',
    ('avian', 'Meta-Llama-3.1-70B-Instruct'): 'llama-3-1-70b',
    ('avian', 'Meta-Llama-3.1-8B-Instruct'): 'llama-3-1-8b',
    ('avian', 'Meta-Llama-3.3-70B-Instruct'): 'llama-3-3-70b',
    ('aws', 'deepseek.r1-v1:0'): 'deepseek-r1',
    ('aws', 'global.anthropic.claude-fable-5-v1:0'): 'claude-fable-5',
    ('aws', 'global.anthropic.claude-haiku-4-5-20251001-v1:0'): 'claude-haiku-4-5',
    ('aws', 'global.anthropic.claude-opus-4-5-v1:0'): 'claude-opus-4-5',
    ('aws', 'global.anthropic.claude-opus-4-7-v1:0'): 'claude-opus-4-7',
    ('aws', 'global.anthropic.claude-opus-4-8-v1:0'): 'claude-opus-4-8',
    ('aws', 'global.anthropic.claude-opus-5'): 'claude-opus-5',
    ('aws', 'global.anthropic.claude-sonnet-4-20250514-v1:0'): 'claude-sonnet-4',
    ('aws', 'global.anthropic.claude-sonnet-4-5-20250929-v1:0'): 'claude-sonnet-4-5',
    ('aws', 'global.anthropic.claude-sonnet-5-v1:0'): 'claude-sonnet-5',
    ('aws', 'google.gemma-3-27b-it'): 'gemma-3-27b',
    ('aws', 'meta.llama3-1-70b-instruct-v1:0'): 'llama-3-1-70b',
    ('aws', 'meta.llama3-1-8b-instruct-v1:0'): 'llama-3-1-8b',
    ('aws', 'meta.llama3-2-11b-instruct-v1:0'): 'llama-3-2-11b',
    ('aws', 'meta.llama3-2-90b-instruct-v1:0'): 'llama-3-2-90b',
    ('aws', 'meta.llama3-3-70b-instruct-v1:0'): 'llama-3-3-70b',
    ('aws', 'meta.llama3-70b-instruct-v1:0'): 'llama-3-70b',
    ('aws', 'meta.llama3-8b-instruct-v1:0'): 'llama-3-8b',
    ('aws', 'meta.llama4-maverick-17b-instruct-v1:0'): 'llama-4-maverick',
    ('aws', 'meta.llama4-scout-17b-instruct-v1:0'): 'llama-4-scout',
    ('aws', 'mistral.mistral-7b-instruct-v0:2'): 'mistral-7b',
    ('aws', 'mistral.mistral-large-2402-v1:0'): 'mistral-large',
    ('aws', 'mistral.mixtral-8x7b-instruct-v0:1'): 'mixtral-8x7b',
    ('aws', 'mistral.pixtral-large-2502-v1:0'): 'pixtral-large',
    ('aws', 'openai.gpt-5.4'): 'gpt-5-4',
    ('aws', 'openai.gpt-5.5'): 'gpt-5-5',
    ('aws', 'openai.gpt-5.6-luna'): 'gpt-5-6-luna',
    ('aws', 'openai.gpt-5.6-sol'): 'gpt-5-6-sol',
    ('aws', 'openai.gpt-5.6-terra'): 'gpt-5-6-terra',
    ('aws', 'qwen.qwen3-32b-v1:0'): 'qwen3-32b',
    ('aws', 'qwen.qwen3-coder-480b-a35b-v1:0'): 'qwen3-coder-480b-a35b',
    ('aws', 'regional.anthropic.claude-3-5-haiku-20241022-v1:0'): 'claude-3-5-haiku',
    ('aws', 'regional.anthropic.claude-3-5-sonnet-20240620-v1:0'): 'claude-3-5-sonnet',
    ('aws', 'regional.anthropic.claude-3-5-sonnet-20241022-v2:0'): 'claude-3-5-sonnet',
    ('aws', 'regional.anthropic.claude-3-7-sonnet-20250219-v1:0'): 'claude-3-7-sonnet',
    ('aws', 'regional.anthropic.claude-3-haiku-20240307-v1:0'): 'claude-3-haiku',
    ('aws', 'regional.anthropic.claude-3-opus-20240229-v1:0'): 'claude-3-opus',
    ('aws', 'regional.anthropic.claude-3-sonnet-20240229-v1:0'): 'claude-3-sonnet',
    ('aws', 'regional.anthropic.claude-haiku-4-5-20251001-v1:0'): 'claude-haiku-4-5',
    ('aws', 'regional.anthropic.claude-opus-4-1-20250805-v1:0'): 'claude-opus-4-1',
    ('aws', 'regional.anthropic.claude-opus-4-20250514-v1:0'): 'claude-opus-4',
    ('aws', 'regional.anthropic.claude-opus-4-5-v1:0'): 'claude-opus-4-5',
    ('aws', 'regional.anthropic.claude-sonnet-4-20250514-v1:0'): 'claude-sonnet-4',
    ('aws', 'regional.anthropic.claude-sonnet-4-5-20250929-v1:0'): 'claude-sonnet-4-5',
    ('azure', 'o1'): 'o1',
    ('azure', 'o1-mini'): 'o1-mini',
    ('azure', 'o3-2025-04-16'): 'o3',
    ('azure', 'o3-mini'): 'o3-mini',
    ('azure', 'o4-mini'): 'o4-mini',
    ('azure', 'phi-3-medium-128k-instruct'): 'phi-3-medium-14b',
    ('azure', 'phi-3-mini-128k-instruct'): 'phi-3-mini-3-8b',
    ('azure', 'phi-3.5-mini-128k-instruct'): 'phi-3-5-mini',
    ('azure', 'phi-4'): 'phi-4',
    ('azure', 'wizardlm-2-8x22b'): 'wizardlm-2-8x22b',
    ('cerebras', 'gpt-oss-120b'): 'gpt-oss-120b',
    ('cerebras', 'llama-3.3-70b'): 'llama-3-3-70b',
    ('cerebras', 'llama3.1-8b'): 'llama-3-1-8b',
    ('cohere', 'command-r-plus'): 'command-r-plus',
    ('deepseek', 'deepseek-v4-flash'): 'deepseek-v4-flash',
    ('deepseek', 'deepseek-v4-pro'): 'deepseek-v4-pro',
    ('doubleword', 'Qwen/Qwen3-14B-FP8'): 'qwen3-14b',
    ('doubleword', 'openai/gpt-oss-20b'): 'gpt-oss-20b',
    ('fireworks', 'deepseek-r1-0528'): 'deepseek-r1-may-2025',
    ('fireworks', 'deepseek-v3p2'): 'deepseek-v3-2',
    ('fireworks', 'gemma-3-27b-it'): 'gemma-3-27b',
    ('fireworks', 'glm-4p7'): 'glm-4-7',
    ('fireworks', 'gpt-oss-120b'): 'gpt-oss-120b',
    ('fireworks', 'gpt-oss-20b'): 'gpt-oss-20b',
    ('fireworks', 'kimi-k2p5'): 'kimi-k2-5',
    ('fireworks', 'llama-v3p1-8b-instruct'): 'llama-3-1-8b',
    ('fireworks', 'llama4-maverick-instruct-basic'): 'llama-4-maverick',
    ('fireworks', 'qwen3-235b-a22b'): 'qwen3-235b-a22b',
    ('google', 'claude-3-5-haiku'): 'claude-3-5-haiku',
    ('google', 'claude-3-5-sonnet'): 'claude-3-5-sonnet',
    ('google', 'claude-3-7-sonnet'): 'claude-3-7-sonnet',
    ('google', 'claude-3-haiku'): 'claude-3-haiku',
    ('google', 'claude-3-opus'): 'claude-3-opus',
    ('google', 'claude-4-opus'): 'claude-opus-4',
    ('google', 'claude-4-sonnet'): 'claude-sonnet-4',
    ('google', 'claude-fable-5'): 'claude-fable-5',
    ('google', 'claude-opus-4-7'): 'claude-opus-4-7',
    ('google', 'claude-opus-4-8'): 'claude-opus-4-8',
    ('google', 'claude-opus-5'): 'claude-opus-5',
    ('google', 'gemini-1.5-flash'): 'gemini-1-5-flash',
    ('google', 'gemini-1.5-pro'): 'gemini-1-5-pro',
    ('google', 'gemini-2.0-flash'): 'gemini-2-0-flash',
    ('google', 'gemini-2.0-flash-lite'): 'gemini-2-0-flash-lite',
    ('google', 'gemini-2.5-flash'): 'gemini-2-5-flash',
    ('google', 'gemini-2.5-flash-lite'): 'gemini-2-5-flash-lite',
    ('google', 'gemini-2.5-flash-preview'): 'gemini-2-5-flash',
    ('google', 'gemini-2.5-pro'): 'gemini-2-5-pro',
    ('google', 'gemini-3-flash-preview'): 'gemini-3-flash',
    ('google', 'gemini-3-pro-preview'): 'gemini-3-pro',
    ('google', 'gemini-3.1-flash-lite'): 'gemini-3-1-flash-lite',
    ('google', 'gemini-3.7-flash'): 'gemini-3-7-flash',
    ('google', 'gemini-flash-1.5'): 'gemini-1-5-flash',
    ('google', 'gemini-flash-1.5-8b'): 'gemini-1-5-flash-8b',
    ('google', 'gemini-pro'): 'gemini-1-0-pro',
    ('google', 'gemini-pro-1.5'): 'gemini-1-5-pro',
    ('groq', 'deepseek-r1-distill-llama-70b'): 'deepseek-r1-distill-llama-70b',
    ('groq', 'gemma-7b-it'): 'gemma-7b',
    ('groq', 'gemma2-9b-it'): 'gemma-2-9b',
    ('groq', 'llama-3.1-70b-versatile'): 'llama-3-1-70b',
    ('groq', 'llama-3.1-8b-instant'): 'llama-3-1-8b',
    ('groq', 'llama-3.3-70b-versatile'): 'llama-3-3-70b',
    ('groq', 'llama2-70b-4096'): 'llama-2-70b',
    ('groq', 'llama3-70b-8192'): 'llama-3-70b',
    ('groq', 'llama3-8b-8192'): 'llama-3-8b',
    ('groq', 'meta-llama/llama-4-maverick-17b-128e-instruct'): 'llama-4-maverick',
    ('groq', 'meta-llama/llama-4-scout-17b-16e-instruct'): 'llama-4-scout',
    ('groq', 'mixtral-8x7b-32768'): 'mixtral-8x7b',
    ('groq', 'moonshotai/kimi-k2-instruct'): 'kimi-k2',
    ('groq', 'openai/gpt-oss-120b'): 'gpt-oss-120b',
    ('groq', 'openai/gpt-oss-20b'): 'gpt-oss-20b',
    ('groq', 'qwen/qwen3-32b'): 'qwen3-32b',
    ('minimax', 'MiniMax-M2'): 'minimax-m2',
    ('minimax', 'MiniMax-M2.7'): 'minimax-m2-7',
    ('minimax', 'MiniMax-M2.7-highspeed'): 'minimax-m2-7',
    ('mistral', 'ministral-3b'): 'ministral-3b',
    ('mistral', 'ministral-8b'): 'ministral-8b',
    ('mistral', 'mistral-7b'): 'mistral-7b',
    ('mistral', 'mistral-medium-3'): 'mistral-medium-3',
    ('mistral', 'mistral-nemo'): 'mistral-nemo',
    ('mistral', 'mistral-small-2603'): 'mistral-small-4',
    ('mistral', 'mixtral-8x7b'): 'mixtral-8x7b',
    ('mistral', 'pixtral-large'): 'pixtral-large',
    ('moonshotai', 'kimi-k2-0711-preview'): 'kimi-k2',
    ('moonshotai', 'kimi-k2-0905-preview'): 'kimi-k2',
    ('moonshotai', 'kimi-k2-thinking'): 'kimi-k2-thinking',
    ('moonshotai', 'kimi-k2-thinking-turbo'): 'kimi-k2-thinking',
    ('moonshotai', 'kimi-k2-turbo-preview'): 'kimi-k2',
    ('moonshotai', 'kimi-k2.5'): 'kimi-k2-5',
    ('moonshotai', 'kimi-k2.6'): 'kimi-k2-6',
    ('novita', 'deepseek/deepseek-r1'): 'deepseek-r1',
    ('novita', 'deepseek/deepseek-r1-distill-llama-70b'): 'deepseek-r1-distill-llama-70b',
    ('novita', 'deepseek/deepseek-r1-distill-qwen-14b'): 'deepseek-r1-distill-qwen-14b',
    ('novita', 'deepseek/deepseek_v3'): 'deepseek-v3',
    ('novita', 'google/gemma-2-9b-it'): 'gemma-2-9b',
    ('novita', 'meta-llama/llama-3-70b-instruct'): 'llama-3-70b',
    ('novita', 'meta-llama/llama-3-8b-instruct'): 'llama-3-8b',
    ('novita', 'meta-llama/llama-3.1-70b-instruct'): 'llama-3-1-70b',
    ('novita', 'meta-llama/llama-3.1-8b-instruct'): 'llama-3-1-8b',
    ('novita', 'meta-llama/llama-3.1-8b-instruct-bf16'): 'llama-3-1-8b',
    ('novita', 'meta-llama/llama-3.3-70b-instruct'): 'llama-3-3-70b',
    ('novita', 'microsoft/wizardlm-2-8x22b'): 'wizardlm-2-8x22b',
    ('novita', 'mistralai/mistral-7b-instruct'): 'mistral-7b',
    ('novita', 'mistralai/mistral-nemo'): 'mistral-nemo',
    ('novita', 'qwen/qwen-2.5-72b-instruct'): 'qwen2-5-72b',
    ('openai', 'davinci'): 'gpt-3-175b',
    ('openai', 'gpt-3.5-turbo'): 'gpt-3-5-turbo',
    ('openai', 'gpt-3.5-turbo-0613'): 'gpt-3-5-turbo',
    ('openai', 'gpt-3.5-turbo-1106'): 'gpt-3-5-turbo',
    ('openai', 'gpt-3.5-turbo-16k'): 'gpt-3-5-turbo',
    ('openai', 'gpt-4'): 'gpt-4',
    ('openai', 'gpt-4-32k'): 'gpt-4',
    ('openai', 'gpt-4-turbo'): 'gpt-4-turbo',
    ('openai', 'gpt-4-vision-preview'): 'gpt-4-turbo',
    ('openai', 'gpt-4.1'): 'gpt-4-1',
    ('openai', 'gpt-4.1-mini'): 'gpt-4-1-mini',
    ('openai', 'gpt-4.1-nano'): 'gpt-4-1-nano',
    ('openai', 'gpt-4.5-preview'): 'gpt-4-5',
    ('openai', 'gpt-4o'): 'gpt-4o',
    ('openai', 'gpt-4o-mini'): 'gpt-4o-mini',
    ('openai', 'gpt-5'): 'gpt-5',
    ('openai', 'gpt-5-mini'): 'gpt-5-mini',
    ('openai', 'gpt-5-nano'): 'gpt-5-nano',
    ('openai', 'gpt-5-pro'): 'gpt-5-pro',
    ('openai', 'gpt-5.1'): 'gpt-5-1',
    ('openai', 'gpt-5.2'): 'gpt-5-2',
    ('openai', 'gpt-5.4'): 'gpt-5-4',
    ('openai', 'gpt-5.4-pro'): 'gpt-5-4-pro',
    ('openai', 'gpt-5.5'): 'gpt-5-5',
    ('openai', 'gpt-5.5-pro'): 'gpt-5-5-pro',
    ('openai', 'gpt-5.6-luna'): 'gpt-5-6-luna',
    ('openai', 'gpt-5.6-sol'): 'gpt-5-6-sol',
    ('openai', 'gpt-5.6-terra'): 'gpt-5-6-terra',
    ('openai', 'o1'): 'o1',
    ('openai', 'o1-mini'): 'o1-mini',
    ('openai', 'o3'): 'o3',
    ('openai', 'o3-mini'): 'o3-mini',
    ('openai', 'o3-pro'): 'o3-pro',
    ('openai', 'o4-mini'): 'o4-mini',
    ('openai', 'text-davinci-002'): 'gpt-3-5',
    ('openai', 'text-davinci-003'): 'gpt-3-5',
    ('openrouter', '01-ai/yi-large'): 'yi-large',
    ('openrouter', 'ai21/jamba-1-5-large'): 'jamba-1-5-large',
    ('openrouter', 'anthropic/claude-2'): 'claude-2',
    ('openrouter', 'anthropic/claude-3-haiku'): 'claude-3-haiku',
    ('openrouter', 'anthropic/claude-3-opus'): 'claude-3-opus',
    ('openrouter', 'anthropic/claude-3-sonnet'): 'claude-3-sonnet',
    ('openrouter', 'anthropic/claude-3.5-haiku'): 'claude-3-5-haiku',
    ('openrouter', 'anthropic/claude-3.5-sonnet'): 'claude-3-5-sonnet',
    ('openrouter', 'anthropic/claude-3.7-sonnet'): 'claude-3-7-sonnet',
    ('openrouter', 'anthropic/claude-haiku-4.5'): 'claude-haiku-4-5',
    ('openrouter', 'anthropic/claude-opus-4'): 'claude-opus-4',
    ('openrouter', 'anthropic/claude-opus-4.5'): 'claude-opus-4-5',
    ('openrouter', 'anthropic/claude-sonnet-4'): 'claude-sonnet-4',
    ('openrouter', 'anthropic/claude-sonnet-4.5'): 'claude-sonnet-4-5',
    ('openrouter', 'claude-2'): 'claude-2',
    ('openrouter', 'claude-3-opus'): 'claude-3-opus',
    ('openrouter', 'claude-3-sonnet'): 'claude-3-sonnet',
    ('openrouter', 'claude-3.5-sonnet'): 'claude-3-5-sonnet',
    ('openrouter', 'claude-3.7-sonnet'): 'claude-3-7-sonnet',
    ('openrouter', 'cohere/command-r-plus-08-2024'): 'command-r-plus',
    ('openrouter', 'deepseek-r1-distill-qwen-14b'): 'deepseek-r1-distill-qwen-14b',
    ('openrouter', 'deepseek/deepseek-r1'): 'deepseek-r1',
    ('openrouter', 'deepseek/deepseek-r1-0528'): 'deepseek-r1-may-2025',
    ('openrouter', 'deepseek/deepseek-r1-distill-llama-70b'): 'deepseek-r1-distill-llama-70b',
    ('openrouter', 'deepseek/deepseek-r1-distill-qwen-14b'): 'deepseek-r1-distill-qwen-14b',
    ('openrouter', 'deepseek/deepseek-v3.2'): 'deepseek-v3-2',
    ('openrouter', 'deepseek/deepseek-v3.2-exp'): 'deepseek-v3-2-exp',
    ('openrouter', 'gemini-2.0-flash-001'): 'gemini-2-0-flash',
    ('openrouter', 'gemini-2.0-flash-lite-001'): 'gemini-2-0-flash-lite',
    ('openrouter', 'gemini-2.5-flash-preview'): 'gemini-2-5-flash',
    ('openrouter', 'gemini-2.5-flash-preview:thinking'): 'gemini-2-5-flash',
    ('openrouter', 'gemini-flash-1.5'): 'gemini-1-5-flash',
    ('openrouter', 'gemini-flash-1.5-8b'): 'gemini-1-5-flash-8b',
    ('openrouter', 'gemini-pro-1.5'): 'gemini-1-5-pro',
    ('openrouter', 'gemma-2-9b-it'): 'gemma-2-9b',
    ('openrouter', 'google/gemini-2.0-flash-001'): 'gemini-2-0-flash',
    ('openrouter', 'google/gemini-2.0-flash-lite-001'): 'gemini-2-0-flash-lite',
    ('openrouter', 'google/gemini-2.5-flash'): 'gemini-2-5-flash',
    ('openrouter', 'google/gemini-2.5-flash-lite'): 'gemini-2-5-flash-lite',
    ('openrouter', 'google/gemini-2.5-flash-preview'): 'gemini-2-5-flash',
    ('openrouter', 'google/gemini-2.5-flash-preview:thinking'): 'gemini-2-5-flash',
    ('openrouter', 'google/gemini-2.5-pro'): 'gemini-2-5-pro',
    ('openrouter', 'google/gemini-3-flash-preview'): 'gemini-3-flash',
    ('openrouter', 'google/gemini-flash-1.5'): 'gemini-1-5-flash',
    ('openrouter', 'google/gemini-flash-1.5-8b'): 'gemini-1-5-flash-8b',
    ('openrouter', 'google/gemini-pro'): 'gemini-1-0-pro',
    ('openrouter', 'google/gemini-pro-1.5'): 'gemini-1-5-pro',
    ('openrouter', 'google/gemma-2-27b-it'): 'gemma-2-27b',
    ('openrouter', 'google/gemma-2-9b-it'): 'gemma-2-9b',
    ('openrouter', 'google/gemma-3-27b-it'): 'gemma-3-27b',
    ('openrouter', 'gpt-3.5-turbo-1106'): 'gpt-3-5-turbo',
    ('openrouter', 'gpt-4-1106-preview'): 'gpt-4-turbo',
    ('openrouter', 'gpt-4.5-preview'): 'gpt-4-5',
    ('openrouter', 'grok-2-1212'): 'grok-2',
    ('openrouter', 'grok-3'): 'grok-3',
    ('openrouter', 'grok-3-mini'): 'grok-3-mini',
    ('openrouter', 'llama-3.1-405b'): 'llama-3-1-405b',
    ('openrouter', 'llama-3.1-405b-instruct'): 'llama-3-1-405b',
    ('openrouter', 'llama-3.1-nemotron-70b-instruct'): 'llama-3-1-nemotron-70b-instruct',
    ('openrouter', 'meta-llama/llama-2-13b-chat'): 'llama-2-13b',
    ('openrouter', 'meta-llama/llama-2-70b-chat'): 'llama-2-70b',
    ('openrouter', 'meta-llama/llama-3-70b-instruct'): 'llama-3-70b',
    ('openrouter', 'meta-llama/llama-3-8b-instruct'): 'llama-3-8b',
    ('openrouter', 'meta-llama/llama-3.1-405b'): 'llama-3-1-405b',
    ('openrouter', 'meta-llama/llama-3.1-405b-instruct'): 'llama-3-1-405b',
    ('openrouter', 'meta-llama/llama-3.1-70b-instruct'): 'llama-3-1-70b',
    ('openrouter', 'meta-llama/llama-3.1-8b-instruct'): 'llama-3-1-8b',
    ('openrouter', 'meta-llama/llama-3.3-70b-instruct'): 'llama-3-3-70b',
    ('openrouter', 'meta-llama/llama-4-maverick'): 'llama-4-maverick',
    ('openrouter', 'meta-llama/llama-4-scout'): 'llama-4-scout',
    ('openrouter', 'microsoft/phi-3-medium-128k-instruct'): 'phi-3-medium-14b',
    ('openrouter', 'microsoft/phi-3-mini-128k-instruct'): 'phi-3-mini-3-8b',
    ('openrouter', 'microsoft/phi-3.5-mini-128k-instruct'): 'phi-3-5-mini',
    ('openrouter', 'microsoft/phi-4'): 'phi-4',
    ('openrouter', 'microsoft/wizardlm-2-8x22b'): 'wizardlm-2-8x22b',
    ('openrouter', 'minimax/minimax-m2'): 'minimax-m2',
    ('openrouter', 'ministral-3b'): 'ministral-3b',
    ('openrouter', 'ministral-8b'): 'ministral-8b',
    ('openrouter', 'mistral-7b-instruct'): 'mistral-7b',
    ('openrouter', 'mistral-7b-instruct-v0.1'): 'mistral-7b',
    ('openrouter', 'mistral-7b-instruct-v0.2'): 'mistral-7b',
    ('openrouter', 'mistral/ministral-8b'): 'ministral-8b',
    ('openrouter', 'mistralai/ministral-3b'): 'ministral-3b',
    ('openrouter', 'mistralai/ministral-8b'): 'ministral-8b',
    ('openrouter', 'mistralai/mistral-7b-instruct'): 'mistral-7b',
    ('openrouter', 'mistralai/mistral-7b-instruct-v0.1'): 'mistral-7b',
    ('openrouter', 'mistralai/mistral-7b-instruct-v0.2'): 'mistral-7b',
    ('openrouter', 'mistralai/mistral-medium-3'): 'mistral-medium-3',
    ('openrouter', 'mistralai/mistral-nemo'): 'mistral-nemo',
    ('openrouter', 'mistralai/mistral-small-24b-instruct-2501'): 'mistral-small-3',
    ('openrouter', 'mistralai/mistral-small-3.1-24b-instruct'): 'mistral-small-3-1',
    ('openrouter', 'mistralai/mixtral-8x22b-instruct'): 'mixtral-8x22b',
    ('openrouter', 'mistralai/mixtral-8x7b-instruct'): 'mixtral-8x7b',
    ('openrouter', 'mistralai/pixtral-large-2411'): 'pixtral-large',
    ('openrouter', 'mixtral-8x7b-instruct'): 'mixtral-8x7b',
    ('openrouter', 'moonshotai/kimi-k2'): 'kimi-k2',
    ('openrouter', 'moonshotai/kimi-k2-0905'): 'kimi-k2',
    ('openrouter', 'moonshotai/kimi-k2-thinking'): 'kimi-k2-thinking',
    ('openrouter', 'moonshotai/kimi-k2.5'): 'kimi-k2-5',
    ('openrouter', 'nvidia/llama-3.1-nemotron-70b-instruct'): 'llama-3-1-nemotron-70b-instruct',
    ('openrouter', 'nvidia/nemotron-3-nano-30b-a3b'): 'nemotron-3-nano-30b-a3b',
    ('openrouter', 'o1-mini'): 'o1-mini',
    ('openrouter', 'openai/gpt-3.5-turbo'): 'gpt-3-5-turbo',
    ('openrouter', 'openai/gpt-3.5-turbo-0613'): 'gpt-3-5-turbo',
    ('openrouter', 'openai/gpt-3.5-turbo-1106'): 'gpt-3-5-turbo',
    ('openrouter', 'openai/gpt-3.5-turbo-16k'): 'gpt-3-5-turbo',
    ('openrouter', 'openai/gpt-4'): 'gpt-4',
    ('openrouter', 'openai/gpt-4-1106-preview'): 'gpt-4-turbo',
    ('openrouter', 'openai/gpt-4-32k'): 'gpt-4',
    ('openrouter', 'openai/gpt-4-turbo'): 'gpt-4-turbo',
    ('openrouter', 'openai/gpt-4.1'): 'gpt-4-1',
    ('openrouter', 'openai/gpt-4.1-mini'): 'gpt-4-1-mini',
    ('openrouter', 'openai/gpt-4.1-nano'): 'gpt-4-1-nano',
    ('openrouter', 'openai/gpt-4.5-preview'): 'gpt-4-5',
    ('openrouter', 'openai/gpt-4o'): 'gpt-4o',
    ('openrouter', 'openai/gpt-4o-2024-05-13'): 'gpt-4o',
    ('openrouter', 'openai/gpt-4o-mini'): 'gpt-4o-mini',
    ('openrouter', 'openai/gpt-5'): 'gpt-5',
    ('openrouter', 'openai/gpt-5-mini'): 'gpt-5-mini',
    ('openrouter', 'openai/gpt-5-nano'): 'gpt-5-nano',
    ('openrouter', 'openai/gpt-5-pro'): 'gpt-5-pro',
    ('openrouter', 'openai/gpt-5.1'): 'gpt-5-1',
    ('openrouter', 'openai/gpt-5.2'): 'gpt-5-2',
    ('openrouter', 'openai/gpt-oss-120b'): 'gpt-oss-120b',
    ('openrouter', 'openai/gpt-oss-20b'): 'gpt-oss-20b',
    ('openrouter', 'openai/o1'): 'o1',
    ('openrouter', 'openai/o1-mini'): 'o1-mini',
    ('openrouter', 'openai/o3'): 'o3',
    ('openrouter', 'openai/o3-mini'): 'o3-mini',
    ('openrouter', 'openai/o3-pro'): 'o3-pro',
    ('openrouter', 'openai/o4-mini'): 'o4-mini',
    ('openrouter', 'phi-3-medium-128k-instruct'): 'phi-3-medium-14b',
    ('openrouter', 'phi-3-mini-128k-instruct'): 'phi-3-mini-3-8b',
    ('openrouter', 'phi-3.5-mini-128k-instruct'): 'phi-3-5-mini',
    ('openrouter', 'pixtral-large-2411'): 'pixtral-large',
    ('openrouter', 'qwen-turbo'): 'qwen-turbo',
    ('openrouter', 'qwen/qwen-2.5-72b-instruct'): 'qwen2-5-72b',
    ('openrouter', 'qwen/qwen-plus'): 'qwen-plus',
    ('openrouter', 'qwen/qwen-plus-2025-07-28'): 'qwen-plus',
    ('openrouter', 'qwen/qwen-plus-2025-07-28:thinking'): 'qwen-plus',
    ('openrouter', 'qwen/qwen-turbo'): 'qwen-turbo',
    ('openrouter', 'qwen/qwen2.5-coder-7b-instruct'): 'qwen2-5-coder-7b',
    ('openrouter', 'qwen/qwen3-14b'): 'qwen3-14b',
    ('openrouter', 'qwen/qwen3-235b-a22b'): 'qwen3-235b-a22b',
    ('openrouter', 'qwen/qwen3-235b-a22b-2507'): 'qwen3-235b-a22b',
    ('openrouter', 'qwen/qwen3-30b-a3b'): 'qwen3-30b-a3b',
    ('openrouter', 'qwen/qwen3-30b-a3b-instruct-2507'): 'qwen3-30b-a3b',
    ('openrouter', 'qwen/qwen3-32b'): 'qwen3-32b',
    ('openrouter', 'qwen/qwen3-8b'): 'qwen3-8b',
    ('openrouter', 'qwen/qwen3-max'): 'qwen3-max',
    ('openrouter', 'qwen/qwq-32b'): 'qwq-32b',
    ('openrouter', 'qwq-32b'): 'qwq-32b',
    ('openrouter', 'x-ai/grok-2-1212'): 'grok-2',
    ('openrouter', 'x-ai/grok-4-fast'): 'grok-4-fast',
    ('openrouter', 'yi-large'): 'yi-large',
    ('openrouter', 'z-ai/glm-4.5'): 'glm-4-5',
    ('openrouter', 'z-ai/glm-4.6'): 'glm-4-6',
    ('openrouter', 'z-ai/glm-4.7'): 'glm-4-7',
    ('openrouter', 'z-ai/glm-5'): 'glm-5',
    ('ovhcloud', 'DeepSeek-R1-Distill-Llama-70B'): 'deepseek-r1-distill-llama-70b',
    ('ovhcloud', 'Llama-3.1-8B-Instruct'): 'llama-3-1-8b',
    ('ovhcloud', 'Meta-Llama-3_3-70B-Instruct'): 'llama-3-3-70b',
    ('ovhcloud', 'Mistral-7B-Instruct-v0.3'): 'mistral-7b',
    ('ovhcloud', 'Mistral-Nemo-Instruct-2407'): 'mistral-nemo',
    ('ovhcloud', 'Mixtral-8x7B-Instruct-v0.1'): 'mixtral-8x7b',
    ('ovhcloud', 'Qwen3-32B'): 'qwen3-32b',
    ('ovhcloud', 'gpt-oss-120b'): 'gpt-oss-120b',
    ('ovhcloud', 'gpt-oss-20b'): 'gpt-oss-20b',
    ('together', 'Qwen/Qwen1.5-14B'): 'qwen1-5-14b',
    ('together', 'Qwen/Qwen1.5-72B'): 'qwen1-5-72b',
    ('together', 'Qwen/Qwen1.5-7B'): 'qwen1-5-7b',
    ('together', 'deepseek-ai/deepseek-coder-33b-instruct'): 'deepseek-coder-33b',
    ('together', 'google/gemma-2b'): 'gemma-2b',
    ('together', 'google/gemma-7b'): 'gemma-7b',
    ('together', 'meta-llama/Llama-2-13b-chat-hf'): 'llama-2-13b',
    ('together', 'meta-llama/Llama-2-70b-chat-hf'): 'llama-2-70b',
    ('together', 'meta-llama/Llama-2-7b-chat-hf'): 'llama-2-7b',
    ('together', 'meta-llama/Llama-3-70b-chat-hf'): 'llama-3-70b',
    ('together', 'meta-llama/Llama-3-8b-chat-hf'): 'llama-3-8b',
    ('together', 'meta-llama/Llama-3.3-70B-Instruct-Turbo'): 'llama-3-3-70b',
    ('together', 'meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8'): 'llama-4-maverick',
    ('together', 'meta-llama/Llama-4-Scout-17B-16E-Instruct'): 'llama-4-scout',
    ('together', 'meta-llama/Meta-Llama-3-70B-Instruct-Turbo'): 'llama-3-70b',
    ('together', 'meta-llama/Meta-Llama-3-8B-Instruct-Turbo'): 'llama-3-8b',
    ('together', 'meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo'): 'llama-3-1-405b',
    ('together', 'meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo'): 'llama-3-1-70b',
    ('together', 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo'): 'llama-3-1-8b',
    ('together', 'meta-llama/Meta-Llama-3.3-70B-Instruct-Turbo'): 'llama-3-3-70b',
    ('together', 'microsoft/WizardLM-2-8x22B'): 'wizardlm-2-8x22b',
    ('together', 'microsoft/phi-2'): 'phi-2',
    ('together', 'mistralai/Mistral-7B-Instruct-v0.1'): 'mistral-7b',
    ('together', 'mistralai/Mistral-7B-Instruct-v0.2'): 'mistral-7b',
    ('together', 'mistralai/Mistral-7B-v0.1'): 'mistral-7b',
    ('together', 'mistralai/Mixtral-8x22B-Instruct-v0.1'): 'mixtral-8x22b',
    ('together', 'mistralai/Mixtral-8x7B-Instruct-v0.1'): 'mixtral-8x7b',
    ('together', 'mistralai/Mixtral-8x7B-v0.1'): 'mixtral-8x7b',
    ('together', 'zero-one-ai/Yi-34B'): 'yi-34b',
    ('together', 'zero-one-ai/Yi-6B'): 'yi-6b',
    ('x-ai', 'grok-2-1212'): 'grok-2',
    ('x-ai', 'grok-3'): 'grok-3',
    ('x-ai', 'grok-3-mini'): 'grok-3-mini',
    ('x-ai', 'grok-4-0709'): 'grok-4',
    ('x-ai', 'grok-4-fast-non-reasoning'): 'grok-4-fast',
    ('x-ai', 'grok-4-fast-reasoning'): 'grok-4-fast',
    ('zhipuai', 'GLM-4.7'): 'glm-4-7',
    ('zhipuai', 'GLM-5'): 'glm-5',
}


def slug(text: str) -> str:
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", text.lower())).strip("-")


def _num(x: float) -> str:
    return f"{x:.10g}"


def _base(value) -> tuple[float | None, list[tuple[int, float]]]:
    """A price (per million tokens) and its higher context tiers [(from tokens, price)]."""
    if value is None:
        return None, []
    if isinstance(value, dict):
        return float(value["base"]), [(int(t["start"]), float(t["price"])) for t in value.get("tiers", [])]
    return float(value), []


def price_lists(model: dict) -> list[tuple[dict, dict]]:
    """[(constraint, prices)] of a model; the unconditional list has an empty constraint."""
    prices = model.get("prices") or {}
    if isinstance(prices, dict):
        return [({}, prices)]
    return [(e.get("constraint") or {}, e.get("prices") or {}) for e in prices]


def in_effect(model: dict, on: str) -> tuple[dict | None, str, list[str]]:
    """(prices, effective_date, reasons the other lists are left out) of the list in effect on date `on`."""
    lists, left = price_lists(model), []
    if any(set(c) - {"start_date"} for c, _ in lists):
        return None, "", ["a conditional price (" + "; ".join(
            ", ".join(f"{k} {v}" for k, v in c.items()) for c, _ in lists if c) + "): which list is the "
            "standard rate is for a curator to decide"]
    dated = sorted((c["start_date"], p) for c, p in lists if c)
    undated = [p for c, p in lists if not c]
    current, effective = (undated[0] if undated else None), ""
    for start, p in dated:
        if start <= on:
            if current is not None:
                left.append(f"the list before {start} is superseded on the snapshot date (the day it began is not "
                            "in the snapshot)")
            current, effective = p, start
        else:
            left.append(f"a list starting {start}, after the snapshot date")
    return current, effective, left


def read_snapshot(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        data = json.load(f)
    return data["providers"] if isinstance(data, dict) and "providers" in data else data


def _same(a: str, b: str) -> bool:
    if not a or not b:
        return a == b
    x, y = float(a), float(b)
    return abs(x - y) <= REL_TOL * max(abs(x), abs(y))


def same_prices(row: dict[str, str], proposal: dict[str, str]) -> bool:
    return all(_same(row.get(c, ""), proposal[c]) for c in PRICE_COLUMNS)


def owned(row: dict[str, str]) -> bool:
    """A row this tool wrote and nobody has edited: only this file cited, notes as written."""
    return row["source"] == SOURCE_KEY and row["notes"].startswith(IMPORTED)


def propose(snapshot: list[dict], current: list[dict[str, str]], runs: set[str], date: str, revision: str):
    """(additions, changes, curated, present, skipped) for a snapshot against the current rows."""
    by_model: dict[tuple[str, str], list[dict[str, str]]] = {}
    for r in current:
        by_model.setdefault((r["provider"], r["model_version"]), []).append(r)
    additions, changes, curated, skipped, present = [], [], [], [], 0
    for p in snapshot:
        provider = PROVIDERS.get(p["id"])
        for m in p.get("models", []):
            where = f"{p['id']} {m['id']}"
            run_id = MODELS.get((p["id"], m["id"]))
            if provider is None:
                skipped.append((where, f"no mapping for provider {p['id']!r}"))
                continue
            if run_id is None:
                skipped.append((where, "no mapping for this model (add it to MODELS once its run is known)"))
                continue
            if run_id not in runs:
                skipped.append((where, f"run_id {run_id} is not in training_runs"))
                continue
            prices, effective, left = in_effect(m, date)
            skipped.extend((where, why) for why in left)
            if prices is None:
                continue
            (inp, in_tiers), (out, out_tiers) = _base(prices.get("input_mtok")), _base(prices.get("output_mtok"))
            cached, _ = _base(prices.get("cache_read_mtok"))
            if not inp or not out:
                skipped.append((where, "no input and output price per token above zero"))
                continue
            proposal = {"input_usd_per_mtok": _num(inp), "output_usd_per_mtok": _num(out),
                        "cached_input_usd_per_mtok": _num(cached) if cached else ""}
            rows = by_model.get((provider, m["id"]), [])
            record = [r for r in rows if (effective and r["effective_date"] == effective)
                      or (not effective and r["observed_date"] == date)]
            if any(same_prices(r, proposal) for r in record):
                present += 1
                continue
            if record:
                old = record[0]
                (changes if owned(old) else curated).append((old, proposal))
                continue
            earlier = sorted((r for r in rows if r["observed_date"] <= date), key=lambda r: r["observed_date"])
            if earlier and same_prices(earlier[-1], proposal) and not effective:
                present += 1          # still the latest price recorded for it
                continue
            bits = [f"{IMPORTED} {revision or '?'} (snapshot {date}); observed_date is the snapshot's date, the "
                    "price listed then"]
            if effective:
                bits.append(f"the file's time-bounded list starts this price on {effective}")
            tiers = [f"inputs over {t} tokens pay {_num(x)} input" for t, x in in_tiers]
            tiers += [f"{_num(x)} output over {t}" for t, x in out_tiers]
            if tiers:
                bits.append("shortest-context tier; " + ", ".join(tiers))
            if m.get("name") and m["name"] != m["id"]:
                bits.append(f"genai-prices' name: {m['name']}")
            context = str(int(m["context_window"])) if m.get("context_window") else ""
            windows = sorted({r["context_window_tokens"] for r in rows if r["context_window_tokens"]} - {context})
            if context and windows:
                # one served version has one window (a declared check): the curated rows' window is not replaced
                bits.append(f"genai-prices gives a context window of {context} tokens, the atlas's other rows "
                            f"of this model at this provider {' or '.join(windows)}: left empty for review")
                context = ""
            additions.append({
                "price_id": f"{slug(provider)}-{slug(m['id'])}-{date}", "run_id": run_id,
                "model_version": m["id"], "provider": provider, "observed_date": date,
                "effective_date": effective, "effective_date_basis": "price_history" if effective else "",
                "effective_date_source": SOURCE_KEY if effective else "", **proposal,
                "price_unit_in_source": "per_mtok",
                "context_window_tokens": context, "source": SOURCE_KEY,
                "source_url": (p.get("pricing_urls") or [""])[0], "notes": "; ".join(bits)})
    return additions, changes, curated, present, skipped


def _git(git_dir: Path, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", str(git_dir), *args], capture_output=True, text=True,
                          check=True).stdout


def _provider_file(text: str):
    """A provider YAML file, dates kept as text (as data.json has them)."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
    return yaml.load(text, Loader=_Loader)  # noqa: S506 (a SafeLoader)


def _price_key(prices: dict) -> tuple:
    return tuple(_base(prices.get(k))[0] for k in ("input_mtok", "output_mtok", "cache_read_mtok"))


def first_seen(git_dir: Path, until: str = "") -> dict[tuple[str, str, tuple], tuple[str, str]]:
    """{(provider id, model id, (input, output, cache read)): (commit, date)}: the first commit of a genai-prices
    git directory whose ``prices/providers/<provider>.yml`` holds that price as the one in effect on the commit's
    day (its author date, as `git log --date=short` gives it). Commits after ``until`` (an ISO date) are not read."""
    log = _git(git_dir, "log", "--reverse", "--format=%H %ad", "--date=short", "--", "prices/providers")
    files: dict[str, dict] = {}
    seen: dict[tuple[str, str, tuple], tuple[str, str]] = {}
    for line in log.splitlines():
        sha, day = line.split()
        if until and day > until:
            break
        changed = _git(git_dir, "diff-tree", "--no-commit-id", "--name-only", "-r", "--root", sha, "--",
                       "prices/providers").split()
        for name in (n for n in changed if n.endswith(".yml")):
            try:
                files[name] = _provider_file(_git(git_dir, "show", f"{sha}:{name}")) or {}
            except subprocess.CalledProcessError:          # deleted in this commit
                files.pop(name, None)
        for name, data in files.items():
            pid = data.get("id") or Path(name).stem
            for m in data.get("models") or []:
                prices, _, _ = in_effect(m, day)
                if prices:
                    seen.setdefault((pid, m["id"], _price_key(prices)), (sha, day))
    return seen


def date_by_history(additions: list[dict[str, str]], seen: dict, ids: dict[tuple[str, str], str]) -> int:
    """Give each addition without an effective_date the day its price was first seen in the git history (basis
    price_history, source HISTORY_KEY, the commit in the notes); return how many were dated."""
    dated = 0
    for row in additions:
        pid = ids.get((row["provider"], row["model_version"]))
        key = (pid, row["model_version"], tuple(float(row[c]) if row[c] else None for c in PRICE_COLUMNS))
        if row["effective_date"] or key not in seen:
            continue
        sha, day = seen[key]
        row.update(effective_date=day, effective_date_basis="price_history", effective_date_source=HISTORY_KEY)
        row["notes"] += (f"; effective_date: first seen in genai-prices commit {COMMIT_URL}{sha} of {day} (the "
                         "first commit of prices/providers that holds this price), an upper bound of when it took "
                         "effect")
        dated += 1
    return dated


def _date(text: str) -> str:
    return dt.date.fromisoformat(text).isoformat()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("snapshot", type=Path, help="genai-prices' prices/new_data/v2/data.json")
    ap.add_argument("--snapshot-date", type=_date, required=True,
                    help="the date of the commit the file was read at (the rows' observed_date)")
    ap.add_argument("--revision", default="", help="the commit the file was read at (for the notes)")
    ap.add_argument("--datasets", type=Path, default=Path(__file__).resolve().parents[1] / "datasets")
    ap.add_argument("--write", action="store_true", help="append the additions and set the revised prices")
    ap.add_argument("--git-history", type=Path, metavar="GIT_DIR",
                    help="a genai-prices git directory: date each addition by the first commit holding its price")
    args = ap.parse_args(argv)

    prices_path = args.datasets / "inference_prices.csv"
    fields, current = read_dataset(prices_path)
    runs = {r["run_id"] for r in read_dataset(args.datasets / "training_runs.csv")[1]}
    snapshot = read_snapshot(args.snapshot)
    date = args.snapshot_date
    additions, changes, curated, present, skipped = propose(snapshot, current, runs, date, args.revision)
    if args.git_history:
        ids = {(PROVIDERS[p["id"]], m["id"]): p["id"] for p in snapshot if p["id"] in PROVIDERS
               for m in p.get("models", [])}
        dated = date_by_history(additions, first_seen(args.git_history, date), ids)
        print(f"# {dated} of {len(additions)} additions dated by the first commit of {args.git_history} "
              "holding their price")

    n_models = sum(len(p.get("models", [])) for p in snapshot)
    print(f"# {args.snapshot.name} ({date}): {len(snapshot)} providers, {n_models} models; against {prices_path}")
    for row in additions:
        print("+ " + csv_line(row, fields))
    for old, new in changes:
        diffs = ", ".join(f"{k} {old[k] or '(empty)'} -> {v or '(empty)'}" for k, v in new.items()
                          if not _same(old[k], v))
        print(f"~ {old['price_id']}: {diffs}")
    print(f"= {present} already present")
    for old, new in curated:
        diffs = ", ".join(f"{k} {old[k] or '(empty)'} (snapshot: {v or 'empty'})" for k, v in new.items()
                          if not _same(old[k], v))
        print(f"# curated: {old['price_id']}: {diffs}; kept")
    for where, why in skipped:
        print(f"! {where} | {why}")
    print(f"# {len(additions)} to add, {len(changes)} to change, {present} present, {len(curated)} curated rows "
          f"differ, {len(skipped)} left out")

    write_back(prices_path, fields, current, Proposal("price_id", additions, changes), args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
