"""A column of cells into a column of its table, with a message where a cell is invalid."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from ..rules.schema import ID_PATTERN, MAX_TEXT_CHARS, Field, Type
from ..rules.values import NUMBER_PATTERN, Invalid, from_text
from .tables import filled

_ID = f"(?>{ID_PATTERN.removesuffix('*')}{{0,{MAX_TEXT_CHARS - 1}}})"  # an id within the length limit
_IDS = re.compile(f"{_ID}(?:\x00{_ID})*+")
_NUMBERS = re.compile(f"(?>{NUMBER_PATTERN})(?:\x00(?>{NUMBER_PATTERN}))*+")
_DECIMALS = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:\x00-?[0-9]+(?:\.[0-9]+)?)*+")  # NUMBER_PATTERN's plain case


# A table's value for an absent (or invalid) cell, by type; "" for the others.
_ABSENT: dict[Type, Any] = {Type.YEAR: 0, Type.FLAG: False, Type.DATE: None}
_DTYPES: dict[Type, Any] = {Type.YEAR: np.int64, Type.FLAG: bool}


def absent_value(field: Field) -> Any:
    return -1 if field.name == "done" else _ABSENT.get(field.type, "")


def dtype_of(field: Field) -> Any:
    return np.int8 if field.name == "done" else _DTYPES.get(field.type, object)


def in_table(field: Field, value: Any) -> Any:
    """A converted value as its table holds it (a choice by its value, done as 0 or 1)."""
    if value is None:
        return absent_value(field)
    if field.type is Type.CHOICE:
        return getattr(value, "value", value)  # an enum's value; a kind is its own
    if field.type is Type.NUMBER:
        return str(value)  # a Decimal from YAML; a CSV number is its text already
    return int(value) if field.name == "done" else value


def _certainly_valid(kind: Type, cells: np.ndarray) -> bool:
    if kind is Type.TEXT:
        return not any(map(str.isspace, cells)) and max(map(len, cells), default=0) <= MAX_TEXT_CHARS
    joined = "\x00".join(cells)
    if kind is Type.ID:
        return _IDS.fullmatch(joined) is not None
    if _DECIMALS.fullmatch(joined):  # the usual numbers, finite without a look at their value
        return True
    return _NUMBERS.fullmatch(joined) is not None and bool(np.isfinite(cells.astype(float)).all())


def table_column(field: Field, cells: np.ndarray, given: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """The table column of a column of cells ("" absent; ``given`` says where not), and each cell's
    problem (None if valid), if any."""
    if field.type in (Type.TEXT, Type.ID, Type.NUMBER):
        given = np.flatnonzero(given)
        if _certainly_valid(field.type, cells[given] if len(given) < len(cells) else cells):
            return cells, None
        codes, distinct = np.arange(len(cells)), cells  # each cell on its own: they rarely repeat
    else:  # years, dates, flags and choices repeat: each distinct one given is converted once
        rows = slice(None) if given.all() else np.flatnonzero(given)  # flags are mostly not given
        codes = np.zeros(len(cells), dtype=np.int64)
        codes[rows], distinct = pd.factorize(cells[rows])
        codes[rows] += 1
        distinct = np.append(filled(1, ""), distinct)
    values = np.empty(len(distinct), dtype=dtype_of(field))
    problems = np.full(len(distinct), None, dtype=object)
    for i, cell in enumerate(distinct.tolist()):
        try:
            values[i] = in_table(field, from_text(field.name, field.type, cell) if cell else None)
        except Invalid as error:
            values[i], problems[i] = absent_value(field), str(error)
    if not any(problem is not None for problem in problems):
        return values[codes], None
    return values[codes], problems[codes]
