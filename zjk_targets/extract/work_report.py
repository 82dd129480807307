"""One work report → its city, dates, headline targets, unquantified goals and reviewed outcomes."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from .decode import parsing_copy
from .items import _LEAD as LEAD
from .items import Item, clauses, parse
from .lexicon import lookup


class ReportError(Exception):
    """The report cannot be read as a work report; the message says why."""


@dataclass(frozen=True)
class Report:
    """What extract reads from one report. Spans index ``text`` (the original characters)."""

    text: str
    title: str
    city: str | None
    delivered: str | None  # "YYYY-MM-DD" (or "YYYY") of delivery, as the text says
    sets_year: int
    reviews_year: int
    year_basis: str
    headline: tuple[int, int]
    targets: tuple[Item, ...]
    unquantified: tuple[str, ...]
    outcomes: tuple[Item, ...]
    traditional: bool
    tasks: tuple[Item, ...] = ()  # quantified tasks of headline measures outside the headline paragraph
    review_only: bool = False  # no targets paragraph was found: only the review of last year was read
    others: tuple[Item, ...] = ()  # outcomes outside the lexicon, in order: extract matches them to targets by words
    against_goal: tuple[Item, ...] = ()  # 增速超出预期2.5个百分点: valued by `against_goals` from the goal

    def words(self, item: Item) -> str:
        return self.text[item.start : item.end]

    def against_goals(self, goals: tuple[Item, ...]) -> tuple[Item, ...]:
        """The outcomes stated against the goal (增速超出预期2.5个百分点), valued from ``goals``, the
        headline targets the report of the reviewed year set: goal + 2.5, derived, with the words of
        both. Only where no figure of the measure was read, and the goal is one figure in %."""
        read = {item.measure.id for item in self.outcomes if item.measure}
        by_measure = {goal.measure.id: goal for goal in goals if goal.measure and goal.unit == "%"}
        found = []
        for item in self.against_goal:
            goal = by_measure.get(item.measure.id) if item.measure else None
            if goal is None or item.measure.id in read or (goal.note or "").startswith("range"):
                continue
            read.add(item.measure.id)
            value = goal.value + item.value
            sign = "−" if item.value < 0 else "+"
            derived = AGAINST_GOAL.format(
                goal=goal.value, sign=sign, points=abs(item.value), value=value, year=self.reviews_year
            )
            found.append(replace(item, value=value, unit="%", derived=derived))
        return tuple(found)


AGAINST_GOAL = "{goal} {sign} {points} = {value} (the goal of {year}, and the outcome stated against it in points)"

_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_TITLE = re.compile(r"^title:\s*(.+)$", re.M)
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "O": 0, "o": 0, "0": 0}
_CN_UNITS = {"十": 10, "百": 100}
_CN_DATE = re.compile(
    r"([〇零一二三四五六七八九Oo0]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日"
)
_DATE_LINE = re.compile(r"人民代表大会|人大|会议")
# A date alone on its line, in brackets or after a dash, with at most a name beside it: （2017年1月8日）,
# （2006年1月16日 徐荣凯）, **（二〇〇五年一月十一日）**.
_BARE_DATE_LINE = re.compile(r"^[\s*#—\-]*\(?\s*[\d〇零一二三四五六七八九Oo]{4}\s*年[^()]{2,10}日[^()]{0,12}\)?[\s*]*$")
# The place of a report: named before its congress (在河北省第十届人民代表大会, 长沙市第十五届人民代表大会),
# in its title (2022年内蒙古自治区政府工作报告, 应勇市长在上海市第十五届人民代表大会…的政府工作报告), by the
# government that speaks (我代表江苏省人民政府) or by the party committee that leads it (中共云南省委).
_PLACE = r"[\u4e00-\u9fff]{1,12}?(?:省|自治区|市|自治州|州|盟|地区|县|区)"
_AFTER_DATE = re.compile(r"在|年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日")
_NATION_LINE = re.compile(r"在第[一二三四五六七八九十]+届全国人民代表大会")
_CITY_IN_LINE = re.compile(r"(.{2,24}?)(?<![第一二三四五六七八九十])(?:第?[一二三四五六七八九十]+届|第.{1,4}届)")
_CITY_IN_TITLE = re.compile(rf"^(?:\d{{4}}年)?({_PLACE}|.{{2,24}}?)(?:\d{{4}}年)?(?:人民)?政府工作报告")
_CITY_BEFORE_CONGRESS = re.compile(rf"在({_PLACE})第?[一二三四五六七八九十]+届")
_CITY_AT_CONGRESS = re.compile(rf"^({_PLACE})第?[一二三四五六七八九十]+届")
_CITY_IN_BODY = re.compile(
    rf"^[\s*]*({_PLACE})(?:人民政府)?(?:代理)?(?:省长|市长|州长|主席)|我代表({_PLACE})人民政府|中共({_PLACE})委", re.M
)
_NATION_IN_BODY = re.compile(r"我代表(?:中华人民共和国)?国务院")
NATION = "全国"
_NATION_NAMES = ("中华人民共和国", "国务院")
_OPENING = 4000  # characters of the opening a place's name is looked for in
_NOT_CITY = {"自治州", "市", "州", "本市", "全市", "地区", "盟", "省", "自治区", "全省", "全区", "我省", "我市", "我区"}
_HEADLINE = re.compile(
    r"(?:目标|指标)(?:任务|预期)?\**(?:的)?(?:计划安排|初步确定为|确定为|建议为|建议是|安排|建议)?(?:是|为|如下)?\**\s*[:：]"
)
_PLAN = re.compile(r"十[三四五]五|今后五年|未来五年|五年|2035|二〇三五|远景|年均|中长期")
_PLAN_LEAD = re.compile(r"(?:十[三四五]五|五年|2035|二〇三五|远景|中长期)[^,，;；]{0,14}$")
_HEADLINE_YEAR = re.compile(r"(\d{4})\s*年(?:的)?[^。:，,]{0,20}目标")
_STOP = re.compile(
    r"^\s*(?:上述|实现上述|为实现|为了实现|实现这些|围绕|这些指标|提出这样|在实际工作中|综合考虑|重点|要重点|欲得|各地各部门)"
)
_HEADING = re.compile(r"^[\s*#]*[一二三四五六七八九十]+\s*[、.．]")
_PLAN_HEADING = re.compile(r"十[三四五]五|五年|规划|远景|2035|二〇三五|目标|总体要求|重点|任务|安排|思路")
_REVIEW_HEADING = re.compile(r"回顾|过去|一年来|\d{4}年(?:政府)?工作|收官|成就|成绩|完成情况")
_REVIEW_WORDS = re.compile(r"完成|成就|成绩|情况|回顾|收官")
_TERM = r"[“\"]?十[一二三四五]五[”\"]?"  # 十三五, “十三五” (quoted in most reports)
_SINCE = rf"{_TERM}以来(?![^,，。]{{0,2}}(?:最|首|新))"  # not a record: 创“十三五”以来最好水平
# (两年平均 stands beside the year's own growth, 增长8.5%，两年平均增长6.3%: its clause is left out, not
# the sentence.)
_SKIP_SENTENCE = re.compile(rf"(?<!近)五年|{_TERM}(?:期间|时期|期?末)|{_SINCE}|年均|目标是:")
# Words that make the rest of a paragraph the term's: “十三五”时期，我们坚持项目为王。固定资产投资…分别增长11.2%…
_TERM_OPENS = re.compile(
    rf"过去(?:的)?五年|五年来|这五年|五年间|是[^,，。]{{0,16}}的五年|{_TERM}(?:期间|时期)|{_SINCE}"
    r"|本届政府(?:任期)?以来|任期以来|人大[一二三四五六七八九十\d]+次会议以来"
)
# Words before the reviewed year that open its sentences: 特别是刚刚过去的2020年, 预计全年, 这一年, 一年来.
_THE_YEAR = r"(?:特别是|尤其是)?(?:预计|初步预计|初步核算|初步统计)?[,，]?(?:刚刚)?(?:过去的?|这)?(?=[\d一全去])"
_TURNS = (
    r"(?:特别是|尤其是)?(?:刚刚)?过去的?(?:一年|{year}年)|(?:特别是|尤其是)?这一年|一年来"
    r"|(?:预计|初步预计|初步核算|初步统计)?[,，]?全年"
)
# A paragraph of the plans that looks back at the reviewed year (山东 2016, under 三、2016年政府工作总体安排:
# 刚刚过去的2015年，面对错综复杂的国内外形势，…生产总值比上年增长8%…) is read as the review.
_LOOKS_BACK = r"[\s*#—-]*(?:特别是|尤其是)?(?:刚刚)?过去的?(?:一年|{year}年)"
# A heading without a number (今后五年及2022年工作): a short line with no sentence in it, no figure but a year.
_BARE_PLANS = re.compile(r"今后|未来|今年|明年|规划|远景|安排|思路|总体要求")
_BARE_HEADING = re.compile(r"^[\s*#]*(?!——)[^\d,，。;；:：!！?？]{2,24}(?:\d{4}年[^\d,，。;；:：!！?？]{0,12})?$")


def _cn_number(text: str) -> int:
    """A whole number in Chinese numerals: digit by digit (二〇一七) or with units (十二, 一百二十)."""
    if not any(c in _CN_UNITS for c in text):
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    value = current = 0
    for char in text:
        if char in _CN_UNITS:
            value += (current or 1) * _CN_UNITS[char]
            current = 0
        else:
            current = _CN_DIGITS[char]
    return value + current


def _find_date(text: str) -> tuple[int, int, int] | None:
    match = _DATE.search(text)
    if match:
        return int(match[1]), int(match[2]), int(match[3])
    match = _CN_DATE.search(text)
    if match:
        return _cn_number(match[1]), _cn_number(match[2]), _cn_number(match[3])
    return None


def _head(parse_text: str) -> tuple[str, str, int]:
    """The title (front matter, else first line), the text of the head, and where the body starts."""
    front = _FRONT.match(parse_text)
    body = front.end() if front else 0
    title = ""
    if front:
        found = _TITLE.search(front.group(1))
        if found:
            title = found.group(1).strip().strip("'\"")
    lines = parse_text[body : body + 3000].split("\n")
    if not title:
        title = next((line.strip(" #*") for line in lines if line.strip()), "")
    return title, "\n".join(lines[:20]), body


def _dates(title: str, head: str) -> tuple[tuple[int, int, int] | None, str]:
    said = re.search(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)", title)
    for line in head.split("\n"):
        if _DATE_LINE.search(line) and (date := _find_date(line)):
            return date, "the date line under the title"
        # 江苏省2003年政府工作报告 over （2010年2月20日 梁保华）: a date far from the title's year is a slip.
        bare = _BARE_DATE_LINE.match(line) and (date := _find_date(line))
        if bare and (said is None or abs(date[0] - int(said.group(1))) <= 1):
            return date, "the date line under the title"
    date = _find_date(title)
    return date, "the date in the title"


def _is_place(name: str) -> bool:
    return name not in _NOT_CITY and re.fullmatch(r"[\u4e00-\u9fff]{2,12}", name) is not None and "届" not in name


def _city(title: str, head: str, opening: str = "") -> str | None:
    """The place the report is of: the nation (全国) for a report to the National People's Congress,
    else the place its congress line, its title or its opening paragraphs name; None when none does."""
    lines = head.split("\n")
    if any(_NATION_LINE.search(line) for line in lines if len(line) < 80):
        return NATION
    for line in lines:
        if _DATE_LINE.search(line) and (match := _CITY_IN_LINE.search(line)):
            # 2019年1月11日长沙市第十五届…, 龚正市长在上海市第十六届…: the words after 在 or the date.
            city = _AFTER_DATE.split(match.group(1))[-1].strip(" *—-")
            if city in _NATION_NAMES:
                return NATION
            if _is_place(city):
                return city
    compact = title.replace(" ", "")
    for pattern in (_CITY_BEFORE_CONGRESS, _CITY_AT_CONGRESS, _CITY_IN_TITLE):
        match = pattern.search(compact)
        if match and _is_place(match.group(1)):
            return match.group(1)
    if _NATION_IN_BODY.search(opening) or title.startswith(_NATION_NAMES):
        return NATION
    match = _CITY_IN_BODY.search(opening)
    if match and _is_place(name := next(group for group in match.groups() if group)):
        return name
    return None


def _headline(parse_text: str, body: int) -> tuple[int, int, int] | None:
    """(start, items start, end) of the headline targets passage, or None.

    The passage starts at the sentence that announces the year's main expected targets, and runs
    to the end of its sentence, or on through the following sentences that still name measures.
    Five-year and long-term goals are passed over.
    """
    best: tuple[int, tuple[int, int, int]] | None = None
    for match in _HEADLINE.finditer(parse_text, body):
        line_start = parse_text.rfind("\n", 0, match.start()) + 1
        sentence_start = max(parse_text.rfind("。", line_start, match.start()) + 1, line_start)
        lead = parse_text[sentence_start : match.start()]
        if _PLAN_LEAD.search(lead):
            continue
        items_start = match.end()
        line_end = parse_text.find("\n", items_start)
        line_end = len(parse_text) if line_end < 0 else line_end
        if not re.search(r"\d", parse_text[items_start:line_end]):
            # The items on the following line(s): "主要预期目标是：" then a paragraph of items.
            nxt = items_start
            while nxt < len(parse_text) and parse_text[nxt] in "\n \t*":
                nxt += 1
            line_end = parse_text.find("\n", nxt)
            line_end = len(parse_text) if line_end < 0 else line_end
        end = _passage_end(parse_text, items_start, line_end)
        passage = parse_text[items_start:end]
        if _PLAN.search(passage[:40]) or re.search(r"年均(?:增长|增速|提高|下降)", passage):
            continue
        items, _ = parse(parse_text, items_start, end)
        score = sum(1 for item in items if item.measure is not None) * 2 + len(items)
        if score and (best is None or score > best[0]):
            best = (score, (sentence_start, items_start, end))
    return best[1] if best else _expected(parse_text, body) or _unannounced(parse_text, body)


# One target said as this year's expected figure, in reports that set no list (the State Council to 2004:
# 今年经济增长预期目标为7%左右; 山东 2002: 今年我省国内生产总值预期增长9％，其中一二三产业分别增长…).
_EXPECTED = re.compile(r"今年[^。;；,，]{0,16}?预期(?:目标)?(?:确定为|定为|为|是)?\s*(?:增长)?\s*\d")


def _expected(parse_text: str, body: int) -> tuple[int, int, int] | None:
    """(start, items start, end) of this year's expected figure of a headline measure: from 今年 to the
    last figure of its sentence and of the following ones on its line that name a measure."""
    for match in _EXPECTED.finditer(parse_text, body):
        line_end = parse_text.find("\n", match.start())
        line_end = len(parse_text) if line_end < 0 else line_end
        if _PAST.search(parse_text, match.start(), _sentence_end(parse_text, match.start(), line_end)):
            continue
        items, _ = parse(parse_text, match.start(), _passage_end(parse_text, match.start(), line_end))
        if any(item.measure is not None for item in items):
            end = max(item.end for item in items)
            end = _FIGURE_SUFFIX.match(parse_text, end).end()
            return match.start(), match.start(), end
    return None


_FIGURE_SUFFIX = re.compile(r"(?:左右|以上|以内)?")
_THIS_YEAR = re.compile(r"今年|全年|综合考虑|力争|预期|确保")
_PAST = re.compile(r"预计|去年|过去|一年来|回顾|实现了|完成了|年均|五年|十[三四五]五")


def _unannounced(parse_text: str, body: int) -> tuple[int, int, int] | None:
    """Targets given without an announcing phrase: 综合考虑各方面因素，今年全市地区生产总值增长7.5%左右，…
    The sentence of this year's aims that names the most headline measures, three at least."""
    best: tuple[int, tuple[int, int, int]] | None = None
    for match in re.finditer(r"[^。\n]+", parse_text[body:]):
        start, end = body + match.start(), body + match.end()
        sentence = match.group(0)
        figures = list(_DIGIT.finditer(sentence))
        # 今年，…主要经济指标增幅要不低于全省平均水平。地区生产总值增长7%左右，…: this year said before.
        paragraph = parse_text[parse_text.rfind("\n", 0, start) + 1 : end]
        this_year = _THIS_YEAR.search(sentence) or re.match(r"[\s*#—-]*今年[,，]", paragraph)
        # 2020: …单位国内生产总值能耗和主要污染物排放量继续下降，努力完成“十三五”规划目标任务: words of
        # the term after the last figure do not make the year's targets a review.
        if not figures or not this_year or _PAST.search(sentence, 0, figures[-1].end()):
            continue
        # 今年全市地区生产总值增长8.5%左右。规上工业增加值增长9%。…: one item a sentence, on one line.
        line_end = parse_text.find("\n", end)
        end = _passage_end(parse_text, start, len(parse_text) if line_end < 0 else line_end)
        items, _ = parse(parse_text, start, end)
        named = sum(1 for item in items if item.measure is not None)
        if named >= 3 and (best is None or named > best[0]):
            best = (named, (start, start, end))
    return best[1] if best else None


