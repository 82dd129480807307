"""Whether a figure is stated in its excerpt (checks.number_is_stated), over arrays: clears rows only."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import cache

import numpy as np
import pandas as pd

from ..rules.wording import number

_CANONICAL = r"(?>[+-]?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?)"
_CANONICAL_RE = re.compile(_CANONICAL)
_CANONICALS = re.compile(f"{_CANONICAL}(?:\x00{_CANONICAL})*+")


def _shown_numbers(raws: np.ndarray) -> np.ndarray:
    """wording.number(abs(Decimal(raw))) of each, in ASCII bytes: the digits an excerpt must hold
    (worked out once for each distinct number: figures repeat)."""
    codes, distinct = pd.factorize(raws)
    if _CANONICALS.fullmatch("\x00".join(distinct)):
        return np.strings.lstrip(distinct.astype("S"), b"+-")[codes]
    shown = [raw.lstrip("+-") if _CANONICAL_RE.fullmatch(raw) else number(abs(Decimal(raw))) for raw in distinct]
    return np.array(shown, dtype="S")[codes]


class _Excerpts:
    """Excerpts joined into one text, each character as the class of its NFKC form that
    checks.number_is_stated can tell apart: an ASCII digit, a point, a comma and NUL are themselves,
    another decimal digit is the ASCII digit of its value (Decimal reads a token of them so),
    anything else is a space.

    That is the NFKC text as far as numbers go, without normalizing it: NFKC works character by
    character but for canonical composition and reordering, which no digit, point or comma takes
    part in (tests/test_columnar.py checks the whole Unicode database for it), and a run of other
    characters, of whatever length, parts numbers alike.

    A number found standing alone in its excerpt's span (no digit or "digit." before it, no digit or
    ".digit" after it, zeros that change nothing aside) is a number token of the excerpt: stated, as
    checks.number_is_stated says.
    Every other row is left to the rule book.
    """

    def __init__(self, excerpts: np.ndarray) -> None:
        # A few thousand excerpts at a time: the whole text is never copied (twice, to encode it),
        # and the memory of one piece serves the next.
        parts, separator = [], np.zeros(1, dtype=np.uint8)
        for start in range(0, len(excerpts), _PIECE):
            parts += [_classes_of("\x00".join(excerpts[start : start + _PIECE])), separator]
        # "\x01" ends the last excerpt; the zeros let a read past either end find no digit.
        parts[-1:] = [np.frombuffer(b"\x01\x00\x00", dtype=np.uint8)]
        self.classes = np.concatenate(parts)
        self.text = self.classes.view(f"S{len(self.classes)}")
        separators = np.flatnonzero(self.classes[:-3] == 0)
        self.usable = len(separators) == len(excerpts) - 1  # no excerpt holds NUL (possible from YAML)
        self.begin = np.concatenate(([0], separators + 1))
        self.end = np.append(separators, len(self.classes) - 3)

    def stated(self, needles: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Where the number ``needles[i]`` (as _shown_numbers gives it) is certainly stated
        in the excerpt of row ``rows[i]``."""
        result = np.zeros(len(needles), dtype=bool)
        if not self.usable:
            return result
        lengths = np.strings.str_len(needles)
        pointed = np.strings.find(needles, b".") >= 0
        todo, begin = np.arange(len(needles)), self.begin[rows]
        # An occurrence may sit in a longer number ("20" in "2021年"): look further, a few times over
        # (only the rows still unsettled are searched again); the rest go to the rule book.
        for _ in range(_TRIES):
            if not len(todo):
                break
            at = np.strings.find(self.text, needles[todo], begin, self.end[rows[todo]])
            todo, at = todo[at >= 0], at[at >= 0]
            end = self._zeros_after(at + lengths[todo], pointed[todo])
            # A point before the number is a token's only when a digit stands before it ("1.7" vs "…7").
            before1, before2 = self.classes[at - 1], self.classes[at - 2]
            next1, next2 = self.classes[end], self.classes[end + 1]
            alone = ~(_DIGIT[before1] | ((before1 == _POINT) & _DIGIT[before2]))
            alone &= ~(_DIGIT[next1] | ((next1 == _POINT) & _DIGIT[next2]))
            result[todo[alone]] = True
            todo, begin = todo[~alone], at[~alone] + 1
        return result

    def _zeros_after(self, after: np.ndarray, pointed: np.ndarray) -> np.ndarray:
        """Where each number found ends once the zeros that leave its value alone are counted in:
        those after a fraction ("7.50" for 7.5), or a point and zeros after a whole number ("7.0"
        for 7). The number and its zeros are one token of the same value."""
        classes, end = self.classes, after.copy()
        whole = np.flatnonzero(~pointed & (classes[after] == _POINT) & (classes[after + 1] == _ZERO))
        end[whole] += 1
        zeros = np.union1d(np.flatnonzero(pointed), whole)
        while len(zeros := zeros[classes[end[zeros]] == _ZERO]):  # the padding after the last excerpt stops it
            end[zeros] += 1
        return end


