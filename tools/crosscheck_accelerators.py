#!/usr/bin/env python3
"""Cross-check ``datasets/accelerators.csv`` against independent sources, outside the build.

Matches each row of the accelerators table to Epoch AI's *Machine Learning Hardware* export and to
Epoch AI's larger chip table (both CC BY 4.0; snapshots under ``../shared/reference/``, passed as
arguments: nothing in the build or the tests reads them) and prints every disagreement beyond a
tolerance: peak rates, memory, bandwidth, TDP, release date, launch price, and the ratios between
precisions (FP64/FP32, FP16/FP32), which catch a row whose rates sit at two different clocks.

Usage::

    python tools/crosscheck_accelerators.py datasets/accelerators.csv \
        --ml-hardware ../shared/reference/epoch_ml_hardware.csv \
        --chip-dataset ../shared/reference/epoch_chip_dataset.csv

A disagreement is printed as ``accelerator_id  column  ours  theirs  source`` and marked
``[noted]`` when the row's ``notes`` already say what the other source gives (the notes name the
source and the quantity; a dual-GPU board whose other source gives half, per GPU; an FP64 rate outside
the architecture ratios that the notes call the vendor's figure); the rest are ``[open]``. Besides the
comparisons, each row's own FP64/FP32 ratio (and plain FP16/FP32 without matrix units) must be one that
some architecture has ("internal"). A row is in no source when neither table has a counterpart. The summary counts rows checked per source and
disagreements, noted and open. Exit status 0 always (a report, not a gate) unless ``--strict``,
then 1 while any disagreement is open.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
from pathlib import Path

#: Rows whose names do not normalise to the other source's name: accelerator_id -> that source's name.
#: A value of None says the row has no counterpart there (a different SKU of the same name, say).
MANUAL_MATCH: dict[str, str | None] = {
    "nvidia-gtx-580": "NVIDIA GeForce GTX 580",
    "nvidia-gtx-titan-x": "NVIDIA GeForce GTX TITAN X",
    "nvidia-titan-x-pascal": "NVIDIA TITAN X Pascal",
    "nvidia-b200": "NVIDIA B200",
    "nvidia-gb200": "NVIDIA GB200",
    "nvidia-b300": "NVIDIA B300",
    "nvidia-gb300": "NVIDIA GB300",
    "nvidia-gh200-96gb": "NVIDIA GH200",
    "google-tpu-v6e": "Google TPU v6e Trillium",
    "google-tpu-v7": "Google TPU v7 Ironwood",
    "amd-mi50": "AMD Radeon Instinct MI50",
    "aws-trainium2": "Amazon Trainium2",
    "aws-trainium3": "Amazon Trainium3",
    "nvidia-tesla-k20": "NVIDIA Tesla K20c",
    "nvidia-tesla-k40": "NVIDIA Tesla K40c",
    "nvidia-rtx-2080-ti": "NVIDIA GeForce RTX 2080 Ti 11GB",
    "nvidia-a800-sxm4-80gb": "NVIDIA A800 SXM",
    "nvidia-a30": "NVIDIA A30 PCIe",
    "nvidia-a40": "NVIDIA A40 PCIe",
    "nvidia-l20": "NVIDIA L20 PCle",
    "intel-gaudi1": "Intel Habana GAUDI HL-205",
    "intel-gaudi2": "Intel Habana Gaudi2",
    "intel-gaudi3": "Intel Habana Gaudi3",
    "aws-inferentia2": "AWS Inferentia2",
    "graphcore-gc2-ipu": "Colossus MK1 (GC2 IPU)",
    "graphcore-gc200-ipu": "Colossus MK2 (GC200 IPU)",
    "tesla-dojo-d1": "Tesla D1 Dojo",
    "microsoft-maia-100": "Maia 100 (M100)",
    "sambanova-sn10": "Cardinal SN10 RDU",
    "sambanova-sn30": "Cardinal SN30 RDU",
    "sambanova-sn40l": "Cerulean SN40L RDU",
    "alibaba-hanguang-800": "T-Head Hanguang 800",
    "baidu-kunlun-k200": "Baidu Kunlun K200",
    "baidu-kunlun-ii": "Baidu Kunlun II",
    "baidu-kunlun-rg800": "Baidu Kunlun RG800",
    "moorethreads-mtt-s4000": "MTT S4000",
    "moorethreads-mtt-s80": "MTT S80",
    "metax-mxc500-pcie": "MetaX MXC500 (PCIe)",
    "metax-mxc500-oam": "MetaX MXC500 (OAM)",
    "iluvatar-bi-v100": "Tianshu Zhixin Tiangai 100 (BI-V100)",
    "nvidia-gt-730": "NVIDIA GeForce GT 730 GK208B",
    # other SKUs of the same name in Epoch's tables: no counterpart
    "nvidia-rtx-3060-ti-gddr6x": None,
    "nvidia-gtx-580-3gb": None,
    "nvidia-rtx-2060-12gb": None,
    "nvidia-rtx-3050-6gb": None,
    "nvidia-rtx-3080-12gb": None,
    "nvidia-rtx-4060": "NVIDIA GeForce RTX 4060 AD107",
    "nvidia-t4": "NVIDIA Tesla T4",
    "nvidia-a10": "NVIDIA A10 PCIe",
    "nvidia-h20": "NVIDIA HGX H20",
    "aws-trainium1": "Amazon Trainium1",
    "iluvatar-zhikai-100": "Tianshu Zhixin Zhikai 100",
    "nvidia-9800-gt": "NVIDIA GeForce 9800 GT (65 nm)",
    "nvidia-9800-gtx": "NVIDIA GeForce 9800 GTX",
    "nvidia-gtx-560-ti": "NVIDIA GeForce GTX 560 Ti GF 114",
    "cerebras-wse-1": "Cerebras WSE-1",
}

#: our column -> (column in the ML-hardware export, column in the chip table)
RATE_COLUMNS = {
    "fp64_flop_per_s": "FP64 (double precision) performance (FLOP/s)",
    "fp32_flop_per_s": "FP32 (single precision) performance (FLOP/s)",
    "tf32_flop_per_s": "TF32 (TensorFloat-32) performance (FLOP/s)",
    "bf16_flop_per_s": "Tensor-FP16/BF16 performance (FLOP/s)",
    "fp8_flop_per_s": "FP8 performance (FLOP/s)",
    "fp4_flop_per_s": "FP4 performance (FLOP/s)",
    "int8_op_per_s": "INT8 performance (OP/s)",
}
OTHER_COLUMNS = {
    "memory_bytes": ("Memory (bytes)", "Memory size per board (Byte)"),
    "memory_bandwidth_bytes_per_s": ("Memory bandwidth (byte/s)", "Memory bandwidth (byte/s)"),
    "tdp_watts": ("TDP (W)", "TDP (W)"),
    "launch_price_usd": ("Release price (USD)", "Release price (USD)"),
}
#: words of a column's topic that a note explaining a disagreement would use
TOPIC_WORDS = {
    "fp64_flop_per_s": ("fp64",), "fp32_flop_per_s": ("fp32",), "tf32_flop_per_s": ("tf32",),
    "bf16_flop_per_s": ("bf16", "fp16"), "fp16_flop_per_s": ("fp16",), "fp8_flop_per_s": ("fp8",),
    "fp4_flop_per_s": ("fp4",), "int8_op_per_s": ("int8",), "memory_bytes": ("memory", "gb", "gib"),
    "memory_bandwidth_bytes_per_s": ("bandwidth", "gb/s", "tb/s"), "tdp_watts": ("tdp", "tbp", "tgp", " w ", " w,", " w)", "power", "watt"),
    "launch_price_usd": ("price", "$"), "release_date": ("date", "announced", "release", "launch"),
    "fp64/fp32": ("fp64",), "fp16/fp32": ("fp16",),
}
SOURCE_WORDS = {"epoch_ml_hardware": ("epoch",), "epoch_chip_dataset": ("epoch",)}
VENDOR_WORDS = ("nvidia", "geforce", "amd", "ati", "radeon", "intel", "google", "amazon", "aws", "habana")


def norm(name: str) -> str:
    """A name reduced to its model: lowercase, vendor words and punctuation dropped, `GB` glued to its number."""
    s = name.lower().replace("+", " plus ")
    s = re.sub(r"\(.*?\)", lambda m: " " + m.group(0)[1:-1] + " ", s)
    s = re.sub(r"[^a-z0-9. ]+", " ", s)
    s = re.sub(r"(\d)\s*gb\b", r"\1gb", s)
    words = [w for w in s.split() if w not in VENDOR_WORDS]
    return " ".join(words)


def num(text: str | None) -> float | None:
    if text is None:
        return None
    text = text.strip().replace(",", "")
    if text in ("", "NaN", "nan"):
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value > 0 else None


def date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def index(rows: list[dict[str, str]]) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    by_name, by_norm = {}, {}
    for r in rows:
        name = (r.get("Hardware name") or "").strip()
        if name:
            by_name.setdefault(name, r)
            by_norm.setdefault(norm(name), r)
    return by_name, by_norm


def match(row: dict[str, str], by_name: dict, by_norm: dict) -> dict[str, str] | None:
    aid = row["accelerator_id"]
    if aid in MANUAL_MATCH:
        name = MANUAL_MATCH[aid]
        return by_name.get(name) if name else None
    key = norm(row["name"])
    if key in by_norm:
        return by_norm[key]
    # names that carry a memory size or a form factor the other source leaves out
    stripped = re.sub(r"\b\d+(\.\d+)?gb\b|\b\d+ mb\b", " ", key)
    stripped = " ".join(stripped.split())
    return by_norm.get(stripped)


#: the phrase with which the notes of a dual-GPU board row begin (class 11 of issue 27; the column
#: `chips_per_board` now says it, this is the fallback for a file without the column)
DUAL_BOARD = "dual-gpu board"
#: words with which a row's notes explain an FP64 rate outside the architecture's ratios
INTERNAL_WORDS = ("datasheet", "nvidia's figure", "limited", "cut fp64")


def chips_per_board(row: dict[str, str]) -> int:
    """The chips a row's values cover: its `chips_per_board`, or 2 where an older file marks a dual-GPU board
    only in notes."""
    value = (row.get("chips_per_board") or "").strip()
    if value:
        return int(value)
    return 2 if row.get("notes", "").lower().strip().startswith(DUAL_BOARD) else 1


def noted(row: dict[str, str], column: str, source: str, ours: str = "", theirs: str = "") -> bool:
    """Whether the row's notes already explain a disagreement: they name the source and the quantity, or the row
    is a multi-chip board (`chips_per_board` > 1, values per board) and the other source gives one chip's
    figure (ours / theirs = chips_per_board)."""
    notes = f" {row.get('notes', '').lower()} "
    chips = chips_per_board(row)
    if chips > 1 and ours and theirs:
        try:
            if abs(float(ours) / float(theirs) - chips) < 0.05 * chips:
                return True
        except (ValueError, ZeroDivisionError):
            pass
    if source == "internal":
        return any(w in notes for w in TOPIC_WORDS[column]) and any(w in notes for w in INTERNAL_WORDS)
    return any(w in notes for w in SOURCE_WORDS[source]) and any(w in notes for w in TOPIC_WORDS[column])


def compare(row: dict[str, str], other: dict[str, str], source: str, column_index: int, tol: float,
            date_days: int) -> list[tuple[str, str, str]]:
    """Disagreements of one row with its counterpart: (column, ours, theirs)."""
    out = []
    columns = dict(RATE_COLUMNS)
    for ours, theirs in OTHER_COLUMNS.items():
        columns[ours] = theirs[column_index]
    # our fp16 column is the tensor rate on chips with matrix units, the plain FP16 rate otherwise
    if row.get("has_matrix_units", "").lower() == "true":
        columns["fp16_flop_per_s"] = "Tensor-FP16/BF16 performance (FLOP/s)"
    else:
        columns["fp16_flop_per_s"] = "FP16 (half precision) performance (FLOP/s)"
    for ours, theirs in columns.items():
        a, b = num(row.get(ours)), num(other.get(theirs))
        if a is None or b is None:
            continue
        if abs(a - b) > tol * max(a, b):
            out.append((ours, f"{a:.4g}", f"{b:.4g}"))
    a, b = date(row.get("release_date")), date(other.get("Release date"))
    if a and b and abs((a - b).days) > date_days:
        out.append(("release_date", a.isoformat(), b.isoformat()))
    for hi, lo in (("fp32_flop_per_s", "fp64_flop_per_s"), ("fp32_flop_per_s", "fp16_flop_per_s")):
        theirs_lo = columns[lo]
        a_hi, a_lo = num(row.get(hi)), num(row.get(lo))
        b_hi, b_lo = num(other.get(RATE_COLUMNS[hi])), num(other.get(theirs_lo))
        if None in (a_hi, a_lo, b_hi, b_lo):
            continue
        ra, rb = a_lo / a_hi, b_lo / b_hi
        if abs(ra - rb) > tol * max(ra, rb):
            out.append((f"{lo[:4]}/{hi[:4]}", f"{ra:.4g}", f"{rb:.4g}"))
    return out


#: FP64:FP32 ratios that some architecture has (GK110 1/3, TeraScale 1/5, Fermi GF10x 1/12, Kepler 1/24, ...)
FP64_RATIOS = (1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 8, 1 / 12, 1 / 16, 1 / 24, 1 / 32, 1 / 64)
#: plain FP16:FP32 ratios of chips without matrix units (Pascal GP10x 1/64; packed FP16 2)
FP16_RATIOS = (1 / 64, 1, 2)


def internal(row: dict[str, str], tol: float) -> list[tuple[str, str, str]]:
    """Ratios between a row's own rates that no architecture has: two clocks in one row, or a wrong ratio."""
    out = []
    pairs = [("fp64_flop_per_s", FP64_RATIOS)]
    if row.get("has_matrix_units", "").lower() != "true":
        pairs.append(("fp16_flop_per_s", FP16_RATIOS))
    fp32 = num(row.get("fp32_flop_per_s"))
    for column, allowed in pairs:
        value = num(row.get(column))
        if fp32 is None or value is None:
            continue
        ratio = value / fp32
        if not any(abs(ratio / r - 1) <= tol for r in allowed):
            out.append((f"{column[:4]}/fp32", f"{ratio:.4g}", "one of " + ", ".join(
                f"1/{round(1 / r)}" if r < 1 else str(r) for r in allowed)))
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("accelerators", type=Path)
    p.add_argument("--ml-hardware", type=Path, help="Epoch AI ML hardware export (CSV)")
    p.add_argument("--chip-dataset", type=Path, help="Epoch AI chip table (CSV)")
    p.add_argument("--tolerance", type=float, default=0.05, help="relative tolerance (default 0.05)")
    p.add_argument("--date-days", type=int, default=45, help="tolerance on release dates, days (default 45)")
    p.add_argument("--strict", action="store_true", help="exit 1 while a disagreement is open")
    args = p.parse_args(argv)

    rows = read(args.accelerators)
    sources = []
    if args.ml_hardware:
        sources.append(("epoch_ml_hardware", 0, *index(read(args.ml_hardware))))
    if args.chip_dataset:
        sources.append(("epoch_chip_dataset", 1, *index(read(args.chip_dataset))))

    checked = {name: 0 for name, *_ in sources}
    unmatched = []
    counts = {"noted": 0, "open": 0}
    for row in rows:
        found = False
        for name, column_index, by_name, by_norm in sources:
            other = match(row, by_name, by_norm)
            if other is None:
                continue
            found = True
            checked[name] += 1
            for column, ours, theirs in compare(row, other, name, column_index, args.tolerance, args.date_days):
                state = "noted" if noted(row, column, name, ours, theirs) else "open"
                counts[state] += 1
                print(f"{row['accelerator_id']}\t{column}\tours={ours}\t{name}={theirs}\t"
                      f"({other['Hardware name']})\t[{state}]")
        for column, ours, expected in internal(row, 0.02):
            state = "noted" if noted(row, column, "internal") else "open"
            counts[state] += 1
            print(f"{row['accelerator_id']}\t{column}\tours={ours}\texpected {expected}\t(internal)\t[{state}]")
        if not found:
            unmatched.append(row["accelerator_id"])
    print(f"# rows: {len(rows)}; checked against " +
          ", ".join(f"{k}: {v}" for k, v in checked.items()) +
          f"; in no source: {len(unmatched)}")
    print(f"# disagreements: {counts['noted'] + counts['open']} ({counts['noted']} noted, {counts['open']} open)")
    if unmatched:
        print("# unmatched: " + " ".join(unmatched))
    return 1 if args.strict and counts["open"] else 0


if __name__ == "__main__":
    sys.exit(main())
