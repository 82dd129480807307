"""What a command reads and judges: the files named (or found here), as of a date, of one report."""

from __future__ import annotations

import difflib
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..bundled import ACTUALS_NAME, TARGETS_NAME, bundled_paths, national_dir
from ..model import Dataset, PartialDate, Reading, Status
from ..rules import messages, timeline
from ..rules.verdicts import Verdict, evaluate
from .exits import UserError

if TYPE_CHECKING:
    from ..national.cities import City

MAX_INPUT_ENV = "ZJK_MAX_INPUT_MB"


def max_bytes() -> int | None:
    """The size limit the user set for every input, or None for the rule book's per-format limits."""
    raw = os.environ.get(MAX_INPUT_ENV)
    if not raw:
        return None
    try:
        megabytes = float(raw)
    except ValueError:
        raise UserError(f"{MAX_INPUT_ENV}={raw!r} is not a number of megabytes") from None
    if not 0 < megabytes < math.inf:  # inf and nan too: a limit is a number of megabytes
        raise UserError(f"{MAX_INPUT_ENV} must be a positive number of megabytes")
    return int(megabytes * 1_000_000)


def as_of_date(text: str | None) -> PartialDate | None:
    if text is None:
        return None
    date = PartialDate.parse(text.strip())
    if date is None:
        raise UserError(f"--as-of {text}: not a date; write YYYY-MM-DD, YYYY-MM or YYYY")
    return date


def judge_as_asked(
    dataset: Dataset, as_of: str | None = None, report_year: int | None = None, reading: Reading = Reading.BAND
) -> tuple[Dataset, tuple[Verdict, ...]]:
    """The data a reader had on the --as-of date, narrowed to the --report year, and its verdicts
    (about goals read by --about)."""
    date = as_of_date(as_of)
    if date is not None:
        dataset = timeline.as_of(dataset, date)
    if report_year is not None:
        years = timeline.report_years(dataset)
        if report_year not in years:
            known = ", ".join(map(str, years)) or "none"
            when = f" published by {timeline.end_of(date)}" if date is not None else ""
            raise UserError(
                f"--report {report_year}: no targets were set by a report of that year{when}; reports: {known}"
            )
        dataset = timeline.of_reports(dataset, {report_year})
    return dataset, evaluate(dataset, reading=reading)


def dated(dataset: Dataset, as_of: str | None, target_ids: list[str]) -> Dataset:
    """The data as of --as-of, where a named target set after that date is an error that says so."""
    date = as_of_date(as_of)
    if date is None:
        return dataset
    earlier = timeline.as_of(dataset, date)
    known = {target.id for target in earlier.targets}
    for target_id in target_ids:
        target = dataset.target(target_id)
        if target is not None and target_id not in known:
            published = dataset.sources[target.source].published
            raise UserError(f"`{target_id}` was set on {published}, after --as-of {as_of}")
    return earlier


def _same_bytes(first: Path, second: Path) -> bool:
    try:
        return first.read_bytes() == second.read_bytes()
    except OSError:
        return False


def national_folder(folder: Path | None = None) -> Path:
    """The national data folder (``--national DIR``, else the bundled one), checked against its
    manifest before a byte of it is read: a file missing, changed or not the build's, or a slug that
    is not one, refuses the whole folder in one line."""
    from ..national.manifest import check
    from ..render.text import one_line
    from ..rules import messages

    if folder is not None and not folder.is_dir():
        raise UserError(messages.not_a_folder(str(folder), "--national", folder.exists()))
    root = national_dir() if folder is None else folder
    try:
        problems = check(root)
    except OSError as error:
        problems = [f"{error.filename}: {error.strerror}"]
    if problems:
        what, fix = (f"--national {folder}", messages.REBUILD) if folder else (str(root), messages.REINSTALL)
        raise UserError(messages.dataset_refused(what, [one_line(problem) for problem in problems], fix))
    return root


def national_cities(folder: Path) -> list[City]:
    """The places of a national data folder (its cities.csv); a file written before the levels gets
    each row's level from the place table."""
    from ..national.cities import CITIES_NAME, read_cities
    from ..national.places import bundled_places

    levels = {place.adcode: place.level for place in bundled_places()}
    return read_cities((folder / CITIES_NAME).read_text(encoding="utf-8"), levels)


def find_place(typed: str, cities: list[City]) -> City:
    """The place of the national data that ``typed`` names (全国, china, 河北省, hebei, 邯郸, handan),
    else the error that says why not."""
    from ..national.cities import find_city
    from ..rules import national_words as words

    found, offered, several = find_city(cities, typed)
    if several:
        raise UserError(words.ambiguous_city(typed, offered))
    if found is None:
        raise UserError(_not_bundled(typed, cities))
    return found


