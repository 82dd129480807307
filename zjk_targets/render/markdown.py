"""``export --format markdown``: a summary people can publish and diff year on year."""

from __future__ import annotations

from collections import Counter

from ..model import Dataset, PartialDate, Reading, Source, Status
from ..rules import wording as fmt
from ..rules.summary import SUMMARY_MAX_CHARS
from ..rules.timeline import end_of, set_by_report
from ..rules.track_record import track_record
from ..rules.verdicts import Verdict, summarise
from . import lang as words_of
from . import record_view, report_view
from .report_view import Unknown, flags, short_reason, unknown_kind
from .text import cell, link, outcome

WORDS = {
    "en": {
        "headline": "Of {total} targets set in {reports}: {met} met, {missed} missed, {unknown} unknown.",
        "as_of": "As of {date}: judged with what was published by then.",
        "record": "Track record",
        "five_year": "Five-year goals",
        "columns": ("Target", "Goal", "Outcome", "Reason"),
        "unknown": "Unknown: {n}",
        "unknown_more": "Each of them with its nearest figure: `zjk-targets export --status unknown`.",
        "cut": "… and {n} more: `zjk-targets export --full` gives every target.",
        "full_more": "Every target with its whole reason and every source: `zjk-targets export --full`.",
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
        "columns": ("目标", "目标值", "实际", "依据"),
        "unknown": "未知：{n}项",
        "unknown_more": "逐项及其最近的数据：`zjk-targets export --status unknown --lang zh`。",
        "cut": "……另有{n}项：`zjk-targets export --full --lang zh` 列出全部目标。",
        "full_more": "全部目标的完整依据和全部来源：`zjk-targets export --full --lang zh`。",
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


def _row(verdict: Verdict, lang: str, full: bool) -> str:
    """Target, goal and outcome: the figure that decided with its source and caveats in a word each;
    ``full`` gives the whole reason in a column of its own."""
    target = verdict.target
    name = f"`{target.id}` {cell(target.name(lang))}"
    goal = f"{words_of.goal(target, lang)} ({words_of.period(target, lang)})"
    if full:
        cells = [goal, words_of.phrase(outcome(verdict), lang), words_of.reason(verdict, lang)]
    else:
        cells = [goal, "; ".join([short_reason(verdict, lang), *flags(verdict, lang)])]
    return "| " + " | ".join([name, *(cell(text) for text in cells)]) + " |"


def _table(rows: list[str], lang: str, full: bool) -> list[str]:
    columns = WORDS[lang]["columns"][: None if full else 3]
    return ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns), *rows]


def _source_line(number: int, source: Source, lang: str) -> str:
    where = link(source.url) if source.url else f"`{cell(source.file or '')}`"
    if source.url and source.file:
        where = f"`{cell(source.file)}`, {where}"
    trust = WORDS[lang]["trust"]
    trust_word = words_of.trust(source.trust.value, lang)
    text = cell(f"{source.title}. {source.publisher}, {source.published}. {trust}: {trust_word}.")
    return f"{number}. **{cell(source.id)}**: {text} {where}"


def headline(dataset: Dataset, verdicts: tuple[Verdict, ...], lang: str) -> str:
    """The answer in one sentence: how many targets the reports set, and how many were met."""
    years = sorted({set_by_report(dataset, verdict.target) for verdict in verdicts})
    reports = "–".join(str(year) for year in dict.fromkeys([years[0], years[-1]])) if years else "—"
    return WORDS[lang]["headline"].format(reports=reports, **summarise(verdicts))


def _unknown_by_why(unknown: list[Verdict], lang: str) -> list[str]:
    """The unknown verdicts counted by why, in the report's words and order."""
    kinds = Counter(unknown_kind(verdict) for verdict in unknown)
    return [f"- {report_view.WORDS[lang][kind].format(n=kinds[kind])}" for kind in Unknown if kinds[kind]]


