"""What a reader sees on a terminal: the report's first screen, list, help, errors, pager."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import MINI, ROOT, assert_golden
from rich.cells import cell_len

from zjk_targets import bundled_paths, evaluate, load_dataset
from zjk_targets.cli import app
from zjk_targets.render.markdown import cell
from zjk_targets.render.report_view import Unknown, unknown_kind
from zjk_targets.render.terminal import wrap
from zjk_targets.rules.verdicts import summarise

BUNDLED = load_dataset(bundled_paths())
VERDICTS = evaluate(BUNDLED)
IDS = [verdict.target.id for verdict in VERDICTS]
COUNTS = summarise(VERDICTS)
COUNTS_LINE = f"{COUNTS['total']} targets: {COUNTS['met']} met, {COUNTS['missed']} missed, {COUNTS['unknown']} unknown"
# Lines of `report` at 80 columns in the per-category table layout before issue 11, measured on
# the bundled data: the 2017 report's 129 targets, and all 246 targets of 2014–2025.
LENGTH_BEFORE = {"2017": 1296, "all": 3183}


def _report(runner, *args: str, width: int = 80) -> list[str]:
    result = runner.invoke(app, ["report", *args], env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def _figures(verdict) -> list[str]:
    """The figures a reader compares, each of which must stand whole on one line."""
    from zjk_targets.rules import wording as fmt

    target = verdict.target
    figures = [fmt.quantity(target.goal, target.unit)] if target.goal is not None else []
    headline = verdict.headline
    if headline is not None and verdict.status.value != "unknown":
        figures.append(f"{headline.observation.year}: {headline.compared}".split(": ", 1)[1].split(" at ")[-1])
    return [figure.removeprefix("at least ").removeprefix("at most ") for figure in figures]


def _whole(lines: list[str], verdicts) -> None:
    for verdict in verdicts:
        for figure in _figures(verdict):
            assert any(figure in line for line in lines), (verdict.target.id, figure)


FIRST_SCREEN = """\
The 2017 work report: of its 16 headline targets 1 met, 1 missed, 14 unknown
  ✗ gdp-growth-2017  GDP grows by 8 %
      2017: 6.7–7 % misses ≥ 8 % (news, 河北青年报 (reposted by 石家庄广电)
      2018-03-14) · derived
  ✓ pm25-2017  PM2.5 annual mean kept at or below 31 μg/m³
      2017: 31 μg/m³ ≤ 31 μg/m³ (news, Shanghai Daily 2019-02-15) · derived
  ? unknown
      budget-revenue-growth-2017 ≥ 3 %
      budget-revenue-growth-comparable-2017 ≥ 9 %
      cpi-inflation-2017 ≈ 3 % ± 0.5  energy-intensity-reduction-2017 ≥ 4 %
      fai-growth-2017 ≥ 12 %  fdi-growth-2017 ≥ 7 %
      fiscal-revenue-growth-2017 ≥ 10 %  industry-va-growth-2017 ≥ 4 %
      pollutant-reduction-2017 done  retail-sales-growth-2017 ≥ 10 %
      rural-income-growth-2017 ≥ 10 %  services-va-growth-2017 ≥ 10 %
      urban-income-growth-2017 ≥ 10 %  urban-unemployment-rate-2017 ≤ 4.4 %
This report alone: zjk-targets report --report 2017; every report follows.

246 targets: 58 met, 21 missed, 167 unknown
74 headline targets: 40 judgeable, 26 decided (65 % of judgeable), 11 met (42 %
of decided), 15 missed, 48 unknown.
左右 (about) read as a band: met within the goal's tolerance
Set by 9 work reports, 2014–2025; each verdict rests on the words of a named
source.
  report  targets  met  missed  unknown
  2014         22    0       1       21
  2016          8    2       1        5
  2017        129    9       3      117
  2019          1    1       0        0
  2020         24   10       9        5
  2021         22   15       2        5
  2022         23   14       3        6
  2023         11    7       2        2
  2025          6    0       0        6
