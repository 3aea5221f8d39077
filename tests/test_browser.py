"""The site in a real browser: Debian's chromium driven by Playwright, offline."""

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import quote

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.site]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PAGES = ["index", "hardware", "accelerators", "costs", "techniques", "compute-efficiency", "measured", "capabilities", "inference", "glossary",
         "references", "querying", "contributing", "cite", "changelog", "estimate",
         "dictionary/index", "dictionary/accelerators"]


def _require_browser():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "playwright is not installed"
    else:
        reason = None if Path(CHROMIUM).exists() else "Debian's chromium is not installed"
    if reason:
        if os.environ.get("COMPUTE_ATLAS_REQUIRE_BROWSER"):
            pytest.fail(reason + " (COMPUTE_ATLAS_REQUIRE_BROWSER is set)")
        pytest.skip(reason)


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


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(root: Path):
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def served(site):
    server, url = serve(site)
    yield url
    server.shutdown()


class Visit:
    """A page, with every console error and every request that left the site."""

    def __init__(self, browser, base: str):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.base, self.errors, self.outside = base, [], []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

        def route(r):
            if r.request.url.startswith(base) or r.request.url.startswith("data:"):
                r.continue_()
            else:
                self.outside.append(r.request.url)
                r.abort()
        self.page.route("**/*", route)

    def close(self):
        self.context.close()

    def __enter__(self) -> "Visit":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def charts_drawn(self, name: str) -> int:
        """Open page ``name``; assert that each of its charts drew an SVG of a visible size; return how many."""
        self.page.goto(f"{self.base}/{name}.html", wait_until="networkidle")
        charts = self.page.locator(".atlas-chart-view")
        for i in range(charts.count()):
            svg = charts.nth(i).locator("svg").first
            svg.wait_for(state="attached", timeout=15000)
            box = svg.bounding_box()
            assert box and box["width"] > 50 and box["height"] > 50, f"chart {i} of {name} did not draw"
        return charts.count()


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_offline_without_errors_and_draws_its_charts(browser, served, name):
    with Visit(browser, served) as v:
        v.charts_drawn(name)
        assert v.errors == [], v.errors
        assert v.outside == [], v.outside


def test_glossary_and_citation_links_land_on_their_targets(browser, served):
    with Visit(browser, served) as v:
        v.page.goto(f"{served}/compute-efficiency.html", wait_until="networkidle")
        v.page.locator("a[href*='glossary.html#term-']").first.click()
        v.page.wait_for_load_state("networkidle")
        target = v.page.url.split("#", 1)[1]
        assert "glossary.html" in v.page.url and v.page.locator(f"[id='{target}']").count() == 1
        v.page.goto(f"{served}/compute-efficiency.html", wait_until="networkidle")
        # the references are three pages by key (references.html, references-e-m.html, references-n-z.html)
        v.page.locator("a[href*='references'][href*='.html#id']").first.click()
        v.page.wait_for_load_state("networkidle")
        target = v.page.url.split("#", 1)[1]
        assert "/references" in v.page.url and v.page.locator(f"[id='{target}']").count() == 1


def test_site_search_finds_a_glossary_term(browser, served):
    with Visit(browser, served) as v:
        v.page.goto(f"{served}/search.html?q=quantization", wait_until="networkidle")
        v.page.locator("#search-results li").first.wait_for(timeout=15000)
        assert "glossary" in v.page.locator("#search-results").inner_html().lower()


def test_tables_sort_on_click(browser, served):
    with Visit(browser, served) as v:
        v.page.goto(f"{served}/accelerators/index.html", wait_until="networkidle")
        header = v.page.locator("table.sortable th").nth(0)
        header.click()
        assert header.get_attribute("aria-sort") == "ascending"
        first = v.page.locator("table.sortable tbody tr td").first.inner_text()
        header.click()
        assert header.get_attribute("aria-sort") == "descending"
        assert v.page.locator("table.sortable tbody tr td").first.inner_text() != first


#: Counts, in the browser, the pixels of a PNG (a data URL) that differ from its corner pixel (the background)
#: and the distinct colours among them.
INK_JS = """async (url) => {
    const img = new Image(); img.src = url; await img.decode();
    const canvas = document.createElement('canvas'); canvas.width = img.width; canvas.height = img.height;
    const ctx = canvas.getContext('2d'); ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    let ink = 0; const colours = new Set();
    for (let i = 0; i < d.length; i += 4) {
        if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 30) {
            ink++; colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
        }
    }
    return {ink: ink, pixels: d.length / 4, colours: colours.size};
}"""


