"""``headline_figures``: named numbers that the site's prose quotes."""

import pandera.polars as pa

from ._base import field


class HeadlineFigures(pa.DataFrameModel):
    figure_id: str = field("Name a page uses to quote the figure (`{atlas-value}` role).", nullable=False,
                           unique=True, str_matches=r"^[a-z0-9_]+$")
    value: float = field("The number.", "see unit", nullable=False)
    unit: str = field("Unit of value; decides how the site formats it.", nullable=False)
    description: str = field("What the number is.", nullable=False)

    class Config:
        description = """Named figures quoted in the site's prose, each computed by SQL from the
        other relations so that no number in a page is typed by hand."""
        metadata = {"kind": "derived", "key": ["figure_id"]}
        strict = True
