"""``accelerators``: one row per accelerator chip, with dense peak rates."""

import pandera.polars as pa
import polars as pl

from ..metadata.vocabularies import RELEASE_DATE_BASES
from ._base import Declaration, Pattern, field, shared

#: The columns whose values `value_basis` qualifies: the peak rates, memory, bandwidths and power.
VALUE_COLUMNS = ("fp64_flop_per_s", "fp32_flop_per_s", "tf32_flop_per_s", "bf16_flop_per_s", "fp16_flop_per_s",
                 "fp8_flop_per_s", "fp4_flop_per_s", "int8_op_per_s", "memory_bytes", "memory_bandwidth_bytes_per_s",
                 "interconnect_bandwidth_bytes_per_s", "tdp_watts")
#: How a value was obtained, where it is not from the chip's primary source (datasheet, vendor documentation or
#: the designers' paper).
VALUE_BASES = ("datasheet", "secondary", "assumed_sibling")
_ENTRY = f"({'|'.join(('[*]',) + VALUE_COLUMNS)}):({'|'.join(VALUE_BASES)})"
VALUE_BASIS_PATTERN = Pattern(f"^{_ENTRY}(;{_ENTRY})*$", "`column:basis` pairs separated by `;`, e.g. "
                              "`*:secondary;fp32_flop_per_s:assumed_sibling`")

RATE = (
    "Dense peak rate ({what}), per chip, without structured sparsity; "
    "a vendor figure quoted 'with sparsity' is halved before it is stored. Empty when the "
    "chip lacks the format or no source gives it. At least 1e9: a value in TFLOP/s is an error. "
    "Clock: every rate of a row at one clock, the boost clock the vendor states: the vendor's figure where it is "
    "computed at that clock, otherwise units x operations per clock x boost clock, with the vendor's figure in "
    "`notes` (NVIDIA's Titan V: 119.2 TFLOP/s tensor FP16 at its 1455 MHz boost, beside NVIDIA's '110 TFLOPS' at "
    "about 1.34 GHz). Where the vendor states no boost clock, the clock its own peak figures share."
)