def _sections(
    verdicts: tuple[Verdict, ...], lang: str, full: bool, statuses: tuple[Status, ...] | None, rows: int | None
) -> tuple[list[str], list[Verdict]]:
    """The tables of ``statuses`` (all by default), missed first, with at most ``rows`` rows in
    all; and the verdicts shown. Unknown ones are only counted by why unless asked for by name or
    ``full``."""
    words = WORDS[lang]
    lines: list[str] = []
    shown: list[Verdict] = []
    left = len(verdicts) if rows is None else rows
    for status in (Status.MISSED, Status.MET, Status.UNKNOWN):
        group = [verdict for verdict in verdicts if verdict.status is status]
        if (statuses is not None and status not in statuses) or not group:
            continue
        heading = words["unknown"] if status is Status.UNKNOWN else report_view.WORDS[lang][status]
        lines += [f"## {heading.format(n=len(group))}", ""]
        if status is Status.UNKNOWN and not full and statuses is None:
            lines += [*_unknown_by_why(group, lang), "", words["unknown_more"], ""]
            continue
        kept = group[: max(left, 0)]
        left -= len(kept)
        shown += kept
        if kept:
            lines += _table([_row(verdict, lang, full) for verdict in kept], lang, full)
        if len(kept) < len(group):
            lines += ["", words["cut"].format(n=len(group) - len(kept))]
        lines.append("")
    return lines, shown


def render(
    dataset: Dataset,
    verdicts: tuple[Verdict, ...],
    lang: str = "en",
    as_of: PartialDate | None = None,
    reading: Reading = Reading.BAND,
    full: bool = False,
    statuses: tuple[Status, ...] | None = None,
) -> str:
    """The summary: the counts, the missed targets, the met ones, the unknown ones counted by why,
    the track record, the sources of what is shown, the rules. At most
    :data:`~zjk_targets.rules.summary.SUMMARY_MAX_CHARS` characters unless ``full``: the tables
    lose their last rows (saying how many) until it fits."""
    text = _render(dataset, verdicts, lang, as_of, reading, full, statuses, None)
    if full or len(text) <= SUMMARY_MAX_CHARS:
        return text
    fits, over = 0, len(verdicts)  # the most rows that fit, by halving
    while over - fits > 1:
        rows = (fits + over) // 2
        if len(_render(dataset, verdicts, lang, as_of, reading, full, statuses, rows)) <= SUMMARY_MAX_CHARS:
            fits = rows
        else:
            over = rows
    return _render(dataset, verdicts, lang, as_of, reading, full, statuses, fits)


def _render(
    dataset: Dataset,
    verdicts: tuple[Verdict, ...],
    lang: str,
    as_of: PartialDate | None,
    reading: Reading,
    full: bool,
    statuses: tuple[Status, ...] | None,
    rows: int | None,
) -> str:
    words = WORDS[lang]
    lines = [f"# {cell(fmt.title(dataset.about, lang))}", "", headline(dataset, verdicts, lang)]
    matrix = track_record(dataset, verdicts)
    if matrix.counted:
        lines += ["", record_view.answer(matrix, lang)]
    lines += ["", words_of.reading(reading, lang), ""]
    if as_of is not None:
        lines += [words["as_of"].format(date=end_of(as_of)), ""]
    sections, shown = _sections(verdicts, lang, full, statuses, rows)
    lines += sections
    if len(matrix.years) > 1:
        lines += [f"## {words['record']}", "", *record_view.markdown(matrix, lang)[2:], ""]
    if full:
        shown = list(verdicts)
    cited = sorted(
        {verdict.target.source for verdict in shown}
        | {
            item.observation.source
            for verdict in shown
            for item in verdict.evidence
            if full or item.decisive or verdict.status is Status.UNKNOWN  # an unknown one cites its nearest
        }
    )
    if rows is not None or not full:
        lines += [words["full_more"], ""]
    lines += [f"## {words['sources']}", ""]
    lines += [_source_line(number, dataset.sources[key], lang) for number, key in enumerate(cited, 1)]
    lines += ["", f"## {words['how']}", ""]
    lines += [f"{number}. {rule}" for number, rule in enumerate(words["rules"], 1)]
    return "\n".join(lines) + "\n"
