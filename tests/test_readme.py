"""The README is the contract: its examples (and those of docs/), setup commands and --help are what
the tool does, and its links lead somewhere."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, UPDATE

from zjk_targets.cli import app

README = ROOT / "README.md"
DOCUMENTS = [README, *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"```console\n(.*?)```", re.S)
ECHO_EXIT = '; echo "exit $?"'


HEAD = re.compile(r" \| head -(\d+)$")
QUIET = " 2>/dev/null"
WIDTH = re.compile(r"^COLUMNS=(\d+) ")


def _run(runner, command: str) -> str:
    """One shell line: `[COLUMNS=N] zjk-targets ARGS [2>/dev/null] [| head -N] [; echo "exit $?"]`."""
    show_exit = command.endswith(ECHO_EXIT)
    command = command.removesuffix(ECHO_EXIT)
    quiet = QUIET in command  # the messages on stderr left out, as the shell would
    command = command.replace(QUIET, "")
    head = HEAD.search(command)
    width = WIDTH.match(command)
    command = WIDTH.sub("", HEAD.sub("", command))
    words = shlex.split(command)
    assert words[0] == "zjk-targets", command
    env = {"COLUMNS": width.group(1)} if width else {}
    result = runner.invoke(app, words[1:], prog_name="zjk-targets", env=env)
    output = result.stdout if quiet else result.output
    if head:
        output = "".join(output.splitlines(keepends=True)[: int(head.group(1))])
    return output + (f"exit {result.exit_code}\n" if show_exit else "")


def _render_block(runner, block: str) -> str:
    commands = [line[2:] for line in block.splitlines() if line.startswith("$ ")]
    return "".join(f"$ {command}\n{_run(runner, command)}" for command in commands)


def _document_with(pattern: re.Pattern[str]) -> re.Match[str]:
    """Where the README or a page of docs/ holds ``pattern`` (once, in one of them)."""
    found = [match for path in DOCUMENTS for match in pattern.finditer(path.read_text(encoding="utf-8"))]
    assert len(found) == 1, f"{pattern.pattern} is in {len(found)} places of the README and docs/"
    return found[0]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_readme_examples_match_the_tool(runner, monkeypatch, document: Path) -> None:
    monkeypatch.chdir(ROOT)
    text = document.read_text(encoding="utf-8")
    try:
        rendered = BLOCK.sub(lambda m: "```console\n" + _render_block(runner, m.group(1)) + "```", text)
    finally:
        shutil.rmtree(ROOT / "weihai", ignore_errors=True)  # written by the `extract` examples
    if UPDATE:
        document.write_text(rendered, encoding="utf-8")
    assert rendered == text


def test_the_examples_of_docs_are_run_too() -> None:
    with_examples = {
        path.relative_to(ROOT).as_posix() for path in DOCUMENTS if BLOCK.search(path.read_text(encoding="utf-8"))
    }
    assert {"README.md", "docs/commands.md", "docs/data-format.md"} <= with_examples


LINK = re.compile(r"\]\(([^)\s]+)\)")


def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)  # no headings in output
    return {_anchor(line.lstrip("#")) for line in text.splitlines() if re.match(r"#+ ", line)}


def test_links_between_the_readme_and_docs_lead_to_a_file_and_heading() -> None:
    broken, count = [], 0
    for path in DOCUMENTS:
        for target in LINK.findall(re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)):
            if re.match(r"[a-z]+:", target):
                continue  # a web address
            count += 1
            name, _, anchor = target.partition("#")
            linked = (path.parent / name).resolve() if name else path
            if not linked.is_file():
                broken.append(f"{path.name}: {target}: no such file")
            elif anchor and anchor not in _anchors(linked):
                broken.append(f"{path.name}: {target}: no such heading")
    assert count >= 10 and broken == []


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
    block = _document_with(re.compile(r"```yaml\n(# \.github/workflows/.*?)```", re.S))
    workflow = yaml.safe_load(block.group(1))
    steps = workflow["jobs"]["check"]["steps"]
    runs = [step for step in steps if "run" in step and step["run"].startswith("zjk-targets")]
    assert len(runs) == 4
    assert not any("||" in step["run"] for step in runs), "every step can fail"
    for step in runs:
        words = shlex.split(step["run"].replace("report.html", str(tmp_path / "report.html")))
        result = runner.invoke(app, words[1:])
        assert result.exit_code in (0, 1, 3), (step["run"], result.output)
        assert "Usage:" not in result.output, step["run"]
    # the promised goals fail the job for the user's reason: the same step, on the data of a date
    # before they were decided, exits 3 (unknown)
    promise = next(step for step in runs if step["run"].startswith("zjk-targets check") and "--all" not in step["run"])
    assert "continue-on-error" not in promise
    earlier = runner.invoke(app, [*shlex.split(promise["run"])[1:], "--as-of", "2019-12-31"])
    assert earlier.exit_code == 3, earlier.output
    overview = next(step for step in runs if "--all" in step["run"])
    assert overview.get("continue-on-error") is True
    # the report is kept, failed run or not, and it is the file the export step writes
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["if"] == "always()" and upload["with"]["path"] == "report.html"
    assert steps.index(upload) > next(i for i, step in enumerate(steps) if "export" in step.get("run", ""))


def test_readme_yaml_to_csv_line_gives_data_judged_the_same(tmp_path) -> None:
    import subprocess
    import sys

    from zjk_targets import engine
    from zjk_targets.bundled import bundled_paths

    line = _document_with(re.compile(r"^python (-c .*) > all\.csv$", re.M))
    converted = subprocess.run(
        [sys.executable, *shlex.split(line.group(1))], cwd=ROOT, capture_output=True, text=True, check=True
    )
    (tmp_path / "all.csv").write_text(converted.stdout, encoding="utf-8")
    assert engine.export_csv([tmp_path / "all.csv"]) == engine.export_csv(bundled_paths())
