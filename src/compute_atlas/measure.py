"""``compute-atlas measure``: achieved matrix-multiply and copy rates on this machine.

The CPU path uses NumPy and always works; the GPU path uses PyTorch, only when
PyTorch and a CUDA device are present (PyTorch is never a requirement). Each
timing is warmed up, synchronized and repeated; the median is reported.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import platform
import re
import statistics
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .schemas import relation

METHOD_VERSION = "1"
SOURCE_KEY = "computeatlas2026measure"
COPY_BYTES = 256 * 2**20
METHOD = ("compute-atlas measure: n×n by n×n multiply of random matrices (2n³ FLOP) or a device-to-device copy, "
          "2 warm-up runs, synchronized, median of the timed repetitions")


@dataclass
class Device:
    name: str
    kind: str  # "cpu" or "cuda"
    software: str
    host: str


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def host_description() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} logical CPUs, {platform.system()} {platform.release()}"


def cpu_device() -> Device:
    try:
        from threadpoolctl import threadpool_info

        blas = ", ".join(f"{i.get('internal_api')} {i.get('version')}" for i in threadpool_info()
                         if i.get("user_api") == "blas")
    except ImportError:
        blas = ""
    return Device(host_description().split(",")[0], "cpu", f"numpy {np.__version__}; {blas or 'unknown BLAS'}",
                  host_description())


def gpu_device():
    try:
        import torch
    except ImportError:
        return None
    if not torch.cuda.is_available():
        return None
    name = torch.cuda.get_device_name(0)
    return Device(name, "cuda", f"torch {torch.__version__}; CUDA {torch.version.cuda}", host_description())


def median_seconds(fn: Callable[[], None], sync: Callable[[], None], repeats: int, warmup: int = 2) -> float:
    for _ in range(warmup):
        fn()
    sync()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        sync()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


class PowerSampler:
    """Mean board power from nvidia-smi while a benchmark runs (None where it is not available)."""

    def __init__(self):
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            try:
                out = subprocess.run(["nvidia-smi", "--query-gpu=power.draw", "--format=csv,noheader,nounits", "-i", "0"],
                                     capture_output=True, text=True, timeout=5).stdout.strip()
                self.samples.append(float(out.splitlines()[0]))
            except (OSError, ValueError, IndexError, subprocess.SubprocessError):
                return
            self._stop.wait(0.1)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=6)

    @property
    def mean(self) -> float | None:
        return statistics.fmean(self.samples) if self.samples else None


def cpu_benchmarks(sizes: list[int], repeats: int):
    """(benchmark, precision, size, achieved, power) on the CPU with NumPy."""
    rng = np.random.default_rng(0)
    for precision, dtype in (("fp64", np.float64), ("fp32", np.float32)):
        for n in sizes:
            a, b = rng.random((n, n), dtype=dtype), rng.random((n, n), dtype=dtype)
            t = median_seconds(lambda a=a, b=b: a @ b, lambda: None, repeats)
            yield "matmul", precision, n, 2 * n**3 / t, None
    src = np.ones(COPY_BYTES // 8)
    dst = np.empty_like(src)
    t = median_seconds(lambda: np.copyto(dst, src), lambda: None, repeats)
    yield "memory_copy", None, COPY_BYTES, 2 * COPY_BYTES / t, None


def gpu_benchmarks(sizes: list[int], repeats: int):
    """The same on a CUDA device with PyTorch, per precision it supports."""
    import torch

    dev = torch.device("cuda")
    sync = torch.cuda.synchronize
    formats = [("fp64", torch.float64, False), ("fp32", torch.float32, False), ("tf32", torch.float32, True),
               ("bf16", torch.bfloat16, False), ("fp16", torch.float16, False)]
    for precision, dtype, tf32 in formats:
        torch.backends.cuda.matmul.allow_tf32 = tf32
        for n in sizes:
            a, b = torch.randn(n, n, device=dev, dtype=dtype), torch.randn(n, n, device=dev, dtype=dtype)
            with PowerSampler() as power:
                t = median_seconds(lambda a=a, b=b: torch.mm(a, b), sync, repeats)
            yield "matmul", precision, n, 2 * n**3 / t, power.mean
    torch.backends.cuda.matmul.allow_tf32 = False
    if hasattr(torch, "float8_e4m3fn") and hasattr(torch, "_scaled_mm"):
        one = torch.tensor(1.0, device=dev)
        for n in sizes:
            try:
                a = torch.randn(n, n, device=dev).to(torch.float8_e4m3fn)
                b = torch.randn(n, n, device=dev).to(torch.float8_e4m3fn).t()
                with PowerSampler() as power:
                    t = median_seconds(lambda a=a, b=b: torch._scaled_mm(a, b, scale_a=one, scale_b=one,
                                                                         out_dtype=torch.bfloat16), sync, repeats)
                yield "matmul", "fp8", n, 2 * n**3 / t, power.mean
            except RuntimeError:  # the device has no FP8 matrix units
                break
    if hasattr(torch, "_int_mm"):
        for n in sizes:
            try:
                a = torch.randint(-8, 8, (n, n), device=dev, dtype=torch.int8)
                b = torch.randint(-8, 8, (n, n), device=dev, dtype=torch.int8)
                with PowerSampler() as power:
                    t = median_seconds(lambda a=a, b=b: torch._int_mm(a, b), sync, repeats)
                yield "matmul", "int8", n, 2 * n**3 / t, power.mean
            except RuntimeError:
                break
    src = torch.ones(COPY_BYTES // 4, device=dev)
    dst = torch.empty_like(src)
    t = median_seconds(lambda: dst.copy_(src), sync, repeats)
    yield "memory_copy", None, COPY_BYTES, 2 * COPY_BYTES / t, None


def driver_aliases(datasets: Path) -> dict[str, str]:
    """Aliases of ``accelerator_aliases.csv``, compared as validation compares them (case and surrounding spaces
    ignored), mapped to their ``accelerator_id``."""
    from .validate.names import normal

    path = datasets / "accelerator_aliases.csv"
    if not path.exists():
        return {}
    return {normal(r["alias"]): r["accelerator_id"]
            for r in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))}


def match_accelerator(device_name: str, datasets: Path) -> str | None:
    """The `accelerators` row of the device: the accelerator its name is an alias of (``accelerator_aliases``),
    else the row whose name shares most tokens with it."""
    from .validate.names import normal

    aliases = driver_aliases(datasets)
    if normal(device_name) in aliases:
        return aliases[normal(device_name)]
    path = datasets / "accelerators.csv"
    if not path.exists():
        return None
    tokens = set(re.findall(r"[a-z0-9]+", device_name.lower())) - {"nvidia", "amd", "gpu"}
    best, best_score = None, 0.0
    for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))):
        name_tokens = set(re.findall(r"[a-z0-9]+", row["name"].lower())) - {"nvidia", "amd", "gpu", "tesla"}
        if not name_tokens or not tokens:
            continue
        score = len(tokens & name_tokens) / len(tokens | name_tokens)
        if score > best_score:
            best, best_score = row["accelerator_id"], score
    return best if best_score >= 0.5 else None


def measure(datasets: Path, sizes: list[int] | None = None, repeats: int = 10, force_cpu: bool = False,
            log: Callable[[str], None] = print) -> list[dict]:
    device = None if force_cpu else gpu_device()
    if device is None:
        device = cpu_device()
        sizes = sizes or [512, 1024, 2048]
        runs = cpu_benchmarks(sizes, repeats)
    else:
        sizes = sizes or [4096, 8192, 16384]
        runs = gpu_benchmarks(sizes, repeats)
    accelerator = match_accelerator(device.name, datasets) if device.kind == "cuda" else None
    log(f"device: {device.name} ({device.kind}); " +
        (f"matched to accelerator `{accelerator}`" if accelerator else "no accelerator row matched (host CPU or "
         "unknown device): accelerator_id left empty"))
    today = dt.date.today()
    rows = []
    for benchmark, precision, size, achieved, power in runs:
        log(f"  {benchmark} {precision or ''} {size}: {achieved:.4g} {'FLOP/s' if benchmark == 'matmul' else 'B/s'}")
        rows.append({
            "measurement_id": slug(f"{device.name}-{benchmark}-{precision or 'copy'}-{size}-{today.isoformat()}"),
            "accelerator_id": accelerator,
            "device_name": device.name,
            "benchmark": benchmark,
            "precision": precision,
            "provenance": "measured",
            "size": size,
            "shape": f"{size}x{size}x{size}" if benchmark == "matmul" else None,
            "achieved_flop_per_s": achieved if benchmark == "matmul" else None,
            "achieved_bytes_per_s": achieved if benchmark == "memory_copy" else None,
            "as_shipped_peak_flop_per_s": None,  # a published figure of a source, never of our own runs
            "power_watts": power,
            "repeats": repeats,
            "statistic": "median",
            "method": METHOD,
            "method_version": METHOD_VERSION,
            "software": device.software,
            "measured_date": today.isoformat(),
            "host": device.host,
            "source": SOURCE_KEY,
            "source_url": None,
            "notes": None,
        })
    return rows


def to_csv(rows: list[dict], header: bool = True) -> str:
    cols = [c.name for c in relation("measurements").columns()]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    if header:
        w.writerow(cols)
    for r in rows:
        w.writerow(["" if r[c] is None else (f"{r[c]:.6g}" if isinstance(r[c], float) else r[c]) for c in cols])
    return buf.getvalue()
