"""Quantified items of a passage: which measure, which figure, which comparator, where in the text.

Works on the parsing copy of a report (simplified, ASCII punctuation and digits, the same length
as the original), so the span of an item is also its span in the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .lexicon import BY_ID, Measure, in_points, lookup

UNIT = (
    r"个百分点|百分点|万亿元|万亿美元|亿美元|万美元|亿元|万元/人|万元|元|万人次|万人|人|万吨|吨|万亿斤|亿斤|万斤|斤|万亩|亩|天"
    r"|微克/立方米|μg/m3|μg/m³|ug/m3|%|‰"
)
# A figure, its thousands separated by commas or not (26，530元 is 26530 yuan, not 530).
NUMBER = r"(?<![\d.A-Za-z])(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(?:\.\d+)?"
# Thousands set apart by a space (太原: 地区生产总值2 311.43亿元), only before an amount's unit, so that
# a year or a count split by a stray space (1 995年, 3 553件) stays as it was.
_SPACED = r"(?<![\d.A-Za-z])\d{1,3}(?: \d{3})+(?:\.\d+)?(?=\s*(?:亿|万|元|吨|人|斤|美元))"
# A space after the decimal point (增长10. 5％, 优良天数比达到86. 1%), before a rate's unit only.
_BROKEN = r"(?<![\d.A-Za-z])\d+\. \d+(?=\s*(?:%|‰|个?百分点))"
FIGURE = re.compile(
    rf"(?P<a>{_SPACED}|{_BROKEN}|{NUMBER})\s*(?P<ua>{UNIT})?(?:\s*(?:[-—–~～]+|至|到)\s*(?P<b>{NUMBER})\s*(?P<ub>{UNIT}))?"
)
SPACED = "{words}: the figure with its thousands set apart by a space"
BROKEN = "{words}: the figure with a space after its decimal point"
_UNIT_NAMES = {"百分点": "个百分点", "微克/立方米": "μg/m³", "μg/m3": "μg/m³", "ug/m3": "μg/m³"}

# Where a subject ends: the first verb (or qualifier) before its figure. 增长率 and 人均 are words
# of a measure, not a verb and a qualifier.
VERB = re.compile(
    r"预计|预期(?=增长|目标|为)|实际(?=增长|下降)|[由从](?=\s*(?:19|20)\d\d\s*年)|可比|同比|比增|比上年|较上年|[比较]去年|[比较](?:19|20)\d\d年|分别|(?<![人平])均|负增长|增长(?!率)|增速|增幅|涨幅|上涨|下降|降低|降幅|减少|回落|提高|提升"
    r"|达到|达|控制在|保持在|稳定在|保持|稳定|突破|超过|不低于|不少于|不高于|不超过|低于|高于|完成|实现|为|可达|力争"
    r"|有望|(?:再|迈|跨|跃|登|站)上|再跨|连跨|跨过|跨越|迈过|超(?=\d)"
)
# Adverbs between a subject and its verb: 全市固定资产投资首次突破2000亿元.
_ADVERB = re.compile(r"(?:在[^,;。、]{1,14}?)?(?:率先|首次|首度|再次|历史性地?|一举|成功|顺利|稳步)*超?$")
# Fillers before a subject; a short note in brackets too: 预计（下同）, 同比（下同）增长2.1%.
_LEAD = re.compile(
    r"(?:[\s*#—\-]|\([^()]{0,12}\)|(?:19|20)\d\d年(?=全市|全年|全州|全省|地区|生产|国内|规|一般|地方|社会|固定|城|农|粮|进出口|出口|实现|完成|外贸|达)|其中|预计|按?可比价格?(?:计算)?|可比口径|同口径|(?:剔除|扣除)[^,;。]{0,12}?(?:因素|影响)|可比|同比|比上年|较上年|[比较]去年|全市|我市|本市|全州|全盟|全省|我省|全区|我区|全国|全年|今年|去年|力争|确保|实现|完成|努力|争取"
    r"|特别是|尤其是|可(?=实现|完成|达到)|总量(?=突破|达到|达|超过|迈上|跨上|跃上)|按(?=可比|同口径)|按(?:不变价格?|自然口径)计算|实际(?=增长|下降)|拉动|带动|财政(?=一般公共预算)|并|和|及|同时|另外|此外)+"
)
_NEAR = "近约"
_PARTIAL = re.compile(
    r"前三季度|[上下]半年|[一二三四]季度|前[一二三四五六七八九十\d]+个?月|1\s*[-—–～~至]\s*\d{1,2}\s*月|一至[一二三四五六七八九十]+月"
)
_EARLIER = re.compile(r"(?:由|从)(?:前[一二三两四五\d]{0,2}年|上年)")  # 由前三年分别上升…: another period
_PLANNED = re.compile(r"年初(?:确定|提出|预期|计划)|预期目标|计划目标")
_FROM = re.compile(r"(?:由|从)(?:\s*(?:19|20)\d\d\s*年(?:末|底)?的?)?\s*$")  # 由2015年的984.98亿元增加到…
# Growth on another basis than the plain one a target sets: 可比增长, 按可比口径, 同口径, 剔除…因素.
# 按可比价格计算 (at comparable prices) is how growth of value added is always said, as 不变价 is: the plain basis.
_BASIS = re.compile(r"可比(?!价)(?:口径)?|同口径|剔除[^,;。]{0,12}(?:因素|影响)|扣除[^,;。]{0,12}(?:因素|影响)")
_COMPARISON = re.compile(r"比|较|净增|增加|多于")
_ALL_RESIDENTS = re.compile(r"(?:常住)?居民人均可支配收入$")
_SEP = re.compile(r"[、和及与]")
_RELATIVE = re.compile(
    r"高于全[省国区]|低于全[省国区]|全[省国区](?:平均)?(?:增速|水平)|与.{0,12}同步|快于|慢于|省下达|省定"
)
# A clause that ranks or remarks on the figure before (增速居全省第2位, 上升至全国第6位) leaves the
# subject of what follows as it was: 地区生产总值达到1763亿元、上升至…第6位，增长6.7%.
_REMARK = re.compile(
    r"(?:增速|增幅|总量|排名|位次)?(?:位居|位列|跃居|稳居|跃升|升至|上升至|前移|进位|(?:居|排|列)(?=全|第|前|首|省|国|区|名|在))"
)
# A figure said of a span of years, not of one: 城镇登记失业率始终控制在4%以内, 连续6年稳定在50亿斤;
# only a floor (连续2年突破1亿美元) holds for the year too.
_SPAN = re.compile(r"始终|一直|历年|每年|逐年|常年|连续\d*[多几]?年")
_SINCE_END = re.compile(r"[比较].{0,6}末")  # 比“十二五”末增长32.9%, 较2015年末
_FIVE_YEAR = re.compile(r"年均|两年平均|三年平均|五年|累计|平均每年")
_FALL = re.compile(r"(?:下降|降低|减少|回落|负增长)(?![到至])\s*$")
_CLAUSE_END = re.compile(r"[,;。!?]|:(?!\d)")  # not the colon of a ratio (21.5:23.5:55)


@dataclass(frozen=True)
class Item:
    """One quantified item: a measure (None when outside the lexicon) and its figure."""

    measure: Measure | None
    name: str  # the words that name it (simplified), e.g. 地区生产总值增长
    value: Decimal
    unit: str
    comparator: str  # ">=", ">", "<=", "about"
    direction: str  # "higher" | "lower"
    start: int  # span of the excerpt in the text
    end: int
    note: str | None = None
    derived: str | None = None
    estimated: bool = False
    bound: bool = False  # an outcome stated as a floor (突破, 超过, 以上): kept as `min`
    basis: str | None = None  # an outcome on another basis (可比口径, 同口径, 剔除…): context, never decisive
    against_goal: bool = False  # 增速超出预期2.5个百分点: points above (below) the goal, valued from the goal


_PARENS = re.compile(r"\([^()]*\)")


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    return any(a < at < b for a, b in spans)


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the clauses of text[start:end], split at , ; 。 (not inside 1,234 nor in brackets)."""
    spans, begin = [], start
    brackets = [m.span() for m in _PARENS.finditer(text, start, end)]
    for match in _CLAUSE_END.finditer(text, start, end):
        at = match.start()
        if text[at] == "," and text[at - 1 : at].isdigit() and re.match(r"\d{3}(?!\d)", text[at + 1 : at + 5]):
            continue
        if brackets and _inside(brackets, at):
            continue
        if at > begin:
            spans.extend(_enumeration(text, begin, at))
        begin = at + 1
    if end > begin:
        spans.extend(_enumeration(text, begin, end))
    return spans


