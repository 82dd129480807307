"""The README is the contract: its examples, setup commands and --help are what the tool does."""

from __future__ import annotations

import re
import shlex
import shutil

from conftest import ROOT, UPDATE

from zjk_targets.cli import app

README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n(.*?)```", re.S)
ECHO_EXIT = '; echo "exit $?"'


HEAD = re.compile(r" \| head -(\d+)$")
WIDTH = re.compile(r"^COLUMNS=(\d+) ")


def _run(runner, command: str) -> str:
    """One shell line: `[COLUMNS=N] zjk-targets ARGS [| head -N] [; echo "exit $?"]`."""
    show_exit = command.endswith(ECHO_EXIT)
    command = command.removesuffix(ECHO_EXIT)
    head = HEAD.search(command)
    width = WIDTH.match(command)
    command = WIDTH.sub("", HEAD.sub("", command))
    words = shlex.split(command)
    assert words[0] == "zjk-targets", command
    env = {"COLUMNS": width.group(1)} if width else {}
    result = runner.invoke(app, words[1:], prog_name="zjk-targets", env=env)
    output = result.output
    if head:
        output = "".join(output.splitlines(keepends=True)[: int(head.group(1))])
    return output + (f"exit {result.exit_code}\n" if show_exit else "")


def _render_block(runner, block: str) -> str:
    commands = [line[2:] for line in block.splitlines() if line.startswith("$ ")]
    return "".join(f"$ {command}\n{_run(runner, command)}" for command in commands)


def test_readme_examples_match_the_tool(runner, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    text = README.read_text(encoding="utf-8")
    try:
        rendered = BLOCK.sub(lambda m: "```console\n" + _render_block(runner, m.group(1)) + "```", text)
    finally:
        shutil.rmtree(ROOT / "weihai", ignore_errors=True)  # written by the `extract` example
    if UPDATE:
        README.write_text(rendered, encoding="utf-8")
    assert rendered == text


def test_readme_setup_commands_are_what_ci_runs() -> None:
    text = README.read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    setup = re.search(r"## Quick start.*?```sh\n(.*?)```", text, re.S)
    assert setup is not None
    install, test = setup.group(1).splitlines()
    assert install.startswith("python3 -m venv .venv && .venv/bin/pip install . && ")
    assert install.endswith(".venv/bin/zjk-targets report")
    assert test.replace("pip install '.[test]'", "pip install --quiet '.[test]'") in ci


def test_readme_workflow_parses_and_its_commands_run(runner, monkeypatch, tmp_path) -> None:
    import yaml

    monkeypatch.chdir(ROOT)
    text = README.read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(# \.github/workflows/.*?)```", text, re.S)
    assert block is not None
    workflow = yaml.safe_load(block.group(1))
    steps = workflow["jobs"]["check"]["steps"]
    commands = [step["run"] for step in steps if "run" in step and step["run"].startswith("zjk-targets")]
    assert len(commands) == 4
    for command in commands:
        words = shlex.split(command.split("||")[0].replace("report.html", str(tmp_path / "report.html")))
        result = runner.invoke(app, words[1:])
        assert result.exit_code in (0, 1, 3), (command, result.output)
        assert "Usage:" not in result.output, command
