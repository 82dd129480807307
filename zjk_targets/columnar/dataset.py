"""Checked tables into the model objects, so every command runs on CSV input the usual way."""

from __future__ import annotations

from ..model import Dataset
from .entries import entries
from .tables import Tables


def build_dataset(tables: Tables) -> Dataset:
    """The :class:`Dataset` ``load_dataset`` would give for the same entries, in the same order."""
    return Dataset(
        sources={source.id: source for source in entries("source", tables.sources)},
        metrics={metric.id: metric for metric in entries("metric", tables.metrics)},
        targets=tuple(entries("target", tables.targets)),
        observations=tuple(entries("observation", tables.observations)),
        about=tables.about,
    )
