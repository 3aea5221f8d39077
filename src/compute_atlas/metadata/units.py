"""The unit vocabulary: a fixed set of unit codes, each with its label, its
column-name suffixes and its display format.

Every output takes unit and format from here: the column comments, the data
dictionary, the site's tables, the prose figures and the chart axes. A
column's unit code agrees with its name's suffix (``_flop_per_s`` is
``flop_per_s``); the tests hold every schema to it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

PREFIXES = [(1e24, "Y"), (1e21, "Z"), (1e18, "E"), (1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]


def sig(x: float, digits: int = 3) -> str:
    """``x`` to ``digits`` significant figures, with thousands separators, without trailing zeros."""
    if x == 0:
        return "0"
    mag = math.floor(math.log10(abs(x)))
    decimals = max(0, digits - 1 - mag)
    text = f"{x:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if decimals else text


def si(x: float, symbol: str, digits: int = 3) -> str:
    """``x`` with an SI prefix: ``si(9.894e14, "FLOP/s")`` is ``989 TFLOP/s``."""
    for scale, prefix in PREFIXES:
        if abs(x) >= scale:
            return f"{sig(x / scale, digits)} {prefix}{symbol}"
    return f"{sig(x, digits)} {symbol}"


def money(x: float, digits: int = 3) -> str:
    if abs(x) >= 1e9:
        return f"${sig(x / 1e9, digits)} billion"
    if abs(x) >= 1e6:
        return f"${sig(x / 1e6, digits)} million"
    return f"${sig(x, digits)}"


@dataclass(frozen=True)
class Unit:
    """A unit code with how it reads.

    ``style`` picks the display: ``si`` (SI prefix before ``symbol``), ``money``, ``percent`` (a
    fraction shown as %), ``factor`` (×), ``count``, ``year``, ``date``, ``plain`` (significant
    figures and ``symbol``). ``axis`` is the d3 format of a chart axis in this unit.
    """

    code: str
    label: str
    style: str
    symbol: str = ""
    suffixes: tuple[str, ...] = ()
    axis: str = ""
    digits: int = 3
    #: multiplies a value before an SI prefix is chosen (kWh shown as Wh with a prefix: 2e6 kWh is 2 GWh)
    scale: float = 1.0

    def format(self, value: float | None) -> str:
        """A value in this unit, as a reader expects it."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "n/a"
        if self.style == "si":
            return si(value * self.scale, self.symbol, self.digits)
        if self.style == "money":
            return money(value, self.digits) + (f" {self.symbol}" if self.symbol else "")
        if self.style == "percent":
            return f"{sig(100 * value, 2)} %"
        if self.style == "factor":
            return f"{sig(value, self.digits)}×" + (f" {self.symbol}" if self.symbol else "")
        if self.style == "count":
            return f"{round(value):,}" + (f" {self.symbol}" if self.symbol else "")
        if self.style == "year":
            return str(int(value))
        if self.style == "date":
            return str(value)
        return f"{sig(value, self.digits)} {self.symbol}".rstrip()


