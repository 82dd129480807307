"""The commands, through typer's CliRunner, on exact output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import MINI, ROOT, assert_golden

from zjk_targets import __version__
from zjk_targets.cli import app


def test_version(runner) -> None:
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.output) == (0, f"zjk-targets {__version__}\n")


@pytest.mark.parametrize(
    ("target_id", "exit_code", "line"),
    [
        (
            "pm25-2017",
            0,
            "pm25-2017: met — 2017: 31 μg/m³ ≤ 31 μg/m³ (news, Daily | Paper 2019-02-15) — derived: 29 + 2",
        ),
        (
            "gdp-growth-2017",
            1,
            "gdp-growth-2017: missed — 2017: 7 % < 8 % (official, City government 2018-01-20) — estimated (预计)",
        ),
        ("library-2017", 3, "library-2017: unknown — no 2017 figure"),
        (
            "afforestation-2017",
            3,
            "afforestation-2017: unknown — conflicting evidence: 2017: 222 万亩 (low, mirror.example 2023) "
            "vs 2017: at least 240 万亩 (official, City government 2018-01-20)",
        ),
    ],
)
def test_check_prints_one_line_and_exits_by_verdict(runner, target_id, exit_code, line) -> None:
    result = runner.invoke(app, ["check", target_id, *MINI])
    assert (result.exit_code, result.stdout) == (exit_code, line + "\n")


def test_check_allow_unknown_turns_unknown_into_success(runner) -> None:
    result = runner.invoke(app, ["check", "library-2017", "--allow-unknown", *MINI])
    assert result.exit_code == 0


def test_check_unknown_id_suggests_close_ids(runner) -> None:
    result = runner.invoke(app, ["check", "pm25-2018", *MINI])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "zjk-targets: no target with id `pm25-2018`; did you mean pm25-2017?\n"


def test_data_files_come_from_the_environment(runner, monkeypatch) -> None:
    monkeypatch.setenv("ZJK_TARGETS_FILE", MINI[1])
    monkeypatch.setenv("ZJK_ACTUALS_FILE", MINI[3])
    assert runner.invoke(app, ["check", "pm25-2017"]).exit_code == 0


def test_show(runner) -> None:
    result = runner.invoke(app, ["show", "afforestation-2017", *MINI])
    assert result.exit_code == 0
    assert_golden("show-afforestation.txt", result.stdout)


def test_report(runner) -> None:
    result = runner.invoke(app, ["report", *MINI])
    assert result.exit_code == 0
    assert_golden("report.txt", result.stdout)


def test_report_filters(runner) -> None:
    result = runner.invoke(app, ["report", "--status", "met", "--category", "environment", "--lang", "zh", *MINI])
    assert result.exit_code == 0
    assert_golden("report-met-environment-zh.txt", result.stdout)


def test_report_unknown_category_is_an_error(runner) -> None:
    result = runner.invoke(app, ["report", "--category", "sport", *MINI])
    assert result.exit_code == 2
    assert result.stderr == ("zjk-targets: no category sport; the categories are economy, environment, society\n")


@pytest.mark.parametrize(("fmt", "golden"), [("markdown", "mini.md"), ("json", "mini.json"), ("csv", "mini.csv")])
def test_export_formats_match_golden_files(runner, fmt, golden) -> None:
    result = runner.invoke(app, ["export", "--format", fmt, *MINI])
    assert result.exit_code == 0
    assert result.stdout.endswith("\n")
    assert_golden(golden, result.stdout)


def test_export_markdown_in_chinese(runner) -> None:
    result = runner.invoke(app, ["export", "--lang", "zh", *MINI])
    assert_golden("mini.zh.md", result.stdout)


def test_export_json_equals_the_library_result(runner) -> None:
    """Oracle: the CLI's JSON is exactly what the library computes."""
    from zjk_targets import evaluate, load_dataset
    from zjk_targets.render.json import to_data

    dataset = load_dataset([MINI[1], MINI[3]])
    result = runner.invoke(app, ["export", "--format", "json", *MINI])
    assert json.loads(result.stdout) == to_data(dataset, evaluate(dataset))


def test_export_writes_the_output_file(runner, tmp_path) -> None:
    out = tmp_path / "summary.md"
    result = runner.invoke(app, ["export", "--output", str(out), *MINI])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"wrote {out}\n")
    assert out.read_text(encoding="utf-8").startswith("# Targets: did they do what they said?")
    assert [p.name for p in tmp_path.iterdir()] == ["summary.md"]


def test_export_into_a_missing_folder_is_a_clear_error(runner, tmp_path) -> None:
    out = tmp_path / "nope" / "summary.md"
    result = runner.invoke(app, ["export", "--output", str(out), *MINI])
    assert result.exit_code == 2
    assert result.stderr == f"zjk-targets: cannot write {out}: folder {out.parent} does not exist\n"


