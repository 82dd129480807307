"""YAML files, for a mix of formats: read by the per-target engine, then put into tables."""

from __future__ import annotations

import numpy as np

from ..errors import Problem
from ..load import read_entries
from ..rules.schema import ATTRIBUTES, DATASET_SECTION, FIELDS_OF
from .cells import dtype_of, in_table
from .tables import frame, objects


def read_yaml_file(
    path: str, max_bytes: int | None, problems: list[Problem], unusable: set[str], parts: dict, abouts: list
) -> None:
    found = read_entries(path, max_bytes, problems, unusable)
    abouts.extend(found.pop(DATASET_SECTION, []))
    for kind, items in found.items():
        if not items:
            continue
        columns = {}
        for field in FIELDS_OF[kind]:
            has = field.attr in ATTRIBUTES[kind]
            cells = [in_table(field, getattr(item, field.attr) if has else None) for item in items]
            columns[field.name] = (
                objects(cells) if dtype_of(field) is object else np.array(cells, dtype=dtype_of(field))
            )
        columns["path"] = objects(item.where.path for item in items)
        columns["line"] = np.array([item.where.line for item in items], dtype=np.int64)
        parts[kind].append(frame(columns))
