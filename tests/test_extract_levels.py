"""`extract` on the reports of every level (#21): the State Council's, the provinces', the major
cities'. Each case quotes the words of a report of the collection lawtext/gov (its folder and file
named beside it); the tests never read the collection."""

from __future__ import annotations

import pytest

from zjk_targets.extract.decode import parsing_copy
from zjk_targets.extract.items import parse
from zjk_targets.extract.work_report import read_report

REVIEW = "一、2016年工作回顾\n\n过去一年，经济运行缓中趋稳。\n\n二、2017年工作安排\n\n"


def report(head: str, targets: str, *, title: str = "政府工作报告", review: str = REVIEW, name: str = "x.md"):
    return read_report(f"---\ntitle: {title}\n---\n\n{head}\n\n各位代表：\n\n{review}{targets}\n", name)


def drafted(items) -> list[tuple[str | None, str, str, str]]:
    return [(t.measure.id if t.measure else None, t.comparator, str(t.value), t.unit) for t in items]


def outcomes_of(words: str, year: int | None = None) -> list[tuple[str, str]]:
    """The lexicon outcomes of words as a report prints them (full-width punctuation), by measure and value."""
    text, _ = parsing_copy(words)
    outcomes, _ = parse(text, 0, len(text), outcomes=True, year=year)
    return [(o.measure.id, str(o.value)) for o in outcomes if o.measure and o.basis is None]


def reviewed(head: str, review: str, targets: str) -> dict[str, str]:
    """The outcomes a report of ``head`` reads from ``review``, by measure."""
    return {o.measure.id: str(o.value) for o in report(head, targets, review=review).outcomes}


# 政府工作报告-国务院/2017.md, its head and its headline paragraph.
NATION_HEAD = "**政府工作报告**\n——2017年3月5日在第十二届全国人民代表大会第五次会议上\n\n国务院总理　李克强"
NATION_TARGETS = (
    "今年发展的主要预期目标是：国内生产总值增长6.5%左右，在实际工作中争取更好结果；居民消费价格涨幅3%左右；"
    "城镇新增就业1100万人以上，城镇登记失业率4.5%以内；进出口回稳向好，国际收支基本平衡；居民收入和经济增长"
    "基本同步；单位国内生产总值能耗下降3.4%以上，主要污染物排放量继续下降。"
)


def test_the_state_council_is_the_nation_and_its_gdp_is_read() -> None:
    read = report(NATION_HEAD, NATION_TARGETS)
    assert read.city == "全国"  # not 第十 (of 第十二届)
    assert read.delivered == "2017-03-05"
    assert drafted(read.targets) == [
        ("gdp-growth", "about", "6.5", "%"),
        ("cpi-inflation", "about", "3", "%"),
        ("urban-new-jobs", ">=", "1100", "万人"),
        ("urban-unemployment-rate", "<=", "4.5", "%"),
        ("energy-intensity-reduction", ">=", "3.4", "%"),
    ]


def test_the_nation_reviewed_last_year() -> None:
    # 政府工作报告-国务院/2017.md, its review of 2016.
    review = (
        "一、2016年工作回顾\n\n"
        "——经济运行缓中趋稳、稳中向好。国内生产总值达到74.4万亿元，增长6.7%，名列世界前茅。居民消费价格上涨2%。\n\n"
        "——就业增长超出预期。全年城镇新增就业1314万人。年末城镇登记失业率4.02%，为多年来最低。\n\n"
        "——经济结构加快调整。服务业增加值占国内生产总值比重上升到51.6%。\n\n"
        "——人民生活继续改善。全国居民人均可支配收入实际增长6.3%。\n\n二、2017年工作总体部署\n\n"
    )
    read = report(NATION_HEAD, NATION_TARGETS, review=review)
    got = {o.measure.id: str(o.value) for o in read.outcomes if o.measure}
    assert got == {
        "gdp": "74.4",
        "gdp-growth": "6.7",
        "cpi-inflation": "2",
        "urban-new-jobs": "1314",
        "urban-unemployment-rate": "4.02",
        "resident-income-growth": "6.3",
    }  # and no services-va-growth of 51.6 %: that is a share


