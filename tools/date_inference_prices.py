"""Fill `effective_date` of `datasets/inference_prices.csv` from dated evidence (issue 28, class 6).

A price's `observed_date` is the day a list was read; `effective_date` is the day the price took effect or,
failing that, the first day a dated source shows it. This tool fills it only from evidence that carries a
date, and says which (`effective_date_basis`, `effective_date_source`):

- `price_sheet_date`: Epoch AI's API price sheet gives a `Price date` for the price (the rows of
  `epoch2025apiprices`, and a row of another source that lists the same vendor, model and prices).
- `price_history`: a dated price history gives the day the price began (simonw/llm-prices `from_date`,
  genai-prices' time-bounded price lists).
- `first_seen_monthly`: (also for the developer's own price of a model, from Artificial Analysis' first
  record of the same price, as AA quotes a proprietary model at its developer's price) the first month of
  Artificial Analysis' monthly price columns (2024-04 to 2025-10)
  from which the price is recorded (the columns are sparse: a month without a record is skipped), where
  that month bounds a real start: an earlier record shows another price, or the model was published
  after the month before (so it could not be listed then). The first record of a model published
  earlier is left-censored: the price may be far older, so its start stays empty.
- `provider_announcement`: the provider's launch post or a dated report of it that states the price; set by
  hand (this tool keeps a filled value it did not make).

Everything else stays empty. Reads the public reference snapshots under /work/shared/reference (read-only
evidence, never a build input); run it again after adding price rows:

    python tools/date_inference_prices.py [--check]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRICES = ROOT / "datasets" / "inference_prices.csv"
RUNS = ROOT / "datasets" / "training_runs.csv"
REF = Path("/work/shared/reference/inference")
AA_FILE = REF / "gundlach_inference_prices_merged_2026-01.csv"
GENAI_FILE = REF / "genai_prices_v2_data.json"
LLM_PRICES = REF / "simonw_llm_prices"

#: genai-prices provider ids and the provider names of inference_prices.csv
GENAI_PROVIDERS = {"openai": "OpenAI", "anthropic": "Anthropic", "google": "Google", "deepseek": "DeepSeek",
                   "aws": "Amazon Bedrock", "openrouter": "OpenRouter"}
LLM_PRICES_VENDORS = {"openai": "OpenAI", "anthropic": "Anthropic", "google": "Google", "deepseek": "DeepSeek",
                      "mistral": "Mistral AI", "amazon": "Amazon Bedrock", "moonshot-ai": "Moonshot AI",
                      "minimax": "MiniMax", "qwen": "Alibaba", "meta-ai": "Meta"}
MARK = " | effective_date: "
TOOL_BASES = {"price_sheet_date", "price_history", "first_seen_monthly"}


def _f(x: str) -> float | None:
    x = (x or "").strip().replace("$", "").replace(",", "")
    try:
        return float(x)
    except ValueError:
        return None


def _same(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-9 + 1e-6 * abs(b)


def aa_months() -> tuple[list[dt.date], dict[str, list[tuple[float | None, float | None]]]]:
    rows = list(csv.reader(open(AA_FILE, encoding="utf-8-sig")))
    head = rows[0]
    cols = [(i, h) for i, h in enumerate(head) if h.endswith(" input price")]
    months = [dt.datetime.strptime(h.split()[0], "%m/%d/%Y").date() for _, h in cols]
    series = {}
    for r in rows[1:]:
        series[r[0].strip()] = [(_f(r[i]), _f(r[i + 1])) for i, _ in cols]
    return months, series


def aa_first_seen(row: dict, pub: dt.date | None, months, series) -> tuple[str, str] | None:
    """(effective date, why) from AA's monthly columns, or None where the start is left-censored."""
    s = series.get(row["model_version"])
    if s is None:
        return None
    obs = dt.date.fromisoformat(row["observed_date"])
    if obs not in months:
        return None
    k = months.index(obs)
    price = (_f(row["input_usd_per_mtok"]), _f(row["output_usd_per_mtok"]))
    if not (_same(s[k][0], price[0]) and _same(s[k][1], price[1])):
        return None
    # the columns are sparse (a month without a record is unknown, not unlisted): walk back over the run of
    # records with this price, skipping months without one
    j, prev = k, None
    for i in range(k - 1, -1, -1):
        if s[i][0] is None:
            continue
        if _same(s[i][0], price[0]) and _same(s[i][1], price[1]):
            j = i
            continue
        prev = i
        break
    start = months[j]
    if prev is not None:
        return start.isoformat(), (f"first seen {start:%Y-%m} in Artificial Analysis' monthly prices; the "
                                   f"record before ({months[prev]:%Y-%m}) is another price")
    floor = months[j - 1] if j > 0 else months[0] - dt.timedelta(days=31)
    if pub is not None and pub > start:  # first recorded in the month the model came out: its launch price
        return pub.isoformat(), (f"first seen {start:%Y-%m} in Artificial Analysis' monthly prices, the month of "
                                 f"the model's publication ({pub}), so dated at the publication")
    if pub is not None and pub > floor:
        return start.isoformat(), (f"first seen {start:%Y-%m} in Artificial Analysis' monthly prices, the first "
                                   f"record after the model's publication ({pub})")
    return None


