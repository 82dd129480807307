"""Hostile content is shown literally; a hostile environment gets a clear answer."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from conftest import DATA, MINI, ROOT

from zjk_targets.cli import app

HOSTILE = ["--targets", str(DATA / "hostile.yaml"), "--actuals", str(ROOT / "tests" / "broken" / "_actuals.yaml")]
ESC = "\x1b"


def test_report_shows_markup_and_escapes_as_text(runner) -> None:
    result = runner.invoke(app, ["report", "--lang", "zh", *HOSTILE], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "[bold red]红[/]" in result.stdout
    assert ESC not in result.stdout


def test_show_writes_escapes_and_direction_marks_out(runner) -> None:
    result = runner.invoke(app, ["show", "markup", *HOSTILE])
    assert ESC not in result.stdout
    assert "增长8%\\x1b[31m red\\x1b[0m" in result.stdout
    evil = runner.invoke(app, ["show", "formula", *HOSTILE]).stdout
    assert "\u202e" not in evil and "\\u202eevil" in evil


def test_check_line_stays_one_line(runner) -> None:
    result = runner.invoke(app, ["check", "markup", *HOSTILE])
    assert result.stdout.count("\n") == 1


def test_markdown_tables_keep_their_columns(runner) -> None:
    result = runner.invoke(app, ["export", "--full", *HOSTILE])
    rows = [line for line in result.stdout.splitlines() if line.startswith("| `")]
    assert len(rows) == 2
    for row in rows:
        cells = [cell for cell in row.replace("\\|", "").split("|")][1:-1]
        assert len(cells) == 4, row
    assert "<script>" not in result.stdout
    assert ESC not in result.stdout


def test_csv_neutralises_formulas_and_round_trips(runner) -> None:
    result = runner.invoke(app, ["export", "--format", "csv", *HOSTILE])
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    by_id = {row["id"]: row for row in rows}
    assert by_id["formula"]["zh"] == "'+cmd|' /C calc'!A0"
    assert by_id["formula"]["en"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert by_id["formula"]["excerpt"] == "'-2+3 增长8% \u202eevil"
    assert by_id["markup"]["excerpt"] == "增长8%\x1b[31m red\x1b[0m\nsecond line | with pipe"


def test_csv_lines_are_those_of_the_csv_module() -> None:
    """render.csv writes its rows itself (csv.writer is 2–3× slower on a national export): the same
    bytes as csv.writer with RFC 4180 line ends, for cells of any character that it treats apart."""
    import random

    from zjk_targets.render.csv import line

    rng = random.Random(3)
    alphabet = ["a", "年", ",", '"', "\r", "\n", "\r\n", " ", "\t", "'", "=", "\x00", "\x0b", "\x1c", "\u2028", "\x85"]
    for _ in range(3000):
        row = ["".join(rng.choices(alphabet, k=rng.randint(0, 6))) for _ in range(rng.randint(2, 5))]
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerow(row)
        assert line(row) == buffer.getvalue(), row


def test_json_keeps_the_data_exactly(runner) -> None:
    data = json.loads(runner.invoke(app, ["export", "--format", "json", *HOSTILE]).stdout)
    excerpts = {t["id"]: t["excerpt"] for t in data["targets"]}
    assert excerpts["markup"] == "增长8%\x1b[31m red\x1b[0m\nsecond line | with pipe"


def test_ctrl_c_exits_130_with_one_line(runner, monkeypatch) -> None:
    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("zjk_targets.commands.reading.evaluate", interrupted)
    result = runner.invoke(app, ["report", *MINI])
    assert (result.exit_code, result.stdout, result.stderr) == (130, "", "zjk-targets: interrupted\n")


def test_an_internal_error_never_looks_like_a_verdict(runner, monkeypatch) -> None:
    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("zjk_targets.commands.reading.evaluate", broken)
    result = runner.invoke(app, ["check", "pm25-2017", *MINI])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("zjk-targets 1.0.0: internal error: ZeroDivisionError: division by zero\n")


def test_an_unreadable_file_is_a_clear_error(runner, monkeypatch) -> None:
    def denied(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("zjk_targets.inputs.open", denied, raising=False)
    result = runner.invoke(app, ["validate", *MINI])
    assert result.exit_code == 2
    assert f"{MINI[1]}: cannot read: Permission denied" in result.stderr.splitlines()


def test_output_into_an_unwritable_place(runner) -> None:
    result = runner.invoke(app, ["export", "--output", "/proc/zjk-targets.md", *MINI])
    assert result.exit_code == 2
    assert result.stderr.startswith("zjk-targets: cannot write /proc/zjk-targets.md: ")


def test_output_onto_a_directory(runner, tmp_path) -> None:
    result = runner.invoke(app, ["export", "--output", str(tmp_path), *MINI])
    assert (result.exit_code, result.stderr) == (2, f"zjk-targets: cannot write {tmp_path}: it is a directory\n")


def test_ids_and_marks_survive_a_20_column_terminal(runner) -> None:
    """Narrower than an id: the id runs over on its own line rather than being cut."""
    result = runner.invoke(app, ["report", *MINI], env={"COLUMNS": "20"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    for mark, target_id in (("✗", "gdp-growth-2017"), ("✓", "pm25-2017"), ("?", "afforestation-2017")):
        head = f"{mark} {target_id}"
        assert any(line.strip() == head or line.strip().startswith(head + "  ") for line in lines), target_id
    assert "    library-2017" in lines
    too_wide = [line for line in lines if len(line) > 20]
    # only an atom wider than the screen runs over, alone on its line: never cut, never joined
    assert sorted(line.strip() for line in too_wide) == [
        "? afforestation-2017",
        "mirror.example",
        "✓ forest-coverage-by-2021",
    ]


def test_no_color_is_honoured(runner) -> None:
    coloured = runner.invoke(
        app, ["report", *MINI], env={"NO_COLOR": None, "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    ).stdout
    assert "\x1b[" in coloured and "met" in coloured
    plain = runner.invoke(
        app, ["report", *MINI], env={"NO_COLOR": "1", "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    ).stdout
    assert "\x1b[32" not in plain and "\x1b[31" not in plain


def test_c_locale(tmp_path) -> None:
    env = {**os.environ, "LANG": "C", "LC_ALL": "C", "COLUMNS": "100", "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "zjk_targets", "report", *MINI], capture_output=True, env=env, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert "5 targets: 2 met, 1 missed, 2 unknown" in result.stdout.decode("utf-8")


@pytest.mark.parametrize("bad", ["abc", "-1", "0"])
def test_a_bad_size_limit_is_a_clear_error(runner, monkeypatch, bad) -> None:
    monkeypatch.setenv("ZJK_MAX_INPUT_MB", bad)
    result = runner.invoke(app, ["validate", *MINI])
    assert result.exit_code == 2
    assert result.stderr.startswith("zjk-targets: ZJK_MAX_INPUT_MB")


def test_a_huge_size_limit_does_not_allocate_it(runner, monkeypatch) -> None:
    monkeypatch.setenv("ZJK_MAX_INPUT_MB", "100000")  # 100 GB: reading must not reserve it
    assert runner.invoke(app, ["check", "pm25-2017", *MINI]).exit_code == 0


def test_error_messages_never_carry_terminal_escapes(runner, tmp_path) -> None:
    broken = tmp_path / "t.yaml"
    broken.write_text('targets:\n  - "\\e[31mred": 1\n', encoding="utf-8")
    result = runner.invoke(app, ["validate", "--targets", str(broken), "--actuals", str(broken)])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert "unknown field `\\x1b[31mred`" in result.stderr
