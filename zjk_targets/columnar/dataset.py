"""Checked tables into the model objects, so every command runs on CSV input the usual way."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..model import Dataset, Where
from ..rules.schema import ATTRIBUTES, FIELDS_OF, build
from .read import Tables, converted


def entries(kind: str, table: pd.DataFrame) -> list[Any]:
    """The model objects of a table's rows, as the per-target engine builds them."""
    fields = [field for field in FIELDS_OF[kind] if field.attr in ATTRIBUTES[kind]]
    names = [field.name for field in fields]
    columns = [converted(field, table[field.name].to_numpy()) for field in fields]
    wheres = [Where(path, int(line)) for path, line in zip(table["path"], table["line"], strict=True)]
    return [
        build(kind, dict(zip(names, row, strict=True)), where) for *row, where in zip(*columns, wheres, strict=True)
    ]


def build_dataset(tables: Tables) -> Dataset:
    """The :class:`Dataset` ``load_dataset`` would give for the same entries, in the same order."""
    return Dataset(
        sources={source.id: source for source in entries("source", tables.sources)},
        metrics={metric.id: metric for metric in entries("metric", tables.metrics)},
        targets=tuple(entries("target", tables.targets)),
        observations=tuple(entries("observation", tables.observations)),
        about=tables.about,
    )
