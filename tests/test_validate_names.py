"""Aliases and MLPerf results through `compute-atlas validate --format json`: each problem with its file, line,
column, value and a hint (issue 16)."""

import json

from conftest import cli, edit_csv, row_of


def problems(datasets):
    result = cli("validate", "--datasets", datasets, "--format", "json")
    return result.exit_code, [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]


def test_alias_to_an_unknown_accelerator(datasets):
    path = datasets / "accelerator_aliases.csv"
    line = edit_csv(path, row_of(path, "alias", "H100 SXM"), "accelerator_id", "nvidia-h100-sxm5-80g")
    code, found = problems(datasets)
    assert code == 2
    (p,) = [p for p in found if p["file"] == "accelerator_aliases.csv"]
    assert (p["line"], p["column"], p["value"]) == (line, "accelerator_id", "nvidia-h100-sxm5-80g")
    assert "unknown accelerator_id" in p["rule"]
    assert p["hint"] == "did you mean `nvidia-h100-sxm5-80gb`?"


def test_one_alias_for_two_accelerators_is_ambiguous(datasets):
    path = datasets / "accelerator_aliases.csv"
    first = row_of(path, "alias", "H100") + 2
    # the same name in another case, for another accelerator
    text = path.read_text()
    path.write_text(text + "h100,nvidia-h100-pcie-80gb,common,nvidia2022h100datasheet,\n")
    last = len(text.splitlines()) + 1
    code, found = problems(datasets)
    assert code == 2
    hits = {(p["line"], p["column"], p["value"]) for p in found if "ambiguous alias" in p["rule"]}
    assert hits == {(first, "alias", "H100"), (last, "alias", "h100")}
    assert all("nvidia-h100-pcie-80gb, nvidia-h100-sxm5-80gb" in p["rule"] for p in found
               if "ambiguous alias" in p["rule"])


def test_mlperf_name_without_an_alias_reports_the_nearest(datasets):
    path = datasets / "mlperf_training.csv"
    i = row_of(path, "accelerator_name", "NVIDIA A100-SXM4-80GB (400W)")
    line = edit_csv(path, i, "accelerator_name", "NVIDIA A100-SXM4-80GB (400 W)")
    code, found = problems(datasets)
    assert code == 2
    (p,) = found
    assert (p["file"], p["line"], p["column"], p["value"]) == (
        "mlperf_training.csv", line, "accelerator_name", "NVIDIA A100-SXM4-80GB (400 W)")
    assert p["rule"] == "accelerator name matches no alias in accelerator_aliases"
    assert p["hint"].startswith("the nearest alias is `NVIDIA A100-SXM4-80GB (400W)`")


def test_mlperf_name_and_id_must_agree(datasets):
    path = datasets / "mlperf_training.csv"
    i = row_of(path, "accelerator_name", "NVIDIA A100-SXM4-80GB (400W)")
    line = edit_csv(path, i, "accelerator_id", "nvidia-a100-sxm4-40gb")
    code, found = problems(datasets)
    assert code == 2
    (p,) = found
    assert (p["line"], p["column"], p["value"]) == (line, "accelerator_id", "nvidia-a100-sxm4-40gb")
    assert "maps through accelerator_aliases to `nvidia-a100-sxm4-80gb`" in p["rule"]


def test_mlperf_name_matches_ignoring_case_and_spaces(datasets):
    path = datasets / "mlperf_training.csv"
    i = row_of(path, "accelerator_name", "NVIDIA A100-SXM4-80GB (400W)")
    edit_csv(path, i, "accelerator_name", "nvidia a100-sxm4-80gb (400w)")
    code, found = problems(datasets)
    assert code == 0, found


def test_mlperf_per_node_count_must_multiply_out(datasets):
    path = datasets / "mlperf_training.csv"
    i = row_of(path, "mlperf_result_id", "v2.1-hpe-hpe-proliant-xl675d-gen10-plus-a100-sxm-80gb-8n-pytorch-maskrcnn")
    line = edit_csv(path, i, "node_count", "4")  # 4 nodes × 8 = 32, not the 64 accelerators stated
    code, found = problems(datasets)
    assert code == 2
    # the system's other rows of the round keep 8 nodes: that is reported too, as two configurations of one name
    assert {p["check"] for p in found} == {"mlperf-count-vs-nodes", "mlperf-system-two-configurations"}, found
    (p,) = [p for p in found if p["column"] == "accelerator_count"]
    assert (p["file"], p["line"], p["column"], p["value"]) == ("mlperf_training.csv", line, "accelerator_count",
                                                               "4 x 8 <> 64")
    assert "multiply by the number of nodes" in p["hint"]


def test_mlperf_round_must_be_a_known_round(datasets):
    path = datasets / "mlperf_training.csv"
    line = edit_csv(path, 0, "mlperf_round", "v4.0")
    code, found = problems(datasets)
    assert code == 2
    (p,) = found
    assert (p["line"], p["column"], p["value"]) == (line, "mlperf_round", "v4.0")
    assert "no such row in mlperf_rounds" in p["rule"]


def test_measurement_provenance_needs_its_fields(datasets):
    path = datasets / "measurements.csv"
    l1 = edit_csv(path, 0, "source_url", "")  # a published row without the URL of its source
    l2 = edit_csv(path, 1, "provenance", "measured")  # "measured" here, yet without size and host
    code, found = problems(datasets)
    assert code == 2
    assert {(p["line"], p["column"]) for p in found} == {(l1, "source_url"), (l2, "size"), (l2, "host")}
