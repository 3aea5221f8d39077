"""Sphinx extension: the wiring. The site reads the published database, read-only.

- At ``builder-inited`` it writes the Vega bundle (``vega``) and the pages generated from the database and
  the schemas (``pages``) into the source folder, ``app.srcdir``: the copy of ``docs/`` that the site
  builder keeps under the build folder. It refuses to write into ``docs/`` itself.
- ``{atlas-value}`figure_id``` puts a figure of ``headline_figures`` into
  prose; an unknown name fails the build.
- ``{atlas-build}`item``` puts a value of ``build_info`` into prose.
- ``{atlas-download}`csv/name.csv``` links a file the build publishes under ``downloads/``.
- ``{atlas-chart} name`` embeds a chart of ``compute_atlas.site.charts``.
- Pages record what they read from the database (``incremental``), so that a rebuild rereads only the
  pages whose inputs changed.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .. import paths
from ..metadata.units import fmt_value
from . import incremental, pages, state, vega
from .incremental import note_input
from .state import chart_of, connect

logger = logging.getLogger(__name__)


def on_builder_inited(app: Sphinx) -> None:
    src = Path(app.srcdir)
    if src.resolve() == paths.DOCS_DIR.resolve():
        raise ExtensionError(f"the site is not built in {paths.DOCS_DIR}: generated pages would be written there; "
                             "run `compute-atlas build` (it builds from a copy of docs/ under the build folder)")
    vega.write_bundle(src)
    pages.generate(app)


def value_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    app = inliner.document.settings.env.app
    con = connect(app)
    rows = con.execute("SELECT value, unit FROM headline_figures WHERE figure_id = ?", [text.strip()]).fetchall()
    if not rows:
        known = [r[0] for r in con.execute("SELECT figure_id FROM headline_figures ORDER BY 1").fetchall()]
        msg = inliner.reporter.error(f"unknown atlas value {text!r}; known: {', '.join(known)}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    value, unit = rows[0]
    note_input(inliner.document.settings.env, ("value", text.strip()))
    node = nodes.inline(rawtext, fmt_value(value, unit), classes=["atlas-value"])
    node["ids"] = []
    return [node], []


def build_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """A value of ``build_info`` (``schema_version``, ``git_revision``, ``built_at``, ...)."""
    con = connect(inliner.document.settings.env.app)
    rows = con.execute("SELECT value_text FROM build_info WHERE item = ?", [text.strip()]).fetchall()
    if not rows:
        msg = inliner.reporter.error(f"unknown build_info item {text!r}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    note_input(inliner.document.settings.env, ("build", text.strip()))
    return [nodes.literal(rawtext, rows[0][0])], []


def download_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """A link to a file the build publishes under ``downloads/`` (exports, the database)."""
    env = inliner.document.settings.env
    path = text.strip()
    prefix = "../" * env.docname.count("/")
    node = nodes.reference(rawtext, path.rsplit("/", 1)[-1], refuri=f"{prefix}downloads/{path}",
                           classes=["atlas-download"])
    return [node], []


def relative_prefix(docname: str) -> str:
    return "../" * docname.count("/")


class ChartDirective(SphinxDirective):
    """Embed a chart: title, takeaway, the interactive view, an SVG fallback and its data."""

    required_arguments = 1
    option_spec = {"height": directives.positive_int}

    def run(self):
        from .charts import CHARTS, render

        name = self.arguments[0]
        if name not in CHARTS:
            raise self.error(f"unknown chart {name!r}; known: {', '.join(sorted(CHARTS))}")
        chart = chart_of(self.env.app, name)
        outdir = Path(self.env.app.outdir) / "_charts"
        html = render(chart, name, outdir, relative_prefix(self.env.docname))
        note_input(self.env, ("chart", name))
        return [nodes.raw("", html, format="html")]


def on_finished(app: Sphinx, exc) -> None:
    state.close(app)


def setup(app: Sphinx) -> dict:
    app.add_config_value("atlas_database", str(paths.ROOT / "build" / paths.DATABASE_FILE), "env")
    app.connect("builder-inited", on_builder_inited)
    app.connect("build-finished", on_finished)
    app.connect("env-get-outdated", incremental.on_env_get_outdated)
    app.connect("doctree-read", incremental.on_doctree_read)
    app.connect("env-purge-doc", incremental.on_purge_doc)
    app.connect("env-merge-info", incremental.on_merge_info)
    app.add_role("atlas-value", value_role)
    app.add_role("atlas-download", download_role)
    app.add_role("atlas-build", build_role)
    app.add_directive("atlas-chart", ChartDirective)
    return {"version": "0.1", "parallel_read_safe": False, "parallel_write_safe": True}
