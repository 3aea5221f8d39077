"""Validation of every dataset: read (``ingest``), then column checks, declared rules and plausibility."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..ingest.load import Loaded, load_all
from . import columns, rules


def validate_into(datasets: Path, con: duckdb.DuckDBPyConnection) -> Loaded:
    """Load every dataset into ``con`` and collect every problem, of reading and of checking."""
    loaded = load_all(datasets, con)
    loaded.problems += columns.run_all(con, loaded)
    loaded.problems += rules.run_all(con, loaded)
    return loaded
