"""Read CSV (and YAML) inputs into checked tables, one pandas DataFrame per kind of entry.

The rule book (:mod:`zjk_targets.rules`) decides; array code here only accepts what is certainly
valid. pandas' C parser reads a file; a column is accepted whole when one test over it settles
every cell (a regular expression over the column joined by NUL, a length, a float conversion);
otherwise each cell, or each distinct value of a column that repeats (years, flags, choices), goes
to the rule book's converter. The checks of an entry run once per distinct set of given and valid
fields; the checks between values of an entry, and across entries, run in the rule book for each
row that array code cannot clear. So every message, at its line, is the per-target engine's.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import DataError, Problem
from ..inputs import is_csv
from ..load import one_about, unresolved_problems, yaml_ids
from ..rules import references
from ..rules.schema import FIELDS_OF, KINDS, MAX_CSV_BYTES
from .crosscheck import cross_check, unique
from .csvfile import read_csv
from .tables import Tables, frame
from .yamlfile import read_yaml_file


def _ids(path: Path, max_bytes: int | None) -> references.Defined:
    """The metric and source ids a file defines (its problems are not the data's)."""
    if not is_csv(path):
        return yaml_ids(path, max_bytes)
    parts: dict[str, list[pd.DataFrame]] = {kind: [] for kind in KINDS}
    read_csv(str(path), max_bytes or MAX_CSV_BYTES, [], set(), parts)
    return {kind: {item for part in parts[kind] for item in part["id"]} for kind in ("metric", "source")}


def read_tables(paths: Iterable[str | Path], max_bytes: int | None = None) -> Tables:
    """Read and check the files (CSV by suffix, else YAML); raise DataError listing every problem."""
    problems: list[Problem] = []
    unusable: set[str] = set()
    parts: dict[str, list[pd.DataFrame]] = {kind: [] for kind in KINDS}
    abouts: list[Any] = []
    read: dict[Path, Path] = {}
    for path in paths:
        if Path(path).resolve() in read:
            continue  # one file given as both targets and actuals is read once
        read[Path(path).resolve()] = Path(path)
        if is_csv(path):
            read_csv(str(path), max_bytes or MAX_CSV_BYTES, problems, unusable, parts)
        else:
            read_yaml_file(str(path), max_bytes, problems, unusable, parts, abouts)

    def table(kind: str) -> pd.DataFrame:
        frames = [part for part in parts[kind] if len(part)]
        if not frames:
            return frame(
                {name: np.empty(0, dtype=object) for name in [*(f.name for f in FIELDS_OF[kind]), "path", "line"]}
            )
        return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)

    tables = Tables(*(unique(table(kind), kind, problems) for kind in KINDS), about=one_about(abouts, problems))
    unresolved = cross_check(tables, problems, unusable)
    known = {"metric": tables.metrics["id"], "source": tables.sources["id"]}
    problems += unresolved_problems(unresolved, known, read.values(), lambda other: _ids(other, max_bytes))
    if problems:
        raise DataError(problems)
    return tables


__all__ = ["read_tables"]