def _passage_end(parse_text: str, items_start: int, line_end: int) -> int:
    """The end of the headline passage: its first sentence, and the following ones on its line that
    name a measure. One short sentence that names none (城乡居民收入增长与经济增长基本同步) is passed
    over when the next names one with its figure (单位地区生产总值能耗下降3.5%)."""
    end = parse_text.find("。", items_start, line_end)
    if end < 0:
        return line_end
    while end + 1 < line_end:
        nxt = _sentence_end(parse_text, end + 1, line_end)
        if _STOP.match(parse_text[end + 1 : nxt]):
            break
        if not _names_measure(parse_text, end + 1, nxt):
            after = _sentence_end(parse_text, nxt + 1, line_end) if nxt + 1 < line_end else nxt
            short = nxt - end <= _GAP_SENTENCE
            if not (short and after > nxt and _names_measure(parse_text, nxt + 1, after, figure=True)):
                break
            if _STOP.match(parse_text[nxt + 1 : after]):
                break
            nxt = after
        end = nxt
    return end + 1 if end < line_end and parse_text[end] == "。" else end


_GAP_SENTENCE = 40  # characters of a sentence without a measure the passage runs over


def _sentence_end(parse_text: str, start: int, line_end: int) -> int:
    nxt = parse_text.find("。", start, line_end)
    return line_end if nxt < 0 else nxt


