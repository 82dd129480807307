"""``export --format csv`` from the tables and the column verdicts: render.csv's bytes exactly."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pandas as pd

from ..model import Reading
from ..rules import wording
from ..rules.csv_layout import COLUMNS, DECIDES, FORMULA_STARTS, LINE_END, line, neutralise, quoted
from .evaluate import Verdicts
from .tables import Tables, filled, objects


def _numbers(raws: np.ndarray) -> np.ndarray:
    """wording.number of each number's text ("" stays "")."""
    codes, distinct = pd.factorize(raws)
    return objects(wording.number(Decimal(raw)) if raw else "" for raw in distinct)[codes]


def _written(cells: list[str]) -> list[str]:
    """The cells as render.csv writes them: neutralised (each whose first character may start a
    formula), then quoted (each of a column that holds a character to quote)."""
    joined = "\x00".join(cells)
    # A cell's first character follows NUL in the joined column: a few substring searches, no
    # string made per cell.
    if cells and cells[0][:1] in FORMULA_STARTS or any("\x00" + start in joined for start in FORMULA_STARTS):
        cells = [neutralise(cell) for cell in cells]  # adds only "'": the characters to quote stay
    if any(char in joined for char in ',"\r\n'):
        cells = [quoted(cell) for cell in cells]
    return cells


def render_csv(tables: Tables, verdicts: Verdicts, reading: Reading = Reading.BAND) -> str:
    """One row per target in id order, with the columns and quoting of render.csv.

    The columns follow ``rules.csv_layout.COLUMNS``; should it name one this module does not know, the
    export fails (rather than fall back to an engine ten times slower without a word).
    """
    targets = tables.targets
    ids = targets["id"].to_numpy(dtype=object)
    order = np.argsort(ids, kind="stable")
    # Each distinct (year, deadline) worded once.
    codes, pairs = pd.factorize(targets["year"].to_numpy(dtype=np.int64) * 10_000 + targets["by"].to_numpy())
    period = objects(wording.period(int(pair) // 10_000 or None, int(pair) % 10_000 or None) for pair in pairs)[codes]

    def column(name: str) -> np.ndarray:
        return targets[name].to_numpy(dtype=object)

    cells = {
        "id": ids,
        "category": column("category"),
        "zh": column("zh"),
        "en": column("en"),
        "metric": column("metric"),
        "comparator": column("comparator"),
        "goal": _numbers(column("goal")),
        "tolerance": _numbers(column("tolerance")),
        "about_reading": filled(len(ids), reading.value),
        "unit": column("unit"),
        "period": period,
        "status": objects(status.value for status in verdicts.status),
        "actual": verdicts.actual,
        "actual_year": verdicts.actual_year,
        "actual_decides": np.where(
            verdicts.actual != "", objects([DECIDES[False], DECIDES[True]])[verdicts.decides.astype(np.int8)], ""
        ),
        "reason": verdicts.reason,
        "source": column("source"),
        "excerpt": column("excerpt"),
    }
    unknown = [name for name in COLUMNS if name not in cells]
    if unknown:
        raise NotImplementedError(
            f"the CSV export's column {', '.join(unknown)} is missing from columnar/csv_export.py"
        )
    columns = [_written(cells[name][order].tolist()) for name in COLUMNS]  # lists: faster to zip than arrays
    # The header, the rows and an empty last one for the last line end, joined in one copy.
    rows = [line(COLUMNS).removesuffix(LINE_END), *map(",".join, zip(*columns, strict=True)), ""]
    del columns, cells  # the quoted copies of the cells go before the rows are joined: a lower peak
    return LINE_END.join(rows)