UNITS: dict[str, Unit] = {u.code: u for u in [
    Unit("flop", "FLOP", "si", "FLOP", ("_flop",), ".0e"),
    Unit("effective_flop", "effective FLOP (of the base year's algorithms)", "si", "FLOP", ("_effective_flop",), ".0e"),
    Unit("flop_per_s", "FLOP/s", "si", "FLOP/s", ("_flop_per_s",), "~s"),
    Unit("op_per_s", "OP/s", "si", "OP/s", ("_op_per_s",), "~s"),
    Unit("flop_per_s_per_usd", "FLOP/s per USD (nominal)", "si", "FLOP/s per $", ("_flop_per_s_per_usd",), "~s"),
    Unit("flop_per_s_per_usd_2024", "FLOP/s per USD (2024 dollars)", "si", "FLOP/s per 2024 $",
         ("_flop_per_s_per_usd_2024",), "~s"),
    Unit("flop_per_s_per_watt", "FLOP/s per W", "si", "FLOP/s per W", ("_flop_per_s_per_watt",), "~s"),
    Unit("flop_per_byte", "FLOP per byte", "plain", "FLOP/byte", ("_flop_per_byte",), "~s"),
    Unit("bytes_per_flop_per_s", "bytes per (FLOP/s)", "plain", "B per FLOP/s", ("_bytes_per_flop_per_s",), "~r"),
    Unit("bytes", "bytes (decimal)", "si", "B", ("_bytes",), "~s"),
    Unit("bytes_per_s", "bytes/s", "si", "B/s", ("_bytes_per_s",), "~s"),
    Unit("bits", "bits", "count", "bit", ("_bits",), "~s"),
    Unit("bit_per_s", "bit/s", "si", "bit/s", ("_bit_per_s",), "~s"),
    Unit("watts", "W", "si", "W", ("_watts",), "~s"),
    Unit("hz", "Hz", "si", "Hz", ("_hz",), "~s"),
    Unit("usd", "USD (nominal, of the date the row gives)", "money", "", ("_usd",), "$~s"),
    Unit("usd_2024", "USD (2024 dollars, CPI-U)", "money", "(2024)", ("_usd_2024",), "$~s"),
    Unit("usd_per_hour", "USD per accelerator-hour (nominal)", "plain", "USD/h", ("_usd_per_hour",), "$.2f", 3),
    Unit("usd_per_kwh", "USD per kWh (nominal)", "plain", "USD/kWh", ("_usd_per_kwh",), "$.3f"),
    Unit("usd_per_mtok", "USD per million tokens (nominal, of the date the row gives)", "plain", "USD/Mtok",
         ("_usd_per_mtok",), "$.3~g", 3),
    Unit("usd_2024_per_mtok", "USD per million tokens (2024 dollars, CPI-U)", "plain", "2024 USD/Mtok",
         ("_usd_2024_per_mtok",), "$.3~g", 3),
    Unit("joules", "J (joules)", "si", "J", ("_joules",), "~s"),
    Unit("kwh_per_mtok", "kWh per million tokens", "plain", "kWh/Mtok", ("_kwh_per_mtok",), ".3~r", 3),
    Unit("g_co2e_per_mtok", "gCO2e per million tokens", "plain", "gCO2e/Mtok", ("_g_co2e_per_mtok",), "~s"),
    Unit("tokens", "tokens", "count", "", ("_tokens",), "~s"),
    Unit("tokens_per_s", "tokens per second", "plain", "tokens/s", ("_tokens_per_s",), "~s"),
    Unit("kwh", "kWh", "si", "Wh", ("_kwh",), "~s", scale=1000.0),
    Unit("t_co2e", "tCO2e (tonnes of CO2 equivalent)", "plain", "tCO2e", ("_t_co2e",), "~s"),
    Unit("g_co2e_per_kwh", "gCO2e per kWh", "plain", "gCO2e/kWh", ("_g_co2e_per_kwh",), "~s"),
    Unit("minutes", "minutes", "plain", "min", ("_minutes",), "~s"),
    Unit("hours", "hours", "plain", "hours", ("_hours",), "~s"),
    Unit("days", "days", "plain", "days", ("_days",), "~s"),
    Unit("chip_hours", "chip-hours", "plain", "chip-hours", ("_chip_hours",), "~s"),
    Unit("years", "years", "plain", "years", ("_years",), ".2~r", 2),
    Unit("months", "months", "plain", "months", ("_months",), ".2~r", 2),
    Unit("frac", "fraction (0 to 1)", "percent", "", ("_frac",), ".0%"),
    Unit("percent", "percent (0 to 100)", "plain", "%", ("_percent",), ".3~r"),
    Unit("factor", "× (factor)", "factor", "", ("_x",), ".3~r"),
    Unit("factor_per_year", "× per year", "factor", "", ("_per_year_x", "_x"), ".3~r"),
    Unit("oom_per_year", "orders of magnitude per year", "plain", "OOM/year", ("_oom_per_year",), ".2~r"),
    Unit("log10_per_year", "log10 units per year", "plain", "per year", ("_log10_per_year",), ".3~r", 4),
    Unit("log10", "log10 of the quantity's unit", "plain", "", ("_log10",), ".3~r", 4),
    Unit("count", "count", "count", "", ("_count",), "~s"),
    Unit("number", "number (dimensionless)", "plain", "", (), ".3~r", 4),
    Unit("year", "calendar year", "year", "", ("_year",), "d"),
    Unit("date", "date (ISO 8601)", "date", "", ("_date",), ""),
    Unit("nm", "nm", "plain", "nm", ("_nm",), "~s"),
    Unit("mm2", "mm²", "plain", "mm²", ("_mm2",), "~s"),
    Unit("index_points", "index points", "plain", "", ("_index",), "~r"),
    Unit("elo_points", "Elo rating points", "plain", "Elo", ("_elo",), "~r"),
]}


def unit(code: str) -> Unit:
    try:
        return UNITS[code]
    except KeyError:
        raise KeyError(f"unknown unit code {code!r}; the vocabulary is {', '.join(sorted(UNITS))}") from None


def fmt_value(value: float | None, code: str) -> str:
    """A value with its unit code's display format."""
    return unit(code).format(value)


def suffix_units(column: str) -> set[str]:
    """The unit codes a column's name implies by its suffix (the longest that matches), ignoring a
    trailing ``_low``/``_high``/``_central`` qualifier; empty when the name implies none."""
    name = "_" + column
    for qualifier in ("_low", "_high", "_central"):
        if name.endswith(qualifier):
            name = name[: -len(qualifier)]
    best, codes = 0, set()
    for u in UNITS.values():
        for s in u.suffixes:
            if name.endswith(s) and len(s) >= best:
                if len(s) > best:
                    best, codes = len(s), set()
                codes.add(u.code)
    return codes
