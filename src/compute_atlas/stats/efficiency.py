"""The arithmetic of the compute-efficiency model (Pilz, Heim & Brown 2023).

Compute efficiency composes hardware price-performance (FLOP per dollar) and
algorithmic efficiency (capability per FLOP). Both improve exponentially, so
their growth factors per year multiply: the cost of a fixed capability falls
by ``g_hw × g_alg`` a year (the access effect) and a fixed budget buys that
much more effective compute each year (the performance effect).

Uncertainty: each growth rate's interval is read as a normal distribution of
its log (the interval's level sets the width); independent logs add, their
variances add, and over ``t`` years the log of the factor scales with ``t``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist


def z_of(level: float) -> float:
    """Half-width in standard deviations of a central interval of this level."""
    return NormalDist().inv_cdf(0.5 + level / 2)


@dataclass(frozen=True)
class Rate:
    """A growth factor per year, with an interval of the given level."""

    growth: float
    low: float
    high: float
    level: float

    @property
    def log_sd(self) -> float:
        return (math.log(self.high) - math.log(self.low)) / (2 * z_of(self.level))

    def doubling_years(self) -> float:
        return math.log(2) / math.log(self.growth)

    @classmethod
    def from_halving_months(cls, months: float, low: float, high: float, level: float) -> Rate:
        """Algorithmic progress quoted as the time for required compute to halve."""
        return cls(2 ** (12 / months), 2 ** (12 / high), 2 ** (12 / low), level)


def combine(*rates: Rate, level: float) -> Rate:
    """The product of independent growth rates, with its interval at ``level``."""
    log_g = sum(math.log(r.growth) for r in rates)
    sd = math.sqrt(sum(r.log_sd**2 for r in rates))
    z = z_of(level)
    return Rate(math.exp(log_g), math.exp(log_g - z * sd), math.exp(log_g + z * sd), level)


def compounded(rate: Rate, years: float) -> tuple[float, float, float]:
    """Factor after ``years`` years, with its interval (the log's spread grows with time)."""
    log_g = math.log(rate.growth) * years
    half = z_of(rate.level) * rate.log_sd * abs(years)
    return math.exp(log_g), math.exp(log_g - half), math.exp(log_g + half)
