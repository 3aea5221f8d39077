"""Propose `hardware_prices` rows from a snapshot of Epoch AI's hardware price database.

Epoch AI's "Hardware prices" file (``data/Hardware prices.csv`` of epoch-research/training-cost-trends, CC BY 4.0)
holds purchase prices and cloud prices per chip-hour, one source URL each. This tool maps its purchase prices
to rows of ``datasets/hardware_prices.csv`` and prints what it would add or change, as a diff to review:

    + a row to add                     (the row as it would be written)
    ~ a row whose price Epoch revised  (same chip, date and source URL, the row as this tool wrote it)
    = rows already present             (a count; curated rows matched by chip and URL keep their own date)
    # a curated row that differs       (edited by hand after import: reported, never overwritten)
    ! an Epoch row left out, and why   (no source, an unmapped or ambiguous chip, dated before the release)
    ? a curated row citing Epoch's price file for a value the snapshot does not hold (its URL or its price)

Nothing is written unless ``--write`` is given; then the additions are appended and the revised prices set.
It is a curation aid kept out of the build: the build and the tests never read the reference snapshot.

Usage:
    python tools/import_epoch_hardware_prices.py SNAPSHOT.csv [--datasets DIR] [--write]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _importer import Proposal, csv_line, read_dataset, write_back  # noqa: E402

SOURCE_KEY = "epoch2025hardwareprices"
#: how the notes of a row this tool wrote begin; rows edited by hand afterwards should drop or reword it
IMPORTED = "Imported from Epoch AI's hardware price database"
FIELDS = ["accelerator_id", "price_date", "price_usd", "price_kind", "source", "source_url", "notes"]

#: Epoch's `Hardware model` (and, where one name covers several of our chips, a piece of the source URL) to an
#: accelerator_id. The first rule that matches wins; an id of None leaves the row out with the reason given.
RULES: list[tuple[str, str | None, str | None, str]] = [
    ("NVIDIA GeForce GTX 580", None, "nvidia-gtx-580", ""),
    ("NVIDIA GeForce GTX TITAN", None, "nvidia-gtx-titan", ""),
    ("NVIDIA GeForce GTX TITAN BLACK", None, "nvidia-gtx-titan-black", ""),
    ("NVIDIA GeForce GTX TITAN X", None, "nvidia-gtx-titan-x", ""),
    ("NVIDIA GeForce RTX 2080 Ti 11GB", None, "nvidia-rtx-2080-ti", ""),
    ("NVIDIA GeForce RTX 3080", None, "nvidia-rtx-3080", ""),
    ("NVIDIA GeForce RTX 3090", None, "nvidia-rtx-3090", ""),
    ("NVIDIA GeForce RTX 3090 Ti", None, "nvidia-rtx-3090-ti", ""),
    ("NVIDIA GeForce RTX 4090", None, "nvidia-rtx-4090", ""),
    ("NVIDIA RTX A6000", None, "nvidia-rtx-a6000", ""),
    ("NVIDIA Tesla C2050", None, "nvidia-tesla-c2050", ""),
    ("NVIDIA Tesla K20X", None, "nvidia-tesla-k20x", ""),
    ("NVIDIA Tesla K40s", None, "nvidia-tesla-k40", "Tesla K40s"),
    ("NVIDIA Tesla K80", None, "nvidia-tesla-k80", "per dual-GK210 board"),
    ("Google TPU v1", None, "google-tpu-v1", ""),
    ("Google TPU v2", None, "google-tpu-v2", ""),
    ("Google TPU v3", None, "google-tpu-v3", ""),
    ("Google TPU v4", None, "google-tpu-v4", ""),
    ("Google TPU v5e", None, "google-tpu-v5e", ""),
    ("Google TPU v5p", None, "google-tpu-v5p", ""),
    ("Google TPU v6e Trillium", None, "google-tpu-v6e", ""),
    # a DGX-1 holds SXM2 P100s whatever Epoch's label says
    ("NVIDIA Tesla P100 PCIe 16GB", "dgx-1", "nvidia-tesla-p100-sxm2-16gb", "DGX-1 holds P100 SXM2 modules (Epoch labels it P100 PCIe 16GB)"),
    ("NVIDIA Tesla P100 PCIe 16GB", None, "nvidia-tesla-p100-pcie-16gb", ""),
    ("NVIDIA Tesla P100 SXM2", None, "nvidia-tesla-p100-sxm2-16gb", ""),
    ("NVIDIA V100", "wccftech", "nvidia-v100-sxm2-16gb", "2017 DGX-1/DGX Station V100 (16 GB SXM2 modules; the Station's are the DGXS form)"),
    ("NVIDIA Tesla V100 SXM2 16 GB", None, "nvidia-v100-sxm2-16gb", ""),
    ("NVIDIA Tesla V100 PCIe 16 GB", None, "nvidia-v100-pcie-16gb", ""),
    ("NVIDIA Tesla V100 SXM2 32 GB", "web.archive.org", "nvidia-v100-sxm2-32gb", ""),
    ("NVIDIA Tesla V100 SXM2 32 GB", None, None, "a second copy of the archived Microway price, dated at Epoch's release date instead of the page"),
    ("NVIDIA Tesla V100 PCIe 32 GB", None, "nvidia-v100-pcie-32gb", ""),
    ("NVIDIA Tesla V100 SXM3 32 GB", None, "nvidia-v100-sxm3-32gb", ""),
    ("NVIDIA Tesla V100 DGXS 32 GB", "dgx-2", "nvidia-v100-sxm3-32gb", "DGX-2 holds V100 SXM3 32 GB modules (Epoch labels them DGXS 32 GB)"),
    ("NVIDIA Tesla V100 DGXS 32 GB", None, "nvidia-v100-sxm2-32gb", "DGX-1 and DGX Station hold 32 GB V100 SXM2-class modules (Epoch labels them DGXS 32 GB)"),
    ("NVIDIA Tesla V100 SXM2", None, None, "source given as 'Unknown'"),
    ("NVIDIA A100 SXM4 40 GB", None, "nvidia-a100-sxm4-40gb", ""),
    ("NVIDIA A100 SXM4 80 GB", None, "nvidia-a100-sxm4-80gb", ""),
    ("NVIDIA A100 PCIe", "anafrashop", "nvidia-a100-pcie-80gb", "80 GB PCIe part"),
    ("NVIDIA A100 PCIe", "viperatech", "nvidia-a100-pcie-80gb", "variant PCIe 80 GB as labelled by Epoch"),
    ("NVIDIA A100 PCIe", "nextplatform", None, "memory size not stated (40 or 80 GB PCIe); the 2020 price is curated as the 40 GB part, the only one then"),
    ("NVIDIA A100", None, None, "Epoch's own reconstruction of a generic A100 price ('This is not a real sale price')"),
    ("NVIDIA A40 PCIe", None, "nvidia-a40", ""),
    ("NVIDIA A800 PCIe", None, None, "memory size not stated (A800 PCIe 40 GB or 80 GB)"),
    ("NVIDIA H100 SXM5 80GB", "signalpulse", None, "the cited page is an A100 80 GB SXM listing, not the H100 HGX price given"),
    ("NVIDIA H100 SXM5 80GB", None, "nvidia-h100-sxm5-80gb", ""),
    ("NVIDIA H100 PCIe", "94gb", "nvidia-h100-nvl-94gb", "94 GB part 900-21010-0020-000 (H100 NVL); Epoch labels it H100 PCIe"),
    ("NVIDIA H100 PCIe", None, "nvidia-h100-pcie-80gb", ""),
    ("NVIDIA H800 SXM5", None, "nvidia-h800-sxm5-80gb", ""),
    ("NVIDIA H800 PCIe", "h800-sxm5", "nvidia-h800-sxm5-80gb", "the cited page is the H800 SXM5 listing; Epoch labels it H800 PCIe"),
    ("NVIDIA H800 PCIe", None, None, "no H800 PCIe row in accelerators"),
    ("NVIDIA HGX H20", None, "nvidia-h20", ""),
    ("NVIDIA H200 SXM", None, "nvidia-h200-sxm-141gb", ""),
    ("NVIDIA GH200", "20230930", "nvidia-gh200-96gb", "GH200 with 96 GB HBM3, the only GH200 shipping in 2023"),
    ("NVIDIA GH200", None, None, "memory variant not stated (GH200 96 GB HBM3 or 144 GB HBM3e by 2024)"),
    ("NVIDIA B200", None, "nvidia-b200", ""),
    ("AMD Radeon Instinct MI250", None, "amd-mi250", ""),
    ("AMD Radeon Instinct MI250X", None, "amd-mi250x", ""),
    ("AMD Instinct MI300A", None, "amd-mi300a", ""),
    ("AMD Instinct MI300X", None, "amd-mi300x", ""),
    ("Intel Data Center GPU Max 1550", None, "intel-max-1550", ""),
    ("Intel Habana Gaudi2", None, "intel-gaudi2", ""),
    ("Intel Xeon Phi 31S1P", None, None, "no Xeon Phi row in accelerators"),
    ("GroqChip LPU v1", None, "groq-lpu-v1", "one GroqChip per GroqCard"),
    ("Cerebras CS-1", None, "cerebras-wse-1", "a CS-1 system holds one WSE-1"),
    ("Cerebras CS-2", None, None, "the cited AnandTech page gives the WSE-2's cost as 'arm+leg'; its '$2 million+' is the first generation's"),
]


def read_snapshot(path: Path) -> list[dict[str, str]]:
    """Epoch's purchase-price rows (the file begins with a UTF-8 byte-order mark)."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [r for r in csv.DictReader(f) if (r.get("Price (hardware purchase)") or "").strip()]


