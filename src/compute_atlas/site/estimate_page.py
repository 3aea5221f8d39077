"""The estimate page (``docs/estimate.md``): the data its form recomputes from, exported by the estimator itself.

``page_data`` gathers, at the build's date, every input that ``compute_atlas.estimator`` reads from the database,
through the estimator's own reading of them, ``estimator.Inputs`` (the cost model's assumption and parameter rows, each chip's dense peak
rates, its default utilization per precision, its cloud prices per pricing model and its purchase price, each
region's electricity price and carbon intensity, the catalogue's runs and the chips' aliases), with the rows they
come from. ``docs/_static/estimate.js`` repeats only the arithmetic of ``compute_atlas.estimate()`` on them; the
constants of the arithmetic (FLOP per parameter and token, the default precision, the pricings) come from the
estimator too. ``tests/test_estimate_page.py`` holds the page's results to ``compute_atlas.estimate()``.

The data go beside the page as ``estimate.json`` and as a script, ``estimate-data.js`` (a browser loads a script
from a site opened from disk, where it would refuse to ``fetch`` the JSON). Each source row carries the address of
the page that shows it (an entity page's section, the assumptions' table, the data dictionary) and its references
(the keys of ``references.bib``, linked to their entries by the site build).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

import duckdb

from .. import estimator
from ..metadata.vocabularies import PRICING_MODELS, READER_NAMES

#: The page (its docname) and its data beside it, as JSON and as the script the page loads.
PAGE = "estimate"
JSON_FILE = "estimate.json"
SCRIPT_FILE = "estimate-data.js"
#: The page's mount point (``{atlas-estimate}``): estimate.js replaces the message with the form.
MOUNT = ('<div id="atlas-estimate" class="atlas-estimate"><p class="atlas-estimate-loading">The form is built in your '
         "browser by the site's own script (<code>_static/estimate.js</code>) from the data beside this page "
         "(<code>estimate.json</code>); it needs JavaScript. Without it, <code>compute-atlas estimate</code> gives the "
         "same figures (see <a href=\"querying.html#estimate-a-job-compute-atlas-estimate-and-compute-atlas-estimate\">"
         "Querying</a>).</p></div>")

#: Where the site shows a row of a table an estimate used (an estimator ``Source``): the address relative to the site's
#: root, ``{id}`` the chip's id (the proxy's for a purchase price of a proxy chip), ``{key}`` the row's key.
PAGES = {"accelerators": "accelerators/{id}.html#specification",
         "accelerator_efficiency": "accelerators/{id}.html#precisions",
         "achieved_vs_peak": "accelerators/{id}.html#achieved", "cloud_prices": "accelerators/{id}.html#cloud-prices",
         "hardware_prices": "accelerators/{id}.html#purchase-prices", "training_runs": "models/{key}.html",
         "assumptions": "costs.html#assumption-{key}"}


def source_href(table: str, key: str, acc_id: str | None) -> str:
    """The page (and anchor) of the site that shows the row ``key`` of ``table`` that an estimate on ``acc_id`` used;
    a table without a page of its own: its data dictionary page."""
    if table in ("accelerators", "hardware_prices") and " " in key:
        acc_id = key.split(" ")[0]  # a purchase price: "<chip or its proxy> <date>"
    template = PAGES.get(table)
    if template is None or ("{id}" in template and not acc_id):
        return f"dictionary/{table}.html"
    return template.replace("{id}", acc_id or "").replace("{key}", key)


class _Sources:
    """The source rows, each once: ``[table, key, used_for, href, refs]``, referred to by index; ``refs`` is the index
    of a list of keys of ``references.bib`` in ``ref_sets`` (each list once: many rows cite the same)."""

    def __init__(self):
        self.rows: list[list] = []
        self.index: dict[tuple, int] = {}
        self.ref_sets: list[list[str]] = []
        self.ref_index: dict[tuple, int] = {}

    def refs(self, source: str | None) -> int:
        keys = tuple(x for x in (source or "").split(";") if x)
        if keys not in self.ref_index:
            self.ref_index[keys] = len(self.ref_sets)
            self.ref_sets.append(list(keys))
        return self.ref_index[keys]

    def add(self, s: estimator.Source, acc_id: str | None = None) -> int:
        href = source_href(s.table, s.key, acc_id)
        k = (s.table, s.key, s.used_for, href)
        if k not in self.index:
            self.index[k] = len(self.rows)
            self.rows.append([s.table, s.key, s.used_for, href, self.refs(s.source)])
        return self.index[k]


def _range(r: estimator.Range) -> list:
    return [r.value, r.low, r.high]


def _iso(v) -> str | None:
    return v.isoformat() if isinstance(v, dt.date) else v


def page_data(con: duckdb.DuckDBPyConnection, when: dt.date) -> dict:
    """Everything the page's arithmetic needs, at the prices nearest ``when`` (the build's date)."""
    inputs = estimator.Inputs(con)
    src = _Sources()
    assumptions = {a: [*_range(inputs.range(a)), src.add(inputs.source(a, ""))] for a in estimator.ASSUMPTIONS}
    hours_per_year, hours_per_year_source = inputs.parameter("hours-per-year", "ownership")
    lo, hi, n, level = inputs.mfu_range
    default_util, default_basis, default_sources = inputs.utilization("", None)
    chips = []
    for acc in inputs.accelerators():
        aid = acc["accelerator_id"]
        rates = {}
        for r in inputs.rates(aid).values():
            util, basis, util_sources = inputs.utilization(aid, r["precision"])
            # the default utilization (the cost model's) is the page's own, once; a measured one is the chip's
            rates[r["precision"]] = [r["peak_flop_per_s"], bool(r["is_best_16bit_tensor"]), src.refs(r["source"]),
                                     None if basis == default_basis and util == default_util else
                                     [*_range(util), basis, [src.add(s, aid) for s in util_sources]]]
        cloud = {pm: [*_range(price), basis, [src.add(s, aid) for s in srcs]]
                 for pm, (price, basis, srcs) in inputs.cloud_prices(aid, when).items()}
        chip_price = inputs.chip_price(aid, when)
        if chip_price is not None:
            usd, price_date, basis, s = chip_price
            chip_price = [usd, _iso(price_date), basis, src.add(s, aid)]
        chips.append({"id": aid, "name": acc["name"], "segment": acc["market_segment"], "tpu": acc["kind"] == "tpu",
                      "tdp": acc["tdp_watts"], "tdp_refs": src.refs(acc["source"]), "rates": rates, "cloud": cloud,
                      "chip_price": chip_price})
    # the names estimator.resolve_accelerator knows, less the ids themselves (the chips' own)
    names = estimator.accelerator_names(con)
    aliases = {k: v for k, v in sorted(names.items()) if k != v.lower()}
    regions = []
    for rid, name in inputs.regions():
        region_id, price, carbon, srcs, notes = inputs.region(rid)
        regions.append([region_id, name, price, carbon, [src.add(s) for s in srcs], notes])
    default_region = inputs.region(None)
    runs = []
    for r in inputs.training_runs():
        runs.append([r["run_id"], r["model"], r["training_compute_flop"], r["parameters"], r["training_tokens"],
                     r["accelerator_id"], r["accelerator_count"], r["precision"],
                     src.add(estimator.Source("training_runs", r["run_id"], r["source"], "the job's size"))])
    return {
        "date": when.isoformat(),
        "constants": {"training_flop_per_parameter_token": estimator.TRAINING_FLOP_PER_PARAMETER_TOKEN,
                      "inference_flop_per_parameter_token": estimator.INFERENCE_FLOP_PER_PARAMETER_TOKEN,
                      "default_precision": estimator.DEFAULT_PRECISION, "pricings": list(estimator.PRICINGS),
                      "pricing_models": list(PRICING_MODELS), "seconds_per_hour": 3600, "watts_per_kw": 1000,
                      "grams_per_kg": 1000},
        "names": {"pricing": {**READER_NAMES["pricing_model"], "ownership": "owning the hardware"},
                  "precision": READER_NAMES["precision"], "segment": READER_NAMES["market_segment"]},
        "assumptions": assumptions,
        "hours_per_year": [hours_per_year, src.add(hours_per_year_source)],
        "utilization_runs": [lo, hi, n, level],
        "default_utilization": [*_range(default_util), default_basis, [src.add(s) for s in default_sources]],
        "chips": chips,
        "aliases": aliases,
        "regions": regions,
        "default_region": [default_region[0], default_region[1], default_region[2],
                           [src.add(s) for s in default_region[3]]],
        "runs": runs,
        "sources": src.rows,
        "ref_sets": src.ref_sets,
        "pages": PAGES,
    }


_LINK = re.compile(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', re.S)


def references(data: dict, cite: Callable[[str], str]) -> dict[str, list[str]]:
    """Each reference key of the page's sources, as ``[text, address]`` of its entry in the references pages;
    ``cite(key)`` is the citation's HTML on the page (``sphinxext.citation_html``)."""
    out = {}
    for key in sorted({k for keys in data["ref_sets"] for k in keys}):
        m = _LINK.search(cite(key))
        if m:
            out[key] = [re.sub(r"<[^>]+>", "", m[2]).strip(), m[1]]
    return out


def write(con: duckdb.DuckDBPyConnection, outdir: Path, cite: Callable[[str], str]) -> dict:
    """Write ``estimate.json`` and ``estimate-data.js`` into the site's folder (only where their text changes); the
    date is the build's (``build_info.built_at``)."""
    built = con.execute("SELECT value_text FROM build_info WHERE item = 'built_at'").fetchall()
    when = dt.date.fromisoformat(built[0][0][:10]) if built else dt.date.today()
    data = page_data(con, when)
    data["references"] = references(data, cite)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    script = ("window.atlasEstimateLoaded(" + text.replace("<", "\\u003c").replace(">", "\\u003e")
              .replace("&", "\\u0026") + ");\n")
    for name, body in ((JSON_FILE, text + "\n"), (SCRIPT_FILE, script)):
        path = outdir / name
        if not path.exists() or path.read_text(encoding="utf-8") != body:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
    return data
