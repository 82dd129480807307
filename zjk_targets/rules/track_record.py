"""The track record: each report's headline targets, measure by measure, year by year.

A row is a headline measure, a column a target year; a cell holds the verdict of the headline
target of that measure for that year, set by that year's report. It is counted as every table
counts (:mod:`zjk_targets.rules.counts`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from ..model import Dataset, Metric, Status
from .counts import Counts, reviewed_years
from .timeline import set_by_report
from .verdicts import Verdict, summarise


@dataclass(frozen=True)
class TrackRecord:
    years: tuple[int, ...]
    metrics: tuple[Metric, ...]
    cells: dict[tuple[str, int], Verdict]
    """(metric id, year) → the verdict of that year's headline target of the measure."""
    counted: tuple[Verdict, ...] = ()
    """Every headline verdict in the years and measures asked for: the counts are of these (a
    cell shows the first of two targets of one measure and year; both are counted)."""
    reviewed: frozenset[int] = frozenset()
    """The years the data's work reports review (for the count of judgeable targets)."""

    def cell(self, metric_id: str, year: int) -> Verdict | None:
        return self.cells.get((metric_id, year))

    def _counts(self, verdicts: Iterable[Verdict]) -> Counts:
        return headline_counts(verdicts, self.reviewed)

    def by_year(self, year: int) -> Counts:
        return self._counts(v for v in self.counted if v.target.year == year)

    def by_metric(self, metric_id: str) -> Counts:
        return self._counts(v for v in self.counted if v.target.metric == metric_id)

    @property
    def overall(self) -> Counts:
        return self._counts(self.counted)


def headline_counts(verdicts: Iterable[Verdict], reviewed: frozenset[int]) -> Counts:
    """The rule book's counts of headline verdicts, ``reviewed`` the years the data's work reports review."""
    counts = Counts()
    for verdict in verdicts:
        assert verdict.target.year is not None
        counts.add(verdict.status, verdict.target.year in reviewed)
    return counts


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
    counted = []
    for verdict in sorted(headline_verdicts(dataset, verdicts), key=lambda v: v.target.id):
        target = verdict.target
        assert target.year is not None
        if (first is not None and target.year < first) or (last is not None and target.year > last):
            continue
        if metrics is not None and target.metric not in metrics:
            continue
        counted.append(verdict)
        # Two headline targets of one measure in one year (rare: a range given twice) show the first id.
        cells.setdefault((target.metric, target.year), verdict)
    years = tuple(sorted({year for _, year in cells}))
    # Rows in the order the reports list their measures (GDP first), as a reader knows them.
    shown = {metric for metric, _ in cells}
    order = dict.fromkeys(target.metric for target in dataset.targets if target.metric in shown)
    return TrackRecord(
        years, tuple(dataset.metrics[m] for m in order), cells, tuple(counted), reviewed_years(dataset.sources)
    )


def focus_year(dataset: Dataset, verdicts: Iterable[Verdict]) -> int | None:
    """The report whose headline targets ``report`` shows first: of the reports with a decided
    target, the one the data holds most targets of (the latest of equals). None where the verdicts
    come from one report only, or none is decided."""
    sizes: dict[int, int] = {}
    decided: set[int] = set()
    for verdict in verdicts:
        year = set_by_report(dataset, verdict.target)
        sizes[year] = sizes.get(year, 0) + 1
        if verdict.status is not Status.UNKNOWN:
            decided.add(year)
    if len(sizes) < 2 or not decided:
        return None
    return max(decided, key=lambda year: (sizes[year], year))


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
