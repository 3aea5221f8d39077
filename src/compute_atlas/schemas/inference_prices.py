"""``inference_prices``: dated API prices of language models (rows of ``training_runs``), per million tokens."""

import pandera.polars as pa
import polars as pl

from ..metadata.constraints import CITE_KEYS
from ..metadata.vocabularies import EFFECTIVE_DATE_BASES
from ._base import SLUG, Declaration, ForeignKey, field, shared

_MTOK = "USD per million tokens, nominal, of `observed_date`"


class InferencePrices(pa.DataFrameModel):
    price_id: str = field("Identifier of the price observation (a slug of provider, model version and date).",
                          nullable=False, unique=True, str_matches=SLUG)
    run_id: str = shared("run_id", nullable=False, note="The model priced.")
    model_version: str = shared("model_version", nullable=False, note="The name the API vendor sells it under.")
    provider: str = shared("provider", nullable=False, note="The API vendor (OpenAI, Anthropic, Google, Together "
                           "AI, ...); `Artificial Analysis` where the source gives AA's price for the model without "
                           "naming one vendor.")
    observed_date: pl.Date = field("Date the price was read: the day of the archived page, snapshot or price "
                                   "sheet entry it is taken from (not necessarily the day it took effect).",
                                   "date", nullable=False)
    effective_date: pl.Date = field("Date the price took effect, or the first day a dated source shows it (an "
                                    "upper bound of when it took effect), on or before `observed_date`; empty "
                                    "where no dated evidence gives it. Price-decline fits use only rows that "
                                    "have it, dated by it.", "date")
    effective_date_basis: str = field("How `effective_date` is known: `provider_announcement` (the provider's "
                                      "launch post or price announcement states the price), `price_history` (a "
                                      "dated price history gives the day it began), `price_sheet_date` (Epoch "
                                      "AI's API price sheet's `Price date`), `first_seen_monthly` (the first "
                                      "month Artificial Analysis' monthly prices show it, where an earlier record "
                                      "shows another price or the model was published after the month before).",
                                      isin=list(EFFECTIVE_DATE_BASES))
    effective_date_source: str = field("The source of `effective_date`: BibTeX keys of `references.bib`, "
                                       "separated by `;` (may differ from `source`, the source of the price).",
                                       str_matches=CITE_KEYS)
    input_usd_per_mtok: float = field(f"Price of input (prompt) tokens, standard tier, {_MTOK}; for a price by "
                                      "context length, the shortest-context tier.", "usd_per_mtok", gt=0)
    output_usd_per_mtok: float = field(f"Price of output (completion) tokens, standard tier, {_MTOK}.",
                                       "usd_per_mtok", gt=0)
    cached_input_usd_per_mtok: float = field(f"Price of cached (cache-read) input tokens, {_MTOK}, where given.",
                                             "usd_per_mtok", gt=0)
    batch_input_usd_per_mtok: float = field(f"Price of input tokens in batch (asynchronous) mode, {_MTOK}, where "
                                            "given.", "usd_per_mtok", gt=0)
    batch_output_usd_per_mtok: float = field(f"Price of output tokens in batch mode, {_MTOK}, where given.",
                                             "usd_per_mtok", gt=0)
    blended_usd_per_mtok: float = field(f"A blended price of input and output tokens, {_MTOK}: only where the "
                                        "source gives nothing but the blend (`blend_in_source` says which); "
                                        "input and output are empty then.", "usd_per_mtok", gt=0)
    blend_in_source: str = field("Input:output token ratio of a blended price as the source defines it (`3:1` for "
                                 "Epoch AI and Artificial Analysis); empty where the prices are not blended.",
                                 str_matches=r"^[0-9]+:[0-9]+$")
    price_unit_in_source: str = field("Unit the source publishes the prices in, before they were normalised to "
                                      "per million tokens (a per-token price times 1e6, per-1k times 1e3).",
                                      nullable=False, isin=["per_token", "per_1k_tokens", "per_mtok"])
    context_window_tokens: int = field("Context window of the model version as the price source gives it.",
                                         "tokens", gt=0, le=100_000_000)
    source: str = shared("source", nullable=False)
    source_url: str = shared("source_url", note="An archived copy of the pricing page where there is one, "
                             "else the provider's pricing page.")
    notes: str = shared("notes")

    class Config:
        description = """Inference prices of language models: one dated list price of one model version at one
        API vendor, in nominal USD per million input and output tokens (with cached and batch prices where
        given). A price the source gives only as an input:output blend is kept as the blend. Derived relations
        join the prices to benchmark scores through `run_id`."""
        metadata = Declaration(
            kind="curated",
            as_of="observed_date",
            csv="inference_prices.csv",
            key=("provider", "model_version", "observed_date"),
            foreign_keys=(ForeignKey("run_id", "training_runs"),),
            date_floors={"observed_date": "2020-06-01", "effective_date": "2020-06-01"})
        strict = True
