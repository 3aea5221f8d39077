"""``electricity``: industrial electricity prices and grid carbon intensity."""

import pandera.polars as pa

from ._base import CITE_KEYS, SLUG, URL, field


class Electricity(pa.DataFrameModel):
    region_id: str = field("Stable identifier of the region (slug).", nullable=False, unique=True, str_matches=SLUG)
    region: str = field("Region name.", nullable=False)
    country_code: str = field("ISO 3166-1 alpha-2 country code; empty for a multi-country aggregate such as `world`.", str_matches=r"^[A-Z]{2}$")
    year: int = field("Year the figures refer to.", "year", nullable=False, ge=2000, le=2100)
    industrial_price_usd_per_kwh: float = field("Average industrial electricity price, excluding VAT.",
                                                "USD per kWh (nominal, of year)", gt=0, le=2)
    carbon_intensity_g_co2e_per_kwh: float = field("Carbon intensity of electricity generation.",
                                                   "gCO2e per kWh", ge=0, le=1500)
    source: str = field("BibTeX keys of the sources, separated by `;`.", nullable=False, str_matches=CITE_KEYS)
    source_url: str = field("URL of the main source.", str_matches=URL)
    notes: str = field("Caveats: exchange rate used, which intensity convention.")

    class Config:
        description = """Industrial electricity prices and grid carbon intensity by region, used
        for the energy cost and emissions of training runs."""
        metadata = {"kind": "raw", "csv": "electricity.csv", "key": ["region_id"]}
        strict = True