_HAS_FIGURE = re.compile(rf"\d\s*(?:{UNIT})")


_SEVERAL = re.compile(r"分别|(?<![人平])均")
_NOT_DIGITS = re.compile(r"[^\d]*")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _enumeration(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A clause split at each 、 that follows a figure and opens words: 固定资产投资增长8.5%、地方财政收入
    增长2.2%; 地区生产总值增长10%、…、城乡居民人均可支配收入分别增长9%和11%. Not between the figures
    of a 分别/均 list (增长7%、8%), nor inside brackets."""
    if "、" not in text[start:end]:
        return [(start, end)]
    spans, begin = [], start
    brackets = [m.span() for m in _PARENS.finditer(text, start, end)]
    at = text.find("、", start, end)
    while at >= 0:
        following = _NOT_DIGITS.match(text[at + 1 : end]).group(0)
        opens = len(_HAN.findall(following)) >= 2
        opens = opens or bool(re.match(r"(?:19|20)\d\d年", text[at + 1 : end]))  # 增长6.2%、2014年以来首次…
        if opens and _HAS_FIGURE.search(text, begin, at) and not _inside(brackets, at):
            spans.append((begin, at))
            begin = at + 1
        at = text.find("、", at + 1, end)
    spans.append((begin, end))
    return spans


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", "").replace(" ", ""))


def _subject(text: str, start: int, stop: int) -> tuple[int, int]:
    """Span of the subject in text[start:stop]: leading fillers skipped, cut at the first verb."""
    lead = _LEAD.match(text, start, stop)
    begin = lead.end() if lead else start
    while part := _PARTIAL.match(text, begin, stop):  # 上半年地区生产总值下降0.8%: the time is no name
        lead = _LEAD.match(text, part.end(), stop)
        begin = lead.end() if lead else part.end()
    verb = VERB.search(text, begin, stop)
    end = verb.start() if verb else stop
    part = _PARTIAL.search(text, begin, end)  # 地区生产总值一季度下降8.7%
    end = part.start() if part else end
    while end > begin and text[end - 1] in _NEAR:  # 地区生产总值近1600亿元: 近 is not part of the name
        end -= 1
    adverb = _ADVERB.search(text, begin, end)
    end = adverb.start() if adverb else end
    # 完成/实现 in the middle: "3969家企业实现进出口总额" names 进出口总额.
    return begin, max(begin, end)


# Patterns of the hottest paths, compiled once (a national build asks them about a million times).
_SPACES = re.compile(r"\s+")
_ABOUT_AFTER = re.compile(r"\s*左右")
_FLOOR_BEFORE = re.compile(r"(?:突破|超过|超|不低于|不少于)\s*$")
_FLOOR_AFTER = re.compile(r"\s*(?:以上|多)")


def _words(text: str) -> str:
    return _SPACES.sub("", text)


def _comparator(pre: str, post: str, range_: bool, direction: str) -> tuple[str, str | None]:
    """The comparator the words give, and a note on how it was read."""
    if range_:
        return ">=", "range: kept as its lower bound"
    if re.match(r"\s*(?:及以上|以上)", post) or re.search(r"不低于|不少于", pre):
        return ">=", None
    if re.match(r"\s*(?:左右|上下)", post):
        return "about", None
    if re.search(r"超过|突破", pre):
        return ">", None
    if re.match(r"\s*(?:以内|以下|之内)", post) or re.search(r"控制在|不高于|不超过|低于", pre):
        return "<=", None
    return (">=" if direction == "higher" else "<="), "bare figure"


def _direction(measure: Measure | None, pre: str, post: str) -> str:
    if measure is not None:
        return measure.direction
    if re.search(r"控制在|不高于|不超过|低于|下降|降低", pre) or re.match(r"\s*(?:以内|以下)", post):
        return "lower"
    return "higher"


_MODIFIERS = (
    "城镇常住",
    "农村常住",
    "城镇",
    "农村",
    "城市",
    "农民",
    "全口径",
    "地方级",
    "地方",
    "户籍人口",
    "常住人口",
)


def _expand(subject: str) -> list[str]:
    """The subjects of a 分别/均 clause: 城镇、农村居民人均可支配收入 → two full names."""
    if subject.startswith("城乡") and _SEP.search(subject) is None:
        return [f"城镇{subject[2:]}", f"农村{subject[2:]}"]
    if three := _THREE_INDUSTRIES.match(subject):  # 一二三产业分别增长4%、10%和9%: the three sectors
        return [f"第{rank}产业{three.group(1)}" for rank in "一二三"]
    subject = _TOWN_AND_COUNTRY.sub("城镇、农村", subject)  # 城、乡居民人均可支配收入
    parts = [part for part in _SEP.split(subject) if part]
    if len(parts) < 2:
        return parts
    last = parts[-1]
    cut = next((len(m) for m in _MODIFIERS if last.startswith(m)), 0)
    full = []
    for part in parts[:-1]:
        if lookup(part) is not None or not cut or len(part) > 4:
            full.append(part)
            continue
        head = last[cut:]  # a modifier alone (城镇, 全口径) takes the last part's head noun
        overlap = next((n for n in range(min(len(part), len(head)), 0, -1) if head.startswith(part[-n:])), 0)
        full.append(part + head[overlap:])
    return [*full, last]


_TOWN_AND_COUNTRY = re.compile(r"^城[、和与及]乡(?=居民|常住)")
_THREE_INDUSTRIES = re.compile(r"^第?一[、,]?二[、,]?三产业?(.*)$")
_JOINED = re.compile(r"\s*(?:左右|以上|以内)?\s*(?:[、和及与]|以及)\s*")


def _plural(text: str, subject: str, figures: list[Figure], borrowed: bool) -> list[str] | None:
    """The measures of a subject that names several, each in the lexicon, without 分别: one figure
    for each (城镇和农村居民人均可支配收入达到30660元和10730元) or one figure for all (地区生产总值、
    固定资产投资增长5%以上). A subject borrowed from the clause before takes one figure each only."""
    names = _expand(subject)
    known = [lookup(name) is not None for name in names]
    # Words outside the lexicon stand as measures of their own between 、 (固定资产投资、工业投资增长10%),
    # never a modifier's stub nor between 和/及/与, which also join the words of one measure.
    listed = "、" in subject and not re.search(r"[和及与]", subject) and all(len(n) >= 4 for n in names)
    if len(names) < 2 or not (all(known) or (any(known) and listed)):
        return None
    if len(figures) == 1 and not borrowed:
        return names
    gaps = [text[a.end : b.start] for a, b in zip(figures, figures[1:], strict=False)]
    if len(figures) == len(names) and all(_JOINED.fullmatch(gap) for gap in gaps):
        return names
    return None


def _resolve(measure: Measure | None, unit: str, verb: str) -> tuple[Measure | None, str | None]:
    """The measure a figure's unit makes of a subject: levels, reductions; None when it fits none."""
    if measure is None:
        return None, None
    if unit not in ("%", "‰") and re.match(r"\s*(?:[比较][上去]年)?(?:比增|增加|净增|新增|多增)", verb):
        return None, "an increase by an amount, not a level: outside the lexicon"
    if unit == "个百分点":
        points = in_points(measure)  # 城镇化率提高1个百分点: the rise, where the lexicon has one
        return points, None if points else "a change in percentage points, not a level: outside the lexicon"
    if measure.id == "pm25" and unit == "%":
        return BY_ID["pm25-reduction"], None
    if measure.unit == "%" and unit not in ("%",):
        if measure.level is not None and unit.endswith("元"):
            level = Measure(
                measure.level,
                measure.level_zh or measure.zh,
                measure.level_en or measure.en,
                unit,
                "higher",
                measure.category,
                measure.pattern,
            )
            return level, None
        return None, f"a figure in {unit} of a measure in %: outside the lexicon"
    if measure.unit != "%" and unit in ("%", "‰") and measure.id not in ("population-growth-rate",):
        return None, f"a figure in {unit} of a measure in {measure.unit}: outside the lexicon"
    return measure, None


@dataclass(frozen=True)
class Figure:
    value: Decimal
    unit: str | None
    start: int
    end: int
    upper: Decimal | None


def _figures(text: str, start: int, end: int) -> list[Figure]:
    """The figures of a clause, but not those in brackets (州直增长7.5%、塔城地区增长8.5%: parts of the whole)."""
    found = []
    brackets = [m.span() for m in _PARENS.finditer(text, start, end)]
    for match in FIGURE.finditer(text, start, end):
        if brackets and _inside(brackets, match.start()):
            continue
        unit = match["ub"] or match["ua"]
        upper = _decimal(match["b"]) if match["b"] else None
        if match["b"] and not match["ub"]:  # "3至5" without a unit is not a range of this kind
            upper = None
            unit = match["ua"]
            found.append(
                Figure(
                    _decimal(match["a"]),
                    unit and _UNIT_NAMES.get(unit, unit),
                    match.start(),
                    match.end("ua") if match["ua"] else match.end("a"),
                    None,
                )
            )
            continue
        found.append(
            Figure(_decimal(match["a"]), unit and _UNIT_NAMES.get(unit, unit), match.start(), match.end(), upper)
        )
    return found


def parse(
    text: str, start: int, end: int, *, outcomes: bool = False, year: int | None = None
) -> tuple[list[Item], list[tuple[int, int]]]:
    """The items of text[start:end] and the spans of clauses that name a goal without a figure.

    For targets (``outcomes`` False) only the first figure of a clause counts, unless the clause
    lists several measures (分别, 均); for outcomes every figure with a subject does. ``year``: the
    year the outcomes are of, whose growth may be said against the year before (比2020年增长9.5%).
    """
    other_year = re.compile(rf"比(?!{year - 1}年)(?:19|20)\d\d年" if year else r"比(?:19|20)\d\d年")
    items: list[Item] = []
    unquantified: list[tuple[int, int]] = []
    previous: tuple[int, int, str] | None = None  # the previous clause's subject, for "同比增长12.1%"
    partial = False  # after 前三季度 / 1—11月 until 全年: figures of part of the year
    named: list[tuple[int, str]] = []  # the subjects of the clauses with figures just before
    for c_start, c_end in clauses(text, start, end):
        clause = text[c_start:c_end]
        figures = [f for f in _figures(text, c_start, c_end) if f.unit or _cpi_index(text, c_start, f)]
        s_start, s_end = _subject(text, c_start, figures[0].start if figures else c_end)
        subject = _words(text[s_start:s_end])
        if outcomes:
            part = _PARTIAL.search(clause)
            whole_year = next((at for at in (clause.find("全年"), clause.find("年内")) if at >= 0), -1)
            if part and not 0 <= whole_year < part.start():
                partial = True  # 全年增速较前三季度回升1.7个百分点 is the year's, not part of it
            elif whole_year >= 0:
                partial = False
            if partial:
                # 上半年收窄至-4.3%，…，全年完成4222亿元: only a measure's name is what 全年 speaks of again.
                if subject and lookup(subject) is not None and not _REMARK.match(subject):
                    previous = (s_start, s_end, subject)
                continue
        if not figures:
            if subject and not outcomes:
                unquantified.append((c_start, c_end))
            if outcomes and (level := _unchanged(text, c_start, c_end, previous)) is not None:
                items.append(level)
            if subject and not _REMARK.match(subject):
                previous = (s_start, s_end, subject)
                named = []
            continue
        if not subject and re.match(r"[\s、]*(?:力争|争取|确保|最好)", clause):
            continue  # 增长10%以上、力争达到15%: the aim beyond the target is not a second target
        if subject and lookup(subject) is None:
            # 全年服务业实现增加值579.1亿元: the measure's words run through the verb.
            whole = _LEAD.sub("", re.sub(r"实现|完成|达到|达|为|\s", "", text[s_start : figures[0].start]))
            whole = re.split(
                r"预计|同比|可比|比上年|增长(?!率)|增速|下降|提高|提升|控制在|保持|稳定|突破|超过|由", whole
            )[0]
            if lookup(whole) is not None:
                subject = whole
        if outcomes and _EARLIER.search(text, s_start, figures[0].start):
            # 能耗由前三年分别上升4.9%、5.5%、0.2%，转为下降1.2%: the figures before 转为 are of other years.
            turn = clause.rfind("转为")
            figures = [f for f in figures if turn >= 0 and f.start > c_start + turn]
            if not figures:
                previous = (s_start, s_end, subject) if subject else previous
                continue
        if outcomes and _PLANNED.search(clause) and not _AGAINST_GOAL_IN.search(clause):
            continue  # 没有实现年初确定的单位国内生产总值能耗降低4%左右的目标: the goal, not the outcome
        if outcomes and _FROM.search(text[s_start : figures[0].start]):
            if len(figures) != 2:
                # 由116.6亿元 (增加到…): the starting level, not the year's; 分别从2007年的23623元、10222元提高到
                # 2012年的40188元、17401元: which figure ends where is not safe to read.
                continue
            figures = figures[1:]  # 由1%提升至2.3%: the level reached
        excerpt_start = s_start
        if subject and _REMARK.match(subject) and previous is not None:
            subject = ""  # 突破600亿元、升至全区第四、增长150.8%: the ranking is no subject
        borrowed = not subject and previous is not None
        if borrowed:
            excerpt_start, _, subject = previous
        elif not (previous is not None and _COMPARISON.match(subject)):
            # 地区生产总值1686亿元，比近三年净增量之和多26.1亿元，同比增长7.5%: the comparison between
            # is not what 同比增长 is said of.
            previous = (s_start, s_end, subject)
            named.append((s_start, subject))
        if not subject:
            continue
        if _RELATIVE.search(clause):
            if not outcomes:
                unquantified.append((c_start, c_end))
            continue
        if _FIVE_YEAR.search(clause) or (outcomes and (other_year.search(clause) or _SINCE_END.search(clause))):
            continue
        paired = re.search(r"分别|(?<![人平])均", text[s_end : figures[0].start]) or "分别" in subject
        if not paired and len(figures) == 1 and subject.startswith("城乡") and _ALL_RESIDENTS.match(subject[2:]):
            subject = subject[2:]  # 城乡居民人均可支配收入增长6%: one figure, the income of all residents
        several = paired or (subject.startswith("城乡") and lookup(subject) is None)
        names = _expand(subject) if several else _plural(text, subject, figures, borrowed) or [subject]
        if paired and borrowed and len(names) < len(figures):
            # 进出口总额超200亿美元，实际利用外资12亿美元，分别增长14.8%、11.1%: the subjects of the
            # clauses before, one each; never the first figure for the last subject alone.
            before = named[-len(figures) :]
            if len(before) < len(figures) or any(lookup(name) is None for _, name in before):
                continue
            excerpt_start, names = before[0][0], [name for _, name in before]
        several = several or len(names) > 1
        if not several:
            figures = figures[: 1 if not outcomes else len(figures)]
            if outcomes and len(figures) > 1:
                figures = figures[:1]
        if len(names) > 1 and len(figures) == 1:
            figures = figures * len(names)
        for index, (name, figure) in enumerate(zip(names, figures, strict=False)):
            item = _item(text, name, figure, s_end, c_end, excerpt_start, figures, index, outcomes)
            if item is not None:
                items.append(item)
    return items, unquantified


# A measure's share of another (占…比重, 占比): not the measure's growth, and outside the lexicon.
_SHARE = re.compile(r"占.{0,16}(?:比重|比例)|比重|占比")
_SHARE_OF = re.compile(r"占\s*$")  # 其中外商直接投资占70%: its share of the whole, said just before the figure
SHARE_NOTE = "a share of another measure (占…比重), not its growth: outside the lexicon"


# 增速超出预期2.5个百分点, 低于预期目标3个百分点: the outcome stated against the goal.
_AGAINST = r"(超出|高于|超过|超|低于)(?:年初)?(?:预期|预定|计划)(?:目标)?"
_AGAINST_GOAL = re.compile(rf"(?:增速|增幅|增长)?{_AGAINST}\s*$")
_AGAINST_GOAL_IN = re.compile(rf"{_AGAINST}\s*\d+(?:\.\d+)?\s*个?百分点")
_UNCHANGED = re.compile(r"(?:与上年|与去年|比上年|较上年|同比)?(?:基本)?持平")
UNCHANGED = "{words}: no change on the year before, read as 0 %"


def _unchanged(text: str, c_start: int, c_end: int, previous: tuple[int, int, str] | None) -> Item | None:
    """Growth stated as no change, 固定资产投资与上年持平: 0 %, derived from the words (never 与全省持平)."""
    flat = _UNCHANGED.search(text, c_start, c_end)
    if flat is None or _RELATIVE.search(text, c_start, c_end) or re.search(r"与全[省国区]|平均", text[c_start:c_end]):
        return None
    lead = _LEAD.match(text, c_start, flat.start())
    start = lead.end() if lead else c_start
    name = _words(text[start : flat.start()])
    if not name and previous is not None:
        start, _, name = previous
    measure = lookup(name)
    if measure is None or measure.unit != "%" or measure.id.endswith("-reduction"):
        return None
    if measure.level is None and measure.id != "cpi-inflation":
        return None  # growth measures and prices only (a level measure in % has no "no change" reading)
    return Item(
        measure=measure,
        name=name,
        value=Decimal(0),
        unit="%",
        comparator=">=",
        direction=measure.direction,
        start=start,
        end=flat.end(),
        derived=UNCHANGED.format(words=flat.group(0)),
    )


def _cpi_index(text: str, c_start: int, figure: Figure) -> bool:
    """居民消费价格指数控制在103.5左右: an index without a unit."""
    return figure.upper is None and 100 <= figure.value <= 110 and "价格" in text[c_start : figure.start]


def _item(
    text: str,
    name: str,
    figure: Figure,
    s_end: int,
    c_end: int,
    excerpt_start: int,
    figures: list[Figure],
    index: int,
    outcomes: bool,
) -> Item | None:
    measure = lookup(name)
    share = None
    pre = text[s_end : figure.start]
    if measure is not None and measure.id.endswith("-growth") and (_SHARE.search(name) or _SHARE_OF.search(name + pre)):
        measure, share = None, SHARE_NOTE  # 服务业增加值占国内生产总值比重上升到51.6%: a share, not growth
    post = text[figure.end : min(c_end, figure.end + 4)]
    rest = figures[index + 1 :]
    gaps = [text[a.end : b.start] for a, b in zip([figure, *rest], rest, strict=False)]
    if rest and all(re.fullmatch(r"\s*[、和与及]\s*", gap) for gap in gaps):
        # 分别增长7%、8%左右: the last figure's 左右 is said of each.
        post = text[rest[-1].end : min(c_end, rest[-1].end + 4)]
    unit = figure.unit or "%"
    derived = None
    value = figure.value
    note = None
    if " " in (words := text[figure.start : figure.end].strip()):
        derived = (BROKEN if ". " in words else SPACED).format(words=words)
    if measure is not None and measure.id == "cpi-inflation" and value >= 100:
        derived = f"{figure.value} − 100: the price index (previous year = 100) as a rise in %"
        value = figure.value - 100
        unit = "%"
    against = _AGAINST_GOAL.search(pre) if outcomes and unit == "个百分点" else None
    if against and measure is not None and measure.unit == "%":
        sign = -1 if against.group(1) == "低于" else 1
        return Item(
            measure=measure,
            name=name,
            value=sign * value,
            unit=unit,
            comparator=">=",
            direction=measure.direction,
            start=excerpt_start,
            end=figure.end,
            against_goal=True,
        )
    measure, why = _resolve(measure, unit, pre)
    why = why or share
    direction = _direction(measure, pre, post)
    basis = None
    if outcomes:
        comparator, how = ">=", None
        other = _BASIS.search(text, excerpt_start, figure.start)
        # …扣除留抵退税因素后同比增长13.3%，按自然口径计算同比增长7.5%: the plain basis is said again.
        if other and not re.search(r"自然口径|不变价", text[other.end() : figure.start]):
            basis = other.group(0)
        if _FALL.search(pre) and measure is not None and not measure.id.endswith("-reduction") and unit == "%":
            value = -value
        if _ABOUT_AFTER.match(post):
            note = "左右 (about)"
        elif pre.rstrip().endswith("近"):
            note = "近 (nearly)"
        # 突破2000亿元 is a floor; 超过疫情前水平、同比增长8.8% is not.
        bound = bool(_FLOOR_BEFORE.search(pre) or _FLOOR_AFTER.match(post))
        if not bound and _SPAN.search(text, excerpt_start, figure.start):
            return None  # 始终控制在4%以内 is no year's figure; 连续2年突破1亿美元 is still the year's floor
    else:
        bound = False
        comparator, how = _comparator(pre, post, figure.upper is not None, direction)
        if figure.upper is not None:
            how = f"range {figure.value}–{figure.upper}: kept as its lower bound"
        if measure is None and comparator != "about":
            # 排放下降3.5%以上: the words' comparator says which way is better for a measure
            # outside the lexicon (a fall, here), not the fall word alone.
            direction = "higher" if comparator in (">=", ">") else "lower"
        if (
            measure is not None
            and (comparator in (">=", ">")) != (measure.direction == "higher")
            and comparator != "about"
        ):
            return None  # the words contradict the measure: better left to a person than guessed
    if measure is None:
        verb = re.match(r"\s*(增长|下降|降低|提高|提升|达到|控制在|上涨|减少)?", pre)
        name = name + (verb.group(1) if verb and verb.group(1) else "")
        note = "; ".join(filter(None, [note, "measure outside the lexicon: review it", why]))
    end = figure.end
    if not outcomes and re.match(r"\s*(?:及以上|以上|左右|以内|以下|之内|上下)", text[end:c_end]):
        end += len(re.match(r"\s*(?:及以上|以上|左右|以内|以下|之内|上下)", text[end:c_end]).group(0))
    if len(figures) > 1 and figures[-1].end > end:
        # 分别增长7%和8%以上: the excerpt runs to the last figure, so the words stay whole.
        end = figures[-1].end
        suffix = re.match(r"\s*(?:及以上|以上|左右|以内|以下|之内|上下)", text[end:c_end])
        end += len(suffix.group(0)) if suffix and not outcomes else 0
    if not outcomes and how:
        note = "; ".join(filter(None, [how, note]))
    return Item(
        measure=measure,
        name=name,
        value=value,
        unit=unit,
        comparator=comparator,
        direction=direction,
        start=excerpt_start,
        end=end,
        note=note,
        derived=derived,
        bound=bound,
        basis=basis,
    )
