"""The headline measures of city work reports, as data: ids (shared with the labels), names,
unit, direction, category and the words that name them.

Order matters: the first measure whose pattern matches a subject wins, so specific measures
(地方一般公共预算收入, 研发投入占生产总值比重) come before the general ones they contain
(一般公共预算收入, 生产总值). A pattern is matched against the subject of an item, the words
before its verb or figure, with spaces taken out.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Measure:
    """One headline measure. ``level`` is the id of the same measure as a level (亿元), if any."""

    id: str
    zh: str
    en: str
    unit: str
    direction: str  # "higher" | "lower"
    category: str
    pattern: re.Pattern[str]
    level: str | None = None
    level_zh: str | None = None
    level_en: str | None = None
    joined: str | None = None
    """The issue in which the measure joined, when after the first hand labels: a label set that
    never names it holds its items as outside the lexicon (``measure: null``)."""
    yearly: re.Pattern[str] | None = None
    """Words an outcome's own must hold to be the year's: a rise in points is as often the term's
    (城镇化率提高7.1个百分点, of five years) as the year's (比上年提高1个百分点)."""


def _m(
    id: str,
    zh: str,
    en: str,
    unit: str,
    direction: str,
    category: str,
    words: str,
    level: str | None = None,
    joined: str | None = None,
    yearly: str | None = None,
) -> Measure:
    level_zh = level_en = None
    if level:
        level_zh, level_en = level.split("|")
        level = id.removesuffix("-growth")
    pattern, yearly_words = re.compile(words), re.compile(yearly) if yearly else None
    return Measure(id, zh, en, unit, direction, category, pattern, level, level_zh, level_en, joined, yearly_words)


