"""`compute-atlas validate`: every problem, with file, line, column, value and rule; exit 2; no traceback."""

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import cli, edit_csv, read_rows, row_of


def problems(datasets):
    result = cli("validate", "--datasets", datasets, "--format", "json")
    return result.exit_code, json.loads(result.stdout)["problems"]


def of_check(found, check, severity=None):
    """The problems of one declared check (of one severity where given)."""
    return [p for p in found if p.get("check") == check and severity in (None, p["severity"])]


def test_shipped_datasets_are_valid(datasets):
    code, found = problems(datasets)
    assert code == 0, [p for p in found if p["severity"] == "error"]


def test_wrong_type_reports_file_line_column_value_and_rule(datasets):
    path = datasets / "accelerators.csv"
    line = edit_csv(path, 3, "tdp_watts", "300 W")
    code, found = problems(datasets)
    assert code == 2
    (p,) = [p for p in found if p["severity"] == "error"]
    assert (p["file"], p["line"], p["column"], p["value"]) == ("accelerators.csv", line, "tdp_watts", "300 W")
    assert "must be a number" in p["rule"]


def test_every_problem_is_reported_at_once(datasets):
    acc = datasets / "accelerators.csv"
    l1 = edit_csv(acc, 0, "kind", "gpu-ish")
    l2 = edit_csv(acc, 5, "release_date", "2020-13-01")
    l3 = edit_csv(datasets / "training_runs.csv", 2, "parameters", "-5")
    code, found = problems(datasets)
    errors = {(p["file"], p["line"], p["column"]) for p in found if p["severity"] == "error"}
    assert code == 2
    assert {("accelerators.csv", l1, "kind"), ("accelerators.csv", l2, "release_date"),
            ("training_runs.csv", l3, "parameters")} <= errors


def test_unknown_accelerator_in_training_run_names_line_and_nearest_id(datasets):
    path = datasets / "training_runs.csv"
    line = edit_csv(path, row_of(path, "run_id", "gpt-3-175b"), "accelerator_id", "nvidia-v100-sxm2-32gbb")
    code, found = problems(datasets)
    (p,) = [p for p in found if p["rule"].startswith("unknown accelerator_id")]
    assert code == 2 and p["file"] == "training_runs.csv" and p["line"] == line
    assert p["hint"] == "did you mean `nvidia-v100-sxm2-32gb`?"


def test_missing_citation_key(datasets):
    path = datasets / "accelerators.csv"
    line = edit_csv(path, 0, "source", "nosuchkey2020")
    code, found = problems(datasets)
    assert code == 2
    assert any(p["line"] == line and p["rule"] == "cited key is not in references.bib" for p in found)


def test_sparse_figure_entered_as_dense_is_caught(datasets):
    """The H100 SXM's 'with sparsity' BF16 figure (1979 TFLOP/s) stored as dense."""
    path = datasets / "accelerators.csv"
    i = row_of(path, "accelerator_id", "nvidia-h100-sxm5-80gb")
    line = edit_csv(path, i, "bf16_flop_per_s", "1.979e15")
    code, found = problems(datasets)
    assert code == 2
    hits = [p for p in found if p["line"] == line and p["column"] == "bf16_flop_per_s" and p["severity"] == "error"]
    assert hits and "sparsity" in hits[0]["hint"]


def test_non_tensor_rate_as_tensor_is_caught(datasets):
    path = datasets / "accelerators.csv"
    i = row_of(path, "accelerator_id", "nvidia-a100-sxm4-80gb")
    line = edit_csv(path, i, "bf16_flop_per_s", "1.5e13")  # below its FP32 rate of 1.95e13
    code, found = problems(datasets)
    assert code == 2 and any(p["line"] == line and "at least fp32_flop_per_s" in p["rule"] for p in found)


def test_central_estimate_outside_interval(datasets):
    path = datasets / "published_trends.csv"
    rows = read_rows(path)
    i = next(n for n, r in enumerate(rows) if r["ci_low"] and r["ci_high"])
    line = edit_csv(path, i, "value", str(10 * float(rows[i]["ci_high"])))
    code, found = problems(datasets)
    assert code == 2 and any(p["line"] == line and p["rule"] == "estimate outside its own interval" for p in found)


