"""The site: built with -W from the database, offline, every number from the database."""

import re

import pytest

from compute_atlas.schemas import RELATIONS
from compute_atlas.site.charts import CHARTS

from conftest import CHECKOUT, cli

pytestmark = pytest.mark.site

PAGES = ["index", "hardware", "accelerators", "costs", "techniques", "compute-efficiency", "measured", "capabilities", "inference", "claims", "glossary",
         "querying", "contributing", "cite", "changelog", "references"]


def test_every_page_and_dictionary_entry_is_built(site):
    for page in PAGES:
        assert (site / f"{page}.html").exists(), page
    for rel in RELATIONS:
        html = (site / "dictionary" / f"{rel.name}.html").read_text()
        for col in rel.columns():
            assert f">{col.name}<" in html, f"{rel.name}.{col.name} missing from its dictionary page"


def test_every_chart_has_data_fallback_and_description(site):
    used = set()
    for page in PAGES:
        html = (site / f"{page}.html").read_text()
        for name in re.findall(r'<figure class="atlas-chart" id="chart-([a-z0-9-]+)"', html):
            used.add(name)
            assert (site / "_charts" / f"{name}.csv").stat().st_size > 0
            assert (site / "_charts" / f"{name}.svg").read_text().startswith("<svg")
            block = html[html.index(f'id="chart-{name}"'):]
            assert 'aria-label="' in block and "<noscript><img" in block
    assert used == set(CHARTS), "every chart is used on some page"


def test_no_reference_outside_the_site(site):
    for page in site.rglob("*.html"):
        html = page.read_text()
        for attr in re.findall(r'(?:src|href)="(https?:)?//([^"]+)"', html):
            tag = html[max(0, html.find(attr[1]) - 200):html.find(attr[1])]
            assert "<script" not in tag.split(">")[-1] and "stylesheet" not in tag, f"{page}: external {attr}"
        assert not re.search(r'<script[^>]+src="https?://', html), page
        assert not re.search(r'<link[^>]+rel="stylesheet"[^>]+href="https?://', html), page


def test_vega_is_served_by_the_site(site):
    bundle = (site / "_static" / "vega-bundle.js").read_text()
    assert "vegaEmbed" in bundle and bundle.startswith("/* vega")


def test_downloads_are_published_with_the_site(site):
    for rel in RELATIONS:
        assert (site / "downloads" / "csv" / f"{rel.name}.csv").exists()
        assert (site / "downloads" / "parquet" / f"{rel.name}.parquet").exists()


def test_numbers_come_from_the_database(site, altered_site):
    def h100(s):
        return re.search(r"H100 SXM delivers <span class=\"atlas-value\"[^>]*>([^<]+)</span>", (s / "index.html").read_text()).group(1)
    assert h100(site) == "989 TFLOP/s"
    assert h100(altered_site) == "950 TFLOP/s"


def test_dataset_text_cannot_inject_markup(altered_site):
    """The payload reaches the pages only as text (escaped), never as an element."""
    from html.parser import HTMLParser

    class Elements(HTMLParser):
        def __init__(self):
            super().__init__()
            self.bad, self.in_script = [], False

        def handle_starttag(self, tag, attrs):
            # a JSON data block is not run; every other script is
            self.in_script = tag == "script" and ("type", "application/json") not in attrs
            if any(name.startswith("on") for name, _ in attrs):
                self.bad.append((tag, attrs))

        def handle_data(self, data):
            if self.in_script and "__pwned" in data:
                self.bad.append(("script", data[:80]))

    for page in ("accelerators", "glossary", "hardware", "index"):
        parser = Elements()
        parser.feed((altered_site / f"{page}.html").read_text())
        assert parser.bad == [], page
    assert "&lt;script&gt;window.__pwned" in (altered_site / "glossary.html").read_text()
    # the accelerator list's data block holds it with its brackets escaped (explore.js shows it as text)
    assert "\\u003cscript\\u003ewindow.__pwned" in (altered_site / "accelerators.html").read_text()


def test_claim_rules_show_their_code_as_code(site):
    """A rule's description names relations in backticks: they render as code, not as literal backticks."""
    page = (site / "claims.html").read_text()
    assert "<code" in page and "technique_effects</span></code>" in page
    assert not re.search(r"Rule\.</em>[^<]*`", page)


