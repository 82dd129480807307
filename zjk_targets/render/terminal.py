"""Shared terminal conventions: the status mark, colour and word, and a line layout that never
splits an id or a number.

Every command that prints verdicts to a terminal (``report``, ``list``, ``check``, ``record``)
uses these, so a status looks the same everywhere: a mark that survives ``NO_COLOR`` and
monochrome terminals, a colour where colour is on, and a word in the reader's language.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata

from rich.cells import cell_len
from rich.text import Text

from .. import labels
from ..model import Status

MARK = {Status.MET: "✓", Status.MISSED: "✗", Status.UNKNOWN: "?"}
STYLE = {Status.MET: "bold green", Status.MISSED: "bold red", Status.UNKNOWN: "bold yellow"}


def mark(status: Status) -> Text:
    """The one-character mark of a status, in its colour."""
    return Text(MARK[status], style=STYLE[status])


def status_text(status: Status, lang: str = "en", with_mark: bool = True) -> Text:
    """ "✓ met", "✗ missed", "? unknown" (or the Chinese word), in the status's colour."""
    word = labels.status(status, lang)
    return Text(f"{MARK[status]} {word}" if with_mark else word, style=STYLE[status])


# Where a line may break. Text is cut only between atoms: a word never breaks inside, a number
# stays with its unit ("31 μg/m³", "240万"), a comparator stays with its figure ("≥ 8 %"), and
# Chinese, which has no spaces, breaks between characters but never inside a run of digits or
# Latin letters ("PM2.5", "2017年" keeps "2017").
_NO_LINE_START = set("，。、；：？！）」』》〉】%‰,.;:!?)]}…·")
_NO_LINE_END = set("（「『《〈【([{")
_GLUE_FORWARD = {"≥", "≤", ">", "<", "≈", "±", "=", "→", "«", "“", *MARK.values()}
_UNIT_WORDS = {"mu", "kW", "t", "km²", "m²", "yuan", "people", "households", "homes", "count", "points"}


_WIDE = re.compile("[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")


@functools.cache
def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _breakable(before: str, after: str) -> bool:
    """May a line break between these two adjacent characters (no space between them)?"""
    if not (_wide(before) or _wide(after)):
        return False
    if after in _NO_LINE_START or before in _NO_LINE_END:
        return False
    # "240万亩", "31微克": the figure keeps its first character of unit
    return not ((before.isdigit() or before in ".%") and _wide(after))