def _names_measure(parse_text: str, start: int, end: int, *, figure: bool = False) -> bool:
    return any(
        lookup(_subject_words(parse_text, a, b)) and (not figure or _DIGIT.search(parse_text, a, b))
        for a, b in clauses(parse_text, start, end)
    )


_SUBJECT_END = re.compile(r"增长|下降|控制|保持|稳定|达到|提高|完成|(?<!PM)(?<!PM2\.)\d")


def _subject_words(parse_text: str, start: int, end: int) -> str:
    """The words before the verb or figure of a clause (PM2.5 is a name, not a figure), without the
    fillers that lead a subject (全省, 今年)."""
    words = _SUBJECT_END.split(parse_text[start:end], maxsplit=1)[0]
    words = re.sub(r"\s+", "", words)
    lead = LEAD.match(words)
    return words[lead.end() :] if lead else words


def _opens_review(heading: str) -> bool:
    """Whether a heading is the first part of a report, which reviews (一、开启“六新河池”建设新征程 实现
    “十四五”良好开局; 一、2020年和“十三五”取得历史性成就) unless it says plans (一、今后五年的奋斗目标)."""
    if not re.match(r"[\s*#]*一\s*[、.．]", heading):
        return False
    if _REVIEW_WORDS.search(heading):  # 一、“十二五”规划完成情况
        return True
    return not _BARE_PLANS.search(heading) and not re.search(r"目标|任务", heading)


