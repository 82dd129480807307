"""The layout of ``export --format csv``: its columns, what each cell of a verdict holds, the cells
that could run as a formula, and quoting. Both engines write it: :func:`text` from verdicts (the
per-target engine, through render/csv.py and engine.py), columnar/csv_export.py from columns."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Reading
from . import wording as fmt
from .verdicts import Verdict

COLUMNS = (
    "id",
    "category",
    "zh",
    "en",
    "metric",
    "comparator",
    "goal",
    "tolerance",
    "about_reading",
    "unit",
    "period",
    "status",
    "actual",
    "actual_year",
    "actual_decides",
    "reason",
    "source",
    "excerpt",
)
_NUMBER = re.compile(r"^[-+]?\d+(\.\d+)?$")
_QUOTE = re.compile('[,"\r\n]')
LINE_END = "\r\n"
"""RFC 4180 line ends; with "\n" alone, a field holding a bare "\r" would go unquoted."""
FORMULA_STARTS = frozenset(("=", "+", "-", "@", "\t", "\r"))
DECIDES = {True: "yes", False: "no (context)"}
"""The ``actual_decides`` cell of a headline figure: whether it decided the verdict."""


def neutralise(cell: str) -> str:
    """Keep spreadsheets from running a cell as a formula (=, +, -, @, tab, CR first)."""
    if cell[:1] in FORMULA_STARTS and not _NUMBER.match(cell):
        return "'" + cell
    return cell


def quoted(cell: str) -> str:
    """A field as csv.writer writes it in a row of several (QUOTE_MINIMAL, RFC 4180): in quotes, its
    quotes doubled, when it holds a comma, a quote or a line break; as it is otherwise."""
    return '"' + cell.replace('"', '""') + '"' if _QUOTE.search(cell) else cell


def line(cells: Iterable[str]) -> str:
    """One row of the CSV, its line end included."""
    return ",".join(map(quoted, cells)) + LINE_END


def text(verdicts: Iterable[Verdict], reading: Reading) -> str:
    """The whole export: the header, then one row per verdict."""
    lines = [line(COLUMNS)]
    for verdict in verdicts:
        target = verdict.target
        headline = verdict.headline
        row = (
            target.id,
            target.category,
            target.zh,
            target.en,
            target.metric,
            target.comparator.value,
            fmt.number(target.goal) if target.goal is not None else "",
            fmt.number(target.tolerance) if target.tolerance is not None else "",
            reading.value,
            target.unit or "",
            fmt.period(target.year, target.by),
            verdict.status.value,
            headline.compared if headline else "",
            str(headline.observation.year) if headline else "",
            DECIDES[headline.decisive] if headline else "",
            verdict.reason,
            target.source,
            target.excerpt,
        )
        lines.append(line(neutralise(cell) for cell in row))
    return "".join(lines)
