"""Where data comes from is one option group (`DataSource`): every command that reads data shows its
four options together, in its order, and hands them on as one object, to the command and to the
shell's completion alike."""

from __future__ import annotations

import dataclasses

import typer
from conftest import DATA

from zjk_targets.cli import app
from zjk_targets.commands.options import DataSource

GROUP = [field.name for field in dataclasses.fields(DataSource)]
READERS = {"report", "list", "record", "show", "check", "export", "chart", "validate"}


def test_each_command_that_reads_data_shows_the_group_together_and_in_order() -> None:
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    readers = set()
    for name, command in commands.items():
        names = [param.name for param in command.params]
        if "targets" in names:
            readers.add(name)
            start = names.index("targets")
            assert names[start : start + len(GROUP)] == GROUP, name
    assert readers == READERS


def test_completion_reads_the_files_the_group_names(runner) -> None:
    words = f"zjk-targets show --targets {DATA / 'targets.yaml'} --actuals {DATA / 'actuals.yaml'} "
    env = {"_ZJK_TARGETS_COMPLETE": "complete_bash", "COMP_WORDS": words, "_TYPER_COMPLETE_ARGS": words}
    env["COMP_CWORD"] = "6"
    result = runner.invoke(app, [], prog_name="zjk-targets", env=env)
    assert result.stdout.split() == [
        "afforestation-2017",
        "forest-coverage-by-2021",
        "gdp-growth-2017",
        "library-2017",
        "pm25-2017",
    ]


def test_the_environment_names_the_files_as_the_options_do(runner, monkeypatch) -> None:
    monkeypatch.setenv("ZJK_TARGETS_FILE", str(DATA / "targets.yaml"))
    monkeypatch.setenv("ZJK_ACTUALS_FILE", str(DATA / "actuals.yaml"))
    named = runner.invoke(
        app, ["list", "--targets", str(DATA / "targets.yaml"), "--actuals", str(DATA / "actuals.yaml")]
    )
    from_environment = runner.invoke(app, ["list"])
    assert from_environment.exit_code == 0 and from_environment.output == named.output
    assert "afforestation-2017" in named.output and "pm25-by-2021" not in named.output
