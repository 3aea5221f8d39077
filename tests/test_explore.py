"""Explore and compare: the data of the accelerator list and of the compare page's accelerator columns
(``compute_atlas.site.explore``), held to the database they are selected from."""

import json
import re

import duckdb
import pytest

from compute_atlas.metadata.units import fmt_value
from compute_atlas.metadata.vocabularies import PRICING_MODELS, READER_NAMES
from compute_atlas.site import entities, explore

pytestmark = pytest.mark.site

#: The chips of the buying engineer's question (issue 29).
ENGINEERS_CHIPS = ["nvidia-h100-sxm5-80gb", "nvidia-h200-sxm-141gb", "nvidia-b200", "amd-mi300x", "google-tpu-v5p"]


@pytest.fixture(scope="module")
def db(built):
    con = duckdb.connect(str(built / "compute_atlas.duckdb"), read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def listed(db):
    return explore.accelerator_list(db)


def test_the_list_has_every_accelerator_once_newest_first(db, listed):
    want = dict(db.execute("SELECT accelerator_id, release_date FROM accelerators").fetchall())
    ids = [r[0] for r in listed["rows"]]
    assert sorted(ids) == sorted(want) and len(ids) == len(set(ids))
    dates = [r[4] for r in listed["rows"]]
    assert dates == sorted(dates, reverse=True)
    assert listed["years"] == [min(want.values()).year, max(want.values()).year]
    assert set(listed["vendors"]) == {v for (v,) in db.execute("SELECT DISTINCT vendor FROM accelerators").fetchall()}


def test_the_lists_rates_are_the_efficiency_relations_formatted_with_their_units(db, listed):
    """Every rate, rate per dollar and per watt of the list is the derived relation's, raw (to six significant
    figures, for sorting) and as the site formats it; a missing value stays missing."""
    rows = {r[0]: r for r in listed["rows"]}
    cur = db.execute("""SELECT accelerator_id, precision, peak_flop_per_s, priced_flop_per_s_per_usd_2024,
                               flop_per_s_per_watt FROM accelerator_efficiency""")
    n = 0
    for aid, precision, *values in cur.fetchall():
        cells = rows[aid][9][precision]
        units = ["op_per_s" if precision.startswith("int") else "flop_per_s", "flop_per_s_per_usd_2024",
                 "flop_per_s_per_watt"]
        for v, cell, unit in zip(values, cells, units):
            if v is None:
                assert cell is None, (aid, precision)
            else:
                assert cell[0] == pytest.approx(v, rel=1e-5) and cell[1] == fmt_value(v, unit), (aid, precision)
                n += 1
    assert n > 1000
    # a precision a chip has no rate in is absent, and the list names only precisions some chip has
    assert {p for r in listed["rows"] for p in r[9]} == {p[0] for p in listed["precisions"]}
    for code, name, count in listed["precisions"]:
        assert name == READER_NAMES["precision"][code] and count == sum(code in r[9] for r in listed["rows"])


def test_the_lists_price_says_which_price_it_is(db, listed):
    rows = {r[0]: r for r in listed["rows"]}
    cur = db.execute("""SELECT DISTINCT accelerator_id, price_basis, price_usd, price_date FROM accelerator_efficiency""")
    seen = set()
    for aid, basis, usd, date in cur.fetchall():
        price = rows[aid][8]
        if basis is None:
            assert price is None, aid
            continue
        seen.add(basis)
        assert price[0] == pytest.approx(usd, rel=1e-5)
        assert price[1] == f"{fmt_value(usd, 'usd')} ({READER_NAMES['price_basis'][basis]}, {date.isoformat()})"
    assert seen == {"launch_list", "purchase"}


def test_the_data_block_cannot_be_closed_by_the_data():
    value = {"name": 'x</script><script>alert(1)</script><!-- & -->'}
    html = explore.json_script(value, "block")
    body = html[html.index(">") + 1:html.rindex("</script>")]
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body) == value