class Accelerators(pa.DataFrameModel):
    accelerator_id: str = shared('accelerator_id', nullable=False, unique=True)
    name: str = shared('name', nullable=False)
    vendor: str = shared('vendor', nullable=False)
    kind: str = shared('kind', nullable=False)
    market_segment: str = shared('market_segment', nullable=False)
    release_date: pl.Date = shared('release_date', nullable=False, note=(
        "Convention: the date the vendor first announced the product with its specifications (launch event, press "
        "release or the designers' paper), not the first shipment or retail availability, which `notes` give where "
        "known. Only the month known: the 1st; only the year: 1 July; `notes` say which."))
    release_date_basis: str = field(
        "How `release_date` is known: `announcement` (the vendor announced the product with its specifications "
        "that day; it went on sale later, on the day `notes` give), `announcement_and_launch` (announced and "
        "launched the same day: reviews or sales from that day, as a cited source shows), `launch` (the launch day "
        "that two secondary lists agree on; no earlier announcement with specifications was found, none ruled "
        "out), `paper` (the designers' paper or conference talk), `month_only` (only the month is known: the 1st "
        "is stored), `year_only` (only the year: 1 July is stored) or `unverified` (one secondary database's date "
        "that no other source confirms; `notes` say 'date unverified'). `notes` give the evidence in a sentence "
        "that begins 'Date:' or 'Release date'.",
        nullable=False, isin=list(RELEASE_DATE_BASES))
    launch_price_usd: float = shared('launch_price_usd')
    launch_price_date: pl.Date = field("Date the launch price refers to.", 'date')
    fp64_flop_per_s: float = field(RATE.format(what="FP64 on the vector (non-tensor) units"), 'flop_per_s', ge=1e9, le=1e16)
    fp32_flop_per_s: float = field(RATE.format(what="FP32 on the vector (non-tensor) units"), 'flop_per_s', ge=1e9, le=1e16)
    tf32_flop_per_s: float = field(RATE.format(what="TF32 on tensor/matrix units"), 'flop_per_s', ge=1e9, le=1e17)
    bf16_flop_per_s: float = field(RATE.format(what="BF16 on tensor/matrix units"), 'flop_per_s', ge=1e9, le=1e17)
    fp16_flop_per_s: float = field(RATE.format(what="FP16 on tensor/matrix units; the plain FP16 rate for chips without them"), 'flop_per_s', ge=1e9, le=1e17)
    fp8_flop_per_s: float = field(RATE.format(what="FP8 on tensor/matrix units"), 'flop_per_s', ge=1e9, le=1e17)
    fp4_flop_per_s: float = field(RATE.format(what="FP4 on tensor/matrix units"), 'flop_per_s', ge=1e9, le=1e17)
    int8_op_per_s: float = field(RATE.format(what="INT8 operations on tensor/matrix units"), 'op_per_s', ge=1e9, le=1e17)
    has_matrix_units: bool = field("Whether the chip has tensor cores or other matrix-multiply units; "
                                   "if so, its 16-bit rate must be at least its FP32 rate.", nullable=False)
    memory_bytes: float = shared('memory_bytes')
    memory_bandwidth_bytes_per_s: float = shared('memory_bandwidth_bytes_per_s')
    memory_bus_width_bits: int = field(
        "Width of the memory interface in bits (256 for a 256-bit GDDR6 bus), as the vendor states it. With "
        "`memory_pin_rate_bit_per_s` it fixes the bandwidth: width / 8 x rate. For a board of several chips "
        "(`chips_per_board` above 1) the sum over its chips, like the row's bandwidth (GeForce GTX 690: 2 x 256).",
        'bits', gt=0, le=100000)
    memory_pin_rate_bit_per_s: float = field(
        "Data rate per pin of the memory interface (17.5 Gbps is 1.75e10), as the vendor states it: the effective "
        "rate, not the memory clock (GDDR5 at 1750 MHz is 7 Gbps, HBM2 at 876 MHz 1.75 Gbps). Where both it and the "
        "bus width are stored, `memory_bandwidth_bytes_per_s` must equal width / 8 x rate to within the rounding of "
        "a vendor's figure. Empty where the vendor gives only a rounded bandwidth and no data rate (most HBM3 and "
        "HBM3e parts).", 'bit_per_s', gt=1e8, le=1e12)
    memory_unit_in_source: str = field(
        "The unit in which the cited source gives the memory capacity: `GB` (decimal, stored as given) or `GiB` "
        "(binary: multiplied by 2^30 before it is stored). Empty when not recorded; a vendor that publishes GiB "
        "(declared in this relation's `gib_vendors`) needs it, and a `GiB` capacity must be a whole number of GiB.",
        isin=["GB", "GiB"])
    interconnect_bandwidth_bytes_per_s: float = field("Aggregate chip-to-chip bandwidth per chip as the vendor "
                                                      "states it (NVLink, ICI, Infinity Fabric, ...).", 'bytes_per_s', gt=0, le=1e14)
    tdp_watts: float = shared('tdp_watts')
    tdp_kind: str = shared('tdp_kind')
    process_node_nm: float = field("Process node name in nanometres (a marketing name, not a feature size).", 'nm', gt=0, le=200)
    die_size_mm2: float = field("Area of the compute die as made, per chip: a cut-down card keeps its die's area, and a multi-die "
                               "package gives the sum of all its dies (the GCD and every MCD of an RDNA 3 card). "
                               "One die has one area on every row.", 'mm2', gt=0, le=100000)
    transistors: float = field("Transistor count.", 'count', gt=0, le=1e13)
    die: str = field(
        "The silicon the chip is cut from, by the vendor's codename as the vendor or TechPowerUp's GPU database "
        "names it (GA104, Navi 21, GP102); for a board of several chips the codename of one chip (GeForce GTX 690: "
        "GK104), for a multi-die package the package (MI250X: Aldebaran). Rows of one vendor, die and process node "
        "are the same silicon and must give the same transistors per chip. Empty where not recorded (most ASICs).")
    chips_per_board: int = field(
        "How many chips (packages) the row's values cover: 1 for the per-chip rows the schema asks for; 2 for a "
        "dual-GPU board whose row gives whole-board figures (GeForce GTX 690, Tesla K80), 4 for a card of four "
        "SoCs. A multi-die package (MI250X, Ascend 910C) is one chip. Divide a rate, memory or bandwidth by it for "
        "the per-chip figure. Empty is read as 1.", 'count', ge=1, le=16)
    source: str = shared('source', nullable=False)
    source_url: str = shared('source_url')
    value_basis: str = field(
        "How the values were obtained where they do not come from the chip's primary source (datasheet, vendor "
        "documentation or its designers' paper): `column:basis` pairs separated by `;`, the basis one of "
        "`datasheet`, `secondary` (a third party's table or article only, e.g. Epoch AI, TechPowerUp, Wikipedia) "
        "or `assumed_sibling` (taken from a sibling chip, e.g. the H800 from the H100, no source of its own); "
        "`*` stands for every filled value column not listed otherwise. Empty: every value is from the primary "
        "source. Filter with `list_contains(string_split(value_basis, ';'), 'fp32_flop_per_s:assumed_sibling')` "
        "or `value_basis LIKE '%assumed_sibling%'`; `notes` says which sibling or source.",
        str_matches=VALUE_BASIS_PATTERN,
        checks_doc="the columns are the peak rates, memory, bandwidths and `tdp_watts`; a listed column must be filled")
    notes: str = shared('notes')
    shader_count: int = field(
        "Number of FP32 shader units (NVIDIA CUDA cores, AMD stream processors, Intel vector lanes) the row's "
        "FP32 rate covers (all chips of a multi-chip board), as the vendor or the cited source counts them. With "
        "`boost_clock_hz` it fixes the FP32 rate: 2 FLOP (one fused multiply-add) per shader per clock, 4 on AMD "
        "RDNA 3 and RDNA 4 (dual issue). Empty where no source gives it.", 'count', gt=0, le=1_000_000)
    boost_clock_hz: float = field(
        "Boost clock of the shaders at which the row's rates are stated (the only clock the source gives where the "
        "chip has none), as the vendor or the cited source gives it. Where it and `shader_count` are stored, "
        "`fp32_flop_per_s` must equal 2 (4 on RDNA 3 and 4) x shaders x clock: a mobile or other variant's rate "
        "on a desktop card breaks it. Empty where no source gives it.", 'hz', ge=1e7, le=1e10)

    class Config:
        description = """Machine-learning accelerators (GPUs, TPUs, other ASICs, wafer-scale
        engines) with their dense peak rates per precision, memory, power, price and physical
        characteristics. One row per chip variant; a TPU row is one chip, a GB200 row one GPU."""
        # vendors whose documentation gives memory in GiB (Google's TPU pages, AWS's Neuron docs):
        # a capacity of theirs that is a whole number of GB, with no unit recorded, is suspect
        metadata = Declaration(
            kind="curated",
            as_of="release_date",
            csv="accelerators.csv",
            key=("accelerator_id",),
            date_floors={"release_date": "1999-01-01", "launch_price_date": "1999-01-01"},
            gib_vendors=("Google", "AWS"))
        strict = True
