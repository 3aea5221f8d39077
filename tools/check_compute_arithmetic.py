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

With ``--epoch-notes`` (Epoch AI's Notable or Frontier AI Models export, given once per file; a reference
snapshot, never a build input) it also reads Epoch AI's "Training compute notes" of each run that still holds
Epoch AI's figure (within 1%, joined on the model name) and lists the runs whose formula there divides by a batch
size or counts operations per example with no factor for the backward pass (issue 28, eleventh sample: Big-Little
Net's '/16 (batch size)', Big-Little Net speech's forward-only product). A run listed is a candidate to redo from
the paper, not an error: a declared check (compute-divided-by-batch-size, operation-count-without-backward-factor)
can only read the atlas's own notes.

Usage::

    python tools/check_compute_arithmetic.py datasets/training_runs.csv [--tolerance 0.05]
        [--epoch-notes epoch_notable_ai_models.csv --epoch-notes epoch_frontier_ai_models.csv]

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


_BY_BATCH_SIZE = re.compile(r"(?:/|÷)\s*[0-9][0-9,.]*\s*\(?\s*(?:global |mini-?)?batch[ _-]?size", re.IGNORECASE)
_PER_EXAMPLE = re.compile(r"flops? per (?:inference|image|example|sample|frame|observation)|flops? from table|"
                          r"flops? per [^.;\n]{0,40}forward pass|forward (?:pass )?flop|mult-?adds|multiply-adds",
                          re.IGNORECASE)
_BACKWARD = re.compile(r"backward|backprop|(?:x|×|\*)\s*(?:3|6)\b", re.IGNORECASE)


def formula_flags(note: str) -> list[str]:
    """What is suspect in a source's operation-count formula: a division by the batch size, no backward factor."""
    flags = []
    if _BY_BATCH_SIZE.search(note):
        flags.append("divides by the batch size")
    if _PER_EXAMPLE.search(note) and not _BACKWARD.search(note):
        flags.append("FLOP per example with no backward factor")
    return flags


def epoch_candidates(rows: list[dict[str, str]], epoch_files: list[str]) -> tuple[int, list[str]]:
    """Runs still holding Epoch AI's figure whose Epoch AI formula is suspect: (runs read, lines to print)."""
    epoch: dict[str, dict[str, str]] = {}
    for path in epoch_files:
        with open(path, newline="", encoding="utf-8-sig") as f:
            for e in csv.DictReader(f):
                epoch.setdefault(e["Model"].strip().lower(), e)
    read, out = 0, []
    for row in rows:
        e = epoch.get(row["model"].strip().lower()) if row.get("model") else None
        if e is None or not row["training_compute_flop"] or not e.get("Training compute (FLOP)"):
            continue
        stored, theirs = float(row["training_compute_flop"]), float(e["Training compute (FLOP)"])
        if abs(stored / theirs - 1) > 0.01:
            continue
        read += 1
        flags = formula_flags(e.get("Training compute notes", ""))
        if flags:
            out.append(f"{row['run_id']}  stored {stored:.4g} = Epoch AI's; its formula: {'; '.join(flags)}")
    return read, out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("training_runs")
    ap.add_argument("--tolerance", type=float, default=0.05)
    ap.add_argument("--strict", action="store_true")
    ap.add_argument("--epoch-notes", action="append", default=[], metavar="CSV",
                    help="Epoch AI's Notable/Frontier AI Models export, to read its compute formulas")
    args = ap.parse_args(argv)
    read = listed = 0
    with open(args.training_runs, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
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
    if args.epoch_notes:
        held, lines = epoch_candidates(rows, args.epoch_notes)
        for line in lines:
            print(line)
        listed += len(lines)
        print(f"{held} runs holding Epoch AI's figure read, {len(lines)} with a suspect operation-count formula",
              file=sys.stderr)
    return 1 if args.strict and listed else 0


if __name__ == "__main__":
    sys.exit(main())
