"""The statistics bureau's yearly communiqué (国民经济和社会发展统计公报) → the nation's outcomes of the year.

Pure: text in, outcomes out. The communiqué states each headline figure in a fixed kind of sentence
(全年国内生产总值827122亿元，比上年增长6.9%; 年末城镇登记失业率为3.90%) and some in tables (pipe
tables with <br> debris, tables flattened into bullet lines, old tables of plain rows). Which measure
a subject names is the lexicon's word (:func:`zjk_targets.extract.lexicon.lookup`); this module holds
only how a communiqué states a figure.

Reading rules:

- a subject must name the whole nation: the lexicon's words anchor at the start, so 东部地区生产总值,
  贫困地区农村居民人均可支配收入 or 国营农场…粮食产量 are not the nation's; 中位数 is not the mean;
- a figure of another year is never taken: 上年的…, 上年末的…, 比1997年…, 两年平均, 年均;
- a figure stated twice is read once (the first, in the prose); a table row gives the figure where the
  prose has none, and replaces the prose's figure only where it is more precise (持平 → 0.0), with a
  note that says so; a table that disagrees with the prose is noted, the prose's figure kept;
- real growth (实际增长, 扣除价格因素) beside a nominal one is context (``proxy``), never decisive;
  the year-end surveyed unemployment rate beside the annual average likewise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from .decode import parsing_copy
from .items import NUMBER, _decimal
from .lexicon import BY_ID, lookup
from .work_report import _CN_DIGITS, _cn_number, _find_date

PUBLISHER = "国家统计局"

# The measures read, as (lexicon id, kind): a growth in %, a rate in %, a level in its unit.
_GROWTH = frozenset(
    {
        "gdp-growth",
        "cpi-inflation",
        "energy-intensity-reduction",
        "trade-growth",
        "retail-sales-growth",
        "resident-income-growth",
        "budget-revenue-growth",
        "fiscal-revenue-growth",
        "fai-growth",
    }
)
_RATE = frozenset({"surveyed-unemployment-rate", "urban-unemployment-rate"})
_LEVEL_UNITS = {"grain-output": ("万吨", "亿吨"), "urban-new-jobs": ("万人",), "gdp-growth": ("亿元",)}
"""The measures read as a level, and the units their level comes in (gdp-growth's level is ``gdp``)."""

REAL = "real growth (实际增长, 扣除价格因素): context beside the nominal growth, which decides"
YEAR_END = "the year-end rate (年末): context beside the annual average (全年平均), which decides"
TABLE_MORE_PRECISE = "the table gives {table} where the prose says {prose}: the table's more precise figure is taken"
TABLE_DISAGREES = "the table gives {table}, the prose {prose}: the prose's figure is taken"
INDEX = "{index} − 100: the price index (previous year = 100) as a rise in %"

_CN_NUM = "〇零一二三四五六七八九十百"
_CN_PERCENT = re.compile(rf"百分之([{_CN_NUM}]+)(?:点([〇零一二三四五六七八九]+))?")
_NOTE = re.compile(r"\[\d+\]|[①-⑳]|\(注\d+\)")
_LEAD = re.compile(
    r"^(?:据|经)?(?:初步核算|初步统计|初步计算|初步测算|根据海关统计|据海关统计|海关统计|据抽样调查)?"
    r"(?:全年|年末|(?:19|20)\d\d年(?:末)?|[〇零一二三四五六七八九]{4}年|全国|的|共|平均)*"
)
_CUT = re.compile(
    r"实际|跃上|跃居|一季度|比上年|较上年|与上年|为|达到|达|是|突破|约|按|扣除|剔除|考虑|增长|上涨|下降|上升|持平"
)
_GROWTH_VERB = re.compile(
    r"(?:比上年|较上年)?(?:同口径)?(?:平均)?(增长|上涨|上升|增产|提高|下降|减产|降低|回落)\s*(?:\[\d+\])?\s*"
    rf"(?:({NUMBER})\s*%|{_CN_PERCENT.pattern})"
)
_FALLS = ("下降", "减产", "降低", "回落")
_FLAT = re.compile(r"与上年(?:末)?持平")
_LAST_YEAR_FIGURE = re.compile(rf"上年(?:末|同期)?的\s*(?:{NUMBER})\s*(?:亿美元|亿元|万吨|万人|元|%)?")
_PARTIAL = re.compile(r"[一二三四]季度|上半年|下半年|前三季度|\d{1,2}月份|[一二三四五六七八九十]{1,2}月份|同比")
_ENERGY_BASIS = re.compile(r"扣除原料用能和非化石能源消费量后")
_OTHER_YEAR = re.compile(
    r"上年(?:末|同期)?的|比(?:19|20)\d\d年|比[〇零一二三四五六七八九]{4}年|两年平均|三年平均|年均|历史"
)
_NOT_WHOLE = re.compile(r"中位数|不含|以外|其中")
_FOOTNOTE_LINE = re.compile(r"^\s*(?:\[\d+\]|[①-⑳]|注\s*\d*\s*[:.、]|注:|资料来源|\*\*资料来源)")
_ROW = re.compile(r"^\s*(?:\|\s*|-\s+|\d{1,2}\s*[、.]\s*)?(?P<name>[^\d|%]{1,30}?)\s*(?:\||\s)\s*(?P<rest>[-\d].*)$")
_ROW_FIGURE = re.compile(rf"(-?(?:{NUMBER}))\s*(万吨|亿吨|万人|亿元|亿美元|%)?")
_TITLE_YEAR = re.compile(r"(\d{4})年(?:国民经济|度)|关于(\d{4})年")
_CN_YEAR = re.compile(r"关于([〇零一二三四五六七八九]{4})年")
_TABLE_ROWS = ("居民消费价格", "居民消费价格总水平", "全国居民消费价格总水平", "居民消费价格指数", "粮食")
"""The table rows read: the whole nation's CPI and grain (not 其中：城市, not a part)."""
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


@dataclass(frozen=True)
class Outcome:
    """One figure of the year: a lexicon measure (or its level: ``gdp``), value, unit, words, line."""

    measure: str
    value: Decimal
    unit: str
    words: str
    line: int
    basis: str | None = None
    """How the figure is stated, where it matters: 年末, 全年平均, 以美元计, 同口径."""
    proxy: str | None = None
    """Why the figure is context only (real growth beside nominal; the year-end rate beside the mean)."""
    note: str | None = None
    derived: str | None = None
    table: bool = False


@dataclass
class Communique:
    """What a communiqué says of its year."""

    year: int
    title: str
    published: str | None  # ISO date of the date line under the title
    url: str | None
    outcomes: list[Outcome] = field(default_factory=list)


class CommuniqueError(ValueError):
    """The text is not a communiqué this reader understands."""


def _cn_decimal(whole: str, fraction: str | None) -> Decimal:
    """百分之三十点三: the whole part with its units, the fraction digit by digit."""
    digits = "".join(str(_CN_DIGITS[c]) for c in fraction or "")  # 点零五: 0.05
    return Decimal(f"{_cn_number(whole)}.{digits}") if digits else Decimal(_cn_number(whole))


def _header(parse: str) -> tuple[int, str, str | None, str | None, int]:
    front = _FRONT.match(parse)
    url = None
    body = front.end() if front else 0
    if front and (found := re.search(r"^source:\s*(\S+)", front.group(1), re.M)):
        url = found.group(1)
    head_lines = [line.strip(" #*") for line in parse[body : body + 1500].split("\n") if line.strip(" #*")]
    title = "".join(line for line in head_lines[:2] if "公报" in line or line == "中华人民共和国")
    title = _NOTE.sub("", title) or (head_lines[0] if head_lines else "")
    year_match = _TITLE_YEAR.search(title)
    if year_match:
        year = int(year_match.group(1) or year_match.group(2))
    elif cn := _CN_YEAR.search(title):
        year = _cn_number(cn.group(1))
    else:
        raise CommuniqueError(f"no year in the title: {title[:60]!r}")
    published = None
    for line in head_lines[1:6]:
        if len(line) <= 20 and (date := _find_date(line)):
            published = f"{date[0]:04d}-{date[1]:02d}-{date[2]:02d}"
            break
    return year, title, published, url, body


def _subject(clause: str) -> str:
    """The words before a clause's figure or verb, without footnotes, fillers and spaces."""
    text = _LEAD.sub("", re.sub(r"\s", "", _NOTE.sub("", clause)))
    cut = _CUT.search(text)
    number = re.search(r"\d|百分之|[一二三四五六七八九十]+[百千万亿]", text)
    stop = min(m.start() for m in (cut, number) if m) if (cut or number) else len(text)
    return _LEAD.sub("", text[:stop])


@dataclass
class _Reading:
    text: str
    parse: str
    year: int
    found: dict[tuple[str, str | None], Outcome] = field(default_factory=dict)
    order: list[tuple[str, str | None]] = field(default_factory=list)

    def line_of(self, at: int) -> int:
        return self.text.count("\n", 0, at) + 1

    def add(self, outcome: Outcome, key_basis: str | None = None) -> None:
        key = (outcome.measure, key_basis if key_basis is not None else outcome.proxy)
        if key in self.found:
            return  # stated twice: the first statement is read
        self.found[key] = outcome
        self.order.append(key)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _prose(reading: _Reading, start: int, end: int) -> None:
    """The statements of one line of prose, sentence by sentence, clause by clause."""
    parse = reading.parse
    for sentence in re.finditer(r"[^。;!?]+", parse[start:end]):
        s_start = start + sentence.start()
        s_text = sentence.group(0)
        context = {"year_end": s_text.lstrip(" *").startswith("年末"), "energy": _ENERGY_BASIS.search(s_text)}
        current = None
        c_offset = 0
        for clause in re.split(r",(?!\d{3}(?!\d))", s_text):
            c_start = s_start + c_offset
            c_offset += len(clause) + 1
            subject = _subject(clause)
            if _PARTIAL.fullmatch(subject):
                continue  # 二季度上涨2.9%: a part of the year, said of the same subject
            if subject or clause.strip().startswith("其中"):
                measure = lookup(subject) if subject and not _NOT_WHOLE.search(subject) else None
                subject_start = c_start + len(clause) - len(clause.lstrip())
                current = (measure.id, subject, subject_start) if measure else None
            if current is None or _PARTIAL.search(clause):
                continue
            _statement(reading, current, _NOTE.sub(_blank, clause), c_start, context)


def _words(reading: _Reading, subject_start: int, c_start: int, end: int) -> tuple[str, int]:
    return reading.text[subject_start : c_start + end], reading.line_of(subject_start)


def _statement(
    reading: _Reading, current: tuple[str, str, int], clause: str, c_start: int, context: dict[str, object]
) -> None:
    measure, subject, subject_start = current
    clause = _LAST_YEAR_FIGURE.sub(_blank, clause)  # 比上年的570亿元增长29%: the growth is the year's
    if _OTHER_YEAR.search(clause):
        return
    if measure in _LEVEL_UNITS:
        units = "|".join(_LEVEL_UNITS[measure])
        level = re.search(rf"(?<![\d.])({NUMBER})\s*({units})(?!\S{{0,2}}(?:以上|左右))", clause)
        before = clause[: level.start()] if level else ""
        if level and not re.search(r"增加|减少|多增|少增|增长|下降|比", before):
            words, line = _words(reading, subject_start, c_start, level.end())
            target = "gdp" if measure == "gdp-growth" else measure
            reading.add(Outcome(target, _decimal(level.group(1)), level.group(2), words, line))
    if measure in _RATE:
        rate = re.search(rf"(?<![\d.])({NUMBER})\s*%", clause)
        if rate and not re.search(r"比上年|上升|下降|提高", clause[: rate.start()]):
            words, line = _words(reading, subject_start, c_start, rate.end())
            average = "平均" in subject
            year_end = context["year_end"] or measure == "urban-unemployment-rate"
            basis = "全年平均" if average else ("年末" if year_end else None)
            proxy = YEAR_END if measure == "surveyed-unemployment-rate" and basis == "年末" else None
            outcome = Outcome(measure, _decimal(rate.group(1)), "%", words, line, basis=basis, proxy=proxy)
            reading.add(outcome, key_basis=basis or "")
    if measure not in _GROWTH:
        return
    flat = _FLAT.search(clause)
    growth = _GROWTH_VERB.search(clause)
    if growth is None and flat is None:
        return
    if growth is not None:
        value = _decimal(growth.group(2)) if growth.group(2) else _cn_decimal(growth.group(3), growth.group(4))
        falls = growth.group(1) in _FALLS
        if measure == "energy-intensity-reduction":
            falls = not falls
        value = -value if falls else value
        head, end = clause[: growth.start()], growth.end()
    else:
        assert flat is not None
        value, head, end = Decimal(0), clause[: flat.start()], flat.end()
    words, line = _words(reading, subject_start, c_start, end)
    proxy = REAL if "实际" in head else None
    basis = "同口径" if "同口径" in clause else None
    if measure == "trade-growth":
        basis = "以美元计" if "美元" in words else ("以人民币计" if "亿元" in words else None)
    if measure == "energy-intensity-reduction" and context["energy"]:
        basis = context["energy"].group(0)  # type: ignore[union-attr]
    reading.add(Outcome(measure, value, "%", words, line, basis=basis, proxy=proxy, note="持平" if flat else None))


def _table_row(reading: _Reading, caption: str, line_start: int, line_text: str) -> None:
    parse_line = reading.parse[line_start : line_start + len(line_text)]
    cleaned = re.sub(r"<br\s*/?>|\*\*", "", parse_line)
    row = _ROW.match(cleaned)
    if not row:
        return
    name = re.sub(r"\s|其中:?", "", _NOTE.sub("", row.group("name")))
    measure = lookup(name) or lookup(name + "产量")  # 粮 食 30,475 万吨: a row of a table of 产量
    if measure is None or name not in (
        "居民消费价格",
        "居民消费价格总水平",
        "全国居民消费价格总水平",
        "居民消费价格指数",
        "粮食",
    ):
        return
    figure = _ROW_FIGURE.search(row.group("rest"))
    if figure is None:
        return
    value = _decimal(figure.group(1).lstrip("-")) * (-1 if figure.group(1).startswith("-") else 1)
    words = re.sub(r"<br\s*/?>|\*\*", "", line_text).strip(" |-")
    line = reading.line_of(line_start)
    other_year = re.search(r"(?:19|20)\d\d", caption)
    if other_year and int(other_year.group(0)) != reading.year:
        return
    if measure.id == "cpi-inflation":
        if figure.group(2) not in (None, "%") or not re.search(r"价格", caption):
            return
        derived = None
        if value >= 50:
            derived, value = INDEX.format(index=value), value - 100
        elif not re.search(r"%|上涨|涨跌", caption):
            return
        _table_figure(reading, Outcome("cpi-inflation", value, "%", words, line, derived=derived, table=True))
    elif measure.id == "grain-output":
        unit = figure.group(2) or ("万吨" if "万吨" in caption else None)
        if unit in ("万吨", "亿吨"):
            _table_figure(reading, Outcome("grain-output", value, unit, words, line, table=True))


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _table_figure(reading: _Reading, outcome: Outcome) -> None:
    key = (outcome.measure, None)
    prose = reading.found.get(key)
    if prose is None:
        reading.add(outcome)
        return
    if prose.table:
        return
    shown = prose.note or f"{prose.value}"
    if prose.value == outcome.value and (_places(outcome.value) > _places(prose.value) or prose.note == "持平"):
        if _places(outcome.value) > _places(prose.value) or prose.note == "持平":
            note = TABLE_MORE_PRECISE.format(table=outcome.value, prose=shown)
            reading.found[key] = Outcome(**{**outcome.__dict__, "note": note})
        return
    if prose.value != outcome.value:
        places = _places(prose.value)
        if outcome.value.quantize(Decimal(1).scaleb(-places)) == prose.value:
            note = TABLE_MORE_PRECISE.format(table=outcome.value, prose=shown)
            reading.found[key] = Outcome(**{**outcome.__dict__, "note": note})
        else:
            note = TABLE_DISAGREES.format(table=outcome.value, prose=prose.value)
            reading.found[key] = Outcome(**{**prose.__dict__, "note": note})


def _settle(reading: _Reading) -> list[Outcome]:
    """The outcomes in text order; the year-end surveyed rate decides only where no average is given."""
    outcomes = [reading.found[key] for key in reading.order]
    has_average = any(o.measure == "surveyed-unemployment-rate" and o.basis == "全年平均" for o in outcomes)
    settled = []
    for outcome in outcomes:
        if outcome.proxy == YEAR_END and not has_average:
            outcome = Outcome(**{**outcome.__dict__, "proxy": None})
        if outcome.note == "持平":
            outcome = Outcome(**{**outcome.__dict__, "note": None})
        settled.append(outcome)
    return settled


def read_communique(text: str) -> Communique:
    """The year, title, date, address and headline outcomes of one communiqué's text."""
    parse, _traditional = parsing_copy(text)
    year, title, published, url, body = _header(parse)
    reading = _Reading(text, parse, year)
    caption = ""
    offset = body
    for raw in text[body:].split("\n"):
        start, offset = offset, offset + len(raw) + 1
        line = parse[start : start + len(raw)]
        stripped = line.strip()
        if not stripped or stripped.startswith("![") or _FOOTNOTE_LINE.match(stripped):
            continue
        cells = stripped.startswith("|") or stripped.startswith("- ") or re.match(r"^\d{1,2}\s*[、.]", stripped)
        if re.match(r"^[\s*#-]*(?:\*\*)?(?:表|附表|图)\s*\d|.*(?:如下|\(%\)|单位:%)\s*(?:\*\*)?\s*[:]?\s*$", stripped):
            caption = stripped if not stripped.startswith("- 单位") else caption + stripped
        if cells or (len(stripped) < 60 and "。" not in stripped and re.search(r"\d\s*$", stripped)):
            if "|" in stripped and re.search(r"表\s*\d", stripped):
                caption = stripped
            _table_row(reading, caption, start, raw)
            continue
        if stripped.startswith("#"):
            continue
        _prose(reading, start, start + len(raw))
    return Communique(year, title, published, url, _settle(reading))


__all__ = ["Communique", "CommuniqueError", "Outcome", "PUBLISHER", "read_communique", "BY_ID"]
