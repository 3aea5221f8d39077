"""Reading ``datasets/``: the only code that opens the curated files."""
