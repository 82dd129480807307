"""``report``: the answer first. Counts, then the missed and met targets, then the unknown ones
grouped by why, each with the way its nearest evidence leans.

Laid out for the terminal's width with :mod:`.terminal`, so no id or figure is ever split; every
piece of data is a ``Text``, never markup. ``full=True`` adds every target's name, goal, outcome
and whole reason.
"""

from __future__ import annotations

import enum
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from rich.cells import cell_len
from rich.text import Text

from .. import labels
from ..model import Dataset, Reading, Status
from ..rules import counts as count_rules
from ..rules import wording as fmt
from ..rules.counts import reviewed_years
from ..rules.schema import is_outside
from ..rules.track_record import focus_year, headline_counts, headline_verdicts
from ..rules.verdicts import Evidence, Role, Verdict, summarise
from . import lang as words_of
from .terminal import MARK, STYLE, mark, pack, wrap
from .text import one_line, progress_bar, share_of_goal


class Unknown(enum.Enum):
    """Why a verdict is unknown, in the order the report shows the groups."""

    NO_FIGURE = "no_figure"
    OTHERS_ONLY = "others_only"
    STRADDLES = "straddles"
    CONFLICTING = "conflicting"


WORDS = {
    "en": {
        "counts": "{total} {noun}: {met} met, {missed} missed, {unknown} unknown",
        "scope": "Set by the work report of {years}; each verdict rests on the words of a named source.",
        "scopes": "Set by {n} work reports, {first}–{last}; each verdict rests on the words of a named source.",
        "by_report": ("report", "targets", "met", "missed", "unknown"),
        Status.MISSED: "Missed: {n}",
        Status.MET: "Met: {n}",
        Status.UNKNOWN: "Unknown: {n}, by why",
        Unknown.NO_FIGURE: "No figure at all: {n}",
        Unknown.OTHERS_ONLY: "Only figures of other years or related measures: {n}",
        Unknown.STRADDLES: "A range that straddles the goal: {n}",
        Unknown.CONFLICTING: "Conflicting evidence: {n}",
        "leans": "the nearest figure leans met for {met}, missed for {missed}; {none} have related measures only",
        "nearest": "nearest",
        "related": "related measure",
        "lean": "leans {mark} {status}",
        "projected": "projected: {state}",
        "sep": ("; ", ", "),
        "goal": "goal",
        "outcome": "outcome",
        "reason": "reason",
        "more": ("Every reason: zjk-targets report --full", "One target's evidence: zjk-targets show ID"),
        "full_more": ("One target's evidence and sources: zjk-targets show ID",),
        "none": "No target matches.",
        "focus": "The {year} work report: of its {n} headline targets {met} met, {missed} missed, {unknown} unknown",
        "focus_unknown": "unknown",
        "focus_more": "This report alone: zjk-targets report --report {year}; every report follows.",
    },
    "zh": {
        "counts": "共{total}项{noun}：达成{met}项，未达成{missed}项，未知{unknown}项",
        "scope": "出自{years}年政府工作报告；每个结论都依据具名来源的原文。",
        "scopes": "出自{first}–{last}年的{n}份政府工作报告；每个结论都依据具名来源的原文。",
        "by_report": ("报告", "目标", "达成", "未达成", "未知"),
        Status.MISSED: "未达成：{n}项",
        Status.MET: "达成：{n}项",
        Status.UNKNOWN: "未知：{n}项，按原因分组",
        Unknown.NO_FIGURE: "没有任何数据：{n}项",
        Unknown.OTHERS_ONLY: "只有其他年份或相近指标的数据：{n}项",
        Unknown.STRADDLES: "数据区间跨越目标：{n}项",
        Unknown.CONFLICTING: "证据冲突：{n}项",
        "leans": "最近的数据倾向达成{met}项、未达成{missed}项；{none}项只有相近指标",
        "nearest": "最近",
        "related": "相近指标",
        "lean": "倾向{mark}{status}",
        "projected": "预测：{state}",
        "sep": ("；", "，"),
        "goal": "目标",
        "outcome": "实际",
        "reason": "依据",
        "more": ("全部依据：zjk-targets report --full --lang zh", "单项证据：zjk-targets show ID --lang zh"),
        "full_more": ("单项的证据和来源：zjk-targets show ID --lang zh",),
        "none": "没有符合条件的目标。",
        "focus": "{year}年政府工作报告：{n}项主要目标中达成{met}项，未达成{missed}项，未知{unknown}项",
        "focus_unknown": "未知",
        "focus_more": "只看这份报告：zjk-targets report --report {year} --lang zh；以下是全部报告。",
    },
}

