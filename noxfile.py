"""Sessions: `nox -s build`, `nox -s tests`, `nox -s lint`, `nox -s bench`.

`.ci/run` and the forge workflow run the same sessions."""

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["lint", "tests"]


@nox.session
def build(session: nox.Session) -> None:
    """Validate the datasets and build the database and the site into build/."""
    session.install("-e", ".")
    session.run("compute-atlas", "build", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite, browser tests included (they need Debian's chromium)."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff on the code, the pipeline steps, the tools and the tests."""
    session.install("ruff>=0.8")
    session.run("ruff", "check", "src", "pipeline", "tests", "tools", "noxfile.py", "docs")


@nox.session
def bench(session: nox.Session) -> None:
    """The whole build against DuckDB's own floor (typed load, Parquet and CSV export); writes build/bench.json."""
    session.install("-e", ".[test]", "frictionless>=5")
    session.run("python", "-m", "compute_atlas.bench", *session.posargs)
