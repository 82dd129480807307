"""The reader's language for what the engine words in English: goals, periods, figures, reasons.

The verdict engine writes one English reason per target (the contract of ``check`` and the
exports). For ``--lang zh`` the renderers pass every such phrase through here, so a Chinese
reader sees Chinese throughout; data written by curators (publishers, ``derived`` notes) is
shown as written.
"""

from __future__ import annotations

import re

from ..model import Comparator, Target
from ..rules import wording as fmt
from ..rules.verdicts import Evidence, Verdict

TRUST_ZH = {"official": "官方", "news": "新闻", "secondary": "转载", "low": "低可信"}
ROLE_ZH = {"decisive": "决定结论", "conflicting": "冲突", "superseded": "被取代", "context": "参考"}


def _label(match: re.Match[str]) -> str:
    """A citation "(news, 河北日报 2021, proxy)" as "（新闻，河北日报 2021，替代指标）"."""
    trust, publisher, date, proxy = match.groups()
    return f"（{TRUST_ZH[trust]}，{publisher} {date}{'，替代指标' if proxy else ''}）"


# Fixed phrases of the engine's reasons and evidence notes, longest first where they overlap.
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"met before the (\d{4}) deadline: ", r"\1年截止前已达成："),
        (r"projection, not a verdict: on track: ", "预测（不是结论）：照此速度可以达到："),
        (r"projection, not a verdict: not on track: ", "预测（不是结论）：照此速度达不到："),
        (r" a year (\d{4})–(\d{4}) against ([+-]?[\d.]+) needed", r"/年（\1–\2年），而需要\3/年"),
        (r"(\d{4}) projected at ", r"\1年预计为"),
        (r"no (\d{4}) figure, and none from (\d{4})–(\d{4}) meets the goal", r"无\1年数据，\2–\3年的数据也未达到目标"),
        (r"no (\d{4}) figure", r"无\1年数据"),
        (r"; nearest: ", "；最近的数据："),
        (r"conflicting evidence: ", "证据冲突："),
        (r"the figure's range straddles the goal: ", "数据区间跨越目标："),
        (r" vs ", " 对比 "),
        (r" meets ", " 达到 "),
        (r" misses ", " 未达到 "),
        (r" ?\((official|news|secondary|low), (.*?) (\d{4}(?:-\d\d){0,2})(, proxy)?\)", _label),
        (r" — ", " —— "),
        (r"derived: ", "推算："),
        (r"estimated \(预计\)", "预计数"),
        (r"low-trust source: ", "低可信来源："),
        (r"\bat least ", "至少 "),
        (r"\bat most ", "至多 "),
        (r"\bnot done\b", "未完成"),
        (r"\bdone\b", "完成"),
        (r"decides the verdict", "决定结论"),
        (r"disagrees with another decisive figure", "与另一决定性数据矛盾"),
        (r"an estimate, superseded", "预计数，已被取代"),
        (r"its range straddles the goal", "区间跨越目标"),
        (r"superseded by a later publication", "被更晚发布的数据取代"),
        (r"after the deadline", "截止年份之后"),
        (r"other year", "其他年份"),
        (r"^proxy: ", "替代指标："),
        (r"; ", "；"),
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
