"""``accelerators``: one row per accelerator chip, with dense peak rates."""

import pandera.polars as pa
import polars as pl

from ._base import CITE_KEYS, SLUG, URL, field

RATE = (
    "Dense peak rate ({what}), per chip, without structured sparsity; "
    "a vendor figure quoted 'with sparsity' is halved before it is stored. Empty when the "
    "chip lacks the format or no source gives it. At least 1e9: a value in TFLOP/s is an error."
)


class Accelerators(pa.DataFrameModel):
    accelerator_id: str = field("Stable identifier: vendor, model and memory variant as a slug.",
                                nullable=False, unique=True, str_matches=SLUG)
    name: str = field("Product name as the vendor writes it.", nullable=False)
    vendor: str = field("Company that designs the chip.", nullable=False)
    kind: str = field("Kind of chip.", nullable=False, isin=["gpu", "tpu", "asic", "wafer_scale"])
    market_segment: str = field("Market the product is sold into.", nullable=False,
                                isin=["data_centre", "workstation", "consumer"])
    release_date: pl.Date = field("Date of release or general availability.", "date", nullable=False)
    launch_price_usd: float = field("Launch (list) price per chip as a source states it; empty when no "
                                    "source gives one. Not a street or cloud price.", "USD (nominal, of launch_price_date)", gt=0)
    launch_price_date: pl.Date = field("Date the launch price refers to.", "date")
    fp64_flop_per_s: float = field(RATE.format(what="FP64 on the vector (non-tensor) units"), "FLOP/s", ge=1e9, le=1e16)
    fp32_flop_per_s: float = field(RATE.format(what="FP32 on the vector (non-tensor) units"), "FLOP/s", ge=1e9, le=1e16)
    tf32_flop_per_s: float = field(RATE.format(what="TF32 on tensor/matrix units"), "FLOP/s", ge=1e9, le=1e17)
    bf16_flop_per_s: float = field(RATE.format(what="BF16 on tensor/matrix units"), "FLOP/s", ge=1e9, le=1e17)
    fp16_flop_per_s: float = field(RATE.format(what="FP16 on tensor/matrix units; the plain FP16 rate for chips without them"), "FLOP/s", ge=1e9, le=1e17)
    fp8_flop_per_s: float = field(RATE.format(what="FP8 on tensor/matrix units"), "FLOP/s", ge=1e9, le=1e17)
    fp4_flop_per_s: float = field(RATE.format(what="FP4 on tensor/matrix units"), "FLOP/s", ge=1e9, le=1e17)
    int8_op_per_s: float = field(RATE.format(what="INT8 operations on tensor/matrix units"), "OP/s", ge=1e9, le=1e17)
    has_matrix_units: bool = field("Whether the chip has tensor cores or other matrix-multiply units; "
                                   "if so, its 16-bit rate must be at least its FP32 rate.", nullable=False)
    memory_bytes: float = field("On-package memory capacity per chip (HBM/GDDR), decimal bytes.", "bytes", gt=0, le=1e14)
    memory_bandwidth_bytes_per_s: float = field("Peak memory bandwidth per chip (on-chip SRAM bandwidth for wafer-scale engines).",
                                                "bytes/s", gt=0, le=1e17)
    interconnect_bandwidth_bytes_per_s: float = field("Aggregate chip-to-chip bandwidth per chip as the vendor "
                                                      "states it (NVLink, ICI, Infinity Fabric, ...).", "bytes/s", gt=0, le=1e14)
    tdp_watts: float = field("Power figure per chip; see tdp_kind for what kind.", "W", gt=0, le=30000)
    tdp_kind: str = field("What the power figure is: the vendor's thermal design power, a figure derived "
                          "by a third party, or a measurement.", isin=["vendor_tdp", "derived", "measured"])
    process_node_nm: float = field("Process node name in nanometres (a marketing name, not a feature size).", "nm", gt=0, le=200)
    die_size_mm2: float = field("Area of the compute die (sum of dies for multi-die packages).", "mm²", gt=0, le=100000)
    transistors: float = field("Transistor count.", "count", gt=0, le=1e13)
    source: str = field("BibTeX keys of the sources, separated by `;`.", nullable=False, str_matches=CITE_KEYS)
    source_url: str = field("URL of the primary source (datasheet).", str_matches=URL)
    notes: str = field("Caveats: which figure was halved, which variant, what is uncertain.")

    class Config:
        description = """Machine-learning accelerators (GPUs, TPUs, other ASICs, wafer-scale
        engines) with their dense peak rates per precision, memory, power, price and physical
        characteristics. One row per chip variant; a TPU row is one chip, a GB200 row one GPU."""
        metadata = {"kind": "raw", "csv": "accelerators.csv", "key": ["accelerator_id"]}
        strict = True
