"""Explore and compare: the data of the accelerator list (``docs/accelerators.md``) and of the compare page's
accelerator columns (``docs/compare.md``), from the published database.

- ``accelerator_list``: every accelerator with its facts and, per precision, its dense peak rate, its rate per
  dollar and per watt (``accelerator_efficiency``), each value raw (to sort and filter by) and formatted with its
  unit from the vocabulary (to show). ``list_html`` puts it into the page as a JSON block that
  ``docs/_static/explore.js`` turns into a sortable, filterable table whose state is in the page's address.
- ``accelerator_summary``: the rows an accelerator's entity JSON (``api/accelerators/<id>.json``, ``summary``) gives
  the compare page: its facts, its prices (launch list price, purchase prices, cloud prices by pricing model from
  ``cloud_price_summary``) and, per precision, its rate per dollar and per watt. Each row is
  ``[label, formatted value, group]``, and a row of a precision's group ends with the precision's code (the page
  can show one precision).

Nothing here computes a metric: the rates per dollar and per watt and the cloud price spreads are columns of derived
relations; this module selects and formats them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable

import duckdb

from ..metadata.units import fmt_value
from ..metadata.vocabularies import MARKET_SEGMENTS, PRECISIONS, PRICING_MODELS, READER_NAMES

#: What the rate per dollar divides by, as a reader reads it: ``accelerator_efficiency.price_basis``.
PRICE_BASIS_NAMES = READER_NAMES["price_basis"]
#: The precision the list shows first (the 16-bit format that training runs use).
DEFAULT_PRECISION = "bf16"

#: Every accelerator with the facts the list shows, newest first.
LIST_SQL = """
SELECT a.accelerator_id, a.name, a.vendor, a.market_segment, a.release_date, a.memory_bytes,
       a.memory_bandwidth_bytes_per_s, a.tdp_watts, p.price_basis, p.price_usd, p.price_date
FROM accelerators a
LEFT JOIN (SELECT DISTINCT accelerator_id, price_basis, price_usd, price_date FROM accelerator_efficiency
           WHERE price_basis IS NOT NULL) p USING (accelerator_id)
ORDER BY a.release_date DESC, a.name
"""
#: Per accelerator and precision: the dense peak rate, the rate per 2024 dollar of the price the row names (the
#: launch list price, else the earliest purchase price) and per watt.
RATES_SQL = """
SELECT accelerator_id, precision, peak_flop_per_s, priced_flop_per_s_per_usd_2024, flop_per_s_per_watt
FROM accelerator_efficiency
"""


def _number(v) -> float | int | None:
    """A raw value for sorting: a float to six significant figures (the JSON stays short), a date as its ISO text."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, float):
        return float(f"{v:.6g}")
    return v


def _cell(v, unit_code: str) -> list | None:
    """``[raw, shown]``, or None for an unknown value."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    return [_number(v), fmt_value(v, unit_code)]


def price_text(basis: str | None, usd: float | None, date) -> str:
    """The price a rate per dollar divides by, said with what it is and its date: ``$30,000 (launch list price,
    2023-11-13)``."""
    if basis is None or usd is None:
        return ""
    when = f", {date.isoformat()}" if date is not None else ""
    return f"{fmt_value(usd, 'usd')} ({PRICE_BASIS_NAMES.get(basis, basis)}{when})"


def accelerator_list(con: duckdb.DuckDBPyConnection) -> dict:
    """The list's data: its vocabularies (segments, vendors, precisions, years) and a row per accelerator, newest
    first. A row: ``[id, name, vendor, segment, release date, memory, bandwidth, power, price, rates]``, where each
    quantity is ``[raw, shown]`` or null, the price is ``[raw nominal US$, shown with what it is]`` and ``rates`` maps
    a precision to ``[peak, per dollar, per watt]`` cells."""
    rates: dict[str, dict[str, list]] = {}
    for aid, precision, peak, per_usd, per_watt in con.execute(RATES_SQL).fetchall():
        unit = "op_per_s" if precision.startswith("int") else "flop_per_s"
        rates.setdefault(aid, {})[precision] = [_cell(peak, unit), _cell(per_usd, "flop_per_s_per_usd_2024"),
                                                _cell(per_watt, "flop_per_s_per_watt")]
    rows = []
    vendors: dict[str, int] = {}
    years = []
    for (aid, name, vendor, segment, released, memory, bandwidth, tdp, basis, price, price_date) in \
            con.execute(LIST_SQL).fetchall():
        vendors[vendor] = vendors.get(vendor, 0) + 1
        years.append(released.year)
        rows.append([aid, name, vendor, segment, released.isoformat(), _cell(memory, "bytes"),
                     _cell(bandwidth, "bytes_per_s"), _cell(tdp, "watts"),
                     [_number(price), price_text(basis, price, price_date)] if price is not None else None,
                     rates.get(aid, {})])
    counts = {p: sum(p in r[-1] for r in rows) for p in PRECISIONS}
    return {
        "segments": [[s, READER_NAMES["market_segment"][s]] for s in MARKET_SEGMENTS],
        "vendors": sorted(vendors, key=lambda v: (-vendors[v], v.lower())),
        "precisions": [[p, READER_NAMES["precision"][p], counts[p]] for p in PRECISIONS if counts[p]],
        "default_precision": DEFAULT_PRECISION,
        "years": [min(years), max(years)] if years else [],
        "rows": rows,
    }


def json_script(value, element_id: str) -> str:
    """``value`` as a JSON block of the page that no browser runs; ``<``, ``>`` and ``&`` are written as JSON
    escapes, so that no text of the data can close the block or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