def _plan_heading(heading: str, year: int | None) -> bool:
    """Whether a heading opens plans (今后五年及2022年工作, 三、2021年工作安排), not the review of
    ``year`` (一、2020年和“十三五”取得历史性成就, 一、过去五年工作回顾)."""
    if year is not None and f"{year}年" in heading and f"{year + 1}年" not in heading:
        return False
    # 二、今后五年工作展望和2012年工作建议: the year of the plans is no review's (2012年工作).
    reviewed = heading.replace(f"{year + 1}年", "") if year is not None else heading
    return bool(_PLAN_HEADING.search(heading) or re.search(r"今后|今年", heading)) and not _REVIEW_HEADING.search(
        reviewed
    )


_OPENS_TERM = re.compile(r"[\s*#—-]*(?:过去五年|五年来|“十三五”|十三五)")


def _review_spans(
    parse_text: str, body: int, until: int, term: list[tuple[int, int]] | None = None, year: int | None = None
) -> list[tuple[int, int]]:
    """Sentences of the review of last year: before the headline, outside five-year sections.
    The sentences of a review of the term (过去五年, 十三五, 年均) go to ``term`` when it is given."""
    spans: list[tuple[int, int]] = []
    term = [] if term is None else term
    skipping = term_list = False
    position = body
    for line in parse_text[body:until].split("\n"):
        start, position = position, position + len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        if _HEADING.match(stripped) and len(stripped) < 60:
            skipping = not _opens_review(stripped) and _plan_heading(stripped, year)
            continue
        if _BARE_HEADING.match(stripped):  # only words of plans or of the review turn it
            if _BARE_PLANS.search(stripped) or (year is not None and f"{year + 1}年" in stripped):
                skipping = _plan_heading(stripped, year)
            elif _REVIEW_HEADING.search(stripped) or (year is not None and f"{year}年" in stripped):
                skipping = False
            continue
        if skipping and not (year is not None and re.match(_LOOKS_BACK.format(year=year), stripped)):
            continue
        listed = stripped.startswith("——")
        of_term = bool(_OPENS_TERM.match(stripped))
        # The items (——民生福祉显著改善。…) of a list a term's review opens (市七届人大一次会议以来，…):
        # the term's, as their opening is.
        of_term = of_term or (listed and term_list)
        term_list = (term_list and listed) or bool(_TERM_OPENS.search(stripped.split("。", 1)[0]))
        sentence_start = start
        for match in re.finditer(r"。|$", line):
            end = start + match.end()
            sentence = parse_text[sentence_start:end]
            # In a review of the term, a sentence that opens with the reviewed year is that year's, and
            # so is the rest of its paragraph, until words of the term come again.
            of_year = year is not None and re.match(rf"[\s*#—-]*{_THE_YEAR}(?:{year}年|去年|一年|全年)", sentence)
            # Only words that turn to the year (特别是刚刚过去的2020年, 预计全年) end the term's paragraph;
            # 2021年认定备案科技型中小企业… is one sentence of it.
            turns = year is not None and re.match(rf"[\s*#—-]*(?:{_TURNS.format(year=year)})", sentence)
            of_term = not turns and (of_term or bool(_TERM_OPENS.search(sentence)))
            term_list = term_list and not turns  # ——经济实力显著提升。全年地区生产总值…: the year's list
            if _SKIP_SENTENCE.search(sentence) or (of_term and not of_year):
                term.append((sentence_start, end))
            else:
                spans.append((sentence_start, end))
            sentence_start = end
            if match.end() == len(line):
                break
    return spans