"""


def test_the_first_screen_answers_for_the_2017_report_then_where_the_others_stand(runner) -> None:
    lines = _report(runner)
    assert "\n".join(lines[:33]) + "\n" == FIRST_SCREEN
    headline_2017 = [v.target.id for v in VERDICTS if v.target.headline and v.target.year == 2017]
    assert len(headline_2017) == 16 and all(any(i in line for line in lines[:16]) for i in headline_2017)
    assert lines[34].startswith("Missed: ")


def test_the_first_screen_is_of_the_largest_report_with_a_decided_target() -> None:
    from conftest import DATA

    from zjk_targets.rules.track_record import focus_year

    track = load_dataset([DATA / "track" / "targets.yaml", DATA / "track" / "actuals.yaml"])
    verdicts = evaluate(track)  # 2020: 2 targets, both decided; 2021: 3, one decided; 2022: 1, unknown
    assert focus_year(track, verdicts) == 2021
    undecided = tuple(v for v in verdicts if v.status.value == "unknown")  # 2021: 2, 2022: 1, none decided
    assert focus_year(track, undecided) is None
    assert focus_year(BUNDLED, VERDICTS) == 2017


def test_a_report_year_a_filter_or_full_detail_leave_the_first_screen_out(runner) -> None:
    in_2017 = _report(runner, "--report", "2017")[:24]
    assert in_2017[0] == "129 targets: 9 met, 3 missed, 117 unknown"
    assert "Missed: 3" in in_2017 and "Met: 9" in in_2017
    assert _report(runner, "--status", "missed")[0] == "21 targets: 0 met, 21 missed, 0 unknown"
    assert _report(runner, "--full")[0] == COUNTS_LINE


def test_the_report_is_a_third_of_its_old_length_and_splits_no_id_or_figure(runner) -> None:
    assert len(_report(runner, "--report", "2017")) <= LENGTH_BEFORE["2017"] // 3
    lines = _report(runner)
    assert len(lines) <= LENGTH_BEFORE["all"] // 3
    lines = lines[lines.index(COUNTS_LINE) :]  # after the first screen, which names the 2017 headline targets
    text = "\n".join(lines)
    for target_id in IDS:  # every id once, whole: decided and grouped ones on their own line
        assert len(re.findall(rf"(?<![\w-]){re.escape(target_id)}(?![\w-])", text)) == 1, target_id
    for line in lines:
        assert len(line) <= 80, line
    decided = [verdict for verdict in VERDICTS if verdict.status.value != "unknown"]
    _whole(lines, decided)
    grouped = [verdict for verdict in VERDICTS if verdict.evidence and verdict.status.value == "unknown"]
    _whole(lines, grouped)


def test_unknown_targets_are_grouped_by_why_with_the_lean_of_the_nearest_figure(runner) -> None:
    lines = _report(runner)
    assert f"Unknown: {COUNTS['unknown']}, by why" in lines
    kinds = [unknown_kind(v) for v in VERDICTS if v.status.value == "unknown"]
    assert f"  No figure at all: {kinds.count(Unknown.NO_FIGURE)}" in lines
    assert f"  Only figures of other years or related measures: {kinds.count(Unknown.OTHERS_ONLY)}" in lines
    lines = _report(runner, "--report", "2017")
    assert "    ? fai-growth-2017  ≥ 12 % in 2017; nearest 2018: 7.4 %, leans ✗ missed" in lines
    assert "    ? fdi-growth-2017  ≥ 7 % in 2017; nearest 2018: 7.3 %, leans ✓ met" in lines
    assert "  Conflicting evidence: 1" in lines
    # a deadline goal's projection is named as one, beside the lean, and never as a verdict
    services = lines.index("    ? services-share-by-2021  ≥ 60 % by 2021; nearest 2020: 56.4 %,")
    assert lines[services + 1] == "        leans ✗ missed; projected: not on track"


def test_full_detail_is_one_flag_away(runner) -> None:
    lines = _report(runner, "--full")
    text = "\n".join(lines)
    assert len(re.findall(r"^ +reason   ", text, re.M)) == len(IDS)
    for target_id in IDS:
        assert re.search(rf"^ +[✓✗?] {re.escape(target_id)}(  |$)", text, re.M), target_id
    _whole(lines, VERDICTS)


def test_the_report_in_chinese_is_chinese_throughout(runner) -> None:
    text = "\n".join(_report(runner, "--lang", "zh"))
    assert text.startswith("2017年政府工作报告：16项主要目标中达成1项，未达成1项，未知14项\n")
    assert (
        f"\n共{COUNTS['total']}项目标：达成{COUNTS['met']}项，未达成{COUNTS['missed']}项，未知{COUNTS['unknown']}项\n"
        in text
    )
    engine_words = r"\b(figure|nearest|meets|misses|conflicting|done|at least|at most|official|news|leans|deadline)\b"
    assert re.findall(engine_words, text) == []
    assert "    ? fai-growth-2017  2017年 ≥ 12 %；最近 2018: 7.4 %，倾向✗未达成" in text


def test_show_in_chinese(runner) -> None:
    result = runner.invoke(app, ["show", "pm25-2017", "--lang", "zh"])
    assert result.stdout.splitlines()[:6] == [
        "pm25-2017: PM2.5年均浓度控制在31μg/m³以内",
        "             PM2.5 annual mean kept at or below 31 μg/m³",
        "",
        "  类别       生态环境",
        "  指标       pm25: PM2.5年均浓度 / PM2.5 annual mean concentration (μg/m³, 越低越好)",
        "  目标       2017年 ≤ 31 μg/m³",
    ]
    assert "  结论       达成" in result.stdout
    assert not re.search(r"^ +(why:|from |flags:)|\[(decisive|context)|other year", result.stdout, re.M)


def test_wrap_keeps_figures_with_their_units_at_every_width() -> None:
    text = "2017: 31 μg/m³ ≤ 31 μg/m³ and 240 万亩 vs ≥ 8 % for pm25-by-2021 地区生产总值增长8%左右"
    atoms = ["31 μg/m³", "240 万亩", "≥ 8 %", "pm25-by-2021", "8%"]
    for width in range(4, 60):
        lines = [line.plain for line in wrap(text, width, 2, 4)]
        assert " ".join(line.strip() for line in lines).replace("长 8%", "长8%").replace("产 总", "产总")
        for atom in atoms:
            assert any(atom in line for line in lines), (width, atom, lines)


def test_list(runner) -> None:
    result = runner.invoke(app, ["list", *MINI])
    assert result.exit_code == 0
    assert_golden("list.txt", result.stdout)
    result = runner.invoke(app, ["list", "--status", "MET", "--lang", "zh", *MINI])
    assert result.stdout == (
        "✓ 达成  forest-coverage-by-2021  森林覆盖率达到50%\n✓ 达成  pm25-2017                PM2.5年均浓度控制在31以内\n"
        "“左右”按容差判定：与目标相差在容差以内即为达到\n"
    )


def test_list_cuts_names_between_words_never_ids(runner) -> None:
    result = runner.invoke(app, ["list"], env={"COLUMNS": "60"})
    *lines, reading = result.stdout.splitlines()
    assert reading == "左右 (about) read as a band: met within the goal's tolerance"
    assert len(lines) == len(IDS)
    for line, target_id in zip(lines, IDS, strict=True):
        assert f"  {target_id}  " in line
        assert len(line) <= 60 or len(target_id) > 32, line


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_the_shell_completes_target_ids(runner, shell) -> None:
    env = {"_ZJK_TARGETS_COMPLETE": f"complete_{shell}", "COMP_WORDS": "zjk-targets show pm25", "COMP_CWORD": "2"}
    env["_TYPER_COMPLETE_ARGS"] = env["COMP_WORDS"]
    result = runner.invoke(app, [], prog_name="zjk-targets", env=env)
    assert result.exit_code == 0
    assert "pm25-2017" in result.stdout and "pm25-by-2021" in result.stdout
    assert "gdp-growth-2017" not in result.stdout


def test_chart_completes_measures_too(runner) -> None:
    env = {"_ZJK_TARGETS_COMPLETE": "complete_bash", "COMP_WORDS": "zjk-targets chart gdp-g", "COMP_CWORD": "2"}
    result = runner.invoke(app, [], prog_name="zjk-targets", env=env)
    assert "gdp-growth" in result.stdout.split() and "gdp-growth-2017" in result.stdout.split()


COMMANDS = ["report", "list", "show", "check", "export", "chart", "validate"]


@pytest.mark.parametrize("command", [[], *[[name] for name in COMMANDS]])
def test_help_shows_no_bool_and_every_format(runner, command) -> None:
    result = runner.invoke(app, [*command, "--help"], prog_name="zjk-targets")
    assert result.exit_code == 0
    assert "<bool>" not in result.stdout and "╭" not in result.stdout
    formats = {"export": "markdown|json|csv|html", "check": "text|github|json", "chart": "png|svg"}
    if command and command[0] in formats:
        assert f"-f, --format <{formats[command[0]]}>" in result.stdout


ALL_COMMANDS = [*COMMANDS, "record", "national", "escalation", "extract", "build-national"]
TYPER_INTERNALS = re.compile(r"<(list\[|str>|int>|float>)|\[\[|\{[A-Z]")


@pytest.mark.parametrize("command", [[], *[[name] for name in ALL_COMMANDS]])
def test_help_at_80_columns_fits_and_shows_no_typer_internals(runner, command) -> None:
    """Lines are measured in terminal cells (a Chinese character takes two), as the terminal shows them."""
    result = runner.invoke(app, [*command, "--help"], prog_name="zjk-targets", env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert [line for line in result.stdout.splitlines() if cell_len(line) > 80] == []
    assert TYPER_INTERNALS.findall(result.stdout) == []


@pytest.mark.parametrize(
    ("command", "usage", "argument"),
    [
        ("check", "check [OPTIONS] [ID]...", "  ID...  One or more target ids."),
        (
            "chart",
            "chart [OPTIONS] [ID]",
            "  ID  The target to chart, or a measure: its goals and actuals year by year.",
        ),
        ("show", "show [OPTIONS] ID", "  ID  The target's id.  [required]"),
        (
            "extract",
            "extract [OPTIONS] REPORT...",
            "  REPORT...  Work reports of one city (Markdown or text).  [required]",
        ),
    ],
)
def test_arguments_show_as_their_metavars(runner, command, usage, argument) -> None:
    lines = runner.invoke(app, [command, "--help"], prog_name="zjk-targets", env={"COLUMNS": "80"}).stdout.splitlines()
    assert lines[0] == f"Usage: zjk-targets {usage}"
    assert lines[lines.index("Arguments:") + 1] == argument


def test_a_repeatable_choice_shows_its_choices(runner) -> None:
    result = runner.invoke(app, ["national", "--help"], prog_name="zjk-targets", env={"COLUMNS": "80"})
    assert "  --level <nation|province|major-city|city>\n" in result.stdout


def test_top_level_help_ends_with_examples(runner) -> None:
    result = runner.invoke(app, ["--help"], prog_name="zjk-targets")
    examples = result.stdout.split("Examples:\n")[1].splitlines()
    assert examples[0] == "    zjk-targets report                 counts, missed, met, unknown by why"
    assert len(examples) == 6 and all(line.startswith("    zjk-targets ") for line in examples)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", "pm25-2017", "-f", "JSON"], '"status": "met"'),
        (["check", "pm25-2017", "--format", "GitHub"], "::notice title=pm25-2017%3A met::"),
        (["export", "-f", "CSV"], "id,category,zh,en"),
        (["report", "--status", "MET", "--lang", "ZH"], "共2项目标"),
    ],
)
def test_choices_take_f_and_any_case(runner, args, expected) -> None:
    result = runner.invoke(app, [*args, *MINI])
    assert expected in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "--stat", "met"], "no such option: --stat (Possible options: --data, --status, --targets)"),
        (
            ["export", "-f", "xml"],
            "invalid value for '--format' / '-f': 'xml' is not one of 'markdown', 'json', 'csv', 'html'; see",
        ),
        (["show"], "missing argument 'ID'"),
        (["frobnicate"], "no such command 'frobnicate'"),
    ],
)
def test_a_usage_error_is_one_line_like_a_data_error(runner, args, message) -> None:
    result = runner.invoke(app, args, prog_name="zjk-targets")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"zjk-targets: {message}")
    assert result.stderr.count("\n") == 1 and "Usage:" not in result.stderr


def test_check_all_with_ids_is_an_error(runner) -> None:
    result = runner.invoke(app, ["check", "--all", "pm25-2017", *MINI])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "zjk-targets: --all checks every target: drop the ids (pm25-2017) or --all\n"


@pytest.mark.parametrize(
    ("args", "error", "problems"),
    [
        (["pm25-2018", *MINI], "no target with id `pm25-2018`; did you mean pm25-2017?", 0),
        (
            ["pm25-2017", "--targets", "tests/broken/comparator-typo.yaml", "--actuals", MINI[3]],
            "9 problems in the data; nothing was evaluated",
            9,
        ),
    ],
)
def test_check_json_prints_a_json_error(runner, monkeypatch, args, error, problems) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["check", *args, "-f", "json"])
    data = json.loads(result.stdout)
    assert result.exit_code == data["exit_code"] == 2
    assert data["error"].startswith(error) and len(data["problems"]) == problems and data["results"] == []


# The bundled data has 21 missed targets; GitHub shows 10 annotations of each kind per step, and
# the check fails, so one error is kept for the counts.
ANNOTATED_MISSED = [
    "fai-growth-2023",
    "gdp-growth-2023",
    "fai-growth-2022",
    "gdp-growth-2022",
    "resident-income-growth-2022",
    "gdp-growth-2021",
    "budget-revenue-growth-2020",
    "fai-growth-2020",
    "gdp-growth-2020",
]
UNANNOTATED_MISSED = [
    "forest-coverage-2017",
    "gdp-growth-2014",
    "gdp-growth-2017",
    "industry-va-growth-2020",
    "irrigated-land-reduction-2020",
    "key-project-investment-provincial-city-2021",
    "poverty-eliminated-by-2018",
    "renewable-capacity-added-2017",
    "retail-sales-growth-2020",
    "rural-income-growth-2020",
    "urban-income-growth-2020",
    "winter-sports-schools-2020",
]


def test_github_annotations_are_as_many_of_each_kind_as_github_shows_then_the_counts(runner) -> None:
    result = runner.invoke(app, ["check", "--all", "-f", "github"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    titles = [line.split("::", 2)[1] for line in lines]
    kinds = [title.split(" ", 1)[0] for title in titles]
    assert kinds == ["error"] * 9 + ["warning"] * 10 + ["notice"] * 10 + ["error"]
    # The missed targets GitHub shows: headline targets first, the latest years first, then by id.
    assert titles[:9] == [f"error title={target_id}%3A missed" for target_id in ANNOTATED_MISSED]
    assert lines[-1] == (
        f"::error title=zjk-targets check::{COUNTS_LINE}; 217 more not annotated "
        "(12 missed, 157 unknown, 48 met; GitHub shows 10 of each kind per step): see the step summary; "
        "the check fails (exit 1): a target was missed"
    )
    missed = {v.target.id for v in VERDICTS if v.status.value == "missed"}
    assert set(ANNOTATED_MISSED + UNANNOTATED_MISSED) == missed


def test_the_step_summary_of_annotations_names_the_missed_targets_github_was_not_shown(
    runner, tmp_path, monkeypatch
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    runner.invoke(app, ["check", "--all", "-f", "github"])
    lines = summary.read_text(encoding="utf-8").splitlines()
    after_missed = 6 + COUNTS["missed"] + 1
    assert lines[after_missed : after_missed + 2] == [
        "Not annotated (GitHub shows 10 of each kind per step): 12 missed, 157 unknown, 48 met. "
        f"The missed ones: {', '.join(f'`{i}`' for i in UNANNOTATED_MISSED)}. Every verdict is in the table below.",
        "",
    ]
    summary.unlink()
    runner.invoke(app, ["check", "--all"])  # nothing annotated: nothing to say about annotations
    assert not any(line.startswith("Not annotated") for line in summary.read_text(encoding="utf-8").splitlines())


def test_the_step_summary_opens_with_the_counts_and_the_missed_targets(runner, tmp_path, monkeypatch) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    runner.invoke(app, ["check", "--all", "--allow-unknown"])
    lines = summary.read_text(encoding="utf-8").splitlines()
    assert lines[:6] == [
        "### zjk-targets check",
        "",
        f"**{COUNTS_LINE}** — the check fails (exit 1): a target was missed",
        "",
        "Missed:",
        "",
    ]
    missed = [v for v in VERDICTS if v.status.value == "missed"]
    assert lines[6 : 6 + len(missed)] == [f"- `{v.target.id}`: {cell(v.reason)}" for v in missed]
    assert f"<details><summary>All {COUNTS['total']} verdicts</summary>" in lines


def test_validate_sources_on_a_folder_without_the_files_is_one_line(runner, tmp_path) -> None:
    result = runner.invoke(app, ["validate", "--sources", str(tmp_path), *MINI])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"zjk-targets: --sources {tmp_path}: none of the data's 2 source files is in this folder "
        "(such as report.txt); give the folder that holds them\n"
    )


def test_a_curator_edits_the_files_in_the_folder_and_sees_the_edit(runner, tmp_path, monkeypatch) -> None:
    """docs/data-format.md, "Adding a target and an outcome", in a folder with the repository's data files."""
    for path in bundled_paths():
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.chdir(tmp_path)
    same = runner.invoke(app, ["check", "pm25-2017"])
    assert (same.exit_code, same.stderr) == (0, ""), "an unchanged copy is the bundled data: nothing to say"
    targets = tmp_path / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    pm25 = text[text.index("\n- id: pm25-2017\n") + 1 :]
    entry = pm25[: pm25.index("\n- id: ", 1) + 1]
    new = entry.replace("id: pm25-2017", "id: pm25-2017-again", 1)
    targets.write_text(text.replace(entry, entry + new, 1), encoding="utf-8")
    note = "zjk-targets: reading ./targets.yaml and ./actuals.yaml of this folder (they differ from the bundled data)\n"
    validate = runner.invoke(app, ["validate"])
    assert (validate.exit_code, validate.stderr) == (0, note)
    assert validate.stdout.startswith(f"ok: {COUNTS['total'] + 1} targets")
    show = runner.invoke(app, ["show", "pm25-2017-again"])
    assert show.exit_code == 0
    assert show.stdout.startswith("pm25-2017-again: PM2.5 annual mean kept at or below 31 μg/m³\n")


