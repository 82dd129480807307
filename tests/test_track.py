"""The track record: report years, --as-of, --report, projections and the `record` matrix."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from conftest import DATA, dataset, metric, obs, target

from zjk_targets import evaluate, load_dataset
from zjk_targets.cli import app
from zjk_targets.model import Comparator, Direction, PartialDate, Source, Status, Trust
from zjk_targets.rules.projection import project
from zjk_targets.rules.timeline import as_of, end_of, report_year
from zjk_targets.rules.track_record import track_record

TRACK = DATA / "track"
ARGS = ["--targets", str(TRACK / "targets.yaml"), "--actuals", str(TRACK / "actuals.yaml")]


def _track() -> object:
    return load_dataset([TRACK / "targets.yaml", TRACK / "actuals.yaml"])


@pytest.mark.parametrize(
    ("published", "year"),
    [("2021-01-28", 2021), ("2021-10-31", 2021), ("2021-11-02", 2022), ("2021-12-20", 2022), ("2021", 2021)],
)
def test_a_report_sets_its_own_year_unless_delivered_at_the_end_of_the_one_before(published, year) -> None:
    source = Source("r", "t", "p", PartialDate.parse(published), Trust.OFFICIAL, file="f")
    assert report_year(source) == year


@pytest.mark.parametrize(
    ("given", "end"),
    [("2021", "2021-12-31"), ("2020-02", "2020-02-29"), ("2021-02", "2021-02-28"), ("2021-06-15", "2021-06-15")],
)
def test_a_partial_date_means_its_last_day(given, end) -> None:
    assert str(end_of(PartialDate.parse(given))) == end


def test_as_of_drops_what_was_published_later() -> None:
    data = _track()
    early = as_of(data, PartialDate(2021, 2))
    assert sorted(early.sources) == ["r2020", "r2021"]
    assert [t.id for t in early.targets] == [
        "gdp-growth-2020",
        "cpi-inflation-2020",
        "gdp-growth-2021",
        "cpi-inflation-2021",
        "pm25-by-2025",
    ]
    assert {o.id for o in early.observations} == {
        "gdp-growth-2020-r2021",
        "cpi-inflation-2020-r2021",
        "pm25-2020-r2021",
    }


def test_an_estimate_decides_until_its_final_figure_is_published() -> None:
    data = _track()
    verdict = {v.target.id: v for v in evaluate(as_of(data, PartialDate(2021, 2, 1)))}["gdp-growth-2020"]
    assert (verdict.status, verdict.reason) == (
        Status.MET,
        "2020: 6.6 % ≥ 6.5 % (official, City government 2021-01-28) — estimated (预计)",
    )
    verdict = {v.target.id: v for v in evaluate(data)}["gdp-growth-2020"]
    assert (verdict.status, verdict.reason) == (
        Status.MISSED,
        "2020: 6.2 % < 6.5 % (official, City statistics bureau 2021-03-10); "
        "City government 2021-01-28 gave 6.6 %, an estimate, superseded",
    )


def test_the_matrix_holds_each_years_headline_targets_and_the_shares() -> None:
    data = _track()
    record = track_record(data, evaluate(data))
    assert record.years == (2020, 2021, 2022)
    assert [m.id for m in record.metrics] == ["gdp-growth", "cpi-inflation"]
    assert record.cell("pm25", 2025) is None  # a deadline goal is not an annual headline target
    assert (record.by_year(2020).met, record.by_year(2020).decided) == (1, 2)
    assert (record.by_metric("gdp-growth").met, record.by_metric("gdp-growth").decided) == (1, 2)
    assert (record.overall.met, record.overall.decided, record.overall.unknown) == (2, 3, 2)
    narrow = track_record(data, evaluate(data), first=2021, last=2021, metrics={"gdp-growth"})
    assert (narrow.years, [m.id for m in narrow.metrics]) == ((2021,), ["gdp-growth"])


# --- projections: the required annual change against the observed one ------------------------
def _meets_at_most(goal: str):
    return lambda value: value <= Decimal(goal)


@pytest.mark.parametrize(
    ("figures", "on_track", "projected"),
    [
        ({2020: "33", 2022: "29"}, True, "23"),  # −2 a year; 25 needs −1.6
        ({2020: "33", 2022: "32"}, False, "30.5"),  # −0.5 a year is too slow
        ({2020: "33", 2022: "35"}, False, "38"),  # the wrong way
        ({2019: "40", 2020: "33", 2023: "30"}, True, "25"),  # first and latest of the window count
    ],
)
def test_projection_compares_the_observed_pace_with_the_pace_needed(figures, on_track, projected) -> None:
    result = project(
        {year: Decimal(value) for year, value in figures.items()}, Decimal(25), 2025, "μg/m3", _meets_at_most("25")
    )
    assert result is not None
    assert (result.on_track, str(result.projected.quantize(Decimal("0.01")).normalize())) == (
        on_track,
        str(Decimal(projected).normalize()),
    )


def test_no_projection_from_fewer_than_two_years() -> None:
    assert project({2020: Decimal(33)}, Decimal(25), 2025, "μg/m3", _meets_at_most("25")) is None
    assert project({2020: Decimal(33), 2025: Decimal(20)}, Decimal(25), 2025, "μg/m3", _meets_at_most("25")) is None


def test_a_projection_never_turns_unknown_into_a_verdict() -> None:
    data = _track()
    verdict = {v.target.id: v for v in evaluate(data)}["pm25-by-2025"]
    assert verdict.status is Status.UNKNOWN
    assert verdict.projection is not None and verdict.projection.on_track
    assert verdict.reason == (
        "no 2025 figure, and none from 2021–2024 meets the goal; nearest: 2022: 29 μg/m3 "
        "(official, City government 2023-01-17); projection, not a verdict: on track: -2 μg/m3 a year "
        "2020–2022 against -1.6 needed; 2025 projected at 23 μg/m3"
    )


def test_a_decided_deadline_goal_gets_no_projection() -> None:
    goal = target(Comparator.LE, "25", "μg/m3", year=None, by=2019)
    the_metric = metric("μg/m3", Direction.LOWER)
    (verdict,) = evaluate(
        dataset(
            goal, the_metric, [obs("a", 2017, "30", unit="μg/m3"), obs("b", 2019, "24", unit="μg/m3", source="review")]
        )
    )
    assert (verdict.status, verdict.projection) == (Status.MET, None)


# --- the command line -----------------------------------------------------------------------------
def test_record_prints_the_matrix_at_80_columns(runner, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = runner.invoke(app, ["record", *ARGS])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Track record: headline targets of the 2020–2022 work reports\n"
        "5 headline targets: 3 judgeable, 3 decided (100 % of judgeable), 2 met (67 % of\n"
        "decided), 1 missed, 2 unknown.\n"
        "Met per report year: 2020 1/2, 2021 1/1, 2022 –.\n"
        "左右 (about) read as a band: met within the goal's tolerance\n"
        "\n"
        "measure             2020       2021        2022        met\n"
        "──────────────────────────────────────────────────────────\n"
        "gdp-growth (%)      ≥6.5→6.2   ≥6→7.1      ≥6→?        1/2\n"
        "                    ✗ missed   ✓ met       ? unknown      \n"
        "cpi-inflation (%)   ≈3.5→2.9   ≈3→?                    1/1\n"
        "                    ✓ met      ? unknown                  \n"
        "                                                          \n"
        "met                 1/2        1/1         –              \n"
        "\n"
        "goal → actual: the figure that decides the year's target (? none decides); met:\n"
        "met of decided, unknown not counted. Details: zjk-targets show ID.\n"
    )


def test_record_splits_the_years_into_blocks_that_fit(runner, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "50")
    result = runner.invoke(app, ["record", *ARGS])
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 50
    assert [line.split()[1:] for line in result.stdout.splitlines() if line.startswith("measure")] == [
        ["2020", "2021", "met"],
        ["2022", "met"],
    ]


def test_record_in_chinese_and_filtered(runner) -> None:
    result = runner.invoke(app, ["record", *ARGS, "--lang", "zh", "--metric", "cpi-inflation", "--to", "2020"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:3] == [
        "说到做到了吗：2020年政府工作报告主要预期目标",
        "主要预期目标1项：可判定1项，已判定1项（占可判定100 %），达成1项（占已判定100 %），未达成0项，未知",
        "0项。",
    ]
    assert "居民消费价格涨幅 (%)" in result.stdout and "✓ 达成" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--metric", "gdp"],
            "zjk-targets: --metric gdp: no headline targets of that measure; measures: cpi-inflation, gdp-growth\n",
        ),
        (["--from", "2022", "--to", "2020"], "zjk-targets: --from 2022 is after --to 2020\n"),
        (["--as-of", "21 May"], "zjk-targets: --as-of 21 May: not a date; write YYYY-MM-DD, YYYY-MM or YYYY\n"),
    ],
)
def test_record_refuses_what_it_cannot_show(runner, args, message) -> None:
    result = runner.invoke(app, ["record", *ARGS, *args])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


def test_check_as_of_gives_the_verdict_a_reader_had_then(runner) -> None:
    # Pinned: a verdict that changes with the date (the 预计 figure met it; the final one missed).
    assert runner.invoke(app, ["check", "gdp-growth-2020", *ARGS, "--as-of", "2021-02"]).exit_code == 0
    assert runner.invoke(app, ["check", "gdp-growth-2020", *ARGS]).exit_code == 1
    assert runner.invoke(app, ["check", "gdp-growth-2020", *ARGS, "--as-of", "2020-12-31"]).exit_code == 3
    result = runner.invoke(app, ["check", "gdp-growth-2021", *ARGS, "--as-of", "2020"])
    assert (result.exit_code, result.stderr) == (
        2,
        "zjk-targets: `gdp-growth-2021` was set on 2021-01-28, after --as-of 2020\n",
    )


def test_bundled_pm25_2017_was_unknown_before_its_figure_was_published(runner) -> None:
    assert runner.invoke(app, ["check", "pm25-2017"]).exit_code == 0
    assert runner.invoke(app, ["check", "pm25-2017", "--as-of", "2017-12-31"]).exit_code == 3


def test_report_option_chooses_one_reports_targets(runner) -> None:
    result = runner.invoke(app, ["check", "--all", "--report", "2022", *ARGS, "--allow-unknown"])
    assert (result.exit_code, [line.split(":")[0] for line in result.stdout.splitlines()]) == (0, ["gdp-growth-2022"])
    result = runner.invoke(app, ["check", "--all", "--report", "2019", *ARGS])
    assert (result.exit_code, result.stderr) == (
        2,
        "zjk-targets: --report 2019: no targets were set by a report of that year; reports: 2020, 2021, 2022\n",
    )
    result = runner.invoke(app, ["check", "gdp-growth-2020", "--report", "2020", *ARGS])
    assert (result.exit_code, result.stderr) == (
        2,
        "zjk-targets: --report goes with --all: it chooses the targets of one report\n",
    )


def test_json_states_as_of_the_counts_per_report_and_projections(runner) -> None:
    result = runner.invoke(app, ["export", "--format", "json", *ARGS, "--as-of", "2023-06"])
    data = json.loads(result.stdout)
    assert data["as_of"] == "2023-06-30"
    assert data["reports"] == [
        {
            "year": 2020,
            "counts": {"met": 1, "missed": 1, "unknown": 0, "total": 2},
            "headline": {"met": 1, "missed": 1, "unknown": 0, "total": 2},
        },
        {
            "year": 2021,
            "counts": {"met": 1, "missed": 0, "unknown": 2, "total": 3},
            "headline": {"met": 1, "missed": 0, "unknown": 1, "total": 2},
        },
        {
            "year": 2022,
            "counts": {"met": 0, "missed": 0, "unknown": 1, "total": 1},
            "headline": {"met": 0, "missed": 0, "unknown": 1, "total": 1},
        },
    ]
    (pm25,) = [t for t in data["targets"] if t["id"] == "pm25-by-2025"]
    assert pm25["projection"] == {
        "on_track": True,
        "first": {"year": 2020, "value": 33},
        "latest": {"year": 2022, "value": 29},
        "deadline": 2025,
        "required_per_year": -1.6,
        "observed_per_year": -2,
        "projected": 23,
        "unit": "μg/m3",
        "note": "a projection from the figures of the window, not a verdict",
    }
    assert json.loads(runner.invoke(app, ["export", "--format", "json", *ARGS]).stdout)["as_of"] is None


def test_markdown_leads_with_the_counts_and_misses_then_the_track_record(runner) -> None:
    result = runner.invoke(app, ["export", *ARGS])
    lines = result.stdout.splitlines()
    assert lines[2:10] == [
        "Of 6 targets set in 2020–2022: 2 met, 1 missed, 3 unknown.",
        "",
        "5 headline targets: 3 judgeable, 3 decided (100 % of judgeable), 2 met (67 % of decided), 1 missed, "
        "2 unknown.",
        "",
        "左右 (about) read as a band: met within the goal's tolerance",
        "",
        "## Missed: 1",
        "",
    ]
    record = lines.index("## Track record")
    assert lines[record + 2 : record + 7] == [
        "| measure | 2020 | 2021 | 2022 | met |",
        "|---|---|---|---|---|",
        "| gdp-growth (%) | ≥6.5→6.2 ✗ missed | ≥6→7.1 ✓ met | ≥6→? unknown | 1/2 |",
        "| cpi-inflation (%) | ≈3.5→2.9 ✓ met | ≈3→? unknown |  | 1/1 |",
        "| **met** | 1/2 | 1/1 | – |  |",
    ]


def test_chart_of_a_measure_draws_its_track_record(runner, tmp_path) -> None:
    svg = tmp_path / "gdp.svg"
    result = runner.invoke(app, ["chart", "gdp-growth", *ARGS, "--output", str(svg)])
    assert (result.exit_code, result.stderr) == (0, f"wrote {svg}\n")
    first = svg.read_bytes()
    assert first.startswith(b"<?xml") and b"met 1 of 2 decided" in first
    runner.invoke(app, ["chart", "gdp-growth", *ARGS, "--output", str(svg)])
    assert svg.read_bytes() == first, "deterministic"
    result = runner.invoke(app, ["chart", "pm25", *ARGS, "--output", str(svg)])
    assert (result.exit_code, result.stderr) == (
        2,
        "zjk-targets: measure `pm25` has no headline targets to chart; name a target instead\n",
    )
