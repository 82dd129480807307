"""The package's shape: every module is found by its name, and no modules import each other."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections import deque
from pathlib import Path

from conftest import ROOT

import zjk_targets


def _module_names() -> list[str]:
    """Every module and package of zjk_targets, but ``__main__``, which runs the command line."""
    found = pkgutil.walk_packages(zjk_targets.__path__, prefix="zjk_targets.")
    return sorted(info.name for info in found if not info.name.endswith(".__main__"))


def test_no_name_exported_by_a_package_hides_one_of_its_modules() -> None:
    # `from zjk_targets.extract import draft` would otherwise give a function or a module
    # depending on what the package's __init__ exports, and `zjk_targets.extract.draft.X` fail.
    names = _module_names()
    assert "zjk_targets.extract.datafiles" in names and "zjk_targets.commands.check" in names
    hidden = []
    for name in names:
        module = importlib.import_module(name)
        package, _, attribute = name.rpartition(".")
        found = getattr(importlib.import_module(package), attribute, None)
        if found is not module:
            hidden.append(f"{name} is hidden by {type(found).__name__} {found!r}")
    assert hidden == []


def _source_files() -> dict[str, Path]:
    """Each module of the package by its dotted name (a package by its __init__.py)."""
    files = {}
    for path in sorted((ROOT / "zjk_targets").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        files[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return files


def _imports(name: str, path: Path, modules: set[str]) -> set[str]:
    """The package's modules that ``name`` imports anywhere: at the top, in a function, or for type
    checking only (a layer that looks up, even for a type, is no longer below)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            source = ".".join(part for part in (base, node.module) if part)
            # `from . import engine` imports the module engine; `from .model import Dataset`, model
            found.update(
                f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules else source for alias in node.names
            )
    return (found & modules) - {name}


def _path(graph: dict[str, set[str]], start: str, goal: str) -> list[str] | None:
    """The shortest chain of imports from ``start`` to ``goal``, if there is one."""
    came_from: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        here = queue.popleft()
        if here == goal:
            chain = [here]
            while (previous := came_from[chain[-1]]) is not None:
                chain.append(previous)
            return chain[::-1]
        for there in sorted(graph[here]):
            if there not in came_from:
                came_from[there] = here
                queue.append(there)
    return None


def test_no_import_cycles() -> None:
    files = _source_files()
    graph = {name: _imports(name, path, set(files)) for name, path in files.items()}
    # The parse sees what it must: a relative import, one inside a function, one of the package.
    assert "zjk_targets.rules.verdicts" in graph["zjk_targets.commands.reading"]
    assert "zjk_targets.columnar" in graph["zjk_targets.engine"]  # `from . import columnar` in load()
    assert "zjk_targets" in graph["zjk_targets.cli"]  # `from . import __version__`
    cycles = set()
    for name in graph:
        for imported in graph[name]:
            back = _path(graph, imported, name)
            if back is not None:
                ring = [name, *back[:-1]]
                first = ring.index(min(ring))
                ring = ring[first:] + ring[:first]
                cycles.add(" → ".join([*ring, ring[0]]))
    assert sorted(cycles) == []


def test_no_folder_imports_one_that_imports_it_back() -> None:
    """The folders (and top modules) stand in layers: commands, render, national, engine, columnar,
    load, rules. An import from a lower layer to a higher one (columnar writing with a renderer,
    national reading without engine.py) makes two folders import each other, however indirectly."""
    files = _source_files()
    graph = {name: _imports(name, path, set(files)) for name, path in files.items()}

    def folder(name: str) -> str:
        return ".".join(name.split(".")[:2])

    folders: dict[str, set[str]] = {folder(name): set() for name in graph}
    for name, imported in graph.items():
        folders[folder(name)] |= {folder(other) for other in imported} - {folder(name)}
    assert "zjk_targets.render" in folders["zjk_targets.commands"]  # the parse sees the folders
    rings = []
    for name, imported in sorted(folders.items()):
        for other in sorted(imported):
            back = _path(folders, other, name)
            if back is not None:
                rings.append(" → ".join([name, *back]))
    assert rings == []
