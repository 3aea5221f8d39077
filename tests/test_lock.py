"""requirements/*.lock: the pinned environments that nox and CI install agree with pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import PackageNotFoundError, requires

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from conftest import CHECKOUT

PYPROJECT = tomllib.loads((CHECKOUT / "pyproject.toml").read_text())
LOCKS = sorted((CHECKOUT / "requirements").glob("*.lock"))
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[A-Za-z0-9.+!-]+)$")


def pins(path) -> dict[str, Version]:
    """The lock's pins by canonical name; every line is a comment, blank, or `name==version`."""
    out: dict[str, Version] = {}
    for n, line in enumerate(path.read_text().splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = PIN.match(line)
        assert m, f"{path.name}:{n}: not a `name==version` pin: {line!r}"
        name = canonicalize_name(m["name"])
        assert name not in out, f"{path.name}:{n}: {name} pinned twice"
        out[name] = Version(m["version"])
    return out


def test_the_locks_are_plain_pins_with_no_index_or_host():
    """Every line a pin (no options, URLs or paths: `pins` refuses them), and no registry named even in a comment:
    pip installs from whatever index its user configured."""
    assert {p.name for p in LOCKS} >= {"test.lock", "lint.lock", "nox.lock"}
    for path in LOCKS:
        assert pins(path), path.name
        assert not re.search(r"://|index-url|pypi|pythonhosted", path.read_text(), re.I), path.name


def required(extra: str | None) -> list[Requirement]:
    reqs = PYPROJECT["project"]["dependencies"] if extra is None else PYPROJECT["project"]["optional-dependencies"][extra]
    return [r for r in map(Requirement, reqs) if canonicalize_name(r.name) != "compute-atlas"]


def extra_requirements(req: Requirement) -> list[Requirement]:
    """What the extras of ``req`` (``pandera[polars]``) add, from the installed package's metadata."""
    if not req.extras:
        return []
    try:
        declared = requires(req.name) or []
    except PackageNotFoundError:
        pytest.fail(f"{req.name} is not installed: its extras {sorted(req.extras)} cannot be checked")
    out = []
    for text in declared:
        r = Requirement(text)
        if r.marker and any(r.marker.evaluate({**default_environment(), "extra": e}) for e in req.extras) \
                and not r.marker.evaluate({**default_environment(), "extra": ""}):
            out.append(r)
    return out


@pytest.mark.parametrize("lock,extra", [("test.lock", None), ("test.lock", "test"), ("lint.lock", "dev")])
def test_every_dependency_in_pyproject_has_a_pin_that_satisfies_it(lock, extra):
    pinned = pins(CHECKOUT / "requirements" / lock)
    reqs = required(extra)
    if lock == "lint.lock":  # the dev extra's tools: ruff in lint.lock, nox in nox.lock
        pinned = {**pinned, **pins(CHECKOUT / "requirements" / "nox.lock")}
    for req in [*reqs, *(r for q in reqs for r in extra_requirements(q))]:
        name = canonicalize_name(req.name)
        assert name in pinned, f"{req} (pyproject.toml) has no pin in requirements/{lock}"
        assert req.specifier.contains(pinned[name], prereleases=True), \
            f"requirements/{lock} pins {name}=={pinned[name]}, which {req} excludes"
