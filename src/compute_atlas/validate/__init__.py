"""Checking what ``ingest`` staged: frame checks (pandera), declared rules and plausibility."""