# A subject names a measure "as a whole" only when no narrower word precedes it: 人均GDP, 农业增加值,
# 县域地区生产总值 are other measures.
MEASURES: tuple[Measure, ...] = (
    _m(
        "energy-intensity-reduction",
        "单位生产总值能耗下降",
        "Energy use per unit of GDP, fall",
        "%",
        "higher",
        "environment",
        r"(单位|万元).{0,6}(生产总值|GDP)(综合)?(能耗|能源消耗)|^能耗强度",
    ),
    _m(
        "rd-share",
        "研究与试验发展经费投入强度",
        "R&D spending as a share of GDP",
        "%",
        "higher",
        "economy",
        r"(研究与试验发展|研发|R&D).{0,8}(强度|占.{0,10}(比重|比例|生产总值|GDP)|占比)",
    ),
    _m(
        "local-budget-revenue-growth",
        "地方一般公共预算收入增长",
        "Local general public budget revenue, growth",
        "%",
        "higher",
        "economy",
        r"^(全市|全州)?地方(一般公共预算|一般公共财政预算|一般预算|公共预算|级财政|公共财政预算|公共财政|财政|级)收入"
        r"|^(全市|全州)?一般公共预算地方(级)?收入",
        "地方一般公共预算收入|Local general public budget revenue",
    ),
    _m(
        "budget-revenue-growth",
        "一般公共预算收入增长",
        "General public budget revenue, growth",
        "%",
        "higher",
        "economy",
        r"^(全市|全州|全盟|地区)?(一般公共预算|一般公共财政预算|一般公共财政|一般预算|公共财政预算|公共财政|公共预算|财政一般预算|财政公共预算)收入",
        "一般公共预算收入|General public budget revenue",
    ),
    _m(
        "fiscal-revenue-growth",
        "全部财政收入增长",
        "Total fiscal revenue, growth",
        "%",
        "higher",
        "economy",
        r"^(全市|全州)?(全部财政|财政总|全口径财政|大口径财政|财政|一般公共预算总|公共财政总)收入",
        "全部财政收入|Total fiscal revenue",
    ),
    _m(
        "tax-revenue-growth",
        "税收收入增长",
        "Tax revenue, growth",
        "%",
        "higher",
        "economy",
        r"^(全市)?税收收入",
        "税收收入|Tax revenue",
    ),
    _m(
        "industry-va-growth",
        "规模以上工业增加值增长",
        "Value added of industry above designated size, growth",
        "%",
        "higher",
        "economy",
        r"^(全市|全州)?(规模以上|规上|规模)工业增加值",
        "规模以上工业增加值|Value added of industry above designated size",
    ),
    _m(
        "services-va-growth",
        "服务业增加值增长",
        "Services value added, growth",
        "%",
        "higher",
        "economy",
        r"^(全市)?(服务业|第三产业|三产)增加值|^(全市)?(第三产业|三产业?)$",
        "服务业增加值|Services value added",
    ),
    _m(
        "fai-growth",
        "固定资产投资增长",
        "Fixed-asset investment, growth",
        "%",
        "higher",
        "economy",
        r"^(全市|全州)?(全社会|规模以上|规上|500万元以上|限额以上)?固定资产投资(总额|额)?$",
        "固定资产投资|Fixed-asset investment",
    ),
    _m(
        "retail-sales-growth",
        "社会消费品零售总额增长",
        "Retail sales of consumer goods, growth",
        "%",
        "higher",
        "economy",
        r"^(全市)?(全)?(社会)?消费品零售(总)?额",
        "社会消费品零售总额|Retail sales of consumer goods",
    ),
    _m(
        "export-growth",
        "出口增长",
        "Exports, growth",
        "%",
        "higher",
        "economy",
        r"^(全市)?(外贸)?出口(总额|总值|额)?$",
        "出口总额|Exports",
    ),
    _m(
        "trade-growth",
        "进出口总额增长",
        "Foreign trade, growth",
        "%",
        "higher",
        "economy",
        r"^(全市|地区)?(外贸|对外贸易|属地企业|货物贸易|货物)?进出口(总额|总值|贸易总额|贸易额|额|货物总额)?$|^(地区)?外贸进出口",
        "进出口总额|Foreign trade",
    ),
    _m(
        "fdi-growth",
        "实际利用外资增长",
        "Foreign capital actually used, growth",
        "%",
        "higher",
        "economy",
        r"^.{0,6}?(实际)?(利用|使用|到账|吸收)外资|外商直接投资|^(注册)?外资(实际)?到(账|位)|^实际到账(注册)?外资",
        "实际利用外资|Foreign capital actually used",
    ),
    _m(
        "urban-income-growth",
        "城镇居民人均可支配收入增长",
        "Urban disposable income per head, growth",
        "%",
        "higher",
        "society",
        r"^(城镇|城市|市区)(常住)?居民(家庭)?(年)?(人均)?(可支配)?收入",
        "城镇居民人均可支配收入|Urban disposable income per head",
    ),
    _m(
        "rural-income-growth",
        "农村居民人均可支配收入增长",
        "Rural disposable income per head, growth",
        "%",
        "higher",
        "society",
        r"^(农村(牧区)?(常住)?居民|农牧村居民|农区居民|渔农村居民|农民|农牧民)(家庭)?(年)?(人均)?(可支配|纯)?收入",
        "农村居民人均可支配收入|Rural disposable income per head",
    ),
    _m(
        "resident-income-growth",
        "居民人均可支配收入增长",
        "Disposable income per head (all residents), growth",
        "%",
        "higher",
        "society",
        r"^(全市|全体)?(常住)?居民(人均)?(可支配)?收入",
        "居民人均可支配收入|Disposable income per head",
    ),
    _m(
        "cpi-inflation",
        "居民消费价格涨幅",
        "Consumer price inflation (CPI)",
        "%",
        "lower",
        "economy",
        r"^(全市)?居民消费品?价格|^CPI|^消费价格|^物价(总水平)?$",
    ),
    _m(
        "urban-unemployment-rate",
        "城镇登记失业率",
        "Registered urban unemployment rate",
        "%",
        "lower",
        "society",
        r"^(年末)?(城镇)?登记失业率",
    ),
    _m(
        "surveyed-unemployment-rate",
        "城镇调查失业率",
        "Surveyed urban unemployment rate",
        "%",
        "lower",
        "society",
        r"^(城镇)?调查失业率",
    ),
    _m(
        "urban-new-jobs",
        "城镇新增就业",
        "New urban jobs",
        "人",
        "higher",
        "society",
        r"^(城镇新增就业|新增城镇就业|城镇新增就业人数|城镇新增就业人员)$",
    ),
    _m("grain-output", "粮食产量", "Grain output", "万吨", "higher", "economy", r"^(全市)?粮食(总产量|产量|总产)"),
    _m(
        "pm25-reduction",
        "PM2.5浓度下降",
        "PM2.5 concentration, fall",
        "%",
        "higher",
        "environment",
        r"^PM2\.5.{0,6}浓度下降",
    ),
    _m(
        "pm25",
        "PM2.5平均浓度",
        "PM2.5 mean concentration",
        "μg/m³",
        "lower",
        "environment",
        r"^(全市|中心城区|城区|市区|中心城市)?(细颗粒物|PM2\.5|细颗粒物[(（]PM2\.5[)）])(年)?(平均|年均)?浓度",
    ),
    _m(
        "good-air-days-share",
        "空气质量优良天数比例",
        "Share of days with good air",
        "%",
        "higher",
        "environment",
        r"空气(质量)?优良(天数)?(比例|比率|占比|率)|^优良天数(比例|比率)|空气(质量)?优良天数比$",
    ),
    _m(
        "good-air-days",
        "空气质量优良天数",
        "Days with good air",
        "天",
        "higher",
        "environment",
        r"^(全市|全年)?(城市|中心城区)?空气(质量)?(优良|良好)天数$",
    ),
    _m(
        "population-growth-rate",
        "人口自然增长率",
        "Natural population growth rate",
        "‰",
        "lower",
        "society",
        r"^人口自然增长率",
    ),
    _m(
        "urbanisation-rate",
        "常住人口城镇化率",
        "Urbanisation rate (resident population)",
        "%",
        "higher",
        "society",
        r"^(常住人口)?城镇化率|^城市化(率|水平)",
    ),
    # The same words with a figure in 个百分点 (常住人口城镇化率提高1个百分点): the rise, not the level.
    # Words alone never name it (lookup passes it over): POINTS leads to it from urbanisation-rate.
    _m(
        "urbanisation-rate-rise",
        "常住人口城镇化率提高",
        "Urbanisation rate (resident population), rise",
        "个百分点",
        "higher",
        "society",
        r"^(常住人口)?城镇化率",
        joined="#20",
        yearly=r"比上年|较上年|比去年|较去年|同比",
    ),
    _m(
        "gdp-growth",
        "地区生产总值增长",
        "GDP growth",
        "%",
        "higher",
        "economy",
        r"^(全市|全州|全盟|全地区|北京市|天津市|上海市|重庆市)?(地区生产总值|国内生产总值|生产总值|市内生产总值|市生产总值|GDP|经济)(总量)?$",
        "地区生产总值|GDP",
    ),
)

