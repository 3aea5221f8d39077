"""The estimate page (docs/estimate.md, docs/_static/estimate.js): its arithmetic, run in Chromium, equals
``compute_atlas.estimate()`` and ``estimate_all()`` on random jobs, chips, pricings and regions; each number links
to the rows it rests on; it fits a phone in dark mode. Screenshots go beside the site (``screenshots/estimate-*``)."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import pytest
from test_browser import CHROMIUM, Visit, _require_browser, serve

pytestmark = [pytest.mark.browser, pytest.mark.site]

#: The page's numbers are the same operations as the estimator's, in the same order, in double precision: they agree
#: to this relative tolerance (the last bits may differ where a browser's Math rounds otherwise).
REL_TOL = 1e-9
#: How many random jobs the page is held to.
N_RANDOM = 240
RESULTS = ("wall_clock_hours", "chip_hours", "energy_kwh", "emissions_kg_co2e", "cost_usd", "utilization",
           "power_per_chip_watts")


@pytest.fixture(scope="module")
def browser():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                    "--disable-component-update", "--no-first-run", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def served(site):
    server, url = serve(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def atlas(site):
    import compute_atlas

    db = compute_atlas.open(site.parent)
    yield db
    db.close()


@pytest.fixture(scope="module")
def page(browser, served):
    """The estimate page, loaded, its data ready."""
    with Visit(browser, served) as v:
        v.page.goto(f"{served}/estimate.html", wait_until="networkidle")
        v.page.wait_for_function("window.atlasEstimate && window.atlasEstimate.ready", timeout=20000)
        yield v


def _date(page) -> str:
    return page.page.evaluate("window.atlasEstimate.data.date")


#: Runs the page's estimator on each input: its result (the fields the tests compare) or its error.
RUN_JS = """([inputs, all]) => inputs.map((inp) => {
    const pick = (e) => ({
        results: Object.fromEntries(RESULTS.map((k) => [k, e[k]])), pricing: e.pricing, precision: e.precision,
        accelerator_id: e.accelerator_id, flop: e.flop, region: e.region, pricings: e.pricings_available,
        by_pricing: e.cost_usd_by_pricing, utilization_basis: e.utilization_basis,
        sources: e.sources.map((s) => [s.table, s.key]), missing: e.missing});
    try {
        return all ? {ok: window.atlasEstimate.estimateAll(inp).map(pick)} : {ok: pick(window.atlasEstimate.estimate(inp))};
    } catch (err) { return {error: err.message}; }
})""".replace("RESULTS", json.dumps(RESULTS))


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-300)


def _same(py, js, where) -> None:
    """The page's result ``js`` is the estimator's ``py``, field by field."""
    for k in RESULTS:
        r = getattr(py, k)
        for end in ("value", "low", "high"):
            assert _close(getattr(r, end), js["results"][k][end]), (where, k, end, getattr(r, end), js["results"][k])
    assert (py.pricing, py.precision, py.accelerator_id, py.region) == \
        (js["pricing"], js["precision"], js["accelerator_id"], js["region"]), where
    assert _close(py.flop, js["flop"]), where
    assert py.pricings_available == js["pricings"], where
    assert py.utilization_basis == js["utilization_basis"], where
    assert set(py.cost_usd_by_pricing) == set(js["by_pricing"]), where
    for pm, r in py.cost_usd_by_pricing.items():
        for end in ("value", "low", "high"):
            assert _close(getattr(r, end), js["by_pricing"][pm][end]), (where, pm, end)
    assert {(s.table, s.key) for s in py.sources} == {tuple(s) for s in js["sources"]}, where
    assert len(py.missing) == len(js["missing"]), (where, py.missing, js["missing"])


def _random_inputs(atlas, n: int, seed: int) -> list[dict]:
    """``n`` jobs: training (FLOP, parameters × tokens, a catalogue run) and inference (per day or total, a size or a
    run), on chips named by id, name or alias, with or without a count, a precision, a utilization, a pricing (one
    the chip may lack), a region and a PUE."""
    rng = random.Random(seed)
    con = atlas.con
    chips = [r[0] for r in con.execute("SELECT DISTINCT accelerator_id FROM accelerator_efficiency").fetchall()]
    priced = [r[0] for r in con.execute("SELECT DISTINCT accelerator_id FROM cloud_prices").fetchall()]
    names = dict(con.execute("SELECT accelerator_id, name FROM accelerators").fetchall())
    aliases = con.execute("SELECT alias, accelerator_id FROM accelerator_aliases").fetchall()
    rates = {}
    for aid, p in con.execute("SELECT accelerator_id, precision FROM accelerator_efficiency").fetchall():
        rates.setdefault(aid, []).append(p)
    runs = [r[0] for r in con.execute("SELECT run_id FROM training_runs WHERE training_compute_flop IS NOT NULL "
                                      "AND accelerator_id IS NOT NULL").fetchall()]
    sized = [r[0] for r in con.execute("SELECT run_id FROM training_runs WHERE parameters IS NOT NULL").fetchall()]
    regions = [r[0] for r in con.execute("SELECT DISTINCT region_id FROM electricity ORDER BY 1").fetchall()]
    pricings = ["on_demand", "commit_1y", "commit_3y", "spot", "ownership"]
    out = []
    for i in range(n):
        aid = rng.choice(priced if rng.random() < 0.6 else chips)
        how = rng.random()
        acc = aid if how < 0.5 else names[aid] if how < 0.8 else rng.choice(
            [a for a, x in aliases if x == aid] or [aid.upper()])
        inp: dict = {"accelerator": acc}
        kind = i % 6
        if kind == 0:
            inp["flop"] = 10 ** rng.uniform(18, 26)
        elif kind == 1:
            inp["parameters"], inp["tokens"] = 10 ** rng.uniform(8, 12), 10 ** rng.uniform(10, 13.5)
        elif kind == 2:
            inp["run_id"] = rng.choice(runs)
            if rng.random() < 0.5:
                inp.pop("accelerator")  # the run's own chips, count and precision
        elif kind == 3:
            inp.update(inference=True, parameters=10 ** rng.uniform(8, 12), tokens_per_day=10 ** rng.uniform(6, 11),
                       days=rng.choice([1, 7, 30, 365, 12.5]))
        elif kind == 4:
            inp.update(inference=True, run_id=rng.choice(sized), tokens=10 ** rng.uniform(8, 14))
        else:
            inp.update(inference=True, flop=10 ** rng.uniform(15, 24))
        if rng.random() < 0.5:
            inp["count"] = rng.choice([1, 8, 64, 1024, 16384])
        if rng.random() < 0.3:
            inp["precision"] = rng.choice(rates.get(aid, ["bf16"]) + ["fp8"])
        if rng.random() < 0.3:
            inp["utilization"] = rng.uniform(0.05, 0.95)
        if rng.random() < 0.6:
            inp["pricing"] = rng.choice(pricings)
        if rng.random() < 0.6:
            inp["region"] = rng.choice(regions)
        if rng.random() < 0.2:
            inp["pue"] = rng.uniform(1.05, 1.6)
        out.append(inp)
    return out


def test_page_arithmetic_equals_the_estimator_on_random_jobs(page, atlas):
    """On N_RANDOM random inputs the page's estimate is ``compute_atlas.estimate()``'s at the data's date (every
    range, every pricing's cost, the chosen pricing, precision and utilization, the rows used), and an input the
    estimator refuses the page refuses too."""
    import compute_atlas

    date = _date(page)
    inputs = _random_inputs(atlas, N_RANDOM, seed=30)
    found = page.page.evaluate(RUN_JS, [inputs, False])
    compared = refused = 0
    kinds = set()
    for inp, js in zip(inputs, found):
        try:
            py = compute_atlas.estimate(**inp, date=date, db=atlas)
        except compute_atlas.EstimateError as exc:
            assert "error" in js, (inp, str(exc), js)
            refused += 1
            continue
        assert "ok" in js, (inp, js)
        _same(py, js["ok"], inp)
        compared += 1
        kinds.add((py.job, py.pricing))
    assert compared >= N_RANDOM // 2 and refused > 0, (compared, refused)
    assert {"training", "inference"} <= {k for k, _ in kinds} and len({p for _, p in kinds}) >= 3, kinds


@pytest.mark.parametrize("job", [{"flop": 1e24}, {"inference": True, "parameters": 7e10, "tokens_per_day": 1e9, "days": 30,
                                                  "pricing": "ownership", "region": "us", "utilization": 0.3},
                                 {"parameters": 8e9, "tokens": 1.5e13, "count": 512, "segment": "data_centre",
                                  "pricing": "spot"}])
def test_page_table_across_chips_equals_estimate_all(page, atlas, job):
    """The same job on every chip: the same chips in the same order, each with the estimator's results and what it
    lacks; chips without a price or a rate are listed, not dropped."""
    import compute_atlas

    date = _date(page)
    py = compute_atlas.estimate_all(**job, date=date, db=atlas)
    js = page.page.evaluate(RUN_JS, [[job], True])[0]
    assert "ok" in js, js
    assert [e.accelerator_id for e in py] == [e["accelerator_id"] for e in js["ok"]]
    for p, j in zip(py, js["ok"]):
        _same(p, j, (job, p.accelerator_id))
    assert any(e.cost_usd.value is None for e in py) and any(e.cost_usd.value is not None for e in py)


def test_each_result_links_to_the_rows_it_rests_on(page, site, served):
    """Every number of the result links to its list of rows; each row links to a page of the site that exists (with
    its anchor where it names one) and to its references' entries."""
    v = page
    v.page.goto(f"{served}/estimate.html?job=training&size=flop&flop=1e24&accelerator=H100&pricing=ownership",
                wait_until="networkidle")
    v.page.locator("a.atlas-estimate-value").first.wait_for(timeout=20000)
    values = v.page.locator("a.atlas-estimate-value").all()
    keys = {a.get_attribute("data-result") for a in values}
    assert {"wall_clock_hours", "chip_hours", "energy_kwh", "emissions_kg_co2e", "cost-on_demand",
            "cost-ownership"} <= keys, keys
    checked = set()
    for a in values:
        target = a.get_attribute("href")
        assert target.startswith("#atlas-estimate-rows-")
        rows = v.page.locator(f"[id='{target[1:]}']")
        assert rows.count() == 1, target
        sources = rows.locator("a.atlas-estimate-source").all()
        assert sources, target
        tables = {s.get_attribute("data-table") for s in sources}
        assert "accelerator_efficiency" in tables, (target, tables)
        if a.get_attribute("data-result").startswith("cost-"):
            assert tables & {"cloud_prices", "hardware_prices", "accelerators"}, (target, tables)
        assert rows.locator("a.atlas-estimate-reference").count() > 0, target
        for link in [*sources, *rows.locator("a.atlas-estimate-reference").all()]:
            checked.add(link.evaluate("a => a.href"))
    for href in sorted(checked):
        path, _, anchor = href.removeprefix(served + "/").partition("#")
        file = site / path
        assert file.is_file(), href
        if anchor:
            assert f'id="{anchor}"' in file.read_text(encoding="utf-8"), href
    assert v.errors == [] and v.outside == [], (v.errors, v.outside)


