"""Checking what ``ingest`` staged: column checks (the pandera schemas, run as SQL), declared rules and plausibility."""
