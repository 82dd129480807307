"""Read CSV (and YAML) inputs into checked tables, one pandas DataFrame per kind of entry.

The rule book (:mod:`zjk_targets.rules`) decides; array code here only accepts what is certainly
valid. pandas' C parser reads a file; a column is accepted whole when one test over it settles
every cell (a regular expression over the column joined by NUL, a length, a float conversion);
otherwise each cell, or each distinct value of a column that repeats (years, flags, choices), goes
to the rule book's converter. The checks of an entry run once per distinct set of given and valid
fields; the checks between values of an entry, and across entries, run in the rule book for each
row that array code cannot clear. So every message, at its line, is the per-target engine's.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import DataError, Problem
from ..inputs import decode, is_csv, read_input
from ..load import Partial, check_partials, one_about, partial, read_entries, unresolved_problems, yaml_ids
from ..model import Comparator, Where
from ..rules import checks, messages, references
from ..rules.schema import (
    ATTRIBUTES,
    CHOICES,
    DATASET_SECTION,
    DONE_UNIT,
    FIELDS_OF,
    ID_PATTERN,
    KINDS,
    MAX_CSV_BYTES,
    MAX_TEXT_CHARS,
    NAMES_OF,
    Field,
    Type,
)
from ..rules.units import conversion_factor
from ..rules.values import NUMBER_PATTERN, Invalid, from_text
from ..rules.wording import number
from .entries import converted, entries

COLUMNS = frozenset({"kind"}.union(*NAMES_OF.values()))

_ID = f"(?>{ID_PATTERN.removesuffix('*')}{{0,{MAX_TEXT_CHARS - 1}}})"  # an id within the length limit
_IDS = re.compile(f"{_ID}(?:\x00{_ID})*+")
_NUMBERS = re.compile(f"(?>{NUMBER_PATTERN})(?:\x00(?>{NUMBER_PATTERN}))*+")
_DECIMALS = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:\x00-?[0-9]+(?:\.[0-9]+)?)*+")  # NUMBER_PATTERN's plain case
# Numbers already in the shortest form wording.number gives, whose text can be used as it is.
_CANONICAL = r"(?>[+-]?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?)"
_CANONICAL_RE = re.compile(_CANONICAL)
_CANONICALS = re.compile(f"{_CANONICAL}(?:\x00{_CANONICAL})*+")


@dataclass
class Tables:
    """Checked entries, one DataFrame per kind, in load order: a column per field of the kind, then
    ``path`` and ``line``. Text, ids, numbers (their text) and choices (their value) are "" when
    absent; a year is 0; ``done`` is -1 (absent), 0 or 1; other flags are booleans; ``published``
    holds PartialDates. Targets and observations also carry ``metric_at`` and ``source_at``: the
    row of the metric and of the source they refer to.
    """

    sources: pd.DataFrame
    metrics: pd.DataFrame
    targets: pd.DataFrame
    observations: pd.DataFrame
    about: Any = None  # the `dataset` section of a YAML input (a CSV file cannot name the data)


def objects(items: Iterable[Any]) -> np.ndarray:
    items = list(items)
    array = np.empty(len(items), dtype=object)
    array[:] = items
    return array


def filled(count: int, value: Any) -> np.ndarray:
    """``count`` references to ``value`` (np.full fills an object array item by item, 15× slower)."""
    array = np.empty(count, dtype=object)
    array[:] = value
    return array


# ---------------------------------------------------------------------------------------------
# A column of cells into a column of its table, with a message where a cell is invalid.

# A table's value for an absent (or invalid) cell, by type; "" for the others.
_ABSENT: dict[Type, Any] = {Type.YEAR: 0, Type.FLAG: False, Type.DATE: None}
_DTYPES: dict[Type, Any] = {Type.YEAR: np.int64, Type.FLAG: bool}


def _absent(field: Field) -> Any:
    return -1 if field.name == "done" else _ABSENT.get(field.type, "")


def _dtype(field: Field) -> Any:
    return np.int8 if field.name == "done" else _DTYPES.get(field.type, object)


def _in_table(field: Field, value: Any) -> Any:
    """A converted value as its table holds it (a choice by its value, done as 0 or 1)."""
    if value is None:
        return _absent(field)
    if field.type is Type.CHOICE:
        return getattr(value, "value", value)  # an enum's value; a kind is its own
    if field.type is Type.NUMBER:
        return str(value)  # a Decimal from YAML; a CSV number is its text already
    return int(value) if field.name == "done" else value


def _certainly_valid(kind: Type, cells: np.ndarray) -> bool:
    if kind is Type.TEXT:
        return not any(map(str.isspace, cells)) and max(map(len, cells), default=0) <= MAX_TEXT_CHARS
    joined = "\x00".join(cells)
    if kind is Type.ID:
        return _IDS.fullmatch(joined) is not None
    if _DECIMALS.fullmatch(joined):  # the usual numbers, finite without a look at their value
        return True
    return _NUMBERS.fullmatch(joined) is not None and bool(np.isfinite(cells.astype(float)).all())


def _column(field: Field, cells: np.ndarray, given: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """The table column of a column of cells ("" absent; ``given`` says where not), and each cell's
    problem (None if valid), if any."""
    if field.type in (Type.TEXT, Type.ID, Type.NUMBER):
        given = np.flatnonzero(given)
        if _certainly_valid(field.type, cells[given] if len(given) < len(cells) else cells):
            return cells, None
        codes, distinct = np.arange(len(cells)), cells  # each cell on its own: they rarely repeat
    else:  # years, dates, flags and choices repeat: each distinct one given is converted once
        rows = slice(None) if given.all() else np.flatnonzero(given)  # flags are mostly not given
        codes = np.zeros(len(cells), dtype=np.int64)
        codes[rows], distinct = pd.factorize(cells[rows])
        codes[rows] += 1
        distinct = np.append(filled(1, ""), distinct)
    values = np.empty(len(distinct), dtype=_dtype(field))
    problems = np.full(len(distinct), None, dtype=object)
    for i, cell in enumerate(distinct.tolist()):
        try:
            values[i] = _in_table(field, from_text(field.name, field.type, cell) if cell else None)
        except Invalid as error:
            values[i], problems[i] = _absent(field), str(error)
    if not any(problem is not None for problem in problems):
        return values[codes], None
    return values[codes], problems[codes]


# ---------------------------------------------------------------------------------------------
# The rows of one kind in one CSV file.


class _Rows:
    def __init__(
        self,
        kind: str,
        path: str,
        lines: np.ndarray,
        cells: dict[str, np.ndarray],
        problems: list[Problem],
        partials: list[Partial],
    ):
        self.kind, self.path, self.lines, self.cells, self.problems = kind, path, lines, cells, problems
        self.partials = partials
        self.n = len(lines)
        self.fields = FIELDS_OF[kind]

    def report(self, rows: np.ndarray, message: str) -> None:
        self.problems.extend(Problem(self.path, int(line), message) for line in self.lines[rows])

    def read(self) -> tuple[pd.DataFrame, np.ndarray]:
        """The table of the usable rows, and which rows those are."""
        given, columns, invalid = {}, {}, {}
        nothing, blank = np.zeros(self.n, dtype=bool), filled(self.n, "")  # shared, never written
        for field in self.fields:
            name = field.name
            cells = self.cells.get(name)
            if cells is None:
                given[name] = nothing
                absent = _absent(field)
                columns[name] = blank if absent == "" else np.full(self.n, absent, dtype=_dtype(field))
                continue
            given[name] = cells != ""
            columns[name], problems = _column(field, cells, given[name])
            if problems is not None:
                bad = np.flatnonzero(problems != None)  # noqa: E711 - an object array
                for i, problem in zip(bad.tolist(), problems[bad], strict=True):
                    self.problems.append(Problem(self.path, int(self.lines[i]), messages.invalid(name, problem)))
                invalid[name] = problems != None  # noqa: E711
        usable = self._shapes(given, invalid, columns)
        self._values(given, invalid, columns, usable)
        for i in np.flatnonzero(~usable).tolist():  # what can be read of them is still checked
            row_given = [f for f in self.fields if given[f.name][i]]
            values = {
                f.name: converted(f, columns[f.name][i : i + 1])[0]
                for f in row_given
                if not (f.name in invalid and invalid[f.name][i])
            }
            found = partial(self.kind, values, [f.name for f in row_given], Where(self.path, int(self.lines[i])))
            self.partials.extend([found] if found else [])
        keep = slice(None) if usable.all() else usable
        table = {name: column[keep] for name, column in columns.items()}
        if self.kind == "observation":  # a milestone's figure may leave the unit out
            unitless = (table["done"] >= 0) & (table["unit"] == "")
            if unitless.any():
                table["unit"] = np.where(unitless, DONE_UNIT, table["unit"]).astype(object)
        table["path"] = filled(int(usable.sum()), self.path)
        table["line"] = self.lines[keep]
        return frame(table), usable

    def _shapes(self, given: dict, invalid: dict, columns: dict) -> np.ndarray:
        """checks.shape once per distinct (given fields, valid fields, comparator)."""
        # Only the fields given in some rows and not others, or invalid in some, tell rows apart.
        always = frozenset(name for name, mask in given.items() if mask.all())
        bits = [(name, True, mask) for name, mask in given.items() if name not in always and mask.any()]
        bits += [(name, False, mask) for name, mask in invalid.items()]
        signature = np.zeros(self.n, dtype=np.int64)
        for bit, (*_, mask) in enumerate(bits):
            signature |= mask.astype(np.int64) << bit
        comparators = [None, *Comparator]
        if self.kind == "target":
            codes, distinct = pd.factorize(columns["comparator"])
            known = np.array([comparators.index(CHOICES["comparator"].get(c)) for c in distinct], dtype=np.int64)
            signature |= known[codes] << len(bits)
        codes, keys = pd.factorize(signature)
        usable = np.zeros(len(keys), dtype=bool)
        for k, key in enumerate(keys.tolist()):
            on = [(name, is_given) for bit, (name, is_given, _) in enumerate(bits) if key >> bit & 1]
            given_set = always | {name for name, is_given in on if is_given}
            valid = given_set - {name for name, is_given in on if not is_given}
            shape = checks.shape(self.kind, given_set, valid, comparators[key >> len(bits)])
            usable[k] = shape.usable
            if not shape.missing and not shape.problems:
                continue
            rows = np.flatnonzero(codes == k)
            for name in shape.missing:
                if name in self.cells:
                    self.report(rows, messages.missing(name))
                else:
                    self.problems.append(Problem(self.path, 1, messages.csv_no_column(name, self.kind)))
            for _, message in shape.problems:
                self.report(rows, message)
        return usable[codes]

    def _values(self, given: dict, invalid: dict, columns: dict, usable: np.ndarray) -> None:
        """checks.check_values for every row whose values array code cannot clear."""
        if self.kind == "source":
            suspect = np.array([bool(url) and not url.startswith(("http://", "https://")) for url in columns["url"]])
        elif self.kind == "target":
            suspect = np.array([tolerance.startswith("-") for tolerance in columns["tolerance"]], dtype=bool)
        elif self.kind == "observation":
            both = np.flatnonzero((columns["min"] != "") & (columns["max"] != ""))
            suspect = given["done"] & given["unit"] & (columns["unit"] != DONE_UNIT)
            suspect[both] |= columns["min"][both].astype(float) >= columns["max"][both].astype(float)
        else:
            return
        for i in np.flatnonzero(suspect).tolist():
            row_given = frozenset(name for name in given if given[name][i])
            ok = [f for f in self.fields if given[f.name][i] and not (f.name in invalid and invalid[f.name][i])]
            values = {f.name: converted(f, columns[f.name][i : i + 1])[0] for f in ok}
            found, blocks = checks.check_values(self.kind, row_given, values)
            for _, message in found:
                self.report(np.array([i]), message)
            usable[i] &= not blocks


def frame(columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """A table whose text columns stay numpy object arrays (pandas 3 would convert each to ``str``)."""
    return pd.DataFrame(
        {name: pd.Series(values, dtype=values.dtype, copy=False) for name, values in columns.items()}, copy=False
    )


# ---------------------------------------------------------------------------------------------
# Files: bytes, CSV structure, header, kinds.

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
            table = pd.read_csv(
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
    if table.shape[1] != len(header):
        return None
    rows = len(table)
    cells = [table.iloc[:, i].to_numpy(dtype=object) for i in range(len(header))]
    lines = np.arange(2, rows + 2, dtype=np.int64)
    total = _newlines(data) + (0 if data.endswith(b"\n") else 1)
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


def _newlines(data: bytes) -> int:
    """``data.count(b"\n")``, a megabyte at a time by numpy: 4× faster than bytes.count."""
    view = np.frombuffer(data, dtype=np.uint8)
    step = 1 << 20
    return sum(int(np.count_nonzero(view[start : start + step] == ord("\n"))) for start in range(0, len(view), step))


def _parse_careful(path: str, text: str, problems: list[Problem]) -> Parsed | None:
    """Python's csv reader, row by row: for the lines of every row, and for files pandas refuses."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    if not any(header):
        problems.append(Problem(path, 1, messages.CSV_NO_HEADER))
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
            problems.append(Problem(path, start, messages.csv_too_many_values(len(row), width)))
            continue
        rows.append((row + [""] * width)[:width])
        starts.append(start)
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), strict=True):
            pass
    except csv.Error as error:
        if "unexpected end of data" in str(error):
            problems.append(Problem(path, starts[-1] if starts else 1, messages.CSV_UNCLOSED_QUOTE))
            del rows[-1:], starts[-1:]
    columns = [objects(column) for column in zip(*rows, strict=True)] if rows else []
    return header, columns or [np.empty(0, dtype=object) for _ in header], np.array(starts, dtype=np.int64)


