"""The documentation site: Sphinx wiring, generated pages, tables, charts and incremental bookkeeping."""