def test_unknown_atlas_value_fails_the_build(tmp_path, built, known_names_page):
    import duckdb

    from conftest import sphinx_one_page

    # the page with a known figure builds, and shows the database's value
    con = duckdb.connect(str(built / "compute_atlas.duckdb"), read_only=True)
    n = con.execute("SELECT count(*) FROM accelerators").fetchone()[0]
    when = con.execute("SELECT current_to_date FROM headline_figures WHERE figure_id = 'accelerators_count'").fetchone()[0]
    con.close()
    assert re.search(rf'<span class="atlas-value" [^>]*>{n}</span>', known_names_page)
    # the figure's own as-of date is its tooltip
    assert f'title="Current to {when.isoformat()}"' in known_names_page
    # a parameter has no as-of date, and its tooltip says why
    from compute_atlas.site.sphinxext import PARAMETER_TOOLTIP
    assert f'title="{PARAMETER_TOOLTIP}"' in known_names_page
    proc = sphinx_one_page(tmp_path, built, "# T\n\nValue: {atlas-value}`no_such_figure`\n")
    assert proc.returncode != 0
    assert "unknown atlas value 'no_such_figure'" in proc.stderr


def test_site_build_without_database_is_a_clear_error(tmp_path):
    result = cli("build", "--datasets", tmp_path / "none", "--build-dir", tmp_path)
    assert result.exit_code == 2 and "datasets folder not found" in result.output


def test_no_broken_internal_link(site):
    """Every relative href and src of every page points at a file the site has."""
    from urllib.parse import unquote, urlsplit

    broken = []
    for page in site.rglob("*.html"):
        html = page.read_text()
        for url in re.findall(r'(?:href|src)="([^"]+)"', html):
            parts = urlsplit(url)
            if parts.scheme or url.startswith(("#", "//", "mailto:")) or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {url}")
    assert broken == []


def test_site_build_writes_nothing_into_docs(site):
    """Generated pages and the Vega bundle go to the build folder's copy of docs/, never docs/ itself."""
    import shutil
    import subprocess

    if not shutil.which("git") or subprocess.run(["git", "-C", str(CHECKOUT), "rev-parse"],
                                                 capture_output=True).returncode != 0:
        pytest.skip("not a git checkout")
    from compute_atlas.site.layout import OUTPUTS

    status = subprocess.run(["git", "-C", str(CHECKOUT), "status", "--porcelain", "--ignored", "--", "docs"],
                            capture_output=True, text=True, check=True).stdout
    assert status == "", ("files in docs/ that git does not track (leftovers of older builds may be removed: "
                          "rm -r docs/generated docs/dictionary docs/_static/vega-bundle.js):\n" + status)
    # and none of the generated paths is committed under docs/ either (git status does not show tracked files)
    tracked = subprocess.run(["git", "-C", str(CHECKOUT), "ls-files", "--", *(f"docs/{o}" for o in OUTPUTS)],
                             capture_output=True, text=True, check=True).stdout
    assert tracked == "", "generated files are committed under docs/: git rm them\n" + tracked
    src = site.parent / ".sphinx" / "src" / "docs"
    assert (src / "generated" / "glossary.md").exists() and (src / "_static" / "vega-bundle.js").exists()



def test_two_builds_share_no_file(site, altered_site):
    """Each build folder has its own copy of docs/ with its own generated pages."""
    def glossary(s):
        return (s.parent / ".sphinx" / "src" / "docs" / "generated" / "glossary.md").read_text()
    assert "pwned" in glossary(altered_site) and "pwned" not in glossary(site)
    assert "pwned" not in (site / "glossary.html").read_text()

def _stamps(folder, pattern):
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob(pattern)}