def _read_csv(
    path: str,
    max_bytes: int,
    problems: list[Problem],
    unusable: set[str],
    parts: dict[str, list],
    partials: list[Partial] | None = None,
) -> None:
    data, found = read_input(path, max_bytes)
    problems.extend(found)
    if data is not None and (not data or data.isspace()):
        problems.append(Problem(path, 0, messages.CSV_EMPTY))
        return
    parsed = _parse_fast(data) if data is not None else None
    if parsed is None and data is not None:
        text, found = decode(path, data)
        problems.extend(found)
        parsed = _parse_careful(path, text, problems) if text is not None else None
    if parsed is None:
        return
    header, cells_by_position, lines = parsed

    columns: dict[str, np.ndarray] = {}
    for position, name in enumerate(header):
        cells = cells_by_position[position]
        if name in columns:
            problems.append(Problem(path, 1, messages.csv_duplicate_column(name, header.index(name) + 1)))
        elif name in COLUMNS:
            columns[name] = cells
        elif name.strip():
            problems.append(Problem(path, 1, messages.csv_unknown_column(name, COLUMNS)))
        elif (cells != "").any():
            problems.append(Problem(path, 1, messages.csv_unnamed_column(position + 1)))
    if "kind" not in columns:
        problems.append(Problem(path, 1, messages.CSV_NO_KIND))
        return
    empty = columns["kind"] == ""
    if empty.any():  # blank lines are skipped
        empty = np.logical_and.reduce([cells == "" for cells in columns.values()])
        columns = {name: cells[~empty] for name, cells in columns.items()}
        lines = lines[~empty]

    def report(rows: np.ndarray, message: str) -> None:
        problems.extend(Problem(path, int(line), message) for line in lines[rows])

    kinds, kind_problems = _column(Field("kind", Type.CHOICE, {}), columns["kind"], columns["kind"] != "")
    report(np.flatnonzero(columns["kind"] == ""), messages.missing("kind"))
    for i in np.flatnonzero(kind_problems != None) if kind_problems is not None else []:  # noqa: E711
        report(np.array([i]), messages.invalid("kind", kind_problems[i]))
    if "id" in columns:
        unusable.update(value for value in columns["id"][kinds == ""] if value)

    for kind in KINDS:
        where = np.flatnonzero(kinds == kind)
        if not where.size:
            continue
        # The rows of one kind are usually together: then the columns are sliced, not copied.
        take = slice(where[0], where[-1] + 1) if where[-1] - where[0] + 1 == where.size else where
        cells = {name: values[take] for name, values in columns.items() if name != "kind"}
        for name, values in cells.items():
            if name not in NAMES_OF[kind]:
                report(where[values != ""], messages.csv_not_a_field_of(name, kind))
        named = {k: v for k, v in cells.items() if k in NAMES_OF[kind]}
        rows = _Rows(kind, path, lines[take], named, problems, partials if partials is not None else [])
        table, built = rows.read()
        if "id" in rows.cells and not built.all():
            unusable.update(value for value in rows.cells["id"][~built] if value)
        parts[kind].append(table)


