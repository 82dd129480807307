"""``export --format csv`` from the tables and the column verdicts: render.csv's bytes exactly."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import numpy as np

from ..render.csv import COLUMNS, neutralise
from ..rules.wording import number as fmt_number
from .evaluate import Verdicts
from .read import Tables

# The first characters of a cell that render.csv's neutralise looks at.
_RISKY = frozenset(("=", "+", "-", "@", "\t", "\r"))


def _numbers(raws: np.ndarray) -> np.ndarray:
    """fmt.number of each number's text ("" stays "")."""
    cache: dict[str, str] = {"": ""}
    out = np.empty(len(raws), dtype=object)
    for i, raw in enumerate(raws):
        shown = cache.get(raw)
        if shown is None:
            shown = cache[raw] = fmt_number(Decimal(raw))
        out[i] = shown
    return out


def _safe(cells: np.ndarray) -> np.ndarray:
    if _RISKY.isdisjoint({cell[:1] for cell in cells}):
        return cells
    return np.array([neutralise(cell) for cell in cells], dtype=object)


def render_csv(tables: Tables, verdicts: Verdicts) -> str:
    """One row per target in id order, with the columns and quoting of render.csv.

    The columns follow ``render.csv.COLUMNS``; should it name one this module does not know, the
    export fails (rather than fall back to an engine ten times slower without a word).
    """
    targets = tables.targets
    ids = targets["id"].to_numpy(dtype=object)
    order = np.argsort(ids, kind="stable")
    year, by = targets["year"].to_numpy(), targets["by"].to_numpy()
    period = np.where(by > 0, np.char.add("by ", by.astype(str)).astype(object), year.astype(str).astype(object))

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
        "unit": column("unit"),
        "period": period,
        "status": verdicts.status,
        "actual": verdicts.actual,
        "actual_year": verdicts.actual_year,
        "actual_decides": np.where(verdicts.decides, "yes", np.where(verdicts.actual != "", "no (context)", "")).astype(
            object
        ),
        "reason": verdicts.reason,
        "source": column("source"),
        "excerpt": column("excerpt"),
    }
    unknown = [name for name in COLUMNS if name not in cells]
    if unknown:
        raise NotImplementedError(f"the CSV export's column {', '.join(unknown)} is missing from columnar/export.py")
    columns = [_safe(cells[name][order]) for name in COLUMNS]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(zip(*columns, strict=True))
    return buffer.getvalue()