def test_a_share_is_not_growth() -> None:
    words = "服务业增加值占国内生产总值比重上升到51.6%"  # 政府工作报告-国务院/2017.md
    outcomes, _ = parse(words, 0, len(words), outcomes=True)
    assert [o.measure for o in outcomes] == [None]  # outside the lexicon: never an outcome of growth
    targets, _ = parse(words, 0, len(words))
    assert drafted(targets) == [(None, ">=", "51.6", "%")]
    assert "a share of another measure" in targets[0].note


def test_the_nation_without_an_announcing_phrase() -> None:
    # 政府工作报告-国务院/2020.md: the targets follow the sentence that says they were adjusted, and the
    # sentence ends on the term's goals (十三五).
    head = "**政府工作报告**\n——2020年5月22日在第十三届全国人民代表大会第三次会议上"
    targets = (
        "综合研判形势，我们对疫情前考虑的预期目标作了适当调整。今年要优先稳就业保民生，坚决打赢脱贫攻坚战，"
        "努力实现全面建成小康社会目标任务；城镇新增就业900万人以上，城镇调查失业率6%左右，城镇登记失业率5.5%左右；"
        "居民消费价格涨幅3.5%左右；进出口促稳提质，国际收支基本平衡；单位国内生产总值能耗和主要污染物排放量继续下降，"
        "努力完成“十三五”规划目标任务。"
    )
    read = report(head, targets, review="一、2019年和今年以来工作回顾\n\n去年经济平稳。\n\n二、今年发展主要目标\n\n")
    assert (read.city, read.sets_year, read.review_only) == ("全国", 2020, False)
    assert drafted(read.targets) == [
        ("urban-new-jobs", ">=", "900", "万人"),
        ("surveyed-unemployment-rate", "about", "6", "%"),
        ("urban-unemployment-rate", "about", "5.5", "%"),
        ("cpi-inflation", "about", "3.5", "%"),
    ]


@pytest.mark.parametrize(
    ("title", "head", "place", "delivered"),
    [
        # 政府工作报告-省自治区/河北省/2017.md: a bare date line
        ("政府工作报告", "**河北省人民政府省长 张庆伟**\n\n**（2017年1月8日）**", "河北省", "2017-01-08"),
        # 政府工作报告-省自治区/云南省/2006.md
        ("云南省2006年政府工作报告", "（2006年1月16日 徐荣凯）", "云南省", "2006-01-16"),
        # 政府工作报告-省自治区/河北省/2005.md: the place and the date on lines of their own
        (
            "政府工作报告",
            "**在河北省第十届人民代表大会**\n**第三次会议上**\n**（二〇〇五年一月十一日）**",
            "河北省",
            "2005-01-11",
        ),
        # 政府工作报告-省自治区/内蒙古自治区/2022.md: the title alone names it
        ("2022年内蒙古自治区政府工作报告", "", "内蒙古自治区", "2022"),
        # 政府工作报告-主要城市/上海市/2020.md: the mayor's name before the city
        ("应勇市长在上海市第十五届人民代表大会第三次会议的政府工作报告（2020年）", "上海市市长 应勇", "上海市", "2020"),
        # 政府工作报告-主要城市/长沙市/2019.md
        ("政府工作报告", "2019年1月11日长沙市第十五届人民代表大会第四次会议通过", "长沙市", "2019-01-11"),
        # 政府工作报告-主要城市/厦门市/2000.md
        (
            "厦门市第十一届人民代表大会第三次会议政府工作报告",
            "**厦门市市长 洪永世**\n\n**（2000年2月16日）**",
            "厦门市",
            "2000-02-16",
        ),
        # 政府工作报告-其他地市/日照市/2014.md: 日 of the date is not the city's 日
        ("日照市政府工作报告", "——2014年1月6日在日照市第十七届人民代表大会第三次会议上", "日照市", "2014-01-06"),
        # 政府工作报告-主要城市/苏州市/2013.md: 市 alone before the congress; the opening names the city
        (
            "2013年政府工作报告",
            "——2013年1月7日在市十五届人大二次会议上\n\n市 长 周乃翔\n\n现在，我代表苏州市人民政府，向大会报告工作。",
            "苏州市",
            "2013-01-07",
        ),
        # 政府工作报告-省自治区/宁夏回族自治区/2003.md: 自治区 alone is not a name
        ("政府工作报告", "——2003年1月12日在自治区第九届人民代表大会第一次会议上", None, "2003-01-12"),
    ],
)
def test_place_and_date_of_the_head(title: str, head: str, place: str | None, delivered: str) -> None:
    read = report(head, "主要预期目标是：地区生产总值增长7%左右。", title=title, name=f"{delivered[:4]}.md")
    assert (read.city, read.delivered) == (place, delivered)