def read_report(text: str, name: str, year: int | None = None, city: str | None = None) -> Report:
    """Read one report's text; ``name`` (its file name) and ``year``/``city`` are fallbacks."""
    parse_text, traditional = parsing_copy(text)
    title, head, body = _head(parse_text)
    date, basis = _dates(title, head)
    headline = _headline(parse_text, body)
    review_only = headline is None
    if headline is None:
        # A report cut off after its review, or whose targets are not in a paragraph of their own:
        # its review of last year is read, up to where the plans begin.
        if date is None:
            raise ReportError(NO_HEADLINE)
        headline = (_plans_start(parse_text, body),) * 3
    sentence_start, items_start, end = headline
    said = _HEADLINE_YEAR.search(parse_text, sentence_start, items_start)
    if date is not None:
        delivered = f"{date[0]:04d}-{date[1]:02d}-{date[2]:02d}"
        sets_year = date[0] + 1 if date[1] == 12 else date[0]
        year_basis = f"delivered {delivered} ({basis})" + (
            ": a December report sets the next year's targets" if date[1] == 12 else ""
        )
    else:
        delivered = None
        from_name = re.search(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)", name)
        if from_name:
            sets_year, year_basis = int(from_name.group(1)), f"no date in the text: the file name says {from_name[1]}"
        elif year is not None:
            sets_year, year_basis = year, f"no date in the text or file name: --year {year}"
        else:
            raise ReportError("no date in the text or the file name: give --year")
    if said and int(said.group(1)) in (sets_year - 1, sets_year + 1):
        sets_year = int(said.group(1))
        year_basis += f"; the targets paragraph names {sets_year}"
    if delivered is None:
        delivered = str(sets_year)
    found_city = _city(title, head, parse_text[body : body + _OPENING]) or city
    targets, unquantified = parse(parse_text, items_start, end)
    if targets:  # words before the first figure (继续做好“六稳”工作) lead in; they are not goals
        unquantified = [span for span in unquantified if span[0] > targets[0].start]
    if not review_only and (binding := _binding(parse_text, end)):
        more, more_unquantified = parse(parse_text, *binding)
        targets, unquantified, end = [*targets, *more], [*unquantified, *more_unquantified], binding[1]
    targets = [t for t in targets if not _other_base(parse_text[t.start : t.end], sets_year)]
    targets = _once(targets)
    outcomes: list[Item] = []
    others: list[Item] = []
    against: list[Item] = []
    seen: dict[str, int] = {}
    term: list[tuple[int, int]] = []
    for s_start, s_end in _review_spans(parse_text, body, sentence_start, term, sets_year - 1):
        sentence = parse_text[s_start:s_end]
        if not _DIGIT.search(sentence) and "持平" not in sentence:  # 固定资产投资与上年持平: 0 %
            continue
        foreign = _foreign(sentence, sets_year - 1)
        opening = _OPENS_WITH_YEAR.match(sentence)
        if foreign and ((opening and int(opening.group(1)) in foreign) or _SINCE_YEAR.search(sentence)):
            continue  # 2019年，…; 与2019年相比，…: the whole sentence is of another year
        estimated = "预计" in sentence
        found, _ = parse(parse_text, s_start, s_end, outcomes=True, year=sets_year - 1)
        for item in found:
            if foreign and _foreign(_own_words(parse_text, item), sets_year - 1):
                continue  # 固定资产投资增长21%，恢复到2019年的93%: only the clause that names it
            if estimated and parse_text.rfind("预计", s_start, item.end) >= 0:
                item = _with(item, estimated=True)
            if item.measure is None:
                others.append(item)
                continue
            if item.against_goal:
                against.append(item)
                continue
            key = item.measure.id
            if key not in seen:
                seen[key] = len(outcomes)
                outcomes.append(item)
            elif (outcomes[seen[key]].bound and not item.bound and not item.basis) or (
                outcomes[seen[key]].basis and not item.basis
            ):
                # 突破2000亿元，达2016.9亿元: the figure itself; 同口径增长13.3%，按自然口径…7.5%: the plain one
                outcomes[seen[key]] = item
    for item in _term_levels(parse_text, term, sets_year - 1):
        if item.measure is not None and item.measure.id not in seen:
            seen[item.measure.id] = len(outcomes)
            outcomes.append(item)
    if review_only and (len(outcomes) < _REVIEW_ONLY_MINIMUM or date is None or date[1] not in _SEASON):
        # Out of season (邢台, August 2021) a report reviews a term, not the year before.
        raise ReportError(NO_HEADLINE)
    return Report(
        review_only=review_only,
        tasks=()
        if review_only
        else tuple(_tasks(parse_text, end, sets_year, {t.measure.id for t in targets if t.measure})),
        text=text,
        title=re.sub(r"\s+", " ", text_title(text, title)),
        city=found_city,
        delivered=delivered,
        sets_year=sets_year,
        reviews_year=sets_year - 1,
        year_basis=year_basis,
        headline=(sentence_start, end),
        targets=tuple(targets),
        unquantified=tuple(re.sub(r"\s+", "", text[a:b]) for a, b in unquantified),
        outcomes=tuple(outcomes),
        others=tuple(others),
        traditional=traditional,
        against_goal=tuple(against),
    )


