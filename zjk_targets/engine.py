"""Which engine reads and judges the inputs: the one rule every command follows.

YAML inputs go to the per-target engine (:mod:`zjk_targets.load`, then the verdict rules one
target at a time): quick to start, for the curated files. As soon as one input is CSV, every input
goes to the columnar engine (:mod:`zjk_targets.columnar`, pandas), made for tens of thousands of
targets; it gives the same dataset, problems and verdicts, and writes ``export --format csv``
without building an object per entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .inputs import is_csv
from .model import Dataset, Reading

if TYPE_CHECKING:
    from .columnar.evaluate import Verdicts
    from .columnar.tables import Tables


def is_columnar(paths: Sequence[str | Path]) -> bool:
    return any(is_csv(path) for path in paths)


def load(paths: Sequence[str | Path], max_bytes: int | None = None) -> Dataset:
    """The checked dataset; raises ``DataError`` with every problem."""
    if is_columnar(paths):
        from . import columnar

        return columnar.to_dataset(paths, max_bytes)
    from .load import load_dataset

    return load_dataset(paths, max_bytes)


def judge_columns(
    paths: Sequence[str | Path], reading: Reading = Reading.BAND, max_bytes: int | None = None
) -> tuple[Tables, Verdicts]:
    """The checked tables and each target's verdict, as columns, about goals read by ``reading``:
    the columnar engine whatever the inputs, for those who sum up a whole national dataset."""
    from . import columnar

    return columnar.judge_tables(paths, max_bytes, reading)


def export_csv(
    paths: Sequence[str | Path], max_bytes: int | None = None, lang: str = "en", reading: Reading = Reading.BAND
) -> str:
    """``export --format csv`` of the inputs, by the engine that reads them, about goals read by ``reading``."""
    if is_columnar(paths):
        from . import columnar

        return columnar.export_csv(paths, max_bytes, lang, reading)
    from .rules import csv_layout
    from .rules.verdicts import evaluate

    return csv_layout.text(evaluate(load(paths, max_bytes), reading=reading), reading)
