"""One value of a field, from its text: checked and converted, or :class:`Invalid` saying why.

A CSV cell is text until its column says otherwise; the YAML loader first undoes what YAML
read into a value (see load.py), then asks the same questions here.
"""

from __future__ import annotations

import math
import re
from typing import Any

from ..model import PartialDate
from . import messages
from .schema import CHOICES, ID_PATTERN, MAX_TEXT_CHARS, YEAR_RANGE, Type

_ID = re.compile(ID_PATTERN)
_INTEGER = re.compile(r"[+-]?[0-9]+")
NUMBER_PATTERN = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
NUMBER = re.compile(NUMBER_PATTERN)
_NOT_FINITE = re.compile(r"[+-]?\.?(?:inf|infinity|nan)", re.IGNORECASE)


class Invalid(Exception):
    """A value cannot be used; the message says why."""


def text(value: str) -> str:
    if not value.strip():
        raise Invalid(messages.EMPTY)
    if len(value) > MAX_TEXT_CHARS:
        raise Invalid(messages.too_long(len(value)))
    return value


def identifier(value: str) -> str:
    text(value)
    if not _ID.fullmatch(value):
        raise Invalid(messages.not_an_id(value))
    return value


def year(value: int) -> int:
    if not YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
        raise Invalid(messages.implausible_year(value))
    return value


def year_text(cell: str) -> int:
    raw = cell.strip()
    if not _INTEGER.fullmatch(raw):
        raise Invalid(messages.not_a_year(raw))
    return year(int(raw))


def number_text(cell: str) -> str:
    """A number's text, stripped: it stays exact, and becomes a Decimal where needed."""
    raw = cell.strip()
    if _NOT_FINITE.fullmatch(raw) or (NUMBER.fullmatch(raw) and not math.isfinite(float(raw))):
        raise Invalid(messages.not_finite(raw))
    if not NUMBER.fullmatch(raw):
        raise Invalid(messages.not_a_number(raw))
    return raw


def flag_text(cell: str) -> bool:
    raw = cell.strip()
    if raw.lower() not in ("true", "false"):
        raise Invalid(messages.not_a_flag(raw))
    return raw.lower() == "true"


def date(raw: str, shown: str | None = None) -> PartialDate:
    parsed = PartialDate.parse(raw)
    if parsed is None:
        raise Invalid(messages.not_a_date(raw if shown is None else shown))
    return parsed


def choice(field: str, value: str) -> Any:
    options = CHOICES[field]
    if value not in options:
        raise Invalid(messages.not_one_of(value, options))
    return options[value]


def from_text(field: str, kind: Type, cell: str) -> Any:
    """A CSV cell of a field of this type; numbers stay text (see :func:`number_text`)."""
    match kind:
        case Type.TEXT:
            return text(cell)
        case Type.ID:
            return identifier(cell)
        case Type.NUMBER:
            return number_text(cell)
        case Type.YEAR:
            return year_text(cell)
        case Type.DATE:
            return date(cell.strip())
        case Type.FLAG:
            return flag_text(cell)
    return choice(field, cell.strip())
