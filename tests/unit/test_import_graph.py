"""The package's modules import one another in one direction only (no cycles).

A cycle hidden behind ``if TYPE_CHECKING:`` is still a cycle of ideas, so every
``import`` statement counts, wherever it sits in the module.
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "checklist"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, known: set[str]) -> set[str]:
    """The package modules `path` imports (``from a import b`` counts ``a.b`` if a module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found & known


def import_graph() -> dict[str, set[str]]:
    """Each ``checklist`` module mapped to the package modules it imports."""
    paths = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    known = set(paths)
    return {
        name: {other for other in _imports(path, known) if other != name}
        for name, path in paths.items()
    }


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as a list of module names, or [] when there is none."""
    # A package's __init__ importing its own submodules is not a cycle of ideas.
    edges = {
        name: {other for other in targets if not other.startswith(f"{name}.")}
        for name, targets in graph.items()
    }
    try:
        tuple(TopologicalSorter(edges).static_order())
    except CycleError as exc:
        return list(exc.args[1])
    return []


def test_the_graph_sees_real_imports() -> None:
    """The graph is built from the source: the façade imports the errors module."""
    assert "checklist.errors" in import_graph()["checklist.api"]


def test_a_cycle_would_be_found() -> None:
    """The cycle finder reports a two-module loop (so the real check can fail)."""
    assert {"a", "b"} == set(_cycle({"a": {"b"}, "b": {"a"}}))


def test_no_import_cycles_in_the_package() -> None:
    """No chain of imports leads from a module back to itself."""
    assert [] == _cycle(import_graph())
