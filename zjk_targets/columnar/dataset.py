"""Checked tables into the model objects, so every command runs on CSV input the usual way."""

from __future__ import annotations

from decimal import Decimal

from ..model import (
    Comparator,
    Dataset,
    Direction,
    Metric,
    Observation,
    PartialDate,
    Source,
    Target,
    Trust,
    Where,
)
from .read import Tables


def _decimal(raw: str) -> Decimal | None:
    return Decimal(raw) if raw else None


def build_dataset(tables: Tables) -> Dataset:
    """The :class:`Dataset` ``load_dataset`` would give for the same entries, in the same order."""
    sources = {
        row.id: Source(
            id=row.id,
            title=row.title,
            publisher=row.publisher,
            published=PartialDate(int(row.year), int(row.month), int(row.day)),
            trust=Trust(row.trust),
            file=row.file or None,
            url=row.url or None,
            note=row.note or None,
            where=Where(row.path, int(row.line)),
        )
        for row in tables.sources.itertuples(index=False)
    }
    metrics = {
        row.id: Metric(
            id=row.id,
            zh=row.zh,
            en=row.en,
            unit=row.unit,
            direction=Direction(row.direction),
            where=Where(row.path, int(row.line)),
        )
        for row in tables.metrics.itertuples(index=False)
    }
    targets = tuple(
        Target(
            id=row.id,
            metric=row.metric,
            zh=row.zh,
            en=row.en,
            category=row.category,
            comparator=Comparator(row.comparator),
            goal=_decimal(row.goal),
            unit=row.unit or None,
            year=int(row.year) or None,
            by=int(row.by) or None,
            source=row.source,
            excerpt=row.excerpt,
            tolerance=_decimal(row.tolerance),
            derived=row.derived or None,
            note=row.note or None,
            headline=bool(row.headline),
            where=Where(row.path, int(row.line)),
        )
        for row in tables.targets.itertuples(index=False)
    )
    observations = tuple(
        Observation(
            id=row.id,
            metric=row.metric,
            year=int(row.year),
            unit=row.unit,
            source=row.source,
            excerpt=row.excerpt,
            value=_decimal(row.value),
            minimum=_decimal(row.min),
            maximum=_decimal(row.max),
            done=None if row.done < 0 else bool(row.done),
            estimated=bool(row.estimated),
            derived=row.derived or None,
            proxy=row.proxy or None,
            year_basis=row.year_basis or None,
            note=row.note or None,
            where=Where(row.path, int(row.line)),
        )
        for row in tables.observations.itertuples(index=False)
    )
    return Dataset(sources=sources, metrics=metrics, targets=targets, observations=observations, about=tables.about)
