"""``list``: one line per target, status, id and a short name, for finding an id."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from ..model import Reading
from ..rules.verdicts import Verdict
from . import lang as words_of
from .terminal import fit, status_text, wrap
from .text import one_line

ID_COLUMN_MAX = 32  # a longer id pushes its own name to the right rather than every name


def render(verdicts: tuple[Verdict, ...], lang: str = "en", width: int = 80, reading: Reading = Reading.BAND) -> Text:
    """Status, id and name in columns; the name is cut (between words, with "…") to the width; last,
    how the about goals were read.

    Ids are never cut: an id longer than the id column runs into the name's place.
    """
    if not verdicts:
        return Text("")
    statuses = [status_text(verdict.status, lang) for verdict in verdicts]
    status_width = max(cell_len(status.plain) for status in statuses) + 2
    id_width = min(max(cell_len(one_line(v.target.id)) for v in verdicts), ID_COLUMN_MAX) + 2
    lines = []
    for status, verdict in zip(statuses, verdicts, strict=True):
        target_id = one_line(verdict.target.id)
        line = status + Text(" " * (status_width - cell_len(status.plain))) + Text(target_id)
        used = status_width + max(id_width, cell_len(target_id) + 2)
        line.append(" " * (used - cell_len(line.plain)))
        line.append_text(fit(one_line(verdict.target.name(lang)), max(width - used, 12)))
        lines.append(line)
    lines += wrap(Text(words_of.reading(reading, lang), style="dim"), width)
    return Text("\n").join(lines) + Text("\n")
