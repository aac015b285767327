"""The package's shape: no import cycle, no decision function too long to test, the README names every module.

These read the source, not the corpus: they hold on any machine with the dev dependencies.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import grimp
import pytest
from radon.complexity import cc_visit

SRC = Path(__file__).resolve().parent.parent / "src" / "unref"
README = Path(__file__).resolve().parent.parent / "README.md"
MAX_COMPLEXITY = 25  # cyclomatic complexity (radon), the ceiling the project holds every function to


def _modules() -> list[str]:
    out = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC.parent).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        out.append(".".join(parts))
    return out


def test_no_module_imports_back_into_its_importer() -> None:
    """A cycle is an import a -> b where b reaches a again, directly or through other modules, at any depth
    (imports inside functions count: they run too)."""
    graph = grimp.build_graph("unref", include_external_packages=False)
    cycles = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back:
                cycles.append(f"{importer} -> {' -> '.join(back)}")
    assert cycles == []


def test_no_function_is_more_complex_than_the_ceiling() -> None:
    too_complex = []
    for path in sorted(SRC.rglob("*.py")):
        for block in cc_visit(path.read_text(encoding="utf-8")):
            if block.complexity > MAX_COMPLEXITY:
                too_complex.append(f"{path.relative_to(SRC)}:{block.lineno} {block.name} ({block.complexity})")
    assert too_complex == []


def test_the_readme_names_every_module() -> None:
    """The README's module map lists every module of src/unref by its path (e.g. `read/pdf/glyphs.py`)."""
    text = README.read_text(encoding="utf-8")
    missing = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if "/migrations/" in rel and path.name != "__init__.py":
            continue  # one file per schema version: the README names the folder
        name = rel.removesuffix("/__init__.py") + "/" if rel.endswith("/__init__.py") else rel
        if rel == "__init__.py":
            name = "__init__.py"
        if f"`{name}`" not in text:
            missing.append(name)
    assert missing == []


@pytest.mark.parametrize("module", _modules())
def test_every_module_says_what_it_is_for(module: str) -> None:
    path = SRC.parent.joinpath(*module.split("."))
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    doc = ast.get_docstring(tree)
    assert doc and re.search(r"\w", doc), f"{module} has no module docstring"
