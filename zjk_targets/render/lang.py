"""The reader's language for what the engine words in English: goals, periods, figures, reasons.

The verdict engine writes one English reason per target (the contract of ``check`` and the
exports). For ``--lang zh`` the renderers pass every such phrase through here, so a Chinese
reader sees Chinese throughout; data written by curators (publishers, ``derived`` notes) is
shown as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Comparator, Reading, Target
from ..rules import wording as fmt
from ..rules.verdicts import Evidence, Verdict

TRUST_ZH = {"official": "官方", "news": "新闻", "secondary": "转载", "low": "低可信"}
ROLE_ZH = {"decisive": "决定结论", "conflicting": "冲突", "superseded": "被取代", "context": "参考"}
YEAR = r"\d{4}"


# The engine's words, said in Chinese: the Chinese of each English word of rules/wording.py.
WORDS_ZH = {
    fmt.ESTIMATED: "预计数",
    fmt.DERIVED: "推算",
    fmt.LOW_TRUST: "低可信来源",
    fmt.PROXY: "替代指标",
    fmt.ON_TRACK: "照此速度可以达到",
    fmt.NOT_ON_TRACK: "照此速度达不到",
}


# How a table's about (左右) goals were read: the Chinese of wording.READINGS.
READINGS_ZH = {
    Reading.BAND: "“左右”按容差判定：与目标相差在容差以内即为达到",
    Reading.STRICT: "“左右”从严判定：实际值达到目标才算达到",
}


def reading(read: Reading, lang: str) -> str:
    """The line that says how a table's about goals were read, in ``lang``."""
    return READINGS_ZH[read] if lang == "zh" else fmt.reading(read)


def word(text: str, lang: str) -> str:
    """One of the engine's words (``fmt.ESTIMATED``, ``fmt.DERIVED`` …) in ``lang``."""
    return WORDS_ZH[text] if lang == "zh" else text


def _pattern(template: str, **groups: str) -> str:
    """A wording template as a regex: its fixed text escaped, each {name} a group (a year unless given)."""
    parts = re.split(r"\{(\w+)\}", template)
    fixed, names = parts[::2], parts[1::2]
    return re.escape(fixed[0]) + "".join(
        f"(?P<{name}>{groups.get(name, YEAR)}){re.escape(text)}" for name, text in zip(names, fixed[1:], strict=True)
    )


def _zh(template: str) -> str:
    """A Chinese template's {name} as the replacement of its group."""
    return re.sub(r"\{(\w+)\}", r"\\g<\1>", template)


def _label(match: re.Match[str]) -> str:
    """A citation "(news, 河北日报 2021, proxy)" as "（新闻，河北日报 2021，替代指标）"."""
    proxy = f"，{WORDS_ZH[fmt.PROXY]}" if match["proxy"] else ""
    return f"（{TRUST_ZH[match['trust']]}，{match['publisher']} {match['published']}{proxy}）"


_STATE = "|".join(map(re.escape, (fmt.ON_TRACK, fmt.NOT_ON_TRACK)))
_PUBLISHED = YEAR + r"(?:-\d\d){0,2}"
# A figure set aside follows the reason after its separator; its publisher never spans one.
_SET_ASIDE = re.escape(fmt.SEP) + _pattern(
    fmt.SET_ASIDE,
    publisher=f"(?:(?!{re.escape(fmt.SEP)}).)*?",
    published=_PUBLISHED,
    figure=".*?",
    why="|".join(map(re.escape, (fmt.ESTIMATE_SUPERSEDED, fmt.RANGE_STRADDLES, fmt.SUPERSEDED))),
)
_CITED = (
    r" ?\("
    + _pattern(fmt.LABEL, trust="|".join(TRUST_ZH), publisher=".*?", published=_PUBLISHED)
    + f"(?P<proxy>{re.escape(', ' + fmt.PROXY)})?\\)"
)