def test_a_date_far_from_the_titles_year_is_a_slip() -> None:
    # 政府工作报告-省自治区/江苏省/2003.md: the date line under the title says 2010.
    read = report(
        "（2010年2月20日 梁保华）",
        "主要预期目标是：地区生产总值增长7%左右。",
        title="江苏省2003年政府工作报告",
        name="2003.md",
    )
    assert (read.city, read.sets_year, read.delivered) == ("江苏省", 2003, "2003")


def test_a_provinces_headline_paragraph_keeps_pm25_and_energy() -> None:
    # 政府工作报告-省自治区/河北省/2017.md
    targets = (
        "经济社会发展的主要目标是：生产总值增长7%左右，地方一般公共预算收入增长7%，固定资产投资增长9%左右，"
        "社会消费品零售总额增长10%左右，外贸出口回稳向好。PM2.5平均浓度下降6%以上。单位生产总值能耗下降4%左右，"
        "化学需氧量、二氧化硫、氨氮和氮氧化物减排完成国家下达的任务。全省居民人均可支配收入增长8%左右。"
        "居民消费价格指数涨幅3%左右，城镇登记失业率4.5%以内。上述目标，体现了供给侧结构性改革的内在要求。"
    )
    read = report("**（2017年1月8日）**", targets, title="河北省2017年政府工作报告")
    assert [t.measure.id for t in read.targets if t.measure] == [
        "gdp-growth",
        "local-budget-revenue-growth",
        "fai-growth",
        "retail-sales-growth",
        "pm25-reduction",
        "energy-intensity-reduction",
        "resident-income-growth",
        "cpi-inflation",
        "urban-unemployment-rate",
    ]


def test_a_sentence_without_a_measure_does_not_end_the_paragraph() -> None:
    # 政府工作报告-省自治区/黑龙江省/2016.md
    targets = (
        "综合考虑，今年经济增长预期目标为6%-6.5%。居民消费价格指数涨幅控制在3%以内。城镇登记失业率控制在4.5%以内。"
        "城乡居民收入增长与经济增长基本同步。单位地区生产总值能耗下降3.5%。"
    )
    read = report("（2016年1月27日）", targets, title="黑龙江省2016年政府工作报告")
    assert [t.measure.id for t in read.targets][-1] == "energy-intensity-reduction"


def test_the_binding_targets_paragraph_joins_the_headline() -> None:
    # 政府工作报告-省自治区/山西省/2020.md: 较2015年 is a change over five years, not the year's target.
    targets = (
        "**今年经济社会发展的主要预期目标是：**全省地区生产总值增长6.1%左右，一般公共预算收入增长2%，"
        "城镇登记失业率、城镇调查失业率分别控制在4.5%以内、6.5%左右，居民消费价格涨幅控制在3.5%左右。\n\n"
        "**约束性指标是：**万元地区生产总值能耗较2015年下降15%，万元地区生产总值二氧化碳排放量下降3.6%。\n"
    )
    read = report("（2020年1月13日）", targets, title="山西省2020年政府工作报告")
    assert drafted(read.targets)[-1] == (None, "<=", "3.6", "%")
    assert "energy-intensity-reduction" not in {t.measure.id for t in read.targets if t.measure}
    # 政府工作报告-省自治区/山西省/2018.md
    targets = (
        "全省经济社会发展的主要预期指标是：地区生产总值增长6.5%，城镇登记失业率控制在4.2%以内。\n\n"
        "约束性指标是：万元地区生产总值能耗下降3.2%，万元地区生产总值二氧化碳排放量下降3.9%。\n"
    )
    read = report("（2018年1月25日）", targets, title="山西省2018年政府工作报告")
    assert ("energy-intensity-reduction", ">=", "3.2", "%") in drafted(read.targets)


def test_figures_of_earlier_years_in_a_review_are_not_the_years() -> None:
    # 政府工作报告-国务院/2007.md
    words = "2006年，单位国内生产总值能耗由前三年分别上升4.9%、5.5%、0.2%，转为下降1.2%；"
    outcomes, _ = parse(words, 0, len(words), outcomes=True)
    assert drafted(outcomes) == [("energy-intensity-reduction", ">=", "1.2", "%")]
    # 政府工作报告-国务院/2007.md: the year's goal, quoted in its review, is not its outcome.
    words = "没有实现年初确定的单位国内生产总值能耗降低4%左右的目标。"
    assert parse(words, 0, len(words), outcomes=True)[0] == []


