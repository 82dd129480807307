"""The checked tables of the columnar engine, and the arrays they are made of."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd


@dataclass
class Tables:
    """Checked entries, one DataFrame per kind, in load order: a column per field of the kind, then
    ``path`` and ``line``. Text, ids, numbers (their text) and choices (their value) are "" when
    absent; a year is 0; ``done`` is -1 (absent), 0 or 1; other flags are booleans; ``published``
    holds PartialDates. Targets and observations also carry ``metric_at`` and ``source_at``: the
    row of the metric and of the source they refer to.
    """

    sources: pd.DataFrame
    metrics: pd.DataFrame
    targets: pd.DataFrame
    observations: pd.DataFrame
    about: Any = None  # the `dataset` section of a YAML input (a CSV file cannot name the data)


def objects(items: Iterable[Any]) -> np.ndarray:
    items = list(items)
    array = np.empty(len(items), dtype=object)
    array[:] = items
    return array


def filled(count: int, value: Any) -> np.ndarray:
    """``count`` references to ``value`` (np.full fills an object array item by item, 15× slower)."""
    array = np.empty(count, dtype=object)
    array[:] = value
    return array


def frame(columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """A table whose text columns stay numpy object arrays (pandas 3 would convert each to ``str``)."""
    return pd.DataFrame(
        {name: pd.Series(values, dtype=values.dtype, copy=False) for name, values in columns.items()}, copy=False
    )
