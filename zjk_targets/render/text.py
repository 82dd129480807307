"""Make untrusted text safe to show: no terminal escapes, no hidden direction changes."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from ..model import Comparator
from ..rules.units import conversion_factor
from ..rules.verdicts import Verdict

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


# What could start markup in a line of markdown: a code span, emphasis, a table cell's end, the
# "](" of a link; and "<" where a tag or an autolink could follow (before a space or a digit, as in
# "4.1 % < 6.5 %", it stays as written).
_MARKDOWN = re.compile(r"[\\`*_|]|\](?=\()|<(?=[A-Za-z/!?])")
_UNSAFE_IN_LINK = re.compile(r"[\s<>`\\\x00-\x1f\x7f]")


def cell(text: str) -> str:
    """Untrusted text as one line of markdown that shows as written (a table cell, a heading, a
    list item): newlines folded, markup characters backslash-escaped, no raw HTML."""
    return _MARKDOWN.sub(lambda match: "\\" + match.group(), one_line(text))


def link(url: str) -> str:
    """A web address as a markdown autolink; what could end or break it percent-encoded. Anything
    but an http(s) address is shown as text."""
    if not re.match(r"https?://", url):
        return cell(url)
    return "<" + _UNSAFE_IN_LINK.sub(lambda match: "".join(f"%{b:02X}" for b in match.group().encode()), url) + ">"


def outcome(verdict: Verdict) -> str:
    """The figure beside the goal: "2017: 55.92 %", or "[2016: 71 %]" when it is only context."""
    headline = verdict.headline
    if headline is None:
        return "—"
    text = f"{headline.observation.year}: {headline.compared}"
    return text if headline.decisive else f"[{text}]"


def share_of_goal(verdict: Verdict) -> Decimal | None:
    """How far an amount to be reached got towards its goal (1 = reached), from the deciding figure.

    Only where that means something: a single deciding value (not a bound, a context figure of
    another year, or a milestone) against a positive goal to be reached or exceeded, and a value
    that is not below zero: a fall is no part of a rise (a bar of "-105%" reads as nonsense), and
    the reason beside it already says the signed figure ("-6.8 % < 6.5 %").
    """
    target, decisive = verdict.target, verdict.decisive
    if not decisive or decisive[0].observation.value is None:
        return None
    if target.comparator not in (Comparator.GE, Comparator.GT) or target.goal is None or target.goal <= 0:
        return None
    obs = decisive[0].observation
    factor = conversion_factor(obs.unit, target.unit or "")
    if obs.value is None or factor is None or obs.value < 0:
        return None
    return obs.value * factor / target.goal


def progress_bar(share: Decimal, width: int = 8) -> str:
    """ "▇▇▇▇▇▇▁▁ 76%": the bar stops at the goal; the percentage does not."""
    filled = max(0, min(width, int(share * width)))
    return "▇" * filled + "▁" * (width - filled) + f" {int(share * 100)}%"