def test_grain_in_trillions_of_jin() -> None:
    words = "粮食产量1.3万亿斤以上"  # 政府工作报告-国务院/2024.md
    targets, _ = parse(words, 0, len(words))
    assert drafted(targets) == [("grain-output", ">=", "1.3", "万亿斤")]


def test_one_expected_figure_without_a_list_is_the_headline() -> None:
    # 政府工作报告-国务院/2003.md: the year's one target, with no 主要预期目标是：
    head = "**政府工作报告**\n——2003年3月5日在第十届全国人民代表大会第一次会议上"
    targets = "综合分析国内外各种情况，今年经济增长预期目标为7%左右，这是必要的，经过努力也是可以实现的。"
    read = report(head, targets)
    assert drafted(read.targets) == [("gdp-growth", "about", "7", "%")]
    assert read.words(read.targets[0]) == "经济增长预期目标为7%左右"
    # 政府工作报告-省自治区/山东省/2002.md: the review's 全年进出口总额… is not this year's.
    head = "**政府工作报告**\n——2002年3月21日在山东省第九届人民代表大会第五次会议上"
    review = "**2001年国民经济和社会发展情况回顾**\n对外开放进一步扩大。全年进出口总额289.6亿美元，增长15.9％，其中出口181.3亿美元，增长16.7％。实际利用外资42.5亿美元，增长11.4％。\n\n"
    targets = "综合考虑现有条件，与“十五”计划相衔接，今年我省国内生产总值预期增长9％，其中一二三产业分别增长4％、10％和9％。完成今年的各项任务，总体上必须把握好以下三点："
    read = report(head, targets, review=review)
    assert drafted(read.targets) == [
        ("gdp-growth", ">=", "9", "%"),
        (None, ">=", "4", "%"),
        (None, ">=", "10", "%"),
        ("services-va-growth", ">=", "9", "%"),
    ]
    assert [t.name for t in read.targets[1:]] == ["第一产业", "第二产业", "第三产业"]


def test_a_target_restated_in_the_next_sentence_is_one_target() -> None:
    # 政府工作报告-省自治区/河北省/2005.md
    head = "**（二〇〇五年一月十一日）**"
    targets = (
        "我省今年经济社会发展的主要预期目标确 定为：全省生产总值增长10％，全部财政收入可比增长10％以上。"
        " 全省经济增长预期目标确定为10％，是综合考虑各方面因素提出的，目的是为了更接近实际，也是加快发展的需要。"
    )
    read = report(head, targets)
    assert drafted(read.targets) == [("gdp-growth", ">=", "10", "%"), ("fiscal-revenue-growth", ">=", "10", "%")]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # 政府工作报告-主要城市/北京市/2004.md: the municipality's name before 生产总值; 实际增长 of the clause before.
        (
            "北京市生产总值完成3611.9亿元，比上年增长10.5%。城镇居民人均可支配收入13882.6元，实际增长11.2%；",
            [("gdp", "3611.9"), ("gdp-growth", "10.5"), ("urban-income", "13882.6"), ("urban-income-growth", "11.2")],
        ),
        # 政府工作报告-主要城市/太原市/2012.md: 地区外贸进出口总额.
        ("地区外贸进出口总额增长7.9%；", [("trade-growth", "7.9")]),
        # 政府工作报告-主要城市/太原市/2013.md: thousands set apart by a space.
        ("全年完成地区生产总值2 311.43亿元，增长10.5%；", [("gdp", "2311.43"), ("gdp-growth", "10.5")]),
        # 政府工作报告-省自治区/河北省/2006.md: a year before the measure's name.
        ("2005年粮食总产519.7亿斤，是五年来最高水平。", [("grain-output", "519.7")]),
        # 政府工作报告-省自治区/山东省/2003.md: 城市化水平, the older name of the urbanisation rate.
        ("全省城市化水平由1997年的34.1％提高到2002年的40.3％。", [("urbanisation-rate", "40.3")]),
    ],
)
def test_upper_level_wordings_of_outcomes(words: str, expected: list) -> None:
    assert outcomes_of(words, 2005) == expected