INDENT, DETAIL = 2, 6


def unknown_kind(verdict: Verdict) -> Unknown:
    """Why a verdict is unknown: no figure, other years or measures only, a range, or a conflict."""
    roles = {item.role for item in verdict.evidence}
    if Role.CONFLICTING in roles:
        return Unknown.CONFLICTING
    if Role.SUPERSEDED in roles:  # an unknown verdict keeps superseded figures only beside a range
        return Unknown.STRADDLES
    return Unknown.OTHERS_ONLY if verdict.evidence else Unknown.NO_FIGURE


def nearest(verdict: Verdict) -> list[Evidence]:
    """The context figures closest to the target's year; its own measure before related ones."""
    context = [item for item in verdict.evidence if item.role is Role.CONTEXT]
    pool = [item for item in context if item.observation.proxy is None] or context
    if not pool:
        return []
    year = verdict.target.deadline_year
    best = min(abs(item.observation.year - year) for item in pool)
    return [item for item in pool if abs(item.observation.year - year) == best]


def lean(verdict: Verdict) -> Status | None:
    """Which way the nearest figures of the target's own measure point, if they agree."""
    outcomes = {item.outcome for item in nearest(verdict)}
    return outcomes.pop() if len(outcomes) == 1 and None not in outcomes else None


def flags(verdict: Verdict, lang: str) -> list[str]:
    found = []
    for caveat in verdict.caveats:
        kind = (
            fmt.DERIVED
            if caveat.startswith(fmt.DERIVED)
            else fmt.ESTIMATED
            if caveat == fmt.ESTIMATED
            else fmt.LOW_TRUST
        )
        found.append(words_of.word(kind, lang))
    return list(dict.fromkeys(found))


def short_reason(verdict: Verdict, lang: str) -> str:
    """The reason without the caveats' words, which the flags name in a word each."""
    reason = verdict.reason
    if verdict.caveats:
        reason = reason.removesuffix(fmt.with_caveats("", verdict.caveats))
    return words_of.phrase(one_line(reason), lang)


def _head(verdict: Verdict, lang: str, ident: str | None = None) -> Text:
    """The mark, the id and the target's name; with ``ident`` (see :func:`_ident`), instead of both."""
    target = verdict.target
    line = Text.assemble(mark(verdict.status), " ", (ident or one_line(target.id), "bold"))
    if ident is None:
        line.append("  " + one_line(target.name(lang)))
    return line


def _ident(verdict: Verdict, outside: dict[str, str]) -> str:
    """A target's id where the name is not shown: with its words for a measure outside the lexicon,
    whose id alone is their pinyin (x-feishuizhanbi-2023 非税占比)."""
    words = outside.get(verdict.target.metric)
    return one_line(verdict.target.id) + (f" {one_line(words)}" if words else "")


def _decided(verdict: Verdict, lang: str, width: int) -> list[Text]:
    detail = Text(short_reason(verdict, lang))
    named = flags(verdict, lang)
    if named:
        detail.append(" · " + ", ".join(named), style="italic")
    share = share_of_goal(verdict)
    if share is not None:
        detail.append(" · " + progress_bar(share))
    return [*wrap(_head(verdict, lang), width, INDENT, DETAIL), *wrap(detail, width, DETAIL)]


