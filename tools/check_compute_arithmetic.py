#!/usr/bin/env python3
"""List training runs whose stored compute disagrees with the arithmetic their own notes give, outside the build.

The notes of many runs in ``datasets/training_runs.csv`` quote a source's arithmetic in words: a result after
``=`` (``256 A100 x 586 h x 312 TFLOP/s x 0.3 = 5.0e22``), a figure in PF-days (``157 PF-days``, 1 PF-day is
8.64e19 FLOP), or GPU-hours. That text is not machine-readable enough for a declared check (the declared
``compute-off-its-6nd`` covers the one formula whose inputs are columns), so this script reads it and prints
each run whose ``training_compute_flop`` is more than ``--tolerance`` away from every FLOP figure its notes
state (an ``=`` result between 1e12 and 1e28, or a PF-day count converted at 8.64e19). A run whose notes
explain why the stored value is none of them (a geometric mean, a later correction) shows up here too and is
read by hand; the count of runs read and listed closes the report.

Usage::

    python tools/check_compute_arithmetic.py datasets/training_runs.csv [--tolerance 0.05]

Exit status 0 always (a report, not a gate) unless ``--strict``, then 1 while any run is listed.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys

PF_DAY_FLOP = 1e15 * 86400
_NUMBER = r"(\d+(?:\.\d+)?(?:\s*[eE]\s*\+?\d+|\s*(?:x|×|\*)\s*10\^?\s*\d+)?)"
_RESULT = re.compile(r"=\s*~?\s*" + _NUMBER)
_PF_DAYS = re.compile(r"([\d,]+(?:\.\d+)?)\s*(?:PF-?days?|petaflop/?s?-days?|pfs-days?)", re.IGNORECASE)


def _value(text: str) -> float | None:
    m = re.fullmatch(r"([\d.]+)(?:[eE]\+?(\d+)|(?:x|×|\*)10\^?(\d+))?", text.replace(" ", ""))
    if not m:
        return None
    exponent = m.group(2) or m.group(3)
    return float(m.group(1)) * 10 ** int(exponent) if exponent else float(m.group(1))


def stated_figures(notes: str) -> list[tuple[str, float]]:
    """The FLOP figures a run's notes state: ``=`` results in FLOP range and PF-day counts converted."""
    out = []
    for m in _RESULT.finditer(notes):
        v = _value(m.group(1))
        if v is not None and 1e12 <= v <= 1e28:
            out.append(("= " + m.group(1).strip(), v))
    for m in _PF_DAYS.finditer(notes):
        try:
            out.append((m.group(0), float(m.group(1).replace(",", "")) * PF_DAY_FLOP))
        except ValueError:
            continue
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("training_runs")
    ap.add_argument("--tolerance", type=float, default=0.05)
    ap.add_argument("--strict", action="store_true")
    args = ap.parse_args(argv)
    read = listed = 0
    with open(args.training_runs, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            figures = stated_figures(row["notes"])
            if not figures or not row["training_compute_flop"]:
                continue
            read += 1
            stored = float(row["training_compute_flop"])
            if all(abs(v / stored - 1) > args.tolerance for _, v in figures):
                listed += 1
                shown = "; ".join(f"{label} ({v:.3g})" for label, v in figures[:6])
                print(f"{row['run_id']}  stored {stored:.4g}  notes: {shown}")
    print(f"{read} runs with stated arithmetic read, {listed} disagree by more than {args.tolerance:.0%}",
          file=sys.stderr)
    return 1 if args.strict and listed else 0


if __name__ == "__main__":
    sys.exit(main())
