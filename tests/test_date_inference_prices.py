"""tools/date_inference_prices.py: which dated evidence gives a price its effective_date (issue 28, class 6),
on synthetic monthly series (no reference snapshot is read)."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

TOOL = Path(__file__).resolve().parents[1] / "tools" / "date_inference_prices.py"
spec = importlib.util.spec_from_file_location("date_inference_prices", TOOL)
tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tool)

MONTHS = [dt.date(2024, m, 1) for m in range(4, 13)]  # 2024-04 .. 2024-12


def aa_row(name, observed, inp, out):
    return {"model_version": name, "observed_date": observed, "input_usd_per_mtok": str(inp),
            "output_usd_per_mtok": str(out)}


def series(**months):
    """A model's monthly records: {"m5": (1, 2)} is 2024-05 at 1 in, 2 out; other months have no record."""
    return [months.get(f"m{m.month}", (None, None)) for m in MONTHS]


def test_a_price_change_is_first_seen_in_the_month_it_appears():
    s = {"X": series(m4=(2, 4), m6=(1, 2), m9=(1, 2))}
    # read in September; the same price was first recorded in June, after a record of another price (April)
    got = tool.aa_first_seen(aa_row("X", "2024-09-01", 1, 2), dt.date(2023, 1, 1), MONTHS, s)
    assert got[0] == "2024-06-01" and "another price" in got[1]


def test_the_first_record_of_an_older_model_is_left_censored():
    s = {"X": series(m6=(1, 2), m9=(1, 2))}
    # the model is from 2023: its first record (June 2024) says nothing of when the price began
    assert tool.aa_first_seen(aa_row("X", "2024-09-01", 1, 2), dt.date(2023, 1, 1), MONTHS, s) is None


def test_a_new_model_is_dated_by_its_first_record_or_its_publication():
    s = {"X": series(m6=(1, 2))}
    # published in May, first recorded in June: first seen in June
    assert tool.aa_first_seen(aa_row("X", "2024-06-01", 1, 2), dt.date(2024, 5, 20), MONTHS, s)[0] == "2024-06-01"
    # published in June and recorded that month: dated at its publication, never before it
    assert tool.aa_first_seen(aa_row("X", "2024-06-01", 1, 2), dt.date(2024, 6, 10), MONTHS, s)[0] == "2024-06-10"


def test_a_row_whose_price_is_not_the_month_s_record_gets_no_date():
    s = {"X": series(m6=(1, 2))}
    assert tool.aa_first_seen(aa_row("X", "2024-06-01", 3, 4), dt.date(2024, 5, 20), MONTHS, s) is None
    assert tool.aa_first_seen(aa_row("Y", "2024-06-01", 1, 2), dt.date(2024, 5, 20), MONTHS, s) is None


def test_first_party_vendor():
    assert tool.first_party("OpenAI", "OpenAI")
    assert tool.first_party("Google", "Google DeepMind")
    assert not tool.first_party("Amazon Bedrock", "Anthropic")
    assert not tool.first_party("Microsoft Azure", "OpenAI")


def test_month_end():
    assert tool._month_end("2024-02-01") == "2024-02-29"
    assert tool._month_end("2025-06-01") == "2025-06-30"
