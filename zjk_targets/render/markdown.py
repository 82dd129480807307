"""``export --format markdown``: a summary people can publish and diff year on year."""

from __future__ import annotations

from collections import defaultdict

from .. import labels
from ..model import Dataset, PartialDate, Reading, Source
from ..rules import wording as fmt
from ..rules.record import track_record
from ..rules.timeline import end_of, set_by_report
from ..rules.verdicts import Verdict, summarise
from . import lang as words_of
from . import record
from .text import cell, one_line, outcome

WORDS = {
    "en": {
        "headline": "Of {total} targets set in {reports}: {met} met, {missed} missed, {unknown} unknown.",
        "as_of": "As of {date}: judged with what was published by then.",
        "record": "Track record",
        "five_year": "Five-year goals",
        "columns": ("Target", "Goal", "Outcome", "Status", "Reason"),
        "sources": "Sources",
        "how": "How verdicts are reached",
        "rules": (
            "Only figures for the target's own measure and year decide; other years and related "
            "measures (proxies) are shown but never decide.",
            "When a year has several figures, the most recent publication decides; a disagreeing "
            "final figure from a more trusted source makes the verdict unknown (conflicting evidence).",
            "A five-year goal is decided by its deadline year's figure, or met early if an earlier "
            "figure already meets it; figures after the deadline are context.",
            "A range decides only when all of it lies on one side of the goal.",
            "Without a deciding figure the verdict is unknown: unknown is an answer.",
        ),
        "trust": "trust",
    },
    "zh": {
        "headline": "{reports}年设定的{total}项目标：达成{met}项，未达成{missed}项，未知{unknown}项。",
        "as_of": "截至{date}：只依据此前发布的资料判定。",
        "record": "历年主要预期目标",
        "five_year": "五年目标",
        "columns": ("目标", "目标值", "实际", "结论", "依据"),
        "sources": "来源",
        "how": "判定规则",
        "rules": (
            "只有同一指标、同一年份的数据才能决定结论；其他年份和相近指标（替代指标）只作参考。",
            "同一年有多个数据时，以最新发布的为准；可信度更高的正式数据与之矛盾时，结论为未知（证据冲突）。",
            "五年目标以截止年份的数据判定；此前已达到目标的，提前达成；截止年份以后的数据只作参考。",
            "区间数据只有整体位于目标一侧时才能判定。",
            "没有可判定的数据时结论为未知。",
        ),
        "trust": "可信度",
    },
}


def _row(verdict: Verdict, lang: str) -> str:
    target = verdict.target
    outcome_text = words_of.phrase(outcome(verdict), lang)
    name = f"`{target.id}` {target.name(lang)}"
    goal = f"{words_of.goal(target, lang)} ({words_of.period(target, lang)})"
    reason = words_of.reason(verdict, lang)
    cells = (name, goal, outcome_text, f"**{labels.status(verdict.status, lang)}**", reason)
    return "| " + " | ".join(cell(text) for text in cells) + " |"


def _table(verdicts: list[Verdict], lang: str) -> list[str]:
    columns = WORDS[lang]["columns"]
    return ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)] + [
        _row(verdict, lang) for verdict in verdicts
    ]


def _source_line(number: int, source: Source, lang: str) -> str:
    where = f"<{source.url}>" if source.url else f"`{source.file}`"
    if source.url and source.file:
        where = f"`{source.file}`, <{source.url}>"
    trust = WORDS[lang]["trust"]
    trust_word = words_of.trust(source.trust.value, lang)
    text = one_line(f"{source.title}. {source.publisher}, {source.published}. {trust}: {trust_word}.")
    return f"{number}. **{source.id}**: {text} {where}"


def headline(dataset: Dataset, verdicts: tuple[Verdict, ...], lang: str) -> str:
    """The answer in one sentence: how many targets the reports set, and how many were met."""
    years = sorted({set_by_report(dataset, verdict.target) for verdict in verdicts})
    reports = "–".join(str(year) for year in dict.fromkeys([years[0], years[-1]])) if years else "—"
    return WORDS[lang]["headline"].format(reports=reports, **summarise(verdicts))


def render(
    dataset: Dataset,
    verdicts: tuple[Verdict, ...],
    lang: str = "en",
    as_of: PartialDate | None = None,
    reading: Reading = Reading.BAND,
) -> str:
    words = WORDS[lang]
    lines = [f"# {fmt.title(dataset.about, lang)}", "", headline(dataset, verdicts, lang), ""]
    lines += [words_of.reading(reading, lang), ""]
    if as_of is not None:
        lines += [words["as_of"].format(date=end_of(as_of)), ""]
    matrix = track_record(dataset, verdicts)
    if len(matrix.years) > 1:
        lines += [f"## {words['record']}", "", *record.markdown(matrix, lang), ""]
    five_year = [verdict for verdict in verdicts if verdict.target.by is not None]
    if five_year:
        lines += [f"## {words['five_year']}", "", *_table(five_year, lang), ""]
    by_category: dict[str, list[Verdict]] = defaultdict(list)
    for verdict in verdicts:
        if verdict.target.by is None:
            by_category[verdict.target.category].append(verdict)
    for category in sorted(by_category):
        lines += [f"## {labels.category(category, lang)}", "", *_table(by_category[category], lang), ""]
    cited = sorted(
        {verdict.target.source for verdict in verdicts}
        | {item.observation.source for verdict in verdicts for item in verdict.evidence}
    )
    lines += [f"## {words['sources']}", ""]
    lines += [_source_line(number, dataset.sources[key], lang) for number, key in enumerate(cited, 1)]
    lines += ["", f"## {words['how']}", ""]
    lines += [f"{number}. {rule}" for number, rule in enumerate(words["rules"], 1)]
    return "\n".join(lines) + "\n"
