"""The package's shape: every module is found by its name."""

from __future__ import annotations

import importlib
import pkgutil

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