def _in_a_terminal(args: list[str], env: dict[str, str], tmp_path) -> str:
    """Run the CLI with stdout on a pseudo-terminal; what it wrote there."""
    import pty

    main, secondary = pty.openpty()
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "80", "LINES": "20", "TERM": "xterm", **env}
    full_env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "zjk_targets", *args],
        stdout=secondary,
        stderr=subprocess.PIPE,
        env=full_env,
        cwd=tmp_path,
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(main)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pseudo-terminals as on Linux")
def test_long_output_on_a_terminal_goes_through_the_pager(tmp_path) -> None:
    paged = tmp_path / "paged.txt"
    shown = _in_a_terminal(["report", "--status", "met"], {"PAGER": f"tee {paged} > /dev/null"}, tmp_path)
    assert shown == ""
    assert "groundwater-balance-by-2021" in paged.read_text(encoding="utf-8")
    assert "\x1b[1;32m✓\x1b[0m" in paged.read_text(encoding="utf-8"), "colours go through the pager"
    paged.unlink()
    direct = _in_a_terminal(
        ["report", "--status", "met", "--no-pager"], {"PAGER": f"tee {paged} > /dev/null"}, tmp_path
    )
    assert "groundwater-balance-by-2021" in direct and not paged.exists()
    short = _in_a_terminal(["check", "pm25-2017", "gdp-growth-2017"], {"PAGER": f"tee {paged} > /dev/null"}, tmp_path)
    assert not paged.exists(), "check is never paged"
    assert "pm25-2017: \x1b[1;32mmet\x1b[0m — " in short, "check colours its verdicts on a terminal"
    assert "gdp-growth-2017: \x1b[1;31mmissed\x1b[0m — " in short


def test_piped_output_is_never_paged(tmp_path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PAGER": f"cat > {tmp_path / 'paged.txt'}", "LINES": "5"}
    result = subprocess.run(
        [sys.executable, "-m", "zjk_targets", "report"], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert result.returncode == 0 and result.stdout.startswith(FIRST_SCREEN.splitlines()[0])
    assert not (tmp_path / "paged.txt").exists()
