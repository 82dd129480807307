"""The national table: the national dataset judged by the columnar engine, summed up per city, per
year and per measure. Only headline targets count (the items of each report's 主要预期目标).

The counts (set, judgeable, decided, met) and their shares are the rule book's
(:mod:`zjk_targets.rules.counts`), as every other command counts them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Reading, Status
from ..rules import national_words as words
from ..rules.counts import Counts, reviewed_years
from ..rules.schema import is_outside
from ..rules.timeline import year_set_on

if TYPE_CHECKING:
    import numpy as np

    from ..columnar.tables import Tables
from .cities import OLD_LEVEL, SLUG_SEPARATOR, City
from .places import LEVELS


@dataclass
class Tally(Counts):
    """Headline targets of one row: the rule book's counts, and the misses' mean gap."""

    key: str = ""
    label: str = ""
    gaps_by_unit: dict[str, list[Decimal]] = field(default_factory=dict)
    """Missed targets' |figure − goal|, by the goal's unit."""

    @property
    def targets(self) -> int:
        return self.set

    @property
    def unit(self) -> str:
        """The unit the mean miss is in: points of a rate where the row has any, else its one unit."""
        if "%" in self.gaps_by_unit:
            return "%"
        return next(iter(self.gaps_by_unit)) if len(self.gaps_by_unit) == 1 else ""

    @property
    def mean_gap(self) -> Decimal | None:
        gaps = self.gaps_by_unit.get(self.unit)
        if not gaps:
            return None
        return (sum(gaps, Decimal(0)) / len(gaps)).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Judged:
    """One headline target's verdict, with where it comes from."""

    id: str
    city: str  # slug
    measure: str  # the metric id without the city's slug
    year: int
    status: Status
    goal: Decimal | None
    unit: str
    actual: Decimal | None
    reviewed: bool  # the city's next work report is in the data
    name: str = ""  # the measure's Chinese name in the data: its words, for one outside the lexicon


@dataclass
class NationalTable:
    """The three views and the total, each filtered as asked."""

    total: Tally
    levels: list[Tally]
    cities: list[Tally]
    years: list[Tally]
    measures: list[Tally]
    city_info: dict[str, City]
    filters: dict[str, str]
    reading: Reading = Reading.BAND
    """How the about (左右) goals were judged."""
    sort: str = "met-share"
    """What the places and measures are sorted by (a --sort choice)."""
    outside: int = 0  # distinct measures outside the lexicon in the row OUTSIDE


OUTSIDE = "other"  # the one row of the per-measure view for the measures outside the lexicon


def _decimal(text: str) -> Decimal | None:
    """The number of a goal ("5") or of a figure as the engine words it ("-2.5 %"); None for a bound or none."""
    try:
        return Decimal(text.split(" ", 1)[0]) if text else None
    except InvalidOperation:
        return None


def own_year_headlines(tables: Tables) -> np.ndarray:
    """The rows of the headline targets as the track record counts them (rules/track_record.py's
    headline_verdicts, on arrays): each of the year its own report sets."""
    import numpy as np

    set_in = np.array([year_set_on(published) for published in tables.sources["published"]], dtype=np.int64)
    targets = tables.targets
    year = targets["year"].to_numpy(dtype=np.int64)
    keep = targets["headline"].to_numpy(dtype=bool) & (year > 0) & (year == set_in[targets["source_at"].to_numpy()])
    return np.flatnonzero(keep)


def judge_places(
    national: Path | str, cities: Sequence[City], reading: Reading = Reading.BAND, max_bytes: int | None = None
) -> list[Judged]:
    """Every headline target of the national dataset, judged by the columnar engine (about goals by
    ``reading``); ``max_bytes``: the user's limit of an input's size, else the rule book's."""
    from ..engine import judge_columns

    tables, verdicts = judge_columns([national], reading, max_bytes)
    targets = tables.targets
    names = dict(zip(tables.metrics["id"], tables.metrics["zh"], strict=True))
    years_of = {city.slug: set(city.years) for city in cities}
    rows = own_year_headlines(tables)
    judged = []
    columns = zip(
        targets["id"].to_numpy()[rows], targets["metric"].to_numpy()[rows], targets["year"].to_numpy()[rows],
        targets["goal"].to_numpy()[rows], targets["unit"].to_numpy()[rows], verdicts.status[rows],
        verdicts.actual[rows], verdicts.decides[rows],
        strict=True,
    )  # fmt: skip
    for id_, metric, year, goal, unit, status, actual, decides in columns:
        slug, measure = metric.split(SLUG_SEPARATOR, 1)
        when = int(year)
        judged.append(
            Judged(
                id=id_,
                city=slug,
                measure=measure,
                year=when,
                status=status,
                goal=_decimal(goal),
                unit=unit,
                actual=_decimal(actual) if decides else None,
                reviewed=when + 1 in years_of.get(slug, ()),
                name=names.get(metric, ""),
            )
        )
    return judged


