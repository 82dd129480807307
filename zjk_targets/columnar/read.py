"""Read CSV (and YAML) inputs into checked tables, one pandas DataFrame per kind of entry.

Every check of :mod:`zjk_targets.load` is made here too, with the same message, but column by
column over the whole file rather than entry by entry, and each problem is reported at the CSV
line where its row starts (the header is line 1). pandas' C parser reads the file; each check is
then one pass over a column: a regular expression over the column joined by NUL, a comparison,
a hash of its distinct values, or numpy's string functions. Python runs per row only to word a
problem, and for the rare cells a column-wide test cannot settle (those go to the reference
function itself, such as ``load.number_is_stated``)."""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import DataError, Problem
from ..inputs import decode, read_input
from ..load import read_entries
from ..model import Comparator, Direction, Observation, PartialDate, Target, Trust
from ..rules import messages
from ..rules.checks import number_is_stated
from ..rules.messages import UNSTATED as _UNSTATED
from ..rules.schema import COMPARATORS as _COMPARATORS
from ..rules.schema import DATASET_SECTION, DONE_UNIT, MAX_CSV_BYTES, MAX_TEXT_CHARS, NAMES_OF, YEAR_RANGE
from ..rules.units import conversion_factor
from ..rules.wording import number as fmt_number

# A row's `kind` and the section of the YAML files it stands for.
KINDS = {"source": "sources", "metric": "metrics", "target": "targets", "observation": "observations"}
COLUMNS = frozenset({"kind"}.union(*NAMES_OF.values()))

# The columns of the checked tables. Text is "" when absent, a year 0, a number its text ("" when
# absent: it is turned into a Decimal or a float only where needed), `done` -1 (absent), 0 or 1.
SOURCE_COLUMNS = ("id", "title", "publisher", "year", "month", "day", "trust", "file", "url", "note", "path", "line")
METRIC_COLUMNS = ("id", "zh", "en", "unit", "direction", "path", "line")
TARGET_COLUMNS = (
    "id",
    "metric",
    "zh",
    "en",
    "category",
    "comparator",
    "goal",
    "unit",
    "year",
    "by",
    "source",
    "excerpt",
    "tolerance",
    "derived",
    "note",
    "headline",
    "path",
    "line",
)
OBSERVATION_COLUMNS = (
    "id",
    "metric",
    "year",
    "unit",
    "source",
    "excerpt",
    "value",
    "min",
    "max",
    "done",
    "estimated",
    "derived",
    "proxy",
    "year_basis",
    "note",
    "path",
    "line",
)
_NUMERIC = {"year", "month", "day", "by", "done", "estimated", "headline", "line"}
TABLE_COLUMNS = {
    "source": SOURCE_COLUMNS,
    "metric": METRIC_COLUMNS,
    "target": TARGET_COLUMNS,
    "observation": OBSERVATION_COLUMNS,
}

_ID = r"[a-z0-9][a-z0-9._-]*+"
_ID_RE = re.compile(_ID)
_IDS_RE = re.compile(f"{_ID}(?:\x00{_ID})*+")
_INT_RE = re.compile(r"[+-]?[0-9]+")
_NUMBER = r"(?>[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)"
_NUMBER_RE = re.compile(_NUMBER)
_NUMBERS_RE = re.compile(f"{_NUMBER}(?:\x00{_NUMBER})*+")
_NOT_FINITE_RE = re.compile(r"[+-]?\.?(?:inf|infinity|nan)", re.IGNORECASE)
# Numbers already in the shortest form fmt.number gives, so that their text can be used as is.
_CANONICAL = r"(?>[+-]?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?)"
_CANONICAL_RE = re.compile(_CANONICAL)
_CANONICALS_RE = re.compile(f"{_CANONICAL}(?:\x00{_CANONICAL})*+")
# The characters whose NFKC form holds a digit, "." or "," (or nothing): the only ones that can
# change whether an excerpt states a number. Computed from Unicode 14.0.0; other versions recompute.
_SPECIAL_UNICODE = "14.0.0"
_SPECIAL_RANGES = (
    (0x00B2, 0x00B3),
    (0x00B9, 0x00B9),
    (0x00BC, 0x00BE),
    (0x2024, 0x2026),
    (0x2070, 0x2070),
    (0x2074, 0x2079),
    (0x2080, 0x2089),
    (0x2150, 0x215F),
    (0x2189, 0x2189),
    (0x2460, 0x249B),
    (0x24EA, 0x24EA),
    (0x3251, 0x325F),
    (0x32B1, 0x32CB),
    (0x3358, 0x3370),
    (0x3378, 0x3379),
    (0x339F, 0x33A6),
    (0x33A8, 0x33A8),
    (0x33AF, 0x33AF),
    (0x33C2, 0x33C2),
    (0x33C7, 0x33C7),
    (0x33D8, 0x33D8),
    (0x33E0, 0x33FE),
    (0xFE10, 0xFE10),
    (0xFE19, 0xFE19),
    (0xFE30, 0xFE30),
    (0xFE50, 0xFE50),
    (0xFE52, 0xFE52),
    (0xFF0C, 0xFF0C),
    (0xFF0E, 0xFF0E),
    (0xFF10, 0xFF19),
    (0x1D7CE, 0x1D7FF),
    (0x1F100, 0x1F10A),
    (0x1FBF0, 0x1FBF9),
)
# The decimal digits beyond ASCII (str.isdecimal, a regular expression's digit class), same version.
_DIGIT_RANGES = (
    (0x0660, 0x0669),
    (0x06F0, 0x06F9),
    (0x07C0, 0x07C9),
    (0x0966, 0x096F),
    (0x09E6, 0x09EF),
    (0x0A66, 0x0A6F),
    (0x0AE6, 0x0AEF),
    (0x0B66, 0x0B6F),
    (0x0BE6, 0x0BEF),
    (0x0C66, 0x0C6F),
    (0x0CE6, 0x0CEF),
    (0x0D66, 0x0D6F),
    (0x0DE6, 0x0DEF),
    (0x0E50, 0x0E59),
    (0x0ED0, 0x0ED9),
    (0x0F20, 0x0F29),
    (0x1040, 0x1049),
    (0x1090, 0x1099),
    (0x17E0, 0x17E9),
    (0x1810, 0x1819),
    (0x1946, 0x194F),
    (0x19D0, 0x19D9),
    (0x1A80, 0x1A89),
    (0x1A90, 0x1A99),
    (0x1B50, 0x1B59),
    (0x1BB0, 0x1BB9),
    (0x1C40, 0x1C49),
    (0x1C50, 0x1C59),
    (0xA620, 0xA629),
    (0xA8D0, 0xA8D9),
    (0xA900, 0xA909),
    (0xA9D0, 0xA9D9),
    (0xA9F0, 0xA9F9),
    (0xAA50, 0xAA59),
    (0xABF0, 0xABF9),
    (0xFF10, 0xFF19),
    (0x104A0, 0x104A9),
    (0x10D30, 0x10D39),
    (0x11066, 0x1106F),
    (0x110F0, 0x110F9),
    (0x11136, 0x1113F),
    (0x111D0, 0x111D9),
    (0x112F0, 0x112F9),
    (0x11450, 0x11459),
    (0x114D0, 0x114D9),
    (0x11650, 0x11659),
    (0x116C0, 0x116C9),
    (0x11730, 0x11739),
    (0x118E0, 0x118E9),
    (0x11950, 0x11959),
    (0x11C50, 0x11C59),
    (0x11D50, 0x11D59),
    (0x11DA0, 0x11DA9),
    (0x16A60, 0x16A69),
    (0x16AC0, 0x16AC9),
    (0x16B50, 0x16B59),
    (0x1D7CE, 0x1D7FF),
    (0x1E140, 0x1E149),
    (0x1E2F0, 0x1E2F9),
    (0x1E950, 0x1E959),
    (0x1FBF0, 0x1FBF9),
)
# load.number_is_stated's (?<=\d),(?=\d{3}), with the comma first so that a search can skip to it.
_THOUSANDS_RE = re.compile(r",(?<=\d,)(?=\d{3})")
_URL_RE = re.compile(r"^https?://")