# ---------------------------------------------------------------------------------------------
# YAML files, for a mix of formats: read by the per-target engine, then put into tables.


def _read_yaml_file(
    path: str,
    max_bytes: int | None,
    problems: list[Problem],
    unusable: set[str],
    parts: dict,
    abouts: list,
    partials: list[Partial],
) -> None:
    found = read_entries(path, max_bytes, problems, unusable, partials)
    abouts.extend(found.pop(DATASET_SECTION, []))
    for kind, items in found.items():
        if not items:
            continue
        columns = {}
        for field in FIELDS_OF[kind]:
            has = field.attr in ATTRIBUTES[kind]
            cells = [_in_table(field, getattr(item, field.attr) if has else None) for item in items]
            columns[field.name] = objects(cells) if _dtype(field) is object else np.array(cells, dtype=_dtype(field))
        columns["path"] = objects(item.where.path for item in items)
        columns["line"] = np.array([item.where.line for item in items], dtype=np.int64)
        parts[kind].append(frame(columns))


# ---------------------------------------------------------------------------------------------
# Across entries: unique ids, references, and the rule book's checks of each entry.


def _unique(table: pd.DataFrame, kind: str, problems: list[Problem]) -> pd.DataFrame:
    repeated = table["id"].duplicated(keep="first").to_numpy()
    if not repeated.any():
        return table
    first = table.loc[~repeated].set_index("id")
    for item_id, path, line in table.loc[repeated, ["id", "path", "line"]].itertuples(index=False):
        message = messages.duplicate_id(kind, item_id, first.at[item_id, "path"], first.at[item_id, "line"])
        problems.append(Problem(path, int(line), message))
    return table.loc[~repeated].reset_index(drop=True)