def curated(slug: str, reading: Reading = Reading.BAND) -> list[Judged]:
    """The headline targets of the bundled curated data (Zhangjiakou), judged by the per-target
    engine, in place of the city's draft: the curated data wins where both exist."""
    from ..bundled import bundled_paths
    from ..load import load_dataset
    from ..rules.track_record import headline_verdicts
    from ..rules.units import conversion_factor
    from ..rules.verdicts import evaluate

    dataset = load_dataset(bundled_paths())
    reviewed = reviewed_years(dataset.sources)
    judged = []
    # The headline targets as the track record counts them (each set by its own year's report).
    for verdict in headline_verdicts(dataset, evaluate(dataset, reading=reading)):
        target = verdict.target
        actual = None
        if verdict.decisive and verdict.decisive[0].observation.value is not None:
            figure = verdict.decisive[0].observation
            factor = conversion_factor(figure.unit or "", target.unit or "")
            actual = figure.value * factor if factor is not None and figure.value is not None else None
        year = target.deadline_year
        judged.append(
            Judged(
                id=f"{slug}{SLUG_SEPARATOR}{target.id}",
                city=slug,
                measure=target.metric,
                year=year,
                status=verdict.status,
                goal=target.goal,
                unit=target.unit or "",
                actual=actual,
                reviewed=year in reviewed,
                name=dataset.metrics[target.metric].zh,
            )
        )
    return judged


def _add(tally: Tally, target: Judged) -> None:
    tally.add(target.status, target.reviewed)
    if target.status is Status.MISSED and target.goal is not None and target.actual is not None:
        tally.gaps_by_unit.setdefault(target.unit, []).append(abs(target.actual - target.goal))


def _sorted(rows: Iterable[Tally], sort: str, name: Callable[[Tally], object]) -> list[Tally]:
    """By a column the table shows, highest first, ties by ``name`` (a place's pinyin, a measure's
    id); a share is ranked only where the rule book's minimum of its denominator is reached: the
    other rows follow, by that count."""

    def key(row: Tally) -> tuple:
        if sort == "name":
            return (name(row),)
        if sort in words.RANKED_SHARES:
            share = row.met_share if sort == "met-share" else row.decided_share
            of = row.decided if sort == "met-share" else row.judgeable
            ranked = of >= words.RANK_MIN
            return (not ranked, -(share or 0) if ranked else -of, name(row))
        value = {"targets": row.targets, "judgeable": row.judgeable, "decided": row.decided, "met": row.met}[sort]
        return (-value, name(row))

    return sorted(rows, key=key)


def _level_order(level: str) -> tuple[int, str]:
    return (LEVELS.index(level) if level in LEVELS else len(LEVELS), level)


def measure_names() -> dict[str, str]:
    """The lexicon's Chinese name of each measure id, growth and level alike."""
    from ..extract.lexicon import MEASURES

    names = {OUTSIDE: words.outside_label(0)}
    for measure in MEASURES:
        names[measure.id] = measure.zh
        if measure.level and measure.level_zh:
            names[measure.level] = measure.level_zh
    return names


FILTERS = ("year", "measure", "level", "province", "place")
"""What the table can be narrowed to; a filter that keeps nothing is named in this order: the
narrowest first, as a user adds it last."""


def _facets(target: Judged, info: dict[str, City]) -> tuple[int, str, str, str, str]:
    """A target's value of each of :data:`FILTERS`."""
    city = info.get(target.city)
    level, province = (city.level, city.province) if city is not None else (OLD_LEVEL, "")
    return (target.year, target.measure, level, province, target.city)


