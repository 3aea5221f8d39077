"""`compute-atlas measure`: the CPU path writes rows that validate against `measurements`."""

import csv
import io

from compute_atlas.measure import match_accelerator

from conftest import DATASETS, cli, read_rows


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


#: The driver names `measure` listed in its code before they became rows of accelerator_aliases.
FORMER_DRIVER_NAMES = {
    "NVIDIA H100 80GB HBM3": "nvidia-h100-sxm5-80gb",
    "NVIDIA H100 PCIe": "nvidia-h100-pcie-80gb",
    "NVIDIA H100 NVL": "nvidia-h100-nvl-94gb",
    "NVIDIA H200": "nvidia-h200-sxm-141gb",
    "NVIDIA A100-SXM4-80GB": "nvidia-a100-sxm4-80gb",
    "NVIDIA A100-SXM4-40GB": "nvidia-a100-sxm4-40gb",
    "NVIDIA A100-PCIE-40GB": "nvidia-a100-pcie-40gb",
    "NVIDIA A100 80GB PCIe": "nvidia-a100-pcie-80gb",
    "Tesla V100-SXM2-16GB": "nvidia-v100-sxm2-16gb",
    "Tesla V100-SXM2-32GB": "nvidia-v100-sxm2-32gb",
    "Tesla V100-PCIE-32GB": "nvidia-v100-pcie-32gb",
}


def test_driver_names_match_through_the_aliases():
    for name, accelerator_id in FORMER_DRIVER_NAMES.items():
        assert match_accelerator(name, DATASETS) == accelerator_id, name
    for row in read_rows(DATASETS / "accelerator_aliases.csv"):
        if row["context"] == "driver":
            assert match_accelerator(row["alias"], DATASETS) == row["accelerator_id"], row["alias"]
    # as validation compares aliases: case and surrounding spaces ignored
    assert match_accelerator("  nvidia h100 80gb hbm3 ", DATASETS) == "nvidia-h100-sxm5-80gb"
    # not an alias: the token match of accelerators' names, or nothing
    assert match_accelerator("NVIDIA GeForce RTX 4090 Laptop", DATASETS) == "nvidia-rtx-4090"
    assert match_accelerator("Some Unknown Device 9000", DATASETS) is None


def test_an_alias_row_is_what_matches(datasets):
    """The mapping is data: an alias row makes a name match; without the row it does not."""
    assert match_accelerator("Acme Tensor Engine 7", datasets) is None
    path = datasets / "accelerator_aliases.csv"
    path.write_text(path.read_text() + "Acme Tensor Engine 7,nvidia-a100-sxm4-80gb,driver,computeatlas2026measure,\n")
    assert match_accelerator("acme tensor engine 7", datasets) == "nvidia-a100-sxm4-80gb"
    rows = [r for r in path.read_text().splitlines() if not r.startswith("Acme Tensor Engine 7,")]
    path.write_text("\n".join(rows) + "\n")
    assert match_accelerator("Acme Tensor Engine 7", datasets) is None


def test_bad_sizes_are_a_clear_error():
    result = cli("measure", "--cpu", "--sizes", "big")
    assert result.exit_code == 2 and "--sizes must be" in result.output