def test_screenshots_for_developers(browser, site, served):
    """Screenshots go beside the session's site, in its build folder under pytest's tmp folder. Each page's
    first chart is drawn: its SVG has data marks, and its box on screen is not blank (some of its pixels
    differ from the background, in several colours: axes, labels and marks)."""
    import base64

    shots = site.parent / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    with Visit(browser, served) as v:
        for name in ("index", "hardware"):
            v.page.goto(f"{served}/{name}.html", wait_until="networkidle")
            svg = v.page.locator(".atlas-chart-view svg").first
            svg.wait_for(timeout=15000)
            assert svg.locator(".role-mark > *").count() > 0, f"the first chart of {name} has no data marks"
            path = shots / f"{name}.png"
            v.page.screenshot(path=str(path), full_page=True)
            png = svg.screenshot()
            found = v.page.evaluate(INK_JS, "data:image/png;base64," + base64.b64encode(png).decode())
            assert found["ink"] > 0.01 * found["pixels"] and found["colours"] >= 3, (name, found)
        assert v.errors == [], v.errors


def test_payloads_in_data_do_not_run(browser, altered_site):
    server, url = serve(altered_site)
    try:
        with Visit(browser, url) as v:
            for name in ("glossary", "hardware", "accelerators"):
                v.page.goto(f"{url}/{name}.html", wait_until="networkidle")
                assert v.page.evaluate("window.__pwned === undefined"), name
            assert "<script>window.__pwned = 1</script>" in v.page.locator("table").first.inner_text()  # shown as text
    finally:
        server.shutdown()


# --- entity pages, their JSON, the compare page and the search by alias --------------------------------

ENTITY_PAGES = ["accelerators/nvidia-h100-sxm5-80gb", "accelerators/google-tpu-v5p", "models/llama-3-1-405b",
                "accelerators/index", "models/index", "compare"]


@pytest.mark.parametrize("name", ENTITY_PAGES)
def test_entity_page_loads_offline_and_draws_its_charts(browser, served, name):
    with Visit(browser, served) as v:
        n_charts = v.charts_drawn(name)
        if name.startswith("accelerators/nvidia"):
            assert n_charts >= 1
        assert v.errors == [], v.errors
        assert v.outside == [], v.outside


def test_entity_links_land_on_entity_pages(browser, served):
    with Visit(browser, served) as v:
        v.page.goto(f"{served}/accelerators.html", wait_until="networkidle")
        link = v.page.locator("table a.atlas-entity-link").first
        name = link.inner_text()
        link.click()
        v.page.wait_for_load_state("networkidle")
        assert "/accelerators/" in v.page.url
        assert v.page.locator("h1").first.inner_text().rstrip("¶").strip() == name
        # from an accelerator page to a model trained on it, and back through the model's hardware link
        v.page.goto(f"{served}/accelerators/nvidia-h100-sxm5-80gb.html", wait_until="networkidle")
        v.page.locator("#training-runs a.atlas-entity-link").first.click()
        v.page.wait_for_load_state("networkidle")
        assert "/models/" in v.page.url
        v.page.locator("#hardware a.atlas-entity-link").first.click()
        v.page.wait_for_load_state("networkidle")
        assert v.page.url.endswith("/accelerators/nvidia-h100-sxm5-80gb.html")
        assert v.errors == [] and v.outside == []


def test_entity_json_parses_and_agrees_with_the_database(browser, served, site):
    import duckdb

    con = duckdb.connect(str(site.parent / "compute_atlas.duckdb"), read_only=True)
    try:
        name, tdp, n_cloud = con.execute("""SELECT name, tdp_watts, (SELECT count(*) FROM cloud_prices c
                                            WHERE c.accelerator_id = a.accelerator_id)
                                            FROM accelerators a WHERE accelerator_id = 'nvidia-h100-sxm5-80gb'""").fetchone()
        model, flop = con.execute("SELECT model, training_compute_flop FROM training_runs WHERE run_id = 'llama-3-1-405b'").fetchone()
    finally:
        con.close()
    with Visit(browser, served) as v:
        v.page.goto(f"{served}/index.html", wait_until="networkidle")
        doc = v.page.evaluate("fetch('api/accelerators/nvidia-h100-sxm5-80gb.json').then(r => r.json())")
        spec = doc["sections"]["specification"]["rows"][0]
        assert (doc["name"], spec["tdp_watts"], doc["units"]["tdp_watts"]) == (name, tdp, "watts")
        assert len(doc["sections"]["cloud_prices"]["rows"]) == n_cloud
        doc = v.page.evaluate("fetch('api/models/llama-3-1-405b.json').then(r => r.json())")
        assert (doc["name"], doc["sections"]["catalogue"]["rows"][0]["training_compute_flop"]) == (model, flop)
        index = v.page.evaluate("fetch('api/index.json').then(r => r.json())")
        assert {"accelerator", "model"} == {e["kind"] for e in index["entities"]}


