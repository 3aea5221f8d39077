"""Property-based: malformed CSV bytes never make the loader raise; every problem has a location."""

import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compute_atlas.publish.database import validate

from conftest import DATASETS

FILE = "accelerators.csv"
VALID = (DATASETS / FILE).read_bytes()
HEAD = VALID[: VALID.index(b"\n", VALID.index(b"\n", VALID.index(b"\n") + 1) + 1) + 1]  # header and 2 rows

#: Problems that concern the whole file rather than a line.
FILE_LEVEL = ("file is missing", "header does not match", "the file cannot be read")


def mutate(data: bytes, position: int, insert: bytes, delete: int) -> bytes:
    position %= len(data) + 1
    return data[:position] + insert + data[position + delete:]


@pytest.mark.slow
@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.integers(0, 10_000), delete=st.integers(0, 20),
       insert=st.one_of(st.binary(max_size=20),
                        st.sampled_from([b'"', b",", b"\r", b"\r\n", b"\n", b"\xef\xbb\xbf", b"\xff", b"\x00",
                                         b'""', b",,,,", b"=cmd()", b"  ", b"nan", b"1e999", b"-1"])))
def test_malformed_bytes_give_located_problems_or_pass(tmp_path_factory, position, delete, insert):
    datasets = tmp_path_factory.mktemp("ds")
    shutil.copy2(DATASETS / "references.bib", datasets / "references.bib")
    (datasets / FILE).write_bytes(mutate(HEAD, position, insert, delete))
    loaded = validate(datasets)  # must not raise
    for p in loaded.problems:
        if p.file == FILE:
            assert p.line is not None or p.rule.startswith(FILE_LEVEL), p
            assert p.line is None or p.line >= 1


@settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(tmp_path_factory, data):
    datasets = tmp_path_factory.mktemp("ds")
    (datasets / FILE).write_bytes(data)
    (datasets / "references.bib").write_bytes(data)
    loaded = validate(datasets)  # must not raise
    # at most 300 bytes cannot hold the file's header (over 400 bytes): the file is an error, never passed over
    assert any(p.file == FILE and p.severity == "error" for p in loaded.problems)


@settings(max_examples=200, deadline=None, database=None)
@given(body=st.lists(st.sampled_from([b"a", b",", b"\r", b"\n", b"\r\n", b"\xc3\xa9", b"\xff", b"\xef\xbb\xbf"]),
                     max_size=40),
       chunk=st.integers(1, 7))
def test_streaming_scan_agrees_with_the_precise_check(tmp_path_factory, body, chunk):
    """The fast pass over a file flags exactly the files that the precise check finds a problem in."""
    from compute_atlas.ingest.load import check_hygiene, scan_file

    header = ["a", "b"]
    data = b"a,b\n" + b"".join(body)
    path = tmp_path_factory.mktemp("scan") / "f.csv"
    path.write_bytes(data)
    assert scan_file(path, chunk_bytes=chunk).clean(header) == (check_hygiene("f.csv", data, header) == [])