_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(20\d\d|19\d\d)\s*年")
_OPENS_WITH_YEAR = re.compile(r"[\s*#—-]*[^,，。\d]{0,8}((?:19|20)\d\d)\s*年")
_SINCE_YEAR = re.compile(r"(?:与|同|相比|对比|相较于?)\s*(?:19|20)\d\d\s*年")
_CLAUSE_MARKS = ",，;；。:："


def _years(text: str) -> set[int]:
    return {int(year) for year in _YEAR.findall(text)}


# Words that name a part of the city: a year's figure after them in a term's sentence is the part's.
_PART_OF_CITY = re.compile(
    r"新区|开发区|经开区|高新区|园区|示范区|核心区|试验区|自贸区|保税区|综保区|港区|县域|[^\s,，。;；、]{1,4}县(?![级城])"
)


def _foreign(text: str, year: int) -> set[int]:
    """The years other than ``year`` the text names; 比2020年增长9.5% of 2021 is plain growth, and
    由1997年的7.4万亿元增加到2002年的10.2万亿元 of 2002 names the year it reached."""
    text = re.sub(rf"(?:比|较){year - 1}\s*年", "", text)
    if re.search(rf"(?:到|至)\s*{year}\s*年(?:末|底)?的", text):
        text = _FROM_YEAR.sub("", text)
    return _years(text) - {year}