def genai_bounded() -> dict[tuple[str, float, float], str]:
    """(provider, input, output) -> start date, from genai-prices' time-bounded price lists."""
    out = {}
    for p in json.load(open(GENAI_FILE)):
        prov = GENAI_PROVIDERS.get(p["id"])
        for m in p.get("models", []):
            prices = m.get("prices")
            if not isinstance(prices, list):
                continue
            for entry in prices:
                start = (entry.get("constraint") or {}).get("start_date")
                pr = entry["prices"]
                inp, outp = pr.get("input_mtok"), pr.get("output_mtok")
                if isinstance(inp, dict):
                    inp = inp["base"]
                if isinstance(outp, dict):
                    outp = outp["base"]
                if start and prov and inp is not None and outp is not None:
                    out[(prov, m["id"], float(inp), float(outp))] = start
    return out


def llm_prices_history() -> dict[tuple[str, str, float, float], str]:
    out = {}
    for f in LLM_PRICES.glob("*.json"):
        vendor = LLM_PRICES_VENDORS.get(f.stem)
        d = json.load(open(f))
        for m in d.get("models", []) if isinstance(d, dict) else d:
            for p in m.get("price_history") or []:
                if p.get("from_date") and vendor:
                    out[(vendor, m["id"], float(p["input"]), float(p["output"]))] = p["from_date"]
    return out


def _month_end(day: str) -> str:
    d = dt.date.fromisoformat(day)
    return ((d.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)).isoformat()


def first_party(provider: str, organization: str) -> bool:
    """Whether the API vendor is the model's developer (its first word in the organization named)."""
    return provider.split()[0].lower() in organization.lower()


