"""`zjk-targets record`: the track record as a matrix, measures by years, in any width.

Each cell says goal → actual and the status; the years are split into blocks that fit the
width, so no id or number is ever broken. The words here serve the markdown and HTML views too.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from rich.text import Text

from .. import labels
from ..model import About, Comparator, Reading, Status
from ..rules import counts as count_rules
from ..rules import wording as fmt
from ..rules.counts import Counts
from ..rules.schema import is_outside
from ..rules.track_record import TrackRecord
from ..rules.units import conversion_factor
from ..rules.verdicts import Verdict
from . import lang as words_of
from .terminal import MARK, STYLE, wrap
from .text import cell

if TYPE_CHECKING:
    from rich.console import RenderableType

WORDS = {
    "en": {
        "title": "Track record{place}: headline targets of {reports}",
        "place": " of {place}",  # not a possessive: the place is often a Chinese name (全国's reads badly)
        "per_report": "Met per report year: {shares}.",
        "separator": ", ",
        "reports_one": "the {first} work report",
        "reports_many": "the {first}–{last} work reports",
        "none": "No headline targets in the years and measures asked for.",
        "measure": "measure",
        "share": "met",
        "share_row": "met",
        "legend": "goal → actual: the figure that decides the year's target (? none decides); "
        "met: met of decided, unknown not counted.",
        "details": " Details: zjk-targets show ID.",
        "in_page": " Each target's words, figures and sources: its card, under {targets}.",
    },
    "zh": {
        "title": "{place}说到做到了吗：{reports}主要预期目标",
        "place": "{place}",
        "per_report": "各年达成：{shares}。",
        "separator": "，",
        "reports_one": "{first}年政府工作报告",
        "reports_many": "{first}–{last}年政府工作报告",
        "none": "所选年份和指标没有主要预期目标。",
        "measure": "指标",
        "share": "达成",
        "share_row": "达成",
        "legend": "目标 → 实际：判定当年目标的数据（? 表示无可判定数据）；达成：已判定目标中达成的项数，未知不计。",
        "details": "详情：zjk-targets show ID。",
        "in_page": "每项目标的原文、数据和来源：见{targets}下的卡片。",
    },
}


def _bound(low: Decimal | None, high: Decimal | None) -> str:
    if low is not None and high is not None:
        return f"{fmt.number(low)}–{fmt.number(high)}"
    if low is not None:
        return f"≥{fmt.number(low)}"
    assert high is not None
    return f"≤{fmt.number(high)}"


def goal_short(verdict: Verdict) -> str:
    """The goal without its unit (the row names the measure): "≥8", "≈3", "done"."""
    target = verdict.target
    if target.comparator is Comparator.DONE or target.goal is None:
        return fmt.DONE
    return f"{target.comparator.symbol}{fmt.number(target.goal)}"


def actual_short(verdict: Verdict) -> str:
    """The deciding figure in the goal's unit, without the unit; "?" when none decides."""
    if not verdict.decisive:
        return "?"
    obs = verdict.decisive[0].observation
    if obs.done is not None:
        return fmt.DONE if obs.done else fmt.NOT_DONE
    factor = conversion_factor(obs.unit, verdict.target.unit or obs.unit) or Decimal(1)
    if obs.value is not None:
        return fmt.number(obs.value * factor)
    low = obs.minimum * factor if obs.minimum is not None else None
    high = obs.maximum * factor if obs.maximum is not None else None
    return _bound(low, high)


def cell_words(verdict: Verdict) -> str:
    """ "≥8→7.6": goal → actual."""
    return f"{goal_short(verdict)}→{actual_short(verdict)}"


def share_words(share: Counts) -> str:
    return f"{share.met}/{share.decided}" if share.decided else "–"


def title(record: TrackRecord, lang: str, about: About | None = None) -> str:
    words = WORDS[lang]
    first, last = record.years[0], record.years[-1]
    key = "reports_one" if first == last else "reports_many"
    place = (about.place_zh or about.place) if about is not None and lang == "zh" else about and about.place
    named = words["place"].format(place=place) if place else ""
    text = words["title"].format(place=named, reports=words[key].format(first=first, last=last))
    return text[0].upper() + text[1:]


def per_report(record: TrackRecord, lang: str) -> str:
    """ "Met per report year: 2020 1/8, 2021 5/6.": the share of each year, in one line."""
    shares = WORDS[lang]["separator"].join(f"{year} {share_words(record.by_year(year))}" for year in record.years)
    return WORDS[lang]["per_report"].format(shares=shares)


def answer(record: TrackRecord, lang: str) -> str:
    return count_rules.line(record.overall, lang)