_FROM_YEAR = re.compile(r"(?:由|从)\s*(?:19|20)\d\d\s*年(?:末|底)?的")


def _own_words(parse_text: str, item: Item) -> str:
    """The item's words and the rest of the clause its figure stands in."""
    end = item.end
    while end < len(parse_text) and parse_text[end] not in _CLAUSE_MARKS + "、\n":
        end += 1
    return parse_text[item.start : end]


# The binding targets in a paragraph of their own after the expected ones (山西: 约束性指标是：万元生产总值
# 综合能耗下降3.5%，…), within the next lines.
_BINDING = re.compile(r"^[\s*]*(?:主要)?约束性指标(?:是|为)?\**\s*[:：]\**", re.M)
_BINDING_REACH = 3  # lines after the headline passage the binding paragraph may start on
_BASE_YEAR = re.compile(r"(?:较|比)\s*((?:19|20)\d\d)\s*年")


def _binding(parse_text: str, end: int) -> tuple[int, int] | None:
    """(items start, end) of the binding targets' paragraph that follows the headline passage."""
    lines = parse_text[end:].split("\n", _BINDING_REACH + 1)
    reach = end + sum(len(line) + 1 for line in lines[:_BINDING_REACH])
    match = _BINDING.search(parse_text, end, reach)
    if match is None:
        return None
    line_end = parse_text.find("\n", match.end())
    return match.end(), _passage_end(parse_text, match.end(), len(parse_text) if line_end < 0 else line_end)


def _once(targets: list[Item]) -> list[Item]:
    """The targets without a restatement of one before (河北 2005: …全省生产总值增长10％，…。全省经济增长
    预期目标确定为10％，是综合考虑…): the same measure with the same figure is one target."""
    seen: set[tuple[str, Decimal]] = set()
    kept = []
    for target in targets:
        key = (target.measure.id, target.value) if target.measure else None
        if key in seen:
            continue
        if key:
            seen.add(key)
        kept.append(target)
    return kept


def _other_base(words: str, year: int) -> bool:
    """下降15% 较2015年: a change over several years, not the year's target."""
    return any(int(found) != year - 1 for found in _BASE_YEAR.findall(words))


NO_HEADLINE = "no headline targets paragraph (主要预期目标是：…) found"
_REVIEW_ONLY_MINIMUM = 3  # lexicon outcomes a review must give to be read without its targets
_PLANS = re.compile(r"今年|明年")
_SEASON = (12, 1, 2, 3)  # the months work reports are delivered in, reviewing the year before


def _plans_start(parse_text: str, body: int) -> int:
    """Where a report without a targets paragraph turns to this year: its first plan heading, or
    its first sentence that speaks of this year; the end of the text when it has neither."""
    position = body
    for line in parse_text[body:].split("\n"):
        stripped = line.strip()
        heading = _HEADING.match(stripped) and len(stripped) < 60
        if heading and _PLAN_HEADING.search(stripped) and not _REVIEW_HEADING.search(stripped):
            return position
        plans = _PLANS.search(line)
        if plans:
            return position + (line.rfind("。", 0, plans.start()) + 1)
        position += len(line) + 1
    return len(parse_text)


_TASK = re.compile(r"力争|确保|完成|达到|新增|控制在|稳定在|保持在|不低于|以上|以内|突破")


def _tasks(parse_text: str, start: int, year: int, covered: set[str]) -> list[Item]:
    """Quantified tasks of the year's work after the headline paragraph (城镇新增就业3万人以上), for
    headline measures the paragraph left out: only sentences of aims, of this year, none twice."""
    found: list[Item] = []
    covered = set(covered)
    for match in re.finditer(r"[^。\n]+", parse_text[start:]):
        sentence = match.group(0)
        if not _DIGIT.search(sentence) or not _TASK.search(sentence):
            continue
        if _PAST.search(sentence) or _SKIP_SENTENCE.search(sentence):
            continue
        if {int(y) for y in re.findall(r"(20\d\d|19\d\d)\s*年", sentence)} - {year}:
            continue
        items, _ = parse(parse_text, start + match.start(), start + match.end())
        for item in items:
            if item.measure is not None and item.measure.id not in covered:
                covered.add(item.measure.id)
                found.append(item)
    return found


def text_title(text: str, parsed_title: str) -> str:
    """The title in the original characters (the parsing copy has ASCII brackets)."""
    at = text.find("title:")
    if at >= 0 and at < 400:
        line = text[at + 6 : text.find("\n", at)].strip().strip("'\"")
        if line:
            return line
    return parsed_title


# The next term's goals, not the last's.
_AHEAD = re.compile(rf"今后|未来|到20\d\d|到{_TERM}|力争|目标|奋斗|将|确保|规划")
_TERM_VERB = re.compile(r"(?:到|至|达到|达|突破|为|实现)\s*$")
_RATE_LEVELS = {"urbanisation-rate", "rd-share", "good-air-days-share", "pm25", "urban-unemployment-rate"}


