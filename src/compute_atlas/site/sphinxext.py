"""Sphinx extension: the wiring. The site reads the published database, read-only.

- At ``builder-inited`` it writes the Vega bundle (``vega``) and the pages generated from the database and
  the schemas (``pages``) into the source folder, ``app.srcdir``: the copy of ``docs/`` that the site
  builder keeps under the build folder. It refuses to write into ``docs/`` itself.
- ``{atlas-value}`figure_id``` puts a figure of ``headline_figures`` into
  prose; an unknown name fails the build.
- ``{atlas-build}`item``` puts a value of ``build_info`` into prose.
- ``{atlas-download}`csv/name.csv``` links a file the build publishes under ``downloads/``.
- ``{atlas-chart} name`` embeds a chart of ``compute_atlas.site.charts``.
- ``{atlas-accelerator}`Name <id>``` and ``{atlas-model}`Name <id>``` link an entity's page; an unknown id
  fails the build. ``{atlas-compare}`` is the compare page's mount point.
- At ``build-finished`` it writes the entity pages and their JSON (``entities``) into the theme's shell.
- Pages record what they read from the database (``incremental``), so that a rebuild rereads only the
  pages whose inputs changed.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .. import paths
from ..metadata.units import fmt_value
from . import entities, incremental, pages, state, vega
from .incremental import note_input
from .state import chart_of, connect
from .tables import CITE, ROOT_PLACEHOLDER

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


ENTITY_TEXT = re.compile(r"^(?P<text>.*?)\s*<(?P<id>[^<>]+)>$", re.S)


def entity_ids(app: Sphinx, kind: str) -> set[str]:
    cache = getattr(app, "atlas_entity_ids", None)
    if cache is None:
        con = connect(app)
        cache = app.atlas_entity_ids = {
            "accelerator": {r[0] for r in con.execute("SELECT accelerator_id FROM accelerators").fetchall()},
            "model": {r[0] for r in con.execute("SELECT run_id FROM training_runs").fetchall()},
        }
    return cache[kind]


def make_entity_role(kind: str):
    """``{atlas-accelerator}`Name <accelerator_id>``` (or ``{atlas-model}`Name <run_id>```): a link to the
    entity's page; an unknown id fails the build."""
    folder = entities.FOLDERS[kind]

    def role(name, rawtext, text, lineno, inliner, options=None, content=None):
        env = inliner.document.settings.env
        m = ENTITY_TEXT.match(text.strip())
        label, ident = (m["text"] or m["id"], m["id"].strip()) if m else (text.strip(), text.strip())
        if ident not in entity_ids(env.app, kind):
            msg = inliner.reporter.error(f"unknown {kind} {ident!r} in {rawtext}", line=lineno)
            return [inliner.problematic(rawtext, rawtext, msg)], [msg]
        node = nodes.reference(rawtext, label, refuri=f"{relative_prefix(env.docname)}{folder}/{ident}.html",
                               classes=["atlas-entity-link"])
        return [node], []

    return role


class CompareDirective(SphinxDirective):
    """The compare page's mount point: atlas.js builds the side-by-side table from the entities' JSON."""

    def run(self):
        return [nodes.raw("", '<div id="atlas-compare" class="atlas-compare"><p class="atlas-compare-loading">'
                              "The comparison is built in the browser by the site's own script "
                              "(<code>_static/atlas.js</code>); it needs JavaScript.</p></div>", format="html")]


def citation_html(app: Sphinx):
    """A function of (a ``;``-separated source, the page it is on) that returns the citation as ``{cite:p}``
    renders it: sphinxcontrib-bibtex resolves it, with the link relative to the page."""
    cache = getattr(app, "atlas_citations", None)
    if cache is None:
        cache = app.atlas_citations = {}
    domain = app.env.get_domain("cite")

    def cite(keys: str, docname: str) -> str:
        key = (relative_prefix(docname), keys)
        if key not in cache:
            target = ",".join(k for k in keys.split(";") if k)
            node = domain.resolve_xref(app.env, docname, app.builder, "p", target, nodes.inline(), nodes.inline())
            cache[key] = app.builder.render_partial(node)["fragment"].strip()
        return cache[key]

    return cite


def on_doctree_resolved(app: Sphinx, doctree, docname: str) -> None:
    """Fill in the placeholders of the generated HTML tables: the site's root and the citations."""
    cite = citation_html(app)
    prefix = relative_prefix(docname)
    for node in list(doctree.findall(nodes.raw)):
        text = node.astext()
        if "<!--atlas-" not in text:
            continue
        text = CITE.sub(lambda m: cite(m[1], docname), text.replace(ROOT_PLACEHOLDER, prefix))
        node.replace_self(nodes.raw("", text, format="html"))


