"""The site's charts: one module per page, registered here by the name a page's ``atlas-chart`` uses."""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from . import capabilities, claims, costs, efficiency, hardware, inference, measured, techniques
from .common import Chart, render

CHARTS: dict[str, Callable[[duckdb.DuckDBPyConnection], Chart]] = {
    "bf16-price-performance": hardware.bf16_price_performance,
    "consumer-price-performance": hardware.consumer_price_performance,
    "fp32-price-performance": hardware.fp32_price_performance,
    "tensor-flop-per-watt": hardware.tensor_flop_per_watt,
    "memory-wall": hardware.memory_wall,
    "hardware-trend-comparison": hardware.trend_comparison,
    "trend-replications": hardware.trend_replications,
    "training-compute": costs.training_compute,
    "training-cost": costs.training_cost,
    "training-energy": costs.training_energy,
    "cloud-prices": costs.cloud_prices,
    "cost-breakdown": costs.cost_breakdown,
    "cost-methods": costs.cost_methods,
    "technique-effects": techniques.technique_effects,
    "claims-register": claims.claims_register,
    "access-effect": efficiency.access_effect,
    "performance-effect": efficiency.performance_effect,
    "inference-access-effect": efficiency.inference_access_effect,
    "achieved-vs-peak": measured.achieved_vs_peak,
    "mlperf-chip-hours": measured.mlperf_chip_hours,
    "mlperf-time-to-train": measured.mlperf_time_to_train,
    "mlperf-training-cost": measured.mlperf_training_cost,
    "capability-score-vs-compute": capabilities.score_vs_compute,
    "capability-frontier-compute": capabilities.frontier_compute,
    "capability-frontier-cost": capabilities.frontier_cost,
    "measured-access-effect": capabilities.frontier_cost,
    "algorithmic-halving-times": capabilities.halving_times,
    "inference-price-frontier": inference.price_frontier,
    "inference-price-trends": inference.price_trends,
    "inference-energy-per-token": inference.energy_per_token,
    "inference-cost-split": inference.cost_split,
}

__all__ = ["CHARTS", "Chart", "render"]
