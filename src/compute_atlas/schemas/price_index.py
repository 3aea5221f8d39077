"""``price_index``: consumer prices by year, to compare dollars across years."""

import pandera.polars as pa

from ._base import Declaration, field, shared


class PriceIndex(pa.DataFrameModel):
    year: int = shared('year', nullable=False, unique=True)
    cpi_u_index: float = field("US CPI-U, all items, US city average, annual average (1982-84 = 100).",
                               'index_points', nullable=False, gt=0)
    ppi_data_processing_index: float = field(
        "US producer price index of data processing, hosting and related services (BLS series PCU518210518210, "
        "December 2000 = 100), annual average of the monthly values: the index Cottier et al. adjust training "
        "costs with; used only to undo that adjustment of their published figures (`training_cost_methods`).",
        'index_points', gt=0)
    source: str = shared('source', nullable=False)
    notes: str = shared('notes')

    class Config:
        description = """Annual US consumer price index (CPI-U), used to express nominal
        dollars in dollars of the base year (columns ending in `_usd_2024`), and the producer price
        index of data processing and hosting that Cottier et al. use, to read their figures."""
        metadata = Declaration(
            kind="curated",
            as_of="year",
            csv="price_index.csv",
            key=("year",))
        strict = True