def map_model(model: str, url: str) -> tuple[str | None, str]:
    for name, url_part, accelerator_id, reason in RULES:
        if name == model and (url_part is None or url_part.lower() in url.lower()):
            return accelerator_id, reason
    return None, "no mapping rule for this hardware model"


def price_kind(notes: str, url: str) -> str:
    """list, reported_purchase or estimate, from Epoch's notes and the kind of source."""
    low, host = notes.lower(), url.lower()
    if "nextplatform.com" in host or "semianalysis" in host or "estimat" in low or "arxiv.org" in host \
            or "docs.google.com" in host or "average" in low:
        return "estimate"
    if "release price" in low or "launch price" in low or "price at release" in low or "list-price" in host:
        return "list"
    return "reported_purchase"


def _money(value: str) -> str:
    x = round(float(value.replace(",", "")), 2)
    return str(int(x)) if x == int(x) else f"{x:.2f}".rstrip("0")


def propose(snapshot: list[dict[str, str]], current: list[dict[str, str]], release: dict[str, str]):
    """(additions, changes, curated, present, skipped) for a snapshot against the current rows."""
    by_key: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for r in current:
        by_key.setdefault((r["accelerator_id"], r["price_date"], r["source_url"]), []).append(r)
    by_url_price = {(r["accelerator_id"], r["source_url"], _money(r["price_usd"])) for r in current}
    additions, changes, curated, skipped, present, seen = [], [], [], [], 0, set()
    for e in snapshot:
        model, date, url = e["Hardware model"].strip(), e["Price date"].strip(), e["Price source"].strip()
        price = _money(e["Price (hardware purchase)"])
        if not url.startswith("http"):
            skipped.append((model, date, price, f"no source URL ({url or 'empty'})"))
            continue
        accelerator_id, reason = map_model(model, url)
        if accelerator_id is None:
            skipped.append((model, date, price, reason))
            continue
        if accelerator_id not in release:
            skipped.append((model, date, price, f"{accelerator_id} is not in accelerators"))
            continue
        if date < release[accelerator_id]:
            skipped.append((model, date, price, f"dated before {accelerator_id}'s release_date {release[accelerator_id]}"))
            continue
        key = (accelerator_id, date, url)
        if key + (price,) in seen:
            skipped.append((model, date, price, "duplicate of another row of the snapshot"))
            continue
        seen.add(key + (price,))
        olds = by_key.get(key, [])
        if any(_money(o["price_usd"]) == price for o in olds):
            present += 1
            continue
        if len(olds) == 1:
            old = olds[0]
            if old["notes"].startswith(IMPORTED):
                changes.append((old, {"price_usd": price}))
            else:
                curated.append((old, price))
            continue
        if (accelerator_id, url, price) in by_url_price:
            present += 1      # curated under another date (e.g. re-dated to the release)
            continue
        n = (e.get("Number of GPUs") or "").strip()
        bits = [IMPORTED]
        if reason:
            bits.append(reason)
        if n and n != "1":
            bits.append(f"price of a system or baseboard with {n} chips divided by {n}, as Epoch gives it "
                        "(includes the rest of the system)")
        if e.get("Notes", "").strip():
            bits.append("Epoch's note: " + " ".join(e["Notes"].split()))
        additions.append({"accelerator_id": accelerator_id, "price_date": date, "price_usd": price,
                          "price_kind": price_kind(e.get("Notes", ""), url), "source": SOURCE_KEY,
                          "source_url": url, "notes": "; ".join(bits)})
    return additions, changes, curated, present, skipped


