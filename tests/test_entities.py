"""Entity pages: a page, a JSON document and a script for every accelerator and every model, from the database."""

import json
import re

import duckdb
import pytest

from compute_atlas.metadata.units import fmt_value
from compute_atlas.schemas import column_unit
from compute_atlas.site import entities

pytestmark = pytest.mark.site

H100 = "nvidia-h100-sxm5-80gb"


@pytest.fixture(scope="module")
def db(site):
    con = duckdb.connect(str(site.parent / "compute_atlas.duckdb"), read_only=True)
    yield con
    con.close()


def ids(con, kind):
    sql = {"accelerator": "SELECT accelerator_id FROM accelerators", "model": "SELECT run_id FROM training_runs"}[kind]
    return {r[0] for r in con.execute(sql).fetchall()}


@pytest.mark.parametrize("kind", ["accelerator", "model"])
def test_every_entity_has_its_page_json_and_script(site, db, kind):
    folder = entities.FOLDERS[kind]
    want = ids(db, kind)
    assert len(want) > 100
    assert {p.stem for p in (site / folder).glob("*.html")} - {"index"} == want
    assert {p.stem for p in (site / "api" / folder).glob("*.json")} == want
    assert {p.stem for p in (site / "api" / folder).glob("*.js")} == want
    index = json.loads((site / "api" / "index.json").read_text())["entities"]
    assert {e["id"] for e in index if e["kind"] == kind} == want
    for e in index:
        assert (site / e["page"]).is_file() and (site / e["json"]).is_file()


def test_accelerator_json_agrees_with_the_database(site, db):
    cur = db.execute("SELECT * FROM accelerators")
    names = [d[0] for d in cur.description]
    for row in cur.fetchall():
        rec = dict(zip(names, row))
        doc = json.loads((site / "api" / "accelerators" / f"{rec['accelerator_id']}.json").read_text())
        spec = doc["sections"]["specification"]["rows"][0]
        for col, v in rec.items():
            if col == "notes":
                continue
            assert spec[col] == (v.isoformat() if hasattr(v, "isoformat") else v), (rec["accelerator_id"], col)
        for col, code in doc["units"].items():
            assert code == entities.column_unit(col)
        assert doc["sections"]["specification"]["relation"] == "accelerators"
    peaks = db.execute("SELECT precision, peak_flop_per_s FROM accelerator_efficiency WHERE accelerator_id = ?",
                       [H100]).fetchall()
    doc = json.loads((site / "api" / "accelerators" / f"{H100}.json").read_text())
    assert {(r["precision"], r["peak_flop_per_s"]) for r in doc["sections"]["precisions"]["rows"]} == set(peaks)
    n = db.execute("SELECT count(*) FROM mlperf_training WHERE accelerator_id = ?", [H100]).fetchone()[0]
    assert len(doc["sections"]["mlperf"]["rows"]) == n > 0
    aliases = {r[0] for r in db.execute("SELECT alias FROM accelerator_aliases WHERE accelerator_id = ?", [H100]).fetchall()}
    assert set(doc["aliases"]) == aliases and "H100" in aliases


def test_model_json_agrees_with_the_database(site, db):
    rows = db.execute("""SELECT c.run_id, c.compute_reported_flop, c.compute_6nd_flop, c.compute_hardware_flop,
                                c.cost_estimate_usd_2024, (SELECT count(*) FROM benchmark_results b WHERE b.run_id = c.run_id),
                                (SELECT count(*) FROM training_cost_methods m WHERE m.run_id = c.run_id)
                         FROM training_run_costs c""").fetchall()
    for run_id, reported, six_nd, hardware, cost, n_bench, n_methods in rows:
        doc = json.loads((site / "api" / "models" / f"{run_id}.json").read_text())
        ways = {r["way"]: r["flop"] for r in doc["sections"]["compute"]["rows"]}
        assert ways == {"reported": reported, "6ND": six_nd, "hardware": hardware}, run_id
        assert doc["sections"]["cost"]["rows"][0]["cost_estimate_usd_2024"] == cost
        assert len(doc["sections"]["benchmarks"]["rows"]) == n_bench
        assert len(doc["sections"]["cost_methods"]["rows"]) == n_methods


