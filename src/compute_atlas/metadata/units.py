"""How numbers from the database are written in prose and tables."""

from __future__ import annotations

import math

PREFIXES = [(1e24, "Y"), (1e21, "Z"), (1e18, "E"), (1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]


def sig(x: float, digits: int = 3) -> str:
    """``x`` to ``digits`` significant figures, without trailing zeros."""
    if x == 0:
        return "0"
    mag = math.floor(math.log10(abs(x)))
    decimals = max(0, digits - 1 - mag)
    return f"{x:,.{decimals}f}"


def si(x: float, unit: str, digits: int = 3) -> str:
    for scale, prefix in PREFIXES:
        if abs(x) >= scale:
            return f"{sig(x / scale, digits)} {prefix}{unit}"
    return f"{sig(x, digits)} {unit}"


def fmt_value(value: float | None, unit: str) -> str:
    """A value with its unit, as a reader expects it."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if unit == "number":
        return sig(value, 4)
    if unit == "count":
        return f"{round(value):,}"
    if unit == "year":
        return str(int(value))
    if unit in ("FLOP/s", "FLOP", "bytes", "bytes/s", "W", "OP/s"):
        if unit == "bytes":
            return si(value, "B")
        if unit == "bytes/s":
            return si(value, "B/s")
        return si(value, unit)
    if unit == "FLOP/s per USD":
        return si(value, "FLOP/s per $")
    if unit == "FLOP/s per W":
        return si(value, "FLOP/s per W")
    if unit in ("USD", "USD (2024)"):
        if abs(value) >= 1e9:
            return f"${sig(value / 1e9)} billion"
        if abs(value) >= 1e6:
            return f"${sig(value / 1e6)} million"
        return f"${sig(value)}"
    if unit == "GWh":
        return f"{sig(value, 3)} GWh"
    if unit == "tCO2e":
        return f"{sig(value, 3)} tCO2e"
    if unit == "years":
        return f"{sig(value, 2)} years"
    if unit == "months":
        return f"{sig(value, 2)} months"
    if unit == "x":
        return f"{sig(value, 3)}×"
    if unit == "fraction":
        return f"{sig(100 * value, 2)} %"
    return f"{sig(value)} {unit}"
