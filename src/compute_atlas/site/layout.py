"""Where the site's generated sources go, relative to the Sphinx source folder (``app.srcdir``).

The extension writes these; the site builder keeps them when it syncs ``docs/`` into the source folder
under the build folder, and never copies them from ``docs/``. Nothing here imports Sphinx or the database,
so the builder reads it for free.
"""

#: Generated includes: glossary, tables, assumptions, dataset rows, contributing examples.
GENERATED = "generated"
#: The data dictionary: its index and a page per relation.
DICTIONARY = "dictionary"
#: Vega, Vega-Lite and vega-embed as one script (the extension adds it to the pages that draw a chart).
BUNDLE = "_static/vega-bundle.js"
#: The bibliography: the build's references.bib, copied in by the site builder under a stable path (so that
#: Sphinx's dependency on it survives a new release; conf.py's bibtex_bibfiles names it).
BIBFILE = "_references.bib"
#: The index pages of the entity pages (``accelerators/index.md``, ``models/index.md``); the entity pages
#: themselves are written beside their index's HTML, outside Sphinx (``entities``).
ENTITY_FOLDERS = ("accelerators", "models")
#: Generated pages of the contributing guide (the list of plausibility checks).
CONTRIBUTING = "contributing"
#: Everything written into the source folder that docs/ does not hold.
OUTPUTS = (GENERATED, DICTIONARY, BUNDLE, BIBFILE, *ENTITY_FOLDERS, CONTRIBUTING)
