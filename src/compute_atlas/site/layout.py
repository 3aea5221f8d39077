"""Where the site's generated sources go, relative to the Sphinx source folder (``app.srcdir``).

The extension writes these. Nothing here imports Sphinx or the database, so anything may read it cheaply.
"""

#: Generated includes: glossary, tables, assumptions, dataset rows, contributing examples.
GENERATED = "generated"
#: The data dictionary: its index and a page per relation.
DICTIONARY = "dictionary"
#: Vega, Vega-Lite and vega-embed as one script (conf.py's html_js_files names it).
BUNDLE = "_static/vega-bundle.js"
#: Everything the extension writes into the source folder.
OUTPUTS = (GENERATED, DICTIONARY, BUNDLE)
