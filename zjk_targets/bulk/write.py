"""A dataset as CSV in the layout :mod:`zjk_targets.bulk.read` reads (one file, a `kind` per row)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from ..model import Dataset

# Column order: what each kind needs, most used first.
CSV_COLUMNS = (
    "kind",
    "id",
    "metric",
    "zh",
    "en",
    "category",
    "comparator",
    "goal",
    "tolerance",
    "unit",
    "direction",
    "year",
    "by",
    "value",
    "min",
    "max",
    "done",
    "estimated",
    "source",
    "excerpt",
    "derived",
    "proxy",
    "year_basis",
    "headline",
    "title",
    "publisher",
    "published",
    "trust",
    "file",
    "url",
    "note",
)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def dataset_csv(dataset: Dataset) -> str:
    """Sources, metrics, targets and observations, in that order, as one CSV text."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for source in dataset.sources.values():
        writer.writerow(
            {
                "kind": "source",
                "id": source.id,
                "title": source.title,
                "publisher": source.publisher,
                "published": str(source.published),
                "trust": source.trust.value,
                "file": _text(source.file),
                "url": _text(source.url),
                "note": _text(source.note),
            }
        )
    for metric in dataset.metrics.values():
        writer.writerow(
            {
                "kind": "metric",
                "id": metric.id,
                "zh": metric.zh,
                "en": metric.en,
                "unit": metric.unit,
                "direction": metric.direction.value,
            }
        )
    for target in dataset.targets:
        writer.writerow(
            {
                "kind": "target",
                "id": target.id,
                "metric": target.metric,
                "zh": target.zh,
                "en": target.en,
                "category": target.category,
                "comparator": target.comparator.value,
                "goal": _text(target.goal),
                "tolerance": _text(target.tolerance),
                "unit": _text(target.unit),
                "year": _text(target.year),
                "by": _text(target.by),
                "source": target.source,
                "excerpt": target.excerpt,
                "derived": _text(target.derived),
                "note": _text(target.note),
                "headline": "true" if target.headline else "",
            }
        )
    for obs in dataset.observations:
        writer.writerow(
            {
                "kind": "observation",
                "id": obs.id,
                "metric": obs.metric,
                "year": _text(obs.year),
                "value": _text(obs.value),
                "min": _text(obs.minimum),
                "max": _text(obs.maximum),
                "done": _text(obs.done),
                "unit": "" if obs.done is not None else obs.unit,
                "estimated": "true" if obs.estimated else "",
                "source": obs.source,
                "excerpt": obs.excerpt,
                "derived": _text(obs.derived),
                "proxy": _text(obs.proxy),
                "year_basis": _text(obs.year_basis),
                "note": _text(obs.note),
            }
        )
    return buffer.getvalue()
