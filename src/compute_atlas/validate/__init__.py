"""Checking what ``ingest`` loaded: column checks (the pandera schemas, run as SQL), declared rules and plausibility."""
