"""`zjk-targets build-national` and `zjk-targets national`: every city's record, built and summed up."""

from __future__ import annotations

import enum
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..model import Reading
from ..render.text import visible
from ..rules import messages
from ..safe_write import make_folder, write_within
from .exits import UserError, err
from .options import CITY_HELP, AboutOption, Command, NationalDirOption, NoPagerOption
from .output import console, page, tell_wrote, write, write_atomically
from .reading import find_place, max_bytes, national_cities, national_folder

if TYPE_CHECKING:
    from ..national.cities import City
    from ..national.table import NationalTable

REPORT_SUFFIXES = (".md", ".txt")


class NationalFormat(enum.StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"
    HTML = "html"


class Level(enum.StrEnum):
    NATION = "nation"
    PROVINCE = "province"
    MAJOR_CITY = "major-city"
    CITY = "city"


class Sort(enum.StrEnum):
    MET_SHARE = "met-share"
    DECIDED_SHARE = "decided-share"
    TARGETS = "targets"
    JUDGEABLE = "judgeable"
    DECIDED = "decided"
    MET = "met"
    NAME = "name"


def _city_folders(collection: Path) -> list[Path]:
    if not collection.is_dir():
        raise UserError(messages.not_a_folder(str(collection), "", collection.exists()))
    folders = sorted(path for path in collection.iterdir() if path.is_dir() and not path.name.startswith("."))
    if not folders:
        raise UserError(f"{collection}: no city folders (a folder per city, each holding its reports YEAR.md)")
    return folders


def _reports(folder: Path) -> list[Path]:
    """Every report of ``folder`` by its name: a FIFO or device too, to be named and skipped, not read."""
    return sorted(path for path in folder.iterdir() if path.suffix.lower() in REPORT_SUFFIXES and not path.is_dir())


def _regular(path: Path) -> bool:
    """Whether ``path`` is a regular file (a FIFO would hang the read until someone writes to it);
    one that cannot be looked at is left to the reader, which says why."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True


def _place_folders(collection: Path) -> tuple[list[tuple[Path, str, str]], bool]:
    """Each place's folder, its path in the collection, and the level of the collection's folder it
    is in; and whether ``collection`` is the whole collection (its folders 政府工作报告-国务院, …).
    Of the whole collection (its folders 政府工作报告-国务院, -省自治区, -主要城市, -其他地市),
    of one folder of place folders, or of one place's flat folder of reports."""
    from ..national.places import NATION_FOLDER, PART_LEVELS

    if not collection.is_dir():
        raise UserError(messages.not_a_folder(str(collection), "", collection.exists()))
    parts = {NATION_FOLDER: "nation", **PART_LEVELS}
    if any((collection / part).is_dir() for part in parts):
        found = []
        for part, level in parts.items():
            if part == NATION_FOLDER:
                found += [(collection / part, part, level)] if (collection / part).is_dir() else []
            elif (collection / part).is_dir():
                found += [(folder, f"{part}/{folder.name}", level) for folder in _city_folders(collection / part)]
        return found, True
    if _reports(collection) and not any(path.is_dir() for path in collection.iterdir()):
        return [(collection, collection.name, "")], False
    return [(folder, f"{collection.name}/{folder.name}", "") for folder in _city_folders(collection)], False


def build_national(
    collection: Annotated[
        Path,
        typer.Argument(
            metavar="COLLECTION_DIR",
            help="A checkout of lawtext/gov (its folders 政府工作报告-国务院, -省自治区, -主要城市, -其他地市), or "
            "one folder of place folders, each holding its work reports (YEAR.md).",
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the national dataset (created).")],
    source_url: Annotated[
        str | None,
        typer.Option(
            "--source-url",
            metavar="PREFIX",
            help="Where the collection is published: each report is cited at PREFIX + its path in the collection "
            "(of one folder: PREFIX + the folder's name/place/file).",
        ),
    ] = None,
) -> None:
    """Draft every place of a collection of work reports into the national dataset."""
    from ..extract import MAX_REPORT_BYTES
    from ..inputs import read_input
    from ..national.build import OTHER_SOURCES, READERS, CityReports, build, name_problem
    from ..national.manifest import manifest
    from ..national.places import bundled_places
    from ..rules import national_words as words
    from ..rules.whole_dataset import MANIFEST_NAME, shown_name
    from .dataset_folder import build_inputs, locked, refuse_foreign, sigterm_interrupts, write_whole

    folders, whole = _place_folders(collection)
    limit = max_bytes() or MAX_REPORT_BYTES

    def read(paths: list[Path], under: str) -> tuple[list[tuple[str, bytes]], list[tuple[str, str]]]:
        files, unread = [], []
        for path in paths:
            shown = f"{under}/{path.name}"
            problem = name_problem(path.name) or (None if _regular(path) else messages.NOT_A_REGULAR_INPUT)
            data, problems = (None, []) if problem else read_input(str(path), limit)
            if data is None:
                unread.append((shown_name(shown), problem or problems[0].message))
            else:
                files.append((shown, data))
        return files, unread

    others: dict[str, dict[str, list[tuple[str, bytes]]]] = {}
    for source, owner in OTHER_SOURCES.items():
        if source in READERS and (collection / source).is_dir():
            others.setdefault(owner, {})[source] = read(_reports(collection / source), source)[0]

    def cities() -> Iterator[CityReports]:
        for folder, path, level in folders:
            files, unread = read(_reports(folder), path)
            yield CityReports(folder.name, files, path, level, unread, others.get(path, {}) if whole else {})

    with locked(output), sigterm_interrupts():
        refuse_foreign(output)  # before minutes of work, and once more before the swap
        result = build(cities(), source_url, bundled_places())
        for name, reason in sorted(result.partial):
            err(f"zjk-targets: {visible(name)}: {reason}")
        for name, reason in sorted(result.skipped):
            err(f"zjk-targets: {visible(name)}: skipped: {reason}")
        if not result.cities:
            raise UserError(messages.nothing_read(str(collection), result.reports))
        counts = {
            "places": len(result.cities),
            "reports": result.reports,
            "read": result.reports - result.skipped_reports,
            "headline_targets": result.headline_targets,
        }
        files = dict(sorted(result.files.items()))
        files[MANIFEST_NAME] = manifest(result.files, build_inputs(collection, source_url), counts)
        write_whole(output, files)
    for name in result.unplaced:
        err(f"zjk-targets: {words.unplaced(visible(name))}")
    total = words.built(len(result.cities), result.reports, result.skipped_reports, result.headline_targets)
    lines = [visible(f"{total}; wrote {output}")]
    lines += [
        words.built_level(level, count.places, count.reports, count.skipped, count.headline_targets)
        for level, count in result.levels.items()
    ]
    write("\n".join(lines) + "\n", None)
    err(f"zjk-targets: {result.skipped_reports} of {result.reports:,} reports skipped")


def build_places(
    collection: Annotated[
        Path,
        typer.Argument(
            metavar="COLLECTION_DIR",
            help="A checkout of lawtext/gov (its folders 政府工作报告-省自治区, -主要城市, -其他地市).",
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="The place table to write (places.csv).")],
    adcodes: Annotated[
        Path | None,
        typer.Option(
            "--adcodes",
            metavar="FILE",
            help="GB/T 2260 codes as cpca's adcodes.csv [default: that of the installed cpca].",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write the place table: every place of the collection with its GB/T 2260 code, level and parent."""
    from ..national.places import CPCA, PART_LEVELS, build_places, cpca_adcodes
    from ..rules import national_words as words

    if adcodes is None:
        try:
            adcodes, version = cpca_adcodes()
        except FileNotFoundError as error:
            raise UserError(f"--adcodes: {error}") from None
        source = CPCA.format(version=version)
    else:
        source = f"GB/T 2260, {adcodes.name}"
    if not adcodes.is_file():
        raise UserError(f"--adcodes {adcodes}: file not found")
    folders = {part: [path.name for path in _city_folders(collection / part)] for part in PART_LEVELS}
    text, problems = build_places(adcodes.read_text(encoding="utf-8"), folders, source)
    if problems:
        raise UserError(words.place_problems(problems))
    write_atomically(output, text.encode("utf-8"))
    write(visible(f"{text.count(chr(10)) - 1:,} places; wrote {output}") + "\n", None)


def _national_paths(folder: Path | None) -> tuple[Path, Path]:
    from ..national.cities import CITIES_NAME, NATIONAL_NAME

    root = national_folder(folder)
    national, cities = root / NATIONAL_NAME, root / CITIES_NAME
    for path in (national, cities):
        if not path.is_file():
            raise UserError(f"{path}: not found; build the national data with zjk-targets build-national")
    return national, cities


def _provinces(typed: list[str], cities: list[City]) -> list[str]:
    """The short name of each province typed (河北, 河北省 or hebei), through the place table; a
    name of no province, or of one without a city in the data, is an error."""
    from ..national.places import bundled_places, find_province
    from ..rules import national_words as words

    places = bundled_places()
    held = sorted({city.province for city in cities if city.province})
    names = []
    for name in typed:
        found, offered, several = find_province(places, name)
        if found is None:
            raise UserError(
                words.ambiguous_province(name, offered) if several else words.unknown_province(name, offered, held)
            )
        if found.short not in held:
            raise UserError(words.empty_province(name, held))
        names.append(found.short)
    return list(dict.fromkeys(names))


def national(
    sort: Annotated[
        Sort,
        typer.Option(
            "--sort",
            case_sensitive=False,
            help="Order of the places and measures, by a column: met% or dec% (each ranked where enough targets "
            "make it up), set, judgeable, decided, met, or name (places by pinyin, measures by id).",
        ),
    ] = Sort.MET_SHARE,
    province: Annotated[
        list[str] | None, typer.Option("--province", metavar="NAME", help="Only this province (repeatable): 河北.")
    ] = None,
    year: Annotated[
        list[int] | None, typer.Option("--year", metavar="YEAR", help="Only targets of this year (repeatable).")
    ] = None,
    measure: Annotated[
        list[str] | None, typer.Option("--measure", metavar="ID", help="Only this measure (repeatable): gdp-growth.")
    ] = None,
    level: Annotated[
        list[Level] | None,
        typer.Option(
            "--level",
            case_sensitive=False,
            help="Only the places of this level (repeatable): nation, province (with the municipalities), "
            "major-city or city (a prefecture city).",
        ),
    ] = None,
    city: Annotated[
        list[str] | None,
        typer.Option("--city", "--place", metavar="NAME", help=CITY_HELP + ": only this place (repeatable)."),
    ] = None,
    output_format: Annotated[
        NationalFormat, typer.Option("--format", "-f", case_sensitive=False, help="text, markdown, json, csv or html.")
    ] = NationalFormat.TEXT,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (html: a folder, one page a city).")
    ] = None,
    folder: NationalDirOption = None,
    about: AboutOption = Reading.BAND,
    no_pager: NoPagerOption = False,
) -> None:
    """The national table: per level, year, measure and place, headline targets set, decided and met."""
    from ..national.cities import CURATED
    from ..national.table import curated, judge_places, tabulate
    from ..render import national_view as render

    national_path, cities_path = _national_paths(folder)
    cities = national_cities(cities_path.parent)
    province = _provinces(province or [], cities)
    places = list(dict.fromkeys(find_place(name, cities).slug for name in city or []))
    judged = [target for target in judge_places(national_path, cities, about, max_bytes()) if target.city != CURATED]
    # Zhangjiakou's curated data wins over its draft in any data that holds it, as the table's note says.
    judged += curated(CURATED, about) if any(place.slug == CURATED for place in cities) else []
    filters = {
        "year": list(dict.fromkeys(year or [])),
        "measure": list(dict.fromkeys(measure or [])),
        "level": [item.value for item in level or []],
        "province": province,
        "place": places,
    }
    _refuse_empty(judged, cities, filters)
    table = tabulate(
        judged,
        cities,
        sort=sort.value,
        provinces=filters["province"],
        years=filters["year"],
        measures=filters["measure"],
        levels=filters["level"],
        places=filters["place"],
        reading=about,
    )
    if output_format is NationalFormat.HTML:
        _write_html(table, cities, folder, output)
        return
    text = {
        NationalFormat.TEXT: lambda: render.text(table, console().width),
        NationalFormat.MARKDOWN: lambda: render.markdown(table),
        NationalFormat.JSON: lambda: render.json_text(table),
        NationalFormat.CSV: lambda: render.csv_text(table),
    }[output_format]()
    if output is None and output_format is NationalFormat.TEXT:
        page(text, no_pager)
    else:
        write(text, output)


def _refuse_empty(judged: list, cities: list[City], filters: dict[str, list]) -> None:
    """A filter that keeps no headline target is an error naming the values there are (a table of
    zeros would look like an answer)."""
    from ..national.table import unmatched
    from ..rules import national_words as words

    found = unmatched(judged, cities, filters)
    if found is None:
        return
    name, values, existing = found
    others = {other: ", ".join(map(str, given)) for other, given in filters.items() if given and other != name}
    raise UserError(words.no_match(name, values, existing, others))


def _write_html(table: NationalTable, cities: list[City], folder: Path | None, output: Path | None) -> None:
    """The national page (index.html) and one record page per city, linked from it; the city pages
    share one stylesheet and script, written beside them."""
    from .. import engine
    from ..national.cities import CITIES_DIR
    from ..render import html as city_html
    from ..render import national_view as render
    from ..rules.verdicts import evaluate

    if output is None:
        raise UserError("--format html writes a folder of pages: give --output DIR")
    make_folder(output)
    root = _national_paths(folder)[0].parent
    for name, text in city_html.ASSETS.items():
        write_within(output, name, text)
    for city in cities:
        dataset = engine.load([root / CITIES_DIR / f"{city.slug}.yaml.gz"], max_bytes())
        verdicts = evaluate(dataset, reading=table.reading)
        page = city_html.render(dataset, verdicts, linked=True, reading=table.reading)
        write_within(output, f"{city.slug}.html", page)
    index = write_within(output, "index.html", render.html_page(table))
    tell_wrote(f"{index} and {len(cities)} city pages")


def register(app: typer.Typer) -> None:
    app.command(cls=Command, short_help="The national table: every place's headline targets.")(national)
    app.command("build-national", cls=Command, short_help="Build the national dataset from a collection.")(
        build_national
    )
    # Hidden: the place table is bundled and rebuilt only when the collection's folders or the codes
    # change, by a maintainer with cpca (a test extra) installed.
    app.command("build-places", cls=Command, hidden=True)(build_places)
