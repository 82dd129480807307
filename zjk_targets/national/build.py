"""A collection of work reports → the national dataset, as the bytes of its files.

The collection is lawtext/gov's: the nation (政府工作报告-国务院, a flat folder of YEAR.md), the
provinces, the major cities and the prefecture cities (a folder per place). Each place's reports go
through `extract` together (:func:`zjk_targets.extract.draft`), so the report of year N+1 gives the
outcomes that judge the targets of year N. The result is written three ways, all from the same
drafts and all deterministic (the same collection gives the same bytes):

- ``national.csv.gz``: every place's entries in the CSV input layout, each id prefixed with the
  place's slug (``handan.gdp-growth-2021``, ``china.gdp-growth-2017``), for the columnar engine;
- ``cities/SLUG.yaml.gz``: each place's draft as `extract` writes it (targets and outcomes in one
  file), for the per-target engine behind ``--city``;
- ``cities.csv``: one row per place: slug, name, pinyin, its province and GB/T 2260 code, years,
  its level and its parent's slug (from the place table, :mod:`zjk_targets.national.places`).

Other sources of a place beside its reports (the statistics bureau's communiqués for the nation)
come in through :data:`READERS`: a reader adds what it reads to the place's draft.

Pure: the caller reads the reports and writes the files.
"""

from __future__ import annotations

import csv
import gzip
import io
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..extract import Draft, draft
from ..rules import messages
from ..rules import national_words as words
from ..rules.schema import CSV_COLUMNS
from ..rules.whole_dataset import is_slug, shown_name
from ..write import csv_row
from .cities import (
    CITIES_DIR,
    CITIES_NAME,
    CITY_COLUMNS,
    NATIONAL_NAME,
    OLD_LEVEL,
    SLUG_SEPARATOR,
    City,
    pinyin,
    short_name,
)
from .communiques import read_into
from .places import LEVELS, NATION_FOLDER, Place, by_code

_REFERS = ("id", "metric", "source")


# A place's other sources, read beside its reports: the collection's folder → the folder of the place
# whose outcomes it holds. Read only where a reader is registered for it in READERS.
OTHER_SOURCES = {"国家统计局年度统计": NATION_FOLDER}

Reader = Callable[[Draft, list[tuple[str, bytes]], "str | None"], Draft]
"""(the place's draft, the source's files as (path shown, bytes), url_base) → the draft with what the
files say added (its ``entries`` and ``one_file_yaml`` alike); a file it cannot read goes into the
draft's ``problems``."""

# The reader of each folder of OTHER_SOURCES.
READERS: dict[str, Reader] = {"国家统计局年度统计": read_into}

# Slugs not their place's pinyin: the nation, and 陕西 in its official romanization (山西 is shanxi).
SLUGS = {"全国": "china", "陕西省": "shaanxi"}


@dataclass
class CityReports:
    """One place's folder: its name, its reports as (path shown, bytes), and what was not read."""

    folder: str  # its folder's name: 邯郸市; the nation's: 政府工作报告-国务院
    files: list[tuple[str, bytes]]
    path: str = ""  # its folder in the collection (政府工作报告-其他地市/邯郸市): how the place table knows it
    level: str = ""  # the level of the collection's folder it is in, for a place not in the place table
    unread: list[tuple[str, str]] = field(default_factory=list)  # (path shown, why) of files not read
    others: dict[str, list[tuple[str, bytes]]] = field(default_factory=dict)  # OTHER_SOURCES' folder → files


@dataclass
class LevelCount:
    """What the build did at one level."""

    places: int = 0
    reports: int = 0
    skipped: int = 0
    headline_targets: int = 0


@dataclass
class Build:
    """The national dataset's files (name → bytes), what was skipped, and counts."""

    files: dict[str, bytes] = field(default_factory=dict)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    partial: list[tuple[str, str]] = field(default_factory=list)  # (file, what of it was read)
    cities: list[City] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)  # places not in the place table: no province
    reports: int = 0
    headline_targets: int = 0
    levels: dict[str, LevelCount] = field(default_factory=dict)  # in the order of places.LEVELS

    @property
    def skipped_reports(self) -> int:
        """The reports not read (one line of :attr:`skipped` may name a folder of several)."""
        return sum(count.skipped for count in self.levels.values())