#: The list's mount point: ``explore.js`` replaces the message with the table.
LIST_MOUNT = ('<div id="atlas-explore" class="atlas-explore"><p class="atlas-explore-loading">The table is built in '
              "your browser by the site's own script (<code>_static/explore.js</code>) from the data in this page; "
              "it needs JavaScript. Without it, <a href=\"accelerators/index.html\">every accelerator</a> has a page, "
              "and the rows are in the downloads (<code>accelerator_efficiency.csv</code>).</p></div>")


def list_html(con: duckdb.DuckDBPyConnection) -> str:
    """The accelerator list of ``docs/accelerators.md``: the data block and the table's mount point."""
    return json_script(accelerator_list(con), "atlas-explore-data") + "\n" + LIST_MOUNT


# --- the compare page ------------------------------------------------------------------------------------------------

def _when(d) -> str:
    return str(d) if d is not None else ""


def accelerator_summary(sections: dict[str, list[dict]], display: Callable[[str, object], str]) -> list[list[str]]:
    """The compare page's rows of an accelerator, from the rows of its entity page's sections: ``[label, value,
    group]``, and the precision's code after a row of a precision. A value the atlas does not hold gives no row (the
    page says so in its cell)."""
    out: list[list[str]] = []

    def add(group: str, label: str, value: str, *extra: str) -> None:
        if value:
            out.append([label, value, group, *extra])

    spec = (sections.get("specification") or [{}])[0]
    chip = "The chip"
    for col, label in [("vendor", "Vendor"), ("kind", "Kind"), ("market_segment", "Market"),
                       ("release_date", "Released"), ("memory_bytes", "Memory"),
                       ("memory_bandwidth_bytes_per_s", "Memory bandwidth"), ("tdp_watts", "Power")]:
        add(chip, label, display(col, spec.get(col)) if spec.get(col) is not None else "")

    prices = "Prices"
    if spec.get("launch_price_usd") is not None:
        add(prices, "Launch list price", f"{display('launch_price_usd', spec['launch_price_usd'])}"
                                         + (f" ({spec['launch_price_date']})" if spec.get("launch_price_date") else ""))
    bought = sections.get("purchase_prices") or []
    if bought:
        last = bought[-1]  # the rows are in date order
        add(prices, "Latest purchase price", f"{display('price_usd', last['price_usd'])} "
                                             f"({display('price_kind', last['price_kind'])}, {_when(last['price_date'])})")
        low = min(bought, key=lambda r: r["price_usd"])
        high = max(bought, key=lambda r: r["price_usd"])
        span = (f"{display('price_usd', low['price_usd'])} to {display('price_usd', high['price_usd'])}"
                if len(bought) > 1 else display("price_usd", low["price_usd"]))
        add(prices, "Purchase prices in the atlas",
            f"{len(bought)}: {span}, {_when(bought[0]['price_date'])} to {_when(last['price_date'])}"
            if len(bought) > 1 else f"1: {span}, {_when(last['price_date'])}")
    eff = sections.get("efficiency") or []
    priced = next((r for r in eff if r.get("price_basis")), None)
    if priced:
        add(prices, "Per-dollar figures divide by",
            price_text(priced["price_basis"], priced.get("price_usd"), _date(priced.get("price_date"))))
    by_model = {r["pricing_model"]: r for r in sections.get("cloud_summary") or []}
    for model in PRICING_MODELS:
        r = by_model.get(model)
        if r is None:
            continue
        providers = f"{r['n_providers']} provider" + ("s" if r["n_providers"] != 1 else "")
        n = f"{r['n_prices']} price" + ("s" if r["n_prices"] != 1 else "")
        dates = (_when(r["first_price_date"]) if r["first_price_date"] == r["last_price_date"]
                 else f"{_when(r['first_price_date'])} to {_when(r['last_price_date'])}")
        median = display("median_price_usd_per_hour", r["median_price_usd_per_hour"])
        if r["n_prices"] == 1:
            text = f"{median} ({providers}, {dates})"
        else:
            text = (f"{median} median; {display('min_price_usd_per_hour', r['min_price_usd_per_hour'])} to "
                    f"{display('max_price_usd_per_hour', r['max_price_usd_per_hour'])} ({providers}, {n}, {dates})")
        add(prices, f"Cloud, {READER_NAMES['pricing_model'][model]} (per chip-hour)", text)

    peaks = {r["precision"]: r for r in sections.get("precisions") or []}
    for r in eff:
        p = r["precision"]
        group = READER_NAMES["precision"].get(p, p)
        if p in peaks:
            add(group, f"{group} dense peak",
                fmt_value(peaks[p]["peak_flop_per_s"], "op_per_s" if p.startswith("int") else "flop_per_s"), p)
        for col, label in [("priced_flop_per_s_per_usd_2024", "per dollar"), ("flop_per_s_per_watt", "per watt"),
                           ("ridge_point_flop_per_byte", "ridge point")]:
            if r.get(col) is not None:
                add(group, f"{group} {label}", display(col, r[col]), p)

    counts = "In the atlas"
    for key, label in [("cloud_prices", "Cloud prices"), ("purchase_prices", "Purchase prices"),
                       ("mlperf", "MLPerf Training results"), ("training_runs", "Training runs"),
                       ("inference_energy", "Inference energy measurements")]:
        out.append([label, str(len(sections.get(key) or [])), counts])
    return out


def _date(v):
    """An ISO date of the entity JSON (a text) or a date, as a date."""
    import datetime as dt

    if v is None or isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v)[:10])
