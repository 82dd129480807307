"""The communiqué reader on real excerpts of the statistics bureau's communiqués (tests/data/communique:
whole lines of lawtext/gov's 国家统计局年度统计, cut down to the head and the lines of the headline measures)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from zjk_targets.extract.communique import REAL, YEAR_END, CommuniqueError, read_communique
from zjk_targets.render.lang import phrase
from zjk_targets.rules import wording

DATA = Path(__file__).parent / "data" / "communique"


def _read(year: int):
    return read_communique((DATA / f"{year}.md").read_text(encoding="utf-8"))


def _decisive(year: int) -> dict[str, tuple[Decimal, str]]:
    found = {}
    for outcome in _read(year).outcomes:
        if outcome.proxy is None:
            assert outcome.measure not in found, f"{outcome.measure} read twice as deciding"
            found[outcome.measure] = (outcome.value, outcome.unit)
    return found


def _d(text: str) -> Decimal:
    return Decimal(text)


def test_2017() -> None:
    communique = _read(2017)
    assert (communique.year, communique.published) == (2017, "2018-02-28")
    assert communique.title == "中华人民共和国2017年国民经济和社会发展统计公报"
    assert communique.url == "https://www.stats.gov.cn/sj/zxfb/202302/t20230203_1899855.html"
    assert _decisive(2017) == {
        "gdp": (_d("827122"), "亿元"),
        "gdp-growth": (_d("6.9"), "%"),
        "urban-new-jobs": (_d("1351"), "万人"),
        "urban-unemployment-rate": (_d("3.90"), "%"),
        "cpi-inflation": (_d("1.6"), "%"),
        "budget-revenue-growth": (_d("7.4"), "%"),
        "grain-output": (_d("61791"), "万吨"),
        "fai-growth": (_d("7.0"), "%"),
        "retail-sales-growth": (_d("10.2"), "%"),
        "trade-growth": (_d("14.2"), "%"),
        "resident-income-growth": (_d("9.0"), "%"),
        "energy-intensity-reduction": (_d("3.7"), "%"),
    }
    gdp = next(o for o in communique.outcomes if o.measure == "gdp-growth")
    assert gdp.words == "全年国内生产总值[2]827122亿元，比上年增长6.9%"
    assert gdp.line == 13
    text = (DATA / "2017.md").read_text(encoding="utf-8").split("\n")
    assert gdp.words in text[gdp.line - 1]
    jobs = next(o for o in communique.outcomes if o.measure == "urban-unemployment-rate")
    assert (jobs.words, jobs.basis) == ("年末城镇登记失业率为3.90%", "年末")


def test_2017_real_growth_is_context() -> None:
    income = [o for o in _read(2017).outcomes if o.measure == "resident-income-growth"]
    assert [(o.value, o.proxy) for o in income] == [(_d("9.0"), None), (_d("7.3"), REAL)]
    assert income[1].words.endswith("扣除价格因素，实际增长7.3%")


def test_2020_falls_are_negative_and_the_year_end_rate_decides_alone() -> None:
    found = _decisive(2020)
    assert found["gdp-growth"] == (_d("2.3"), "%")
    assert found["gdp"] == (_d("1015986"), "亿元")
    assert found["retail-sales-growth"] == (_d("-3.9"), "%")
    assert found["budget-revenue-growth"] == (_d("-3.9"), "%")
    assert found["cpi-inflation"] == (_d("2.5"), "%")
    assert found["energy-intensity-reduction"] == (_d("0.1"), "%")  # 比上年下降0.1%: a fall of 0.1
    assert found["urban-new-jobs"] == (_d("1186"), "万人")
    assert found["grain-output"] == (_d("66949"), "万吨")
    assert found["fai-growth"] == (_d("2.7"), "%")
    assert found["trade-growth"] == (_d("1.9"), "%")
    assert found["resident-income-growth"] == (_d("4.7"), "%")
    rates = [o for o in _read(2020).outcomes if o.measure.endswith("unemployment-rate")]
    assert [(o.measure, o.value, o.basis, o.proxy) for o in rates] == [
        ("surveyed-unemployment-rate", _d("5.2"), "年末", None),
        ("urban-unemployment-rate", _d("4.2"), "年末", None),
    ]
    assert rates[1].words == "城镇登记失业率为4.2%"


def test_2023_the_annual_average_decides_and_the_year_end_rate_is_context() -> None:
    communique = _read(2023)
    assert communique.published == "2024-02-29"
    rates = [o for o in communique.outcomes if o.measure == "surveyed-unemployment-rate"]
    assert [(o.value, o.basis, o.proxy) for o in rates] == [
        (_d("5.2"), "全年平均", None),
        (_d("5.1"), "年末", YEAR_END),
    ]
    found = _decisive(2023)
    assert found["gdp-growth"] == (_d("5.2"), "%")
    assert found["cpi-inflation"] == (_d("0.2"), "%")
    assert found["urban-new-jobs"] == (_d("1244"), "万人")
    assert found["grain-output"] == (_d("69541"), "万吨")
    assert found["fai-growth"] == (_d("2.8"), "%")  # 比上年增长[37]2.8%: a footnote between verb and figure
    assert found["budget-revenue-growth"] == (_d("6.4"), "%")
    assert found["resident-income-growth"] == (_d("6.3"), "%")
    energy = next(o for o in communique.outcomes if o.measure == "energy-intensity-reduction")
    assert (energy.value, energy.basis) == (_d("0.5"), "扣除原料用能和非化石能源消费量后")
    trade = next(o for o in communique.outcomes if o.measure == "trade-growth")
    assert (trade.value, trade.basis) == (_d("0.2"), "以人民币计")


def test_2025_a_more_precise_table_replaces_the_prose() -> None:
    cpi = [o for o in _read(2025).outcomes if o.measure == "cpi-inflation"]
    assert len(cpi) == 1
    assert (cpi[0].value, cpi[0].table, cpi[0].words) == (_d("0.0"), True, "居民消费价格 0.0 0.1 -0.2")
    assert cpi[0].note == "the table gives 0.0 where the prose says 持平: the table's more precise figure is taken"


def test_1995_tables_give_what_the_prose_does_not() -> None:
    communique = _read(1995)
    assert (communique.year, communique.published) == (1995, "1996-03-01")
    found = _decisive(1995)
    assert found == {
        "gdp": (_d("57733"), "亿元"),
        "gdp-growth": (_d("10.2"), "%"),
        "grain-output": (_d("46500"), "万吨"),  # 粮食 46500 万吨 4.5: a row of a plain table
        "retail-sales-growth": (_d("26.6"), "%"),
        "cpi-inflation": (_d("17.1"), "%"),  # 2、居民消费价格 17.1, under 各类价格比上年上涨幅度（％）
        "trade-growth": (_d("18.6"), "%"),
        "urban-unemployment-rate": (_d("2.9"), "%"),
    }
    # 粮 食 36.8 is the grain price row of the price table: not grain output.
    assert [o.value for o in communique.outcomes if o.measure == "grain-output"] == [_d("46500")]


def test_1978_chinese_numerals_and_full_width_figures() -> None:
    communique = _read(1978)
    assert (communique.year, communique.published) == (1978, "1979-06-27")
    assert _decisive(1978) == {"grain-output": (_d("30475"), "万吨"), "trade-growth": (_d("30.3"), "%")}
    grain = next(o for o in communique.outcomes if o.measure == "grain-output")
    assert grain.words == "粮 食 30，475 万吨 28，272 万吨 7．8"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # another year's figure, a part of the year, a part of the nation, a median: never the year's own
        ("年末城镇登记失业率为4.05%，略低于上年末的4.09%。", [("urban-unemployment-rate", "4.05")]),
        (
            "全国进出口总额735．3亿元，比上年的570亿元增长29％，扣除价格变动因素，实际增长11％。",
            [("trade-growth", "29")],
        ),
        ("居民消费价格一季度同比上涨2.2%，二季度上涨2.9%，全年平均比上年上涨3.3%。", [("cpi-inflation", "3.3")]),
        ("全年东部地区生产总值652084亿元，比上年增长5.4%。", []),
        ("全国居民人均可支配收入中位数[56]33036元，增长5.3%。", []),
        ("其中，固定资产投资（不含农户）503036亿元，增长3.0%。", []),
        (
            "全年国内生产总值[2]1143670亿元，比上年增长8.1%，两年平均增长[3]5.1%。",
            [("gdp", "1143670"), ("gdp-growth", "8.1")],
        ),
        ("万元GDP能耗1.58吨标准煤，上升5.3%。", [("energy-intensity-reduction", "-5.3")]),
        ("全年居民消费价格总水平比上年下降0.8%。", [("cpi-inflation", "-0.8")]),
        ("初步统计，全年国民生产总值17400亿元，比上年增长5％。", []),  # GNP is not GDP
    ],
)
def test_statements(sentence: str, expected: list[tuple[str, str]]) -> None:
    text = f"**中华人民共和国2021年国民经济和社会发展统计公报**\n\n国家统计局\n\n2022年2月28日\n\n{sentence}\n"
    found = [(o.measure, str(o.value)) for o in read_communique(text).outcomes if o.proxy is None]
    assert found == expected


def test_not_a_communique() -> None:
    with pytest.raises(CommuniqueError):
        read_communique("# 政府工作报告\n\n各位代表：\n")


# The nation's outcomes in the build: the communiqué's entries beside the next work report's review.


def _work_report(date: str, targets: str, review: str) -> bytes:
    return (
        f"---\ntitle: 政府工作报告（{date}）\n---\n\n——{date}在第十二届全国人民代表大会第五次会议上\n\n"
        f"各位代表：\n\n一、过去一年工作回顾\n\n{review}\n\n二、今年工作安排\n\n"
        f"今年经济社会发展的主要预期目标是：{targets}。\n"
    ).encode()


def _nation(tmp_path: Path, review_2017: str):
    from zjk_targets import evaluate, load_dataset
    from zjk_targets.extract import draft
    from zjk_targets.extract.datafiles import with_entries
    from zjk_targets.national.communiques import communique_entries

    reports = [
        (
            "政府工作报告-国务院/2017.md",
            _work_report("2017年3月5日", "国内生产总值增长6.5%左右", "国内生产总值增长6.7%。"),
        ),
        ("政府工作报告-国务院/2018.md", _work_report("2018年3月5日", "国内生产总值增长6.5%左右", review_2017)),
    ]
    entries, problems = communique_entries([("国家统计局年度统计/2017.md", (DATA / "2017.md").read_bytes())])
    assert problems == []
    nation = with_entries(draft(reports, city="全国"), entries)
    path = tmp_path / "china.yaml"
    path.write_text(nation.one_file_yaml, encoding="utf-8")
    dataset = load_dataset([path])
    verdict = next(v for v in evaluate(dataset) if v.target.id == "gdp-growth-2017")
    return entries, verdict


def test_the_communique_gives_sources_and_observations_in_the_drafts_format() -> None:
    from zjk_targets.national.communiques import communique_entries

    entries, problems = communique_entries(
        [("国家统计局年度统计/2017.md", (DATA / "2017.md").read_bytes()), ("国家统计局年度统计/x.md", b"\x00")]
    )
    assert problems == [("国家统计局年度统计/x.md", "holds a NUL byte: not a text file")]
    assert entries["source"] == [
        {
            "id": "nbs-2017",
            "title": "中华人民共和国2017年国民经济和社会发展统计公报",
            "publisher": "国家统计局",
            "published": "2018-02-28",
            "trust": "official",
            "file": "国家统计局年度统计/2017.md",
            "url": "https://www.stats.gov.cn/sj/zxfb/202302/t20230203_1899855.html",
            "note": "drafted by zjk-targets from 国家统计局年度统计/2017.md",
        }
    ]
    gdp = next(e for e in entries["observation"] if e["metric"] == "gdp-growth")
    assert gdp == {
        "id": "gdp-growth-2017-nbs-2017",
        "metric": "gdp-growth",
        "year": "2017",
        "value": "6.9",
        "unit": "%",
        "source": "nbs-2017",
        "excerpt": "全年国内生产总值[2]827122亿元，比上年增长6.9%",
        "year_basis": "the year the communiqué reports on: its title's",
        "note": "drafted by zjk-targets from 国家统计局年度统计/2017.md:13",
    }
    real = next(e for e in entries["observation"] if e["id"] == "resident-income-growth-2017-nbs-2017-2")
    assert (real["value"], real["proxy"]) == ("7.3", REAL)
    level = next(e for e in entries["metric"] if e["id"] == "gdp")
    assert (level["unit"], level["direction"]) == ("亿元", "higher")


def test_where_the_work_report_and_the_communique_agree_the_later_publication_decides(tmp_path) -> None:
    _entries, verdict = _nation(tmp_path, "国内生产总值增长6.9%。")
    assert verdict.status.value == "met"
    roles = {e.observation.source: (e.role.value, e.why) for e in verdict.evidence if e.observation.year == 2017}
    assert roles == {"gwr-2018": ("decisive", wording.DECIDES), "nbs-2017": ("superseded", wording.SUPERSEDED)}
    assert verdict.reason.endswith(" 2018-03-05)")  # the same figure twice: the reason cites the deciding one only


def test_where_they_disagree_the_existing_rule_holds_same_trust_the_later_publication_decides(tmp_path) -> None:
    # rules/verdicts.py, rule 2: the most recent publication decides; an earlier figure makes the verdict
    # unknown only when its source is more trusted. Both are official: the work report of 2018-03-05,
    # published after the communiqué of 2018-02-28, decides, and the communiqué's 6.9 % is superseded.
    _entries, verdict = _nation(tmp_path, "国内生产总值增长5.8%。")
    assert verdict.status.value == "missed"
    assert verdict.decisive[0].observation.source == "gwr-2018"
    superseded = next(e for e in verdict.evidence if e.observation.source == "nbs-2017")
    assert (superseded.role.value, superseded.why, superseded.outcome.value) == (
        "superseded",
        wording.SUPERSEDED,
        "met",
    )
    assert verdict.reason.startswith("2017: 5.8 % is below ≈ 6.5 % ± 0.5 (official, ")
    # The reason names the communiqué's figure it set aside, and why (in Chinese too).
    set_aside = wording.set_aside("国家统计局", "2018-02-28", "6.9 %", wording.SUPERSEDED)
    assert verdict.reason.endswith(" 2018-03-05)" + wording.SEP + set_aside)
    assert set_aside == "国家统计局 2018-02-28 gave 6.9 %, superseded by a later publication"
    assert phrase(verdict.reason, "zh").endswith(
        " 2018-03-05）；国家统计局 2018-02-28 发布 6.9 %，被更晚发布的数据取代"
    )
