"""Sessions: `nox -s quick`, `nox -s tests`, `nox -s lint`, `nox -s build`, `nox -s bench`.

`.ci/run` and the forge workflow run the same sessions. The test sessions install the pinned environment of
requirements/test.lock, then the project without its dependencies; `nox -R -s quick` reuses an environment
without installing again."""

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["lint", "tests"]

#: The tested environment, every package pinned (tests/test_lock.py holds it to pyproject.toml).
TEST_LOCK = "requirements/test.lock"
LINT_LOCK = "requirements/lint.lock"


def install_locked(session: nox.Session) -> None:
    session.install("-r", TEST_LOCK)
    session.install("-e", ".", "--no-deps")


@nox.session
def build(session: nox.Session) -> None:
    """Validate the datasets and build the database and the site into build/."""
    session.install("-e", ".")
    session.run("compute-atlas", "build", *session.posargs)


@nox.session
def quick(session: nox.Session) -> None:
    """The fast loop (under 2 minutes on 2 cores): unit, metadata, validation and derived-arithmetic tests and
    the first bad-input case of each file; no site, no browser, nothing marked slow."""
    install_locked(session)
    session.run("pytest", "-m", "not site and not browser and not slow", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite, browser tests included (they need Debian's chromium)."""
    install_locked(session)
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff on the code, the pipeline steps, the tools and the tests."""
    session.install("-r", LINT_LOCK)
    session.run("ruff", "check", "src", "pipeline", "tests", "tools", "noxfile.py", "docs")


@nox.session
def bench(session: nox.Session) -> None:
    """The whole build against DuckDB's own floor (typed load, Parquet and CSV export); writes build/bench.json."""
    install_locked(session)
    session.run("python", "-m", "compute_atlas.bench", *session.posargs)