def _term_levels(parse_text: str, term: list[tuple[int, int]], year: int) -> list[Item]:
    """Levels a review of the term reached at its end, the reviewed year (地区生产总值由2015年的…增加到
    1369.9亿元, 城镇化率达到65.62%); never its averages, totals or growth, nor a figure of another year.
    A figure whose own clause names the reviewed year is that year's (…，2021年城镇登记失业率控制在2.55%)."""
    levels: list[Item] = []
    reached = re.compile(rf"(?:到|至)\s*{year}\s*年(?:末|底)?的?")  # 增加到2002年的10.2万亿元: not ahead
    opens = re.compile(rf"[\s*#—-]*(?:(?:初步)?预计)?[,，]?(?:到|至)?{year}\s*年(?:末|底)?")  # 预计到2021年底，…
    for s_start, s_end in term:
        sentence = parse_text[s_start:s_end]
        if not _DIGIT.search(sentence) or _AHEAD.search(reached.sub("", sentence)):
            continue
        found, _ = parse(parse_text, s_start, s_end, outcomes=True, year=year)  # 比2020年增长6.0% of 2021
        for item in found:
            measure = item.measure
            if item.against_goal:
                continue
            clause = max(parse_text.rfind(mark, s_start, item.start) for mark in _CLAUSE_MARKS) + 1
            own = _own_words(parse_text, item)
            # 2002年，城镇居民人均可支配收入7615元，农民人均纯收入2954元，…年均分别增长…: the part of the
            # sentence (to its ;) that opens with the reviewed year is that year's.
            part = max(parse_text.rfind(";", s_start, item.start) + 1, s_start)
            of_year = opens.match(parse_text, part, item.start) or opens.match(parse_text, s_start, item.start)
            # 地区生产总值突破千亿元大关，2021年达到1302.36亿元: the clause of the figure names the year
            # (not 增加到2021年的, which is read below, as a level reached, whatever part the sentence names).
            lead = _figure_words(parse_text, item)
            at_year = _AT_YEAR.search(lead)
            figure_at = item.start + (at_year.start() if at_year else len(lead))
            if measure is not None and (of_year or f"{year}年" in parse_text[max(clause, s_start) : figure_at]):
                # 三江新区…，预计2021年实现地区生产总值300亿元: a part's figure, not the city's.
                part = _PART_OF_CITY.search(parse_text, s_start, item.start)
                if not part and not _foreign(own, year) and not re.search(r"年均|累计|平均", own):
                    levels.append(replace(item, estimated=parse_text.rfind("预计", s_start, item.end) >= 0))
                continue
            if measure is None or measure.id.endswith(("-growth", "-reduction", "-rise")):
                continue
            if item.unit in ("%", "‰") and measure.id not in _RATE_LEVELS:
                continue
            words = parse_text[item.start : item.end]
            if "分别" in words and re.search(r"由|从", words):
                continue  # 分别由A和B增加到C和D: which end is whose is not safe to read
            named = {int(y) for y in re.findall(r"(?<!由)(?<!从)(20\d\d|19\d\d)\s*年(?!的)", words)}
            if at_year and int(at_year.group(1)) == year:
                levels.append(replace(item, estimated=parse_text.rfind("预计", s_start, item.end) >= 0))
                continue  # 由1997年的7.4万亿元增加到2002年的10.2万亿元: the text names the year
            if at_year:
                continue
            # 预计实现地区生产总值2200亿元，…固定资产投资1479亿元: the levels the term is expected to end at.
            expected = re.match(r"[\s*#—-]*预计", sentence)
            if named - {year} or not (_TERM_VERB.search(_figure_lead(parse_text, item)) or expected):
                continue
            estimated = parse_text.rfind("预计", s_start, item.end) >= 0
            note = "; ".join(filter(None, [item.note, TERM_LEVEL.format(year=year)]))
            levels.append(replace(item, estimated=estimated, note=note))
    return levels


def _figure_words(parse_text: str, item: Item) -> str:
    """The item's words before its own figure."""
    excerpt = parse_text[item.start : item.end]
    spot = excerpt.rfind(format(item.value, "f"))
    return excerpt[: spot if spot >= 0 else len(excerpt)]


_AT_YEAR = re.compile(r"(?:到|至|为|达到?)\s*((?:19|20)\d\d)\s*年(?:末|底)?的?\s*$")


def _figure_lead(parse_text: str, item: Item) -> str:
    """The words just before the item's own figure (…增加到 in 由984.98亿元增加到1369.9亿元)."""
    lead = _figure_words(parse_text, item)
    # 分别突破3万元和1万元: the verb before the first figure of a list is the second's too.
    return re.sub(r"(?:\d+(?:\.\d+)?\s*[^\d\s,，、和]{0,3}\s*[、和及])+$", "", lead)[-6:]


TERM_LEVEL = "the level at the end of the term under review, read as {year}"


def _with(item: Item, *, estimated: bool) -> Item:
    return replace(item, estimated=estimated)