def test_compare_page_renders_the_pair_its_link_names(browser, served):
    with Visit(browser, served) as v:
        pair = "nvidia-h100-sxm5-80gb,nvidia-a100-sxm4-80gb"
        v.page.goto(f"{served}/compare.html?accelerators={pair}", wait_until="networkidle")
        result = v.page.locator(".atlas-compare-result[data-compared]")
        result.wait_for(timeout=15000)
        assert result.get_attribute("data-compared") == pair
        heads = v.page.locator("table.atlas-compare-table thead th a").all_inner_texts()
        assert heads == ["NVIDIA H100 SXM5 80 GB", "NVIDIA A100 SXM4 80 GB"]
        rows = v.page.locator("table.atlas-compare-table tbody tr")
        bf16 = [r for r in rows.all() if r.locator("th").inner_text() == "BF16 dense peak"]
        assert bf16 and bf16[0].locator("td").all_inner_texts() == ["989 TFLOP/s", "312 TFLOP/s"]
        # picking a third by name updates the link
        v.page.locator("input.atlas-compare-pick").fill("MI300X")
        v.page.locator(".atlas-compare-form button[type=submit]").click()
        v.page.wait_for_function("document.querySelector('.atlas-compare-result').dataset.compared.split(',').length === 3")
        assert v.page.url.endswith("compare.html?accelerators=" + pair + ",amd-mi300x")
        v.page.goto(f"{served}/compare.html?models=llama-3-1-405b,gpt-4", wait_until="networkidle")
        v.page.locator(".atlas-compare-result[data-compared]").wait_for(timeout=15000)
        assert v.page.locator("table.atlas-compare-table thead th a").count() == 2
        assert v.errors == [] and v.outside == []


@pytest.mark.parametrize("query,page", [("H100", "accelerators/nvidia-h100-sxm5-80gb.html"),
                                        ("v5p", "accelerators/google-tpu-v5p.html"),
                                        ("Llama 3 405B", "models/llama-3-1-405b.html")])
def test_search_for_a_name_or_alias_lands_on_its_page(browser, served, query, page):
    with Visit(browser, served) as v:
        v.page.goto(f"{served}/index.html", wait_until="networkidle")
        box = v.page.locator("input.sidebar-search").first
        box.fill(query)
        box.press("Enter")
        v.page.wait_for_url(f"**/{page}", timeout=15000)
        assert v.errors == [] and v.outside == []


def test_search_for_an_ambiguous_name_lists_the_entities(browser, served):
    with Visit(browser, served) as v:
        v.page.goto(f"{served}/search.html?q=A100", wait_until="networkidle")
        hits = v.page.locator(".atlas-entity-hits li a")
        hits.first.wait_for(timeout=15000)
        assert hits.count() >= 2 and all("A100" in t for t in hits.all_inner_texts())


@pytest.mark.parametrize("query,page", [("cost of GPT-4", "models/gpt-4.html"),
                                        ("H100 cloud price", "accelerators/nvidia-h100-sxm5-80gb.html"),
                                        ("GPT-4.1 price per token", "models/gpt-4-1.html")])
def test_search_lists_the_named_entity_first_among_other_words(browser, served, query, page):
    """A query that names an entity among other words lists that entity's page first (not a longer name's part:
    GPT-4 in "GPT-4.1"), above the text results, and lists no address twice."""
    with Visit(browser, served) as v:
        v.page.goto(f"{served}/search.html?q={quote(query)}", wait_until="networkidle")
        hits = v.page.locator(".atlas-entity-hits li a")
        hits.first.wait_for(timeout=15000)
        assert hits.first.get_attribute("href").endswith(page)
        v.page.locator("#search-results li").first.wait_for(timeout=15000)
        v.page.wait_for_timeout(500)
        hrefs = [a.get_attribute("href") for a in v.page.locator("#search-results li a").all()]
        assert hrefs and len(hrefs) == len(set(hrefs))
        assert v.errors == [] and v.outside == []


