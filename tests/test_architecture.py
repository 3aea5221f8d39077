"""The package's architecture, read from its source: no import cycle between subpackages (nor between modules),
and no vocabulary written out again outside ``compute_atlas.metadata.vocabularies``.

Imports are read with ``ast``, all of them: at module level, inside functions and under ``TYPE_CHECKING``, so
that a cycle cannot hide behind a function-local import.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest

from compute_atlas import paths
from compute_atlas.metadata import vocabularies

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "compute_atlas"


def package_dirs(root: Path) -> dict[str, Path]:
    """Each top package's folder, as pyproject.toml maps it (``compute_atlas.pipeline`` is ``pipeline/``)."""
    config = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]
    mapping = config.get("package-dir", {})
    base = root / mapping.get("", ".")
    out = {PACKAGE: base / PACKAGE}
    out.update({name: root / folder for name, folder in mapping.items() if name.startswith(PACKAGE + ".")})
    return out


def modules(dirs: dict[str, Path]) -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, is a package's ``__init__``)."""
    out: dict[str, tuple[Path, bool]] = {}
    for name, folder in dirs.items():
        for path in sorted(folder.rglob("*.py")):
            parts = [*name.split("."), *path.relative_to(folder).with_suffix("").parts]
            is_package = parts[-1] == "__init__"
            dotted = ".".join(parts[:-1] if is_package else parts)
            out[dotted] = (path, is_package)
    return out


def imports(mods: dict[str, tuple[Path, bool]]) -> dict[str, dict[str, int]]:
    """Module -> the package's modules it imports, with the line of the first import of each."""
    edges: dict[str, dict[str, int]] = defaultdict(dict)
    for name, (path, is_package) in mods.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = name.split(".") if is_package else name.split(".")[:-1]
                    base = base[:len(base) - (node.level - 1)]
                    module = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    module = node.module or ""
                # `from pkg import mod` imports the module; `from mod import name` imports mod
                targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in mods else module for a in node.names]
            else:
                continue
            for target in targets:
                while target and target not in mods:
                    target = target.rpartition(".")[0]  # `import a.b.c` of a module a.b, or a name in it
                if target and target != name:
                    edges[name].setdefault(target, node.lineno)
    return edges


def subpackage(module: str) -> str:
    """The unit of the cycle rule: ``compute_atlas.<first part>`` (a top-level module is its own unit)."""
    return ".".join(module.split(".")[:2])


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def package_cycles(root: Path) -> list[str]:
    """Each cycle between subpackages, in words: the subpackages and the imports that close it."""
    mods = modules(package_dirs(root))
    edges = imports(mods)
    graph: dict[str, set[str]] = defaultdict(set)
    why: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a, targets in edges.items():
        for b, line in targets.items():
            pa, pb = subpackage(a), subpackage(b)
            if pa != pb:
                graph[pa].add(pb)
                why[pa, pb].append(f"{a} (line {line}) imports {b}")
    out = []
    for component in cycles(graph):
        members = set(component)
        links = [w for (pa, pb), ws in sorted(why.items()) if pa in members and pb in members for w in ws]
        out.append(f"cycle between {', '.join(component)}:\n    " + "\n    ".join(links))
    return out


def module_cycles(root: Path) -> list[str]:
    mods = modules(package_dirs(root))
    edges = imports(mods)
    graph = {a: set(targets) for a, targets in edges.items()}
    out = []
    for component in cycles(graph):
        members = set(component)
        links = [f"{a} (line {line}) imports {b}" for a in component for b, line in sorted(edges[a].items())
                 if b in members]
        out.append(f"cycle between modules {', '.join(component)}:\n    " + "\n    ".join(links))
    return out


def test_the_reader_sees_every_module_and_its_imports():
    mods = modules(package_dirs(ROOT))
    assert {"compute_atlas.schemas", "compute_atlas.schemas._base", "compute_atlas.pipeline.trend_fits",
            "compute_atlas.validate.rules", "compute_atlas.sql"} <= set(mods)
    edges = imports(mods)
    # an absolute import from a pipeline step, relative imports, and `from . import module`
    assert "compute_atlas.publish.steps" in edges["compute_atlas.pipeline.trend_fits"]
    assert "compute_atlas.metadata.declarations" in edges["compute_atlas.schemas._base"]
    assert {"compute_atlas.validate.query", "compute_atlas.validate.plausibility"} <= set(
        edges["compute_atlas.validate.rules"])
    assert "compute_atlas.validate.names" in edges["compute_atlas.validate.plausibility"]


