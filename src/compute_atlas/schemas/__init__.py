"""One pandera model per relation: the single source of every column's name,
type, unit, description and checks.

``RELATIONS`` lists them in publication order; ``relation(name)`` finds one.
"""

from ._base import Column, Relation
from .accelerator_aliases import AcceleratorAliases
from .accelerator_efficiency import AcceleratorEfficiency
from .accelerators import Accelerators
from .achieved_vs_peak import AchievedVsPeak
from .algorithmic_progress import AlgorithmicProgress
from .assumptions import Assumptions
from .benchmark_results import BenchmarkResults
from .benchmark_scores import BenchmarkScores
from .benchmarks import Benchmarks
from .build_info import BuildInfo
from .capability_frontier import CapabilityFrontier
from .check_exceptions import CheckExceptions
from .claim_checks import ClaimChecks
from .claim_evidence import ClaimEvidence
from .claims import Claims
from .cloud_price_summary import CloudPriceSummary
from .cloud_prices import CloudPrices
from .compute_efficiency import ComputeEfficiency
from .electricity import Electricity
from .glossary import Glossary
from .hardware_prices import HardwarePrices
from .headline_figures import HeadlineFigures
from .inference_energy import InferenceEnergy
from .inference_energy_summary import InferenceEnergySummary
from .inference_price_frontier import InferencePriceFrontier
from .inference_price_trends import InferencePriceTrends
from .inference_prices import InferencePrices
from .inference_thresholds import InferenceThresholds
from .landmark_runs import LandmarkRuns
from .measurements import Measurements
from .mlperf_progress import MlperfProgress
from .mlperf_rounds import MlperfRounds
from .mlperf_training import MlperfTraining
from .model_versions import ModelVersions
from .parameters import Parameters
from .price_index import PriceIndex
from .price_proxies import PriceProxies
from .published_costs import PublishedCosts
from .published_trends import PublishedTrends
from .references import References
from .replication_subsets import ReplicationSubsets
from .technique_effects import TechniqueEffects
from .technique_results import TechniqueResults
from .technique_summary import TechniqueSummary
from .techniques import Techniques
from .training_cost_methods import TrainingCostMethods
from .training_run_costs import TrainingRunCosts
from .training_runs import TrainingRuns
from .trend_comparison import TrendComparison
from .trend_fits import TrendFits
from .trend_replications import TrendReplications
from .value_history import ValueHistory

#: Bump when a public column or table changes (and say so in CHANGELOG.md).
SCHEMA_VERSION = "0.2.0"

RELATIONS: tuple[Relation, ...] = (
    Relation("references", References),
    Relation("glossary", Glossary),
    Relation("accelerators", Accelerators),
    Relation("accelerator_aliases", AcceleratorAliases),
    Relation("price_index", PriceIndex),
    Relation("published_trends", PublishedTrends),
    Relation("replication_subsets", ReplicationSubsets),
    Relation("measurements", Measurements),
    Relation("mlperf_rounds", MlperfRounds),
    Relation("mlperf_training", MlperfTraining),
    Relation("training_runs", TrainingRuns),
    Relation("landmark_runs", LandmarkRuns),
    Relation("benchmarks", Benchmarks),
    Relation("benchmark_results", BenchmarkResults),
    Relation("model_versions", ModelVersions),
    Relation("inference_thresholds", InferenceThresholds),
    Relation("inference_prices", InferencePrices),
    Relation("inference_energy", InferenceEnergy),
    Relation("published_costs", PublishedCosts),
    Relation("cloud_prices", CloudPrices),
    Relation("hardware_prices", HardwarePrices),
    Relation("price_proxies", PriceProxies),
    Relation("electricity", Electricity),
    Relation("assumptions", Assumptions),
    Relation("parameters", Parameters),
    Relation("techniques", Techniques),
    Relation("technique_results", TechniqueResults),
    Relation("claims", Claims),
    Relation("check_exceptions", CheckExceptions),
    Relation("accelerator_efficiency", AcceleratorEfficiency),
    Relation("cloud_price_summary", CloudPriceSummary),
    Relation("training_run_costs", TrainingRunCosts),
    Relation("training_cost_methods", TrainingCostMethods),
    Relation("benchmark_scores", BenchmarkScores),
    Relation("capability_frontier", CapabilityFrontier),
    Relation("algorithmic_progress", AlgorithmicProgress),
    Relation("inference_price_frontier", InferencePriceFrontier),
    Relation("inference_price_trends", InferencePriceTrends),
    Relation("inference_energy_summary", InferenceEnergySummary),
    Relation("trend_fits", TrendFits),
    Relation("trend_comparison", TrendComparison),
    Relation("trend_replications", TrendReplications),
    Relation("technique_effects", TechniqueEffects),
    Relation("technique_summary", TechniqueSummary),
    Relation("claim_evidence", ClaimEvidence),
    Relation("claim_checks", ClaimChecks),
    Relation("compute_efficiency", ComputeEfficiency),
    Relation("achieved_vs_peak", AchievedVsPeak),
    Relation("mlperf_progress", MlperfProgress),
    Relation("headline_figures", HeadlineFigures),
    Relation("build_info", BuildInfo),
    Relation("value_history", ValueHistory),
)

CURATED = tuple(r for r in RELATIONS if r.kind == "curated")
DERIVED = tuple(r for r in RELATIONS if r.kind == "derived")


def column_unit(column: str) -> str | None:
    """The unit code of a column name: the same in every relation that has it (one name, one meaning; the
    metadata tests hold this)."""
    for rel in RELATIONS:
        if column in rel.schema.columns:
            return next(c.unit for c in rel.columns() if c.name == column)
    return None


def relation(name: str) -> Relation:
    for r in RELATIONS:
        if r.name == name:
            return r
    raise KeyError(name)


__all__ = ["Column", "Relation", "RELATIONS", "CURATED", "DERIVED", "SCHEMA_VERSION", "relation", "column_unit"]