# --- every screen: a phone's width, a dark page -------------------------------------------------------

#: On the page, once its charts are drawn: how far the page scrolls sideways, each chart's overrun of its
#: figure, and the lowest contrast of a chart's text against the page's background (WCAG's ratio).
SCREEN_JS = """() => {
    const lum = (c) => { const m = c.match(/[\\d.]+/g).map(Number).slice(0, 3).map(v => v / 255)
        .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
        return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]; };
    let bg = null;
    for (let e = document.querySelector('.atlas-chart') || document.body; e && !bg; e = e.parentElement) {
        const c = getComputedStyle(e).backgroundColor;
        if (c && !/rgba\\(.*, 0\\)$/.test(c) && c !== 'transparent') bg = c;
    }
    bg = bg || 'rgb(255, 255, 255)';
    const contrasts = [], over = [];
    document.querySelectorAll('.atlas-chart-view').forEach((view, i) => {
        over.push(Math.round(view.getBoundingClientRect().width - view.closest('figure').clientWidth));
        view.querySelectorAll('svg text').forEach((t) => {
            if (!t.textContent.trim()) return;
            const fill = getComputedStyle(t).fill;
            if (!fill || !fill.startsWith('rgb')) return;
            const a = lum(fill), b = lum(bg);
            contrasts.push([(Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), t.textContent.trim(), i]);
        });
    });
    contrasts.sort((x, y) => x[0] - y[0]);
    return {scroll: document.documentElement.scrollWidth, over: over, lowest: contrasts.slice(0, 3), bg: bg,
            drawn: document.querySelectorAll('.atlas-chart-drawn').length,
            charts: document.querySelectorAll('.atlas-chart-view').length};
}"""


@pytest.mark.parametrize("name", PAGES + ENTITY_PAGES)
def test_a_phone_in_dark_mode_reads_every_page_and_chart(browser, served, name):
    """At 390 px wide with a dark page: nothing scrolls the page sideways, every chart fits its column, and
    every chart's text stands out from the page at a contrast of at least 3:1."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(f"{served}/{name}.html", wait_until="networkidle")
        page.wait_for_function("document.querySelectorAll('.atlas-chart-drawn').length === "
                               "document.querySelectorAll('.atlas-chart-view').length", timeout=20000)
        found = page.evaluate(SCREEN_JS)
    finally:
        context.close()
    assert found["scroll"] <= 390, (name, found["scroll"])
    assert all(o <= 1 for o in found["over"]), (name, found["over"])
    assert all(c[0] >= 3 for c in found["lowest"]), (name, found["bg"], found["lowest"])


# --- explore and compare: the accelerator list, the buying engineer's question ----------------------------------

#: The chips of the buying engineer's question (issue 29): BF16 FLOP/s per dollar and per watt, an hour in the cloud.
ENGINEERS_CHIPS = ["nvidia-h100-sxm5-80gb", "nvidia-h200-sxm-141gb", "nvidia-b200", "amd-mi300x", "google-tpu-v5p"]


def _db(site):
    import duckdb

    return duckdb.connect(str(site.parent / "compute_atlas.duckdb"), read_only=True)


def _name(site, aid: str) -> str:
    con = _db(site)
    try:
        return con.execute("SELECT name FROM accelerators WHERE accelerator_id = ?", [aid]).fetchall()[0][0]
    finally:
        con.close()


def _compare_rows(page) -> dict[str, list[str]]:
    """The compare table's rows: label -> the cells, one per chip."""
    out = {}
    for row in page.locator("table.atlas-compare-table tbody tr:not(.atlas-compare-group)").all():
        out[row.locator("th").inner_text().strip()] = [t.strip() for t in row.locator("td").all_inner_texts()]
    return out