def test_the_compare_summary_gives_prices_and_rates_per_dollar_and_per_watt(db):
    """The rows the compare page shows of an accelerator: its prices (launch, purchase, cloud by pricing model from
    cloud_price_summary) and per precision its rate per dollar and per watt, each from the database."""
    docs = entities.load(db)["accelerator"]
    priced_in_cloud = [r[0] for r in db.execute("SELECT DISTINCT accelerator_id FROM cloud_price_summary "
                                                "ORDER BY 1 LIMIT 5").fetchall()]
    for aid in ENGINEERS_CHIPS + priced_in_cloud:
        summary = docs[aid].summary()
        rows = {r[0]: r for r in summary}
        assert len(rows) == len(summary), "labels are unique"
        for precision, per_usd, per_watt in db.execute(
                "SELECT precision, priced_flop_per_s_per_usd_2024, flop_per_s_per_watt FROM accelerator_efficiency "
                "WHERE accelerator_id = ?", [aid]).fetchall():
            name = READER_NAMES["precision"][precision]
            for label, v, unit in [("per dollar", per_usd, "flop_per_s_per_usd_2024"),
                                   ("per watt", per_watt, "flop_per_s_per_watt")]:
                if v is None:
                    assert f"{name} {label}" not in rows
                else:
                    assert rows[f"{name} {label}"][1:] == [fmt_value(v, unit), name, precision], (aid, label)
        cloud = {m: (median, n) for m, median, n in db.execute(
            "SELECT pricing_model, median_price_usd_per_hour, n_providers FROM cloud_price_summary "
            "WHERE accelerator_id = ?", [aid]).fetchall()}
        for model in PRICING_MODELS:
            label = f"Cloud, {READER_NAMES['pricing_model'][model]} (per chip-hour)"
            if model not in cloud:
                assert label not in rows
                continue
            median, n = cloud[model]
            assert rows[label][1].startswith(fmt_value(median, "usd_per_hour"))
            assert f"{n} provider" in rows[label][1] and rows[label][2] == "Prices"
        basis, usd, date = db.execute("SELECT DISTINCT price_basis, price_usd, price_date FROM accelerator_efficiency "
                                      "WHERE accelerator_id = ? AND price_basis IS NOT NULL", [aid]).fetchone() or (None,) * 3
        if basis:
            assert rows["Per-dollar figures divide by"][1] == explore.price_text(basis, usd, date)
        launch = db.execute("SELECT launch_price_usd FROM accelerators WHERE accelerator_id = ?", [aid]).fetchone()[0]
        assert ("Launch list price" in rows) == (launch is not None)
        n_bought = db.execute("SELECT count(*) FROM hardware_prices WHERE accelerator_id = ?", [aid]).fetchone()[0]
        assert rows["Purchase prices"][1] == str(n_bought)
        assert ("Latest purchase price" in rows) == (n_bought > 0)
    # the cloud prices of a chip that has them are in its summary
    assert any(r[0].startswith("Cloud, ") for aid in priced_in_cloud for r in docs[aid].summary())


def test_a_summary_never_shows_an_empty_value(db):
    for e in entities.load(db)["accelerator"].values():
        assert all(r[1] for r in e.summary()), e.id


def test_compare_link_in_prose_fails_the_build_on_an_unknown_chip(tmp_path, built):
    from conftest import sphinx_one_page

    ids = ",".join(ENGINEERS_CHIPS)
    proc = sphinx_one_page(tmp_path / "good", built, f"# T\n\nSee {{atlas-compare-link}}`them <{ids}>`.\n")
    assert proc.returncode == 0, proc.stderr
    html = (tmp_path / "good" / "out" / "index.html").read_text()
    assert re.search(rf'<a class="[^"]*atlas-compare-link[^"]*" href="compare\.html\?accelerators={ids}">them</a>', html)
    proc = sphinx_one_page(tmp_path / "bad", built, f"# T\n\nSee {{atlas-compare-link}}`them <{ids},no-such-chip>`.\n")
    assert proc.returncode != 0
    assert "unknown accelerator(s) 'no-such-chip'" in proc.stderr