def test_a_spaced_figure_says_how_it_was_read_and_a_year_split_by_a_space_is_no_figure() -> None:
    words = "固定资产投资1 320.63亿元，增长28.9%；"  # 政府工作报告-主要城市/太原市/2013.md
    outcomes, _ = parse(words, 0, len(words), outcomes=True)
    assert outcomes[0].derived == "1 320.63亿元: the figure with its thousands set apart by a space"
    words = "地区生产总值1 995年的水平"  # a year split by a stray space (政府工作报告-省自治区/甘肃省/2001.md: 1 995年)
    assert parse(words, 0, len(words), outcomes=True)[0] == []


def test_a_five_year_review_gives_the_levels_it_ties_to_the_reviewed_year() -> None:
    # 政府工作报告-国务院/2003.md and 政府工作报告-省自治区/山东省/2003.md, 河北省/2006.md (its year made 2002)
    head = "**政府工作报告**\n——2003年3月5日在第十届全国人民代表大会第一次会议上"
    review = (
        "一、过去五年政府工作回顾\n\n"
        "——经济持续较快增长。国内生产总值从1997年的7.4万亿元增加到2002年的10.2万亿元，按可比价格计算，平均每年增长7.7%。"
        "五年全社会固定资产投资累计完成17.2万亿元。\n\n"
        "——人民生活总体上达到小康水平。2002年，城镇居民人均可支配收入7615元，农民人均纯收入2954元，扣除价格因素年均分别增长9.4％和5.2％。\n\n"
        "——对外开放。五年累计利用外资78亿美元，年均增长10.3%；2002年进出口总额达到339.4亿美元，其中出口211.2亿美元，分别为1997年的1.0倍和1.2倍。\n\n"
        "——人口。自然增长率连续五年稳定在5‰左右。社会消费品零售总额由1997年的2.73万亿元增加到2001年的3.7万亿元。\n\n"
        "二、对今年政府工作的建议\n\n"
    )
    read = report(head, "今年经济增长预期目标为7%左右。", review=review)
    got = {o.measure.id: (str(o.value), o.note) for o in read.outcomes if o.measure}
    assert got == {
        "gdp": ("10.2", None),
        "urban-income": ("7615", None),
        "rural-income": ("2954", None),
        "trade": ("339.4", None),
        "export": ("211.2", None),
    }


def test_a_share_said_with_zhan_is_no_growth() -> None:
    words = "实际利用外资超过1600亿美元,其中外商直接投资占70%,投资结构有所改善。"  # 政府工作报告-国务院/1996.md
    outcomes, _ = parse(words, 0, len(words), outcomes=True)
    assert drafted(outcomes) == [("fdi", ">=", "1600", "亿美元"), (None, ">=", "70", "%")]


def test_the_plans_heading_naming_next_year_s_work_ends_the_review() -> None:
    # 政府工作报告-主要城市/厦门市/2012.md: 2012年工作建议 is no review of 2011.
    head = "**政府工作报告**\n——2012年1月10日在厦门市第十四届人民代表大会第一次会议上"
    review = (
        "一、2011年和过去五年的工作回顾\n\n全年实现地区生产总值2527亿元，增长15%。\n\n"
        "二、今后五年工作展望和2012年工作建议\n\n"
        "――中心城市建设实现新跨越。岛外新城核心区基本建成，城市化率达85%，海峡西岸重要中心城市集聚辐射能力进一步提升。\n\n"
    )
    assert reviewed(head, review, "经济社会发展主要预期目标是:地区生产总值增长12%。") == {
        "gdp": "2527",
        "gdp-growth": "15",
    }