def test_engineers_question_is_answered_two_clicks_from_the_home_page(browser, served, site):
    """Home page -> the accelerator list -> the comparison of the H100, H200, B200, MI300X and TPU v5p: the page
    gives each one's BF16 FLOP/s per dollar and per watt, the price they divide by and its cloud prices by pricing
    model, all as the database has them (or says the atlas has none)."""
    from compute_atlas.metadata.units import fmt_value
    from compute_atlas.metadata.vocabularies import PRICING_MODELS, READER_NAMES
    from compute_atlas.site.explore import price_text

    con = _db(site)
    try:
        eff = {r[0]: r[1:] for r in con.execute(
            "SELECT accelerator_id, priced_flop_per_s_per_usd_2024, flop_per_s_per_watt, price_basis, price_usd, "
            "price_date FROM accelerator_efficiency WHERE precision = 'bf16'").fetchall()}
        cloud = {(r[0], r[1]): r[2] for r in con.execute(
            "SELECT accelerator_id, pricing_model, median_price_usd_per_hour FROM cloud_price_summary").fetchall()}
    finally:
        con.close()
    with Visit(browser, served) as v:
        v.page.goto(f"{served}/index.html", wait_until="networkidle")
        v.page.locator(".sidebar-tree a[href='accelerators.html']").first.click()  # click 1
        v.page.wait_for_load_state("networkidle")
        v.page.locator("a.atlas-compare-link").first.click()  # click 2
        v.page.wait_for_load_state("networkidle")
        result = v.page.locator(".atlas-compare-result[data-compared]")
        result.wait_for(timeout=15000)
        assert result.get_attribute("data-compared") == ",".join(ENGINEERS_CHIPS)
        rows = _compare_rows(v.page)
        for i, aid in enumerate(ENGINEERS_CHIPS):
            per_usd, per_watt, basis, usd, date = eff[aid]
            assert rows["BF16 per watt"][i] == fmt_value(per_watt, "flop_per_s_per_watt"), aid
            if per_usd is None:
                assert rows["BF16 per dollar"][i] == "not in the atlas"
            else:
                assert rows["BF16 per dollar"][i] == fmt_value(per_usd, "flop_per_s_per_usd_2024"), aid
                assert rows["Per-dollar figures divide by"][i] == price_text(basis, usd, date), aid
            for model in PRICING_MODELS:
                label = f"Cloud, {READER_NAMES['pricing_model'][model]} (per chip-hour)"
                if (aid, model) in cloud:
                    assert rows[label][i].startswith(fmt_value(cloud[aid, model], "usd_per_hour")), (aid, model)
                elif label in rows:
                    assert rows[label][i] == "not in the atlas", (aid, model)
        assert any(k.startswith("Cloud, ") for k in rows), "some of the five has a cloud price"
        # and what a 10^24 FLOP run would cost and emit on each: the same page's worked example
        run = v.page.locator("#what-a-training-run-costs-on-each").inner_text()
        for aid in ENGINEERS_CHIPS:
            assert run.count("\n") > len(ENGINEERS_CHIPS) and _name(site, aid) in run, aid
        # one precision only: the others' rows go, the prices stay
        v.page.locator(".atlas-compare-form select[name=precision]").select_option("bf16")
        v.page.wait_for_function("location.search.indexOf('precision=bf16') >= 0")
        rows = _compare_rows(v.page)
        assert "BF16 per watt" in rows and "FP32 per watt" not in rows and "Per-dollar figures divide by" in rows
        assert v.errors == [] and v.outside == []


def test_compare_takes_any_number_of_chips_and_names_an_unknown_one(browser, served, site):
    con = _db(site)
    try:
        many = [r[0] for r in con.execute("SELECT accelerator_id FROM accelerators WHERE market_segment = 'data_centre' "
                                          "ORDER BY release_date DESC, accelerator_id LIMIT 9").fetchall()]
    finally:
        con.close()
    with Visit(browser, served) as v:
        v.page.goto(f"{served}/compare.html?accelerators={','.join(many)},no-such-chip,Bad%20Id", wait_until="networkidle")
        result = v.page.locator(".atlas-compare-result[data-compared]")
        result.wait_for(timeout=15000)
        assert result.get_attribute("data-compared") == ",".join(many)
        assert v.page.locator("table.atlas-compare-table thead th a").count() == len(many)
        messages = v.page.locator(".atlas-compare-messages").inner_text()
        assert "no-such-chip" in messages and "Bad Id" in messages
        assert "scrolls sideways" in messages  # nine columns are wider than the page: it says so
        # removing a chip updates the table and the address
        v.page.locator(".atlas-compare-remove").first.click()
        v.page.wait_for_function(f"document.querySelector('.atlas-compare-result').dataset.compared === '{','.join(many[1:])}'")
        assert many[0] not in v.page.url and many[1] in v.page.url
        assert v.errors == [] and v.outside == []