def row_label(record: TrackRecord, metric_id: str, lang: str) -> str:
    """A measure by its id (what --metric takes), or its Chinese name; by its words, which its
    Chinese name holds, where it is outside the lexicon."""
    metric = next(m for m in record.metrics if m.id == metric_id)
    name = metric.zh if lang == "zh" or is_outside(metric.id) else metric.id
    return f"{name} ({labels.unit(metric.unit, lang)})"


def _cell(verdict: Verdict | None, lang: str, color: bool) -> Text:
    if verdict is None:
        return Text("")
    status = verdict.status
    if color:
        return Text(f"{cell_words(verdict)} {MARK[status]}", style=STYLE[status])
    return Text(f"{cell_words(verdict)}\n{MARK[status]} {labels.status(status, lang)}")


def _blocks(widths: list[int], room: int) -> list[list[int]]:
    """Indexes of year columns, greedily packed into blocks of at most ``room`` cells."""
    blocks: list[list[int]] = [[]]
    used = 0
    for index, width in enumerate(widths):
        if blocks[-1] and used + width > room:
            blocks.append([])
            used = 0
        blocks[-1].append(index)
        used += width
    return blocks


def render(
    record: TrackRecord, lang: str, width: int, color: bool, about: About | None = None, reading: Reading = Reading.BAND
) -> RenderableType:
    """The matrix as rich tables, one per block of years that fits ``width`` columns, below the
    answer and the line that says how the about goals were read."""
    # rich's tables only here: the markdown and HTML views (and `check`) use the words alone.
    from rich import box
    from rich.cells import cell_len
    from rich.console import Group
    from rich.table import Table

    words = WORDS[lang]
    if not record.years:
        return Text(words["none"])
    label_texts = [row_label(record, metric.id, lang) for metric in record.metrics]
    cells = {
        (metric.id, year): _cell(record.cell(metric.id, year), lang, color)
        for metric in record.metrics
        for year in record.years
    }
    share_texts = [share_words(record.by_metric(metric.id)) for metric in record.metrics]
    footer = [share_words(record.by_year(year)) for year in record.years]

    def column_width(texts: list[str]) -> int:
        return max(cell_len(line) for text in texts for line in text.split("\n"))

    label_width = column_width([words["measure"], words["share_row"], *label_texts])
    share_width = column_width([words["share"], *share_texts])
    year_widths = [
        column_width([str(year), footer[i], *(cells[(m.id, year)].plain for m in record.metrics)]) + 2
        for i, year in enumerate(record.years)
    ]
    room = max(1, width - (label_width + 2) - (share_width + 2))
    lines = [title(record, lang, about), answer(record, lang), per_report(record, lang)]
    lines.append(Text(words_of.reading(reading, lang), style="dim"))
    parts: list[RenderableType] = [*(part for line in lines for part in wrap(line, width)), Text("")]
    for block in _blocks(year_widths, room):
        table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, show_edge=False, show_footer=True)
        table.add_column(words["measure"], footer=words["share_row"], no_wrap=True, min_width=label_width)
        for index in block:
            table.add_column(
                str(record.years[index]),
                footer=footer[index],
                no_wrap=True,
                justify="left",
                min_width=year_widths[index] - 2,
            )
        table.add_column(words["share"], footer="", no_wrap=True, justify="right", min_width=share_width)
        for row, metric in enumerate(record.metrics):
            table.add_row(
                label_texts[row],
                *(cells[(metric.id, record.years[index])] for index in block),
                share_texts[row],
            )
        parts += [table, Text("")]
    parts += wrap(words["legend"] + words["details"], width)
    return Group(*parts)


def _marked(verdict: Verdict, lang: str) -> str:
    """The verdict in words, with its mark where the cell's "?" does not already say it."""
    status = labels.status(verdict.status, lang)
    return status if verdict.status is Status.UNKNOWN else f"{MARK[verdict.status]} {status}"


def markdown(record: TrackRecord, lang: str) -> list[str]:
    """The matrix as a markdown table with the answer above it."""
    words = WORDS[lang]
    if not record.years:
        return [words["none"]]
    header = [words["measure"], *(str(year) for year in record.years), words["share"]]
    lines = [answer(record, lang), "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for metric in record.metrics:
        row = [row_label(record, metric.id, lang)]
        for year in record.years:
            verdict = record.cell(metric.id, year)
            row.append("" if verdict is None else f"{cell_words(verdict)} {_marked(verdict, lang)}")
        row.append(share_words(record.by_metric(metric.id)))
        lines.append("| " + " | ".join(cell(text) for text in row) + " |")
    footer = [f"**{words['share_row']}**", *(share_words(record.by_year(year)) for year in record.years), ""]
    lines += ["| " + " | ".join(footer) + " |", "", words["legend"] + words["details"]]
    return lines