def unheld_citations(snapshot: list[dict[str, str]], current: list[dict[str, str]]) -> list[tuple[dict[str, str], str]]:
    """Curated rows that cite Epoch's price file (``SOURCE_KEY``) for a value the snapshot does not hold: no row of
    the snapshot has the row's URL, or none at that URL has its price (within 1 %). The check of issue 27's class 12,
    "a citation whose file does not hold the value": each is for review (cite the page itself, or fix the value)."""
    prices_by_url: dict[str, list[float]] = {}
    for e in snapshot:
        prices_by_url.setdefault(e["Price source"].strip(), []).append(float(_money(e["Price (hardware purchase)"])))
    out = []
    for r in current:
        if SOURCE_KEY not in r["source"].split(";"):
            continue
        url = (r.get("source_url") or "").strip()
        held = prices_by_url.get(url)
        if not url:
            out.append((r, "no source_url: the snapshot cannot be searched for it"))
        elif held is None:
            out.append((r, "no row of the snapshot has this URL"))
        elif not any(abs(float(r["price_usd"]) / p - 1) <= 0.01 for p in held if p):
            out.append((r, f"the snapshot gives {', '.join(_money(str(p)) for p in held)} at this URL"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("snapshot", type=Path, help="Epoch AI's Hardware prices.csv")
    ap.add_argument("--datasets", type=Path, default=Path(__file__).resolve().parents[1] / "datasets")
    ap.add_argument("--write", action="store_true", help="append the additions and set the revised prices")
    args = ap.parse_args(argv)

    prices_path = args.datasets / "hardware_prices.csv"
    current = read_dataset(prices_path)[1]
    release = {r["accelerator_id"]: r["release_date"] for r in read_dataset(args.datasets / "accelerators.csv")[1]}
    snapshot = read_snapshot(args.snapshot)
    additions, changes, curated, present, skipped = propose(snapshot, current, release)

    print(f"# {args.snapshot.name}: {len(snapshot)} purchase prices; against {prices_path}")
    for row in additions:
        print("+ " + csv_line(row, FIELDS))
    for old, new in changes:
        diffs = ", ".join(f"{k} {old[k]} -> {v}" for k, v in new.items())
        print(f"~ {old['accelerator_id']} {old['price_date']} {old['source_url']}: {diffs}")
    print(f"= {present} already present")
    for old, price in curated:
        print(f"# curated: {old['accelerator_id']} {old['price_date']} {old['source_url']}: price_usd {old['price_usd']}"
              f" (Epoch: {price}); kept")
    for model, date, price, reason in skipped:
        print(f"! {model} | {date} | {price} | {reason}")
    unheld = unheld_citations(snapshot, current)
    for row, why in unheld:
        print(f"? cites {SOURCE_KEY} for a value its snapshot does not hold: {row['accelerator_id']} "
              f"{row['price_date']} {row['price_usd']}: {why}")
    print(f"# {len(additions)} to add, {len(changes)} to change, {present} present, {len(skipped)} left out, "
          f"{len(unheld)} citations the snapshot does not hold")

    write_back(prices_path, FIELDS, current, Proposal("accelerator_id", additions, changes), args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
