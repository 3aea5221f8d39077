"""Sphinx configuration. The site reads only the published build: the
database (through the compute_atlas.site.sphinxext extension) and the copy of
references.bib that the build publishes beside it."""

import os
from pathlib import Path

import compute_atlas
from compute_atlas import paths
from compute_atlas.site import layout

BUILD_DIR = Path(os.environ.get("COMPUTE_ATLAS_BUILD_DIR", paths.DEFAULT_OUTPUT_DIR))

project = "Compute Atlas"
author = "Compute Atlas contributors"
copyright = "2026, Compute Atlas contributors. Code: MIT. Data: CC BY 4.0"
version = release = compute_atlas.__version__

extensions = [
    "myst_parser",
    "sphinxcontrib.bibtex",
    "compute_atlas.site.sphinxext",
]

atlas_database = str(BUILD_DIR / paths.DATABASE_FILE)

source_suffix = {".md": "markdown"}
exclude_patterns = ["generated/**", "_build", "README.md"]
root_doc = "index"

myst_enable_extensions = ["colon_fence", "deflist"]
# Dataset text reaches pages through generated Markdown, escaped: no raw HTML may pass. (The generated tables
# are raw HTML blocks that compute_atlas.site.tables writes with every cell escaped.)
myst_disable_syntax = ["html_block", "html_inline"]
myst_heading_anchors = 3

# the build's references.bib, which the site builder copies into the source folder
bibtex_bibfiles = [layout.BIBFILE]
bibtex_default_style = "unsrt"
bibtex_reference_style = "author_year"

html_theme = "furo"
html_title = "Compute Atlas"
html_static_path = ["_static"]
html_css_files = ["atlas.css"]
# the Vega bundle is added only to the pages that draw a chart (compute_atlas.site.sphinxext)
html_js_files = ["atlas.js"]
html_last_updated_fmt = "%Y-%m-%d"
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {
    "navigation_with_keys": True,
}

suppress_warnings = []
nitpicky = False
