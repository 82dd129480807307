"""A dataset as one CSV text in the layout CSV input takes (a `kind` per row): from the model
objects, field by field as the schema lists them, for turning YAML files into CSV."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from .model import Dataset, PartialDate
from .rules.schema import ATTRIBUTES, CSV_COLUMNS, FALSE_BY_DEFAULT, FIELDS_OF


def _cell(name: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else ("" if name in FALSE_BY_DEFAULT else "false")
    if isinstance(value, Decimal | PartialDate | int | str):
        return str(value)
    return str(value.value)  # an enum: trust, direction, comparator


def csv_row(kind: str, cells: dict[str, str]) -> list[str]:
    """One row of the CSV layout: its kind, then each column's cell ("" for a field not given)."""
    return [kind if name == "kind" else cells.get(name, "") for name in CSV_COLUMNS]


def to_csv(dataset: Dataset) -> str:
    """Sources, metrics, targets and observations, in that order, as one CSV text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    entries = {
        "source": dataset.sources.values(),
        "metric": dataset.metrics.values(),
        "target": dataset.targets,
        "observation": dataset.observations,
    }
    for kind, items in entries.items():
        fields = [f for f in FIELDS_OF[kind] if f.attr in ATTRIBUTES[kind]]
        for item in items:
            row = {f.name: _cell(f.name, getattr(item, f.attr)) for f in fields}
            if kind == "observation" and item.done is not None:
                row["unit"] = ""  # a milestone's figure has no unit
            writer.writerow(csv_row(kind, row))
    return buffer.getvalue()