def test_entity_pages_show_values_in_their_units_with_citations(site, db):
    # the references are three pages by key: every citation lands on an entry of one of them
    refs = {p.name: p.read_text() for p in site.glob("references*.html")}
    assert len(refs) == 3
    for aid, mem, tdp in db.execute("SELECT accelerator_id, memory_bytes, tdp_watts FROM accelerators "
                                    "WHERE memory_bytes IS NOT NULL AND tdp_watts IS NOT NULL").fetchall():
        html = (site / "accelerators" / f"{aid}.html").read_text()
        assert f"<td>{fmt_value(mem, column_unit('memory_bytes'))}</td>" in html, aid
        assert f"<td>{fmt_value(tdp, column_unit('tdp_watts'))}</td>" in html, aid
        anchors = re.findall(r'href="\.\./(references[a-z-]*\.html)#([^"]+)"', html)
        assert anchors, f"{aid}: no citation"
        for page, a in set(anchors):
            assert f'id="{a}"' in refs[page], (aid, page, a)
    html = (site / "models" / "llama-3-1-405b.html").read_text()
    assert "<h1>Llama 3.1-405B" in html and "Benchmark scores" in html and 'href="../references' in html


def test_pages_that_name_an_entity_link_to_its_page(site, db):
    # the accelerator list's data block holds every accelerator (explore.js links each row to its page, the browser
    # tests follow one); the index of every accelerator links each page
    html = (site / "accelerators.html").read_text()
    block = re.search(r'<script type="application/json" id="atlas-explore-data">(.*?)</script>', html, re.S)[1]
    assert {r[0] for r in json.loads(block)["rows"]} == ids(db, "accelerator")
    index = (site / "accelerators" / "index.html").read_text()
    assert set(re.findall(r'href="\.\./accelerators/([^"/]+)\.html"', index)) - {"index"} == ids(db, "accelerator")
    costs = (site / "costs.html").read_text()
    listed = {r[0] for r in db.execute("SELECT run_id FROM training_run_costs WHERE cost_estimate_usd_2024 IS NOT NULL "
                                       "OR disagreement_flag").fetchall()}
    assert set(re.findall(r'href="models/([^"/]+)\.html"', costs)) - {"index"} == listed
    # the dataset's rows, over all its pages of the data dictionary
    dataset = "".join(p.read_text() for p in (site / "dictionary").glob("benchmark_results*.html"))
    used = {r[0] for r in db.execute("SELECT DISTINCT run_id FROM benchmark_results").fetchall()}
    assert set(re.findall(r'href="\.\./models/([^"/]+)\.html"', dataset)) - {"index"} == used
    page = (site / "models" / "llama-3-1-405b.html").read_text()
    hw = db.execute("SELECT accelerator_id FROM training_runs WHERE run_id = 'llama-3-1-405b'").fetchone()[0]
    assert f'href="../accelerators/{hw}.html"' in page


def test_search_index_has_names_and_aliases(site, db):
    text = (site / "api" / "search.js").read_text()
    assert text.startswith("atlasSearchIndexLoaded(")
    index = json.loads(text[len("atlasSearchIndexLoaded("):].rstrip().removesuffix(");"))
    by_id = {(e["kind"], e["id"]): e for e in index}
    assert "H100" in by_id[("accelerator", H100)]["aliases"]
    assert by_id[("model", "llama-3-1-405b")]["name"] == "Llama 3.1-405B"


def test_entity_pages_have_the_theme_and_no_raw_dataset_markup(altered_site):
    html = (altered_site / "accelerators" / f"{H100}.html").read_text()
    assert "<script>window.__pwned" not in html and "&lt;script&gt;window.__pwned" in html
    assert '<link rel="stylesheet" type="text/css" href="../_static/atlas.css' in html
    assert 'src="../_static/atlas.js' in html


