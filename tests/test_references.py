"""The ``references`` table holds plain text: pybtex's LaTeX-to-text conversion of ``references.bib``."""

from __future__ import annotations

import duckdb
import pytest

from compute_atlas import paths
from compute_atlas.ingest.bib import plain_text, read_references


@pytest.mark.parametrize("latex, text", [
    (r'Aydos, G\"ok\c{c}e', "Aydos, Gökçe"),
    (r"Hydro-Qu\'ebec", "Hydro-Québec"),
    (r"{{Hydro-Qu\'ebec}}", "Hydro-Québec"),  # an organization in double braces
    (r"Arik, Sercan \"O.", "Arik, Sercan Ö."),
    (r"{Scaling Language Models: Methods, Analysis \& Insights}", "Scaling Language Models: Methods, Analysis & Insights"),
    (r"raised 9.7\% (nrg\_pc\_205)", "raised 9.7% (nrg_pc_205)"),
    (r"from NT\$3.81 to US\$9.06, item \#3", "from NT$3.81 to US$9.06, item #3"),
    (r"Juli--September", "Juli–September"),
    ("code for ``The rising costs''", "code for “The rising costs”"),
    ("  a\n  {B}ERT  ", "a BERT"),
])
def test_latex_becomes_plain_text(latex, text):
    assert plain_text(latex) == text


def test_latex_that_does_not_convert_is_a_located_problem(tmp_path):
    bib = tmp_path / "references.bib"
    bib.write_text("@misc{good2024,\n  title = {Caf\\'e},\n  author = {Doe, Jane},\n  year = {2024}\n}\n\n"
                   "@misc{bad2024,\n  title = {An \\emph{emphasized} word},\n  author = {Doe, Jane},\n"
                   "  year = {2024}\n}\n", encoding="utf-8")
    rows, problems = read_references(bib)
    assert [r["title"] for r in rows] == ["Café", "An \\emph emphasized word"]
    assert [(p.line, p.column, p.value, p.rule) for p in problems] == [
        (7, "title", "\\emph", "LaTeX that does not convert to plain text")]


def test_no_published_reference_holds_a_backslash_or_brace(built):
    con = duckdb.connect(str(built / paths.DATABASE_FILE), read_only=True)
    try:
        n = con.execute('SELECT count(*) FROM "references"').fetchone()[0]
        left = con.execute("""
            SELECT reference_key, title, authors, note FROM "references"
            WHERE regexp_matches(concat_ws(' ', title, authors, note, entry_type, url), '[\\\\{}]')""").fetchall()
    finally:
        con.close()
    assert n > 400
    assert left == []
