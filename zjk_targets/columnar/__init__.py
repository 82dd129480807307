"""National scale: CSV inputs read and judged with pandas, column by column.

The YAML path (:mod:`zjk_targets.load`, :mod:`zjk_targets.evaluate`) is the reference; this
package gives the same problems, the same verdicts and byte-identical ``export --format csv`` on
CSV inputs of hundreds of thousands of rows. pandas is imported only when one of these functions
runs, never when ``zjk_targets`` or the CLI is imported.

- :func:`is_csv` tells a CSV input by its suffix;
- :func:`to_dataset` reads any mix of CSV and YAML files into the usual :class:`Dataset`, for
  every command;
- :func:`export_csv` is ``export --format csv`` without building a Python object per row.

The CSV layout is described in the README, "CSV input, for national-scale data".
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Dataset

__all__ = ["export_csv", "to_csv", "to_dataset"]


def to_dataset(paths: Iterable[str | Path], max_bytes: int | None = None) -> Dataset:
    """Read and check CSV (and YAML) files into a :class:`Dataset`; raise ``DataError`` on any problem."""
    from .dataset import build_dataset
    from .read import read_tables

    return build_dataset(read_tables(paths, max_bytes))


def export_csv(paths: Iterable[str | Path], max_bytes: int | None = None, lang: str = "en") -> str:
    """``export --format csv``: byte for byte what ``render.csv.render(dataset, evaluate(dataset), lang)`` gives.

    Raises ``DataError`` (every problem, as ``file:line: message``) when the data is not usable.
    The CSV renderer writes the same columns in either language, so ``lang`` changes nothing
    today; tests/test_bulk.py holds both engines to that.
    """
    from .evaluate import evaluate_tables
    from .export import render_csv
    from .read import read_tables

    tables = read_tables(paths, max_bytes)
    return render_csv(tables, evaluate_tables(tables))


def to_csv(dataset: Dataset) -> str:
    """A dataset as one CSV text in the layout this package reads (e.g. to convert the YAML files)."""
    from .write import dataset_csv

    return dataset_csv(dataset)