class _Report:
    """Problems at the rows of one table."""

    def __init__(self, table: pd.DataFrame, problems: list[Problem]) -> None:
        self.paths, self.lines, self.problems = table["path"].to_numpy(), table["line"].to_numpy(), problems

    def __call__(self, i: int, message: str) -> None:
        self.problems.append(Problem(self.paths[i], int(self.lines[i]), message))


def _references(
    names: np.ndarray, known: pd.Index, kind: str, unusable: set[str], table: pd.DataFrame, found: list
) -> np.ndarray:
    """Positions of ``names`` in ``known`` (-1 where unknown); the unknown names not already
    reported as broken entries go to ``found``, to be reported by their cause."""
    positions = known.get_indexer(names)
    unknown = positions < 0
    if unknown.any():
        unknown &= ~np.isin(names, list(unusable))
        paths, lines = table["path"].to_numpy(), table["line"].to_numpy()
        found += [
            references.Unresolved(paths[i], int(lines[i]), kind, names[i]) for i in np.flatnonzero(unknown).tolist()
        ]
    return positions


def _converts(units: np.ndarray, to_units: np.ndarray) -> np.ndarray:
    """Whether each unit converts to its metric's: a unit to itself does (by a factor of 1), and each
    distinct pair of two units is asked of the rule book once."""
    result = units == to_units
    other = np.flatnonzero(~result)
    pairs = list(zip(units[other].tolist(), to_units[other].tolist(), strict=True))
    converts = {pair: conversion_factor(*pair) is not None for pair in set(pairs)}
    result[other] = [converts[pair] for pair in pairs]
    return result


