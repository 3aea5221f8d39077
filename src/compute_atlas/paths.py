"""Where the project's folders are."""

from pathlib import Path

#: The repository root: src/compute_atlas/ sits two levels below it.
ROOT = Path(__file__).resolve().parents[2]
PIPELINE_DIR = ROOT / "pipeline"
DOCS_DIR = ROOT / "docs"
DATABASE_FILE = "compute_atlas.duckdb"