def test_a_floor_of_the_plain_growth_is_kept_over_an_exact_figure_on_another_basis() -> None:
    # 政府工作报告-其他地市/东营市/2020.md
    head = "**政府工作报告**\n——2020年1月8日在东营市第八届人民代表大会第五次会议上"
    review = "一、2019年工作回顾\n\n全市经济增长4.5%以上，可比口径实际增长5.5%。\n\n二、2020年工作安排\n\n"
    read = report(head, "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%。", review=review)
    (gdp,) = read.outcomes
    assert (gdp.measure.id, str(gdp.value), gdp.bound, gdp.basis) == ("gdp-growth", "4.5", True, None)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # 政府工作报告-省自治区/广东省/2001.md: a space after the decimal point, not the figure 5.
        (
            "2000 年全省国内生产总值达9506亿元,比上年增长10. 5%。",
            [("gdp", "9506", None), ("gdp-growth", "10.5", "10. 5%")],
        ),
        # 政府工作报告-其他地市/武威市/2025.md
        ("空气质量优良天数比达到86. 1%。", [("good-air-days-share", "86.1", "86. 1%")]),
    ],
)
def test_a_space_after_the_decimal_point(words: str, expected: list) -> None:
    outcomes, _ = parse(words, 0, len(words), outcomes=True)
    got = [(o.measure.id, str(o.value), o.derived and o.derived.split(":")[0]) for o in outcomes if o.measure]
    assert got == expected
    assert all(o.derived.endswith("the figure with a space after its decimal point") for o in outcomes if o.derived)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # 政府工作报告-主要城市/上海市/2007.md: growth at comparable prices is the plain growth of GDP.
        (
            "全市生产总值达到10297亿元，按可比价格计算比上年增长12%，连续15年保持两位数增长；",
            [("gdp", "10297"), ("gdp-growth", "12")],
        ),
        # 政府工作报告-主要城市/宁波市/2018.md
        (
            "初步核算，实现地区生产总值9846.9亿元，按可比价计算，同比增长7.8%；",
            [("gdp", "9846.9"), ("gdp-growth", "7.8")],
        ),
        # 政府工作报告-主要城市/南京市/2020.md
        ("预计全年完成地区生产总值14050亿元、可比价增长8%，", [("gdp", "14050"), ("gdp-growth", "8")]),
        # 政府工作报告-主要城市/上海市/2010.md: 市生产总值.
        (
            "市生产总值比上年增长8.2%，地方财政收入达到2540.3亿元，",
            [("gdp-growth", "8.2"), ("local-budget-revenue", "2540.3")],
        ),
    ],
)
def test_growth_at_comparable_prices_is_the_plain_growth(words: str, expected: list) -> None:
    assert outcomes_of(words, 2009) == expected


def test_comparable_growth_of_revenue_is_still_another_basis() -> None:
    words = "一般公共预算收入可比增长4.3%"  # 政府工作报告-其他地市/乌海市/2025.md
    (revenue,) = parse(words, 0, len(words), outcomes=True)[0]
    assert (revenue.measure.id, revenue.basis) == ("budget-revenue-growth", "可比")


def test_the_income_of_the_city_districts_residents_is_the_urban_income() -> None:
    words = "市区居民人均可支配收入27368元，农村居民人均纯收入12641元，分别增长9.2%和10.4%。"  # 宁波市/2010.md
    assert outcomes_of(words) == [
        ("urban-income", "27368"),
        ("rural-income", "12641"),
        ("urban-income-growth", "9.2"),
        ("rural-income-growth", "10.4"),
    ]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # 政府工作报告-主要城市/上海市/2025.md: prices unchanged are a rise of 0 %.
        (
            "居民消费价格与上年基本持平，城镇调查失业率平均为4.2%。",
            [("cpi-inflation", "0"), ("surveyed-unemployment-rate", "4.2")],
        ),
        ("物价上涨1.3%，低于控制目标；", [("cpi-inflation", "1.3")]),  # 政府工作报告-主要城市/兰州市/2016.md
        ("居民消费品价格指数上涨2.4%。", [("cpi-inflation", "2.4")]),  # 政府工作报告-主要城市/合肥市/2013.md
        ("城镇登记失业率与上年持平。", []),  # a rate unchanged has no value of its own
    ],
)
def test_consumer_prices_in_other_words(words: str, expected: list) -> None:
    assert outcomes_of(words) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # 政府工作报告-其他地市/惠州市/2021.md: after the quarters, 全年 speaks of the measure again.
        (
            "地区生产总值一季度下降8.7%（同比，下同），上半年收窄至-4.3%，前三季度扭负为正、增长0.3%，全年完成4222亿元，增长1.5%；",
            [("gdp", "4222"), ("gdp-growth", "1.5")],
        ),
        # 政府工作报告-其他地市/池州市/2021.md
        (
            "全市地区生产总值一季度下降5.4%，二季度迅速恢复到正增长并逐季回升，预计全年增长4%以上。",
            [("gdp-growth", "4")],
        ),
        # 政府工作报告-其他地市/平凉市/2022.md: 较去年增长 of the measure before.
        (
            "预计到2021年底，全市地区生产总值完成546亿元，较去年增长8%，比“十三五”平均增速高3个百分点；",
            [("gdp", "546"), ("gdp-growth", "8")],
        ),
    ],
)
def test_the_whole_year_after_its_parts(words: str, expected: list) -> None:
    assert outcomes_of(words, 2021) == expected


