"""``export --format json``: the whole result, for other programs."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from ..model import Dataset, Observation, PartialDate, Reading, Source
from ..rules import wording
from ..rules.counts import as_json, reviewed_years
from ..rules.projection import Projection
from ..rules.timeline import end_of
from ..rules.track_record import headline_counts, headline_verdicts, report_counts
from ..rules.verdicts import Evidence, Verdict, summarise

SCHEMA_VERSION = 1


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _source(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "published": str(source.published),
        "trust": source.trust.value,
        "file": source.file,
        "url": source.url,
        "note": source.note,
    }


def _observation(obs: Observation) -> dict[str, Any]:
    return {
        "id": obs.id,
        "year": obs.year,
        "value": _number(obs.value),
        "min": _number(obs.minimum),
        "max": _number(obs.maximum),
        "done": obs.done,
        "unit": obs.unit,
        "source": obs.source,
        "excerpt": obs.excerpt,
        "flags": {
            "estimated": obs.estimated,
            "derived": obs.derived,
            "proxy": obs.proxy,
        },
        "year_basis": obs.year_basis,
    }


def _evidence(item: Evidence) -> dict[str, Any]:
    return {
        **_observation(item.observation),
        "decisive": item.decisive,
        "role": item.role.value,
        "why": item.why,
        "outcome": item.outcome.value if item.outcome else None,
    }


def _target(verdict: Verdict) -> dict[str, Any]:
    target = verdict.target
    return {
        "id": target.id,
        "zh": target.zh,
        "en": target.en,
        "category": target.category,
        "metric": target.metric,
        "comparator": target.comparator.value,
        "goal": _number(target.goal),
        "tolerance": _number(target.tolerance),
        "unit": target.unit,
        "period": {"year": target.year, "by": target.by},
        "source": target.source,
        "excerpt": target.excerpt,
        "derived": target.derived,
        "status": verdict.status.value,
        "reason": verdict.reason,
        "caveats": list(verdict.caveats),
        "evidence": [_evidence(item) for item in verdict.evidence],
        "projection": _projection(verdict.projection),
    }


def _projection(projection: Projection | None) -> dict[str, Any] | None:
    if projection is None:
        return None
    return {
        "on_track": projection.on_track,
        "first": {"year": projection.first_year, "value": _number(projection.first)},
        "latest": {"year": projection.latest_year, "value": _number(projection.latest)},
        "deadline": projection.deadline,
        "required_per_year": _number(projection.required),
        "observed_per_year": _number(projection.observed),
        "projected": _number(projection.projected),
        "unit": projection.unit,
        "note": "a projection from the figures of the window, not a verdict",
    }


def _reports(dataset: Dataset, verdicts: tuple[Verdict, ...]) -> list[dict[str, Any]]:
    """Per report year, the counts of the targets it set: enough to plot the share met per year."""
    return [
        {
            "year": year,
            "counts": {key: value for key, value in counts.items() if not key.startswith("headline_")},
            "headline": {
                key.removeprefix("headline_"): value for key, value in counts.items() if key.startswith("headline_")
            },
        }
        for year, counts in report_counts(dataset, verdicts).items()
    ]


def to_data(
    dataset: Dataset, verdicts: tuple[Verdict, ...], as_of: PartialDate | None = None, reading: Reading = Reading.BAND
) -> dict[str, Any]:
    """The export as plain data; :func:`render` writes exactly this."""
    about = dataset.about
    return {
        "schema_version": SCHEMA_VERSION,
        "dataset": {
            "title": wording.title(about, "en"),
            "title_zh": wording.title(about, "zh"),
            "place": about.place if about else None,
            "place_zh": about.place_zh if about else None,
        },
        "as_of": str(end_of(as_of)) if as_of is not None else None,
        "about_reading": {"reading": reading.value, "note": wording.reading(reading)},
        "summary": summarise(verdicts),
        "headline": as_json(headline_counts(headline_verdicts(dataset, verdicts), reviewed_years(dataset.sources))),
        "reports": _reports(dataset, verdicts),
        "sources": [_source(dataset.sources[key]) for key in sorted(dataset.sources)],
        "targets": [_target(verdict) for verdict in verdicts],
    }


def render(
    dataset: Dataset,
    verdicts: tuple[Verdict, ...],
    lang: str = "en",
    as_of: PartialDate | None = None,
    reading: Reading = Reading.BAND,
) -> str:
    return json.dumps(to_data(dataset, verdicts, as_of, reading), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