def test_form_takes_an_alias_and_names_an_unknown_chip(page, served):
    v = page
    v.page.goto(f"{served}/estimate.html?accelerator=MI300X", wait_until="networkidle")
    v.page.locator(".atlas-estimate-summary").wait_for(timeout=20000)
    assert "MI300X" in v.page.locator(".atlas-estimate-summary").inner_text()
    v.page.fill("input[name=accelerator]", "H1OO nonsense")
    message = v.page.locator(".atlas-estimate-message").inner_text()
    assert "unknown accelerator" in message
    # the table across chips stays, with the cheapest, fastest and lowest in energy named
    assert v.page.locator("table.atlas-estimate-across tbody tr").count() > 10
    text = v.page.locator("table.atlas-estimate-across").inner_text()
    assert "cheapest" in text and "fastest" in text and "lowest energy" in text
    # a chip of the table: its own estimate, whose numbers link to their rows
    row = v.page.locator("table.atlas-estimate-across tbody tr").nth(3)
    aid = row.get_attribute("data-accelerator")
    row.locator("a.atlas-estimate-pick").click()
    v.page.wait_for_load_state("networkidle")
    v.page.locator(".atlas-estimate-summary").wait_for(timeout=20000)
    assert v.page.input_value("input[name=accelerator]") == aid
    assert v.page.locator(f".atlas-estimate-summary a[href$='accelerators/{aid}.html']").count() == 1
    assert v.errors == [] and v.outside == [], (v.errors, v.outside)


