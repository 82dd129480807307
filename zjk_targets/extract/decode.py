"""Bytes of a report → its text, and a copy for parsing that keeps every character's position.

Reports come as UTF-8 (the collection), GB18030/GBK (as Chinese sites often serve them) or in
traditional characters (some web copies). The excerpts written to the data are cut from the
original text, so that they are found word for word in the file; the parsing copy is the same
text with traditional characters made simplified and full-width forms made ASCII, one character
for one character, so a position in one is the same position in the other.
"""

from __future__ import annotations

import functools
import itertools
import re

BOM = b"\xef\xbb\xbf"

# Full-width ASCII (！ to ～) → ASCII, the ideographic space → a space: one character each.
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

# Characters common in work reports that exist only in traditional writing; a text with several
# of them is traditional. (Their simplified forms are all different characters.)
_TRADITIONAL = frozenset("經濟發區產總長億設業變實現對據後們這動將與當體進開關華運環價網農聯層會點為報")


class DecodeError(Exception):
    """The bytes are not a text this reader understands; the message says why."""


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding ("utf-8" or "gb18030"); raises DecodeError."""
    if not data.strip():
        raise DecodeError("empty file")
    if b"\x00" in data:
        raise DecodeError("holds a NUL byte: not a text file")
    try:
        return _lines(data.removeprefix(BOM).decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as error:
        raise DecodeError(f"neither UTF-8 nor GB18030 (byte 0x{data[error.start]:02x} at {error.start})") from None
    # GB18030 maps almost any byte sequence to something; a real Chinese text is mostly Han.
    han = sum(1 for char in text if "\u4e00" <= char <= "\u9fff")
    if han < len(text.strip()) * 0.2:
        raise DecodeError("not UTF-8, and as GB18030 it is not Chinese text: undecodable")
    return _lines(text), "gb18030"


def _lines(text: str) -> str:
    """Lines ended by \\n alone, as the reader of reports splits them: a report saved with CR-only
    (old Mac) or CRLF (Windows) line ends is read line by line like any other."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


_TRADITIONAL_CHAR = re.compile("[" + "".join(sorted(_TRADITIONAL)) + "]")


def is_traditional(text: str) -> bool:
    """Whether the text is written in traditional characters (a few telltale ones suffice: five
    in its first 20,000 characters)."""
    found = _TRADITIONAL_CHAR.finditer(text, 0, 20000)
    return next(itertools.islice(found, 4, None), None) is not None


@functools.cache
def _t2s():  # noqa: ANN202 - opencc is imported only for the rare traditional text
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional → simplified with OpenCC, one character for one, line by line."""
    converter = _t2s()
    lines = text.split("\n")
    out = []
    for line in lines:
        converted = converter.convert(line)
        if len(converted) != len(line):  # a phrase rule changed the length: convert char by char
            converted = "".join(c if len(c := converter.convert(ch)) == 1 else ch for ch in line)
        out.append(converted)
    return "\n".join(out)


def parsing_copy(text: str) -> tuple[str, bool]:
    """The text to parse (same length as ``text``) and whether it was traditional."""
    traditional = is_traditional(text)
    if traditional:
        text = simplified(text)
    return _narrowed(text), traditional


_WIDE_CHAR = re.compile("[\uff01-\uff5e\u3000]")


def _narrowed(text: str) -> str:
    """``text.translate(_WIDTH)``, six times as fast on a report: a work report holds a dozen
    distinct full-width characters, each replaced in one pass (what they become is ASCII, never
    replaced again)."""
    for char in set(_WIDE_CHAR.findall(text)):
        text = text.replace(char, chr(_WIDTH[ord(char)]))
    return text
