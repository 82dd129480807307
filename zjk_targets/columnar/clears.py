"""Which rows array code clears of each check of the rule book, by the check's name.

A mask says only where a check certainly finds nothing; it never finds a problem. A row is fine
when every check of its kind and stage (:data:`zjk_targets.rules.checks.CHECKS`) has a mask here
that clears it; every other row goes to the rule book, which runs all its checks. A check without a
mask sends every row of its kind to the rule book: slower, never wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..rules import checks
from ..rules.paths import stays_inside
from ..rules.schema import DONE_UNIT
from ..rules.units import conversion_factor
from .stated import stated_in


@dataclass
class Values:
    """The rows of one kind in one CSV file: ``given`` and ``columns`` by field (see :mod:`.rows`)."""

    given: dict[str, np.ndarray]
    columns: dict[str, np.ndarray]


@dataclass
class Linked:
    """The targets or the observations, each with what it refers to (see :mod:`.crosscheck`)."""

    columns: dict[str, np.ndarray]
    """The entries' own columns, by field."""
    metric_at: np.ndarray
    """The row of each entry's metric, -1 when unknown."""
    metric_unit: np.ndarray
    """Its metric's unit ("" when unknown)."""
    direction: np.ndarray
    """Its metric's direction ("" when unknown)."""
    set_year: np.ndarray
    """The year its source was published (0 when unknown)."""
    done: np.ndarray
    """Whether the entry is a milestone's: a done target, a done figure."""

    @property
    def measured(self) -> np.ndarray:
        """Where a number is compared with the metric's (checks._measured, checks._fits without done)."""
        return (self.metric_at >= 0) & ~self.done & (self.metric_unit != DONE_UNIT)


def _url_scheme(rows: Values) -> np.ndarray:
    return np.array([not url or url.startswith(("http://", "https://")) for url in rows.columns["url"]], dtype=bool)


def _source_file_inside(rows: Values) -> np.ndarray:
    return np.array([not file or stays_inside(file) for file in rows.columns["file"]], dtype=bool)


def _tolerance_not_negative(rows: Values) -> np.ndarray:
    return ~np.array([tolerance.startswith("-") for tolerance in rows.columns["tolerance"]], dtype=bool)


def _bound_in_order(rows: Values) -> np.ndarray:
    low, high = rows.columns["min"], rows.columns["max"]
    both = np.flatnonzero((low != "") & (high != ""))
    cleared = np.ones(len(low), dtype=bool)
    cleared[both] = low[both].astype(float) < high[both].astype(float)
    return cleared


def _done_figure_unit(rows: Values) -> np.ndarray:
    given = rows.given
    return ~(given["done"] & given["unit"] & (rows.columns["unit"] != DONE_UNIT))


def _deadline_not_before_report(rows: Linked) -> np.ndarray:
    by = rows.columns["by"]
    return (by == 0) | (by >= rows.set_year)  # an unknown source's year is 0


def _done_goal_of_milestone(rows: Linked) -> np.ndarray:
    return (rows.metric_at < 0) | ~rows.done | (rows.metric_unit == DONE_UNIT)


def _milestone_done_goal(rows: Linked) -> np.ndarray:
    return (rows.metric_at < 0) | rows.done | (rows.metric_unit != DONE_UNIT)


def _unit_converts(rows: Linked) -> np.ndarray:
    """A unit converts to itself (by a factor of 1); each distinct pair of two units is asked of the
    rule book once."""
    cleared = np.ones(len(rows.metric_at), dtype=bool)
    at = np.flatnonzero(rows.measured)
    units, to_units = rows.columns["unit"][at], rows.metric_unit[at]
    other = np.flatnonzero(units != to_units)
    pairs = list(zip(units[other].tolist(), to_units[other].tolist(), strict=True))
    converts = {pair: conversion_factor(*pair) is not None for pair in set(pairs)}
    cleared[at[other]] = [converts[pair] for pair in pairs]
    return cleared


def _comparator_fits_direction(rows: Linked) -> np.ndarray:
    wanted = {comparator.value: direction.value for comparator, direction in checks.WANTS.items()}
    wants = np.array([wanted.get(c, "") for c in rows.columns["comparator"]], dtype=object)
    return ~rows.measured | (wants == "") | (wants == rows.direction)


def _figure_of_metric_kind(rows: Linked) -> np.ndarray:
    return (rows.metric_at < 0) | (rows.done == (rows.metric_unit == DONE_UNIT))


def _stated(*names: str) -> Callable[[Linked], np.ndarray]:
    """Rows whose numbers of the fields ``names`` are each certainly stated in their excerpt, or
    need not be (worked out, or not a number compared with the metric's)."""

    def clears(rows: Linked) -> np.ndarray:
        cleared = np.ones(len(rows.metric_at), dtype=bool)
        checked = rows.measured & (rows.columns["derived"] == "")
        numbers = [rows.columns[name] for name in names]
        at = [np.flatnonzero(checked & (raws != "")) for raws in numbers]
        found = stated_in(rows.columns["excerpt"], [(raws[w], w) for raws, w in zip(numbers, at, strict=True)])
        for where, stated in zip(at, found, strict=True):
            cleared[where] &= stated
        return cleared

    return clears


CLEARS: dict[str, Callable[[Values], np.ndarray] | Callable[[Linked], np.ndarray]] = {
    "url-scheme": _url_scheme,
    "source-file-inside": _source_file_inside,
    "tolerance-not-negative": _tolerance_not_negative,
    "bound-in-order": _bound_in_order,
    "done-figure-unit": _done_figure_unit,
    "deadline-not-before-report": _deadline_not_before_report,
    "done-goal-of-milestone": _done_goal_of_milestone,
    "milestone-done-goal": _milestone_done_goal,
    "goal-unit-converts": _unit_converts,
    "comparator-fits-direction": _comparator_fits_direction,
    "goal-stated": _stated("goal"),
    "figure-of-metric-kind": _figure_of_metric_kind,
    "figure-unit-converts": _unit_converts,
    "figures-stated": _stated("value", "min", "max"),
}
"""The mask of each check that array code can clear rows of, by the check's name in the rule book."""


def fine(kind: str, stage: checks.Stage, rows: Values | Linked, count: int) -> np.ndarray:
    """Where every check of ``kind`` at ``stage`` has a mask that clears the row."""
    cleared = np.ones(count, dtype=bool)
    for name in checks.named(kind, stage):
        mask = CLEARS.get(name)
        if mask is None:
            return np.zeros(count, dtype=bool)
        cleared &= mask(rows)  # type: ignore[arg-type]
    return cleared
