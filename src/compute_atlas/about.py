"""The project's own addresses and version, set once in ``pyproject.toml`` (``[project.urls]``, ``version``) and
read here from the installed package's metadata: the site's links to the repository and to report an error, and
the citation each page offers."""

from __future__ import annotations

import functools
from importlib import metadata
from urllib.parse import urlencode

DISTRIBUTION = "compute-atlas"
TITLE = "Compute Atlas: an open knowledge base of AI compute efficiency"
AUTHOR = "Compute Atlas contributors"


@functools.cache
def urls() -> dict[str, str]:
    """``[project.urls]`` by lower-case label (``repository``, ``issues``)."""
    out: dict[str, str] = {}
    for entry in metadata.metadata(DISTRIBUTION).get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        out[label.strip().lower()] = url.strip()
    missing = {"repository", "issues"} - set(out)
    if missing:
        raise RuntimeError(f"pyproject.toml [project.urls] lacks {', '.join(sorted(missing))} (reinstall the package "
                           "after editing it: pip install -e .)")
    return out


def version() -> str:
    return metadata.version(DISTRIBUTION)


def report_url(what: str, where: str) -> str:
    """A new issue about an error in ``what``, seen at ``where`` (a page's path), with the questions a reviewer
    needs answered already in its body."""
    body = (f"Page: {where}\n\nWhich value is wrong (table, row, column):\n\n"
            "What it should be, and the source that shows it (a datasheet, a paper, a price page):\n")
    return f"{urls()['issues']}/new?" + urlencode({"title": f"Data error: {what}", "body": body})


def bibtex_key(where: str) -> str:
    """A citation key for a page: ``compute_atlas_`` and the page's path in letters, digits and underscores."""
    return "compute_atlas_" + "".join(c if c.isalnum() else "_" for c in where.removesuffix(".html")).strip("_")


def bibtex(title: str, where: str, year: int | str) -> str:
    """A BibTeX ``@misc`` entry for one page of the site (or one entity's page), with the package's version."""
    fields = [("author", "{" + AUTHOR + "}"), ("title", f"{title}, in {TITLE}"), ("year", str(year)),
              ("version", version()), ("howpublished", f"Compute Atlas site, page {where}"),
              ("url", urls()["repository"]), ("note", "Data under CC BY 4.0")]
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@misc{{{bibtex_key(where)},\n{body}\n}}"