def _matches(filter_name: str, value: object, wanted: Collection[object]) -> bool:
    """Whether a target's value passes a filter; a measure outside the lexicon passes ``other``."""
    if value in wanted:
        return True
    return filter_name == "measure" and is_outside(str(value)) and OUTSIDE in wanted


def unmatched(
    judged: Iterable[Judged], cities: Sequence[City], wanted: dict[str, Sequence[object]]
) -> tuple[str, list[object], list[object]] | None:
    """The first filter with values that match no target the other filters keep: its name, those
    values, and the values the kept targets have (outside measures as ``other``); None when every
    value matches some target."""
    info = {city.slug: city for city in cities}
    rows = [_facets(target, info) for target in judged]
    for at, filter_name in enumerate(FILTERS):
        asked = wanted.get(filter_name) or ()
        if not asked:
            continue
        others = [(i, wanted[name]) for i, name in enumerate(FILTERS) if i != at and wanted.get(name)]
        kept = [row for row in rows if all(_matches(FILTERS[i], row[i], values) for i, values in others)]
        have = {row[at] for row in kept}
        missing = [value for value in asked if not any(_matches(filter_name, seen, (value,)) for seen in have)]
        if missing:
            shown = {OUTSIDE if filter_name == "measure" and is_outside(str(v)) else v for v in have}
            return filter_name, missing, sorted(shown, key=lambda v: (v == OUTSIDE, _level_order(str(v)), v))
    return None


def tabulate(
    judged: Iterable[Judged],
    cities: Sequence[City],
    *,
    sort: str = "met-share",
    provinces: Sequence[str] = (),
    years: Sequence[int] = (),
    measures: Sequence[str] = (),
    levels: Sequence[str] = (),
    places: Sequence[str] = (),
    reading: Reading = Reading.BAND,
) -> NationalTable:
    """Sum the judged targets up, keeping those of the provinces (a province's own and its cities'),
    years, measures, levels and places (slugs) asked for."""
    info = {city.slug: city for city in cities}
    names = measure_names()
    outside: set[str] = set()
    total = Tally(key="all", label="all")
    by_level: dict[str, Tally] = {}
    by_city: dict[str, Tally] = {}
    by_year: dict[int, Tally] = {}
    by_measure: dict[str, Tally] = {}
    asked = [(at, values) for at, values in enumerate((years, measures, levels, provinces, places)) if values]
    for target in judged:
        if asked:
            facets = _facets(target, info)
            if not all(_matches(FILTERS[at], facets[at], values) for at, values in asked):
                continue
        city = info.get(target.city)
        level = city.level if city is not None else OLD_LEVEL
        # Outside the lexicon: one row for all, unless one of them is asked for by its id.
        grouped = is_outside(target.measure) and target.measure not in measures
        measure = OUTSIDE if grouped else target.measure
        if grouped:
            outside.add(target.measure)
        _add(total, target)
        _add(by_level.setdefault(level, Tally(key=level, label=words.LEVEL_PLACES.get(level, level))), target)
        name = city.name if city else target.city
        _add(by_city.setdefault(target.city, Tally(key=target.city, label=name)), target)
        _add(by_year.setdefault(target.year, Tally(key=str(target.year), label=str(target.year))), target)
        label = names.get(measure) or target.name or measure
        _add(by_measure.setdefault(measure, Tally(key=measure, label=label)), target)
    if OUTSIDE in by_measure:
        by_measure[OUTSIDE].label = words.outside_label(len(outside))
    filters = {
        name: ", ".join(str(v) for v in values)
        for name, values in (
            ("place", places),
            ("level", levels),
            ("province", provinces),
            ("year", years),
            ("measure", measures),
        )
        if values
    }
    return NationalTable(
        total=total,
        levels=[by_level[level] for level in sorted(by_level, key=_level_order)],
        cities=_sorted(by_city.values(), sort, lambda row: (info[row.key].pinyin if row.key in info else "", row.key)),
        years=[by_year[year] for year in sorted(by_year)],
        measures=_sorted(by_measure.values(), sort, lambda row: (row.key == OUTSIDE, row.key)),
        city_info=info,
        filters=filters,
        reading=reading,
        sort=sort,
        outside=len(outside),
    )