def name_problem(name: str) -> str | None:
    """Why a file or folder name of a collection cannot be read into a dataset, if it cannot: a name
    is cited in the data and printed, so it must be UTF-8 (a name that is not was decoded with
    surrogates) and free of control characters (an escape would reach a terminal)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return messages.NAME_NOT_UTF8
    if any(unicodedata.category(char) == "Cc" for char in name):
        return messages.NAME_CONTROL
    return None


def _gzip(text: str) -> bytes:
    buffer = io.BytesIO()
    # mtime 0 and no file name in the header: the same text always gives the same bytes.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
        handle.write(text.encode("utf-8"))
    return buffer.getvalue()


def place_slugs(places: Sequence[Place]) -> dict[str, str]:
    """Each place's slug (adcode → slug), from the place table alone, so that a place's slug does not
    depend on which places a build holds. The prefecture cities first, as they were bundled first:
    each its pinyin, with its province's pinyin where two share one (taizhou-jiangsu,
    taizhou-zhejiang). Then the major cities, provinces and the nation: :data:`SLUGS`, else the
    pinyin, unless a place before took it: then a city's with its province's pinyin (苏州 beside
    宿州: suzhou-jiangsu), a province's the pinyin of its whole name (吉林省 beside 吉林市: jilinsheng)."""
    codes = by_code(places)

    def province_pinyin(place: Place) -> str:
        parent = codes.get(place.parent)
        return parent.pinyin if parent is not None and parent.level == "province" else ""

    slugs: dict[str, str] = {}
    cities = [place for place in places if place.level == OLD_LEVEL]
    shared = Counter(place.pinyin for place in cities)
    for place in cities:
        province = province_pinyin(place)
        alone = shared[place.pinyin] == 1 or not province
        slugs[place.adcode] = place.pinyin if alone else f"{place.pinyin}-{province}"
    for level in LEVELS[-2::-1]:
        for place in (place for place in places if place.level == level):
            taken = set(slugs.values())
            slug = SLUGS.get(place.name, place.pinyin)
            if slug in taken:
                slug = pinyin(place.name) if level != "major-city" else f"{place.pinyin}-{province_pinyin(place)}"
            slugs[place.adcode] = _free(slug, taken)
    return slugs


def _free(slug: str, taken: set[str]) -> str:
    """``slug``, or, where it is taken, ``slug-2``, ``slug-3`` …"""
    number, chosen = 1, slug
    while chosen in taken:
        number += 1
        chosen = f"{slug}-{number}"
    return chosen


def _prefixed(entry: dict[str, str], slug: str) -> dict[str, str]:
    out = dict(entry)
    for key in _REFERS:
        if key in out:
            out[key] = f"{slug}{SLUG_SEPARATOR}{out[key]}"
    return out


def _placer(places: Sequence[Place]) -> Callable[[CityReports], tuple[Place | None, int]]:
    """A folder's place and how closely the folder names it (0 closest): by its folder in the
    collection, else by its name where one place has it (邯郸市), else by its short name (邯郸)."""
    by_folder = {place.folder: place for place in places}
    names = Counter(place.name for place in places)
    by_name = {place.name: place for place in places if names[place.name] == 1}
    shorts = Counter(place.short for place in places)
    by_short = {place.short: place for place in places if shorts[place.short] == 1}

    def place_of(reports: CityReports) -> tuple[Place | None, int]:
        for closeness, (table, key) in enumerate(
            ((by_folder, reports.path), (by_name, reports.folder), (by_short, reports.folder))
        ):
            if key in table:
                return table[key], closeness
        return None, len(by_folder)

    return place_of


_Drafted = tuple[CityReports, Draft, "Place | None", int]  # a folder, its draft, its place and how closely it names it


def _one_folder_a_place(
    drafted: list[_Drafted], slugs: Mapping[str, str]
) -> tuple[list[_Drafted], list[tuple[_Drafted, str]]]:
    """The folders to lay out, one a place (the one that names it most closely, else the first), and
    each other folder of a place with why it is left out: two folders of one place would give it one
    slug twice, one overwriting the other's file, and count its targets twice."""
    best: dict[str, _Drafted] = {}
    for item in drafted:
        place, closeness = item[2], item[3]
        if place is not None and (place.adcode not in best or closeness < best[place.adcode][3]):
            best[place.adcode] = item
    kept, left = [], []
    for item in drafted:
        place = item[2]
        if place is None or best[place.adcode] is item:
            kept.append(item)
        else:
            first = best[place.adcode][0]
            left.append((item, messages.same_place(first.path or first.folder, slugs[place.adcode])))
    return kept, left