def test_no_import_cycle_between_subpackages():
    found = package_cycles(ROOT)
    assert not found, "\n".join(found)


def test_no_import_cycle_between_modules():
    found = module_cycles(ROOT)
    assert not found, "\n".join(found)


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_a_cycle_is_found_and_named(tmp_path):
    """The rule fails on a deliberate cycle, even one closed by a function-local or a TYPE_CHECKING import."""
    _write(tmp_path, {
        "pyproject.toml": '[tool.setuptools]\npackage-dir = { "" = "src", "compute_atlas.pipeline" = "steps" }\n',
        "src/compute_atlas/__init__.py": "",
        "src/compute_atlas/a/__init__.py": "",
        "src/compute_atlas/a/one.py": "from ..b.two import f\n",
        "src/compute_atlas/b/__init__.py": "",
        "src/compute_atlas/b/two.py": "def f():\n    from ..c import g\n",
        "src/compute_atlas/c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from compute_atlas.a import one\n",
        "src/compute_atlas/d.py": "from compute_atlas.a.one import f\n",
        "steps/__init__.py": "",
        "steps/x.py": "from compute_atlas.a import one\n",
    })
    (found,) = package_cycles(tmp_path)
    assert found.startswith("cycle between compute_atlas.a, compute_atlas.b, compute_atlas.c:")
    assert "compute_atlas.a.one (line 1) imports compute_atlas.b.two" in found
    assert "compute_atlas.b.two (line 2) imports compute_atlas.c" in found
    assert "compute_atlas.c (line 3) imports compute_atlas.a.one" in found
    assert "compute_atlas.d" not in found and "pipeline" not in found  # they import into the cycle, not back
    assert module_cycles(tmp_path)
    (tmp_path / "src/compute_atlas/c.py").write_text("")
    assert package_cycles(tmp_path) == [] and module_cycles(tmp_path) == []


def _vocabularies() -> dict[frozenset[str], str]:
    out = {}
    for name, value in vars(vocabularies).items():
        if name.isupper() and isinstance(value, tuple | dict) and len(value) > 1 and all(
                isinstance(v, str) for v in value):
            out[frozenset(value)] = name
    return out


@pytest.mark.parametrize("vocabulary", sorted(_vocabularies().values()))
def test_vocabulary_is_used(vocabulary):
    """Every vocabulary is imported by some module (else it is dead, or its users still write it out)."""
    mods = modules(package_dirs(ROOT))
    users = [m for m, (path, _) in mods.items() if m != vocabularies.__name__
             and vocabulary in path.read_text(encoding="utf-8")]
    assert users, f"{vocabulary} is used nowhere"


def test_no_vocabulary_is_written_out_again():
    """A literal list of two or more strings that equals a vocabulary of ``compute_atlas.metadata.vocabularies``
    (in any order) is a second definition: import the constant instead."""
    known = _vocabularies()
    found = []
    for module, (path, _) in modules(package_dirs(ROOT)).items():
        if module == vocabularies.__name__:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.List | ast.Tuple | ast.Set) and len(node.elts) > 1 and all(
                    isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
                values = frozenset(e.value for e in node.elts)
                if values in known:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} writes out {known[values]}")
    assert not found, "\n".join(found)


def test_sql_steps_spell_the_16bit_precisions_as_the_vocabulary():
    """SQL cannot import: the one step that computes the best 16-bit tensor rate lists the formats of the
    vocabulary, and no other step lists them (the Python steps build the list from the vocabulary)."""
    lists = {path.name: re.findall(r"precision IN \(([^)]*)\)", path.read_text(encoding="utf-8"))
             for path in sorted(paths.PIPELINE_DIR.glob("*.sql"))}
    found = {name: [set(re.findall(r"'(\w+)'", x)) for x in found] for name, found in lists.items() if found}
    assert list(found) == ["accelerator_efficiency.sql"]
    assert found["accelerator_efficiency.sql"] == [set(vocabularies.SIXTEEN_BIT_PRECISIONS)] * 2