def test_bad_data_never_gives_a_traceback(datasets):
    (datasets / "accelerators.csv").write_bytes(b"\xff\xfe not utf-8 at all\n")
    proc = subprocess.run([sys.executable, "-m", "compute_atlas", "validate", "--datasets", str(datasets)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "accelerators.csv" in proc.stderr and "not valid UTF-8" in proc.stderr


def github(datasets, monkeypatch):
    """`validate --format github` run from the folder above ``datasets``, as CI runs it from the repository root."""
    monkeypatch.chdir(datasets.parent)
    result = cli("validate", "--datasets", "datasets", "--format", "github")
    return result.exit_code, result.stdout.splitlines()


def header_index(path, column):
    return next(csv.reader(io.StringIO(path.read_text()))).index(column) + 1


def test_github_format_annotates_file_line_and_column(datasets, monkeypatch):
    path = datasets / "accelerators.csv"
    line = edit_csv(path, 3, "tdp_watts", "300 W")
    code, lines = github(datasets, monkeypatch)
    assert code == 2
    col = header_index(path, "tdp_watts")
    assert (f"::error file=datasets/accelerators.csv,line={line},col={col}::must be a number (decimal or "
            "scientific notation, e.g. 9.894e14): value '300 W' in column tdp_watts; "
            "hint: leave the field empty if the value is unknown") in lines


def test_github_format_warning(datasets, monkeypatch):
    path = datasets / "cloud_prices.csv"
    line = edit_csv(path, 1, "price_usd_per_hour", "150")
    code, lines = github(datasets, monkeypatch)
    assert code == 0  # warnings only
    col = header_index(path, "price_usd_per_hour")
    at = [x for x in lines if x.startswith(f"::warning file=datasets/cloud_prices.csv,line={line},col={col}::")]
    (hit,) = [x for x in at if "outside 0.05 to 100 USD" in x]  # cloud-price-far-above-peers warns there too
    assert "price per accelerator-hour outside 0.05 to 100 USD: value '150.0' in column price_usd_per_hour" in hit
    assert not any(x.startswith("::error") for x in lines)


def test_github_format_invisible_character_is_shown_escaped(datasets, monkeypatch):
    path = datasets / "accelerators.csv"
    line = edit_csv(path, row_of(path, "accelerator_id", "nvidia-h100-sxm5-80gb"), "name", "NVIDIA H100\u200b")
    code, lines = github(datasets, monkeypatch)
    assert code == 2
    assert (f"::error file=datasets/accelerators.csv,line={line},col={header_index(path, 'name')}::contains U+200B "
            "ZERO WIDTH SPACE (format character, invisible): value 'NVIDIA H100\\u200b' in column name; "
            "hint: delete the character (retype the text)") in lines


def test_github_format_escapes_message_and_properties(tmp_path, monkeypatch):
    from compute_atlas.problems import Problem, to_github

    monkeypatch.chdir(tmp_path)
    found = [Problem("odd,name:1.csv", None, None, None, "100% wrong,\r\nsee: here", "a: b, c"),
             Problem("references.bib", 4, "year", "50%\n", "a warning", None, "warning")]
    assert to_github(found, tmp_path / "datasets").splitlines() == [
        "::error file=datasets/odd%2Cname%3A1.csv::100%25 wrong,%0D%0Asee: here; hint: a: b, c",
        "::warning file=datasets/references.bib,line=4::a warning: value '50%25\\n' in column year",
    ]
    # outside the current directory the path stays as given
    assert to_github(found[:1], Path("/elsewhere/data")).startswith("::error file=/elsewhere/data/odd%2Cname%3A1.csv::")


def test_published_cost_of_an_unknown_run_is_an_error(datasets):
    path = datasets / "published_costs.csv"
    line = edit_csv(path, 0, "run_id", "no-such-run")
    code, found = problems(datasets)
    assert code == 2
    assert any(p["file"] == "published_costs.csv" and p["line"] == line and p["column"] == "run_id"
               and p["severity"] == "error" for p in found), found


def test_on_sale_date_is_an_error_unless_the_basis_says_announced_and_launched_that_day(datasets):
    # the RTX 6000 Ada's notes give its on-sale day (2022-12-03); stored as release_date under the basis
    # `announcement` that is the class-6 error, while `announcement_and_launch` says the two days are one
    path = datasets / "accelerators.csv"
    row = row_of(path, "accelerator_id", "nvidia-rtx-6000-ada")
    line = edit_csv(path, row, "release_date", "2022-12-03")
    code, found = problems(datasets)
    on_sale = of_check(found, "release-date-is-on-sale-date")
    assert code == 2 and [(p["line"], p["column"]) for p in on_sale] == [(line, "release_date")]
    edit_csv(path, row, "release_date_basis", "announcement_and_launch")
    code, found = problems(datasets)
    assert not of_check(found, "release-date-is-on-sale-date")


def _shader_rate_errors(found):
    return of_check(found, "fp32-off-shaders-and-clock", "error")


def test_mobile_variant_rate_on_desktop_card_is_caught(datasets):
    """Issue 27 (sample 3): the desktop Quadro P1000 (640 shaders at 1480 MHz) stored with the 512-shader
    variant's 1.425 TFLOP/s; with its shader count and clock stored, the rate is an error at its line."""
    path = datasets / "accelerators.csv"
    line = edit_csv(path, row_of(path, "accelerator_id", "nvidia-quadro-p1000"), "fp32_flop_per_s", "1.425e12")
    code, found = problems(datasets)
    (p,) = _shader_rate_errors(found)
    assert code == 2 and (p["file"], p["line"], p["column"], p["value"]) == (
        "accelerators.csv", line, "fp32_flop_per_s", "1.425e+12")
    assert "mobile" in p["hint"]


def test_shader_rate_check_needs_both_shaders_and_clock(datasets):
    """Without a clock the rate is not checked (the columns stay empty where no source gives them)."""
    path = datasets / "accelerators.csv"
    i = row_of(path, "accelerator_id", "nvidia-quadro-p1000")
    edit_csv(path, i, "fp32_flop_per_s", "1.425e12")
    edit_csv(path, i, "boost_clock_hz", "")
    _, found = problems(datasets)
    assert not _shader_rate_errors(found)


def test_four_flop_per_shader_clock_only_on_dual_issue_chips(datasets):
    """RDNA 3 and 4 count 4 FLOP per shader per clock; on a GeForce or Quadro card half the shaders (FP32 = 4 x
    shaders x clock) is an error, while the shipped RDNA 3 rows pass at 4x."""
    path = datasets / "accelerators.csv"
    rows = read_rows(path)
    rdna3 = [r for r in rows if r["accelerator_id"] == "amd-rx-7900-xt"][0]
    assert abs(float(rdna3["fp32_flop_per_s"]) / (4 * int(rdna3["shader_count"]) * float(rdna3["boost_clock_hz"])) - 1) < 0.02
    i = row_of(path, "accelerator_id", "nvidia-quadro-p2000")
    half = str(int(rows[i]["shader_count"]) // 2)
    line = edit_csv(path, i, "shader_count", half)
    code, found = problems(datasets)
    (p,) = _shader_rate_errors(found)
    assert code == 2 and p["line"] == line and "2 x shader_count" in p["rule"]


def test_6nd_estimate_off_by_a_power_of_ten_is_an_error(datasets):
    """A parameters_tokens estimate that is 6ND times 10^k (k != 0) is an exponent slip (Megatron-LM 1.2B's
    '10e11'); a ratio that is no whole power of ten (active parameters, epochs) is not."""
    path = datasets / "training_runs.csv"
    rows = read_rows(path)
    i = next(i for i, r in enumerate(rows) if r["compute_estimation_method"] == "parameters_tokens"
             and r["parameters"] and r["training_tokens"] and r["training_compute_flop"])
    six_nd = 6 * float(rows[i]["parameters"]) * float(rows[i]["training_tokens"])
    rule = "is 6ND times a power of ten"
    for factor, flagged in ((0.01, True), (10, True), (3, False), (1, False)):
        line = edit_csv(path, i, "training_compute_flop", f"{six_nd * factor:.6g}")
        code, found = problems(datasets)
        hits = [p for p in found if rule in p["rule"]]
        if flagged:
            assert code == 2 and len(hits) == 1, factor
            assert (hits[0]["file"], hits[0]["line"], hits[0]["column"]) == ("training_runs.csv", line,
                                                                             "training_compute_flop")
            assert f"(x{factor:g})" in hits[0]["rule"]
        else:
            assert not hits, factor


def test_6nd_estimate_that_is_not_its_own_arithmetic_is_an_error(datasets):
    """A parameters_tokens compute more than the tolerance away from 6 x parameters x tokens is another estimate
    or a rounded copy (GLaM's hardware figure 5% above its 6ND); rounding within it passes, an exact power of ten
    is left to the exponent check, and a mixture of experts whose notes name the active parameters may sit below
    6ND of its total parameters."""
    path = datasets / "training_runs.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    i = next(i for i, r in enumerate(rows) if r["compute_estimation_method"] == "parameters_tokens"
             and r["parameters"] and r["training_tokens"] and r["training_compute_flop"]
             and "active" not in r["notes"].lower())
    six_nd = 6 * float(rows[i]["parameters"]) * float(rows[i]["training_tokens"])
    rule = "but 6ND from the row's own cells is"
    for factor, flagged in ((1.12, True), (0.8, True), (1.03, False), (1, False), (10, False)):
        line = edit_csv(path, i, "training_compute_flop", f"{six_nd * factor:.6g}")
        code, found = problems(datasets)
        hits = [p for p in found if rule in p["rule"]]
        if flagged:
            assert code == 2 and len(hits) == 1, factor
            assert (hits[0]["file"], hits[0]["line"], hits[0]["column"]) == ("training_runs.csv", line,
                                                                             "training_compute_flop")
        else:
            assert not hits, factor
    edit_csv(path, i, "training_compute_flop", f"{six_nd * 0.2:.6g}")
    edit_csv(path, i, "notes", rows[i]["notes"] + "; MoE: 6ND on the active parameters")
    _, found = problems(datasets)
    assert not [p for p in found if rule in p["rule"]]


def test_organizations_take_one_separator(datasets):
    """Organizations are listed `A,B`: a semicolon, a space beside the comma or an empty name is an error on
    the row's organization cell (69 rows once used `; `); a single name, or `A,B`, is not."""
    path = datasets / "training_runs.csv"
    rows = read_rows(path)
    i = next(i for i, r in enumerate(rows) if "," not in r["organization"])
    rule = "organizations are separated by a comma with no space beside it"
    for value, flagged in (("Alpha Lab; Beta University", True), ("Alpha Lab;Beta University", True),
                           ("Alpha Lab, Beta University", True), ("Alpha Lab ,Beta University", True),
                           ("Alpha Lab,,Beta University", True), ("Alpha Lab,", True),
                           ("Alpha Lab,Beta University", False), ("Alpha Lab", False)):
        line = edit_csv(path, i, "organization", value)
        code, found = problems(datasets)
        hits = [p for p in found if rule in p["rule"]]
        if flagged:
            assert code == 2 and len(hits) == 1, value
            assert (hits[0]["file"], hits[0]["line"], hits[0]["column"], hits[0]["value"]) == (
                "training_runs.csv", line, "organization", value)
        else:
            assert not hits, value


def test_clock_other_than_the_vendors_is_caught(datasets):
    """Issue 27 (sample 4, class E): the Arc A310 rated at TechPowerUp's 1750 MHz while its notes give Intel's
    2000 MHz graphics clock; the clock is an error at its line, and the vendor's clock passes."""
    path = datasets / "accelerators.csv"
    rows = read_rows(path)
    i = row_of(path, "accelerator_id", "intel-arc-a310")
    assert "states a graphics clock of" in rows[i]["notes"]
    line = edit_csv(path, i, "boost_clock_hz", "1.75e9")
    code, found = problems(datasets)
    off = of_check(found, "boost-clock-off-vendor-clock")
    assert code == 2 and [(p["line"], p["column"], p["value"]) for p in off] == [(line, "boost_clock_hz", "1.75e+09")]
    edit_csv(path, i, "notes", rows[i]["notes"].replace("Clock: Intel states", "Clock: TechPowerUp gives"))
    _, found = problems(datasets)
    assert not of_check(found, "boost-clock-off-vendor-clock")


def test_hedged_tdp_must_be_marked_secondary(datasets):
    """Issue 27 (sample 4, class D): a TDP the notes call 'commonly stated ... uncertain' (the V100 SXM3's 350 W)
    is an error where value_basis does not mark tdp_watts secondary, and passes once it does."""
    path = datasets / "accelerators.csv"
    i = row_of(path, "accelerator_id", "nvidia-v100-sxm3-32gb")
    line = edit_csv(path, i, "value_basis", "")
    code, found = problems(datasets)
    hedged = of_check(found, "tdp-hedged-not-secondary")
    assert code == 2 and [(p["line"], p["column"]) for p in hedged] == [(line, "value_basis")]
    edit_csv(path, i, "value_basis", "tdp_watts:secondary")
    _, found = problems(datasets)
    assert not of_check(found, "tdp-hedged-not-secondary")


def _launch_price_problems(found, check):
    return of_check(found, check, "error")


def test_later_memory_variant_with_the_earlier_ones_launch_price_is_an_error(datasets):
    """Issue 27 (sample 4, class B): the GTX 1050 3 GB of 2018 stored with the 2 GB card's 2016 USD 109. The later
    variant is flagged at its launch price, naming the earlier one; a price of its own passes."""
    path = datasets / "accelerators.csv"
    rows = {r["accelerator_id"]: r for r in read_rows(path)}
    earlier = rows["nvidia-gtx-1050"]
    i = row_of(path, "accelerator_id", "nvidia-gtx-1050-3gb")
    edit_csv(path, i, "launch_price_date", rows["nvidia-gtx-1050-3gb"]["release_date"])
    line = edit_csv(path, i, "launch_price_usd", earlier["launch_price_usd"])
    code, found = problems(datasets)
    (p,) = _launch_price_problems(found, "launch-price-of-other-memory-variant")
    assert code == 2 and (p["file"], p["line"], p["column"]) == ("accelerators.csv", line, "launch_price_usd")
    assert "nvidia-gtx-1050 " in p["rule"] and "earlier memory variant" in p["rule"]
    edit_csv(path, i, "launch_price_usd", str(float(earlier["launch_price_usd"]) + 10))
    _, found = problems(datasets)
    assert not _launch_price_problems(found, "launch-price-of-other-memory-variant")


def test_memory_variants_are_told_apart_by_name_only(datasets):
    """Two different cards with one price are not variants: the GTX 1050 Ti (4 GB) given the GTX 1050's price is
    not flagged, since its name differs by more than a memory size."""
    path = datasets / "accelerators.csv"
    rows = {r["accelerator_id"]: r for r in read_rows(path)}
    assert rows["nvidia-gtx-1050-ti"]["memory_bytes"] != rows["nvidia-gtx-1050"]["memory_bytes"]
    edit_csv(path, row_of(path, "accelerator_id", "nvidia-gtx-1050-ti"), "launch_price_usd",
             rows["nvidia-gtx-1050"]["launch_price_usd"])
    _, found = problems(datasets)
    assert not _launch_price_problems(found, "launch-price-of-other-memory-variant")


def test_launch_price_dated_long_after_release_is_flagged(datasets):
    """Issue 27 (class 7): a price dated months after the release is a street price or a later sibling's. The limit
    is the parameter launch-price-max-days-after-release: one day past it is flagged at the date (a warning, since a
    card first sold to OEMs gets its list price later), the limit itself passes."""
    import datetime as dt
    params = {r["parameter_id"]: r for r in read_rows(datasets / "parameters.csv")}
    days = int(float(params["launch-price-max-days-after-release"]["value"]))
    path = datasets / "accelerators.csv"
    i = row_of(path, "accelerator_id", "nvidia-gtx-1050")
    release = dt.date.fromisoformat(
        read_rows(path)[i]["release_date"])
    line = edit_csv(path, i, "launch_price_date", (release + dt.timedelta(days=days + 1)).isoformat())
    _, found = problems(datasets)
    (p,) = of_check(found, "launch-price-long-after-release")
    assert p["severity"] == "warning" and (p["line"], p["column"]) == (line, "launch_price_date")
    assert str(release) in p["value"]
    edit_csv(path, i, "launch_price_date", (release + dt.timedelta(days=days)).isoformat())
    _, found = problems(datasets)
    assert not of_check(found, "launch-price-long-after-release")


def test_launch_price_of_another_day_on_a_same_day_launch_is_an_error(datasets):
    """Issue 27 leftovers: a row whose basis says announced and launched the same day dates its launch price that
    day; a price of another day means the date is another product's (the HD 6950 1 GB carried the 2 GB card's
    launch) or was moved without its price. Any same-day row with a price is edited; the release basis 'launch'
    (no announcement day claimed) on the same edit passes."""
    import datetime as dt
    path = datasets / "accelerators.csv"
    rows = read_rows(path)
    i = next(k for k, r in enumerate(rows)
             if r["release_date_basis"] == "announcement_and_launch" and r["launch_price_date"])
    later = (dt.date.fromisoformat(rows[i]["release_date"]) + dt.timedelta(days=7)).isoformat()
    line = edit_csv(path, i, "launch_price_date", later)
    _, found = problems(datasets)
    (p,) = of_check(found, "launch-price-off-same-day-release")
    assert p["severity"] == "error" and (p["line"], p["column"]) == (line, "launch_price_date")
    assert later in p["value"] and rows[i]["release_date"] in p["value"]
    edit_csv(path, i, "release_date_basis", "launch")
    _, found = problems(datasets)
    assert not of_check(found, "launch-price-off-same-day-release")


def test_tpu_slice_cores_counted_as_chips(datasets):
    """A TPU v2/v3/v4 row whose accelerator_count equals a TensorCore count quoted in its notes (a slice name
    such as `v4-128`, or 'N cores') stores cores as chips (Octo: 128 stored, 64 chips): an error on the count.
    Half the quoted number, a GPU row, or a v5e slice name (which counts chips) is not flagged."""
    path = datasets / "training_runs.csv"
    rows = read_rows(path)
    tpu = next(i for i, r in enumerate(rows) if r["accelerator_id"] == "google-tpu-v4")
    gpu = next(i for i, r in enumerate(rows) if r["accelerator_id"].startswith("nvidia-"))
    rule = "equals the TensorCore count the notes quote"
    for i, accel, count, notes, flagged in (
            (tpu, "google-tpu-v4", "256", "trained on a TPU v4-256 slice for 2 days", True),
            (tpu, "google-tpu-v4", "128", "trained on a TPU v4-256 slice for 2 days", False),
            (tpu, "google-tpu-v3", "2048", "a TPUv3 Pod (2,048 TPU cores)", True),
            (tpu, "google-tpu-v3", "512", "on 512-core TPU v3 slices", True),
            (tpu, "google-tpu-v3", "256", "on 512 TPU v3 cores", False),
            (tpu, "google-tpu-v5e", "256", "a v5e-256 slice (v5e names count chips)", False),
            (gpu, rows[gpu]["accelerator_id"], "256", "compared with a v4-256 TPU slice", False)):
        edit_csv(path, i, "accelerator_id", accel)
        edit_csv(path, i, "notes", notes)
        line = edit_csv(path, i, "accelerator_count", count)
        code, found = problems(datasets)
        hits = [p for p in found if rule in p["rule"]]
        if flagged:
            assert code == 2 and len(hits) == 1, notes
            assert (hits[0]["file"], hits[0]["line"], hits[0]["column"], hits[0]["value"]) == (
                "training_runs.csv", line, "accelerator_count", count)
            assert hits[0]["severity"] == "error"
        else:
            assert not hits, notes


def test_publication_date_after_the_biorxiv_doi_date(datasets):
    """A dated bioRxiv DOI (10.1101/YYYY.MM.DD.N) gives the day v1 was deposited: a publication_date more than 14
    days later is a later version's date, a warning on the row's publication_date. An old numeric DOI, which
    carries no date, and a date within the 14 days are not flagged."""
    path = datasets / "training_runs.csv"
    rows = read_rows(path)
    i = next(i for i, r in enumerate(rows) if r["run_id"] != "prott5-xl-u50" and "arxiv" not in r["source_url"])
    rule = "after the day in the bioRxiv DOI"
    for url, date, flagged in (("https://www.biorxiv.org/content/10.1101/2020.07.12.199554v3", "2021-05-04", True),
                               ("https://www.biorxiv.org/content/10.1101/2020.07.12.199554v3.full.pdf", "2020-07-27",
                                True),
                               ("https://www.biorxiv.org/content/10.1101/2020.07.12.199554v1", "2020-07-26", False),
                               ("https://www.biorxiv.org/content/10.1101/704874v2.full.pdf", "2019-09-04", False)):
        edit_csv(path, i, "source_url", url)
        line = edit_csv(path, i, "publication_date", date)
        code, found = problems(datasets)
        hits = [p for p in found if rule in p["rule"]]
        if flagged:
            assert len(hits) == 1, (url, date)
            assert (hits[0]["file"], hits[0]["line"], hits[0]["column"], hits[0]["value"], hits[0]["severity"]) == (
                "training_runs.csv", line, "publication_date", date, "warning")
        else:
            assert not hits, (url, date)


def test_announced_tensor_cores_without_a_rate_still_mean_matrix_units(datasets):
    """Issue 27 (sample hw7, class H2): the Moore Threads MTT S80 stored with has_matrix_units false because no
    tensor rate is published, although its Chunxiao GPU was announced with 128 tensor cores. On every chip of the
    Chinese GPGPU families with tensor cores, false is an error at the row's has_matrix_units, naming the family;
    true with the tensor rate left empty passes."""
    path = datasets / "accelerators.csv"
    rows = read_rows(path)
    family = {"Moore Threads": "Moore Threads", "MetaX": "MetaX", "Biren": "Biren", "Iluvatar CoreX": "Iluvatar"}
    chips = [i for i, r in enumerate(rows) if r["vendor"] in family]
    assert {rows[i]["vendor"] for i in chips} == set(family)
    s80 = row_of(path, "accelerator_id", "moorethreads-mtt-s80")
    assert rows[s80]["fp16_flop_per_s"] == "" and rows[s80]["has_matrix_units"] == "true"
    for i in chips:
        edit_csv(path, i, "has_matrix_units", "false")
    code, found = problems(datasets)
    hits = of_check(found, "matrix-units-of-family")
    assert code == 2
    assert sorted((p["line"], p["column"], p["severity"]) for p in hits) == [(i + 2, "has_matrix_units", "error")
                                                                             for i in chips]
    for p in hits:
        vendor = rows[p["line"] - 2]["vendor"]
        assert f"every chip of its family has matrix units: {family[vendor]}" in p["rule"]
    for i in chips:
        edit_csv(path, i, "has_matrix_units", "true")
    _, found = problems(datasets)
    assert not of_check(found, "matrix-units-of-family")


def test_secondary_database_clock_and_data_rate_against_the_vendors_are_caught(datasets):
    """Issue 27 (sample hw7, class H1): the Radeon HD 2400 XT stored with TechPowerUp's 650 MHz and 1.0 Gbps where
    AMD's reference board runs at 700 MHz and 1.6 Gbps, and the GeForce 8800 GTS with TechPowerUp's 1188 MHz shader
    clock where NVIDIA states 1200 MHz. With the rates made consistent at the database's clocks (so the arithmetic
    checks pass), the clock and the data rate are errors at their lines; without the vendor's figure in notes,
    nothing is flagged."""
    path = datasets / "accelerators.csv"
    rows = read_rows(path)
    checks = ("boost-clock-off-vendor-clock", "pin-rate-off-vendor-rate")

    def flagged():
        code, found = problems(datasets)
        return code, sorted((p["check"], p["line"], p["column"]) for p in found if p.get("check") in checks)

    i = row_of(path, "accelerator_id", "amd-hd-2400-xt")
    bus = int(rows[i]["memory_bus_width_bits"])
    shaders = int(rows[i]["shader_count"])
    assert "Memory: AMD states a data rate of" in rows[i]["notes"] and "Clock: AMD states an engine clock" in rows[i]["notes"]
    for column, value in (("boost_clock_hz", "6.5e8"), ("fp32_flop_per_s", f"{2 * shaders * 6.5e8:g}"),
                          ("memory_pin_rate_bit_per_s", "1.0e9"), ("memory_bandwidth_bytes_per_s", f"{bus / 8 * 1e9:g}")):
        line = edit_csv(path, i, column, value)
    j = row_of(path, "accelerator_id", "nvidia-8800-gts-320")
    assert "Clock: NVIDIA states a shader clock of" in rows[j]["notes"]
    edit_csv(path, j, "boost_clock_hz", "1.188e9")
    line_j = edit_csv(path, j, "fp32_flop_per_s", f"{2 * int(rows[j]['shader_count']) * 1.188e9:g}")
    code, hits = flagged()
    assert code == 2 and hits == sorted([("boost-clock-off-vendor-clock", line, "boost_clock_hz"),
                                         ("pin-rate-off-vendor-rate", line, "memory_pin_rate_bit_per_s"),
                                         ("boost-clock-off-vendor-clock", line_j, "boost_clock_hz")])
    notes = rows[i]["notes"].replace("Memory: AMD states", "Memory: AMD's board has").replace("Clock: AMD states",
                                                                                               "Clock: AMD gives")
    edit_csv(path, i, "notes", notes)
    edit_csv(path, j, "notes", rows[j]["notes"].replace("Clock: NVIDIA states", "Clock: NVIDIA gives"))
    assert flagged()[1] == []


def test_precision_slower_than_the_compute_needs(datasets):
    """A run whose compute exceeds its chips' peak in the run's own precision, though the chip's faster rates
    would fit it, has a precision and a compute that cannot both be right (Epoch AI's 'FP32' beside its own
    estimate at the 16-bit tensor rate): an error on the precision. The same compute under a 16-bit label or no
    label, a compute within the FP32 peak, and one beyond every rate (the warning compute-above-peak) are not
    flagged by it."""
    path = datasets / "training_runs.csv"
    rows = read_rows(path)
    chips = {r["accelerator_id"]: r for r in read_rows(datasets / "accelerators.csv")}
    chip = next(a for a, r in chips.items() if r["fp32_flop_per_s"] and r["bf16_flop_per_s"]
                and float(r["bf16_flop_per_s"]) > 4 * float(r["fp32_flop_per_s"]))
    fp32, bf16 = float(chips[chip]["fp32_flop_per_s"]), float(chips[chip]["bf16_flop_per_s"])
    i = next(i for i, r in enumerate(rows) if r["training_compute_flop"] and r["accelerator_count"])
    count, hours = 100, 10
    seconds = count * hours * 3600
    edit_csv(path, i, "accelerator_id", chip)
    edit_csv(path, i, "accelerator_count", str(count))
    edit_csv(path, i, "training_duration_hours", str(hours))
    rule = "exceeds what the chips deliver at their"
    for precision, compute, flagged in (("fp32", 2 * fp32 * seconds, True),
                                        ("bf16", 2 * fp32 * seconds, False),
                                        ("", 2 * fp32 * seconds, False),
                                        ("fp32", 0.5 * fp32 * seconds, False),
                                        ("fp32", 1.5 * bf16 * seconds, False)):
        edit_csv(path, i, "training_compute_flop", f"{compute:.6g}")
        line = edit_csv(path, i, "precision", precision)
        code, found = problems(datasets)
        hits = [p for p in found if rule in p["rule"]]
        if flagged:
            assert code == 2 and len(hits) == 1, (precision, compute)
            assert (hits[0]["file"], hits[0]["line"], hits[0]["column"], hits[0]["value"], hits[0]["severity"]) == (
                "training_runs.csv", line, "precision", precision, "error")
            assert "FP32 peak" in hits[0]["rule"] and "utilization 2.00" in hits[0]["rule"]
        else:
            assert not hits, (precision, compute)


def test_chain_of_thought_said_in_notes_but_not_in_settings(datasets):
    """A result whose notes name chain-of-thought (`CoT`, `chain-of-thought`) while its settings do not has left
    the protocol in the notes on import: an error on settings. Settings that say it, notes that say it is absent
    (`no CoT`, `without chain-of-thought`) and a word that merely contains the letters are not flagged."""
    path = datasets / "benchmark_results.csv"
    rows = read_rows(path)
    # a row whose source has no other result of the same benchmark and shots (so no peer says CoT)
    i = next(i for i, r in enumerate(rows) if not r["settings"] and r["evaluator"] and sum(
        (o["evaluator"], o["benchmark_id"], o["shots"]) == (r["evaluator"], r["benchmark_id"], r["shots"])
        for o in rows) == 1)
    rule = "the notes say the result is chain-of-thought"
    for notes, settings, flagged in (("hub note: 5-shot CoT", "", True),
                                     ("evaluated with chain-of-thought prompting", "", True),
                                     ("Chain of thought, 8 exemplars", "maj@1", True),
                                     ("hub note: 5-shot CoT", "CoT", False),
                                     ("hub note: 5-shot CoT", "chain-of-thought, 5 exemplars", False),
                                     ("direct answer, no CoT", "", False),
                                     ("scored without chain-of-thought", "", False),
                                     ("the Cotton benchmark split", "", False)):
        edit_csv(path, i, "notes", notes)
        line = edit_csv(path, i, "settings", settings)
        code, found = problems(datasets)
        hits = [p for p in found if rule in p["rule"]]
        if flagged:
            assert code == 2 and len(hits) == 1, notes
            assert (hits[0]["file"], hits[0]["line"], hits[0]["column"], hits[0]["value"], hits[0]["severity"]) == (
                "benchmark_results.csv", line, "settings", settings, "error")
        else:
            assert not hits, notes


def test_announcement_date_must_be_cited_to_the_provider_or_the_developer(datasets):
    # a price dated by `provider_announcement` must cite a reference by the provider or by the model's developer:
    # a date from a price tracker or an aggregator's snapshot credited to the provider is the class of issue 31
    path = datasets / "inference_prices.csv"
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    index = next(i for i, r in enumerate(rows) if r["effective_date_basis"] == "provider_announcement")
    cited = rows[index]["effective_date_source"]
    line = edit_csv(path, index, "effective_date_source", "pydantic2026genaiprices")
    code, found = problems(datasets)
    hits = of_check(found, "price-announcement-not-by-provider")
    assert code == 2 and [(p["line"], p["column"], p["severity"]) for p in hits] == [
        (line, "effective_date_source", "error")]
    # the developer's own announcement dates a price even where another vendor sells the model
    edit_csv(path, index, "effective_date_source", cited)
    edit_csv(path, index, "provider", "Some Reseller")
    code, found = problems(datasets)
    assert not of_check(found, "price-announcement-not-by-provider"), found


def _far_above_peers(found):
    return [p for p in found if "median of the" in p["rule"] and p["column"] == "price_usd_per_hour"]


def test_undivided_instance_price_is_flagged_against_its_peers(datasets):
    """An 8-GPU instance's price stored as the price per GPU (the class of `cloud-price-far-above-peers`): the row
    is inside the 0.05 to 100 USD range, so only the comparison with the same chip's other prices finds it."""
    path = datasets / "cloud_prices.csv"
    rows = read_rows(path)
    h100 = [i for i, r in enumerate(rows) if r["accelerator_id"] == "nvidia-h100-sxm5-80gb"]
    prices = sorted(float(rows[i]["price_usd_per_hour"]) for i in h100)
    median = (prices[(len(prices) - 1) // 2] + prices[len(prices) // 2]) / 2
    # a row at or below the median, times 8, as an undivided p5.48xlarge or ND96isr_H100_v5 price would be
    index = next(i for i in h100 if float(rows[i]["price_usd_per_hour"]) <= median)
    undivided = round(float(rows[index]["price_usd_per_hour"]) * 8, 4)
    assert undivided <= 100  # the range check alone would let it through
    code, before = problems(datasets)
    line = edit_csv(path, index, "price_usd_per_hour", str(undivided))
    assert not [p for p in _far_above_peers(before) if p["line"] == line]
    code, found = problems(datasets)
    (hit,) = [p for p in _far_above_peers(found) if p["line"] == line]
    assert hit["file"] == "cloud_prices.csv" and hit["severity"] == "warning" and code == 0
    assert "divide by their number" in hit["hint"]


def test_derivative_compute_that_includes_its_base_is_held_to_the_base_run(datasets):
    """A derivative whose notes say its compute includes the base's may not exceed twice the base run's own
    compute (FLAN 137B once counted 6 x N x LaMDA-PT's corpus, 5.8 times run lamda); a row whose notes claim no
    inclusion, or a compute within the factor, is not flagged; the base's figure is read from the base's row."""
    path = datasets / "training_runs.csv"
    rows = read_rows(path)
    compute = {r["run_id"]: r["training_compute_flop"] for r in rows}
    i = next(i for i, r in enumerate(rows) if r["base_run_id"] and compute[r["base_run_id"]]
             and r["training_compute_flop"] and "compute includes" in r["notes"])
    base = float(compute[rows[i]["base_run_id"]])
    rule = "the notes say the compute includes the base model's"
    for factor, notes, flagged in ((2.5, rows[i]["notes"], True), (1.5, rows[i]["notes"], False),
                                   (2.5, "tuned from the base", False)):
        edit_csv(path, i, "notes", notes)
        line = edit_csv(path, i, "training_compute_flop", f"{base * factor:.6g}")
        code, found = problems(datasets)
        hits = [p for p in found if rule in p["rule"]]
        if flagged:
            assert code == 2 and len(hits) == 1, factor
            assert (hits[0]["file"], hits[0]["line"], hits[0]["column"]) == ("training_runs.csv", line,
                                                                             "training_compute_flop")
            assert f"base run `{rows[i]['base_run_id']}`" in hits[0]["rule"]
        else:
            assert not hits, (factor, notes)


def test_domain_other_needs_its_reason_in_notes(datasets):
    """`other` is not a placeholder for an empty source domain (GPT-5.2): it needs 'domain other: ...' in notes."""
    path = datasets / "training_runs.csv"
    rows = read_rows(path)
    i = next(i for i, r in enumerate(rows) if r["domain"] == "language")
    rule = "domain is `other`, and the notes do not say why"
    for notes, flagged in ((rows[i]["notes"], True), ("domain other -> language", True),
                           ("domain other: a recommender system", False)):
        edit_csv(path, i, "notes", notes)
        line = edit_csv(path, i, "domain", "other")
        code, found = problems(datasets)
        hits = [p for p in found if rule in p["rule"]]
        if flagged:
            assert code == 2 and [(p["line"], p["column"]) for p in hits] == [(line, "domain")], notes
        else:
            assert not hits, notes


def test_domain_set_from_the_benchmarks_a_model_is_scored_on_is_an_error(datasets):
    """Issue 28, ninth sample: 107 hub-derived runs took `language` 'because it is evaluated on text benchmarks',
    23 of them multimodal by their developers' pages (Gemini 1.5 Flash). A domain resting on that reason is
    flagged at the domain, whatever the domain; a note that names the developer's input modalities passes."""
    path = datasets / "training_runs.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    i = next(i for i, r in enumerate(rows) if r["domain"] == "language")
    rule = "the notes say the domain was set because the model is evaluated on text benchmarks"
    for notes, domain, flagged in (
            ("domain language because it is evaluated on text benchmarks (the hub gives no domain)", "language", True),
            ("Domain multimodal because the model is evaluated on benchmarks of both kinds", "multimodal", True),
            ("domain language: the developer's card gives text input and output only", "language", False)):
        edit_csv(path, i, "notes", notes)
        line = edit_csv(path, i, "domain", domain)
        code, found = problems(datasets)
        hits = [p for p in found if rule in p["rule"]]
        if flagged:
            assert code == 2 and [(p["line"], p["column"], p["value"]) for p in hits] == [(line, "domain", domain)], notes
        else:
            assert not hits, notes


def test_mixed_method_needs_the_combination_in_notes(datasets):
    """Issue 28, ninth sample: gpt-oss-20b and Xception were `mixed` though one formula gives each value. `mixed`
    is flagged at the method unless the notes say 'compute mixed: ...' (which estimates were combined); the
    word 'mixed' elsewhere in the notes (mixed precision) does not count, and a single method passes."""
    path = datasets / "training_runs.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    i = next(i for i, r in enumerate(rows) if r["compute_estimation_method"] == "hardware_time")
    rule = "compute_estimation_method is `mixed`, but the notes do not say which estimates were combined"
    for notes, method, flagged in (("60 K80 x 30 days x 8.5 TFLOP/s x 0.33", "mixed", True),
                                   ("trained in mixed precision", "mixed", True),
                                   ("compute mixed: geometric mean of 6ND and a hardware estimate", "mixed", False),
                                   ("60 K80 x 30 days x 8.5 TFLOP/s x 0.33", "hardware_time", False)):
        edit_csv(path, i, "notes", notes)
        line = edit_csv(path, i, "compute_estimation_method", method)
        code, found = problems(datasets)
        hits = [p for p in found if rule in p["rule"]]
        if flagged:
            assert code == 2 and [(p["line"], p["column"]) for p in hits] == [(line, "compute_estimation_method")], notes
        else:
            assert not hits, notes


def test_cached_input_price_at_or_above_the_uncached_price_is_an_error(datasets):
    """Issue 31 (prices since 2026): a price page lists cache hit beside cache miss (DeepSeek's 'input tokens
    (cache hit)' row above '(cache miss)'); swapped, the cache-read price is the higher one. Flagged at the cached
    price, naming the input price; a cached price below the input price passes."""
    path = datasets / "inference_prices.csv"
    rows = read_rows(path)
    i = next(k for k, r in enumerate(rows) if r["input_usd_per_mtok"] and r["cached_input_usd_per_mtok"])
    uncached, cached = rows[i]["input_usd_per_mtok"], rows[i]["cached_input_usd_per_mtok"]
    edit_csv(path, i, "input_usd_per_mtok", cached)
    line = edit_csv(path, i, "cached_input_usd_per_mtok", uncached)
    code, found = problems(datasets)
    (p,) = of_check(found, "cached-input-above-input")
    assert code == 2 and p["severity"] == "error"
    assert (p["file"], p["line"], p["column"]) == ("inference_prices.csv", line, "cached_input_usd_per_mtok")
    assert f"{float(cached):g}" in p["rule"]
    edit_csv(path, i, "input_usd_per_mtok", uncached)
    edit_csv(path, i, "cached_input_usd_per_mtok", cached)
    _, found = problems(datasets)
    assert not of_check(found, "cached-input-above-input")


def test_batch_price_above_the_standard_price_is_an_error(datasets):
    """A batch (asynchronous) price is a discount: one above the same row's standard price is a swapped tier."""
    path = datasets / "inference_prices.csv"
    rows = read_rows(path)
    i = next(k for k, r in enumerate(rows) if r["input_usd_per_mtok"] and r["output_usd_per_mtok"])
    standard_output = float(rows[i]["output_usd_per_mtok"])
    edit_csv(path, i, "batch_input_usd_per_mtok", rows[i]["input_usd_per_mtok"])
    line = edit_csv(path, i, "batch_output_usd_per_mtok", str(standard_output * 2))
    code, found = problems(datasets)
    (p,) = of_check(found, "batch-price-above-standard")
    assert code == 2 and (p["line"], p["column"]) == (line, "batch_input_usd_per_mtok")
    edit_csv(path, i, "batch_output_usd_per_mtok", str(standard_output / 2))
    _, found = problems(datasets)
    assert not of_check(found, "batch-price-above-standard")


def test_a_model_dated_after_the_preview_its_notes_name_is_an_error(datasets):
    """Issue 28, eighth sample: GPT-5.6 was dated by its general availability though its notes named the
    2026-06-26 preview. A publication date after the preview the notes date is flagged at the date; on or before
    it passes, and both ways of writing the preview's date are read."""
    path = datasets / "training_runs.csv"
    rows = read_rows(path)
    i = next(i for i, r in enumerate(rows) if r["run_id"] == "gpt-3-175b")
    rule = "publication_date is after the preview the row's notes date"
    for notes, date, flagged in (("a preview of 2020-05-01 went to partners", "2020-06-11", True),
                                 ("the 2020-05-01 limited preview", "2020-06-11", True),
                                 ("a preview of 2020-05-01 went to partners", "2020-05-01", False),
                                 ("no preview", "2020-06-11", False)):
        edit_csv(path, i, "notes", notes)
        line = edit_csv(path, i, "publication_date", date)
        code, found = problems(datasets)
        hits = [p for p in found if rule in p["rule"]]
        if flagged:
            assert [(p["line"], p["column"], p["value"]) for p in hits] == [(line, "publication_date", date)], notes
            assert "(2020-05-01)" in hits[0]["rule"]
        else:
            assert not hits, notes


def _die_area_errors(found):
    return of_check(found, "die-area-differs-on-one-die", "error")


def test_one_die_stored_with_two_areas_is_an_error(datasets):
    """Issue 27 (sample hw8, F1): Tahiti stored as 365 mm2 on the HD 7990 and 352 mm2 on the other Tahiti cards.
    Giving one Tahiti row another area is an error at its line (and on the rows it now disagrees with)."""
    path = datasets / "accelerators.csv"
    rows = read_rows(path)
    tahiti = [r for r in rows if r["die"] == "Tahiti" and r["die_size_mm2"]]
    assert len(tahiti) > 2 and len({r["die_size_mm2"] for r in tahiti}) == 1
    other = str(float(tahiti[0]["die_size_mm2"]) - 13)
    line = edit_csv(path, row_of(path, "accelerator_id", tahiti[0]["accelerator_id"]), "die_size_mm2", other)
    code, found = problems(datasets)
    errors = _die_area_errors(found)
    assert code == 2 and len(errors) == len(tahiti)
    (mine,) = [p for p in errors if p["line"] == line]
    assert mine["column"] == "die_size_mm2" and "Tahiti" in mine["rule"] and "vendor's figure" in mine["hint"]


def test_die_area_check_skips_rows_without_a_die_or_area(datasets):
    """An empty die_size_mm2 (unknown stays empty) or an empty die is not compared."""
    path = datasets / "accelerators.csv"
    rows = read_rows(path)
    i = next(k for k, r in enumerate(rows) if r["die"] == "Tahiti")
    edit_csv(path, i, "die", "")
    edit_csv(path, i, "die_size_mm2", "300")
    j = next(k for k, r in enumerate(rows) if r["die"] == "Tahiti" and k != i)
    edit_csv(path, j, "die_size_mm2", "")
    _, found = problems(datasets)
    assert not _die_area_errors(found)


def _refresh_tdp_warnings(found):
    return of_check(found, "refresh-tdp-equals-base", "warning")


def test_refresh_edition_with_the_original_cards_tdp_is_flagged(datasets):
    """Issue 27 (sample hw8, G2): the HD 7950 Boost was stored with the plain HD 7950's TDP; a refresh edition whose
    TDP equals its base card's row is a warning at its line, naming the base card."""
    path = datasets / "accelerators.csv"
    rows = read_rows(path)
    base = next(r for r in rows if r["accelerator_id"] == "amd-hd-7950")
    boost = next(r for r in rows if r["accelerator_id"] == "amd-hd-7950-boost")
    assert boost["tdp_watts"] != base["tdp_watts"]
    _, found = problems(datasets)
    assert not [p for p in _refresh_tdp_warnings(found) if "amd-hd-7950" in p["rule"]]
    line = edit_csv(path, row_of(path, "accelerator_id", "amd-hd-7950-boost"), "tdp_watts", base["tdp_watts"])
    _, found = problems(datasets)
    (p,) = [p for p in _refresh_tdp_warnings(found) if p["line"] == line]
    assert p["column"] == "tdp_watts" and "amd-hd-7950," in p["rule"] + "," and "vendor's figure" in p["hint"]


def test_refresh_tdp_check_needs_the_base_cards_row(datasets):
    """Without a row of the card it refreshes (name less the suffix), an edition is not compared."""
    path = datasets / "accelerators.csv"
    rows = read_rows(path)
    base = next(i for i, r in enumerate(rows) if r["accelerator_id"] == "amd-hd-7950")
    edit_csv(path, row_of(path, "accelerator_id", "amd-hd-7950-boost"), "tdp_watts", rows[base]["tdp_watts"])
    edit_csv(path, base, "name", "AMD Radeon HD 7950 (original)")
    _, found = problems(datasets)
    assert not [p for p in _refresh_tdp_warnings(found) if "amd-hd-7950" in p["rule"]]


def _sibling_tdp_warnings(found):
    return of_check(found, "tdp-below-faster-sibling", "warning")


def test_tdp_below_a_slower_sibling_of_the_same_silicon_is_flagged(datasets):
    """Issue 27 (sample hw11, T1): the RX 590 carried TechPowerUp's 175 W, below the slower RX 580's 185 W (AMD:
    225 W). A card whose TDP is below that of a row of the same silicon at a lower boost clock is a warning at
    its line, naming that row."""
    path = datasets / "accelerators.csv"
    rows = {r["accelerator_id"]: r for r in read_rows(path)}
    fast, slow = rows["amd-rx-590"], rows["amd-rx-580"]
    assert float(fast["boost_clock_hz"]) > float(slow["boost_clock_hz"])
    assert float(fast["tdp_watts"]) >= float(slow["tdp_watts"])
    _, found = problems(datasets)
    assert not [p for p in _sibling_tdp_warnings(found) if "amd-rx-580" in p["rule"]]
    line = edit_csv(path, row_of(path, "accelerator_id", "amd-rx-590"), "tdp_watts",
                    str(float(slow["tdp_watts"]) - 10))
    _, found = problems(datasets)
    (p,) = [p for p in _sibling_tdp_warnings(found) if p["line"] == line]
    assert p["column"] == "tdp_watts" and "amd-rx-580" in p["rule"] and "vendor's figure" in p["hint"]


def test_sibling_tdp_check_compares_only_the_same_silicon_and_segment(datasets):
    """A card of another market segment or another chip (transistor count) is not a sibling."""
    path = datasets / "accelerators.csv"
    slow = next(r for r in read_rows(path) if r["accelerator_id"] == "amd-rx-580")
    edit_csv(path, row_of(path, "accelerator_id", "amd-rx-590"), "tdp_watts", str(float(slow["tdp_watts"]) - 10))
    i = row_of(path, "accelerator_id", "amd-rx-580")
    edit_csv(path, i, "market_segment", "workstation")
    _, found = problems(datasets)
    assert not [p for p in _sibling_tdp_warnings(found) if "amd-rx-580" in p["rule"]]
    edit_csv(path, i, "market_segment", slow["market_segment"])
    edit_csv(path, i, "transistors", str(float(slow["transistors"]) * 1.1))
    _, found = problems(datasets)
    assert not [p for p in _sibling_tdp_warnings(found) if "amd-rx-580" in p["rule"]]


def test_tdp_other_than_the_vendors_stated_power_is_an_error(datasets):
    """Issue 27 (sample hw11, T1): a row whose notes give the vendor's power ('Power: AMD states a board power of
    225 W') with another tdp_watts is an error at its line; without that sentence the TDP is not compared."""
    path = datasets / "accelerators.csv"
    rows = read_rows(path)
    i = row_of(path, "accelerator_id", "amd-rx-590")
    stated = re.search(r"Power: AMD states a board power of ([0-9]+) W", rows[i]["notes"]).group(1)
    assert float(rows[i]["tdp_watts"]) == float(stated)
    line = edit_csv(path, i, "tdp_watts", str(float(stated) - 50))
    code, found = problems(datasets)
    (p,) = of_check(found, "tdp-off-vendor-power", "error")
    assert code == 2 and p["line"] == line and p["column"] == "tdp_watts" and f"({stated} W)" in p["rule"]
    edit_csv(path, i, "notes", rows[i]["notes"].replace("Power: AMD states", "AMD gives"))
    _, found = problems(datasets)
    assert not of_check(found, "tdp-off-vendor-power")


def test_workstation_memory_rate_of_the_secondary_source_is_an_error(datasets):
    """Issue 27 (sample hw11, M1): the RTX 2000 Ada carried TechPowerUp's 16 Gbps and 256 GB/s where NVIDIA gives
    14 Gbps and 224 GB/s. With the vendor's rate in notes, the secondary source's rate (and a bandwidth at it) is
    an error at the row's line."""
    path = datasets / "accelerators.csv"
    rows = read_rows(path)
    i = row_of(path, "accelerator_id", "nvidia-rtx-2000-ada")
    rate = float(re.search(r"Memory: NVIDIA states a data rate of ([0-9.]+) Gbps", rows[i]["notes"]).group(1)) * 1e9
    assert float(rows[i]["memory_pin_rate_bit_per_s"]) == rate
    edit_csv(path, i, "memory_pin_rate_bit_per_s", str(rate * 16 / 14))
    line = edit_csv(path, i, "memory_bandwidth_bytes_per_s",
                    str(float(rows[i]["memory_bus_width_bits"]) / 8 * rate * 16 / 14))
    code, found = problems(datasets)
    (p,) = of_check(found, "pin-rate-off-vendor-rate", "error")
    assert code == 2 and p["line"] == line and p["column"] == "memory_pin_rate_bit_per_s"


def _variant_date_errors(found):
    return of_check(found, "unverified-date-of-memory-variant", "error")


def test_memory_variant_dated_with_its_siblings_launch_is_an_error(datasets):
    """Issue 27 (sample hw8, G1): the RX 6500 XT 8 GB (Sapphire's card of July 2022) was dated with the 4 GB
    card's launch, basis unverified. An unverified date equal to a memory variant's is an error at its line."""
    path = datasets / "accelerators.csv"
    rows = read_rows(path)
    small = next(r for r in rows if r["accelerator_id"] == "amd-rx-6500-xt-4gb")
    big = row_of(path, "accelerator_id", "amd-rx-6500-xt-8gb")
    assert rows[big]["release_date"] != small["release_date"]
    line = edit_csv(path, big, "release_date", small["release_date"])
    edit_csv(path, big, "release_date_basis", "unverified")
    code, found = problems(datasets)
    (p,) = _variant_date_errors(found)
    assert code == 2 and (p["line"], p["column"]) == (line, "release_date") and "amd-rx-6500-xt-4gb" in p["rule"]


def test_memory_variants_announced_together_with_their_own_basis_pass(datasets):
    """Variants the vendor announced on one day (RTX 4060 Ti 8 GB and 16 GB) share a date with a basis of their
    own; only an unverified basis makes the shared day suspect, and a variant of another die is not a sibling."""
    path = datasets / "accelerators.csv"
    rows = read_rows(path)
    a, b = (next(r for r in rows if r["accelerator_id"] == k) for k in ("nvidia-rtx-4060-ti-8gb", "nvidia-rtx-4060-ti-16gb"))
    assert a["release_date"] == b["release_date"] and "unverified" not in (a["release_date_basis"], b["release_date_basis"])
    _, found = problems(datasets)
    assert not _variant_date_errors(found)
    i = row_of(path, "accelerator_id", "nvidia-rtx-4060-ti-16gb")
    edit_csv(path, i, "release_date_basis", "unverified")
    edit_csv(path, i, "die", "AD107")
    _, found = problems(datasets)
    assert not _variant_date_errors(found)


def _clock_unverified(found):
    return [p for p in found if p.get("check") == "clock-unverified-in-notes"]


def test_notes_admitting_an_unverified_clock_are_an_error(datasets):
    """Issue 27 (sample hw9, class H2): the R7 240 and R7 250 kept Epoch AI's base clock with 'the boost clock is
    not verified here' in notes while AMD states a higher boost clock. Such an admission is an error at the row's
    line; the shipped notes, which give the vendor's clock, pass."""
    path = datasets / "accelerators.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    _, found = problems(datasets)
    assert not _clock_unverified(found)
    i = row_of(path, "accelerator_id", "amd-r7-250")
    assert "Clock: AMD states a boost clock of" in rows[i]["notes"]
    line = edit_csv(path, i, "notes", rows[i]["notes"] + " The engine clock is unverified; the rates use Epoch's.")
    code, found = problems(datasets)
    (p,) = _clock_unverified(found)
    assert code == 2 and (p["line"], p["column"], p["severity"]) == (line, "boost_clock_hz", "error")
    # a clock stated by the vendor in the same words, without the admission, is not flagged
    edit_csv(path, i, "notes", rows[i]["notes"] + " The engine clock is stated by AMD.")
    _, found = problems(datasets)
    assert not _clock_unverified(found)


def _series_date_errors(found):
    return [p for p in found if p.get("check") == "unverified-date-before-series-launch"]


def test_unverified_date_before_the_series_launch_in_notes_is_an_error(datasets):
    """Issue 27 (sample hw9, class D): the R7 250 kept Epoch AI's 2013-08-08 (unverified) while its notes gave
    2013-10-08, the day its series sibling R7 260X is dated announcement_and_launch. That is an error at its line;
    the same date is not flagged once the basis is the row's own, nor when the notes do not give the later day."""
    path = datasets / "accelerators.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    i = row_of(path, "accelerator_id", "amd-r7-250")
    sibling = next(r for r in rows if r["accelerator_id"] == "amd-r7-260x")
    assert sibling["release_date_basis"] != "unverified" and sibling["release_date"] in rows[i]["notes"]
    _, found = problems(datasets)
    assert not _series_date_errors(found)
    line = edit_csv(path, i, "release_date", "2013-08-08")
    edit_csv(path, i, "release_date_basis", "unverified")
    code, found = problems(datasets)
    (p,) = _series_date_errors(found)
    assert code == 2 and (p["line"], p["column"], p["value"]) == (line, "release_date", "2013-08-08")
    named = next(r for r in rows if f" {r['accelerator_id']}, a card of the same series" in p["rule"])
    assert sibling["release_date"] in p["rule"] and named["release_date"] == sibling["release_date"]
    assert named["name"].startswith("AMD Radeon R7 2") and named["release_date_basis"] != "unverified"
    edit_csv(path, i, "notes", rows[i]["notes"].replace(sibling["release_date"], "a later day"))
    _, found = problems(datasets)
    assert not _series_date_errors(found)


def test_resold_launch_price_dated_by_the_developer_must_be_the_developers_price(datasets):
    # a cloud's or router's launch-day price dated only by the developer's announcement (issue 31's launch rows):
    # the announcement dates the developer's own price, so the reseller's may differ by the 10% regional premium
    # at most; more needs the reseller's own dated post
    rule = "price-resold-differs-from-announcement"
    path = datasets / "inference_prices.csv"
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with (datasets / "training_runs.csv").open(newline="", encoding="utf-8") as f:
        developer = {r["run_id"]: r["organization"].lower() for r in csv.DictReader(f)}
    own = {(r["run_id"], r["effective_date"]): r for r in rows
           if r["effective_date"] and r["provider"].lower() == developer.get(r["run_id"])}
    index, dev = next((i, own[(r["run_id"], r["effective_date"])]) for i, r in enumerate(rows)
                      if r["effective_date_basis"] == "provider_announcement"
                      and r["provider"].lower() != developer.get(r["run_id"])
                      and (r["run_id"], r["effective_date"]) in own)
    price = float(dev["input_usd_per_mtok"])
    code, found = problems(datasets)
    assert not [p for p in found if p.get("check") == rule], found
    edit_csv(path, index, "input_usd_per_mtok", f"{price * 1.1:g}")  # the regional premium
    code, found = problems(datasets)
    assert not [p for p in found if p.get("check") == rule], found
    line = edit_csv(path, index, "input_usd_per_mtok", f"{price * 1.5:g}")
    code, found = problems(datasets)
    hits = [p for p in found if p.get("check") == rule]
    assert code == 2 and [(p["line"], p["column"], p["severity"]) for p in hits] == [
        (line, "input_usd_per_mtok", "error")]
    assert dev["provider"] in hits[0]["rule"]
    # a price far below the developer's is flagged too: the rule is two-sided
    edit_csv(path, index, "input_usd_per_mtok", f"{price / 1.5:g}")
    code, found = problems(datasets)
    assert [p["line"] for p in found if p.get("check") == rule] == [line]
    # the reseller's own dated post may state another price
    with (datasets / "references.bib").open("a", encoding="utf-8") as f:
        f.write("\n@misc{resellerpost,\n  title = {Launch post},\n  author = {{Some Reseller}},\n  year = {2026},\n"
                "  url = {https://example.org/launch},\n  urldate = {2026-12-07}\n}\n")
    edit_csv(path, index, "provider", "Some Reseller")
    edit_csv(path, index, "effective_date_source", rows[index]["effective_date_source"] + ";resellerpost")
    code, found = problems(datasets)
    assert not [p for p in found if p.get("check") == rule], found


def test_a_price_history_commit_named_by_a_short_hash_is_an_error(datasets):
    """Issue 31 (prices first seen in pydantic/genai-prices' git history): a row dated by a commit names it in
    source_url. A short hash, a branch or a tag is flagged at source_url (it can become ambiguous or move); the
    full 40-character hash passes, and so does a URL that is not a commit."""
    path = datasets / "inference_prices.csv"
    rows = read_rows(path)
    i = next(k for k, r in enumerate(rows) if "/commit/" in r["source_url"])
    full = rows[i]["source_url"]
    base, sha = full.rsplit("/", 1)
    assert len(sha) == 40
    for bad in (f"{base}/{sha[:8]}", f"{base}/main", f"{base}/{sha.upper()}"):
        line = edit_csv(path, i, "source_url", bad)
        code, found = problems(datasets)
        (p,) = of_check(found, "price-commit-url-not-full")
        assert code == 2 and (p["file"], p["line"], p["column"]) == ("inference_prices.csv", line, "source_url")
    for good in (full, "https://github.com/pydantic/genai-prices"):
        edit_csv(path, i, "source_url", good)
        _, found = problems(datasets)
        assert not of_check(found, "price-commit-url-not-full")


def test_parameters_tokens_label_on_a_compute_that_is_not_6nd(datasets):
    """`parameters_tokens` (6ND) on a compute that is a chips x hours x peak x 0.3 product with no tokens
    (RetinaNet-R101, issue 28 tenth sample) is an error on the method. A 6ND figure and a product at an unround
    utilization are not flagged; a compute off its own 6ND is compute-off-its-6nd's (on the compute), not this."""
    path = datasets / "training_runs.csv"
    rows = read_rows(path)
    fp32 = {r["accelerator_id"]: float(r["fp32_flop_per_s"]) for r in read_rows(datasets / "accelerators.csv")
            if r["fp32_flop_per_s"]}
    i = next(i for i, r in enumerate(rows) if r["precision"] == "fp32" and r["accelerator_id"] in fp32
             and r["accelerator_count"] and r["training_duration_hours"] and r["parameters"])
    r = rows[i]
    product = float(r["accelerator_count"]) * float(r["training_duration_hours"]) * 3600 * fp32[r["accelerator_id"]]
    six_nd_tokens = f"{product * 0.3 / (6 * float(r['parameters'])):.6g}"
    rule = "compute_estimation_method is `parameters_tokens`"
    edit_csv(path, i, "compute_estimation_method", "parameters_tokens")
    for compute, tokens, flagged in ((product * 0.3, "", True), (product * 0.4, "", True),
                                     (product * 0.37, "", False), (product * 0.3, six_nd_tokens, False),
                                     (product * 0.3 * 0.3, six_nd_tokens, False),
                                     (product * 0.3 * 1.3, six_nd_tokens, False)):
        edit_csv(path, i, "training_tokens", tokens)
        line = edit_csv(path, i, "training_compute_flop", f"{compute:.6g}")
        code, found = problems(datasets)
        hits = [p for p in found if rule in p["rule"]]
        if flagged:
            assert code == 2 and len(hits) == 1, (compute, tokens)
            assert (hits[0]["file"], hits[0]["line"], hits[0]["column"], hits[0]["severity"]) == (
                "training_runs.csv", line, "compute_estimation_method", "error")
        else:
            assert not hits, (compute, tokens)
    assert [p["column"] for p in of_check(found, "compute-off-its-6nd")] == ["training_compute_flop"]


def test_parameters_tokens_run_needs_its_tokens(datasets):
    """A run labelled `parameters_tokens` (6ND) with no training_tokens cannot be checked against its own 6ND
    (CPM's corpus size, NVLM-D's base-model compute; issue 28, leftovers): an error on the empty tokens. The
    same row labelled `mixed` with its combination stated, or with its tokens back, is not flagged."""
    path = datasets / "training_runs.csv"
    rows = read_rows(path)
    i = next(i for i, r in enumerate(rows) if r["compute_estimation_method"] == "parameters_tokens"
             and r["training_tokens"] and r["training_compute_flop"] and not r["accelerator_count"])
    tokens = rows[i]["training_tokens"]
    assert not of_check(problems(datasets)[1], "parameters-tokens-without-tokens")
    line = edit_csv(path, i, "training_tokens", "")
    code, found = problems(datasets)
    (p,) = of_check(found, "parameters-tokens-without-tokens")
    assert code == 2 and (p["file"], p["line"], p["column"], p["severity"]) == (
        "training_runs.csv", line, "training_tokens", "error")
    edit_csv(path, i, "compute_estimation_method", "mixed")
    edit_csv(path, i, "notes", "compute mixed: a sum of two stages")
    assert not of_check(problems(datasets)[1], "parameters-tokens-without-tokens")
    edit_csv(path, i, "compute_estimation_method", "parameters_tokens")
    edit_csv(path, i, "training_tokens", tokens)
    assert not of_check(problems(datasets)[1], "parameters-tokens-without-tokens")


def test_run_dated_long_before_every_dated_version_of_its_results(datasets):
    """A run whose results are all of dated versions (`-2024-09-12`, Google's `-exp-02-05`), the earliest more
    than 30 days after its publication_date, kept a family's announcement date (Gemini 2.0 Pro at Gemini 2.0
    Flash's 2024-12-11): an error on the date. Within 30 days, or with a 'publication_date checked' note, or with
    one undated version among the results, it is not flagged."""
    runs, results = datasets / "training_runs.csv", datasets / "benchmark_results.csv"
    rows, res = read_rows(runs), read_rows(results)
    run_ids = {r["run_id"] for r in rows}
    rid = next(r["run_id"] for r in res if r["run_id"] in run_ids and sum(o["run_id"] == r["run_id"] for o in res) > 1)
    i = row_of(runs, "run_id", rid)
    mine = [j for j, r in enumerate(res) if r["run_id"] == rid]
    rule = "every result of the run is of a dated version"
    edit_csv(runs, i, "notes", "")
    edit_csv(runs, i, "base_run_id", "")
    for j in mine:
        edit_csv(results, j, "model_version", "x-exp-02-05" if j == mine[0] else "x-2025-03-01")
    for date, note, undated, flagged in (("2024-12-11", "", False, True), ("2025-01-20", "", False, False),
                                         ("2024-12-11", "publication_date checked: the announcement", False, False),
                                         ("2024-12-11", "", True, False)):
        edit_csv(results, mine[-1], "model_version", "x-latest" if undated else "x-2025-03-01")
        edit_csv(runs, i, "notes", note)
        line = edit_csv(runs, i, "publication_date", date)
        code, found = problems(datasets)
        hits = [p for p in found if rule in p["rule"]]
        if flagged:
            assert code == 2 and len(hits) == 1, (date, note, undated)
            assert (hits[0]["file"], hits[0]["line"], hits[0]["column"], hits[0]["value"]) == (
                "training_runs.csv", line, "publication_date", date)
            assert "`x-exp-02-05` (2025-02-05)" in hits[0]["rule"]
        else:
            assert not hits, (date, note, undated)


def _sibling_announcement(found, check):
    return [p for p in found if p.get("check") == check]


def test_launch_dated_weeks_after_a_same_die_siblings_announcement_is_flagged(datasets):
    """Issue 27 (sample hw10, class D2): the GTX 1650 SUPER was dated at its 2019-11-22 sale, although NVIDIA
    announced it on 2019-10-29 with the GTX 1660 SUPER (same TU116 die). A `launch` date within the parameter
    launch-after-sibling-announcement-max-days of a same-die sibling's announcement is a warning at its line; the
    limit itself is flagged, a day past it is not, and the row's own announcement basis is not."""
    import datetime as dt
    check = "launch-dated-after-sibling-announcement"
    params = {r["parameter_id"]: r for r in csv.DictReader(io.StringIO(
        (datasets / "parameters.csv").read_text(encoding="utf-8")))}
    days = int(float(params["launch-after-sibling-announcement-max-days"]["value"]))
    path = datasets / "accelerators.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    i = row_of(path, "accelerator_id", "nvidia-gtx-1650-super")
    sibling = next(r for r in rows if r["accelerator_id"] == "nvidia-gtx-1660-super")
    assert sibling["die"] == rows[i]["die"] and sibling["release_date_basis"].startswith("announcement")
    announced = dt.date.fromisoformat(sibling["release_date"])
    _, found = problems(datasets)
    assert not _sibling_announcement(found, check)
    line = edit_csv(path, i, "release_date_basis", "launch")
    edit_csv(path, i, "release_date", (announced + dt.timedelta(days=days)).isoformat())
    code, found = problems(datasets)
    (p,) = _sibling_announcement(found, check)
    assert (p["line"], p["column"], p["severity"]) == (line, "release_date", "warning")
    assert "nvidia-gtx-1660-super" in p["rule"] and f"{days} days" in p["rule"]
    edit_csv(path, i, "release_date", (announced + dt.timedelta(days=days + 1)).isoformat())
    _, found = problems(datasets)
    assert not _sibling_announcement(found, check)
    edit_csv(path, i, "release_date", (announced + dt.timedelta(days=days)).isoformat())
    edit_csv(path, i, "release_date_basis", "announcement")
    _, found = problems(datasets)
    assert not _sibling_announcement(found, check)


def test_launch_basis_on_a_same_die_siblings_announcement_day_is_an_error(datasets):
    """Issue 27 (sample hw10, class D2): the GTX 1660 SUPER carried basis `launch` on 2019-10-29, the day the GTX
    1650 SUPER (same die) is dated by their joint announcement. That is an error at the basis; the same day with
    basis announcement_and_launch, or a sibling whose own basis is `launch`, passes."""
    check = "launch-on-sibling-announcement-day"
    path = datasets / "accelerators.csv"
    i = row_of(path, "accelerator_id", "nvidia-gtx-1660-super")
    j = row_of(path, "accelerator_id", "nvidia-gtx-1650-super")
    _, found = problems(datasets)
    assert not _sibling_announcement(found, check)
    line = edit_csv(path, i, "release_date_basis", "launch")
    code, found = problems(datasets)
    (p,) = _sibling_announcement(found, check)
    assert code == 2 and (p["line"], p["column"], p["value"]) == (line, "release_date_basis", "launch")
    assert "nvidia-gtx-1650-super" in p["rule"]
    edit_csv(path, j, "release_date_basis", "launch")
    _, found = problems(datasets)
    assert not _sibling_announcement(found, check)


def test_launch_basis_without_a_recorded_search(datasets):
    """Issue 27, class 6 (hwd2): 44 rows were dated by their launch with notes admitting 'an earlier announcement
    not checked'; six were announced-and-launched days. A `launch` basis whose notes say no search was made is an
    error at the basis; notes silent on a search warn; another basis passes."""
    error, warning = "launch-date-announcement-not-checked", "launch-date-unsearched"
    path = datasets / "accelerators.csv"
    excepted = {r["row_key"] for r in read_rows(datasets / "check_exceptions.csv") if r["check_name"] == warning}
    rows = read_rows(path)
    i = next(k for k, r in enumerate(rows) if r["release_date_basis"] == "launch"
             and r["accelerator_id"] not in excepted)
    _, found = problems(datasets)
    assert not of_check(found, error) and not of_check(found, warning)
    line = edit_csv(path, i, "notes", "Date: launched per two secondary lists.")
    code, found = problems(datasets)
    (p,) = of_check(found, warning, "warning")
    assert code == 0 and (p["line"], p["column"], p["value"]) == (line, "release_date_basis", "launch")
    assert not of_check(found, error)
    edit_csv(path, i, "notes", "Date: launched per two lists (an earlier announcement not checked).")
    code, found = problems(datasets)
    (p,) = of_check(found, error, "error")
    assert code == 2 and (p["line"], p["column"]) == (line, "release_date_basis")
    edit_csv(path, i, "release_date_basis", "announcement_and_launch")
    _, found = problems(datasets)
    assert not of_check(found, error) and not of_check(found, warning)


def test_launch_price_dated_after_its_announcement(datasets):
    # issue 31, class A: a developer's first dated price of a model, after the model's publication, while the
    # notes speak of its announcement or preview, is a launch price dated by general availability
    import datetime as dt

    path = datasets / "inference_prices.csv"
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with (datasets / "training_runs.csv").open(newline="", encoding="utf-8") as f:
        runs = {r["run_id"]: r for r in csv.DictReader(f)}
    # a developer's row dated on its model's publication day, the only dated row of that provider and model
    index = next(i for i, r in enumerate(rows) if r["effective_date"] and r["run_id"] in runs
                 and r["provider"].lower() == runs[r["run_id"]]["organization"].lower()
                 and r["effective_date"] == runs[r["run_id"]]["publication_date"]
                 and r["effective_date_basis"] in ("price_history", "provider_announcement")
                 and sum(o["run_id"] == r["run_id"] and o["provider"] == r["provider"] for o in rows) == 1)
    row = rows[index]
    later = (dt.date.fromisoformat(row["effective_date"]) + dt.timedelta(days=13)).isoformat()
    edit_csv(path, index, "observed_date", max(later, row["observed_date"]))
    edit_csv(path, index, "notes", "the launch price of the preview announcement")
    line = edit_csv(path, index, "effective_date", later)
    code, found = problems(datasets)
    hits = of_check(found, "launch-price-dated-after-announcement")
    assert code == 2 and [(p["line"], p["column"], p["value"], p["severity"]) for p in hits] == [
        (line, "effective_date", later, "error")]
    # notes that do not speak of the launch (a price cut, a promotion's end) are not flagged
    edit_csv(path, index, "notes", "the price after the cut")
    code, found = problems(datasets)
    assert not of_check(found, "launch-price-dated-after-announcement"), found
    # nor is a later price of a model whose earlier price is on file
    edit_csv(path, index, "notes", "the launch price of the preview announcement")
    other = dict(row, price_id=row["price_id"] + "-earlier", observed_date=row["effective_date"],
                 effective_date="", effective_date_basis="", effective_date_source="")
    with path.open("a", newline="", encoding="utf-8") as f:
        csv.DictWriter(f, fieldnames=list(row), lineterminator="\n").writerow(other)
    code, found = problems(datasets)
    assert not of_check(found, "launch-price-dated-after-announcement"), found


def test_a_content_farm_site_may_not_be_cited(datasets):
    # issue 31, class B: a reference whose URL is on a reviewed content-farm host may not be cited by any row;
    # the problem is located at the citing row and column, whatever the URL's scheme, `www.` or subdomain
    from compute_atlas.metadata.vocabularies import CONTENT_FARM_HOSTS

    host = sorted(CONTENT_FARM_HOSTS)[0]
    path = datasets / "inference_prices.csv"
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    index = next(i for i, r in enumerate(rows) if r["source"] and not r["effective_date_source"])
    line = edit_csv(path, index, "source", rows[index]["source"] + ";farmtest2026")
    bib = datasets / "references.bib"
    text = bib.read_text(encoding="utf-8")
    for url, flagged in ((f"https://{host}/guide/page", True), (f"http://www.{host}/x", True),
                         (f"https://blog.{host}/x", True), (f"https://not{host}/x", False),
                         (f"https://example.org/{host}/x", False)):
        bib.write_text(text + "\n@misc{farmtest2026,\n  title = {A guide},\n  author = {{A Site}},\n  year = {2026},\n"
                       f"  url = {{{url}}},\n  urldate = {{2026-12-07}}\n}}\n", encoding="utf-8")
        code, found = problems(datasets)
        hits = of_check(found, "cites-content-farm")
        if flagged:
            assert code == 2 and [(p["file"], p["line"], p["column"], p["value"], p["severity"]) for p in hits] == [
                ("inference_prices.csv", line, "source", "farmtest2026", "error")], (url, found[:3])
        else:
            assert not hits, url


def test_launch_price_the_notes_call_not_a_list_price_is_an_error(datasets):
    """Issue 27 (class 7, hwprice27): the Radeon Pro Vega II rows stored Apple's Mac Pro upgrade charge as the launch
    price while their own notes said so. A priced row whose notes say its price is an upgrade charge, a reseller or
    street price or a rumour is flagged at the price; the same words about a removed price (empty cells) are not."""
    path = datasets / "accelerators.csv"
    rows = {r["accelerator_id"]: r for r in read_rows(path)}
    priced = next(k for k, r in rows.items() if r["launch_price_usd"] and r["launch_price_date"])
    i = row_of(path, "accelerator_id", priced)
    line = edit_csv(path, i, "notes", rows[priced]["notes"] + " The launch price is a reseller listing on eBay.")
    _, found = problems(datasets)
    (p,) = of_check(found, "launch-price-noted-as-not-list")
    assert p["severity"] == "error" and (p["line"], p["column"]) == (line, "launch_price_usd")
    assert "reseller" in p["rule"]
    edit_csv(path, i, "launch_price_usd", "")
    edit_csv(path, i, "launch_price_date", "")
    _, found = problems(datasets)
    assert not of_check(found, "launch-price-noted-as-not-list")


def _checked(found, check):
    return [(p["line"], p["column"], p["value"]) for p in of_check(found, check)]


def test_unverified_release_date_without_a_record_of_the_search_is_an_error(datasets):
    """Issue 27 (class 6): a release date kept `unverified` must say in notes what was searched, so that the next
    reviewer can tell whether it was ever looked for. Every shipped unverified row does; one whose notes lose the
    record is an error at its notes, and the same notes under a basis of its own day are not flagged."""
    path = datasets / "accelerators.csv"
    rows = read_rows(path)
    unverified = [i for i, r in enumerate(rows) if r["release_date_basis"] == "unverified"]
    assert unverified and all("search" in rows[i]["notes"].lower() for i in unverified)
    i = unverified[0]
    notes = re.sub(r"(?i)search\w*", "looked", rows[i]["notes"])
    line = edit_csv(path, i, "notes", notes)
    code, found = problems(datasets)
    assert code == 2 and _checked(found, "release-date-unverified-unsearched") == [(line, "notes", "unverified")]
    edit_csv(path, i, "notes", notes.replace("Date unverified", "Date"))
    edit_csv(path, i, "release_date_basis", "launch")
    _, found = problems(datasets)
    assert not of_check(found, "release-date-unverified-unsearched")


def test_month_or_year_only_release_date_whose_notes_do_not_say_so_is_an_error(datasets):
    """Issue 27 (class 6): a month_only date is stored as the 1st, a year_only one as 1 July; notes must say which
    part is known, or a reader takes the placeholder for the day. Dropping the words is an error naming the part."""
    path = datasets / "accelerators.csv"
    rows = read_rows(path)
    for basis, part in (("month_only", "month"), ("year_only", "year")):
        i = next(i for i, r in enumerate(rows) if r["release_date_basis"] == basis)
        notes = re.sub(rf"(?i)only the {part}|{part} only|the {part} is stored", "the date", rows[i]["notes"])
        line = edit_csv(path, i, "notes", notes)
        code, found = problems(datasets)
        assert code == 2 and _checked(found, "release-date-partial-not-said") == [(line, "notes", basis)]
        (p,) = of_check(found, "release-date-partial-not-said")
        assert f"only the {part} is known" in p["rule"]
        edit_csv(path, i, "notes", rows[i]["notes"])
    _, found = problems(datasets)
    assert not of_check(found, "release-date-partial-not-said")


def test_operation_count_divided_by_batch_size(datasets):
    """A compute whose notes quote a formula dividing by the batch size (Big-Little Net: Epoch AI's '/16 (batch
    size)', issue 28 eleventh sample) is an error on the compute; a batch size that multiplies (steps x batch
    size) or a division described in words is not flagged."""
    path = datasets / "training_runs.csv"
    rows = read_rows(path)
    i = next(i for i, r in enumerate(rows) if r["training_compute_flop"])
    for notes, flagged in (("9.32e9 FLOP per image x 1.28e6 images / 16 (batch size) x 110 epochs x 3 = 2.46e17", True),
                           ("forward FLOP x 1.28e6 ÷ 256 batch size x 3", True),
                           ("4.5e5 steps /512 (global batch size)", True),
                           ("3.1e6 mini-batches x 2,048 (batch size) positions x 3", False),
                           ("the source divides the product by the batch size (16); redone without it", False)):
        line = edit_csv(path, i, "notes", notes)
        code, found = problems(datasets)
        hits = of_check(found, "compute-divided-by-batch-size")
        if flagged:
            assert code == 2 and len(hits) == 1, notes
            assert (hits[0]["file"], hits[0]["line"], hits[0]["column"], hits[0]["severity"]) == (
                "training_runs.csv", line, "training_compute_flop", "error")
            assert "batch size" in hits[0]["rule"]
        else:
            assert not hits, notes


def test_operation_count_without_backward_factor(datasets):
    """An operation count (operation_counting) whose notes state no backward-pass factor counts forward passes
    only (Big-Little Net speech: 980e6 x 27.36e6 x 16, issue 28 eleventh sample): an error on the compute. A
    formula with x 3, 2 x 3, x 3.5 or the word 'backward' is not flagged, nor is the same text on another method."""
    path = datasets / "training_runs.csv"
    rows = read_rows(path)
    i = next(i for i, r in enumerate(rows) if r["compute_estimation_method"] == "operation_counting")
    forward_only = "980e6 FLOP per example x 27.36e6 examples x 16 epochs = 4.29e17"
    for method, notes, flagged in (("operation_counting", forward_only, True),
                                   ("operation_counting", "", True),
                                   ("operation_counting", "17.9e9 FLOP x 300 epochs x 1.28e6 images x 30", True),
                                   ("operation_counting", forward_only + " x 3 = 1.29e18", False),
                                   ("operation_counting", "1.5e9 multiply-adds x 2 x 3 x 1.2e6 x 140", False),
                                   ("operation_counting", "17.9e9 x 300 x 1.28e6 x 3.5", False),
                                   ("operation_counting", "forward FLOP x 3.1M x 2,048 (forward and backward)", False),
                                   ("hardware_time", forward_only, False)):
        edit_csv(path, i, "compute_estimation_method", method)
        line = edit_csv(path, i, "notes", notes)
        code, found = problems(datasets)
        hits = of_check(found, "operation-count-without-backward-factor")
        if flagged:
            assert code == 2 and len(hits) == 1, notes
            assert (hits[0]["file"], hits[0]["line"], hits[0]["column"], hits[0]["severity"]) == (
                "training_runs.csv", line, "training_compute_flop", "error")
        else:
            assert not hits, (method, notes)


def test_launch_price_left_on_a_replaced_release_date_is_an_error(datasets):
    """Sample hw11, class P1: a release_date corrected without its launch price date leaves the price on the old day,
    which is neither the announcement nor the on-sale day. Any row whose notes record a replaced release_date
    ('release_date X -> Y') gets its price dated X: an error at the price date; notes saying the price is kept on
    that day on purpose ('Launch price stays dated X') or that X is the on-sale day clear it."""
    import re
    path = datasets / "accelerators.csv"
    rows = read_rows(path)
    pattern = re.compile(r"release_date (\d{4}-\d\d-\d\d) ->")
    i, old = next((k, m.group(1)) for k, r in enumerate(rows) if r["launch_price_usd"]
                  for m in [pattern.search(r["notes"])] if m and m.group(1) != r["release_date"]
                  and f"on sale {m.group(1)}" not in r["notes"] and f"stays dated {m.group(1)}" not in r["notes"])
    line = edit_csv(path, i, "launch_price_date", old)
    _, found = problems(datasets)
    (p,) = of_check(found, "launch-price-on-replaced-release-date")
    assert p["severity"] == "error" and (p["line"], p["column"]) == (line, "launch_price_date")
    assert p["value"] == old and rows[i]["release_date"] in p["rule"]
    edit_csv(path, i, "notes", rows[i]["notes"] + f" Launch price stays dated {old}: reviewed.")
    _, found = problems(datasets)
    assert not of_check(found, "launch-price-on-replaced-release-date")
    edit_csv(path, i, "notes", rows[i]["notes"] + f" The card went on sale {old}.")
    _, found = problems(datasets)
    assert not of_check(found, "launch-price-on-replaced-release-date")