def fill(rows: list[dict], pubs: dict[str, dt.date | None], orgs: dict[str, str]) -> list[dict]:
    months, series = aa_months()
    bounded, history = genai_bounded(), llm_prices_history()
    sheet = {}
    for r in rows:
        if r["source"] == "epoch2025apiprices" and r["input_usd_per_mtok"]:
            key = (r["provider"], r["run_id"], float(r["input_usd_per_mtok"]), float(r["output_usd_per_mtok"]))
            sheet[key] = min(sheet.get(key, r["observed_date"]), r["observed_date"])
    # Artificial Analysis' first-seen dates, for the developer's own price of the same model (AA quotes a
    # proprietary model at its developer's price)
    aa_seen: dict[tuple[str, float, float], str] = {}
    for r in rows:
        if r["source"] == "artificialanalysis2025" and r["input_usd_per_mtok"]:
            seen = aa_first_seen(r, pubs.get(r["run_id"]), months, series)
            if seen:
                key = (r["run_id"], float(r["input_usd_per_mtok"]), float(r["output_usd_per_mtok"]))
                aa_seen[key] = min(aa_seen.get(key, seen[0]), seen[0])
    for r in rows:
        if r.get("effective_date") and r.get("effective_date_basis") not in TOOL_BASES:
            continue  # set by hand from an announcement: keep
        r["effective_date"] = r["effective_date_basis"] = r["effective_date_source"] = ""
        r["notes"] = r["notes"].split(MARK)[0]
        why = ""
        inp, outp = _f(r["input_usd_per_mtok"]), _f(r["output_usd_per_mtok"])
        if r["source"].startswith("epoch2025apiprices"):
            r.update(effective_date=r["observed_date"], effective_date_basis="price_sheet_date",
                     effective_date_source="epoch2025apiprices")
        elif r["source"] == "willison2025llmprices":
            start = history.get((r["provider"], r["model_version"], inp, outp))
            if start:
                r.update(effective_date=start, effective_date_basis="price_history",
                         effective_date_source="willison2025llmprices")
                why = f"llm-prices' price_history gives this price from {start}"
        elif r["source"] == "artificialanalysis2025":
            seen = aa_first_seen(r, pubs.get(r["run_id"]), months, series)
            if seen:
                r.update(effective_date=seen[0], effective_date_basis="first_seen_monthly",
                         effective_date_source="artificialanalysis2025")
                why = seen[1]
            else:
                why = ("unknown: the first record of this price in Artificial Analysis' monthly prices is the "
                       "model's first, and the model is older (left-censored)")
        elif r["source"] == "pydantic2026genaiprices" and inp is not None:
            genai_id = r["model_version"].split("/")[-1]
            # every dated piece of evidence for this vendor, model and price; the earliest bounds it best
            found = []
            if (start := bounded.get((r["provider"], genai_id, inp, outp))):
                found.append((start, "price_history", "pydantic2026genaiprices",
                              f"the snapshot's own time-bounded price list starts this price on {start}"))
            if first_party(r["provider"], orgs.get(r["run_id"], "")) and (r["run_id"], inp, outp) in aa_seen:
                start = aa_seen[(r["run_id"], inp, outp)]
                found.append((start, "first_seen_monthly", "artificialanalysis2025",
                              f"the developer's own price; Artificial Analysis' monthly prices first show the same "
                              f"price for the model in {start[:7]}"))
            if (r["provider"], r["run_id"], inp, outp) in sheet:
                start = sheet[(r["provider"], r["run_id"], inp, outp)]
                found.append((start, "price_sheet_date", "epoch2025apiprices",
                              f"Epoch AI's price sheet gives the same vendor, model and prices on {start} (first "
                              "seen then)"))
            if found:
                # a month of Artificial Analysis stands for the whole month (its columns are labelled with the
                # first day but read later in the month): an exact date within that month wins
                start, basis, source, why = min(found, key=lambda f: (_month_end(f[0]) if f[1] == "first_seen_monthly"
                                                                     else f[0], f[0]))
                r.update(effective_date=start, effective_date_basis=basis, effective_date_source=source)
        if why:
            r["notes"] += MARK + why
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the file would change")
    args = ap.parse_args()
    text = PRICES.read_text()
    rows = list(csv.DictReader(io.StringIO(text)))
    fields = list(rows[0].keys())
    for col in ("effective_date", "effective_date_basis", "effective_date_source"):
        if col not in fields:
            fields.insert(fields.index("observed_date") + 1 + ["effective_date", "effective_date_basis",
                                                                "effective_date_source"].index(col), col)
            for r in rows:
                r[col] = ""
    pubs = {r["run_id"]: dt.date.fromisoformat(r["publication_date"]) if r["publication_date"] else None
            for r in csv.DictReader(open(RUNS))}
    orgs = {r["run_id"]: r["organization"] for r in csv.DictReader(open(RUNS))}
    fill(rows, pubs, orgs)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    if args.check:
        return int(buf.getvalue() != text)
    PRICES.write_text(buf.getvalue())
    n = sum(1 for r in rows if r["effective_date"])
    by = {}
    for r in rows:
        by.setdefault((r["source"], r["effective_date_basis"] or "-"), 0)
        by[(r["source"], r["effective_date_basis"] or "-")] += 1
    print(f"{n} of {len(rows)} prices have an effective date")
    for k, v in sorted(by.items()):
        print(f"  {k[0]:28} {k[1]:22} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