def _atoms(text: str) -> list[tuple[int, int, int]]:
    """Unbreakable spans (start, end, spaces before it, at most 2) of a one-line text."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    # Only next to a wide character can a word break: look at those places alone.
    wide_at = {m.start() for m in _WIDE.finditer(text)}
    places = sorted({i for w in wide_at for i in (w, w + 1)})
    atoms: list[tuple[int, int, int]] = []
    previous_end = None
    for start, end in words:
        spaces = 0 if previous_end is None else min(2, start - previous_end)
        previous_end = end
        begin = start
        for index in places[bisect.bisect_right(places, start) : bisect.bisect_left(places, end)]:
            if _breakable(text[index - 1], text[index]):
                atoms.append((begin, index, spaces if begin == start else 0))
                begin = index
        atoms.append((begin, end, spaces if begin == start else 0))
    glued: list[tuple[int, int, int]] = []
    for atom in atoms:
        start, end, spaced = atom
        if glued:
            p_start, p_end, p_spaced = glued[-1]
            previous, word = text[p_start:p_end], text[start:end]
            after_number = spaced and previous[-1:].isdigit() and (_is_unit(word))
            after_symbol = spaced and (previous in _GLUE_FORWARD or not previous.strip("▇▁"))
            unit_goes_on = not spaced and _wide(word[:1]) and _unit_run(previous) in range(1, 4)
            if after_number or after_symbol or unit_goes_on:
                glued[-1] = (p_start, end, p_spaced)
                continue
        glued.append(atom)
    return glued


def _unit_run(text: str) -> int:
    """How many wide characters end ``text`` right after a figure ("240 万" → 1), else 0."""
    count = 0
    while count < len(text) and _wide(text[-1 - count]):
        count += 1
    before = text[: len(text) - count].rstrip(" ")
    return count if count and before[-1:].isdigit() else 0


def _is_unit(word: str) -> bool:
    first = word[:1]
    if first in _GLUE_FORWARD:
        return False
    if word.rstrip(",;:)") in _UNIT_WORDS:
        return True
    return bool(first) and not first.isalnum() and first not in "([（「—-–" or first in "μ%‰" or _wide(first)


def _keep_whole(atoms: list[tuple[int, int, int]], plain: str, keep: tuple[str, ...]) -> list[tuple[int, int, int]]:
    """Merge the atoms inside each occurrence of a phrase that must stay on one line."""
    for phrase in keep:
        start = plain.find(phrase)
        while phrase and start >= 0:
            end = start + len(phrase)
            inside = [atom for atom in atoms if atom[0] < end and atom[1] > start]
            if len(inside) > 1:
                first, last = inside[0], inside[-1]
                index = atoms.index(first)
                atoms[index : index + len(inside)] = [(first[0], last[1], first[2])]
            start = plain.find(phrase, end)
    return atoms


def wrap(
    text: Text | str, width: int, indent: int = 0, hang: int | None = None, keep: tuple[str, ...] = ()
) -> list[Text]:
    """Lines of at most ``width`` cells, the first indented by ``indent``, the rest by ``hang``.

    Breaks only between atoms (see above), and never inside a phrase of ``keep``. An atom wider
    than the line is never cut: it gets a line of its own and runs past the width, so an id or a
    figure is always whole.
    """
    if isinstance(text, str):
        text = Text(text)
    plain = text.plain
    hang = indent if hang is None else hang
    # Where each line starts and ends in the text; the text is then cut once at those places,
    # keeping the spaces between the atoms of a line as they are.
    spans: list[list[int]] = []
    used = indent
    for start, end, _spaced in _keep_whole(_atoms(plain), plain, keep):
        size = cell_len(plain[start:end])
        if spans and used + (start - spans[-1][1]) + size <= width:
            used += (start - spans[-1][1]) + size
            spans[-1][1] = end
        else:
            used = (hang if spans else indent) + size
            spans.append([start, end])
    if not spans:
        return [Text(" " * indent)]
    cuts = sorted({offset for span in spans for offset in span} - {0, len(plain)})
    starts, offset = {}, 0
    for piece in text.divide(cuts):
        starts[offset] = piece
        offset += len(piece.plain)
    return [Text(" " * (indent if number == 0 else hang)) + starts[start] for number, (start, _) in enumerate(spans)]


def columns(rows: list[list[Text | str]], gap: int = 2) -> list[Text]:
    """Left-aligned columns padded to their widest cell (the last column is not padded)."""
    texts = [[cell if isinstance(cell, Text) else Text(cell) for cell in row] for row in rows]
    count = max((len(row) for row in texts), default=0)
    widths = [max((cell_len(row[i].plain) for row in texts if i < len(row)), default=0) for i in range(count)]
    lines = []
    for row in texts:
        line = Text()
        for index, cell in enumerate(row):
            line.append_text(cell)
            if index < len(row) - 1:
                line.append(" " * (widths[index] - cell_len(cell.plain) + gap))
        lines.append(line)
    return lines


def pack(words: list[str], width: int, indent: int = 0, gap: int = 2, style: str = "") -> list[Text]:
    """Words laid out left to right in lines of at most ``width`` cells (ids of a group)."""
    lines: list[Text] = []
    line, used = Text(" " * indent), indent
    for word in words:
        size = cell_len(word)
        if used > indent and used + gap + size > width:
            lines.append(line)
            line, used = Text(" " * indent), indent
        if used > indent:
            line.append(" " * gap)
            used += gap
        line.append(word, style=style)
        used += size
    if used > indent:
        lines.append(line)
    return lines


def fit(text: str, width: int) -> Text:
    """The text, cut between atoms to at most ``width`` cells with "…" when it is longer."""
    if cell_len(text) <= width:
        return Text(text)
    kept = ""
    for start, end, spaced in _atoms(text):
        piece = (" " * spaced if kept else "") + text[start:end]
        if cell_len(kept + piece) + 1 > width:
            break
        kept += piece
    return Text(kept + "…")
