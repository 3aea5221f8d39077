"""Incremental builds: a page is rebuilt when what it read from the database changed, not whenever the database did.

Each page records its inputs (figures, build items, charts) and a digest of their values; a later build
compares the digests. Generated includes are ordinary dependencies that Sphinx tracks itself.
"""

from __future__ import annotations

import hashlib
import json

from sphinx.application import Sphinx

from .state import chart_of, connect


def note_input(env, item: tuple[str, str]) -> None:
    if not hasattr(env, "atlas_inputs"):
        env.atlas_inputs = {}
    env.atlas_inputs.setdefault(env.docname, set()).add(item)


def inputs_digest(app: Sphinx, items: set[tuple[str, str]]) -> str:
    con = connect(app)
    h = hashlib.sha256()
    for kind, name in sorted(items):
        if kind == "value":
            h.update(repr(con.execute("SELECT value, unit FROM headline_figures WHERE figure_id = ?",
                                      [name]).fetchall()).encode())
        elif kind == "build":
            h.update(repr(con.execute("SELECT value_text FROM build_info WHERE item = ?", [name]).fetchall()).encode())
        else:
            chart = chart_of(app, name)
            h.update(json.dumps([chart.title, chart.takeaway, chart.description, chart.spec_dict()],
                                sort_keys=True, default=str).encode())
    return h.hexdigest()


def on_env_get_outdated(app, env, added, changed, removed):
    inputs, digests = getattr(env, "atlas_inputs", {}), getattr(env, "atlas_digests", {})
    return [doc for doc, items in inputs.items()
            if doc in env.found_docs and doc not in changed and digests.get(doc) != inputs_digest(app, items)]


def on_doctree_read(app, doctree) -> None:
    env = app.env
    items = getattr(env, "atlas_inputs", {}).get(env.docname)
    if items:
        if not hasattr(env, "atlas_digests"):
            env.atlas_digests = {}
        env.atlas_digests[env.docname] = inputs_digest(app, items)


def on_purge_doc(app, env, docname) -> None:
    getattr(env, "atlas_inputs", {}).pop(docname, None)
    getattr(env, "atlas_digests", {}).pop(docname, None)


def on_merge_info(app, env, docnames, other) -> None:  # parallel reads are off; kept for completeness
    for attr in ("atlas_inputs", "atlas_digests"):
        mine = getattr(env, attr, {})
        mine.update({d: v for d, v in getattr(other, attr, {}).items() if d in docnames})
        setattr(env, attr, mine)