def _list_state(page) -> dict:
    return page.evaluate("""() => ({
        ids: Array.from(document.querySelectorAll('table.atlas-explore-table tbody tr')).map(r => r.dataset.id),
        perWatt: Array.from(document.querySelectorAll('table.atlas-explore-table td[data-key=per_watt]')).map(c => c.textContent),
        market: Array.from(document.querySelectorAll('table.atlas-explore-table td[data-key=market]')).map(c => c.textContent),
        released: Array.from(document.querySelectorAll('table.atlas-explore-table td[data-key=released]')).map(c => c.textContent),
        heads: Array.from(document.querySelectorAll('table.atlas-explore-table thead th')).map(c => c.textContent),
        precision: document.querySelector('.atlas-explore-filters select[name=precision]').value,
        from: document.querySelector('.atlas-explore-filters select[name=from]').value,
        segments: Array.from(document.querySelectorAll('.atlas-explore-filters input[name=segment]:checked')).map(i => i.value),
    })""")


def test_accelerator_list_filters_sorts_and_keeps_its_view_in_the_address(browser, served, site):
    """Data-centre chips released from 2023 with a BF16 rate, by BF16 FLOP/s per watt, highest first: the rows are
    the database's, in its order; the address holds the view, and a reload (or the address alone) restores it."""
    from compute_atlas.metadata.units import fmt_value

    con = _db(site)
    try:
        want = con.execute("""SELECT accelerator_id, flop_per_s_per_watt FROM accelerator_efficiency
                              WHERE precision = 'bf16' AND market_segment = 'data_centre'
                                AND year(release_date) >= 2023
                              ORDER BY flop_per_s_per_watt DESC NULLS LAST""").fetchall()
        n_all = con.execute("SELECT count(*) FROM accelerators").fetchone()[0]
    finally:
        con.close()
    with Visit(browser, served) as v:
        v.page.goto(f"{served}/accelerators.html", wait_until="networkidle")
        assert v.page.locator("table.atlas-explore-table tbody tr").count() == n_all
        form = v.page.locator(".atlas-explore-filters")
        form.locator("input[name=segment][value=data_centre]").check()
        form.locator("select[name=from]").select_option("2023")
        form.locator("select[name=precision]").select_option("bf16")
        form.locator("input[name=has]").check()
        v.page.locator("table.atlas-explore-table th[data-key=per_watt] button").click()
        header = v.page.locator("table.atlas-explore-table th[data-key=per_watt]")
        assert header.get_attribute("aria-sort") == "descending"
        state = _list_state(v.page)
        assert sorted(state["ids"]) == sorted(r[0] for r in want)
        assert state["perWatt"] == [fmt_value(r[1], "flop_per_s_per_watt") if r[1] else "" for r in want]
        assert set(state["market"]) == {"data centre"} and min(state["released"]) >= "2023"
        assert any("BF16 per watt" in h and "W" in h for h in state["heads"]), state["heads"]
        url = v.page.url
        assert "segment=data_centre" in url and "from=2023" in url and "precision=bf16" in url and "sort=per_watt" in url
        v.page.reload(wait_until="networkidle")
        assert _list_state(v.page) == state
        # the address alone, in a new tab, gives the same view; ticking chips leads to their comparison
        with Visit(browser, served) as w:
            w.page.goto(url, wait_until="networkidle")
            assert _list_state(w.page) == state
            for aid in state["ids"][:3]:
                w.page.locator(f"tr[data-id='{aid}'] input.atlas-explore-pick").check()
            assert "pick=" + ",".join(state["ids"][:3]) in w.page.url
            w.page.locator("a.atlas-explore-compare-link").first.click()
            w.page.wait_for_load_state("networkidle")
            w.page.locator(".atlas-compare-result[data-compared]").wait_for(timeout=15000)
            assert w.page.locator(".atlas-compare-result").get_attribute("data-compared") == ",".join(state["ids"][:3])
            assert w.errors == [] and w.outside == []
        assert v.errors == [] and v.outside == []