_OTHER, _POINT, _COMMA, _ZERO = b" .,0"
_TRIES = 32
"""Occurrences of a figure looked at in its excerpt, at most, before the row is left to the rule book."""
_PIECE = 2048
"""Excerpts classified at a time."""
_BLOCK = 16 * _PIECE
"""Excerpts searched at a time: their classes, a few megabytes, are all there is of the text at once."""
_MORE, _ASTRAL = 0xFE, 0xFF  # in the table of the BMP only: several classes; half of a character beyond it
_DIGIT = np.zeros(256, dtype=bool)
_DIGIT[[*b"0123456789"]] = True


@cache
def _classes(char: str) -> bytes:
    """The classes of a character's NFKC form, a run of other characters as one."""
    found = bytearray()
    for part in unicodedata.normalize("NFKC", char):
        if part in "0123456789.,\x00":
            kind = ord(part)
        else:
            kind = ord("0") + unicodedata.decimal(part) if part.isdecimal() else _OTHER
        if kind != _OTHER or found[-1:] != b" ":
            found.append(kind)
    return bytes(found)


@cache
def _bmp() -> np.ndarray:
    """The class of each UTF-16 code unit (once per process: NFKC changes 3,000 of the 65,536)."""
    table = np.full(1 << 16, _OTHER, dtype=np.uint8)
    for code in range(1 << 16):
        char = chr(code)
        if code < 0x80 or char.isdecimal() or unicodedata.normalize("NFKC", char) != char:
            kinds = _classes(char)
            table[code] = kinds[0] if len(kinds) == 1 else _MORE
    table[0xD800:0xE000] = _ASTRAL
    return table


def _classes_of(text: str) -> np.ndarray:
    """The classes of the characters of ``text`` (see _Excerpts), without thousands separators."""
    classes = _all_classes(text)
    # checks.number_is_stated's (?<=\d),(?=\d{3}); an excerpt's last comma is followed by NUL or the end.
    commas = np.flatnonzero(classes == _COMMA)
    commas = commas[(commas > 0) & (commas < len(classes) - 3)]
    thousands = commas[_DIGIT[classes[commas - 1]] & _DIGIT[classes[commas + 1]]]
    thousands = thousands[_DIGIT[classes[thousands + 2]] & _DIGIT[classes[thousands + 3]]]
    return np.delete(classes, thousands) if len(thousands) else classes


def _all_classes(text: str) -> np.ndarray:
    """The classes of the characters of ``text``, a character's NFKC form in full."""
    codes = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
    classes = np.take(_bmp(), codes)
    if not len(classes) or classes.max() < _MORE:
        return classes
    if (classes == _ASTRAL).any():  # characters beyond the BMP, or lone surrogates: code points
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        astral = np.unique(codes[codes > 0xFFFF])
        table = np.full(max(int(codes.max()) + 1, 1 << 16), _OTHER, dtype=np.uint8)
        table[: 1 << 16] = np.where(_bmp() == _ASTRAL, _OTHER, _bmp())  # a lone surrogate is its own NFKC
        for code in astral.tolist():
            kinds = _classes(chr(code))
            table[code] = kinds[0] if len(kinds) == 1 else _MORE
        classes = np.take(table, codes)
    # A character whose NFKC has several classes ("½", "⑩", "…"): its first, then the rest inserted.
    at = np.flatnonzero(classes == _MORE)
    if not len(at):
        return classes
    distinct, which = np.unique(codes[at], return_inverse=True)
    forms = [_classes(chr(code)) for code in distinct.tolist()]
    classes[at] = np.frombuffer(bytes(form[0] for form in forms), dtype=np.uint8)[which]
    rests = np.frombuffer(b"".join(form[1:] for form in forms), dtype=np.uint8)
    sizes = np.array([len(form) - 1 for form in forms], dtype=np.int64)
    starts = np.cumsum(sizes) - sizes
    counts = sizes[which]
    # Positions into ``rests`` of each occurrence's rest, one after the other.
    offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    return np.insert(classes, np.repeat(at + 1, counts), rests[np.repeat(starts[which], counts) + offsets])


def stated_in(excerpts: np.ndarray, numbers: list[tuple[np.ndarray, np.ndarray]]) -> list[np.ndarray]:
    """For each (numbers' texts, their rows in ascending order): where each number is certainly
    stated in the excerpt of its row (see :class:`_Excerpts`)."""
    found = [(np.zeros(len(raws), dtype=bool), _shown_numbers(raws), rows) for raws, rows in numbers]
    for start in range(0, len(excerpts), _BLOCK):
        spans = [np.searchsorted(rows, [start, start + _BLOCK]).tolist() for _, _, rows in found]
        if all(first == last for first, last in spans):
            continue  # no number to look for in these excerpts
        block = _Excerpts(excerpts[start : start + _BLOCK])
        for (result, needles, rows), (first, last) in zip(found, spans, strict=True):
            result[first:last] = block.stated(needles[first:last], rows[first:last] - start)
    return [result for result, _, _ in found]


def stated(raws: np.ndarray, excerpts: np.ndarray) -> np.ndarray:
    """Where each number is certainly stated in its excerpt (see :class:`_Excerpts`)."""
    return stated_in(excerpts, [(raws, np.arange(len(raws)))])[0]