def _evidence_line(verdict: Verdict, lang: str, ident: str) -> Text:
    words = WORDS[lang]
    target = verdict.target
    line = Text.assemble(_head(verdict, lang, ident), "  ", words_of.goal_and_period(target, lang))
    kind = unknown_kind(verdict)
    if kind is Unknown.OTHERS_ONLY:
        near = nearest(verdict)
        related = all(item.observation.proxy is not None for item in near)
        label = words["related"] if related else words["nearest"]
        semicolon, comma = words["sep"]
        figures = comma.join(dict.fromkeys(words_of.figure(item, lang) for item in near))
        line.append(f"{semicolon}{label} {figures}")
        leaning = lean(verdict)
        if leaning is not None:
            line.append(comma)
            status = labels.status(leaning, lang)
            line.append(words["lean"].format(mark=MARK[leaning], status=status), style=STYLE[leaning])
        if verdict.projection is not None:  # a deadline goal's pace: never a verdict, said as such
            state = fmt.ON_TRACK if verdict.projection.on_track else fmt.NOT_ON_TRACK
            line.append(semicolon + words["projected"].format(state=words_of.word(state, lang)), style="italic")
    else:
        reason = short_reason(verdict, lang)
        line.append(words["sep"][0] + re.split(r": |：", reason, maxsplit=1)[-1])
    return line


def _full(verdict: Verdict, lang: str, width: int, indent: int = INDENT) -> list[Text]:
    words = WORDS[lang]
    target = verdict.target
    headline = verdict.headline
    outcome = "—"
    if headline is not None:
        outcome = words_of.figure(headline, lang) if headline.decisive else f"[{words_of.figure(headline, lang)}]"
    share = share_of_goal(verdict)
    if share is not None:
        outcome += "  " + progress_bar(share)
    labels_shown = (words["goal"], words["outcome"], words["reason"])
    label_width = max(cell_len(label) for label in labels_shown) + 2
    detail = indent + DETAIL - INDENT
    lines = wrap(_head(verdict, lang), width, indent, detail)
    for label, text in zip(
        labels_shown,
        (words_of.goal_and_period(target, lang), outcome, words_of.reason(verdict, lang)),
        strict=True,
    ):
        body = wrap(Text(one_line(text)), width, detail + label_width)
        first = Text(" " * detail) + Text(label, style="dim") + Text(" " * (label_width - cell_len(label)))
        lines += [first + body[0][detail + label_width :], *body[1:]]
    return lines


def _report_years(dataset: Dataset, verdicts: Iterable[Verdict]) -> dict[int, list[Verdict]]:
    years: dict[int, list[Verdict]] = defaultdict(list)
    for verdict in verdicts:
        years[dataset.sources[verdict.target.source].published.year].append(verdict)
    return dict(sorted(years.items()))


def _by_report(by_year: dict[int, list[Verdict]], lang: str) -> list[Text]:
    """A small table: each report year's targets and their verdicts."""
    head = list(WORDS[lang]["by_report"])
    rows = [
        [str(year), *(str(summarise(group)[key]) for key in ("total", "met", "missed", "unknown"))]
        for year, group in by_year.items()
    ]
    widths = [max(cell_len(row[i]) for row in [head, *rows]) for i in range(len(head))]

    def line(cells: list[str]) -> str:
        padded = [cells[0] + " " * (widths[0] - cell_len(cells[0]))]
        padded += [" " * (width - cell_len(cell)) + cell for cell, width in zip(cells[1:], widths[1:], strict=True)]
        return " " * INDENT + "  ".join(padded)

    return [Text(line(head), style="dim"), *(Text(line(row)) for row in rows)]


def _focus(dataset: Dataset, verdicts: tuple[Verdict, ...], lang: str, width: int) -> list[Text]:
    """The headline targets of the report the data is mostly about, each decided one with its
    figure, the unknown ones by id and goal; nothing where there is no such report."""
    year = focus_year(dataset, verdicts)
    if year is None:
        return []
    words = WORDS[lang]
    headline = [v for v in headline_verdicts(dataset, verdicts) if v.target.year == year]
    if not headline:
        return []
    counts = summarise(headline)
    lines = wrap(_title(words["focus"].format(year=year, n=len(headline), **counts)), width)
    for status in (Status.MISSED, Status.MET):
        for verdict in (v for v in headline if v.status is status):
            lines += _decided(verdict, lang, width)
    unknown = [
        f"{one_line(v.target.id)} {words_of.goal(v.target, lang)}" for v in headline if v.status is Status.UNKNOWN
    ]
    if unknown:
        lines += wrap(Text.assemble(mark(Status.UNKNOWN), " ", words["focus_unknown"]), width, INDENT)
        lines += pack(unknown, width, DETAIL)
    lines += wrap(Text(words["focus_more"].format(year=year), style="dim"), width)
    return [*lines, Text("")]


