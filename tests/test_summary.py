"""The markdown summary (`export`, markdown by default): the counts and the misses first, small
enough for a GitHub comment, narrowed by --status and --report, everything with --full; and
whatever the data says shown as text, never as markup."""

from __future__ import annotations

import re

from conftest import DATA

from zjk_targets import bundled_paths, evaluate, load_dataset
from zjk_targets.cli import app
from zjk_targets.render import markdown
from zjk_targets.rules.summary import SUMMARY_MAX_CHARS

TRACK = ["--targets", str(DATA / "track" / "targets.yaml"), "--actuals", str(DATA / "track" / "actuals.yaml")]
RULES = """\
## How verdicts are reached

1. Only figures for the target's own measure and year decide; other years and related measures (proxies) are shown but never decide.
2. When a year has several figures, the most recent publication decides; a disagreeing final figure from a more trusted source makes the verdict unknown (conflicting evidence).
3. A five-year goal is decided by its deadline year's figure, or met early if an earlier figure already meets it; figures after the deadline are context.
4. A range decides only when all of it lies on one side of the goal.
5. Without a deciding figure the verdict is unknown: unknown is an answer.
"""


def _export(runner, *args: str) -> str:
    result = runner.invoke(app, ["export", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_bundled_summary_fits_a_github_comment_with_room_to_spare(runner) -> None:
    text = _export(runner)
    assert len(text) <= SUMMARY_MAX_CHARS
    lines = text.splitlines()
    assert lines[2] == "Of 246 targets set in 2014–2025: 58 met, 21 missed, 167 unknown."
    headings = [line for line in lines if line.startswith("## ")]
    assert headings[:3] == ["## Missed: 21", "## Met: 58", "## Unknown: 167"]
    missed = lines[lines.index("## Missed: 21") + 4 : lines.index("## Met: 58") - 1]
    assert len(missed) == 21 and all(row.startswith("| `") for row in missed)
    assert max(len(line) for line in lines) <= 300
    assert "&lt;" not in text and "? ?" not in text
    # what did not fit is said, with the way to everything
    cut = [line for line in lines if line.startswith("… and ")]
    for line in cut:
        assert re.fullmatch(r"… and \d+ more: `zjk-targets export --full` gives every target\.", line)


def test_full_holds_every_target_with_its_whole_reason(runner) -> None:
    text = _export(runner, "--full")
    assert len(text) > SUMMARY_MAX_CHARS
    for verdict in evaluate(load_dataset(bundled_paths())):
        assert f"| `{verdict.target.id}` " in text, verdict.target.id
    assert "… and " not in text and "| Target | Goal | Outcome | Reason |" in text


def test_status_and_report_narrow_the_summary(runner) -> None:
    text = _export(runner, *TRACK, "--status", "missed,unknown", "--report", "2021")
    assert text == (
        """\
# Targets: did they do what they said?

Of 2 targets set in 2021: 0 met, 0 missed, 2 unknown.

1 headline target: 0 judgeable, 0 decided (– of judgeable), 0 met (– of decided), 0 missed, 1 unknown.

左右 (about) read as a band: met within the goal's tolerance

## Unknown: 2

| Target | Goal | Outcome |
|---|---|---|
| `cpi-inflation-2021` CPI rises about 3 % | ≈ 3 % ± 0.5 (2021) | no 2021 figure; nearest: 2020: 2.9 % (official, City government 2021-01-28) |
| `pm25-by-2025` PM2.5 down to 25 μg/m3 by 2025 | ≤ 25 μg/m3 (by 2025) | no 2025 figure, and none from 2021–2024 meets the goal; nearest: 2022: 29 μg/m3 (official, City government 2023-01-17); projection, not a verdict: on track: -2 μg/m3 a year 2020–2022 against -1.6 needed; 2025 projected at 23 μg/m3 |

Every target with its whole reason and every source: `zjk-targets export --full`.

## Sources

1. **r2021**: Work report 2021. City government, 2021-01-28. trust: official. `r2021.txt`
2. **r2023**: Work report 2023. City government, 2023-01-17. trust: official. `r2023.txt`

"""
        + RULES
    )
    assert _export(runner, *TRACK, "--status", "met", "--status", "missed") == _export(
        runner, *TRACK, "--status", "missed,met"
    )


def test_a_summary_too_long_loses_its_last_rows_and_says_so(runner, monkeypatch) -> None:
    whole = _export(runner, *TRACK)
    monkeypatch.setattr(markdown, "SUMMARY_MAX_CHARS", len(whole) - 1)
    text = _export(runner, *TRACK)
    assert len(text) < len(whole)
    met = text.splitlines()[text.splitlines().index("## Met: 2") :]
    assert met[:6] == [
        "## Met: 2",
        "",
        "| Target | Goal | Outcome |",
        "|---|---|---|",
        "| `cpi-inflation-2020` CPI rises about 3.5 % | ≈ 3.5 % ± 0.5 (2020) | 2020: 2.9 % is within ≈ 3.5 % ± 0.5 or below "
        "(official, City government 2021-01-28) |",
        "",
    ]
    assert met[6] == "… and 1 more: `zjk-targets export --full` gives every target."
    assert _export(runner, *TRACK, "--full").count("| `") == 6


HOSTILE = """\
schema_version: 1
dataset:
  place: X
  title: "Title\\n# Injected heading\\n<script>alert(1)</script>"
sources:
  - id: src
    title: "T [a](javascript:alert(1))"
    publisher: "P\\n## injected <script>alert(2)</script>"
    published: "2017"
    url: "https://example.org/a\\n<script>alert(3)</script>"
    trust: official
metrics:
  - {id: m, zh: 指标, en: Measure, unit: "%", direction: higher}
targets:
  - {id: t, metric: m, zh: 增长, en: "Grows <script>alert(4)</script>", category: economy, comparator: ">=",
     goal: 8, unit: "%", year: 2017, source: src, excerpt: 增长8%}
observations:
  - {id: o, metric: m, year: 2017, value: 9, unit: "%", source: src, excerpt: 增长9%}
"""


def test_title_publisher_and_address_are_text_not_markup(runner, tmp_path) -> None:
    data = tmp_path / "targets.yaml"
    data.write_text(HOSTILE, encoding="utf-8")
    text = _export(runner, "--targets", str(data), "--full")
    lines = text.splitlines()
    assert lines[0] == "# Title # Injected heading \\<script>alert(1)\\</script>"
    assert [line for line in lines if line.startswith("#")] == [
        lines[0],
        "## Met: 1",
        "## Sources",
        "## How verdicts are reached",
    ]
    assert not re.search(r"(?<!\\)<script", text) and not re.search(r"(?<!\\)\]\(", text)
    assert (
        "1. **src**: T [a\\](javascript:alert(1)). P ## injected \\<script>alert(2)\\</script>, 2017. trust: "
        "official. <https://example.org/a%0A%3Cscript%3Ealert(3)%3C/script%3E>"
    ) in lines
