"""Sphinx extension: the wiring. The site reads the published database, read-only.

- At ``builder-inited`` it writes the Vega bundle (``vega``) and the pages generated from the database and
  the schemas (``pages``) into the source folder, ``app.srcdir``: the copy of ``docs/`` that the site
  builder keeps under the build folder. It refuses to write into ``docs/`` itself.
- ``{atlas-value}`figure_id``` puts a figure of ``headline_figures`` into
  prose; an unknown name fails the build.
  The figure's own as-of date (``current_to_date``) is its tooltip; ``{atlas-figure-current-to}`figure_id ...```
  says it in words ("The figure above is current to 2025-06-12.").
- ``{atlas-build}`item``` puts a value of ``build_info`` into prose.
- ``{atlas-download}`csv/name.csv``` links a file the build publishes under ``downloads/``.
- ``{atlas-chart} name`` embeds a chart of ``compute_atlas.site.charts``.
- ``{atlas-accelerator}`Name <id>``` and ``{atlas-model}`Name <id>``` link an entity's page; an unknown id
  fails the build. ``{atlas-compare}`` is the compare page's mount point; ``{atlas-compare-link}`Text <id,id,...>```
  links the compare page with those accelerators (an unknown id fails the build).
- The accelerator list and the compare page load ``_static/explore.js`` and ``explore.css``; no other page does.
- ``{atlas-estimate}`` is the estimate page's mount point: that page loads ``_static/estimate.js`` (and
  ``explore.css``), and the build writes the data it recomputes from beside it (``estimate_page``).
- At ``html-collect-pages`` it hands Sphinx the entity pages (``entities``): a context per accelerator and per
  model, rendered by the theme through the template ``templates/atlas-entity.html``; their JSON is written
  beside them.
- It registers the pybtex plugins once (``register_pybtex_plugins``), so that citations do not each search
  the installed packages' entry points.
- Pages record what they read from the database (``incremental``), so that a rebuild rereads only the
  pages whose inputs changed.
"""

from __future__ import annotations

import hashlib
import html
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
from . import entities, incremental, layout, pages, state, vega
from .incremental import note_input
from .state import built_at, chart_of, connect
from .tables import CITE, ROOT_PLACEHOLDER

logger = logging.getLogger(__name__)


def on_builder_inited(app: Sphinx) -> None:
    src = Path(app.srcdir)
    if src.resolve() == paths.DOCS_DIR.resolve():
        raise ExtensionError(f"the site is not built in {paths.DOCS_DIR}: generated pages would be written there; "
                             "run `compute-atlas build` (it builds from a copy of docs/ under the build folder)")
    if app.config.atlas_generated_pages:
        vega.write_bundle(src)
        pages.generate(app)


class figure_value(nodes.inline):
    """A headline figure in prose: HTML gives it the date the figure is current to as its tooltip; other writers
    treat it as the inline it is."""


#: the tooltip of a figure without an as-of date because it is a parameter of the method, not a value of the data
PARAMETER_TOOLTIP = "A parameter the atlas chose (parameters.csv), not data: it has no as-of date"


def visit_figure_value(self, node: figure_value) -> None:
    when = node.get("current_to")
    title = f"Current to {when}" if when else PARAMETER_TOOLTIP if node.get("parameter") else None
    self.body.append(self.starttag(node, "span", "", **({"title": title} if title else {})))


def depart_figure_value(self, node: figure_value) -> None:
    self.body.append("</span>")


def figure_rows(inliner, text: str, lineno: int):
    """``(value, unit, current_to_date)`` of a headline figure, or the error nodes of an unknown one."""
    con = connect(inliner.document.settings.env.app)
    rows = con.execute("SELECT value, unit, current_to_date FROM headline_figures WHERE figure_id = ?",
                       [text]).fetchall()
    if not rows:
        known = [r[0] for r in con.execute("SELECT figure_id FROM headline_figures ORDER BY 1").fetchall()]
        msg = inliner.reporter.error(f"unknown atlas value {text!r}; known: {', '.join(known)}", line=lineno)
        return None, msg
    note_input(inliner.document.settings.env, ("value", text))
    return rows[0], None