def _title(text: str, status: Status | None = None) -> Text:
    return Text(text, style=STYLE[status] if status else "bold")


def render(
    dataset: Dataset,
    verdicts: tuple[Verdict, ...],
    lang: str = "en",
    width: int = 80,
    full: bool = False,
    reading: Reading = Reading.BAND,
    focus: bool = False,
) -> Text:
    """The report as one Text of lines at most ``width`` cells wide (an atom wider than that
    runs over rather than being cut). ``focus`` puts first the headline targets of the report the
    data holds most targets of (see :func:`~zjk_targets.rules.track_record.focus_year`)."""
    words = WORDS[lang]
    counts = summarise(verdicts)
    counts["noun"] = ("target" if counts["total"] == 1 else "targets") if lang == "en" else "目标"
    by_year = _report_years(dataset, verdicts)
    lines: list[Text] = _focus(dataset, verdicts, lang, width) if focus else []
    lines += wrap(_title(words["counts"].format(**counts)), width)
    headline = headline_verdicts(dataset, verdicts)
    if headline:
        tally = headline_counts(headline, reviewed_years(dataset.sources))
        lines += wrap(Text(count_rules.line(tally, lang)), width)
    lines += wrap(Text(words_of.reading(reading, lang), style="dim"), width)
    if not verdicts:
        return Text("\n").join([*lines, Text(words["none"])]) + Text("\n")
    years = list(by_year)
    if len(years) == 1:
        lines += wrap(Text(words["scope"].format(years=years[0]), style="dim"), width)
    else:
        scope = words["scopes"].format(n=len(years), first=years[0], last=years[-1])
        lines += wrap(Text(scope, style="dim"), width)
        lines += _by_report(by_year, lang)
    by_status: dict[Status, list[Verdict]] = defaultdict(list)
    for verdict in verdicts:
        by_status[verdict.status].append(verdict)
    for status in (Status.MISSED, Status.MET):
        group = by_status.get(status, [])
        if not group:
            continue
        lines += [Text(""), *wrap(_title(words[status].format(n=len(group)), status), width)]
        for verdict in group:
            lines += _full(verdict, lang, width) if full else _decided(verdict, lang, width)
    unknown = by_status.get(Status.UNKNOWN, [])
    outside = {metric.id: metric.zh for metric in dataset.metrics.values() if is_outside(metric.id)}
    if unknown:
        lines += [Text(""), *wrap(_title(words[Status.UNKNOWN].format(n=len(unknown)), Status.UNKNOWN), width)]
        kinds: dict[Unknown, list[Verdict]] = defaultdict(list)
        for verdict in unknown:
            kinds[unknown_kind(verdict)].append(verdict)
        for kind in Unknown:
            group = kinds.get(kind, [])
            if not group:
                continue
            lines += wrap(_title(words[kind].format(n=len(group))), width, INDENT, DETAIL)
            if kind is Unknown.OTHERS_ONLY:
                leans = Counter(lean(verdict) for verdict in group)
                summary = words["leans"].format(met=leans[Status.MET], missed=leans[Status.MISSED], none=leans[None])
                lines += wrap(Text(summary, style="dim"), width, INDENT + 2, INDENT + 2)
                order = {Status.MISSED: 0, Status.MET: 1, None: 2}
                group = sorted(group, key=lambda v: (order[lean(v)], v.target.id))
            if full:
                for verdict in group:
                    lines += _full(verdict, lang, width, INDENT + 2)
            elif kind is Unknown.NO_FIGURE:
                lines += pack([_ident(v, outside) for v in group], width, INDENT + 2)
            else:
                keep = (
                    *(words["lean"].format(mark=MARK[s], status=labels.status(s, lang)) for s in Status),
                    *(
                        words["projected"].format(state=words_of.word(s, lang))
                        for s in (fmt.ON_TRACK, fmt.NOT_ON_TRACK)
                    ),
                )
                for verdict in group:
                    line = _evidence_line(verdict, lang, _ident(verdict, outside))
                    lines += wrap(line, width, INDENT + 2, DETAIL + 2, keep=keep)
    lines += [Text(""), *wrap(_title(words["counts"].format(**counts)), width)]
    for hint in words["full_more" if full else "more"]:
        lines += wrap(Text(hint, style="dim"), width)
    return Text("\n").join(lines) + Text("\n")
