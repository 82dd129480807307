"""The columnar engine: CSV inputs read and judged with pandas, column by column, for national scale.

It applies the rule book (:mod:`zjk_targets.rules`) as the per-target engine does, and gives the
same problems, the same verdicts and byte-identical ``export --format csv`` on inputs of hundreds
of thousands of rows (tests/test_columnar.py holds it to that). pandas is imported only when one
of these functions runs, never when ``zjk_targets`` or the CLI is imported; which engine reads
which inputs is :mod:`zjk_targets.engine`'s rule. The CSV layout is docs/data-format.md, "CSV input".
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Dataset, Reading
    from .evaluate import Verdicts
    from .tables import Tables

__all__ = ["export_csv", "judge_tables", "to_dataset"]


def to_dataset(paths: Iterable[str | Path], max_bytes: int | None = None) -> Dataset:
    """Read and check CSV (and YAML) files into a :class:`Dataset`; raise ``DataError`` on any problem."""
    from .dataset import build_dataset
    from .read import read_tables

    return build_dataset(read_tables(paths, max_bytes))


def judge_tables(
    paths: Iterable[str | Path], max_bytes: int | None = None, reading: Reading | None = None
) -> tuple[Tables, Verdicts]:
    """The checked tables and each target's verdict as columns (``reading``: how about goals are read,
    the band when None); raises ``DataError`` on any problem."""
    from ..model import Reading
    from .judging import judge_arrays
    from .read import read_tables

    tables = read_tables(paths, max_bytes)
    return tables, judge_arrays(tables, reading or Reading.BAND)


def export_csv(
    paths: Iterable[str | Path], max_bytes: int | None = None, lang: str = "en", reading: Reading | None = None
) -> str:
    """``export --format csv``: byte for byte what ``render.csv.render(dataset, evaluate(dataset, reading=reading),
    lang, reading=reading)`` gives (``reading``: how about goals are read, the band when None).

    Raises ``DataError`` (every problem, as ``file:line: message``) when the data is not usable.
    The CSV renderer writes the same columns in either language, so ``lang`` changes nothing.
    """
    from ..model import Reading
    from .csv_export import render_csv

    read = reading or Reading.BAND
    tables, verdicts = judge_tables(paths, max_bytes, read)
    return render_csv(tables, verdicts, read)
