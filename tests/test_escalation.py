"""Target escalation (层层加码): a small national dataset of the nation, two provinces and five
cities, written in the CSV layout that build-national writes, through every format of `zjk-targets
escalation`; the level and parent of each place from places.csv by code, and from cities.csv's own
columns where it has them."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pandas as pd
import pytest
from conftest import assert_golden, seal

from zjk_targets.cli import app
from zjk_targets.national.escalation_table import escalate, hierarchy, panel
from zjk_targets.national.places import bundled_places
from zjk_targets.rules.schema import CSV_COLUMNS
from zjk_targets.write import csv_row

# slug: name, folder, code, level, parent slug, then per year (comparator, goal, the outcome the
# next report gives or None). The 2019 reports review 2018 but state no GDP figure.
PLACES = {
    "china": ("全国", "政府工作报告-国务院", "100000", "nation", ""),
    "hebei": ("河北省", "政府工作报告-省自治区/河北省", "130000", "province", "china"),
    "jiangsu": ("江苏省", "政府工作报告-省自治区/江苏省", "320000", "province", "china"),
    "shijiazhuang": ("石家庄市", "政府工作报告-主要城市/石家庄市", "130100", "major-city", "hebei"),
    "handan": ("邯郸市", "政府工作报告-其他地市/邯郸市", "130400", "city", "hebei"),
    "taizhou": ("泰州市", "政府工作报告-其他地市/泰州市", "321200", "city", "jiangsu"),
    "xuzhou": ("徐州市", "政府工作报告-其他地市/徐州市", "320300", "city", "jiangsu"),
    # 吉林市's slug is the pinyin of 吉林省, its province, which is not in the data.
    "jilin": ("吉林市", "政府工作报告-其他地市/吉林市", "220200", "city", "jilin"),
}
GOALS = {
    "china": {2017: ("about", "6.5", "6.9"), 2018: ("about", "6.5", None)},
    "hebei": {2017: ("about", "7", "6.7"), 2018: ("about", "6.5", None)},
    "jiangsu": {2017: (">=", "7.5", "7.2"), 2018: (">=", "7", None)},
    "shijiazhuang": {2017: (">=", "7.5", "7.3"), 2018: (">=", "7", None)},
    "handan": {2017: ("about", "7", "6.9"), 2018: ("about", "6.5", None)},
    "taizhou": {2017: (">=", "8", "8.1"), 2018: (">=", "7.5", None)},
    "xuzhou": {2017: (">=", "7.5", None), 2018: (">=", "7", None)},
    "jilin": {2017: (">=", "7", "5.1")},
}
WORDS = {"about": "{zh}增长{goal}%左右", ">=": "{zh}增长{goal}%以上"}


def _entries() -> list[list[str]]:
    rows = []
    for slug, (name, folder, _, level, _) in PLACES.items():
        zh = "国内生产总值" if level == "nation" else "地区生产总值"
        years = sorted(GOALS[slug])
        for year in [*years, years[-1] + 1]:
            rows.append(
                csv_row(
                    "source",
                    {
                        "id": f"{slug}.gwr-{year}",
                        "title": f"{name}政府工作报告",
                        "publisher": f"{name}人民政府",
                        "published": f"{year}-01-20",
                        "trust": "official",
                        "file": f"{folder}/{year}.md",
                    },
                )
            )
        rows.append(
            csv_row(
                "metric",
                {"id": f"{slug}.gdp-growth", "zh": f"{zh}增长", "en": "GDP growth", "unit": "%", "direction": "higher"},
            )
        )
        for year, (comparator, goal, outcome) in GOALS[slug].items():
            said = WORDS[comparator].format(zh=zh, goal=goal)
            rows.append(
                csv_row(
                    "target",
                    {
                        "id": f"{slug}.gdp-growth-{year}",
                        "metric": f"{slug}.gdp-growth",
                        "zh": said,
                        "en": f"GDP growth {goal} %",
                        "category": "economy",
                        "comparator": comparator,
                        "goal": goal,
                        "tolerance": "0.5" if comparator == "about" else "",
                        "unit": "%",
                        "year": str(year),
                        "headline": "true",
                        "source": f"{slug}.gwr-{year}",
                        "excerpt": said,
                        "note": f"drafted by zjk-targets extract from {folder}/{year}.md:{40 + year % 10}",
                    },
                )
            )
            if outcome is not None:
                rows.append(
                    csv_row(
                        "observation",
                        {
                            "id": f"{slug}.gdp-growth-{year}-gwr-{year + 1}",
                            "metric": f"{slug}.gdp-growth",
                            "unit": "%",
                            "year": str(year),
                            "value": outcome,
                            "source": f"{slug}.gwr-{year + 1}",
                            "excerpt": f"{zh}增长{outcome}%",
                        },
                    )
                )
    order = {"source": 0, "metric": 1, "target": 2, "observation": 3}
    return sorted(rows, key=lambda row: order[row[0]])


def _dataset(root: Path, with_levels: bool = False) -> Path:
    """The national folder: national.csv.gz and cities.csv (with level and parent if asked)."""
    root.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_entries())
    (root / "national.csv.gz").write_bytes(gzip.compress(buffer.getvalue().encode("utf-8"), mtime=0))
    table = io.StringIO()
    rows = csv.writer(table, lineterminator="\n")
    extra = ["level", "parent"] if with_levels else []
    rows.writerow(["slug", "name", "pinyin", "province", "adcode", "years", "reports", "headline_targets", *extra])
    for slug, (name, _, code, level, parent) in PLACES.items():
        years = sorted(GOALS[slug])
        shown = " ".join(str(year) for year in [*years, years[-1] + 1])
        rows.writerow(
            [slug, name, slug, "", code, shown, len(years) + 1, len(years), *([level, parent] if with_levels else [])]
        )
    (root / "cities.csv").write_text(table.getvalue(), encoding="utf-8")
    return seal(root)


@pytest.fixture
def national(tmp_path: Path) -> Path:
    return _dataset(tmp_path / "national")


def _run(runner, national: Path, *args: str):
    result = runner.invoke(app, ["escalation", "--national", str(national), *args])
    assert result.exit_code == 0, result.output
    return result


def test_the_answer_comes_first_and_fits_80_columns(runner, national, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = _run(runner, national, "--no-pager")
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "2018 GDP growth targets: nation 6.5 %; provinces mean 6.8 %, 1 of 2 above the",
        "nation; cities mean 7 %, 50 % above their province",
    ]
    assert lines[6] == "左右 (about) read as a band: met within the goal's tolerance"
    assert lines[8:11] == [
        "year nation         prov  mean median above  met cities  mean above  met",
        "2017   ≈6.5 met        2   7.3    7.3  100%  50%      5   7.4   50%  50%",
        "2018   ≈6.5 unknown    2   6.8    6.8   50%    –      4     7   50%    –",
    ]
    assert max(len(line) for line in lines) <= 80
    assert_golden("escalation.txt", result.stdout)


def test_the_year_asked_and_one_province_with_its_cities(runner, national) -> None:
    result = _run(runner, national, "--year", "2017", "--province", "hebei", "--no-pager")
    assert result.stdout.splitlines()[:2] == [
        "2017 GDP growth targets: nation 6.5 %; provinces mean 7 %, 1 of 1 above the nation; cities mean",
        "7.3 %, 50 % above their province",
    ]
    assert_golden("escalation-hebei.txt", result.stdout)


def test_markdown_csv_and_json_against_golden_files(runner, national) -> None:
    assert_golden("escalation.md", _run(runner, national, "--format", "markdown").stdout)
    assert_golden("escalation.csv", _run(runner, national, "--format", "csv").stdout)
    assert_golden("escalation.json", _run(runner, national, "--format", "json").stdout)


def test_the_panel_loads_into_pandas_in_one_line_csv_and_json_alike(runner, national, tmp_path) -> None:
    _run(runner, national, "--format", "csv", "-o", str(tmp_path / "panel.csv"))
    _run(runner, national, "--format", "json", "-o", str(tmp_path / "panel.json"))
    from_csv = pd.read_csv(tmp_path / "panel.csv")
    from_json = pd.read_json(tmp_path / "panel.json")
    columns = [
        "place",
        "level",
        "parent",
        "year",
        "measure",
        "comparator",
        "goal",
        "outcome",
        "status",
        "source",
        "line",
        "words",
        "about_reading",  # which reading judged the statuses: the panel says it on every row
    ]
    assert list(from_csv.columns) == columns
    assert list(from_json.columns) == columns
    assert len(from_csv) == len(from_json) == 15
    assert from_csv["goal"].tolist() == from_json["goal"].tolist()
    handan = from_csv[(from_csv["place"] == "handan") & (from_csv["year"] == 2017)].iloc[0]
    assert (handan["level"], handan["parent"], handan["goal"], handan["outcome"], handan["status"]) == (
        "city",
        "hebei",
        7.0,
        6.9,
        "met",
    )
    assert (handan["source"], handan["line"], handan["words"]) == (
        "政府工作报告-其他地市/邯郸市/2017.md",
        47,
        "地区生产总值增长7%左右",
    )


def test_level_and_parent_from_cities_csv_when_it_has_them_give_the_same_answer(runner, tmp_path) -> None:
    derived = _run(runner, _dataset(tmp_path / "a"), "--format", "csv").stdout
    given = _run(runner, _dataset(tmp_path / "b", with_levels=True), "--format", "csv").stdout
    assert given == derived


def test_the_chart_in_png_svg_and_in_the_html_page(runner, national, tmp_path) -> None:
    for kind in ("png", "svg"):
        path = tmp_path / f"escalation.{kind}"
        result = runner.invoke(app, ["escalation", "--national", str(national), "-f", kind, "-o", str(path)])
        assert result.exit_code == 0, result.output
        data = path.read_bytes()
        assert data.startswith(b"\x89PNG") if kind == "png" else b"<svg" in data
    page = _run(runner, national, "-f", "html").stdout
    assert page.count("<svg") == 1 and page.count("<polyline") == 3
    assert "2018 GDP growth targets: nation 6.5 %" in page


def test_mistakes_are_one_line(runner, national) -> None:
    result = runner.invoke(app, ["escalation", "--national", str(national), "--measure", "gdp-grwoth"])
    assert result.exit_code == 2
    assert (
        result.stderr
        == "zjk-targets: --measure gdp-grwoth: no such measure; did you mean gdp-growth, fdi-growth, trade-growth?\n"
    )
    result = runner.invoke(app, ["escalation", "--national", str(national), "-f", "png"])
    assert result.exit_code == 2
    assert result.stderr == "zjk-targets: --format png writes a chart: give --output FILE\n"


def test_the_computation_on_its_own(national) -> None:
    tree = hierarchy((national / "cities.csv").read_text(encoding="utf-8"), bundled_places())
    frame = panel(national / "national.csv.gz", tree)
    view = escalate(frame, "gdp-growth", years=[2017])
    (year,) = view.years
    assert year.nation is not None and (year.nation.goal, year.nation.comparator, year.nation.status) == (
        6.5,
        "about",
        "met",
    )
    assert (year.provinces.count, year.provinces.above, year.provinces.compared) == (2, 2, 2)
    assert (year.provinces.mean, year.provinces.median, year.provinces.decided, year.provinces.met) == (
        7.25,
        7.25,
        2,
        1,
    )
    # 吉林市 is no province's city of the data: it is not compared (4 of 5 cities are).
    assert (year.cities.count, year.cities.above, year.cities.compared) == (5, 2, 4)
    jilin = view.rows[view.rows["place"] == "jilin"].iloc[0]
    assert pd.isna(jilin["parent_goal"]) and not jilin["above"]
    assert json.loads(json.dumps(view.filters)) == {"year": "2017"}


def test_a_build_of_cities_alone_says_the_nation_and_provinces_set_none(runner, tmp_path) -> None:
    from test_national import _build

    out, _ = _build(runner, tmp_path)
    result = _run(runner, out, "--no-pager")
    assert result.stdout.splitlines()[0] == "2022 GDP growth targets: nation none; provinces none; cities mean 6.3 %"