def test_entity_pages_are_rendered_by_the_theme_with_its_navigation(site):
    """The theme renders an entity page (html-collect-pages): its navigation links every page of the site,
    one folder up, with its search box and colour-mode toggle; the page's title and facts are the entity's."""
    html = (site / "accelerators" / f"{H100}.html").read_text()
    nav = html[html.index('class="sidebar-tree"'):html.index('<article role="main"')]
    for page in ("hardware", "costs", "glossary", "references", "accelerators/index", "models/index"):
        assert f'href="../{page}.html"' in nav or f'href="{page.removeprefix("accelerators/")}.html"' in nav, page
    assert 'action="../search.html"' in html and 'class="theme-toggle"' in html
    assert "<title>NVIDIA H100 SXM5 80 GB - Compute Atlas</title>" in html
    article = html[html.index('<article role="main"'):html.index("</article>")]
    assert '<h1>NVIDIA H100 SXM5 80 GB<a class="headerlink"' in article and "also called “H100”" in article
    assert 'href="../api/accelerators/nvidia-h100-sxm5-80gb.json"' in article
    assert article.count('<table class="atlas-table') >= 5
    model = (site / "models" / "llama-3-1-405b.html").read_text()
    assert 'class="sidebar-tree"' in model and 'href="../compare.html?models=llama-3-1-405b"' in model


def test_no_module_patches_sphinx_or_its_extensions():
    """The site uses Sphinx's and pybtex's supported APIs: nothing replaces a method of their classes or a
    function of their modules (the source assigns to no attribute of a class or module it imports)."""
    import inspect
    from pathlib import Path

    import pybtex.plugin
    from sphinxcontrib.bibtex.domain import BibtexDomain

    from compute_atlas.site import sphinxext

    sphinxext.register_pybtex_plugins()
    assert BibtexDomain.env_updated.__module__ == "sphinxcontrib.bibtex.domain"
    assert inspect.getmodule(pybtex.plugin.find_plugin) is pybtex.plugin
    assert pybtex.plugin._load_entry_point.__module__ == "pybtex.plugin"
    site_dir = Path(sphinxext.__file__).parent
    for path in site_dir.rglob("*.py"):
        patched = re.findall(r"^\s*((?:[A-Z]\w*|plugin|pybtex[\w.]*|sphinx[\w.]*|docutils[\w.]*)\.\w+)\s*=[^=]",
                             path.read_text(), re.M)
        assert not patched, (path.name, patched)


def test_unknown_entity_in_prose_fails_the_build(tmp_path, built, known_names_page):
    from conftest import sphinx_one_page

    # the page with a known chip builds, and links the chip's page
    assert re.search(rf'<a class="[^"]*atlas-entity-link[^"]*" href="accelerators/{H100}\.html">the chip</a>',
                     known_names_page)
    proc = sphinx_one_page(tmp_path, built, "# T\n\nSee {atlas-accelerator}`the chip <no-such-chip>`.\n")
    assert proc.returncode != 0
    assert "unknown accelerator 'no-such-chip'" in proc.stderr


def test_prose_links_an_entity_by_its_id(site):
    html = (site / "accelerators.html").read_text()
    assert re.search(r'<a class="[^"]*atlas-entity-link[^"]*" href="accelerators/nvidia-h100-sxm5-80gb\.html">H100 SXM5</a>', html)


def test_every_section_reads_a_declared_relation_and_shows_columns_it_selects(built):
    from compute_atlas.schemas import RELATIONS

    names = {r.name for r in RELATIONS}
    con = duckdb.connect(str(built / "compute_atlas.duckdb"), read_only=True)
    try:
        for kind, sections in entities.SECTIONS.items():
            for s in sections:
                assert s.relation in names, (kind, s.key)
                selected = [d[0] for d in con.execute(s.sql + " LIMIT 0").description]
                assert selected[0] == "_entity", (kind, s.key)
                missing = {c for c, _ in s.columns} - set(selected)
                assert not missing, (kind, s.key, missing)
                if s.chart:
                    assert {s.chart[0], s.chart[1]} <= set(selected) and entities.column_unit(s.chart[1])
    finally:
        con.close()