def _shown_numbers(raws: np.ndarray) -> np.ndarray:
    """wording.number(abs(Decimal(raw))) of each, in ASCII bytes: the digits an excerpt must hold
    (worked out once for each distinct number: figures repeat)."""
    codes, distinct = pd.factorize(raws)
    if _CANONICALS.fullmatch("\x00".join(distinct)):
        return np.strings.lstrip(distinct.astype("S"), b"+-")[codes]
    shown = [raw.lstrip("+-") if _CANONICAL_RE.fullmatch(raw) else number(abs(Decimal(raw))) for raw in distinct]
    return np.array(shown, dtype="S")[codes]


class _Excerpts:
    """Excerpts joined into one text, each character as the class of its NFKC form that
    checks.number_is_stated can tell apart: an ASCII digit, a point, a comma and NUL are themselves,
    another decimal digit is the ASCII digit of its value (Decimal reads a token of them so),
    anything else is a space.

    That is the NFKC text as far as numbers go, without normalizing it: NFKC works character by
    character but for canonical composition and reordering, which no digit, point or comma takes
    part in (tests/test_columnar.py checks the whole Unicode database for it), and a run of other
    characters, of whatever length, parts numbers alike.

    A number found standing alone in its excerpt's span (no digit or "digit." before it, no digit or
    ".digit" after it, zeros that change nothing aside) is a number token of the excerpt: stated, as
    checks.number_is_stated says.
    Every other row is left to the rule book.
    """

    def __init__(self, excerpts: np.ndarray) -> None:
        # A few thousand excerpts at a time: the whole text is never copied (twice, to encode it),
        # and the memory of one piece serves the next.
        parts, separator = [], np.zeros(1, dtype=np.uint8)
        for start in range(0, len(excerpts), _PIECE):
            parts += [_classes_of("\x00".join(excerpts[start : start + _PIECE])), separator]
        # "\x01" ends the last excerpt; the zeros let a read past either end find no digit.
        parts[-1:] = [np.frombuffer(b"\x01\x00\x00", dtype=np.uint8)]
        self.classes = np.concatenate(parts)
        self.text = self.classes.view(f"S{len(self.classes)}")
        separators = np.flatnonzero(self.classes[:-3] == 0)
        self.usable = len(separators) == len(excerpts) - 1  # no excerpt holds NUL (possible from YAML)
        self.begin = np.concatenate(([0], separators + 1))
        self.end = np.append(separators, len(self.classes) - 3)

    def stated(self, needles: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Where the number ``needles[i]`` (as _shown_numbers gives it) is certainly stated
        in the excerpt of row ``rows[i]``."""
        result = np.zeros(len(needles), dtype=bool)
        if not self.usable:
            return result
        lengths = np.strings.str_len(needles)
        pointed = np.strings.find(needles, b".") >= 0
        todo, begin = np.arange(len(needles)), self.begin[rows]
        # An occurrence may sit in a longer number ("20" in "2021年"): look further, a few times over
        # (only the rows still unsettled are searched again); the rest go to the rule book.
        for _ in range(_TRIES):
            if not len(todo):
                break
            at = np.strings.find(self.text, needles[todo], begin, self.end[rows[todo]])
            todo, at = todo[at >= 0], at[at >= 0]
            end = self._zeros_after(at + lengths[todo], pointed[todo])
            # A point before the number is a token's only when a digit stands before it ("1.7" vs "…7").
            before1, before2 = self.classes[at - 1], self.classes[at - 2]
            next1, next2 = self.classes[end], self.classes[end + 1]
            alone = ~(_DIGIT[before1] | ((before1 == _POINT) & _DIGIT[before2]))
            alone &= ~(_DIGIT[next1] | ((next1 == _POINT) & _DIGIT[next2]))
            result[todo[alone]] = True
            todo, begin = todo[~alone], at[~alone] + 1
        return result

    def _zeros_after(self, after: np.ndarray, pointed: np.ndarray) -> np.ndarray:
        """Where each number found ends once the zeros that leave its value alone are counted in:
        those after a fraction ("7.50" for 7.5), or a point and zeros after a whole number ("7.0"
        for 7). The number and its zeros are one token of the same value."""
        classes, end = self.classes, after.copy()
        whole = np.flatnonzero(~pointed & (classes[after] == _POINT) & (classes[after + 1] == _ZERO))
        end[whole] += 1
        zeros = np.union1d(np.flatnonzero(pointed), whole)
        while len(zeros := zeros[classes[end[zeros]] == _ZERO]):  # the padding after the last excerpt stops it
            end[zeros] += 1
        return end


_OTHER, _POINT, _COMMA, _ZERO = b" .,0"
_TRIES = 32
"""Occurrences of a figure looked at in its excerpt, at most, before the row is left to the rule book."""
_PIECE = 2048
"""Excerpts classified at a time."""
_BLOCK = 16 * _PIECE
"""Excerpts searched at a time: their classes, a few megabytes, are all there is of the text at once."""
_MORE, _ASTRAL = 0xFE, 0xFF  # in the table of the BMP only: several classes; half of a character beyond it
_DIGIT = np.zeros(256, dtype=bool)
_DIGIT[[*b"0123456789"]] = True


@cache
def _classes(char: str) -> bytes:
    """The classes of a character's NFKC form, a run of other characters as one."""
    found = bytearray()
    for part in unicodedata.normalize("NFKC", char):
        if part in "0123456789.,\x00":
            kind = ord(part)
        else:
            kind = ord("0") + unicodedata.decimal(part) if part.isdecimal() else _OTHER
        if kind != _OTHER or found[-1:] != b" ":
            found.append(kind)
    return bytes(found)


@cache
def _bmp() -> np.ndarray:
    """The class of each UTF-16 code unit (once per process: NFKC changes 3,000 of the 65,536)."""
    table = np.full(1 << 16, _OTHER, dtype=np.uint8)
    for code in range(1 << 16):
        char = chr(code)
        if code < 0x80 or char.isdecimal() or unicodedata.normalize("NFKC", char) != char:
            kinds = _classes(char)
            table[code] = kinds[0] if len(kinds) == 1 else _MORE
    table[0xD800:0xE000] = _ASTRAL
    return table


def _classes_of(text: str) -> np.ndarray:
    """The classes of the characters of ``text`` (see _Excerpts), without thousands separators."""
    classes = _all_classes(text)
    # checks.number_is_stated's (?<=\d),(?=\d{3}); an excerpt's last comma is followed by NUL or the end.
    commas = np.flatnonzero(classes == _COMMA)
    commas = commas[(commas > 0) & (commas < len(classes) - 3)]
    thousands = commas[_DIGIT[classes[commas - 1]] & _DIGIT[classes[commas + 1]]]
    thousands = thousands[_DIGIT[classes[thousands + 2]] & _DIGIT[classes[thousands + 3]]]
    return np.delete(classes, thousands) if len(thousands) else classes


def _all_classes(text: str) -> np.ndarray:
    """The classes of the characters of ``text``, a character's NFKC form in full."""
    codes = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
    classes = np.take(_bmp(), codes)
    if not len(classes) or classes.max() < _MORE:
        return classes
    if (classes == _ASTRAL).any():  # characters beyond the BMP, or lone surrogates: code points
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        astral = np.unique(codes[codes > 0xFFFF])
        table = np.full(max(int(codes.max()) + 1, 1 << 16), _OTHER, dtype=np.uint8)
        table[: 1 << 16] = np.where(_bmp() == _ASTRAL, _OTHER, _bmp())  # a lone surrogate is its own NFKC
        for code in astral.tolist():
            kinds = _classes(chr(code))
            table[code] = kinds[0] if len(kinds) == 1 else _MORE
        classes = np.take(table, codes)
    # A character whose NFKC has several classes ("½", "⑩", "…"): its first, then the rest inserted.
    at = np.flatnonzero(classes == _MORE)
    if not len(at):
        return classes
    distinct, which = np.unique(codes[at], return_inverse=True)
    forms = [_classes(chr(code)) for code in distinct.tolist()]
    classes[at] = np.frombuffer(bytes(form[0] for form in forms), dtype=np.uint8)[which]
    rests = np.frombuffer(b"".join(form[1:] for form in forms), dtype=np.uint8)
    sizes = np.array([len(form) - 1 for form in forms], dtype=np.int64)
    starts = np.cumsum(sizes) - sizes
    counts = sizes[which]
    # Positions into ``rests`` of each occurrence's rest, one after the other.
    offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    return np.insert(classes, np.repeat(at + 1, counts), rests[np.repeat(starts[which], counts) + offsets])


def stated_in(excerpts: np.ndarray, numbers: list[tuple[np.ndarray, np.ndarray]]) -> list[np.ndarray]:
    """For each (numbers' texts, their rows in ascending order): where each number is certainly
    stated in the excerpt of its row (see :class:`_Excerpts`)."""
    found = [(np.zeros(len(raws), dtype=bool), _shown_numbers(raws), rows) for raws, rows in numbers]
    for start in range(0, len(excerpts), _BLOCK):
        spans = [np.searchsorted(rows, [start, start + _BLOCK]).tolist() for _, _, rows in found]
        if all(first == last for first, last in spans):
            continue  # no number to look for in these excerpts
        block = _Excerpts(excerpts[start : start + _BLOCK])
        for (result, needles, rows), (first, last) in zip(found, spans, strict=True):
            result[first:last] = block.stated(needles[first:last], rows[first:last] - start)
    return [result for result, _, _ in found]


def stated(raws: np.ndarray, excerpts: np.ndarray) -> np.ndarray:
    """Where each number is certainly stated in its excerpt (see :class:`_Excerpts`)."""
    return stated_in(excerpts, [(raws, np.arange(len(raws)))])[0]


def _cross_check(tables: Tables, problems: list[Problem], unusable: set[str]) -> list[references.Unresolved]:
    """References, then the rule book's checks of each target and observation that array code
    cannot clear; returns the references not defined, to be reported by their cause."""
    metrics, sources = tables.metrics, tables.sources
    metric_ids, source_ids = pd.Index(metrics["id"]), pd.Index(sources["id"])
    # Each with one more item, for the position -1 of an unknown reference.
    metric_units = np.append(metrics["unit"].to_numpy(dtype=object), "")
    directions = np.append(metrics["direction"].to_numpy(dtype=object), "")
    set_years = np.array([date.year for date in sources["published"]] + [0], dtype=np.int64)
    wanted = {comparator.value: direction.value for comparator, direction in checks.WANTS.items()}
    unresolved: list[references.Unresolved] = []
    for kind, table in (("target", tables.targets), ("observation", tables.observations)):
        if not len(table):
            table["metric_at"] = table["source_at"] = np.zeros(0, dtype=np.int64)
            continue
        report = _Report(table, problems)
        m = _references(table["metric"].to_numpy(dtype=object), metric_ids, "metric", unusable, table, unresolved)
        s = _references(table["source"].to_numpy(dtype=object), source_ids, "source", unusable, table, unresolved)
        table["metric_at"], table["source_at"] = m, s
        unit = np.where(m >= 0, metric_units[m], "")
        milestone = unit == DONE_UNIT
        units = table["unit"].to_numpy(dtype=object)
        check = (table["derived"] == "").to_numpy()
        excerpts = table["excerpt"].to_numpy(dtype=object)
        if kind == "target":
            comparator = table["comparator"].to_numpy(dtype=object)
            done = comparator == Comparator.DONE.value
            by = table["by"].to_numpy()
            fine = (s < 0) | (by == 0) | (by >= set_years[s])
            wants = np.array([wanted.get(c, "") for c in comparator], dtype=object)
            numbers = [table["goal"].to_numpy(dtype=object)]
            fine &= (m < 0) | (done & milestone) | (~done & ~milestone & ((wants == "") | (wants == directions[m])))
        else:
            done = table["done"].to_numpy() >= 0
            numbers = [table[name].to_numpy(dtype=object) for name in ("value", "min", "max")]
            fine = (m < 0) | (done == milestone)
        rest = np.flatnonzero((m >= 0) & ~done & ~milestone)
        fine[rest] &= _converts(units[rest], unit[rest])
        rows = [np.flatnonzero(fine & (m >= 0) & ~done & check & (raws != "")) for raws in numbers]
        wanted = [(raws[at], at) for raws, at in zip(numbers, rows, strict=True)]
        for at, found in zip(rows, stated_in(excerpts, wanted), strict=True):
            fine[at] &= found
        suspects = np.flatnonzero(~fine)
        if not len(suspects):
            continue

        def known(kind: str, table: pd.DataFrame, at: np.ndarray) -> dict[str, Any]:
            return {item.id: item for item in entries(kind, table.iloc[np.unique(at[at >= 0])])}

        metric_of, source_of = known("metric", metrics, m[suspects]), known("source", sources, s[suspects])
        for i, item in zip(suspects.tolist(), entries(kind, table.iloc[suspects]), strict=True):
            if kind == "target":
                found = checks.check_target(item, metric_of.get(item.metric), source_of.get(item.source))
            else:
                found = checks.check_observation(item, metric_of.get(item.metric))
            for message in found:
                report(i, message)
    return unresolved


def _ids(path: Path, max_bytes: int | None) -> references.Defined:
    """The metric and source ids a file defines (its problems are not the data's)."""
    if not is_csv(path):
        return yaml_ids(path, max_bytes)
    parts: dict[str, list[pd.DataFrame]] = {kind: [] for kind in KINDS}
    _read_csv(str(path), max_bytes or MAX_CSV_BYTES, [], set(), parts)
    return {kind: {item for part in parts[kind] for item in part["id"]} for kind in ("metric", "source")}


def read_tables(paths: Iterable[str | Path], max_bytes: int | None = None) -> Tables:
    """Read and check the files (CSV by suffix, else YAML); raise DataError listing every problem."""
    problems: list[Problem] = []
    unusable: set[str] = set()
    partials: list[Partial] = []
    parts: dict[str, list[pd.DataFrame]] = {kind: [] for kind in KINDS}
    abouts: list[Any] = []
    read: dict[Path, Path] = {}
    for path in paths:
        if Path(path).resolve() in read:
            continue  # one file given as both targets and actuals is read once
        read[Path(path).resolve()] = Path(path)
        if is_csv(path):
            _read_csv(str(path), max_bytes or MAX_CSV_BYTES, problems, unusable, parts, partials)
        else:
            _read_yaml_file(str(path), max_bytes, problems, unusable, parts, abouts, partials)

    def table(kind: str) -> pd.DataFrame:
        frames = [part for part in parts[kind] if len(part)]
        if not frames:
            return frame(
                {name: np.empty(0, dtype=object) for name in [*(f.name for f in FIELDS_OF[kind]), "path", "line"]}
            )
        return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)

    tables = Tables(*(_unique(table(kind), kind, problems) for kind in KINDS), about=one_about(abouts, problems))
    unresolved = _cross_check(tables, problems, unusable)
    if partials:
        named = {kind: {getattr(found.item, kind) for found in partials} for kind in ("metric", "source")}
        metrics, sources = (
            {item.id: item for item in entries(kind, table.loc[table["id"].isin(named[kind])])}
            for kind, table in (("metric", tables.metrics), ("source", tables.sources))
        )
        check_partials(partials, metrics, sources, unusable, problems, unresolved)
    known = {"metric": tables.metrics["id"], "source": tables.sources["id"]}
    problems += unresolved_problems(unresolved, known, read.values(), lambda other: _ids(other, max_bytes))
    if problems:
        raise DataError(problems)
    return tables


__all__ = ["COLUMNS", "Tables", "frame", "objects", "read_tables", "stated"]