# Fixed phrases of the engine's reasons and evidence notes, longest first where they overlap.
_PHRASES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (_pattern(fmt.MET_EARLY), _zh("{deadline}年截止前已达成：")),
        (
            _pattern(fmt.PROJECTION, state=_STATE),
            lambda match: f"预测（不是结论）：{WORDS_ZH[match['state']]}：",
        ),
        (_pattern(fmt.RATE, required=r"[+-]?[\d.]+"), _zh("/年（{first}–{last}年），而需要{required}/年")),
        (_pattern(fmt.PROJECTED), _zh("{deadline}年预计为")),
        (_pattern(fmt.NONE_MEETS), _zh("无{year}年数据，{since}–{until}年的数据也未达到目标")),
        (_pattern(fmt.NO_FIGURE), _zh("无{year}年数据")),
        (re.escape(fmt.NEAREST), "；最近的数据："),
        (re.escape(fmt.UNRESOLVED.format(problem=fmt.CONFLICTING)), "证据冲突："),
        (re.escape(fmt.UNRESOLVED.format(problem=fmt.STRADDLES)), "数据区间跨越目标："),
        (re.escape(fmt.VS), " 对比 "),
        (rf" {fmt.WITHIN} (≈ [^()]*?) {fmt.OR_ABOVE}\b", r" 在 \1 以内或更高"),
        (rf" {fmt.WITHIN} (≈ [^()]*?) {fmt.OR_BELOW}\b", r" 在 \1 以内或更低"),
        (re.escape(f" {fmt.ABOVE} "), " 高于 "),
        (re.escape(f" {fmt.BELOW} "), " 低于 "),
        (re.escape(f" {fmt.MEETS} "), " 达到 "),
        (re.escape(f" {fmt.MISSES} "), " 未达到 "),
        (_CITED, _label),
        (_SET_ASIDE, _zh(f"{fmt.SEP}{{publisher}} {{published}} 发布 {{figure}}，{{why}}")),
        (re.escape(fmt.CAVEAT), " —— "),
        (re.escape(f"{fmt.DERIVED}: "), f"{WORDS_ZH[fmt.DERIVED]}："),
        (re.escape(fmt.ESTIMATED), WORDS_ZH[fmt.ESTIMATED]),
        (re.escape(f"{fmt.LOW_TRUST}: "), f"{WORDS_ZH[fmt.LOW_TRUST]}："),
        (r"\b" + re.escape(fmt.AT_LEAST), "至少 "),
        (r"\b" + re.escape(fmt.AT_MOST), "至多 "),
        (rf"\b{re.escape(fmt.NOT_DONE)}\b", "未完成"),
        (rf"\b{re.escape(fmt.DONE)}\b", "完成"),
        (re.escape(fmt.DECIDES), "决定结论"),
        (re.escape(fmt.DISAGREES), "与另一决定性数据矛盾"),
        (re.escape(fmt.ESTIMATE_SUPERSEDED), f"{WORDS_ZH[fmt.ESTIMATED]}，已被取代"),
        (re.escape(fmt.RANGE_STRADDLES), "区间跨越目标"),
        (re.escape(fmt.SUPERSEDED), "被更晚发布的数据取代"),
        (re.escape(fmt.AFTER_DEADLINE), "截止年份之后"),
        (re.escape(fmt.OTHER_YEAR), "其他年份"),
        (f"^{re.escape(fmt.PROXY)}: ", f"{WORDS_ZH[fmt.PROXY]}："),
        (re.escape(fmt.SEP + fmt.READ_STRICTLY), "；“左右”从严判定"),
        (re.escape(fmt.SEP), "；"),
    )
)


def phrase(text: str, lang: str) -> str:
    """An engine phrase (a reason, a figure, why an observation has its role) in ``lang``."""
    if lang != "zh":
        return text
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
    return text


def goal(target: Target, lang: str) -> str:
    """ "≥ 8 %", "done" (完成)."""
    return phrase(fmt.goal(target), lang)


def period(target: Target, lang: str) -> str:
    """ "2017", "by 2021"; in Chinese "2017年", "2021年前"."""
    if lang == "zh":
        return f"{target.year}年" if target.year is not None else f"{target.by}年前"
    return str(target.year) if target.year is not None else f"by {target.by}"


def goal_and_period(target: Target, lang: str) -> str:
    """ "≥ 8 % in 2017", "done by 2021"; "2017年 ≥ 8 %", "2021年前 完成"."""
    if lang == "zh":
        return f"{period(target, lang)} {goal(target, lang)}"
    if target.comparator is Comparator.DONE:
        return f"done {period(target, lang)}" if target.by is not None else f"done in {target.year}"
    return f"{goal(target, lang)} {'in ' if target.year is not None else ''}{period(target, lang)}"


def figure(item: Evidence, lang: str) -> str:
    """ "2017: 6.7–7 %" (the figure in the target's unit)."""
    return f"{item.observation.year}: {phrase(item.compared, lang)}"


def reason(verdict: Verdict, lang: str) -> str:
    return phrase(verdict.reason, lang)


def why(item: Evidence, lang: str) -> str:
    return phrase(item.why, lang)


def role(item: Evidence, lang: str) -> str:
    return ROLE_ZH[item.role.value] if lang == "zh" else item.role.value


def trust(value: str, lang: str) -> str:
    return TRUST_ZH[value] if lang == "zh" else value