def test_rebuilds_are_incremental(rebuildable_site):
    """A rebuild with nothing changed rereads no page; after one row changes it rereads only the pages that
    show it, and the copy of docs/ under the build folder keeps its files' mtimes."""
    from compute_atlas.site.builder import render_site

    from conftest import build_with_site, edit_csv, row_of

    datasets, build = rebuildable_site.datasets, rebuildable_site.build
    work = build / ".sphinx"
    sources, doctrees = _stamps(work / "src", "*"), _stamps(work / "doctrees", "*.doctree")
    pages = {**_stamps(work / "html", "accelerators/*.html"), **_stamps(work / "html", "models/*.html"),
             **_stamps(work / "html", "api/*/*.json")}
    render_site(build)
    assert _stamps(work / "src", "*") == sources
    assert _stamps(work / "doctrees", "*.doctree") == doctrees, "a rebuild with nothing changed reread pages"
    assert {**_stamps(work / "html", "accelerators/*.html"), **_stamps(work / "html", "models/*.html"),
            **_stamps(work / "html", "api/*/*.json")} == pages, "a rebuild with nothing changed rewrote entity pages"

    acc = datasets / "accelerators.csv"
    edit_csv(acc, row_of(acc, "accelerator_id", "nvidia-h100-sxm5-80gb"), "tdp_watts", "701")
    build_with_site(datasets, build)
    after = _stamps(work / "doctrees", "*.doctree")
    reread = {d.removesuffix(".doctree") for d in after if after[d] != doctrees.get(d)}
    # the accelerators page and the dictionary page of the row (its rows continue on further pages)
    assert "accelerators" in reread and any(d.startswith("dictionary/accelerators") for d in reread)
    assert not reread & {"querying", "references", "changelog", "glossary", "dictionary/index"}, " ".join(sorted(reread))
    assert _stamps(work / "src", "*.md").keys() == {k for k in sources if k.endswith(".md")}
    assert any(">701<" in p.read_text() for p in (build / "site" / "dictionary").glob("accelerators*.html"))
    # entity pages: the chip's own page and JSON, and at most the pages of the runs trained on it (their energy)
    now = {**_stamps(work / "html", "accelerators/*.html"), **_stamps(work / "html", "models/*.html"),
           **_stamps(work / "html", "api/*/*.json")}
    rewritten = {p for p in now if now[p] != pages.get(p)}
    assert {"accelerators/nvidia-h100-sxm5-80gb.html", "api/accelerators/nvidia-h100-sxm5-80gb.json"} <= rewritten
    import duckdb

    con = duckdb.connect(str(build / "compute_atlas.duckdb"), read_only=True)
    on_h100 = {r[0] for r in con.execute("SELECT run_id FROM training_runs WHERE accelerator_id = 'nvidia-h100-sxm5-80gb'"
                                         ).fetchall()}
    con.close()
    allowed = {"accelerators/nvidia-h100-sxm5-80gb.html", "api/accelerators/nvidia-h100-sxm5-80gb.json",
               *(f"models/{r}.html" for r in on_h100), *(f"api/models/{r}.json" for r in on_h100)}
    assert rewritten <= allowed, sorted(rewritten - allowed)
    assert "<td>701 W</td>" in (build / "site" / "accelerators" / "nvidia-h100-sxm5-80gb.html").read_text()


def test_no_page_over_the_weight_budget_and_vega_only_where_a_chart_is_drawn(site):
    from compute_atlas.site.weight import PAGE_MAX_BYTES, weigh

    w = weigh(site)
    assert w.over_budget == (), f"pages over {PAGE_MAX_BYTES:,} bytes: {w.over_budget}"
    for page in site.rglob("*.html"):
        html = page.read_text()
        assert ("vega-bundle.js" in html) == ("atlas-chart-view" in html), page.relative_to(site)
    # a long dataset's rows continue on further pages, each linked from the first
    first = (site / "dictionary" / "benchmark_results.html").read_text()
    assert 'href="benchmark_results-rows-2.html"' in first
    from compute_atlas.site.pages import ROWS_PER_PAGE

    second = (site / "dictionary" / "benchmark_results-rows-2.html").read_text()
    assert f"rows {ROWS_PER_PAGE + 1}–{2 * ROWS_PER_PAGE}" in second


