"""Every command is documented in docs/commands.md: a section of its own, holding its `--help` (which
test_readme runs and compares with the tool's) and naming each of its options, so a new command or
option fails here until the page says it."""

from __future__ import annotations

import re

import typer
from conftest import ROOT

from zjk_targets.cli import app

COMMANDS_PAGE = ROOT / "docs" / "commands.md"
HEADING = re.compile(r"## `([a-z-]+)")
# build-places rebuilds the bundled place table; only maintainers run it (docs/commands.md names it
# in the section of build-national).
HIDDEN = {"build-places"}


def _sections() -> dict[str, str]:
    """Each ``## `command` …`` section of the page, up to the next heading of its level; a ``##``
    inside a code block (an example's markdown output) is not a heading."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    fenced = False
    for line in COMMANDS_PAGE.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if not fenced and line.startswith("## "):
            named = HEADING.match(line)
            current = sections.setdefault(named.group(1), []) if named else None
        if current is not None:
            current.append(line)
    return {name: "\n".join(lines) for name, lines in sections.items()}


def _commands() -> dict[str, typer.core.TyperCommand]:
    return typer.main.get_command(app).commands  # type: ignore[attr-defined]


def test_hidden_commands_are_the_ones_named_here() -> None:
    assert {name for name, command in _commands().items() if command.hidden} == HIDDEN


def test_each_command_has_a_section_with_its_help() -> None:
    sections = _sections()
    missing = [
        name
        for name, command in _commands().items()
        if not command.hidden and f"```console\n$ zjk-targets {name} --help\n" not in sections.get(name, "")
    ]
    assert missing == []


def test_each_option_is_named_in_its_commands_section() -> None:
    sections = _sections()
    missing = [
        f"{name} {param.opts[0]}"
        for name, command in _commands().items()
        if not command.hidden
        for param in command.params
        if isinstance(param, typer.core.TyperOption) and not param.hidden
        if not any(re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", sections.get(name, "")) for opt in param.opts)
    ]
    assert missing == []
