"""How about (左右) goals are read: within their tolerance (band, the default) or strictly, by both engines.

Each case is judged by the per-target engine (rules/verdicts.py) and by the columnar one
(columnar/evaluate.py, through the CSV export), under both readings, and must give the status and
the exact reason of the table.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest
from conftest import dataset, metric, obs, target

from zjk_targets import columnar, to_csv
from zjk_targets.model import Comparator, Direction, Reading, Status
from zjk_targets.rules.verdicts import evaluate

ABOUT, GE = Comparator.ABOUT, Comparator.GE
LOWER = Direction.LOWER
BAND, STRICT = Reading.BAND, Reading.STRICT
MET, MISSED, UNKNOWN = Status.MET, Status.MISSED, Status.UNKNOWN
CITED = "(official, Statistics 2018-03-01)"
NOTE = "; about read strictly"

GDP = (target(ABOUT, "7.5", tolerance="0.5"), metric())
CPI = (target(ABOUT, "3", tolerance="0.5"), metric(direction=LOWER))

CASES = [
    # (case, (target, metric), observations, band: (status, reason), strict: (status, reason))
    (
        "higher: at the goal",
        GDP,
        [obs("a", 2017, "7.5")],
        (MET, f"2017: 7.5 % is within ≈ 7.5 % ± 0.5 or above {CITED}"),
        (MET, f"2017: 7.5 % ≥ 7.5 % {CITED}{NOTE}"),
    ),
    (
        "higher: just below the goal",
        GDP,
        [obs("a", 2017, "7.4")],
        (MET, f"2017: 7.4 % is within ≈ 7.5 % ± 0.5 or above {CITED}"),
        (MISSED, f"2017: 7.4 % < 7.5 % {CITED}{NOTE}"),
    ),
    (
        "higher: at the edge of the band",
        GDP,
        [obs("a", 2017, "7")],
        (MET, f"2017: 7 % is within ≈ 7.5 % ± 0.5 or above {CITED}"),
        (MISSED, f"2017: 7 % < 7.5 % {CITED}{NOTE}"),
    ),
    (
        "higher: past the band",
        GDP,
        [obs("a", 2017, "6.9")],
        (MISSED, f"2017: 6.9 % is below ≈ 7.5 % ± 0.5 {CITED}"),
        (MISSED, f"2017: 6.9 % < 7.5 % {CITED}{NOTE}"),
    ),
    (
        "higher: above the goal",
        GDP,
        [obs("a", 2017, "7.6")],
        (MET, f"2017: 7.6 % is within ≈ 7.5 % ± 0.5 or above {CITED}"),
        (MET, f"2017: 7.6 % ≥ 7.5 % {CITED}{NOTE}"),
    ),
    (
        "lower is better: at the goal",
        CPI,
        [obs("a", 2017, "3")],
        (MET, f"2017: 3 % is within ≈ 3 % ± 0.5 or below {CITED}"),
        (MET, f"2017: 3 % ≤ 3 % {CITED}{NOTE}"),
    ),
    (
        "lower is better: just above the goal",
        CPI,
        [obs("a", 2017, "3.1")],
        (MET, f"2017: 3.1 % is within ≈ 3 % ± 0.5 or below {CITED}"),
        (MISSED, f"2017: 3.1 % > 3 % {CITED}{NOTE}"),
    ),
    (
        "lower is better: below the goal",
        CPI,
        [obs("a", 2017, "2")],
        (MET, f"2017: 2 % is within ≈ 3 % ± 0.5 or below {CITED}"),
        (MET, f"2017: 2 % ≤ 3 % {CITED}{NOTE}"),
    ),
    (
        "lower is better: past the band",
        CPI,
        [obs("a", 2017, "3.6")],
        (MISSED, f"2017: 3.6 % is above ≈ 3 % ± 0.5 {CITED}"),
        (MISSED, f"2017: 3.6 % > 3 % {CITED}{NOTE}"),
    ),
    (
        "a range inside the band straddles the goal read strictly",
        GDP,
        [obs("a", 2017, low="7.3", high="7.7")],
        (MET, f"2017: 7.3–7.7 % is within ≈ 7.5 % ± 0.5 or above {CITED}"),
        (UNKNOWN, f"the figure's range straddles the goal: 2017: 7.3–7.7 % {CITED}{NOTE}"),
    ),
    (
        "a range from the goal up meets it read strictly",
        GDP,
        [obs("a", 2017, low="7.5", high="7.8")],
        (MET, f"2017: 7.5–7.8 % is within ≈ 7.5 % ± 0.5 or above {CITED}"),
        (MET, f"2017: 7.5–7.8 % meets ≥ 7.5 % {CITED}{NOTE}"),
    ),
    (
        "an about goal of no tolerance reads the same both ways, but says which",
        (target(ABOUT, "7.5", tolerance="0"), metric()),
        [obs("a", 2017, "7.4")],
        (MISSED, f"2017: 7.4 % is below ≈ 7.5 % ± 0 {CITED}"),
        (MISSED, f"2017: 7.4 % < 7.5 % {CITED}{NOTE}"),
    ),
    (
        "a goal that is not about is not touched",
        (target(GE, "7.5"), metric()),
        [obs("a", 2017, "7.4")],
        (MISSED, f"2017: 7.4 % < 7.5 % {CITED}"),
        (MISSED, f"2017: 7.4 % < 7.5 % {CITED}"),
    ),
    (
        "figures of one date that disagree only read strictly",
        GDP,
        [obs("a", 2017, "7.4", source="news"), obs("b", 2017, "7.6", source="news2")],
        (MET, "2017: 7.4 % is within ≈ 7.5 % ± 0.5 or above (news, Daily 2019-02-15)"),
        (
            UNKNOWN,
            "conflicting evidence: 2017: 7.4 % (news, Daily 2019-02-15) vs 2017: 7.6 % (news, Evening 2019-02-15)"
            + NOTE,
        ),
    ),
    (
        "a deadline about goal met early, read strictly",
        (target(ABOUT, "7.5", year=None, by=2019, tolerance="0.5"), metric()),
        [obs("a", 2017, "7.2"), obs("b", 2018, "7.5", source="news")],
        (MET, "met before the 2019 deadline: 2018: 7.5 % is within ≈ 7.5 % ± 0.5 or above (news, Daily 2019-02-15)"),
        (MET, "met before the 2019 deadline: 2018: 7.5 % ≥ 7.5 % (news, Daily 2019-02-15)" + NOTE),
    ),
    (
        "no figure: nothing compared, nothing said",
        GDP,
        [obs("a", 2016, "7.4")],
        (UNKNOWN, f"no 2017 figure; nearest: 2016: 7.4 % {CITED}"),
        (UNKNOWN, f"no 2017 figure; nearest: 2016: 7.4 % {CITED}"),
    ),
]


def _stated(data):
    """The data with excerpts that state their numbers, as the CSV reader requires."""
    (the_target,) = data.targets
    excerpt = f"增长{the_target.goal}%左右"
    observations = tuple(
        dataclasses.replace(o, excerpt="、".join(str(n) for n in (o.value, o.minimum, o.maximum) if n is not None))
        for o in data.observations
    )
    return dataclasses.replace(
        data, targets=(dataclasses.replace(the_target, excerpt=excerpt),), observations=observations
    )


@pytest.mark.parametrize("reading", [BAND, STRICT])
@pytest.mark.parametrize(
    ("pair", "observations", "band", "strict"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_both_engines_read_about_goals_alike(tmp_path, pair, observations, band, strict, reading) -> None:
    the_target, the_metric = pair
    data = _stated(dataset(the_target, the_metric, observations))
    status, reason = band if reading is BAND else strict
    (verdict,) = evaluate(data, reading=reading)
    assert (verdict.status, verdict.reason) == (status, reason)
    path = tmp_path / "data.csv"
    path.write_text(to_csv(data), encoding="utf-8")
    (row,) = csv.DictReader(io.StringIO(columnar.export_csv([path], reading=reading)))
    assert (row["status"], row["reason"], row["about_reading"]) == (status.value, reason, reading.value)


def test_the_band_is_the_default() -> None:
    data = dataset(*GDP, [obs("a", 2017, "7.4")])
    assert evaluate(data) == evaluate(data, reading=BAND)
    assert evaluate(data)[0].status is MET


# -- the option on every command that judges, and what each output says --------------------------

STRICT_LINE = "左右 (about) read strictly: met only when the outcome reaches the goal"
BAND_LINE = "左右 (about) read as a band: met within the goal's tolerance"
GDP_2023 = (
    "gdp-growth-2023: missed — 2023: 5.1 % < 6.5 % (official, 张家口市人民政府 (mirrored by bx2200.com) "
    "2024-01-30); about read strictly\n"
)


@pytest.mark.parametrize("command", ["report", "list", "record", "show", "check", "export", "chart", "national"])
def test_every_command_that_judges_takes_the_option(runner, command) -> None:
    from zjk_targets.cli import app

    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert "--about" in result.stdout and "band|strict" in result.stdout


def test_check_says_the_reading_in_the_reason(runner) -> None:
    from zjk_targets.cli import app

    result = runner.invoke(app, ["check", "gdp-growth-2023", "--about", "strict"])
    assert (result.exit_code, result.stdout) == (1, GDP_2023)
    band = runner.invoke(app, ["check", "gdp-growth-2023"])
    assert band.stdout == (
        "gdp-growth-2023: missed — 2023: 5.1 % is below ≈ 6.5 % ± 0.5 (official, 张家口市人民政府 (mirrored by "
        "bx2200.com) 2024-01-30)\n"
    )
    as_json = runner.invoke(app, ["check", "gdp-growth-2023", "--about", "STRICT", "--format", "json"])
    assert json.loads(as_json.stdout)["about_reading"] == {"reading": "strict", "note": STRICT_LINE}


def test_record_says_which_reading_it_used(runner) -> None:
    from zjk_targets.cli import app

    result = runner.invoke(app, ["record", "--metric", "gdp-growth", "--from", "2023", "--about", "strict"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:5] == [
        "Track record of Zhangjiakou: headline targets of the 2023–2025 work reports",
        "2 headline targets: 1 judgeable, 1 decided (100 % of judgeable), 0 met (0 % of decided), 1 missed, 1",
        "unknown.",
        "Met per report year: 2023 0/1, 2025 –.",
        STRICT_LINE,
    ]


def test_list_report_and_show_say_it_in_chinese_too(runner) -> None:
    from zjk_targets.cli import app

    listed = runner.invoke(app, ["list", "--about", "strict", "--lang", "zh", "--status", "missed"])
    assert listed.stdout.splitlines()[-1] == "“左右”从严判定：实际值达到目标才算达到"
    report = runner.invoke(app, ["report", "--about", "strict", "--no-pager"])
    assert STRICT_LINE in report.stdout.splitlines()[:40]  # on the first screen
    shown = runner.invoke(app, ["show", "gdp-growth-2023", "--about", "strict", "--lang", "zh", "--no-pager"])
    assert (
        "2023: 5.1 % < 6.5 %（官方，张家口市人民政府 (mirrored by bx2200.com) 2024-01-30）；“左右”从严判定\n"
        "             “左右”从严判定：实际值达到目标才算达到\n"
    ) in shown.stdout


def test_every_export_says_which_reading_it_used(runner) -> None:
    from zjk_targets.cli import app

    data = json.loads(runner.invoke(app, ["export", "-f", "json", "--about", "strict"]).stdout)
    assert data["about_reading"] == {"reading": "strict", "note": STRICT_LINE}
    (reason,) = [t["reason"] for t in data["targets"] if t["id"] == "gdp-growth-2023"]
    assert reason == GDP_2023.removeprefix("gdp-growth-2023: missed — ").removesuffix("\n")
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["export", "-f", "csv", "--about", "strict"]).stdout)))
    assert {row["about_reading"] for row in rows} == {"strict"}
    assert {
        row["about_reading"] for row in csv.DictReader(io.StringIO(runner.invoke(app, ["export", "-f", "csv"]).stdout))
    } == {"band"}
    markdown = runner.invoke(app, ["export", "--about", "strict"]).stdout
    assert f"\n\n{STRICT_LINE}\n\n" in markdown
    page = runner.invoke(app, ["export", "-f", "html", "--about", "strict"]).stdout
    assert f"<p id=about-reading>{STRICT_LINE.replace(chr(39), '&#x27;')}</p>" in page


def test_the_national_table_says_which_reading_it_used(runner) -> None:
    from zjk_targets.cli import app

    text = runner.invoke(app, ["national", "--about", "strict", "--no-pager"], env={"COLUMNS": "80"}).stdout
    band = runner.invoke(app, ["national", "--no-pager"], env={"COLUMNS": "80"}).stdout
    assert text.splitlines()[4] == STRICT_LINE and band.splitlines()[4] == BAND_LINE
    data = json.loads(runner.invoke(app, ["national", "-f", "json", "--about", "strict"]).stdout)
    assert data["about_reading"]["reading"] == "strict"
    # Strictly, fewer are met; a few change between decided and unknown (a range that straddles
    # the goal itself but not its band, or the other way round).
    strict_total, band_total = data["total"], json.loads(runner.invoke(app, ["national", "-f", "json"]).stdout)["total"]
    assert strict_total["met"] < band_total["met"]
    assert abs(strict_total["decided"] - band_total["decided"]) < band_total["decided"] / 1000
    table = runner.invoke(app, ["national", "-f", "csv", "--about", "strict"]).stdout
    assert {row["about_reading"] for row in csv.DictReader(io.StringIO(table))} == {"strict"}
