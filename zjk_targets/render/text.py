"""Make untrusted text safe to show: no terminal escapes, no hidden direction changes."""

from __future__ import annotations

import re
import unicodedata

_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
_SPACES = re.compile(r"\s+")


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Control and direction characters written out as escapes; newlines and tabs kept."""
    return "".join(
        _escape(char) if (unicodedata.category(char) == "Cc" and char not in "\n\t") or char in _BIDI else char
        for char in text
    )


def one_line(text: str) -> str:
    """As :func:`visible`, with every run of whitespace (newlines too) folded to one space."""
    return visible(_SPACES.sub(" ", text).strip())