def test_values_are_formatted_with_their_units():
    assert entities.display("tdp_watts", 700.0) == fmt_value(700.0, "watts")
    assert entities.display("peak_flop_per_s", 9.894e14) == fmt_value(9.894e14, "flop_per_s")
    assert entities.display("flop", 3.8e25) == fmt_value(3.8e25, "flop")
    assert entities.display("is_frontier", True) == "yes" and entities.display("score", None) == ""


def test_entity_pages_name_codes_as_readers_do(site):
    """The record of an accelerator shows its kind, market and kind of power figure by name, not by code."""
    html = (site / "accelerators" / "nvidia-h100-sxm5-80gb.html").read_text()
    record = html[html.index("atlas-record"):html.index("</table>", html.index("atlas-record"))]
    assert "<td>GPU</td>" in record and "<td>data centre</td>" in record and "<td>the vendor&#x27;s TDP</td>" in record
    assert not re.search(r"<td>(gpu|data_centre|vendor_tdp)</td>", record)


def card_of(html: str) -> dict[str, str]:
    card = re.search(r'<dl class="atlas-card[^"]*">(.*?)</dl>', html, re.S)
    assert card, "no card of key facts"
    return {re.sub("<[^>]+>", "", k).replace("&#x27;", "'"): re.sub("<[^>]+>", "", v)
            for k, v in re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", card.group(1))}


def test_entity_pages_open_with_a_card_of_key_facts(site, db):
    """The card at the top of an entity page: the chip's memory, power, dense BF16 peak and on-demand cloud range,
    and a model's training costs each named by its method and whose method it is, values from the database."""
    h100 = card_of((site / "accelerators" / "nvidia-h100-sxm5-80gb.html").read_text())
    tdp, memory = db.execute("SELECT tdp_watts, memory_bytes FROM accelerators "
                             "WHERE accelerator_id = 'nvidia-h100-sxm5-80gb'").fetchone()
    assert h100["Power (TDP)"] == fmt_value(tdp, column_unit("tdp_watts"))
    assert h100["Memory"] == fmt_value(memory, column_unit("memory_bytes"))
    bf16 = db.execute("SELECT peak_flop_per_s FROM accelerator_efficiency "
                      "WHERE accelerator_id = 'nvidia-h100-sxm5-80gb' AND precision = 'bf16'").fetchone()[0]
    assert h100["BF16 dense peak"] == fmt_value(bf16, column_unit("peak_flop_per_s"))
    n, lo = db.execute("SELECT count(*), min(price_usd_per_hour) FROM cloud_prices WHERE pricing_model = 'on_demand' "
                       "AND accelerator_id = 'nvidia-h100-sxm5-80gb'").fetchone()
    offer = h100["Cloud, on demand, per chip-hour"]
    assert offer.startswith(fmt_value(lo, "usd_per_hour")) and f"({n} offers" in offer

    gpt4 = card_of((site / "models" / "gpt-4.html").read_text())
    methods = db.execute("SELECT method_id, cost_usd_2024 FROM training_cost_methods WHERE run_id = 'gpt-4' "
                         "AND cost_usd_2024 IS NOT NULL").fetchall()
    assert len(methods) >= 2
    for method, cost in methods:
        label = f"Training cost: {entities.COST_METHOD_NAMES[method]}"
        assert gpt4[label] == fmt_value(cost, column_unit("cost_usd_2024")), label
    assert any("Cottier et al. 2024" in k for k in gpt4) and any("this atlas" in k for k in gpt4)
    chip = db.execute("SELECT a.name FROM training_runs r JOIN accelerators a USING (accelerator_id) "
                      "WHERE run_id = 'gpt-4'").fetchone()[0]
    assert gpt4["Trained on"].endswith(chip)


@pytest.mark.parametrize(("folder", "column", "ident"), [("accelerators", "accelerator_id", "nvidia-h100-sxm5-80gb"),
                                                         ("models", "run_id", "gpt-4")])
def test_last_changed_is_the_entitys_newest_value_change(site, db, folder, column, ident):
    """'Data last changed' on an entity page is the newest change of a curated row that names it (value_history,
    from git), with that change's file and commit; not the build's date."""
    day, dataset, commit = db.execute(
        f"SELECT changed_date, dataset, commit FROM value_history WHERE {column} = ? "
        "ORDER BY changed_date DESC, commit_seq DESC, dataset, key_values, column_name LIMIT 1", [ident]).fetchone()
    html = (site / folder / f"{ident}.html").read_text()
    shown = re.search(r'data last changed <span class="atlas-last-changed"[^>]*>([^<]+)</span> \(([^)]+)\)', html)
    assert shown and shown.group(1) == day.isoformat() and shown.group(2) == f"{dataset}, commit {commit}"
    newest = db.execute(f"SELECT max(changed_date) FROM value_history WHERE {column} = ?", [ident]).fetchone()[0]
    assert day == newest


@pytest.mark.parametrize(("column", "sql"), [
    ("chip_hours_basis", "SELECT DISTINCT chip_hours_basis FROM training_cost_methods"),
    ("method_id", "SELECT DISTINCT method_id FROM training_cost_methods"),
    ("score_unit", "SELECT DISTINCT score_unit FROM benchmarks"),
    ("mlperf_benchmark", "SELECT DISTINCT mlperf_benchmark FROM mlperf_training"),
    ("metric", "SELECT DISTINCT metric FROM technique_results"),
    ("how", "SELECT DISTINCT compute_estimation_method FROM training_runs"),
    ("release_date_basis", "SELECT DISTINCT release_date_basis FROM accelerators"),
    ("value_basis", "SELECT DISTINCT split_part(unnest(string_split(value_basis, ';')), ':', 2) FROM accelerators"),
])
def test_every_code_the_pages_show_has_a_readers_name(db, column, sql):
    """A code the entity pages' tables show (a new MLPerf benchmark, a new costing method) needs the name a reader
    sees (READER_NAMES), or the page would show the identifier."""
    from compute_atlas.metadata.vocabularies import READER_NAMES

    codes = {r[0] for r in db.execute(sql).fetchall() if r[0]}
    assert codes and not codes - set(READER_NAMES[column]), sorted(codes - set(READER_NAMES[column]))


def test_value_basis_reads_as_words():
    """`*:secondary;tf32_flop_per_s:assumed_sibling` on an entity page: which values, and how they are known."""
    text = entities.value_basis_text("*:secondary;tf32_flop_per_s:assumed_sibling;tdp_watts:secondary")
    assert text == ("all values: a secondary source; TF32 rate: a sibling chip's (no source of its own); "
                    "Power: a secondary source")


def test_entity_pages_list_the_history_of_their_rows(site, db):
    """An entity page's "History of these rows" lists the latest changes of the curated rows that carry its id
    (value_history), newest first: its first row is the newest change, a removed row is one line."""
    from compute_atlas.site.entities import HISTORY_ROWS

    html = (site / "accelerators" / "nvidia-h100-sxm5-80gb.html").read_text()
    assert 'id="history"' in html
    section = html[html.index('id="history"'):]
    section = section[:section.index("</table>")]
    dates = re.findall(r"<tr[^>]*>\s*<td[^>]*>(\d{4}-\d{2}-\d{2})</td>", section)  # each row's first cell
    newest = db.execute("SELECT max(changed_date) FROM value_history "
                        "WHERE accelerator_id = 'nvidia-h100-sxm5-80gb'").fetchone()[0]
    assert dates and dates[0] == newest.isoformat() and dates == sorted(dates, reverse=True)
    assert len(dates) <= HISTORY_ROWS