def build(
    cities: Iterable[CityReports],
    url_base: str | None = None,
    places: Sequence[Place] = (),
    readers: Mapping[str, Reader] | None = None,
) -> Build:
    """Draft every place and lay the drafts out as the national dataset's files; ``url_base`` is
    where the reports are published (each source cites ``url_base`` + its file); ``places`` gives
    each place's code, level and parent (a folder not among them has neither, and is named);
    ``readers`` read a place's other sources (default :data:`READERS`)."""
    result = Build(levels={level: LevelCount() for level in LEVELS})
    readers = READERS if readers is None else readers
    codes = by_code(places)
    slugs = place_slugs(places)
    place_of = _placer(places)
    drafted: list[_Drafted] = []
    for city in cities:
        place, closeness = place_of(city)
        level = place.level if place is not None else city.level or OLD_LEVEL
        counted = result.levels.setdefault(level, LevelCount())
        result.reports += len(city.files) + len(city.unread)
        counted.reports += len(city.files) + len(city.unread)
        refused = name_problem(city.folder) or (
            messages.NO_SLUG if place is None and not is_slug(pinyin(short_name(city.folder))) else None
        )
        if refused is not None:  # one line for the folder; each of its reports is counted skipped
            result.skipped.append((shown_name(city.path or city.folder), refused))
            counted.skipped += len(city.files) + len(city.unread)
            continue
        # The place's name where a report's text does not say it (the folder does).
        outcome = draft(city.files, url_base=url_base, city=place.name if place is not None else None)
        for kind, files in sorted(city.others.items()):
            if kind in readers:
                outcome = readers[kind](outcome, files, url_base)
            else:
                outcome.problems.extend((name, words.no_reader(kind)) for name, _ in files)
        result.skipped.extend(city.unread + outcome.problems)
        counted.skipped += len(city.unread) + sum(1 for name, _ in outcome.problems if name in dict(city.files))
        result.partial.extend(outcome.partial)
        if outcome.targets_yaml is None:
            continue
        drafted.append((city, outcome, place, closeness))
    drafted, left = _one_folder_a_place(drafted, slugs)
    for (city, outcome, place, _), why in left:
        result.skipped.append((city.path or city.folder, why))
        unread = {name for name, _ in outcome.problems}  # counted already
        result.levels[place.level].skipped += sum(1 for name, _ in city.files if name not in unread)
    result.unplaced = [city.path or city.folder for city, _, place, _ in drafted if place is None]
    taken = set(slugs.values())
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    by_kind: dict[str, list[dict[str, str]]] = {kind: [] for kind in ("source", "metric", "target", "observation")}
    for city, outcome, place, _ in drafted:
        if place is not None:
            slug, name, spoken, level = slugs[place.adcode], place.name, place.pinyin, place.level
            parent = codes.get(place.parent)
            province = place if level == "province" else parent if parent and parent.level == "province" else None
            province_name, parent_slug = (province.short if province else ""), slugs.get(place.parent, "")
        else:
            name, spoken, level = city.folder, pinyin(short_name(city.folder)), city.level or OLD_LEVEL
            slug, province_name, parent_slug = _free(spoken, taken), "", ""
            taken.add(slug)
        for kind, entries in outcome.entries.items():
            by_kind[kind].extend(_prefixed(entry, slug) for entry in entries)
        headline = sum(1 for entry in outcome.entries["target"] if entry.get("headline") == "true")
        result.headline_targets += headline
        result.levels[level].places += 1
        result.levels[level].headline_targets += headline
        record = City(
            slug=slug,
            name=name,
            pinyin=spoken,
            province=province_name,
            adcode=place.adcode if place is not None else "",
            years=outcome.years,
            reports=len(city.files),
            headline_targets=headline,
            level=level,
            parent=parent_slug,
        )
        result.cities.append(record)
        result.files[f"{CITIES_DIR}/{slug}.yaml.gz"] = _gzip(outcome.one_file_yaml or "")
    for kind, entries in by_kind.items():
        writer.writerows(csv_row(kind, entry) for entry in entries)
    result.files[NATIONAL_NAME] = _gzip(buffer.getvalue())
    table = io.StringIO()
    rows = csv.writer(table, lineterminator="\n")
    rows.writerow(CITY_COLUMNS)
    for record in result.cities:
        rows.writerow(record.row())
    result.files[CITIES_NAME] = table.getvalue().encode("utf-8")
    result.levels = {level: count for level, count in result.levels.items() if count.reports}
    return result
