"""Across entries: unique ids, references, and the rule book's checks of each entry."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..errors import Problem
from ..model import Comparator
from ..rules import checks, messages, references
from ..rules.schema import NAMES_OF
from . import clears
from .entries import entries
from .tables import Tables


def unique(table: pd.DataFrame, kind: str, problems: list[Problem]) -> pd.DataFrame:
    ids = table["id"].to_numpy(dtype=object)
    # Ids in ascending order, as files are usually written, are unique: neighbours compared, in
    # a twentieth of the time of hashing every id.
    if len(ids) < 2 or bool((ids[1:] > ids[:-1]).all()):
        return table
    repeated = table["id"].duplicated(keep="first").to_numpy()
    if not repeated.any():
        return table
    first = table.loc[~repeated].set_index("id")
    for item_id, path, line in table.loc[repeated, ["id", "path", "line"]].itertuples(index=False):
        message = messages.duplicate_id(kind, item_id, first.at[item_id, "path"], first.at[item_id, "line"])
        problems.append(Problem(path, int(line), message))
    return table.loc[~repeated].reset_index(drop=True)


class _Report:
    """Problems at the rows of one table."""

    def __init__(self, table: pd.DataFrame, problems: list[Problem]) -> None:
        self.paths, self.lines, self.problems = table["path"].to_numpy(), table["line"].to_numpy(), problems

    def __call__(self, i: int, message: str) -> None:
        self.problems.append(Problem(self.paths[i], int(self.lines[i]), message))


def _references(
    names: np.ndarray, known: pd.Index, kind: str, unusable: set[str], table: pd.DataFrame, found: list
) -> np.ndarray:
    """Positions of ``names`` in ``known`` (-1 where unknown); the unknown names not already
    reported as broken entries go to ``found``, to be reported by their cause."""
    positions = known.get_indexer(names)
    unknown = positions < 0
    if unknown.any():
        unknown &= ~np.isin(names, list(unusable))
        paths, lines = table["path"].to_numpy(), table["line"].to_numpy()
        found += [
            references.Unresolved(paths[i], int(lines[i]), kind, names[i]) for i in np.flatnonzero(unknown).tolist()
        ]
    return positions


def cross_check(tables: Tables, problems: list[Problem], unusable: set[str]) -> list[references.Unresolved]:
    """References, then the rule book's checks of each target and observation that array code
    cannot clear; returns the references not defined, to be reported by their cause."""
    metrics, sources = tables.metrics, tables.sources
    metric_ids, source_ids = pd.Index(metrics["id"]), pd.Index(sources["id"])
    # Each with one more item, for the position -1 of an unknown reference.
    metric_units = np.append(metrics["unit"].to_numpy(dtype=object), "")
    directions = np.append(metrics["direction"].to_numpy(dtype=object), "")
    set_years = np.array([date.year for date in sources["published"]] + [0], dtype=np.int64)
    unresolved: list[references.Unresolved] = []
    for kind, table in (("target", tables.targets), ("observation", tables.observations)):
        if not len(table):
            table["metric_at"] = table["source_at"] = np.zeros(0, dtype=np.int64)
            continue
        report = _Report(table, problems)
        m = _references(table["metric"].to_numpy(dtype=object), metric_ids, "metric", unusable, table, unresolved)
        s = _references(table["source"].to_numpy(dtype=object), source_ids, "source", unusable, table, unresolved)
        table["metric_at"], table["source_at"] = m, s
        if kind == "target":
            done = (table["comparator"] == Comparator.DONE.value).to_numpy()
        else:
            done = table["done"].to_numpy() >= 0
        columns = {name: table[name].to_numpy() for name in NAMES_OF[kind]}
        linked = clears.Linked(columns, m, metric_units[m], directions[m], set_years[s], done)
        fine = clears.fine(kind, checks.Stage.ENTRY, linked, len(table))
        suspects = np.flatnonzero(~fine)
        if not len(suspects):
            continue

        def known(kind: str, table: pd.DataFrame, at: np.ndarray) -> dict[str, Any]:
            return {item.id: item for item in entries(kind, table.iloc[np.unique(at[at >= 0])])}

        metric_of, source_of = known("metric", metrics, m[suspects]), known("source", sources, s[suspects])
        for i, item in zip(suspects.tolist(), entries(kind, table.iloc[suspects]), strict=True):
            if kind == "target":
                found = checks.check_target(item, metric_of.get(item.metric), source_of.get(item.source))
            else:
                found = checks.check_observation(item, metric_of.get(item.metric))
            for message in found:
                report(i, message)
    return unresolved