@dataclass
class Tables:
    """Checked entries, one DataFrame per kind (columns: ``TABLE_COLUMNS``), in load order.

    Targets and observations also carry ``metric_at`` and ``source_at``: the row of the metric and
    of the source they refer to.
    """

    sources: pd.DataFrame
    metrics: pd.DataFrame
    targets: pd.DataFrame
    observations: pd.DataFrame
    about: Any = None  # the `dataset` section of a YAML input (a CSV file cannot name the data)


# ---------------------------------------------------------------------------------------------
# Converters: a column's given cells in, (values, messages) out; a message is None where fine.


def _objects(items: list[Any]) -> np.ndarray:
    array = np.empty(len(items), dtype=object)
    array[:] = items
    return array


def _each_unique(
    convert: Callable[[str], tuple[Any, str | None]], dtype: Any = None
) -> Callable[[np.ndarray], tuple[Any, Any]]:
    """Run ``convert`` once per distinct cell: years, flags and choices repeat a lot.

    With ``dtype``, a column whose cells are all valid comes back as an array of that type.
    """

    def run(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        codes, uniques = pd.factorize(cells)
        results = [convert(cell) for cell in uniques]
        messages = [message for _, message in results]
        if all(message is None for message in messages):
            if dtype is not None:
                return np.array([value for value, _ in results], dtype=dtype)[codes], None
            return _objects([value for value, _ in results])[codes], None
        return _objects([value for value, _ in results])[codes], _objects(messages)[codes]

    return run


def _text(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    if not any(map(str.isspace, cells)) and max(map(len, cells)) <= MAX_TEXT_CHARS:
        return cells, None
    messages = _objects(
        [
            "must not be empty"
            if cell.isspace()
            else f"is {len(cell):,} characters long; the limit is {MAX_TEXT_CHARS:,}"
            if len(cell) > MAX_TEXT_CHARS
            else None
            for cell in cells
        ]
    )
    return cells, messages


def _identifier(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    _, messages = _text(cells)
    if messages is None and _IDS_RE.fullmatch("\x00".join(cells)):
        return cells, None
    if messages is None:
        messages = np.full(len(cells), None, dtype=object)
    for i, cell in enumerate(cells):
        if messages[i] is None and not _ID_RE.fullmatch(cell):
            messages[i] = f"`{cell}` is not an id: use lowercase letters, digits, '-', '.' and '_'"
    return cells, messages


def _reference(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """An id that refers to another entry: the same check, once per distinct id (they repeat)."""
    codes, distinct = pd.factorize(cells)
    _, messages = _identifier(_objects(list(distinct)))
    return cells, None if messages is None else messages[codes]


def _year_one(cell: str) -> tuple[int | None, str | None]:
    raw = cell.strip()
    if not _INT_RE.fullmatch(raw):
        return None, f"`{raw}` is not a year: write four digits, such as 2017"
    value = int(raw)
    if not YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
        return None, f"{value} is not a plausible year (expected {YEAR_RANGE[0]}–{YEAR_RANGE[1]})"
    return value, None


def _number(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """A number keeps its text (stripped): exact, and made a Decimal or float where needed."""
    # Usually no number has spaces around it, and the cells can be used as they are.
    raws = cells if _NUMBERS_RE.fullmatch("\x00".join(cells)) else _objects(list(map(str.strip, cells)))
    if raws is cells or _NUMBERS_RE.fullmatch("\x00".join(raws)):
        finite = np.isfinite(raws.astype(float))
        if finite.all():
            return raws, None
    messages = np.full(len(raws), None, dtype=object)
    for i, raw in enumerate(raws):
        if _NOT_FINITE_RE.fullmatch(raw) or (_NUMBER_RE.fullmatch(raw) and not np.isfinite(float(raw))):
            messages[i] = f"`{raw}` is not a finite number"
        elif not _NUMBER_RE.fullmatch(raw):
            messages[i] = f"`{raw}` is not a number; write digits only and put the unit in `unit`"
    return raws, messages


def _flag_one(cell: str) -> tuple[bool | None, str | None]:
    raw = cell.strip()
    if raw.lower() in ("true", "false"):
        return raw.lower() == "true", None
    return None, f"`{raw}` is not true or false"


def _date_one(cell: str) -> tuple[PartialDate | None, str | None]:
    parsed = PartialDate.parse(cell.strip())
    if parsed is None:
        return None, f'`{cell.strip()}` is not a date: write "YYYY", "YYYY-MM" or "YYYY-MM-DD"'
    return parsed, None


def _choice(options: dict[str, Any]) -> Callable[[np.ndarray], tuple[Any, Any]]:
    listed = ", ".join(dict.fromkeys(options))

    def convert(cell: str) -> tuple[Any, str | None]:
        value = cell.strip()
        if value in options:
            return options[value], None
        close = difflib.get_close_matches(value, list(options), n=1)
        hint = f"; did you mean `{close[0]}`?" if close else ""
        return None, f"`{value}` is not one of {listed}{hint}"

    return _each_unique(convert)


_year = _each_unique(_year_one, np.int64)
_flag = _each_unique(_flag_one)
_date = _each_unique(_date_one)
_trust = _choice({t.value: t for t in Trust})
_direction = _choice({d.value: d for d in Direction})
_comparator = _choice(_COMPARATORS)
_kind = _choice({kind: kind for kind in KINDS})


# ---------------------------------------------------------------------------------------------
# One file's rows of one kind, checked field by field.


class _Rows:
    """The rows of one kind in one CSV file: cells by column, with their line numbers."""

    def __init__(self, kind: str, path: str, lines: np.ndarray, cells: dict[str, np.ndarray], problems: list[Problem]):
        self.kind = kind
        self.path = path
        self.lines = lines
        self.cells = cells
        self.problems = problems
        self.n = len(lines)
        self._missing_columns: set[str] = set()
        self._given: dict[str, np.ndarray] = {}

    def report(self, mask: np.ndarray, message: str | Callable[[int], str]) -> None:
        for i in np.flatnonzero(mask):
            text = message if isinstance(message, str) else message(int(i))
            self.problems.append(Problem(self.path, int(self.lines[i]), text))

    def cell(self, name: str) -> np.ndarray:
        if name in self.cells:
            return self.cells[name]
        return np.full(self.n, "", dtype=object)

    def given(self, name: str) -> np.ndarray:
        if name not in self._given:
            cells = self.cells.get(name)
            self._given[name] = cells != "" if cells is not None else np.zeros(self.n, dtype=bool)
        return self._given[name]

    def get(
        self,
        name: str,
        convert: Callable[[np.ndarray], tuple[Any, Any]],
        required: bool | np.ndarray = True,
        absent: Any = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """(values, ok): each row's converted value (``absent`` when not given or invalid), and where it is usable."""
        given = self.given(name)
        missing = ~given & required
        if missing.any():
            if name in self.cells:
                self.report(missing, f"missing required field `{name}`")
            elif name not in self._missing_columns:
                self._missing_columns.add(name)
                self.problems.append(Problem(self.path, 1, f"no column `{name}`, which {self.kind}s need"))
        if not given.any():
            return np.full(self.n, absent, dtype=object), given.copy()
        everyone = bool(given.all())
        where = slice(None) if everyone else np.flatnonzero(given)
        converted, messages = convert(self.cell(name)[where])
        if messages is None:
            if everyone:
                return converted, given.copy()
            values = np.full(self.n, absent, dtype=object)
            values[where] = converted
            return values, given.copy()
        bad = np.array([message is not None for message in messages], dtype=bool)
        rows = np.arange(self.n)[where]
        for i, message in zip(rows[bad], messages[bad], strict=True):
            self.problems.append(Problem(self.path, int(self.lines[i]), f"`{name}`: {message}"))
        values = np.full(self.n, absent, dtype=object)
        values[rows[~bad]] = converted[~bad]
        ok = np.zeros(self.n, dtype=bool)
        ok[rows[~bad]] = True
        return values, ok


def _sources(rows: _Rows) -> tuple[pd.DataFrame, np.ndarray]:
    ids, ok_id = rows.get("id", _identifier)
    title, ok_title = rows.get("title", _text)
    publisher, ok_publisher = rows.get("publisher", _text)
    published, ok_published = rows.get("published", _date)
    trust, ok_trust = rows.get("trust", _trust)
    file, _ = rows.get("file", _text, False, "")
    url, _ = rows.get("url", _text, False, "")
    note, _ = rows.get("note", _text, False, "")
    rows.report(
        ~rows.given("file") & ~rows.given("url"), "a source needs a `file` (under the sources folder) or a `url`"
    )
    bad_url = np.array([bool(value) and not _URL_RE.match(value) for value in url], dtype=bool)
    rows.report(bad_url, "`url` must start with http:// or https://")
    built = ok_id & ok_title & ok_publisher & ok_published & ok_trust
    keep = _keep(built)
    dates = published[keep]
    frame = _frame(
        {
            "id": ids[keep],
            "title": title[keep],
            "publisher": publisher[keep],
            "year": np.array([d.year for d in dates], dtype=np.int64),
            "month": np.array([d.month for d in dates], dtype=np.int64),
            "day": np.array([d.day for d in dates], dtype=np.int64),
            "trust": _objects([t.value for t in trust[keep]]),
            "file": file[keep],
            "url": url[keep],
            "note": note[keep],
        }
    )
    return frame, built


def _metrics(rows: _Rows) -> tuple[pd.DataFrame, np.ndarray]:
    ids, ok_id = rows.get("id", _identifier)
    zh, ok_zh = rows.get("zh", _text)
    en, ok_en = rows.get("en", _text)
    unit, ok_unit = rows.get("unit", _text)
    direction, ok_direction = rows.get("direction", _direction)
    rows.get("note", _text, False, "")
    built = ok_id & ok_zh & ok_en & ok_unit & ok_direction
    keep = _keep(built)
    frame = _frame(
        {
            "id": ids[keep],
            "zh": zh[keep],
            "en": en[keep],
            "unit": unit[keep],
            "direction": _objects([d.value for d in direction[keep]]),
        }
    )
    return frame, built


def _targets(rows: _Rows) -> tuple[pd.DataFrame, np.ndarray]:
    comparator, ok_comparator = rows.get("comparator", _comparator)
    is_done = comparator == Comparator.DONE
    is_about = comparator == Comparator.ABOUT
    needs_goal = ~is_done & ok_comparator
    ids, ok_id = rows.get("id", _identifier)
    metric, ok_metric = rows.get("metric", _reference)
    zh, ok_zh = rows.get("zh", _text)
    en, ok_en = rows.get("en", _text)
    category, ok_category = rows.get("category", _identifier)
    goal, ok_goal = rows.get("goal", _number, needs_goal, "")
    unit, ok_unit = rows.get("unit", _text, needs_goal, "")
    year, ok_year = rows.get("year", _year, False)
    by, ok_by = rows.get("by", _year, False)
    source, ok_source = rows.get("source", _reference)
    excerpt, ok_excerpt = rows.get("excerpt", _text)
    tolerance, ok_tolerance = rows.get("tolerance", _number, is_about, "")
    derived, _ = rows.get("derived", _text, False, "")
    note, _ = rows.get("note", _text, False, "")
    headline, _ = rows.get("headline", _flag, False)

    rows.report(
        rows.given("year") == rows.given("by"),
        "give exactly one of `year` (a single-year target) or `by` (a deadline)",
    )
    for name in ("goal", "unit", "tolerance"):
        rows.report(is_done & rows.given(name), f"a `done` target has no `{name}`")
    rows.report(
        ok_comparator & ~is_done & ~is_about & rows.given("tolerance"), "`tolerance` belongs only to `about` targets"
    )
    negative = np.zeros(rows.n, dtype=bool)
    negative[ok_tolerance] = [Decimal(raw) < 0 for raw in tolerance[ok_tolerance]]
    rows.report(negative, "`tolerance` must not be negative")

    built = ok_id & ok_metric & ok_zh & ok_en & ok_category & ok_comparator & ok_source & ok_excerpt
    built &= ok_year != ok_by
    built &= is_done | (ok_goal & ok_unit)
    keep = _keep(built)
    frame = _frame(
        {
            "id": ids[keep],
            "metric": metric[keep],
            "zh": zh[keep],
            "en": en[keep],
            "category": category[keep],
            "comparator": _objects([c.value for c in comparator[keep]]),
            "goal": goal[keep],
            "unit": unit[keep],
            "year": _ints(year[keep]),
            "by": _ints(by[keep]),
            "source": source[keep],
            "excerpt": excerpt[keep],
            "tolerance": tolerance[keep],
            "derived": derived[keep],
            "note": note[keep],
            "headline": (headline == True)[keep],  # noqa: E712 - an object array of True/False/None
        }
    )
    return frame, built


def _keep(built: np.ndarray) -> slice | np.ndarray:
    """Index of the rows to keep: all of them (no copy) in the usual case."""
    return slice(None) if built.all() else built


def _frame(columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """A table whose text columns stay numpy object arrays.

    pandas 3 would otherwise turn each into its ``str`` dtype, a pass over every cell, for
    columns that are only ever read back as arrays.
    """
    return pd.DataFrame(
        {
            name: pd.Series(values, dtype=values.dtype if values.dtype != object else object, copy=False)
            for name, values in columns.items()
        },
        copy=False,
    )


def _ints(values: np.ndarray) -> np.ndarray:
    if values.dtype != object:
        return values.astype(np.int64, copy=False)
    out = values.copy()
    out[pd.isna(out)] = 0
    return out.astype(np.int64)


def _observations(rows: _Rows) -> tuple[pd.DataFrame, np.ndarray]:
    given_done = rows.given("done")
    ids, ok_id = rows.get("id", _identifier)
    metric, ok_metric = rows.get("metric", _reference)
    year, ok_year = rows.get("year", _year)
    source, ok_source = rows.get("source", _reference)
    excerpt, ok_excerpt = rows.get("excerpt", _text)
    value, ok_value = rows.get("value", _number, False, "")
    low, ok_low = rows.get("min", _number, False, "")
    high, ok_high = rows.get("max", _number, False, "")
    done, ok_done = rows.get("done", _flag, False)
    unit, ok_unit = rows.get("unit", _text, ~given_done, "")
    estimated, _ = rows.get("estimated", _flag, False)
    derived, _ = rows.get("derived", _text, False, "")
    proxy, _ = rows.get("proxy", _text, False, "")
    year_basis, _ = rows.get("year_basis", _text, False, "")
    note, _ = rows.get("note", _text, False, "")

    kinds = (
        rows.given("value").astype(int) + (rows.given("min") | rows.given("max")).astype(int) + given_done.astype(int)
    )
    one_kind = kinds == 1
    rows.report(~one_kind, "give exactly one of `value`, a bound (`min` and/or `max`) or `done`")
    both = np.flatnonzero(one_kind & ok_low & ok_high)
    inverted = np.zeros(rows.n, dtype=bool)
    if both.size:
        lows, highs = low[both].astype(float), high[both].astype(float)
        maybe = both[lows >= highs]
        inverted[maybe] = [Decimal(low[i]) > Decimal(high[i]) for i in maybe]
    rows.report(
        inverted, lambda i: f"the bound's `min` ({Decimal(low[i])}) is larger than its `max` ({Decimal(high[i])})"
    )
    usable = one_kind & ~inverted
    rows.report(
        usable & given_done & rows.given("unit") & (unit != DONE_UNIT),
        f'a `done` observation has no unit (or unit "{DONE_UNIT}")',
    )
    unit = unit.copy()
    unit[~ok_unit & given_done] = DONE_UNIT
    ok_unit = ok_unit | given_done

    built = usable & ok_id & ok_metric & ok_year & ok_source & ok_excerpt & ok_unit
    built &= ok_value | ok_low | ok_high | ok_done
    keep = _keep(built)
    done_codes = np.full(rows.n, -1, dtype=np.int8)
    done_codes[ok_done] = [1 if flag else 0 for flag in done[ok_done]]
    flagged = np.zeros(rows.n, dtype=bool)
    flagged[estimated == True] = True  # noqa: E712 - an object array of True/False/None
    frame = _frame(
        {
            "id": ids[keep],
            "metric": metric[keep],
            "year": _ints(year[keep]),
            "unit": unit[keep],
            "source": source[keep],
            "excerpt": excerpt[keep],
            "value": value[keep],
            "min": low[keep],
            "max": high[keep],
            "done": done_codes[keep],
            "estimated": flagged[keep],
            "derived": derived[keep],
            "proxy": proxy[keep],
            "year_basis": year_basis[keep],
            "note": note[keep],
        }
    )
    return frame, built


_BUILDERS: dict[str, Callable[[_Rows], tuple[pd.DataFrame, np.ndarray]]] = {
    "source": _sources,
    "metric": _metrics,
    "target": _targets,
    "observation": _observations,
}


# ---------------------------------------------------------------------------------------------
# Files: bytes, CSV structure, header.


def _file_bytes(path: str, max_bytes: int, problems: list[Problem]) -> bytes | None:
    """The file's bytes (without a byte-order mark), or None after reporting why they cannot be used."""
    data, found = read_input(path, max_bytes)
    problems.extend(found)
    if data is not None and (not data or data.isspace()):
        problems.append(Problem(path, 0, "holds no data: the file is empty; the first line names the columns"))
        return None
    return data


def _decode(path: str, data: bytes, problems: list[Problem]) -> str | None:
    text, found = decode(path, data)
    problems.extend(found)
    return text


Parsed = tuple[list[str], list[np.ndarray], np.ndarray]
"""The header, each column's cells (object arrays of str), and each row's line number."""


def _parse_fast(data: bytes) -> Parsed | None:
    """pandas' C parser on the bytes; None when the file needs the careful reader.

    That is: a header in quotes, rows with more values than the header, a quote never closed,
    bytes that are not UTF-8, or lines that the rows do not account for.
    """
    newline = data.find(b"\n")
    first = data[: newline if newline >= 0 else len(data)].rstrip(b"\r")
    if b'"' in first or b"\r" in first:
        return None
    try:
        header = first.decode("utf-8").split(",")
    except UnicodeDecodeError:
        return None
    if not any(header):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            frame = pd.read_csv(
                io.BytesIO(data),
                dtype=object,
                keep_default_na=False,
                na_filter=False,
                index_col=False,
                skip_blank_lines=False,
                header=0,
                encoding="utf-8",
                engine="c",
            )
        except Exception:  # noqa: BLE001 - any complaint of the fast parser sends the file to the careful one
            return None
    if frame.shape[1] != len(header):
        return None
    rows = len(frame)
    cells = [frame.iloc[:, i].to_numpy(dtype=object) for i in range(len(header))]
    lines = np.arange(2, rows + 2, dtype=np.int64)
    total = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    if total != rows + 1:
        # Quoted values that span lines: each row starts below the line breaks of the rows above.
        breaks = np.zeros(rows, dtype=np.int64)
        for column in cells:
            if "\n" in "\x00".join(column):
                breaks += np.fromiter((cell.count("\n") for cell in column), dtype=np.int64, count=rows)
        if total != rows + 1 + int(breaks.sum()):
            return None
        lines += np.cumsum(breaks) - breaks
    return header, cells, lines


def _parse_careful(path: str, text: str, problems: list[Problem]) -> Parsed | None:
    """Python's csv reader, row by row: for the lines of every row, and for files pandas refuses."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    if not any(header):
        problems.append(Problem(path, 1, "the first line must name the columns (kind, id, …)"))
        return None
    width = len(header)
    rows: list[list[str]] = []
    starts: list[int] = []
    previous = reader.line_num
    for row in reader:
        start, previous = previous + 1, reader.line_num
        if not row:
            continue
        if len(row) > width and any(row[width:]):
            message = f"{len(row)} values where the header names {width} columns: quote a value that holds a comma"
            problems.append(Problem(path, start, message))
            continue
        rows.append((row + [""] * width)[:width])
        starts.append(start)
    if _unclosed_quote(text):
        problems.append(Problem(path, starts[-1] if starts else 1, 'a quoted value is never closed: end it with "'))
        if rows:
            rows.pop()
            starts.pop()
    columns = [_objects(list(column)) for column in zip(*rows, strict=True)] if rows else []
    if not rows:
        columns = [np.empty(0, dtype=object) for _ in range(width)]
    return header, columns, np.array(starts, dtype=np.int64)


def _unclosed_quote(text: str) -> bool:
    """Whether the text ends inside a quoted value (what the strict csv reader calls an unexpected end)."""
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), strict=True):
            pass
    except csv.Error as error:
        return "unexpected end of data" in str(error)
    return False


def _read_csv(
    path: str, max_bytes: int, problems: list[Problem], unusable: set[str], parts: dict[str, list[pd.DataFrame]]
) -> None:
    data = _file_bytes(path, max_bytes, problems)
    if data is None:
        return
    parsed = _parse_fast(data)
    if parsed is None:
        text = _decode(path, data, problems)
        parsed = _parse_careful(path, text, problems) if text is not None else None
        if parsed is None:
            return
    header, cells_by_position, lines = parsed

    columns: dict[str, np.ndarray] = {}
    for position, name in enumerate(header):
        cells = cells_by_position[position]
        if name in columns:
            first = header.index(name) + 1
            problems.append(Problem(path, 1, f"duplicate column `{name}` (first at column {first})"))
        elif name not in COLUMNS:
            if not name.strip():
                if (cells != "").any():
                    problems.append(Problem(path, 1, f"column {position + 1} has no name"))
                continue
            close = difflib.get_close_matches(name, sorted(COLUMNS), n=1)
            hint = f"; did you mean `{close[0]}`?" if close else ""
            problems.append(Problem(path, 1, f"unknown column `{name}`{hint}"))
        else:
            columns[name] = cells
    if "kind" not in columns:
        problems.append(
            Problem(path, 1, "no column `kind`: each row says what it is: source, metric, target or observation")
        )
        return

    blank = columns["kind"] == ""
    if blank.any():
        # Rows with no value at all (blank lines) are skipped; the others need a kind.
        empty = blank.copy()
        for cells in columns.values():
            empty &= cells == ""
        if empty.any():
            columns = {name: cells[~empty] for name, cells in columns.items()}
            lines = lines[~empty]
    kinds, kind_ok = _Rows("row", path, lines, columns, problems).get("kind", _kind)
    if "id" in columns:
        unusable.update(value for value in columns["id"][~kind_ok] if value)
    found, names = pd.factorize(kinds)  # rows with no usable kind are -1
    positions = {kind: code for code, kind in enumerate(KINDS)}
    codes = np.array([positions[name] for name in names] + [-1], dtype=np.int8)[found]

    for code, kind in enumerate(KINDS):
        where = np.flatnonzero(codes == code)
        if not where.size:
            continue
        # The rows of one kind are usually together: then the columns are sliced, not copied.
        take = slice(where[0], where[-1] + 1) if where[-1] - where[0] + 1 == where.size else where
        cells = {name: values[take] for name, values in columns.items() if name != "kind"}
        allowed = NAMES_OF[kind]
        for name, values in cells.items():
            if name not in allowed:
                stray = values != ""
                if stray.any():
                    message = f"`{name}` is not a field of a {kind}: leave it empty"
                    problems.extend(Problem(path, int(line), message) for line in lines[take][stray])
        sub = _Rows(kind, path, lines[take], {k: v for k, v in cells.items() if k in allowed}, problems)
        table, built = _BUILDERS[kind](sub)
        if "id" in sub.cells and not built.all():
            unusable.update(value for value in sub.cells["id"][~built] if value)
        table["path"] = pd.Series(np.full(len(table), path, dtype=object), dtype=object, copy=False)
        table["line"] = sub.lines[built]
        parts[kind].append(table)


# ---------------------------------------------------------------------------------------------
# YAML files, for a mix of formats: read by the reference loader, then put into tables.


def _read_yaml_file(
    path: str,
    max_bytes: int | None,
    problems: list[Problem],
    unusable: set[str],
    parts: dict[str, list[pd.DataFrame]],
    abouts: list[Any],
) -> None:
    found = read_entries(path, max_bytes, problems, unusable)
    abouts.extend(found.get(DATASET_SECTION, []))
    for kind in KINDS:
        items = found[kind]
        if items:
            parts[kind].append(_table_of(kind, items))


def _number_text(value: Decimal | None) -> str:
    return "" if value is None else str(value)


def _table_of(kind: str, items: list[Any]) -> pd.DataFrame:
    rows: list[tuple[Any, ...]] = []
    for item in items:
        where = (item.where.path, item.where.line)
        if kind == "source":
            rows.append(
                (
                    item.id,
                    item.title,
                    item.publisher,
                    item.published.year,
                    item.published.month,
                    item.published.day,
                    item.trust.value,
                    item.file or "",
                    item.url or "",
                    item.note or "",
                    *where,
                )
            )
        elif kind == "metric":
            rows.append((item.id, item.zh, item.en, item.unit, item.direction.value, *where))
        elif kind == "target":
            rows.append(_target_row(item) + where)
        else:
            rows.append(_observation_row(item) + where)
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in TABLE_COLUMNS[kind]]
    return _frame(
        {
            name: np.array(values) if name in _NUMERIC else _objects(list(values))
            for name, values in zip(TABLE_COLUMNS[kind], columns, strict=True)
        }
    )


def _target_row(item: Target) -> tuple[Any, ...]:
    return (
        item.id,
        item.metric,
        item.zh,
        item.en,
        item.category,
        item.comparator.value,
        _number_text(item.goal),
        item.unit or "",
        item.year or 0,
        item.by or 0,
        item.source,
        item.excerpt,
        _number_text(item.tolerance),
        item.derived or "",
        item.note or "",
        item.headline,
    )


def _observation_row(item: Observation) -> tuple[Any, ...]:
    return (
        item.id,
        item.metric,
        item.year,
        item.unit,
        item.source,
        item.excerpt,
        _number_text(item.value),
        _number_text(item.minimum),
        _number_text(item.maximum),
        -1 if item.done is None else int(item.done),
        item.estimated,
        item.derived or "",
        item.proxy or "",
        item.year_basis or "",
        item.note or "",
    )


# ---------------------------------------------------------------------------------------------
# Across entries: unique ids, references, units, directions, numbers stated in excerpts.


def _unique(frame: pd.DataFrame, kind: str, problems: list[Problem]) -> pd.DataFrame:
    repeated = frame["id"].duplicated(keep="first").to_numpy()
    if not repeated.any():
        return frame
    first = frame.loc[~repeated].set_index("id")
    for item_id, path, line in frame.loc[repeated, ["id", "path", "line"]].itertuples(index=False):
        first_path, first_line = first.at[item_id, "path"], first.at[item_id, "line"]
        message = f"duplicate {kind} id `{item_id}` (first at {first_path}:{first_line})"
        problems.append(Problem(path, int(line), message))
    return frame.loc[~repeated].reset_index(drop=True)


class _Report:
    """Problems at the rows of one table."""

    def __init__(self, frame: pd.DataFrame, problems: list[Problem]) -> None:
        self.paths = frame["path"].to_numpy(dtype=object)
        self.lines = frame["line"].to_numpy()
        self.problems = problems

    def __call__(self, mask: np.ndarray, message: Callable[[int], str]) -> None:
        for i in np.flatnonzero(mask):
            self.problems.append(Problem(self.paths[i], int(self.lines[i]), message(int(i))))


HINT_LIMIT = 1000
"""Distinct unknown ids given a "did you mean" per check; the rest are reported without one."""
_ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789._-"


class _Hints:
    """difflib.get_close_matches(name, known, n=1), exactly, without scoring every known id.

    difflib's two cheap bounds (lengths, and counts of each character) are computed for all known
    ids at once in numpy; SequenceMatcher then scores ids in decreasing order of the second bound
    and stops when no id left can reach the best score. The best (score, id) wins, as in difflib.
    """

    def __init__(self, known: list[str]) -> None:
        self.known = known
        self.lengths = np.array([len(name) for name in known], dtype=np.int64)
        self.exact = all(set(name) <= set(_ID_CHARS) for name in known)
        if self.exact:
            self.counts = np.zeros((len(known), len(_ID_CHARS)), dtype=np.int32)
            rows = np.repeat(np.arange(len(known)), self.lengths)
            codes = np.frombuffer("".join(known).encode("ascii"), dtype=np.uint8)
            lookup = np.zeros(256, dtype=np.int64)
            lookup[np.frombuffer(_ID_CHARS.encode("ascii"), dtype=np.uint8)] = np.arange(len(_ID_CHARS))
            np.add.at(self.counts, (rows, lookup[codes]), 1)

    def best(self, name: str, cutoff: float = 0.6) -> str | None:
        if not self.exact or not set(name) <= set(_ID_CHARS):
            close = difflib.get_close_matches(name, self.known, n=1, cutoff=cutoff)
            return close[0] if close else None
        total = self.lengths + len(name)
        passes = 2.0 * np.minimum(self.lengths, len(name)) / total >= cutoff  # real_quick_ratio
        counts = np.array([name.count(char) for char in _ID_CHARS], dtype=np.int32)
        matches = np.minimum(self.counts[passes], counts).sum(axis=1)
        bound = 2.0 * matches / total[passes]  # quick_ratio, an upper bound of ratio
        candidates = np.flatnonzero(passes)
        best: tuple[float, str] | None = None
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(name)
        # Highest bound first; once the bound is below the best score, no id left can beat it (a tie
        # on the score is still looked at: the larger id wins it, as in difflib).
        for at in np.argsort(-bound, kind="stable"):
            if bound[at] < cutoff or (best is not None and bound[at] < best[0]):
                break
            candidate = self.known[candidates[at]]
            matcher.set_seq1(candidate)
            score = matcher.ratio()
            if score >= cutoff and (best is None or (score, candidate) > best):
                best = (score, candidate)
        return best[1] if best else None


def _references(names: np.ndarray, known: pd.Index, kind: str, unusable: set[str], report: _Report) -> np.ndarray:
    """Positions of ``names`` in ``known`` (-1 where unknown), reporting unknown names not already reported."""
    positions = known.get_indexer(names)
    unknown = positions < 0
    if unknown.any():
        if unusable:
            unknown &= ~np.isin(names, list(unusable))
        hints = _Hints(sorted(known))
        hinted = set(pd.unique(names[unknown])[:HINT_LIMIT])

        @cache
        def message(name: str) -> str:
            close = hints.best(name) if name in hinted else None
            hint = f"; did you mean `{close}`?" if close else ""
            return f"unknown {kind} `{name}`{hint}"

        report(unknown, lambda i: message(names[i]))
    return positions


@lru_cache(maxsize=4096)
def _converts(from_unit: str, to_unit: str) -> bool:
    return conversion_factor(from_unit, to_unit) is not None


def _unit_converts(units: np.ndarray, to_units: np.ndarray) -> np.ndarray:
    """conversion_factor(unit, to_unit) is not None, once per distinct pair."""
    if not len(units):
        return np.ones(0, dtype=bool)
    codes, uniques = pd.factorize(units)
    to_codes, to_uniques = pd.factorize(to_units)
    pairs, pair_at = np.unique(codes.astype(np.int64) * len(to_uniques) + to_codes, return_inverse=True)
    ok = [_converts(uniques[p // len(to_uniques)], to_uniques[p % len(to_uniques)]) for p in pairs]
    return np.array(ok, dtype=bool)[pair_at]


def shown_number(raw: str) -> str:
    """fmt.number(abs(Decimal(raw))): what an excerpt must contain for the number to be stated."""
    if _CANONICAL_RE.fullmatch(raw):
        return raw.lstrip("+-")
    return fmt_number(abs(Decimal(raw)))


def _shown_numbers(raws: np.ndarray) -> np.ndarray:
    """shown_number of each, as a numpy unicode array."""
    if not _CANONICALS_RE.fullmatch("\x00".join(raws)):
        return _objects([shown_number(raw) for raw in raws]).astype("U")
    return np.strings.lstrip(raws.astype("U"), "+-")


def _ranges_where(wanted: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The code points (as ranges) whose character is ``wanted``: slow, for another Unicode version."""
    ranges: list[tuple[int, int]] = []
    for point in range(0x110000):
        if 0xD800 <= point <= 0xDFFF or not wanted(chr(point)):
            continue
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1] = (ranges[-1][0], point)
        else:
            ranges.append((point, point))
    return ranges


def _special(char: str) -> bool:
    form = unicodedata.normalize("NFKC", char)
    return form != char and (not form or any(c.isdecimal() or c in ".," for c in form))


def _table(ranges: Iterable[tuple[int, int]]) -> np.ndarray:
    table = np.zeros(0x110000, dtype=bool)
    for first, last in ranges:
        table[first : last + 1] = True
    return table


@lru_cache(maxsize=1)
def _special_table() -> np.ndarray:
    same = unicodedata.unidata_version == _SPECIAL_UNICODE
    return _table(_SPECIAL_RANGES if same else _ranges_where(_special))


@lru_cache(maxsize=1)
def _digit_table() -> np.ndarray:
    same = unicodedata.unidata_version == _SPECIAL_UNICODE
    table = _table(_DIGIT_RANGES if same else _ranges_where(lambda char: not char.isascii() and char.isdecimal()))
    table[0x30:0x3A] = True
    return table


def _plain_joined(joined: str) -> str:
    """What number_is_stated sees of excerpts joined by NUL, as far as digits, "." and "," go.

    NFKC of a whole column is slow, and only a few hundred characters make a difference to
    digits, points and commas: those are replaced by their NFKC forms, everything else is kept.
    """
    plain = joined
    if not joined.isascii() and not unicodedata.is_normalized("NFKC", joined):
        points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        for point in np.unique(points[_special_table()[points]]):
            char = chr(point)
            plain = plain.replace(char, unicodedata.normalize("NFKC", char))
    if "," in plain:
        plain = _THOUSANDS_RE.sub("", plain)
    return plain


def _decimal(points: np.ndarray) -> np.ndarray:
    """str.isdecimal (what a regular expression's digit class matches) of each code point."""
    return _digit_table()[points]


def _unstated(raws: np.ndarray, excerpts: np.ndarray, check: np.ndarray) -> np.ndarray:
    """Where a number (text in ``raws``) is checked and load.number_is_stated says it is not in the excerpt.

    All excerpts are joined into one text; numpy finds each number within its excerpt's span and
    reads the characters around it from the code points. A number found standing alone there
    (no digit or point before it, no digit or ".digit" after it) is a number token of the
    excerpt as written: stated. Every other row (in valid data: trailing zeros, other digits,
    numbers inside longer ones) is decided by load.number_is_stated itself.
    """
    out = np.zeros(len(raws), dtype=bool)
    where = np.flatnonzero(check & (raws != ""))
    if not where.size:
        return out
    texts = excerpts[where]
    joined = "\x00".join(texts)
    stated = np.zeros(len(where), dtype=bool)
    # Without numpy 2's string functions, or with an excerpt holding NUL (possible from YAML),
    # every row is left to the reference.
    if hasattr(np, "strings") and joined.count("\x00") == len(texts) - 1:
        shown = _shown_numbers(raws[where])
        plain = _plain_joined(joined) + "\x01"
        points = np.frombuffer(plain.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        separators = np.flatnonzero(points == 0)
        starts = np.concatenate(([0], separators + 1))
        ends = np.append(separators, len(points) - 1)
        needles = shown
        at = np.strings.find(points.view(f"<U{len(points)}"), needles, starts, ends)
        found = at >= 0
        after = np.where(found, at + np.strings.str_len(needles), 0)
        padded = np.append(points, np.zeros(2, dtype=np.uint32))
        before = padded[np.where(found, at - 1, -1)]  # -1: a zero, like the NUL between excerpts
        next1, next2 = padded[after], padded[after + 1]
        dot = ord(".")
        alone = ~(_decimal(before) | (before == dot)) & ~(_decimal(next1) | ((next1 == dot) & _decimal(next2)))
        stated = found & alone
    rest = np.flatnonzero(~stated)
    raw_numbers = raws[where]
    stated[rest] = [number_is_stated(Decimal(raw_numbers[i]), texts[i]) for i in rest]
    out[where] = ~stated
    return out


_WANTS = {">=": "higher", ">": "higher", "<=": "lower", "<": "lower"}


def _cross_check(tables: Tables, problems: list[Problem], unusable: set[str]) -> None:
    metrics, sources = tables.metrics, tables.sources
    metric_ids, source_ids = pd.Index(metrics["id"]), pd.Index(sources["id"])
    metric_units = metrics["unit"].to_numpy(dtype=object)
    directions = metrics["direction"].to_numpy(dtype=object)

    targets = tables.targets
    if len(targets):
        report = _Report(targets, problems)
        names = targets["metric"].to_numpy(dtype=object)
        m = _references(names, metric_ids, "metric", unusable, report)
        s = _references(targets["source"].to_numpy(dtype=object), source_ids, "source", unusable, report)
        targets["metric_at"], targets["source_at"] = m, s
        by = targets["by"].to_numpy()
        set_year = np.where(s >= 0, sources["year"].to_numpy()[s], 0)
        report(
            (s >= 0) & (by > 0) & (by < set_year),
            lambda i: f"deadline {by[i]} is before the target was set ({set_year[i]})",
        )
        has = m >= 0
        munit = np.where(has, metric_units[m], "")
        comparator = targets["comparator"].to_numpy(dtype=object)
        done = comparator == "done"
        report(
            has & done & (munit != DONE_UNIT),
            lambda i: f'a `done` target needs a milestone metric (unit "{DONE_UNIT}"); `{names[i]}` is in {munit[i]}',
        )
        report(
            has & ~done & (munit == DONE_UNIT), lambda i: f"metric `{names[i]}` is a milestone: use comparator `done`"
        )
        rest = has & ~done & (munit != DONE_UNIT)
        units = targets["unit"].to_numpy(dtype=object)
        where = np.flatnonzero(rest)
        bad_unit = np.zeros(len(targets), dtype=bool)
        bad_unit[where] = ~_unit_converts(units[where], munit[where])
        report(
            bad_unit,
            lambda i: f"unit `{units[i]}` does not convert to `{munit[i]}`, the unit of metric `{names[i]}`",
        )
        wants = np.array([_WANTS.get(c, "") for c in comparator], dtype=object)
        direction = np.where(has, directions[m], "")
        report(
            rest & (wants != "") & (wants != direction),
            lambda i: f"comparator `{comparator[i]}` contradicts metric `{names[i]}`, where {direction[i]} is better",
        )
        goals = targets["goal"].to_numpy(dtype=object)
        unstated = _unstated(
            goals, targets["excerpt"].to_numpy(dtype=object), rest & (targets["derived"] == "").to_numpy()
        )
        report(unstated, lambda i: f"goal {fmt_number(Decimal(goals[i]))} {_UNSTATED}")

    observations = tables.observations
    if len(observations):
        report = _Report(observations, problems)
        names = observations["metric"].to_numpy(dtype=object)
        m = _references(names, metric_ids, "metric", unusable, report)
        s = _references(observations["source"].to_numpy(dtype=object), source_ids, "source", unusable, report)
        observations["metric_at"], observations["source_at"] = m, s
        has = m >= 0
        munit = np.where(has, metric_units[m], "")
        has_done = observations["done"].to_numpy() >= 0
        milestone = munit == DONE_UNIT
        mismatch = has & (milestone != has_done)
        report(
            mismatch & has_done,
            lambda i: f"`done` is for milestone metrics; `{names[i]}` is measured in {munit[i]}",
        )
        report(
            mismatch & ~has_done,
            lambda i: f"metric `{names[i]}` is a milestone: give `done: true` or `done: false`",
        )
        rest = has & ~mismatch
        units = observations["unit"].to_numpy(dtype=object)
        where = np.flatnonzero(rest & ~has_done)
        bad_unit = np.zeros(len(observations), dtype=bool)
        bad_unit[where] = ~_unit_converts(units[where], munit[where])
        report(
            bad_unit,
            lambda i: f"unit `{units[i]}` does not convert to `{munit[i]}`, the unit of metric `{names[i]}`",
        )
        check = rest & (observations["derived"] == "").to_numpy()
        excerpts = observations["excerpt"].to_numpy(dtype=object)
        for column in ("value", "min", "max"):
            raws = observations[column].to_numpy(dtype=object)
            unstated = _unstated(raws, excerpts, check)
            report(unstated, lambda i, raws=raws: f"{fmt_number(Decimal(raws[i]))} {_UNSTATED}")


def _empty(kind: str) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=object) for name in TABLE_COLUMNS[kind]})


def read_tables(paths: Iterable[str | Path], max_bytes: int | None = None) -> Tables:
    """Read and check the files (CSV by suffix, else YAML); raise DataError listing every problem."""
    from ..engine import is_csv

    problems: list[Problem] = []
    unusable: set[str] = set()
    parts: dict[str, list[pd.DataFrame]] = {kind: [] for kind in KINDS}
    abouts: list[Any] = []
    seen: set[Path] = set()
    for path in paths:
        resolved = Path(path).resolve()
        if resolved in seen:
            continue  # one file given as both targets and actuals is read once
        seen.add(resolved)
        if is_csv(path):
            _read_csv(str(path), max_bytes or MAX_CSV_BYTES, problems, unusable, parts)
        else:
            _read_yaml_file(str(path), max_bytes, problems, unusable, parts, abouts)

    def table(kind: str) -> pd.DataFrame:
        frames = [frame for frame in parts[kind] if len(frame)]
        if not frames:
            return _empty(kind)
        frame = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
        return frame.reset_index(drop=True)

    tables = Tables(
        sources=_unique(table("source"), "source", problems),
        metrics=_unique(table("metric"), "metric", problems),
        targets=_unique(table("target"), "target", problems),
        observations=_unique(table("observation"), "observation", problems),
        about=abouts[0] if abouts else None,
    )
    for about in abouts[1:]:
        first = abouts[0].where
        problems.append(
            Problem(about.where.path, about.where.line, messages.dataset_named_twice(first.path, first.line))
        )
    _cross_check(tables, problems, unusable)
    if problems:
        raise DataError(problems)
    return tables


__all__ = ["COLUMNS", "KINDS", "TABLE_COLUMNS", "Tables", "read_tables", "shown_number"]