def test_a_failed_export_keeps_the_old_file(runner, tmp_path) -> None:
    out = tmp_path / "summary.md"
    out.write_text("old\n", encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("targets: [\n", encoding="utf-8")
    result = runner.invoke(app, ["export", "--output", str(out), "--targets", str(broken), "--actuals", MINI[3]])
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.yaml", "summary.md"]


def test_validate_ok(runner, tmp_path) -> None:
    import shutil

    from conftest import DATA

    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(DATA / name, tmp_path / name)
    result = runner.invoke(app, ["validate", "--data", str(tmp_path)])
    assert (result.exit_code, result.stdout) == (0, "ok: 5 targets, 7 observations, 5 metrics, 4 sources\n")
    # with the source texts beside the data, every excerpt is checked against them unasked
    for name in ("report.txt", "review-2018.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    result = runner.invoke(app, ["validate", "--data", str(tmp_path)])
    assert (result.exit_code, result.stdout) == (
        0,
        f"ok: 5 targets, 7 observations, 5 metrics, 4 sources; 7 excerpts found in their source files under {tmp_path}\n",
    )


def test_validate_checks_excerpts_against_source_texts(runner, tmp_path) -> None:
    from conftest import DATA

    result = runner.invoke(app, ["validate", *MINI, "--sources", str(DATA)])
    assert result.exit_code == 0
    assert result.stdout.endswith(f"; 7 excerpts found in their source files under {DATA}\n")
    (tmp_path / "report.txt").write_text("全市地区生产总值增长8%。\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", *MINI, "--sources", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert f"{MINI[1]}:48: `pm25-2017`: excerpt not found in {tmp_path / 'report.txt'}" in lines
    assert (
        lines[0]
        == f"{MINI[3]}:22: `gdp-growth-2017-est`: source file `review-2018.txt` of `review-2018` cannot be read under {tmp_path}"
    )
    assert (
        f"{MINI[3]}:60: `afforestation-2017-bound`: source file `review-2018.txt` of `review-2018` cannot be read under {tmp_path}"
        in lines
    )
    assert lines[-1] == "zjk-targets: 6 problems in the data; nothing was evaluated"


def test_check_several_ids_exits_by_the_worst_verdict(runner) -> None:
    met_and_unknown = runner.invoke(app, ["check", "pm25-2017", "library-2017", *MINI])
    assert met_and_unknown.exit_code == 3
    assert met_and_unknown.stdout.splitlines()[1] == "library-2017: unknown — no 2017 figure"
    assert runner.invoke(app, ["check", "library-2017", "gdp-growth-2017", *MINI]).exit_code == 1
    assert runner.invoke(app, ["check", "--all", "--allow-unknown", *MINI]).exit_code == 1
    assert runner.invoke(app, ["check", "library-2017", "pm25-2017", "--allow-unknown", *MINI]).exit_code == 0


def test_check_needs_an_id_or_all(runner) -> None:
    result = runner.invoke(app, ["check", *MINI])
    assert (result.exit_code, result.stderr) == (2, "zjk-targets: name at least one target ID, or use --all\n")


def test_check_reports_every_unknown_id(runner) -> None:
    result = runner.invoke(app, ["check", "nope", "pm25-2018", *MINI])
    assert result.exit_code == 2
    assert result.stderr == (
        "zjk-targets: no target with id `nope`; `zjk-targets list` lists them\n"
        "zjk-targets: no target with id `pm25-2018`; did you mean pm25-2017?\n"
    )


def test_check_github_annotations(runner) -> None:
    result = runner.invoke(app, ["check", "--all", "--format", "github", *MINI])
    assert_golden("check-github.txt", result.stdout)
    assert result.stdout.startswith("::error title=gdp-growth-2017%3A missed::")


def test_check_json(runner) -> None:
    result = runner.invoke(app, ["check", "pm25-2017", "gdp-growth-2017", "--format", "json", *MINI])
    data = json.loads(result.stdout)
    assert data["exit_code"] == result.exit_code == 1
    assert [(r["id"], r["status"]) for r in data["results"]] == [("pm25-2017", "met"), ("gdp-growth-2017", "missed")]


def test_step_summary_is_appended_by_check_and_export(runner, tmp_path, monkeypatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    runner.invoke(app, ["check", "pm25-2017", *MINI])
    runner.invoke(app, ["export", "--format", "json", *MINI])
    text = summary.read_text(encoding="utf-8")
    assert text.startswith(
        "earlier step\n### zjk-targets check\n\n**1 target: 1 met, 0 missed, 0 unknown**\n\n"
        "| Target | Status | Reason |\n|---|---|---|\n| `pm25-2017` | **met** |"
    )
    assert "Of 5 targets set in 2017: 2 met, 1 missed, 2 unknown." in text


@pytest.mark.parametrize(
    ("args", "annotations", "summary"),
    [
        (
            ["pm25-2071", *MINI],
            "::error title=zjk-targets check::no target with id `pm25-2071`; did you mean pm25-2017?\n",
            "**no target with id \\`pm25-2071\\`; did you mean pm25-2017?**\n",
        ),
        (
            ["--all", "--targets", "tests/broken/comparator-typo.yaml", "--actuals", "tests/broken/_actuals.yaml"],
            "::error file=tests/broken/comparator-typo.yaml,line=15,title=zjk-targets check::"
            "missing required field `comparator`\n"
            "::error file=tests/broken/comparator-typo.yaml,line=20,title=zjk-targets check::"
            "unknown field `comparater`; did you mean `comparator`?\n"
            "::error title=zjk-targets check::2 problems in the data; nothing was evaluated\n",
            "**2 problems in the data; nothing was evaluated**\n\n"
            "- `tests/broken/comparator-typo.yaml:15`: missing required field \\`comparator\\`\n"
            "- `tests/broken/comparator-typo.yaml:20`: unknown field \\`comparater\\`; "
            "did you mean \\`comparator\\`?\n",
        ),
        (
            ["--all", "--targets", "tests/no-such.yaml"],
            "::error title=zjk-targets check::--targets tests/no-such.yaml: file not found\n",
            "**--targets tests/no-such.yaml: file not found**\n",
        ),
    ],
    ids=["misspelt-id", "bad-data", "missing-file"],
)
def test_every_failure_of_check_is_an_error_annotation_and_a_step_summary(
    runner, tmp_path, monkeypatch, args, annotations, summary
) -> None:
    """CI sees why nothing was judged where it looks, as well as the usual stderr and exit 2."""
    monkeypatch.chdir(ROOT)
    summary_path = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_path))
    result = runner.invoke(app, ["check", *args, "-f", "github"])
    assert (result.exit_code, result.stdout) == (2, annotations)
    # the usual message as well (the summary escapes markdown's backticks in it)
    assert result.stderr.endswith(summary.splitlines()[0].strip("*").replace("\\`", "`") + "\n")
    assert summary_path.read_text(encoding="utf-8") == f"### zjk-targets check\n\n{summary}\n"
    plain = runner.invoke(app, ["check", *args])  # the text format: the same stderr, nothing on stdout
    assert (plain.exit_code, plain.stdout, plain.stderr) == (2, "", result.stderr)


def test_many_data_problems_keep_one_error_annotation_for_the_count(runner, tmp_path, monkeypatch) -> None:
    """GitHub shows 10 errors a step: 9 problems at their lines, then the count and where the rest are."""
    monkeypatch.chdir(tmp_path)
    Path("bad.yaml").write_text("".join(f"x{i}: 1\n" for i in range(12)), encoding="utf-8")
    result = runner.invoke(app, ["check", "--all", "-f", "github", "--targets", "bad.yaml"])
    lines = result.stdout.splitlines()
    assert lines[:9] == [
        f"::error file=bad.yaml,line={i + 1},title=zjk-targets check::unknown section `x{i}`" for i in range(9)
    ]
    assert lines[9:] == [
        "::error title=zjk-targets check::12 problems in the data; nothing was evaluated; 3 more not annotated "
        "(GitHub shows 10 of each kind per step): see the step summary"
    ]


def test_a_check_failed_by_an_unknown_verdict_ends_with_an_error(runner, tmp_path, monkeypatch) -> None:
    summary_path = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_path))
    result = runner.invoke(app, ["check", "library-2017", "-f", "github", *MINI])
    assert (result.exit_code, result.stdout) == (
        3,
        "::warning title=library-2017%3A unknown::no 2017 figure\n"
        "::error title=zjk-targets check::1 target: 0 met, 0 missed, 1 unknown; "
        "the check fails (exit 3): a verdict is unknown (--allow-unknown lets it pass)\n",
    )
    assert summary_path.read_text(encoding="utf-8").splitlines()[2] == (
        "**1 target: 0 met, 0 missed, 1 unknown** — the check fails (exit 3): a verdict is unknown "
        "(--allow-unknown lets it pass)"
    )
    allowed = runner.invoke(app, ["check", "library-2017", "-f", "github", "--allow-unknown", *MINI])
    assert (allowed.exit_code, allowed.stdout.splitlines()[-1]) == (
        0,
        "::notice title=zjk-targets check::1 target: 0 met, 0 missed, 1 unknown",
    )


@pytest.mark.parametrize("fmt", [["-f", "github"], ["--format=github"], ["-fgithub"]])
def test_a_check_command_line_typer_refuses_is_an_error_annotation_and_a_step_summary(
    runner, tmp_path, monkeypatch, fmt
) -> None:
    summary_path = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_path))
    result = runner.invoke(app, ["check", *fmt, "--bogus"])
    said = "no such option: --bogus (Possible options: --about); see zjk-targets check --help"
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        f"::error title=zjk-targets check::{said}\n",
        f"zjk-targets: {said}\n",
    )
    assert summary_path.read_text(encoding="utf-8") == f"### zjk-targets check\n\n**{said}**\n\n"


def test_a_usage_error_of_another_command_writes_no_annotation(runner, tmp_path, monkeypatch) -> None:
    summary_path = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_path))
    result = runner.invoke(app, ["report", "-f", "github", "--bogus"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert not summary_path.exists()
