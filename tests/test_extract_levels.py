"""`extract` on the reports of every level (#21): the State Council's, the provinces', the major
cities'. Each case quotes the words of a report of the collection lawtext/gov (its folder and file
named beside it); the tests never read the collection."""

from __future__ import annotations

import pytest

from zjk_targets.extract.items import parse
from zjk_targets.extract.work_report import read_report

REVIEW = "一、2016年工作回顾\n\n过去一年，经济运行缓中趋稳。\n\n二、2017年工作安排\n\n"


def report(head: str, targets: str, *, title: str = "政府工作报告", review: str = REVIEW, name: str = "x.md"):
    return read_report(f"---\ntitle: {title}\n---\n\n{head}\n\n各位代表：\n\n{review}{targets}\n", name)


def drafted(items) -> list[tuple[str | None, str, str, str]]:
    return [(t.measure.id if t.measure else None, t.comparator, str(t.value), t.unit) for t in items]


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
