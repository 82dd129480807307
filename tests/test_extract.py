"""`extract`: work reports → targets.yaml and actuals.yaml, read from the words and nothing else."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT

from zjk_targets.cli import app
from zjk_targets.extract.decode import DecodeError, decode
from zjk_targets.extract.work_report import ReportError, read_report

CORPUS = ROOT.parent / "shared" / "corpus"


def make_report(
    targets: str,
    review: str = "全市生产总值增长5%。",
    date: str = "2021年1月20日",
    work: str = "",
    heading: str = "一、过去一年工作回顾",
) -> str:
    return (
        f"---\ntitle: 测试市政府工作报告（{date} 某某）\n---\n\n"
        f"——{date}在测试市第一届人民代表大会第一次会议上\n\n各位代表：\n\n"
        f"{heading}\n\n{review}\n\n二、今年工作安排\n\n"
        f"今年经济社会发展的主要预期目标是：{targets}。重点抓好以下工作：\n\n{work}\n"
    )


def targets_of(words: str) -> list[tuple[str | None, str, str, str]]:
    report = read_report(make_report(words), "test.md")
    return [(t.measure.id if t.measure else None, t.comparator, str(t.value), t.unit) for t in report.targets]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("地区生产总值增长6%左右", [("gdp-growth", "about", "6", "%")]),
        ("一般公共预算收入增长5%以上", [("budget-revenue-growth", ">=", "5", "%")]),
        ("地方一般公共预算收入增长5%", [("local-budget-revenue-growth", ">=", "5", "%")]),
        ("全部财政收入增长4%", [("fiscal-revenue-growth", ">=", "4", "%")]),
        ("居民消费价格涨幅不高于3%", [("cpi-inflation", "<=", "3", "%")]),
        ("城镇登记失业率控制在4.5%以内", [("urban-unemployment-rate", "<=", "4.5", "%")]),
        ("城镇调查失业率5.5%", [("surveyed-unemployment-rate", "<=", "5.5", "%")]),
        ("固定资产投资增长超过10%", [("fai-growth", ">", "10", "%")]),
        ("规上工业增加值增长不低于8%", [("industry-va-growth", ">=", "8", "%")]),
        ("居民消费价格涨幅控制在3%左右", [("cpi-inflation", "about", "3", "%")]),
        ("地区生产总值增长7.2～7.5%", [("gdp-growth", ">=", "7.2", "%")]),
        ("地区生产总值增长6.5%—7%", [("gdp-growth", ">=", "6.5", "%")]),
        (
            "城乡居民人均可支配收入分别增长5%和7%",
            [("urban-income-growth", ">=", "5", "%"), ("rural-income-growth", ">=", "7", "%")],
        ),
        (
            "城镇、农村常住居民人均可支配收入分别增长7%左右和8%以上",
            [("urban-income-growth", "about", "7", "%"), ("rural-income-growth", ">=", "8", "%")],
        ),
        (
            "城镇登记失业率、居民消费价格涨幅均控制在3%以内",
            [("urban-unemployment-rate", "<=", "3", "%"), ("cpi-inflation", "<=", "3", "%")],
        ),
        ("城镇新增就业3万人", [("urban-new-jobs", ">=", "3", "万人")]),
        ("粮食产量稳定在100万吨以上", [("grain-output", ">=", "100", "万吨")]),
        ("PM2.5平均浓度控制在35微克/立方米以内", [("pm25", "<=", "35", "μg/m³")]),
        ("空气质量优良天数比例达到85%", [("good-air-days-share", ">=", "85", "%")]),
        ("人口自然增长率控制在6‰以内", [("population-growth-rate", "<=", "6", "‰")]),
        ("居民消费价格指数控制在103%左右", [("cpi-inflation", "about", "3", "%")]),
        ("单位生产总值能耗下降3%", [("energy-intensity-reduction", ">=", "3", "%")]),
        ("研究与试验发展经费投入强度2%", [("rd-share", ">=", "2", "%")]),
        ("地区生产总值达到3000亿元", [("gdp", ">=", "3000", "亿元")]),
        ("工业增加值增长8%", [(None, ">=", "8", "%")]),
        ("常住人口城镇化率提高1个百分点", [("urbanisation-rate-rise", ">=", "1", "个百分点")]),
        ("户籍人口城镇化率提高1个百分点", [(None, ">=", "1", "个百分点")]),
        ("固定资产投资增长10%以上、力争达到15%", [("fai-growth", ">=", "10", "%")]),
        ("地区生产总值增长6%，居民收入增长与经济增长同步", [("gdp-growth", ">=", "6", "%")]),
        ("地区生产总值增长6%，固定资产投资增长高于全省0.5个百分点", [("gdp-growth", ">=", "6", "%")]),
    ],
)
def test_headline_items(words: str, expected: list) -> None:
    assert targets_of(words) == expected


@pytest.mark.parametrize(
    ("work", "expected"),
    [
        ("确保城镇新增就业3万人以上。", [("urban-new-jobs", ">=", "3", "万人")]),
        (
            "粮食产量稳定在100万吨以上，实际利用外资突破5亿美元。",
            [("grain-output", ">=", "100", "万吨"), ("fdi", ">", "5", "亿美元")],
        ),
        ("力争地区生产总值增长7%。", []),  # in the headline already
        ("去年城镇新增就业2万人。", []),  # the past
        ("到2025年，城镇新增就业15万人。", []),  # another year
        ("城镇新增就业年均3万人以上。", []),
    ],
)
def test_quantified_tasks_outside_the_headline(work: str, expected: list) -> None:
    report = read_report(make_report("地区生产总值增长6%", work=work), "t.md")
    assert [(t.measure.id, t.comparator, str(t.value), t.unit) for t in report.tasks] == expected


def test_unquantified_goals_are_listed_not_invented() -> None:
    report = read_report(make_report("地区生产总值增长6%，大气质量稳定改善"), "t.md")
    assert [t.measure.id for t in report.targets if t.measure] == ["gdp-growth"]
    assert report.unquantified == ("大气质量稳定改善",)


@pytest.mark.parametrize(
    ("review", "expected"),
    [
        ("全市生产总值预计增长4%左右。", [("gdp-growth", "4", "%", True, False)]),
        (
            "一般公共预算收入249.8亿元，增长1%。",
            [("budget-revenue", "249.8", "亿元", False, False), ("budget-revenue-growth", "1", "%", False, False)],
        ),
        ("社会消费品零售总额下降2.1%。", [("retail-sales-growth", "-2.1", "%", False, False)]),
        ("地区生产总值突破2000亿元。", [("gdp", "2000", "亿元", False, True)]),
        ("地区生产总值年均增长8%。", []),
        ("过去五年，地区生产总值增长40%。", []),
        ("2018年地区生产总值增长6%。", []),
        (
            "城镇和农村居民人均可支配收入分别增长2.8%和5.3%。",
            [("urban-income-growth", "2.8", "%", False, False), ("rural-income-growth", "5.3", "%", False, False)],
        ),
        (  # 海口 2015: thousands separated by a full-width comma, once read as 530
            "城镇常住居民人均可支配收入26，530元，增长8%。",
            [("urban-income", "26530", "元", False, False), ("urban-income-growth", "8", "%", False, False)],
        ),
    ],
)
def test_review_outcomes(review: str, expected: list) -> None:
    report = read_report(make_report("地区生产总值增长6%", review=review), "t.md")
    assert report.reviews_year == 2020
    got = [(o.measure.id, str(o.value), o.unit, o.estimated, o.bound) for o in report.outcomes if o.measure]
    assert got == expected


@pytest.mark.parametrize(
    ("date", "name", "year", "sets", "basis"),
    [
        ("2021年1月20日", "x.md", None, 2021, "delivered 2021-01-20 (the date line under the title)"),
        ("2020年12月28日", "x.md", None, 2021, "a December report sets the next year's targets"),
        ("二〇二一年一月二十日", "x.md", None, 2021, "delivered 2021-01-20"),
    ],
)
def test_years_from_the_date_line(date, name, year, sets, basis) -> None:
    report = read_report(make_report("地区生产总值增长6%", date=date), name, year=year)
    assert (report.sets_year, report.reviews_year) == (sets, sets - 1)
    assert basis in report.year_basis
    assert report.city == "测试市"


def test_years_from_the_file_name_then_the_option() -> None:
    text = "今年经济社会发展的主要预期目标是：地区生产总值增长6%。"
    assert read_report(text, "2019.md").sets_year == 2019
    assert read_report(text, "report.md", year=2018).sets_year == 2018
    with pytest.raises(ReportError, match="give --year"):
        read_report(text, "report.md")


def test_gb18030_and_traditional_text() -> None:
    text = make_report("地区生产总值增长6%左右")
    assert decode(text.encode("gb18030")) == (text, "gb18030")
    traditional = make_report("地區生產總值增長6%左右，城鎮登記失業率控制在4.5%以內").replace("测试市", "測試市")
    report = read_report(traditional, "t.md")
    assert report.traditional
    assert [(t.measure.id, report.words(t)) for t in report.targets if t.measure] == [
        ("gdp-growth", "地區生產總值增長6%左右"),
        ("urban-unemployment-rate", "城鎮登記失業率控制在4.5%以內"),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty file"), (b"\x81\x30\xff\xff" * 10, "neither UTF-8 nor GB18030"), (b"\xff" * 40, "GB18030")],
)
def test_undecodable(data: bytes, message: str) -> None:
    with pytest.raises(DecodeError, match=message):
        decode(data)


WEIHAI_OUT = """\
{a}: 测试市, delivered 2021-01-20: 2 headline targets and 1 tasks for 2021, 1 outcomes of 2020
{b}: 测试市, delivered 2022-01-18: 1 headline targets and 0 tasks for 2022, 2 outcomes of 2021
wrote {out}/targets.yaml and {out}/actuals.yaml
"""


def test_cli_writes_data_that_validates_and_reports(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    work = "（一）稳就业。确保城镇新增就业3万人以上。"
    (tmp_path / "a.md").write_text(
        make_report("地区生产总值增长6%，城镇登记失业率控制在4%以内", work=work), encoding="utf-8"
    )
    review = "全市生产总值增长6.5%，城镇登记失业率3.2%。"
    (tmp_path / "b.md").write_text(
        make_report("地区生产总值增长6%", review=review, date="2022年1月18日"), encoding="gb18030"
    )
    result = runner.invoke(app, ["extract", "a.md", "b.md", "--output", "out"])
    assert result.exit_code == 0, result.output
    assert result.output == WEIHAI_OUT.format(a="a.md", b="b.md", out="out")
    drafted = (tmp_path / "out" / "targets.yaml").read_text(encoding="utf-8")
    assert drafted.count("headline: true") == 3  # the task is a target, not a headline one
    assert "a quantified task of the year's work, outside the headline paragraph" in drafted
    validated = runner.invoke(app, ["validate", "--data", "out", "--sources", "."])
    assert validated.output == (
        "ok: 4 targets, 3 observations, 3 metrics, 2 sources; 7 excerpts found in their source files under .\n"
    )
    check = runner.invoke(app, ["check", "--all", "--data", "out"])
    assert check.output.splitlines() == [
        "gdp-growth-2021: met — 2021: 6.5 % ≥ 6 % (official, 测试市人民政府 2022-01-18)",
        "gdp-growth-2022: unknown — no 2022 figure; nearest: 2021: 6.5 % (official, 测试市人民政府 2022-01-18)",
        "urban-new-jobs-2021: unknown — no 2021 figure",
        "urban-unemployment-rate-2021: met — 2021: 3.2 % ≤ 4 % (official, 测试市人民政府 2022-01-18)",
    ]


def test_cli_bad_inputs_one_line_each_and_the_rest_written(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.md").write_text(make_report("地区生产总值增长6%"), encoding="utf-8")
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "binary.md").write_bytes(b"\x81\x30\xff\xff" * 10)
    (tmp_path / "nohead.md").write_text("各位代表：今年我们要努力工作。", encoding="utf-8")
    result = runner.invoke(app, ["extract", "good.md", "empty.md", "binary.md", "nohead.md", "gone.md", "-o", "out"])
    assert result.exit_code == 2
    assert result.stderr == (
        "zjk-targets: binary.md: neither UTF-8 nor GB18030 (byte 0x81 at 0)\n"
        "zjk-targets: empty.md: empty file\n"
        "zjk-targets: gone.md: file not found\n"
        "zjk-targets: nohead.md: no headline targets paragraph (主要预期目标是：…) found\n"
    )
    assert (tmp_path / "out" / "targets.yaml").is_file()
    assert "Traceback" not in result.output


def test_cli_nothing_readable_writes_nothing(runner, tmp_path) -> None:
    (tmp_path / "empty.md").write_bytes(b"")
    result = runner.invoke(app, ["extract", str(tmp_path / "empty.md"), "-o", str(tmp_path / "out")])
    assert (result.exit_code, result.stdout) == (2, "")
    assert not (tmp_path / "out").exists()


def test_targets_alone_is_read_alone_never_mixed_with_bundled_outcomes(runner, tmp_path) -> None:
    mine = ROOT / "tests" / "data" / "targets.yaml"
    alone = runner.invoke(app, ["validate", "--targets", str(mine)])
    # The bundled actuals are not read: the made-up targets file has no observations of its own.
    assert alone.exit_code == 0, alone.output
    assert alone.output.startswith("ok: 5 targets, 0 observations")
    both = runner.invoke(app, ["validate", "--data", str(tmp_path), "--targets", str(mine)])
    assert (both.exit_code, both.stderr) == (2, "zjk-targets: give --data DIR or --targets/--actuals, not both\n")


def _development_cities() -> list[Path]:
    """The reports the repository ships (docs/examples), and the development corpus (39 cities of
    ../shared/corpus) where it stands beside the clone: a clone alone still runs the test."""
    corpus = sorted(p for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else []
    assert len(corpus) in (0, 39)
    return [ROOT / "docs" / "examples" / "威海市", *corpus]


def test_every_development_city_validates_against_its_texts(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT.parent)  # a source's `file:` stays inside the folder --sources names
    for city in _development_cities():
        out = tmp_path / city.name
        reports = sorted(p for p in city.glob("*.md") if p.stem.isdigit())  # not the folder's README
        assert len(reports) == 2, city
        files = [str(p.relative_to(ROOT.parent).as_posix()) for p in reports]
        result = runner.invoke(app, ["extract", *files, "-o", str(out)])
        assert result.exit_code in (0, 2), result.output
        if (out / "targets.yaml").exists():
            check = runner.invoke(app, ["validate", "--data", str(out), "--sources", "."])
            assert check.exit_code == 0, (city.name, check.output)


def test_values_are_never_typed_only_cut_from_the_words() -> None:
    report = read_report(make_report("地区生产总值增长6.5%左右，城镇新增就业3.2万人"), "t.md")
    for item in report.targets:
        assert str(item.value) in report.words(item)
    assert report.targets[0].value == Decimal("6.5")


NAMED = """\
dataset:
  place: 测试市
  title: "Test City's targets"
