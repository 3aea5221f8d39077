"""Making the database: DDL from the metadata, the step graph of ``pipeline/``, exports and the atomic publish."""
