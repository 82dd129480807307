"""The track record: each report's headline targets, measure by measure, year by year.

A row is a headline measure, a column a target year; a cell holds the verdict of the headline
target of that measure for that year, set by that year's report. The shares count met targets
among the decided ones (met or missed): an unknown verdict is no evidence either way.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from ..model import Dataset, Metric
from .timeline import set_by_report
from .verdicts import Verdict, summarise


@dataclass(frozen=True)
class Share:
    """Met among decided, with the unknown ones counted beside."""

    met: int
    decided: int
    unknown: int

    @classmethod
    def of(cls, verdicts: Iterable[Verdict]) -> Share:
        counts = summarise(verdicts)
        return cls(counts["met"], counts["met"] + counts["missed"], counts["unknown"])


@dataclass(frozen=True)
class TrackRecord:
    years: tuple[int, ...]
    metrics: tuple[Metric, ...]
    cells: dict[tuple[str, int], Verdict]
    """(metric id, year) → the verdict of that year's headline target of the measure."""

    def cell(self, metric_id: str, year: int) -> Verdict | None:
        return self.cells.get((metric_id, year))

    def by_year(self, year: int) -> Share:
        return Share.of(v for (_, y), v in self.cells.items() if y == year)

    def by_metric(self, metric_id: str) -> Share:
        return Share.of(v for (m, _), v in self.cells.items() if m == metric_id)

    @property
    def overall(self) -> Share:
        return Share.of(self.cells.values())


def headline_verdicts(dataset: Dataset, verdicts: Iterable[Verdict]) -> list[Verdict]:
    """The verdicts of annual headline targets set by the report of their own year.

    Where a dataset marks no target as headline (data of the older format), every annual target
    set by its own year's report counts.
    """
    annual = [v for v in verdicts if v.target.year is not None and set_by_report(dataset, v.target) == v.target.year]
    marked = [v for v in annual if v.target.headline]
    return marked if any(target.headline for target in dataset.targets) else annual


def track_record(
    dataset: Dataset,
    verdicts: Iterable[Verdict],
    first: int | None = None,
    last: int | None = None,
    metrics: Collection[str] | None = None,
) -> TrackRecord:
    """The matrix of headline verdicts, within the years and measures asked for."""
    cells: dict[tuple[str, int], Verdict] = {}
    for verdict in sorted(headline_verdicts(dataset, verdicts), key=lambda v: v.target.id):
        target = verdict.target
        assert target.year is not None
        if (first is not None and target.year < first) or (last is not None and target.year > last):
            continue
        if metrics is not None and target.metric not in metrics:
            continue
        # Two headline targets of one measure in one year (rare: a range given twice) keep the first id.
        cells.setdefault((target.metric, target.year), verdict)
    years = tuple(sorted({year for _, year in cells}))
    # Rows in the order the reports list their measures (GDP first), as a reader knows them.
    shown = {metric for metric, _ in cells}
    order = dict.fromkeys(target.metric for target in dataset.targets if target.metric in shown)
    return TrackRecord(years, tuple(dataset.metrics[m] for m in order), cells)


def report_counts(dataset: Dataset, verdicts: Iterable[Verdict]) -> dict[int, dict[str, int]]:
    """Per report year: the counts of every status among the targets it set, headline ones apart."""
    by_report: dict[int, list[Verdict]] = {}
    for verdict in verdicts:
        by_report.setdefault(set_by_report(dataset, verdict.target), []).append(verdict)
    result = {}
    for year in sorted(by_report):
        all_counts = summarise(by_report[year])
        headline = summarise(headline_verdicts(dataset, by_report[year]))
        result[year] = {**all_counts, **{f"headline_{key}": value for key, value in headline.items()}}
    return result