"""


def test_the_data_names_itself_in_every_export(runner, tmp_path) -> None:
    mini = (ROOT / "tests" / "data" / "targets.yaml").read_text(encoding="utf-8")
    (tmp_path / "targets.yaml").write_text(NAMED + mini, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(
        (ROOT / "tests" / "data" / "actuals.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    markdown = runner.invoke(app, ["export", "--data", str(tmp_path)]).output
    assert markdown.splitlines()[:3] == [
        "# Test City's targets",
        "",
        "Of 5 targets set in 2017: 2 met, 1 missed, 2 unknown.",
    ]
    assert runner.invoke(app, ["export", "--data", str(tmp_path), "--lang", "zh"]).output.startswith(
        "# 测试市的目标：说到做到了吗？\n"
    )
    assert (
        "<h1>Test City&#x27;s targets</h1>"
        in runner.invoke(app, ["export", "-f", "html", "--data", str(tmp_path)]).output
    )
    assert (
        '"title": "Test City\'s targets"'
        in runner.invoke(app, ["export", "-f", "json", "--data", str(tmp_path)]).output
    )


def test_the_bundled_data_is_named_zhangjiakou(runner) -> None:
    assert runner.invoke(app, ["export"]).output.startswith(
        "# Zhangjiakou's government work reports, 2014–2025: did they do what they said?\n"
    )


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ("dataset:\n  title: x\n", "{p}:2: missing required field `place`"),
        ("dataset:\n  place: x\n  plaec: y\n", "{p}:3: unknown field `plaec`; did you mean `place`?"),
        ("dataset: [x]\n", "{p}:1: `dataset` must be a mapping of fields: place, place_zh, title, title_zh"),
        ("dataset:\n  place: 12\n", '{p}:2: `place`: `12` is read by YAML as a number (12); quote it: "12"'),
    ],
)
def test_a_bad_dataset_section(runner, tmp_path, section, message) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(section + "targets: []\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "--targets", str(path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == message.format(p=path)


def test_the_data_is_named_once(runner, tmp_path) -> None:
    for name in ("t.yaml", "a.yaml"):
        (tmp_path / name).write_text("dataset:\n  place: x\n", encoding="utf-8")
    result = runner.invoke(
        app, ["validate", "--targets", str(tmp_path / "t.yaml"), "--actuals", str(tmp_path / "a.yaml")]
    )
    assert result.stderr.splitlines()[0] == (
        f"{tmp_path / 'a.yaml'}:2: `dataset` is given twice (first at {tmp_path / 't.yaml'}:2): name the data in one file"
    )


def test_cli_city_and_year_when_the_text_does_not_say(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.txt").write_text("今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。", encoding="utf-8")
    bare = runner.invoke(app, ["extract", "report.txt", "-o", "out"])
    assert (bare.exit_code, bare.stderr) == (
        2,
        "zjk-targets: report.txt: no date in the text or the file name: give --year\n",
    )
    no_city = runner.invoke(app, ["extract", "report.txt", "-o", "out", "--year", "2021"])
    assert no_city.stderr == "zjk-targets: report.txt: the text does not name its city: give --city\n"
    given = runner.invoke(app, ["extract", "report.txt", "-o", "out", "--year", "2021", "--city", "某市"])
    assert given.exit_code == 0, given.output
    assert given.stdout.splitlines()[0] == (
        "report.txt: 某市, delivered 2021: 1 headline targets and 0 tasks for 2021, 0 outcomes of 2020"
    )


def test_cli_traditional_gb18030_report_validates_against_its_own_text(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = make_report("地區生產總值增長6%左右，城鎮登記失業率控制在4.5%以內", review="全市生產總值增長5.5%。")
    (tmp_path / "2021.md").write_bytes(text.replace("测试市", "測試市").encode("gb18030"))
    result = runner.invoke(app, ["extract", "2021.md", "-o", "out"])
    assert result.exit_code == 0, result.output
    targets = (tmp_path / "out" / "targets.yaml").read_text(encoding="utf-8")
    assert 'excerpt: "地區生產總值增長6%左右"' in targets
    assert "(traditional characters, read as simplified)" in targets
    validated = runner.invoke(app, ["validate", "--data", "out", "--sources", "."])
    assert validated.exit_code == 0, validated.output


def test_the_level_a_term_review_reached_is_the_reviewed_year_s_never_its_averages_or_goals() -> None:
    review = (
        "过去五年，全市地区生产总值由2015年的984.98亿元增加到1369.9亿元，年均增长5%。"
        "五年来，常住人口城镇化率达到65.62%，财政总收入和一般公共预算收入分别由34.5亿元和19.8亿元增加到97.6亿元和69.9亿元。"
        "今后五年，地区生产总值达到2000亿元。\n\n全市生产总值增长4.3%。"
    )
    report = read_report(make_report("地区生产总值增长6%", review=review), "test.md")
    found = {o.measure.id: (str(o.value), o.note) for o in report.outcomes}
    term = "the level at the end of the term under review, read as 2020"
    assert found == {
        "gdp-growth": ("4.3", None),
        "gdp": ("1369.9", term),
        "urbanisation-rate": ("65.62", term),
    }


def test_the_reviewed_year_inside_a_review_of_the_term_and_a_negative_growth() -> None:
    review = (
        "五年来，我们稳增长，地区生产总值年均增长6%。2020年地区生产总值增长3.6%，社会消费品零售总额负增长4.3%。\n\n"
        "初步预计，2020年全市一般公共预算收入同比增长8.3%。"
    )
    report = read_report(make_report("地区生产总值增长6%", review=review), "test.md")
    assert {o.measure.id: str(o.value) for o in report.outcomes} == {
        "gdp-growth": "3.6",
        "retail-sales-growth": "-4.3",
        "budget-revenue-growth": "8.3",
    }


def test_figures_of_part_of_the_year_never_stand_for_the_year() -> None:
    review = (
        "前三季度，地区生产总值同比增长9%，预计全年同比增长7%以上。1—11月，固定资产投资增长33.2%。"
        "财政一般公共预算收入增长15.9%，全市货物贸易进出口额增长32.6%。"
    )
    report = read_report(make_report("地区生产总值增长6%", review=review), "test.md")
    assert {o.measure.id: (str(o.value), o.bound) for o in report.outcomes} == {
        "gdp-growth": ("7", True),
        "budget-revenue-growth": ("15.9", False),
        "trade-growth": ("32.6", False),
    }


# Issue #20: what a careful reader reads, each on the issue's own words.


def outcomes_of(review: str, targets: str = "地区生产总值增长6%") -> list[tuple[str, str, str]]:
    report = read_report(make_report(targets, review=review), "t.md")
    return [(o.measure.id, str(o.value), o.unit) for o in report.outcomes if o.measure]


@pytest.mark.parametrize(
    ("review", "expected"),
    [
        (  # an abbreviated pair
            "城、乡居民人均可支配收入分别增长4.2%、10.3%。",
            [("urban-income-growth", "4.2", "%"), ("rural-income-growth", "10.3", "%")],
        ),
        (  # levels of two measures in one sentence, without 分别
            "城镇和农村居民人均可支配收入达到30660元和10730元。",
            [("urban-income", "30660", "元"), ("rural-income", "10730", "元")],
        ),
        (  # growth after the levels, in a clause of its own
            "城镇、农村居民人均可支配收入分别达到35758元、16736元，增长8%、9%。",
            [
                ("urban-income", "35758", "元"),
                ("rural-income", "16736", "元"),
                ("urban-income-growth", "8", "%"),
                ("rural-income-growth", "9", "%"),
            ],
        ),
        (
            "全年地区生产总值、规上工业增加值、固定资产投资、社会消费品零售总额分别增长0.4%、3.9%、2.5%和0.4%。",
            [
                ("gdp-growth", "0.4", "%"),
                ("industry-va-growth", "3.9", "%"),
                ("fai-growth", "2.5", "%"),
                ("retail-sales-growth", "0.4", "%"),
            ],
        ),
        (  # a 分别 pair at the end of a list the 、 still splits
            "预计地区生产总值增长10%左右、固定资产投资增长20%以上、城乡居民人均可支配收入分别增长9%和11%。",
            [
                ("gdp-growth", "10", "%"),
                ("fai-growth", "20", "%"),
                ("urban-income-growth", "9", "%"),
                ("rural-income-growth", "11", "%"),
            ],
        ),
        ("固定资产投资额下降3.1%。", [("fai-growth", "-3.1", "%")]),  # 额 changes nothing
        (  # a ranking between the level and the growth leaves the subject as it was
            "地区生产总值达到1763.42亿元、上升至全国30个民族自治州第6位，增长6.7%、居全省第2位。",
            [("gdp", "1763.42", "亿元"), ("gdp-growth", "6.7", "%")],
        ),
        ("主要经济指标高开稳走：地区生产总值增长9.4%、增幅跃居全省第三。", [("gdp-growth", "9.4", "%")]),
        (
            "外贸进出口总额突破600亿元、升至全区第四、增长150.8%；居民消费价格上涨1.2%。",
            [("trade", "600", "亿元"), ("trade-growth", "150.8", "%"), ("cpi-inflation", "1.2", "%")],
        ),
        (
            "预计全年实现地区生产总值9500亿元左右，按不变价格计算增长4%左右。",
            [("gdp", "9500", "亿元"), ("gdp-growth", "4", "%")],
        ),
        (
            "246宗重点项目完成投资1411亿元，带动全市固定资产投资完成3407.5亿元、增长5.3%。",
            [("fai", "3407.5", "亿元"), ("fai-growth", "5.3", "%")],
        ),
        (  # 全年 before the part of the year: the clause is the year's, and so is the rest
            "地区生产总值同比增长2.7%，全年增速较一季度、上半年、前三季度分别回升11.1、3.6、1.7个百分点；固定资产投资增长6%左右。",
            [("gdp-growth", "2.7", "%"), ("fai-growth", "6", "%")],
        ),
    ],
)
def test_what_a_careful_reader_reads(review: str, expected: list) -> None:
    assert outcomes_of(review) == expected


def test_a_floor_is_a_floor_only_where_it_is_said_of_the_figure() -> None:
    report = read_report(
        make_report("地区生产总值增长6%", review="社会消费品零售总额超过疫情前水平、同比增长8.8%。"), "t.md"
    )
    assert [(o.measure.id, str(o.value), o.bound) for o in report.outcomes] == [("retail-sales-growth", "8.8", False)]


def test_a_review_that_opens_with_the_year_is_read_paragraphs_later() -> None:
    review = (
        "过去的2020年，是极不平凡的一年。面对疫情冲击，我们统筹发展和安全，经济社会发展取得新成效。\n\n"
        "这一年，我们稳住了经济基本盘。\n\n"
        "地区生产总值再上新台阶，达到4015亿元，增长5.8%。全市固定资产投资首次突破2000亿元，增长10.4%。"
    )
    assert outcomes_of(review) == [
        ("gdp", "4015", "亿元"),
        ("gdp-growth", "5.8", "%"),
        ("fai", "2000", "亿元"),
        ("fai-growth", "10.4", "%"),
    ]


@pytest.mark.parametrize(
    ("targets", "expected"),
    [
        (  # three measures, one goal: three targets
            "地区生产总值、固定资产投资、规上工业增加值增长5%以上",
            [("gdp-growth", ">=", "5"), ("fai-growth", ">=", "5"), ("industry-va-growth", ">=", "5")],
        ),
        (
            "社会消费品零售总额、对外贸易进出口总额增长5%",
            [("retail-sales-growth", ">=", "5"), ("trade-growth", ">=", "5")],
        ),
        ("固定资产投资额增长10%左右", [("fai-growth", "about", "10")]),
        (  # a measure outside the lexicon between 、 stands by its own words
            "固定资产投资、工业投资增长10%",
            [("fai-growth", ">=", "10"), ("工业投资增长", ">=", "10")],
        ),
        ("地区生产总值增长7%、总量突破400亿元", [("gdp-growth", ">=", "7"), ("gdp", ">", "400")]),
    ],
)
def test_several_measures_with_one_goal(targets: str, expected: list) -> None:
    report = read_report(make_report(targets), "t.md")
    assert [(t.measure.id if t.measure else t.name, t.comparator, str(t.value)) for t in report.targets] == expected


@pytest.mark.parametrize(
    "review",
    [
        # a paragraph of the term after its first sentence says so
        "（二）项目建设成效明显。“十三五”时期，我们坚持项目为王。"
        "固定资产投资、产业投资、工业投资、民间投资分别增长11.2%、12.1%、13.5%和9.8%。",
        "我们坚持项目为王，“十三五”期间固定资产投资、产业投资、工业投资、民间投资分别增长11.2%、12.1%、13.5%和9.8%。",
        "城镇登记失业率始终控制在4%以内。",  # about a span of years
        "粮食总产连续6年稳定在50.4亿斤。",
        "固定资产投资年均增长9.3%。",
        "五年来，固定资产投资累计完成5000亿元。",
        "前三季度，固定资产投资增长12%。",
        "1—11月，固定资产投资增长12%。",
        "2019年固定资产投资增长12%。",
        "到“十四五”末，经济总量达到1800亿元以上，固定资产投资增长12%。",  # the next term's goal
    ],
)
def test_never_a_figure_that_is_not_the_year_s_own(review: str) -> None:
    assert outcomes_of(review + "\n\n全市社会消费品零售总额增长3%。", "固定资产投资增长10%") == [
        ("retail-sales-growth", "3", "%")
    ]


@pytest.mark.parametrize(
    ("review", "expected"),
    [
        (  # another year named in a clause of its own leaves the others the year's
            "预计地区生产总值增长14%，比2019年增长8%；固定资产投资增长21%，恢复到2019年的93%。",
            [("gdp-growth", "14", "%"), ("fai-growth", "21", "%")],
        ),
        ("规上工业增加值增长11.4%、居全省第1位、是2004年以来最好位次。", [("industry-va-growth", "11.4", "%")]),
        ("2019年，地区生产总值增长6%，固定资产投资增长5%。", []),  # the sentence is of another year
        ("与2019年相比，地区生产总值增长8%。", []),
        (  # two-year averages stand beside the year's growth
            "实现地区生产总值2406.1亿元、增长8.5%，两年平均增长6.3%；全社会固定资产投资增长11.2%。",
            [("gdp", "2406.1", "亿元"), ("gdp-growth", "8.5", "%"), ("fai-growth", "11.2", "%")],
        ),
        (  # the year's estimate after figures of part of it
            "前11个月，固定资产投资同比增长33.2%，居全省第二位，预计全年同比增长30%左右。",
            [("fai-growth", "30", "%")],
        ),
    ],
)
def test_the_year_s_figures_beside_those_of_other_years(review: str, expected: list) -> None:
    assert outcomes_of(review) == expected


def test_a_paragraph_of_the_term_turns_back_to_the_year() -> None:
    review = (
        "“十三五”时期是我市发展进程中极不平凡的五年，城镇新增就业24.8万人。特别是刚刚过去的2020年，我们攻坚克难。"
        "预计实现地区生产总值5312亿元，增长3.6%。\n\n"
        "五年来，民生持续改善，城镇登记失业率控制在3.5%以内，2020年城镇登记失业率控制在2.55%以内。"
    )
    assert outcomes_of(review) == [
        ("gdp", "5312", "亿元"),
        ("gdp-growth", "3.6", "%"),
        ("urban-unemployment-rate", "2.55", "%"),
    ]


def test_a_plan_under_a_heading_without_a_number_is_no_outcome() -> None:
    review = (
        "全市地区生产总值增长5%。\n\n今后五年及2021年工作\n\n"
        "从我市的发展条件考虑，到“十四五”末，经济总量达到1800亿元以上，城镇新增就业30万人。"
    )
    assert outcomes_of(review) == [("gdp-growth", "5", "%")]


def test_no_change_is_read_as_zero_growth_and_says_so() -> None:
    review = "社会消费品零售总额与上年持平；地区生产总值增长3.8%、与全省持平。"
    report = read_report(make_report("地区生产总值增长6%", review=review), "t.md")
    assert [(o.measure.id, str(o.value), o.derived) for o in report.outcomes] == [
        ("retail-sales-growth", "0", "与上年持平: no change on the year before, read as 0 %"),
        ("gdp-growth", "3.8", None),
    ]


def test_an_outcome_stated_against_the_goal_is_derived_from_it_and_flagged(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(make_report("地区生产总值增长3%左右，固定资产投资增长8%"), encoding="utf-8")
    review = "地区生产总值增速超出预期2.5个百分点，达到四年来的峰值；全社会固定资产投资低于预期目标3个百分点。"
    (tmp_path / "b.md").write_text(
        make_report("地区生产总值增长6%", review=review, date="2022年1月18日"), encoding="utf-8"
    )
    assert runner.invoke(app, ["extract", "a.md", "b.md", "--output", "out"]).exit_code == 0
    actuals = (tmp_path / "out" / "actuals.yaml").read_text(encoding="utf-8")
    assert 'excerpt: "地区生产总值增速超出预期2.5个百分点"' in actuals
    assert 'derived: "3 + 2.5 = 5.5 (the goal of 2021, and the outcome stated against it in points)"' in actuals
    assert 'derived: "8 − 3 = 5 (the goal of 2021, and the outcome stated against it in points)"' in actuals
    check = runner.invoke(app, ["check", "--all", "--data", "out"])
    assert "gdp-growth-2021: met — 2021: 5.5 %" in check.output
    assert "fai-growth-2021: missed — 2021: 5 %" in check.output
    # Read alone, the report of 2022 cannot value it: the goal is in another report.
    alone = read_report(make_report("地区生产总值增长6%", review=review, date="2022年1月18日"), "b.md")
    assert alone.outcomes == () and [o.measure.id for o in alone.against_goal] == ["gdp-growth", "fai-growth"]


@pytest.mark.parametrize(
    ("review", "expected"),
    [
        (  # 分别 after the clauses that name the measures: one figure each, in order
            "进出口总额超200亿美元，实际利用外资12亿美元，分别增长14.8%、11.1%。",
            [("trade", "200"), ("fdi", "12"), ("trade-growth", "14.8"), ("fdi-growth", "11.1")],
        ),
        (
            "城乡居民人均可支配收入分别达36677元和22429元、分别增长2%和5.5%。",
            [
                ("urban-income", "36677"),
                ("rural-income", "22429"),
                ("urban-income-growth", "2"),
                ("rural-income-growth", "5.5"),
            ],
        ),
        (  # the plain basis after another
            "一般公共预算收入扣除留抵退税因素后同比增长13.3%，按自然口径计算同比增长7.5%。",
            [("budget-revenue-growth", "7.5")],
        ),
    ],
)
def test_figures_said_of_the_subjects_before(review: str, expected: list) -> None:
    report = read_report(make_report("地区生产总值增长6%", review=review), "t.md")
    assert [(o.measure.id, str(o.value)) for o in report.outcomes] == expected


def test_a_term_s_list_is_the_term_s() -> None:
    review = (
        "市七届人大一次会议以来，面对错综复杂的外部环境，我们始终坚持稳中求进。\n\n"
        "——民生福祉显著改善。财政民生支出保持在70%以上。新增城镇就业22.5万人。\n\n"
        "这是民生福祉显著增进的五年。城镇新增就业21.1万人，城镇登记失业率控制在4.05%以内。\n\n"
        "全市地区生产总值增长5%。"
    )
    assert outcomes_of(review) == [("gdp-growth", "5", "%")]


def test_a_suffix_after_the_last_figure_of_a_pair_is_each_s() -> None:
    assert targets_of("城乡居民人均可支配收入同比分别增长7%、8%左右") == [
        ("urban-income-growth", "about", "7", "%"),
        ("rural-income-growth", "about", "8", "%"),
    ]


def test_a_list_of_the_year_after_a_list_of_the_term() -> None:
    review = (
        "过去五年，是我州发展历程中极不平凡的五年。\n\n——过去五年，我们大抓产业，新增城镇就业20万人。\n\n"
        "——经济实力显著提升。全年地区生产总值1747.41亿元，增长8.3%。\n\n——动能支撑显著提升。固定资产投资增长1.3%，排名全省第三。"
    )
    assert outcomes_of(review) == [("gdp", "1747.41", "亿元"), ("gdp-growth", "8.3", "%"), ("fai-growth", "1.3", "%")]


def test_a_sentence_that_names_the_year_in_a_term_s_paragraph_does_not_end_it() -> None:
    review = (
        "过去五年，我们坚持创新改革，发展动能实现跨越提升。2021年认定备案科技型中小企业突破1000家。"
        "三江新区获批省级新区，预计2021年实现地区生产总值300亿元、增长23%。\n\n全市地区生产总值增长8%。"
    )
    assert outcomes_of(review) == [("gdp-growth", "8", "%")]


@pytest.mark.parametrize(
    ("heading", "read"),
    [
        ("一、开启“六新河池”建设新征程 实现“十四五”良好开局", True),  # the first part reviews
        ("一、2020年和“十三五”取得历史性成就", True),
        ("**一、“十二五”规划完成情况**", True),
        ("**今年工作为“十二五”发展赢得圆满收官**", True),  # delivered in December: 今年 is the year reviewed
        ("一、今后五年的奋斗目标", False),
        ("二、“十四五”时期主要目标任务", False),
    ],
)
def test_the_first_part_of_a_report_reviews_unless_it_says_plans(heading: str, read: bool) -> None:
    report = read_report(make_report("地区生产总值增长6%", review="全市地区生产总值增长8%。", heading=heading), "t.md")
    assert [o.measure.id for o in report.outcomes] == (["gdp-growth"] if read else [])
