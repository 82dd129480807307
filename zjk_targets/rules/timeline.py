"""The track record's rules of time: which report set a target, and what a reader knew on a date.

- A work report sets the targets of the year it is delivered in; one delivered in November or
  December sets those of the next year (some cities deliver it before the year starts).
- As of a date, only sources published by then exist: targets set later do not exist yet, and a
  figure published later is not evidence yet. A date given to the year or month means its end
  ("as of 2021" is what was known on 2021-12-31).
"""

from __future__ import annotations

import calendar
from dataclasses import replace

from ..model import Dataset, PartialDate, Source, Target

LATE_DELIVERY_MONTH = 11


def report_year(source: Source) -> int:
    """The year whose targets a report published as ``source`` sets."""
    return year_set_on(source.published)


def year_set_on(published: PartialDate) -> int:
    """The year whose targets a report delivered on ``published`` sets."""
    return published.year + 1 if published.month >= LATE_DELIVERY_MONTH else published.year


def set_by_report(dataset: Dataset, target: Target) -> int:
    """The report year of the report that set ``target``."""
    return report_year(dataset.sources[target.source])


def report_years(dataset: Dataset) -> tuple[int, ...]:
    """Every report year that set a target, in order."""
    return tuple(sorted({set_by_report(dataset, target) for target in dataset.targets}))


def end_of(date: PartialDate) -> PartialDate:
    """The last day a partial date can mean: 2021 → 2021-12-31, 2021-02 → 2021-02-28."""
    month = date.month or 12
    day = date.day or calendar.monthrange(date.year, month)[1]
    return PartialDate(date.year, month, day)


def known_on(source: Source, date: PartialDate) -> bool:
    """Whether ``source`` was published by ``date`` (a source dated only to its year or month
    counts from the first day of it)."""
    return source.published <= end_of(date)


def as_of(dataset: Dataset, date: PartialDate) -> Dataset:
    """The data a reader could have had on ``date``."""
    sources = {key: source for key, source in dataset.sources.items() if known_on(source, date)}
    return replace(
        dataset,
        sources=sources,
        targets=tuple(target for target in dataset.targets if target.source in sources),
        observations=tuple(obs for obs in dataset.observations if obs.source in sources),
    )


def of_reports(dataset: Dataset, years: set[int]) -> Dataset:
    """Only the targets set by the reports of ``years``; every observation stays as evidence."""
    return replace(
        dataset, targets=tuple(target for target in dataset.targets if set_by_report(dataset, target) in years)
    )
