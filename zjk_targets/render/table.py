"""``report``: rich tables per category. Every cell is a Text, so data is never markup."""

from __future__ import annotations

from collections import defaultdict

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from .. import labels
from ..model import Status
from ..rules import wording as fmt
from ..rules.verdicts import Verdict, summarise
from .text import one_line, outcome, progress_bar, share_of_goal

STATUS_STYLE = {Status.MET: "bold green", Status.MISSED: "bold red", Status.UNKNOWN: "bold yellow"}


def _table(title: str, verdicts: list[Verdict], lang: str) -> Table:
    shares = {verdict.target.id: share_of_goal(verdict) for verdict in verdicts}
    show_progress = any(share is not None for share in shares.values())
    table = Table(title=Text(title, style="bold"), box=box.SIMPLE_HEAD, expand=False, title_justify="left", leading=1)
    table.add_column("Target" if lang == "en" else "目标", overflow="fold", ratio=4)
    table.add_column("Goal" if lang == "en" else "目标值", overflow="fold", ratio=2)
    table.add_column("Actual" if lang == "en" else "实际", overflow="fold", ratio=2)
    if show_progress:
        table.add_column("Progress" if lang == "en" else "进度", no_wrap=True)
    # The status word must survive any width: never folded, never cut.
    table.add_column("Status" if lang == "en" else "结论", no_wrap=True, min_width=7)
    table.add_column("Reason" if lang == "en" else "依据", overflow="fold", ratio=5)
    for verdict in verdicts:
        target = verdict.target
        share = shares[target.id]
        name = Text(one_line(target.id), style="bold")
        name.append("\n" + one_line(target.name(lang)), style="")
        cells = [
            name,
            Text(one_line(f"{fmt.goal(target)} {target.period}")),
            Text(one_line(outcome(verdict))),
            *([Text(progress_bar(share) if share is not None else "")] if show_progress else []),
            Text(labels.status(verdict.status, lang), style=STATUS_STYLE[verdict.status]),
            Text(one_line(verdict.reason)),
        ]
        table.add_row(*cells)
    return table


def summary_line(verdicts: tuple[Verdict, ...], lang: str) -> str:
    counts = summarise(verdicts)
    if lang == "zh":
        return (
            f"共{counts['total']}项目标：达成{counts['met']}项，未达成{counts['missed']}项，未知{counts['unknown']}项"
        )
    return f"{counts['total']} targets: {counts['met']} met, {counts['missed']} missed, {counts['unknown']} unknown"


def _listing(title: str, verdicts: list[Verdict], lang: str) -> Text:
    """The narrow-terminal form: a table squeezed below ~60 columns would drop its ids."""
    text = Text(title + "\n", style="bold")
    for verdict in verdicts:
        target = verdict.target
        text.append(labels.status(verdict.status, lang), style=STATUS_STYLE[verdict.status])
        text.append(f"\n{one_line(target.id)}\n")
        text.append(f"  {one_line(target.name(lang))}\n  {one_line(fmt.goal(target))} {target.period}\n")
        text.append(f"  {one_line(verdict.reason)}\n")
    return text


NARROW = 60


def render(verdicts: tuple[Verdict, ...], lang: str = "en", width: int = 80) -> RenderableType:
    """One table per category (sorted), then the summary line. Bracketed actuals are context."""
    by_category: dict[str, list[Verdict]] = defaultdict(list)
    for verdict in verdicts:
        by_category[verdict.target.category].append(verdict)
    layout = _listing if width < NARROW else _table
    parts: list[RenderableType] = [
        layout(labels.category(name, lang), by_category[name], lang) for name in sorted(by_category)
    ]
    parts.append(Text(summary_line(verdicts, lang), style="bold"))
    return Group(*parts)
