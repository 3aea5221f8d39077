"""``build_info``: what was built, from what, when."""

import pandera.polars as pa

from ._base import Declaration, field


class BuildInfo(pa.DataFrameModel):
    item: str = field("What the row records: `schema_version`, `git_revision`, `built_at`, "
                      "`version:<package>` (the version of DuckDB, pandera, Sphinx and Altair that built it), "
                      "`rows:<table>`, `sha256:<file>`, `changed:<file>` (date of the last commit that changed it), "
                      "`current_to:<table>` (the newest date of the column a curated table declares it is current "
                      "to: the data's as-of date) or `value_history_note` (why the value history is incomplete).",
                      nullable=False, unique=True)
    value_text: str = field("The recorded value, as text.", nullable=False)

    class Config:
        description = """Bookkeeping of the build: schema version, git revision, build time, the
        versions of the main libraries, row count of every table and the SHA-256 hash of every input file."""
        metadata = Declaration(
            kind="bookkeeping",
            key=("item",))
        strict = True