def city_paths(typed: str) -> tuple[list[Path], str | None]:
    """The file of a place of the bundled national data, and the note that its data is drafted.

    Zhangjiakou's curated data wins over its drafted data: it is the bundled default.
    """
    from ..national.cities import CITIES_DIR, CURATED
    from ..rules import national_words as words

    folder = national_folder()
    found = find_place(typed, national_cities(folder))
    if found.slug == CURATED:
        return list(bundled_paths()), None
    return [folder / CITIES_DIR / f"{found.slug}.yaml.gz"], words.drafted_note(found.name)


def _not_bundled(typed: str, cities: list[City]) -> str:
    """Why ``typed`` names no place of the national data: a place of the collection not in it yet,
    or no place at all (then the close names, of the places of the data and of the others)."""
    from ..national.places import LEVELS, Place, bundled_places, close_to, find_places
    from ..rules import national_words as words

    places = bundled_places()
    named = find_places(places, typed)
    if named:
        held = [level for level in LEVELS if any(city.level == level for city in cities)]
        return words.not_bundled(typed, [(place.name, place.folder, place.level) for place in named], held)
    close = [
        words.place_offered(item.name) if isinstance(item, Place) else words.city_offered(item.slug, item.name)
        for item in close_to(typed, cities, places)
    ]
    return words.unknown_city(typed, close)


def data_paths(
    targets: Path | None, actuals: Path | None, data: Path | None = None, city: str | None = None
) -> tuple[list[Path], str | None]:
    """The files to read (only those the user names), and a note when the reader should know.

    With no file named, a folder holding both ``targets.yaml`` and ``actuals.yaml`` (a curator's
    clone of the repository) is read instead of the installed copy, and the note says so
    whenever that changes anything. ``--city`` names a place of the bundled national data.
    """
    if city is not None:
        if targets is not None or actuals is not None or data is not None:
            raise UserError("give --city NAME or --data/--targets/--actuals, not both")
        return city_paths(city)
    if data is not None:
        if targets is not None or actuals is not None:
            raise UserError("give --data DIR or --targets/--actuals, not both")
        if not data.is_dir():
            raise UserError(messages.not_a_folder(str(data), "--data", data.exists()))
        return [data / TARGETS_NAME, data / ACTUALS_NAME], None
    if targets is None and actuals is None:
        bundled = list(bundled_paths())
        local = [Path(TARGETS_NAME), Path(ACTUALS_NAME)]
        if not all(path.is_file() for path in local):
            return bundled, None
        if all(_same_bytes(mine, theirs) for mine, theirs in zip(local, bundled, strict=True)):
            return bundled, None
        note = (
            f"zjk-targets: reading ./{TARGETS_NAME} and ./{ACTUALS_NAME} of this folder "
            "(they differ from the bundled data)"
        )
        return local, note
    for flag, path in (("--targets", targets), ("--actuals", actuals)):
        if path is not None and not path.is_file():
            what = (
                "is a folder, not a file"
                if path.is_dir()
                else messages.NOT_A_REGULAR_INPUT
                if path.exists()
                else "file not found"
            )
            raise UserError(f"{flag} {path}: {what}")
    return [path for path in (targets, actuals) if path is not None], None


def select(dataset: Dataset, target_ids: list[str], reading: Reading = Reading.BAND) -> tuple[Verdict, ...]:
    """The verdicts of the named targets, in the order named; every unknown id is one error."""
    verdicts = {verdict.target.id: verdict for verdict in evaluate(dataset, only=set(target_ids), reading=reading)}
    missing = [target_id for target_id in target_ids if target_id not in verdicts]
    if missing:
        known = sorted(target.id for target in dataset.targets)
        messages = []
        for target_id in missing:
            close = difflib.get_close_matches(target_id, known, n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(close)}?" if close else "; `zjk-targets list` lists them"
            messages.append(f"no target with id `{target_id}`{hint}")
        raise UserError("\nzjk-targets: ".join(messages))
    return tuple(verdicts[target_id] for target_id in dict.fromkeys(target_ids))


def filter_verdicts(
    verdicts: tuple[Verdict, ...], status: list[Status] | None, category: list[str] | None
) -> tuple[Verdict, ...]:
    """The verdicts of --status and --category (each repeatable); an unknown category is an error."""
    if category:
        known = {verdict.target.category for verdict in verdicts}
        wanted = {name.lower() for name in category}
        unknown = sorted(wanted - known)
        if unknown:
            raise UserError(f"no category {', '.join(unknown)}; the categories are {', '.join(sorted(known))}")
        verdicts = tuple(v for v in verdicts if v.target.category in wanted)
    if status:
        verdicts = tuple(v for v in verdicts if v.status in status)
    return verdicts