BY_ID: dict[str, Measure] = {measure.id: measure for measure in MEASURES}

POINTS: dict[str, str] = {"urbanisation-rate": "urbanisation-rate-rise"}
"""A rate whose change in percentage points is a headline measure of its own (joined in #20: 61
headline targets of the national build named it, none decided while it stood outside)."""


def in_points(measure: Measure) -> Measure | None:
    """The measure a figure in 个百分点 makes of ``measure``: its rise, or None (outside the lexicon)."""
    points = POINTS.get(measure.id)
    return BY_ID[points] if points else None


_NAMED = tuple(measure for measure in MEASURES if measure.id not in POINTS.values())  # what words alone name


@functools.cache  # a pure function of its words, asked about a million times in a national build
def lookup(subject: str) -> Measure | None:
    """The measure a subject names, or None when it is outside the lexicon."""
    for measure in _NAMED:
        if measure.pattern.search(subject):
            return measure
    return None


# Measures outside the lexicon: named by the report's own words, and matched by them.

_FILLER = re.compile(r"^(?:[^\u4e00-\u9fffA-Za-z0-9]+|全市|全年|全州|全盟|全县|全区|全地区|今年|我市|其中)+")
_LEVEL_VERB = re.compile(
    r"(?:达到|达|控制在|保持在|稳定在|保持|为|降至|降到|增至|升至|提高到|提高至|提升到|提升至|突破|超过|实现|完成)$"
)
_CHANGE = re.compile(r"(?:增长|下降|降低|提高|提升|上涨|减少)$")
_TOTAL = re.compile(r"(投资|资金|贸易|进出口|内资|外资|零售)总?额")
_PLACE = re.compile(r"(?:地区|州|县|市|区|盟|旗)$")
_VAGUE = frozenset({"预期", "总量", "增加值", "产值", "总产值", "收入", "投资", "增速", "规模", "比重", "占比"})
_HAN = re.compile(r"[\u4e00-\u9fff]")


def outside_words(name: str, following: str = "") -> str:
    """The words that name a measure outside the lexicon, as the report has them: the fillers
    before (全市, 全年) and a verb that leads to a level (达到, 控制在) taken off. A change
    (增长, 下降) stays part of the name, unless ``following`` (the words after the name) shows it
    leads to a level: 非税占比下降至29.7% names 非税占比, as 非税占比29.8%以内 does."""
    words = _FILLER.sub("", re.sub(r"\s+", "", name))
    if _CHANGE.search(words) and re.match(r"\s*[至到]", following):
        words = _CHANGE.sub("", words)
    while _LEVEL_VERB.search(words) and len(_LEVEL_VERB.sub("", words)) >= 2:
        words = _LEVEL_VERB.sub("", words)
    return words or name


def outside_key(words: str) -> str:
    """What a target's and an outcome's words are matched by: trivial variants taken off
    (固定资产投资额 and 固定资产投资, 进出口贸易总额 and 进出口贸易 are one)."""
    return _TOTAL.sub(r"\1", words)


def matchable(key: str) -> bool:
    """Whether words name a measure surely enough to match a target's and an outcome's: not a
    place (塔城地区增长10%, a part of the whole), nor a word of no measure (预期, 总量), nor a
    stray character (一、二、三产 read as three subjects)."""
    base = _CHANGE.sub("", key)
    return len(_HAN.findall(base)) >= 2 and not _PLACE.search(base) and base not in _VAGUE
