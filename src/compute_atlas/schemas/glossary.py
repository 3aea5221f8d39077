"""``glossary``: the terms the site defines and links to."""

import pandera.polars as pa

from ._base import SLUG, Declaration, ForeignKey, field, shared


class Glossary(pa.DataFrameModel):
    term_id: str = field("Stable identifier of the term (a slug).", nullable=False, unique=True, str_matches=SLUG)
    term: str = field("The term as displayed: letters, digits, spaces and ( ) / , . ' - + & only, so that "
                      "pages can link it with {term}.", nullable=False, unique=True,
                      str_matches=r"^[A-Za-z0-9][A-Za-z0-9 ()/,.'+&-]*$")
    definition: str = field("Definition in the project's own words (Markdown emphasis allowed).", nullable=False)
    related_terms: str = field("`term_id`s of related terms, separated by `;`.",
                               str_matches=r"^[a-z0-9-]+(;[a-z0-9-]+)*$")
    source: str = shared('source', nullable=False)
    source_url: str = shared('source_url')

    class Config:
        description = """Glossary of compute-efficiency terms. The site renders it as a Sphinx
        glossary so that every page can link a term."""
        metadata = Declaration(
            kind="curated",
            csv="glossary.csv",
            key=("term_id",),
            foreign_keys=(ForeignKey("related_terms", "glossary", "term_id", sep=";"),))
        strict = True
