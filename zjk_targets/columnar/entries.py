"""A table's rows as the model's entries, each cell as the rule book's value: what builds the dataset
of CSV input, and the entries whose checks run in the rule book when array code cannot clear them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from ..model import Where
from ..rules.schema import ATTRIBUTES, CHOICES, FIELDS_OF, Field, Type, build


def converted(field: Field, column: np.ndarray) -> list[Any]:
    """A table's column as the rule book's converted values (None where absent)."""
    match field.type:
        case Type.NUMBER:
            return [Decimal(raw) if raw else None for raw in column]
        case Type.YEAR:
            return [int(year) or None for year in column]
        case Type.FLAG if field.name == "done":
            return [None if code < 0 else bool(code) for code in column]
        case Type.FLAG:
            return [bool(flag) for flag in column]
        case Type.CHOICE:
            return [CHOICES[field.name][value] if value else None for value in column]
        case Type.DATE:
            return list(column)
    return [text or None for text in column]


def entries(kind: str, table: pd.DataFrame) -> list[Any]:
    """The model objects of a table's rows, as the per-target engine builds them."""
    fields = [field for field in FIELDS_OF[kind] if field.attr in ATTRIBUTES[kind]]
    names = [field.name for field in fields]
    columns = [converted(field, table[field.name].to_numpy()) for field in fields]
    wheres = [Where(path, int(line)) for path, line in zip(table["path"], table["line"], strict=True)]
    return [
        build(kind, dict(zip(names, row, strict=True)), where) for *row, where in zip(*columns, wheres, strict=True)
    ]