def test_home_page_answers_the_policy_question_first(site):
    """A policy researcher's question (how fast does a fixed capability get cheaper, and what does GPT-4-level
    capability cost today to train and to run) is answered on the home page, before its other sections, with the
    database's figures."""
    import html as html_lib

    import duckdb

    from compute_atlas.metadata.units import fmt_value

    con = duckdb.connect(str(site.parent / "compute_atlas.duckdb"), read_only=True)
    figures = {f: fmt_value(v, u) for f, v, u in con.execute("SELECT figure_id, value, unit FROM headline_figures").fetchall()}
    con.close()
    page = html_lib.unescape((site / "index.html").read_text())
    findings = page[page.index("What the atlas finds"):page.index("In numbers")]
    for figure in ("capability_gpt_4_training_cost_now_usd_2024", "capability_gpt_4_training_cost_now_year",
                   "efficiency_language_hardware_and_algorithms_growth_x", "capability_gpt_4_mmlu_price_now_usd_per_mtok",
                   "inference_trends_median_decline_x", "flop_per_s_per_usd__data_centre_tensor_16bit__growth_x",
                   "frontier_training_cost_usd__frontier_models__growth_x", "inference_energy_median_kwh_per_mtok"):
        assert f">{figures[figure]}<" in findings, figure
    assert page.index("What the atlas finds") < page.index("In numbers")


#: The topic pages: each opens with its finding and ends with how we know it (issue 29, item 1).
TOPIC_PAGES = ("hardware", "costs", "techniques", "compute-efficiency", "measured", "capabilities", "inference",
               "claims")


def test_topic_pages_open_with_their_finding_then_how_we_know(site):
    """Every topic page's first paragraph, right under its title and before any section, holds figures from the
    database (formatted as the pages format them), and the page has a "How we know" section after it."""
    import html as html_lib

    import duckdb

    from compute_atlas.metadata.units import fmt_value

    con = duckdb.connect(str(site.parent / "compute_atlas.duckdb"), read_only=True)
    figures = {fmt_value(v, u) for v, u in con.execute("SELECT value, unit FROM headline_figures").fetchall()}
    con.close()
    for name in TOPIC_PAGES:
        page = (site / f"{name}.html").read_text()
        article = re.search(r"<article[^>]*>(.*)</article>", page, re.S).group(1)
        title = re.search(r"<h1\b.*?</h1>", article, re.S)
        assert title, name
        after_title = article[title.end():]
        first = re.search(r"<p\b[^>]*>(.*?)</p>", after_title, re.S)
        assert first, name
        assert "<h2" not in after_title[:first.start()], f"{name}: a section comes before the finding"
        values = [html_lib.unescape(v) for v in re.findall(r'<span class="atlas-value"[^>]*>([^<]+)</span>', first.group(1))]
        quoted = [v for v in values if v in figures]
        assert len(quoted) >= 2, f"{name}: the first paragraph quotes no figure and its interval or population: {values}"
        headings = [re.sub(r"<[^>]+>", "", h).replace("\u00b6", "").strip()
                    for h in re.findall(r"<h2\b[^>]*>(.*?)</h2>", after_title, re.S)]
        assert "How we know" in headings, f"{name}: no 'How we know' section ({headings})"
        assert after_title.index("How we know") > first.end()


def test_every_page_links_the_project_and_offers_its_citation(site):
    """Every page: the repository and a prefilled report of an error, both from pyproject.toml's [project.urls]
    (compute_atlas.about), and a BibTeX entry that cites that page; an entity page's cites its entity by name."""
    from urllib.parse import parse_qs, urlsplit

    from compute_atlas import about

    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("_", "genindex")):
            continue
        text = page.read_text()
        assert f'class="atlas-repository" href="{about.urls()["repository"]}"' in text, rel
        report = re.search(r'class="atlas-report" href="([^"]+)"', text)
        assert report, rel
        url = urlsplit(report.group(1).replace("&amp;", "&"))
        assert f"{url.scheme}://{url.netloc}{url.path}" == about.urls()["issues"] + "/new", rel
        assert parse_qs(url.query)["body"][0].startswith(f"Page: {rel}\n"), rel
        assert f"@misc{{{about.bibtex_key(rel)}," in text, rel
    h100 = (site / "accelerators" / "nvidia-h100-sxm5-80gb.html").read_text()
    assert "title = {NVIDIA H100 SXM5 80 GB, in Compute Atlas" in h100
    assert "Data+error%3A+NVIDIA+H100+SXM5+80+GB" in h100


