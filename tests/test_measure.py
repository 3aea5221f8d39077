"""`compute-atlas measure`: the CPU path writes rows that validate against `measurements`."""

import csv
import io

from compute_atlas.measure import DRIVER_NAMES, match_accelerator

from conftest import DATASETS, cli


def test_cpu_rows_validate_against_the_schema(datasets):
    target = datasets / "measurements.csv"
    before = target.read_text()
    result = cli("measure", "--cpu", "--sizes", "64,128", "--repeats", "2", "--output", target,
                 "--datasets", datasets)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(target.read_text())))
    new = rows[len(list(csv.DictReader(io.StringIO(before)))):]
    assert {(r["benchmark"], r["precision"], r["size"]) for r in new} >= {
        ("matmul", "fp64", "64"), ("matmul", "fp32", "128"), ("memory_copy", "", str(256 * 2**20))}
    assert all(float(r["achieved_flop_per_s"] or r["achieved_bytes_per_s"]) > 0 for r in new)
    assert all(r["accelerator_id"] == "" for r in new)  # a host CPU is not an accelerator row
    validated = cli("validate", "--datasets", datasets)
    assert validated.exit_code == 0, validated.output


def test_printed_rows_have_the_schema_header():
    result = cli("measure", "--cpu", "--sizes", "32", "--repeats", "1")
    header = result.stdout.splitlines()[0]
    assert header.startswith("measurement_id,accelerator_id,device_name,benchmark")


def test_driver_names_match_existing_accelerators():
    ids = {r["accelerator_id"] for r in csv.DictReader(io.StringIO((DATASETS / "accelerators.csv").read_text()))}
    for name, accelerator_id in DRIVER_NAMES.items():
        assert accelerator_id in ids, name
        assert match_accelerator(name, DATASETS) == accelerator_id
    assert match_accelerator("NVIDIA GeForce RTX 4090", DATASETS) == "nvidia-rtx-4090"
    assert match_accelerator("Some Unknown Device 9000", DATASETS) is None


def test_bad_sizes_are_a_clear_error():
    result = cli("measure", "--cpu", "--sizes", "big")
    assert result.exit_code == 2 and "--sizes must be" in result.output
