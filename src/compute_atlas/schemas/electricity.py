"""``electricity``: industrial electricity prices and grid carbon intensity."""

import pandera.polars as pa

from ._base import SLUG, Declaration, field, shared


class Electricity(pa.DataFrameModel):
    region_id: str = field("Stable identifier of the region (slug).", nullable=False, unique=True, str_matches=SLUG)
    region: str = field("Region name.", nullable=False)
    country_code: str = field("ISO 3166-1 alpha-2 country code; empty for a multi-country aggregate such as `world`.", str_matches=r"^[A-Z]{2}$")
    year: int = shared('year', nullable=False)
    industrial_price_usd_per_kwh: float = field("Average industrial electricity price, excluding VAT.",
                                                'usd_per_kwh', gt=0, le=2)
    carbon_intensity_g_co2e_per_kwh: float = field("Carbon intensity of electricity generation.",
                                                   'g_co2e_per_kwh', ge=0, le=1500)
    source: str = shared('source', nullable=False)
    source_url: str = shared('source_url')
    notes: str = shared('notes')

    class Config:
        description = """Industrial electricity prices and grid carbon intensity by region, used
        for the energy cost and emissions of training runs."""
        metadata = Declaration(
            kind="curated",
            as_of="year",
            csv="electricity.csv",
            key=("region_id",))
        strict = True
