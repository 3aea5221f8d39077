"""Where the files a build needs are, in a checkout and in an installed package alike.

The derived relations' steps (``pipeline/`` in the repository) and the site's sources (``docs/``) ship inside
the package as ``compute_atlas.pipeline`` and ``compute_atlas.docs`` (``pyproject.toml`` maps the folders), so
an installed package builds from any folder. The datasets and the output folder are the caller's: the command
line's defaults are ``datasets/`` and ``build/`` in the current folder.
"""

from importlib.resources import files
from pathlib import Path

#: The derived relations' steps: one ``<relation>.sql`` or ``<relation>.py`` each.
PIPELINE_DIR = Path(str(files("compute_atlas.pipeline")))
#: The site's pages, configuration and static files.
DOCS_DIR = Path(str(files("compute_atlas.docs")))
#: The published database's file name inside the output folder.
DATABASE_FILE = "compute_atlas.duckdb"
#: The output folder the commands publish into unless told otherwise (relative to the current folder).
DEFAULT_OUTPUT_DIR = Path("build")
#: The curated datasets the commands read unless told otherwise (relative to the current folder).
DEFAULT_DATASETS_DIR = Path("datasets")