#: An identifier: lower-case words joined by `_` (a column, table or code name), not inside a word, path or address.
IDENTIFIER = re.compile(r"(?<![\w/.@-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/.-])")
#: Pages whose subject is the data's names (the dictionary, querying and contributing guides, the changelog for
#: users of the data, the bibliography): identifiers there are what the reader came for, and are set as code.
NAMES_ARE_THE_SUBJECT = ("dictionary/", "_", "genindex", "search", "api/", "querying", "contributing", "changelog",
                         "references", "cite", "glossary")


def test_no_identifier_in_reader_facing_prose(site):
    """Paragraphs, list items, headings, definitions and captions of every page for readers name things in words:
    no `training_runs`, `hardware_and_measured_algorithms` or `market_segment` outside code. (Tables are held to
    readers' names by tests/test_entities.py; charts by tests/test_charts.py.)"""
    found = {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(NAMES_ARE_THE_SUBJECT):
            continue
        text = page.read_text()
        article = re.search(r"<article[^>]*>(.*)</article>", text, re.S)
        text = re.sub(r"<(script|style|pre|code|table|details|template|figure)\b.*?</\1>", "",
                      article.group(1) if article else text, flags=re.S)
        for _, block in re.findall(r"<(p|li|h[1-6]|dt|dd|figcaption)\b[^>]*>(.*?)</\1>", text, flags=re.S):
            for word in IDENTIFIER.findall(re.sub(r"<[^>]+>", "", block)):
                found.setdefault(word, rel)
    assert not found, f"identifiers in prose (first page of each): {found}"


def test_compare_page_answers_what_a_run_costs_on_each_chip(site):
    """The engineer's last question (what would a 10^24 FLOP run cost and emit on the H100, H200, B200, MI300X and
    TPU v5p?) is answered on the compare page: per chip, the chip-hours and energy that compute_atlas.estimate gives
    from the same database at the same utilization, and a cost or "not in the atlas"."""
    import html as html_lib

    import compute_atlas
    from compute_atlas.metadata.units import fmt_value
    from compute_atlas.site.pages import EXAMPLE_RUN_CHIPS, EXAMPLE_RUN_FLOP, three_figures

    page = (site / "compare.html").read_text()
    part = page[page.index("What a training run costs on each"):]
    rows = [html_lib.unescape(re.sub(r"<[^>]+>", " ", r)) for r in re.findall(r"<tr[^>]*>(.*?)</tr>", part, re.S)]
    with compute_atlas.open(site.parent) as db:
        mfu = db.sql("SELECT value FROM assumptions WHERE assumption_id = 'default-mfu'").fetchall()[0][0]
        built = db.sql("SELECT value_text FROM build_info WHERE item = 'built_at'").fetchall()[0][0][:10]
        for aid in EXAMPLE_RUN_CHIPS:
            e = compute_atlas.estimate(flop=EXAMPLE_RUN_FLOP, accelerator=aid, utilization=mfu, date=built, db=db)
            (row,) = [r for r in rows if e.accelerator_name in r]
            assert three_figures(e.chip_hours.value) in row and fmt_value(e.energy_kwh.value, "kwh") in row, aid
            assert ("not in the atlas" in row) == (e.cost_usd_by_pricing.get("on_demand") is None or
                                                   e.cost_usd_by_pricing["on_demand"].value is None), aid


def test_topic_pages_say_what_date_their_data_are_current_to(site):
    """Each findings page names its datasets' "data current to" dates (the newest date of each one's declared
    as-of column), as build_info records them."""
    import duckdb

    con = duckdb.connect(str(site.parent / "compute_atlas.duckdb"), read_only=True)
    current = dict(con.execute(
        "SELECT substr(item, 12), value_text FROM build_info WHERE item LIKE 'current_to:%'").fetchall())
    con.close()
    for page, tables in {"hardware": ["accelerators", "cloud_prices"], "inference": ["inference_prices"],
                         "costs": ["training_runs"], "claims": ["claims"]}.items():
        text = re.sub(r"<[^>]+>", "", (site / f"{page}.html").read_text())
        line = text[text.index("Data current to:"):].split(".")[0]
        for table in tables:
            assert f"{table.replace('_', ' ')} {current[table]}" in line, (page, table, line)