@pytest.mark.parametrize("address", ["accelerators.html?segment=data_centre&precision=bf16&sort=per_dollar",
                                     "compare.html?accelerators=" + ",".join(ENGINEERS_CHIPS)])
def test_explore_and_compare_fit_a_phone_in_dark_mode(browser, served, address):
    """At 390 px with a dark page the list and the comparison of five chips scroll inside their own boxes, never
    the page, and their text stands out from its background."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(f"{served}/{address}", wait_until="networkidle")
        page.locator("table.atlas-explore-table tbody tr, table.atlas-compare-table tbody tr").first.wait_for(timeout=15000)
        found = page.evaluate("""() => {
            const lum = (c) => { const m = c.match(/[\\d.]+/g).map(Number).slice(0, 3).map(v => v / 255)
                .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
                return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]; };
            const bgOf = (e) => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
                if (c && !/rgba\\(.*, 0\\)$/.test(c) && c !== 'transparent') return c; } return 'rgb(255, 255, 255)'; };
            const cells = Array.from(document.querySelectorAll('table.atlas-explore-table td, table.atlas-compare-table td, '
                + 'table.atlas-explore-table th, table.atlas-compare-table th')).slice(0, 200);
            const contrasts = cells.filter(c => c.textContent.trim()).map(c => {
                const a = lum(getComputedStyle(c).color), b = lum(bgOf(c));
                return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); });
            const box = document.querySelector('.atlas-explore-box, .atlas-compare-box');
            return {scroll: document.documentElement.scrollWidth, lowest: Math.min(...contrasts),
                    boxScrolls: box.scrollWidth > box.clientWidth, boxRight: box.getBoundingClientRect().right};
        }""")
    finally:
        context.close()
    assert found["scroll"] <= 390, found
    assert found["boxRight"] <= 390 and found["boxScrolls"], found
    assert found["lowest"] >= 4.5, found


def _figures(site) -> dict[str, str]:
    """Every headline figure as the pages format it."""
    from compute_atlas.metadata.units import fmt_value

    con = _db(site)
    try:
        return {f: fmt_value(v, u) for f, v, u in
                con.execute("SELECT figure_id, value, unit FROM headline_figures").fetchall()}
    finally:
        con.close()


def test_policy_researchers_question_is_answered_one_click_from_the_home_page(browser, served, site):
    """How fast is the cost of a fixed capability falling, and what does GPT-4-level capability cost today to train?
    The home page's text says both; one click on its evidence link, the compute-efficiency page says which of its
    estimates to quote, with the same rate."""
    figures = _figures(site)
    with Visit(browser, served) as v:
        v.page.goto(f"{served}/index.html", wait_until="networkidle")
        text = v.page.locator("article").inner_text()
        for figure in ("efficiency_language_hardware_and_algorithms_growth_x",
                       "capability_gpt_4_training_cost_now_usd_2024", "capability_gpt_4_mmlu_price_now_usd_per_mtok"):
            assert figures[figure] in text, figure
        v.page.locator("article a[href='compute-efficiency.html']").first.click()  # click 1
        v.page.wait_for_url("**/compute-efficiency.html")
        text = v.page.locator("article").inner_text()
        quote = text[text.index("Which estimate to quote"):]
        advice = quote[:quote.index("With the atlas")]
        assert "Quote" in advice and figures["efficiency_language_hardware_and_algorithms_growth_x"] in advice
        assert figures["efficiency_language_hardware_and_measured_algorithms_growth_x"] in quote
        assert v.errors == [] and v.outside == []


def test_contributors_question_is_answered_one_click_from_the_home_page(browser, served):
    """How do I add an accelerator, and what are the units? From the home page's footer, one click to the
    contributing guide, whose text explains the accelerators file and the units, with the repository and a way to
    report an error on the same page."""
    from compute_atlas import about

    with Visit(browser, served) as v:
        v.page.goto(f"{served}/index.html", wait_until="networkidle")
        assert v.page.locator("a.atlas-repository").get_attribute("href") == about.urls()["repository"]
        v.page.locator(".atlas-project a[href='contributing.html']").click()  # click 1
        v.page.wait_for_url("**/contributing.html")
        text = v.page.locator("article").inner_text()
        assert "accelerators.csv" in text and "Units live in the column name" in text
        assert v.page.locator("a.atlas-report").get_attribute("href").startswith(about.urls()["issues"] + "/new?")
        assert v.errors == [] and v.outside == []