def value_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    row, msg = figure_rows(inliner, text.strip(), lineno)
    if row is None:
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    value, unit, when = row
    node = figure_value(rawtext, fmt_value(value, unit), classes=["atlas-value"])
    node["ids"] = []
    node["current_to"] = when.isoformat() if when else None
    node["parameter"] = text.strip().startswith("parameter_")
    return [node], []


def figure_current_to_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """The dates the headline figures named are current to (``headline_figures.current_to_date``), in the order
    named: "The figure above is current to 2025-06-12.", or "The figures above are current to 2025-06-12 and
    2026-02-16 respectively." A figure without a date (a constant the atlas chose) cannot be named."""
    dates = []
    for figure in text.split():
        row, msg = figure_rows(inliner, figure, lineno)
        if row is None:
            return [inliner.problematic(rawtext, rawtext, msg)], [msg]
        if row[2] is None:
            msg = inliner.reporter.error(f"figure {figure!r} has no date it is current to", line=lineno)
            return [inliner.problematic(rawtext, rawtext, msg)], [msg]
        dates.append(row[2].isoformat())
    if not dates:
        msg = inliner.reporter.error("name the headline figures whose dates to give", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    if len(set(dates)) == 1:
        words = f"{'figure above is' if len(dates) == 1 else 'figures above are'} current to {dates[0]}."
    else:
        words = f"figures above are current to {', '.join(dates[:-1])} and {dates[-1]} respectively."
    return [nodes.inline(rawtext, "The " + words, classes=["atlas-figure-current-to"])], []


def build_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """A value of ``build_info`` (``schema_version``, ``git_revision``, ``built_at``, ...)."""
    con = connect(inliner.document.settings.env.app)
    rows = con.execute("SELECT value_text FROM build_info WHERE item = ?", [text.strip()]).fetchall()
    if not rows:
        msg = inliner.reporter.error(f"unknown build_info item {text!r}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    note_input(inliner.document.settings.env, ("build", text.strip()))
    return [nodes.literal(rawtext, rows[0][0])], []


def current_to_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """"Data current to" of the datasets named (``{atlas-current-to}`accelerators cloud_prices```): the newest date
    of each one's declared as-of column (``build_info``'s ``current_to:<table>``)."""
    con = connect(inliner.document.settings.env.app)
    parts = []
    for table in text.split():
        rows = con.execute("SELECT value_text FROM build_info WHERE item = ?", [f"current_to:{table}"]).fetchall()
        if not rows:
            msg = inliner.reporter.error(f"no as-of date for {table!r}: is it a curated table that declares as_of?",
                                         line=lineno)
            return [inliner.problematic(rawtext, rawtext, msg)], [msg]
        note_input(inliner.document.settings.env, ("build", f"current_to:{table}"))
        parts.append(f"{table.replace('_', ' ')} {rows[0][0]}")
    return [nodes.inline(rawtext, "Data current to: " + "; ".join(parts) + ".", classes=["atlas-current-to"])], []


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


def compare_link_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{atlas-compare-link}`Text <id,id,...>```: a link to the compare page with these accelerators side by side;
    an unknown id fails the build, so that a link in prose cannot lead to a comparison that drops a chip."""
    env = inliner.document.settings.env
    m = ENTITY_TEXT.match(text.strip())
    if not m:
        msg = inliner.reporter.error(f"atlas-compare-link needs `Text <id,id,...>`, not {rawtext}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    ids = [i.strip() for i in m["id"].split(",") if i.strip()]
    unknown = [i for i in ids if i not in entity_ids(env.app, "accelerator")]
    if unknown or not ids:
        msg = inliner.reporter.error(f"unknown accelerator(s) {', '.join(map(repr, unknown)) or '(none given)'} "
                                     f"in {rawtext}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    node = nodes.reference(rawtext, m["text"] or ", ".join(ids),
                           refuri=f"{relative_prefix(env.docname)}compare.html?accelerators={','.join(ids)}",
                           classes=["atlas-compare-link"])
    return [node], []


class EstimateDirective(SphinxDirective):
    """The estimate page's mount point: estimate.js builds the form from the data beside the page."""

    def run(self):
        from .estimate_page import MOUNT

        return [nodes.raw("", MOUNT, format="html")]


def write_estimate_data(app: Sphinx):
    """``html-collect-pages``: the estimate page's data (``estimate.json``, ``estimate-data.js``) beside it, from the
    estimator's own inputs; with each reference's link as the page cites it. Yields no page."""
    from . import estimate_page

    if app.builder.name == "html" and estimate_page.PAGE in app.env.found_docs:
        cite = citation_html(app)
        estimate_page.write(connect(app), Path(app.outdir), lambda keys: cite(keys, estimate_page.PAGE))
    return []


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


def entity_toctree(app: Sphinx):
    """The ``toctree()`` of the theme's templates for the entity pages, computed once per folder.

    Sphinx computes it for every page, by copying and resolving the whole table of contents: 70 ms a page
    here, most of the time of a thousand entity pages. It is the same for every page of a folder (no
    entity page is in a toctree, so none is marked current, and the links are relative to the folder), so
    it is computed for the first page of each and reused; a template's own arguments are part of the key.
    The context of an entity page passes it in place of Sphinx's (``handle_page`` lets a page's context
    override the template functions)."""
    from sphinx.environment.adapters.toctree import global_toctree_for_doc

    cache: dict[tuple, str] = {}

    def for_page(pagename: str):
        def toctree(collapse: bool = True, **kwargs) -> str:  # the arguments of Sphinx's own toctree()
            kwargs.setdefault("includehidden", False)
            if kwargs.get("maxdepth") == "":
                kwargs.pop("maxdepth")
            key = (pagename.rsplit("/", 1)[0], collapse, tuple(sorted(kwargs.items())))
            if key not in cache:
                node = global_toctree_for_doc(app.env, pagename, app.builder, tags=app.tags, collapse=collapse,
                                              **kwargs)
                cache[key] = app.builder.render_partial(node)["fragment"] if node is not None else ""
            return cache[key]

        return toctree

    return for_page


def theme_digest(app: Sphinx, toctree) -> str:
    """A digest of what an entity page shows besides its entity: the theme's navigation as the entity pages
    see it, the site's title, scripts, styles and static files, the theme and Sphinx versions. An entity page
    is rendered again when it changes."""
    import importlib.metadata

    import sphinx

    h = hashlib.sha256()
    for folder in entities.FOLDERS.values():
        h.update(toctree(f"{folder}/-")(collapse=False, titles_only=True, maxdepth=-1, includehidden=True).encode())
    config = app.config
    try:
        theme_version = importlib.metadata.version(config.html_theme)
    except importlib.metadata.PackageNotFoundError:
        theme_version = ""
    from .. import about

    # the project's links and the citation's year and version, in every page's footer
    h.update(repr((sorted(about.urls().items()), about.version(), build_year(app))).encode())
    h.update(repr((config.html_title, config.html_theme, theme_version, sphinx.__version__, config.html_theme_options,
                   [str(f) for f in config.html_css_files], [str(f) for f in config.html_js_files])).encode())
    static = Path(app.srcdir) / "_static"
    for path in sorted(static.rglob("*")) if static.is_dir() else []:
        if path.is_file():
            h.update(path.relative_to(static).as_posix().encode() + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def collect_entity_pages(app: Sphinx):
    """``html-collect-pages``: the entity pages whose content changed, for the theme to render (``entities``).
    A site without the entities' index pages (a one-page test build) has none."""
    if app.builder.name != "html" or not set(entities.INDEX_DOCS.values()) <= app.env.found_docs:
        return
    cite = citation_html(app)
    toctree = entity_toctree(app)
    counts = {"written": 0, "kept": 0, "removed": 0}
    for pagename, context, template in entities.pages(
            connect(app), Path(app.outdir), Path(app.doctreedir) / "atlas-entities.json",
            lambda keys: cite(keys, entities.INDEX_DOCS["accelerator"]), theme_digest(app, toctree), counts):
        yield pagename, {**context, "toctree": toctree(pagename)}, template
    logger.info("entity pages: %(written)d written, %(kept)d unchanged, %(removed)d removed", counts)


def add_vega_where_drawn(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """``html-page-context``: the Vega bundle (about 900 kB) only on a page that draws a chart: a page whose body
    holds one, or an entity page with a chart in a section."""
    drawn = "atlas-chart-view" in (context.get("body") or "") or any(
        "atlas-chart-view" in s.get("chart", "") for s in context.get("atlas_sections") or [])
    if drawn:
        app.add_js_file(layout.BUNDLE.removeprefix("_static/"))


def add_project_links(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """``html-page-context``: the project's links and the page's citation (``templates/page.html``), from
    ``compute_atlas.about``; an entity page is cited by its entity's name."""
    from .. import about

    entity = context.get("atlas_entity")
    title = html.unescape(entity["name"] if entity else re.sub(r"<[^>]+>", "", context.get("title") or ""))
    where = pagename + ".html"
    context["atlas_project"] = {"repository": about.urls()["repository"], "report": about.report_url(title, where),
                                "bibtex": about.bibtex(title, where, build_year(app))}


def build_year(app: Sphinx) -> str:
    """The year the data were built (``build_info.built_at``), which a citation of a page gives."""
    year = getattr(app, "atlas_build_year", None)
    if year is None:
        year = app.atlas_build_year = built_at(connect(app))[:4]
    return year


#: The explore script and its styles: on the pages that mount the accelerator list or the compare page.
EXPLORE_MOUNTS = ('id="atlas-explore"', 'id="atlas-compare"')
#: The estimate page's script (it uses explore.css's styles of forms and tables).
ESTIMATE_MOUNT = 'id="atlas-estimate"'


def add_explore_where_used(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """``html-page-context``: ``explore.js`` (after ``atlas.js``, whose loaders it uses) and ``explore.css`` only on a
    page with the accelerator list or the compare page; ``estimate.js`` and ``explore.css`` on the estimate page."""
    body = context.get("body") or ""
    if any(mount in body for mount in EXPLORE_MOUNTS):
        app.add_js_file("explore.js")
        app.add_css_file("explore.css")
    elif ESTIMATE_MOUNT in body:
        app.add_js_file("estimate.js")
        app.add_css_file("explore.css")


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


#: The pybtex plugin groups that sphinxcontrib-bibtex looks a plugin up in for each citation it resolves (the
#: formatting styles, and their label and sorting styles, are looked up a few times a build).
PYBTEX_GROUPS = ("pybtex.backends", "pybtex.style.names")


def register_pybtex_plugins() -> None:
    """Register the installed pybtex plugins of ``PYBTEX_GROUPS`` with pybtex's own ``register_plugin``.

    ``pybtex.plugin.find_plugin`` looks a plugin up among the plugins registered at run time, then scans every
    installed package's entry points (17 ms here); sphinxcontrib-bibtex calls it for each citation it
    resolves, and with the site's thousands of table citations the scans were most of the build's time.
    Registered, each lookup is a dictionary access. The classes are those the entry points name, so nothing
    resolves differently; a plugin that a ``conf.py`` registered under the same name is left in place."""
    import importlib.metadata

    import pybtex.plugin

    for group in PYBTEX_GROUPS:
        for ep in importlib.metadata.entry_points(group=group):
            klass = ep.load()
            if pybtex.plugin.find_plugin(group, ep.name) is klass:
                pybtex.plugin.register_plugin(group, ep.name, klass, force=True)


def citation_domain():
    """sphinxcontrib-bibtex's ``cite`` domain, made to format ``references.bib`` only when it, or what cites it,
    changed; registered in its place with Sphinx's ``add_domain(..., override=True)``.

    The domain formats every entry of every bibliography after each read phase (``env_updated``), even when
    nothing changed: for our ~500 references (each twice, for the tooltips) that was about a sixth of the
    time of a rebuild after one row changed. Its result, the domain's ``citations``, is kept beside the
    doctrees with a digest of everything it is computed from (the parsed bibliography, the bibliography
    directives, the citation references, the documents and the two settings it reads: the domain's
    documented members), and reused while the digest is the same. A subclass, not a patch: the extension's
    class is left as it is."""
    import pickle

    from sphinxcontrib.bibtex.domain import BibtexDomain

    class AtlasBibtexDomain(BibtexDomain):
        def env_updated(self):
            store = Path(self.env.doctreedir) / "atlas-citations.pickle"
            try:
                # each part apart: a pickle of them together depends on which objects they share, which
                # differs between an environment just read and one loaded from disk
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
            result = super().env_updated()
            if digest is not None:
                store.parent.mkdir(parents=True, exist_ok=True)
                store.write_bytes(pickle.dumps((digest, list(self.citations))))
            return result

    return AtlasBibtexDomain


def add_templates(app: Sphinx, config) -> None:
    """The entity pages' template is the extension's own: its folder goes on the templates path."""
    config.templates_path.append(str(entities.TEMPLATES))


def setup(app: Sphinx) -> dict:
    register_pybtex_plugins()
    app.setup_extension("sphinxcontrib.bibtex")
    app.add_domain(citation_domain(), override=True)
    app.connect("config-inited", add_templates)
    app.add_config_value("atlas_database", str(paths.DEFAULT_OUTPUT_DIR / paths.DATABASE_FILE), "env")
    # False builds the hand-written pages alone, without the Vega bundle and the glossary, dictionary and entity
    # pages generated from the database (the tests' one-page builds of a role or directive)
    app.add_config_value("atlas_generated_pages", True, "env", types=frozenset({bool}))
    app.connect("builder-inited", on_builder_inited)
    app.connect("build-finished", on_finished)
    app.connect("html-collect-pages", collect_entity_pages)
    app.connect("html-collect-pages", write_estimate_data)
    app.connect("html-page-context", add_vega_where_drawn)
    app.connect("html-page-context", add_project_links)
    app.connect("html-page-context", add_explore_where_used)
    app.connect("doctree-resolved", on_doctree_resolved)
    app.connect("env-get-outdated", incremental.on_env_get_outdated)
    app.connect("doctree-read", incremental.on_doctree_read)
    app.connect("env-purge-doc", incremental.on_purge_doc)
    app.connect("env-merge-info", incremental.on_merge_info)
    app.add_role("atlas-value", value_role)
    app.add_role("atlas-download", download_role)
    app.add_role("atlas-build", build_role)
    app.add_role("atlas-current-to", current_to_role)
    app.add_role("atlas-figure-current-to", figure_current_to_role)
    app.add_node(figure_value, html=(visit_figure_value, depart_figure_value))
    app.add_directive("atlas-chart", ChartDirective)
    app.add_directive("atlas-compare", CompareDirective)
    app.add_directive("atlas-estimate", EstimateDirective)
    app.add_role("atlas-accelerator", make_entity_role("accelerator"))
    app.add_role("atlas-model", make_entity_role("model"))
    app.add_role("atlas-compare-link", compare_link_role)
    return {"version": "0.1", "parallel_read_safe": False, "parallel_write_safe": True}