def write_entities(app: Sphinx) -> None:
    out = Path(app.outdir)
    cite = citation_html(app)
    counts = entities.write_all(connect(app), out, out.parent, lambda keys: cite(keys, entities.INDEX_DOCS["accelerator"]),
                                app.config.html_title)
    logger.info("entity pages: %(written)d written, %(kept)d unchanged, %(removed)d removed", counts)


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
    try:
        if exc is None and app.builder.name == "html":
            write_entities(app)
    finally:
        state.close(app)


def cache_pybtex_plugins() -> None:
    """Look pybtex's plugins up once per process, not once per citation.

    ``pybtex.plugin.find_plugin`` scans every installed package's entry points on each call, and
    sphinxcontrib-bibtex calls it for each citation it resolves: with the site's thousands of table citations
    that was most of the build's time. Plugins registered at run time are still looked up first, as pybtex does.
    """
    import pybtex.plugin as plugin

    original = plugin._load_entry_point
    if getattr(original, "atlas_cached", False):
        return
    found: dict[tuple, type] = {}

    def load(group, name, use_aliases=False):
        for g in ([group, group + ".aliases"] if use_aliases else [group]):
            klass = plugin._RUNTIME_PLUGINS.get(g, {}).get(name)
            if klass is not None:
                return klass
        key = (group, name, use_aliases)
        if key not in found:
            found[key] = original(group, name, use_aliases)
        return found[key]

    load.atlas_cached = True
    plugin._load_entry_point = load


def keep_formatted_citations() -> None:
    """Format ``references.bib`` only when it, or what cites it, changed.

    sphinxcontrib-bibtex formats every entry of every bibliography after each read phase (``env_updated``),
    even when nothing changed: about 2 s of each rebuild for our ~500 references. Its result, the domain's
    ``citations``, is kept beside the doctrees with a digest of everything it is computed from (the parsed
    bibliography, the bibliography directives, the citation references, the documents and the two settings
    it reads), and reused while the digest is the same.
    """
    import hashlib
    import pickle

    from sphinxcontrib.bibtex.domain import BibtexDomain

    original = BibtexDomain.env_updated
    if getattr(original, "atlas_cached", False):
        return

    def env_updated(self):
        store = Path(self.env.doctreedir) / "atlas-citations.pickle"
        try:
            # each part apart: a pickle of them together depends on which objects they share, which differs
            # between an environment just read and one loaded from disk
            parts = (self.bibdata, sorted(self.bibliographies.items(), key=lambda kv: repr(kv[0])),
                     sorted(self.citation_refs, key=repr), sorted(self.env.found_docs),
                     (self.env.config.bibtex_tooltips, self.env.config.bibtex_tooltips_style))
            digest = hashlib.sha256(b"".join(hashlib.sha256(pickle.dumps(p)).digest() for p in parts)).hexdigest()
            kept_digest, kept = pickle.loads(store.read_bytes()) if store.is_file() else (None, None)
        except Exception:  # noqa: BLE001 - unpicklable or unreadable: format as the extension does
            digest, kept_digest, kept = None, None, None
        if digest is not None and kept_digest == digest and kept:
            self.citations[:] = kept
            return []
        result = original(self)
        if digest is not None:
            store.parent.mkdir(parents=True, exist_ok=True)
            store.write_bytes(pickle.dumps((digest, list(self.citations))))
        return result

    env_updated.atlas_cached = True
    BibtexDomain.env_updated = env_updated


def setup(app: Sphinx) -> dict:
    cache_pybtex_plugins()
    keep_formatted_citations()
    app.add_config_value("atlas_database", str(paths.DEFAULT_OUTPUT_DIR / paths.DATABASE_FILE), "env")
    app.connect("builder-inited", on_builder_inited)
    app.connect("build-finished", on_finished)
    app.connect("doctree-resolved", on_doctree_resolved)
    app.connect("env-get-outdated", incremental.on_env_get_outdated)
    app.connect("doctree-read", incremental.on_doctree_read)
    app.connect("env-purge-doc", incremental.on_purge_doc)
    app.connect("env-merge-info", incremental.on_merge_info)
    app.add_role("atlas-value", value_role)
    app.add_role("atlas-download", download_role)
    app.add_role("atlas-build", build_role)
    app.add_directive("atlas-chart", ChartDirective)
    app.add_directive("atlas-compare", CompareDirective)
    app.add_role("atlas-accelerator", make_entity_role("accelerator"))
    app.add_role("atlas-model", make_entity_role("model"))
    return {"version": "0.1", "parallel_read_safe": False, "parallel_write_safe": True}