def test_a_term_review_s_figure_of_the_year_in_its_own_clause() -> None:
    # 政府工作报告-其他地市/恩施土家族苗族自治州/2022.md and 揭阳市/2022.md (比2020年增长 is the year's growth)
    head = "**政府工作报告**\n——2022年1月10日在某某市第八届人民代表大会第一次会议上"
    review = (
        "一、过去五年工作回顾\n\n过去五年，我们砥砺奋进。地区生产总值突破千亿元大关，2021年达到1302.36亿元。"
        "2021年，全市地区生产总值预计（下同）2228亿元，比2020年增长6.0%，五年年均（下同）增长3.9%；\n\n"
        "二、今后五年目标任务\n\n"
    )
    targets = "今年经济社会发展的主要预期目标是：地区生产总值增长6%。"
    assert reviewed(head, review, targets) == {"gdp": "1302.36", "gdp-growth": "6.0"}


def test_a_level_reached_in_the_reviewed_year_beside_a_county_named_before() -> None:
    # 政府工作报告-其他地市/临沧市/2022.md: 沧源县 in the sentence's preamble makes no part of 908.5亿元.
    head = "**政府工作报告**\n——2022年1月10日在临沧市第五届人民代表大会第一次会议上"
    review = (
        "一、第四届市人民政府工作回顾\n\n第四届市人民政府深入贯彻落实习近平总书记给沧源县边境村老支书们的重要回信精神，"
        "地区生产总值从2017年的580.17亿元增加到2021年的908.5亿元，年均增长7.8%。\n\n二、今后五年目标任务\n\n"
    )
    assert reviewed(head, review, "今年经济社会发展的主要预期目标是：地区生产总值增长6%。") == {"gdp": "908.5"}


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # 政府工作报告-主要城市/上海市/2013.md: two levels from, two to.
        ("城市和农村居民家庭人均可支配收入分别从2007年的23623元、10222元提高到2012年的40188元、17401元。", []),
        ("空气优良天数较去年增加21天。", []),  # an increase, not a level
    ],
)
def test_what_is_not_safe_to_read_is_left(words: str, expected: list) -> None:
    assert outcomes_of(words, 2012) == expected


def test_a_term_review_sentence_that_opens_with_the_year_s_end_is_the_year_s() -> None:
    # 政府工作报告-其他地市/平凉市/2022.md: 预计到2021年底 is no goal ahead, and its figures are 2021's.
    head = "**政府工作报告**\n——2022年1月10日在平凉市第五届人民代表大会第一次会议上"
    review = (
        "一、过去五年工作回顾\n\n五年来，我们砥砺奋进。预计到2021年底，全市地区生产总值完成546亿元，较去年增长8%，"
        "比“十三五”平均增速高3个百分点；固定资产投资307亿元，较去年增长11%；社会消费品零售总额190亿元，较去年增长15%，"
        "是2016年的1.4倍。\n\n二、今后五年目标任务\n\n"
    )
    assert reviewed(head, review, "今年经济社会发展的主要预期目标是：地区生产总值增长6%。") == {
        "gdp": "546",
        "gdp-growth": "8",
        "fai": "307",
        "fai-growth": "11",
        "retail-sales": "190",
        "retail-sales-growth": "15",
    }


def test_a_paragraph_of_the_plans_that_looks_back_at_the_year_is_its_review() -> None:
    # 政府工作报告-省自治区/山东省/2016.md: the review of 2015 stands under 三、2016年政府工作总体安排.
    head = "**政府工作报告**\n——2016年1月24日在山东省第十二届人民代表大会第五次会议上"
    review = (
        "**三、2016年政府工作总体安排**\n\n"
        "刚刚过去的2015年，面对错综复杂的国内外形势，我们坚持稳中求进，生产总值比上年增长8%，居民消费价格上涨1.2%。\n\n"
        "今年全省工作要突出抓好以下几点。\n\n"
    )
    assert reviewed(head, review, "今年经济社会发展的主要预期目标是：生产总值增长7.5%。") == {
        "gdp-growth": "8",
        "cpi-inflation": "1.2",
    }