@pytest.mark.parametrize("width,scheme", [(1280, "light"), (1280, "dark"), (390, "light"), (390, "dark")])
def test_page_fits_the_screen_and_reads_in_both_themes(browser, served, site, width, scheme):
    """Nothing scrolls the page sideways; the tables scroll in their own boxes; the text of the result and the table
    stands out from its background (WCAG 4.5:1). A screenshot of each goes beside the site."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    try:
        pg = context.new_page()
        pg.goto(f"{served}/estimate.html?job=training&size=flop&flop=1e24&accelerator=H100", wait_until="networkidle")
        pg.locator("table.atlas-estimate-across tbody tr").first.wait_for(timeout=20000)
        found = pg.evaluate("""() => {
            const lum = (c) => { const m = c.match(/[\\d.]+/g).map(Number).slice(0, 3).map(v => v / 255)
                .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
                return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]; };
            const bgOf = (e) => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
                if (c && !/rgba\\(.*, 0\\)$/.test(c) && c !== 'transparent') return c; } return 'rgb(255, 255, 255)'; };
            const cells = Array.from(document.querySelectorAll('.atlas-estimate td, .atlas-estimate th, '
                + '.atlas-estimate label, .atlas-estimate a, .atlas-estimate p')).slice(0, 300);
            const contrasts = cells.filter(c => c.textContent.trim() && c.offsetParent).map(c => {
                const a = lum(getComputedStyle(c).color), b = lum(bgOf(c));
                return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); });
            const boxes = Array.from(document.querySelectorAll('.atlas-estimate .atlas-explore-box, '
                + '.atlas-estimate .atlas-compare-box')).map(b => b.getBoundingClientRect().right);
            return {scroll: document.documentElement.scrollWidth, lowest: Math.min(...contrasts), boxes: boxes};
        }""")
        shots = Path(site).parent / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(shots / f"estimate-{width}-{scheme}.png"), full_page=True)
    finally:
        context.close()
    assert found["scroll"] <= width, found
    assert found["boxes"] and all(r <= width for r in found["boxes"]), found
    assert found["lowest"] >= 4.5, found
