"""A collection of city work reports → the national dataset, as the bytes of its files.

Each city's reports go through `extract` together (:func:`zjk_targets.extract.draft`), so the
report of year N+1 gives the outcomes that judge the targets of year N. The result is written
three ways, all from the same drafts and all deterministic (the same collection gives the same
bytes):

- ``national.csv.gz``: every city's entries in the CSV input layout, each id prefixed with the
  city's slug (``handan.gdp-growth-2021``), for the columnar engine;
- ``cities/SLUG.yaml.gz``: each city's draft as `extract` writes it (targets and outcomes in one
  file), for the per-target engine behind ``--city``;
- ``cities.csv``: one row per city: slug, name, pinyin, its province and GB/T 2260 code (from the
  place table, :mod:`zjk_targets.national.places`), years.

Pure: the caller reads the reports and writes the files.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..extract import Draft, draft
from ..extract.datafiles import with_entries
from ..rules.schema import CSV_COLUMNS
from ..write import csv_row
from .cities import CITIES_DIR, CITIES_NAME, CITY_COLUMNS, NATIONAL_NAME, SLUG_SEPARATOR, City, pinyin, short_name
from .places import Place, by_code

_REFERS = ("id", "metric", "source")


@dataclass
class CityReports:
    """One city's folder: its name and its reports as (path shown, bytes)."""

    folder: str
    files: list[tuple[str, bytes]]


@dataclass
class Build:
    """The national dataset's files (name → bytes), what was skipped, and counts."""

    files: dict[str, bytes] = field(default_factory=dict)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    partial: list[tuple[str, str]] = field(default_factory=list)  # (file, what of it was read)
    cities: list[City] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)  # cities not in the place table: no province
    reports: int = 0
    headline_targets: int = 0


def _gzip(text: str) -> bytes:
    buffer = io.BytesIO()
    # mtime 0 and no file name in the header: the same text always gives the same bytes.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
        handle.write(text.encode("utf-8"))
    return buffer.getvalue()


def _slugs(names: list[tuple[str, str, str]]) -> list[str]:
    """Each city's slug: its pinyin, with the province's pinyin where two cities share a pinyin."""
    counts = Counter(pinyin for _, pinyin, _ in names)
    return [
        pinyin if counts[pinyin] == 1 or not province_pinyin else f"{pinyin}-{province_pinyin}"
        for _, pinyin, province_pinyin in names
    ]


def _prefixed(entry: dict[str, str], slug: str) -> dict[str, str]:
    out = dict(entry)
    for key in _REFERS:
        if key in out:
            out[key] = f"{slug}{SLUG_SEPARATOR}{out[key]}"
    return out


def build(
    cities: Iterable[CityReports],
    url_base: str | None = None,
    places: Sequence[Place] = (),
    extra: Mapping[str, dict[str, list[dict[str, str]]]] | None = None,
) -> Build:
    """Draft every city and lay the drafts out as the national dataset's files; ``url_base`` is
    where the reports are published (each source cites ``url_base`` + its file); ``places`` gives
    each city's code and so its province (a city not among them has neither, and is named);
    ``extra``: entries of other publishers per place (its folder's name → entries per kind), added
    to its draft, e.g. the statistics bureau's communiqués for the nation
    (:func:`zjk_targets.national.communiques.communique_entries`)."""
    result = Build()
    codes = by_code(places)
    cities_by_name = {place.name: place for place in places if place.level in ("city", "major-city")}
    drafted: list[tuple[CityReports, Draft, str, str]] = []
    for city in cities:
        result.reports += len(city.files)
        outcome = draft(city.files, url_base=url_base)
        result.skipped.extend(outcome.problems)
        result.partial.extend(outcome.partial)
        if outcome.targets_yaml is None:
            continue
        if extra and city.folder in extra:
            outcome = with_entries(outcome, extra[city.folder])
        place = cities_by_name.get(city.folder)
        if place is None:
            result.unplaced.append(city.folder)
        province = codes[place.parent].short if place is not None and place.parent in codes else ""
        drafted.append((city, outcome, province, place.adcode if place is not None else ""))
    names = [(c.folder, pinyin(short_name(c.folder)), pinyin(p)) for c, _, p, _ in drafted]
    slugs = _slugs(names)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    by_kind: dict[str, list[dict[str, str]]] = {kind: [] for kind in ("source", "metric", "target", "observation")}
    for (city, outcome, province, adcode), slug, (_, spoken, _) in zip(drafted, slugs, names, strict=True):
        for kind, entries in outcome.entries.items():
            by_kind[kind].extend(_prefixed(entry, slug) for entry in entries)
        headline = sum(1 for entry in outcome.entries["target"] if entry.get("headline") == "true")
        result.headline_targets += headline
        record = City(
            slug=slug,
            name=city.folder,
            pinyin=spoken,
            province=province,
            adcode=adcode,
            years=outcome.years,
            reports=len(city.files),
            headline_targets=headline,
        )
        result.cities.append(record)
        result.files[f"{CITIES_DIR}/{slug}.yaml.gz"] = _gzip(outcome.one_file_yaml)
    for kind, entries in by_kind.items():
        writer.writerows(csv_row(kind, entry) for entry in entries)
    result.files[NATIONAL_NAME] = _gzip(buffer.getvalue())
    table = io.StringIO()
    rows = csv.writer(table, lineterminator="\n")
    rows.writerow(CITY_COLUMNS)
    for record in result.cities:
        rows.writerow(record.row())
    result.files[CITIES_NAME] = table.getvalue().encode("utf-8")
    return result
